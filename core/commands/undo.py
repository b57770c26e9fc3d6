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
from core.commands.apply import add_swap_option, parse_quota, print_swap_effects
from core.commands.common import CliError, add_connection_options, connection_and_secret, fail
from core.commands.progress import ProgressLine
from core.commands.source_options import output_path, print_counts
from core.commands.stopping import cancel_on_stop_signals
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT
from core.graph.auth import AuthError, TokenProvider
from core.graph.client import GraphClient, GraphError
from core.message_table import CLI_TEXT
from core.run.lifecycle import RunBusy, confirmation_tokens, example_domain, is_confirmed, tenant_domains
from core.run.undo import (
    UndoError,
    UndoSpec,
    execute,
    find_last_run,
    find_unfinished_undo,
    load_targets,
    open_journal,
)
from core.tenant.directory import list_domains


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
        conn, secret = connection_and_secret(args)
        graph = GraphClient(conn, TokenProvider(conn, secret))
        tenant_id = _tenant_id(graph)
        run_dir = Path(args.run) if args.run else find_last_run(conn, tenant_id)
        if run_dir is None:
            raise CliError(EXIT_BAD_INPUT, f"undo --last: {CLI_TEXT['undo_no_last_run']}.")
        try:
            state, rows = load_targets(run_dir)
        except UndoError as exc:
            raise CliError(EXIT_BAD_INPUT, f"undo: {run_dir}: {CLI_TEXT[exc.code]}.") from None
        spec = UndoSpec(conn, run_dir, rows, args.dry_run, tenant_id=tenant_id, report_copy=report,
                        upn_swap=args.federated_upn_swap)
        spec.resume = None if args.dry_run else find_unfinished_undo(conn, run_dir, tenant_id)
        print(f"Undo of {run_dir} in {conn.display_name}:")
        print(f"  {len(rows):,} ImmutableIds were set by that run; those that still hold the value it wrote "
              "will be cleared, any other value is left alone.")
        swapped = len(state.swaps)
        if args.federated_upn_swap:
            print_swap_effects(swapped, "cleared (at most; any user Entra refuses to clear for its federated "
                                        "domain)")
        elif swapped:
            print(f"  {swapped:,} of them were set with the UPN swap: clearing them needs it again "
                  "(--federated-upn-swap); without it they are reported as needing it.")
        if rows and not args.dry_run and not args.yes:
            _confirm(graph, conn, tenant_id, len(rows), stdin, cancel)
        return _undo(spec, graph, pacer, cancel)
    except CliError as exc:
        return fail(exc)


def _tenant_id(graph: GraphClient) -> str | None:
    try:
        return graph.tokens.token().tid
    except AuthError as exc:
        code = str(getattr(exc.code, "value", exc.code))
        raise CliError(EXIT_CANNOT_CONNECT, f"Cannot sign in: {messages.text_for(code)}", code) from None
    except Exception:  # noqa: BLE001 — only a nicer match; the run itself does not need it
        return None


def _confirm(graph: GraphClient, conn, tenant_id: str | None, count: int, stdin: TextIO,
             cancel: threading.Event) -> None:
    try:
        listed = [d.name for d in list_domains(graph, cancel=cancel) or ()]
    except GraphError:
        listed = []
    domains = tenant_domains(listed)
    example = example_domain(domains)
    print(f"About to clear up to {count:,} ImmutableIds in tenant {conn.tenant}.")
    hint = f" or its domain (e.g. {example})" if example and example != conn.tenant.lower() else ""
    print(f"Type the tenant ({conn.tenant}){hint} to go ahead: ", end="", flush=True)
    if not is_confirmed(stdin.readline(), confirmation_tokens(conn, tenant_id, domains)):
        raise CliError(EXIT_CANCELLED, "Not confirmed; nothing was cleared.")


def _undo(spec: UndoSpec, graph: GraphClient, pacer, cancel: threading.Event) -> int:
    try:
        journal = open_journal(spec)
    except RunBusy as exc:
        raise CliError(EXIT_BAD_INPUT, f"Another undo of this run is running (its journal is in use: "
                                       f"{exc.run_dir}). Wait for it to finish.") from None
    if journal[1]:
        print(f"Continuing the unfinished undo in {spec.resume}.")
    line = ProgressLine("Dry run" if spec.dry_run else "Clearing")
    try:
        with cancel_on_stop_signals(cancel):
            outcome = execute(spec, graph, journal=journal, pacer=pacer, cancel=cancel,
                              progress=lambda done, total: line.update(f"{done:,}/{total:,}", force=done == total))
    finally:
        line.done()
    print("Result:")
    print_counts(outcome.counts)
    print(f"Report: {spec.report_copy or outcome.report_path}  (run folder: {outcome.run_dir})")
    result = outcome.result
    swaps = sum(1 for r in result.rows if r.reason == "needs_upn_swap")
    if swaps:
        print(f"{swaps:,} users are in a federated domain: clearing their value needs the UPN swap. Run undo "
              "again with --federated-upn-swap (it continues this undo).", file=sys.stderr)
    stuck = [r for r in result.rows if r.reason in ("swap_unfinished", "swap_stranded")]
    if stuck:
        print(f"{len(stuck):,} users are not back on their own UPN yet (UPN swap): run undo again, it "
              "finishes them first (see the report).", file=sys.stderr)
    if result.fatal:
        print(f"Stopped: {messages.describe(result.fatal)} Run undo again to finish (it continues this undo).",
              file=sys.stderr)
    elif result.cancelled:
        print("Cancelled: run undo again to finish (it continues this undo).", file=sys.stderr)
    return outcome.exit_code
