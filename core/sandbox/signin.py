"""Interactive sign-in (graph-facts §10): the `/authorize` page and the authorization-code grant.

Entra answers MSAL's `response_mode=form_post` with an HTML page whose form posts `code` and `state` to
the loopback redirect URI, submitted by its onload script; MSAL's loopback server refuses `?code=`. The
code is bound to the PKCE S256 challenge, and the id_token carries the nonce MSAL sent."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit

from core.sandbox import facts
from core.sandbox.data import Account
from core.sandbox.responses import PLAIN_JSON, Request, Response, aadsts_error

if TYPE_CHECKING:
    from core.sandbox.tenant import SandboxTenant

HTML = "text/html; charset=utf-8"
_OIDC_SCOPES = {"openid", "profile", "offline_access", "email"}


@dataclass
class Grant:
    """One issued authorization code, waiting to be redeemed once."""

    client_id: str
    redirect_uri: str
    challenge: str
    nonce: str | None
    account: Account
    scopes: list[str]
    expires_at: float


def authorize(tenant: SandboxTenant, req: Request) -> Response:
    params = dict(parse_qsl(req.query, keep_blank_values=True))
    if req.method == "POST":
        params.update(parse_qsl(req.body.decode("utf-8", "replace"), keep_blank_values=True))
    problem = _request_problem(tenant, params)
    if problem:
        return error_page(problem)
    if req.method == "GET" and not tenant.config.auto_sign_in:
        return Response(200, raw=_sign_in_page(tenant, params).encode(), content_type=HTML)
    if params.get("action") == "cancel":
        return _answer(params, {"error": "access_denied",
                                "error_description": str(facts.UNCONFIRMED["consent_declined_description"])})
    account = tenant.directory.account(params.get("login", "")) if req.method == "POST" \
        else tenant.directory.admin
    if account is None:
        return error_page("AADSTS50034: The user account does not exist in this directory.")
    code = secrets.token_urlsafe(32)
    tenant.grants[code] = Grant(params["client_id"].lower(), params["redirect_uri"], params["code_challenge"],
                                params.get("nonce"), account, _api_scopes(tenant, params.get("scope", "")),
                                tenant.clock() + facts.AUTH_CODE_LIFETIME_S)
    return _answer(params, {"code": code})


def _request_problem(tenant: SandboxTenant, params: dict[str, str]) -> str | None:
    client_id = params.get("client_id", "").lower()
    if client_id != facts.SIGN_IN_CLIENT_ID and tenant.find_app(client_id) is None:
        return (f"AADSTS700016: Application with identifier '{client_id}' was not found in the directory "
                f"'{tenant.directory.display_name}'.")
    redirect = urlsplit(params.get("redirect_uri", ""))
    if redirect.scheme != "http" or redirect.hostname not in ("localhost", "127.0.0.1"):
        return ("AADSTS50011: The redirect URI specified in the request does not match the redirect URIs "
                "configured for the application.")
    if params.get("response_type") != "code":
        return "AADSTS900144: The request body must contain the following parameter: 'response_type'."
    if not params.get("code_challenge") or params.get("code_challenge_method") != "S256":
        return "AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption."
    return None


def _api_scopes(tenant: SandboxTenant, scope: str) -> list[str]:
    """Graph scope names from "https://graph.microsoft.com/Application.ReadWrite.All openid ..."."""
    out = []
    for item in scope.split():
        for prefix in (facts.GRAPH_AUDIENCE + "/", tenant.url + "/"):
            if item.startswith(prefix):
                item = item[len(prefix):]
        if item not in _OIDC_SCOPES and item != ".default":
            out.append(item)
    return out


def _answer(params: dict[str, str], fields: dict[str, str]) -> Response:
    """Entra's form_post page (or a 302 for response_mode=query), back to the loopback redirect URI."""
    if params.get("state"):
        fields["state"] = params["state"]
    if params.get("response_mode", "query") != "form_post":
        return Response(302, {}, headers={"Location": params["redirect_uri"] + "?" + urlencode(fields)},
                        content_type=PLAIN_JSON)
    inputs = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}" />'
                     for k, v in fields.items())
    page = (f'<html><head><title>Working...</title></head><body onload="document.forms[0].submit()">'
            f'<form method="POST" name="hiddenform" action="{html.escape(params["redirect_uri"])}">{inputs}'
            '<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit" />'
            '</noscript></form></body></html>')
    return Response(200, raw=page.encode(), content_type=HTML)


def _sign_in_page(tenant: SandboxTenant, params: dict[str, str]) -> str:
    keep = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}" />'
                   for k, v in params.items() if k not in ("login", "action"))
    people = "".join(f'<p><label><input type="radio" name="login" value="{html.escape(a.upn)}"'
                     f'{" checked" if i == 0 else ""} /> {html.escape(a.display_name)} ({html.escape(a.upn)},'
                     f' {html.escape(a.role)})</label></p>' for i, a in enumerate(tenant.directory.accounts))
    asked = ", ".join(html.escape(s) for s in _api_scopes(tenant, params.get("scope", ""))) or "sign in"
    return (f'<html><head><title>Sign in to {html.escape(tenant.directory.display_name)} (sandbox)</title>'
            f'</head><body><h1>Sign in (sandbox tenant)</h1><form method="POST" action="">{keep}{people}'
            f'<p>The app asks for: {asked}</p>'
            '<button type="submit" name="action" value="accept">Accept</button> '
            '<button type="submit" name="action" value="cancel">Cancel</button></form></body></html>')


def error_page(message: str) -> Response:
    page = f"<html><body><h1>Sign in</h1><p>Sorry, but we're having trouble signing you in.</p>" \
           f"<p>{html.escape(message)}</p></body></html>"
    return Response(400, raw=page.encode(), content_type=HTML)


def redeem(tenant: SandboxTenant, req: Request, form: dict[str, str]) -> Response:
    """grant_type=authorization_code: delegated access token (`scp`), id_token with the nonce."""
    grant = tenant.grants.pop(form.get("code", ""), None)
    if grant is None or grant.expires_at < tenant.clock():
        return aadsts_error(req, 70008)
    if grant.client_id != form.get("client_id", "").lower() or grant.redirect_uri != form.get("redirect_uri"):
        return aadsts_error(req, 70008)
    verifier = form.get("code_verifier", "")
    digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    if not verifier or digest != grant.challenge:
        return aadsts_error(req, 501481)
    return _tokens(tenant, grant)


def _tokens(tenant: SandboxTenant, grant: Grant) -> Response:
    lifetime = int(tenant.config.token_lifetime_s)
    account = grant.account
    wids = [facts.ROLE_TEMPLATE_IDS[account.role]] if account.role in facts.ROLE_TEMPLATE_IDS else []
    access = tenant.mint.mint_user(grant.client_id, account.object_id, account.upn, grant.scopes, wids, lifetime)
    id_token = tenant.mint.id_token(f"{tenant.url}/{tenant.tenant_id}/v2.0", grant.client_id, account.object_id,
                                    account.upn, account.display_name, grant.nonce, lifetime)
    info = base64.urlsafe_b64encode(json.dumps({"uid": account.object_id, "utid": tenant.tenant_id}).encode())
    scope = " ".join([f"{facts.GRAPH_AUDIENCE}/{s}" for s in grant.scopes] + ["openid", "profile"])
    body = {"token_type": "Bearer", "scope": scope, "expires_in": lifetime, "ext_expires_in": lifetime,
            "access_token": access, "id_token": id_token, "client_info": info.rstrip(b"=").decode()}
    return Response(200, body, content_type=PLAIN_JSON, headers={"Cache-Control": "no-store, no-cache"})


DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


def device_code(tenant: SandboxTenant, req: Request) -> Response:
    """POST /devicecode: a user code to type at the verification page (approved at once with auto_sign_in)."""
    form = dict(parse_qsl(req.body.decode("utf-8", "replace")))
    code, user_code = secrets.token_urlsafe(32), secrets.token_hex(4).upper()
    admin = tenant.directory.admin if tenant.config.auto_sign_in else None
    tenant.device_codes[code] = {"user_code": user_code, "client_id": form.get("client_id", "").lower(),
                                 "scopes": _api_scopes(tenant, form.get("scope", "")), "account": admin,
                                 "expires_at": tenant.clock() + 900}
    uri = f"{tenant.url}/{tenant.tenant_id}/devicelogin"
    return Response(200, {"user_code": user_code, "device_code": code, "verification_uri": uri, "expires_in": 900,
                          "interval": 1, "message": f"To sign in, use a web browser to open the page {uri} and "
                                                    f"enter the code {user_code} to authenticate."},
                    content_type=PLAIN_JSON)


def redeem_device_code(tenant: SandboxTenant, req: Request, form: dict[str, str]) -> Response:
    entry = tenant.device_codes.get(form.get("device_code", ""))
    if entry is None or entry["expires_at"] < tenant.clock():
        return aadsts_error(req, 70019)
    if entry["account"] is None:
        return aadsts_error(req, 70016)
    if tenant.config.device_code_blocked:
        return aadsts_error(req, 53003)
    del tenant.device_codes[form["device_code"]]
    grant = Grant(entry["client_id"], "", "", None, entry["account"], entry["scopes"], tenant.clock() + 60)
    return _tokens(tenant, grant)


def device_login(tenant: SandboxTenant, req: Request) -> Response:
    """The verification page: type the user code, pick an account, Accept (approves that device code)."""
    form = dict(parse_qsl(req.body.decode("utf-8", "replace"))) if req.method == "POST" else {}
    if req.method == "POST":
        entry = next((e for e in tenant.device_codes.values() if e["user_code"] == form.get("code", "").upper()),
                     None)
        account = tenant.directory.account(form.get("login", ""))
        if entry is None or account is None:
            return error_page("AADSTS70019: That code didn't work. Check the code and try again.")
        entry["account"] = account
        return Response(200, raw=b"<html><body><p>You have signed in. You may now close this window.</p></body>"
                                 b"</html>", content_type=HTML)
    people = "".join(f'<p><label><input type="radio" name="login" value="{html.escape(a.upn)}" /> '
                     f'{html.escape(a.upn)} ({html.escape(a.role)})</label></p>' for a in tenant.directory.accounts)
    page = (f'<html><body><h1>Enter code</h1><form method="POST" action=""><input type="text" name="code" />'
            f'{people}<button type="submit">Next</button></form></body></html>')
    return Response(200, raw=page.encode(), content_type=HTML)
