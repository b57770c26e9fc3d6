"""Table model and filter proxy, tested without a view (as Vorta tests its archive table model)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from gui.models import plan_table
from gui.models.filter_proxy import PlanFilterProxy
from gui.models.plan_table import PlanTableModel


@dataclass(slots=True)
class Row:
    object_id: str
    user_principal_name: str
    display_name: str
    source_value: str
    current_immutable_id: str
    new_immutable_id: str
    status: str
    detail: str = ""


def rows(n: int) -> list[Row]:
    statuses = ("will_set", "already_set", "guest")
    return [Row(str(i), f"user{i}@school.example", f"Åsa {i:06d}", str(i), "" if i % 3 != 1 else f"old{i}",
                f"new{i}", statuses[i % 3]) for i in range(n)]


@pytest.fixture
def model(qapp):
    m = PlanTableModel()
    p = PlanFilterProxy()
    p.setSourceModel(m)
    return m, p


def test_model_shows_columns_and_roles(model):
    m, _ = model
    m.set_rows(rows(3))
    assert m.rowCount() == 3 and m.columnCount() == plan_table.COLUMN_COUNT
    assert m.index(0, plan_table.COL_UPN).data() == "user0@school.example"
    assert m.index(0, plan_table.COL_STATUS).data() == "Will be set"
    assert m.index(1, plan_table.COL_STATUS).data(plan_table.STATUS_ROLE) == "already_set"
    assert m.index(2, 0).data(plan_table.ROW_ROLE).object_id == "2"
    assert m.headerData(plan_table.COL_NEW, Qt.Orientation.Horizontal) == "New ImmutableId"
    assert "never changed" in m.index(1, plan_table.COL_STATUS).data(plan_table.HINT_ROLE)


def test_status_filter_and_search_combine(model):
    m, p = model
    m.set_rows(rows(30))
    p.set_statuses({"guest"})
    assert p.rowCount() == 10
    assert {p.index(r, plan_table.COL_STATUS).data(plan_table.STATUS_ROLE) for r in range(10)} == {"guest"}
    p.set_search("USER2")  # case-insensitive, any part of the UPN
    assert [p.index(r, plan_table.COL_UPN).data() for r in range(p.rowCount())] == \
        ["user2@school.example", "user20@school.example", "user23@school.example", "user26@school.example",
         "user29@school.example"]
    p.set_statuses(None)
    p.set_search("")
    assert p.rowCount() == 30


def test_sorting_keeps_the_filter(model):
    m, p = model
    m.set_rows(rows(30))
    p.set_statuses({"will_set"})
    p.sort(plan_table.COL_DISPLAY_NAME, Qt.SortOrder.DescendingOrder)
    names = [p.index(r, 0).data() for r in range(p.rowCount())]
    assert names == sorted(names, reverse=True) and len(names) == 10
    assert {p.index(r, 0).data(plan_table.STATUS_ROLE) for r in range(p.rowCount())} == {"will_set"}


def test_reload_resets_the_filter_cache(model):
    m, p = model
    m.set_rows(rows(6))
    p.set_search("user5")
    assert p.rowCount() == 1
    m.set_rows(rows(60))
    assert p.rowCount() == 11  # user5, user50..59


def test_chunked_load_keeps_the_active_filter(model, qtbot):
    m, p = model
    p.set_statuses({"guest"})
    p.set_search("user1")
    data = rows(25)
    from gui.models.search import haystacks

    p.prepare(haystacks(data), {"guest"})
    with qtbot.waitSignal(m.loaded, timeout=5000):
        m.set_rows(data, chunk=4)
    assert m.rowCount() == 25
    shown = sorted(p.index(r, plan_table.COL_UPN).data() for r in range(p.rowCount()))
    expected = sorted(r.user_principal_name for r in data if r.status == "guest" and "user1" in r.user_principal_name)
    assert shown == expected and shown  # user11 (11 % 3 == 2), user14, user17


def test_100000_rows_load_and_filter(model):
    # Correctness at full size; the timings are tests/bench/test_bench_gui.py's job (no timed tests).
    m, p = model
    m.set_rows(rows(100_000))
    assert p.rowCount() == 100_000
    p.set_search("user4242")
    assert p.rowCount() == 11


def test_search_finds_a_row_by_the_words_shown_not_only_the_reports(model):
    from core.planning.plan import PlanRow, Status
    from gui import texts

    m, p = model
    guest = PlanRow("g1", "eva_x#EXT#@school.example", "Eva", "v1", "", "", Status.GUEST)
    guest.set_reason("guest_excluded")
    other = PlanRow("u2", "bo@school.example", "Bo", "v2", "", "v2", Status.WILL_SET)
    m.set_rows([guest, other])
    shown = texts.row_detail(guest)
    assert shown and shown.casefold() not in guest.detail.casefold()  # GUI words differ from the report's
    p.set_search(shown.split()[0])  # e.g. "Tick"
    assert [p.index(r, plan_table.COL_UPN).data() for r in range(p.rowCount())] == [guest.user_principal_name]
    p.set_search("include-guests")  # the report's English still finds it too
    assert p.rowCount() == 1
