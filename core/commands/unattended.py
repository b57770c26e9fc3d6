"""`apply --unattended --connection NAME` (issue 11 §1): a saved connection and its saved source, run
without a person. It never prompts; the run goes through core/run/lifecycle.py like every other (run folder,
journal, report, summary), with the guard rail of core/setup/unattended.py in front of it. Whatever happens,
the outcome is recorded for the wizard's Welcome page, and old unattended run folders are pruned.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from typing import Any

from core import logsetup
from core.commands.common import CliError, fail, resolve_secret
from core.commands.source_options import (
    load_source,
    output_path,
    prepare_plan,
    print_counts,
    print_warnings,
    spec_from_args,
)
from core.commands.stopping import cancel_on_stop_signals
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_GUARD_REFUSED, EXIT_OK, EXIT_SOME_FAILED
from core.graph.connection import Connection
from core.run.lifecycle import RunBusy, RunOutcome, execute
from core.run.prepare import Prepared
from core.setup.guard import GuardValueError, check_guard_values
from core.setup.names import saved_names
from core.setup.profiles import KEEP_RUNS_KEY, SOURCE_KEY, ProfileStore
from core.setup.unattended import (
    DEFAULT_KEEP_RUNS,
    DEFAULT_MAX_WRITES,
    FACE,
    Guard,
    Refusal,
    check_guard,
    prune_runs,
    record_status,
    write_refused_run,
)

log = logging.getLogger(__name__)


def add_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("saved connection and unattended runs")
    group.add_argument("--connection", metavar="NAME",
                       help="a saved connection (`connection save`); its saved source is used unless "
                            "--source is given")
    group.add_argument("--unattended", action="store_true",
                       help="run without a person: never ask, refuse a surprising mass change "
                            "(needs --connection)")
    group.add_argument("--max-writes", type=int, default=DEFAULT_MAX_WRITES, metavar="N",
                       help=f"unattended: write nothing if more than N users would be written "
                            f"(default {DEFAULT_MAX_WRITES})")
    group.add_argument("--max-percent", type=float, metavar="P",
                       help="unattended: write nothing if more than P %% of the tenant's users would be written")


def saved_connection(name: str, store: ProfileStore | None = None) -> tuple[Connection, dict[str, Any]]:
    store = store or ProfileStore()
    conn = store.get(name)
    if conn is None:
        raise CliError(EXIT_BAD_INPUT, f'--connection: no saved connection is called "{name}". '
                                       f"{saved_names(store)} Save one with `immutableid-sync connection save`.",
                       "unknown_connection")
    spec = store.attached(name, SOURCE_KEY) or {}
    return conn, dict(spec) if isinstance(spec, dict) else {}


def use_saved_source(args: argparse.Namespace, spec: dict[str, Any]) -> None:
    """Fill the source options from a saved source choice (the journal's `source_spec` keys) unless the
    command line gave a source of its own."""
    if args.source:
        return
    if not spec.get("kind"):
        raise CliError(EXIT_BAD_INPUT, f'--connection "{args.connection}" has no saved source: save one with '
                                       "`connection save NAME ... --source ...`, or give --source.",
                       "no_saved_source")
    if spec["kind"] == "csv":
        args.source = f"csv:{spec.get('csv_path') or ''}"
        args.match, args.key_column, args.value_column = (spec.get(k) for k in ("match", "key_column",
                                                                                 "value_column"))
    else:
        args.source = f"attribute:{spec.get('attribute') or ''}"
    args.transform = spec.get("transform") or "none"
    args.domain = list(spec.get("domains") or ())
    args.include_guests = bool(spec.get("include_guests"))
    args.include_disabled = bool(spec.get("include_disabled"))


def check_options(args: argparse.Namespace) -> None:
    if args.unattended and not args.connection:
        raise CliError(EXIT_BAD_INPUT, "--unattended needs --connection NAME (a saved connection and source).")
    try:  # the one rule, shared with `schedule install` (core/setup/guard.py)
        check_guard_values(args.max_writes, args.max_percent)
    except GuardValueError as exc:
        raise CliError(EXIT_BAD_INPUT, exc.message, exc.code) from None


def run_unattended(args: argparse.Namespace, pacer: Any, cancel: threading.Event) -> int:
    """The whole unattended run; every way out records the connection's status."""
    name = args.connection
    logsetup.setup_logging()
    log.info("Unattended run for saved connection %s", name)
    try:
        conn, saved = saved_connection(name)
        use_saved_source(args, saved)
        spec = spec_from_args(args).to_dict()  # what this run uses (a --source given here wins over the saved one)
        source = load_source(args)
        args.report_copy = output_path("--report", args.report, args)  # an existing file needs --force
        args.secret_stdin = False  # nobody is there to type or pipe it
        secret = resolve_secret(conn, args)
        prepared = prepare_plan(args, source, cancel, (conn, secret))
        print(f"Plan for {conn.display_name} (unattended):")
        print_counts(prepared.plan)
        swap = bool(getattr(args, "federated_upn_swap", False))  # in the scheduled command line: consent given
        print_warnings(prepared, swap)
        refusal = check_guard(prepared.plan, Guard(args.max_writes, args.max_percent), swap)
        if refusal is not None:
            return _refuse(args, name, conn, prepared.plan, refusal, spec)
        outcome = _execute(args, prepared, pacer, cancel)
        _record(args, name, outcome.exit_code, _problem(outcome), run_folder=outcome.run_dir,
                counts=outcome.counts)
        return outcome.exit_code
    except CliError as exc:
        log.warning("Unattended run for %s failed: %s", name, exc.code or exc.exit_code)
        if exc.code != "unknown_connection":
            _record(args, name, exc.exit_code, exc.code or "unknown")
        return fail(exc)
    except Exception:
        _record(args, name, EXIT_SOME_FAILED, "unknown")  # a bug: the Welcome page still says the run failed
        raise
    finally:
        _prune(name)


def _record(args: argparse.Namespace, name: str, code: int, problem: str | None, **kwargs: Any) -> None:
    """A dry run (someone trying what tonight's run would do) never replaces the scheduled run's status."""
    if not args.dry_run:
        record_status(name, code, problem, **kwargs)


def _prune(name: str) -> None:
    """After every unattended run, refused ones included: a nightly refusal must not fill the disk."""
    store = ProfileStore()
    conn = store.get(name)
    if conn is not None:
        keep = store.attached(name, KEEP_RUNS_KEY, DEFAULT_KEEP_RUNS)
        done = prune_runs(conn, keep if isinstance(keep, int) and keep > 0 else DEFAULT_KEEP_RUNS)
        if done.pruned or done.kept_for_undo:
            print(f"Old run folders: deleted {len(done.pruned)} (runs that wrote nothing go first).")
        if done.kept_for_undo:
            print(f"  Kept {len(done.kept_for_undo)} older run folder(s) beyond --keep-runs: their changes are not "
                  "undone, and `undo` needs their journal:")
            for path in done.kept_for_undo[:5]:
                print(f"    {path}")


def _execute(args: argparse.Namespace, prepared: Prepared, pacer: Any, cancel: threading.Event) -> RunOutcome:
    run = prepared.run_spec(face=FACE, dry_run=args.dry_run, upn_swap=bool(getattr(args, "federated_upn_swap", False)),
                            report_copy=args.report_copy, delimiter=args.delimiter)
    try:
        with cancel_on_stop_signals(cancel):
            outcome = execute(run, prepared.graph, cancel=cancel, pacer=pacer, concurrency=args.concurrency)
    except RunBusy as exc:
        raise CliError(EXIT_BAD_INPUT, f"Another apply for {prepared.conn.tenant} is running ({exc.run_dir}).",
                       "run_busy") from None
    print("Result:")
    print_counts(outcome.counts)
    print(f"Report: {outcome.report_path}  (run folder: {outcome.run_dir})")
    return outcome


def _refuse(args: argparse.Namespace, name: str, conn: Connection, plan: Any, refusal: Refusal,
            spec: dict[str, Any]) -> int:
    run_dir = write_refused_run(conn, plan, refusal, source_spec=spec, connection_name=name, dry_run=args.dry_run)
    why = (f"more than {refusal.limit:,.0f} users" if refusal.code == "too_many_writes"
           else f"more than {refusal.limit:g} % of the tenant's users")
    print(f"Refused: this unattended run would write {refusal.to_write:,} of {refusal.users:,} users "
          f"({refusal.percent:g} %), {why}. Nothing was written. Look at the plan in {run_dir}, then run "
          "apply yourself (without --unattended) or raise --max-writes/--max-percent.", file=sys.stderr)
    _record(args, name, EXIT_GUARD_REFUSED, refusal.code, run_folder=run_dir, counts=plan.counts())
    return EXIT_GUARD_REFUSED


def _problem(outcome: RunOutcome) -> str | None:
    result = outcome.result
    if result.fatal:
        return str(result.fatal)
    if result.cancelled or outcome.exit_code == EXIT_CANCELLED:
        return "cancelled"
    if outcome.exit_code == EXIT_SOME_FAILED:
        return "some_failed"
    return None if outcome.exit_code == EXIT_OK else "unknown"
