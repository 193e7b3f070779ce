"""What one request says and holds — school, changes, approval blocks, seal — and the truth it implies."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from tests.realgen.registry import CERTS, LEVELS, Declaration, School

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬建国文辉力志宏海波俊峰亮斌晨晓东雪梅琳慧颖丹宁鹏飞云浩翔春兰凤洁"

AFFIRMATIVE = ["同意。", "同意调整。", "同意申请。", "原则同意。", "同意上述调整。", "已阅，同意。",
               "情况属实，同意调整。", "同意，请省1+X办审核。", "同意按程序报送。", "拟同意。"]
NEGATIVE = ["不同意。", "暂不同意调整。", "不予同意。", "不同意调整，请按原申报执行。"]
READ_ONLY = ["已阅。"]

# defect → weight; None is a clean message
DEFECTS = [(None, 80), ("typed_dept", 4), ("typed_leader", 4), ("blank_dept", 3), ("blank_leader", 2),
           ("refuse_dept", 2), ("refuse_leader", 3), ("readonly_dept", 2), ("unsigned_leader", 2),
           ("no_seal", 4), ("other_seal", 4), ("major_not_offered", 3), ("exceeds", 3), ("undeclared", 3)]


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))


@dataclass
class Change:
    certificate: str          # the bare registry name (truth)
    field: str                # headcount | level | major
    old: object
    new: object
    level: str                # the level of the declaration (the from level for a level change)
    app_id: str | None
    old_code: str = ""
    new_code: str = ""

    def truth(self) -> dict:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.app_id}


@dataclass
class Block:
    """One approval block: opinion text (None = left blank) and how the approver signed."""
    opinion: str | None
    sign: str                 # hand | stamp | stamp_hand | typed | none
    name: str
    date: dt.date

    @property
    def approved(self) -> bool:
        if self.opinion is None or self.sign not in ("hand", "stamp", "stamp_hand"):
            return False
        return self.opinion in AFFIRMATIVE


@dataclass
class Plan:
    seed: int
    family: str
    school: School
    changes: list[Change]
    dept: Block
    leader: Block
    seal: str                 # own | other | none
    seal_unit: str | None
    doc_date: dt.date
    sent: dt.datetime
    defect: str | None
    contact: str
    phone: str
    extra: dict = field(default_factory=dict)

    def problems(self) -> list[str]:
        found = set()
        if not self.dept.approved:
            found.add("missing_department_approval")
        if not self.leader.approved:
            found.add("missing_leader_approval")
        if self.seal == "none":
            found.add("no_seal")
        if self.seal == "other":
            found.add("seal_mismatch")
        decls = {d.app_id: d for d in self.school.declarations}
        for c in self.changes:
            if c.app_id is None:
                found.add("no_matching_application")
                continue
            d = decls[c.app_id]
            if c.field == "headcount" and int(c.new) > d.enrolment:
                found.add("exceeds_enrollment")
            if c.field == "major" and c.new not in self.school.majors:
                found.add("major_not_offered")
        return sorted(found)

    def truth(self) -> dict:
        return {"seal": self.seal != "none",
                "approvals": {"department": self.dept.approved, "leader": self.leader.approved},
                "changes": [c.truth() for c in self.changes], "problems": self.problems()}


def _change_for(rng: random.Random, school: School, d: Declaration, kind: str, defect: str | None) -> Change:
    if kind == "headcount":
        if defect == "exceeds":
            new = d.enrolment + rng.choice([5, 10, 20, 30])
        else:
            new = rng.choice([v for v in range(d.headcount - 30, d.enrolment + 1, 5) if v > 0 and v != d.headcount])
        return Change(d.certificate, "headcount", d.headcount, new, d.level, d.app_id)
    if kind == "level":
        new = {"初级": "中级", "中级": rng.choice(["初级", "高级"]), "高级": "中级"}[d.level]
        return Change(d.certificate, "level", d.level, new, d.level, d.app_id)
    options = school.options(d.certificate)
    if defect == "major_not_offered":
        pool = [o for o in options if o[0] not in school.majors]
    else:
        pool = [o for o in options if o[0] in school.majors and o[0] != d.major]
    name, code = rng.choice(pool)
    return Change(d.certificate, "major", d.major, name, d.level, d.app_id, d.code, code)


def make_plan(seed: int, family: str, schools: list[School], want_gaozhi: bool | None = None) -> Plan:
    rng = random.Random(seed * 7919 + 17)
    pool = [s for s in schools if want_gaozhi is None or s.gaozhi == want_gaozhi]
    school = rng.choice(pool)
    defect = rng.choices([d for d, _ in DEFECTS], [w for _, w in DEFECTS])[0]
    if defect == "major_not_offered" and not any(
            o[0] not in school.majors for d in school.declarations for o in school.options(d.certificate)):
        defect = "exceeds"
    n = rng.choice([1, 1, 2, 2, 2, 3])
    decls = rng.sample(school.declarations, min(n, len(school.declarations)))
    changes = []
    for i, d in enumerate(decls):
        kind = rng.choice(["headcount", "headcount", "level", "major"])
        this_defect = None
        if i == 0 and defect == "exceeds":
            kind, this_defect = "headcount", "exceeds"
        if i == 0 and defect == "major_not_offered" and any(
                o[0] not in school.majors for o in school.options(d.certificate)):
            kind, this_defect = "major", defect
        if kind == "major" and this_defect is None and not [
                o for o in school.options(d.certificate) if o[0] in school.majors and o[0] != d.major]:
            kind = "headcount"
        changes.append(_change_for(rng, school, d, kind, this_defect))
    if defect == "major_not_offered" and not any(c.field == "major" and c.new not in school.majors
                                                 for c in changes):
        for d in school.declarations:
            if any(o[0] not in school.majors for o in school.options(d.certificate)):
                changes = [c for c in changes if c.app_id != d.app_id]
                changes.insert(0, _change_for(rng, school, d, "major", defect))
                break
    if defect == "undeclared":
        declared = {d.certificate for d in school.declarations}
        cert = rng.choice(sorted(c for c in CERTS if c not in declared))
        old = rng.choice([30, 40, 50, 60])
        changes.insert(rng.randint(0, len(changes)), Change(cert, "headcount", old, old + rng.choice([10, 20]),
                                                            rng.choice(LEVELS), None))
    start = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randint(1, 16))
    doc_date = start
    sent = dt.datetime(2024, 3, 1, 8, 0) + dt.timedelta(days=(start - dt.date(2024, 3, 1)).days + rng.randint(1, 2),
                                                        minutes=rng.randint(0, 10 * 60), seconds=rng.randint(0, 59))

    def block(role: str) -> Block:
        sign = rng.choice(["hand", "hand", "hand", "stamp", "stamp_hand"])
        opinion = rng.choice(AFFIRMATIVE)
        if defect == f"typed_{role}":
            sign = "typed"
        elif defect == f"blank_{role}":
            opinion = None
        elif defect == f"refuse_{role}":
            opinion = rng.choice(NEGATIVE)
        elif defect == f"readonly_{role}":
            opinion = READ_ONLY[0]
        elif defect == f"unsigned_{role}":
            sign = "none"
        return Block(opinion, sign, person(rng), doc_date + dt.timedelta(days=rng.choice([0, 0, 1])))

    dept, leader = block("dept"), block("leader")
    if leader.date < dept.date:
        leader.date = dept.date
    seal, seal_unit = "own", school.name
    if defect == "no_seal":
        seal, seal_unit = "none", None
    elif defect == "other_seal":
        seal = "other"
        seal_unit = rng.choice([s.name for s in schools if s.name != school.name])
    phone = f"{rng.choice(['025', '0510', '0513', '0511', '0523', '0516', '0515', '0519', '0512'])}-" \
            f"{rng.randint(52000000, 88999999)}"
    return Plan(seed, family, school, changes, dept, leader, seal, seal_unit, doc_date, sent, defect,
                person(rng), phone)
