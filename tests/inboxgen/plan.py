"""What one message says, drawn from its seed before anything is drawn on a page: the school, the changes
(as written and as the SPEC reads them), both approval blocks, the seal, the one fault if any, the
arrival; and the exact truth that follows from it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from tests.inboxgen.registry import (
    CATALOGUE,
    SCHOOLS,
    UNDECLARED,
    Declaration,
    School,
    declarations_of,
    majors_not_offered,
)

SHANGHAI = timezone(timedelta(hours=8))
LEVELS = ("初级", "中级", "高级")
FIELD_LABEL = {"level": "考核等级", "major": "考核专业", "headcount": "人数规模"}

FAULTS = ("no_seal", "seal_mismatch", "missing_department_approval", "missing_leader_approval",
          "exceeds_enrollment", "major_not_offered", "no_matching_application", "subject_format",
          "outside_window", "school_mismatch")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姜"
GIVEN = ("建国", "卫东", "志强", "海燕", "丽华", "晓峰", "文杰", "春梅", "国平", "永明", "秀英", "红霞", "立新",
         "雪松", "德胜", "玉兰", "剑", "敏", "静", "军", "斌", "涛", "颖", "伟", "明辉", "慧芳", "振华", "学文")

GOOD_OPINIONS = ("同意", "同意。", "同意调整", "同意申请", "原则同意", "拟同意", "已阅，同意", "同意调整申请",
                 "情况属实，同意调整", "同意上报")
REFUSALS = ("不同意", "暂不同意", "不予同意", "不同意调整")
REASONS = ("部分专业学生实习安排调整", "学生选课人数发生变化", "专业人才培养方案修订", "实训条件建设进度调整",
           "部分班级学生分流", "申报时对考核等级理解有误")


@dataclass
class Change:
    certificate: str  # the truth's name: the registry's when linked, else the bare name as written
    written: str  # as the document writes the certificate (maybe with 职业技能等级证书)
    level: str  # the level the document states for the certificate (the original one)
    field: str  # level | major | headcount
    old: str | int
    new: str | int
    application_id: str | None
    old_code: str = ""  # catalogue codes written before a major
    new_code: str = ""

    def truth(self) -> dict[str, object]:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.application_id}


@dataclass
class Approval:
    role: str  # department | leader
    opinion: str  # "" = none written
    opinion_hand: bool
    sign: str  # hand | cursive | stamp | typed | blank
    name: str
    ink: tuple[int, int, int]

    @property
    def valid(self) -> bool:
        agreeing = bool(self.opinion) and not any(r in self.opinion for r in REFUSALS) \
            and self.opinion.rstrip("。") != "已阅"
        return agreeing and self.sign in ("hand", "cursive", "stamp")


@dataclass
class Plan:
    seed: int
    index: int
    family: str
    school: School
    subject: str
    arrival: datetime
    letter_date: datetime
    changes: list[Change]
    department: Approval
    leader: Approval
    seal: str  # school | none | department
    fault: str | None
    contact: str
    phone: str
    reason: str
    suffix_style: bool  # certificates written as official titles (…职业技能等级证书)
    unchanged: list[tuple[Declaration, str]] = field(default_factory=list)  # rows that change nothing
    notes: list[str] = field(default_factory=list)
    applicant: str = ""  # the unit the document types (申请单位, title, 红头): another school's when copied
    letter_repeats: bool = False  # the letter also states the changes its annex tabulates

    def cert_written(self, change: Change) -> str:
        return change.written

    def truth(self) -> dict[str, object]:
        problems = [self.fault] if self.fault else []
        return {"seed": self.seed, "family": self.family, "school": self.school.name,
                "seal": self.seal != "none",
                "approvals": {"department": self.department.valid, "leader": self.leader.valid},
                "changes": [c.truth() for c in self.changes], "problems": sorted(problems)}


INKS = {"black": (28, 28, 32), "blue": (24, 52, 168), "blue-black": (22, 34, 86)}


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _approval(rng: random.Random, role: str, bad: bool) -> Approval:
    ink = INKS[rng.choice(["black", "blue", "blue", "blue-black"])]
    name = person(rng)
    if bad:
        how = rng.choice(["typed", "blank", "refuse", "read", "empty"])
        if how == "empty":  # the block left as printed: no opinion, no signature
            return Approval(role, "", True, "blank", name, ink)
        if how == "typed":
            return Approval(role, rng.choice(GOOD_OPINIONS), True, "typed", name, ink)
        if how == "blank":
            return Approval(role, rng.choice(GOOD_OPINIONS), True, "blank", name, ink)
        if how == "refuse":
            return Approval(role, rng.choice(REFUSALS), True, rng.choice(["hand", "cursive"]), name, ink)
        return Approval(role, "已阅", True, rng.choice(["hand", "cursive", "stamp"]), name, ink)
    sign = rng.choices(["hand", "cursive", "stamp"], [5, 3, 2])[0]
    return Approval(role, rng.choice(GOOD_OPINIONS), rng.random() < 0.85, sign, name, ink)


def _arrival(rng: random.Random, outside: bool) -> tuple[datetime, str]:
    if outside:
        kind = rng.choice(["late", "late", "utc_evening"])
        if kind == "late":
            return datetime(2024, 3, rng.randint(21, 26), rng.randint(8, 20), rng.randint(0, 59),
                            rng.randint(0, 59), tzinfo=SHANGHAI), "late"
        return datetime(2024, 3, 20, rng.randint(16, 20), rng.randint(0, 59), rng.randint(0, 59),
                        tzinfo=UTC), "utc-evening"
    return datetime(2024, 3, rng.randint(4, 19), rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59),
                    tzinfo=SHANGHAI), ""


def _other(rng: random.Random, choices, not_this):
    return rng.choice([c for c in choices if c != not_this])


def _headcount_target(rng: random.Random, decl: Declaration) -> int:
    while True:
        value = rng.choice([decl.headcount + rng.randint(-40, 60), rng.randrange(20, decl.enrolled + 1, 5)])
        if 10 <= value <= decl.enrolled and value != decl.headcount:
            return value


def _change(rng: random.Random, school: School, decl: Declaration, fld: str, suffix: bool,
            fault: str | None) -> Change:
    written = decl.certificate + ("职业技能等级证书" if suffix else "")
    if fld == "level":
        return Change(decl.certificate, written, decl.level, "level", decl.level,
                      _other(rng, LEVELS, decl.level), decl.application_id)
    if fld == "major":
        if fault == "major_not_offered":
            new = rng.choice(majors_not_offered(school))
        else:
            new = _other(rng, school.major_names, decl.major)
        coded = rng.random() < 0.45
        return Change(decl.certificate, written, decl.level, "major", decl.major, new, decl.application_id,
                      school.code_of(decl.major) if coded else "",
                      CATALOGUE[school.kind].get(new, "") if coded else "")
    new = decl.enrolled + rng.randint(5, 60) if fault == "exceeds_enrollment" else _headcount_target(rng, decl)
    return Change(decl.certificate, written, decl.level, "headcount", decl.headcount, new, decl.application_id)


def draw_plan(seed: int, index: int, family: str) -> Plan:
    rng = random.Random(f"inboxgen-{seed}-plan")
    school = rng.choice(SCHOOLS)
    fault = None if rng.random() < 0.6 else rng.choice(FAULTS)
    suffix = rng.random() < 0.3
    decls = declarations_of(school)
    rng.shuffle(decls)
    count = rng.choices([1, 2, 3], [4, 4, 2])[0]
    chosen = decls[:count]
    changes: list[Change] = []
    for position, decl in enumerate(chosen):
        fields = ["level", "major", "headcount"]
        weights = [2, 3, 5]
        if position == 0 and fault == "exceeds_enrollment":
            picked = ["headcount"]
        elif position == 0 and fault == "major_not_offered":
            picked = ["major"]
        else:
            picked = [rng.choices(fields, weights)[0]]
            if rng.random() < 0.2 and len(changes) + count - position < 4:
                picked.append(_other(rng, fields, picked[0]))
        for fld in sorted(picked, key=fields.index):
            changes.append(_change(rng, school, decl, fld, suffix, fault if position == 0 else None))
    if fault == "no_matching_application":
        cert = rng.choice(UNDECLARED)
        old = rng.randrange(30, 100, 5)
        changes.insert(rng.randint(0, len(changes)), Change(
            cert, cert + ("职业技能等级证书" if suffix else ""), rng.choice(["初级", "中级"]), "headcount", old,
            old + rng.choice([-20, -10, 10, 20, 30]), None))
    unchanged = [(d, rng.choice(["level", "major", "headcount"])) for d in decls[count:count + 1]
                 if rng.random() < 0.35]
    arrival, late = _arrival(rng, fault == "outside_window")
    letter_date = (arrival.astimezone(SHANGHAI) - timedelta(days=rng.choice([0, 0, 1, 2, 3]))).replace(
        hour=0, minute=0, second=0)
    unit = school.name if rng.random() < 0.7 else rng.choice(school.aliases)
    subject = f"{unit}+2024年证书申报调整申请"
    notes = []
    if fault == "subject_format":
        subject = rng.choice([f"{unit}+2024年1+X证书申报调整申请", f"{unit}+2024年证书申报调整申请（补充）",
                              f"{unit} +2024年证书申报调整申请", f"{unit}+2024年证书申报调整申请表"])
    if late:
        notes.append(f"arrival {late}")
    department = _approval(rng, "department", fault == "missing_department_approval")
    leader = _approval(rng, "leader", fault == "missing_leader_approval")
    seal = {"no_seal": "none", "seal_mismatch": "department"}.get(fault or "", "school")
    phone = rng.choice(["0517", "0512", "0516", "025", "0511", "0523", "0510", "0527", "0515"]) + \
        f"-{rng.randint(80000000, 89999999)}"
    for a in (department, leader):
        if not a.valid or a.sign == "stamp":
            what = "名章" if a.sign == "stamp" else "empty block" if not a.opinion else \
                f"{a.sign} signature" if a.sign in ("typed", "blank") else f"opinion {a.opinion}"
            notes.append(f"{a.role}: {what}")
    applicant = school.name
    if fault == "school_mismatch":  # a neighbour school's file reused, its name left in
        applicant = rng.choice([s.name for s in SCHOOLS if s.name != school.name])
        notes.append(f"document names {applicant}")
    elif rng.random() < 0.06:
        subject = rng.choice(["Fw: ", "转发：", "回复："]) + subject
    return Plan(seed, index, family, school, subject, arrival, letter_date, changes, department, leader, seal,
                fault, person(rng), phone, rng.choice(REASONS), suffix, unchanged, notes, applicant,
                rng.random() < 0.3)
