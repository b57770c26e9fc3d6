"""Status filter + search over a PlanTableModel.

The decision for every row is computed in one Python pass over the source list (`_accepted`), so the
per-row `filterAcceptsRow` callback from C++ is a list lookup. Sorting is delegated to the source model.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from gui import texts
from gui.models.plan_table import PlanTableModel, status_code
from gui.models.search import haystacks as _haystacks


def haystacks(rows: Iterable) -> list[str]:
    """Search text per row, with each row's detail as the user sees it (re-exported for the services)."""
    return _haystacks(rows, texts.row_detail)


class PlanFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[str] | None = None  # None = all
        self._search = ""
        self._accepted: list[bool] = []
        self._haystacks: list[str] | None = None
        self._prepared: list[str] | None = None
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model: PlanTableModel) -> None:  # type: ignore[override]
        old = self.sourceModel()
        if old is not None:
            old.modelReset.disconnect(self._on_source_reset)
            old.rowsAboutToBeInserted.disconnect(self._on_rows_coming)
        super().setSourceModel(model)
        model.modelReset.connect(self._on_source_reset)
        # Before the proxy itself hears of new rows, their decisions must be ready (see filterAcceptsRow).
        model.rowsAboutToBeInserted.connect(self._on_rows_coming)
        self._on_source_reset()

    def source(self) -> PlanTableModel:
        return self.sourceModel()  # type: ignore[return-value]

    # Filters ------------------------------------------------------------------------------------
    def set_statuses(self, statuses: Iterable[str] | None) -> None:
        self._statuses = None if statuses is None else frozenset(statuses)
        self._refilter()

    def set_search(self, text: str) -> None:
        self._search = text.strip().casefold()
        self._refilter()

    def search_text(self) -> str:
        return self._search

    def prepare(self, search_texts: list[str] | None, statuses: Iterable[str] | None = None) -> None:
        """Before the next source reset: its rows' search texts (built off the GUI thread) and the status
        filter, so that a load filters once instead of three times."""
        self._prepared = search_texts
        self._statuses = None if statuses is None else frozenset(statuses)

    def _on_source_reset(self) -> None:
        # Built once per load (~0.1 s for 100,000 rows) so that typing in the search box stays quick.
        rows = self.source().rows() if self.sourceModel() is not None else []
        if not rows and self._prepared is not None:
            self._haystacks, self._accepted = [], []  # a chunked load follows; keep what was prepared
            return
        prepared, self._prepared = self._prepared, None
        self._haystacks = prepared if prepared is not None and len(prepared) == len(rows) else haystacks(rows)
        self._recompute()

    def _on_rows_coming(self, parent: QModelIndex, first: int, last: int) -> None:
        staged = self.source().staged
        prepared = self._prepared
        if prepared is not None and len(prepared) > last:
            hay = prepared[first:last + 1]
            if len(prepared) == last + 1:
                self._prepared = None
        else:
            hay = haystacks(staged)
        if self._haystacks is None:
            self._haystacks = haystacks(self.source().rows())
        self._haystacks.extend(hay)
        self._accepted.extend(self._decide(staged, hay))

    def _recompute(self) -> None:
        rows = self.source().rows() if self.sourceModel() is not None else []
        if self._search and self._haystacks is None:
            self._haystacks = haystacks(rows)
        self._accepted = self._decide(rows, self._haystacks or [])

    def _decide(self, rows: list, hay: list[str]) -> list[bool]:
        statuses, needle = self._statuses, self._search
        if statuses is None and not needle:
            return [True] * len(rows)
        if not needle:
            return [status_code(r) in statuses for r in rows]
        return [(statuses is None or status_code(r) in statuses) and needle in h
                for r, h in zip(rows, hay, strict=True)]

    def _refilter(self) -> None:
        # A full invalidate (one layout change) beats incremental row removals: hiding every third row
        # of 100,000 as ranges costs seconds in the attached view.
        self._recompute()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        # Called once per source row from C++: keep it a bare list lookup.
        try:
            return self._accepted[source_row]
        except IndexError:
            return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Sort the plain list in the source (fast); the cached per-row decisions follow the permutation
        # before the proxy rebuilds its mapping on the source's layoutChanged.
        self.source().sort(column, order, on_permuted=self._permute)

    def _permute(self, new_to_old: list[int]) -> None:
        accepted = self._accepted
        self._accepted = [accepted[i] for i in new_to_old]
        if self._haystacks is not None:
            hay = self._haystacks
            self._haystacks = [hay[i] for i in new_to_old]
