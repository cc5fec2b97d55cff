"""Rows of the template and of the summary workbook are tall enough for every line they hold:
LibreOffice prints them without one text running into the next."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kpi_desktop.cli import main
from kpi_desktop.services.sheet_rows import line_count, row_height

NEEDS = [shutil.which("soffice"), shutil.which("pdftotext")]


def test_lines_follow_the_column_width_and_the_font_size() -> None:
    text = "一般公共预算收入、居民人均可支配收入与经济增长基本同步。"  # 28 wide characters
    assert line_count(text, 40, 12) == 2
    assert line_count(text, 80, 12) == 1
    assert line_count(text, 40, 16) == 3
    assert line_count("1-2月\n累计\n完成", 40, 12) == 3  # every line break counts
    assert row_height([text, "区发展改革局"], [40, 20], 12) > row_height(["短"], [40], 12)


def _boxes(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    boxes, page = [], 0
    for line in xml.splitlines():
        if "<page " in line:
            page += 1
        found = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line
        )
        if found:
            x0, y0, x1, y1 = (float(v) for v in found.groups()[:4])
            boxes.append((page, x0, y0, x1, y1, found.group(5)))
    return boxes


def _overlaps(boxes: list[tuple[int, float, float, float, float, str]]) -> list[tuple[str, str]]:
    found = []
    for i, (page, x0, y0, x1, y1, word) in enumerate(boxes):
        for other in boxes[i + 1 :]:
            if other[0] != page:
                continue
            # Overlapping by more than a sliver in both directions: one text over another.
            dx = min(x1, other[3]) - max(x0, other[1])
            dy = min(y1, other[4]) - max(y0, other[2])
            if dx > 1.0 and dy > 2.0:
                found.append((word, other[5]))
    return found


@pytest.mark.skipif(None in NEEDS, reason="needs LibreOffice (soffice) and poppler (pdftotext)")
@pytest.mark.parametrize("what", ["template", "summary"])
def test_libreoffice_prints_no_text_over_another(
    database: Any, tmp_path: Path, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / f"{what}.xlsx"
    if what == "template":
        args = [
            "export-template",
            "--db",
            str(database.path),
            "--period",
            "2024H1",
            "-o",
            str(book),
        ]
    else:
        args = ["export-summary", "--db", str(database.path), "--period", "2024Q1", "-o", str(book)]
    assert main(args) == 0
    capsys.readouterr()
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    boxes = _boxes(tmp_path / f"{what}.pdf")
    assert len(boxes) > 100
    assert _overlaps(boxes) == []
    # Every indicator's text is printed whole (the words of the PDF, joined).
    printed = "".join(box[5] for box in boxes)
    assert "签约50亿元以上项目2个" in printed and "落地亿元以上项目60个" in printed
