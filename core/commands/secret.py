"""`immutableid-sync secret set|delete`: the client secret in the OS keyring (never in argv)."""

from __future__ import annotations

import argparse
import getpass
import sys

from core import logsetup
from core.cli import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_OK
from core.commands.common import CliError, add_connection_options, fail, resolve_connection
from core.messages import hint_for, text_for
from core.secrets import SecretStore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("secret", help="store or remove the client secret in the OS keyring")
    actions = parser.add_subparsers(dest="secret_action", metavar="ACTION")
    set_parser = actions.add_parser("set", help="store the secret (read from a prompt, or stdin when piped)")
    add_connection_options(set_parser, secret_input=False)
    set_parser.set_defaults(func=run_set)
    delete_parser = actions.add_parser("delete", help="remove the stored secret")
    add_connection_options(delete_parser, secret_input=False)
    delete_parser.set_defaults(func=run_delete)
    parser.set_defaults(func=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_BAD_INPUT


def run_set(args: argparse.Namespace) -> int:
    logsetup.setup_logging()
    try:
        conn, _ = resolve_connection(args)
    except CliError as exc:
        return fail(exc)
    store = SecretStore()
    if not store.persistent:
        # Storing for "this session" is useless in a one-shot command: say so instead.
        print(f"{text_for(store.unavailable_reason)} {hint_for(store.unavailable_reason)}", file=sys.stderr)
        return EXIT_CANNOT_CONNECT
    secret = _read_secret()
    if not secret:
        print("No secret given; nothing stored.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not store.set(conn.tenant, conn.client_id, secret):
        print(f"{text_for(store.unavailable_reason)} {hint_for(store.unavailable_reason)}", file=sys.stderr)
        return EXIT_CANNOT_CONNECT
    print(f"Secret stored in the keyring for {conn.tenant} / {conn.client_id}.")
    return EXIT_OK


def run_delete(args: argparse.Namespace) -> int:
    try:
        conn, _ = resolve_connection(args)
    except CliError as exc:
        return fail(exc)
    store = SecretStore()
    if store.delete(conn.tenant, conn.client_id):
        print(f"Secret removed for {conn.tenant} / {conn.client_id}.")
    else:
        print(f"No stored secret for {conn.tenant} / {conn.client_id}.")
    return EXIT_OK


def _read_secret() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Client secret (Value column; input hidden): ").strip()
    return sys.stdin.readline().strip()
