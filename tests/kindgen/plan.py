"""What one request states (school, changes, approval blocks, seal, subject, send time) and its truth
per SPEC §2."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from tests.kindgen.registry import CERTS, LEVELS, Declaration, School, options

SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石贾夏韦方邹熊孟秦邱江薛雷侯陶顾毛邵钱戴缪"
GIVEN = "伟芳敏静丽强磊军洋勇艳杰涛明超霞平刚英华玉萍红玲燕彬国文辉志宏海波俊峰亮斌晨晓东雪梅琳慧颖丹宁鹏飞云浩翔春兰洁旭阳庆群荣"

AFFIRMATIVE = ["同意", "同意。", "同意调整", "同意调整。", "同意申请。", "原则同意。", "拟同意。", "情况属实，同意。",
               "已阅，同意。", "经审核，同意调整。", "同意按调整后内容申报。", "同意上报。"]
NEGATIVE = ["不同意。", "不同意调整。", "暂不同意。", "不予同意，维持原申报。"]
READ_ONLY = ["已阅。", "已阅"]

# defect → weight; None is a clean message (≈70 %)
DEFECTS = [(None, 70), ("dept_unsigned", 3), ("leader_unsigned", 3), ("dept_typed", 2), ("dept_refuse", 2),
           ("leader_refuse", 2), ("dept_readonly", 2), ("leader_readonly", 1), ("no_seal", 3), ("dept_seal_only", 3),
           ("undeclared", 3), ("major_not_offered", 2), ("exceeds", 2), ("subject", 1), ("late", 1)]


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2, 2])))


@dataclass
class Change:
    certificate: str          # the registry's 证书名称 (or an undeclared certificate's plain name)
    field: str                # level | major | headcount
    old: object
    new: object
    level: str                # the declaration's level (the from-level of a level change)
    app_id: str | None
    major: str                # the declaration's major
    headcount: int            # the declaration's headcount

    def truth(self) -> dict:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.app_id}


@dataclass
class Block:
    """One approval block: opinion (None = blank) and its signature (hand | stroke | stamp | typed | none)."""
    opinion: str | None
    sign: str
    name: str
    date: dt.date

    @property
    def approved(self) -> bool:
        return self.opinion in AFFIRMATIVE and self.sign in ("hand", "stroke", "stamp")


@dataclass
class Plan:
    seed: int
    family: str
    school: School
    changes: list[Change]
    dept: Block
    leader: Block
    seal: str                 # own | own+dept | dept | none
    doc_date: dt.date
    sent: dt.datetime
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

    def decl(self, change: Change) -> Declaration | None:
        return next((d for d in self.school.declarations if d.app_id == change.app_id), None)


def headcount_change(rng: random.Random, d: Declaration, exceed: bool = False) -> Change:
    if exceed:
        new = d.enrolment + rng.choice([5, 10, 20, 40])
    else:
        new = rng.choice([v for v in range(max(10, d.headcount - 40), d.enrolment + 1, 5) if v != d.headcount])
    return Change(d.certificate, "headcount", d.headcount, new, d.level, d.app_id, d.major, d.headcount)


def level_change(rng: random.Random, d: Declaration) -> Change:
    new = {"初级": "中级", "中级": rng.choice(["初级", "高级"]), "高级": "中级"}[d.level]
    return Change(d.certificate, "level", d.level, new, d.level, d.app_id, d.major, d.headcount)


def major_change(rng: random.Random, school: School, d: Declaration, offered: bool) -> Change | None:
    pool = [m for m in options(d.certificate) if m != d.major and (m in school.majors) == offered]
    if not pool:
        return None
    return Change(d.certificate, "major", d.major, rng.choice(pool), d.level, d.app_id, d.major, d.headcount)


def subject_for(school: School, rng: random.Random, defect: str | None) -> str:
    unit = rng.choice(school.aliases) if school.aliases and rng.random() < 0.15 else school.name
    if defect == "subject":
        return rng.choice([f"{unit}+2024年1+X证书申报调整申请", f"{unit}+2024年证书申报调整申请（补充）",
                           f"{unit} + 2024年证书申报调整申请", f"{unit}+2024年度证书申报调整申请"])
    sep = rng.choices(["+", "＋", ""], [82, 12, 6])[0]
    subject = f"{unit}{sep}2024年证书申报调整申请"
    if rng.random() < 0.07:
        subject = rng.choice(["转发：", "Fwd: ", "回复："]) + subject
    return subject


def _changes_for(rng: random.Random, school: School, family: str) -> list[Change]:
    decls = list(school.declarations)
    rng.shuffle(decls)
    count = {"multi_cert_long_table": rng.choice([1, 2, 2, 3]), "row_span_table": rng.choice([1, 2, 2])}.get(
        family, rng.choice([1, 1, 2, 2, 2, 3]))
    changes: list[Change] = []
    for i, d in enumerate(decls[:count]):
        kinds = rng.choice([["headcount"], ["headcount"], ["level"], ["major"], ["level", "headcount"],
                            ["major", "headcount"]])
        if family == "row_span_table" and i == 0:
            kinds = rng.choice([["level", "headcount"], ["major", "headcount"], ["level", "major", "headcount"],
                                ["level", "major"]])
        if school.twice(d.certificate):
            kinds = [k for k in kinds if k != "level"] or ["headcount"]
        for kind in kinds:
            c = None
            if kind == "major":
                c = major_change(rng, school, d, True)
            elif kind == "level":
                c = level_change(rng, d)
            if c is None:
                if any(x.app_id == d.app_id and x.field == "headcount" for x in changes):
                    continue
                c = headcount_change(rng, d)
            changes.append(c)
    return changes


def make_plan(seed: int, family: str, schools: list[School]) -> Plan:
    rng = random.Random(seed * 7919 + 13)
    school = rng.choice(schools)
    weights = dict(DEFECTS)
    if family == "extra_signers":  # the 经办人 signs, a real approver does not
        weights["dept_unsigned"] += 6
        weights["leader_unsigned"] += 6
    defect = rng.choices(list(weights), list(weights.values()))[0]
    changes = _changes_for(rng, school, family)
    if defect == "exceeds":
        hc = [i for i, c in enumerate(changes) if c.field == "headcount"] or [len(changes) - 1]
        i = rng.choice(hc)
        d = next(x for x in school.declarations if x.app_id == changes[i].app_id)
        if changes[i].field == "headcount":
            changes[i] = headcount_change(rng, d, True)
        else:
            changes.insert(i + 1, headcount_change(rng, d, True))
    if defect == "major_not_offered":
        for i, c in enumerate(changes):
            d = next(x for x in school.declarations if x.app_id == c.app_id)
            if any(x.app_id == d.app_id and x.field == "major" for x in changes if x is not c):
                continue
            bad = major_change(rng, school, d, False)
            if bad:
                changes[i] = bad
                break
        else:
            defect = None
    if defect == "undeclared":
        cert = rng.choice(sorted(c for c in CERTS if c not in school.declared()))
        old = rng.choice([30, 40, 50, 60])
        changes.insert(rng.randint(0, len(changes)),
                       Change(cert, "headcount", old, old + rng.choice([10, 20, 30]), rng.choice(LEVELS), None,
                              options(cert)[0], old))
    doc_date = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randint(1, 16))
    sh = dt.timezone(dt.timedelta(hours=8))
    if defect == "late":
        sent = dt.datetime(2024, 3, 21, rng.randint(0, 16), rng.randint(0, 59), rng.randint(0, 59), tzinfo=sh)
    else:
        day = min(20, doc_date.day + rng.choice([0, 0, 1, 2, 3]))
        sent = dt.datetime(2024, 3, day, rng.choice([8, 9, 10, 11, 14, 15, 16, 17, 20, 22]), rng.randint(0, 59),
                           rng.randint(0, 59), tzinfo=sh)

    def block(role: str) -> Block:
        sign = rng.choices(["hand", "stroke", "stamp"], [70, 20, 10])[0]
        opinion: str | None = rng.choice(AFFIRMATIVE)
        if defect == f"{role}_typed":
            sign = "typed"
        elif defect == f"{role}_unsigned":
            sign = "none"
        elif defect == f"{role}_refuse":
            opinion = rng.choice(NEGATIVE)
        elif defect == f"{role}_readonly":
            opinion = rng.choice(READ_ONLY)
        return Block(opinion, sign, person(rng), doc_date - dt.timedelta(days=rng.choice([0, 0, 1])))

    dept, leader = block("dept"), block("leader")
    if leader.date < dept.date:
        leader.date = dept.date
    seal = {"no_seal": "none", "dept_seal_only": "dept"}.get(defect or "", rng.choice(["own"] * 4 + ["own+dept"]))
    phone = rng.choice([f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}",
                        f"0{rng.choice(['25', '510', '513', '514', '515', '516', '518', '519', '523', '527'])}-"
                        f"{rng.randint(55000000, 87999999)}"])
    return Plan(seed, family, school, changes, dept, leader, seal, doc_date, sent, defect,
                subject_for(school, rng, defect), person(rng), phone)
