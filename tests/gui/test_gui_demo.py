"""An honest demo (issue 16, major 2): the demo school lives on between launches (gui/demo.py), so a run
killed half-way through the UPN swap is offered after a restart with what is really done, and continued to
a true report; a tenant made again under the same id is never offered an old run; "Reset the demo" starts
afresh; and the demo's connection can be saved and scheduled (recorded, never installed)."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from demo_steps import check_to_confirm, confirm_and_start, demo_to_check, demo_to_confirm
from wizard_steps import WAIT_MS, plain_text, wait_idle

from core.run.journal import Journal
from core.sandbox import SandboxTenant
from core.sandbox.synthetic import demo_school
from core.setup.profiles import SCHEDULE_KEY
from gui.demo import DEMO_NAME, Demo
from gui.navigation import PageId
from gui.session import WizardSession

VICTIM = Path(__file__).with_name("demo_victim.py")
ROOT = Path(__file__).resolve().parents[2]
INITIAL = "nordskolan.onmicrosoft.com"


def _journals(folder: Path) -> list[Path]:
    return sorted(folder.glob("home/data/runs/*-apply-*/journal.jsonl"))


def _mid_swap(folder: Path) -> bool:
    """The run's journal has users half-way through the UPN swap, and the demo tenant's file shows one of
    them on its temporary UPN (step 1 landed, step 2 not yet)."""
    pending = [rec for j in _journals(folder) for rec in Journal.replay(j).swap_pending().values()]
    if not pending:
        return False
    state = (folder / "tenant-state.jsonl").read_text("utf-8")
    return any(f'"userPrincipalName":"{rec["temp"]}"' in state for rec in pending)


@pytest.fixture(scope="module")
def killed_demo(tmp_path_factory) -> Path:
    """A demo folder as a kill -9 half-way through the UPN swap leaves it (made once, copied per test)."""
    folder = tmp_path_factory.mktemp("killed") / "demo"
    temp = tmp_path_factory.mktemp("victim-temp")  # the killed sandbox's CA folder stays here, not in /tmp
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "IMMUTABLEID_SYNC_HOME": str(folder.parent / "home"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "TMPDIR": str(temp)}
    victim = subprocess.Popen([sys.executable, str(VICTIM), str(folder), "150"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        waited = 0
        tick = threading.Event()
        while not _mid_swap(folder) and victim.poll() is None and waited < 2400:
            tick.wait(0.02)
            waited += 1
        assert victim.poll() is None, victim.stderr.read()
        assert _mid_swap(folder), "the run never got to the UPN swap"
    finally:
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
    return folder


def _upns_and_values(tenant) -> dict:
    return {uid: (u["userPrincipalName"], u.get("onPremisesImmutableId")) for uid, u in tenant.users.items()}


def _copy(killed: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    shutil.copytree(killed, folder)
    return folder


def test_a_demo_run_killed_mid_swap_is_offered_with_its_true_count_and_continued(killed_demo, tmp_path,
                                                                                make_wizard, qtbot):
    folder = _copy(killed_demo, tmp_path)
    (run_journal,) = _journals(folder)
    state = Journal.replay(run_journal)
    parked = state.swap_pending()
    done, total = state.settled(), state.planned()
    assert parked and total == state.header["to_write"] + state.header["to_swap"] and done < total
    assert not state.ended and not (run_journal.parent / "report.csv").exists()  # really killed

    session, wizard = WizardSession(), None
    tenant = Demo(folder).start(session)  # the same school, as the killed run left it
    try:
        on_temp = [oid for oid, rec in parked.items() if tenant.users[oid]["userPrincipalName"] == rec["temp"]]
        assert on_temp, "the restarted demo forgot the first step of the swap"
        assert all(tenant.users[oid]["onPremisesImmutableId"] == value for oid, value in state.written().items())
        wizard = make_wizard(session)
        demo_to_check(wizard, qtbot)
        offer = wizard.page_by_id(PageId.CHECK).resume_offer
        qtbot.waitUntil(offer.isVisible, timeout=WAIT_MS)
        shown = plain_text(offer.label.text())
        print("offered:", shown)
        assert f"{done:,} of {total:,} done." in shown, shown  # not "239 of 239": the parked users are not done
        offer.button.click()
        check_to_confirm(wizard, qtbot)
        confirm_and_start(wizard, qtbot, swap=True)
        qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
        wait_idle(wizard, qtbot)
        assert wizard.session.run_dir == run_journal.parent  # the same run, continued

        with open(run_journal.parent / "report.csv", encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        statuses = Counter(r["status"] for r in rows)
        assert statuses["set"] == total and not statuses["conflict"] and not statuses["not_attempted"], statuses
        for oid in parked:  # finished, on their own UPN, with their value
            user = tenant.users[oid]
            assert not user["userPrincipalName"].endswith("@" + INITIAL) and user["onPremisesImmutableId"]
        patches = Counter(e["path"].rsplit("/", 1)[1] for e in tenant.audit()
                          if e["method"] == "PATCH" and e["status"] == 204
                          and "onPremisesImmutableId" in (e["body"] or {}))
        assert max(patches.values()) == 1  # nobody's value written twice, before or after the kill
    finally:
        if wizard is not None:
            wizard.stop_all_workers()
        session.demo.stop()


def test_a_tenant_made_again_under_the_same_id_is_never_offered_the_old_run(killed_demo, tmp_path, make_wizard,
                                                                           qtbot):
    """The school's state is gone (made again from its seed: the same tenant id, the same user ids), the
    killed run's journal is still there: it names this tenant, but nothing it wrote is in it."""
    folder = _copy(killed_demo, tmp_path)
    (run_journal,) = _journals(folder)
    named = Journal.replay(run_journal).header["tenant_id"]
    (folder / "tenant-state.jsonl").unlink()
    session, wizard = WizardSession(), None
    tenant = Demo(folder).start(session)
    try:
        assert tenant.tenant_id == named
        wizard = make_wizard(session)
        demo_to_check(wizard, qtbot)
        offer = wizard.page_by_id(PageId.CHECK).resume_offer
        qtbot.waitUntil(offer.isVisible, timeout=WAIT_MS)
        assert offer.run is None and offer.button.isHidden()
        assert "nothing it wrote is in the tenant" in offer.label.text()
        assert run_journal.parent.name in offer.label.text()
        assert wizard.session.resume is None
    finally:
        if wizard is not None:
            wizard.stop_all_workers()
        session.demo.stop()


def test_reset_the_demo_starts_the_school_afresh(killed_demo, tmp_path, make_wizard, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    folder = _copy(killed_demo, tmp_path)
    session = WizardSession()
    Demo(folder).start(session)
    old_port = session.connection.login_url
    wizard = make_wizard(session)
    try:
        welcome = wizard.page_by_id(PageId.WELCOME)
        assert welcome.demo_box.isVisible() and "This is the demo." in plain_text(welcome.demo_label.text())
        asked = []
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
        welcome.reset_button.click()
        assert asked and "deleted" in asked[0]
        tenant = session.sandbox
        assert not _journals(folder)  # the demo's runs are gone
        fresh = SandboxTenant(directory=demo_school(300))  # the school as first made: every UPN and value as then
        assert _upns_and_values(tenant) == _upns_and_values(fresh)
        assert session.connection.login_url != old_port and wizard.currentId() == PageId.WELCOME
        demo_to_check(wizard, qtbot)
        wait_idle(wizard, qtbot)
        assert not wizard.page_by_id(PageId.CHECK).resume_offer.isVisible()
    finally:
        if wizard is not None:
            wizard.stop_all_workers()
        session.demo.stop()


def test_the_demo_connection_is_saved_and_its_schedule_recorded_not_installed(tmp_path, make_wizard, qtbot):
    """Minor: the whole Results page can be walked in the demo — the schedule is kept with the demo's
    connection (so Welcome shows it), and nothing reaches this computer's scheduler."""
    folder = tmp_path / "demo"
    session = WizardSession()
    Demo(folder, users=40).start(session)
    wizard = make_wizard(session)
    try:
        demo_to_confirm(wizard, qtbot)
        confirm_and_start(wizard, qtbot, swap=False)
        qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
        wait_idle(wizard, qtbot)
        wizard.next()
        keep = wizard.page_by_id(PageId.RESULTS).keep_in_sync
        assert keep.enabled_box.isEnabled() and keep.demo
        assert "nothing is set up in this computer's scheduler" in keep.note.text()
        keep.enabled_box.setChecked(True)
        keep.apply_button.click()
        wait_idle(wizard, qtbot)
        assert "Demo: nothing was set up" in keep.note.text() and "keychain" not in keep.note.text()
        saved = wizard.profiles.get(DEMO_NAME)
        assert saved is not None and saved.tenant == session.connection.tenant
        assert wizard.profiles.attached(DEMO_NAME, SCHEDULE_KEY)["at"] == "02:00"
        written = [p for p in (folder / "computer").rglob("*") if p.is_file()]
        home = Path.home()
        assert all(folder in p.parents for p in written)  # any unit file stayed in the demo's folder
        assert not (home / ".config" / "systemd" / "user" / "immutableid-sync-demo-school-sandbox.timer").exists()
    finally:
        if wizard is not None:
            wizard.stop_all_workers()
        session.demo.stop()
