"""`python -m gui.screenshots OUT`: every page and error state as PNGs in OUT (the same as
`python -m gui.screenshots.walk OUT` and `make screenshots`)."""

import sys

from gui.screenshots.walk import main

sys.exit(main(sys.argv[1:]))
