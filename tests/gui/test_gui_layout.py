"""What a reader sees at the wizard's size, in English and Swedish (issue 16 minors): the Check page's
verdicts in one column and not repeating their titles; table columns that fit their titles and their
longest status, elided at the end (ids and UPNs in the middle); the names in view whatever the filter;
and no stray icon in the secret field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem
from wizard_steps import fill_connection, pass_checks, to_preview, to_source_with_export

from gui import code_texts, texts
from gui.models import plan_table
from gui.navigation import PageId
from gui.widgets.plan_table_view import CELL_PADDING, PlanTableView


def _elide_mode(view: PlanTableView, column: int) -> Qt.TextElideMode:
    delegate = view.view.itemDelegateForColumn(column)
    if delegate is None:
        return view.view.textElideMode()
    option = QStyleOptionViewItem()
    option.textElideMode = view.view.textElideMode()
    delegate.initStyleOption(option, view.proxy.index(0, column))
    return option.textElideMode


def test_columns_fit_their_titles_and_longest_status_and_elide_where_it_reads(qtbot, ui_language):
    table = PlanTableView()
    qtbot.addWidget(table)
    header, metrics = table.view.horizontalHeader(), table.view.fontMetrics()
    bold = QFont(header.font())
    bold.setBold(True)  # how a section's title is drawn while its column holds the current row
    for column in range(plan_table.COL_DETAIL):  # the detail takes what is left
        title = QFontMetrics(bold).horizontalAdvance(texts.column_title(column))
        assert header.sectionSize(column) >= title + CELL_PADDING, texts.column_title(column)
    longest = max(metrics.horizontalAdvance(texts.status_text(c)) for c in code_texts.STATUS)
    assert header.sectionSize(plan_table.COL_STATUS) >= longest + CELL_PADDING
    ends = {plan_table.COL_DISPLAY_NAME, plan_table.COL_STATUS, plan_table.COL_DETAIL}
    for column in range(plan_table.COLUMN_COUNT):
        wanted = Qt.TextElideMode.ElideRight if column in ends else Qt.TextElideMode.ElideMiddle
        assert _elide_mode(table, column) == wanted, column


def test_check_verdicts_line_up_and_preview_needs_no_sideways_scroll(make_wizard, qtbot, sandbox,
                                                                       sandbox_profile, tmp_path, memory_keyring,
                                                                       ui_language):
    sandbox.set_app_roles(sandbox.apps[0]["clientId"], ["User.ReadWrite.All", "RoleManagement.Read.Directory"])
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    rows = wizard.page_by_id(PageId.CHECK).rows
    assert len({row.verdict_x() for row in rows.values()}) == 1  # one column, however long a title
    admins = rows["admin_roles"]
    assert admins.state == "ok"
    assert not set(admins.verdict_text().casefold().split()) >= {"known", "before"}  # not the title again
    to_source_with_export(wizard, qtbot, sandbox, tmp_path)
    to_preview(wizard, qtbot)
    table = wizard.page_by_id(PageId.PREVIEW).table
    for status in (None, "federated_domain", "admin_role", "will_set"):
        table.show_status(status)
        qtbot.wait(20)
        bar = table.view.horizontalScrollBar()
        assert bar.maximum() == 0 and table.view.columnViewportPosition(plan_table.COL_DISPLAY_NAME) == 0
    table.show_status("admin_role")
    table.view.setCurrentIndex(table.proxy.index(0, plan_table.COL_DETAIL))
    row = table.current_row()
    assert texts.row_detail(row) in table.detail_label.text()  # whole, under the table


def test_the_secret_field_has_no_stray_icon(make_wizard):
    page = make_wizard().page_by_id(PageId.CONNECTION)
    assert page.secret_edit.actions() == []
    page.show_secret_box.setChecked(True)
    assert page.secret_edit.echoMode() == page.secret_edit.EchoMode.Normal
