"""The table shows what matters: detail sentences keep their beginning, ids and UPNs their ends."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from gui.models import plan_table
from gui.widgets.plan_table_view import PlanTableView


def _elide_mode(view: PlanTableView, column: int) -> Qt.TextElideMode:
    delegate = view.view.itemDelegateForColumn(column)
    if delegate is None:
        return view.view.textElideMode()
    option = QStyleOptionViewItem()
    option.textElideMode = view.view.textElideMode()
    delegate.initStyleOption(option, view.proxy.index(0, column))
    return option.textElideMode


def test_detail_column_elides_at_the_end_and_upn_in_the_middle(qtbot):
    view = PlanTableView()
    qtbot.addWidget(view)
    assert _elide_mode(view, plan_table.COL_DETAIL) == Qt.TextElideMode.ElideRight
    assert _elide_mode(view, plan_table.COL_UPN) == Qt.TextElideMode.ElideMiddle
