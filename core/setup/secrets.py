"""The client secret — or a certificate's private key (graph-facts §16) — in the OS keyring when there is a
usable one, else in memory for this session only.

Never a file. A certificate's key is stored under `<tenant>/<client id>/cert-<THUMBPRINT>` in the compact
form of core/setup/certificates.py (Windows Credential Manager's entries are too small for a PEM key). A machine without a keyring backend (headless Linux, some CI) gets a plain answer
(`persistent=False`, `unavailable_reason`) instead of a crash.
"""

from __future__ import annotations

import logging
import threading
from types import ModuleType

from core import logsetup

SERVICE = "immutableid-sync"
ENV_SECRET = "IMMUTABLEID_SYNC_CLIENT_SECRET"  # noqa: S105 (the variable's name, not a secret)
log = logging.getLogger(__name__)

# unavailable_reason codes (text in core.messages)
NO_BACKEND = "keyring_no_backend"
BACKEND_ERROR = "keyring_error"


def username(tenant: str, client_id: str) -> str:
    return f"{tenant.strip().lower()}/{client_id.strip().lower()}"


def certificate_username(tenant: str, client_id: str, thumbprint: str) -> str:
    return f"{username(tenant, client_id)}/cert-{thumbprint.strip().upper()}"


def _keyring() -> ModuleType:
    """keyring, imported on first use: it costs a CLI run ~40 ms at start (its backends' modules), and a run
    whose secret comes from its profile file never asks it."""
    import keyring
    import keyring.errors  # noqa: F401 — PasswordDeleteError, below

    return keyring


def _backend_unusable(backend: object) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return True
    # The chainer with nothing to chain silently drops every set_password.
    return isinstance(backend, chainer.ChainerBackend) and not backend.backends


class SecretStore:
    """get/set/delete per tenant + client id. Keep one instance per process (the memory copy lives here)."""

    def __init__(self) -> None:
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        self.unavailable_reason: str | None = None
        try:
            if _backend_unusable(_keyring().get_keyring()):
                self.unavailable_reason = NO_BACKEND
        except Exception:  # keyring can raise while choosing a backend (broken D-Bus, etc.)
            self.unavailable_reason = BACKEND_ERROR
        if self.unavailable_reason:
            log.warning("No usable keyring (%s): the secret is kept in memory for this session only",
                        self.unavailable_reason)

    @property
    def persistent(self) -> bool:
        return self.unavailable_reason is None

    def get(self, tenant: str, client_id: str) -> str | None:
        return self._get(username(tenant, client_id))

    def set(self, tenant: str, client_id: str, secret: str) -> bool:
        """Store the secret. Returns True when it was saved in the keyring, False when only in memory."""
        return self._set(username(tenant, client_id), secret)

    def delete(self, tenant: str, client_id: str) -> bool:
        """Forget the secret. Returns True if there was one (in the keyring or in memory)."""
        return self._delete(username(tenant, client_id))

    def credential_for(self, conn) -> str | None:  # conn: core.graph.connection.Connection
        """What the connection signs in with: its certificate's key (PEM) when it names a thumbprint, else
        its client secret; None when this computer has neither."""
        if conn.cert_thumbprint:
            return self.get_certificate_key(conn.tenant, conn.client_id, conn.cert_thumbprint)
        return self.get(conn.tenant, conn.client_id)

    def keep_credential(self, conn, value: str) -> bool:  # conn: core.graph.connection.Connection
        """Store what the connection signs in with: the certificate's key when it names a thumbprint, else
        the client secret. True = in the keyring, False = memory only."""
        if conn.cert_thumbprint:
            return self.set_certificate_key(conn.tenant, conn.client_id, conn.cert_thumbprint, value)
        return self.set(conn.tenant, conn.client_id, value)

    def forget_replaced(self, old, new) -> None:  # old/new: core.graph.connection.Connection
        """After a renewal is kept: the replaced certificate's key goes from the keyring (a secret was simply
        overwritten, being stored under the app's name)."""
        if old.cert_thumbprint and old.cert_thumbprint != new.cert_thumbprint:
            self.delete_certificate_key(old.tenant, old.client_id, old.cert_thumbprint)

    # --- a certificate's private key (§16) --------------------------------------------------------------
    def get_certificate_key(self, tenant: str, client_id: str, thumbprint: str) -> str | None:
        """The PEM private key of the connection's certificate, or None (none stored, or unreadable)."""
        from core.setup.certificates import CertificateError, unpack_private_key

        packed = self._get(certificate_username(tenant, client_id, thumbprint))
        if not packed:
            return None
        try:
            pem = unpack_private_key(packed)
        except CertificateError:
            log.warning("The stored certificate key for %s is not readable", client_id)
            return None
        logsetup.register_secret(pem)
        return pem

    def set_certificate_key(self, tenant: str, client_id: str, thumbprint: str, key_pem: str) -> bool:
        """Store a certificate's private key (PEM). True = in the keyring, False = memory only. Raises
        core.setup.certificates.CertificateError when it is not an RSA private key."""
        from core.setup.certificates import pack_private_key

        logsetup.register_secret(key_pem)
        return self._set(certificate_username(tenant, client_id, thumbprint), pack_private_key(key_pem))

    def delete_certificate_key(self, tenant: str, client_id: str, thumbprint: str) -> bool:
        return self._delete(certificate_username(tenant, client_id, thumbprint))

    # --- one keyring entry ------------------------------------------------------------------------------
    def _get(self, key: str) -> str | None:
        with self._lock:
            if key in self._memory:
                return self._memory[key]
        if not self.persistent:
            return None
        try:
            value = _keyring().get_password(SERVICE, key)
        except Exception as exc:
            self._give_up(exc)
            return None
        if value:
            logsetup.register_secret(value)
            with self._lock:
                self._memory[key] = value
        return value or None

    def _set(self, key: str, secret: str) -> bool:
        logsetup.register_secret(secret)
        with self._lock:
            self._memory[key] = secret
        if not self.persistent:
            return False
        try:
            _keyring().set_password(SERVICE, key, secret)
        except Exception as exc:
            self._give_up(exc)
            return False
        return True

    def _delete(self, key: str) -> bool:
        with self._lock:
            had = self._memory.pop(key, None) is not None
        if not self.persistent:
            return had
        keyring = _keyring()
        try:
            keyring.delete_password(SERVICE, key)
        except keyring.errors.PasswordDeleteError:
            return had
        except Exception as exc:
            self._give_up(exc)
            return had
        return True

    def _give_up(self, exc: Exception) -> None:
        # Only the exception's type is logged: some backends put the item's attributes in messages.
        log.warning("Keyring failed (%s); keeping secrets in memory for this session", type(exc).__name__)
        self.unavailable_reason = BACKEND_ERROR
