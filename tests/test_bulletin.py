"""The bulletin (通报) draft: its figures are the statuses `dump` reports, its wording comes
from the template, and the Word file is set as GB/T 9704 sets a bulletin."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from excel_support import fill_template, run_import
from test_summary_docx import lo_pdf

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.services import editing
from kpi_desktop.services.bulletin import (
    COUNTED,
    Part,
    builtin_template_text,
    draft_bulletin,
    fields,
    load_template,
)
from kpi_desktop.services.bulletin_template import Template, field_names
from kpi_desktop.services.queries import dump, indicator_views, plans

docx = pytest.importorskip("docx")
pypdf = pytest.importorskip("pypdf")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = Path(__file__).resolve().parents[1]
NAMES = {"done": "已完成", "ahead": "超序时", "on_schedule": "序时推进", "behind": "滞后"}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        "from kpi_desktop.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
        "sys.exit(status)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )


def dumped_statuses(db: Path, period: str) -> Counter[str]:
    result = cli("dump", "--db", str(db))
    assert result.returncode == 0, result.stderr
    (plan,) = json.loads(result.stdout)["plans"]
    return Counter(indicator["status"][period] for indicator in plan["indicators"])


def formula(statuses: Counter[str]) -> str:
    total = sum(statuses.values())
    parts = "、".join(f"{NAMES[s]}{statuses[s]}项" for s in NAMES)
    return f"{total}项指标中，{parts}"


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# --- the built-in plan ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def q1(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("bulletin")
    db, output = folder / "kpi.sqlite", folder / "通报 2024Q1.docx"
    result = cli("bulletin", "--db", str(db), "--period", "2024Q1", "-o", str(output))
    assert result.returncode == 0, result.stderr
    return db, output


def test_q1_counts_are_the_statuses_dump_reports(q1: tuple[Path, Path]) -> None:
    db, output = q1
    statuses = dumped_statuses(db, "2024Q1")
    assert statuses["behind"] == 9 and sum(statuses.values()) == 53  # the table has them
    text = docx_text(output)
    assert formula(statuses) in text
    shares = "、".join(
        f"{round(statuses[s] / 53 * 100, 1):g}%" for s in ("done", "ahead", "on_schedule", "behind")
    )
    assert f"分别占{shares}" in text
    assert f"另有{statuses['no_figure']}项暂无可比数据，不作评估，不计入滞后" in text
    assert "尚待填报" not in text  # every Q1 row has its text


def test_q1_lagging_items_by_unit_with_how_far_behind(q1: tuple[Path, Path]) -> None:
    text = docx_text(q1[1])
    lagging = text[text.index("二、滞后指标") : text.index("三、报送情况")]
    assert "（一）区商务局（2项）" in lagging
    assert (
        "第3项“实际利用外资11亿美元以上”：实际利用外资目标11亿美元，截至3月底完成19431万美元，"
        "完成率17.7%，低于序时进度（25%）7.3个百分点。"
    ) in lagging
    # a rate target is compared with its value, from February's figure
    assert "经营性收入120万元以上村数量目标50%，截至2月底为6.8%，低于目标43.2个百分点" in lagging
    # placeholders are not lagging, and are named apart
    assert "第1项" not in lagging
    assert "第1项（季度数据）" in text and "第4项（年度数据）" in text
    # each of the nine is named once, under its units
    named = [line for line in lagging.splitlines() if line[:1].isdigit()]
    assert len(named) == 9


def test_the_draft_leaves_marked_places_and_the_attachment_line(q1: tuple[Path, Path]) -> None:
    document = docx.Document(str(q1[1]))
    text = docx_text(q1[1])
    assert "四、存在问题\n【请填写" in text and "一是【请填写】" in text
    assert "附件：2024年钱塘区政府报告重点工作量化指标一季度进展情况汇总表" in text
    highlighted = [
        run.text
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.font.highlight_color is not None
    ]
    assert highlighted and all(t.startswith("【") and t.endswith("】") for t in highlighted)
    # nothing the data does not say: no praise, no causes
    for word in ("成效明显", "稳步推进", "主要原因", "亮点"):
        assert word not in text


def test_bulletin_is_set_as_gb_t_9704_sets_it(q1: tuple[Path, Path]) -> None:
    document = docx.Document(str(q1[1]))
    section = document.sections[0]
    mm = [round(v / 36000, 1) for v in (section.page_width, section.page_height)]
    margins = [
        round(v / 36000, 1)
        for v in (section.top_margin, section.bottom_margin, section.left_margin)
    ]
    assert mm == [210.0, 297.0] and margins == [37.0, 35.0, 28.0]
    assert round(section.right_margin / 36000, 1) == 26.0
    grid = section._sectPr.find(f"{W}docGrid")
    assert grid.get(f"{W}type") == "lines"
    assert (
        int(grid.get(f"{W}linePitch")) * 22
        <= round(225 / 25.4 * 1440)
        < (int(grid.get(f"{W}linePitch")) * 23)
    )

    def face(paragraph: object) -> tuple[str, float]:
        run = paragraph.runs[0]  # type: ignore[attr-defined]
        return run._r.rPr.find(f"{W}rFonts").get(f"{W}eastAsia"), run.font.size.pt

    by_text = {p.text: p for p in document.paragraphs if p.text}
    title = next(p for t, p in by_text.items() if t.startswith("关于"))
    assert face(title) == ("方正小标宋简体", 22.0)
    assert face(by_text["一、总体情况"]) == ("黑体", 16.0)
    assert face(by_text["（一）区商务局（2项）"]) == ("楷体_GB2312", 16.0)
    body = next(p for t, p in by_text.items() if t.startswith("53项指标中"))
    assert face(body) == ("仿宋_GB2312", 16.0)
    assert body.paragraph_format.first_line_indent.pt == 32.0  # two characters
    footer = section.footer.paragraphs[0]
    assert footer.alignment == 2 and section.even_page_footer.paragraphs[0].alignment == 0


def test_libreoffice_prints_22_lines_of_28_characters(database: object, tmp_path: Path) -> None:
    from kpi_desktop.services.docx_writer import write_bulletin_docx

    # Chinese text only (figures are half-width and would set lines shorter)
    prose = "各牵头单位对照目标任务逐项梳理进展，按时报送情况。" * 40
    template = Template.parse(f"[通报]\n{prose}\n一、标题\n（一）小标题：{prose}\n", "t.txt")
    with database.read() as session:  # type: ignore[attr-defined]
        bulletin = draft_bulletin(session, "2024Q1", template)
    write_bulletin_docx(bulletin, tmp_path / "网格.docx")
    printed = lo_pdf(tmp_path / "网格.docx")
    text = subprocess.run(
        ["pdftotext", "-layout", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [
        ["".join(line.split()) for line in page.splitlines() if line.strip() and "—" not in line]
        for page in text.split("\f")
        if page.strip()
    ]
    assert len(pages) >= 3
    assert all(len(page) == 22 for page in pages[:-1])  # 22 lines on every full page
    lines = [line for page in pages for line in page]
    assert "一、标题" in lines  # a heading on a line of its own
    joined = [line for line in lines if line != "一、标题"]
    # every line is 28 characters but a paragraph's first (two characters in) and last
    starts = {0, joined.index(next(line for line in joined if line.startswith("（一）")))}
    for index, line in enumerate(joined):
        if index in starts:
            assert len(line) == 26, (index, line)
        elif index + 1 not in starts and index != len(joined) - 1:
            assert len(line) == 28, (index, line)


# --- a scripted 上半年 ------------------------------------------------------------------------


def _ids(database: object) -> dict[int, int]:
    with database.read() as session:  # type: ignore[attr-defined]
        return {v.seq: v.id for v in indicator_views(session, plans(session)[0])}


@pytest.fixture
def half_year(database: object, tmp_path: Path) -> object:
    """上半年: 区商务局 returns two of its rows; the clerk types four more, one of them marked
    滞后 by herself with no figure; the rest has not come in."""
    from kpi_desktop.services.excel_template import export_template

    with database.read() as session:  # type: ignore[attr-defined]
        info = export_template(session, Period.parse("2024H1"), tmp_path / "t.xlsx", "区商务局")
    values = {3: "上半年实际利用外资3.2亿美元。", 14: "上半年新增限上社零企业40家。"}
    run_import(database, [fill_template(info.path, tmp_path / "商务局-回.xlsx", values)])
    ids = _ids(database)
    typed = {
        1: {"text": "季度数据。"},
        13: {"text": "上半年新增规上服务业企业50家。"},
        36: {"text": "上半年新建雨、污水管10公里。"},
        39: {"text": "推进中。", "status": "behind"},
    }
    with database.transaction() as session:  # type: ignore[attr-defined]
        for seq, changes in typed.items():
            editing.set_progress(session, ids[seq], "2024H1", changes)
    return database


def test_half_year_counts_are_the_statuses_dump_reports(half_year: object) -> None:
    with half_year.read() as session:  # type: ignore[attr-defined]
        (plan,) = dump(session)["plans"]
        bulletin = draft_bulletin(session, "2024H1")
    statuses = Counter(i["status"]["2024H1"] for i in plan["indicators"])
    assert statuses == Counter(
        {"not_reported": 47, "behind": 2, "ahead": 1, "on_schedule": 1, "done": 1, "no_figure": 1}
    )
    for status in COUNTED:
        assert bulletin.facts.count(status) == statuses[status.value], status
    text = "\n".join(p.text for p in bulletin.paragraphs)
    assert formula(statuses) in text
    assert "另有47项尚待填报上半年进展情况" in text
    assert "第36项“新建雨、污水管10公里”" in text.split("已完成的指标：")[1].splitlines()[0]


def test_half_year_names_the_lagging_and_who_has_not_reported(half_year: object) -> None:
    with half_year.read() as session:  # type: ignore[attr-defined]
        text = "\n".join(p.text for p in draft_bulletin(session, "2024H1").paragraphs)
    lagging = text[text.index("二、滞后指标") : text.index("三、报送情况")]
    assert "（一）区商务局（1项）" in lagging
    assert "截至6月底完成3.2亿美元，完成率29.1%，低于序时进度（50%）20.9个百分点" in lagging
    assert "第39项“城镇新增就业3万人以上”：经办公室认定为滞后" in lagging
    assert "第1项" not in lagging and "第1项（季度数据）" in text
    reporting = text[text.index("三、报送情况") :]
    assert "区商务局（已报4项" in reporting or "区商务局（已报" in reporting
    assert "区财政局（第" in reporting  # nothing of its rows came in


def test_late_units_with_a_due_date(half_year: object) -> None:
    with half_year.read() as session:  # type: ignore[attr-defined]
        early = date.today() - timedelta(days=3)
        late = draft_bulletin(session, "2024H1", due=early)
        on_time = draft_bulletin(session, "2024H1", due=date.today() + timedelta(days=1))
    text = "\n".join(p.text for p in late.paragraphs)
    day = date.today()
    assert f"区商务局（{day.year}年{day.month}月{day.day}日报送，逾期3天）" in text
    assert "逾期" not in "\n".join(p.text for p in on_time.paragraphs)


# --- the template -------------------------------------------------------------------------------


def test_every_field_of_the_builtin_template_is_documented_and_known(database: object) -> None:
    text = builtin_template_text()
    notes = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    template = Template.parse(text, "内置")
    with database.read() as session:  # type: ignore[attr-defined]
        bulletin = draft_bulletin(session, "2024Q1")
    known = set(fields(bulletin.facts))
    used = field_names(template)
    item_fields = {"序号", "指标", "重点工作", "牵头单位", "进展情况", "说明", "编号", "单位"}
    assert used - known <= item_fields | {
        "项数", "滞后指标", "序", "滞后目标", "目标", "目标值", "实际值", "完成率", "差距",
        "数据截至", "未报项数", "已报项数", "未报序号", "报送日期", "逾期天数",
    }  # fmt: skip
    for name in used | known:
        assert f"{{{name}}}" in notes, name  # each field is explained in the notes
    assert [p.part for p in bulletin.paragraphs][:3] == [Part.TITLE, Part.BODY, Part.ADDRESSEE]


def test_template_rules() -> None:
    template = Template.parse(
        "# a note\n[通报]\n共{#列}项：{列}。\n{块}\n{空块}\n只数{#空}项\n[列|；]\n{名}\n"
        "[列（甲）]\n甲{名}\n[块]\n（{编号}）{名}\n  {名}的第二行\n[空块（无）]\n没有。\n",
        "t.txt",
    )
    rendered = template.render(
        "通报",
        {
            "列": [{"名": "一"}, {"名": "二", "@变体": "甲"}],
            "块": [{"编号": "一", "名": "A"}],
            "空块": [],
            "空": [],
        },
    )
    assert rendered == ["共2项：一；甲二。", "（一）A", "  A的第二行", "没有。"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("前言\n[通报]\n正文", "bulletin.template_no_section"),
        ("[通报]\n{未知}\n", "bulletin.template_field"),
        ("[通报]\n{列}和别的\n[列]\n一\n二\n", "bulletin.template_inline"),
        ("[通报]\n{名\n", "bulletin.template_braces"),
        ("[通报]\n一\n[通报]\n二\n", "bulletin.template_twice"),
        ("[别的]\n一\n", "bulletin.template_missing"),
        ("[通报]\n{#名}\n", "bulletin.template_count"),
        ("[通报]\n{列}\n", "bulletin.template_no_list"),
    ],
)
def test_template_mistakes_are_refused_with_their_line(text: str, code: str) -> None:
    with pytest.raises(KpiError) as refused:
        Template.parse(text, "我的模板.txt").render("通报", {"名": "x", "列": [{"名": "y"}]})
    assert refused.value.code == code
    message = refused.value.message()
    assert "我的模板.txt" in message


def test_the_clerks_own_template_and_its_refusals(tmp_path: Path) -> None:
    own = tmp_path / "我的模板.txt"
    own.write_text(
        builtin_template_text().replace("一、总体情况", "一、总的情况"), encoding="utf-8"
    )
    output = tmp_path / "通报.docx"
    db = tmp_path / "kpi.sqlite"
    result = cli("bulletin", "--db", str(db), "--period", "2024Q1", "--template", str(own),
                 "-o", str(output))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "一、总的情况" in docx_text(output)

    broken = tmp_path / "坏模板.txt"
    broken.write_text("[通报]\n{指标总数}项，{已完成的数}项\n", encoding="utf-8")
    refused = cli("bulletin", "--db", str(db), "--period", "2024Q1", "--template", str(broken),
                  "-o", str(tmp_path / "坏.docx"))  # fmt: skip
    assert (
        refused.returncode == 2 and "第 2 行" in refused.stderr and "{已完成的数}" in refused.stderr
    )
    assert "Traceback" not in refused.stderr and not (tmp_path / "坏.docx").exists()

    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("[通报]\n通报\n".encode("gbk"))
    refused = cli("bulletin", "--db", str(db), "--period", "2024Q1", "--template", str(gbk),
                  "-o", str(tmp_path / "g.docx"))  # fmt: skip
    assert refused.returncode == 2 and "UTF-8" in refused.stderr


def test_command_refusals(tmp_path: Path) -> None:
    db = tmp_path / "kpi.sqlite"
    for args, shown in (
        (("--period", "2024Q1", "-o", str(tmp_path / "通报.pdf")), ".docx"),
        (("--period", "2024Q2", "-o", str(tmp_path / "a.docx")), "2024Q2"),
        (("--period", "2024Q1", "--due", "4月10日", "-o", str(tmp_path / "a.docx")), "4月10日"),
        (("--period", "2024Q1", "-o", str(tmp_path / "无此处" / "a.docx")), "无此处"),
    ):
        result = cli("bulletin", "--db", str(db), *args)
        assert result.returncode == 2 and shown in result.stderr, args
        assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.docx"))


def test_load_template_default_is_the_packaged_one() -> None:
    assert load_template().sections.keys() >= {"通报", "滞后单位", "滞后目标（比率）"}


def test_the_word_table_needs_no_qt(tmp_path: Path) -> None:
    output = tmp_path / "汇总表.docx"
    result = cli("export-summary", "--db", str(tmp_path / "kpi.sqlite"), "--period", "2024Q1",
                 "-o", str(output))  # fmt: skip
    assert result.returncode == 0, result.stderr  # the child asserted no PySide6 was loaded
    assert output.exists()
