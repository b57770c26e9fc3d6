"""Which text encoding an IdP export is in, found by streaming over the file (never the whole file in
memory): a BOM decides; UTF-16 without BOM shows in its NUL pattern; then strict UTF-8; then Windows-1252;
then charset-normalizer (comes with requests) when it is confident; Latin-1 is the floor.

Raises core.source.csverrors.CsvError (BINARY_FILE, UNDECODABLE with the line of the first bad byte).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from core.source.csverrors import BINARY_FILE, UNDECODABLE, CsvError

CHUNK_BYTES = 1 << 20
SNIFF_BYTES = 64 * 1024

# BOM -> (the name we report and decode with, the explicit codec that checks the bytes)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"))


def detect_encoding(path: Path, head: bytes) -> str:
    """The encoding to read `path` with; `head` = its first SNIFF_BYTES bytes."""
    for bom, name, codec in _BOMS:
        if head.startswith(bom):
            _require(path, codec, name)
            return name
    nul_codec = _utf16_without_bom(head)
    if nul_codec:
        _require(path, nul_codec, nul_codec)
        return nul_codec
    if b"\x00" in head:
        raise CsvError(0, None, BINARY_FILE)
    for codec in ("utf-8", "cp1252"):
        if first_bad_line(path, codec) is None:
            return codec
    guess = _guess_with_charset_normalizer(head)
    _require(path, guess, guess)
    return guess


def _require(path: Path, codec: str, name: str) -> None:
    line = first_bad_line(path, codec)
    if line is not None:
        raise CsvError(line, None, UNDECODABLE, f"read as {name}")


def first_bad_line(path: Path, codec: str) -> int | None:
    """The line holding the first byte `codec` cannot decode, or None when the whole file decodes."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    lf = cr = 0  # line breaks so far ("\n", and "\r" for old Mac files that use nothing else)
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(CHUNK_BYTES)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                text = exc.object[: exc.start].decode(codec, "replace")
                lf, cr = lf + text.count("\n"), cr + text.count("\r")
                return (lf or cr) + 1
            lf, cr = lf + text.count("\n"), cr + text.count("\r")
            if not chunk:
                return None


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _guess_with_charset_normalizer(head: bytes) -> str:
    """Asked only when cp1252 cannot decode the bytes (it keeps Nordic å ä ö intact and is nearly always
    right for a Windows tool's export). Its answer counts only when confident: on short Nordic samples it
    guesses cp775 or mac_latin2 and garbles å (measured), so Latin-1 (decodes any byte) is the floor."""
    from charset_normalizer import from_bytes  # comes with requests

    best = from_bytes(head).best()
    if best is not None and best.coherence >= 0.5 and best.chaos <= 0.1:
        return best.encoding
    return "latin-1"
