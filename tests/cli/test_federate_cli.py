"""`immutableid-sync federate check` end to end against the sandbox (issue 18 §1): the readiness table with a
reason and a fix per row, exit 0 only when every row holds; 2 for bad input, 3 when it cannot sign in.
A certificate connection works for it and for `check` (graph-facts §16), and its key never leaks."""

from __future__ import annotations

import json

from federation_school import CLIENT, SECRET, metadata, metadata_file, profile_file, user
from federation_school import school as fed_school

from core import paths
from core.cli import main
from core.exits import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED
from core.graph.connection import Connection
from core.setup.certificates import make_certificate, pack_private_key
from core.setup.profiles import ProfileStore
from core.setup.secrets import SecretStore

ROWS = ("Domain:", "Federation:", "IdP metadata:", "ImmutableIds:", "Synced users:", "Admin sign-in:")


def _run(capsys, *args):
    code = main(["federate", "check", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_ready_domain_prints_every_row_and_exits_0(sandbox_factory, tmp_path, capsys):
    tenant = fed_school(sandbox_factory, tmp_path)
    code, out, _err = _run(capsys, "--profile", profile_file(tenant, tmp_path), "--domain", "Elev.Example",
                           "--idp-metadata", metadata_file(tmp_path), "--admin", "admin@skola.onmicrosoft.com")
    assert code == EXIT_OK, out
    lines = [line for line in out.splitlines() if line.startswith("[")]
    assert [line.split("] ", 1)[1].split(" ", 1)[0] for line in lines] == \
        ["Domain:", "Federation:", "IdP", "ImmutableIds:", "Synced", "Admin"]
    assert all(line.startswith("[ ok ]") for line in lines)
    assert "elev.example is a verified root domain" in out and "Ready: elev.example can be federated" in out
    assert "→" not in out  # nothing to fix


def test_a_domain_that_is_not_ready_exits_1_with_reasons_and_fixes(sandbox_factory, tmp_path, capsys):
    extra = [user(10, "p1@elev.example"), user(11, "p2@elev.example", onPremisesSyncEnabled=True)]
    tenant = fed_school(sandbox_factory, tmp_path, extra_users=extra)
    code, out, _err = _run(capsys, "--profile", profile_file(tenant, tmp_path), "--domain", "elev.example",
                           "--idp-metadata", metadata_file(tmp_path), "--admin", "boss@elev.example")
    assert code == EXIT_SOME_FAILED
    assert "[FAIL] ImmutableIds: 2 of 4 enabled members in elev.example have no ImmutableId" in out
    assert "→ Run apply first (immutableid-sync apply ... --domain elev.example), then check again." in out
    assert "[FAIL] Synced users: 1 users in elev.example are synced from Active Directory" in out
    assert "[FAIL] Admin sign-in: boss@elev.example is in elev.example" in out
    assert "Not ready: fix the rows marked FAIL" in out


def test_the_default_domain_and_an_expired_certificate_fail(sandbox_factory, tmp_path, capsys):
    from federation_school import certificate_b64

    tenant = fed_school(sandbox_factory, tmp_path)
    expired = metadata_file(tmp_path, metadata(certificate_b64(days=5, start_days_ago=30)))
    code, out, _err = _run(capsys, "--profile", profile_file(tenant, tmp_path), "--domain", "skola.example",
                           "--idp-metadata", expired)
    assert code == EXIT_SOME_FAILED
    assert "[FAIL] Domain: skola.example is the tenant's default domain" in out
    assert "→ Make another domain (e.g. the .onmicrosoft.com one) the default" in out
    assert "[FAIL] IdP metadata: The IdP's signing certificate expired on" in out
    assert "[warn] Admin sign-in" in out


def test_metadata_from_the_sandboxs_address_is_trusted_through_the_connections_ca(sandbox_factory, tmp_path, capsys):
    tenant = fed_school(sandbox_factory, tmp_path)
    code, out, _err = _run(capsys, "--profile", profile_file(tenant, tmp_path), "--domain", "elev.example",
                           "--idp-metadata", tenant.idp_metadata_url, "--admin", "admin@skola.onmicrosoft.com")
    assert code == EXIT_OK, out
    assert tenant.idp["entityId"] in out


def test_bad_options_exit_2_before_any_network_call(sandbox_factory, tmp_path, capsys):
    tenant = fed_school(sandbox_factory, tmp_path)
    profile = profile_file(tenant, tmp_path)
    for args, says in ((["--domain", "not a domain"], "--domain"), (["--domain", "elev.example", "--admin", "boss"],
                                                                    "--admin"),
                       (["--domain", "elev.example", "--connection", "North", "--profile", profile], "either")):
        if "--profile" not in args:
            args = ["--profile", profile, *args]
        code, _out, err = _run(capsys, *args, "--idp-metadata", "idp.xml")
        assert code == EXIT_BAD_INPUT and says in err
    code, _out, err = _run(capsys, "--connection", "North", "--domain", "elev.example", "--idp-metadata", "x.xml")
    assert code == EXIT_BAD_INPUT and 'no saved connection is called "North"' in err
    assert tenant.audit() == []


def test_a_saved_connection_with_its_secret_in_the_keyring(sandbox_factory, tmp_path, capsys, memory_keyring):
    tenant = fed_school(sandbox_factory, tmp_path)
    conn = Connection(tenant.tenant_id, CLIENT, login_url=tenant.url, graph_url=tenant.url,
                      ca_bundle=tenant.ca_bundle, name="Skola")
    ProfileStore().save(conn)
    SecretStore().set(conn.tenant, CLIENT, SECRET)
    code, out, _err = _run(capsys, "--connection", "Skola", "--domain", "elev.example",
                           "--idp-metadata", metadata_file(tmp_path), "--admin", "admin@skola.onmicrosoft.com")
    assert code == EXIT_OK, out


def test_a_refused_sign_in_exits_3(sandbox_factory, tmp_path, capsys):
    tenant = fed_school(sandbox_factory, tmp_path)
    path = tmp_path / "wrong.json"
    profile = json.loads(open(profile_file(tenant, tmp_path), encoding="utf-8").read())
    path.write_text(json.dumps({**profile, "client_secret": "wrong-secret-value"}), encoding="utf-8")
    code, _out, err = _run(capsys, "--profile", str(path), "--domain", "elev.example",
                           "--idp-metadata", metadata_file(tmp_path))
    assert code == EXIT_CANNOT_CONNECT and "Sign-in failed: The client secret was refused." in err


# --- a certificate connection (graph-facts §16) ------------------------------------------------------------
def _certificate_connection(tenant, memory_keyring, name="Cert school"):
    cert = make_certificate("Immutable ID Sync")
    tenant.add_app_certificate(CLIENT, cert.cert_pem)
    tenant.find_app(CLIENT).secret = ""  # this app has no secret at all
    conn = Connection(tenant.tenant_id, CLIENT, login_url=tenant.url, graph_url=tenant.url,
                      ca_bundle=tenant.ca_bundle, name=name, cert_thumbprint=cert.thumbprint)
    ProfileStore().save(conn)
    SecretStore().set_certificate_key(conn.tenant, CLIENT, cert.thumbprint, cert.key_pem)
    return cert


def test_check_and_federate_check_work_with_a_certificate_connection(sandbox_factory, tmp_path, capsys,
                                                                       memory_keyring):
    tenant = fed_school(sandbox_factory, tmp_path)
    cert = _certificate_connection(tenant, memory_keyring)
    assert main(["check", "--profile", "Cert school"]) == EXIT_OK
    assert "[ ok ] Credentials: Credentials accepted." in capsys.readouterr().out
    code, out, _err = _run(capsys, "--connection", "Cert school", "--domain", "elev.example",
                           "--idp-metadata", metadata_file(tmp_path), "--admin", "admin@skola.onmicrosoft.com")
    assert code == EXIT_OK, out
    tokens = [e for e in tenant.audit() if e["path"].endswith("/token")]
    assert tokens and all(e["body"].get("client_assertion_type") for e in tokens)  # never a secret
    # the key is in the keyring only, in its small form, and nowhere in what the program wrote
    written = "".join(p.read_text(encoding="utf-8", errors="replace")
                      for p in paths.data_dir().parent.rglob("*") if p.is_file())
    body = "".join(cert.key_pem.splitlines()[1:-1])
    for secret in (body[:40], body[-40:], pack_private_key(cert.key_pem)[7:47]):
        assert secret not in written and secret not in out


def test_a_certificate_connection_without_its_key_exits_3_and_says_where_the_key_lives(
        sandbox_factory, tmp_path, capsys, memory_keyring):
    tenant = fed_school(sandbox_factory, tmp_path)
    _certificate_connection(tenant, memory_keyring)
    memory_keyring.store.clear()
    assert main(["check", "--profile", "Cert school"]) == EXIT_CANNOT_CONNECT
    err = capsys.readouterr().err
    assert "No private key for the connection's certificate is stored in this computer's keyring." in err
    assert "The key stays on the computer where the certificate was made" in err
