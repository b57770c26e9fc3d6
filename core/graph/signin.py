"""One interactive admin sign-in for creating the app registration (graph-facts §10).

MSAL's `acquire_token_interactive` opens the system browser through Python's `webbrowser` (so `BROWSER`
is honoured), listens on a loopback port, and checks PKCE, state and nonce itself. The sign-in address is
also handed to `show_url`, for a browser that does not open. Device code only when asked for: many
tenants block it with Conditional Access."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import msal
import requests

from core.graph.auth import AuthCode, decode_claims, error_from_exception, error_from_result
from core.graph.connection import Connection
from core.graph.http import VerifyingSession

# Microsoft Graph Command Line Tools: accepted by every tenant for these scopes (§10). A setting.
DEFAULT_SIGN_IN_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"
DELEGATED_SCOPES = ("Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "Application.Read.All")
SIGN_IN_TIMEOUT_S = 300
_MSAL_BROWSER_LOG = "msal.oauth2cli.authcode"
_URL_PREFIX = "Open a browser on this device to visit: "


class SignInError(Exception):
    """Sign-in failed; `code` is a key in core.messages. Never holds a token."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail[:300]


@dataclass(frozen=True)
class SignedIn:
    token: str = field(repr=False)
    upn: str | None
    tenant_id: str | None


def sign_in(conn: Connection, show_url: Callable[[str], None], *, client_id: str = DEFAULT_SIGN_IN_CLIENT_ID,
            device_code: bool = False, timeout: int = SIGN_IN_TIMEOUT_S,
            session: requests.Session | None = None, scopes: tuple[str, ...] = DELEGATED_SCOPES) -> SignedIn:
    """Sign the admin in; raises SignInError (tenant_not_found, signin_cancelled, signin_timeout, ...).
    `scopes`: Graph's delegated permissions to ask for (app create's by default; the federation run asks for
    core.federation.domains.DELEGATED_SCOPES)."""
    app = _public_app(conn, client_id, session or VerifyingSession(conn.verify))
    asked = [f"{conn.graph_root}/{name}" for name in scopes]
    try:
        if device_code:
            result = _device_code(app, asked, show_url)
        else:
            with _UrlCatcher(show_url) as catcher:
                result = app.acquire_token_interactive(asked, prompt="select_account", timeout=timeout,
                                                       auth_uri_callback=catcher.show)
    except msal.oauth2cli.oauth2.BrowserInteractionTimeoutError:
        raise SignInError("signin_timeout") from None
    except SignInError:
        raise
    except Exception as exc:
        raise SignInError(_auth_code(error_from_exception(exc).code), type(exc).__name__) from None
    if "access_token" not in result:
        raise _result_error(result, device_code)
    claims = decode_claims(result["access_token"])
    return SignedIn(result["access_token"], claims.get("upn") or claims.get("unique_name"), claims.get("tid"))


def _public_app(conn: Connection, client_id: str, session: requests.Session) -> msal.PublicClientApplication:
    try:
        return msal.PublicClientApplication(client_id, authority=conn.authority, http_client=session,
                                            token_cache=msal.TokenCache(),
                                            instance_discovery=False if conn.custom_login else None)
    except ValueError:  # discovery refused: no such tenant in this cloud (the wrong cloud, or a typo)
        raise SignInError("signin_tenant_not_found") from None
    except Exception as exc:
        raise SignInError(_auth_code(error_from_exception(exc).code), type(exc).__name__) from None


def _device_code(app: msal.PublicClientApplication, scopes: list[str], show: Callable[[str], None]) -> dict:
    flow = app.initiate_device_flow(scopes=scopes)
    if "user_code" not in flow:
        raise SignInError("signin_device_code_blocked", str(flow.get("error_description") or ""))
    show(str(flow["message"]))
    return app.acquire_token_by_device_flow(flow)


def _result_error(result: dict, device_code: bool) -> SignInError:
    if result.get("error") == "access_denied":
        return SignInError("signin_cancelled", str(result.get("error_description") or ""))
    error = error_from_result(result)
    if device_code and error.code == AuthCode.BLOCKED_BY_POLICY:  # Conditional Access blocks device code
        return SignInError("signin_device_code_blocked", error.description)
    return SignInError(_auth_code(error.code), error.description)


def _auth_code(code: AuthCode) -> str:
    return {AuthCode.TENANT_NOT_FOUND: "signin_tenant_not_found", AuthCode.TLS_VERIFY_FAILED: "tls_verify_failed",
            AuthCode.NETWORK: "network_error", AuthCode.BLOCKED_BY_POLICY: "blocked_by_policy"}.get(
        code, "signin_failed")


class _UrlCatcher(logging.Handler):
    """MSAL logs the sign-in address just before opening the browser; pass it on once to `show_url`."""

    def __init__(self, show_url: Callable[[str], None]) -> None:
        super().__init__(logging.INFO)
        self._show_url = show_url
        self._shown: set[str] = set()
        self._lock = threading.Lock()
        self._logger = logging.getLogger(_MSAL_BROWSER_LOG)
        self._level = self._logger.level

    def show(self, url: str) -> None:
        with self._lock:
            if url in self._shown:
                return
            self._shown.add(url)
        self._show_url(url)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith(_URL_PREFIX):
            self.show(message[len(_URL_PREFIX):].strip())

    def __enter__(self) -> _UrlCatcher:
        self._logger.addHandler(self)
        if self._logger.getEffectiveLevel() > logging.INFO:
            self._logger.setLevel(logging.INFO)
        return self

    def __exit__(self, *exc: object) -> None:
        self._logger.removeHandler(self)
        self._logger.setLevel(self._level)
