"""The Excel template a lead unit fills in: it looks like the official table.

Layout (sheet 进展情况): row 1 the attachment mark, row 2 the title naming year, period and
unit, row 3 the header, data from row 4. Columns: 序号 / 重点工作 / 牵头单位 /
<previous period>进展情况（上期，供参考） / <period>进展情况 / 完成状态 / 存在问题 / 下步打算;
the reference column is left out for the first period of a year.

The columns the unit must not change are locked and the sheet is protected *without a
password*: protection stops slips of the hand, it is not a security measure (anyone can lift
it), and a password the clerk might forget would only get in her way. The fill-in columns are
unlocked and formatted as text ("@"), so that a unit typing "=", "+", "-" or "@" at the start of
a cell gets text, not a formula.

A hidden sheet `_kpi` carries what import needs to be exact (key in column A, value in B):
format, version, year, period, unit (canonical name, empty for all), sheet, then one line
per data row: `row | 序号 | identity` where identity is `returns.identity_hash` of the
indicator text (sha256 of the folded text, 10 hex digits). Import still works without it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kpi_desktop.domain.errors import KpiError, os_error_text
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.status import STATUS_CHOICES, Status
from kpi_desktop.domain.text import clean_text, file_label
from kpi_desktop.services.files import check_folder, write_atomically
from kpi_desktop.services.reads import (
    Source,
    UnitNames,
    calendar_session,
    indicator_views,
    plan_for_year,
    reader_of,
)
from kpi_desktop.services.returns import MARKER_FORMAT, MARKER_SHEET, identity_hash
from kpi_desktop.services.sheet_rows import row_height
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.reader import Reader
from kpi_desktop.storage.rows import LeadUnitRow, PlanRow

TEMPLATE_VERSION = 1
SHEET_TITLE = "进展情况"
HEADER_ROW = 3
FIRST_DATA_ROW = HEADER_ROW + 1
FORMULA_STARTS = ("=", "+", "-", "@")

_TITLE_FONT = Font(name="方正小标宋简体", size=16)
_HEADER_FONT = Font(name="黑体", size=11)
_BODY_FONT = Font(name="仿宋_GB2312", size=11)
_MARK_FONT = Font(name="黑体", size=12)
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_WRAP_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
_UNLOCKED = Protection(locked=False)


@dataclass(frozen=True)
class TemplateColumn:
    key: str  # which value it holds: seq, text, units, previous, progress, status, …
    header: str
    width: float
    fill_in: bool


@dataclass(frozen=True)
class TemplateInfo:
    """What was written: where, for which plan, period and unit, and how many rows."""

    path: Path
    year: int
    period: str
    unit: str | None  # canonical name; None for a template holding every row
    rows: int


def template_columns(period: Period) -> list[TemplateColumn]:
    columns = [
        TemplateColumn("seq", "序号", 6, False),
        TemplateColumn("text", "重点工作", 42, False),
        TemplateColumn("units", "牵头单位", 14, False),
    ]
    previous = period.previous()
    if previous is not None:
        columns.append(
            TemplateColumn("previous", f"{previous.chinese}进展情况（上期，供参考）", 30, False)
        )
    columns += [
        TemplateColumn("progress", f"{period.chinese}进展情况", 44, True),
        TemplateColumn("status", "完成状态", 11, True),
        TemplateColumn("problems", "存在问题", 24, True),
        TemplateColumn("next_steps", "下步打算", 24, True),
    ]
    return columns


def put_text(cell: Cell, value: str) -> None:
    """Write `value` as a text cell: never a formula, whatever it starts with, and nothing a
    worksheet cannot hold (a control character kept from an older file)."""
    value = clean_text(value)
    cell.value = value
    if value:
        cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        # Excel and WPS re-evaluate a typed leading =/+/-/@ when the cell is edited;
        # the quote prefix keeps it text there too.
        cell.quotePrefix = True


def resolve_unit(source: Source, name: str) -> LeadUnitRow:
    """A lead unit by its canonical name or any alias."""
    units = UnitNames(reader_of(source))
    unit = units.get(name.strip())
    if unit is None:
        raise KpiError("unit.unknown", name=name, known="、".join(units.canonical()))
    return unit


def _asked(
    reader: Reader, plan: PlanRow, period: Period, views: list[IndicatorView]
) -> list[IndicatorView]:
    """The rows still asked for in `period`: 办结 indicators leave the templates."""
    session = calendar_session(reader)
    if session is None:
        return views
    from kpi_desktop.services.done import asked_views  # reads through sqlmodel

    return asked_views(session, plan, period, views)  # type: ignore[arg-type]


def rows_for_unit(views: list[IndicatorView], unit: LeadUnitRow | None) -> list[IndicatorView]:
    if unit is None:
        return views
    return [v for v in views if any(link.unit_id == unit.id for link in v.units)]


def _own_text(reader: Reader, view: IndicatorView, period: str, unit: LeadUnitRow | None) -> str:
    """What the unit has already sent for this period: its own contribution where the row is
    shared, the row's progress otherwise."""
    entry = view.progress.get(period)
    if entry is None:
        return ""
    if unit is not None and len(view.units) > 1:
        own = (c.text for c in reader.contributions([entry.id]) if c.unit_id == unit.id)
        return next(own, "")
    return entry.text


def _title(plan: PlanRow, period: Period, unit: LeadUnitRow | None) -> str:
    base = plan.title if str(plan.year) in plan.title else f"{plan.year}年{plan.title}"
    who = unit.name if unit is not None else "全部牵头单位"
    return f"{base}{period.chinese}进展情况填报表（{who}）"


def _layout(sheet: Worksheet, columns: list[TemplateColumn], last_row: int) -> None:
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = sheet.cell(row=FIRST_DATA_ROW, column=1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.oddFooter.center.text = "— &P —"
    sheet.print_area = f"A1:{get_column_letter(len(columns))}{max(last_row, HEADER_ROW)}"
    # Protected without a password (see the module docstring); resizing rows and columns
    # stays allowed so a long progress text can be read.
    sheet.protection.sheet = True
    sheet.protection.formatRows = False
    sheet.protection.formatColumns = False
    sheet.protection.formatCells = False


def build_template(
    source: Source, period: Period, unit_name: str | None = None
) -> tuple[Workbook, TemplateInfo]:
    """The template workbook for `unit_name` (canonical name or alias), or for every row."""
    reader = reader_of(source)
    plan = plan_for_year(reader, period.year)
    unit = resolve_unit(reader, unit_name) if unit_name else None
    views = rows_for_unit(_asked(reader, plan, period, indicator_views(reader, plan)), unit)
    if unit is not None and not views:
        raise KpiError("template.no_rows", year=plan.year, unit=unit.name)
    columns = template_columns(period)
    previous = period.previous()

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    mark = sheet.cell(row=1, column=1, value=plan.attachment or "附件")
    mark.font = _MARK_FONT
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(columns))
    title = sheet.cell(row=2, column=1, value=_title(plan, period, unit))
    title.font = _TITLE_FONT
    title.alignment = _WRAP_CENTRE
    sheet.row_dimensions[2].height = 40
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=column.header)
        cell.font = _HEADER_FONT
        cell.alignment = _WRAP_CENTRE
        cell.border = _BORDER

    status_validation = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_CHOICES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="完成状态",
        error="请从下拉列表中选择：" + "、".join(STATUS_CHOICES),
        promptTitle="完成状态",
        prompt="请从下拉列表中选择",
        showInputMessage=True,
    )
    sheet.add_data_validation(status_validation)

    widths = [float(column.width) for column in columns]
    header_texts = [column.header for column in columns]
    sheet.row_dimensions[HEADER_ROW].height = row_height(header_texts, widths, _HEADER_FONT.size)
    for offset, view in enumerate(views):
        row = FIRST_DATA_ROW + offset
        entry = view.progress.get(period.code)
        before = view.progress.get(previous.code) if previous is not None else None
        values: dict[str, int | str] = {
            "seq": view.seq,
            "text": view.text,
            "units": " ".join(view.lead_units),
            "previous": before.text if before is not None else "",
            "progress": _own_text(reader, view, period.code, unit),
            "status": Status(entry.status).chinese if entry and entry.status else "",
            "problems": entry.problems if entry else "",
            "next_steps": entry.next_steps if entry else "",
        }
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=row, column=index)
            value = values[column.key]
            if isinstance(value, int):
                cell.value = value
                cell.alignment = _WRAP_CENTRE
            else:
                put_text(cell, value)
                cell.alignment = _WRAP_CENTRE if column.key in ("units", "status") else _WRAP
            cell.font = _BODY_FONT
            cell.border = _BORDER
            if column.fill_in:
                cell.protection = _UNLOCKED
                cell.number_format = "@"
            if column.key == "status":
                status_validation.add(cell)
        # High enough for every line it holds, and for a few lines of the unit's own.
        texts = [str(values[column.key]) for column in columns]
        height = row_height(texts, widths, _BODY_FONT.size)
        sheet.row_dimensions[row].height = max(height, row_height(["\n\n"], [10], _BODY_FONT.size))
    last_row = FIRST_DATA_ROW + len(views) - 1
    _layout(sheet, columns, last_row)

    marker = workbook.create_sheet(MARKER_SHEET)
    marker.sheet_state = "hidden"
    facts = [
        ("format", MARKER_FORMAT),
        ("version", str(TEMPLATE_VERSION)),
        ("year", str(plan.year)),
        ("period", period.code),
        ("unit", unit.name if unit is not None else ""),
        ("sheet", SHEET_TITLE),
    ]
    for key, value in facts:
        marker.append([key, value])
    for view in views:
        marker.append(["row", view.seq, identity_hash(view.text)])
    marker.protection.sheet = True
    info = TemplateInfo(
        path=Path(),
        year=plan.year,
        period=period.code,
        unit=unit.name if unit is not None else None,
        rows=len(views),
    )
    return workbook, info


def export_template(
    source: Source, period: Period, output: Path | str, unit_name: str | None = None
) -> TemplateInfo:
    """Write the template for `unit_name` (or every row) to `output` (an .xlsx file).

    The file is written beside its destination and moved into place complete; a folder that
    does not exist is refused, not created."""
    target = Path(output)
    check_folder(target, "template.no_folder")
    workbook, info = build_template(source, period, unit_name)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(target, buffer.getvalue(), "template.cannot_write")
    return TemplateInfo(target, info.year, info.period, info.unit, info.rows)


def export_templates_per_unit(
    source: Source, period: Period, folder: Path | str
) -> list[TemplateInfo]:
    """One template per lead unit that leads anything in the period's plan, named
    `<year><period>-<unit>.xlsx` in `folder` (made when its parent folder exists: the clerk
    names a folder for the round; a mistyped parent is refused)."""
    folder = Path(folder)
    check_folder(folder, "template.no_folder")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise KpiError(
            "template.cannot_write", path=file_label(folder), detail=os_error_text(error)
        ) from error
    reader = reader_of(source)
    plan = plan_for_year(reader, period.year)
    views = _asked(reader, plan, period, indicator_views(reader, plan))
    names = reader.unit_names()
    unit_ids: list[int] = []
    for view in views:
        for link in view.units:
            if link.unit_id not in unit_ids:
                unit_ids.append(link.unit_id)
    written = []
    for unit_id in unit_ids:
        target = Path(folder) / f"{period.code}-{names[unit_id]}.xlsx"
        written.append(export_template(reader, period, target, names[unit_id]))
    return written
