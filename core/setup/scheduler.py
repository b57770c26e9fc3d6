"""Installing, removing and querying a schedule with the OS's own tool (schtasks, launchctl, systemctl,
crontab). Every tool call goes through `runner(argv, input_text)`, so tests (and a dry look) can see
the exact command lines without scheduling anything. What was installed is saved with the connection
(core/setup/profiles.py, key `schedule`) for `schedule status`, `connection list` and the wizard.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from core import paths
from core.run.outputs import check_output_path
from core.setup import schedule as sched
from core.setup.names import check_connection_name
from core.setup.profiles import SCHEDULE_KEY, ProfileStore


@dataclass
class Completed:
    returncode: int
    stdout: str = ""
    stderr: str = ""


Runner = Callable[[list[str], "str | None"], Completed]
KINDS = ("windows", "macos", "systemd", "cron")
# launchd's per-user login-session domain (an OS name that tests/test_layers.py allows by this exact value)
LAUNCHD_DOMAIN = "gui/{uid}"


class SchedulerError(RuntimeError):
    """An OS tool refused (`argv`, its `output`): the schedule is not (fully) installed."""

    def __init__(self, argv: list[str], output: str) -> None:
        super().__init__(f"{argv[0]} failed: {output.strip()[:500]}")
        self.argv, self.output = argv, output


# What to do when the OS's scheduler tool is not there (a container, a minimal Linux, a broken PATH).
MISSING_FIX = {
    "crontab": "Install cron (Debian/Ubuntu: sudo apt-get install cron; Fedora: sudo dnf install cronie) "
               "and start it, or schedule on a computer with systemd, macOS or Windows.",
    "systemctl": "systemd's systemctl was not found although systemd seems to run here: check PATH "
                 "(it is usually /usr/bin/systemctl).",
    "launchctl": "launchctl is part of macOS (/bin/launchctl): check that PATH holds /bin.",
    "schtasks": r"schtasks.exe is part of Windows (C:\Windows\System32): check that PATH holds that folder.",
}


class SchedulerMissing(SchedulerError):
    """The OS's scheduler tool (`tool`) is not installed or not on PATH: nothing was scheduled."""

    code = "scheduler_missing"

    def __init__(self, argv: list[str]) -> None:
        self.tool = Path(argv[0]).name
        RuntimeError.__init__(self, f"{self.tool} was not found on this computer. {self.fix}")
        self.argv, self.output = argv, ""

    @property
    def fix(self) -> str:
        return MISSING_FIX.get(self.tool, f"Install {self.tool}, or check PATH.")


def subprocess_runner(argv: list[str], input_text: str | None = None) -> Completed:
    try:
        done = subprocess.run(argv, input=input_text, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError:  # the tool itself is missing: a message with the fix, never "[Errno 2]"
        raise SchedulerMissing(argv) from None
    return Completed(done.returncode, done.stdout, done.stderr)


def current_kind(platform: str | None = None, has_systemd: bool | None = None) -> str:
    platform = platform or sys.platform
    if platform.startswith("win"):
        return "windows"
    if platform == "darwin":
        return "macos"
    if has_systemd is None:  # systemd is PID 1 (containers and some distributions run without it)
        has_systemd = Path("/run/systemd/system").is_dir() and shutil.which("systemctl") is not None
    return "systemd" if has_systemd else "cron"


@dataclass
class Scheduler:
    kind: str = field(default_factory=current_kind)
    runner: Runner = subprocess_runner
    home: Path = field(default_factory=Path.home)
    program: list[str] | None = None       # default: core.setup.schedule.program()
    uid: int | None = None                 # macOS: the gui/UID domain (default: this user's)
    today: date | None = None

    def argv(self, schedule: sched.Schedule) -> list[str]:
        return sched.command_line(schedule, self.program)

    # --- the artefact per kind, as text, and where it goes ---------------------------------------
    def artefacts(self, schedule: sched.Schedule) -> dict[Path, str | bytes]:
        argv = self.argv(schedule)
        if self.kind == "windows":
            xml = sched.windows_task_xml(schedule, argv, sched.windows_user(), self.today or date.today())
            return {paths.config_dir() / "schedules" / f"{schedule.slug}.xml": xml}
        if self.kind == "macos":
            log_file = paths.log_dir() / f"scheduled-{schedule.slug}.log"
            return {self._plist(schedule): sched.macos_plist(schedule, argv, log_file)}
        if self.kind == "systemd":
            return {self._unit_dir() / name: text for name, text in sched.systemd_units(schedule, argv).items()}
        return {Path("crontab"): sched.cron_line(schedule, argv) + "\n"}

    def _plist(self, schedule: sched.Schedule) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{sched.launchd_label(schedule)}.plist"

    def _unit_dir(self) -> Path:
        config = os.environ.get("XDG_CONFIG_HOME")
        return (Path(config) if config else self.home / ".config") / "systemd" / "user"

    def _gui_domain(self) -> str:
        return LAUNCHD_DOMAIN.format(uid=self.uid if self.uid is not None else os.getuid())  # type: ignore[attr-defined]

    # --- install / remove / status ----------------------------------------------------------------
    def install(self, schedule: sched.Schedule, store: ProfileStore | None = None) -> list[Path]:
        """Raises ConnectionNameError before anything is written for a name that is not valid (a newline
        would add lines to a unit or a crontab), SchedulerError when the OS tool refuses or is missing."""
        check_connection_name(schedule.connection)
        store = store or ProfileStore()
        saved = store.attached(schedule.connection, SCHEDULE_KEY)
        if isinstance(saved, dict) and saved.get("task") != schedule.slug:
            self._remove_task(sched.Schedule(schedule.connection, legacy=True))  # installed before hashed names
        files = self.artefacts(schedule)
        if self.kind == "cron":
            self._install_cron(schedule, next(iter(files.values())))  # type: ignore[arg-type]
            written: list[Path] = []
        else:
            written = [_write(path, content, self.kind) for path, content in files.items()]
            for argv in self._install_steps(schedule, written):
                self._run(argv)
        store.attach(schedule.connection, SCHEDULE_KEY, {
            "task": schedule.slug, "at": schedule.at, "every": schedule.every, "kind": self.kind, "max_writes": schedule.max_writes,
            "max_percent": schedule.max_percent, "upn_swap": schedule.upn_swap,
            "installed": datetime.now(UTC).isoformat(timespec="seconds")})
        return written

    def _install_steps(self, schedule: sched.Schedule, written: list[Path]) -> list[list[str]]:
        if self.kind == "windows":
            return [["schtasks", "/Create", "/TN", sched.task_name(schedule), "/XML", str(written[0]), "/F"]]
        if self.kind == "macos":
            self.runner(["launchctl", "bootout", f"{self._gui_domain()}/{sched.launchd_label(schedule)}"], None)
            return [["launchctl", "bootstrap", self._gui_domain(), str(written[0])]]
        return [["systemctl", "--user", "daemon-reload"],
                ["systemctl", "--user", "enable", "--now", sched.unit_name(schedule, "timer")]]

    def _install_cron(self, schedule: sched.Schedule, line: str) -> None:
        lines = sched.without_our_line(self._crontab(), schedule) + [line.rstrip("\n")]
        self._run(["crontab", "-"], "\n".join(lines) + "\n")

    def _crontab(self) -> str:
        done = self.runner(["crontab", "-l"], None)
        return done.stdout if done.returncode == 0 else ""  # "no crontab for user" is not an error here

    def remove(self, name: str, store: ProfileStore | None = None) -> None:
        """Remove the task whatever it was installed with (and under the name it had before names were
        hashed); a task that is not there is not an error. Works for names saved before the name rule."""
        for schedule in (sched.Schedule(name), sched.Schedule(name, legacy=True)):
            self._remove_task(schedule)
        if self.kind == "systemd":
            self.runner(["systemctl", "--user", "daemon-reload"], None)
        (store or ProfileStore()).attach(name, SCHEDULE_KEY, None)

    def _remove_task(self, schedule: sched.Schedule) -> None:
        if self.kind == "windows":
            self.runner(["schtasks", "/Delete", "/TN", sched.task_name(schedule), "/F"], None)
        elif self.kind == "macos":
            self.runner(["launchctl", "bootout", f"{self._gui_domain()}/{sched.launchd_label(schedule)}"], None)
        elif self.kind == "systemd":
            self.runner(["systemctl", "--user", "disable", "--now", sched.unit_name(schedule, "timer")], None)
        else:
            current = self._crontab()
            if any(line.endswith(sched.CRON_MARK + schedule.slug) for line in current.splitlines()):
                lines = sched.without_our_line(current, schedule)
                self._run(["crontab", "-"], "\n".join(lines) + "\n" if lines else "")
        for path in self.artefacts(schedule) if self.kind != "cron" else ():
            path.unlink(missing_ok=True)

    def query(self, name: str) -> str:
        """What the OS tool says about the task (its own words)."""
        schedule = sched.Schedule(name)
        if self.kind == "windows":
            argv = ["schtasks", "/Query", "/TN", sched.task_name(schedule), "/V", "/FO", "LIST"]
        elif self.kind == "macos":
            argv = ["launchctl", "print", f"{self._gui_domain()}/{sched.launchd_label(schedule)}"]
        elif self.kind == "systemd":
            argv = ["systemctl", "--user", "list-timers", "--all", sched.unit_name(schedule, "timer")]
        else:
            lines = [ln for ln in self._crontab().splitlines() if ln.endswith(sched.CRON_MARK + schedule.slug)]
            return "\n".join(lines) or "no crontab line for this connection"
        done = self.runner(argv, None)
        return (done.stdout or done.stderr).strip()

    def _run(self, argv: list[str], input_text: str | None = None) -> Completed:
        done = self.runner(argv, input_text)
        if done.returncode != 0:
            raise SchedulerError(argv, done.stderr or done.stdout)
        return done


def _write(path: Path, content: str | bytes, kind: str) -> Path:
    """The scheduler's own files in its own folder (made here); the output guard still refuses a device, a
    FIFO or a run's file put in their place. Re-installing replaces the tool's own earlier file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path = check_output_path(path, replace=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:  # schtasks reads the encoding its declaration names: UTF-16 (with BOM), as Windows exports it
        windows = kind == "windows"
        path.write_text(content, encoding="utf-16" if windows else "utf-8", newline="\r\n" if windows else "\n")
    return path
