"""The `immutableid-sync` program: core's command line plus the `gui` command. It lives here, not in
core/, because core never names the GUI layer. Qt is imported only when `gui` runs, so every other
command works on machines without a display or without Qt's libraries."""

from __future__ import annotations

import argparse
import sys

from core import cli


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help="open the wizard", description="Open the desktop wizard.")
    parser.add_argument("--sandbox", action="store_true",
                        help="start the built-in sandbox tenant and pre-fill its connection (a demo)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gui.app import main as gui_main  # Qt only now

    return gui_main([], sandbox=bool(args.sandbox))


def build_parser() -> argparse.ArgumentParser:
    return cli.build_parser(extra=[register])


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, extra=[register])


if __name__ == "__main__":
    sys.exit(main())
