"""The home-realm check (graph-facts §15): Entra's public endpoint
`GET {login}/common/userrealm/{upn}?api-version=2.1` says `NameSpaceType: "Federated"` and `AuthURL` = the
IdP's sign-in URL once a federation has replicated (`"Managed"` before, and again after going back). How long
that takes is not documented (Microsoft: up to 2 hours), so `wait_for_realm` polls, with progress, a cancel
and a timeout.

No token is needed; the request goes through VerifyingSession like every other."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import requests

from core.graph.http import VerifyingSession

FEDERATED = "Federated"
MANAGED = "Managed"
POLL_INTERVAL_S = 10.0
DEFAULT_TIMEOUT_S = 2 * 3600.0  # Microsoft: a change may take up to 2 hours


@dataclass(frozen=True)
class Realm:
    namespace_type: str     # "Managed" | "Federated" | "Unknown" | "" when unreadable
    auth_url: str | None
    domain: str | None
    brand: str | None


@dataclass(frozen=True)
class RealmProgress:
    attempt: int
    elapsed_s: float
    timeout_s: float
    last: Realm | None
    error: str | None       # the last attempt's problem ("network_error", "http_503", ...), if any


@dataclass(frozen=True)
class RealmWait:
    reached: bool
    cancelled: bool
    attempts: int
    elapsed_s: float
    last: Realm | None
    error: str | None

    @property
    def timed_out(self) -> bool:
        return not self.reached and not self.cancelled


def realm_url(login_base: str, upn: str) -> str:
    return f"{login_base.rstrip('/')}/common/userrealm/{quote(upn.strip(), safe='@')}?api-version=2.1"


def read_realm(login_base: str, upn: str, session: requests.Session | None = None) -> Realm:
    """One read. Raises RealmError (network_error, tls_verify_failed, http_<status>, realm_not_json)."""
    session = session or VerifyingSession(True)
    try:
        answer = session.get(realm_url(login_base, upn), timeout=(10, 30))
    except requests.exceptions.SSLError:
        raise RealmError("tls_verify_failed") from None
    except requests.RequestException:
        raise RealmError("network_error") from None
    if answer.status_code != 200:
        raise RealmError(f"http_{answer.status_code}")
    try:
        data = answer.json()
    except ValueError:
        raise RealmError("realm_not_json") from None
    if not isinstance(data, dict):
        raise RealmError("realm_not_json")
    return Realm(str(data.get("NameSpaceType") or ""), data.get("AuthURL"), data.get("DomainName"),
                 data.get("FederationBrandName"))


class RealmError(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def same_sign_in_url(auth_url: str | None, expected: str | None) -> bool:
    """Entra adds query parameters to AuthURL (username, wa, wtrealm…): compare scheme, host and path only
    (host case-insensitive, a trailing slash ignored)."""
    if not auth_url or not expected:
        return False
    a, b = urlsplit(auth_url.strip()), urlsplit(expected.strip())
    return (a.scheme.lower(), (a.hostname or "").lower(), a.port, a.path.rstrip("/")) == \
        (b.scheme.lower(), (b.hostname or "").lower(), b.port, b.path.rstrip("/"))


def realm_matches(realm: Realm, expect: str, sign_in_url: str | None = None) -> bool:
    if realm.namespace_type != expect:
        return False
    return expect != FEDERATED or sign_in_url is None or same_sign_in_url(realm.auth_url, sign_in_url)


def wait_for_realm(login_base: str, upn: str, expect: str = FEDERATED, sign_in_url: str | None = None, *,
                   session: requests.Session | None = None, timeout_s: float = DEFAULT_TIMEOUT_S,
                   interval_s: float = POLL_INTERVAL_S, progress: Callable[[RealmProgress], None] | None = None,
                   cancel: threading.Event | None = None,
                   clock: Callable[[], float] = time.monotonic) -> RealmWait:
    """Poll until the home realm of `upn` is `expect` (with `sign_in_url` as AuthURL when federated), the
    timeout passes, or `cancel` is set. A failed read (network, 5xx) is retried, never fatal: the answer is
    public and the change is already made."""
    session = session or VerifyingSession(True)
    cancel = cancel or threading.Event()
    start, attempt, last, error = clock(), 0, None, None
    while True:
        attempt += 1
        try:
            last, error = read_realm(login_base, upn, session), None
        except RealmError as exc:
            error = exc.code
        elapsed = clock() - start
        if progress is not None:
            progress(RealmProgress(attempt, elapsed, timeout_s, last, error))
        if error is None and last is not None and realm_matches(last, expect, sign_in_url):
            return RealmWait(True, False, attempt, elapsed, last, None)
        if elapsed >= timeout_s:
            return RealmWait(False, False, attempt, elapsed, last, error)
        if cancel.wait(min(interval_s, max(0.0, timeout_s - elapsed))):
            return RealmWait(False, True, attempt, clock() - start, last, error)
