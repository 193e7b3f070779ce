"""What one request says (its changes, approvals and seal) and the truth that follows from it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.officegen.registry import SCHOOLS, UNDECLARED, Declaration, School, declarations_of

LEVELS = ("初级", "中级", "高级")
FIELD_NAMES = {"headcount": "人数规模", "major": "考核专业", "level": "考核等级"}

# Approval states: the first two are agreement, the rest are not (SPEC §2).
GOOD_APPROVALS = ("signed", "name_stamp")
BAD_APPROVALS = ("blank", "refused", "read_only", "typed_name")
# Seal states: every one but "none" puts some unit's official seal on the request.
SEAL_MISMATCH = ("other_school", "department")

DEFECTS = ("dept_blank", "leader_blank", "leader_refused", "dept_read_only", "leader_typed_name",
           "no_seal", "other_school", "department", "undeclared", "exceeds", "major_not_offered")


@dataclass
class Change:
    """One requested change, as the document states it, and the declaration it links to."""

    certificate: str
    field: str  # headcount | major | level
    old: str | int
    new: str | int
    level: str  # the level the document states for the certificate
    decl: Declaration | None
    kind_label: str = ""  # 调增 / 调减 / 变更专业 / 变更等级

    def truth(self) -> dict:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.decl.app_id if self.decl else None}


@dataclass
class Plan:
    """Everything a request's pages will show, chosen from one seed."""

    school: School
    changes: list[Change]
    department: str = "signed"
    leader: str = "signed"
    seal: str = "school"  # school | none | other_school | department | school_plus_dept | double | faint
    other_unit: str = ""
    date: tuple[int, int] = (3, 8)
    defects: list[str] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)

    def problems(self) -> list[str]:
        found = set()
        if self.seal == "none":
            found.add("no_seal")
        if self.seal in SEAL_MISMATCH:
            found.add("seal_mismatch")
        if self.department not in GOOD_APPROVALS:
            found.add("missing_department_approval")
        if self.leader not in GOOD_APPROVALS:
            found.add("missing_leader_approval")
        for change in self.changes:
            if change.decl is None:
                found.add("no_matching_application")
            elif change.field == "headcount" and int(change.new) > change.decl.enrolled:
                found.add("exceeds_enrollment")
            if change.field == "major" and change.new not in self.school.majors:
                found.add("major_not_offered")
        return sorted(found)

    def truth(self) -> dict:
        return {"school": self.school.name, "seal": self.seal != "none",
                "approvals": {"department": self.department in GOOD_APPROVALS,
                              "leader": self.leader in GOOD_APPROVALS},
                "changes": [c.truth() for c in self.changes], "problems": self.problems(),
                "defects": list(self.defects)}


SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱马胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "建国志强海燕晓红立新秀英伟明丽华文静春梅永刚建军玉兰德胜国庆小平淑芬雪梅"


def _person(rng: random.Random) -> str:
    given = "".join(rng.sample(GIVEN, rng.choice((1, 2))))
    return rng.choice(SURNAMES) + given


def _change_for(rng: random.Random, school: School, decl: Declaration, wanted: str | None) -> Change:
    kinds = ["headcount", "headcount", "major", "level"]
    kind = wanted or rng.choice(kinds)
    if kind == "exceeds":
        new = decl.enrolled + rng.choice((5, 10, 20, 30))
        return Change(decl.certificate, "headcount", decl.headcount, new, decl.level, decl, "调增")
    if kind == "major_not_offered":
        foreign = rng.choice(("大数据技术", "人工智能技术应用", "云计算技术应用", "跨境电子商务"))
        return Change(decl.certificate, "major", decl.major, foreign, decl.level, decl, "变更专业")
    if kind == "major":
        others = [m for m in school.majors if m != decl.major]
        return Change(decl.certificate, "major", decl.major, rng.choice(others), decl.level, decl, "变更专业")
    if kind == "level":
        taken = {d.level for d in declarations_of(school.name) if d.certificate == decl.certificate}
        others = [lv for lv in LEVELS if lv not in taken] or [lv for lv in LEVELS if lv != decl.level]
        return Change(decl.certificate, "level", decl.level, rng.choice(others), decl.level, decl, "变更等级")
    if rng.random() < 0.55:
        new = min(decl.enrolled, decl.headcount + rng.choice((5, 10, 15, 20, 30)))
        if new == decl.headcount:
            new = decl.headcount - 10
    else:
        new = decl.headcount - rng.choice((5, 10, 15, 20))
    label = "调增" if new > decl.headcount else "调减"
    return Change(decl.certificate, "headcount", decl.headcount, new, decl.level, decl, label)


def make_plan(rng: random.Random, defect_rate: float = 0.45) -> Plan:
    """A request: a school, 1–3 changes, approvals, seal; with one realistic defect at `defect_rate`."""
    school = rng.choice(SCHOOLS)
    decls = declarations_of(school.name)
    count = min(len(decls), rng.choice((1, 1, 2, 2, 3)))
    chosen = rng.sample(decls, count)
    defect = rng.choice(DEFECTS) if rng.random() < defect_rate else None
    changes = []
    for i, decl in enumerate(chosen):
        wanted = defect if (i == 0 and defect in ("exceeds", "major_not_offered")) else None
        changes.append(_change_for(rng, school, decl, wanted))
    if defect == "undeclared":
        cert = rng.choice(UNDECLARED)
        old = rng.choice((20, 30, 40))
        changes.append(Change(cert, "headcount", old, old + rng.choice((10, 20)), rng.choice(LEVELS[:2]),
                              None, "调增"))
    plan = Plan(school, changes, date=(3, rng.randint(2, 19)))
    plan.seal = rng.choice(("school",) * 5 + ("double", "faint", "school_plus_dept"))
    plan.department = rng.choice(GOOD_APPROVALS + ("signed",))
    plan.leader = rng.choice(GOOD_APPROVALS + ("signed",))
    if defect in ("dept_blank", "dept_read_only"):
        plan.department = defect.split("_", 1)[1]
    elif defect in ("leader_blank", "leader_refused", "leader_typed_name"):
        plan.leader = defect.split("_", 1)[1]
    elif defect in ("no_seal",):
        plan.seal = "none"
    elif defect in SEAL_MISMATCH:
        plan.seal = defect
        other = rng.choice([s for s in SCHOOLS if s.name != school.name])
        plan.other_unit = other.name if defect == "other_school" else school.name
    if defect:
        plan.defects.append(defect)
    plan.people = {"clerk": _person(rng), "department": _person(rng), "leader": _person(rng),
                   "contact": _person(rng)}
    return plan
