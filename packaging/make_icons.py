"""Render the application icon from its SVG source: PNGs for Linux and the window, and a
multi-size ICO for Windows (the program file, the installer and the Start-menu entry).

    python packaging/make_icons.py        (writes resources/icons/*.png and *.ico)

The generated files are committed; tests/test_icons.py checks that they still match the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SOURCE = ICONS / "kpi-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
# What Windows asks an icon file for: the small sizes of lists and title bars, 48 for
# Explorer's icon view, 256 for its large views.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"kpi-desktop-{size}.png"


def render(size: int, source: Path = SOURCE) -> QImage:
    """The SVG drawn at `size` × `size` pixels, with straight (not premultiplied) alpha."""
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An ICO entry in the classic form: a 32-bit BGRA bitmap stored bottom-up, then the
    1-bit AND mask (set where the pixel is fully transparent) that older readers still need.
    The bitmap header gives twice the height because it counts both parts."""
    width, height = image.width(), image.height()
    header = struct.pack("<IiiHHIIiiII", 40, width, 2 * height, 1, 32, 0, 0, 0, 0, 0, 0)
    colour = bytearray()
    mask = bytearray()
    mask_row_bytes = ((width + 31) // 32) * 4
    for y in reversed(range(height)):
        row_mask = bytearray(mask_row_bytes)
        for x in range(width):
            argb = image.pixel(x, y)  # 0xAARRGGBB; little-endian packing gives B, G, R, A
            colour += struct.pack("<I", argb)
            if argb >> 24 == 0:
                row_mask[x // 8] |= 0x80 >> (x % 8)
        mask += row_mask
    return header + bytes(colour) + bytes(mask)


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO file holding `images`: bitmaps below 256 pixels (every Windows version and
    resource tool reads them), PNG at 256 (the form Windows uses for its largest size)."""
    entries = [png_bytes(image) if image.width() >= 256 else dib_bytes(image) for image in images]
    directory = struct.pack("<HHH", 0, 1, len(images))
    offset = len(directory) + 16 * len(images)
    for image, data in zip(images, entries, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256 in the directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return directory + b"".join(entries)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rendered = {size: render(size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    for size in PNG_SIZES:
        png_path(size).write_bytes(png_bytes(rendered[size]))
    (ICONS / "kpi-desktop.ico").write_bytes(ico_bytes([rendered[s] for s in ICO_SIZES]))
    del app
    print(f"wrote {len(PNG_SIZES)} PNGs and kpi-desktop.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
