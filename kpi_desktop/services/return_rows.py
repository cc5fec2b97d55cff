"""The rows under a found header, as the office numbers them.

An item is one row, or several: its 序号 merged over rows (one item written on two rows is one
indicator, its texts joined), rows without a 序号 under a numbered one (more of the item above,
never dropped silently), a name and its content in two columns ("name：content"). Section
headings (一、经济发展) head the rows under them as their category. Every other row with content
comes out too, marked as a repeated header, a note or a row joined to the item above, so that
the import and the plan builder can say what they skipped and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from kpi_desktop.domain.columns import Layout, Role, header_key
from kpi_desktop.domain.numbering import (
    Number,
    is_note_line,
    leading_number,
    parse_number,
    section_heading,
)
from kpi_desktop.domain.text import fold, split_units
from kpi_desktop.services.workbooks import Grid

Column = Role


class RowKind(StrEnum):
    """What a non-empty row under the header is."""

    DATA = "data"
    HEADER_AGAIN = "header_again"  # the header repeated where the table crossed a page
    NOTE = "note"  # no 序号 and no progress: a section title, a signature line, a remark
    JOINED = "joined"  # more of the item above: its 序号 merged over rows, or none of its own


@dataclass(frozen=True)
class ReturnRow:
    """One row under the header as the unit left it. `row` is the row number Excel shows.
    `uncached` names the columns whose cell is a formula the file kept no value of; `long`
    those whose text is longer than a worksheet cell holds, with its true length."""

    sheet: str
    row: int
    seq_cell: str
    seq: int | None
    text: str
    units: str
    progress: str
    status: str = ""
    problems: str = ""
    next_steps: str = ""
    kind: RowKind = RowKind.DATA
    uncached: tuple[Column, ...] = ()
    long: tuple[tuple[Column, int], ...] = ()  # texts longer than a cell holds: their length
    label: str = ""  # the item's number as written ("1.1", "（一）", "4-1"), folded
    sub: int | None = None  # the sub-item's number ("1.1" → 1)
    category: str = ""  # the section heading above the row, or its 类别 cell
    other_units: str = ""  # the lead unit at the other level (市级 beside 区级)
    cooperating: str = ""  # 配合单位 / 协办单位
    leader: str = ""  # 责任领导 / 分管领导
    verdict: str = ""  # the unit's own word in a status column (推进状态, 是否达序时)
    deadline: str = ""
    remarks: str = ""
    earlier_progress: str = ""  # an earlier period's progress beside the latest
    last_row: int = 0  # the last row of an item written over several rows (0: one row)
    joined_to: int = 0  # a JOINED row: the row of the item it belongs to
    heading: bool = False  # a NOTE row that is a section heading (its text is the category)

    def filled(self) -> list[tuple[Column, str]]:
        """The columns the unit fills in, with what the row holds in each."""
        return [
            (Column.PROGRESS, self.progress),
            (Column.STATUS, self.status),
            (Column.PROBLEMS, self.problems),
            (Column.NEXT_STEPS, self.next_steps),
        ]

    @property
    def has_content(self) -> bool:
        """Whether the unit filled in anything (the fill-in columns are not all empty)."""
        return any(value.strip() for _column, value in self.filled())


def _is_repeated_header(cells: Sequence[str], header: Sequence[str]) -> bool:
    """The header again (where a printed table turned a page): two or more named cells the
    same as the header's, in the same places."""
    hits = 0
    for index, name in enumerate(header):
        key = header_key(name)
        if key and index < len(cells) and header_key(cells[index]) == key:
            hits += 1
    return hits >= 2


def _joined(cells: Sequence[str], layout: Layout, role: Role, sep: str = "\n") -> str:
    """What a row holds in a role's columns, the columns' texts joined."""
    parts = []
    for index in layout.columns.get(role, ()):
        if index < len(cells) and cells[index].strip():
            parts.append(cells[index].strip() if len(layout.columns[role]) > 1 else cells[index])
    return sep.join(parts)


def _cell(cells: Sequence[str], columns: dict[Role, int], kind: Role) -> str:
    index = columns.get(kind)
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def _raw_row(
    grid: Grid, index: int, layout: Layout, units_with_people: bool
) -> tuple[ReturnRow, str]:
    """A row's cells by role, and the content beside its item's name (empty where the table
    gives the text in one column)."""
    cells = grid.rows[index]
    columns = {role: found[0] for role, found in layout.columns.items()}
    text = _joined(cells, layout, Role.TEXT, "")
    detail = _joined(cells, layout, Role.DETAIL, "")
    measure = _joined(cells, layout, Role.MEASURE, "")
    units = _joined(cells, layout, Role.UNITS, "、")
    if units_with_people:
        units = "、".join(_without_people(units))
    seq_cell = _cell(cells, columns, Role.SEQ).strip()
    verdict = _joined(cells, layout, Role.VERDICT) or _joined(cells, layout, Role.ON_PACE)
    return ReturnRow(
        sheet=grid.name,
        row=index + 1,
        seq_cell=seq_cell,
        seq=None,
        text=text,
        units=units,
        progress=_joined(cells, layout, Role.PROGRESS),
        status=_cell(cells, columns, Role.STATUS),
        problems=_joined(cells, layout, Role.PROBLEMS),
        next_steps=_joined(cells, layout, Role.NEXT_STEPS),
        uncached=tuple(
            k for k, cols in layout.columns.items() for c in cols[:1] if (index, c) in grid.uncached
        ),
        long=tuple(
            (k, grid.long[(index, c)])
            for k, cols in layout.columns.items()
            for c in cols[:1]
            if (index, c) in grid.long
        ),
        category=_joined(cells, layout, Role.CATEGORY),
        other_units=_joined(cells, layout, Role.OTHER_UNITS, "、"),
        cooperating=_joined(cells, layout, Role.COOPERATING, "、"),
        leader=_joined(cells, layout, Role.LEADER, "、"),
        verdict=verdict,
        deadline=_joined(cells, layout, Role.DEADLINE),
        remarks=_joined(cells, layout, Role.REMARKS),
        earlier_progress=_joined(cells, layout, Role.EARLIER_PROGRESS),
    ), detail + measure


# The last character of a unit's name (局, 委, 办…); a short name without one is a person's.
_UNIT_ENDINGS = set("局委办厅部院会司处科室站所心队组团社行区县市镇乡道馆校园府署盟营场台网宫")
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _without_people(cell: str) -> list[str]:
    """The units of a 牵头单位及主要负责人 cell, without the heads' names ("市民政局 伍泽国")."""
    units = split_units(cell)
    return [u for u in units if not (_PERSON.fullmatch(u) and u[-1] not in _UNIT_ENDINGS)]


def _heading_of(cells: Sequence[str]) -> str | None:
    """A section heading standing alone in its row ("一、经济发展", "（一）经济指标")."""
    filled = {c.strip() for c in cells if c.strip()}
    if len(filled) != 1:
        return None
    (text,) = filled
    heading = section_heading(text)
    if heading is not None:
        return heading
    number = re.match(r"[(（]([一二三四五六七八九十]{1,3})[)）]\s*(\S+)", text)
    if number is not None and len(text) <= 40 and not re.search(r"\d", number.group(2)):
        return text
    return None


def _distinct(values: Sequence[str], sep: str = "\n") -> str:
    seen: list[str] = []
    for value in values:
        value = value.strip()
        if value and all(fold(value) != fold(s) for s in seen):
            seen.append(value)
    return sep.join(seen)


def _distinct_units(values: Sequence[str]) -> str:
    units: list[str] = []
    for value in values:
        units += [u for u in split_units(value) if u not in units]
    return "、".join(units)


def _item(parts: Sequence[tuple[ReturnRow, str]]) -> ReturnRow:
    """One item from the rows it is written over: texts, progress and units joined."""
    first = parts[0][0]
    rows = [row for row, _detail in parts]
    names = _distinct([r.text for r in rows])
    details = _distinct([detail for _row, detail in parts])
    text = f"{names}：{details}" if names and details else names or details
    if len(parts) == 1:
        return replace(first, text=text if details else first.text)
    return replace(
        first,
        text=text,
        units=_distinct_units([r.units for r in rows]),
        progress=_distinct([r.progress for r in rows]),
        status=_distinct([r.status for r in rows]),
        problems=_distinct([r.problems for r in rows]),
        next_steps=_distinct([r.next_steps for r in rows]),
        other_units=_distinct_units([r.other_units for r in rows]),
        cooperating=_distinct_units([r.cooperating for r in rows]),
        leader=_distinct_units([r.leader for r in rows]),
        verdict=_distinct([r.verdict for r in rows]),
        deadline=_distinct([r.deadline for r in rows]),
        remarks=_distinct([r.remarks for r in rows]),
        earlier_progress=_distinct([r.earlier_progress for r in rows]),
        uncached=tuple(dict.fromkeys(k for r in rows for k in r.uncached)),
        long=tuple(dict.fromkeys(k for r in rows for k in r.long)),
        last_row=rows[-1].row,
    )


def _numbers_in_texts(grid: Grid, header: int, layout: Layout) -> bool:
    """Whether the table numbers its items at the start of their texts ("1.…", "（1）…"): it
    has no 序号 column (or leaves it empty) and most of its texts begin with a number."""
    seq, text = layout.first(Role.SEQ), layout.first(Role.TEXT)
    if text is None:
        return False
    texts, numbered = 0, 0
    for cells in grid.rows[header + 1 :]:
        if seq is not None and seq < len(cells) and cells[seq].strip():
            return False
        if text < len(cells) and cells[text].strip():
            texts += 1
            numbered += leading_number(cells[text]) is not None
    return texts > 0 and numbered * 2 > texts


def table_rows(grid: Grid, header: int, layout: Layout | dict[Column, int]) -> Iterator[ReturnRow]:
    """Every non-empty row under the header, as the office numbers them: each item once (an
    item written over several rows — its 序号 merged over them, or rows without a 序号 under a
    numbered one — is one row, its texts joined, the others marked JOINED to it), section
    headings (kept as the category of the rows under them), the header repeated where the
    table crossed a page, and notes (a signature line, a remark) marked as such."""
    if not isinstance(layout, Layout):
        layout = Layout({role: (index,) for role, index in layout.items()})
    header_cells = grid.rows[header]
    units_with_people = any(
        "负责人" in header_key(header_cells[i]) or "责任人" in header_key(header_cells[i])
        for i in layout.columns.get(Role.UNITS, ())
        if i < len(header_cells)
    )
    from_texts = _numbers_in_texts(grid, header, layout)
    category = ""
    group: list[tuple[ReturnRow, str]] = []
    joined: list[ReturnRow] = []
    numbered = False

    def close() -> Iterator[ReturnRow]:
        if group:
            yield _item(group)
            yield from joined
        group.clear()
        joined.clear()

    for index in range(header + 1, len(grid.rows)):
        cells = grid.rows[index]
        if not any(c.strip() for c in cells):
            continue
        raw, detail = _raw_row(grid, index, layout, units_with_people)
        if _is_repeated_header(cells, header_cells):
            yield from close()
            yield replace(raw, kind=RowKind.HEADER_AGAIN)
            continue
        heading = _heading_of(cells)
        if heading is not None and not raw.progress.strip():
            yield from close()
            category = heading
            yield replace(raw, kind=RowKind.NOTE, category=heading, heading=True)
            continue
        number: Number | None = parse_number(raw.seq_cell) if raw.seq_cell else None
        if number is None and not raw.seq_cell and from_texts:
            leading = leading_number(raw.text)
            if leading is not None:
                number, text = leading
                raw = replace(raw, text=text)
        raw = replace(raw, category=raw.category or category)
        first_cell = next(c for c in cells if c.strip())
        if number is None and is_note_line(first_cell):
            yield from close()
            yield replace(raw, kind=RowKind.NOTE)
            continue
        if number is not None:
            raw = replace(
                raw,
                seq=number.main if number.sub is None else None,
                label=number.label,
                sub=number.sub,
            )
            current = group[0][0] if group else None
            same_number = current is not None and fold(current.label) == fold(number.label)
            # the same 序号 over rows of other texts: one item written over them (the same
            # text again is a copy or a second answer, which the import judges)
            if (
                current is not None
                and same_number
                and all(fold(raw.text + detail) != fold(r.text + e) for r, e in group)
            ):
                group.append((raw, detail))
                joined.append(replace(raw, kind=RowKind.JOINED, joined_to=current.row))
                continue
            yield from close()
            numbered = True
            group.append((raw, detail))
            continue
        has_text = bool(raw.text.strip() or detail.strip())
        if not raw.seq_cell and group and numbered and (has_text or raw.progress.strip()):
            # no 序号 of its own under a numbered item: more of that item
            group.append((raw, detail))
            joined.append(replace(raw, kind=RowKind.JOINED, joined_to=group[0][0].row))
            continue
        yield from close()
        if has_text and (raw.has_content or raw.uncached or (not numbered and raw.units)):
            group.append((raw, detail))
            continue
        yield replace(raw, kind=RowKind.NOTE)
    yield from close()
