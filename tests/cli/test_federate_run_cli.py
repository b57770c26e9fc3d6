"""`immutableid-sync federate apply` / `federate undo` against the sandbox (issue 18 §1): an admin signs in
through the real MSAL interactive flow (the stand-in browser, tests/conftest.py), the readiness checks run
again, the domain is typed to confirm, the configuration is POSTed, read back field by field and the home
realm waited for; undo takes it back to managed. Each is a run: a run folder with journal, report and
summary. The sandbox's audit log shows exactly the calls made."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from cli_helpers import ROOT
from federation_school import ADMIN, metadata_file, profile_file
from federation_school import school as fed_school

from core import paths
from core.cli import main
from core.exits import EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED
from core.run.journal import FILE_NAME, Journal

STAFF = {"userPrincipalName": "staff@skola.onmicrosoft.com", "role": "User"}
FAST = ["--realm-interval", "0.05"]


@pytest.fixture
def school(sandbox_factory, browser, tmp_path):
    tenant = fed_school(sandbox_factory, tmp_path, accounts=(ADMIN, STAFF))
    browser.ca_bundle, browser.account = tenant.ca_bundle, ADMIN["userPrincipalName"]
    tenant.profile = profile_file(tenant, tmp_path)
    tenant.metadata = metadata_file(tmp_path)
    return tenant


def _apply(school, *extra, stdin=None):
    args = ["federate", "apply", "--profile", school.profile, "--domain", "elev.example",
            "--idp-metadata", school.metadata, *FAST, *extra]
    return _main(args, stdin)


def _undo(school, *extra, stdin=None):
    return _main(["federate", "undo", "--profile", school.profile, "--domain", "elev.example", *FAST, *extra], stdin)


def _main(args, stdin):
    if stdin is None:
        return main(args)
    from core.commands import federate_run

    parser_args = _parse(args)
    return (federate_run.run_apply if args[1] == "apply" else federate_run.run_undo)(parser_args, stdin)


def _parse(args):
    from core.cli import build_parser

    return build_parser().parse_args(args)


class Typed(io.StringIO):
    def isatty(self):
        return True


def _federation_calls(school):
    """(method, status, who) of every call on the domain's federation, and every home-realm read's count."""
    calls = [(e["method"], e["status"], "app" if e.get("client_id") == school.apps[0]["clientId"] else "admin")
             for e in school.audit() if "federationConfiguration" in e["path"]]
    realm = sum(1 for e in school.audit() if "/userrealm/" in e["path"])
    return calls, realm


def _writes(school):
    return [(e["method"], e["status"]) for e in school.audit()
            if e["method"] in ("POST", "PATCH", "DELETE") and e["path"].startswith("/v1.0/")]


def _run_dirs(kind):
    return sorted(p for p in paths.runs_dir().iterdir() if f"-{kind}-" in p.name)


def _report(run_dir):
    with (run_dir / "report.csv").open(encoding="utf-8-sig") as fh:
        return {row["step"]: (row["status"], row["detail"]) for row in csv.DictReader(fh)}


def test_federate_verify_then_undo(school, capsys):
    assert _apply(school, "--yes") == EXIT_OK
    out = capsys.readouterr().out
    assert "Done: elev.example is federated with the IdP" in out and "[ ok ] Admin sign-in" in out
    calls, realm = _federation_calls(school)
    # the readiness read (the app), the run's read (404), the POST, the read-back — all the admin's but the first
    assert calls == [("GET", 404, "app"), ("GET", 404, "admin"), ("POST", 201, "admin"), ("GET", 200, "admin")]
    assert realm >= 1 and _writes(school) == [("POST", 201)]
    held = school.directory.federations["elev.example"]
    (run_dir,) = _run_dirs("federate")
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    assert summary["differences"] == [] and summary["verified"] and summary["admin"] == ADMIN["userPrincipalName"]
    assert held["issuerUri"] == summary["federation"]["issuerUri"] == "https://idp.skolon.example/saml2/idp"
    assert summary["total_users"] == 0 and summary["total_steps"] == 4 and summary["counts"] == {"done": 4}
    assert held["preferredAuthenticationProtocol"] == "saml" and held["signingCertificate"]
    assert _report(run_dir) == {"read": ("done", "managed"), "write": ("done", "posted"),
                                "readback": ("done", "equal"), "realm": ("done", "Federated after 0 s")}
    state = Journal.replay(run_dir / FILE_NAME)
    assert state.ended and state.header["kind"] == "federate" and state.outcomes == {"elev.example": ("done", "posted")}

    school.clear_audit()
    assert _undo(school, "--yes") == EXIT_OK
    out = capsys.readouterr().out
    assert "sign in with a password kept by Microsoft" in out and "managed (passwords) again" in out
    calls, _realm = _federation_calls(school)
    assert calls == [("GET", 200, "admin"), ("DELETE", 204, "admin"), ("GET", 404, "admin")]
    assert "elev.example" not in school.directory.federations
    (undo_dir,) = _run_dirs("federate-undo")
    assert _report(undo_dir)["write"] == ("done", "deleted") and _report(undo_dir)["realm"][0] == "done"


def test_the_typed_domain_confirms_and_anything_else_changes_nothing(school, capsys):
    assert _apply(school, stdin=Typed("skola.example\n")) == EXIT_CANCELLED
    assert "Not confirmed; nothing was changed." in capsys.readouterr().err and _writes(school) == []
    assert _apply(school, stdin=Typed("Elev.Example\n")) == EXIT_OK
    assert _writes(school) == [("POST", 201)]
    assert _undo(school, stdin=Typed("\n")) == EXIT_CANCELLED
    assert "elev.example" in school.directory.federations


def test_no_terminal_and_no_yes_is_refused_before_sign_in(school, browser, capsys):
    assert _apply(school, stdin=io.StringIO("elev.example\n")) == 2
    assert "Pass --yes" in capsys.readouterr().err and browser.opened == [] and school.audit() == []


def test_a_wrong_admin_is_refused_and_nothing_changes(school, browser, capsys):
    browser.account = STAFF["userPrincipalName"]
    assert _apply(school, "--yes") == EXIT_CANNOT_CONNECT
    err = capsys.readouterr().err
    assert "staff@skola.onmicrosoft.com may not federate domains" in err and "Domain Name Administrator" in err
    assert _writes(school) == [] and "elev.example" not in school.directory.federations
    assert not paths.runs_dir().exists() or _run_dirs("federate") == []


def test_a_domain_that_is_not_ready_is_not_changed(school, capsys):
    assert main(["federate", "apply", "--profile", school.profile, "--domain", "skola.example",
                 "--idp-metadata", school.metadata, "--yes", *FAST]) == EXIT_SOME_FAILED
    assert "Not ready" in capsys.readouterr().err and _writes(school) == []


def test_a_realm_that_does_not_follow_times_out_saying_what_to_do_and_a_rerun_verifies_only(school, capsys):
    school.config.federation_delay_s = 3600
    assert _apply(school, "--yes", "--realm-timeout", "0.005") == EXIT_SOME_FAILED
    out = capsys.readouterr().out
    assert "did not follow within" in out and "Run the same command again later" in out
    (first,) = _run_dirs("federate")
    assert _report(first)["realm"][0] == "timed_out" and _report(first)["write"] == ("done", "posted")
    school.config.federation_delay_s = 0  # replication caught up
    assert _apply(school, "--yes") == EXIT_OK
    assert _writes(school) == [("POST", 201)]  # no second POST
    second = _run_dirs("federate")[-1]
    assert _report(second)["write"] == ("skipped", "already_federated_with_this_idp")
    assert _report(second)["readback"] == ("done", "equal") and _report(second)["realm"][0] == "done"


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_kill_9_during_the_realm_wait_then_a_rerun_recognises_the_state(school, tmp_path, capsys):
    school.config.federation_delay_s = 3600  # the sign-in page lags: the run waits
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("federate_victim.py")),
                             ADMIN["userPrincipalName"], school.ca_bundle, "--profile", school.profile,
                             "--domain", "elev.example", "--idp-metadata", school.metadata, "--yes", *FAST],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        tick, deadline = threading.Event(), time.monotonic() + 60
        while sum(1 for e in school.audit() if "/userrealm/" in e["path"]) < 3:  # posted, now waiting
            assert proc.poll() is None, f"federate apply ended before the kill (exit {proc.returncode})"
            assert time.monotonic() < deadline, "federate apply never reached the realm wait"
            tick.wait(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL and _writes(school) == [("POST", 201)]
    (killed,) = _run_dirs("federate")
    assert not Journal.replay(killed / FILE_NAME).ended  # the run folder says it did not finish

    school.config.federation_delay_s = 0
    assert _apply(school, "--yes") == EXIT_OK
    assert "[ ok ] Federation: elev.example is already federated with this IdP" in capsys.readouterr().out
    assert _writes(school) == [("POST", 201)]  # the tenant holds it: verified, never POSTed twice
    rerun = _run_dirs("federate")[-1]
    assert rerun != killed and _report(rerun)["write"] == ("skipped", "already_federated_with_this_idp")
    assert _report(rerun)["realm"][0] == "done"
