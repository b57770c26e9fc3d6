"""Run check, preview and apply (CLI, in-process) with a distinctive secret, then scan every file the
program wrote — config, logs, journals, reports, summaries — and everything it printed, for the
secret and for anything that looks like a token (a JWT)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from core.cli import main
from core.exits import EXIT_CANNOT_CONNECT
from core.setup.schedule import Schedule
from core.setup.scheduler import Completed, Scheduler

SECRET = "LeakCanary~Q7v9xZp2Wm4Rt6Yb8Nc1Kd3Hf5Jg0Ls"  # noqa: S105 — a test secret, meant to be searched for
WRONG = "LeakCanaryWrong~0Ls9Jg5Hf3Kd1Nc8Yb6Rt4Wm2Zp"  # noqa: S105
JWT = re.compile(rb"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")
CLIENT_ID = "5b1c9f8e-2d7a-4e3b-9c6f-0a1b2c3d4e5f"


def _seed(folder: Path) -> Path:
    users = [{"id": f"00000000-0000-4000-8000-{n:012d}", "displayName": f"Pupil {n}",
              "userPrincipalName": f"p{n}@school.example", "employeeId": f"E{n}", "userType": "Member",
              "accountEnabled": True} for n in range(1, 31)]
    seed = {"apps": [{"clientId": CLIENT_ID, "secret": SECRET, "roles": ["User.ReadWrite.All"]}],
            "domains": [{"id": "school.example", "authenticationType": "Managed"}], "users": users}
    path = folder / "seed.json"
    path.write_text(json.dumps(seed), encoding="utf-8")
    return path


def _files(*roots: Path) -> list[Path]:
    return [p for root in roots for p in ([root] if root.is_file() else root.rglob("*")) if p.is_file()]


def test_no_secret_or_token_in_any_written_file(sandbox_factory, tmp_path_factory, isolated_home,
                                                 monkeypatch, capsys):
    seed_dir, out_dir = tmp_path_factory.mktemp("seed"), tmp_path_factory.mktemp("out")
    tenant = sandbox_factory(seed_path=_seed(seed_dir))
    profile = tenant.connection_profile()
    assert profile["client_secret"] == SECRET
    del profile["client_secret"]
    profile_path = out_dir / "profile.json"
    profile_path.write_text(json.dumps(profile), encoding="utf-8")
    conn = ["--profile", str(profile_path)]
    source = ["--source", "attribute:employeeId"]

    monkeypatch.setenv("IMMUTABLEID_SYNC_CLIENT_SECRET", SECRET)
    assert main(["check", *conn]) == 0
    assert main(["preview", *conn, *source, "--out", str(out_dir / "preview.csv")]) == 0
    assert main(["apply", *conn, *source, "--dry-run", "--report", str(out_dir / "dry.csv")]) == 0
    assert main(["apply", *conn, *source, "--yes", "--report", str(out_dir / "apply.csv")]) == 0
    assert all(u["onPremisesImmutableId"] for u in tenant.users.values())  # the run really wrote
    # issue 11: a saved connection with its source, an unattended run, and a schedule's definition
    assert main(["connection", "save", "North", *conn, *source, "--keep-runs", "5"]) == 0
    assert main(["apply", "--unattended", "--connection", "North"]) == 0
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    Scheduler("systemd", lambda argv, text=None: Completed(0), out_dir, ["/opt/immutableid-sync"]).install(
        Schedule("North"))
    monkeypatch.setenv("IMMUTABLEID_SYNC_CLIENT_SECRET", WRONG)
    assert main(["check", *conn]) == EXIT_CANNOT_CONNECT
    assert main(["apply", *conn, *source, "--yes"]) == EXIT_CANNOT_CONNECT
    printed = capsys.readouterr()

    files = _files(isolated_home, out_dir)
    names = {p.name for p in files}
    assert {"journal.jsonl", "report.csv", "summary.json", "preview.csv", "apply.csv", "profiles.json",
            "unattended-status.json"} <= names
    assert any(p.suffix == ".timer" for p in files)
    assert any(p.suffix == ".log" or ".log" in p.name for p in files)  # the log was scanned too
    for path in files:
        data = path.read_bytes()
        for needle in (SECRET, WRONG):
            assert needle.encode() not in data, f"secret found in {path}"
            assert needle.encode("utf-16-le") not in data, f"secret (UTF-16) found in {path}"
        assert not JWT.search(data), f"token-like string in {path}"
    for stream in (printed.out, printed.err):
        assert SECRET not in stream and WRONG not in stream and not JWT.search(stream.encode())


def test_the_scan_can_fail(tmp_path):
    leaky = tmp_path / "leak.log"
    leaky.write_text(f"token eyJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6WyJhIl19.c2ln secret {SECRET}", encoding="utf-8")
    data = leaky.read_bytes()
    assert SECRET.encode() in data and JWT.search(data)


def test_app_create_and_renew_leak_no_new_secret_or_token(sandbox_factory, browser, memory_keyring,
                                                          tmp_path_factory, isolated_home, capsys):
    """The secrets `app create` and `app renew` make, and the admin's delegated token, reach the keyring
    only: no file, no output."""
    out_dir = tmp_path_factory.mktemp("appout")
    tenant = sandbox_factory(users=5)
    browser.ca_bundle = tenant.ca_bundle
    profile = out_dir / "tenant.json"
    public = tenant.connection_profile()
    del public["client_secret"]
    profile.write_text(json.dumps(public), encoding="utf-8")
    assert main(["app", "create", "--profile", str(profile), "--save-as", "Leak",
                 "--reminder", str(out_dir / "r.ics")]) == 0
    first = list(memory_keyring.store.values())
    assert main(["check", "--profile", "Leak"]) == 0
    assert main(["app", "renew", "--profile", "Leak", "--remove-old", "--reminder", str(out_dir / "r2.ics")]) == 0
    printed = capsys.readouterr()
    new = [p.secret for a in tenant.directory.apps for p in a.passwords]
    assert len(new) == 1 and list(memory_keyring.store.values()) == new and len(first) == 1
    secrets = new + first  # the renewed one, and the first (now removed from the app)
    assert len(set(secrets)) == 2
    files = _files(isolated_home, out_dir)
    assert {"r.ics", "r2.ics", "profiles.json"} <= {p.name for p in files}
    for path in files:
        data = path.read_bytes()
        for needle in secrets:
            assert needle.encode() not in data, f"new secret found in {path}"
        assert not JWT.search(data), f"token-like string in {path}"
    for stream in (printed.out, printed.err):
        assert not any(s in stream for s in secrets) and not JWT.search(stream.encode())
