"""The Source page's rule: Object ID brings Entra Connect's guid-base64 along, leaving it gives the admin's
transform back, and the labels on the page (and the Confirm page's sentence) name what is selected."""

from __future__ import annotations

import base64
import uuid

from wizard_steps import WAIT_MS, fill_connection, pass_checks, to_preview, wait_idle

from gui import texts
from gui.navigation import PageId

OBJECT_ID_LONG = "Object ID (as Entra Connect does, with guid-base64)"
GUID_BASE64 = "GUID → base64 (Entra Connect's form)"
NONE = "None: use the value as it is"
LOWER = "Lower case"


def _to_source(wizard, qtbot, profile):
    fill_connection(wizard, qtbot, profile)
    pass_checks(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.SOURCE
    wait_idle(wizard, qtbot)
    return wizard.page_by_id(PageId.SOURCE)


def _choose_attribute(page, name: str) -> None:
    page.attr_combo.setCurrentIndex(page.attr_combo.findData(name))


def _sample(page) -> list[list[str]]:
    model = page.sample_model
    return [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]


def test_object_id_selects_guid_base64_and_leaving_it_restores_none(make_wizard, qtbot, sandbox, sandbox_profile,
                                                                       memory_keyring):
    wizard = make_wizard()
    page = _to_source(wizard, qtbot, sandbox_profile)
    assert page.demo_button.isHidden()  # only the demo has a sample export to offer
    assert page.transform_combo.currentText() == NONE
    assert page.attr_combo.currentText() == "Object ID"  # not claiming a transform that is not chosen

    page.attr_radio.click()  # Object ID is the attribute already shown
    assert page.attr_combo.currentText() == OBJECT_ID_LONG
    assert page.transform_combo.currentText() == GUID_BASE64
    wait_idle(wizard, qtbot)
    will_set = [row for row in _sample(page) if row[3] == texts.status_text("will_set")]
    assert will_set
    for _upn, raw, new, _status in will_set:  # the sample shows what Entra Connect would write
        assert new == base64.b64encode(uuid.UUID(raw).bytes_le).decode()

    _choose_attribute(page, "employeeId")
    assert page.transform_combo.currentText() == NONE  # the admin never chose guid-base64
    assert page.attr_combo.findText("Object ID") >= 0
    _choose_attribute(page, "objectId")
    assert page.transform_combo.currentText() == GUID_BASE64
    page.csv_radio.click()  # back to the export file: its values are not GUIDs
    assert page.transform_combo.currentText() == NONE


def test_a_transform_the_admin_chose_is_kept(make_wizard, qtbot, sandbox, sandbox_profile, memory_keyring):
    wizard = make_wizard()
    page = _to_source(wizard, qtbot, sandbox_profile)
    page.transform_combo.setCurrentIndex(page.transform_combo.findData("lower"))
    page.attr_radio.click()
    _choose_attribute(page, "mail")
    assert page.transform_combo.currentText() == LOWER  # nothing was picked for the admin: theirs stays
    _choose_attribute(page, "objectId")
    assert page.transform_combo.currentText() == GUID_BASE64
    page.transform_combo.setCurrentIndex(page.transform_combo.findData("none"))  # deliberately, raw GUIDs
    assert page.attr_combo.currentText() == "Object ID"  # the label follows: no "with guid-base64"
    page.transform_combo.setCurrentIndex(page.transform_combo.findData("lower"))
    _choose_attribute(page, "employeeId")
    assert page.transform_combo.currentText() == LOWER  # their own choice, not ours to undo


def test_the_confirm_page_names_the_transform_object_id_brought(make_wizard, qtbot, sandbox, sandbox_profile,
                                                                 memory_keyring):
    wizard = make_wizard()
    page = _to_source(wizard, qtbot, sandbox_profile)
    page.attr_radio.click()
    wait_idle(wizard, qtbot)
    to_preview(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    summary = wizard.page_by_id(PageId.CONFIRM).summary.text()
    assert OBJECT_ID_LONG in summary and GUID_BASE64 in summary and NONE not in summary
    rows = [r for r in wizard.session.plan.rows if r.status.value == "will_set"]
    assert rows and all(r.new_immutable_id == base64.b64encode(uuid.UUID(r.object_id).bytes_le).decode()
                        for r in rows)
    qtbot.waitUntil(lambda: not wizard.session.flow.running, timeout=WAIT_MS)
