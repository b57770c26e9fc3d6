"""`make app`: build the onedir app (and the macOS .app) into build/dist with PyInstaller, print its size.

    python build/build.py [--clean]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "work"
SPEC = ROOT / "build" / "immutableid-sync.spec"
SIZE_TARGET_MB = 150


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="ignore PyInstaller's cache of the last build")
    args = parser.parse_args(argv)
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
    if bundle.exists():
        print(f"macOS bundle {bundle.relative_to(ROOT)}: {folder_size(bundle) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
