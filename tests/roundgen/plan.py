"""What one request says (school, changes, approvals, seal, subject, arrival) and its truth per SPEC §2."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from tests.roundgen.registry import NOT_OFFERED, UNDECLARED, Declaration, School

SHANGHAI = timezone(timedelta(hours=8))
LEVELS = ("初级", "中级", "高级")

# one defect each, with the problem code SPEC §2 gives it
DEFECTS = {
    "dept_unsigned": "missing_department_approval", "dept_typed": "missing_department_approval",
    "dept_refused": "missing_department_approval", "leader_unsigned": "missing_leader_approval",
    "leader_typed": "missing_leader_approval", "leader_refused": "missing_leader_approval",
    "no_seal": "no_seal", "foreign_seal": "seal_mismatch", "department_seal": "seal_mismatch",
    "undeclared_certificate": "no_matching_application", "major_not_offered": "major_not_offered",
    "over_enrolment": "exceeds_enrollment", "subject_format": "subject_format",
    "outside_window": "outside_window",
}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "明华建国伟芳娟敏静丽强磊军洋勇艳杰涛超秀霞平刚桂英文辉力斌宇浩凯鹏晨欣怡佳颖婷雪琳晓峰新春海波"


@dataclass
class Change:
    certificate: str         # the registry name (the truth's)
    written: str             # how the document writes the certificate
    level: str               # the level the document states for it
    field: str               # headcount | level | major
    old: object
    new: object
    app_id: str | None
    decl_major: str          # the declaration's major (context for layouts)
    decl_head: int
    enrolment: int


@dataclass
class Approval:
    opinion: str             # as written
    positive: bool
    signature: str           # hand | stamp | typed | none
    name: str
    date: datetime


@dataclass
class Plan:
    seed: int
    family: str
    school: School
    defect: str | None
    changes: list[Change]
    department: Approval
    leader: Approval
    clerk: str
    seal: str                # school | foreign | department | none
    seal_unit: str
    subject: str
    arrival: datetime
    doc_date: datetime
    reason: str
    others: list[Declaration] = field(default_factory=list)  # unchanged declarations of the school

    def truth(self) -> dict:
        problems = set()
        if self.defect:
            problems.add(DEFECTS[self.defect])
        return {
            "school": self.school.name,
            "seal": self.seal != "none",
            "approvals": {"department": self.department.positive and self.department.signature in ("hand", "stamp"),
                          "leader": self.leader.positive and self.leader.signature in ("hand", "stamp")},
            "changes": [{"certificate": c.certificate, "field": c.field, "from": c.old, "to": c.new,
                         "application_id": c.app_id} for c in self.changes],
            "problems": sorted(problems),
            "defect": self.defect,
        }


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


_REASONS = ["根据今年招生实际情况及学生报名意向", "因专业人才培养方案调整", "经与二级学院核对在校生人数",
            "结合实训条件建设进度和师资情况", "因部分班级顶岗实习安排变化", "根据学生自愿报名统计结果"]
_POS = ["同意", "同意。", "同意调整", "同意调整。", "同意申请。", "原则同意", "已阅，同意。", "情况属实，同意调整。"]
_NEG = ["不同意", "不同意。", "暂不同意", "不予同意。"]


def _approval(rng: random.Random, defect: str | None, role: str, day: datetime) -> Approval:
    signature = rng.choice(("hand", "hand", "hand", "stamp"))
    opinion, positive = rng.choice(_POS), True
    if defect == f"{role}_refused":
        opinion, positive = rng.choice(_NEG), False
    elif defect == f"{role}_unsigned":
        signature, positive = "none", True
    elif defect == f"{role}_typed":
        signature = "typed"
    return Approval(opinion, positive, signature, person(rng), day)


def _written(rng: random.Random, cert: str) -> str:
    return rng.choice((cert, cert, cert, f"{cert}职业技能等级证书", f"“{cert}”"))


def make_plan(seed: int, family: str, schools: list[School]) -> Plan:
    rng = random.Random(seed * 7919 + 17)
    school = rng.choice(schools)
    defect = rng.choice(sorted(DEFECTS)) if rng.random() < 0.3 else None
    decls = list(school.declarations)
    rng.shuffle(decls)
    count = rng.choice((1, 2, 2, 3))
    picked, others = decls[:count], decls[count:]
    changes: list[Change] = []
    fields = ["headcount", "headcount", "headcount", "level", "level", "major"]
    bad_index = rng.randrange(len(picked))
    for k, d in enumerate(picked):
        want = None
        if k == bad_index and defect == "over_enrolment":
            want = "headcount"
        elif k == bad_index and defect == "major_not_offered":
            want = "major"
        f = want or rng.choice(fields)
        if f == "major" and want is None and len(set(school.majors) - {d.major}) == 0:
            f = "headcount"
        written = _written(rng, d.certificate)
        if f == "headcount":
            if want:
                new = d.enrolment + rng.choice((5, 10, 20, 40))
            else:
                new = d.headcount
                while new == d.headcount:
                    new = max(10, min(d.enrolment, d.headcount + rng.choice((-20, -10, -5, 10, 15, 20, 30))))
            changes.append(Change(d.certificate, written, d.level, "headcount", d.headcount, new, d.app_id, d.major,
                                  d.headcount, d.enrolment))
        elif f == "level":
            taken = {x.level for x in school.declarations if x.certificate == d.certificate}
            new = rng.choice([lv for lv in LEVELS if lv not in taken])
            changes.append(Change(d.certificate, written, d.level, "level", d.level, new, d.app_id, d.major,
                                  d.headcount, d.enrolment))
        else:
            if want:
                new = rng.choice(sorted(m for m in NOT_OFFERED.values() if m not in school.majors))
            else:
                new = rng.choice(sorted(m for m in school.majors if m != d.major))
            changes.append(Change(d.certificate, written, d.level, "major", d.major, new, d.app_id, d.major,
                                  d.headcount, d.enrolment))
    if defect == "undeclared_certificate":
        cert = rng.choice(UNDECLARED)
        level = rng.choice(("初级", "中级"))
        old = rng.choice((30, 40, 50))
        changes.append(Change(cert, _written(rng, cert), level, "headcount", old, old + rng.choice((10, 20)), None,
                              rng.choice(sorted(school.majors)), old, 0))
    day = datetime(2024, 3, rng.randint(2, 18), rng.randint(8, 17), rng.randint(0, 59), tzinfo=SHANGHAI)
    arrival = day + timedelta(hours=rng.randint(0, 4), minutes=rng.randint(1, 59))
    if arrival > datetime(2024, 3, 20, 23, 0, tzinfo=SHANGHAI):
        arrival = datetime(2024, 3, 20, 21, 5, tzinfo=SHANGHAI)
    if defect == "outside_window":
        arrival = rng.choice((datetime(2024, 3, 21, 9, 12, tzinfo=SHANGHAI),
                              datetime(2024, 3, 22, 15, 40, tzinfo=SHANGHAI),
                              datetime(2024, 2, 29, 16, 3, tzinfo=SHANGHAI),
                              datetime(2024, 3, 20, 16, 30, tzinfo=UTC)))
        day = min(day, datetime(2024, 3, 19, 10, 0, tzinfo=SHANGHAI))
        if arrival.month == 2:
            day = datetime(2024, 2, 28, 10, 0, tzinfo=SHANGHAI)
    unit = school.name if rng.random() < 0.85 else school.alias
    subject = f"{unit}+2024年证书申报调整申请"
    if defect == "subject_format":
        subject = rng.choice((f"{school.name} +2024年证书申报调整申请", f"{school.name}+2024年1+X证书申报调整申请",
                              f"{school.name}+2024年证书申报调整申请（补充）", f"{school.name}2024年度证书申报调整申请"))
    seal, seal_unit = "school", school.name
    if defect == "no_seal":
        seal, seal_unit = "none", ""
    elif defect == "foreign_seal":
        other = rng.choice([s for s in schools if s is not school])
        seal, seal_unit = "foreign", other.name
    elif defect == "department_seal":
        seal, seal_unit = "department", school.name
    sign_day = max(day - timedelta(days=rng.randint(0, 2)), min(day, datetime(2024, 3, 1, 9, 0, tzinfo=SHANGHAI)))
    return Plan(seed, family, school, defect, changes, _approval(rng, defect, "dept", sign_day),
                _approval(rng, defect, "leader", sign_day), person(rng), seal, seal_unit, subject, arrival, day,
                rng.choice(_REASONS), others)
