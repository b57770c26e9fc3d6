"""`immutableid-sync federate check` (issue 18 §1, graph-facts §15): is the domain ready to be federated with
this IdP? Prints the readiness table — each row's verdict, reason and fix — and exits 0 only when every row
holds. Reads only: the app's own credentials read the tenant, nothing is written anywhere.

`federate apply` / `federate undo` (core/commands/federate_run.py) sign an admin in interactively and write."""

from __future__ import annotations

import argparse
import sys

from core import logsetup
from core.commands.common import CliError, add_connection_options, fail, resolve_connection, resolve_secret
from core.commands.progress import ProgressLine
from core.commands.unattended import saved_connection
from core.exits import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED
from core.federation.metadata import metadata_trust
from core.federation.readiness import (
    Readiness,
    ReadinessProgress,
    check_readiness,
    pending_swaps_from_journals,
)
from core.graph.auth import AuthError, TokenProvider
from core.graph.client import GraphClient, GraphError
from core.graph.connection import DOMAIN_RE, Connection
from core.graph.http import VerifyingSession
from core.messages import describe, readiness_check_name, readiness_fix, readiness_reason
from core.tenant.checks import Verdict
from core.tenant.directory import upn_domain

_MARK = {Verdict.OK: " ok ", Verdict.WARNING: "warn", Verdict.FAILED: "FAIL", Verdict.SKIPPED: "skip",
         Verdict.UNKNOWN: " ?? "}
_STAGES = {"domains": "reading the domains", "federation": "reading the domain's federation",
           "metadata": "reading the IdP's metadata", "users": "listing users", "admins": "reading admin roles"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("federate", help="federate a domain with the school's IdP: check, apply, undo",
                                   description="Federating a domain with the school's identity provider.")
    commands = parser.add_subparsers(dest="federate_command", metavar="COMMAND")
    check = commands.add_parser(
        "check", help="is the domain ready to be federated with this IdP?",
        description="Prints a readiness table (reason and fix per row); exit 0 only when every row holds. "
                    "Reads only; writes nothing.")
    _target(check)
    check.add_argument("--idp-metadata", required=True, metavar="FILE_OR_URL",
                       help="the IdP's SAML 2.0 metadata: a file, or its https address")
    check.add_argument("--admin", metavar="UPN",
                       help="the admin account that will sign in to federate (must not be in the domain)")
    check.set_defaults(func=run_check)
    from core.commands import federate_run  # the federation run's face (it uses this module's helpers)

    federate_run.register(commands, _target)

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help()
        return EXIT_BAD_INPUT

    parser.set_defaults(func=usage)


def _target(parser: argparse.ArgumentParser) -> None:
    """What every federate command names: the tenant (the app's connection, for reads) and the domain."""
    add_connection_options(parser, secret_input=True)
    parser.add_argument("--connection", metavar="NAME", help="a saved connection (instead of --profile)")
    parser.add_argument("--domain", required=True, metavar="D", help="the domain, e.g. school.example")


def run_check(args: argparse.Namespace) -> int:
    logsetup.setup_logging()
    try:
        domain, admin = _check_options(args)
        conn, secret = _connection(args)
    except CliError as exc:
        return fail(exc)
    print(f"Is {domain} ready to be federated? Tenant {conn.display_name}, IdP metadata {args.idp_metadata}")
    session = VerifyingSession(conn.verify)
    tokens = TokenProvider(conn, secret, session)
    try:
        roles = tokens.token().roles
        graph = GraphClient(conn, tokens, session)
        readiness = _gather(graph, conn, domain, args.idp_metadata, admin, roles)
    except AuthError as exc:
        return fail(CliError(EXIT_CANNOT_CONNECT, f"Sign-in failed: {describe(exc.code.value)}", exc.code.value))
    except GraphError as exc:
        return fail(CliError(EXIT_CANNOT_CONNECT, f"Microsoft Graph answered with an error: {exc}"))
    print_table(readiness)
    if readiness.passed:
        print(f"Ready: {domain} can be federated with this IdP.")
        return EXIT_OK
    print("Not ready: fix the rows marked FAIL or ?? above, then run federate check again.")
    return EXIT_SOME_FAILED


def _check_options(args: argparse.Namespace) -> tuple[str, str | None]:
    domain = args.domain.strip().lower().rstrip(".")
    if not DOMAIN_RE.match(domain):
        raise CliError(EXIT_BAD_INPUT, f"--domain: {args.domain!r} is not a domain name (e.g. school.example).")
    admin = (getattr(args, "admin", None) or "").strip() or None
    if admin is not None and (admin.count("@") != 1 or not DOMAIN_RE.match(upn_domain(admin))):
        raise CliError(EXIT_BAD_INPUT, f"--admin: {args.admin!r} is not a user principal name "
                                       "(e.g. admin@school.onmicrosoft.com).")
    if not args.idp_metadata.strip():
        raise CliError(EXIT_BAD_INPUT, "--idp-metadata: give the metadata file or its https address.")
    return domain, admin


def _connection(args: argparse.Namespace) -> tuple[Connection, str]:
    if args.connection and (args.profile or args.tenant or args.client_id):
        raise CliError(EXIT_BAD_INPUT, "Give either --connection NAME or --profile/--tenant/--client-id, not both.")
    if args.connection:
        conn, _source = saved_connection(args.connection)
        return conn, resolve_secret(conn, args)
    conn, profile_secret = resolve_connection(args)
    return conn, resolve_secret(conn, args, profile_secret)


def _gather(graph: GraphClient, conn: Connection, domain: str, metadata: str, admin: str | None,
            roles: frozenset[str]) -> Readiness:
    line = ProgressLine("federate check")

    def progress(p: ReadinessProgress) -> None:
        text = _STAGES.get(p.stage, p.stage) + (f": {p.users}" if p.stage == "users" and p.users else "")
        line.update(text, force=p.stage != "users")

    try:
        return check_readiness(graph, domain, metadata, admin_upn=admin, token_roles=roles,
                               verify=_metadata_trust(conn, metadata), pending_swaps=pending_swaps_from_journals(),
                               progress=progress)
    finally:
        line.done()


def _metadata_trust(conn: Connection, location: str) -> str | bool:
    return metadata_trust(conn, location)


def print_table(readiness: Readiness) -> None:
    for row in readiness.rows:
        print(f"[{_MARK[row.verdict]}] {readiness_check_name(row.check)}: {readiness_reason(row)}")
        fix = readiness_fix(row)
        if fix and row.verdict != Verdict.OK:
            print(f"       → {fix}")
    sys.stdout.flush()
