from __future__ import annotations

import threading

import pytest

from core.graph.pacing import SEND_MARGIN_S, WritePacer


class FakeTime:
    """A clock that only moves when somebody waits (deterministic pacing tests)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float, cancel: threading.Event | None) -> bool:
        if cancel is not None and cancel.is_set():
            return True
        self.slept.append(seconds)
        self.now += seconds
        return False


def pacer(limit=10, window=2.0):
    t = FakeTime()
    return WritePacer(limit, window, clock=t.clock, sleep=t.sleep), t


def test_window_admits_limit_then_waits_for_the_oldest_answer():
    p, t = pacer()
    assert p.acquire(6) and p.acquire(4)
    assert t.slept == []
    p.release(6)           # answered at 1000.0
    t.now += 0.5
    p.release(4)           # answered at 1000.5
    assert p.acquire(5)    # needs 5 free: the first 6 free at 1002.0
    assert t.now == pytest.approx(1002.0)
    assert p.in_window() == 4 + 5


def test_never_more_than_limit_in_any_window():
    p, t = pacer(limit=20, window=2.0)
    admitted: list[float] = []
    for _ in range(30):
        p.acquire(7)
        admitted.extend([t.now] * 7)
        t.now += 0.03  # latency of the batch
        p.release(7)
    assert t.now - 1000.0 > 2.0 * (30 * 7 / 20 - 1)  # it really had to wait
    for i, start in enumerate(admitted):
        assert sum(1 for a in admitted[i:] if a < start + 2.0) <= 20


def test_in_flight_slots_poll_until_released():
    p, t = pacer(limit=5)
    p.acquire(5)
    released = threading.Event()

    def sleeper(seconds, cancel):
        if not released.is_set():
            p.release(5, sent=False)  # never sent: frees at once
            released.set()
        t.now += seconds
        return False

    p._sleep = sleeper
    assert p.acquire(5)
    assert released.is_set()


def test_pause_until_honours_the_largest_retry_after():
    p, t = pacer()
    p.pause_for(3)
    p.pause_for(1)
    assert p.paused_until == pytest.approx(1003.0)
    assert p.acquire(1)
    assert t.now == pytest.approx(1003.0)
    assert p.paused_until == 0.0


def test_cancel_stops_the_wait():
    p, t = pacer(limit=2)
    p.acquire(2)
    cancel = threading.Event()
    cancel.set()
    assert p.acquire(1, cancel) is False


def test_real_clock_cancel_interrupts_promptly():
    p = WritePacer(1, 60.0)
    p.acquire(1)
    p.release(1)
    cancel = threading.Event()
    result: list[bool] = []
    worker = threading.Thread(target=lambda: result.append(p.acquire(1, cancel)))
    worker.start()
    cancel.set()
    worker.join(timeout=2)
    assert not worker.is_alive() and result == [False]


def test_bad_arguments():
    with pytest.raises(ValueError):
        WritePacer(0, 1)
    with pytest.raises(ValueError):
        WritePacer(5, 1).acquire(6)


def test_listeners_hear_pauses_and_long_waits_at_once_and_timeouts_give_up():
    p, t = pacer(limit=4, window=5.0)
    heard: list[float] = []
    p.add_listener(heard.append)
    p.pause_for(3.0)                      # a 429's Retry-After
    assert heard == [1003.0] and p.paused_until == 1003.0
    p.pause_until(1002.0)                 # a shorter one changes nothing and is not told again
    assert heard == [1003.0]
    assert p.acquire(4)                   # waits out the pause (already told)
    assert t.now == 1003.0 and heard == [1003.0]
    p.release(4)
    assert not p.acquire(1, timeout=2.0)  # the window frees at 1008: not within 2 s
    assert t.now == 1005.0 and heard == [1003.0, 1008.0]  # the wait (>= 1 s) was told before it began
    assert p.acquire(1) and t.now == 1008.0
    p.remove_listener(heard.append)
    p.pause_for(10.0)
    assert heard == [1003.0, 1008.0]


def test_acquire_up_to_takes_the_room_there_is_instead_of_waiting_for_all():
    p, t = pacer(limit=10, window=2.0)
    assert p.acquire(7) and p.acquire(3)
    p.release(7)              # answered at 1000.0: free at 1002.0
    t.now += 0.5
    p.release(3)              # free at 1002.5
    assert p.acquire_up_to(5) == 5 and t.now == pytest.approx(1002.0)  # room for 7 by then: all 5
    assert p.acquire_up_to(8) == 2 and t.now == pytest.approx(1002.0)  # room for 2 left: 2 now, no wait
    assert p.in_window() == 3 + 5 + 2
    p.release(5, sent=False)  # never sent: free at once
    assert p.acquire_up_to(9) == 5 and t.now == pytest.approx(1002.0)


def test_acquire_up_to_never_overfills_and_gives_up_like_acquire():
    p, t = pacer(limit=4, window=2.0)
    cancel = threading.Event()
    assert p.acquire_up_to(20) == 4 and p.in_window() == 4
    assert p.acquire_up_to(1, timeout=0.5) == 0 and t.now == pytest.approx(1000.5)  # all in flight
    cancel.set()
    assert p.acquire_up_to(1, cancel) == 0
    p.release(4)
    p.pause_for(3.0)          # a 429: nobody, not even one write, before the pause ends
    assert p.acquire_up_to(2) == 2 and t.now >= 1000.5 + 3.0


def test_expected_wait_says_when_the_window_would_admit_without_taking_a_slot():
    p, t = pacer()
    assert p.expected_wait() == 0.0
    assert p.acquire(10)
    p.release(10)          # answered at 1000.0: the window is full until 1002.0
    t.now += 0.5
    assert p.expected_wait() == pytest.approx(1.5)
    assert p.expected_wait() == pytest.approx(1.5) and p.in_window() == 10  # asking admits nothing
    p.pause_for(5.0)       # a Retry-After outlasts the window
    assert p.expected_wait() == pytest.approx(5.0)
    assert t.slept == []


def test_a_window_starts_half_the_shortest_round_trip_before_the_answer_never_before_the_send():
    # Entra counts a write when it arrives. A request handed to the client at t may leave much later (a busy
    # machine): counting from t could run ahead of Entra's window. Half the shortest round trip before the
    # answer cannot: the answer's way back is at least that long.
    now = [0.0]
    pacer = WritePacer(limit=1, window_s=2.0, clock=lambda: now[0], sleep=lambda s: None)
    assert pacer.acquire(1, threading.Event())
    now[0] = 0.04
    pacer.release(1, sent_at=0.0)  # a 40 ms trip, the shortest so far: starts at 0.02 + margin
    assert pacer.expected_wait() == pytest.approx(2.0 + 0.02 + SEND_MARGIN_S - 0.04)
    now[0] = 10.0
    assert pacer.acquire(1, threading.Event())
    now[0] = 10.5
    pacer.release(1, sent_at=10.0)  # left late (500 ms): its window starts 20 ms before the answer, not at 10.0
    assert pacer.expected_wait() == pytest.approx(2.0 - 0.02 + SEND_MARGIN_S)
    now[0] = 30.0
    assert pacer.acquire(1, threading.Event())
    pacer.release(1)  # no send time: from the answer
    assert pacer.expected_wait() == pytest.approx(2.0)
