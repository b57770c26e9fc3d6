"""A wizard run killed part-way (SIGKILL: a crash, a power cut) is offered by the next wizard and
finished by it: every user written once (the sandbox's audit log), the same run folder, a true report."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from wizard_steps import (
    WAIT_MS,
    confirm,
    fill_connection,
    pass_checks,
    to_preview,
    wait_idle,
    write_source_csv,
)

from core import paths
from core.run.journal import Journal
from core.sandbox import SandboxConfig
from gui.navigation import PageId

VICTIM = Path(__file__).with_name("wizard_victim.py")
ROOT = Path(__file__).resolve().parents[2]


def _outcomes() -> int:
    journals = list(paths.runs_dir().glob("*-apply-*/journal.jsonl"))
    return sum(len(Journal.replay(j).outcomes) for j in journals)


def _start_victim(profile: dict, export: Path, tmp_path: Path) -> subprocess.Popen:
    profile_file = tmp_path / "profile.json"
    profile_file.write_text(json.dumps(profile), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}  # memory only: no keychain here
    return subprocess.Popen([sys.executable, str(VICTIM), str(profile_file), str(export)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_killed_wizard_run_is_offered_and_finished_by_the_next_wizard(
        make_wizard, qtbot, sandbox_factory, tmp_path, memory_keyring):
    # slow enough to be killed part-way: 600 users at ~100 writes/s with latency
    tenant = sandbox_factory(users=600, config=SandboxConfig(write_limit=100, write_window_s=1, latency_ms=15))
    profile = tenant.connection_profile()
    users = [u for u in tenant.users.values() if not u.get("onPremisesImmutableId")]
    export = write_source_csv(tmp_path / "export.csv", users)
    victim = _start_victim(profile, export, tmp_path)
    try:
        qtbot.waitUntil(lambda: _outcomes() >= 80 or victim.poll() is not None, timeout=WAIT_MS * 2)
        assert victim.poll() is None, victim.stderr.read()
        print("outcomes when killed:", _outcomes())
    finally:
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
    killed_run = next(paths.runs_dir().glob("*-apply-*"))
    assert not (killed_run / "report.csv").exists()  # it really died mid-run
    state = Journal.replay(killed_run / "journal.jsonl")
    assert not state.ended and state.header["face"] == "wizard" and state.header["source_spec"]["kind"] == "csv"
    done_then = len(state.outcomes)

    wizard = make_wizard()
    wizard.next()  # the connection the killed wizard used is offered again; its secret was never stored
    page = wizard.page_by_id(PageId.CONNECTION)
    wait_idle(wizard, qtbot)  # the keychain is asked for the saved connection's secret (it has none)
    assert page.tenant_edit.text() == profile["tenant_id"] and page.client_edit.text() == profile["client_id"]
    for edit in (page.tenant_edit, page.client_edit, page.secret_edit):
        edit.clear()
    fill_connection(wizard, qtbot, profile)
    pass_checks(wizard, qtbot)
    offer = wizard.page_by_id(PageId.CHECK).resume_offer
    qtbot.waitUntil(lambda: offer.isVisible(), timeout=WAIT_MS)
    total = state.header["to_write"]
    assert f"{done_then:,} of {total:,} done" in offer.label.text()
    offer.button.click()
    assert wizard.session.resume is not None and "continued" in offer.label.text()

    wizard.next()  # the Source page opens with the run's own export and columns
    source = wizard.page_by_id(PageId.SOURCE)
    qtbot.waitUntil(lambda: wizard.session.csv_table is not None and source.isComplete(), timeout=WAIT_MS)
    assert source.path_edit.text() == str(export)
    wait_idle(wizard, qtbot)
    to_preview(wizard, qtbot)
    confirm(wizard, qtbot)
    wizard.next()
    run = wizard.page_by_id(PageId.RUN)
    assert killed_run.name in run.intro.text()
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS * 2)
    wait_idle(wizard, qtbot)

    assert wizard.session.run_dir == killed_run  # the same run, continued
    writes = Counter(e["path"].rsplit("/", 1)[1] for e in tenant.audit()
                     if e["method"] == "PATCH" and e["status"] == 204)
    assert writes and max(writes.values()) == 1  # nobody written twice
    with open(killed_run / "report.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    statuses = Counter(r["status"] for r in rows)
    assert {r["object_id"] for r in rows if r["status"] == "set"} == set(writes)
    assert "will_set" not in statuses and "not_attempted" not in statuses
    assert sum(1 for r in rows if r["status"] == "set" and "resumed" in r["detail"]) >= done_then // 2
    for object_id in writes:
        assert tenant.users[object_id]["onPremisesImmutableId"]
    summary = json.loads((killed_run / "summary.json").read_text("utf-8"))
    assert summary["resumed"] is True and summary["face"] == "wizard" and summary["counts"]["set"] == len(writes)
