"""Helpers of the batch tests: a school = its own sandbox tenant (own quota), profile file, schools file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from cli_helpers import person

from core import paths
from core.sandbox.data import stable_guid
from core.setup.school_runs import SUMMARY_COLUMNS

HEADER = "name,connection,source,match,key_column,value_column,transform,domains"


def school_tenant(sandbox_factory, folder: Path, n: int, users: int = 30, config=None):
    """A school of `users` pupils whose employeeId (19000 + i) becomes the ImmutableId."""
    seed = folder / f"seed{n}.json"
    data = {"tenant": {"id": stable_guid("batch-school", n), "displayName": f"School {n}"},
            "domains": [{"id": "school.example", "authenticationType": "Managed"}],
            "users": [person(i) for i in range(1, users + 1)]}
    seed.write_text(json.dumps(data), encoding="utf-8")
    kwargs = {"config": config} if config is not None else {}
    return sandbox_factory(seed_path=seed, **kwargs)


def schools_file(folder: Path, tenants, wrong_secret=()) -> Path:
    """Profile files beside the schools file (named relatively, as an installer's folder would)."""
    rows = [HEADER]
    for i, tenant in enumerate(tenants):
        profile = tenant.connection_profile()
        if i in wrong_secret:
            profile["client_secret"] = "Not-the-secret-" + str(i)  # noqa: S105 — a wrong secret on purpose
        (folder / f"school{i}.json").write_text(json.dumps(profile), encoding="utf-8")
        rows.append(f"School {i},school{i}.json,attribute:employeeId,,,,,school.example")
    path = folder / "schools.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def read_batch_summary(path: Path | None = None) -> dict[str, dict[str, str]]:
    """The (latest) batch-summary.csv by school name; checks the BOM and the columns."""
    path = path or sorted(paths.runs_dir().glob("*-batch-*/batch-summary.csv"))[-1]
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == SUMMARY_COLUMNS
    return {r[0]: dict(zip(SUMMARY_COLUMNS, r, strict=True)) for r in rows[1:]}


def written_once(tenant, users: int) -> bool:
    """Every pupil's PATCH was accepted exactly once, with the value the source gives."""
    bodies = {}
    for entry in tenant.audit():
        if entry["method"] == "PATCH" and entry["status"] == 204:
            user = entry["path"].rsplit("/", 1)[1]
            bodies.setdefault(user, []).append(entry["body"]["onPremisesImmutableId"])
    expected = {person(i)["id"]: [person(i)["employeeId"]] for i in range(1, users + 1)}
    return bodies == expected
