"""Who reviews next (spec §3): 中职 city → groups → province; 高职/本科 groups → province."""

from __future__ import annotations

from storage.models import Application, School


def linked_groups(applications: list[Application | None]) -> list[str]:
    return sorted({a.group for a in applications if a is not None})


def first_stage(school: School | None, groups: list[str]) -> str:
    if school is not None and school.type == "中职" and school.city:
        return "city"
    return "group" if groups else "province"


def next_stage(stage: str, groups: list[str], approved: list[str]) -> str:
    """The stage after an approval at `stage`; the group stage ends when each group has approved."""
    if stage == "city":
        return "group" if groups else "province"
    if stage == "group":
        return "province" if set(groups) <= set(approved) else "group"
    return "done"
