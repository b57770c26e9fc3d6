"""What the report shows of a user set (or cleared) with the UPN swap: its UPN and mail as read before step
1 and after the last step (contracts.md: upn_before, upn_after, mail_before, mail_after), so an admin can
prove that nothing but the UPN's round trip happened (graph-facts §11: whether mail follows is unconfirmed).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SwapTrace:
    upn_before: str = ""
    upn_after: str = ""
    mail_before: str = ""
    mail_after: str = ""


class SwapColumns:
    """The report's four swap columns, read from the row's `swap` (a SwapTrace, or None: empty cells)."""

    __slots__ = ()
    swap: SwapTrace | None

    @property
    def upn_before(self) -> str:
        return self.swap.upn_before if self.swap else ""

    @property
    def upn_after(self) -> str:
        return self.swap.upn_after if self.swap else ""

    @property
    def mail_before(self) -> str:
        return self.swap.mail_before if self.swap else ""

    @property
    def mail_after(self) -> str:
        return self.swap.mail_after if self.swap else ""
