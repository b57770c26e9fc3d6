"""The 100 MB budget of the frozen app (issue 17): ICU data trimmed, Wayland/GL/system libraries dropped,
one program on Linux — checked without building the app (make smoke-app proves the built one)."""

from __future__ import annotations

import struct
import sys
from importlib import util

import bundle_rules as rules
import entry_cli
import pytest
import trim_icu
from conftest import BUILD_DIR

# build/build.py by its path: `import build` could find the build/ folder as a namespace package
_spec = util.spec_from_file_location("build_script", BUILD_DIR / "build.py")
build_script = util.module_from_spec(_spec)
_spec.loader.exec_module(build_script)


def _package(items: list[tuple[str, bytes]]) -> bytes:
    """A little-endian ICU common-data package as ICU's tools lay it out (header of 32 bytes)."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\3\0\0\0")
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    return trim_icu.write_package(header + b"\0" * (32 - len(header)), items)


def test_package_round_trip_keeps_every_item_byte_for_byte():
    items = [("icudt73l/coll/root.res", b"r" * 37), ("icudt73l/coll/sv.res", b"s" * 16),
             ("icudt73l/zoneinfo64.res", bytes(range(200)))]
    header, read = trim_icu.read_package(_package(items))
    assert len(header) == 32
    # items come back padded to 16 bytes (ICU reads each by its own length field)
    assert [(name, data[:len(orig)]) for (name, data), (_, orig) in zip(read, items, strict=True)] == items
    assert all(len(data) % 16 == 0 for _, data in read)


def test_a_package_of_another_kind_is_refused():
    with pytest.raises(ValueError, match="common data"):
        trim_icu.read_package(b"\x20\x00\xda\x27" + b"\0" * 8 + b"ToCP" + b"\0" * 40)


@pytest.mark.parametrize(("name", "kept"), [
    ("icudt73l/root.res", True), ("icudt73l/sv.res", True), ("icudt73l/sv_FI.res", True),
    ("icudt73l/en_GB.res", True), ("icudt73l/de.res", False), ("icudt73l/zh_Hant_TW.res", False),
    ("icudt73l/coll/sv.res", True), ("icudt73l/coll/ja.res", False), ("icudt73l/coll/de_.res", False),
    ("icudt73l/coll/ucadata.icu", True), ("icudt73l/coll/res_index.res", True), ("icudt73l/lang/pool.res", True),
    ("icudt73l/zoneinfo64.res", True), ("icudt73l/metaZones.res", True), ("icudt73l/plurals.res", True),
    ("icudt73l/uts46.nrm", True), ("icudt73l/ibm-943_P15A-2003.cnv", False),
    ("icudt73l/brkitr/cjdict.dict", False), ("icudt73l/brkitr/word_fi_sv.brk", True),
    ("icudt73l/translit/root.res", False),
])
def test_icu_items_kept_for_english_and_swedish(name, kept):
    assert trim_icu.keep_item(name) is kept


def test_an_untrimmable_library_is_kept_whole(tmp_path, capsys):
    fake = tmp_path / "libicudata.so.73"
    fake.write_bytes(b"not an ELF file")
    entry = ("PySide6/Qt/lib/libicudata.so.73", str(fake), "BINARY")
    assert trim_icu.swap_in([entry, ("x.so", "/x.so", "BINARY")], tmp_path / "out") == [entry, ("x.so", "/x.so", "BINARY")]
    assert "kept whole" in capsys.readouterr().out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PySide6 ships its own ICU on Linux only")
def test_the_installed_qt_icu_data_trims_to_a_tenth(tmp_path):
    from pathlib import Path

    lib_dir = Path(util.find_spec("PySide6").origin).parent / "Qt" / "lib"
    found = sorted(lib_dir.glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no ICU of its own")
    target, before, after = trim_icu.trim_library(found[0], tmp_path)
    symbol, offset, size = trim_icu.data_symbol(target.read_bytes())
    _, items = trim_icu.read_package(target.read_bytes()[offset:offset + size])
    names = {name.split("/", 1)[1] for name, _ in items}
    assert symbol.startswith("icudt") and after < before / 5
    assert {"coll/sv.res", "coll/ucadata.icu", "sv.res", "zoneinfo64.res", "uts46.nrm"} <= names
    assert not any(name.endswith((".cnv", ".dict")) or name.startswith("translit/") for name in names)


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False), ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
    ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", False),
    ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False), ("PySide6/Qt/lib/libQt6OpenGL.so.6", False),
    ("PySide6/Qt/lib/libQt6DBus.so.6", True), ("libdbus-1.so.3", False), ("libsystemd.so.0", False),
    ("libkrb5.so.3", False), ("libmd.so.0", False), ("libX11.so.6", True), ("libxcb-cursor.so.0", True),
    # a Python extension whose name happens to be a dropped library's: kept
    ("charset_normalizer/md.cpython-311-x86_64-linux-gnu.so", True),
])
def test_wayland_gl_and_system_libraries_dropped(dest, kept):
    assert rules.keep_qt_file(dest) is kept


def test_cjk_codecs_are_excluded_and_csv_encodings_are_not():
    from core.source import encoding

    assert "_codecs_jp" in rules.EXCLUDES
    source = encoding.__file__
    with open(source, encoding="utf-8") as handle:
        text = handle.read().lower()
    assert not any(name in text for name in ("shift_jis", "gb18030", "big5", "euc_"))


def test_the_linux_program_knows_its_windowed_name():
    assert entry_cli.WINDOWED_NAME == rules.APP_TITLE


def test_the_size_goes_to_the_workflow_summary():
    text = build_script.size_summary(99.7, None)
    assert "| 99.7 MB | within 100 MB |" in text
    assert "**OVER**" in build_script.size_summary(100.2, 101.0) and ".app bundle" in build_script.size_summary(1, 2)
