"""The application icon: the committed PNG and ICO files are the SVG source rendered, the ICO
holds every size Windows asks for, and the window gets the icon."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"


def _make_icons():  # the packaging script is not a package module: load it by path
    spec = importlib.util.spec_from_file_location(
        "make_icons", ROOT / "packaging" / "make_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_icons", module)
    spec.loader.exec_module(module)
    return module


make_icons = _make_icons()


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference of any channel of any pixel, both images taken as ARGB."""
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    assert a.size() == b.size()
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixel(x, y), b.pixel(x, y)
            for shift in (0, 8, 16, 24):
                worst = max(worst, abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)))
    return worst


@pytest.mark.parametrize("size", make_icons.PNG_SIZES)
def test_each_png_is_the_svg_rendered_at_its_size(qapp, size: int) -> None:
    committed = QImage(str(make_icons.png_path(size)))
    assert not committed.isNull(), f"kpi-desktop-{size}.png is missing: run make_icons.py"
    assert committed.width() == committed.height() == size
    # Anti-aliasing may differ by a step or two between Qt versions; an edited SVG whose
    # files were not generated again differs by far more.
    assert largest_difference(committed, make_icons.render(size)) <= 8


def test_the_ico_holds_every_size_as_rendered(qapp) -> None:
    reader = QImageReader(str(ICONS / "kpi-desktop.ico"))
    frames = {}
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        frames[image.width()] = image
    assert sorted(frames) == sorted(make_icons.ICO_SIZES)
    for size, image in frames.items():
        assert image.height() == size
        assert image.hasAlphaChannel()
        assert largest_difference(image, make_icons.render(size)) <= 8, size


def test_writing_the_ico_round_trips_through_another_reader(qapp, tmp_path: Path) -> None:
    """Qt's reader is one reading; ImageMagick's is an independent second one."""
    identify = shutil.which("identify")
    if identify is None:
        pytest.skip("ImageMagick's identify is not installed")
    images = [make_icons.render(size) for size in make_icons.ICO_SIZES]
    path = tmp_path / "icon.ico"
    path.write_bytes(make_icons.ico_bytes(images))
    listed = subprocess.run(
        [identify, "-format", "%w %h\n", str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    sizes = [int(value) for value in listed[::2]]
    assert sizes == list(make_icons.ICO_SIZES)
    # A fully transparent corner must be transparent in the bitmap entries too (the AND mask
    # and the alpha channel agree).
    corner = subprocess.run(
        [identify, "-format", "%[fx:p{0,0}.a] ", f"{path}[0]"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert float(corner[0]) == 0.0


def test_the_application_has_the_icon_in_every_size(qapp) -> None:
    from kpi_desktop.ui.icon import ICON_SIZES, application_icon

    icon = application_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(ICON_SIZES)
    assert sorted(ICON_SIZES) == sorted(make_icons.PNG_SIZES)
