"""What one deskgen message says, before any drawing: the school, the subject, the arrival instant, the
changes, the state of each approval block and of the seal — and the truth and SPEC §2 problems that
follow from them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from tests.deskgen.registry import (
    SCHOOLS,
    UNDECLARED,
    Declaration,
    School,
    declarations_of,
    major_code,
)

SHANGHAI = timezone(timedelta(hours=8))
WINDOW = (datetime(2024, 3, 1, tzinfo=SHANGHAI), datetime(2024, 3, 20, 23, 59, 59, tzinfo=SHANGHAI))
LEVELS = ("初级", "中级", "高级")

FIELD_NAMES = {"level": "考核等级", "major": "考核专业", "headcount": "人数规模"}

# approval block states; only "ok" is an approval
APPROVAL_STATES = ("ok", "negative", "typed", "unsigned", "absent", "yiyue")

AFFIRMATIVE = ("同意", "同意。", "同意调整", "同意申请", "情况属实，同意调整", "原则同意", "同意上报", "同意，请省1+X办审批",
               "拟同意", "已阅，同意")
NEGATIVE = ("不同意", "暂不同意", "不同意调整", "不予同意")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁沈姜范"
GIVEN = ("建国", "志强", "海燕", "晓峰", "秀英", "立新", "卫东", "红梅", "文华", "永刚", "丽娟", "俊", "敏", "静",
         "国平", "春华", "学军", "玉兰", "振宇", "雪芳", "明", "伟", "宏伟", "小红", "亚军", "德荣")


@dataclass
class Change:
    certificate: str  # registry name when linked, else the name as written
    field: str  # level | major | headcount
    old: str | int
    new: str | int
    level: str  # the declaration's level (for a level change, `old`)
    application_id: str | None
    level_stated: bool = True
    old_code: str = ""
    new_code: str = ""

    def truth(self) -> dict[str, object]:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.application_id}


@dataclass
class Approval:
    role: str  # department | leader
    state: str
    opinion: str  # what stands in the opinion space ("" when none)
    signer: str
    sign_mode: str  # hand | stamp (名章) | typed | none
    date: datetime

    @property
    def approved(self) -> bool:
        return self.state == "ok"


@dataclass
class Plan:
    seed: int
    index: int
    family: str
    school: School
    unit: str  # how the subject names the school
    doc_unit: str  # how the document's 申请单位 line names it
    subject: str
    subject_ok: bool
    arrival: datetime
    changes: list[Change]
    department: Approval
    leader: Approval
    seal: str  # round | oval | faint | partial | rotated | none
    letter_date: datetime
    contact: str
    phone: str
    defects: list[str] = field(default_factory=list)

    @property
    def has_seal(self) -> bool:
        return self.seal != "none"

    def problems(self) -> list[str]:
        out = set()
        if not self.subject_ok:
            out.add("subject_format")
        if not WINDOW[0] <= self.arrival <= WINDOW[1]:
            out.add("outside_window")
        if not self.has_seal:
            out.add("no_seal")
        if not self.department.approved:
            out.add("missing_department_approval")
        if not self.leader.approved:
            out.add("missing_leader_approval")
        by_id = {d.application_id: d for d in declarations_of(self.school)}
        for change in self.changes:
            if change.application_id is None:
                out.add("no_matching_application")
                continue
            if change.field == "headcount" and int(change.new) > by_id[change.application_id].enrolled:
                out.add("exceeds_enrollment")
            if change.field == "major" and change.new not in self.school.major_names:
                out.add("major_not_offered")
        return sorted(out)

    def truth(self) -> dict[str, object]:
        return {"seed": self.seed, "family": self.family, "school": self.school.name, "seal": self.has_seal,
                "approvals": {"department": self.department.approved, "leader": self.leader.approved},
                "changes": [c.truth() for c in self.changes], "problems": self.problems(),
                "defects": self.defects}


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _headcount_change(rng: random.Random, d: Declaration, exceed: bool) -> Change:
    if exceed:
        new = d.enrolled + rng.choice((5, 10, 20, 30, 50))
    else:
        choices = [v for v in range(max(10, d.headcount - 60), min(d.enrolled, d.headcount + 80) + 1, 5)
                   if v != d.headcount]
        new = rng.choice(choices)
    return Change(d.certificate, "headcount", d.headcount, new, d.level, d.application_id)


def _major_change(rng: random.Random, school: School, d: Declaration, unoffered: bool) -> Change:
    if unoffered:
        from tests.deskgen.registry import _HIGHER, _SECONDARY  # the catalogue of the school's level

        table = _SECONDARY if school.kind == "中职" else _HIGHER
        name = rng.choice(sorted(n for n in table if n not in school.major_names))
        code = table[name]
    else:
        code, name = rng.choice([m for m in school.majors if m[1] != d.major])
    return Change(d.certificate, "major", d.major, name, d.level, d.application_id, old_code=d.major_code,
                  new_code=code)


def _level_change(rng: random.Random, d: Declaration) -> Change:
    new = rng.choice([lv for lv in LEVELS if lv != d.level and (lv != "高级" or rng.random() < 0.3)] or ["中级"])
    return Change(d.certificate, "level", d.level, new, d.level, d.application_id)


def _unmatched_change(rng: random.Random, school: School) -> Change:
    declared = declarations_of(school)
    if rng.random() < 0.5:
        certificate, level = rng.choice(UNDECLARED), rng.choice(("初级", "中级"))
    else:  # a declared certificate at a level the school never declared
        d = rng.choice(declared)
        levels = {x.level for x in declared if x.certificate == d.certificate}
        certificate, level = d.certificate, next(lv for lv in LEVELS if lv not in levels)
    old = rng.choice((30, 40, 50, 60))
    new = old + rng.choice((-20, -10, 10, 20, 30))
    return Change(certificate, "headcount", old, new, level, None)


def _approval(rng: random.Random, role: str, state: str, letter_date: datetime) -> Approval:
    signer = person(rng)
    date = letter_date - timedelta(days=rng.choice((0, 0, 0, 1, 2)))
    if state == "ok":
        return Approval(role, state, rng.choice(AFFIRMATIVE), signer,
                        "stamp" if rng.random() < 0.15 else "hand", date)
    if state == "negative":
        return Approval(role, state, rng.choice(NEGATIVE), signer, "hand", date)
    if state == "typed":
        return Approval(role, state, rng.choice(AFFIRMATIVE[:4]), signer, "typed", date)
    if state == "unsigned":
        return Approval(role, state, rng.choice(AFFIRMATIVE[:4]), signer, "none", date)
    if state == "yiyue":
        return Approval(role, state, "已阅", signer, "hand", date)
    return Approval(role, "absent", "", signer, "none", date)


DEFECTS = ("no_seal", "department", "leader", "exceeds", "unoffered", "unmatched", "outside", "subject")
DEFECT_WEIGHTS = (3, 4, 4, 2, 2, 2, 2, 2)


def _subject(rng: random.Random, unit: str, bad: bool) -> str:
    if bad:
        return rng.choice((f"{unit} +2024年证书申报调整申请", f"{unit}+2024年1+X证书申报调整申请",
                           f"{unit}+2024年证书申报调整申请（补充）", f"{unit}2024年度证书申报调整申请",
                           f"{unit}+2024年证书申报调整"))
    core = rng.choice((f"{unit}+2024年证书申报调整申请",) * 6 + (f"{unit}＋2024年证书申报调整申请",
                      f"{unit}2024年证书申报调整申请", f"【{unit}】2024年证书申报调整申请"))
    prefix = rng.choice(("",) * 8 + ("转发：", "Fw: ", "Fwd: "))
    return prefix + core


def draw_plan(seed: int, index: int, family: str, max_changes: int = 3,
              fields: tuple[str, ...] = ("headcount", "headcount", "major", "level")) -> Plan:
    """Everything about message `index` that truth depends on, drawn from its seed alone."""
    rng = random.Random(seed)
    school = rng.choice(SCHOOLS)
    defects: list[str] = []
    if rng.random() >= 0.67:
        defects.append(rng.choices(DEFECTS, DEFECT_WEIGHTS)[0])
        if rng.random() < 0.18:
            second = rng.choices(DEFECTS, DEFECT_WEIGHTS)[0]
            if second not in defects:
                defects.append(second)
    unit = school.name if rng.random() < 0.8 else rng.choice(school.aliases)
    doc_unit = school.name if rng.random() < 0.85 else rng.choice(school.aliases)
    subject_bad = "subject" in defects
    subject = _subject(rng, unit, subject_bad)

    # arrival: inside the window, or just outside it when drawn so
    if "outside" in defects:
        arrival = rng.choice((datetime(2024, 3, 21, 8, 0, tzinfo=SHANGHAI) + timedelta(minutes=rng.randrange(0, 4 * 1440)),
                              datetime(2024, 2, 27, 9, 0, tzinfo=SHANGHAI) + timedelta(minutes=rng.randrange(0, 2 * 1440)),
                              datetime(2024, 3, 21, 0, 0, 30, tzinfo=SHANGHAI) + timedelta(minutes=rng.randrange(0, 50))))
    else:
        day = rng.randrange(0, 20)
        arrival = datetime(2024, 3, 1, 7, 30, tzinfo=SHANGHAI) + timedelta(days=day, minutes=rng.randrange(0, 15 * 60))
        if day == 19 and rng.random() < 0.4:
            arrival = datetime(2024, 3, 20, 23, 5, tzinfo=SHANGHAI) + timedelta(minutes=rng.randrange(0, 50))
    letter_date = min(arrival, WINDOW[1]).replace(hour=0, minute=0, second=0) - timedelta(days=rng.choice((0, 1, 1, 2, 3)))
    if letter_date < WINDOW[0]:
        letter_date = WINDOW[0] if arrival >= WINDOW[0] else arrival.replace(hour=0, minute=0)

    # changes
    declared = declarations_of(school)
    count = rng.choice([1, 1, 2, 2, 2, 3][: 3 + 3 * (max_changes > 1)]) if max_changes > 1 else 1
    count = min(count, max_changes)
    changes: list[Change] = []
    used: set[tuple[str, str]] = set()
    special = [d for d in defects if d in ("exceeds", "unoffered", "unmatched")]
    for i in range(count + 6):
        if len(changes) >= count:
            break
        kind = special[0] if special and i == 0 else rng.choice(fields)
        if kind == "unmatched":
            changes.append(_unmatched_change(rng, school))
            continue
        d = rng.choice(declared)
        field_name = {"exceeds": "headcount", "unoffered": "major"}.get(kind, kind)
        if (d.application_id, field_name) in used or any(
                (d.application_id, f) in used for f in ("level",)) or (
                field_name == "level" and any(key[0] == d.application_id for key in used)):
            continue
        used.add((d.application_id, field_name))
        if field_name == "headcount":
            changes.append(_headcount_change(rng, d, kind == "exceeds"))
        elif field_name == "major":
            if kind != "unoffered" and len(school.majors) < 2:
                continue
            changes.append(_major_change(rng, school, d, kind == "unoffered"))
        else:
            changes.append(_level_change(rng, d))
    if len(special) > 1:  # a second special defect: one more change of that kind
        kind = special[1]
        d = rng.choice(declared)
        if kind == "unmatched":
            changes.append(_unmatched_change(rng, school))
        elif (d.application_id, "headcount" if kind == "exceeds" else "major") not in used and \
                (d.application_id, "level") not in used:
            changes.append(_headcount_change(rng, d, True) if kind == "exceeds" else _major_change(rng, school, d, True))
    for change in changes:
        siblings = [d for d in declared if d.certificate == change.certificate]
        change.level_stated = change.field == "level" or change.application_id is None or len(siblings) > 1 \
            or rng.random() < 0.75
        if change.field == "major" and not change.new_code:
            change.new_code = major_code(school, str(change.new))

    def state(role: str) -> str:
        if role in defects:
            return rng.choice(("negative", "typed", "unsigned", "absent", "yiyue", "negative", "unsigned"))
        return "ok"

    department = _approval(rng, "department", state("department"), letter_date)
    leader = _approval(rng, "leader", state("leader"), letter_date)
    seal = "none" if "no_seal" in defects else rng.choice(("round",) * 6 + ("faint", "partial", "rotated", "oval"))
    return Plan(seed, index, family, school, unit, doc_unit, subject, not subject_bad, arrival, changes, department,
                leader, seal, letter_date, person(rng), _phone(rng, school), defects)


def _phone(rng: random.Random, school: School) -> str:
    if rng.random() < 0.5:
        return f"1{rng.choice('3589')}{rng.randrange(10**8, 10**9)}"
    area = {"南京市": "025", "苏州市": "0512", "无锡市": "0510", "常州市": "0519", "南通市": "0513", "扬州市": "0514",
            "淮安市": "0517", "盐城市": "0515", "连云港市": "0518", "宿迁市": "0527"}[school.city]
    return f"{area}-{rng.randrange(8000000, 89999999)}"
