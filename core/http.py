"""The one HTTP session type: TLS verification that the environment cannot silently switch.

requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override `Session.verify` (merge_environment_settings),
which makes a custom CA (the sandbox's, or a school's TLS-inspecting proxy CA) be ignored. We keep
`trust_env` on, because school networks need their proxy settings, and force `verify` per request.
With `verify=True` (a real tenant) requests still takes REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE, which is what
managed school PCs behind a TLS-inspecting proxy rely on; only an explicit bundle path wins over them.
"""

from __future__ import annotations

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
        adapter = HTTPAdapter(pool_connections=pool_size, pool_maxsize=pool_size)
        self.mount("https://", adapter)

    def request(self, method, url, **kwargs):  # type: ignore[override]
        kwargs["verify"] = self._forced_verify
        kwargs.setdefault("timeout", self._timeout)
        return super().request(method, url, **kwargs)
