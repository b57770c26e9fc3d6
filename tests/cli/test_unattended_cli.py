"""Saved connections with their source (`connection …`) and unattended runs (`apply --unattended`):
the guard rail writes nothing above its threshold, pruning, and the status a failed run leaves."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from cli_helpers import patches

from core.cli import main
from core.exits import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_GUARD_REFUSED, EXIT_OK, EXIT_SOME_FAILED
from core.graph.connection import Connection
from core.setup.profiles import ProfileStore
from core.setup.unattended import FACE, prune_runs, read_statuses

SOURCE = ["--source", "attribute:objectId", "--transform", "guid-base64"]


def save(profile_file, name="North", *extra):
    return main(["connection", "save", name, "--profile", str(profile_file), *SOURCE, *extra])


def writes(tenant):
    """Every write the tenant saw: PATCHes, alone or inside a $batch (the audit lists inner requests too)."""
    return [e for e in tenant.audit() if e["method"] == "PATCH"]


def summaries(home):
    return {p.parent.name: json.loads(p.read_text("utf-8")) for p in (home / "data" / "runs").glob("*/summary.json")}


def test_save_list_show_delete(sandbox, sandbox_profile_file, memory_keyring, capsys, isolated_home):
    assert save(sandbox_profile_file, "North", "--keep-runs", "3") == EXIT_OK
    out = capsys.readouterr().out
    assert 'Saved connection "North"' in out and "Secret saved in the keyring" in out
    # the wizard's saved connections are the same records, and the secret is only in the keyring
    store = ProfileStore()
    assert store.get("North").tenant == sandbox.tenant_id
    assert store.attached("North", "source")["attribute"] == "objectId"
    assert sandbox.apps[0]["secret"] not in store.path.read_text("utf-8")
    assert list(memory_keyring.store.values()) == [sandbox.apps[0]["secret"]]
    assert main(["connection", "list"]) == EXIT_OK
    assert "attribute:objectId, transform guid-base64" in capsys.readouterr().out
    assert main(["connection", "show", "North"]) == EXIT_OK
    shown = json.loads(capsys.readouterr().out)
    assert shown["keep_runs"] == 3 and shown["source"]["transform"] == "guid-base64"
    # saving the connection again (as the wizard does) keeps its source
    store.save(Connection.from_profile_dict({**store.get("North").to_profile_dict()}))
    assert store.attached("North", "source")["kind"] == "attribute"
    assert main(["connection", "delete", "North"]) == EXIT_OK
    assert main(["connection", "show", "North"]) == EXIT_BAD_INPUT
    assert ProfileStore().names() == []


def test_bad_source_is_refused_when_saving(sandbox_profile_file, memory_keyring, tmp_path, capsys):
    code = main(["connection", "save", "N", "--profile", str(sandbox_profile_file),
                 "--source", f"csv:{tmp_path / 'missing.csv'}", "--match", "upn", "--key-column", "a",
                 "--value-column", "b"])
    assert code == EXIT_BAD_INPUT
    assert ProfileStore().names() == []


def test_guard_rail_writes_nothing_above_the_threshold(sandbox, sandbox_profile_file, memory_keyring, capsys,
                                                      isolated_home):
    assert save(sandbox_profile_file) == EXIT_OK
    sandbox.clear_audit()
    assert main(["apply", "--unattended", "--connection", "North", "--max-writes", "10"]) == EXIT_GUARD_REFUSED
    assert "Nothing was written" in capsys.readouterr().err
    assert not writes(sandbox)
    (refused,) = summaries(isolated_home).values()
    assert refused["refused"]["code"] == "too_many_writes" and refused["refused"]["limit"] == 10
    assert refused["written"] == 0 and refused["face"] == FACE
    assert "refused (too_many_writes)" in (isolated_home / "logs" / "immutableid-sync.log").read_text("utf-8")
    assert read_statuses()["North"].problem == "too_many_writes"
    # by share of the tenant's users
    assert main(["apply", "--unattended", "--connection", "North", "--max-percent", "5"]) == EXIT_GUARD_REFUSED
    assert read_statuses()["North"].problem == "too_large_share" and not writes(sandbox)
    # a dry run shows what tonight's run would do, writes nothing, and leaves the scheduled run's status alone
    report = isolated_home / "tonight.csv"
    assert main(["apply", "--unattended", "--connection", "North", "--dry-run", "--report", str(report)]) == EXIT_OK
    assert not writes(sandbox) and read_statuses()["North"].problem == "too_large_share"
    assert report.read_bytes().count(b",dry_run,") > 10
    # within the guard: written, with the same files as any run (the synthetic school's admins fail: 403)
    assert main(["apply", "--unattended", "--connection", "North"]) == EXIT_SOME_FAILED
    written = sum(patches(sandbox).values())
    assert written > 10
    status = read_statuses()["North"]
    assert status.problem == "some_failed" and status.counts["set"] == written and status.last_success is None
    (run,) = [s for s in summaries(isolated_home).values() if "refused" not in s and not s["dry_run"]]
    assert run["face"] == FACE and run["counts"]["set"] == written
    assert run["source"] == "attribute:objectId" and run["transform"] == "guid-base64"


def test_failed_run_leaves_its_status(sandbox, sandbox_profile_file, memory_keyring, capsys):
    assert save(sandbox_profile_file) == EXIT_OK
    sandbox.directory.apps[0].secret_expires = datetime.now(UTC) - timedelta(days=1)
    assert main(["apply", "--unattended", "--connection", "North"]) == EXIT_CANNOT_CONNECT
    status = read_statuses()["North"]
    assert status.problem == "secret_expired" and status.failed and status.last_success is None
    assert not patches(sandbox)


def test_unattended_needs_a_saved_connection_and_source(sandbox_profile_file, memory_keyring, capsys):
    assert main(["apply", "--unattended", *SOURCE]) == EXIT_BAD_INPUT
    assert main(["apply", "--unattended", "--connection", "Nowhere"]) == EXIT_BAD_INPUT
    assert "no saved connection" in capsys.readouterr().err
    assert main(["connection", "save", "Bare", "--profile", str(sandbox_profile_file)]) == EXIT_OK
    assert main(["apply", "--unattended", "--connection", "Bare"]) == EXIT_BAD_INPUT
    assert read_statuses()["Bare"].problem == "no_saved_source"


def test_pruning_keeps_the_newest_unattended_runs(isolated_home):
    runs = isolated_home / "data" / "runs"
    conn = Connection("contoso.example", "11111111-1111-4111-8111-111111111111")

    def folder(name, face, tenant="contoso.example"):
        path = runs / name
        path.mkdir(parents=True)
        (path / "summary.json").write_text(json.dumps({"face": face, "tenant": tenant,
                                                       "client_id": conn.client_id}), "utf-8")
        return path

    unattended = [folder(f"2026110{i}-020000-apply-contoso", FACE) for i in range(1, 6)]
    wizard = folder("20261101-120000-apply-contoso", "wizard")
    other = folder("20261101-020000-apply-other", FACE, "other.example")
    unfinished = folder("20261100-020000-apply-contoso", FACE)
    (unfinished / "journal.jsonl").write_text('{"type":"header"}\n', "utf-8")
    pruned = prune_runs(conn, keep=2, runs=runs).pruned
    assert sorted(pruned) == unattended[:3]
    assert [p.exists() for p in unattended] == [False, False, False, True, True]
    assert wizard.exists() and other.exists() and unfinished.exists()


def test_unattended_runs_prune_their_old_run_folders(sandbox, sandbox_profile_file, memory_keyring, isolated_home):
    assert save(sandbox_profile_file, "North", "--keep-runs", "2") == EXIT_OK
    assert main(["preview", "--profile", str(sandbox_profile_file), *SOURCE]) == EXIT_OK  # a person's run
    for _ in range(4):
        assert main(["apply", "--unattended", "--connection", "North", "--max-writes", "0"]) == EXIT_GUARD_REFUSED
    runs = sorted(p.name for p in (isolated_home / "data" / "runs").iterdir())
    assert len([r for r in runs if "-refused-" in r]) == 2
    assert len(runs) == 3  # the person's own run is never pruned
