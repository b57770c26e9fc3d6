"""Helpers for the end-to-end benchmarks (issue 17): the sandbox in its own process, the measured command in
another, and the code of a baseline commit run side by side with today's (same venv, same machine, same run).

The baseline is extracted with `git archive` from this repository's history into a temporary folder and
run with PYTHONPATH pointing there, so a clean clone (not a shallow one) has all it needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.graph.http import VerifyingSession

ROOT = Path(__file__).resolve().parents[2]
# main when issue 17's work began: the engine as the issue measured it
BASELINE_COMMIT = "be8c7d460740b54d428b60996badb8dc3e6ba8eb"


def extract_baseline(folder: Path) -> Path | None:
    """The baseline's `core/` in folder, or None (with the reason printed) when git cannot give it."""
    archive = folder / "baseline.tar"
    try:
        with archive.open("wb") as out:
            subprocess.run(["git", "-C", str(ROOT), "archive", BASELINE_COMMIT, "core"], stdout=out,
                           stderr=subprocess.PIPE, check=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"\nbaseline {BASELINE_COMMIT[:10]} not available ({exc}); a full clone has it")
        return None
    with tarfile.open(archive) as tar:
        tar.extractall(folder / "baseline", filter="data")
    return folder / "baseline"


def write_seed(path: Path, users: int, school: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    people = [{"id": f"00000000-0000-4000-{8000 + school:04d}-{n:012d}", "displayName": f"Elev {n}",
               "userPrincipalName": f"elev{n}@school{school}.example", "employeeId": f"S{school}E{n}",
               "userType": "Member", "accountEnabled": True} for n in range(users)]
    path.write_text(json.dumps({"tenant": {"id": f"00000000-0000-4000-9000-{school:012d}"},
                                "domains": [{"id": f"school{school}.example", "authenticationType": "Managed"}],
                                "users": people}), encoding="utf-8")
    return path


class Sandbox:
    """`immutableid-sync sandbox` in its own process (today's code: the stand-in is not what is measured)."""

    def __init__(self, folder: Path, seed: Path, *options: str):
        folder.mkdir(parents=True, exist_ok=True)
        self.profile_path = folder / "profile.json"
        self.proc = subprocess.Popen([sys.executable, "-m", "core.cli", "sandbox", "--seed", str(seed),
                                      "--profile-out", str(self.profile_path), *options], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                     env={**os.environ, "TMPDIR": str(folder)})
        line = self.proc.stdout.readline()
        if not line:
            self.proc.kill()
            raise RuntimeError("the sandbox did not start")
        self.profile = json.loads(line)

    def audit(self) -> list[dict]:
        with VerifyingSession(self.profile["ca_bundle"]) as session:
            return session.get(self.profile["graph_url"] + "/_sandbox/audit", timeout=60).json()["entries"]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@dataclass
class Measured:
    code: int
    wall: float            # process start -> exit
    first_patch: float     # seconds after process start, by the sandbox's audit clock
    last_patch: float
    requests: int          # every Graph request the run sent (token requests excluded)
    written: int           # users with an applied PATCH
    twice: int             # users with more than one applied PATCH
    throttled: int = 0     # 429 answers (envelope or inside a $batch): the pacer ran ahead of the quota


def run_cli(argv: list[str], home: Path, code_root: Path | None) -> tuple[int, float, float]:
    """(exit code, wall seconds, epoch at start) of `immutableid-sync ARGV` in its own process; code_root
    None runs today's code, else the code in that folder (the baseline)."""
    env = {**os.environ, "IMMUTABLEID_SYNC_HOME": str(home)}
    if code_root is not None:
        env["PYTHONPATH"] = str(code_root)
    epoch, started = time.time(), time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "core.cli", *argv], cwd=code_root or ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=900)
    wall = time.perf_counter() - started
    if proc.returncode:
        print(f"\n{argv[0]} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return proc.returncode, wall, epoch


def summarise(code: int, wall: float, epoch: float, audits: list[list[dict]]) -> Measured:
    patches, requests, twice, written, throttled = [], 0, 0, 0, 0
    for entries in audits:
        applied: dict[str, int] = {}
        for entry in entries:
            requests += 1
            throttled += entry["status"] == 429
            if entry["method"] == "PATCH":
                patches.append(datetime.fromisoformat(entry["time"].replace("Z", "+00:00")).timestamp())
                if entry.get("applied"):
                    applied[entry["path"]] = applied.get(entry["path"], 0) + 1
        written += len(applied)
        twice += sum(1 for n in applied.values() if n > 1)
    first = min(patches, default=epoch) - epoch
    last = max(patches, default=epoch) - epoch
    return Measured(code, wall, first, last, requests, written, twice, throttled)


def ideal(users: int, quota: int, window: float) -> float:
    """The physical limit of a sliding quota: the first Q writes at once, then Q per W seconds."""
    return (users - quota) / (quota / window)


def line(name: str, best: float, ours: Measured, base: Measured | None) -> str:
    def one(label: str, m: Measured) -> str:
        return (f"{label}: {m.wall:6.2f} s, ratio {best / m.wall:.2f} (first PATCH {m.first_patch:5.2f} s, "
                f"last PATCH {m.last_patch:5.2f} s, {m.requests:,} requests, exit {m.code})")
    text = f"{name} — ideal {best:.1f} s\n  {one('ours    ', ours)}"
    if base is not None:
        text += f"\n  {one('baseline', base)}  [{BASELINE_COMMIT[:10]}]"
    return text
