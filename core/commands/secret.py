"""`immutableid-sync secret set|delete`: the client secret in the OS keyring (never in argv)."""

from __future__ import annotations

import argparse
import getpass
import sys

from core import logsetup
from core.commands.common import CliError, add_connection_options, fail, resolve_connection
from core.exits import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_OK
from core.messages import describe
from core.setup.secrets import BACKEND_ERROR, SecretStore

# Why a secret was not stored, by SecretStore.unavailable_reason: the store's own text ("kept for this
# session only") is right for the wizard, wrong for a command that ends at once.
NOT_STORED = {BACKEND_ERROR: "secret_not_stored_keyring_error"}


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
        return _not_stored(store)
    secret, empty = _read_secret()
    if not secret:
        print(describe(empty), file=sys.stderr)
        return EXIT_BAD_INPUT
    if not store.set(conn.tenant, conn.client_id, secret):
        return _not_stored(store)
    print(f"Secret stored in the keyring for {conn.tenant} / {conn.client_id}.")
    return EXIT_OK


def run_delete(args: argparse.Namespace) -> int:
    # Without the log file, the keyring's warnings would reach the terminal through logging's last resort
    # ("kept in memory for this session only": wrong for a command that ends at once).
    logsetup.setup_logging()
    try:
        conn, _ = resolve_connection(args)
    except CliError as exc:
        return fail(exc)
    store = SecretStore()
    if not store.persistent and store.unavailable_reason != BACKEND_ERROR:
        print(describe("secret_delete_no_keyring"))  # nothing can have been stored: that is success
        return EXIT_OK
    removed = store.delete(conn.tenant, conn.client_id)
    if store.unavailable_reason == BACKEND_ERROR:
        print(describe("secret_delete_keyring_error"), file=sys.stderr)
        return EXIT_CANNOT_CONNECT
    if removed:
        print(f"Secret removed for {conn.tenant} / {conn.client_id}.")
    else:
        print(f"No stored secret for {conn.tenant} / {conn.client_id}.")
    return EXIT_OK


def _not_stored(store: SecretStore) -> int:
    print(describe(NOT_STORED.get(store.unavailable_reason, "secret_not_stored_no_keyring")), file=sys.stderr)
    return EXIT_CANNOT_CONNECT


def _read_secret() -> tuple[str, str]:
    """(the secret, the code that says why it is missing when it is "")."""
    if sys.stdin.isatty():
        return getpass.getpass("Client secret (Value column; input hidden): ").strip(), "secret_not_typed"
    line = sys.stdin.readline()
    return line.strip(), ("secret_set_stdin_blank" if line else "secret_set_stdin_empty")
