"""What one request says — school, changes, approvals, seal, dates — and its truth per SPEC §2."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from tests.othergen.registry import (
    DECLARATIONS,
    GROUPS,
    MAJOR_CODES,
    SCHOOLS,
    Declaration,
    School,
    declarations_of,
)

LEVELS = ("初级", "中级", "高级")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方邹"
GIVEN = "建国志强海燕丽华永明晓东红梅文军春兰国庆秀英子涵宇航思远雪峰立新玉芳伟民卫东静怡嘉怡明辉晓峰"

POSITIVE = ("同意", "同意调整", "同意申请", "原则同意", "拟同意", "已阅，同意", "同意。", "同意上述调整",
            "情况属实，同意调整", "同意按调整后方案申报")
NEGATIVE = ("不同意", "不予同意", "暂不同意", "已阅", "不同意调整，按原申报执行", "暂不同意，请再论证")
REASONS = ("根据专业实际在校生人数", "结合实训条件和师资情况", "部分学生已参加同类证书考核", "专业招生计划调整",
           "考核站点容量调整", "学生报名意愿变化", "原申报时填报有误", "根据二级学院论证意见")


@dataclass
class Change:
    certificate: str  # as the registry names it (or as read when unlinked)
    level: str  # the level the document states for it (for a level change: `old`)
    field: str  # level | major | headcount
    old: str | int
    new: str | int
    application_id: str | None
    reason: str
    state_level: bool = True  # whether the document writes the level at all

    def truth(self) -> dict[str, object]:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.application_id}


@dataclass
class Approval:
    """One approver's block. `state`: ok | negative | typed (positive words, only a typed name) |
    unsigned (positive words, nothing in the signature place) | absent (no block at all)."""
    state: str
    opinion: str
    person: str
    sign: str  # scribble | esign | stamp
    ink: str
    day: int
    date_style: str  # typed | hand-full | hand-dots | hand-short

    @property
    def approved(self) -> bool:
        return self.state == "ok"

    @property
    def has_opinion(self) -> bool:
        return self.state != "absent"

    @property
    def signed(self) -> bool:
        return self.state in ("ok", "negative")


@dataclass
class Plan:
    seed: int
    index: int
    family: str
    school: School
    unit_written: str  # how the document names the applying unit (name or alias)
    subject: str
    changes: list[Change]
    department: Approval
    leader: Approval
    seal: str  # round | faint | partial | none | stamp-only (名章 only, no official seal)
    day: int  # the document's date, day of March 2024 (or of February when early)
    month: int
    arrival_shift: str  # inside | late | early
    contact: str
    phone: str
    defects: list[str] = field(default_factory=list)

    @property
    def has_seal(self) -> bool:
        return self.seal in ("round", "faint", "partial")

    def problems(self) -> list[str]:
        found = set()
        if self.arrival_shift != "inside":
            found.add("outside_window")
        if not self.has_seal:
            found.add("no_seal")
        if not self.department.approved:
            found.add("missing_department_approval")
        if not self.leader.approved:
            found.add("missing_leader_approval")
        if not self.changes:
            found.add("no_changes_found")
        by_id = {d.application_id: d for d in DECLARATIONS}
        for change in self.changes:
            if change.application_id is None:
                found.add("no_matching_application")
                continue
            if change.field == "headcount" and int(change.new) > by_id[change.application_id].capacity:
                found.add("exceeds_enrollment")
            if change.field == "major" and change.new not in self.school.majors:
                found.add("major_not_offered")
        return sorted(found)

    def truth(self) -> dict[str, object]:
        return {"seed": self.seed, "family": self.family, "school": self.school.name, "seal": self.has_seal,
                "approvals": {"department": self.department.approved, "leader": self.leader.approved},
                "changes": [c.truth() for c in self.changes], "problems": self.problems(),
                "defects": self.defects}

    @property
    def doc_date(self) -> date:
        return date(2024, self.month, self.day)


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2, 2))))


def _headcount_change(rng: random.Random, d: Declaration, exceed: bool) -> Change:
    if exceed:
        new = d.capacity + rng.choice((5, 10, 15, 20, 30))
    elif rng.random() < 0.8 and d.headcount + 5 <= d.capacity:
        new = min(d.capacity, d.headcount + rng.choice((5, 10, 15, 20, 25, 30, 40)))
    else:
        new = max(5, d.headcount - rng.choice((5, 10, 15, 20)))
    return Change(d.certificate, d.level, "headcount", d.headcount, new, d.application_id, rng.choice(REASONS))


def draw_changes(rng: random.Random, school: School, fields: tuple[str, ...], defects: list[str]) -> list[Change]:
    decls = declarations_of(school)
    count = rng.choice((1, 1, 2, 2, 2, 3, 3, 4))
    picked = rng.sample(decls, min(count, len(decls)))
    changes: list[Change] = []
    for d in picked:
        kind = rng.choice(fields)
        if kind == "level":
            taken = {x.level for x in decls if x.certificate == d.certificate}
            options = [lv for lv in LEVELS if lv not in taken]
            if school.kind == "中职":
                options = [lv for lv in options if lv != "高级"]
            if not options:
                kind = "headcount"
            else:
                new = rng.choice(options)
                changes.append(Change(d.certificate, d.level, "level", d.level, new, d.application_id,
                                      rng.choice(REASONS)))
                continue
        if kind == "major":
            spare = rng.random() < 0.12
            if spare:
                defects.append("major_not_offered")
            options = list(school.spare_majors if spare else [m for m in school.majors if m != d.major])
            new = rng.choice(options)
            changes.append(Change(d.certificate, d.level, "major", d.major, new, d.application_id,
                                  rng.choice(REASONS)))
            continue
        exceed = rng.random() < 0.08
        if exceed:
            defects.append("exceeds_enrollment")
        changes.append(_headcount_change(rng, d, exceed))
    if rng.random() < 0.07:  # a certificate the school never declared: nothing to link to
        declared = {d.certificate for d in decls}
        cert = rng.choice(sorted(set(GROUPS) - declared))
        level = rng.choice(("初级", "中级"))
        old = rng.choice((30, 40, 50))
        changes.append(Change(cert, level, "headcount", old, old + rng.choice((10, 20)), None,
                              rng.choice(REASONS)))
        defects.append("no_matching_application")
    for change in changes:  # a level may go unwritten only where the certificate alone finds the declaration
        same = [d for d in decls if d.certificate == change.certificate]
        change.state_level = change.field == "level" or len(same) != 1 or rng.random() < 0.75
    return changes


def _approval(rng: random.Random, day: int, allow_absent: bool = True) -> Approval:
    roll = rng.random()
    state = "ok"
    if roll < 0.07:
        state = "negative"
    elif roll < 0.12:
        state = "typed"
    elif roll < 0.16:
        state = "unsigned"
    elif roll < 0.19 and allow_absent:
        state = "absent"
    opinion = rng.choice(NEGATIVE if state == "negative" else POSITIVE)
    sign = rng.choices(("scribble", "esign", "stamp"), (0.7, 0.15, 0.15))[0]
    return Approval(state, opinion, person(rng), sign, rng.choice(("black", "blue", "blue-black", "black")),
                    max(1, day - rng.choice((0, 0, 1, 2))),
                    rng.choice(("typed", "hand-full", "hand-dots", "hand-short")))


def draw_plan(seed: int, index: int, family: str, fields: tuple[str, ...] = ("headcount", "headcount", "level",
                                                                            "major")) -> Plan:
    rng = random.Random(f"othergen-{seed}-plan")
    school = rng.choice(SCHOOLS)
    defects: list[str] = []
    changes = draw_changes(rng, school, fields, defects)
    day = rng.randint(2, 19)
    month = 3
    shift = rng.choices(("inside", "late", "early"), (0.9, 0.06, 0.04))[0]
    if shift == "late":
        day = rng.choice((19, 20, 20))
    elif shift == "early":
        month, day = 2, rng.choice((27, 28, 29))
    if shift != "inside":
        defects.append(f"arrival {shift}")
    department, leader = _approval(rng, day), _approval(rng, day)
    for role, a in (("department", department), ("leader", leader)):
        if a.state != "ok":
            defects.append(f"{role} {a.state}")
    seal = rng.choices(("round", "faint", "partial", "none", "stamp-only"), (0.7, 0.08, 0.08, 0.07, 0.07))[0]
    if seal in ("none", "stamp-only"):
        defects.append(f"seal {seal}")
    unit = school.name if rng.random() < 0.85 else rng.choice(school.aliases)
    subject_unit = school.name if rng.random() < 0.9 else school.aliases[0]
    subject = rng.choice((f"{subject_unit}+2024年证书申报调整申请", f"{subject_unit}＋2024年证书申报调整申请",
                          f"{subject_unit}2024年证书申报调整申请", f"{subject_unit}+2024年证书申报调整申请"))
    contact = person(rng)
    phone = f"1{rng.choice('35789')}{rng.randrange(10 ** 8, 10 ** 9)}"
    return Plan(seed, index, family, school, unit, subject, changes, department, leader, seal, day, month,
                shift, contact, phone, defects)


# ---- how schools write things -------------------------------------------------------------------------

FIELD_WORDS = {"level": ("考核等级", "等级", "考核等级调整"), "major": ("考核专业", "试点专业", "专业"),
               "headcount": ("人数规模", "试点人数", "申报人数")}


def field_word(rng: random.Random, change: Change) -> str:
    return rng.choice(FIELD_WORDS[change.field])


def cert_written(rng: random.Random, change: Change, with_level: bool | None = None) -> str:
    """A certificate as a school writes it, with its level unless told not to."""
    name = change.certificate
    style = rng.random()
    if style < 0.15:
        name = f"{name}职业技能等级证书"
    elif style < 0.3:
        name = f"{name}证书"
    with_level = change.state_level if with_level is None else with_level
    return f"{name}（{change.level}）" if with_level else name


def major_written(rng: random.Random, major: str) -> str:
    return f"{MAJOR_CODES[major]} {major}" if rng.random() < 0.3 else major


def value_written(rng: random.Random, change: Change, value: str | int) -> str:
    if change.field == "headcount":
        return f"{value}人" if rng.random() < 0.6 else str(value)
    if change.field == "major":
        return major_written(rng, str(value))
    return str(value)


def level_short(level: str) -> str:
    return level[0]


def sentence(rng: random.Random, change: Change) -> str:
    """One change as prose, in one of several ways schools put it."""
    cert = cert_written(rng, change)
    old, new = value_written(rng, change, change.old), value_written(rng, change, change.new)
    word = field_word(rng, change)
    forms = [f"将“{cert}”{word}由{old}调整为{new}", f"“{cert}”的{word}从{old}调整至{new}",
             f"{cert}{word}原申报为{old}，现申请调整为{new}", f"拟将{cert}的{word}由原来的{old}变更为{new}"]
    if change.field == "headcount":
        forms.append(f"{cert}试点人数由{old}调增至{new}" if int(change.new) > int(change.old)
                     else f"{cert}试点人数由{old}调减为{new}")
    return rng.choice(forms)
