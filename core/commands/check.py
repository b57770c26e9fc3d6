"""`immutableid-sync check`: run the connection checks and print each with its verdict and hint."""

from __future__ import annotations

import argparse
import sys

from core import logsetup
from core.commands.common import CliError, add_connection_options, connection_and_secret, fail
from core.exits import EXIT_CANNOT_CONNECT, EXIT_OK
from core.messages import hint_for, text_for
from core.tenant.checks import CheckResult, Verdict, run_checks

_MARK = {Verdict.OK: " ok ", Verdict.WARNING: "warn", Verdict.FAILED: "FAIL", Verdict.SKIPPED: "skip",
         Verdict.UNKNOWN: " ?? "}
_STEP = {"tenant": "Tenant", "credentials": "Credentials", "consent": "Admin consent",
         "graph_read": "Graph read", "domains": "Domains", "secret_expiry": "Secret expiry",
         "admin_roles": "Admins"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="check the connection, consent and permissions",
                                   description="Runs the connection, consent and permission checks.")
    add_connection_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    logsetup.setup_logging()
    try:
        conn, secret = connection_and_secret(args)
    except CliError as exc:
        return fail(exc)
    print(f"Checking {conn.display_name} ({conn.authority})")
    report = run_checks(conn, secret, on_result=_print_result)
    if report.passed:
        print("All required checks passed.")
        return EXIT_OK
    print("Some required checks failed; fix the first failure above and run check again.")
    return EXIT_CANNOT_CONNECT


def _print_result(result: CheckResult) -> None:
    line = f"[{_MARK[result.verdict]}] {_STEP.get(result.step, result.step)}: {text_for(result.code)}"
    if result.code == "graph_read_ok":
        line += f" Users: {result.data.get('user_count')}."
    elif result.code == "admin_roles_known":
        line += f" Role holders: {result.data.get('admins')}."
    elif result.detail and result.verdict not in (Verdict.SKIPPED,):
        line += f" ({result.detail})"
    print(line)
    hint = hint_for(result.code)
    if hint and result.verdict in (Verdict.FAILED, Verdict.WARNING, Verdict.UNKNOWN):
        print(f"       → {hint}")
    sys.stdout.flush()
