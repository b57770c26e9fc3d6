"""counts_as_read (core/planning/statuses.py): an undo's users left for the UPN swap are not failures."""

from types import SimpleNamespace

from core.planning.statuses import NEEDS_SWAP, counts_as_read


def _row(status, reason=None):
    return SimpleNamespace(status=status, reason=reason)


def test_users_left_for_the_upn_swap_are_counted_as_such_not_as_failed():
    rows = [_row("cleared"), _row("failed", NEEDS_SWAP), _row("failed", NEEDS_SWAP), _row("failed", "graph_error")]
    counts = {"cleared": 1, "failed": 3}
    assert counts_as_read(counts, rows) == {"cleared": 1, "failed": 1, NEEDS_SWAP: 2}
    assert counts == {"cleared": 1, "failed": 3}  # the result's own counts (report, summary) are left alone


def test_no_failed_left_when_every_failure_needs_the_swap():
    rows = [_row("cleared"), _row("failed", NEEDS_SWAP)]
    assert counts_as_read({"cleared": 1, "failed": 1}, rows) == {"cleared": 1, NEEDS_SWAP: 1}
    assert counts_as_read({"cleared": 1}, [_row("cleared")]) == {"cleared": 1}
