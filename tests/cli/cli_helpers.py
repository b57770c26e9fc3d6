"""Helpers of the command-line tests: reading reports, seeds, a sandbox in its own process."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

from core.run.report import REPORT_COLUMNS

ROOT = Path(__file__).resolve().parents[2]


def read_report(path, delimiter=","):
    data = Path(path).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    assert tuple(rows[0]) == REPORT_COLUMNS
    return [dict(zip(REPORT_COLUMNS, r, strict=True)) for r in rows[1:]]


def patches(tenant) -> Counter:
    return Counter(e["path"].rsplit("/", 1)[1] for e in tenant.audit()
                   if e["method"] == "PATCH" and e["status"] == 204)


def seed_file(tmp_path, users, domains=None):
    path = tmp_path / "seed.json"
    data = {"domains": domains or [{"id": "school.example", "authenticationType": "Managed"}], "users": users}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def person(n, **kw):
    base = {"id": f"00000000-0000-4000-8000-{n:012d}", "displayName": f"Åsa Öberg {n}",
            "userPrincipalName": f"user{n}@school.example", "mail": f"user{n}@school.example",
            "employeeId": f"{19000 + n}", "userType": "Member", "accountEnabled": True,
            "onPremisesImmutableId": None, "onPremisesSyncEnabled": None, "privilegedRole": False}
    base.update(kw)
    return base


def source_args(idp):
    return ["--source", f"csv:{idp}", "--match", "upn", "--key-column", "upn", "--value-column", "Anchor"]


def start_sandbox(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, dict]:
    profile = tmp_path / "sbx-profile.json"
    proc = subprocess.Popen([sys.executable, "-m", "core.cli", "sandbox", "--profile-out", str(profile), *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()  # the connection line: printed once the sandbox listens
    assert line, "the sandbox did not start"
    return proc, json.loads(line)


def wait_for(predicate, timeout: float) -> bool:
    tick = threading.Event()
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return True
        tick.wait(0.05)
    return predicate()


def audit(profile: dict) -> list[dict]:
    from core.graph.http import VerifyingSession

    with VerifyingSession(profile["ca_bundle"]) as s:
        return s.get(profile["graph_url"] + "/_sandbox/audit", timeout=30).json()["entries"]


def outcomes(home: Path) -> int:
    journals = list((home / "data" / "runs").glob("*-apply-*/journal.jsonl"))
    return sum(j.read_text("utf-8").count('"type":"outcome"') for j in journals)
