"""`schedule install|remove|status|show`: the three OS definitions are valid (XML parsed, plist loaded,
units parsed and verified by systemd-analyze where it exists), and installing runs exactly the OS tool
commands expected — through a fake runner: nothing is ever scheduled on this machine."""

from __future__ import annotations

import configparser
import os
import plistlib
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date, datetime

import pytest

from core.cli import build_parser, main
from core.commands import schedule as schedule_cmd
from core.exits import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_OK
from core.setup.profiles import ProfileStore
from core.setup.schedule import Schedule, command_line, next_run, program, systemd_units, windows_task_xml
from core.setup.scheduler import Completed, Scheduler

NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
PROG = ["/opt/immutableid-sync/immutableid-sync"]
NAME = "Norra skolan 100%"


class FakeRunner:
    def __init__(self, answers=None):
        self.calls: list[tuple[list[str], str | None]] = []
        self.answers = answers or {}

    def __call__(self, argv, input_text=None):
        self.calls.append((list(argv), input_text))
        return self.answers.get(tuple(argv[:2]), Completed(0, "", ""))


def saved(name=NAME, source=True):
    from core.graph.connection import Connection

    store = ProfileStore()
    store.save(Connection("school.example", "11111111-1111-4111-8111-111111111111", name=name))
    if source:
        store.attach(name, "source", {"kind": "attribute", "attribute": "objectId", "transform": "guid-base64"})
    return store


def cmd(scheduler, *argv):
    return schedule_cmd.run(build_parser().parse_args(["schedule", *argv]), scheduler=scheduler)


def test_windows_task_xml():
    s = Schedule(NAME, "02:30", "week", max_writes=50)
    text = windows_task_xml(s, ["C:\\Program Files\\Immutable ID Sync\\immutableid-sync.exe", *s.arguments()],
                            "SCHOOL\\admin", date(2026, 12, 1))
    task = ET.fromstring(text.split("\n", 1)[1])
    assert text.startswith('<?xml version="1.0" encoding="UTF-16"?>')
    assert [child.tag.split("}")[1] for child in task] == ["RegistrationInfo", "Triggers", "Principals", "Settings",
                                                           "Actions"]  # the order Windows exports
    assert task.find("t:Triggers/t:CalendarTrigger/t:StartBoundary", NS).text == "2026-12-01T02:30:00"
    assert task.find("t:Triggers/t:CalendarTrigger/t:ScheduleByWeek/t:DaysOfWeek/t:Monday", NS) is not None
    principal = task.find("t:Principals/t:Principal", NS)
    assert principal.find("t:UserId", NS).text == "SCHOOL\\admin"
    assert principal.find("t:LogonType", NS).text == "InteractiveToken"  # not "whether or not logged on"
    exec_ = task.find("t:Actions/t:Exec", NS)
    assert exec_.find("t:Command", NS).text.endswith("immutableid-sync.exe")
    assert exec_.find("t:Arguments", NS).text == \
        'apply --unattended --connection "Norra skolan 100%" --max-writes 50'
    daily = ET.fromstring(windows_task_xml(Schedule(NAME), PROG, "u", date(2026, 12, 1)).split("\n", 1)[1])
    assert daily.find("t:Triggers/t:CalendarTrigger/t:ScheduleByDay/t:DaysInterval", NS).text == "1"


def test_macos_plist(tmp_path, capsys):
    runner = FakeRunner()
    scheduler = Scheduler("macos", runner, tmp_path, PROG, uid=501)
    saved()
    assert cmd(scheduler, "install", "--connection", NAME, "--at", "23:05", "--every", "week") == EXIT_OK
    (plist_path,) = (tmp_path / "Library" / "LaunchAgents").glob("*.plist")
    data = plistlib.loads(plist_path.read_bytes())
    assert data["ProgramArguments"] == [*PROG, "apply", "--unattended", "--connection", NAME]
    assert data["StartCalendarInterval"] == {"Hour": 23, "Minute": 5, "Weekday": 1}
    assert data["Label"] == plist_path.stem and data["RunAtLoad"] is False
    assert [c[0] for c in runner.calls] == [["launchctl", "bootout", f"gui/501/{data['Label']}"],
                                            ["launchctl", "bootstrap", "gui/501", str(plist_path)]]
    assert ProfileStore().attached(NAME, "schedule")["at"] == "23:05"
    runner.answers[("launchctl", "print")] = Completed(0, "state = not running\n")
    capsys.readouterr()
    assert cmd(scheduler, "status", "--connection", NAME) == EXIT_OK
    out = capsys.readouterr().out
    assert "every week at 23:05 (macos)" in out and "state = not running" in out
    assert runner.calls[-1][0] == ["launchctl", "print", f"gui/501/{data['Label']}"]
    assert cmd(scheduler, "remove", "--connection", NAME) == EXIT_OK
    assert not plist_path.exists() and ProfileStore().attached(NAME, "schedule") is None


def test_systemd_units_parse_and_verify(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    runner = FakeRunner()
    prog = program()  # this checkout's entry point: systemd-analyze checks that it is executable
    scheduler = Scheduler("systemd", runner, tmp_path, prog)
    saved()
    assert cmd(scheduler, "install", "--connection", NAME, "--max-writes", "20") == EXIT_OK
    unit_dir = tmp_path / ".config" / "systemd" / "user"
    service, timer = sorted(unit_dir.iterdir())
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.read([service, timer])
    assert parsed["Service"]["Type"] == "oneshot"
    assert parsed["Timer"]["OnCalendar"] == "*-*-* 02:00:00" and parsed["Timer"]["Unit"] == service.name
    assert parsed["Install"]["WantedBy"] == "timers.target"
    assert "%%" in parsed["Service"]["ExecStart"]  # a % in the name is not a systemd specifier
    assert [c[0] for c in runner.calls] == [["systemctl", "--user", "daemon-reload"],
                                            ["systemctl", "--user", "enable", "--now", timer.name]]
    if shutil.which("systemd-analyze"):  # where available; the test does not depend on it
        env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path)}
        done = subprocess.run(["systemd-analyze", "verify", "--user", str(service), str(timer)],
                              capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr


def test_cron_when_systemd_is_absent(tmp_path):
    existing = "MAILTO=it@school.example\n0 5 * * * /usr/bin/backup\n"
    runner = FakeRunner({("crontab", "-l"): Completed(0, existing)})
    scheduler = Scheduler("cron", runner, tmp_path, PROG)
    saved()
    assert cmd(scheduler, "install", "--connection", NAME, "--at", "01:15") == EXIT_OK
    (argv, text), = [c for c in runner.calls if c[0] == ["crontab", "-"]]
    lines = text.splitlines()
    assert lines[:2] == existing.splitlines()  # the user's own lines are kept
    assert lines[2].startswith("15 1 * * * /opt/immutableid-sync/immutableid-sync apply --unattended "
                               "--connection 'Norra skolan 100\\%'")
    # installing again replaces our line instead of adding a second one
    runner.answers[("crontab", "-l")] = Completed(0, text)
    assert cmd(scheduler, "install", "--connection", NAME, "--at", "01:20") == EXIT_OK
    assert len([ln for ln in runner.calls[-1][1].splitlines() if "immutableid-sync:" in ln]) == 1


def test_windows_install_runs_schtasks(tmp_path):
    runner = FakeRunner()
    scheduler = Scheduler("windows", runner, tmp_path, ["C:\\app\\immutableid-sync.exe"], today=date(2026, 12, 1))
    saved()
    assert cmd(scheduler, "install", "--connection", NAME) == EXIT_OK
    (argv, _), = runner.calls
    assert argv[:4] == ["schtasks", "/Create", "/TN", "\\Immutable ID Sync\\" + Schedule(NAME).slug]
    xml_file = argv[5]
    assert argv[4] == "/XML" and argv[6] == "/F"
    text = open(xml_file, encoding="utf-16").read()  # noqa: PTH123
    assert ET.fromstring(text.split("\n", 1)[1]).find("t:Actions/t:Exec/t:Command", NS).text == \
        "C:\\app\\immutableid-sync.exe"


def test_install_needs_a_saved_connection_with_source_and_reports_tool_failures(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)  # unit files go under tmp_path, nowhere real
    runner = FakeRunner({("systemctl", "--user"): Completed(1, "", "Failed to connect to bus")})
    scheduler = Scheduler("systemd", runner, tmp_path, PROG)
    assert cmd(scheduler, "install", "--connection", "Nowhere") == EXIT_BAD_INPUT
    saved("Bare", source=False)
    assert cmd(scheduler, "install", "--connection", "Bare") == EXIT_BAD_INPUT
    saved()
    assert cmd(scheduler, "install", "--connection", NAME) == EXIT_CANNOT_CONNECT
    assert "Failed to connect to bus" in capsys.readouterr().err
    assert ProfileStore().attached(NAME, "schedule") is None
    assert cmd(scheduler, "install", "--connection", NAME, "--at", "25:00") == EXIT_BAD_INPUT


@pytest.mark.parametrize("os_name", ["windows", "macos", "linux", "cron"])
def test_show_prints_without_installing(os_name, capsys, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"show ran a program: {args}")

    monkeypatch.setattr("core.setup.scheduler.subprocess.run", refuse)  # nothing may be run
    assert main(["schedule", "show", "--connection", NAME, "--os", os_name]) == EXIT_OK
    out = capsys.readouterr().out
    assert "--unattended" in out and "secret" not in out.lower()


def test_frozen_app_schedules_its_own_console_program(tmp_path):
    (tmp_path / "immutableid-sync.exe").write_text("")
    assert program(frozen=True, executable=str(tmp_path / "Immutable ID Sync.exe")) == \
        [str(tmp_path / "immutableid-sync.exe")]
    venv = tmp_path / "venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "immutableid-sync").write_text("")
    assert program(frozen=False, executable=str(venv / "python")) == [str(venv / "immutableid-sync")]
    assert command_line(Schedule("X"), ["p"]) == ["p", "apply", "--unattended", "--connection", "X"]


def test_next_run():
    assert next_run(Schedule("X", "02:00"), datetime(2026, 12, 3, 1, 0)) == datetime(2026, 12, 3, 2, 0)
    assert next_run(Schedule("X", "02:00"), datetime(2026, 12, 3, 3, 0)) == datetime(2026, 12, 4, 2, 0)
    # 3 Dec 2026 is a Thursday: the next Monday is 7 Dec
    assert next_run(Schedule("X", "02:00", "week"), datetime(2026, 12, 3, 3, 0)) == datetime(2026, 12, 7, 2, 0)
    assert len(systemd_units(Schedule("X"), PROG)) == 2
