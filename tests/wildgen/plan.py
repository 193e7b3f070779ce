"""What one request says — school, changes, the two approval blocks, the seal, the subject, the send time —
and the truth (SPEC §2) that follows from it."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from tests.wildgen.registry import CERTS, LEVELS, Declaration, School

SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦方邹熊孟秦邱江尹薛段雷侯史陶贺顾毛龚邵钱严戴缪"
GIVEN = "伟芳敏静丽强磊军洋勇艳杰涛明超秀霞平刚英华玉萍红玲燕彬建国文辉志宏海波俊峰亮斌晨晓东雪梅琳慧颖丹宁鹏飞云浩翔春兰洁旭阳永庆"

# every opinion here is affirmative in the SPEC's sense (it agrees, and nothing in it refuses)
AFFIRMATIVE = ["同意。", "已审核，同意。", "经研究，同意申报调整。", "同意调整。", "原则同意。", "同意该校调整申请。",
               "情况属实，同意。", "同意上报。", "同意按调整后内容申报。", "审核无误，同意调整。", "同意", "拟同意。"]
NEGATIVE = ["不同意（人数超出）。", "不同意。", "暂不同意。", "不予同意，按原申报执行。", "不同意调整。"]
READ_ONLY = ["已阅。", "已阅"]

# defect → weight; None is a clean message (≈70 %)
DEFECTS = [(None, 70), ("dept_blank", 2), ("dept_typed", 2), ("dept_refuse", 3), ("leader_refuse", 2),
           ("leader_unsigned", 2), ("dept_readonly", 2), ("leader_typed", 2), ("no_seal", 3), ("dept_seal_only", 2),
           ("subject", 3), ("undeclared", 3), ("major_not_offered", 2), ("exceeds", 2), ("late", 1)]


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2, 2])))


@dataclass
class Change:
    certificate: str          # the registry's 证书名称 (or the undeclared name as written)
    field: str                # headcount | level | major
    old: object
    new: object
    level: str                # the declaration's level (the from-level for a level change)
    app_id: str | None
    major: str = ""           # the declaration's major (context for tables)
    headcount: int = 0        # the declaration's headcount (context for tables)

    def truth(self) -> dict:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.app_id}


@dataclass
class Block:
    """One approval block: opinion (None = left blank) and how it was signed (hand | stamp | typed | none)."""
    opinion: str | None
    sign: str
    name: str
    date: dt.date

    @property
    def approved(self) -> bool:
        return self.opinion in AFFIRMATIVE and self.sign in ("hand", "stamp")


@dataclass
class Plan:
    seed: int
    family: str
    school: School
    changes: list[Change]
    dept: Block
    leader: Block
    seal: str                 # own | dept | none
    doc_date: dt.date
    sent: dt.datetime         # aware
    defect: str | None
    subject: str
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
        if self.seal == "dept":
            found.add("seal_mismatch")
        if self.defect == "subject":
            found.add("subject_format")
        if self.defect == "late":
            found.add("outside_window")
        decls = {d.app_id: d for d in self.school.declarations}
        for c in self.changes:
            if c.app_id is None:
                found.add("no_matching_application")
                continue
            if c.field == "headcount" and int(c.new) > decls[c.app_id].enrolment:
                found.add("exceeds_enrollment")
            if c.field == "major" and c.new not in self.school.majors:
                found.add("major_not_offered")
        return sorted(found)

    def truth(self) -> dict:
        return {"school": self.school.name, "seal": self.seal != "none",
                "approvals": {"department": self.dept.approved, "leader": self.leader.approved},
                "changes": [c.truth() for c in self.changes], "problems": self.problems()}


def _headcount(rng: random.Random, d: Declaration, exceed: bool) -> Change:
    if exceed:
        new = d.enrolment + rng.choice([5, 10, 15, 30])
    else:
        new = rng.choice([v for v in range(max(10, d.headcount - 30), d.enrolment + 1, 5) if v != d.headcount])
    return Change(d.certificate, "headcount", d.headcount, new, d.level, d.app_id, d.major, d.headcount)


def _level(rng: random.Random, d: Declaration) -> Change:
    new = {"初级": "中级", "中级": rng.choice(["初级", "高级"]), "高级": "中级"}[d.level]
    return Change(d.certificate, "level", d.level, new, d.level, d.app_id, d.major, d.headcount)


def _major(rng: random.Random, school: School, d: Declaration, offered: bool) -> Change | None:
    pool = [o for o, _ in school.options(d.certificate) if o != d.major and (o in school.majors) == offered]
    if not pool:
        return None
    return Change(d.certificate, "major", d.major, rng.choice(pool), d.level, d.app_id, d.major, d.headcount)


def subject_for(school: School, rng: random.Random, defect: str | None) -> str:
    unit = rng.choice(school.aliases) if school.aliases and rng.random() < 0.2 else school.name
    if defect == "subject":
        return rng.choice([f"{unit}+2024年1+X证书申报调整申请", f"{unit}+2024年证书申报调整申请（盖章版）",
                           f"{unit} +2024年证书申报调整申请", f"{unit}2024年度证书申报调整申请",
                           f"{unit}+2024年证书申报调整申请(补充)"])
    sep = rng.choices(["+", "＋", ""], [80, 12, 8])[0]
    subject = f"{unit}{sep}2024年证书申报调整申请"
    if rng.random() < 0.06:
        subject = rng.choice(["转发：", "Fw: ", "FW："]) + subject
    return subject


def make_plan(seed: int, family: str, schools: list[School]) -> Plan:
    rng = random.Random(seed * 6007 + 29)
    school = rng.choice(schools)
    defect = rng.choices([d for d, _ in DEFECTS], [w for _, w in DEFECTS])[0]
    decls = rng.sample(school.declarations, min(rng.choice([1, 1, 2, 2, 2, 3]), len(school.declarations)))
    changes: list[Change] = []
    for d in decls:
        kind = rng.choice(["headcount", "headcount", "headcount", "level", "major"])
        if kind == "level" and school.twice(d.certificate):
            kind = "headcount"
        change = _major(rng, school, d, True) if kind == "major" else None
        if kind == "level":
            change = _level(rng, d)
        changes.append(change or _headcount(rng, d, False))
    if defect == "exceeds":
        i = rng.randrange(len(changes))
        d = next(x for x in school.declarations if x.app_id == changes[i].app_id)
        changes[i] = _headcount(rng, d, True)
    if defect == "major_not_offered":
        for i, c in enumerate(changes):
            d = next(x for x in school.declarations if x.app_id == c.app_id)
            bad = _major(rng, school, d, False)
            if bad:
                changes[i] = bad
                break
        else:
            defect = None
    if defect == "undeclared":
        declared = {d.certificate for d in school.declarations}
        cert = rng.choice(sorted(c for c in CERTS if c not in declared))
        old = rng.choice([30, 40, 50, 60])
        major = school.options(cert)[0][0]
        changes.insert(rng.randint(0, len(changes)),
                       Change(cert, "headcount", old, old + rng.choice([10, 20, 30]), rng.choice(LEVELS), None,
                              major, old))
    doc_date = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randint(0, 15))
    sh = dt.timezone(dt.timedelta(hours=8))
    if defect == "late":
        sent = dt.datetime(2024, 3, 21, rng.randint(8, 16), rng.randint(0, 59), rng.randint(0, 59), tzinfo=sh)
    else:
        day = min(20, doc_date.day + rng.choice([0, 1, 1, 2, 3]))
        hour = rng.choice([8, 9, 10, 11, 14, 15, 16, 17, 21, 23]) if day < 20 else rng.choice([9, 15, 22, 23])
        sent = dt.datetime(2024, 3, day, hour, rng.randint(0, 59), rng.randint(0, 59), tzinfo=sh)

    def block(role: str) -> Block:
        sign = rng.choice(["hand", "hand", "hand", "hand", "stamp"])
        opinion: str | None = rng.choice(AFFIRMATIVE)
        if defect == f"{role}_typed":
            sign = "typed"
        elif defect == f"{role}_blank":
            opinion = None
        elif defect == f"{role}_refuse":
            opinion = rng.choice(NEGATIVE)
        elif defect == f"{role}_readonly":
            opinion = rng.choice(READ_ONLY)
        elif defect == f"{role}_unsigned":
            sign = "none"
        return Block(opinion, sign, person(rng), doc_date + dt.timedelta(days=rng.choice([0, 0, 0, 1])))

    dept, leader = block("dept"), block("leader")
    if leader.date < dept.date:
        leader.date = dept.date
    seal = {"no_seal": "none", "dept_seal_only": "dept"}.get(defect or "", "own")
    phone = f"{rng.choice(['025', '0510', '0513', '0512', '0517', '0518', '0523', '0527'])}-" \
            f"{rng.randint(55000000, 87999999)}"
    return Plan(seed, family, school, changes, dept, leader, seal, doc_date, sent, defect,
                subject_for(school, rng, defect), person(rng), phone)
