"""Qt's ICU data, trimmed to what the wizard can use (Linux: PySide6 ships its own libicudata, 32 MB).

libicudata.so holds one ICU "common data" package (format CmnD: a header, a table of contents sorted by
item name, the items) under the symbol icudtNN_dat. Qt reads from it locale-aware case mapping, collation,
break rules, time zones and normalisation. The app ships English and Swedish and never converts legacy
codepages through Qt (CSV files are decoded by Python), so this keeps the data of the root, English and
Swedish locales and every locale-independent item, and drops codepage converters (.cnv), the dictionaries
for Thai/Lao/Khmer/Burmese/CJK line breaking (.dict), transliterators and the other locales. An item Qt
looks for and does not find falls back to the root locale, as for any locale ICU lacks.

The trimmed package is written into a new libicudata.so with the same soname and symbol (the linker
wraps the bytes; `cc` is needed, as on every Linux build machine). Without one, the build keeps the
original and says so.

    python build/trim_icu.py LIBICUDATA OUT_DIR     (prints the new library's path)
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

KEEP_LANGUAGES = {"root", "en", "sv"}
SHARED = {"res_index.res", "pool.res"}  # each tree's index and string pool: always kept
_LOCALE = re.compile(r"([a-z]{2,3}|root)(_[A-Za-z0-9]*)*\.res")
DROPPED_TREES = {"translit"}
DROPPED_SUFFIXES = (".cnv", ".dict")
_ALIGN = 16


def keep_item(name: str) -> bool:
    """Whether an item of the package (e.g. "icudt73l/coll/sv.res") stays."""
    parts = name.split("/")[1:]  # below the package's own prefix
    leaf = parts[-1]
    if leaf.endswith(DROPPED_SUFFIXES) or (len(parts) > 1 and parts[0] in DROPPED_TREES):
        return False
    if leaf in SHARED or not _LOCALE.fullmatch(leaf):
        return True
    return leaf.split("_")[0].removesuffix(".res") in KEEP_LANGUAGES


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(item name, item bytes)] in table order) of a little-endian CmnD package."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    count = struct.unpack_from("<I", blob, header_size)[0]
    toc = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(toc):
        start = header_size + name_at
        name = blob[start:blob.index(b"\0", start)].decode("ascii")
        end = header_size + toc[i + 1][1] if i + 1 < count else len(blob)
        items.append((name, blob[header_size + data_at:end]))
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A package of `items` (kept in the given, sorted, order), each aligned to 16 bytes as ICU's own
    tools lay them out."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    data_at = _aligned(toc_size + len(names))
    toc, body, name_at = [struct.pack("<I", len(items))], [], toc_size
    for name, data in items:
        toc.append(struct.pack("<II", name_at, data_at + sum(map(len, body))))
        name_at += len(name) + 1
        body.append(data + b"\0" * (_aligned(len(data)) - len(data)))
    head = b"".join(toc) + names
    return header + head + b"\0" * (data_at - len(head)) + b"".join(body)


def _aligned(n: int) -> int:
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN


def data_symbol(elf: bytes) -> tuple[str, int, int]:
    """(symbol name, file offset, size) of icudtNN_dat in a 64-bit little-endian ELF shared library."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link]
        for at in range(offset, offset + size, entsize):
            name_at, _, _, shndx, value, sym_size = struct.unpack_from("<IBBHQQ", elf, at)
            start = strtab[4] + name_at
            name = elf[start:elf.index(b"\0", start)].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", name):
                home = sections[shndx]
                return name, value - home[3] + home[4], sym_size
    raise ValueError("no icudtNN_dat symbol")


def trim_library(library: Path, out_dir: Path) -> tuple[Path, int, int]:
    """A trimmed copy of `library` in out_dir (same file name): (path, bytes before, bytes after)."""
    elf = library.read_bytes()
    symbol, offset, size = data_symbol(elf)
    header, items = read_package(elf[offset:offset + size])
    package = write_package(header, [(name, data) for name, data in items if keep_item(name)])
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "icudata.bin").write_bytes(package)
    source = out_dir / "icudata.s"
    source.write_text(f""".section .rodata
.globl {symbol}
.type {symbol}, @object
.balign 16
{symbol}:
.incbin "icudata.bin"
.size {symbol}, . - {symbol}
.section .note.GNU-stack,"",@progbits
""", encoding="ascii")
    target = out_dir / library.name
    soname = re.match(r"libicudata\.so\.\d+", library.name)
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None or soname is None:
        raise RuntimeError("no C compiler (cc) to wrap the trimmed ICU data")
    subprocess.run([cc, "-shared", "-nostdlib", f"-Wl,-soname,{soname.group(0)}", "-o", target.name, "icudata.s"],
                   cwd=out_dir, check=True)
    return target, len(elf), target.stat().st_size


def swap_in(binaries: list, out_dir: Path) -> list:
    """PyInstaller's binaries (dest, source, kind) with Qt's libicudata replaced by a trimmed copy; the
    original stays, with a warning, when it cannot be trimmed (other layouts, no C compiler)."""
    out = []
    for dest, source, kind in binaries:
        if re.fullmatch(r"libicudata\.so\.\d+", Path(dest).name):
            try:
                target, before, after = trim_library(Path(source), out_dir)
                print(f"ICU data trimmed: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB ({dest})")
                source = str(target)
            except (OSError, ValueError, RuntimeError, subprocess.CalledProcessError) as exc:
                print(f"WARNING: ICU data kept whole ({dest}): {exc}")
        out.append((dest, source, kind))
    return out


def main(argv: list[str]) -> int:
    target, before, after = trim_library(Path(argv[0]), Path(argv[1]))
    print(f"{target}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
