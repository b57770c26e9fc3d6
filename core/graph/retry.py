"""The two waits every retry needs, in one place for the Graph client and the writer: how long Graph asked
us to wait (Retry-After), and how long to back off when it did not say."""

from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime


def parse_retry_after(value: str | None, cap: float | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), never negative and at most
    `cap`; None when absent or unreadable."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return None
    seconds = max(seconds, 0.0)
    return seconds if cap is None else min(seconds, cap)


def backoff(attempt: int, base: float = 1.0, cap: float = 30.0, floor: float = 0.0,
            rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter: uniform(floor, min(cap, base × 2^attempt)). The jitter keeps
    threads and machines that failed together from retrying together."""
    top = max(floor, min(cap, base * 2 ** attempt))
    return (rng or random).uniform(floor, top)
