"""Worker jobs for "Create it for me" and "Renew the secret" (issue 9): core.graph.signin + core.setup.appreg on the
worker thread. Progress goes out as ("step", code, values), ("url", address) and ("no_browser", address)
when no browser could be opened; those are sent with keep=True so a later step cannot coalesce them away.
Every step honours the worker's cancel event (the sign-in's listener, Graph's retries, the wait until
ready): a cancelled job ends within moments with a SignInError/AppRegError naming what exists."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from core import logsetup
from core.graph.connection import Connection
from core.graph.signin import sign_in
from core.setup.appreg import AppRegError, NewApp, Options, create, remove_old_secret, renew, wait_until_ready
from core.setup.secrets import SecretStore


@dataclass
class AppRegOutcome:
    app: NewApp = field(repr=False)
    stored: bool  # True: in the keyring; False: memory only (the admin must copy it now)
    removed_old: int = 0


def _reporter(progress: Callable[..., None]) -> Callable[[str, dict], None]:
    return lambda code, values: progress(("step", code, dict(values)))


def _signed_in(base: Connection, progress: Callable[..., None], sign_in_options: dict[str, Any],
               cancel: threading.Event):
    progress(("step", "appreg_signin", {}), True)
    return sign_in(base, lambda url: progress(("url", url), True), cancel=cancel,
                   no_browser=lambda url: progress(("no_browser", url), True), **sign_in_options)


def create_job(base: Connection, options: Options, store: SecretStore, save: Callable[[Connection], Any],
               sign_in_options: dict[str, Any] | None = None):
    """Sign in, create, keep the secret (keyring, else this session's memory), save, wait until ready.
    The secret is kept before the wait, so a slow replication never loses it."""
    def job(progress: Callable[..., None], cancel: threading.Event) -> AppRegOutcome:
        signed = _signed_in(base, progress, sign_in_options or {}, cancel)
        start = replace(base, tenant=signed.tenant_id or base.tenant, client_id="")
        new = create(start, signed.token, options, _reporter(progress), cancel=cancel)
        outcome = _keep(new, store, save)
        wait_until_ready(new.connection, new.secret.value, _reporter(progress), created=new.created, cancel=cancel,
                         stopped_code="appreg_stopped_kept")
        return outcome
    return job


def renew_job(conn: Connection, years: int, remove_old: bool, store: SecretStore,
              save: Callable[[Connection], Any], sign_in_options: dict[str, Any] | None = None):
    """Add a secret, prove it, keep it, and remove the old one only when asked."""
    def job(progress: Callable[..., None], cancel: threading.Event) -> AppRegOutcome:
        signed = _signed_in(conn, progress, sign_in_options or {}, cancel)
        old = store.credential_for(conn)
        new = renew(conn, signed.token, _reporter(progress), years=years, old_secret=old, cancel=cancel)
        wait_until_ready(new.connection, new.secret.value, _reporter(progress), created=new.created,
                         timeout_code="appreg_renew_not_proven", cancel=cancel)
        outcome = _keep(new, store, save)
        store.forget_replaced(conn, new.connection)
        if remove_old and new.old_key_ids:
            outcome.removed_old = remove_old_secret(conn, signed.token, new)
        return outcome
    return job


def _keep(new: NewApp, store: SecretStore, save: Callable[[Connection], Any]) -> AppRegOutcome:
    logsetup.register_secret(new.secret.value)
    stored = store.keep_credential(new.connection, new.secret.value)
    if not stored and new.secret.is_certificate:  # a private key is never shown: nothing could sign in
        raise AppRegError("appreg_keyring_failed_certificate", new.created, client_id=new.connection.client_id,
                          name=new.name)
    save(new.connection)
    return AppRegOutcome(new, stored)
