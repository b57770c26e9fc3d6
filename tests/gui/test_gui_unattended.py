"""Issue 11 in the wizard: the Welcome page shows a failed scheduled run and each saved connection, the
Source page saves its choice with the connection, and the Results page can schedule the connection."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from wizard_steps import WAIT_MS, fill_connection, pass_checks, wait_idle

from core.cli import main
from core.exits import EXIT_CANNOT_CONNECT, EXIT_OK
from core.graph.connection import Connection
from core.setup.profiles import ProfileStore
from core.setup.schedule import Schedule
from core.setup.scheduler import Completed, Scheduler
from core.setup.unattended import read_statuses
from gui import texts
from gui.navigation import PageId
from gui.widgets.keep_in_sync import KeepInSync

PROG = ["/opt/immutableid-sync/immutableid-sync"]


class FakeRunner:
    def __init__(self):
        self.calls = []

    def __call__(self, argv, input_text=None):
        self.calls.append(list(argv))
        return Completed(0)


def test_welcome_page_shows_the_failed_nightly_sync(make_wizard, sandbox, sandbox_profile_file, memory_keyring,
                                                     tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)  # unit files go under tmp_path, nowhere real
    assert main(["connection", "save", "North", "--profile", str(sandbox_profile_file),
                 "--source", "attribute:objectId", "--transform", "guid-base64"]) == EXIT_OK
    assert main(["connection", "save", "South", "--profile", str(sandbox_profile_file),
                 "--source", "attribute:mail"]) == EXIT_OK
    Scheduler("systemd", FakeRunner(), tmp_path, PROG).install(Schedule("North", "02:00"))
    sandbox.directory.apps[0].secret_expires = datetime.now(UTC) - timedelta(days=1)
    assert main(["apply", "--unattended", "--connection", "North"]) == EXIT_CANNOT_CONNECT
    failed_on = read_statuses()["North"].when.astimezone()  # kept in UTC, shown in local time

    wizard = make_wizard()
    page = wizard.page_by_id(PageId.WELCOME)
    assert wizard.currentId() == PageId.WELCOME
    problem = page.problems.text()
    assert f"The nightly sync for North failed on {texts.date_text(failed_on)}: The client secret has expired." \
        in problem
    assert "Create a new client secret" in problem  # what to do about it
    assert page.problems.isVisible()
    saved = page.saved.text()
    assert "North — last run:" in saved and "failed" in saved and "next run:" in saved
    assert "South — no unattended run yet · not scheduled" in saved


def test_welcome_page_without_saved_connections_says_nothing_about_them(make_wizard):
    page = make_wizard().page_by_id(PageId.WELCOME)
    assert not page.problems.isVisible() and not page.saved.isVisible()


def test_source_page_saves_the_choice_with_the_connection(make_wizard, qtbot, sandbox, sandbox_profile,
                                                          memory_keyring):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    wizard.next()
    wait_idle(wizard, qtbot)
    page = wizard.page_by_id(PageId.SOURCE)
    page.attr_radio.click()
    page.attr_combo.setCurrentIndex(page.attr_combo.findData("employeeId"))
    wait_idle(wizard, qtbot)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() != PageId.SOURCE, timeout=WAIT_MS)
    saved = ProfileStore().attached(sandbox.tenant_id, "source")
    assert saved["kind"] == "attribute" and saved["attribute"] == "employeeId"
    # the command line runs the same record with its saved source
    assert main(["apply", "--connection", sandbox.tenant_id, "--dry-run"]) == EXIT_OK


def run_now(job, name, waiting_for, *, on_finished=None, on_failed=None, on_progress=None):
    """The page's run_job, synchronously (the widget's own logic is under test, not the worker)."""
    try:
        result = job(lambda *_: None, None)
    except Exception as exc:  # noqa: BLE001
        on_failed(exc)
    else:
        on_finished(result)


def test_results_offer_schedules_the_connection(qtbot, tmp_path, memory_keyring, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)  # unit files go under tmp_path, nowhere real
    store = ProfileStore()
    conn = store.save(Connection("school.example", "11111111-1111-4111-8111-111111111111", name="North"))
    store.attach("North", "source", {"kind": "attribute", "attribute": "objectId"})
    widget = KeepInSync(None, run_now)
    qtbot.addWidget(widget)
    runner = FakeRunner()
    widget.scheduler = Scheduler("systemd", runner, tmp_path, PROG)
    widget.set_connection(conn, store)
    assert widget.apply_button.isEnabled() and not widget.enabled_box.isChecked()
    Scheduler("systemd", FakeRunner(), tmp_path, PROG).install(Schedule("North", "03:00", "week", max_writes=40))
    widget.set_connection(conn, store)  # an existing schedule is shown as it is
    assert widget.enabled_box.isChecked() and widget.every_combo.currentData() == "week"
    widget.every_combo.setCurrentIndex(widget.every_combo.findData("day"))
    widget.time_edit.setTime(widget.time_edit.time().fromString("21:30", "HH:mm"))
    widget.apply_button.click()
    assert runner.calls[-1][:4] == ["systemctl", "--user", "enable", "--now"]
    assert store.attached("North", "schedule")["at"] == "21:30"
    assert store.attached("North", "schedule")["max_writes"] == 40  # the guard rail set on the command line
    unit = next((tmp_path / ".config" / "systemd" / "user").glob("*.service")).read_text("utf-8")
    assert '"--max-writes" "40"' in unit
    assert "Scheduled every day at 21:30" in widget.note.text()
    assert "keychain" in widget.note.text()  # no secret saved for it: the run could not sign in
    widget.enabled_box.setChecked(False)
    widget.apply_button.click()
    assert store.attached("North", "schedule") is None and "removed" in widget.note.text()


def test_results_offer_the_upn_swap_for_the_schedule_after_a_swap_run(qtbot, tmp_path, memory_keyring,
                                                                       monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    store = ProfileStore()
    conn = store.save(Connection("school.example", "11111111-1111-4111-8111-111111111111", name="North"))
    store.attach("North", "source", {"kind": "attribute", "attribute": "objectId"})
    widget = KeepInSync(None, run_now)
    qtbot.addWidget(widget)
    widget.scheduler = Scheduler("systemd", FakeRunner(), tmp_path, PROG)
    widget.set_connection(conn, store)  # no swap in this run: not offered
    assert widget.swap_box.isHidden()
    widget.set_connection(conn, store, swap_used=True)  # offered, never ticked for the admin
    assert not widget.swap_box.isHidden() and not widget.swap_box.isChecked()
    widget.enabled_box.setChecked(True)
    widget.swap_box.setChecked(True)
    widget.apply_button.click()
    assert store.attached("North", "schedule")["upn_swap"] is True
    unit = next((tmp_path / ".config" / "systemd" / "user").glob("*.service")).read_text("utf-8")
    assert '"--federated-upn-swap"' in unit
    widget.set_connection(conn, store)  # a saved swap schedule shows it ticked, even after a plain run
    assert not widget.swap_box.isHidden() and widget.swap_box.isChecked()
    widget.swap_box.setChecked(False)
    widget.apply_button.click()
    unit = next((tmp_path / ".config" / "systemd" / "user").glob("*.service")).read_text("utf-8")
    assert "--federated-upn-swap" not in unit


def test_results_offer_is_off_for_an_unsaved_connection(qtbot):
    widget = KeepInSync(None, run_now)
    qtbot.addWidget(widget)
    widget.set_connection(Connection("demo.example", "11111111-1111-4111-8111-111111111111"), ProfileStore())
    assert not widget.apply_button.isEnabled() and "Only a saved connection" in widget.note.text()


def test_every_problem_an_unattended_run_records_has_a_sentence(qapp):
    recorded = ["too_many_writes", "too_large_share", "some_failed", "cancelled", "no_saved_source", "no_secret",
                "graph_read_failed", "run_busy", "unknown", "secret_expired", "secret_invalid", "file_not_found",
                "throttled_too_long"]
    for code in recorded:
        text = texts.unattended_problem(code)
        assert text and text.lower() != code.replace("_", " ").lower(), code  # not the code as words
