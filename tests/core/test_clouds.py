from __future__ import annotations

from core.graph.clouds import KNOWN_LOGIN_HOSTS, Cloud


def test_each_cloud_has_its_hosts():
    assert Cloud.GLOBAL.login_url == "https://login.microsoftonline.com"
    assert Cloud.GLOBAL.graph_url == "https://graph.microsoft.com"
    assert Cloud.USGOV.graph_url == "https://graph.microsoft.us"
    assert Cloud.USGOV_DOD.graph_url == "https://dod-graph.microsoft.us"
    assert Cloud.USGOV_DOD.login_url == Cloud.USGOV.login_url == "https://login.microsoftonline.us"
    assert Cloud.CHINA.login_url == "https://login.partner.microsoftonline.cn"
    assert Cloud.CHINA.graph_url == "https://microsoftgraph.chinacloudapi.cn"
    assert "login.microsoftonline.us" in KNOWN_LOGIN_HOSTS


def test_parse_forgives_case_and_spaces_but_not_unknown_names():
    assert Cloud.parse(" USGov-DoD ") is Cloud.USGOV_DOD
    assert Cloud.parse("usgov_dod") is Cloud.USGOV_DOD
    assert Cloud.parse(None) is Cloud.GLOBAL
    assert Cloud.parse("mars") is None
