"""`immutableid-sync gui [--sandbox]`: open the wizard. Qt is imported only when the command runs, so the
rest of the command line works on machines without a display or without Qt's libraries."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help="open the wizard",
                                   description="Open the desktop wizard.")
    parser.add_argument("--sandbox", action="store_true",
                        help="start the built-in sandbox tenant and pre-fill its connection (a demo)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import importlib

    app = importlib.import_module("gui.app")  # lazily: core/ never imports Qt at module level
    return app.main([], sandbox=bool(args.sandbox))
