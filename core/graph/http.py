"""The one HTTP session type: TLS verification that the environment cannot silently switch.

requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override `Session.verify` (merge_environment_settings),
which makes a custom CA (the sandbox's, or a school's TLS-inspecting proxy CA) be ignored. We keep
`trust_env` on, because school networks need their proxy settings, and force `verify` per request.
With `verify=True` (a real tenant) requests still takes REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE, which is what
managed school PCs behind a TLS-inspecting proxy rely on; only an explicit bundle path wins over them.

Without an explicit bundle, certificates are checked against the operating system's store (`truststore`,
graph-facts §13): schools' TLS-inspecting proxies put their CA there, not in certifi's bundle. An explicit
bundle (a profile's ca_bundle, the sandbox's CA) still wins: then only that bundle is trusted.
"""

from __future__ import annotations

import ssl

import requests
from requests.adapters import HTTPAdapter

from core import APP_NAME, __version__

DEFAULT_TIMEOUT = (10.0, 60.0)  # (connect, read) seconds


class VerifyingSession(requests.Session):
    def __init__(self, verify: str | bool = True, timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 pool_size: int = 16) -> None:
        super().__init__()
        if verify is False:
            raise ValueError("TLS verification cannot be switched off")
        self._forced_verify = verify
        self._timeout = timeout
        self.headers["User-Agent"] = f"{APP_NAME}/{__version__}"
        context = os_trust_context() if verify is True else None
        if context is not None:
            adapter: HTTPAdapter = OsTrustAdapter(context, pool_connections=pool_size, pool_maxsize=pool_size)
        else:
            adapter = HTTPAdapter(pool_connections=pool_size, pool_maxsize=pool_size)
        self.mount("https://", adapter)

    def request(self, method, url, **kwargs):  # type: ignore[override]
        kwargs["verify"] = self._forced_verify
        kwargs.setdefault("timeout", self._timeout)
        return super().request(method, url, **kwargs)


def os_trust_context() -> ssl.SSLContext | None:
    """An SSLContext that verifies with the OS certificate store, or None where truststore is missing."""
    try:
        import truststore
    except ImportError:  # an install without the dependency: certifi / REQUESTS_CA_BUNDLE, as before
        return None
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class OsTrustAdapter(HTTPAdapter):
    """An adapter whose connections (direct and through a proxy) use the given SSLContext."""

    def __init__(self, context: ssl.SSLContext, **kwargs) -> None:
        self._context = context
        super().__init__(**kwargs)

    def init_poolmanager(self, connections, maxsize, block=False, **pool_kwargs):  # type: ignore[override]
        pool_kwargs.setdefault("ssl_context", self._context)
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)

    def proxy_manager_for(self, proxy, **proxy_kwargs):  # type: ignore[override]
        proxy_kwargs.setdefault("ssl_context", self._context)
        return super().proxy_manager_for(proxy, **proxy_kwargs)
