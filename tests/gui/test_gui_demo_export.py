"""The demo's sample IdP export: written when the demo starts, a file the project's own reader takes as a
real export, with its quirks; and on the Source page one click away, filling the column pickers."""

from __future__ import annotations

from collections import Counter

from wizard_steps import WAIT_MS, pass_checks, wait_idle

from core.planning.plan import Scope, build_plan
from core.source.csvfile import read_table
from core.source.sources import CsvSource
from core.tenant.directory import DirectoryUser
from gui.app import demo_export_path, start_sandbox
from gui.navigation import PageId
from gui.session import WizardSession


def _demo(users: int = 60):
    session = WizardSession()
    return session, start_sandbox(session, users=users)


def test_the_demo_writes_a_skolon_like_export_the_reader_takes(isolated_home):
    session, tenant = _demo()
    try:
        path = demo_export_path()
        assert path.is_file() and isolated_home in path.parents  # the app's data folder
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbfEmail;SkolonId;FirstName;LastName\r\n")  # BOM, ';', CRLF
        table = read_table(path)
        assert table.headers == ["Email", "SkolonId", "FirstName", "LastName"]
        assert (table.encoding, table.delimiter) == ("utf-8-sig", ";")
        assert any("ö" in row[3] or "ä" in row[3] or "Å" in row[2] for row in table.rows)  # UTF-8 names

        users = [DirectoryUser.from_graph(u) for u in tenant.users.values()]
        source = CsvSource(table, "upn", "Email", "SkolonId")
        plan = build_plan(users, source, "none", Scope((), True, True))
        reasons = Counter(r.reason for r in plan.rows)
        unmatched = source.unmatched_rows()
        assert len(unmatched) == 4 and {u.reason for u in unmatched} == {"no_user"}  # former pupils
        assert reasons["empty_value_in_csv"] == 1  # one person without an id yet
        assert reasons["no_csv_row"] >= 1  # people not in the IdP yet
        assert len(source.duplicate_keys) == 1  # one person exported twice, identically
        capitals = [row[0] for row in table.rows if row[0] != row[0].lower()]
        assert capitals  # addresses typed with capitals, still matched (only the 4 former pupils are not)
        assert sum(r.status.value == "will_set" for r in plan.rows) > len(users) // 2
    finally:
        tenant.stop()


def test_the_demo_source_page_offers_its_export_and_fills_the_pickers(make_wizard, qtbot, memory_keyring):
    session, tenant = _demo(users=40)
    wizard = make_wizard(session)
    try:
        wizard.next()
        pass_checks(wizard, qtbot)
        wizard.next()
        assert wizard.currentId() == PageId.SOURCE
        wait_idle(wizard, qtbot)
        page = wizard.page_by_id(PageId.SOURCE)
        assert page.demo_button.isVisible()
        qtbot.waitUntil(lambda: session.csv_table is not None, timeout=WAIT_MS)  # the demo's own, chosen
        assert page.path_edit.text() == str(demo_export_path()) and page.csv_radio.isChecked()
        page.attr_radio.click()
        page.path_edit.clear()
        page.demo_button.click()
        assert page.csv_radio.isChecked()  # the export is a file source
        qtbot.waitUntil(lambda: session.csv_table is not None, timeout=WAIT_MS)
        wait_idle(wizard, qtbot)
        assert page.path_edit.text() == str(demo_export_path())
        items = [page.key_combo.itemText(i) for i in range(page.key_combo.count())]
        assert items == ["Email", "SkolonId", "FirstName", "LastName"]
        assert (page.key_combo.currentText(), page.value_combo.currentText()) == ("Email", "SkolonId")
        assert page.match_combo.currentData() == "upn"
        shown = [page.csv_model.index(0, c).data() for c in range(4)]
        assert shown == session.csv_table.rows[0]
        sample = [[page.sample_model.index(r, c).data() for c in range(4)]
                  for r in range(page.sample_model.rowCount())]
        assert any(row[3] == "Will be set" and row[2].startswith("sk-") for row in sample)
        assert page.isComplete()
    finally:
        wizard.stop_all_workers()
        tenant.stop()
