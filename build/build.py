"""`make app`: build the onedir app (and the macOS .app) into build/dist with PyInstaller, print its size.

    python build/build.py [--clean] [--release X.Y]

The app freezes the interpreter that runs this script, with its PySide6. `--release X.Y` (CI's shipping
leg, .github/workflows/build.yml says why it is that Python) refuses to build with any other Python, and
no build, local or not, freezes a PySide6 known to crash with its Python (gui/compat.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "work"
SPEC = ROOT / "build" / "immutableid-sync.spec"
SIZE_TARGET_MB = 100  # issue 17: the onedir folder, on every OS


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def refusal(release: str | None, python: tuple[int, ...], versions: dict[str, str]) -> str | None:
    """Why this interpreter must not be frozen, or None."""
    from gui.compat import toolkit_problem

    problem = toolkit_problem(versions, python)
    if problem:
        return problem
    if release and ".".join(map(str, python[:2])) != release:
        return (f"--release {release}: this is Python {'.'.join(map(str, python[:3]))}. Release builds "
                f"ship Python {release} (see .github/workflows/build.yml); run the build with that one.")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="ignore PyInstaller's cache of the last build")
    parser.add_argument("--release", metavar="X.Y", help="the Python a shipped build must be made with")
    args = parser.parse_args(argv)
    from gui.compat import installed_versions

    versions = installed_versions()
    problem = refusal(args.release, sys.version_info[:3], versions)
    if problem:
        print(f"build refused: {problem}", file=sys.stderr)
        return 2
    print(f"freezing Python {sys.version.split()[0]} with PySide6 {versions['PySide6']}"
          + ("" if args.release else " (a local build; shipped builds come from CI's release leg)"))
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK / "pyinstaller"), str(SPEC)]
    if args.clean:
        command.insert(3, "--clean")
    subprocess.run(command, cwd=ROOT, check=True)
    onedir = DIST / "immutableid-sync"
    size_mb = folder_size(onedir) / 1e6
    verdict = "within" if size_mb <= SIZE_TARGET_MB else "OVER"
    print(f"onedir {onedir.relative_to(ROOT)}: {size_mb:.1f} MB ({verdict} the {SIZE_TARGET_MB} MB target), "
          f"built in {time.monotonic() - started:.0f} s")
    bundle = DIST / "Immutable ID Sync.app"
    bundle_mb = folder_size(bundle) / 1e6 if bundle.exists() else None
    if bundle_mb is not None:
        print(f"macOS bundle {bundle.relative_to(ROOT)}: {bundle_mb:.1f} MB")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:  # CI: each leg's job summary shows its OS's size
        with open(summary, "a", encoding="utf-8") as out:
            out.write(size_summary(size_mb, bundle_mb))
    return 0


def size_summary(size_mb: float, bundle_mb: float | None) -> str:
    """Markdown for the workflow's summary: the frozen app's size on this OS against the target."""
    system = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    rows = [f"| {system} | onedir folder | {size_mb:.1f} MB | "
            f"{'within' if size_mb <= SIZE_TARGET_MB else '**OVER**'} {SIZE_TARGET_MB} MB |"]
    if bundle_mb is not None:
        rows.append(f"| {system} | .app bundle | {bundle_mb:.1f} MB | |")
    return "\n".join(["### Frozen app size", "", "| OS | what | size | target |", "|---|---|---|---|", *rows, "", ""])


if __name__ == "__main__":
    sys.exit(main())
