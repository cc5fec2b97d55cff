"""The plain-text template a bulletin's wording comes from, and filling it in.

A template is UTF-8 text in sections. `[名称]` on a line of its own starts a section; lines
starting with `#` are notes and are not printed. `{字段}` is replaced by a field's value. A
field is either a text (a number, a name, a share) or a list (the lagging indicators, the
units that have not reported):

* a line holding nothing but a list field, `{滞后单位}`, becomes one block per item: the lines
  of the section with the list's name, `[滞后单位]`, filled in with that item's fields (and
  every field of the lines around it);
* a list field inside a sentence, `已完成的有：{已完成指标}。`, becomes its items' one-line
  sections joined by `、`, or by what the section names after a bar: `[已完成指标|；]`;
* `{#列表}` is the number of the list's items;
* a line using a list that has no items is left out; where it would list the items (not
  only count them) and the template has a section `[名称（无）]`, that section is printed
  instead;
* an item may come in a variant, `[滞后目标（比率）]`, used for that kind of item where the
  template has it, `[滞后目标]` otherwise.

Every other line is one paragraph, a blank line an empty one. Which fields there are is the
caller's business (services.bulletin); a field the caller does not know is refused with its
line, so a mistyped name never reaches the draft.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kpi_desktop.domain.errors import KpiError

Item = Mapping[str, "Value"]
Value = str | Sequence[Item]

VARIANT = "@变体"  # the key under which an item names its variant
EMPTY = "无"  # the variant of a list's section used when the list has no items

_FIELD = re.compile(r"\{(#?[^{}\s#]*)\}")
_SECTION = re.compile(r"^\[(?P<name>[^\[\]|]+)(?:\|(?P<joiner>[^\[\]]*))?\]\s*$")


@dataclass(frozen=True)
class Line:
    number: int  # in the template file, for messages
    text: str


@dataclass(frozen=True)
class Section:
    name: str
    joiner: str
    lines: tuple[Line, ...]


class _Scope:
    """Fields visible to a line: its item's, then its enclosing items', then the document's."""

    def __init__(self, fields: Item, parent: _Scope | None = None) -> None:
        self.fields = fields
        self.parent = parent

    def get(self, name: str) -> Value | None:
        scope: _Scope | None = self
        while scope is not None:
            if name in scope.fields:
                return scope.fields[name]
            scope = scope.parent
        return None

    def names(self) -> set[str]:
        found: set[str] = set()
        scope: _Scope | None = self
        while scope is not None:
            found |= {name for name in scope.fields if name != VARIANT}
            scope = scope.parent
        return found


class Template:
    def __init__(self, sections: dict[str, Section], source: str) -> None:
        self.sections = sections
        self.source = source

    @classmethod
    def parse(cls, text: str, source: str) -> Template:
        """Read a template; `source` names it in messages (a file the clerk chose)."""
        sections: dict[str, Section] = {}
        name: str | None = None
        joiner = "、"
        lines: list[Line] = []

        def close() -> None:
            if name is not None:
                while lines and not lines[-1].text.strip():
                    lines.pop()
                sections[name] = Section(name, joiner, tuple(lines))

        for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
            stripped = raw.strip()
            if stripped.startswith("#"):
                continue
            header = _SECTION.match(stripped)
            if header is not None:
                close()
                name = header["name"].strip()
                if name in sections:
                    raise KpiError("bulletin.template_twice", file=source, line=number, name=name)
                joiner = header["joiner"] if header["joiner"] is not None else "、"
                lines = []
                continue
            if name is None:
                if stripped:
                    raise KpiError("bulletin.template_no_section", file=source, line=number)
                continue
            if not lines and not stripped:
                continue  # blank lines right after a header only space the template out
            if raw.count("{") != raw.count("}"):
                raise KpiError("bulletin.template_braces", file=source, line=number)
            lines.append(Line(number, raw.rstrip()))
        close()
        return cls(sections, source)

    def render(self, section: str, fields: Item) -> list[str]:
        """The paragraphs of `section` with `fields` filled in."""
        if section not in self.sections:
            raise KpiError("bulletin.template_missing", file=self.source, name=section)
        return self._section(self.sections[section], _Scope(fields))

    # --- filling in ---------------------------------------------------------------------

    def _section(self, section: Section, scope: _Scope) -> list[str]:
        out: list[str] = []
        for line in section.lines:
            out.extend(self._line(line, scope))
        return out

    def _item_section(self, name: str, item: Item, line: Line) -> Section:
        variant = item.get(VARIANT)
        if isinstance(variant, str) and f"{name}（{variant}）" in self.sections:
            return self.sections[f"{name}（{variant}）"]
        if name not in self.sections:
            raise KpiError(
                "bulletin.template_no_list", file=self.source, line=line.number, name=name
            )
        return self.sections[name]

    def _value(self, name: str, scope: _Scope, line: Line) -> Value:
        value = scope.get(name)
        if value is None:
            known = "、".join(f"{{{n}}}" for n in sorted(scope.names()))
            raise KpiError(
                "bulletin.template_field",
                file=self.source,
                line=line.number,
                name=name,
                known=known,
            )
        return value

    def _line(self, line: Line, scope: _Scope) -> list[str]:
        names = _FIELD.findall(line.text)
        values = {name: self._value(name.removeprefix("#"), scope, line) for name in names}
        for name, value in values.items():
            if name.startswith("#") and isinstance(value, str):
                raise KpiError(
                    "bulletin.template_count", file=self.source, line=line.number, name=name[1:]
                )
        empty = [n for n, value in values.items() if not isinstance(value, str) and not value]
        if empty:
            # A sentence about nothing is left out; one that lists the items says what the
            # template says for none, where it says something.
            for name in empty:
                fallback = self.sections.get(f"{name}（{EMPTY}）")
                if fallback is not None and not name.startswith("#"):
                    return self._section(fallback, scope)
            return []
        alone = len(names) == 1 and line.text.strip() == f"{{{names[0]}}}"
        if alone and not isinstance(values[names[0]], str):
            return self._block(names[0], values[names[0]], scope, line)
        texts: dict[str, str] = {}
        for name, value in values.items():
            if isinstance(value, str):
                texts[name] = value
            elif name.startswith("#"):
                texts[name] = str(len(value))
            else:
                texts[name] = self._inline(name, value, scope, line)
        return [_FIELD.sub(lambda match: texts[match[1]], line.text)]

    def _inline(self, name: str, items: Sequence[Item], scope: _Scope, line: Line) -> str:
        parts = []
        for item in items:
            rendered = self._section(self._item_section(name, item, line), _Scope(item, scope))
            if len(rendered) != 1:
                raise KpiError(
                    "bulletin.template_inline", file=self.source, line=line.number, name=name
                )
            parts.append(rendered[0])
        base = self.sections.get(name) or self._item_section(name, items[0], line)
        return base.joiner.join(parts)

    def _block(self, name: str, items: Value, scope: _Scope, line: Line) -> list[str]:
        assert not isinstance(items, str)
        out: list[str] = []
        for item in items:
            out.extend(self._section(self._item_section(name, item, line), _Scope(item, scope)))
        return out


def field_names(template: Template) -> set[str]:
    """Every field the template uses, for the tests that keep its notes honest."""
    return {
        name.removeprefix("#")
        for section in template.sections.values()
        for line in section.lines
        for name in _FIELD.findall(line.text)
    }
