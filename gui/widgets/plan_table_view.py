"""The plan/results table: a QTableView over PlanFilterProxy with a status filter (with counts) and search."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.models import plan_table
from gui.models.filter_proxy import PlanFilterProxy
from gui.models.plan_table import PlanTableModel
from gui.widgets.elide import ElideRightDelegate

ALL = "__all__"
LOAD_CHUNK = 5000  # rows per event-loop turn: smaller slices stall less, but each costs O(rows so far)


class PlanTableView(QWidget):
    def __init__(self, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.model = PlanTableModel(self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Show status"))
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_combo.currentIndexChanged.connect(self._status_chosen)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search name, UPN or value"))
        self.search_edit.setAccessibleName(self.tr("Search"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.proxy.set_search)
        self.search_edit.textChanged.connect(lambda _t: self._update_shown())
        self.model.loaded.connect(self._update_shown)
        self.shown_label = QLabel(self)
        self.view = QTableView(self)
        self.view.setAccessibleName(name or self.tr("Users"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        # One line per row, uniform heights: the view never measures 100,000 rows.
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._detail_delegate = ElideRightDelegate(self.view)
        self.view.setItemDelegateForColumn(plan_table.COL_DETAIL, self._detail_delegate)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = (170, 230, 150, 150, 140)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        filters = QHBoxLayout()
        label = QLabel(self.tr("S&how:"), self)
        label.setBuddy(self.status_combo)
        filters.addWidget(label)
        filters.addWidget(self.status_combo)
        search_label = QLabel(self.tr("Sea&rch:"), self)
        search_label.setBuddy(self.search_edit)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.shown_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

    def set_rows(self, rows: list, counts: Mapping[str, int] | None = None,
                 search_texts: list[str] | None = None) -> None:
        """Big lists arrive in slices (the GUI keeps answering); `model.loaded` fires when all are in."""
        code = self.status_combo.currentData()
        self.proxy.prepare(search_texts, None if code in (None, ALL) else {code})
        self.model.set_rows(rows, chunk=LOAD_CHUNK)
        self.set_counts(counts if counts is not None else _count(rows), refilter=False)

    def set_counts(self, counts: Mapping[str, int], refilter: bool = True) -> None:
        current = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        total = sum(counts.values())
        self.status_combo.addItem(self.tr("All ({n})").format(n=texts.number(total)), ALL)
        for code, n in counts.items():
            if n:
                self.status_combo.addItem(f"{texts.status_text(code)} ({texts.number(n)})", code)
        index = self.status_combo.findData(current)
        self.status_combo.setCurrentIndex(max(0, index))
        self.status_combo.blockSignals(False)
        if refilter or index < 0:
            self._status_chosen()
        else:
            self._update_shown()

    def show_status(self, code: str | None) -> None:
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(code or ALL)))

    def _status_chosen(self) -> None:
        code = self.status_combo.currentData()
        self.proxy.set_statuses(None if code in (None, ALL) else {code})
        self._update_shown()

    def _update_shown(self) -> None:
        self.shown_label.setText(self.tr("{shown} of {total} shown").format(
            shown=texts.number(self.proxy.rowCount()), total=texts.number(self.model.rowCount())))

    def selected_hint(self) -> str:
        index = self.view.currentIndex()
        return index.data(plan_table.HINT_ROLE) if index.isValid() else ""


def _count(rows: list) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        code = plan_table.status_code(row)
        counts[code] = counts.get(code, 0) + 1
    return counts
