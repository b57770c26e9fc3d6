"""Admins known before writing (issue 10 §3, graph-facts §12): with RoleManagement.Read.Directory, preview
and apply mark role holders — assigned directly or through a role-assignable group — as `admin_role`
and nothing is PATCHed for them; without it, their writes fail with 403 as before."""

from __future__ import annotations

import json

import pytest
from cli_helpers import person, read_report

from core.cli import main
from core.exits import EXIT_OK, EXIT_SOME_FAILED
from core.graph.auth import TokenProvider
from core.graph.client import GraphClient
from core.graph.connection import Connection
from core.sandbox.graph import roles as graph_roles
from core.tenant.admins import read_admins

GROUP = "0b9d5c3e-0000-4000-8000-00000000aaaa"
DIRECT, VIA_GROUP, PLAIN = (person(n)["id"] for n in (1, 2, 3))


@pytest.fixture
def school(sandbox_factory, tmp_path):
    seed = {"domains": [{"id": "school.example", "authenticationType": "Managed"}],
            "users": [person(1), person(2), person(3), person(4, privilegedRole=True)],
            "groups": [{"id": GROUP, "displayName": "IT staff", "isAssignableToRole": True,
                        "members": ["user2@school.example"]}],
            "roleAssignments": [{"role": "User Administrator", "principal": "user1@school.example"},
                                {"role": "Helpdesk Administrator", "principal": GROUP}]}
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(seed), encoding="utf-8")
    tenant = sandbox_factory(seed_path=path)
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
    return tenant, profile


def _grant(tenant, *extra: str) -> None:
    tenant.set_app_roles(tenant.apps[0]["clientId"], ["User.ReadWrite.All", *extra])


def _apply(profile, tmp_path, name: str) -> tuple[int, dict[str, dict]]:
    report = tmp_path / name
    code = main(["apply", "--profile", str(profile), "--source", "attribute:employeeId", "--yes",
                 "--report", str(report)])
    return code, {r["object_id"]: r for r in read_report(report)}


def _patched(tenant) -> set[str]:
    return {e["path"].rsplit("/", 1)[1] for e in tenant.audit() if e["method"] == "PATCH"}


def test_with_the_permission_admins_are_marked_and_never_written(school, tmp_path):
    tenant, profile = school
    _grant(tenant, "RoleManagement.Read.Directory", "GroupMember.Read.All")
    code, rows = _apply(profile, tmp_path, "apply.csv")
    assert code == EXIT_OK  # nothing failed: no admin was attempted
    legacy = person(4)["id"]  # privilegedRole: true in the seed = a Global Administrator assignment
    assert {uid: rows[uid]["status"] for uid in (DIRECT, VIA_GROUP, legacy, PLAIN)} == {
        DIRECT: "admin_role", VIA_GROUP: "admin_role", legacy: "admin_role", PLAIN: "set"}
    assert rows[VIA_GROUP]["detail"] == ("holds Helpdesk Administrator: a Privileged Authentication "
                                         "Administrator must set it, by hand")
    assert _patched(tenant) == {PLAIN}  # the audit log: no PATCH for any admin
    assert tenant.users[DIRECT]["onPremisesImmutableId"] is None


def test_without_the_permission_admins_fail_with_403_as_before(school, tmp_path):
    tenant, profile = school
    code, rows = _apply(profile, tmp_path, "apply.csv")
    assert code == EXIT_SOME_FAILED
    assert {rows[uid]["status"] for uid in (DIRECT, VIA_GROUP)} == {"failed"}
    assert {DIRECT, VIA_GROUP} <= _patched(tenant)
    refused = {e["path"].rsplit("/", 1)[1] for e in tenant.audit() if e["method"] == "PATCH" and e["status"] == 403}
    assert {DIRECT, VIA_GROUP} <= refused
    assert not [e for e in tenant.audit() if "roleManagement" in e["path"]]  # not even asked


def test_preview_marks_them_too(school, tmp_path, capsys):
    tenant, profile = school
    _grant(tenant, "RoleManagement.Read.Directory", "GroupMember.Read.All")
    out = tmp_path / "preview.csv"
    assert main(["preview", "--profile", str(profile), "--source", "attribute:employeeId", "--out", str(out)]) \
        == EXIT_OK
    statuses = {r["object_id"]: r["status"] for r in read_report(out)}
    assert statuses[DIRECT] == statuses[VIA_GROUP] == "admin_role" and statuses[PLAIN] == "will_set"
    assert "admin_role" in capsys.readouterr().out


def test_group_members_unread_without_a_group_permission(school):
    """RoleManagement.Read.Directory alone: the direct holder is known, the group's members are not."""
    tenant, _ = school
    _grant(tenant, "RoleManagement.Read.Directory")
    p = tenant.connection_profile()
    conn = Connection(tenant=p["tenant_id"], client_id=p["client_id"], login_url=p["login_url"],
                      graph_url=p["graph_url"], ca_bundle=p["ca_bundle"])
    admins = read_admins(GraphClient(conn, TokenProvider(conn, p["client_secret"])))
    assert admins is not None and DIRECT in admins and VIA_GROUP not in admins
    assert admins.unread_groups == ("IT staff",)


def test_check_command_reports_the_optional_permission(school, capsys):
    tenant, profile = school
    assert main(["check", "--profile", str(profile)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "[ ?? ] Admins: Admins are not known before writing" in out
    assert "→ Optional: grant RoleManagement.Read.Directory" in out
    _grant(tenant, "RoleManagement.Read.Directory", "GroupMember.Read.All")
    assert main(["check", "--profile", str(profile)]) == EXIT_OK
    assert "[ ok ] Admins: Admins are known before writing (RoleManagement.Read.Directory). Role holders: 3." \
        in capsys.readouterr().out


def test_preview_warns_when_a_role_groups_members_cannot_be_read(school, tmp_path, capsys):
    tenant, profile = school
    _grant(tenant, "RoleManagement.Read.Directory")
    out = tmp_path / "preview.csv"
    assert main(["preview", "--profile", str(profile), "--source", "attribute:employeeId", "--out", str(out)]) \
        == EXIT_OK
    statuses = {r["object_id"]: r["status"] for r in read_report(out)}
    assert statuses[DIRECT] == "admin_role" and statuses[VIA_GROUP] == "will_set"  # not known: not marked
    assert ("Warning: Members of these admin role groups are not known (GroupMember.Read.All not granted): "
            "IT staff; they will fail when written.") in capsys.readouterr().out


def test_batch_marks_admins_too(sandbox_factory, tmp_path, isolated_home):
    from batch_helpers import read_batch_summary, school_tenant, schools_file

    tenant = school_tenant(sandbox_factory, tmp_path, 0, users=5)
    admin = person(3)["id"]
    graph_roles.add_assignment(tenant.directory, admin, "62e90394-69f5-4237-9190-012177145e10")
    _grant(tenant, "RoleManagement.Read.Directory")
    assert main(["batch", str(schools_file(tmp_path, [tenant])), "--yes"]) == EXIT_OK
    summary = read_batch_summary()["School 0"]
    assert (summary["admin_role"], summary["set"], summary["failed"]) == ("1", "4", "0")
    assert admin not in _patched(tenant)
