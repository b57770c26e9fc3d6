"""`apply --federated-upn-swap` and `undo --federated-upn-swap` on the command line (issue 10 §1, §2): the
effects are said before confirming, the report has the before/after columns, an undo of a swap run clears
the values and leaves the UPNs as they were (a value changed in between is left alone), and the audit log
shows nothing but userPrincipalName and onPremisesImmutableId ever sent — the UPN only for swapped users."""

from __future__ import annotations

import io
import json
import sys

from cli_helpers import ROOT, read_report

sys.path.insert(0, str(ROOT / "tests" / "core"))
from swap_school import FED, assert_only_swap_properties, nobody_parked, patch_bodies, seed, uid  # noqa: E402

from core import paths  # noqa: E402
from core.cli import build_parser, main
from core.commands import apply as apply_cmd  # noqa: E402
from core.exits import EXIT_CANCELLED, EXIT_OK, EXIT_SOME_FAILED

SOURCE = ["--source", "attribute:employeeId"]
FEDERATED = {uid(100 + i) for i in range(4)}


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _school(sandbox_factory, tmp_path):
    tenant = sandbox_factory(seed_path=seed(tmp_path))
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
    return tenant, profile


def _runs(kind):
    return sorted(p for p in paths.runs_dir().iterdir() if f"-{kind}-" in p.name)


def test_apply_says_the_effects_and_asks_before_swapping(sandbox_factory, tmp_path, capsys):
    tenant, profile = _school(sandbox_factory, tmp_path)
    args = build_parser().parse_args(["apply", "--profile", str(profile), *SOURCE, "--federated-upn-swap"])
    code = apply_cmd.run(args, stdin=Terminal("yes\n"))
    out = capsys.readouterr().out
    assert code == EXIT_CANCELLED and patch_bodies(tenant) == []  # "yes" is not a confirmation
    assert "UPN swap: 4 users in federated domains will be set in two steps" in out
    assert "OneDrive" in out and "Authenticator" in out and "Other user" in out
    assert "About to write 6 ImmutableIds" in out and "(4 of them with the UPN swap)" in out

    # without the option the federated users are only mentioned, and never written
    assert main(["apply", "--profile", str(profile), *SOURCE, "--yes"]) == EXIT_OK
    offer = "left out unless you choose the UPN swap (--federated-upn-swap): 4 could be set"
    assert offer in capsys.readouterr().out
    assert main(["preview", "--profile", str(profile), *SOURCE]) == EXIT_OK
    assert offer in capsys.readouterr().out
    assert not [b for who, b, _ in patch_bodies(tenant) if who in FEDERATED]


def test_undo_of_a_swap_run_clears_the_values_and_keeps_the_upns(sandbox_factory, tmp_path, capsys):
    tenant, profile = _school(sandbox_factory, tmp_path)
    assert main(["apply", "--profile", str(profile), *SOURCE, "--yes", "--federated-upn-swap"]) == EXIT_OK
    (run_dir,) = _runs("apply")
    report = {r["object_id"]: r for r in read_report(run_dir / "report.csv")}
    for oid in FEDERATED:
        row = report[oid]
        assert row["status"] == "set" and row["upn_before"] == row["upn_after"] == row["user_principal_name"]
        assert row["mail_before"] == row["mail_after"] == tenant.users[oid]["mail"]
    assert report[uid(1)]["upn_before"] == ""  # not swapped: empty columns
    upns = {oid: tenant.users[oid]["userPrincipalName"] for oid in FEDERATED}
    tenant.set_immutable_id(uid(103), "CHANGED-BY-HAND", check=lambda u: None)  # changed in between

    # without the swap: the federated users cannot be cleared, and say what they need
    assert main(["undo", "--profile", str(profile), "--last", "--yes"]) == EXIT_SOME_FAILED
    assert "--federated-upn-swap" in capsys.readouterr().err
    first = {r["object_id"]: r for r in read_report(_runs("undo")[-1] / "report.csv")}
    assert {first[oid]["status"] for oid in FEDERATED - {uid(103)}} == {"failed"}
    assert "UPN swap" in first[uid(100)]["detail"]
    assert first[uid(103)]["status"] == "skipped_changed"
    assert {first[uid(n)]["status"] for n in (1, 2)} == {"cleared"}

    # with it: cleared, and every UPN ends as it was
    assert main(["undo", "--profile", str(profile), "--last", "--yes", "--federated-upn-swap"]) == EXIT_OK
    second = {r["object_id"]: r for r in read_report(_runs("undo")[-1] / "report.csv")}
    for oid in FEDERATED - {uid(103)}:
        assert second[oid]["status"] == "cleared" and tenant.users[oid]["onPremisesImmutableId"] is None
        assert second[oid]["upn_after"] == upns[oid] == tenant.users[oid]["userPrincipalName"]
    assert second[uid(103)]["status"] == "skipped_changed"
    assert tenant.users[uid(103)]["onPremisesImmutableId"] == "CHANGED-BY-HAND"
    assert tenant.users[uid(103)]["userPrincipalName"] == f"f3@{FED}"
    nobody_parked(tenant)
    # the whole session's proof: apply, a refused undo, an undo with the swap
    assert_only_swap_properties(tenant, FEDERATED)
    upn_patches = {who for who, body, _ in patch_bodies(tenant) if "userPrincipalName" in body}
    assert upn_patches == FEDERATED  # f3 was swapped by the apply, but not by the undo
    undo_upn = [who for who, body, _ in patch_bodies(tenant) if "userPrincipalName" in body
                and body.get("onPremisesImmutableId", "x") is None]
    assert sorted(undo_upn) == sorted(FEDERATED - {uid(103)})


def test_the_scheduled_sync_keeps_new_federated_users_covered(sandbox_factory, tmp_path, memory_keyring):
    """After the domain is federated, every new pupil lands in it: the nightly run can only cover them with
    the UPN swap, and only when the schedule says so (the consent is in its command line)."""
    from core.commands import schedule as schedule_cmd

    tenant, profile = _school(sandbox_factory, tmp_path)
    assert main(["connection", "save", "North", "--profile", str(profile), *SOURCE]) == EXIT_OK
    assert main(["apply", "--unattended", "--connection", "North"]) == EXIT_OK
    assert not [b for who, b, _ in patch_bodies(tenant) if who in FEDERATED]  # not asked for: left alone
    assert main(["apply", "--unattended", "--connection", "North", "--federated-upn-swap"]) == EXIT_OK
    assert all(tenant.users[oid]["onPremisesImmutableId"] == f"E-{oid[-3:]}" for oid in FEDERATED)
    assert all(tenant.users[oid]["userPrincipalName"].endswith("@" + FED) for oid in FEDERATED)
    nobody_parked(tenant)
    assert_only_swap_properties(tenant, FEDERATED)
    # `schedule … --federated-upn-swap` puts the option in the scheduled command line
    args = build_parser().parse_args(["schedule", "show", "--connection", "North", "--federated-upn-swap"])
    assert "--federated-upn-swap" in schedule_cmd._schedule(args).arguments()
    plain = build_parser().parse_args(["schedule", "show", "--connection", "North"])
    assert "--federated-upn-swap" not in schedule_cmd._schedule(plain).arguments()
