"""One interactive admin sign-in for creating the app registration (graph-facts §10).

MSAL builds the request and checks PKCE, state and nonce (`initiate_auth_code_flow` /
`acquire_token_by_auth_code_flow`); our own loopback listener (core.graph.loopback: 127.0.0.1 only,
cancellable) receives the answer. The browser is opened through Python's `webbrowser` (so `BROWSER` is
honoured). The sign-in address is handed to `show_url` first, and to `no_browser` when no browser could be
opened. Device code only when asked for: many tenants block it with Conditional Access."""

from __future__ import annotations

import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field

import msal
import requests

from core.graph.auth import AuthCode, decode_claims, error_from_exception, error_from_result
from core.graph.connection import Connection
from core.graph.http import VerifyingSession
from core.graph.loopback import LoopbackCancelled, LoopbackReceiver, LoopbackTimeout

# Microsoft Graph Command Line Tools: accepted by every tenant for these scopes (§10). A setting.
DEFAULT_SIGN_IN_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"
DELEGATED_SCOPES = ("Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "Application.Read.All")
SIGN_IN_TIMEOUT_S = 300


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
            session: requests.Session | None = None, cancel: threading.Event | None = None,
            no_browser: Callable[[str], None] | None = None,
            scopes: tuple[str, ...] = DELEGATED_SCOPES) -> SignedIn:
    """Sign the admin in; raises SignInError (tenant_not_found, signin_cancelled, signin_timeout,
    signin_stopped when `cancel` was set, ...). The loopback listener is closed before this returns, and
    so are the connections of a session made here. `scopes`: Graph's delegated permissions to ask for (app
    create's by default; the federation run asks for core.federation.domains.DELEGATED_SCOPES)."""
    if session is None:
        with VerifyingSession(conn.verify) as own:
            return sign_in(conn, show_url, client_id=client_id, device_code=device_code, timeout=timeout,
                           session=own, cancel=cancel, no_browser=no_browser, scopes=scopes)
    app = _public_app(conn, client_id, session)
    asked = [f"{conn.graph_root}/{name}" for name in scopes]
    try:
        if device_code:
            result = _device_code(app, asked, show_url, cancel)
        else:
            result = _interactive(app, asked, show_url, no_browser, cancel, timeout)
    except LoopbackTimeout:
        raise SignInError("signin_timeout") from None
    except LoopbackCancelled:
        raise SignInError("signin_stopped") from None
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


def _interactive(app: msal.PublicClientApplication, scopes: list[str], show_url: Callable[[str], None],
                 no_browser: Callable[[str], None] | None, cancel: threading.Event | None, timeout: float) -> dict:
    with LoopbackReceiver() as receiver:
        flow = app.initiate_auth_code_flow(scopes, redirect_uri=receiver.redirect_uri, prompt="select_account",
                                           response_mode="form_post")
        url = flow["auth_uri"]
        show_url(url)
        if not open_browser(url) and no_browser is not None:
            no_browser(url)
        answer = receiver.wait(flow["state"], cancel, timeout)
    return app.acquire_token_by_auth_code_flow(flow, answer, scopes=scopes)


def open_browser(url: str) -> bool:
    """False when no browser could be started (no desktop session, no BROWSER): the caller shows the link."""
    try:
        return bool(webbrowser.open(url))
    except webbrowser.Error:
        return False


def _device_code(app: msal.PublicClientApplication, scopes: list[str], show: Callable[[str], None],
                 cancel: threading.Event | None) -> dict:
    flow = app.initiate_device_flow(scopes=scopes)
    if "user_code" not in flow:
        raise SignInError("signin_device_code_blocked", str(flow.get("error_description") or ""))
    show(str(flow["message"]))
    # MSAL polls once a second and asks `exit_condition` between polls: a cancel ends it within a second.
    result = app.acquire_token_by_device_flow(flow, exit_condition=lambda f: bool(cancel and cancel.is_set()) or
                                              f.get("expires_at", 0) < time.time())
    if cancel is not None and cancel.is_set():
        raise SignInError("signin_stopped")
    return result


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
