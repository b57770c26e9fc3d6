"""Connection options shared by `check`, `preview`, `apply` and `secret`, and turning them into
(Connection, secret). The secret comes from the keyring, else $IMMUTABLEID_SYNC_CLIENT_SECRET, else
--secret-stdin — never from argv. A `--profile` file that holds `client_secret` (the sandbox's) wins."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from core import logsetup
from core.exits import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT
from core.graph.clouds import Cloud
from core.graph.connection import Connection, ProfileError, load_profile
from core.messages import describe, profile_error_text, unknown_profile_text
from core.setup.profiles import ProfileStore
from core.setup.secrets import ENV_SECRET, SecretStore


class CliError(Exception):
    """A message for the user and the exit code to leave with. Never holds a secret. `code`: what went
    wrong as a code, when known (an unattended run records it for the wizard to show)."""

    def __init__(self, exit_code: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.message = message
        self.code = code


def add_connection_options(parser: argparse.ArgumentParser, secret_input: bool = True) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument("--tenant", metavar="ID_OR_DOMAIN", help="Directory (tenant) ID or a domain of the tenant")
    group.add_argument("--client-id", metavar="GUID", help="Application (client) ID of the app registration")
    group.add_argument("--cloud", choices=[c.value for c in Cloud], help="national cloud (default: global)")
    group.add_argument("--profile", metavar="FILE_OR_NAME",
                       help="a JSON connection profile file (as printed by `sandbox`), or the name of a "
                            "connection saved in the wizard")
    if secret_input:
        group.add_argument("--secret-stdin", action="store_true",
                           help="read the client secret from standard input (one line)")


def resolve_connection(args: argparse.Namespace, require_client_id: bool = True) -> tuple[Connection, str | None]:
    """The connection from --profile and/or --tenant/--client-id/--cloud, validated (CliError exit 2).
    `require_client_id=False` (app create): only the tenant is needed."""
    profile_secret, source = None, None
    if getattr(args, "profile", None):
        conn, profile_secret, source = _load_profile_arg(args.profile, require_client_id)
    elif args.tenant is None and args.client_id is None:
        raise CliError(EXIT_BAD_INPUT, "Give --tenant and --client-id, or --profile with a profile file or "
                                       "the name of a saved connection.")
    else:
        conn = Connection(args.tenant or "", args.client_id or "")
    overrides = {k: v for k, v in (("tenant", args.tenant), ("client_id", args.client_id),
                                   ("cloud", args.cloud)) if v is not None}
    if "client_id" in overrides and overrides["client_id"].strip().lower() != conn.client_id:
        profile_secret = None  # the file's secret belongs to the file's app
    if overrides:
        conn = Connection.from_profile_dict({**conn.to_profile_dict(), **{
            ("tenant_id" if k == "tenant" else k): v for k, v in overrides.items()}})
    problems = [p for p in conn.validate() if require_client_id or p.field != "client_id"]
    if problems:
        lines = [f"  {_where(p.field, overrides, source)}: {describe(p.code)}" for p in problems]
        raise CliError(EXIT_BAD_INPUT, "The connection details need fixing:\n" + "\n".join(lines))
    if profile_secret:
        logsetup.register_secret(profile_secret)
    return conn, profile_secret


def resolve_secret(conn: Connection, args: argparse.Namespace, profile_secret: str | None = None,
                   store: SecretStore | None = None, stdin: TextIO | None = None) -> str:
    """Profile file, then keyring, then the environment, then stdin. CliError exit 3 when none has it;
    exit 2 when --secret-stdin was given and its first line is empty. A certificate connection's private key
    (PEM) comes from the keyring only (graph-facts §16: never a file, never argv)."""
    if conn.uses_certificate:
        key = (store or SecretStore()).credential_for(conn)
        if not key:
            raise CliError(EXIT_CANNOT_CONNECT, describe("no_certificate_key"), "no_certificate_key")
        return key
    secret = profile_secret or (store or SecretStore()).get(conn.tenant, conn.client_id)
    secret = secret or os.environ.get(ENV_SECRET, "").strip() or None
    if not secret and getattr(args, "secret_stdin", False):
        line = (stdin or sys.stdin).readline()
        secret = line.strip() or None
        if not secret:  # the admin chose stdin: say what arrived there, not where else a secret may live
            code = "secret_stdin_blank" if line else "secret_stdin_empty"
            raise CliError(EXIT_BAD_INPUT, f"--secret-stdin: {describe(code)}")
    if not secret:
        raise CliError(EXIT_CANNOT_CONNECT, describe("no_secret"), "no_secret")
    logsetup.register_secret(secret)
    return secret


def connection_and_secret(args: argparse.Namespace) -> tuple[Connection, str]:
    conn, profile_secret = resolve_connection(args)
    return conn, resolve_secret(conn, args, profile_secret)


def _load_profile_arg(value: str, require_client_id: bool = True) -> tuple[Connection, str | None, str]:
    """(connection, the file's secret or None, what to call where it came from in messages)."""
    path = Path(value)
    if not path.exists():
        store = ProfileStore()
        saved = store.get(value)
        if saved is not None:
            return saved, None, f'saved connection "{value}"'
        if not _looks_like_a_path(value):
            raise CliError(EXIT_BAD_INPUT, f"--profile {unknown_profile_text(value, store.names())}")
    try:
        conn, secret = load_profile(path, require_client_id)
    except ProfileError as exc:
        raise CliError(EXIT_BAD_INPUT, f"--profile {profile_error_text(exc)}") from None
    return conn, secret, str(path)


def _looks_like_a_path(value: str) -> bool:
    """A value with a path separator or a .json suffix is a file the admin meant; anything else may be a
    saved connection's name (which are things like "North school" or "school.onmicrosoft.com")."""
    return any(sep and sep in value for sep in (os.sep, os.altsep)) or value.lower().endswith(".json")


# Connection fields that have a command-line option; the others (login_url, graph_url, ca_bundle) only
# ever come from a profile, and are named there by their key.
_OPTIONS = {"tenant": "--tenant", "client_id": "--client-id", "cloud": "--cloud"}


def _where(field: str, overrides: dict, source: str | None) -> str:
    """Where the admin fixes a field: the option they typed, else the key in the profile it came from."""
    if field in overrides or source is None:
        return _OPTIONS.get(field, field)
    return f"{source}, key {'tenant_id' if field == 'tenant' else field}"


def fail(exc: CliError) -> int:
    print(exc.message, file=sys.stderr)
    return exc.exit_code
