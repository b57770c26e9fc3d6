"""The federation run (issue 18 §1, graph-facts §15): federate a domain with the school's IdP, or take it back
to managed, as a kind of run on the one lifecycle (core/run/folders `RunKind.FEDERATE` / `FEDERATE_UNDO`):
a run folder, the one journal header, each write journalled before it is sent and after, and `report.csv`
(one row per step) and `summary.json` written whatever happens — cancel, a fatal stop, or a bug.

Steps, each driven by what the tenant holds now (so a rerun after a killed run recognises the state):
  federate: read  → post (skipped when the domain already holds exactly this federation: verify only)
                  → readback (field by field) → realm (the home-realm endpoint says Federated with the IdP's URL)
  undo:     read  → delete (skipped when the domain is already managed) → readback (no configuration)
                  → realm (Managed).
The writes go out with the signed-in admin's delegated token (`graph`); the realm read is public.
No Qt, no printing, no prompting."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from core import __version__, paths
from core.exits import EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED
from core.federation.domains import FEDERATION_ROLES, FederationConfig, read_configuration
from core.federation.realm import (
    DEFAULT_TIMEOUT_S,
    FEDERATED,
    MANAGED,
    POLL_INTERVAL_S,
    RealmProgress,
    wait_for_realm,
)
from core.graph.auth import AccessToken, decode_claims
from core.graph.client import GraphClient, GraphError
from core.graph.connection import Connection
from core.run.folders import REPORT_FILE, SUMMARY_FILE, RunKind
from core.run.journal import Journal, JournalBusy
from core.run.report import write_summary

log = logging.getLogger(__name__)

# what the read-back compares, body field -> FederationConfig attribute
COMPARED = {"issuerUri": "issuer_uri", "passiveSignInUri": "passive_sign_in_uri",
            "signingCertificate": "signing_certificate", "nextSigningCertificate": "next_signing_certificate",
            "preferredAuthenticationProtocol": "preferred_protocol", "federatedIdpMfaBehavior": "mfa_behavior"}
STEPS = ("read", "write", "readback", "realm")
# step statuses (report.csv `status`)
DONE, SKIPPED, FAILED, CANCELLED, TIMED_OUT, NOT_ATTEMPTED = (
    "done", "skipped", "failed", "cancelled", "timed_out", "not_attempted")


class FixedToken:
    """The signed-in admin's delegated token for GraphClient (it has no refresh: a run is minutes long)."""

    def __init__(self, token: str) -> None:
        claims = decode_claims(token)
        self._token = AccessToken(token, frozenset(), claims.get("tid"), claims.get("appid"),
                                  float(claims.get("exp") or 0))

    def token(self) -> AccessToken:
        return self._token

    def invalidate(self) -> None:
        """Nothing to refresh: a 401 is handed back to the caller."""


def may_federate(token: str) -> bool:
    """False when the signed-in admin's token names its directory roles (`wids`) and none may federate a
    domain (graph-facts §15): refused before anything is written. A token without `wids` is left to Graph."""
    wids = decode_claims(token).get("wids")
    return not isinstance(wids, list) or bool(set(wids) & set(FEDERATION_ROLES))


@dataclass
class FederationSpec:
    conn: Connection
    domain: str
    kind: RunKind = RunKind.FEDERATE
    body: dict[str, Any] = field(default_factory=dict)   # federate: core.federation.domains.configuration_body
    tenant_id: str | None = None
    admin_upn: str | None = None            # who signed in to write
    probe_upn: str | None = None            # whose home realm is read (any name in the domain answers)
    face: str = "cli"
    readiness: list[dict[str, Any]] = field(default_factory=list)  # the rows the admin was shown
    realm_timeout_s: float = DEFAULT_TIMEOUT_S
    realm_interval_s: float = POLL_INTERVAL_S

    @property
    def folder_label(self) -> str:
        return self.kind.value

    @property
    def expected_realm(self) -> str:
        return FEDERATED if self.kind is RunKind.FEDERATE else MANAGED


@dataclass
class Step:
    name: str
    status: str = NOT_ATTEMPTED
    detail: str = ""


@dataclass
class FederationResult:
    steps: list[Step]
    started: datetime
    finished: datetime | None = None
    cancelled: bool = False
    fatal: str | None = None
    writes_sent: int = 0
    differences: list[str] = field(default_factory=list)
    config: FederationConfig | None = None

    def step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for s in self.steps:
            counts[s.status] = counts.get(s.status, 0) + 1
        return counts

    @property
    def verified(self) -> bool:
        return all(s.status in (DONE, SKIPPED) for s in self.steps)

    @property
    def exit_code(self) -> int:
        if self.fatal:
            return EXIT_CANNOT_CONNECT
        if self.cancelled:
            return EXIT_CANCELLED
        return EXIT_OK if self.verified else EXIT_SOME_FAILED


@dataclass
class FederationOutcome:
    result: FederationResult
    run_dir: Path
    files: list[Path]


Progress = Callable[[str, RealmProgress | None], None]


class RunBusy(RuntimeError):
    def __init__(self, run_dir: Path) -> None:
        super().__init__(f"another run is writing this run folder: {run_dir}")
        self.run_dir = run_dir


def journal_header(spec: FederationSpec) -> dict[str, Any]:
    """The one header (contracts.md, the journal) with what a federation run is about; never a token."""
    body = spec.body
    return {"kind": spec.kind.value, "tenant": spec.conn.tenant, "tenant_id": spec.tenant_id,
            "client_id": spec.conn.client_id, "to_write": 1, "dry_run": False, "face": spec.face,
            "tool_version": __version__, "domain": spec.domain, "admin": spec.admin_upn,
            "issuer": body.get("issuerUri"), "sign_in_url": body.get("passiveSignInUri"),
            "mfa_behavior": body.get("federatedIdpMfaBehavior")}


def execute_federation(spec: FederationSpec, graph: GraphClient, *, session: Any = None,
                       progress: Progress | None = None, cancel: threading.Event | None = None) -> FederationOutcome:
    """Run the steps and leave the run folder complete whatever happens."""
    try:
        journal = Journal(paths.new_run_dir(spec.conn.tenant, spec.folder_label), journal_header(spec))
    except JournalBusy:  # a fresh folder is never busy; kept for the lifecycle's contract
        raise RunBusy(Path()) from None
    cancel = cancel or threading.Event()
    result = FederationResult([Step(name) for name in STEPS], datetime.now(UTC))
    say = progress or (lambda _stage, _realm: None)
    try:
        _steps(spec, graph, journal, result, session, say, cancel)
    except GraphError as exc:
        result.fatal = f"graph_{exc.status}_{exc.code}"
        _fail_current(result, f"{exc.status} {exc.code}")
    except Exception as exc:  # a bug: the run folder still tells the truth
        log.exception("federation run stopped by an unexpected error")
        result.fatal = f"internal_error:{type(exc).__name__}"
        _fail_current(result, result.fatal)
    finally:
        result.finished = datetime.now(UTC)
        _end(journal, result)
    return FederationOutcome(result, journal.run_dir, write_files(spec, result, journal.run_dir))


def _steps(spec: FederationSpec, graph: GraphClient, journal: Journal, result: FederationResult, session: Any,
           say: Progress, cancel: threading.Event) -> None:
    say("read", None)
    before = read_configuration(graph, spec.domain, cancel=cancel)
    result.step("read").status, result.step("read").detail = DONE, _describe(before)
    if spec.kind is RunKind.FEDERATE:
        _federate(spec, graph, journal, result, before)
    else:
        _unfederate(spec, graph, journal, result, before)
    if result.step("readback").status != DONE:
        return
    if cancel.is_set():
        result.cancelled = True
        result.step("realm").status = CANCELLED
        return
    say("realm", None)
    _realm(spec, result, session, say, cancel)


def _federate(spec: FederationSpec, graph: GraphClient, journal: Journal, result: FederationResult,
              before: FederationConfig | None) -> None:
    write = result.step("write")
    if before is not None and not differences(before, spec.body):
        write.status, write.detail = SKIPPED, "already_federated_with_this_idp"
    elif before is not None:  # readiness refuses this; the tenant may have changed since
        write.status, write.detail = FAILED, "federated_differently:" + ",".join(differences(before, spec.body))
        return
    else:
        if not _journalled_write(spec.domain, graph, journal, result, write, "POST", _path(spec.domain),
                                 "POST federationConfiguration", (201,), "posted", body=spec.body):
            return
    after = read_configuration(graph, spec.domain)
    result.config = after
    readback = result.step("readback")
    result.differences = differences(after, spec.body) if after is not None else ["missing"]
    readback.status = FAILED if result.differences else DONE
    readback.detail = "equal" if not result.differences else "differs:" + ",".join(result.differences)


def _journalled_write(domain: str, graph: GraphClient, journal: Journal, result: FederationResult, write: Any,
                      method: str, path: str, intent: str, ok: tuple[int, ...], done: str,
                      body: dict | None = None) -> bool:
    """The one write of a federation run: the intent is on disk before the request leaves (kill -9 safe), never
    retried blindly (a resent POST could federate twice), its outcome journalled either way."""
    journal.intent(domain, intent)
    journal.sync()
    answer = graph.request(method, path, json=body, retry_unsafe=False)
    result.writes_sent += 1
    if answer.status_code not in ok:
        detail = _graph_error(answer)
        journal.outcome(domain, FAILED, detail)
        write.status, write.detail = FAILED, detail
        return False
    journal.outcome(domain, DONE, done)
    write.status, write.detail = DONE, done
    return True


def _unfederate(spec: FederationSpec, graph: GraphClient, journal: Journal, result: FederationResult,
                before: FederationConfig | None) -> None:
    write = result.step("write")
    if before is None:
        write.status, write.detail = SKIPPED, "already_managed"
    else:
        if not _journalled_write(spec.domain, graph, journal, result, write, "DELETE",
                                 f"{_path(spec.domain)}/{quote(before.id, safe='')}",
                                 f"DELETE federationConfiguration/{before.id}", (204, 404), "deleted"):
            return
    after = read_configuration(graph, spec.domain)
    result.config = after
    readback = result.step("readback")
    readback.status, readback.detail = (DONE, "managed") if after is None else (FAILED, "still_federated")


def _realm(spec: FederationSpec, result: FederationResult, session: Any, say: Progress,
           cancel: threading.Event) -> None:
    probe = spec.probe_upn or f"someone@{spec.domain}"
    wait = wait_for_realm(spec.conn.login_base, probe, spec.expected_realm, spec.body.get("passiveSignInUri"),
                          session=session, timeout_s=spec.realm_timeout_s, interval_s=spec.realm_interval_s,
                          progress=lambda p: say("realm", p), cancel=cancel)
    step = result.step("realm")
    seen = wait.last.namespace_type if wait.last else (wait.error or "unread")
    if wait.reached:
        step.status, step.detail = DONE, f"{spec.expected_realm} after {round(wait.elapsed_s)} s"
    elif wait.cancelled:
        step.status, step.detail, result.cancelled = CANCELLED, f"last seen {seen}", True
    else:
        step.status, step.detail = TIMED_OUT, f"last seen {seen} after {round(wait.elapsed_s)} s"


def differences(config: FederationConfig, body: dict[str, Any]) -> list[str]:
    """The fields of `body` the configuration does not hold as sent (certificates compared without spaces;
    a next certificate not sent must not be there either)."""
    found = []
    for name, attr in COMPARED.items():
        sent = body.get(name)
        held = getattr(config, attr)
        if name.endswith("Certificate"):
            sent = "".join(str(sent).split()) if sent else None
        if (sent or None) != (held or None):
            found.append(name)
    return found


def _path(domain: str) -> str:
    return f"/domains/{quote(domain, safe='')}/federationConfiguration"


def _graph_error(answer: Any) -> str:
    try:
        code = answer.json().get("error", {}).get("code") or ""
    except ValueError:
        code = ""
    return f"{answer.status_code} {code}".strip()


def _describe(config: FederationConfig | None) -> str:
    return "managed" if config is None else f"federated:{config.issuer_uri}"


def _fail_current(result: FederationResult, detail: str) -> None:
    step = next((s for s in result.steps if s.status == NOT_ATTEMPTED), None)
    if step is not None:
        step.status, step.detail = FAILED, detail


def _end(journal: Journal, result: FederationResult) -> None:
    try:
        journal.end(result.counts(), cancelled=result.cancelled)
    except (OSError, ValueError):
        log.warning("could not end the journal", exc_info=True)
    finally:
        journal.close()


def write_files(spec: FederationSpec, result: FederationResult, run_dir: Path) -> list[Path]:
    """report.csv (step, status, detail) and summary.json, as every kind of run writes them."""
    import csv

    report = run_dir / REPORT_FILE
    with report.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(["step", "status", "detail"])
        writer.writerows([s.name, s.status, s.detail] for s in result.steps)
    # total_users stays what it means in every summary (users the run could change): none — the run
    # changes the domain; `counts` and `total_steps` count its steps.
    extra = {"total_users": 0, "total_steps": len(result.steps), "kind": spec.kind.value, "face": spec.face, "domain": spec.domain, "admin": spec.admin_upn,
             "cancelled": result.cancelled, "fatal": result.fatal, "writes_sent": result.writes_sent,
             "verified": result.verified, "steps": [asdict(s) for s in result.steps],
             "differences": result.differences, "readiness": spec.readiness, "run_folder": str(run_dir),
             "federation": {k: v for k, v in spec.body.items() if not k.endswith("Certificate")}}
    summary = write_summary(result, run_dir / SUMMARY_FILE, tenant=spec.conn.tenant, client_id=spec.conn.client_id,
                            command=spec.kind.value, extra=extra)
    return [report, summary]
