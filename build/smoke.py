"""`make smoke-app`: run the FROZEN programs in build/dist the way a user's machine would, and fail loudly.

1. `immutableid-sync --version`
2. `immutableid-sync sandbox --users 300 --profile-out F` in the background (its own HTTPS + CA), then the
   frozen `check`, `preview --out` and `apply --dry-run --yes --report` against it: proves msal, requests,
   cryptography/trustme and TLS verification with a CA file survived freezing. The reports must carry the
   contract's header, and the sandbox's audit log must show that the dry run wrote nothing; then a real
   `apply --yes`: every planned user `set` (or refused by Graph, as its admins are) in the report, and each
   `set` user written once in the audit log.
3. The windowed program starts offscreen, shows its first page and exits 0 (gui/smoke.py writes what the
   bundle could load: keyring backends, CA certificates, SVG support); its start time is compared with
   the same program run from source, in the same run.
4. The windowed program walks every page against its built-in sandbox, the write step included, and saves
   a picture of each (IMMUTABLEID_SYNC_SMOKE_PAGES, gui/smoke.py): every page must have one.

    python build/smoke.py [--dist build/dist/immutableid-sync]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "build")]

import bundle_rules as rules  # noqa: E402

from core import __version__  # noqa: E402
from core.cli import COMMANDS  # noqa: E402

# contracts.md "Reports", written out here on purpose (not imported): the frozen app must match the contract
# even if the source's constant moved; the last four are the UPN swap's (issue 10)
REPORT_HEADER = ["object_id", "user_principal_name", "display_name", "source_value",
                 "current_immutable_id", "new_immutable_id", "status", "detail",
                 "upn_before", "upn_after", "mail_before", "mail_after"]
SOURCE_ARGS = ["--source", "attribute:objectId", "--transform", "guid-base64"]
COMMAND_TIMEOUT_S = 180
GUI_TIMEOUT_S = 120
PAGES_TIMEOUT_S = 300
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
CLOSE_REFUSED = 3  # gui/smoke.py's exit code when the window ignored close()


class SmokeFailure(Exception):
    pass


def run(argv: list[str], env: dict[str, str], expect: int = 0) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=COMMAND_TIMEOUT_S)
    took = time.monotonic() - started
    shown = " ".join(Path(a).name if i == 0 else a for i, a in enumerate(argv))
    print(f"  {shown}  -> exit {done.returncode} ({took:.1f} s)")
    if done.returncode != expect:
        raise SmokeFailure(f"{shown}: exit {done.returncode}, expected {expect}\n"
                           f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}")
    return done


def check_report(path: Path, statuses: set[str]) -> dict[str, int]:
    if not path.is_file():
        raise SmokeFailure(f"report {path} was not written")
    with path.open(encoding="utf-8-sig", newline="") as handle:  # contract: UTF-8 with BOM
        rows = list(csv.reader(handle))
    if not path.read_bytes().startswith(b"\xef\xbb\xbf"):
        raise SmokeFailure(f"{path.name}: no UTF-8 BOM")
    if rows[0] != REPORT_HEADER:
        raise SmokeFailure(f"{path.name}: header {rows[0]} is not the contract's {REPORT_HEADER}")
    counts: dict[str, int] = {}
    for row in rows[1:]:
        counts[row[6]] = counts.get(row[6], 0) + 1
    if not statuses & counts.keys():
        raise SmokeFailure(f"{path.name}: none of {sorted(statuses)} among statuses {counts}")
    return counts


class Sandbox:
    """The frozen `sandbox` command in the background; ready when its JSON connection line appears."""

    def __init__(self, cli: Path, env: dict[str, str], profile: Path, extra: tuple[str, ...] = ()) -> None:
        self.profile = profile
        self.proc = subprocess.Popen([str(cli), "sandbox", "--users", "300", "--profile-out", str(profile), *extra],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.line = ""
        reader = threading.Thread(target=self._read_first_line, daemon=True)
        reader.start()
        reader.join(timeout=60)
        if not self.line or not profile.is_file():
            self.stop()
            raise SmokeFailure(f"sandbox did not print its connection within 60 s: {self.proc.stderr.read()[-2000:]}")
        self.connection = json.loads(profile.read_text(encoding="utf-8"))

    def _read_first_line(self) -> None:
        self.line = self.proc.stdout.readline() if self.proc.stdout else ""

    def audit(self) -> list[dict]:
        context = ssl.create_default_context(cafile=self.connection["ca_bundle"])
        url = self.connection["graph_url"].rstrip("/") + "/_sandbox/audit"
        with urllib.request.urlopen(url, context=context, timeout=30) as response:  # noqa: S310 (https, own CA)
            return json.load(response)["entries"]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def smoke_cli(cli: Path, env: dict[str, str], tmp: Path) -> None:
    print("frozen CLI:")
    version = run([str(cli), "--version"], env).stdout.strip()
    if __version__ not in version:
        raise SmokeFailure(f"--version said {version!r}, the package is {__version__}")
    usage = run([str(cli), "--help"], env).stdout
    # core.cli skips a command whose module is missing; frozen, that would be a silently lost command.
    lost = [name for name in COMMANDS if not re.search(rf"^\s+{name}\b", usage, re.MULTILINE)]
    if lost:
        raise SmokeFailure(f"--help does not list the commands {lost}: their modules were not bundled")
    bundle_cli = cli.parent.parent / f"{rules.APP_TITLE}.app" / "Contents" / "MacOS" / rules.CLI_NAME
    if bundle_cli.exists():  # macOS: the .app carries the CLI too
        run([str(bundle_cli), "--version"], env)
    sandbox = Sandbox(cli, env, tmp / "profile.json")
    try:
        profile = ["--profile", str(sandbox.profile)]
        run([str(cli), "check", *profile], env)
        preview = tmp / "preview.csv"
        run([str(cli), "preview", *profile, *SOURCE_ARGS, "--out", str(preview)], env)
        counts = check_report(preview, {"will_set"})
        report = tmp / "dry-run.csv"
        run([str(cli), "apply", *profile, *SOURCE_ARGS, "--dry-run", "--yes", "--report", str(report)], env)
        dry = check_report(report, {"dry_run"})
        audit = sandbox.audit()
        if not any(e.get("method") == "GET" and "/users" in e["path"] for e in audit):
            raise SmokeFailure(f"the sandbox's audit log shows no user listing ({len(audit)} entries)")
        writes = [e for e in audit if e.get("method") in {"PATCH", "POST"} and "/users" in e["path"]]
        if writes:
            raise SmokeFailure(f"the dry run wrote to the tenant: {writes[:3]}")
        print(f"  preview: {counts}; dry run: {dry}; tenant writes during the dry run: 0")
        written = tmp / "apply.csv"
        # exit 1: the synthetic school's admins are refused by Graph (as Microsoft does), reported as failed
        run([str(cli), "apply", *profile, *SOURCE_ARGS, "--yes", "--report", str(written)], env, expect=1)
        done = check_report(written, {"set"})
        applied = [e for e in sandbox.audit() if e.get("method") == "PATCH" and e.get("applied")]
        if done["set"] + done.get("failed", 0) != counts["will_set"] or len(applied) != done["set"]:
            raise SmokeFailure(f"apply: report {done}, {len(applied)} writes in the audit log; "
                               f"{counts['will_set']} were planned")
        print(f"  apply: {done}; writes in the tenant's audit log: {len(applied)}")
    finally:
        sandbox.stop()


def first_page_ms(argv: list[str], env: dict[str, str], tmp: Path, label: str) -> tuple[float, dict]:
    record = tmp / f"gui-{label}.json"
    record.unlink(missing_ok=True)
    gui_env = dict(env, QT_QPA_PLATFORM="offscreen", IMMUTABLEID_SYNC_SMOKE=str(record))
    launched = time.time()
    done = subprocess.run(argv, env=gui_env, capture_output=True, text=True, timeout=GUI_TIMEOUT_S)
    facts = json.loads(record.read_text(encoding="utf-8")) if record.is_file() else {}
    if not (facts and done.returncode in (0, CLOSE_REFUSED)):
        raise SmokeFailure(f"{label} GUI: exit {done.returncode}, record written: {bool(facts)}\n"
                           f"--- stderr\n{done.stderr[-3000:]}")
    return (facts["shown_at"] - launched) * 1000, facts


def check_bundle_facts(facts: dict) -> None:
    wanted = {"Windows", "macOS", "SecretService", "KWallet", "chainer"}
    missing = wanted - set(facts["keyring_backends"])
    problems = [f"keyring backends missing: {sorted(missing)}"] if missing else []
    if facts["ca_bundle_bytes"] < 10_000:
        problems.append("no CA certificate bundle (certifi) in the app")
    if not facts["svg_images"]:
        problems.append("Qt cannot read SVG (imageformats/qsvg plugin missing)")
    if not all(facts["catalogs_sv"].values()):
        problems.append(f"Swedish catalogs do not load: {facts['catalogs_sv']}")
    if not facts["frozen"]:
        problems.append("the 'frozen' GUI did not run frozen")
    if problems:
        raise SmokeFailure("frozen GUI: " + "; ".join(problems))


def smoke_gui(gui: Path, env: dict[str, str], tmp: Path) -> None:
    print("frozen GUI (offscreen):")
    source = [sys.executable, str(ROOT / "build" / "entry_gui.py")]
    frozen_ms, source_ms = [], []
    for _ in range(2):  # alternate, so both see a warm disk cache at least once
        ms, facts = first_page_ms([str(gui)], env, tmp, "frozen")
        frozen_ms.append(ms)
        source_ms.append(first_page_ms(source, env, tmp, "source")[0])
    check_bundle_facts(facts)
    if not facts["closed"]:
        report_start_times(frozen_ms, source_ms)
        raise SmokeFailure("GUI: the wizard window ignored close() on its first page (a user could not "
                           "close it either); first page and bundle checks passed")
    print(f"  first page {facts['page']} ({facts['title']!r}); keyring backends {facts['keyring_backends']}, "
          f"active {facts['keyring_active']}; CA bundle {facts['ca_bundle_bytes']} bytes")
    report_start_times(frozen_ms, source_ms)


def smoke_pages(gui: Path, env: dict[str, str], tmp: Path) -> None:
    """The frozen wizard walks every page against its built-in sandbox (the write step included) and saves
    a PNG of each (gui/smoke.py, IMMUTABLEID_SYNC_SMOKE_PAGES)."""
    print("frozen GUI, every page (offscreen):")
    out = tmp / "pages"
    page_env = dict(env, QT_QPA_PLATFORM="offscreen", IMMUTABLEID_SYNC_SMOKE_PAGES=str(out))
    started = time.monotonic()
    done = subprocess.run([str(gui)], env=page_env, capture_output=True, text=True, timeout=PAGES_TIMEOUT_S)
    shots = sorted(p.name for p in out.glob("*.png") if p.stat().st_size > 1000) if out.is_dir() else []
    missing = [n for n in range(1, 9) if not any(name.startswith(f"{n}-") for name in shots)]
    if done.returncode != 0 or missing or "7-run-finished.png" not in shots:
        raise SmokeFailure(f"page walk: exit {done.returncode}, pages without a picture {missing}, pictures "
                           f"{shots}\n--- stderr\n{done.stderr[-3000:]}")
    print(f"  {len(shots)} pictures of the 8 pages and their states, the run finished, in "
          f"{time.monotonic() - started:.0f} s")


def report_start_times(frozen_ms: list[float], source_ms: list[float]) -> None:
    print(f"  start to first page: frozen {min(frozen_ms):.0f} ms, from source {min(source_ms):.0f} ms "
          f"(best of 2; all runs: frozen {[round(m) for m in frozen_ms]}, source {[round(m) for m in source_ms]})")


def smoke_app_create(cli: Path, env: dict[str, str], tmp: Path) -> None:
    from smoke_appreg import app_create_with_os_trust

    print("frozen app create (BROWSER stand-in, OS certificate store):")
    app_create_with_os_trust(cli, env, tmp, Sandbox, run, SmokeFailure)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "build" / "dist" / rules.CLI_NAME)
    args = parser.parse_args(argv)
    cli = args.dist / f"{rules.CLI_NAME}{EXE_SUFFIX}"
    gui = args.dist / f"{rules.APP_TITLE}{EXE_SUFFIX}"
    if not cli.exists() or not gui.exists():
        print(f"no frozen app in {args.dist}: run `make app` first", file=sys.stderr)
        return 2
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="smoke-") as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ, IMMUTABLEID_SYNC_HOME=str(tmp / "home"))
        env.pop("IMMUTABLEID_SYNC_CLIENT_SECRET", None)
        try:
            smoke_cli(cli, env, tmp)
            smoke_app_create(cli, env, tmp)
            smoke_gui(gui, env, tmp)
            smoke_pages(gui, env, tmp)
        except (SmokeFailure, subprocess.TimeoutExpired) as exc:
            print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
            return 1
    print(f"smoke test passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
