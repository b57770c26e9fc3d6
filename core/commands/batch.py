"""`immutableid-sync batch FILE`: many schools at once, for installers (contracts.md, "batch").

A thin face on core/setup/schools.py (the file, checked whole before any sign-in) and core/setup/school_runs.py (plan
every school, then write them side by side, each its own run through core/run/lifecycle.py). It shows one live line
per school, asks once for all schools (unless --yes or --dry-run), and leaves batch-summary.csv. Ctrl-C and
SIGTERM cancel every school cleanly; a rerun continues each school's unfinished run.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import TextIO

from core import logsetup, paths
from core.commands.apply import parse_quota
from core.commands.common import CliError, fail
from core.commands.progress import ProgressBoard
from core.commands.stopping import cancel_on_stop_signals
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED
from core.messages import SCHOOL_STATE_TEXT, school_problem_text, school_reason_text, warning_text
from core.run.writer import DEFAULT_CONCURRENCY
from core.setup.school_runs import (
    SUMMARY_FILE,
    SchoolRun,
    SchoolState,
    WriteOptions,
    is_batch_confirmed,
    plan_all,
    plan_and_run_all,
    run_all,
    worst_exit,
    write_batch_summary,
)
from core.setup.schools import SchoolsFileError, read_schools


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch", help="plan and write many schools at once, from a CSV file (one school a row)",
        description="Reads FILE (columns name,connection,source,match,key_column,value_column,transform,"
                    "domains), checks every row, plans every school, asks once, then writes the schools "
                    "side by side, each paced to its own tenant's write quota. Leaves batch-summary.csv.")
    parser.add_argument("file", metavar="FILE", help="the schools file (CSV, one school a row)")
    parser.add_argument("--parallel", type=int, default=4, metavar="K", help="schools at a time (default 4)")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.add_argument("--dry-run", action="store_true", help="go through everything but the writes")
    parser.add_argument("--write-quota", default="3000/150", metavar="Q/SECONDS",
                        help="each school's own write quota (Entra's: 3000/150)")
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY, metavar="N",
                        help=f"batches in flight per school (default {DEFAULT_CONCURRENCY})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, stdin: TextIO | None = None, cancel: threading.Event | None = None) -> int:
    """`cancel`: set it to cancel as Ctrl-C would (tests; an embedding caller)."""
    logsetup.setup_logging()
    stdin = stdin or sys.stdin
    cancel = cancel or threading.Event()
    try:
        options = _options(args)
        runs = [SchoolRun(school) for school in _schools(args.file)]
        if not args.dry_run and not args.yes and not stdin.isatty():
            raise CliError(EXIT_BAD_INPUT, "Refusing to write without confirmation: no terminal to ask on. "
                                           "Pass --yes to confirm (or --dry-run to try it out).")
    except CliError as exc:
        return fail(exc)
    board = ProgressBoard(len(runs))
    with cancel_on_stop_signals(cancel):
        return _batch(args, runs, options, board, stdin, cancel)


def _options(args: argparse.Namespace) -> WriteOptions:
    if not 1 <= args.parallel <= 32:
        raise CliError(EXIT_BAD_INPUT, "--parallel must be between 1 and 32")
    if not 1 <= args.concurrency <= 16:
        raise CliError(EXIT_BAD_INPUT, "--concurrency must be between 1 and 16")
    pacer = parse_quota(args.write_quota)
    return WriteOptions(args.dry_run, (pacer.limit, pacer.window_s), args.concurrency)


MAX_PROBLEMS_SHOWN = 20


def _schools(file: str) -> list:
    try:
        return read_schools(file)
    except SchoolsFileError as exc:
        shown = exc.problems[:MAX_PROBLEMS_SHOWN]  # a 300-row file with a wrong column: the first few say it
        lines = "\n".join(f"  {school_problem_text(p)}" for p in shown)
        more = len(exc.problems) - len(shown)
        if more:
            lines += f"\n  … and {more} more problem(s) ({len(exc.problems)} in all)"
        raise CliError(EXIT_BAD_INPUT, f"{file}: nothing was written; fix these first:\n{lines}") from None


def _batch(args: argparse.Namespace, runs: list[SchoolRun], options: WriteOptions, board: ProgressBoard,
           stdin: TextIO, cancel: threading.Event) -> int:
    width = max(len(r.name) for r in runs)
    index = {id(r): i for i, r in enumerate(runs)}

    def changed(run: SchoolRun) -> None:
        ended = run.state in (SchoolState.DONE, SchoolState.FAILED, SchoolState.CANCELLED, SchoolState.PLANNED)
        board.update(index[id(run)], school_line(run, width, cancel.is_set()), force=ended)

    if args.yes or args.dry_run:  # nothing to confirm: no school waits for the others' plans
        code = plan_and_run_all(runs, options, parallel=args.parallel, cancel=cancel, on_change=changed)
        board.done()
        print_plans(runs)
        return _finish(args, runs, code)
    plan_all(runs, parallel=args.parallel, cancel=cancel, on_change=changed)
    board.done()
    print_plans(runs)
    total = sum(r.to_write for r in runs if r.state is SchoolState.PLANNED)
    if not cancel.is_set() and not args.dry_run and total and not args.yes:
        if not _confirmed(runs, total, stdin):
            print("Not confirmed; nothing was written.", file=sys.stderr)
            return EXIT_CANCELLED
    # the same board again, drawn afresh below the plan (a school that failed to plan keeps its line)
    code = run_all(runs, options, parallel=args.parallel, cancel=cancel, on_change=changed)
    board.done()
    return _finish(args, runs, code)


def _finish(args: argparse.Namespace, runs: list[SchoolRun], code: int) -> int:
    summary = write_batch_summary(runs, _batch_dir(args.file) / SUMMARY_FILE)
    print_results(runs, summary)
    return worst_exit([code, *(r.exit_code for r in runs)])


def _confirmed(runs: list[SchoolRun], total: int, stdin: TextIO) -> bool:
    schools = sum(1 for r in runs if r.state is SchoolState.PLANNED and r.to_write)
    print(f"This will write {total:,} ImmutableIds in {schools} schools (counts above).")
    print(f"Type the number of ImmutableIds to write ({total:,}) to go ahead: ", end="", flush=True)
    return is_batch_confirmed(stdin.readline(), total)


def _batch_dir(file: str) -> Path:
    """A folder of its own beside the schools' run folders (it holds no journal, so it is never resumed)."""
    return paths.new_run_dir(Path(file).stem, "batch")


def school_line(run: SchoolRun, width: int, cancelling: bool = False) -> str:
    """One live line: name, state, done/total, rate, ETA (and why it failed, when it did)."""
    state = SCHOOL_STATE_TEXT.get(run.state.value, run.state.value)
    head = f"{run.name:<{width}}  {state:<9}"
    p = run.progress
    if run.state is SchoolState.PLANNING:
        return f"{head}  {run.listed:,} users listed"
    if run.state is SchoolState.PLANNED:
        return f"{head}  {run.to_write:,} to write" + (" (continues an unfinished run)" if _resumes(run) else "")
    if p is None:
        return f"{head}  {school_reason_text(run.reason)}".rstrip()
    done = p.done - getattr(p, "not_attempted", 0)
    total = max(p.total, done)
    eta = f" ETA {_duration(p.eta_s)}" if p.eta_s and run.state is SchoolState.WRITING and not cancelling else ""
    paused = " (paused for the write quota)" if p.throttled_until and p.throttled_until > time.time() else ""
    tail = f"  {school_reason_text(run.reason)}" if run.reason and run.state is not SchoolState.WRITING else ""
    return f"{head}  {done:,}/{total:,}  failed {p.failed:,}  {p.rate:.1f}/s{eta}{paused}{tail}".rstrip()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m" if seconds >= 3600 else \
        f"{seconds // 60}m{seconds % 60:02d}s"


def print_plans(runs: list[SchoolRun], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    width = max(len(r.name) for r in runs)
    print("Plan:", file=out)
    for run in runs:
        if run.plan is None or (run.reason or "").startswith("tenant_repeated"):
            print(f"  {run.name:<{width}}  not planned: {school_reason_text(run.reason, hint=True)}", file=out)
            continue
        counts = run.plan.counts()  # the plan's, also once the school has written (--yes: printed after)
        others = sum(counts.values()) - run.to_write - counts.get("already_set", 0)
        resume = f"; continues the run in {run.prepared.unfinished.path}" if _resumes(run) else ""
        print(f"  {run.name:<{width}}  {run.school.conn.tenant}: {run.to_write:,} to write, "
              f"{counts.get('already_set', 0):,} already set, {others:,} left alone{resume}", file=out)
        for warning in run.prepared.warnings():
            if warning.code != "unfinished_run":  # said on the line above
                print(f"  {'':<{width}}  Warning: {warning_text(warning)}", file=out)


def _resumes(run: SchoolRun) -> bool:
    return run.prepared is not None and run.prepared.unfinished is not None


def print_results(runs: list[SchoolRun], summary: Path, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    width = max(len(r.name) for r in runs)
    print("Result:", file=out)
    for run in runs:
        counts = run.counts if run.outcome else {}
        folder = f"  ({run.outcome.run_dir})" if run.outcome else ""
        what = ", ".join(f"{n:,} {s}" for s, n in counts.items()) or school_reason_text(run.reason)
        state = SCHOOL_STATE_TEXT.get(run.state.value, run.state.value)
        print(f"  {run.name:<{width}}  {state} (exit {run.exit_code}): {what}{folder}", file=out)
    print(f"Batch summary: {summary}", file=out)
    if any(r.state is SchoolState.CANCELLED for r in runs):
        print("Cancelled schools continue where they stopped when the batch is run again.", file=sys.stderr)
