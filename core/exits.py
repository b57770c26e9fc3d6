"""Exit codes (contracts.md): scripts and task schedulers rely on these numbers. What a run's result
means is decided in core/run/lifecycle.py; the numbers live here, below everything that uses them."""

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_CANNOT_CONNECT = 3
EXIT_CANCELLED = 4
EXIT_GUARD_REFUSED = 5   # an unattended run above its guard rail (--max-writes/--max-percent): nothing written
EXIT_PIPE_CLOSED = 141   # the reader of standard output went away (`… | head -3`): 128 + SIGPIPE, as a shell's tools
