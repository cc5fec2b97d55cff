"""`kpi-desktop import --db FILE [--period P] [--dry-run] RETURN...`

All or nothing: when any file or row is refused, every refusal is printed on stderr (file,
sheet, row, what to do) and the database is not touched. Otherwise all files are applied in
one transaction after a backup copy. stdout gets one summary line per file.

The files are read in worker processes (services.reading) started before anything else, so
their reading overlaps this process importing the database layer and opening the database:
that layer is imported only after the workers have their files.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from kpi_desktop.domain.column_choice import parse_column_option
from kpi_desktop.domain.errors import KpiError, zh_en
from kpi_desktop.domain.fields import field_label
from kpi_desktop.domain.periods import Period, PeriodError
from kpi_desktop.services.reading import ReturnReader
from kpi_desktop.services.returns import ColumnChoice

if TYPE_CHECKING:
    from kpi_desktop.services.import_model import FilePreview, ImportPreview
    from kpi_desktop.storage.engine import Database

EXIT_OK = 0
EXIT_REFUSED = 2


def parse_period(code: str | None) -> Period | None:
    if code is None:
        return None
    try:
        return Period.parse(code)
    except PeriodError as error:
        raise KpiError("period.unknown", code=code) from error


def file_summary(file: FilePreview) -> str:
    from kpi_desktop.services.import_model import RowState

    if file.error is not None:
        return zh_en(f"{file.file}：拒绝", f"{file.file}: refused")
    if file.copy_of is not None:
        return zh_en(
            f"{file.file}：与“{file.copy_of}”相同，跳过",
            f"{file.file}: the same file as “{file.copy_of}”, skipped",
        )
    counts = {state: file.count(state) for state in RowState}
    unit = file.unit or zh_en("各行按牵头单位", "each row for its lead unit")
    line = zh_en(
        f"{file.file}：{file.period} {unit}，新增 {counts[RowState.NEW]}，"
        f"修改 {counts[RowState.CHANGED]}，未变 {counts[RowState.UNCHANGED]}，"
        f"跳过 {counts[RowState.SKIPPED]}，拒绝 {counts[RowState.REFUSED]}",
        f"{file.file}: {file.period} {unit}, new {counts[RowState.NEW]}, "
        f"changed {counts[RowState.CHANGED]}, unchanged {counts[RowState.UNCHANGED]}, "
        f"skipped {counts[RowState.SKIPPED]}, refused {counts[RowState.REFUSED]}",
    )
    if file.same_as_previous:
        line += zh_en("（与上期内容相同，请核实）", " (same as the previous period: check)")
    return line


def skipped_lines(file: FilePreview) -> list[str]:
    """Each skipped row of a file with why, so that no row goes unmentioned."""
    from kpi_desktop.services.import_model import RowState

    lines: list[str] = []
    if file.copy_of is not None:
        return lines  # its summary line says it was skipped whole
    for row in file.rows:
        if row.state is RowState.SKIPPED:
            why = " ".join(notice.message() for notice in row.notices)
            lines.append(zh_en(f"  第 {row.row} 行：{why}", f"  row {row.row}: {why}"))
    return lines


def _row_lines(preview: ImportPreview) -> list[str]:
    from kpi_desktop.services.import_model import RowState

    lines = []
    for row in preview.rows(RowState.NEW, RowState.CHANGED):
        for field, (old, new) in row.changes.items():
            name = field_label(field)
            lines.append(
                zh_en(
                    f"  {row.file} 第 {row.row} 行 序号 {row.seq} {name}：“{old}” → “{new}”",
                    f"  {row.file} row {row.row} 序号 {row.seq} {name}: “{old}” → “{new}”",
                )
            )
    return lines


def column_choice(option: str | None) -> ColumnChoice | None:
    """The clerk's `--columns` as the reader takes it (a refusal names what is not
    understood)."""
    if not option:
        return None
    columns, header = parse_column_option(option)
    return ColumnChoice(columns, header)


def _report(preview: ImportPreview, dry_run: bool) -> int | None:
    """Print what the preview found; the exit status when it ends the command here."""
    errors = preview.refusals()
    for file in preview.files:
        print(file_summary(file) + (zh_en("——未导入", " — not imported") if errors else ""))
        for line in skipped_lines(file):
            print(line)
    if errors:
        for error in errors:
            print(error.message(), file=sys.stderr)
        print(
            zh_en(
                f"共 {len(errors)} 处问题，未导入任何文件，数据库未改动。",
                f"{len(errors)} problem(s): no file was imported and the database is unchanged.",
            ),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    if dry_run:
        for line in _row_lines(preview):
            print(line)
        print(zh_en("试运行：未写入数据库。", "Dry run: nothing was written."))
        return EXIT_OK
    return None


def run(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    choice = column_choice(args.columns)
    if args.dry_run:
        # A dry run only reads: no writer lock (it works while the window has the file open),
        # no backup, and on a SQLite file no database layer (services.reads).
        with ReturnReader(args.returns, choice=choice) as reader:
            from kpi_desktop.services.import_matching import preview_import
            from kpi_desktop.services.reads import reading

            read = reader.results()
        with reading(args.db) as source:
            preview = preview_import(source, args.returns, period, read=read)
        status = _report(preview, dry_run=True)
        assert status is not None
        return status
    with ReturnReader(args.returns, choice=choice) as reader:
        from kpi_desktop.services.database import open_plan_database
        from kpi_desktop.services.importing import apply_import, preview_import

        read = reader.results()
    database: Database = open_plan_database(args.db)
    try:
        with database.read() as session:
            preview = preview_import(session, args.returns, period, read=read)
        status = _report(preview, dry_run=False)
        if status is not None:
            return status
        result = apply_import(database, preview)
    finally:
        database.close()
    print(
        zh_en(
            f"已导入 {result.written} 行（{len(result.indicator_ids)} 项指标）。",
            f"Imported {result.written} rows ({len(result.indicator_ids)} indicators).",
        )
    )
    if result.backup is not None:
        print(zh_en(f"导入前的备份：{result.backup}", f"Backup before import: {result.backup}"))
    return EXIT_OK
