"""The printed summary table: every seed text in the PDF, the header on every page, page
numbers, tall rows split cleanly, the same table as .xlsx with its print settings."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from kpi_desktop.domain.periods import Period
from kpi_desktop.services.summary import SummaryOptions, SummaryRow, SummaryTable

pypdf = pytest.importorskip("pypdf")

HEADER = "序号重点工作牵头单位一季度进展情况"
TITLE = "2024年钱塘区政府报告重点工作量化指标一季度进展情况汇总表"


def norm(text: str) -> str:
    """NFKC (CJK fonts may map characters to look-alike radicals) without white space."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def pages_text(path: Path) -> list[str]:
    return [norm(page.extract_text() or "") for page in pypdf.PdfReader(str(path)).pages]


def export(db: Path, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    code = (
        "import sys\n"
        "from kpi_desktop.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'QtWidgets imported'\n"
        "sys.exit(status)\n"
    )
    args = ["export-summary", "--db", str(db), "--period", "2024Q1", "-o", str(output), *extra]
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )


@pytest.fixture(scope="module")
def q1_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("print")
    output = folder / "汇总表 2024Q1.pdf"
    result = export(folder / "kpi.sqlite", output)
    assert result.returncode == 0, result.stderr
    return output


def test_pdf_holds_every_seed_row_word_for_word(q1_pdf: Path, plan_rows: list) -> None:
    pages = pages_text(q1_pdf)
    whole = "".join(pages)
    for row in plan_rows:
        for text in (row.text, row.progress, *row.units.split()):
            assert norm(text) in whole, (row.seq, text)
        # no row is split across pages: its texts sit on one page
        assert any(norm(row.progress) in page and norm(row.text) in page for page in pages)


def test_every_page_has_the_header_and_its_number(q1_pdf: Path) -> None:
    pages = pages_text(q1_pdf)
    assert len(pages) >= 2
    assert pages[0].startswith(norm("附件2")) and TITLE in pages[0]
    for number, page in enumerate(pages, start=1):
        assert HEADER in page, number
        assert norm(f"— {number} —") in page, number
    assert all(TITLE not in page for page in pages[1:])


def test_pages_are_a4_landscape_by_default(q1_pdf: Path) -> None:
    for page in pypdf.PdfReader(str(q1_pdf)).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (842, 595)  # A4 in points, landscape


MM = 72 / 25.4


def placed_texts(page: object) -> list[tuple[str, float, float, bool]]:
    """Each text run of a PDF page: its text, where it starts in millimetres from the page's
    top left corner, and whether it is turned a quarter (reading downwards)."""
    height = float(page.mediabox.height)  # type: ignore[attr-defined]
    found: list[tuple[str, float, float, bool]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if not text.strip():
            return
        tx, ty = tm[4], tm[5]
        x = cm[0] * tx + cm[2] * ty + cm[4]
        y = cm[1] * tx + cm[3] * ty + cm[5]
        # the text's direction: the matrix tm × cm applied to (1, 0)
        across, down = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
        found.append((norm(text), x / MM, (height - y) / MM, abs(down) > abs(across)))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return found


def test_pdf_pages_follow_gb_t_9704(q1_pdf: Path) -> None:
    """Landscape A4 with the type area turned: 225 × 156 mm inside margins of 35 (left, the
    portrait sheet's foot), 37 (right, its head), 28 (top, the binding side) and 26 mm; the
    page number down the left side, 7 mm off the type area, where a portrait page has it."""
    pages = pypdf.PdfReader(str(q1_pdf)).pages
    for number, page in enumerate(pages, start=1):
        texts = placed_texts(page)
        numbers = [t for t in texts if "—" in t[0]]
        assert len(numbers) == 1, number
        _, x, y, turned = numbers[0]
        assert turned, number
        assert 24 < x < 30  # the number's line is centred 28 mm from the left edge
        if number % 2:  # odd: against the lower end, one character (14 pt) in
            assert 160 < y < 180, (number, y)
        else:  # even: from the upper end, one character in
            assert abs(y - (28 + 14 / MM)) < 1.0, (number, y)
        body = [t for t in texts if "—" not in t[0]]
        assert min(t[1] for t in body) > 35 - 0.1 and max(t[1] for t in body) < 297 - 37
        assert min(t[2] for t in body) > 28 and max(t[2] for t in body) < 210 - 26
        assert not any(t[3] for t in body)
    first = placed_texts(pages[0])
    assert first[0][0] == "附件2" and abs(first[0][1] - 35) < 0.5 and first[0][2] < 28 + 8


def test_portrait_pdf_numbers_odd_right_even_left(tmp_path: Path) -> None:
    output = tmp_path / "纵向.pdf"
    assert export(tmp_path / "kpi.sqlite", output, "--portrait").returncode == 0
    pages = pypdf.PdfReader(str(output)).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages[:2], start=1):
        texts = placed_texts(page)
        (_, x, y, turned), *_ = (t for t in texts if "—" in t[0])
        assert not turned
        assert abs(y - (37 + 225 + 7)) < 4  # a baseline about the dash 7 mm below 版心
        if number % 2:
            assert 184 - 14 / MM - 20 < x < 184 - 14 / MM - 8  # ends one character in
        else:
            assert abs(x - (28 + 14 / MM)) < 0.5
        body = [t for t in texts if "—" not in t[0]]
        assert min(t[1] for t in body) > 28 - 0.1 and max(t[1] for t in body) < 210 - 26
        assert min(t[2] for t in body) > 37 and max(t[2] for t in body) < 297 - 35


def test_compact_layout_is_the_earlier_page(tmp_path: Path, q1_pdf: Path) -> None:
    output = tmp_path / "紧凑.pdf"
    assert export(tmp_path / "kpi.sqlite", output, "--compact").returncode == 0
    pages = pypdf.PdfReader(str(output)).pages
    texts = placed_texts(pages[0])
    (_, x, y, turned), *_ = (t for t in texts if "—" in t[0])
    assert not turned and 130 < x < 148.5 and 210 - 12 - 10 < y < 210 - 12
    body = [t for t in texts if "—" not in t[0]]
    assert abs(min(t[1] for t in body) - 20) < 0.5 and min(t[2] for t in body) > 18
    # its wider type area holds more rows a page
    assert len(pages) < len(pypdf.PdfReader(str(q1_pdf)).pages)


def test_options_one_unit_portrait_with_extra_columns(tmp_path: Path) -> None:
    output = tmp_path / "商务局.pdf"
    options = ("--unit", "区商务局", "--with-problems", "--with-status", "--portrait")
    result = export(tmp_path / "kpi.sqlite", output, *options)
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(str(output))
    first = reader.pages[0]
    assert float(first.mediabox.width) < float(first.mediabox.height)
    text = "".join(pages_text(output))
    assert norm("序号重点工作牵头单位一季度进展情况存在问题下步打算进度状态") in text
    assert "预计一季度实际利用外资19431万美元" in text  # 3, led by 区商务局
    assert "季度数据" not in text  # row 1 is 区发展改革局's
    assert "滞后" in text and norm("（区商务局）") in text


def test_refusals_are_messages_not_tracebacks(tmp_path: Path) -> None:
    bad = export(tmp_path / "kpi.sqlite", tmp_path / "out.txt")
    assert bad.returncode == 2 and ".pdf" in bad.stderr and ".docx" in bad.stderr
    assert "Traceback" not in bad.stderr
    for options in (("--compact",), ("--font-size", "小四")):
        refused = export(tmp_path / "kpi.sqlite", tmp_path / "out.xlsx", *options)
        assert refused.returncode == 2 and options[0] in refused.stderr, options
    too_big = export(tmp_path / "kpi.sqlite", tmp_path / "out.pdf", "--font-size", "一号")
    assert too_big.returncode == 2 and "一号" in too_big.stderr
    unknown = export(tmp_path / "kpi.sqlite", tmp_path / "out.pdf", "--unit", "区不存在局")
    assert unknown.returncode == 2 and "区不存在局" in unknown.stderr
    assert not (tmp_path / "out.pdf").exists() and not (tmp_path / "out.xlsx").exists()
    missing = export(tmp_path / "kpi.sqlite", tmp_path / "无此文件夹" / "out.pdf")
    assert missing.returncode == 2 and "无此文件夹" in missing.stderr


# --- the renderer in this process -----------------------------------------------------------


def _table(rows: list[tuple[str, str]]) -> SummaryTable:
    return SummaryTable(
        attachment="附件2",
        title=TITLE,
        period=Period.parse("2024Q1"),
        rows=tuple(
            SummaryRow(indicator_id=i, seq=i, work=work, lead_units=("区商务局",), progress=p)
            for i, (work, p) in enumerate(rows, start=1)
        ),
    )


def test_a_row_taller_than_a_page_continues_on_the_next(qapp: object, tmp_path: Path) -> None:
    from kpi_desktop.printing.summary_printer import print_pdf

    sentences = [f"第{i}项工作已完成，推进情况良好并持续跟踪。" for i in range(1, 260)]
    tall = "".join(sentences)
    table = _table([("短行一。", "进展一。"), ("超长行。", tall), ("短行三。", "进展三。")])
    pages = print_pdf(table, tmp_path / "tall.pdf")
    texts = pages_text(tmp_path / "tall.pdf")
    assert pages == len(texts) >= 3
    # every line printed once and in order, once the page furniture is taken out
    body = "".join(
        page.replace(HEADER, "").replace(norm(f"— {n} —"), "")
        for n, page in enumerate(texts, start=1)
    )
    assert norm(tall) in body
    for number, page in enumerate(texts, start=1):
        assert HEADER in page and norm(f"— {number} —") in page
    # lines are not cut: each page ends with whole sentences of the tall row
    assert texts[1].count("第") >= 10
    assert "进展三" in texts[-1]


def test_progress_is_reported_and_cancel_leaves_no_file(qapp: object, tmp_path: Path) -> None:
    from kpi_desktop.printing.summary_printer import PrintCancelled, print_pdf

    table = _table([(f"工作{i}。", f"进展{i}。") for i in range(40)])
    seen: list[tuple[int, int]] = []
    print_pdf(table, tmp_path / "ok.pdf", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, 40) for i in range(1, 41)]
    with pytest.raises(PrintCancelled):
        print_pdf(table, tmp_path / "cancelled.pdf", progress=lambda done, total: done < 10)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.pdf"]


def test_fonts_cover_every_character_of_the_seed(qapp: object, plan_rows: list) -> None:
    from kpi_desktop.printing.fonts import BODY_CHAIN, Fonts, installed, missing_glyphs

    if not installed(BODY_CHAIN):
        pytest.skip("no CJK font installed (fonts-noto-cjk or fonts-wqy-microhei)")
    fonts = Fonts.official()
    text = "".join(r.text + r.units + r.progress for r in plan_rows)
    assert missing_glyphs(text, fonts.body) == set()
    assert missing_glyphs(TITLE + "附件2", fonts.title) == set()
    assert missing_glyphs(HEADER + "存在问题下步打算进度状态", fonts.heading) == set()


def test_fallback_chain_names_the_official_fonts_first() -> None:
    from kpi_desktop.printing.fonts import BODY_CHAIN, HEADING_CHAIN, TITLE_CHAIN

    assert (TITLE_CHAIN[0], HEADING_CHAIN[0], BODY_CHAIN[0]) == (
        "方正小标宋简体",
        "黑体",
        "仿宋_GB2312",
    )
    assert "Noto Serif CJK SC" in BODY_CHAIN and "WenQuanYi Micro Hei" in BODY_CHAIN


# --- the same table as .xlsx -----------------------------------------------------------------


def test_xlsx_round_trips_with_print_settings(tmp_path: Path, plan_rows: list) -> None:
    from openpyxl import load_workbook

    output = tmp_path / "汇总表.xlsx"
    result = export(tmp_path / "kpi.sqlite", output)
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(output).active
    assert sheet["A1"].value == "附件2"
    assert sheet["A2"].value == TITLE
    assert [c.value for c in sheet[3]] == ["序号", "重点工作", "牵头单位", "一季度进展情况"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert rows == [[s.seq, s.text, s.units.replace(" ", "\n"), s.progress] for s in plan_rows]
    assert all(
        sheet.cell(row=r, column=c).border.left.style == "thin" for r in (3, 40) for c in (1, 4)
    )
    setup = sheet.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)  # 9: A4
    assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"
    assert "&P" in sheet.oddFooter.center.text and "—" in sheet.oddFooter.center.text
    assert "A2:D2" in {str(r) for r in sheet.merged_cells.ranges}
    # LibreOffice does not size rows to wrapped text: every row carries a height fitting it
    heights = {s.seq: sheet.row_dimensions[s.seq + 3].height for s in plan_rows}
    assert all(h for h in heights.values())
    assert heights[50] > 3 * heights[1]  # four numbered paragraphs against one short line


def test_xlsx_row_height_follows_the_wrapped_lines() -> None:
    from kpi_desktop.services.sheet_rows import row_height

    one_line = row_height(["短"], [20.0], 12)
    assert row_height(["汉" * 40], [20.0], 12) > 4 * one_line / 1.5
    assert row_height(["一\n二\n三"], [20.0], 12) > row_height(["一二三"], [20.0], 12)
    assert row_height(["1234567890"], [20.0], 12) == one_line  # digits are narrow


def test_xlsx_keeps_a_text_that_looks_like_a_formula(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from kpi_desktop.services.summary_xlsx import write_summary_xlsx

    table = _table([("工作。", "=SUM(A1:A3) 不是公式")])
    write_summary_xlsx(table, tmp_path / "f.xlsx")
    cell = load_workbook(tmp_path / "f.xlsx").active["D4"]
    # Stored as typed (no apostrophe in the text), as a text cell with Excel's quote prefix.
    assert cell.data_type == "s" and cell.value == "=SUM(A1:A3) 不是公式"
    assert cell.quotePrefix


def test_xlsx_options(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    output = tmp_path / "opt.xlsx"
    options = ("--unit", "区商务局", "--with-status", "--portrait")
    assert export(tmp_path / "kpi.sqlite", output, *options).returncode == 0
    sheet = load_workbook(output).active
    assert sheet.page_setup.orientation == "portrait"
    assert [c.value for c in sheet[3]][-1] == "进度状态"
    assert "（区商务局）" in sheet["A2"].value


def test_summary_options_default_to_the_official_table() -> None:
    from kpi_desktop.domain.page_format import Layout

    assert SummaryOptions() == SummaryOptions(None, False, False, False, Layout.OFFICIAL, None)
