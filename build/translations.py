"""Qt Linguist steps: refresh the .ts sources from gui/**.py (lupdate) and compile them to .qm (lrelease).

    python build/translations.py update    # after changing GUI strings; then translate, commit the .ts
    python build/translations.py release   # .ts -> .qm next to them (git-ignored; the build runs this)

The tools ship inside PySide6-Essentials, so no Qt installation is needed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("en", "sv")
TS_NAME = "immutableid_sync_{lang}.ts"


def qt_tool(name: str) -> Path:
    """PySide6's bundled lupdate/lrelease (what the pyside6-* wrappers call)."""
    import PySide6

    exe = Path(PySide6.__file__).resolve().parent / (name + (".exe" if sys.platform == "win32" else ""))
    if not exe.exists():
        raise SystemExit(f"{exe} is missing: install PySide6-Essentials (it ships {name})")
    return exe


def gui_sources(root: Path = ROOT) -> list[Path]:
    return sorted(p for p in (root / "gui").rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(lang: str, ts_dir: Path = TS_DIR) -> Path:
    return ts_dir / TS_NAME.format(lang=lang)


def lupdate(ts_files: list[Path], root: Path = ROOT) -> None:
    """Merge the current tr() strings of gui/ into the .ts files (keeps existing translations)."""
    sources = [str(p.relative_to(root)) for p in gui_sources(root)]
    targets = [str(t) for t in ts_files]
    # -locations relative: stable diffs; -no-obsolete: strings removed from the code leave the .ts
    # gui/code_texts.py imports QT_TRANSLATE_NOOP as T: tell lupdate, or its strings are not collected.
    subprocess.run([str(qt_tool("lupdate")), "-tr-function-alias", "QT_TRANSLATE_NOOP+=T",
                    "-locations", "relative", "-no-obsolete", *sources,
                    "-ts", *targets], cwd=root, check=True, capture_output=True, text=True)


def fill_source_language(ts_file: Path) -> int:
    """English is the source language: its translation of every string is the string itself."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts_file)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") == "unfinished":
            translation.attrib.pop("type")
            translation.text = message.findtext("source")
            filled += 1
    if filled:
        text = ET.tostring(tree.getroot(), encoding="unicode")
        ts_file.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8")
    return filled


def lrelease(ts_dir: Path = TS_DIR, out_dir: Path | None = None) -> list[Path]:
    out_dir = out_dir or ts_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(ts_dir.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)],
                       check=True, capture_output=True, text=True)
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    command = (argv if argv is not None else sys.argv[1:]) or ["release"]
    if command[0] == "update":
        TS_DIR.mkdir(parents=True, exist_ok=True)
        lupdate([ts_path(lang) for lang in LANGUAGES])
        if fill_source_language(ts_path("en")):
            lupdate([ts_path("en")])  # back to lupdate's own layout, for quiet diffs
        print(f"updated {', '.join(TS_NAME.format(lang=lang) for lang in LANGUAGES)} from gui/")
    elif command[0] == "release":
        for qm in lrelease():
            print(f"wrote {qm.relative_to(ROOT)}")
    else:
        print("usage: translations.py update|release", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
