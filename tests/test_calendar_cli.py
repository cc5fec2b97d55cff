"""The calendar's commands: due, close, reopen, chase; and what dump says of the calendar."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kpi_desktop.cli import main
from kpi_desktop.services.database import open_plan_database


def _files(path: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()
    }


@pytest.fixture
def db(db_path: Path) -> Path:
    open_plan_database(db_path).close()
    return db_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _dump(capsys: pytest.CaptureFixture[str], db: Path) -> dict:  # type: ignore[type-arg]
    status, out, _err = _run(capsys, "dump", "--db", str(db))
    assert status == 0
    return json.loads(out)  # type: ignore[no-any-return]


def test_due_dates_on_the_command_line_and_in_the_dump(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(
        capsys, "due", "--db", str(db), "--period", "2024H1", "--date", "2024-07-10"
    )
    assert status == 0 and "2024年7月10日" in out
    status, _, _ = _run(
        capsys,
        "due",
        "--db",
        str(db),
        "--period",
        "2024H1",
        "--date",
        "2024-07-05",
        "--unit",
        "区商务局",
    )
    assert status == 0
    before = _files(db)
    for args, word in (
        (["--period", "2024H1", "--date", "2024-02-30"], "不是日期"),
        (["--period", "2024H1", "--date", "2024-07-10", "--unit", "区不存在局"], "区不存在局"),
        (["--period", "2024Q2", "--date", "2024-07-10"], "2024Q2"),
        (["--period", "2023H1", "--date", "2023-07-10"], "2023"),
    ):
        status, _, err = _run(capsys, "due", "--db", str(db), *args)
        assert status == 2 and word in err, args
        assert _files(db) == before, args
    data = _dump(capsys, db)
    half = data["plans"][0]["periods"]["2024H1"]
    assert half["due"] == "2024-07-10" and half["due_by_unit"] == {"区商务局": "2024-07-05"}
    commerce = next(u for u in half["units"] if u["unit"] == "区商务局")
    assert commerce["due"] == "2024-07-05" and commerce["returned"] == []
    assert commerce["standing"] == "overdue" and commerce["outstanding"]
    assert half["closed"] is None and half["chase_rounds"] == []
    assert all(i["done"] is None for i in data["plans"][0]["indicators"])


def test_writes_into_a_closed_period_are_refused_and_change_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert _run(capsys, "close", "--db", str(db), "--period", "2024H1")[0] == 0
    before = _files(db)
    for args in (
        ["due", "--period", "2024H1", "--date", "2024-07-10"],
        ["chase", "--period", "2024H1", "-o", str(tmp_path / "催报.txt")],
    ):
        status, _, err = _run(capsys, args[0], "--db", str(db), *args[1:])
        assert status == 2 and "定稿" in err, args
        assert _files(db) == before, args
    assert not (tmp_path / "催报.txt").exists()
    data = _dump(capsys, db)
    half = data["plans"][0]["periods"]["2024H1"]
    assert half["closed"]["by"] and half["closed"]["at"]
    assert _run(capsys, "reopen", "--db", str(db), "--period", "2024H1", "--reason", "补报")[0] == 0
    log = _dump(capsys, db)["plans"][0]["periods"]["2024H1"]["closing_log"]
    assert [(e["action"], e["reason"]) for e in log] == [("closed", ""), ("reopened", "补报")]


def test_chase_records_a_round_and_writes_its_notice(
    db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _run(capsys, "due", "--db", str(db), "--period", "2024H1", "--date", "2024-07-10")
    status, out, _ = _run(
        capsys,
        "chase",
        "--db",
        str(db),
        "--period",
        "2024H1",
        "--on",
        "2024-07-12",
        "-o",
        str(tmp_path / "第1轮.txt"),
    )
    assert status == 0 and "第1轮" in out
    text = (tmp_path / "第1轮.txt").read_text(encoding="utf-8")
    assert "催报单（第1轮）" in text and "催报方式：电话" in text and "已逾期2天" in text
    status, _, _ = _run(
        capsys,
        "chase",
        "--db",
        str(db),
        "--period",
        "2024H1",
        "--on",
        "2024-07-15",
        "--how",
        "sms",
        "-o",
        str(tmp_path / "第2轮.csv"),
    )
    assert status == 0
    csv_text = (tmp_path / "第2轮.csv").read_text(encoding="utf-8-sig")
    assert csv_text.startswith("轮次,") and ",2024-07-15,短信," in csv_text
    before = _files(db)
    for args, word in (
        (["--how", "飞鸽传书", "-o", str(tmp_path / "x.txt")], "飞鸽传书"),
        (["-o", str(tmp_path / "x.docx")], ".txt"),
        (["-o", str(tmp_path / "没有" / "x.txt")], "不存在"),
        (["--on", "昨天", "-o", str(tmp_path / "x.txt")], "昨天"),
    ):
        status, _, err = _run(capsys, "chase", "--db", str(db), "--period", "2024H1", *args)
        assert status == 2 and word in err, args
        assert _files(db) == before, args
    rounds = _dump(capsys, db)["plans"][0]["periods"]["2024H1"]["chase_rounds"]
    assert [(r["number"], r["on"], r["how"]) for r in rounds] == [
        (1, "2024-07-12", "电话"),
        (2, "2024-07-15", "短信"),
    ]
    assert rounds[0]["units"][0]["days_overdue"] == 2 and rounds[0]["units"][0]["rows"]


def test_the_notice_as_a_pdf_page(
    db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, qapp: Any
) -> None:
    # `qapp`: the command would make a bare QGuiApplication in this process otherwise, and the
    # widget tests that follow in it need a QApplication.
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    _run(capsys, "due", "--db", str(db), "--period", "2024H1", "--date", "2024-07-10")
    pdf = tmp_path / "催报单.pdf"
    status, _, err = _run(
        capsys,
        "chase",
        "--db",
        str(db),
        "--period",
        "2024H1",
        "--on",
        "2024-07-13",
        "--how",
        "书面通知",
        "-o",
        str(pdf),
    )
    assert status == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "催报单（第1轮）" in flat and "书面通知" in flat and "区商务局" in flat
    assert "2024年7月10日" in flat and "3天" in flat and "—1—" in flat


def test_set_into_a_closed_period_is_refused(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "close", "--db", str(db), "--period", "2024Q1")[0] == 0
    before = _files(db)
    status, _, err = _run(
        capsys, "set", "--db", str(db), "--period", "2024Q1", "--seq", "32", "--text", "改。"
    )
    assert status == 2 and "定稿" in err
    assert _files(db) == before


def test_closing_on_the_command_line_warns_of_open_findings(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The built-in first quarter has open findings: `close` says how many on stderr and
    closes all the same (findings warn, they never block)."""
    status, out, err = _run(capsys, "close", "--db", str(db), "--period", "2024Q1")
    assert status == 0 and "已定稿" in out
    assert "定稿时还有" in err and "条检查发现未处理" in err
    assert _dump(capsys, db)["plans"][0]["periods"]["2024Q1"]["closed"] is not None
