"""`immutableid-sync undo (--run PATH | --last)`: clear the ImmutableIds an apply run set, where they still
hold the value it wrote (contracts.md "Undo a run"). A thin face on core/run/undo.py with apply's safety:
counts first, the same confirmation rule (unless --yes; no terminal and no --yes: exit 2), pacing, its
own journal and run folder (an unfinished undo of the same run is continued), a report, apply's exit codes.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import TextIO

from core import logsetup, messages
from core.commands.apply import add_swap_option, parse_quota, print_swap_effects, progress_text
from core.commands.common import CliError, add_connection_options, connection_and_secret, fail
from core.commands.progress import ProgressLine
from core.commands.source_options import connect_text, output_path, print_counts, print_warnings
from core.commands.stopping import cancel_on_stop_signals
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT
from core.graph.auth import AuthError
from core.graph.batching import ReadFailed
from core.graph.client import Cancelled, GraphClient, GraphError
from core.graph.connection import Connection
from core.message_table import CLI_TEXT
from core.planning.statuses import NEEDS_SWAP, Status, not_back
from core.run.folders import RunKind, find_unfinished
from core.run.history import last_to_undo
from core.run.lifecycle import (
    RunBusy,
    RunSpec,
    confirmation_tokens,
    example_domain,
    execute,
    is_confirmed,
    open_journal,
    tenant_domains,
)
from core.run.prepare import Prepared, prepare_undo
from core.run.undo import WITH_SWAP, UndoError, read_run
from core.tenant.facts import TenantFacts, read_tenant


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("undo", help="clear the ImmutableIds an earlier apply run set",
                                   description="Clears (sets to null) the ImmutableIds an apply run set, where "
                                               "they still hold the value it wrote. Asks for confirmation "
                                               "unless --yes.")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--run", metavar="PATH", help="the apply run's folder (it holds journal.jsonl)")
    which.add_argument("--last", action="store_true",
                       help="the latest finished apply run of this tenant and app")
    add_connection_options(parser)
    parser.add_argument("--report", metavar="FILE", help="write the undo report (CSV) here too")
    parser.add_argument("--force", action="store_true", help="replace an existing --report file")
    parser.add_argument("--dry-run", action="store_true", help="go through everything but the writes")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.add_argument("--write-quota", default="3000/150", metavar="Q/SECONDS",
                        help="pace writes to this quota (Entra's: 3000/150)")
    add_swap_option(parser, "clear users in federated domains with the UPN swap (their UPN is moved to "
                            "alias@<tenant>.onmicrosoft.com and back; two writes each); without it they are "
                            "reported as needing it")
    parser.set_defaults(func=run, source=None)


def run(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    logsetup.setup_logging()
    stdin = stdin or sys.stdin
    cancel = threading.Event()
    try:
        pacer = parse_quota(args.write_quota)
        report = output_path("--report", args.report, args, stdin)
        if not args.dry_run and not args.yes and not stdin.isatty():
            raise CliError(EXIT_BAD_INPUT, "Refusing to write without confirmation: no terminal to ask on. "
                                           "Pass --yes to confirm (or --dry-run to try it out).")
        if args.run:
            _refuse(lambda: read_run(Path(args.run)), Path(args.run))  # not a run folder: before any sign-in
        conn, secret = connection_and_secret(args)
        graph = GraphClient.open(conn, secret)
        facts = _sign_in(graph, cancel)
        run_dir = Path(args.run) if args.run else _last(conn, facts.tenant_id)
        prepared = _refuse(lambda: prepare_undo(conn, graph, run_dir, upn_swap=args.federated_upn_swap,
                                                facts=facts, cancel=cancel), run_dir)
        spec = prepared.run_spec(face="cli", dry_run=args.dry_run, upn_swap=args.federated_upn_swap,
                                 report_copy=report)
        _print_plan(prepared, args.federated_upn_swap)
        if spec.to_write and not args.dry_run and not args.yes:
            _confirm(prepared, spec.to_write, stdin)
        return _undo(spec, graph, pacer, cancel)
    except CliError as exc:
        return fail(exc)


def _refuse(step, run_dir: Path):
    """Run `step`; a run that cannot be undone (UndoError) is exit 2 with what to fix, nothing written."""
    try:
        return step()
    except UndoError as exc:
        text = CLI_TEXT[exc.code].format(**exc.details)
        raise CliError(EXIT_BAD_INPUT, f"undo: {run_dir}: {text}.", exc.code) from None
    except AuthError as exc:
        raise CliError(EXIT_CANNOT_CONNECT, connect_text(exc.code), str(exc.code)) from None
    except Cancelled:
        raise CliError(EXIT_CANCELLED, "Cancelled.", "cancelled") from None
    except (GraphError, ReadFailed) as exc:
        raise CliError(EXIT_CANNOT_CONNECT, f"Cannot read the users to undo: {exc}", "graph_read_failed") from None


def _sign_in(graph: GraphClient, cancel: threading.Event) -> TenantFacts:
    return _refuse(lambda: read_tenant(graph, cancel), Path("."))


def _last(conn: Connection, tenant_id: str | None) -> Path:
    """`--last`: an undo of this tenant and app that did not finish is continued first; else the latest run
    with something left to undo (runs that set nothing, and runs already undone, are passed over)."""
    unfinished = find_unfinished(conn, tenant_id, RunKind.UNDO)
    if unfinished is not None and unfinished.undo_of is not None:
        print(f"An undo did not finish ({unfinished.path}): it is continued.")
        return unfinished.undo_of
    past = last_to_undo(conn, tenant_id)
    if past is None:
        raise CliError(EXIT_BAD_INPUT, f"undo --last: {CLI_TEXT['undo_no_last_run']}.", "undo_no_last_run")
    return past.path


def _print_plan(prepared: Prepared, upn_swap: bool) -> None:
    plan = prepared.plan
    set_count = len(plan.rows)
    print(f"Undo of {prepared.undo_of} in {prepared.conn.display_name}:")
    print(f"  That run set {set_count:,} ImmutableIds; those that still hold the value it wrote are cleared, "
          "any other value is left alone.")
    print_counts(plan)
    print_warnings(prepared, upn_swap)
    with_swap = sum(1 for r in plan.rows if r.reason == WITH_SWAP and r.status is Status.WILL_CLEAR)
    if with_swap:
        print_swap_effects(with_swap, "cleared")


def _confirm(prepared: Prepared, count: int, stdin: TextIO) -> None:
    conn = prepared.conn
    domains = tenant_domains(prepared.facts.domain_names, prepared.plan.rows)
    example = example_domain(domains)
    print(f"About to clear {count:,} ImmutableIds in tenant {conn.tenant}.")
    hint = f" or its domain (e.g. {example})" if example and example != conn.tenant.lower() else ""
    print(f"Type the tenant ({conn.tenant}){hint} to go ahead: ", end="", flush=True)
    if not is_confirmed(stdin.readline(), confirmation_tokens(conn, prepared.tenant_id, domains)):
        raise CliError(EXIT_CANCELLED, "Not confirmed; nothing was cleared.")


def _undo(spec: RunSpec, graph: GraphClient, pacer, cancel: threading.Event) -> int:
    try:
        journal = open_journal(spec)
    except RunBusy as exc:
        raise CliError(EXIT_BAD_INPUT, f"Another undo of this run is running (its journal is in use: "
                                       f"{exc.run_dir}). Wait for it to finish.") from None
    if journal[1] and spec.resume is not None:
        print(f"Continuing the unfinished undo in {spec.resume.path}.")
    line = ProgressLine("Dry run" if spec.dry_run else "Clearing")
    try:
        with cancel_on_stop_signals(cancel):
            outcome = execute(spec, graph, journal=journal, pacer=pacer, cancel=cancel,
                              progress=lambda p: line.update(progress_text(p, cancel.is_set()),
                                                             force=p.done == p.total))
    finally:
        line.done()
    print("Result:")
    print_counts(outcome.counts)
    print(f"Report: {spec.report_copy or outcome.report_path}  (run folder: {outcome.run_dir})")
    result = outcome.result
    needs = sum(1 for r in result.rows if r.reason == NEEDS_SWAP)
    if needs:
        print(f"{needs:,} users are in a federated domain: clearing their value needs the UPN swap. Run undo "
              "again with --federated-upn-swap to finish this undo.", file=sys.stderr)
    if not_back(result.rows):
        print(f"{len(not_back(result.rows)):,} users are not back on their own UPN yet (UPN swap): run undo "
              "again, it finishes them first (see the report).", file=sys.stderr)
    if result.fatal:
        print(f"Stopped: {messages.describe(result.fatal)} Run undo again to finish (it continues this undo).",
              file=sys.stderr)
    elif result.cancelled:
        print("Cancelled: run undo again to finish (it continues this undo).", file=sys.stderr)
    return outcome.exit_code
