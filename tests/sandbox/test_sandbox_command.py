"""`immutableid-sync sandbox` end to end, in a subprocess: JSON line, profile file, use, SIGINT, exit 0."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from core.graph.http import VerifyingSession

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"tenant_id", "client_id", "client_secret", "login_url", "graph_url", "ca_bundle", "admin_upn", "idp_metadata_url"}


def _start(*args: str) -> tuple[subprocess.Popen, dict]:
    proc = subprocess.Popen([sys.executable, "-m", "core.cli", "sandbox", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()  # blocks until the sandbox is listening
    assert line, proc.stderr.read()
    return proc, json.loads(line)


def _stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGINT)
    return proc.wait(timeout=20)


def test_command_prints_the_connection_and_serves_until_interrupted(tmp_path):
    profile_out = tmp_path / "profile.json"
    proc, profile = _start("--users", "150", "--profile-out", str(profile_out), "--write-quota", "2/60",
                           "--token-lifetime", "120")
    try:
        assert set(profile) == KEYS and profile["login_url"].startswith("https://127.0.0.1:")
        assert json.loads(profile_out.read_text()) == profile
        assert profile_out.stat().st_mode & 0o077 == 0
        client_env = dict(os.environ)
        for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):  # a plain machine, as the script assumes
            client_env.pop(name, None)
        script = Path(__file__).with_name("ten_line_client.py")
        out = subprocess.run([sys.executable, str(script), str(profile_out)], env=client_env,
                             capture_output=True, text=True, timeout=60)
        assert out.stdout.strip() == "150", out.stderr
        session = VerifyingSession(verify=profile["ca_bundle"])
        audit = session.get(f"{profile['graph_url']}/_sandbox/audit").json()["entries"]
        assert [e["status"] for e in audit if e["path"] == "/v1.0/users"] == [200]
        token = [e for e in audit if e["path"].endswith("/token")]
        assert token and token[0]["client_id"] == profile["client_id"]
    finally:
        code = _stop(proc)
    assert code == 0
    assert not Path(profile["ca_bundle"]).exists()  # the throwaway CA goes with the sandbox


def test_command_pages_2000_users_with_the_ten_line_script(tmp_path):
    proc, profile = _start("--users", "2000", "--profile-out", str(tmp_path / "p.json"))
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")}
        out = subprocess.run([sys.executable, str(Path(__file__).with_name("ten_line_client.py")),
                              str(tmp_path / "p.json")], env=env, capture_output=True, text=True, timeout=60)
        assert out.stdout.strip() == "2000", out.stderr
    finally:
        assert _stop(proc) == 0


@pytest.mark.parametrize(("args", "words"), [
    (["--faults", "boom=1"], "--faults: unknown fault 'boom'"),
    (["--write-quota", "lots"], "--write-quota"),
    (["--latency-ms", "fast"], "--latency-ms"),
    (["--seed", "/nonexistent/seed.json"], "cannot read the file"),
    (["--users", "5", "--seed", "x.json"], "either --seed or --users"),
])
def test_bad_options_exit_2_with_a_clear_message(args, words, capsys):
    from core.cli import main

    assert main(["sandbox", *args]) == 2
    out = capsys.readouterr()
    assert words in out.err and out.out == ""


def test_bad_seed_file_names_the_problem(tmp_path):
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps({"users": [{"id": "42", "userPrincipalName": "a@school.example"}]}))
    out = subprocess.run([sys.executable, "-m", "core.cli", "sandbox", "--seed", str(seed)], cwd=ROOT,
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 2 and "users[0].id: '42' is not a GUID" in out.stderr


def test_port_in_use_exits_2(tmp_path):
    proc, profile = _start("--users", "5")
    try:
        port = profile["login_url"].rsplit(":", 1)[1]
        out = subprocess.run([sys.executable, "-m", "core.cli", "sandbox", "--users", "5", "--port", port],
                             cwd=ROOT, capture_output=True, text=True, timeout=30)
        assert out.returncode == 2 and f"cannot listen on port {port}" in out.stderr
    finally:
        assert _stop(proc) == 0
