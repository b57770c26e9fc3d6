"""The unattended run's guard-rail values (`--max-writes N`, `--max-percent P`): one rule, used by `apply`
(core/commands/unattended.py) and by `schedule install` and the wizard's "Keep new users in sync"
(core/setup/schedule.py's Schedule), so that a schedule never holds a value its nightly run would refuse
(issue 15 §3.4: `--max-percent nan` installed a task that failed every night). No Qt.
"""

from __future__ import annotations

import math

CODES = ("max_writes_bad", "max_percent_bad")


class GuardValueError(ValueError):
    """`code`: max_writes_bad or max_percent_bad; `message`: English, naming the option and the fix."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code, self.message = code, message


def check_guard_values(max_writes: object, max_percent: object) -> None:
    """Raise GuardValueError unless max_writes is None or a whole number >= 0, and max_percent is None or
    a finite number above 0 and at most 100 (nan and inf are refused)."""
    if max_writes is not None and (isinstance(max_writes, bool) or not isinstance(max_writes, int)
                                   or max_writes < 0):
        raise GuardValueError("max_writes_bad", f"--max-writes must be a whole number, 0 or more (not {max_writes!r})")
    if max_percent is not None:
        ok = (isinstance(max_percent, (int, float)) and not isinstance(max_percent, bool)
              and math.isfinite(max_percent) and 0 < max_percent <= 100)
        if not ok:
            raise GuardValueError("max_percent_bad",
                                  f"--max-percent must be a number above 0 and at most 100 (not {max_percent!r})")
