"""`immutableid-sync apply`: build the plan again from live data and write it (contracts.md).

A thin face on core/run/lifecycle.py: it asks (unless --yes or --dry-run; with no terminal to ask on and no --yes
it refuses), prints progress, and says how the run ended. Ctrl-C and SIGTERM (shutdown, logoff, a
scheduler stopping the task) cancel cleanly: writes in flight finish, the rest are `not_attempted`, the
report and summary are written (exit 4). An unfinished run of the same tenant and app is continued.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from typing import TextIO

from core import logsetup, messages
from core.commands import unattended
from core.commands.common import CliError, add_connection_options, fail
from core.commands.progress import ProgressLine
from core.commands.source_options import (
    add_source_options,
    load_source,
    output_path,
    prepare_plan,
    print_counts,
    print_warnings,
)
from core.commands.stopping import cancel_on_stop_signals
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED
from core.graph.pacing import WritePacer
from core.message_table import SWAP_EFFECTS
from core.planning.statuses import not_back
from core.run.apply import ApplyProgress
from core.run.lifecycle import (
    RunBusy,
    RunOutcome,
    RunSpec,
    confirmation_tokens,
    example_domain,
    execute,
    is_confirmed,
    open_journal,
    tenant_domains,
)
from core.run.prepare import Prepared
from core.run.writer import DEFAULT_CONCURRENCY


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("apply", help="build the plan from live data and write it",
                                   description="Builds the plan again from live data and writes the "
                                               "ImmutableIds. Asks for confirmation unless --yes.")
    add_connection_options(parser)
    add_source_options(parser, source_required=False)  # a saved connection (--connection) brings its own
    unattended.add_options(parser)
    parser.add_argument("--report", metavar="FILE", help="write the result report (CSV) here too")
    parser.add_argument("--dry-run", action="store_true", help="go through everything but the writes")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.add_argument("--write-quota", default="3000/150", metavar="Q/SECONDS",
                        help="pace writes to this quota (Entra's: 3000/150)")
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY, metavar="N",
                        help=f"batches in flight (default {DEFAULT_CONCURRENCY})")
    add_swap_option(parser, "also set users in federated domains with the UPN swap: each user's UPN is moved "
                            "to alias@<tenant>.onmicrosoft.com and back with the value (two writes; see "
                            "the effects printed before confirming)")
    parser.set_defaults(func=run)


def add_swap_option(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--federated-upn-swap", action="store_true", help=text)


def print_swap_effects(count: int, verb: str = "set", out: TextIO | None = None) -> None:
    """graph-facts §11: what the swap does to a user, said before the admin confirms (both faces say it)."""
    out = out or sys.stdout
    print(f"UPN swap: {count:,} users in federated domains will be {verb} in two steps (two writes each):",
          file=out)
    for effect in SWAP_EFFECTS:
        print(f"  - {effect}", file=out)


def parse_quota(spec: str) -> WritePacer:
    count, _, seconds = spec.partition("/")
    try:
        limit, window = int(count), float(seconds)
    except ValueError:
        raise CliError(EXIT_BAD_INPUT, f"--write-quota {spec}: expected COUNT/SECONDS, e.g. 3000/150") from None
    if limit <= 0 or window <= 0:
        raise CliError(EXIT_BAD_INPUT, f"--write-quota {spec}: both numbers must be positive, e.g. 3000/150")
    return WritePacer(limit, window)


def run(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    logsetup.setup_logging()
    cancel = threading.Event()
    stdin = stdin or sys.stdin
    try:
        if not 1 <= args.concurrency <= 16:
            raise CliError(EXIT_BAD_INPUT, "--concurrency must be between 1 and 16")
        pacer = parse_quota(args.write_quota)
        unattended.check_options(args)
        if args.unattended:
            return unattended.run_unattended(args, pacer, cancel)
        if args.connection:  # a person at a saved connection: its source, and the usual questions
            args.profile = args.connection
            unattended.use_saved_source(args, unattended.saved_connection(args.connection)[1])
        if not args.source:
            raise CliError(EXIT_BAD_INPUT, "apply: give --source (or --connection NAME with a saved source).")
        source = load_source(args)
        report = output_path("--report", args.report, args, stdin)
        if not args.dry_run and not args.yes and not stdin.isatty():
            raise CliError(EXIT_BAD_INPUT, "Refusing to write without confirmation: no terminal to ask on. "
                                           "Pass --yes to confirm (or --dry-run to try it out).")
        prepared = prepare_plan(args, source, cancel)
        swap = args.federated_upn_swap
        spec = prepared.run_spec(face="cli", dry_run=args.dry_run, upn_swap=swap, report_copy=report,
                                 delimiter=args.delimiter)
        print(f"Plan for {prepared.conn.display_name}:")
        print_counts(prepared.plan)
        print_warnings(prepared, swap)
        swaps = len(prepared.plan.swappable()) if swap else 0
        if swaps:
            print_swap_effects(swaps)
        if not args.dry_run and spec.to_write and not args.yes:
            _confirm(prepared, spec.to_write, stdin, swaps)
        return _apply(args, spec, prepared, pacer, cancel)
    except CliError as exc:
        return fail(exc)


def _confirm(prepared: Prepared, to_write: int, stdin: TextIO, swaps: int = 0) -> None:
    """The one confirmation rule (core.run.lifecycle): type the tenant, its id, or one of its domains."""
    conn = prepared.conn
    domains = tenant_domains(prepared.facts.domain_names, prepared.plan.rows)
    example = example_domain(domains)
    with_swap = f" ({swaps:,} of them with the UPN swap)" if swaps else ""
    print(f"About to write {to_write:,} ImmutableIds in tenant {conn.tenant}{with_swap}.")
    hint = f" or its domain (e.g. {example})" if example and example != conn.tenant.lower() else ""
    print(f"Type the tenant ({conn.tenant}){hint} to go ahead: ", end="", flush=True)
    if not is_confirmed(stdin.readline(), confirmation_tokens(conn, prepared.tenant_id, domains)):
        raise CliError(EXIT_CANCELLED, "Not confirmed; nothing was written.")


def _apply(args: argparse.Namespace, spec: RunSpec, prepared: Prepared, pacer: WritePacer,
           cancel: threading.Event) -> int:
    try:
        journal = open_journal(spec)
    except RunBusy as exc:
        raise CliError(EXIT_BAD_INPUT, f"Another apply for tenant {spec.conn.tenant} is running (its journal "
                                       f"is in use: {exc.run_dir}). Wait for it to finish.") from None
    if journal[1] and spec.resume is not None:
        print(f"Continuing the unfinished run in {spec.resume.path} ({spec.resume.done:,} users done then).")
    line = ProgressLine("Dry run" if args.dry_run else "Writing")
    try:
        with cancel_on_stop_signals(cancel):
            outcome = execute(spec, prepared.graph, journal=journal, cancel=cancel, pacer=pacer,
                              concurrency=args.concurrency,
                              progress=lambda p: line.update(progress_text(p, cancel.is_set()),
                                                             force=p.done == p.total))
    finally:
        line.done()
    return _finish(args, outcome)


def _finish(args: argparse.Namespace, outcome: RunOutcome) -> int:
    result = outcome.result
    print("Result:")
    print_counts(outcome.counts)
    print(f"Report: {args.report or outcome.report_path}  (run folder: {outcome.run_dir})")
    stuck = not_back(result.rows)
    if stuck:
        print(f"{len(stuck):,} users are not back on their own UPN yet (UPN swap): "
              + ", ".join(f"{r.upn_after or '?'} → {r.user_principal_name}" for r in stuck[:5])
              + (" …" if len(stuck) > 5 else "") + ". Run apply again: it finishes them first.", file=sys.stderr)
    conflicts = outcome.counts.get("conflict", 0)
    if conflicts:
        print(f"{conflicts:,} users were changed by someone else after this run wrote them (status conflict: "
              "see the report). Another tool or person may be writing this tenant at the same time.",
              file=sys.stderr)
    if result.fatal:
        print(f"Stopped: {messages.describe(result.fatal)} Run apply again to finish the rest "
              "(it continues this run).", file=sys.stderr)
    elif result.cancelled:
        left = outcome.counts.get("not_attempted", 0)
        print(f"Cancelled: {left:,} users not attempted; run apply again to finish (it continues this run).",
              file=sys.stderr)
    return outcome.exit_code


def progress_text(p: ApplyProgress, cancelling: bool = False) -> str:
    """One progress line. Users a cancel or a stop left alone are not "done": after Ctrl-C the line
    says how far the run got, never 100 %."""
    done = p.done - getattr(p, "not_attempted", 0)
    total = max(p.total, done)
    pct = 100 * done / total if total else 100.0
    bar = "#" * int(pct / 5) + "-" * (20 - int(pct / 5))
    eta = "" if p.eta_s is None or cancelling else f" ETA {_duration(p.eta_s)}"
    paused = ""
    if p.throttled_until and not cancelling:
        left = p.throttled_until - time.time()
        paused = f" (Graph asked to pause {left:.0f} s)" if left > 0 else ""
    state = " cancelling…" if cancelling else ""
    return (f"[{bar}] {pct:5.1f}% {done:,}/{total:,} failed {p.failed:,} {p.rate:.1f}/s"
            f"{eta}{paused}{state}")


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m" if seconds >= 3600 else \
        f"{seconds // 60}m{seconds % 60:02d}s"
