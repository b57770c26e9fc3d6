"""Schedule definitions for unattended runs (issue 11 §2), one per OS, as text: nothing here installs
anything (core/setup/scheduler.py does, through an injectable runner).

- Windows: a Task Scheduler XML definition (`schtasks /Create /XML`), run as the current user, only
  while they are logged on (InteractiveToken: no stored Windows password, and the keyring is theirs).
- macOS: a LaunchAgent plist (per user, `launchctl bootstrap gui/UID`).
- Linux: a systemd --user service + timer; a crontab line where systemd is absent.

Every definition runs `apply --unattended --connection NAME`: the secret stays in the keyring, never in
a task definition or a command line. No Qt.
"""

from __future__ import annotations

import hashlib
import os
import plistlib
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from core.setup.guard import GuardValueError, check_guard_values
from core.setup.names import is_valid_name

TASK_FOLDER = "Immutable ID Sync"
LABEL_PREFIX = "org.immutableid-sync."
UNIT_PREFIX = "immutableid-sync-"
CRON_MARK = "# immutableid-sync:"
TASK_NS = "http://schemas.microsoft.com/windows/2004/02/mit/task"
EVERY = ("day", "week")
WEEKDAY = "Monday"  # a weekly run goes on Mondays: new pupils are usually added in the week before


class ScheduleError(ValueError):
    """`code`: bad_time, bad_every, or a guard-rail code of core.setup.unattended.check_guard_values."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code, self.detail = code, detail


@dataclass(frozen=True)
class Schedule:
    connection: str
    at: str = "02:00"          # local time, HH:MM
    every: str = "day"         # day | week
    max_writes: int | None = None
    max_percent: float | None = None
    upn_swap: bool = False     # the scheduled run sets new users in federated domains with the UPN swap
    # A task installed before names were hashed (slug = 40 characters + a byte sum): found to remove it.
    legacy: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", self.at or ""):
            raise ScheduleError("bad_time", f"{self.at!r}: use HH:MM, e.g. 02:00")
        if self.every not in EVERY:
            raise ScheduleError("bad_every", f"{self.every!r}: use day or week")
        try:  # the scheduled run's guard rail, by apply's own rule: a value apply refuses never gets installed
            check_guard_values(self.max_writes, self.max_percent)
        except GuardValueError as exc:
            raise ScheduleError(exc.code, exc.message) from None

    @property
    def hour(self) -> int:
        return int(self.at.split(":")[0])

    @property
    def minute(self) -> int:
        return int(self.at.split(":")[1])

    @property
    def slug(self) -> str:
        """The connection's name as a file and task name: ASCII letters, digits and dashes, readable, with a
        hash of the *whole* name, so two names that differ anywhere (after 40 characters, or only in
        "ö" against "o") never share a task."""
        text = re.sub(r"[^a-z0-9]+", "-", self.connection.lower()).strip("-")[:40] or "connection"
        if self.legacy:
            return f"{text}-{sum(self.connection.encode('utf-8')) % 1000:03d}"
        return f"{text}-{hashlib.sha256(self.connection.encode('utf-8')).hexdigest()[:12]}"

    def arguments(self) -> list[str]:
        args = ["apply", "--unattended", "--connection", self.connection]
        if self.max_writes is not None:
            args += ["--max-writes", str(self.max_writes)]
        if self.max_percent is not None:
            args += ["--max-percent", f"{self.max_percent:g}"]
        if self.upn_swap:
            args.append("--federated-upn-swap")
        return args


# Why a saved connection cannot be scheduled (schedule_precondition's codes; English in core/message_table.py).
PRECONDITIONS = ("schedule_not_saved", "schedule_no_source", "schedule_bad_name")


def schedule_precondition(store: Any, name: str) -> str | None:
    """The one rule both faces use before scheduling NAME (`schedule install`, the wizard's "Keep new users
    in sync"): None when it can be scheduled, else a code of PRECONDITIONS. A scheduled run has nobody to
    ask, so it needs a saved connection, a valid name (it goes into a task and a command line) and a saved
    source (what to write). `store`: a core.setup.profiles.ProfileStore."""
    if not name or store.get(name) is None:
        return "schedule_not_saved"
    if not is_valid_name(name):
        return "schedule_bad_name"
    source = store.attached(name, "source")
    if not isinstance(source, dict) or not source.get("kind"):
        return "schedule_no_source"
    return None


def next_run(schedule: Schedule, now: datetime) -> datetime:
    """When the schedule runs next after `now` (local, naive or aware as `now` is)."""
    first = now.replace(hour=schedule.hour, minute=schedule.minute, second=0, microsecond=0)
    if schedule.every == "week":
        first += timedelta(days=(0 - first.weekday()) % 7)  # Monday
        return first if first > now else first + timedelta(days=7)
    return first if first > now else first + timedelta(days=1)


def program(frozen: bool | None = None, executable: str | None = None) -> list[str]:
    """What a schedule starts: the frozen app's own console program, or this checkout's venv entry point
    (never the windowed one: a scheduled run has nobody to show a window to)."""
    exe = Path(executable or sys.executable)
    windows = exe.suffix.lower() == ".exe"
    name = "immutableid-sync.exe" if windows else "immutableid-sync"
    if getattr(sys, "frozen", False) if frozen is None else frozen:
        console = exe.with_name(name)
        return [str(console if console.exists() else exe)]
    script = exe.parent / name
    return [str(script)] if script.exists() else [str(exe), "-m", "core.cli"]


def command_line(schedule: Schedule, prog: list[str] | None = None) -> list[str]:
    return [*(prog or program()), *schedule.arguments()]


# --- Windows -------------------------------------------------------------------------------------------
def task_name(schedule: Schedule) -> str:
    return f"\\{TASK_FOLDER}\\{schedule.slug}"


def windows_user() -> str:
    user = os.environ.get("USERNAME") or os.environ.get("USER") or "user"
    domain = os.environ.get("USERDOMAIN")
    return f"{domain}\\{user}" if domain else user


def windows_task_xml(schedule: Schedule, argv: list[str], user: str, start: date) -> str:
    ET.register_namespace("", TASK_NS)
    q = f"{{{TASK_NS}}}"
    task = ET.Element(q + "Task", {"version": "1.2"})

    def add(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
        node = ET.SubElement(parent, q + tag)
        node.text = text
        return node

    info = add(task, "RegistrationInfo")
    add(info, "Description", f"Immutable ID Sync: unattended run for {schedule.connection}")
    add(info, "URI", task_name(schedule))
    trigger = add(add(task, "Triggers"), "CalendarTrigger")
    # Only StartBoundary (required) and the schedule: Enabled defaults to true, and leaving it out keeps
    # clear of the order of the trigger's base elements.
    add(trigger, "StartBoundary", f"{start.isoformat()}T{schedule.hour:02d}:{schedule.minute:02d}:00")
    if schedule.every == "week":
        weekly = add(trigger, "ScheduleByWeek")
        add(weekly, "WeeksInterval", "1")
        add(add(weekly, "DaysOfWeek"), WEEKDAY)
    else:
        add(add(trigger, "ScheduleByDay"), "DaysInterval", "1")
    principal = ET.SubElement(add(task, "Principals"), q + "Principal", {"id": "Author"})
    add(principal, "UserId", user)
    add(principal, "LogonType", "InteractiveToken")  # "run whether or not logged on" stays off
    add(principal, "RunLevel", "LeastPrivilege")
    settings = add(task, "Settings")
    for tag, value in (("MultipleInstancesPolicy", "IgnoreNew"), ("DisallowStartIfOnBatteries", "false"),
                       ("StopIfGoingOnBatteries", "false"), ("StartWhenAvailable", "true"),
                       ("RunOnlyIfNetworkAvailable", "true"), ("ExecutionTimeLimit", "PT4H"),
                       ("Enabled", "true")):
        add(settings, tag, value)
    action = add(ET.SubElement(task, q + "Actions", {"Context": "Author"}), "Exec")
    add(action, "Command", argv[0])
    add(action, "Arguments", subprocess.list2cmdline(argv[1:]))
    ET.indent(task)
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + ET.tostring(task, encoding="unicode") + "\n"


# --- macOS ---------------------------------------------------------------------------------------------
def launchd_label(schedule: Schedule) -> str:
    return LABEL_PREFIX + schedule.slug


def macos_plist(schedule: Schedule, argv: list[str], log_file: Path) -> bytes:
    interval: dict[str, int] = {"Hour": schedule.hour, "Minute": schedule.minute}
    if schedule.every == "week":
        interval["Weekday"] = 1  # Monday
    return plistlib.dumps({"Label": launchd_label(schedule), "ProgramArguments": list(argv),
                           "StartCalendarInterval": interval, "RunAtLoad": False, "ProcessType": "Background",
                           "StandardOutPath": str(log_file), "StandardErrorPath": str(log_file)})


# --- Linux: systemd --user, or cron ---------------------------------------------------------------------
def unit_name(schedule: Schedule, kind: str) -> str:
    return f"{UNIT_PREFIX}{schedule.slug}.{kind}"


def _systemd_quote(arg: str) -> str:
    # systemd unquotes C-style; % starts a specifier and $ an environment variable, so both are doubled.
    text = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{text}"'


def systemd_units(schedule: Schedule, argv: list[str]) -> dict[str, str]:
    calendar = f"{'Mon ' if schedule.every == 'week' else ''}*-*-* {schedule.hour:02d}:{schedule.minute:02d}:00"
    what = f"Immutable ID Sync: unattended run for {schedule.connection}".replace("%", "%%")
    service = (f"[Unit]\nDescription={what}\n\n"
               f"[Service]\nType=oneshot\nExecStart={' '.join(_systemd_quote(a) for a in argv)}\n")
    timer = (f"[Unit]\nDescription={what} (every {schedule.every} at {schedule.at})\n\n"
             f"[Timer]\nOnCalendar={calendar}\nPersistent=true\nUnit={unit_name(schedule, 'service')}\n\n"
             "[Install]\nWantedBy=timers.target\n")
    return {unit_name(schedule, "service"): service, unit_name(schedule, "timer"): timer}


def cron_line(schedule: Schedule, argv: list[str]) -> str:
    weekday = "1" if schedule.every == "week" else "*"
    command = " ".join(shlex.quote(a) for a in argv).replace("%", "\\%")  # cron turns a bare % into a newline
    return f"{schedule.minute} {schedule.hour} * * {weekday} {command} {CRON_MARK}{schedule.slug}"


def without_our_line(crontab: str, schedule: Schedule) -> list[str]:
    return [line for line in crontab.splitlines() if not line.endswith(CRON_MARK + schedule.slug)]
