"""`immutableid-sync schedule install|remove|status|show --connection NAME` (issue 11 §2): run a saved
connection unattended on this computer, with the OS's own scheduler (core/setup/scheduler.py). `show` prints
the definition for any OS (`--os`) without installing anything.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from core.commands.common import CliError, fail
from core.exits import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_OK
from core.setup.names import name_message, name_problem, rename_hint, saved_names
from core.setup.profiles import SCHEDULE_KEY, ProfileStore
from core.setup.schedule import EVERY, Schedule, ScheduleError, next_run, schedule_precondition
from core.setup.scheduler import Scheduler, SchedulerError
from core.setup.unattended import DEFAULT_MAX_WRITES, read_statuses

# `--os` names: linux means systemd; cron is there for a Linux without it.
OS_KINDS = {"windows": "windows", "macos": "macos", "linux": "systemd", "cron": "cron"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("schedule", help="run a saved connection unattended on a schedule",
                                   description="Schedules `apply --unattended --connection NAME` with this "
                                               "computer's own scheduler. The secret stays in the keyring.")
    parser.add_argument("action", choices=("install", "remove", "status", "show"))
    parser.add_argument("--connection", required=True, metavar="NAME", help="the saved connection to run")
    parser.add_argument("--at", default="02:00", metavar="HH:MM", help="local time (default 02:00)")
    parser.add_argument("--every", default="day", choices=EVERY, help="day (default) or week (Mondays)")
    parser.add_argument("--max-writes", type=int, metavar="N",
                        help=f"the run's guard rail (apply's default: {DEFAULT_MAX_WRITES})")
    parser.add_argument("--max-percent", type=float, metavar="P", help="the run's guard rail, as a share")
    parser.add_argument("--os", choices=tuple(OS_KINDS), help="show: the definition for this OS")
    parser.add_argument("--federated-upn-swap", action="store_true",
                        help="the scheduled run also sets new users in federated domains with the UPN swap (their "
                             "UPN moves to alias@<tenant>.onmicrosoft.com and back: see `apply --help`)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, scheduler: Scheduler | None = None) -> int:
    """`scheduler`: injected by tests (a fake runner, a temporary home); else this OS's."""
    try:
        schedule = _schedule(args)
        if args.action == "show":
            kind = OS_KINDS[args.os] if args.os else None
            return _show(schedule, scheduler or Scheduler(**({"kind": kind} if kind else {})))
        scheduler = scheduler or Scheduler()
        if args.action == "install":
            return _install(schedule, scheduler)
        if args.action == "remove":
            scheduler.remove(schedule.connection)
            print(f'Removed the schedule of "{schedule.connection}" ({scheduler.kind}).')
            return EXIT_OK
        return _status(schedule, scheduler)
    except CliError as exc:
        return fail(exc)
    except SchedulerError as exc:
        return fail(CliError(EXIT_CANNOT_CONNECT, f"The schedule was not installed: {exc}"))


def _schedule(args: argparse.Namespace) -> Schedule:
    try:
        return Schedule(args.connection, args.at, args.every, args.max_writes, args.max_percent,
                        args.federated_upn_swap)
    except ScheduleError as exc:
        if exc.code in ("max_writes_bad", "max_percent_bad"):  # core/setup/guard.py, apply's own rule
            raise CliError(EXIT_BAD_INPUT, f"{exc.detail}. Nothing was scheduled.", exc.code) from None
        option = "--at" if exc.code == "bad_time" else "--every"
        raise CliError(EXIT_BAD_INPUT, f"{option} {exc.detail}") from None


def _show(schedule: Schedule, scheduler: Scheduler) -> int:
    for path, content in scheduler.artefacts(schedule).items():
        print(f"# {path}")
        print(content.decode("utf-8") if isinstance(content, bytes) else content, end="")
    return EXIT_OK


def _install(schedule: Schedule, scheduler: Scheduler) -> int:
    store = ProfileStore()
    name = schedule.connection
    problem = schedule_precondition(store, name)  # the wizard asks the same rule
    if problem == "schedule_not_saved":
        raise CliError(EXIT_BAD_INPUT, f'No saved connection is called "{name}": save it first with '
                                       f"`immutableid-sync connection save`. {saved_names(store)}", problem)
    if problem == "schedule_bad_name":
        raise CliError(EXIT_BAD_INPUT, f"{name_message(name_problem(name) or '')} {rename_hint(name)}", problem)
    if problem is not None:
        raise CliError(EXIT_BAD_INPUT, f'"{name}" has no saved source: save it again with --source ..., so '
                                       "that the run knows what to write.", problem)
    files = scheduler.install(schedule, store)
    when = next_run(schedule, datetime.now())
    print(f'Scheduled "{schedule.connection}" every {schedule.every} at {schedule.at} ({scheduler.kind}); '
          f"next run {when:%Y-%m-%d %H:%M}.")
    for path in files:
        print(f"  {path}")
    return EXIT_OK


def _status(schedule: Schedule, scheduler: Scheduler) -> int:
    saved = ProfileStore().attached(schedule.connection, SCHEDULE_KEY)
    if isinstance(saved, dict):
        print(f'"{schedule.connection}": every {saved.get("every")} at {saved.get("at")} ({saved.get("kind")}), '
              f"installed {saved.get('installed')}")
    else:
        print(f'"{schedule.connection}" is not scheduled from this program.')
    status = read_statuses().get(schedule.connection)
    if status is not None:
        print(f"Last unattended run: {status.time}, exit {status.exit_code}"
              + (f" ({status.problem})" if status.problem else ""))
    print(scheduler.query(schedule.connection))
    return EXIT_OK
