"""Table model for plan and result rows: a plain Python list behind a QAbstractTableModel.

Loading is one beginResetModel/endResetModel around a list assignment (no per-row items), or, for big
lists, a reset followed by appends of `chunk` rows per event-loop turn: the proxy and the view then do
their per-row work in slices and the GUI keeps answering while 100,000 rows arrive (`loaded` at the end).
Sorting happens here, on the list, with Python's sort: a proxy's per-comparison `lessThan` callback
would cost ~1.7 million Python calls for 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from gui import texts

# Column constants (order on screen).
COL_DISPLAY_NAME = 0
COL_UPN = 1
COL_CURRENT = 2
COL_NEW = 3
COL_STATUS = 4
COL_DETAIL = 5
COLUMN_COUNT = 6

# Attribute of a row object for each column; rows are core PlanRow-like objects (duck-typed).
_ATTRS = ("display_name", "user_principal_name", "current_immutable_id", "new_immutable_id", "status",
          "detail")

# Custom roles.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object itself
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the status code (str)
HINT_ROLE = Qt.ItemDataRole.UserRole + 3  # translated hint for the row's detail/status

AnyIndex = QModelIndex | QPersistentModelIndex


def status_code(row: Any) -> str:
    status = row.status
    return getattr(status, "value", status)


def cell_text(row: Any, column: int) -> str:
    if column == COL_STATUS:
        return texts.status_text(status_code(row))
    if column == COL_DETAIL:
        return texts.row_detail(row)
    value = getattr(row, _ATTRS[column])
    return "" if value is None else str(value)


def _sort_key(column: int) -> Callable[[Any], Any]:
    if column == COL_STATUS:
        return lambda row: texts.status_text(status_code(row)).casefold()
    attr = _ATTRS[column]
    return lambda row: (getattr(row, attr) or "").casefold()


class PlanTableModel(QAbstractTableModel):
    loaded = Signal()  # every row of the last set_rows() is in

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._headers = [texts.column_title(c) for c in range(COLUMN_COUNT)]
        self._queue: list[Any] = []
        self._load_token = 0
        self.staged: list[Any] = []  # rows about to be appended (for the proxy's rowsAboutToBeInserted)

    # Loading -------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any], chunk: int | None = None) -> None:
        self._load_token += 1
        rows = list(rows)
        if chunk is None or len(rows) <= chunk:
            self._queue = []
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            self.loaded.emit()
            return
        self.beginResetModel()
        self._rows, self._queue = [], rows
        self.endResetModel()
        self._append_chunk(self._load_token, chunk)

    def is_loading(self) -> bool:
        return bool(self._queue)

    def _append_chunk(self, token: int, chunk: int) -> None:
        if token != self._load_token:
            return  # a newer load replaced this one
        start = len(self._rows)
        part = self._queue[start:start + chunk]
        self.staged = part
        self.beginInsertRows(QModelIndex(), start, start + len(part) - 1)
        self._rows.extend(part)
        self.endInsertRows()
        self.staged = []
        if len(self._rows) < len(self._queue):
            QTimer.singleShot(0, lambda: self._append_chunk(token, chunk))
        else:
            self._queue = []
            self.loaded.emit()

    def rows(self) -> list[Any]:
        return self._rows

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    # Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() in (COL_STATUS, COL_DETAIL):
                return texts.row_hint(row) or None
            return cell_text(row, index.column()) or None
        if role == STATUS_ROLE:
            return status_code(row)
        if role == ROW_ROLE:
            return row
        if role == HINT_ROLE:
            return texts.row_hint(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
             on_permuted: Callable[[list[int]], None] | None = None) -> None:
        """Sort the list. `on_permuted(new_to_old)` runs before views hear of it (lets a proxy follow)."""
        if not 0 <= column < COLUMN_COUNT:
            return
        key = _sort_key(column)
        rows = self._rows
        perm = sorted(range(len(rows)), key=lambda i: key(rows[i]),
                      reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._rows = [rows[i] for i in perm]
        if on_permuted is not None:
            on_permuted(perm)
        self.layoutChanged.emit()
