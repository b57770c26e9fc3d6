"""Users parked on a temporary UPN by the UPN swap (graph-facts §11), recognisable from the tenant alone.

The swap moves a federated user's UPN to the tenant's initial domain for a few seconds. A run killed
between the two steps leaves the user there; its journal knows, but another machine, another app or a
lost run folder does not. So the temporary UPN carries its own proof:

    <alias>.idswap-<h>@<initial domain>      h = the first 8 hex digits of sha256(original UPN, lower-cased)

A user is *parked* when its UPN has that shape on the tenant's initial domain. Its original UPN is the
candidate whose hash matches: its `mail` (the swap does not move mail: facts.UNCONFIRMED
`upn_change_moves_mail`; a federated user's mail is normally its UPN), else `<alias>@D` for each
federated domain D. The hash makes a wrong candidate impossible to take, so this works even when the
domains cannot be read (no Domain.Read.All). A real account on the initial domain (an admin's `name@school.onmicrosoft.com`) never has the
marker, so it is never mistaken for one; a marker whose hash fits no candidate still means "parked",
with the original unknown (a person must look).

Plain runs never write a parked user; swap runs bring it back (core/planning/plan.py, core/run/swap.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.tenant.directory import upn_alias, upn_domain

MARKER = "idswap"
HASH_DIGITS = 8
MAX_LOCAL = 64  # Entra's limit on the part of a UPN before "@"
_SUFFIX_LEN = 1 + len(MARKER) + 1 + HASH_DIGITS  # ".idswap-" + digits
_PARKED = re.compile(rf"^(?P<alias>.+)\.{MARKER}-(?P<hash>[0-9a-f]{{{HASH_DIGITS}}})$", re.IGNORECASE)


def _digest(upn: str) -> str:
    return hashlib.sha256(upn.strip().lower().encode("utf-8")).hexdigest()[:HASH_DIGITS]


def _split(upn: str) -> tuple[str, str]:
    return upn_alias(upn), upn_domain(upn)


def temporary_upn(upn: str, initial_domain: str) -> str:
    """Where the swap parks `upn`: its alias (shortened if needed) with the marker, on the initial domain."""
    alias, _ = _split(upn)
    alias = alias[:MAX_LOCAL - _SUFFIX_LEN].rstrip(".")
    return f"{alias}.{MARKER}-{_digest(upn)}@{initial_domain.lower()}"


@dataclass(frozen=True)
class Parked:
    """A user on a temporary UPN. `original`: its own UPN, None when no candidate fits the marker."""

    upn: str
    original: str | None


def parked(upn: str | None, mail: str | None, initial_domain: str | None,
           federated_domains: Iterable[str]) -> Parked | None:
    """The recognition rule (module doc). None: not parked."""
    if not upn or not initial_domain:
        return None
    alias, domain = _split(upn)
    match = _PARKED.match(alias)
    if domain != initial_domain.lower() or match is None:
        return None
    want = match.group("hash").lower()
    federated = [d.lower() for d in federated_domains]
    candidates = [mail] if mail else []
    candidates += [f"{match.group('alias')}@{d}" for d in federated]
    original = next((c for c in candidates if _digest(c) == want), None)
    return Parked(upn, original)
