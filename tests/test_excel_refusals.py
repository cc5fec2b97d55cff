"""Nothing wrong gets in: each kind of bad return is refused with a message naming the file,
the row and what to do, and the database is left exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from excel_support import FIXTURES, H1, fill_template, snapshot, write_table

from kpi_desktop.cli import main
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.storage.backup import backup_folder

TEXT_3 = "实际利用外资11亿美元以上。"
TEXT_14 = "新增限上社零企业50家。"
HEADER = ["序号", "重点工作", "牵头单位", "上半年进展情况"]
TITLE = "2024年钱塘区政府报告重点工作量化指标上半年进展情况"


def _table(*rows: list[Any], title: str = TITLE, header: list[str] = HEADER) -> Callable[..., Path]:
    def build(folder: Path, _db: Any) -> Path:
        return write_table(folder / "区商务局-报送.xlsx", [[title], header, *rows])

    return build


def _not_a_workbook(folder: Path, _db: Any) -> Path:
    path = folder / "报送.xlsx"
    path.write_text("序号,重点工作\n3,实际利用外资\n", encoding="utf-8")
    return path


def _a_folder(folder: Path, _db: Any) -> Path:
    path = folder / "区商务局.xlsx"  # a folder, named like a return
    path.mkdir()
    return path


def _template(folder: Path, db: Any) -> Path:
    with db.read() as session:
        template = export_template(session, H1, folder / "t.xlsx", "区商务局").path
    return fill_template(template, folder / "filled.xlsx", {3: "上半年5亿美元。"})


def _cut_short(folder: Path, db: Any) -> Path:
    data = _template(folder, db).read_bytes()
    path = folder / "cut.xlsx"
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def _encrypted(folder: Path, _db: Any) -> Path:
    data = bytearray((FIXTURES / "returns-libreoffice.xls").read_bytes())
    old = "Workbook".encode("utf-16-le")
    at = data.index(old)
    name = "EncryptionInfo".encode("utf-16-le") + b"\x00\x00"
    data[at : at + len(name)] = name
    data[at + 64 : at + 66] = len(name).to_bytes(2, "little")
    path = folder / "加密.xlsx"
    path.write_bytes(bytes(data))
    return path


def _inflates(folder: Path, _db: Any) -> Path:
    path = folder / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", b"<a>" + b" " * (60 * 1024 * 1024) + b"</a>")
    return path


def _damaged(folder: Path, _db: Any) -> Path:
    path = folder / "坏.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("xl/workbook.xml", "<workbook><sheets>")
    return path


def _no_table(folder: Path, _db: Any) -> Path:
    return write_table(folder / "无表.xlsx", [["工作总结"], ["今年上半年，我局……"]])


CASES: dict[str, tuple[Callable[..., Path], str, int | None]] = {
    "not a workbook": (_not_a_workbook, "不是 Excel 工作簿", None),
    "a folder": (_a_folder, "是一个文件夹，不是报送表", None),
    "cut short": (_cut_short, "不完整", None),
    "encrypted": (_encrypted, "设置了打开密码", None),
    "inflates": (_inflates, "解压后过大", None),
    "damaged": (_damaged, "已损坏", None),
    "no table": (_no_table, "找不到进展情况表", None),
    "seq not in plan": (_table([99, TEXT_3, "区商务局", "甲"]), "没有序号 99", 3),
    "seq repeated": (
        _table([3, TEXT_3, "区商务局", "甲"], [3, TEXT_3, "区商务局", "乙"]),
        "序号 3 已在第 3 行出现",
        4,
    ),
    "text of another indicator": (
        _table([3, TEXT_14, "区商务局", "甲"]),
        "是序号 14 的指标",
        3,
    ),
    "text not in plan": (_table([3, "实际利用外资20亿美元以上。", "区商务局", "甲"]), "不一致", 3),
    "no seq, unknown text": (_table([None, "新增一个指标。", "区商务局", "甲"]), "没有序号", 3),
    # 三 and （三） are numbers as offices write them; "No.3" is not one.
    "seq not a number": (_table(["No.3", TEXT_3, "区商务局", "甲"]), "不是一个数字", 3),
    "another year": (
        _table([3, TEXT_3, "区商务局", "甲"], title="2023年重点工作上半年进展情况"),
        "属于 2023 年",
        None,
    ),
    "no period": (
        _table([3, TEXT_3, "区商务局", "甲"], title="2024年重点工作", header=[*HEADER[:3], "进展"]),
        "判断报送期间",
        None,
    ),
    "bad status": (
        _table([3, TEXT_3, "区商务局", "甲", "还行"], header=[*HEADER, "完成状态"]),
        "状态“还行”无法识别",
        3,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_refusal_names_file_and_row_and_changes_nothing(
    case: str, database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, fragment, row = CASES[case]
    bad = build(tmp_path, database)
    good = _template(tmp_path, database)
    before = snapshot(database)
    status = main(["import", "--db", str(database.path), str(good), str(bad)])
    out, err = capsys.readouterr()
    assert status == 2
    assert fragment in err
    assert str(bad) in err
    if row is not None:
        assert f"第 {row} 行" in err
    assert "Traceback" not in err
    assert "未导入任何文件" in err
    assert str(good) in out  # the per-file summary still lists every file
    assert snapshot(database) == before
    assert not list(backup_folder(database.path).glob("*before-import*"))


def test_missing_file(database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(database)
    assert main(["import", "--db", str(database.path), str(tmp_path / "无此文件.xlsx")]) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert snapshot(database) == before


def test_two_files_disagreeing_on_a_row_are_refused(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with database.read() as session:
        template = export_template(session, H1, tmp_path / "t.xlsx", "区商务局").path
    first = fill_template(template, tmp_path / "一.xlsx", {3: "甲"})
    second = fill_template(template, tmp_path / "二.xlsx", {3: "乙"})
    before = snapshot(database)
    assert main(["import", "--db", str(database.path), str(first), str(second)]) == 2
    err = capsys.readouterr().err
    assert "与文件" in err and str(first) in err and str(second) in err
    assert snapshot(database) == before


def test_dry_run_reports_and_changes_nothing(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _template(tmp_path, database)
    before = snapshot(database)
    folder = backup_folder(database.path)
    backups = sorted(folder.glob("*")) if folder.exists() else []
    assert main(["import", "--db", str(database.path), "--dry-run", str(good)]) == 0
    out = capsys.readouterr().out
    assert "新增 1" in out and "上半年5亿美元。" in out and "试运行" in out
    assert snapshot(database) == before
    # Only read: no backup made (nor the writer lock taken, see the test below).
    assert (sorted(folder.glob("*")) if folder.exists() else []) == backups


def test_dry_run_works_while_the_window_has_the_file(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _template(tmp_path, database)
    env = {**os.environ, "LANGUAGE": "zh_CN", "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "kpi_desktop", "import", "--db", str(database.path)]
    # `database` holds the writer lock, as the window does.
    dry = subprocess.run(
        [*command, "--dry-run", str(good)], env=env, capture_output=True, text=True, timeout=120
    )
    assert dry.returncode == 0, dry.stderr
    assert "试运行" in dry.stdout
    real = subprocess.run(
        [*command, str(good)], env=env, capture_output=True, text=True, timeout=120
    )
    assert real.returncode == 2 and "正由" in real.stderr, real.stderr
    assert "--dry-run" in real.stderr and "只读方式" not in real.stderr


def test_unknown_period_code_is_refused(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _template(tmp_path, database)
    assert main(["import", "--db", str(database.path), "--period", "2024Q2", str(good)]) == 2
    assert "无法识别期间“2024Q2”" in capsys.readouterr().err


def test_period_given_against_the_files_own_is_refused(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _template(tmp_path, database)  # a 2024H1 template
    before = snapshot(database)
    assert main(["import", "--db", str(database.path), "--period", "2024Q1", str(good)]) == 2
    err = capsys.readouterr().err
    assert "上半年的报送表" in err and "2024Q1" in err and good.name in err
    assert snapshot(database) == before


def test_import_command_whole_process(database: Any, tmp_path: Path) -> None:
    good = _template(tmp_path, database)
    bad = _not_a_workbook(tmp_path, database)
    database.close()
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "en_US.UTF-8"}
    command = [sys.executable, "-m", "kpi_desktop", "import", "--db", str(database.path)]
    refused = subprocess.run(
        [*command, str(good), str(bad)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
        check=False,
    )
    assert refused.returncode == 2
    assert "is not an Excel workbook" in refused.stderr and "Traceback" not in refused.stderr
    done = subprocess.run(
        [*command, str(good)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**environment, "LC_ALL": "", "LANGUAGE": "zh_CN"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "新增 1" in done.stdout and "已导入 1 行" in done.stdout
