"""The one Retry-After parser and the one backoff, shared by the Graph client and the writer."""

from __future__ import annotations

import random
import time
from email.utils import formatdate

from core.graph.batching import InnerResponse
from core.graph.client import GraphClient, RetryPolicy
from core.graph.connection import Connection
from core.graph.retry import backoff, parse_retry_after


def test_retry_after_in_seconds_or_as_a_date():
    assert parse_retry_after("7") == 7.0 and parse_retry_after("7", cap=5) == 5
    assert 25 <= parse_retry_after(formatdate(time.time() + 30, usegmt=True)) <= 31
    assert parse_retry_after(formatdate(time.time() - 30, usegmt=True)) == 0.0  # a date in the past
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None and parse_retry_after("") is None


def test_inner_batch_answers_use_the_same_parser_and_cap():
    date = formatdate(time.time() + 30, usegmt=True)
    assert 25 <= InnerResponse("1", 429, {"retry-after": date}).retry_after <= 31  # header names any case
    assert InnerResponse("1", 429, {"Retry-After": "100000"}).retry_after == RetryPolicy.max_retry_after
    assert InnerResponse("1", 503, {}).retry_after is None


def test_backoff_is_full_jitter_that_grows_to_a_cap():
    rng = random.Random(4)
    for attempt in range(8):
        waits = [backoff(attempt, base=0.5, cap=8.0, floor=0.1, rng=rng) for _ in range(300)]
        top = max(0.1, min(8.0, 0.5 * 2 ** attempt))
        assert all(0.1 <= w <= top for w in waits)
        assert max(waits) > 0.8 * top  # jitter spreads over the whole range, not only its start
    assert backoff(50, base=1.0, cap=30.0, rng=rng) <= 30.0


def test_the_graph_client_backs_off_with_its_policy():
    conn = Connection("school.example", "6f9619ff-8b86-d011-b42d-00c04fc964ff")
    client = GraphClient(conn, tokens=None, policy=RetryPolicy(backoff_base=0.2, backoff_cap=1.0))
    assert all(0 <= client._backoff(n) <= min(1.0, 0.2 * 2 ** n) for n in range(10) for _ in range(50))
