"""`immutableid-sync check` end to end against the sandbox: exit codes 0 / 2 / 3 and what it prints."""

from __future__ import annotations

import io
import json

from core import paths
from core.cli import main
from core.exits import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_OK
from core.setup.secrets import SERVICE


def _profile_without_secret(sandbox, tmp_path):
    profile = sandbox.connection_profile()
    secret = profile.pop("client_secret")
    path = tmp_path / "nosecret.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    return path, profile, secret


def test_check_passes_with_the_sandbox_profile(sandbox_profile_file, sandbox, capsys):
    assert main(["check", "--profile", str(sandbox_profile_file)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "[ ok ] Tenant: Tenant found." in out
    assert "[ ok ] Admin consent" in out
    assert f"Users: {len(sandbox.users)}." in out
    assert "[ ?? ] Domains" in out and "Domain.Read.All" in out
    assert "All required checks passed." in out


def test_bad_input_exits_2_before_any_network_call(sandbox_profile_file, sandbox, capsys):
    assert main(["check", "--profile", str(sandbox_profile_file), "--tenant", "common"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "--tenant" in err and "not a tenant" in err
    assert main(["check", "--tenant", "school.onmicrosoft.com", "--client-id", "abc~pasted-secret-0123456789xyz"]) \
        == EXIT_BAD_INPUT
    assert "seems to hold a client secret" in capsys.readouterr().err
    assert main(["check", "--profile", "/nonexistent/profile.json"]) == EXIT_BAD_INPUT
    assert main(["check"]) == EXIT_BAD_INPUT
    assert sandbox.audit() == []


def test_wrong_secret_exits_3_with_the_hint(sandbox, tmp_path, capsys):
    profile = sandbox.connection_profile()
    profile["client_secret"] = "1f2e3d4c-0000-4000-8000-00000000abcd"  # noqa: S105
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    assert main(["check", "--profile", str(path)]) == EXIT_CANNOT_CONNECT
    out = capsys.readouterr().out
    assert "[FAIL] Credentials" in out and "AADSTS7000215" in out
    assert "the secret's ID, not its Value" in out
    assert "[skip] Admin consent" in out


def test_missing_consent_exits_3(sandbox, tmp_path, capsys):
    path = tmp_path / "noconsent.json"
    path.write_text(json.dumps(sandbox.connection_profile(1)), encoding="utf-8")
    assert main(["check", "--profile", str(path)]) == EXIT_CANNOT_CONNECT
    assert "Grant admin consent for" in capsys.readouterr().out


def test_no_secret_anywhere_exits_3_and_says_where_to_put_it(sandbox, tmp_path, no_keyring, capsys):
    path, _, _ = _profile_without_secret(sandbox, tmp_path)
    assert main(["check", "--profile", str(path)]) == EXIT_CANNOT_CONNECT
    err = capsys.readouterr().err
    assert "secret set" in err and "IMMUTABLEID_SYNC_CLIENT_SECRET" in err and "--secret-stdin" in err
    assert sandbox.audit() == []


def test_secret_from_keyring_env_and_stdin(sandbox, tmp_path, memory_keyring, monkeypatch, capsys):
    path, profile, secret = _profile_without_secret(sandbox, tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(secret + "\n"))
    assert main(["check", "--profile", str(path), "--secret-stdin"]) == EXIT_OK
    monkeypatch.setenv("IMMUTABLEID_SYNC_CLIENT_SECRET", secret)
    assert main(["check", "--profile", str(path)]) == EXIT_OK
    monkeypatch.setenv("IMMUTABLEID_SYNC_CLIENT_SECRET", "wrong-one")
    memory_keyring.store[(SERVICE, f"{profile['tenant_id']}/{profile['client_id']}")] = secret
    assert main(["check", "--profile", str(path)]) == EXIT_OK  # the keyring comes first
    capsys.readouterr()


def test_no_file_written_by_check_holds_the_secret_or_a_token(sandbox, sandbox_profile_file, isolated_home):
    secret = sandbox.connection_profile()["client_secret"]
    assert main(["check", "--profile", str(sandbox_profile_file)]) == EXIT_OK
    written = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert any(p.parent == paths.log_dir() for p in written)
    for path in written:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert secret not in text and "eyJ" not in text, path


def test_a_saved_profile_name_and_the_keyring_secret(sandbox, sandbox_profile_file, memory_keyring, monkeypatch,
                                                      capsys):
    from core.graph.connection import load_profile
    from core.setup.profiles import ProfileStore

    conn, secret = load_profile(sandbox_profile_file)
    conn.name = "Sandbox school"
    ProfileStore().save(conn)
    monkeypatch.setattr("sys.stdin", io.StringIO(secret + "\n"))
    assert main(["secret", "set", "--profile", "Sandbox school"]) == EXIT_OK
    assert main(["check", "--profile", "Sandbox school"]) == EXIT_OK
    assert "All required checks passed." in capsys.readouterr().out
