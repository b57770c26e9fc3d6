"""State that is true across machines and apps (issue 15 §2): what a run finds in the tenant, it respects —
whatever machine, app or killed run left it there. Every test asserts the tenant's state from the sandbox's
audit log and the files on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from cli_helpers import ROOT, read_report

sys.path.insert(0, str(ROOT / "tests" / "core"))
from swap_school import APP, FED, INITIAL, patch_bodies, seed, uid, user  # noqa: E402

from core import paths  # noqa: E402
from core.cli import main  # noqa: E402
from core.exits import EXIT_BAD_INPUT, EXIT_OK, EXIT_SOME_FAILED  # noqa: E402
from core.run.journal import FILE_NAME, Journal  # noqa: E402
from core.tenant.parked import parked, temporary_upn  # noqa: E402

OTHER_APP = {"clientId": "7d1e5b3a-9c2f-4e8d-b6a1-3f5c7e9d1b24", "secret": "other-app-secret-1",
             "roles": ["User.ReadWrite.All", "Domain.Read.All"]}
SOURCE = ["--source", "attribute:employeeId"]


def _two_app_school(tmp_path, federated=8, extra=None):
    path = seed(tmp_path, federated=federated, managed=2, extra=extra)
    data = json.loads(path.read_text("utf-8"))
    data["apps"] = [APP, OTHER_APP]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _profiles(tenant, tmp_path):
    out = []
    for i, name in enumerate(("app-a.json", "app-b.json")):
        path = tmp_path / name
        path.write_text(json.dumps(tenant.connection_profile(i)), encoding="utf-8")
        out.append(path)
    return out


def _kill_between_the_steps(profile, tenant, moved: int, direct: int = 2):
    """A swap run of app A with room for `moved` writes after its `direct` ones (the managed users, written
    first): that many users moved out, then it waits for the quota window -> kill -9."""
    proc = subprocess.Popen([sys.executable, "-m", "core.cli", "apply", "--profile", str(profile), *SOURCE,
                             "--yes", "--federated-upn-swap", "--write-quota", f"{moved + direct}/600"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tick, deadline = threading.Event(), time.monotonic() + 60
    try:
        while sum(1 for u in tenant.users.values() if u["userPrincipalName"].endswith(INITIAL)) < moved:
            assert proc.poll() is None and time.monotonic() < deadline
            tick.wait(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_a_user_left_mid_swap_by_another_app_is_never_written_plainly_and_a_swap_run_finishes_it(
        sandbox_factory, tmp_path, capsys):
    tenant = sandbox_factory(seed_path=_two_app_school(tmp_path))
    app_a, app_b = _profiles(tenant, tmp_path)
    _kill_between_the_steps(app_a, tenant, 3)
    parked_users = {u["id"]: u["userPrincipalName"] for u in tenant.users.values()
                    if u["userPrincipalName"].endswith(INITIAL)}
    assert len(parked_users) == 3
    originals = {oid: parked(upn, tenant.users[oid]["mail"], INITIAL, [FED]).original
                 for oid, upn in parked_users.items()}
    assert all(o and o.endswith("@" + FED) for o in originals.values())

    # another app (no journal of its own knows), a plain apply: the parked users are named, never written
    tenant.clear_audit()
    capsys.readouterr()
    assert main(["apply", "--profile", str(app_b), *SOURCE, "--yes"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "3 users are on a temporary UPN left by an interrupted UPN swap" in out
    assert any(original in out for original in originals.values())
    assert not [oid for oid, _body, _status in patch_bodies(tenant) if oid in parked_users]
    assert all(tenant.users[oid]["userPrincipalName"] == upn for oid, upn in parked_users.items())
    assert all(tenant.users[oid]["onPremisesImmutableId"] is None for oid in parked_users)
    run_b = sorted(p for p in paths.runs_dir().iterdir() if "-apply-" in p.name)[-1]
    report = {r["object_id"]: r for r in read_report(run_b / "report.csv")}
    for oid in parked_users:
        assert report[oid]["status"] == "federated_domain"
        assert report[oid]["user_principal_name"] == originals[oid]  # planned as the user it really is
        assert parked_users[oid] in report[oid]["detail"]

    # a preview says so too: not will_set
    assert main(["preview", "--profile", str(app_b), *SOURCE]) == EXIT_OK
    preview = sorted(paths.runs_dir().glob("*-preview-*"))[-1]
    rows = {r["object_id"]: r for r in read_report(preview / "preview.csv")}
    assert {rows[oid]["status"] for oid in parked_users} == {"federated_domain"}

    # app B's swap run brings them back with their value (each once), before anything else
    tenant.clear_audit()
    assert main(["apply", "--profile", str(app_b), *SOURCE, "--yes", "--federated-upn-swap"]) == EXIT_OK
    for oid in parked_users:
        assert tenant.users[oid]["userPrincipalName"] == originals[oid]
        assert tenant.users[oid]["onPremisesImmutableId"] == f"E-{int(oid[-3:])}"
    sent = [(oid, body) for oid, body, status in patch_bodies(tenant) if status == 204 and oid in parked_users]
    assert sorted(oid for oid, _ in sent) == sorted(parked_users)  # one PATCH each: UPN back with the value
    assert all(body == {"userPrincipalName": originals[oid], "onPremisesImmutableId": f"E-{int(oid[-3:])}"}
               for oid, body in sent)
    nobody = [u for u in tenant.users.values() if u["userPrincipalName"].endswith(INITIAL)]
    assert nobody == []


def test_a_real_account_on_the_initial_domain_is_not_taken_for_a_parked_one(sandbox_factory, tmp_path, capsys):
    """An admin-style account name@<tenant>.onmicrosoft.com, even with its mail in the federated domain, is an
    ordinary user; only the temporary UPN's marker, proved by its hash, makes a user parked."""
    fake_marker = f"x.idswap-00000000@{INITIAL}"  # the marker's shape with a hash that proves nothing
    extra = [user(201, f"it-admin@{INITIAL}", mail=f"it-admin@{FED}"),
             user(202, fake_marker, mail=f"x@{FED}")]
    tenant = sandbox_factory(seed_path=_two_app_school(tmp_path, federated=2, extra=extra))
    app_a, _ = _profiles(tenant, tmp_path)
    assert parked(f"it-admin@{INITIAL}", f"it-admin@{FED}", INITIAL, [FED]) is None
    assert parked(fake_marker, f"x@{FED}", INITIAL, [FED]).original is None
    assert main(["apply", "--profile", str(app_a), *SOURCE, "--yes"]) == EXIT_OK
    assert tenant.users[uid(201)]["onPremisesImmutableId"] == "E-201"  # written like anyone on a managed domain
    assert tenant.users[uid(202)]["onPremisesImmutableId"] is None     # marker, original unknown: a person looks
    assert "whose own UPN cannot be worked out" in capsys.readouterr().out


def test_two_swap_candidates_never_share_a_temporary_upn(sandbox_factory, tmp_path, monkeypatch, capsys):
    """dup@fed.example and dup@fed2.example would both park at dup@<initial> with a plain alias: the marker's
    hash keeps them apart (both are set), and a collision anyway is caught at preview for both users."""
    extra = [user(301, f"dup@{FED}"), user(302, "dup@fed2.example")]
    path = _two_app_school(tmp_path, federated=0, extra=extra)
    data = json.loads(path.read_text("utf-8"))
    data["domains"].append({"id": "fed2.example", "authenticationType": "Federated"})
    path.write_text(json.dumps(data), encoding="utf-8")
    tenant = sandbox_factory(seed_path=path)
    app_a, _ = _profiles(tenant, tmp_path)
    assert temporary_upn(f"dup@{FED}", INITIAL) != temporary_upn("dup@fed2.example", INITIAL)
    assert main(["apply", "--profile", str(app_a), *SOURCE, "--yes", "--federated-upn-swap"]) == EXIT_OK
    assert tenant.users[uid(301)]["onPremisesImmutableId"] == "E-301"
    assert tenant.users[uid(302)]["onPremisesImmutableId"] == "E-302"

    # with a temporary UPN that would collide, preview flags both candidates and apply leaves both alone
    import core.planning.plan as plan_module

    monkeypatch.setattr(plan_module, "temporary_upn", lambda upn, domain: upn.split("@")[0] + "@" + domain)
    tenant.users[uid(301)]["onPremisesImmutableId"] = tenant.users[uid(302)]["onPremisesImmutableId"] = None
    assert main(["preview", "--profile", str(app_a), *SOURCE]) == EXIT_OK
    preview = sorted(paths.runs_dir().glob("*-preview-*"))[-1]
    rows = {r["object_id"]: r for r in read_report(preview / "preview.csv")}
    for oid, other in ((uid(301), "dup@fed2.example"), (uid(302), f"dup@{FED}")):
        assert rows[oid]["status"] == "federated_domain" and other in rows[oid]["detail"]
        assert "temporary UPN" in rows[oid]["detail"]


# --- undo ----------------------------------------------------------------------------------------------
def _swap_run(tenant, profile):
    assert main(["apply", "--profile", str(profile), *SOURCE, "--yes", "--federated-upn-swap"]) == EXIT_OK
    return sorted(p for p in paths.runs_dir().iterdir() if "-apply-" in p.name)[-1]


def test_undo_without_the_swap_sends_nothing_it_knows_will_fail_and_a_second_undo_continues(
        sandbox_factory, tmp_path, capsys):
    tenant = sandbox_factory(seed_path=_two_app_school(tmp_path, federated=4))
    app_a, _ = _profiles(tenant, tmp_path)
    run_dir = _swap_run(tenant, app_a)
    written = Journal.replay(run_dir / FILE_NAME).written()
    federated = {oid for oid in written if tenant.users[oid]["userPrincipalName"].endswith("@" + FED)}
    managed = set(written) - federated
    assert len(federated) == 4 and len(managed) == 2

    # the dry run shows the federated users as needing the swap; nothing is sent
    tenant.clear_audit()
    capsys.readouterr()
    assert main(["undo", "--run", str(run_dir), "--profile", str(app_a), "--dry-run"]) == EXIT_OK
    assert "clearing their value needs the UPN swap" in capsys.readouterr().out
    dry = sorted(paths.runs_dir().glob("*-undo-dry-run-*"))[-1]
    rows = {r["object_id"]: r for r in read_report(dry / "report.csv")}
    assert {rows[oid]["status"] for oid in federated} == {"federated_domain"}
    assert {rows[oid]["status"] for oid in managed} == {"dry_run"}
    assert not [e for e in tenant.audit() if e["method"] == "PATCH"]

    # the undo without the swap clears the managed users only: no PATCH to a federated user at all; those
    # are failed (not cleared, and why), so the exit code says the undo is not whole
    assert main(["undo", "--run", str(run_dir), "--profile", str(app_a), "--yes"]) == EXIT_SOME_FAILED
    first = sorted(p for p in paths.runs_dir().iterdir() if "-undo-" in p.name and "dry-run" not in p.name)[-1]
    rows = {r["object_id"]: r for r in read_report(first / "report.csv")}
    assert {rows[oid]["status"] for oid in federated} == {"failed"}
    assert all("--federated-upn-swap" in rows[oid]["detail"] for oid in federated)
    assert {oid for oid, _b, _s in patch_bodies(tenant)} == managed
    assert all(tenant.users[oid]["onPremisesImmutableId"] is None for oid in managed)
    assert all(tenant.users[oid]["onPremisesImmutableId"] for oid in federated)

    # a second undo, with the swap, finishes it: the first undo's users are its own, not "someone else's"
    tenant.clear_audit()
    assert main(["undo", "--last", "--profile", str(app_a), "--yes", "--federated-upn-swap"]) == EXIT_OK
    second = sorted(p for p in paths.runs_dir().iterdir() if "-undo-" in p.name and "dry-run" not in p.name)[-1]
    rows = {r["object_id"]: r for r in read_report(second / "report.csv")}
    assert {rows[oid]["status"] for oid in federated} == {"cleared"}
    assert {rows[oid]["status"] for oid in managed} == {"cleared"}
    assert all("earlier undo" in rows[oid]["detail"] for oid in managed)
    assert {oid for oid, _b, _s in patch_bodies(tenant)} == federated  # the managed ones were not touched
    assert all(tenant.users[oid]["onPremisesImmutableId"] is None for oid in written)
    assert all(tenant.users[oid]["userPrincipalName"].endswith("@" + FED) for oid in federated)
    # and now the run is undone whole: --last has nothing left
    capsys.readouterr()
    assert main(["undo", "--last", "--profile", str(app_a), "--yes"]) == EXIT_BAD_INPUT
    assert "anything left to undo" in capsys.readouterr().err


def test_an_unfinished_undo_is_named_by_apply_and_finished_by_undo_last(sandbox_factory, tmp_path, capsys):
    from core.graph.client import GraphClient
    from core.graph.connection import load_profile
    from core.run.lifecycle import execute
    from core.run.prepare import prepare_undo

    tenant = sandbox_factory(seed_path=_two_app_school(tmp_path, federated=0))
    app_a, _ = _profiles(tenant, tmp_path)
    assert main(["apply", "--profile", str(app_a), *SOURCE, "--yes"]) == EXIT_OK
    run_dir = sorted(p for p in paths.runs_dir().iterdir() if "-apply-" in p.name)[-1]
    conn, secret = load_profile(app_a)[:2]
    graph = GraphClient.open(conn, secret)
    cancelled = threading.Event()
    cancelled.set()  # stopped before its first clear, as a killed or cancelled undo is
    outcome = execute(prepare_undo(conn, graph, run_dir).run_spec(face="cli"), graph, cancel=cancelled)
    assert outcome.cancelled
    # a run that sets nothing comes after it: --last must not pick that no-op
    assert main(["apply", "--profile", str(app_a), *SOURCE, "--yes"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "An undo of this tenant and app did not finish" in out and str(outcome.run_dir) in out
    tenant.clear_audit()
    assert main(["undo", "--last", "--profile", str(app_a), "--yes"]) == EXIT_OK
    undos = [p for p in paths.runs_dir().iterdir() if "-undo-" in p.name]
    assert undos == [outcome.run_dir]  # continued in its own folder
    written = Journal.replay(run_dir / FILE_NAME).written()
    assert sorted(oid for oid, _b, _s in patch_bodies(tenant)) == sorted(written)
    assert Journal.replay(outcome.run_dir / FILE_NAME).complete


def test_undo_refuses_another_tenants_run_and_anything_that_is_not_an_apply_journal(
        sandbox_factory, tmp_path, capsys):
    tenant = sandbox_factory(seed_path=_two_app_school(tmp_path, federated=0))
    app_a, app_b = _profiles(tenant, tmp_path)
    assert main(["apply", "--profile", str(app_b), *SOURCE, "--yes"]) == EXIT_OK
    other_apps_run = sorted(p for p in paths.runs_dir().iterdir() if "-apply-" in p.name)[-1]
    other = sandbox_factory(users=20)
    other_profile = tmp_path / "other.json"
    other_profile.write_text(json.dumps(other.connection_profile()), encoding="utf-8")
    assert main(["apply", "--profile", str(other_profile), *SOURCE, "--yes"]) in (EXIT_OK, EXIT_SOME_FAILED)
    other_tenants_run = sorted(p for p in paths.runs_dir().iterdir() if "-apply-" in p.name
                               and p != other_apps_run)[-1]
    empty = tmp_path / "empty-run"
    (empty / FILE_NAME).parent.mkdir()
    (empty / FILE_NAME).write_text("", encoding="utf-8")
    folder_named_journal = tmp_path / "dir-run"
    (folder_named_journal / FILE_NAME).mkdir(parents=True)
    garbage = tmp_path / "garbage-run"
    garbage.mkdir()
    (garbage / FILE_NAME).write_bytes(b"\x00\xff not json\n")
    undo_journal = tmp_path / "undo-run"
    with Journal(undo_journal, {"kind": "undo", "tenant": tenant.tenant_id}) as journal:
        journal.end({})
    cases = [(other_apps_run, "another tenant or by another app"), (other_tenants_run, "another tenant"),
             (empty, "empty"), (folder_named_journal, "cannot be read"), (garbage, "empty"),
             (undo_journal, "not an apply run"), (tmp_path / "missing", "no such folder")]
    tenant.clear_audit()
    for run, words in cases:
        capsys.readouterr()
        assert main(["undo", "--run", str(run), "--profile", str(app_a), "--yes"]) == EXIT_BAD_INPUT, run
        assert words in capsys.readouterr().err, run
    # up front: not one user was read or written in this tenant
    assert not [e for e in tenant.audit() if "/users" in e["path"]]
    assert not [p for p in paths.runs_dir().iterdir() if "-undo-" in p.name]


def test_an_exception_inside_undo_still_leaves_report_and_summary(sandbox_factory, tmp_path, monkeypatch):
    import core.run.undo as undo_module

    tenant = sandbox_factory(seed_path=_two_app_school(tmp_path, federated=0))
    app_a, _ = _profiles(tenant, tmp_path)
    assert main(["apply", "--profile", str(app_a), *SOURCE, "--yes"]) == EXIT_OK

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(undo_module, "_undo_chunk", broken)
    assert main(["undo", "--last", "--profile", str(app_a), "--yes"]) == 3
    (undo_dir,) = [p for p in paths.runs_dir().iterdir() if "-undo-" in p.name]
    summary = json.loads((undo_dir / "summary.json").read_text("utf-8"))
    assert summary["fatal"] == "internal_error:ZeroDivisionError" and summary["command"] == "undo"
    assert {r["status"] for r in read_report(undo_dir / "report.csv")} == {"not_attempted"}
    state = Journal.replay(undo_dir / FILE_NAME)
    assert state.ended and not state.complete  # the next undo continues it
