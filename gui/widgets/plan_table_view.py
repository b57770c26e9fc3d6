"""The plan/results table: a QTableView over PlanFilterProxy with a status filter (with counts), search, and
the chosen user's detail and what to do under it.

Columns are sized once, from the font and the texts of the language in use: the name and the status fit
their longest status (in the language shown), ids and UPNs keep both ends (elided in the middle), names,
statuses and details keep their beginning (elided at the end); the detail takes the rest of the width, so
at the wizard's size no filter needs the names scrolled out of view to read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
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

from gui import code_texts, texts
from gui.models import plan_table
from gui.models.filter_proxy import PlanFilterProxy
from gui.models.plan_table import PlanTableModel
from gui.widgets.elide import ElideRightDelegate

ALL = "__all__"
LOAD_CHUNK = 5000  # rows per event-loop turn: smaller slices stall less, but each costs O(rows so far)
# widths in average characters of the font (the header's own text is the least a column gets)
NAME_CHARS, UPN_CHARS, ID_CHARS = 24, 30, 19
DETAIL_MIN_CHARS = 16
CELL_PADDING = 18  # the item's margins and the sort arrow's room


class PlanTableView(QWidget):
    def __init__(self, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(parent)
        self._groups: dict[str, tuple[str, frozenset[str]]] = {}
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
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # ids and UPNs: both ends matter
        self._end_delegate = ElideRightDelegate(self.view)  # sentences and names: their beginning matters
        for column in (plan_table.COL_DISPLAY_NAME, plan_table.COL_STATUS, plan_table.COL_DETAIL):
            self.view.setItemDelegateForColumn(column, self._end_delegate)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.fit_columns()
        # the chosen user's whole detail and what to do: the cell may be elided, this line is not
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setAccessibleName(self.tr("The chosen user"))
        self.view.selectionModel().currentChanged.connect(lambda *_: self.show_current_detail())
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
        layout.addWidget(self.detail_label)

    # Columns ----------------------------------------------------------------------------------------
    def column_widths(self) -> dict[int, int]:
        """Each column's width but the detail's (it stretches): from the font and the language in use."""
        metrics = self.view.fontMetrics()
        bold = QFont(self.view.horizontalHeader().font())
        bold.setBold(True)  # a header section is drawn bold while its column holds the current row
        header_metrics = QFontMetrics(bold)
        chars = metrics.averageCharWidth()

        def least(column: int) -> int:  # the header's title, never cut
            return header_metrics.horizontalAdvance(texts.column_title(column)) + CELL_PADDING

        statuses = max(metrics.horizontalAdvance(texts.status_text(code)) for code in code_texts.STATUS)
        return {plan_table.COL_DISPLAY_NAME: max(least(plan_table.COL_DISPLAY_NAME), NAME_CHARS * chars),
                plan_table.COL_UPN: max(least(plan_table.COL_UPN), UPN_CHARS * chars),
                plan_table.COL_CURRENT: max(least(plan_table.COL_CURRENT), ID_CHARS * chars),
                plan_table.COL_NEW: max(least(plan_table.COL_NEW), ID_CHARS * chars),
                plan_table.COL_STATUS: max(least(plan_table.COL_STATUS), statuses + CELL_PADDING)}

    def fit_columns(self) -> None:
        header = self.view.horizontalHeader()
        for column, width in self.column_widths().items():
            header.resizeSection(column, width)
        header.setMinimumSectionSize(DETAIL_MIN_CHARS * self.view.fontMetrics().averageCharWidth() // 2)

    def needed_width(self) -> int:
        """The width at which every column shows without a horizontal scroll bar (the detail at its least)."""
        shown = [w for c, w in self.column_widths().items() if not self.view.isColumnHidden(c)]
        frame = 2 * self.view.frameWidth() + self.view.verticalScrollBar().sizeHint().width()
        return sum(shown) + DETAIL_MIN_CHARS * self.view.fontMetrics().averageCharWidth() + frame

    # Rows and filters -------------------------------------------------------------------------------
    def add_group(self, key: str, label: str, statuses: Iterable[str]) -> None:
        """A filter entry after "All" that shows several statuses at once (e.g. "Needs attention")."""
        self._groups[key] = (label, frozenset(statuses))

    def set_rows(self, rows: list, counts: Mapping[str, int] | None = None,
                 search_texts: list[str] | None = None) -> None:
        """Big lists arrive in slices (the GUI keeps answering); `model.loaded` fires when all are in."""
        self.proxy.prepare(search_texts, self._statuses(self.status_combo.currentData()))
        self.model.set_rows(rows, chunk=LOAD_CHUNK)
        self.set_counts(counts if counts is not None else _count(rows), refilter=False)
        self.show_current_detail()

    def set_counts(self, counts: Mapping[str, int], refilter: bool = True) -> None:
        current = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        total = sum(counts.values())
        self.status_combo.addItem(self.tr("All ({n})").format(n=texts.number(total)), ALL)
        for key, (label, statuses) in self._groups.items():
            n = sum(counts.get(code, 0) for code in statuses)
            if n:
                self.status_combo.addItem(f"{label} ({texts.number(n)})", key)
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
        """Show one status, a group's statuses (its key), or all (None)."""
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(code or ALL)))

    def _statuses(self, code: str | None) -> frozenset[str] | None:
        if code in (None, ALL):
            return None
        return self._groups[code][1] if code in self._groups else frozenset({code})

    def _status_chosen(self) -> None:
        self.proxy.set_statuses(self._statuses(self.status_combo.currentData()))
        self._update_shown()

    def _update_shown(self) -> None:
        self.shown_label.setText(self.tr("{shown} of {total} shown").format(
            shown=texts.number(self.proxy.rowCount()), total=texts.number(self.model.rowCount())))

    # The chosen user ------------------------------------------------------------------------------
    def current_row(self):
        index = self.view.currentIndex()
        return index.data(plan_table.ROW_ROLE) if index.isValid() else None

    def show_current_detail(self) -> None:
        row = self.current_row()
        if row is None:
            self.detail_label.setText("")
            return
        status = plan_table.status_code(row)
        detail = texts.row_detail(row) or texts.status_text(status)
        hint = texts.status_hint(status)
        text = f"<b>{_escape(row.user_principal_name)}</b>: {_escape(detail)}"
        self.detail_label.setText(text + (f"<br>{_escape(hint)}" if hint else ""))

    def selected_hint(self) -> str:
        index = self.view.currentIndex()
        return index.data(plan_table.HINT_ROLE) if index.isValid() else ""


def _count(rows: list) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        code = plan_table.status_code(row)
        counts[code] = counts.get(code, 0) + 1
    return counts


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
