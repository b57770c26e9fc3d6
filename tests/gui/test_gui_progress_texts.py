"""The Run page's words (issue 16 minors): the pace and the time left only once measured (never "0.0
users/s · about unknown left"), counts that never go back behind a failure already listed, and the quota
as it is — a demo of a few hundred writes is never told "about 20 writes a second"."""

from __future__ import annotations

import threading

from wizard_steps import WAIT_MS

from core.graph.pacing import quota_wait_s
from core.run.apply import ApplyProgress
from gui import texts
from gui.jobs.worker import Worker
from gui.navigation import PageId
from gui.pages.run import RunPage


def test_the_pace_and_the_time_left_only_once_measured(ui_language):
    start = texts.run_status(0, 249, 0, 0.0, None)
    assert start == {"en": "0 of 249 done, 0 failed", "sv": "0 av 249 klara, 0 misslyckade"}[ui_language]
    assert texts.run_status(0, 249, 1, 0.0, float("inf")).count("·") == 0
    going = texts.run_status(30, 249, 1, 12.5, 18)
    if ui_language == "en":
        assert going == "30 of 249 done, 1 failed · 12.5 users a second · about 18 s left"
    else:
        assert going == "30 av 249 klara, 1 misslyckade · 12,5 användare per sekund · cirka 18 s kvar"
    assert "left" not in texts.run_status(249, 249, 1, 80.0, 0.0)
    assert texts.run_status(1, 249, 0, 1.5, 155.0).count("·") == 0  # one user's pace is no pace yet


def test_the_quota_text_follows_the_real_quota(ui_language):
    assert quota_wait_s(1) == quota_wait_s(3000) == 0
    assert quota_wait_s(3001) == 150 and quota_wait_s(9800) == 450
    within, least = {"en": ("within Microsoft's write quota (3,000 writes per 2 min 30 s)", "at least 7 min 30 s"),
                     "sv": ("ryms inom Microsofts skrivkvot (3\N{NO-BREAK SPACE}000 skrivningar per 2 min 30 s)",
                            "minst 7 min 30 s")}[ui_language]
    assert within in texts.quota_text(247) and least in texts.quota_text(9800)
    assert "20 writes a second" not in texts.run_intro(239, False) + texts.write_total(239, 0, 239, False)


def test_a_failure_listed_is_never_followed_by_older_counts(qtbot):
    """The worker hands a kept progress (a failure) at once and a plain one at its next tick: an older plain
    one must not arrive after the newer kept one (it once showed "0 of 249 done, 0 failed" under a failure)."""
    ready, seen = threading.Event(), []

    def job(progress, cancel):
        progress("old counts")  # coalesced: waits for the GUI timer
        progress("a failure, newer counts", True)  # kept: at once
        ready.wait(5)
        return "done"

    worker = Worker(job, "ordering", min_interval_s=0.2)
    worker.progress.connect(seen.append)
    with qtbot.waitSignal(worker.done, timeout=WAIT_MS):
        worker.start()
        qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
        qtbot.wait(400)  # two of the timer's ticks
        ready.set()
    assert seen == ["a failure, newer counts"]


def test_the_run_page_never_takes_counts_back(make_wizard, qtbot, ui_language):
    wizard = make_wizard()
    run: RunPage = wizard.page_by_id(PageId.RUN)
    run._shown = (0, 0)
    run._progress(ApplyProgress(12, 249, 1, 6.0, 40.0, None, []))
    run._progress(ApplyProgress(3, 249, 0, 3.0, 80.0, None, []))  # late and stale
    shown = {"en": "12 of 249 done, 1 failed", "sv": "12 av 249 klara, 1 misslyckade"}[ui_language]
    assert run.status.text().startswith(shown) and run.bar.value() == 12
