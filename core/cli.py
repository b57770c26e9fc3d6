"""`immutableid-sync` command line. Each command lives in its own module under core/commands/
(or core/sandbox/command.py) and registers itself here; the contract is in docs/contracts.md."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Iterable

from core import APP_NAME, __version__
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_PIPE_CLOSED

# command name -> module that defines `register(subparsers)`; each sets `func(args) -> int`. The `gui`
# command is added by the program's entry point outside core/ (core never names the GUI layer).
COMMANDS = {
    "sandbox": "core.sandbox.command",
    "check": "core.commands.check",
    "preview": "core.commands.preview",
    "apply": "core.commands.apply",
    "secret": "core.commands.secret",
    "connection": "core.commands.connection",
    "schedule": "core.commands.schedule",
    "batch": "core.commands.batch",
    "app": "core.commands.app",
    "undo": "core.commands.undo",
    "federate": "core.commands.federate",
}


Register = Callable[[argparse._SubParsersAction], None]


def build_parser(extra: Iterable[Register] = (), only: str | None = None) -> argparse.ArgumentParser:
    """`only`: a command of COMMANDS — import that command's module alone (the others' imports cost a
    run ~0.15 s before its first request: issue 17); None imports them all (help, unknown commands)."""
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Fill in missing onPremisesImmutableId values in a Microsoft Entra tenant.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in ([COMMANDS[only]] if only in COMMANDS else COMMANDS.values()):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:  # a real missing dependency, not a command still to be written
                raise
            continue
        module.register(subparsers)
    for register in extra:
        register(subparsers)
    return parser


def main(argv: list[str] | None = None, extra: Iterable[Register] = ()) -> int:
    """`extra`: more commands' register functions (the entry point adds the wizard's `gui`)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(extra, only=argv[0] if argv else None)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a closed pipe shows here, not as a traceback while Python exits
        return code
    except KeyboardInterrupt:
        print("Cancelled.", file=sys.stderr)
        return EXIT_CANCELLED
    except BrokenPipeError:  # `immutableid-sync check … | head -3`: the reader has all it wanted
        _silence_stdout()
        return EXIT_PIPE_CLOSED


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's own flush at exit does not raise again
    (the recipe of the Python docs' signal module, "Note on SIGPIPE")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (a test's capture)
        pass


if __name__ == "__main__":
    sys.exit(main())
