"""The command-line contract: exit statuses, messages on stderr, no Qt widgets for commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kpi_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
        check=False,
    )


def test_dump_does_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from kpi_desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main(['dump', '--db', {str(tmp_path / 'x.sqlite')!r}])\n"
        "assert status == 0, status\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_db_option_before_or_after_the_command(tmp_path: Path) -> None:
    target = tmp_path / "a.sqlite"
    after = run_cli("dump", "--db", str(target))
    before = run_cli("--db", str(target), "dump")
    assert after.returncode == before.returncode == 0
    assert json.loads(after.stdout) == json.loads(before.stdout)


def test_refused_database_exits_2_with_a_chinese_message(tmp_path: Path) -> None:
    bogus = tmp_path / "不是数据库.sqlite"
    bogus.write_text("hello", encoding="utf-8")
    result = run_cli("dump", "--db", str(bogus), env={"LANGUAGE": "zh_CN", "LC_ALL": ""})
    assert result.returncode == 2
    assert "不是 kpi-desktop 数据库" in result.stderr
    assert str(bogus) in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert bogus.read_text(encoding="utf-8") == "hello"


def test_english_locale_gets_english_messages(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("hello", encoding="utf-8")
    result = run_cli("dump", "--db", str(bogus), env={"LANGUAGE": "", "LC_ALL": "en_US.UTF-8"})
    assert result.returncode == 2
    assert "is not a kpi-desktop database" in result.stderr


def test_newer_database_is_refused_on_the_command_line(tmp_path: Path) -> None:
    import sqlite3

    target = tmp_path / "new.sqlite"
    assert run_cli("dump", "--db", str(target)).returncode == 0
    connection = sqlite3.connect(target)
    connection.execute("UPDATE meta SET value='7' WHERE key='schema_version'")
    connection.commit()
    connection.close()
    result = run_cli("dump", "--db", str(target), env={"LANGUAGE": "zh_CN", "LC_ALL": ""})
    assert result.returncode == 2
    assert "更新版本" in result.stderr and "Traceback" not in result.stderr


def test_a_database_in_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "kpi.sqlite"
    result = run_cli("dump", "--db", str(target), env={"LANGUAGE": "zh_CN", "LC_ALL": ""})
    assert result.returncode == 2
    assert "不存在" in result.stderr and str(target.parent) in result.stderr
    assert not target.parent.exists()


def test_reading_commands_work_while_the_window_has_the_file(tmp_path: Path) -> None:
    from kpi_desktop.services.database import open_plan_database

    target = tmp_path / "kpi.sqlite"
    holder = open_plan_database(target)  # as the window holds it: the writer lock is taken
    try:
        result = run_cli("dump", "--db", str(target))
        assert result.returncode == 0, result.stderr
        assert len(json.loads(result.stdout)["plans"][0]["indicators"]) == 53
        out = tmp_path / "summary.xlsx"
        result = run_cli(
            "export-summary", "--db", str(target), "--period", "2024Q1", "-o", str(out)
        )
        assert result.returncode == 0, result.stderr
        assert out.exists()
        # Writing commands are still refused while another program writes.
        result = run_cli("new-plan", "--db", str(target), str(out), env={"LANGUAGE": "zh_CN"})
        assert result.returncode == 2 and "正由" in result.stderr
    finally:
        holder.close()


def test_argparse_speaks_the_clerks_language_and_is_left_as_it_was(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from kpi_desktop.cli import main

    before = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    with pytest.raises(SystemExit) as exited:
        main(["import", "--db", "x.sqlite"])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("用法：kpi-desktop import")
    assert "kpi-desktop import：错误：缺少以下参数：RETURN" in error
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "显示本帮助并退出" in capsys.readouterr().out
    assert (argparse._, argparse.ngettext) == before  # type: ignore[attr-defined]

    monkeypatch.setenv("LANGUAGE", "en")
    with pytest.raises(SystemExit):
        main(["import", "--db", "x.sqlite"])
    error = capsys.readouterr().err
    assert error.startswith("usage: kpi-desktop import")
    assert "error: the following arguments are required: RETURN" in error
