"""Who reviews next (spec §3): 中职 city → groups → province; 高职/本科 groups → province."""

from __future__ import annotations

from storage.models import Application, School
from storage.states import Stage


def linked_groups(applications: list[Application | None]) -> list[str]:
    return sorted({a.group for a in applications if a is not None})


def first_stage(school: School | None, groups: list[str]) -> Stage:
    if school is not None and school.type == "中职" and school.city:
        return Stage.CITY
    return Stage.GROUP if groups else Stage.PROVINCE


def next_stage(stage: str, groups: list[str], approved: list[str]) -> Stage:
    """The stage after an approval at `stage`; the group stage ends when each group has approved."""
    if stage == Stage.CITY:
        return Stage.GROUP if groups else Stage.PROVINCE
    if stage == Stage.GROUP:
        return Stage.PROVINCE if set(groups) <= set(approved) else Stage.GROUP
    return Stage.DONE
