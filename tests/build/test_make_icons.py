"""The .ico / .icns written by build/make_icons.py are real icon files with every size the OSes ask for."""

from __future__ import annotations

import struct
from pathlib import Path

import make_icons
from PySide6.QtGui import QImageReader


def _sizes_read_by_qt(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    sizes = []
    for _ in range(reader.imageCount()):
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.width() == image.height()
        sizes.append(image.width())
        reader.jumpToNextImage()
    return sizes


def test_icons_render_from_the_svg(tmp_path, qapp):
    ico, icns = make_icons.make_icons(make_icons.DEFAULT_SVG, tmp_path)
    assert sorted(_sizes_read_by_qt(ico)) == sorted(make_icons.ICO_SIZES)
    assert sorted(_sizes_read_by_qt(icns)) == sorted(size for _, size in make_icons.ICNS_TYPES)
    data = icns.read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)


def test_icon_is_not_blank(tmp_path, qapp):
    """A broken SVG renders as a transparent square; the middle of the icon must be opaque."""
    image = QImageReader(str(make_icons.make_icons(make_icons.DEFAULT_SVG, tmp_path)[0])).read()
    assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() == 255
