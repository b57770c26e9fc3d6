"""What the sandbox answers without a token: the public home-realm endpoint on the login host
(`GET /common/userrealm/{upn}?api-version=2.1`, graph-facts §15) and the demo IdP's metadata document."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import unquote

from core.sandbox import facts, federation, idp
from core.sandbox.responses import PLAIN_JSON, Request, Response

if TYPE_CHECKING:
    from core.sandbox.tenant import SandboxTenant


def handles(path: str) -> bool:
    return path.startswith(facts.USERREALM_PATH_PREFIX) or path == idp.METADATA_PATH


def answer(tenant: SandboxTenant, req: Request) -> Response:
    if req.method != "GET":
        return Response(405, {"error": "invalid_request"}, content_type=PLAIN_JSON)
    if req.path == idp.METADATA_PATH:
        return Response(200, raw=tenant.idp_metadata().encode(), content_type="application/samlmetadata+xml")
    upn = unquote(req.path[len(facts.USERREALM_PATH_PREFIX):])
    with tenant.lock:
        realm = federation.userrealm(tenant.directory, upn, tenant.clock(), tenant.config.federation_delay_s)
    return Response(200, realm, content_type=PLAIN_JSON)
