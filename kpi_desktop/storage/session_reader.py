"""storage.reader.Reader over an open sqlmodel session: the same answers as
storage.snapshot.FileReader, for a server, for a file the ordinary opening had to upgrade or
create, and for every service the window calls with its session."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from kpi_desktop.storage.models import (
    Actual,
    ChangeLog,
    Contribution,
    Indicator,
    IndicatorUnit,
    Instruction,
    LeadUnit,
    Plan,
    Progress,
    Remark,
    Target,
    UnitAlias,
)
from kpi_desktop.storage.reader import LogEntry, Reader, Snapshot, chunks
from kpi_desktop.storage.rows import (
    ActualRow,
    ContributionRow,
    IndicatorRow,
    InstructionRow,
    PlanRow,
    ProgressRow,
    RemarkRow,
    TargetRow,
    UnitLinkRow,
    plain,
)


class SessionReader(Reader):
    def __init__(self, session: Session) -> None:
        self.session = session

    def plans(self) -> list[PlanRow]:
        found = self.session.exec(select(Plan).order_by(col(Plan.year), col(Plan.region)))
        return [plain(PlanRow, plan) for plan in found]

    def plan_rows(self, plan: PlanRow) -> Snapshot:
        session = self.session
        indicators = [
            plain(IndicatorRow, indicator)
            for indicator in session.exec(
                select(Indicator).where(Indicator.plan_id == plan.id).order_by(col(Indicator.seq))
            )
        ]
        ids = [indicator.id for indicator in indicators]
        links = [
            plain(UnitLinkRow, link)
            for link in session.exec(
                select(IndicatorUnit)
                .where(col(IndicatorUnit.indicator_id).in_(ids))
                .order_by(col(IndicatorUnit.indicator_id), col(IndicatorUnit.position))
            )
        ]
        targets = [
            plain(TargetRow, target)
            for target in session.exec(
                select(Target)
                .where(col(Target.indicator_id).in_(ids))
                .order_by(col(Target.indicator_id), col(Target.position))
            )
        ]
        progress = [
            plain(ProgressRow, entry)
            for entry in session.exec(select(Progress).where(col(Progress.indicator_id).in_(ids)))
        ]
        progress_ids = [entry.id for entry in progress]
        actuals = [
            plain(ActualRow, actual)
            for actual in session.exec(
                select(Actual).where(col(Actual.progress_id).in_(progress_ids))
            )
        ]
        return Snapshot(
            self.plans(), plan, self.unit_names(), indicators, links, targets, progress, actuals
        )

    def unit_names(self) -> dict[int, str]:
        return {unit.id or 0: unit.name for unit in self.session.exec(select(LeadUnit))}

    def unit_aliases(self) -> list[tuple[int, str]]:
        found = self.session.exec(select(UnitAlias).order_by(col(UnitAlias.id)))
        return [(alias.unit_id, alias.alias) for alias in found]

    def contributions(self, progress_ids: Sequence[int]) -> list[ContributionRow]:
        found: list[ContributionRow] = []
        for part in chunks(progress_ids):
            query = select(Contribution).where(col(Contribution.progress_id).in_(part))
            found += [plain(ContributionRow, row) for row in self.session.exec(query)]
        return found

    def log(
        self,
        entity: str,
        entity_ids: Sequence[int],
        *,
        field_name: str | None = None,
        period: str | None = None,
    ) -> list[LogEntry]:
        found: list[ChangeLog] = []
        for part in chunks(entity_ids):
            query = select(ChangeLog).where(
                ChangeLog.entity == entity, col(ChangeLog.entity_id).in_(part)
            )
            if field_name is not None:
                query = query.where(ChangeLog.field_name == field_name)
            if period is not None:
                query = query.where(ChangeLog.period == period)
            found += self.session.exec(query)
        found.sort(key=lambda row: (row.at, row.id or 0))
        return [LogEntry(row.entity_id, row.field_name, row.new_value, row.source) for row in found]

    def remarks(self, indicator_ids: Sequence[int], period: str | None = None) -> list[RemarkRow]:
        found: list[RemarkRow] = []
        for part in chunks(indicator_ids):
            query = select(Remark).where(col(Remark.indicator_id).in_(part))
            if period is not None:
                query = query.where(Remark.period == period)
            found += [plain(RemarkRow, row) for row in self.session.exec(query)]
        return found

    def instructions(
        self, indicator_ids: Sequence[int], period: str | None = None
    ) -> list[InstructionRow]:
        found: list[InstructionRow] = []
        for part in chunks(indicator_ids):
            query = select(Instruction).where(col(Instruction.indicator_id).in_(part))
            if period is not None:
                query = query.where(Instruction.period == period)
            found += [plain(InstructionRow, row) for row in self.session.exec(query)]
        found.sort(key=lambda row: (row.given_on, row.id))
        return found
