"""`immutableid-sync app create|renew` against the sandbox tenant, signing in through the real MSAL
interactive flow with the stand-in browser (tests/conftest.py); then `check`, preview and apply with the
app it made."""

from __future__ import annotations

import json
from datetime import date, timedelta

import icalendar
import pytest

from core.cli import main
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK
from core.sandbox.config import SandboxConfig
from core.setup.profiles import ProfileStore


@pytest.fixture
def tenant(app_tenant):
    return app_tenant


def _create(tenant, *extra):
    return main(["app", "create", "--profile", str(tenant.profile_path), "--save-as", "School", *extra])


def _new_apps(tenant):
    return [a for a in tenant.directory.apps if a.passwords or a.ready_at]


def test_create_then_check_preview_and_apply_with_the_new_app(tenant, browser, memory_keyring, tmp_path, capsys):
    ics = tmp_path / "renew.ics"
    assert _create(tenant, "--reminder", str(ics)) == EXIT_OK
    out, err = capsys.readouterr()
    (app,) = _new_apps(tenant)
    secret = app.passwords[0].secret
    assert f"Client ID: {app.client_id}" in out and f"Tenant ID: {tenant.tenant_id}" in out
    expires = app.passwords[0].end.date()
    assert f"Secret expires: {expires.isoformat()}" in out
    assert abs((expires - date.today()).days - 3 * 365) <= 1  # three years, as Skolon's guide asks
    assert secret not in out + err and "Sign in as an admin" in err and browser.opened[0] in err
    assert app.display_name == "Immutable ID Sync" and app.sp_id
    assert app.roles_at(tenant.clock()) == ["Application.Read.All", "Domain.Read.All",
                                            "RoleManagement.Read.Directory", "User.ReadWrite.All"]
    assert list(memory_keyring.store.values()) == [secret]
    saved = ProfileStore().get("School")
    assert saved.client_id == app.client_id and saved.secret_expires == expires
    event = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == expires - timedelta(days=30)
    assert app.client_id in str(event.get("DESCRIPTION")) and secret not in ics.read_text()

    assert main(["check", "--profile", "School"]) == EXIT_OK
    source = ["--source", "attribute:employeeId"]
    assert main(["preview", "--profile", "School", *source, "--out", str(tmp_path / "p.csv")]) == EXIT_OK
    assert main(["apply", "--profile", "School", *source, "--yes", "--report", str(tmp_path / "r.csv")]) in (0, 1)
    writes = [e for e in tenant.audit() if e["method"] == "PATCH" and e["status"] == 204]
    assert writes and {e["client_id"] for e in writes} == {app.client_id}


def test_non_admin_gets_exit_3_naming_the_roles_and_nothing_is_created(tenant, browser, memory_keyring, capsys):
    browser.account = tenant.directory.accounts[1].upn
    assert _create(tenant) == EXIT_CANNOT_CONNECT
    err = capsys.readouterr().err
    assert "403" in err and "Global Administrator" in err and "Privileged Role Administrator" in err
    assert "Nothing was created" in err and _new_apps(tenant) == []


def test_consent_declined_in_the_browser(tenant, browser, memory_keyring, capsys):
    browser.action = "cancel"
    assert _create(tenant) == EXIT_CANNOT_CONNECT
    assert "consent was declined" in capsys.readouterr().err and _new_apps(tenant) == []


def test_tenant_blocking_secrets_and_capping_certificates_below_every_fallback(tenant, memory_keyring, capsys):
    # Secrets blocked (so a certificate is made, tests/cli/test_app_certificate_cli.py) and certificates
    # capped at 7 days, shorter than any lifetime the tool would try: the cap Microsoft names is taken, and said.
    tenant.config.secrets_blocked = True
    tenant.directory.app_policy["key_max_days"] = 7
    assert _create(tenant) == EXIT_OK
    out, err = capsys.readouterr()
    (app,) = [a for a in tenant.directory.apps if a.sp_id]
    assert "does not allow client secrets" in err and app.passwords == [] and len(app.keys) == 1
    assert (app.keys[0].end - app.keys[0].start).days <= 7 and "caps certificate lifetimes" in out
    assert list(memory_keyring.store.values())[0].startswith("rsa-pq:")


def test_policy_cap_takes_the_longest_allowed_and_says_so(tenant, memory_keyring, capsys):
    tenant.config.secret_max_days = 365
    assert _create(tenant, "--secret-years", "3") == EXIT_OK
    out = capsys.readouterr().out
    (app,) = _new_apps(tenant)
    assert abs((app.passwords[0].end.date() - date.today()).days - 365) <= 1
    assert "caps secret lifetimes" in out


def test_unknown_tenant_or_wrong_cloud(tenant, browser, memory_keyring, tmp_path, capsys):
    other = json.loads(tenant.profile_path.read_text())
    other["tenant_id"] = "0b9f3c1e-1111-4222-8333-944455566677"
    path = tmp_path / "other.json"
    path.write_text(json.dumps(other), encoding="utf-8")
    assert main(["app", "create", "--profile", str(path)]) == EXIT_CANNOT_CONNECT
    assert "--cloud" in capsys.readouterr().err and browser.opened == []


def test_no_keyring_stops_before_sign_in_unless_the_admin_chooses_show_once(tenant, browser, no_keyring, capsys):
    assert _create(tenant) == EXIT_CANNOT_CONNECT
    assert "Nothing was created" in capsys.readouterr().err and browser.opened == [] and _new_apps(tenant) == []
    assert _create(tenant, "--show-secret-once") == EXIT_OK
    out, err = capsys.readouterr()
    (app,) = _new_apps(tenant)
    assert out.count(app.passwords[0].secret) == 1 and "shown this once" in err


def test_renew_adds_proves_stores_and_removes_the_old_secret_when_asked(tenant, memory_keyring, capsys):
    assert _create(tenant) == EXIT_OK
    (app,) = _new_apps(tenant)
    old = app.passwords[0]
    assert main(["app", "renew", "--profile", "School"]) == EXIT_OK
    assert len(app.passwords) == 2 and "--remove-old" in capsys.readouterr().out  # kept unless asked
    newest = app.passwords[1]
    assert list(memory_keyring.store.values()) == [newest.secret]
    assert main(["app", "renew", "--profile", "School", "--remove-old"]) == EXIT_OK
    assert newest.key_id not in [p.key_id for p in app.passwords] and old in app.passwords
    assert main(["check", "--profile", "School"]) == EXIT_OK


def test_bad_secret_years(tenant, memory_keyring, capsys):
    assert _create(tenant, "--secret-years", "0") == EXIT_BAD_INPUT
    assert "1 to 10" in capsys.readouterr().err


def test_replication_delay_is_waited_out(sandbox_factory, browser, memory_keyring, tmp_path, monkeypatch, capsys):
    import time

    offset = [0.0]
    tenant = sandbox_factory(users=3, config=SandboxConfig(replication_delay_s=20),
                             clock=lambda: time.time() + offset[0])
    browser.ca_bundle = tenant.ca_bundle
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
    monkeypatch.setattr("core.setup.appreg.pause", lambda s, cancel=None: offset.__setitem__(0, offset[0] + s))
    monkeypatch.setattr("core.setup.appreg.elapsed_clock", lambda: offset[0])
    assert main(["app", "create", "--profile", str(path)]) == EXIT_OK
    err = capsys.readouterr().err
    assert "attempt 1," in err and "attempt 5," in err  # AADSTS700016 meanwhile, then ready


def test_replication_that_never_finishes_times_out_and_says_the_secret_is_stored(
        sandbox_factory, browser, memory_keyring, tmp_path, monkeypatch, capsys):
    import time

    offset = [0.0]
    tenant = sandbox_factory(users=3, config=SandboxConfig(replication_delay_s=10_000),
                             clock=lambda: time.time() + offset[0])
    browser.ca_bundle = tenant.ca_bundle
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
    monkeypatch.setattr("core.setup.appreg.pause", lambda s, cancel=None: offset.__setitem__(0, offset[0] + s))
    monkeypatch.setattr("core.setup.appreg.elapsed_clock", lambda: offset[0])
    assert main(["app", "create", "--profile", str(path), "--save-as", "Slow"]) == EXIT_CANNOT_CONNECT
    err = capsys.readouterr().err
    (app,) = [a for a in tenant.directory.apps if a.passwords]
    assert "did not start working in time" in err and "The secret is stored" in err
    assert f"az ad app delete --id {app.client_id}" in err
    assert list(memory_keyring.store.values()) == [app.passwords[0].secret]
    assert ProfileStore().get("Slow").client_id == app.client_id


def test_device_code_only_when_asked_with_the_warning(tenant, browser, memory_keyring, capsys):
    tenant.config.auto_sign_in = True  # the admin approves the code at once (as if typed elsewhere)
    assert _create(tenant, "--device-code") == EXIT_OK
    err = capsys.readouterr().err
    assert "many tenants block it" in err and "/devicelogin" in err and browser.opened == []
    assert len(_new_apps(tenant)) == 1


def test_device_code_blocked_by_conditional_access(tenant, browser, memory_keyring, capsys):
    tenant.config.auto_sign_in = tenant.config.device_code_blocked = True
    assert _create(tenant, "--device-code") == EXIT_CANNOT_CONNECT
    err = capsys.readouterr().err
    assert "refused the device-code sign-in" in err and "Leave out --device-code" in err
    assert _new_apps(tenant) == []


def test_renew_that_cannot_be_proven_keeps_the_old_secret_and_names_the_new_one(
        tenant, memory_keyring, monkeypatch, capsys):
    assert _create(tenant) == EXIT_OK
    (app,) = _new_apps(tenant)
    old = app.passwords[0].secret
    tenant.config.replication_delay_s = 10_000
    offset = [0.0]
    monkeypatch.setattr("core.setup.appreg.pause", lambda s, cancel=None: offset.__setitem__(0, offset[0] + s))
    monkeypatch.setattr("core.setup.appreg.elapsed_clock", lambda: offset[0])
    capsys.readouterr()
    assert main(["app", "renew", "--profile", "School"]) == EXIT_CANNOT_CONNECT
    err = capsys.readouterr().err
    new = app.passwords[1]
    assert "old secret is still stored" in err and new.secret not in err
    assert f"az ad app credential delete --id {app.client_id} --key-id {new.key_id}" in err
    assert list(memory_keyring.store.values()) == [old]


# --- issue 15 §3.2: names, profiles, the admins permission and Ctrl-C -------------------------------------
def test_an_existing_save_as_name_is_refused_before_sign_in_and_renew_is_suggested(tenant, browser, memory_keyring,
                                                                                   capsys):
    from core.graph.connection import Connection

    ProfileStore().save(Connection(tenant.tenant_id, "0b9f3c1e-1111-4222-8333-944455566677", name="School"))
    assert _create(tenant) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert 'already saved' in err and 'app renew --profile "School"' in err
    assert browser.opened == [] and _new_apps(tenant) == [] and memory_keyring.store == {}
    assert ProfileStore().get("School").client_id == "0b9f3c1e-1111-4222-8333-944455566677"  # untouched
    assert not [e for e in tenant.audit() if e["method"] == "POST" and e["path"].endswith("/applications")]


def test_an_app_of_the_same_name_in_the_tenant_is_named_with_a_warning(tenant, memory_keyring, capsys):
    assert _create(tenant) == EXIT_OK
    (first,) = _new_apps(tenant)
    capsys.readouterr()
    assert main(["app", "create", "--profile", str(tenant.profile_path), "--save-as", "School 2"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "WARNING" in err and f"client id {first.client_id}" in err and "app renew" in err
    assert len(_new_apps(tenant)) == 2  # a warning, not a refusal
    lookups = [e for e in tenant.audit() if e["method"] == "GET" and e["path"].endswith("/applications")]
    assert lookups and "displayName" in str(lookups[-1])


def test_a_profile_without_a_client_id_is_accepted(tenant, tmp_path, memory_keyring, capsys):
    data = json.loads(tenant.profile_path.read_text())
    del data["client_id"]
    data.pop("client_secret", None)
    path = tmp_path / "tenant-only.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["app", "create", "--profile", str(path), "--save-as", "Fresh"]) == EXIT_OK, capsys.readouterr().err
    (app,) = _new_apps(tenant)
    assert ProfileStore().get("Fresh").client_id == app.client_id


def test_the_created_app_knows_admins_before_writing(tenant, memory_keyring, tmp_path, capsys):
    import csv

    assert _create(tenant) == EXIT_OK
    out = tmp_path / "p.csv"
    assert main(["preview", "--profile", "School", "--source", "attribute:employeeId", "--out", str(out)]) == EXIT_OK
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len([r for r in rows if r["status"] == "admin_role"]) == 2  # without the permission: not known
    reads = [e for e in tenant.audit() if "roleManagement" in e["path"] and e["status"] == 200]
    assert reads and {e["client_id"] for e in reads} == {_new_apps(tenant)[0].client_id}


def _interrupt_at(monkeypatch, step: str) -> None:
    """Ctrl-C (a real SIGINT to this process) as the step `step` starts."""
    import os
    import signal

    from core.commands import app_output

    printer = app_output.progress_printer()

    def progress(code, values):
        printer(code, values)
        if code == step:
            os.kill(os.getpid(), signal.SIGINT)
    monkeypatch.setattr("core.commands.app.progress_printer", lambda: progress)


def test_ctrl_c_during_create_stops_and_names_what_exists_and_how_to_delete_it(tenant, memory_keyring,
                                                                              monkeypatch, capsys):
    _interrupt_at(monkeypatch, "appreg_sp")
    assert _create(tenant) == EXIT_CANCELLED
    err = capsys.readouterr().err
    (app,) = [a for a in tenant.directory.apps if a.display_name == "Immutable ID Sync" and a.sp_id]
    assert "Stopped before the app registration was finished" in err
    assert f"the application (client id {app.client_id})" in err and f"az ad app delete --id {app.client_id}" in err
    assert app.passwords == [] and memory_keyring.store == {} and ProfileStore().get("School") is None
    assert not [e for e in tenant.audit() if "addPassword" in e["path"] or "appRoleAssignedTo" in e["path"]]


def test_ctrl_c_while_waiting_for_the_browser_closes_the_listener(tenant, browser, memory_keyring, capsys):
    import os
    import signal
    import socket
    import threading
    from urllib.parse import parse_qs, urlsplit

    browser.action = "close"  # the admin never finishes in the browser
    ports = []

    def interrupt_once_listening():
        while not browser.opened:
            threading.Event().wait(0.05)
        port = urlsplit(parse_qs(urlsplit(browser.opened[0]).query)["redirect_uri"][0]).port
        ports.append(port)
        socket.create_connection(("127.0.0.1", port), timeout=5).close()  # listening while it waits
        os.kill(os.getpid(), signal.SIGINT)
    helper = threading.Thread(target=interrupt_once_listening)
    helper.start()
    assert _create(tenant) == EXIT_CANCELLED
    helper.join()
    assert "stopped before it finished" in capsys.readouterr().err and _new_apps(tenant) == []
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", ports[0]), timeout=2)


def test_a_save_as_name_that_cannot_be_a_connection_name_is_refused_before_sign_in(tenant, browser, memory_keyring,
                                                                                   capsys):
    assert _create(tenant, "--save-as", "North\nschool") == EXIT_BAD_INPUT
    assert "--save-as" in capsys.readouterr().err
    assert browser.opened == [] and _new_apps(tenant) == [] and ProfileStore().names() == []
