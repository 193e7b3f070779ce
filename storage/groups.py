"""The 16 collaboration groups (协作组) and their lead schools, from the notice's attachment."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Group:
    number: int
    name: str
    lead_school: str
    contact: str
    office_phone: str
    mobile: str
    email: str


@cache
def groups() -> tuple[Group, ...]:
    text = (resources.files("storage") / "data" / "groups.json").read_text(encoding="utf-8")
    return tuple(Group(**row) for row in json.loads(text))


def group_names() -> frozenset[str]:
    return frozenset(group.name for group in groups())
