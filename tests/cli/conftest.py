"""The command-line tests' fixtures."""

from __future__ import annotations

import json

import pytest
from cli_helpers import person, seed_file


@pytest.fixture
def school(sandbox_factory, tmp_path):
    """A small school where every preview status occurs, written as a seed file."""
    users = [person(1), person(2), person(3, onPremisesImmutableId="X-3"),
             person(4, onPremisesSyncEnabled=True), person(5, userType="Guest"),
             person(6, accountEnabled=False), person(7, userPrincipalName="u7@other.example"),
             person(8, userPrincipalName="u8@fed.example"), person(9), person(10), person(11),
             person(12), person(13), person(14, privilegedRole=True)]
    domains = [{"id": "school.example", "authenticationType": "Managed"},
               {"id": "other.example", "authenticationType": "Managed"},
               {"id": "fed.example", "authenticationType": "Federated"}]
    tenant = sandbox_factory(seed_path=seed_file(tmp_path, users, domains))
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
    idp = tmp_path / "idp.csv"
    # by UPN (case differs), ; delimited, Windows-1252 like an old export
    idp.write_bytes(("UPN;Anchor\r\n"
                     "USER1@School.example;A-1\r\nuser2@school.example;A-2\r\nuser3@school.example;A-3\r\n"
                     "user4@school.example;A-4\r\nuser5@school.example;A-5\r\nuser6@school.example;A-6\r\n"
                     "u7@other.example;A-7\r\nu8@fed.example;A-8\r\n"
                     "user10@school.example;a b\r\nuser11@school.example;X-3\r\n"
                     "user12@school.example;Dup\r\nuser13@school.example;Dup\r\n"
                     "user14@school.example;Å-14\r\nnobody@school.example;Z-1\r\n").encode("cp1252"))
    return tenant, profile, idp


@pytest.fixture
def app_tenant(sandbox_factory, browser, tmp_path):
    """A tenant for `app create|renew` (the stand-in browser trusts it), with a profile naming it."""
    tenant = sandbox_factory(users=12)
    browser.ca_bundle = tenant.ca_bundle
    profile = tmp_path / "tenant.json"
    profile.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
    tenant.profile_path = profile
    return tenant
