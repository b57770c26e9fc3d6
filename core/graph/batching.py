"""JSON batching for the write side (graph-facts §3): at most 20 inner requests per POST /$batch, each
answered (and throttled) on its own. Transport only: building requests, sending a batch, reading current
values, classifying refusals. What a run does with the answers is core/run/writer.py's business.

The request builders are the only places a write is shaped. `patch_request` refuses any property other
than onPremisesImmutableId (architecture.md, safety rules); `clear_request` can only send null; and
`swap_request` (the federated-domain UPN swap, graph-facts §11, core/run/swap.py) is the one builder that may
carry userPrincipalName — with nothing else but onPremisesImmutableId.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from core.graph.client import GraphClient, GraphError, RetryPolicy
from core.graph.retry import backoff, parse_retry_after

ALLOWED_PROPERTY = "onPremisesImmutableId"
MAX_BATCH = 20  # Graph's limit per $batch
CURRENT_SELECT = "id,onPremisesImmutableId"
_OBJECT_ID = re.compile(r"^[0-9A-Za-z-]{1,64}$")  # a GUID in practice; never a path or a query
READ_ROUNDS = 10  # rounds of retrying throttled/failed reads before giving up on a user
# A read Graph failed without a Retry-After (a 503, a lost answer) is read again after a short, doubling,
# jittered wait: reads are idempotent and count against no write quota, so a run's end need not idle a
# second or two on the client's write-sized backoff (the 2,000-user faulted benchmark's read-back did).
# About 0.1, 0.2, 0.4 … 8 s: ten rounds ride out some 30 s of trouble at most before the users stay unread.
READ_RETRY_S, READ_RETRY_CAP_S = 0.1, 8.0
_READ_AGAIN = (500, 502, 503, 504)  # a failed read batch: its users are read again (read_current)


class ForbiddenWrite(ValueError):
    """Something other than a plain onPremisesImmutableId update was about to be built."""


def _check_id(object_id: str) -> str:
    if not isinstance(object_id, str) or not _OBJECT_ID.match(object_id):
        raise ForbiddenWrite(f"not an object id: {object_id!r}")
    return quote(object_id, safe="-")


def patch_request(request_id: str, object_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """One inner PATCH /users/{id}. Refuses any body but {"onPremisesImmutableId": <str>}."""
    if not isinstance(body, dict) or set(body) != {ALLOWED_PROPERTY}:
        raise ForbiddenWrite(f"only {ALLOWED_PROPERTY} may be written, not {sorted(body)!r}")
    value = body[ALLOWED_PROPERTY]
    if not isinstance(value, str) or not value:
        raise ForbiddenWrite("the new ImmutableId must be a non-empty string (this tool never clears one)")
    return {"id": request_id, "method": "PATCH", "url": f"/users/{_check_id(object_id)}",
            "headers": {"Content-Type": "application/json"}, "body": {ALLOWED_PROPERTY: value}}


def clear_request(request_id: str, object_id: str) -> dict[str, Any]:
    """One inner PATCH /users/{id} that clears the ImmutableId (undo, graph-facts §11): the body is exactly
    {"onPremisesImmutableId": null} and can be nothing else — there is no body parameter to misuse."""
    return {"id": request_id, "method": "PATCH", "url": f"/users/{_check_id(object_id)}",
            "headers": {"Content-Type": "application/json"}, "body": {ALLOWED_PROPERTY: None}}


UPN_PROPERTY = "userPrincipalName"
_UPN = re.compile(r"^[^@\s/?#%]{1,64}@[A-Za-z0-9.-]{1,255}$")  # alias@domain; never a path or a query
KEEP = object()  # swap_request: the ImmutableId is not part of this PATCH


def swap_request(request_id: str, object_id: str, upn: str, value: Any = KEEP) -> dict[str, Any]:
    """One inner PATCH /users/{id} of the UPN swap: {"userPrincipalName": upn}, plus onPremisesImmutableId
    (a non-empty string to set, None to clear) when `value` is given. Nothing else can be built here."""
    if not isinstance(upn, str) or not _UPN.match(upn):
        raise ForbiddenWrite(f"not a user principal name: {upn!r}")
    body: dict[str, Any] = {UPN_PROPERTY: upn}
    if value is not KEEP:
        if value is not None and (not isinstance(value, str) or not value):
            raise ForbiddenWrite("the ImmutableId must be a non-empty string, or None to clear it")
        body[ALLOWED_PROPERTY] = value
    return {"id": request_id, "method": "PATCH", "url": f"/users/{_check_id(object_id)}",
            "headers": {"Content-Type": "application/json"}, "body": body}


def get_request(request_id: str, object_id: str, select: str = CURRENT_SELECT) -> dict[str, Any]:
    return {"id": request_id, "method": "GET",
            "url": f"/users/{_check_id(object_id)}?$select={select}"}


@dataclass
class InnerResponse:
    id: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)

    @property
    def retry_after(self) -> float | None:
        """Seconds this inner answer asked us to wait (capped as the client caps its own), or None."""
        return parse_retry_after(self.header("Retry-After"), RetryPolicy.max_retry_after)

    def error(self) -> GraphError:
        return GraphError.from_body(self.status, self.body, self.headers)


def send_batch(graph: GraphClient, requests: list[dict[str, Any]], *, idempotent: bool = False,
               cancel: threading.Event | None = None, hand_back: Collection[int] = ()) -> dict[str, InnerResponse]:
    """POST /$batch; the inner responses by id. The envelope's own 429/503 are retried by the client
    (unless in `hand_back`); a lost answer raises AmbiguousOutcome (unless `idempotent`); other envelope
    errors raise GraphError (with its retry_after)."""
    if not 0 < len(requests) <= MAX_BATCH:
        raise ValueError(f"a batch holds 1 to {MAX_BATCH} requests")
    resp = graph.request("POST", "/$batch", json={"requests": requests}, retry_unsafe=idempotent,
                         cancel=cancel, hand_back=hand_back)
    if resp.status_code != 200:
        raise GraphError.from_response(resp)
    out: dict[str, InnerResponse] = {}
    for item in (resp.json() or {}).get("responses") or []:
        rid = str(item.get("id"))
        out[rid] = InnerResponse(rid, int(item.get("status") or 0), dict(item.get("headers") or {}),
                                 item.get("body"))
    return out


def chunks(items: list[Any], size: int = MAX_BATCH) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class ReadFailed(Exception):
    """Current values of some users could not be read (they must not be written blindly)."""

    def __init__(self, ids: list[str], error: str) -> None:
        super().__init__(f"could not read {len(ids)} users: {error}")
        self.ids, self.error = ids, error


@dataclass
class ReadPass:
    """One pass of $batch GETs (read_once)."""

    values: dict[str, str | None]            # read: the value, None (not set) or MISSING (no such user)
    unread: list[str] = field(default_factory=list)  # throttled, failed, or in a batch the service refused
    wait: float = 0.0                        # the longest 429 Retry-After among the unread (0: none)
    error: str = ""                          # why the last of them was not read


def read_once(graph: GraphClient, object_ids: list[str], cancel: threading.Event | None = None,
              hand_back: Collection[int] = (), retry_drops: bool = True, select: str = CURRENT_SELECT) -> ReadPass:
    """The live onPremisesImmutableId of each user, one pass of $batch GETs (20 per batch), no waiting of
    its own: users not read are listed with how long to wait. A batch refused with a status in
    `hand_back` (e.g. 503: not processed), or whose answer was lost when not `retry_drops`, leaves its
    users unread instead of being waited out by the client. With another `select`, each value is the
    user's properties as read (a dict) instead of its ImmutableId."""
    result = ReadPass({})
    whole = select != CURRENT_SELECT
    for chunk in chunks(object_ids):
        try:
            answers = send_batch(graph, [get_request(str(i), oid, select) for i, oid in enumerate(chunk)],
                                 idempotent=retry_drops, cancel=cancel, hand_back=hand_back)
        except GraphError as exc:
            dropped = exc.status == 0 and getattr(exc, "sent", True) and not retry_drops
            if exc.status not in hand_back and not dropped:
                raise
            result.unread += chunk
            result.wait = max(result.wait, honoured_wait(exc.status, exc.retry_after))
            result.error = f"HTTP {exc.status}" if exc.status else exc.code
            continue
        for i, oid in enumerate(chunk):
            _take_answer(result, oid, answers.get(str(i)), whole)
    return result


def _take_answer(result: ReadPass, oid: str, inner: InnerResponse | None, whole: bool = False) -> None:
    if inner is not None and inner.status == 200 and isinstance(inner.body, dict):
        result.values[oid] = inner.body if whole else inner.body.get(ALLOWED_PROPERTY)
    elif inner is not None and inner.status == 404:
        result.values[oid] = MISSING
    else:
        result.unread.append(oid)
        result.error = f"HTTP {inner.status}" if inner is not None else "no answer"
        result.wait = max(result.wait, honoured_wait(inner.status, inner.retry_after) if inner is not None else 0.0)


def read_current(graph: GraphClient, object_ids: list[str], cancel: threading.Event | None = None,
                 select: str = CURRENT_SELECT) -> dict[str, Any]:
    """The live onPremisesImmutableId of each user (None: not set; MISSING: the user no longer exists),
    by $batch GETs, 20 per batch — or, with another `select`, the user's properties as read (a dict; the
    UPN swap reads UPN and mail too). Throttled or failed inner reads are retried a few rounds (a 429's
    Retry-After, else READ_RETRY_S doubling: a refused or lost batch is handed back, not waited out by the
    client); raises ReadFailed for users that stay unread."""
    values: dict[str, Any] = {}
    todo, error = list(object_ids), ""
    wait = _Waiter(cancel)
    for n in range(READ_ROUNDS):
        done = read_once(graph, todo, cancel, hand_back=_READ_AGAIN, retry_drops=False, select=select)
        values.update(done.values)
        if not done.unread:
            return values
        todo, error = done.unread, done.error
        wait(done.wait or read_retry_wait(n))
    raise ReadFailed(todo, error)


def honoured_wait(status: int, retry_after: float | None) -> float:
    """The wait a failed answer asks for that we keep to, for reads and writes alike: a 429's Retry-After
    (graph-facts §4). A 5xx's is not relied on (facts.UNCONFIRMED["retry_after_on_503"]): a read is made
    again after read_retry_wait, a write resent in the next free quota slot (core/run/writer.py)."""
    return (retry_after or 0.0) if status == 429 else 0.0


def read_retry_wait(round_: int) -> float:
    """Seconds before reading users again after round `round_` (from 0) failed without a Retry-After."""
    return backoff(round_, base=READ_RETRY_S, cap=READ_RETRY_CAP_S, floor=READ_RETRY_S / 2)


MISSING = "\x00missing"  # read_current's marker for a user that no longer exists (404)


class _Waiter:
    def __init__(self, cancel: threading.Event | None) -> None:
        self._event = cancel or threading.Event()

    def __call__(self, seconds: float) -> None:
        self._event.wait(min(seconds, 30.0))


def classify_failure(inner: InnerResponse) -> tuple[str, dict[str, str]]:
    """(reason code, args) for a write Graph refused: the code is the admin hint's (message_table
    .WRITE_HINTS); args keep Graph's own code and message for the report's detail."""
    err = inner.error()
    text = err.message.lower()
    if inner.status == 403:
        reason = "privileged_user"
    elif err.inner_code == "ObjectConflict" or "already exists" in text:
        reason = "object_conflict"
    elif "on-premises mastered" in text:
        reason = "synced_user"
    elif "federateduser.sourceanchor" in text or "federated" in text:
        reason = "federated_user"
    elif inner.status == 404:
        reason = "user_deleted"
    else:
        reason = "graph_error"
    code = err.code + (f"/{err.inner_code}" if err.inner_code and err.inner_code != err.code else "")
    return reason, {"code": code, "message": err.message}
