"""Apps where secrets are blocked or capped (issue 18 §2, graph-facts §16): `app create` makes a
self-signed certificate when asked or when the tenant's policy blocks secrets, keeps its private key in the
keyring only, and the app signs in with MSAL's certificate credential — `check`, `apply`, `app renew`
(addKey proven with the old key, removeKey proven with the new one) and the reminder alike."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest

from core.cli import main
from core.exits import EXIT_OK
from core.sandbox.keys import seed_policy
from core.setup.profiles import ProfileStore

ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def _policy(tenant, **restrictions) -> None:
    """The tenant's app-management policy, as its seed would give it (Graph's applicationRestrictions)."""
    raw: dict = {"passwordCredentials": [], "keyCredentials": []}
    if restrictions.get("block_secrets"):
        raw["passwordCredentials"].append({"restrictionType": "passwordAddition"})
    if "key_max_days" in restrictions:
        raw["keyCredentials"].append({"restrictionType": "asymmetricKeyLifetime",
                                      "maxLifetime": f"P{restrictions['key_max_days']}D"})
    problems: list[str] = []
    tenant.directory.app_policy = seed_policy(raw, problems)
    assert problems == []


@pytest.fixture
def tenant(app_tenant):
    return app_tenant


def _create(tenant, *extra):
    return main(["app", "create", "--profile", str(tenant.profile_path), "--save-as", "School", *extra])


def _new_app(tenant):
    (app,) = [a for a in tenant.directory.apps if a.sp_id and a.ready_at]
    return app


def _token_requests(tenant, client_id):
    return [e for e in tenant.audit() if e["path"].endswith("/oauth2/v2.0/token")
            and (e["body"] or {}).get("client_id") == client_id]


def _everything_written(home, *more) -> str:
    return "".join(p.read_text(errors="replace") for p in home.rglob("*") if p.is_file()) + "".join(more)


def test_a_certificate_only_tenant_from_app_create_to_apply_and_renew(tenant, memory_keyring, isolated_home,
                                                                        tmp_path, capsys):
    _policy(tenant, block_secrets=True)
    ics = tmp_path / "renew.ics"
    assert _create(tenant, "--reminder", str(ics)) == EXIT_OK
    out, err = capsys.readouterr()
    app = _new_app(tenant)
    assert app.passwords == [] and len(app.keys) == 1  # no secret was accepted; one certificate on the app
    (key,) = app.keys
    assert "does not allow client secrets" in err and "does not allow client secrets" in out
    assert f"Certificate thumbprint: {key.thumbprint}" in out and f"Certificate expires: {key.end.date()}" in out
    assert "Data Hub may accept only a client secret" in out
    saved = ProfileStore().get("School")
    assert saved.client_id == app.client_id and saved.cert_thumbprint == key.thumbprint
    assert saved.secret_expires == key.end.date()
    (stored,) = memory_keyring.store.values()
    assert stored.startswith("rsa-pq:")  # the key's compact form, in the keyring only
    event = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]
    assert "Renew the certificate" in str(event.get("SUMMARY"))

    assert main(["check", "--profile", "School"]) == EXIT_OK
    source = ["--source", "attribute:employeeId"]
    assert main(["apply", "--profile", "School", *source, "--yes", "--report", str(tmp_path / "r.csv")]) in (0, 1)
    writes = [e for e in tenant.audit() if e["method"] == "PATCH" and e["path"].startswith("/v1.0/users/")
              and e["status"] == 204]
    assert writes and {e["client_id"] for e in writes} == {app.client_id}
    tokens = _token_requests(tenant, app.client_id)
    assert tokens and {t["body"].get("client_assertion_type") for t in tokens if t["status"] == 200} == {ASSERTION}

    # Renewal: a new certificate by addKey (proven with the old key), kept; the old one stays unless asked.
    capsys.readouterr()
    assert main(["app", "renew", "--profile", "School"]) == EXIT_OK
    out = capsys.readouterr().out
    assert len(app.keys) == 2 and "old certificate still works" in out
    newest = app.keys[1]
    assert ProfileStore().get("School").cert_thumbprint == newest.thumbprint
    assert len(memory_keyring.store) == 1 and next(iter(memory_keyring.store.values())) != stored
    add_key = [e for e in tenant.audit() if e["path"].endswith("/addKey")]
    assert [e["status"] for e in add_key] == [200]
    assert main(["app", "renew", "--profile", "School", "--remove-old"]) == EXIT_OK
    assert "Removed 1 old certificate(s)" in capsys.readouterr().out
    ids = [k.key_id for k in app.keys]  # the certificate it replaced is gone; the first one was never asked
    assert newest.key_id not in ids and key.key_id in ids and len(ids) == 2
    assert [e["status"] for e in tenant.audit() if e["path"].endswith("/removeKey")] == [204]
    tenant.clear_audit()
    assert main(["apply", "--profile", "School", *source, "--yes", "--report", str(tmp_path / "r2.csv")]) in (0, 1)
    assert main(["check", "--profile", "School"]) == EXIT_OK
    assert [t["status"] for t in _token_requests(tenant, app.client_id)][-1] == 200

    pem_parts = [line for line in _key_pems(memory_keyring) if len(line) > 40]
    written = _everything_written(isolated_home, ics.read_text(), out, err)
    assert not any(part in written for part in pem_parts)  # never the private key, in any form
    assert next(iter(memory_keyring.store.values())) not in written


def _key_pems(memory_keyring):
    from core.setup.certificates import unpack_private_key

    for packed in memory_keyring.store.values():
        yield from unpack_private_key(packed).splitlines()


def test_certificate_asked_for_in_a_tenant_that_allows_secrets(tenant, memory_keyring, capsys):
    assert _create(tenant, "--certificate", "--secret-years", "2") == EXIT_OK
    out, err = capsys.readouterr()
    app = _new_app(tenant)
    assert app.passwords == [] and len(app.keys) == 1
    assert "does not allow" not in out + err and "Adding a self-signed certificate (730 days)" in err
    assert abs((app.keys[0].end.date() - date.today()).days - 730) <= 1
    assert not any(e["path"].endswith("/addPassword") for e in tenant.audit())
    assert main(["check", "--profile", "School"]) == EXIT_OK


def test_a_capped_certificate_lifetime_takes_the_longest_allowed_and_says_so(tenant, memory_keyring, capsys):
    _policy(tenant, block_secrets=True, key_max_days=180)
    assert _create(tenant, "--secret-years", "3") == EXIT_OK
    out = capsys.readouterr().out
    (key,) = _new_app(tenant).keys
    assert (key.end - key.start).days <= 180 and (key.end.date() - date.today()).days >= 179
    assert "caps certificate lifetimes" in out and key.end.date().isoformat() in out
    refused = [e for e in tenant.audit() if e["method"] == "PATCH" and e["path"].startswith("/v1.0/applications/")
               and e["status"] == 400]
    assert len(refused) == 1  # the cap was read from Microsoft's answer: one refusal, then the longest allowed


def test_a_capped_secret_reads_the_cap_from_the_refusal(tenant, memory_keyring, capsys):
    tenant.config.secret_max_days = 200
    assert _create(tenant, "--secret-years", "3") == EXIT_OK
    (app,) = [a for a in tenant.directory.apps if a.passwords]
    assert abs((app.passwords[0].end.date() - date.today()).days - 200) <= 1
    refused = [e for e in tenant.audit() if e["path"].endswith("/addPassword") and e["status"] == 400]
    assert len(refused) == 1 and "caps secret lifetimes" in capsys.readouterr().out


def test_no_keyring_refuses_a_certificate_before_sign_in(tenant, browser, no_keyring, capsys):
    assert _create(tenant, "--certificate", "--show-secret-once") != EXIT_OK
    assert "Nothing was created" in capsys.readouterr().err and browser.opened == []
