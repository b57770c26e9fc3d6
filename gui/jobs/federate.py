"""Worker jobs for the wizard's "Federate the domain with Skolon" step (issue 18 §1): core.federation on the
worker thread. Progress goes out as ("stage", name), ("url", address) — kept, so a later stage cannot
coalesce it away — and ("realm", core.federation.realm.RealmProgress). No rules here: readiness, the role
check, the body and the run are core's."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.federation.domains import DELEGATED_SCOPES, configuration_body
from core.federation.metadata import metadata_trust
from core.federation.readiness import Readiness, check_readiness, pending_swaps_from_journals
from core.federation.run import (
    FederationOutcome,
    FederationSpec,
    FixedToken,
    execute_federation,
    may_federate,
)
from core.graph.client import GraphClient
from core.graph.connection import Connection
from core.graph.http import VerifyingSession
from core.graph.signin import SignInError, sign_in
from core.run.folders import RunKind

Progress = Callable[..., None]


class NotAllowed(Exception):
    """The signed-in admin holds no role that may federate, or the domain is not ready: nothing written."""

    def __init__(self, code: str, upn: str | None = None, readiness: Readiness | None = None) -> None:
        super().__init__(code)
        self.code, self.upn, self.readiness = code, upn, readiness


@dataclass
class Federated:
    outcome: FederationOutcome
    readiness: Readiness | None


def readiness_job(conn: Connection, secret: str | None, domain: str, metadata: str, admin_upn: str | None = None):
    def job(progress: Progress, cancel: threading.Event) -> Readiness:
        return _readiness(conn, secret, domain, metadata, admin_upn, progress, cancel)
    return job


def _readiness(conn: Connection, secret: str | None, domain: str, metadata: str, admin_upn: str | None,
               progress: Progress, cancel: threading.Event) -> Readiness:
    graph = GraphClient.open(conn, secret, cancel=cancel)
    roles = graph.tokens.token().roles
    return check_readiness(graph, domain, metadata, admin_upn=admin_upn, token_roles=roles,
                           verify=metadata_trust(conn, metadata), pending_swaps=pending_swaps_from_journals(),
                           progress=lambda p: progress(("stage", p.stage)), cancel=cancel)


def federate_job(conn: Connection, secret: str | None, domain: str, metadata: str, mfa: str = "accept",
                 kind: RunKind = RunKind.FEDERATE, sign_in_options: dict[str, Any] | None = None,
                 realm_timeout_s: float | None = None, realm_interval_s: float | None = None,
                 on_url: Callable[[str], None] | None = None):
    """Sign the admin in, check the role and readiness again, then the run (core/federation/run.py).
    `on_url`: told the sign-in address on the worker thread (a dialog closing needs it at once)."""
    def job(progress: Progress, cancel: threading.Event) -> Federated:
        def show(url: str) -> None:
            if on_url is not None:
                on_url(url)
            progress(("url", url), True)

        progress(("stage", "signin"), True)
        signed = sign_in(conn, show, scopes=DELEGATED_SCOPES, cancel=cancel, **(sign_in_options or {}))
        if cancel.is_set():
            raise SignInError("signin_cancelled")
        if not may_federate(signed.token):
            raise NotAllowed("federate_role_missing", signed.upn)
        spec = FederationSpec(conn, domain, kind, tenant_id=signed.tenant_id, admin_upn=signed.upn, face="wizard")
        readiness = None
        if kind is RunKind.FEDERATE:
            readiness = _readiness(conn, secret, domain, metadata, signed.upn, progress, cancel)
            if not readiness.passed or readiness.metadata is None:
                raise NotAllowed("federate_not_ready", signed.upn, readiness)
            spec.body = configuration_body(readiness.metadata, mfa=mfa)
            spec.readiness = [{"check": r.check.value, "verdict": r.verdict.value, "code": r.code}
                              for r in readiness.rows]
        if realm_timeout_s is not None:
            spec.realm_timeout_s = realm_timeout_s
        if realm_interval_s is not None:
            spec.realm_interval_s = realm_interval_s
        session = VerifyingSession(conn.verify)
        graph = GraphClient(conn, FixedToken(signed.token), session)
        outcome = execute_federation(spec, graph, session=session, cancel=cancel,
                                     progress=lambda stage, realm: progress(("realm", realm) if realm else
                                                                            ("stage", stage)))
        return Federated(outcome, readiness)
    return job
