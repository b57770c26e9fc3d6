"""`immutableid-sync apply`: build the plan again from live data and write it (contracts.md).

Asks for confirmation unless --yes (or --dry-run); with no terminal to ask on and no --yes it refuses.
Resumes an unfinished run of the same tenant and app (its journal has no `end` line). Ctrl-C cancels
cleanly: writes in flight finish, the rest are `not_attempted` (exit 4)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TextIO

from core import __version__, logsetup, messages, paths
from core.apply import ApplyProgress, ApplyResult, apply_plan
from core.cli import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED
from core.commands.common import CliError, add_connection_options, fail
from core.commands.preview import (
    ProgressLine,
    Session,
    add_source_options,
    check_out_path,
    connect_and_plan,
    load_source,
    print_counts,
    write_outputs,
)
from core.journal import Journal, JournalBusy, find_unfinished
from core.pacing import WritePacer


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("apply", help="build the plan from live data and write it",
                                   description="Builds the plan again from live data and writes the "
                                               "ImmutableIds. Asks for confirmation unless --yes.")
    add_connection_options(parser)
    add_source_options(parser)
    parser.add_argument("--report", metavar="FILE", help="write the result report (CSV) here too")
    parser.add_argument("--dry-run", action="store_true", help="go through everything but the writes")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.add_argument("--write-quota", default="3000/150", metavar="Q/SECONDS",
                        help="pace writes to this quota (Entra's: 3000/150)")
    parser.add_argument("--concurrency", type=int, default=4, metavar="N", help="batches in flight (default 4)")
    parser.set_defaults(func=run)


def _pacer(spec: str) -> WritePacer:
    count, sep, seconds = spec.partition("/")
    try:
        return WritePacer(int(count), float(seconds))
    except ValueError:
        raise CliError(EXIT_BAD_INPUT, f"--write-quota {spec}: expected COUNT/SECONDS, e.g. 3000/150") from None


def run(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    logsetup.setup_logging()
    cancel = threading.Event()
    try:
        if not 1 <= args.concurrency <= 16:
            raise CliError(EXIT_BAD_INPUT, "--concurrency must be between 1 and 16")
        pacer = _pacer(args.write_quota)
        check_out_path("--report", args.report)
        source = load_source(args)
        if not args.dry_run and not args.yes and not (stdin or sys.stdin).isatty():
            raise CliError(EXIT_BAD_INPUT, "Refusing to write without confirmation: no terminal to ask on. "
                                           "Pass --yes to confirm (or --dry-run to try it out).")
        session = connect_and_plan(args, source, cancel)
        to_write = len(session.plan.to_write())
        print(f"Plan for {session.conn.display_name}:")
        print_counts(session.plan)
        if not args.dry_run and to_write and not args.yes:
            _confirm(session, to_write, stdin or sys.stdin)
        return _apply(args, session, pacer, cancel)
    except CliError as exc:
        return fail(exc)


def _confirm(session: Session, to_write: int, stdin: TextIO) -> None:
    tenant = session.conn.tenant
    print(f"About to write {to_write:,} ImmutableIds in tenant {tenant}.")
    print(f"Type the tenant ({tenant}) or 'yes' to go ahead: ", end="", flush=True)
    answer = stdin.readline().strip()
    if answer.lower() != "yes" and answer.lower() != tenant.lower():
        raise CliError(EXIT_CANCELLED, "Not confirmed; nothing was written.")


def _journal(session: Session, dry_run: bool) -> tuple[Journal, bool]:
    conn = session.conn
    header = {"tenant": conn.tenant, "client_id": conn.client_id, "plan_hash": session.plan.plan_hash(),
              "source": session.plan.source, "transform": session.plan.transform, "dry_run": dry_run,
              "tool_version": __version__}
    unfinished = None if dry_run else find_unfinished(conn.tenant, conn.client_id)
    run_dir = unfinished or paths.new_run_dir(conn.tenant, "dry-run" if dry_run else "apply")
    try:
        return Journal(run_dir, header), unfinished is not None
    except JournalBusy:
        raise CliError(EXIT_BAD_INPUT, f"Another apply for tenant {conn.tenant} is running (its journal is "
                                       f"in use: {run_dir}). Wait for it to finish.") from None


def _apply(args: argparse.Namespace, session: Session, pacer: WritePacer, cancel: threading.Event) -> int:
    journal, resumed = _journal(session, args.dry_run)
    if resumed:
        print(f"Resuming the unfinished run in {journal.run_dir}")
    line = ProgressLine("Dry run" if args.dry_run else "Writing")
    previous = _on_sigint(cancel)
    try:
        result = apply_plan(session.plan, session.graph, journal, args.dry_run,
                            progress=lambda p: line.update(_progress_text(p), force=p.done == p.total),
                            cancel=cancel, concurrency=args.concurrency, pacer=pacer)
    finally:
        line.done()
        _restore_sigint(previous)
        journal.close()
    return _finish(args, session, result, journal.run_dir)


def _finish(args: argparse.Namespace, session: Session, result: ApplyResult, run_dir: Path) -> int:
    print("Result:")
    print_counts(result.counts())
    plan = session.plan
    summary = {"tenant": session.conn.tenant, "client_id": session.conn.client_id, "command": "apply",
               "dry_run": args.dry_run,
               "extra": {"source": plan.source, "transform": plan.transform, "cancelled": result.cancelled,
                         "fatal": result.fatal, "writes_sent": result.writes_sent,
                         "throttled": result.throttled, "unmatched_rows": len(plan.unmatched_rows),
                         "run_folder": str(run_dir),
                         "timings": {**session.timings, "apply_s": _seconds(result)}}}
    files = write_outputs(result.rows, result, run_dir, "report", args.report, args.delimiter,
                          plan.unmatched_rows, summary)
    print(f"Report: {args.report or files[0]}  (run folder: {run_dir})")
    if result.fatal:
        print(f"Stopped: {messages.describe(result.fatal)} Run apply again to finish the rest "
              "(it continues this run).", file=sys.stderr)
        return EXIT_CANNOT_CONNECT
    if result.cancelled:
        print("Cancelled; run apply again to finish.", file=sys.stderr)
        return EXIT_CANCELLED
    return EXIT_SOME_FAILED if result.failed else EXIT_OK


def _seconds(result: ApplyResult) -> float | None:
    return round((result.finished - result.started).total_seconds(), 3) if result.finished else None


def _progress_text(p: ApplyProgress) -> str:
    pct = 100 * p.done / p.total if p.total else 100.0
    bar = "#" * int(pct / 5) + "-" * (20 - int(pct / 5))
    eta = "" if p.eta_s is None else f" ETA {_duration(p.eta_s)}"
    paused = ""
    if p.throttled_until:
        left = p.throttled_until - time.time()
        paused = f" (Graph asked to pause {left:.0f} s)" if left > 0 else ""
    return f"[{bar}] {pct:5.1f}% {p.done:,}/{p.total:,} failed {p.failed:,} {p.rate:.1f}/s{eta}{paused}"


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m" if seconds >= 3600 else \
        f"{seconds // 60}m{seconds % 60:02d}s"


def _on_sigint(cancel: threading.Event):
    """First Ctrl-C: cancel cleanly (in-flight writes finish). Only possible on the main thread."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):  # noqa: ARG001
        if cancel.is_set():
            raise KeyboardInterrupt
        print("\nCancelling: waiting for writes in flight (Ctrl-C again to stop at once)...", file=sys.stderr)
        cancel.set()

    return signal.signal(signal.SIGINT, handler)


def _restore_sigint(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGINT, previous)
