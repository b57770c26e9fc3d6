"""Issue 15 §3.1/§3.4 and issue 16 major 6 in the wizard: the Connection page checks the name by core's one
rule and asks before saving over another saved connection; "Keep new users in sync" uses core's schedule
preconditions (the CLI's: a saved source is needed) and says how to fix a missing scheduler."""

from __future__ import annotations

import json

from test_gui_unattended import PROG, run_now
from wizard_steps import WAIT_MS, fill_connection

from core.cli import main
from core.exits import EXIT_BAD_INPUT
from core.graph.connection import Connection
from core.setup.profiles import ProfileStore
from core.setup.scheduler import Scheduler, subprocess_runner
from gui.navigation import PageId
from gui.widgets.keep_in_sync import KeepInSync

CLIENT = "11111111-1111-4111-8111-111111111111"


def test_schedule_offer_needs_a_saved_source_as_the_command_line_does(qtbot, isolated_home, tmp_path):
    store = ProfileStore()
    conn = store.save(Connection("school.example", CLIENT, name="Bare"))
    widget = KeepInSync(None, run_now)
    qtbot.addWidget(widget)
    widget.scheduler = Scheduler("cron", lambda *a: (_ for _ in ()).throw(AssertionError(a)), tmp_path, PROG)
    widget.set_connection(conn, store)
    assert not widget.apply_button.isEnabled() and not widget.enabled_box.isEnabled()
    assert "no saved source" in widget.note.text()
    assert main(["schedule", "install", "--connection", "Bare"]) == EXIT_BAD_INPUT  # the same rule
    store.attach("Bare", "source", {"kind": "attribute", "attribute": "objectId"})
    widget.set_connection(conn, store)
    assert widget.apply_button.isEnabled() and widget.note.text() == ""


def test_a_missing_scheduler_is_explained_not_errno(qtbot, isolated_home, tmp_path, monkeypatch):
    store = ProfileStore()
    conn = store.save(Connection("school.example", CLIENT, name="North"))
    store.attach("North", "source", {"kind": "attribute", "attribute": "objectId"})
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # this machine has no crontab
    widget = KeepInSync(None, run_now)
    qtbot.addWidget(widget)
    widget.scheduler = Scheduler("cron", subprocess_runner, tmp_path, PROG)
    widget.set_connection(conn, store)
    widget.enabled_box.setChecked(True)
    widget.apply_button.click()
    text = widget.note.text()
    assert "has no crontab" in text and "apt-get install cron" in text
    assert "Errno" not in text and "No such file" not in text
    assert store.attached("North", "schedule") is None


def test_connection_page_checks_the_name_and_asks_before_replacing(make_wizard, qtbot, sandbox_profile,
                                                                   memory_keyring, isolated_home):
    store = ProfileStore()
    store.save(Connection(sandbox_profile["tenant_id"], CLIENT, name="North"))
    store.attach("North", "schedule", {"at": "02:00", "every": "day", "kind": "cron"})
    store.last_used = None  # the page starts empty, as on another computer
    before = store.path.read_text("utf-8")
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    page = wizard.page_by_id(PageId.CONNECTION)
    page.name_edit.setText("North: 7A/7B")
    assert not page.isComplete() and page.problems()["name"] == "connection_name_character"
    assert page.name_problem.isVisible() and "file or task name" in page.name_problem.text()
    page.name_edit.setText("North")
    assert page.isComplete(), page.problems()
    asked: list[str] = []
    page.ask_replace = lambda text: asked.append(text) or False  # "No"
    wizard.next()  # the keychain is told first (a job); then the page asks
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT_MS)
    assert wizard.currentId() == PageId.CONNECTION and "scheduled" in asked[0]
    assert store.path.read_text("utf-8") == before  # nothing replaced
    page.ask_replace = lambda text: True
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() != PageId.CONNECTION, timeout=WAIT_MS)
    saved = json.loads(store.path.read_text("utf-8"))["profiles"]
    (north,) = [p for p in saved if p["name"] == "North"]
    assert north["client_id"] == sandbox_profile["client_id"] and north["schedule"]["at"] == "02:00"
