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
from core.cli import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT
from core.clouds import Cloud
from core.connection import Connection, ProfileError, load_profile
from core.messages import describe, hint_for, text_for
from core.profiles import ProfileStore
from core.secrets import ENV_SECRET, SecretStore


class CliError(Exception):
    """A message for the user and the exit code to leave with. Never holds a secret."""

    def __init__(self, exit_code: int, message: str) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.message = message


def add_connection_options(parser: argparse.ArgumentParser, secret_input: bool = True) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument("--tenant", metavar="ID_OR_DOMAIN", help="Directory (tenant) ID or a domain of the tenant")
    group.add_argument("--client-id", metavar="GUID", help="Application (client) ID of the app registration")
    group.add_argument("--cloud", choices=[c.value for c in Cloud], help="national cloud (default: global)")
    group.add_argument("--profile", metavar="FILE",
                       help="a JSON connection profile (as printed by `sandbox`), or a saved profile's name")
    if secret_input:
        group.add_argument("--secret-stdin", action="store_true",
                           help="read the client secret from standard input (one line)")


def resolve_connection(args: argparse.Namespace) -> tuple[Connection, str | None]:
    """The connection from --profile and/or --tenant/--client-id/--cloud, validated (CliError exit 2)."""
    profile_secret = None
    if getattr(args, "profile", None):
        conn, profile_secret = _load_profile_arg(args.profile)
    elif args.tenant is None and args.client_id is None:
        raise CliError(EXIT_BAD_INPUT, "Give --tenant and --client-id, or --profile FILE.")
    else:
        conn = Connection(args.tenant or "", args.client_id or "")
    overrides = {k: v for k, v in (("tenant", args.tenant), ("client_id", args.client_id),
                                   ("cloud", args.cloud)) if v is not None}
    if "client_id" in overrides and overrides["client_id"].strip().lower() != conn.client_id:
        profile_secret = None  # the file's secret belongs to the file's app
    if overrides:
        conn = Connection.from_profile_dict({**conn.to_profile_dict(), **{
            ("tenant_id" if k == "tenant" else k): v for k, v in overrides.items()}})
    problems = conn.validate()
    if problems:
        lines = [f"  --{p.field.replace('_', '-')}: {describe(p.code)}" for p in problems]
        raise CliError(EXIT_BAD_INPUT, "The connection details need fixing:\n" + "\n".join(lines))
    if profile_secret:
        logsetup.register_secret(profile_secret)
    return conn, profile_secret


def resolve_secret(conn: Connection, args: argparse.Namespace, profile_secret: str | None = None,
                   store: SecretStore | None = None, stdin: TextIO | None = None) -> str:
    """Profile file, then keyring, then the environment, then stdin. CliError exit 3 when none has it."""
    secret = profile_secret or (store or SecretStore()).get(conn.tenant, conn.client_id)
    secret = secret or os.environ.get(ENV_SECRET, "").strip() or None
    if not secret and getattr(args, "secret_stdin", False):
        secret = (stdin or sys.stdin).readline().strip() or None
    if not secret:
        raise CliError(EXIT_CANNOT_CONNECT, f"{text_for('no_secret')} {hint_for('no_secret')}")
    logsetup.register_secret(secret)
    return secret


def connection_and_secret(args: argparse.Namespace) -> tuple[Connection, str]:
    conn, profile_secret = resolve_connection(args)
    return conn, resolve_secret(conn, args, profile_secret)


def _load_profile_arg(value: str) -> tuple[Connection, str | None]:
    path = Path(value)
    if not path.exists():
        saved = ProfileStore().get(value)
        if saved is not None:
            return saved, None
    try:
        return load_profile(path)
    except ProfileError as exc:
        field = f" ({exc.field})" if exc.field else ""
        raise CliError(EXIT_BAD_INPUT, f"--profile {value}: {describe(exc.code)}{field}") from None


def fail(exc: CliError) -> int:
    print(exc.message, file=sys.stderr)
    return exc.exit_code
