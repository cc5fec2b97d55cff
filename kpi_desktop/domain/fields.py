"""The names of what the program records, and what each is called on screen and on paper.

One home for them: the progress fields a clerk fills in each period, the plan's own fields
(indicator and target), where a value came from (the change log's source), and the label
of every name the change log can hold. The window, the command line and the services read
them from here.
"""

from __future__ import annotations

from enum import StrEnum

from kpi_desktop.domain.language import zh_en


class ProgressField(StrEnum):
    """What a period's progress of one indicator holds."""

    TEXT = "text"  # 进展情况
    STATUS = "status"  # 完成状态
    AS_OF_MONTH = "as_of_month"  # the figures' month
    PROBLEMS = "problems"  # 存在问题
    NEXT_STEPS = "next_steps"  # 下步打算

    @property
    def is_text(self) -> bool:
        """Free text (typed, pasted, imported), as opposed to a choice."""
        return self in TEXT_FIELDS

    def value_of(self, logged: str | None) -> str | int | None:
        """The field's value from its text in the change log (an earlier value to restore)."""
        if self is ProgressField.AS_OF_MONTH:
            return int(logged) if logged else None
        if self.is_text:
            return logged or ""
        return logged or None


TEXT_FIELDS = frozenset({ProgressField.TEXT, ProgressField.PROBLEMS, ProgressField.NEXT_STEPS})
# What a return carries for a row (the month comes from the return's heading, not a column).
RETURNED_FIELDS = (
    ProgressField.TEXT,
    ProgressField.STATUS,
    ProgressField.PROBLEMS,
    ProgressField.NEXT_STEPS,
)
INDICATOR_FIELDS = ("text", "category")
TARGET_FIELDS = ("label", "kind", "value", "unit", "base", "confirmed")
TARGET_NUMBER_FIELDS = ("value", "base")


class SourceKind(StrEnum):
    """Where a recorded value came from (the change log's `source`)."""

    TYPED = "typed"  # typed in the window or set on the command line
    IMPORTED = "imported"  # read from a return
    BUILTIN = "builtin"  # the plan's own table
    RESTORED = "restored"  # an earlier value taken back from History


# The clerk's own word: an import does not overwrite it unasked.
CLERK_SOURCES = frozenset({SourceKind.TYPED, SourceKind.RESTORED})


# Every field name the change log can hold, in Chinese and English.
_LABELS: dict[str, tuple[str, str]] = {
    ProgressField.TEXT: ("进展情况", "Progress"),
    ProgressField.STATUS: ("完成状态", "Status"),
    ProgressField.AS_OF_MONTH: ("数据截至月份", "Figures as of month"),
    ProgressField.PROBLEMS: ("存在问题", "Problems"),
    ProgressField.NEXT_STEPS: ("下步打算", "Next steps"),
    "lead_units": ("牵头单位", "Lead units"),
    "seq": ("序号", "Number"),
    "added": ("新增指标", "Added"),
    "removed": ("删除指标", "Removed"),
    "label": ("目标名称", "Target name"),
    "kind": ("目标类型", "Target kind"),
    "value": ("数值", "Value"),
    "base": ("基数", "Base"),
    "unit": ("单位", "Unit"),
    "confirmed": ("已核对", "Checked"),
    "category": ("类别", "Category"),
    # services.notes: the clerk's note and the leadership's instructions
    "remark": ("备注", "Note"),
    "instruction": ("领导批示", "Leadership instruction"),
    "leader": ("批示领导", "Instruction given by"),
    "given_on": ("批示日期", "Instruction date"),
    "instruction_text": ("批示内容", "Instruction text"),
    "follow_up": ("落实情况", "Follow-up"),
}
_SOURCE_LABELS: dict[SourceKind, tuple[str, str]] = {
    SourceKind.TYPED: ("录入", "typed"),
    SourceKind.IMPORTED: ("导入自", "imported from"),
    SourceKind.BUILTIN: ("内置计划", "built-in plan"),
    SourceKind.RESTORED: ("恢复", "restored"),
}


def field_label(name: str) -> str:
    """What a recorded field is called, in the current language (its name if unknown)."""
    known = _LABELS.get(name)
    return zh_en(*known) if known else name


def source_label(kind: str) -> str:
    try:
        return zh_en(*_SOURCE_LABELS[SourceKind(kind)])
    except ValueError:
        return kind
