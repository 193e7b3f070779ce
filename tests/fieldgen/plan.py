"""What one message says: school, changes (with their truth per SPEC §2), approvals, seal, subject, arrival
and its one defect, if any."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from tests.fieldgen.registry import UNDECLARED, Declaration, School

SHANGHAI = timezone(timedelta(hours=8))
LEVELS = ["初级", "中级", "高级"]

# defect -> its one SPEC problem code
DEFECTS = {
    "dept_refused": "missing_department_approval",
    "leader_refused": "missing_leader_approval",
    "dept_unsigned": "missing_department_approval",
    "leader_typed_name": "missing_leader_approval",
    "dept_typed_name": "missing_department_approval",
    "no_seal": "no_seal",
    "other_unit_seal": "seal_mismatch",
    "department_seal": "seal_mismatch",
    "undeclared_certificate": "no_matching_application",
    "over_enrolment": "exceeds_enrollment",
    "major_not_offered": "major_not_offered",
    "bad_subject": "subject_format",
    "outside_window": "outside_window",
}

# Majors no school of the registry enrols (for the major_not_offered defect).
NOT_OFFERED = ["现代物流管理", "云计算技术应用", "工程造价管理", "动漫制作技术", "酒店管理与数字化运营", "网络营销与直播电商"]

AGREE = ["同意。", "同意调整。", "同意申请。", "原则同意。", "拟同意。", "已阅，同意。", "同意，请省1+X办公室审核。"]
REFUSE = ["不同意。", "暂不同意。", "不予同意。", "暂不同意，请重新核定人数。"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "建国志强海燕丽华文杰晓东春梅国平秀英立新玉兰红军德明永刚桂芳俊峰雪琴家豪婷婷振华光辉学军爱民宏伟晨曦"


@dataclass
class Change:
    decl: Declaration | None
    certificate: str  # registry name (or the name as read, normalised, when undeclared)
    level: str  # the level the document states (for a level change: the old one)
    field: str  # headcount | level | major
    old: str | int
    new: str | int
    row: int = 0  # changes sharing a row index are written in one table row

    def truth(self) -> dict:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.decl.app_id if self.decl else None}


@dataclass
class Approval:
    role: str  # department | leader
    opinion: str
    signer: str
    state: str  # ok | refused | unsigned | typed_name
    date: datetime

    @property
    def holds(self) -> bool:
        return self.state == "ok"

    @property
    def signed(self) -> bool:
        return self.state in ("ok", "refused")


@dataclass
class Plan:
    seed: int
    family: str
    school: School
    defect: str | None
    changes: list[Change]
    dept: Approval
    leader: Approval
    seal: str  # school | none | other | department
    seal_unit: str
    subject: str
    arrival: datetime
    letter_date: datetime
    clerk: str
    unchanged: list[Declaration] = field(default_factory=list)  # declarations named as kept

    def truth(self) -> dict:
        problems = sorted({DEFECTS[self.defect]} if self.defect else set())
        return {"school": self.school.name, "seal": self.seal != "none",
                "approvals": {"department": self.dept.holds, "leader": self.leader.holds},
                "changes": [c.truth() for c in self.changes], "problems": problems, "defect": self.defect}


def person(rng: random.Random) -> str:
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
    return name if rng.random() < 0.85 else name[:2]


def _headcount_change(rng: random.Random, d: Declaration, over: bool) -> Change:
    if over:
        new = d.enrolment + rng.randint(4, 30)
    else:
        choices = [v for v in range(max(10, d.headcount - 30), min(d.enrolment, d.headcount + 40) + 1, 5)
                   if v != d.headcount]
        new = rng.choice(choices)
    return Change(d, d.certificate, d.level, "headcount", d.headcount, new)


def _level_change(rng: random.Random, d: Declaration) -> Change:
    i = LEVELS.index(d.level)
    new = LEVELS[i + 1] if i == 0 or (i == 1 and rng.random() < 0.6) else LEVELS[i - 1]
    return Change(d, d.certificate, d.level, "level", d.level, new)


def _major_change(rng: random.Random, school: School, d: Declaration, offered: bool) -> Change:
    new = rng.choice([m for m in school.majors if m != d.major]) if offered else rng.choice(NOT_OFFERED)
    return Change(d, d.certificate, d.level, "major", d.major, new)


def make_plan(seed: int, family: str, schools: list[School]) -> Plan:
    rng = random.Random(seed * 7919 + 11)
    school = rng.choice(schools)
    defect = rng.choice(sorted(DEFECTS)) if rng.random() < 0.3 else None
    if family == "fax_tiff" and defect in ("other_unit_seal", "department_seal"):
        defect = "no_seal"  # a 1-bit fax leaves the seal's ring, not a unit name one could read with confidence
    decls = list(school.declarations)
    rng.shuffle(decls)
    n = rng.choice([1, 2, 2, 3]) if family != "two_field_row" else rng.choice([1, 2])
    n = min(n, len(decls))
    chosen = decls[:n]
    changes: list[Change] = []
    for row, d in enumerate(chosen):
        kinds = ["headcount", "headcount", "level", "major"]
        if family == "two_field_row" and row == 0:
            pair = rng.choice([("level", "headcount"), ("level", "major"), ("major", "headcount")])
        else:
            pair = (rng.choice(kinds),)
        for kind in pair:
            if kind == "headcount":
                c = _headcount_change(rng, d, over=False)
            elif kind == "level":
                c = _level_change(rng, d)
            else:
                c = _major_change(rng, school, d, offered=True)
            c.row = row
            changes.append(c)
    spare = [d for d in decls if all(c.decl is not d for c in changes)]
    if defect == "over_enrolment":
        hc = [c for c in changes if c.field == "headcount"]
        if hc:
            over = _headcount_change(rng, hc[0].decl, over=True)  # type: ignore[arg-type]
            over.row = hc[0].row
            changes[changes.index(hc[0])] = over
        elif spare:
            over = _headcount_change(rng, spare[0], over=True)
            over.row = len(chosen)
            changes.append(over)
        else:
            over = _headcount_change(rng, changes[-1].decl, over=True)  # type: ignore[arg-type]
            over.row = changes[-1].row
            changes[-1] = over
    if defect == "major_not_offered":
        mc = [c for c in changes if c.field == "major"]
        if mc:
            bad = _major_change(rng, school, mc[0].decl, offered=False)  # type: ignore[arg-type]
            bad.row = mc[0].row
            changes[changes.index(mc[0])] = bad
        elif spare:
            bad = _major_change(rng, school, spare[0], offered=False)
            bad.row = len(chosen) + 1
            changes.append(bad)
        else:
            bad = _major_change(rng, school, changes[-1].decl, offered=False)  # type: ignore[arg-type]
            bad.row = changes[-1].row
            changes[-1] = bad
    if defect == "undeclared_certificate":
        declared = {d.certificate for d in school.declarations}
        cert = rng.choice([c for c in UNDECLARED if c not in declared])
        level = "初级" if school.kind == "中职" else "中级"
        old = rng.choice([30, 40, 45, 50])
        changes.append(Change(None, cert, level, "headcount", old, old + rng.choice([-10, 10, 15, 20]),
                              row=len(chosen) + 2))
    # renumber rows densely in order of first appearance
    order: dict[int, int] = {}
    for c in changes:
        order.setdefault(c.row, len(order))
    for c in changes:
        c.row = order[c.row]
    changes.sort(key=lambda c: c.row)
    unchanged = [d for d in decls if all(c.decl is not d for c in changes)]

    day = rng.randint(4, 18)
    letter_date = datetime(2024, 3, day, 9, 0, tzinfo=SHANGHAI)
    arrival = datetime(2024, 3, day, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59),
                       tzinfo=SHANGHAI) + timedelta(days=rng.choice([0, 0, 1]))
    if defect == "outside_window":
        arrival = rng.choice([
            datetime(2024, 3, rng.randint(21, 26), rng.randint(8, 17), rng.randint(0, 59), tzinfo=SHANGHAI),
            datetime(2024, 2, rng.randint(26, 29), rng.randint(8, 17), rng.randint(0, 59), tzinfo=SHANGHAI),
            datetime(2024, 3, 20, rng.randint(16, 20), rng.randint(1, 59), tzinfo=UTC),
        ])
        letter_date = min(letter_date, arrival.astimezone(SHANGHAI).replace(hour=9, minute=0, second=0)
                          - timedelta(days=1))

    def approval(role: str) -> Approval:
        state = "ok"
        if defect == f"{'dept' if role == 'department' else 'leader'}_refused":
            state = "refused"
        elif defect in (f"{'dept' if role == 'department' else 'leader'}_unsigned",):
            state = "unsigned"
        elif defect == f"{'dept' if role == 'department' else 'leader'}_typed_name":
            state = "typed_name"
        opinion = rng.choice(REFUSE) if state == "refused" else rng.choice(AGREE)
        return Approval(role, opinion, person(rng), state, letter_date - timedelta(days=rng.choice([0, 1])))

    dept, leader = approval("department"), approval("leader")
    seal, seal_unit = "school", school.name
    if defect == "no_seal":
        seal = "none"
    elif defect == "other_unit_seal":
        seal, seal_unit = "other", rng.choice([s.name for s in schools if s is not school])
    elif defect == "department_seal":
        seal, seal_unit = "department", school.name + rng.choice(["教务处", "招生就业处"])
    subject = f"{school.name}+2024年证书申报调整申请"
    if rng.random() < 0.15:
        subject = f"{school.alias}+2024年证书申报调整申请"
    if defect == "bad_subject":
        subject = rng.choice([f"{school.name} + 2024年证书申报调整申请", f"{school.name}+2024年1+X证书申报调整申请",
                              f"{school.name}+2024年证书申报调整申请（补充）", f"{school.name}+2024年度证书申报调整申请",
                              f"{school.name}＋2024年证书申报调整申请表"])
    return Plan(seed, family, school, defect, changes, dept, leader, seal, seal_unit, subject, arrival,
                letter_date, person(rng), unchanged)
