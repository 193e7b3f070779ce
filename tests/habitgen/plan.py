"""What one message says, drawn from its seed before any drawing: the school, the changes (linked to the
school's declarations), the approvals, the seal, the subject, the arrival and at most one defect; and the
truth a careful human reader records from it (SPEC §2)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.habitgen.registry import CERTS, LEVELS, OTHER_MAJORS, Declaration, School

SHANGHAI = ZoneInfo("Asia/Shanghai")

# Each defect and the one SPEC problem code it raises.
DEFECTS: dict[str, str] = {
    "dept_refused": "missing_department_approval",
    "dept_unsigned": "missing_department_approval",
    "dept_typed": "missing_department_approval",
    "leader_refused": "missing_leader_approval",
    "leader_unsigned": "missing_leader_approval",
    "leader_typed": "missing_leader_approval",
    "no_seal": "no_seal",
    "other_seal": "seal_mismatch",
    "dept_seal": "seal_mismatch",
    "undeclared_certificate": "no_matching_application",
    "over_enrolment": "exceeds_enrollment",
    "major_not_offered": "major_not_offered",
    "subject_format": "subject_format",
    "outside_window": "outside_window",
}

FIELD_NAMES = {"headcount": "人数规模", "level": "考核等级", "major": "考核专业"}

AGREE = ("同意", "同意调整", "同意申请", "原则同意", "同意。", "同意上述调整")
REFUSE = ("不同意", "暂不同意", "不予同意", "不同意调整")


@dataclass
class Change:
    certificate: str  # the registry's name (or the name as written, for an undeclared one)
    level: str  # the level the document states for the declaration
    field: str  # headcount | level | major
    old: int | str
    new: int | str
    decl: Declaration | None

    def truth(self) -> dict:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.decl.app_id if self.decl else None}


@dataclass
class Approval:
    state: str  # ok | refused | unsigned | typed
    opinion: str
    name: str
    day: date

    @property
    def signed(self) -> bool:
        return self.state in ("ok", "refused")

    @property
    def counts(self) -> bool:
        return self.state == "ok"


@dataclass
class Plan:
    seed: int
    family: str
    school: School
    defect: str | None
    changes: list[Change]
    unchanged: list[Declaration]  # declarations a layout may list without a change
    dept: Approval
    leader: Approval
    seal_unit: str | None  # the unit named on the seal, None for no seal
    subject: str
    arrival: datetime
    doc_day: date
    sender: str
    contact: str
    contact_phone: str
    extra: dict = field(default_factory=dict)

    def truth(self) -> dict:
        problems = sorted({DEFECTS[self.defect]} if self.defect else set())
        return {"school": self.school.name, "seal": self.seal_unit is not None,
                "approvals": {"department": self.dept.counts, "leader": self.leader.counts},
                "changes": [c.truth() for c in self.changes], "problems": problems, "defect": self.defect}


CONTACTS = ("王老师", "李老师", "张老师", "刘老师", "陈老师", "杨老师")


def _headcount_to(rng: random.Random, decl: Declaration) -> int:
    choices = [v for v in range(max(10, decl.headcount - 30), decl.enrolment + 1, 5) if v != decl.headcount]
    return rng.choice(choices)


def _regular_change(rng: random.Random, school: School, decl: Declaration, family: str) -> Change:
    levels_declared = {d.level for d in school.declarations if d.certificate == decl.certificate}
    free_levels = [lv for lv in LEVELS if lv not in levels_declared]
    other_majors = [m for m in school.majors if m != decl.major]
    weights = {"headcount": 55, "level": 20 if free_levels else 0, "major": 25 if other_majors else 0}
    kind = rng.choices(list(weights), list(weights.values()))[0]
    if kind == "level":
        return Change(decl.certificate, decl.level, "level", decl.level, rng.choice(free_levels), decl)
    if kind == "major":
        return Change(decl.certificate, decl.level, "major", decl.major, rng.choice(other_majors), decl)
    return Change(decl.certificate, decl.level, "headcount", decl.headcount, _headcount_to(rng, decl), decl)


def _arrival(rng: random.Random, outside: bool) -> datetime:
    if not outside:
        day = date(2024, 3, 1) + timedelta(days=rng.randint(1, 19))
        at = datetime(day.year, day.month, day.day, rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59),
                      tzinfo=SHANGHAI)
        return at
    kind = rng.randrange(4)
    if kind == 0:  # 16:xx UTC on the 20th is the 21st in Shanghai
        return datetime(2024, 3, 20, 16, rng.randint(5, 59), rng.randint(0, 59), tzinfo=UTC)
    if kind == 1:
        return datetime(2024, 3, 21, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59), tzinfo=SHANGHAI)
    if kind == 2:
        return datetime(2024, 2, rng.randint(26, 29), rng.randint(9, 17), rng.randint(0, 59), 0, tzinfo=SHANGHAI)
    return datetime(2024, 3, rng.randint(23, 28), rng.randint(8, 17), rng.randint(0, 59), 0, tzinfo=SHANGHAI)


def _subject(rng: random.Random, unit: str, malformed: bool) -> str:
    if malformed:
        return rng.choice((f"{unit}+2024年1+X证书申报调整申请", f"{unit} +2024年证书申报调整申请",
                           f"{unit}+2024年证书申报调整申请（补充）", f"{unit}+2024年度证书申报调整申请",
                           f"{unit}+2024年证书申报调整申请表"))
    return rng.choice((f"{unit}+2024年证书申报调整申请", f"{unit}+2024年证书申报调整申请",
                       f"{unit}＋2024年证书申报调整申请", f"{unit}2024年证书申报调整申请"))


def _approval(rng: random.Random, state: str, name: str, day: date) -> Approval:
    opinion = rng.choice(REFUSE) if state == "refused" else rng.choice(AGREE)
    return Approval(state, opinion, name, day)


def make_plan(seed: int, family: str, schools: list[School]) -> Plan:
    rng = random.Random(seed * 7919 + 13)
    school = rng.choice(schools)
    defect = rng.choice(sorted(DEFECTS)) if rng.random() < 0.3 else None
    decls = list(school.declarations)
    rng.shuffle(decls)
    n = rng.randint(1, min(3, len(decls)))
    picked = decls[:n]
    changes = [_regular_change(rng, school, d, family) for d in picked]
    if family == "stacked_rows" and rng.random() < 0.35:
        # One row pair changes two fields of a declaration that is the only one of its certificate.
        for c in changes:
            if sum(d.certificate == c.certificate for d in school.declarations) == 1 and c.field != "level":
                levels = [lv for lv in LEVELS if lv != c.level]
                changes.insert(changes.index(c) + 1, Change(c.certificate, c.level, "level", c.level,
                                                            rng.choice(levels), c.decl))
                break
    if defect == "over_enrolment":
        d = picked[0]
        over = Change(d.certificate, d.level, "headcount", d.headcount, d.enrolment + rng.choice((5, 10, 20, 35)), d)
        changes = [over] + [c for c in changes if c.decl is not d]
    elif defect == "major_not_offered":
        d = picked[0]
        bad = Change(d.certificate, d.level, "major", d.major, rng.choice(sorted(OTHER_MAJORS)), d)
        changes = [bad] + [c for c in changes if c.decl is not d]
    elif defect == "undeclared_certificate":
        declared = {d.certificate for d in school.declarations}
        cert = rng.choice(sorted(c for c in CERTS if c not in declared))
        old = rng.choice((30, 40, 45, 50, 60))
        stray = Change(cert, rng.choice(LEVELS), "headcount", old, old + rng.choice((10, 15, 20, -10)), None)
        changes = changes[: max(1, len(changes) - 1)] + [stray]
    touched = {c.decl.app_id for c in changes if c.decl}
    unchanged = [d for d in school.declarations if d.app_id not in touched]
    outside = defect == "outside_window"
    arrival = _arrival(rng, outside)
    local = arrival.astimezone(SHANGHAI).date()
    doc_day = max(local - timedelta(days=rng.randint(0, 3)), date(2024, 3, 1)) if not outside else \
        local - timedelta(days=rng.randint(0, 2))
    dept_day = doc_day - timedelta(days=rng.randint(0, 1))
    dept_state = {"dept_refused": "refused", "dept_unsigned": "unsigned", "dept_typed": "typed"}.get(defect or "", "ok")
    leader_state = {"leader_refused": "refused", "leader_unsigned": "unsigned",
                    "leader_typed": "typed"}.get(defect or "", "ok")
    dept = _approval(rng, dept_state, school.dept_head, dept_day)
    leader = _approval(rng, leader_state, school.head, doc_day)
    if defect == "no_seal":
        seal_unit = None
    elif defect == "other_seal":
        seal_unit = rng.choice([s.name for s in schools if s is not school])
    elif defect == "dept_seal":
        seal_unit = school.name + rng.choice(("教务处", "招生就业处", "教务处"))
    else:
        seal_unit = school.name
    unit = school.alias if rng.random() < 0.2 else school.name
    local_part = school.email.split("@")[0]
    sender = rng.choice((school.email, f"{local_part}{rng.randint(1, 99)}@163.com", f"{rng.randint(10**7, 10**9)}@qq.com"))
    return Plan(seed, family, school, defect, changes, unchanged, dept, leader, seal_unit,
                _subject(rng, unit, defect == "subject_format"), arrival, doc_day, sender,
                rng.choice(CONTACTS), f"1{rng.choice((3, 5, 8))}{rng.randint(100000000, 999999999)}")
