"""National clouds: which login and Graph hosts a tenant lives on (graph-facts §7)."""

from __future__ import annotations

from enum import StrEnum


class Cloud(StrEnum):
    GLOBAL = "global"
    USGOV = "usgov"
    USGOV_DOD = "usgov-dod"
    CHINA = "china"

    @property
    def login_url(self) -> str:
        return _HOSTS[self][0]

    @property
    def graph_url(self) -> str:
        return _HOSTS[self][1]

    @classmethod
    def parse(cls, value: str | Cloud | None) -> Cloud | None:
        """The cloud for a user-typed name (case and spaces forgiven), or None when unknown."""
        if isinstance(value, Cloud):
            return value
        text = (value or "global").strip().lower().replace("_", "-").replace(" ", "-")
        try:
            return cls(text)
        except ValueError:
            return None


_HOSTS: dict[Cloud, tuple[str, str]] = {
    Cloud.GLOBAL: ("https://login.microsoftonline.com", "https://graph.microsoft.com"),
    Cloud.USGOV: ("https://login.microsoftonline.us", "https://graph.microsoft.us"),
    Cloud.USGOV_DOD: ("https://login.microsoftonline.us", "https://dod-graph.microsoft.us"),
    Cloud.CHINA: ("https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn"),
}

# Login hosts MSAL knows: for these, MSAL's own instance discovery stays on.
KNOWN_LOGIN_HOSTS = frozenset(url.split("//", 1)[1] for url, _ in _HOSTS.values())
