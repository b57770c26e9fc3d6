"""Microsoft Graph client: token, retries, throttling, paging. One instance per connection, thread-safe.

Retry rules (design.md "Graph client: retries"):
- 429: wait exactly Retry-After (capped), tell `on_throttle(seconds, scope)`, retry. 503 likewise
  (Retry-After if given, else backoff). Both mean "not processed", so they are retried for any method.
- 500/502/504, timeouts and dropped connections: exponential backoff with full jitter — but only for
  requests that are safe to send twice (GET/HEAD/OPTIONS/PUT/DELETE, or `retry_unsafe=True`). A POST or
  PATCH whose connection dropped after it was sent may have been processed: `AmbiguousOutcome` is
  raised so the caller can re-read and decide; 5xx answers are returned to the caller as they are.
- 401: drop the cached token once and retry with a fresh one.
- Every wait is `cancel.wait(...)`, so cancelling interrupts it (`Cancelled` is raised).
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
import urllib3.exceptions

from core.graph.auth import AuthCode, AuthError, TokenProvider
from core.graph.connection import Connection
from core.graph.http import VerifyingSession
from core.graph.retry import backoff, parse_retry_after

log = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
NOT_PROCESSED = frozenset({429, 503})   # retried for every method
TRANSIENT = frozenset({500, 502, 504})  # retried only when a repeat is harmless


class Cancelled(Exception):
    """The caller's cancel event was set; nothing more was sent."""


class GraphError(Exception):
    """A Graph answer that is not a success, or no answer at all (status 0)."""

    def __init__(self, status: int, code: str, message: str = "", request_id: str | None = None,
                 inner_code: str | None = None, details: list | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(f"HTTP {status} {code}: {message}" if status else f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.request_id = request_id
        self.inner_code = inner_code
        self.details = details or []
        self.retry_after = retry_after  # seconds Graph asked us to wait (Retry-After), if it said

    @classmethod
    def from_response(cls, resp: requests.Response) -> GraphError:
        return cls.from_body(resp.status_code, _json_or_none(resp), resp.headers)

    @classmethod
    def from_body(cls, status: int, body: object, headers: dict | None = None) -> GraphError:
        """Also for inner $batch responses, which carry status, headers and body as plain JSON."""
        error = body.get("error") if isinstance(body, dict) else None
        error = error if isinstance(error, dict) else {}
        inner = error.get("innerError") or error.get("innererror") or {}
        details = error.get("details") or []
        inner_code = (details[0].get("code") if details and isinstance(details[0], dict) else None) \
            or (inner.get("code") if isinstance(inner, dict) else None)
        headers = {str(k).lower(): v for k, v in (headers or {}).items()}
        request_id = headers.get("request-id") or (inner.get("request-id") if isinstance(inner, dict) else None)
        return cls(status, str(error.get("code") or f"http_{status}"), str(error.get("message") or ""),
                   request_id, inner_code, details if isinstance(details, list) else [],
                   parse_retry_after(headers.get("retry-after"), RetryPolicy.max_retry_after))


class GraphNetworkError(GraphError):
    """No usable answer after the retries (network down, proxy, TLS). Nothing was processed for sure
    only when `sent` is False."""

    def __init__(self, code: str, message: str = "", sent: bool = True) -> None:
        super().__init__(0, code, message)
        self.sent = sent


class AmbiguousOutcome(GraphNetworkError):
    """A non-idempotent request (POST/PATCH) was sent but its answer was lost: it may have been applied.
    Re-read the target before deciding to send it again."""

    def __init__(self, message: str = "") -> None:
        super().__init__("ambiguous_outcome", message, sent=True)


@dataclass
class RetryPolicy:
    max_attempts: int = 6            # for 5xx / network failures, including the first try
    max_throttled: int = 12          # 429s in a row for one request before giving its answer back
    backoff_base: float = 1.0        # seconds; attempt n waits uniform(0, min(cap, base * 2**n))
    backoff_cap: float = 30.0
    max_retry_after: float = 300.0   # a larger Retry-After is capped, not trusted blindly
    login_retry_wait: float = 5.0    # minimum wait after the login service failed (MSAL replays its
                                     # cached 429/5xx answer for Retry-After, 5 s by default)


ThrottleCallback = Callable[[float, "str | None"], None]


class GraphClient:
    def __init__(self, conn: Connection, tokens: TokenProvider, session: requests.Session | None = None,
                 pacer: object | None = None, *, policy: RetryPolicy | None = None,
                 on_throttle: ThrottleCallback | None = None, cancel: threading.Event | None = None) -> None:
        self.conn = conn
        self.tokens = tokens
        self.session = session or VerifyingSession(conn.verify)
        self.pacer = pacer  # the write side's WritePacer; kept here so callers find it with the client
        self.policy = policy or RetryPolicy()
        self.on_throttle = on_throttle
        self.cancel = cancel
        self.throttled_until = 0.0  # time.monotonic() until which Graph asked us to pause
        self._root = conn.graph_root.rstrip("/")
        self._host = urlsplit(self._root).netloc.lower()
        self._rng = random.Random()

    @classmethod
    def open(cls, conn: Connection, secret: str | None, *, cancel: threading.Event | None = None,
             on_throttle: ThrottleCallback | None = None) -> GraphClient:
        """A client with its own sign-in, both over one HTTPS session (what every face uses)."""
        session = VerifyingSession(conn.verify)
        return cls(conn, TokenProvider(conn, secret, session), session, cancel=cancel, on_throttle=on_throttle)

    # --- public API ------------------------------------------------------------------------
    def url_for(self, path_or_url: str) -> str:
        if path_or_url.startswith(("https://", "http://")):
            # nextLinks are followed verbatim, but the token only ever goes to our own Graph host.
            parts = urlsplit(path_or_url)
            if parts.scheme != "https" or parts.netloc.lower() != self._host:
                raise GraphError(0, "foreign_url", f"refusing to send the token to {parts.netloc}")
            return path_or_url
        path = path_or_url if path_or_url.startswith("/") else "/" + path_or_url
        if path.startswith(("/v1.0/", "/beta/")):
            return self._root + path
        return self.conn.graph_base + path

    def request(self, method: str, path_or_url: str, *, params: dict | None = None, json: object = None,
                headers: dict | None = None, retry: bool = True, retry_unsafe: bool | None = None,
                cancel: threading.Event | None = None, hand_back: Collection[int] = ()) -> requests.Response:
        """Send one request with the retry rules above. Returns the final response whatever its status;
        raises Cancelled, AuthError, GraphNetworkError / AmbiguousOutcome. `hand_back`: statuses returned
        at once instead of waited out and retried (for a caller that holds something it must not hold
        while waiting, e.g. write-quota slots)."""
        method = method.upper()
        call = _Call(self, method, self.url_for(path_or_url), params, json, headers, cancel or self.cancel,
                     retry, retry_unsafe if retry_unsafe is not None else method in SAFE_METHODS)
        call.hand_back = frozenset(hand_back)
        return call.run()

    def get(self, path: str, params: dict | None = None, *, headers: dict | None = None,
            cancel: threading.Event | None = None) -> dict:
        resp = self.request("GET", path, params=params, headers=headers, cancel=cancel)
        if not resp.ok:
            raise GraphError.from_response(resp)
        return resp.json() if resp.content else {}

    def iter_pages(self, path: str, params: dict | None = None, *, headers: dict | None = None,
                   cancel: threading.Event | None = None) -> Iterator[list[dict]]:
        """Each page's `value` list, following @odata.nextLink verbatim. Headers go to every page
        (ConsistencyLevel is not carried over by Graph itself)."""
        url: str | None = path
        while url:
            if (cancel or self.cancel) is not None and (cancel or self.cancel).is_set():
                raise Cancelled()
            page = self.get(url, params, headers=headers, cancel=cancel)
            yield page.get("value") or []
            url, params = page.get("@odata.nextLink"), None

    # --- internals used by _Call -----------------------------------------------------------
    def _backoff(self, attempt: int) -> float:
        return backoff(attempt, self.policy.backoff_base, self.policy.backoff_cap, rng=self._rng)

    def _throttled(self, seconds: float, scope: str | None) -> None:
        self.throttled_until = max(self.throttled_until, time.monotonic() + seconds)
        log.info("Graph asked us to pause for %.1f s (scope %s)", seconds, scope or "unknown")
        if self.on_throttle is not None:
            self.on_throttle(seconds, scope)


class _Call:
    """One logical request and its attempts."""

    def __init__(self, client: GraphClient, method: str, url: str, params, body, headers,
                 cancel: threading.Event | None, retry: bool, repeat_is_safe: bool) -> None:
        self.client, self.method, self.url, self.params, self.body = client, method, url, params, body
        self.headers = dict(headers or {})
        self.headers["client-request-id"] = str(uuid.uuid4())
        self.cancel, self.retry, self.safe = cancel, retry, repeat_is_safe
        self.failures = 0
        self.throttled = 0
        self.refreshed = False
        self.hand_back: frozenset[int] = frozenset()

    def run(self) -> requests.Response:
        while True:
            self._check_cancel()
            try:
                resp = self._send()
            except requests.exceptions.SSLError:
                raise GraphNetworkError("tls_verify_failed", "the Graph server's certificate is not trusted",
                                        sent=False) from None
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
                self._after_network_error(exc)
                continue
            except AuthError as exc:
                self._after_login_error(exc)
                continue
            wait = self._wait_for(resp)
            if wait is None:
                return resp
            resp.close()
            self._sleep(wait)

    def _send(self) -> requests.Response:
        client = self.client
        token = client.tokens.token()
        self.headers["Authorization"] = f"Bearer {token.value}"
        started = time.perf_counter()
        resp = client.session.request(self.method, self.url, params=self.params, json=self.body,
                                      headers=self.headers)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s %s -> %s in %.0f ms", self.method, urlsplit(self.url).path, resp.status_code,
                      (time.perf_counter() - started) * 1000)
        return resp

    def _after_network_error(self, exc: Exception) -> None:
        sent = not _not_sent(exc)
        name = type(exc).__name__
        if sent and not self.safe:
            raise AmbiguousOutcome(f"{self.method} sent but no answer ({name})") from None
        self.failures += 1
        if not self.retry or self.failures >= self.client.policy.max_attempts:
            raise GraphNetworkError("network_error", f"no answer from Graph ({name})", sent=sent) from None
        log.info("%s %s: %s, retrying", self.method, urlsplit(self.url).path, name)
        self._sleep(self.client._backoff(self.failures))

    def _after_login_error(self, exc: AuthError) -> None:
        """A token refresh failed on the way (nothing went to Graph): retry only passing troubles."""
        self.failures += 1
        policy = self.client.policy
        if exc.code not in (AuthCode.NETWORK, AuthCode.LOGIN_UNAVAILABLE) or not self.retry \
                or self.failures >= policy.max_attempts:
            raise exc
        log.info("Token refresh failed (%s), retrying", exc.code.value)
        self._sleep(max(policy.login_retry_wait, self.client._backoff(self.failures)))

    def _wait_for(self, resp: requests.Response) -> float | None:
        """Seconds to wait before retrying this response, or None to hand it back."""
        status = resp.status_code
        if status == 401 and not self.refreshed:
            self.refreshed = True
            self.client.tokens.invalidate()
            return 0.0
        if not self.retry or status in self.hand_back \
                or status not in NOT_PROCESSED and not (status in TRANSIENT and self.safe):
            return None
        policy = self.client.policy
        retry_after = parse_retry_after(resp.headers.get("Retry-After"), policy.max_retry_after)
        if status == 429:
            self.throttled += 1
            if self.throttled > policy.max_throttled:
                return None
            wait = retry_after if retry_after is not None else self.client._backoff(self.throttled)
            self.client._throttled(wait, resp.headers.get("x-ms-throttle-scope"))
            return wait
        self.failures += 1
        if self.failures >= policy.max_attempts:
            return None
        log.info("%s %s -> %s, retrying", self.method, urlsplit(self.url).path, status)
        return retry_after if retry_after is not None else self.client._backoff(self.failures)

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()

    def _sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        event = self.cancel or threading.Event()
        if event.wait(seconds):
            raise Cancelled()


def _not_sent(exc: Exception) -> bool:
    """True when the request surely never reached the server (no connection was made)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    reason = exc.args[0] if exc.args else None
    reason = getattr(reason, "reason", reason)  # urllib3's MaxRetryError wraps the cause
    return isinstance(reason, urllib3.exceptions.NewConnectionError)


def _json_or_none(resp: requests.Response) -> object:
    try:
        return resp.json()
    except ValueError:
        return None
