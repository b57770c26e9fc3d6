"""`python -m gui.screenshots.walk OUT`: every page and error state as PNGs in OUT."""

import sys

from gui.screenshots.walk.walk import main

sys.exit(main(sys.argv[1:]))
