"""Benchmark (issue 11 §4): K = 4 schools as one `batch`, each its own sandbox tenant with 1,000 users and a
write quota of 100 per 2 s (sliding) — so each tenant's ceiling is 50 writes/s and the four together 200/s —
against the same four schools written one after another (four `apply` commands), side by side.

Measured from the tenants' own audit logs: combined writes/s between the first and the last accepted write
÷ (K × 50/s), target ≥ 0.85; the wall time of each way (process start to exit: sign-in, listing, planning
and writing); the peak RSS of the batch process (VmHWM, read in that process as it ends).
Run: .venv/bin/python -m pytest tests/bench/test_bench_schools.py -s -p no:cacheprovider --override-ini addopts=
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from core.sandbox import SandboxConfig, SandboxTenant
from core.sandbox.data import stable_guid

ROOT = Path(__file__).resolve().parents[2]
K, USERS, LIMIT, WINDOW = 4, 1000, 100, 2.0
CEILING = LIMIT / WINDOW
HEADER = "name,connection,source,match,key_column,value_column,transform,domains"

# The measured command runs in a child that reports its own peak memory as it ends (ru_maxrss would carry
# the parent's over fork+exec on Linux; VmHWM starts afresh at exec).
CHILD = """
import sys
from core.cli import main
code = main(sys.argv[2:])
with open("/proc/self/status", encoding="ascii") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
open(sys.argv[1], "w").write(str(peak))
sys.exit(code)
"""


def _seed(folder: Path, n: int) -> Path:
    users = [{"id": stable_guid("bench-user", n, i), "displayName": f"Elev {i}",
              "userPrincipalName": f"elev{i}@school{n}.example", "employeeId": f"S{n}-E{i}",
              "userType": "Member", "accountEnabled": True} for i in range(USERS)]
    path = folder / f"seed{n}.json"
    path.write_text(json.dumps({"tenant": {"id": stable_guid("bench-tenant", n)},
                                "domains": [{"id": f"school{n}.example", "authenticationType": "Managed"}],
                                "users": users}), encoding="utf-8")
    return path


def _tenants(folder: Path) -> list[SandboxTenant]:
    config = SandboxConfig(write_limit=LIMIT, write_window_s=WINDOW, latency_ms=25, jitter_ms=10)
    return [SandboxTenant(config, seed_path=_seed(folder, n)).start() for n in range(K)]


def _profiles(folder: Path, tenants: list[SandboxTenant]) -> list[Path]:
    paths = []
    for n, tenant in enumerate(tenants):
        path = folder / f"school{n}.json"
        path.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
        paths.append(path)
    return paths


def _run(argv: list[str], home: Path, peak_file: Path) -> tuple[int, float, float]:
    """(exit code, wall seconds, peak RSS MiB) of one command in its own process."""
    env = {**os.environ, "IMMUTABLEID_SYNC_HOME": str(home)}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(peak_file), *argv], cwd=ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
    return proc.returncode, time.perf_counter() - started, int(peak_file.read_text()) / 1024


def _writes(tenants: list[SandboxTenant]) -> tuple[int, float, int]:
    """(accepted writes, seconds from the first to the last, users written more than once)."""
    times, twice = [], 0
    for tenant in tenants:
        seen: dict[str, int] = {}
        for entry in tenant.audit():
            if entry["method"] == "PATCH" and entry["status"] == 204:
                times.append(datetime.fromisoformat(entry["time"]).timestamp())
                seen[entry["path"]] = seen.get(entry["path"], 0) + 1
        twice += sum(1 for n in seen.values() if n > 1)
    return len(times), max(times) - min(times), twice


def run_batch(folder: Path) -> dict:
    tenants = _tenants(folder)
    try:
        rows = [HEADER] + [f"School {n},{p.name},attribute:employeeId,,,,," for n, p in
                           enumerate(_profiles(folder, tenants))]
        (folder / "schools.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        code, wall, peak = _run(["batch", str(folder / "schools.csv"), "--yes", "--parallel", str(K),
                                 "--write-quota", f"{LIMIT}/{WINDOW:g}"], folder / "home", folder / "peak")
        writes, span, twice = _writes(tenants)
    finally:
        for tenant in tenants:
            tenant.stop()
    return {"code": code, "wall": wall, "peak": peak, "writes": writes, "span": span, "twice": twice}


def run_one_after_another(folder: Path) -> dict:
    tenants = _tenants(folder)
    try:
        codes, peaks, started = [], [], time.perf_counter()
        for n, profile in enumerate(_profiles(folder, tenants)):
            code, _, peak = _run(["apply", "--profile", str(profile), "--source", "attribute:employeeId",
                                  "--yes", "--write-quota", f"{LIMIT}/{WINDOW:g}"], folder / "home",
                                 folder / f"peak{n}")
            codes.append(code)
            peaks.append(peak)
        wall = time.perf_counter() - started
        writes, span, twice = _writes(tenants)
    finally:
        for tenant in tenants:
            tenant.stop()
    return {"code": max(codes), "wall": wall, "peak": max(peaks), "writes": writes, "span": span,
            "twice": twice}


def test_bench_schools_in_parallel_vs_one_after_another(tmp_path):
    (tmp_path / "batch").mkdir()
    (tmp_path / "serial").mkdir()
    batch = run_batch(tmp_path / "batch")
    serial = run_one_after_another(tmp_path / "serial")
    combined = K * CEILING
    rate = batch["writes"] / batch["span"]
    best = K * USERS / ((USERS - LIMIT) / CEILING)  # an empty window admits each tenant's first 100 at once
    serial_rate = serial["writes"] / serial["wall"]
    print(f"\nbatch (K={K}): {batch['writes']:,} writes in {batch['span']:.1f} s (first to last write) = "
          f"{rate:.1f} writes/s; ÷ (K × ceiling {CEILING:.0f}/s = {combined:.0f}/s) = {rate / combined:.2f} "
          f"(target >= 0.85); ÷ best possible from empty windows {best:.1f}/s = {rate / best:.2f}; "
          f"wall {batch['wall']:.1f} s; peak RSS of the batch process {batch['peak']:.0f} MiB; exit {batch['code']}")
    print(f"one after another: {serial['writes']:,} writes, wall {serial['wall']:.1f} s = {serial_rate:.1f} "
          f"writes/s over the wall time; peak RSS of one apply {serial['peak']:.0f} MiB; exit {serial['code']}")
    print(f"batch vs one after another: {serial['wall'] / batch['wall']:.2f}x faster (wall); writes/s over "
          f"wall {K * USERS / batch['wall']:.1f} vs {serial_rate:.1f}")
    assert batch["code"] == 0 and serial["code"] == 0
    assert batch["writes"] == serial["writes"] == K * USERS and batch["twice"] == serial["twice"] == 0
    assert rate / combined >= 0.85
