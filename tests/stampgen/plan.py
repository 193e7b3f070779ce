"""What one stampgen message says (school, changes, approvals, seal, defect) and the truth it implies."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

from .data import FOREIGN_MAJORS, GROUP, SCHOOLS, Declaration, School, declarations_of

SHANGHAI = timezone(timedelta(hours=8))
LEVELS = ("初级", "中级", "高级")

DEFECTS = ("dept_unsigned", "refuses", "typed_name", "no_seal", "dept_seal_only", "undeclared",
           "exceeds", "major_not_offered", "subject", "late")
PROBLEM = {"dept_unsigned": "missing_department_approval", "no_seal": "no_seal", "dept_seal_only": "seal_mismatch",
           "undeclared": "no_matching_application", "exceeds": "exceeds_enrollment",
           "major_not_offered": "major_not_offered", "subject": "subject_format", "late": "outside_window"}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱马胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红玉兰文斌波宁海燕鹏飞晓雪梅琳晨东亮春"

DEPT_YES = ("同意调整。", "同意。", "情况属实，同意调整。", "同意申请。", "原则同意。", "经核实，同意上述调整。",
            "已阅，同意。", "同意按上述内容调整。")
LEAD_YES = ("同意。", "同意调整。", "同意上报。", "同意，请按程序报省1+X办公室。", "原则同意。", "拟同意。")
NO = ("不同意。", "暂不同意调整。", "不予同意。", "不同意调整。")
REASONS = {"headcount": ("根据在校生实际报名情况调整", "部分学生已取得同类证书", "新生分班后人数变化",
                         "专业在校生人数核减", "学生报考意愿增加"),
           "level": ("学生已取得初级证书，申报中级", "与人才培养方案课程进度衔接", "根据教学进度调整"),
           "major": ("该证书与该专业课程更匹配", "原专业学生已参加其他证书试点", "专业调整后对口")}


@dataclass
class Approval:
    role: str  # department | leader
    opinion: str
    agrees: bool
    sign: str  # hand | namestamp | sigstamp | typed | none
    name: str
    day: date
    ink: str

    @property
    def ok(self) -> bool:
        return self.agrees and self.sign in ("hand", "namestamp", "sigstamp")


@dataclass
class Change:
    cert: str  # registry name (or the name as written when undeclared)
    level: str
    field: str  # headcount | level | major
    frm: str | int
    to: str | int
    app_id: str | None
    reason: str
    wrong: str | int | None = None  # crossed_out_correction: the struck value

    def truth(self) -> dict:
        return {"certificate": self.cert, "field": self.field, "from": self.frm, "to": self.to,
                "application_id": self.app_id}


@dataclass
class Plan:
    seed: int
    family: str
    school: School
    changes: list[Change]
    dept: Approval
    leader: Approval
    seal: str  # school | dept | none
    extra_dept_seal: bool
    defect: str | None
    subject: str
    arrival: datetime
    doc_day: date
    contact: str
    phone: str
    problems: list[str] = field(default_factory=list)


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _round_to(value: int, step: int) -> int:
    return max(step, int(round(value / step)) * step)


def _changes(rng: random.Random, school: School, defect: str | None) -> list[Change]:
    decls = declarations_of(school)
    k = rng.choice((1, 1, 2, 2, 3))
    picked: list[Declaration] = rng.sample(decls, k)
    out: list[Change] = []
    for i, d in enumerate(picked):
        fieldname = rng.choice(("headcount", "headcount", "headcount", "level", "major"))
        if defect == "exceeds" and i == 0:
            fieldname = "headcount"
        if defect == "major_not_offered" and i == 0:
            fieldname = "major"
        if fieldname == "headcount":
            if defect == "exceeds" and i == 0:
                to = d.capacity + rng.choice((10, 20, 30, 40, 60))
            else:
                room = d.capacity - d.headcount
                if room >= 10 and rng.random() < 0.65:
                    to = d.headcount + _round_to(rng.randint(10, room), 5 if room < 40 else 10)
                    to = min(to, d.capacity)
                else:
                    to = max(10, d.headcount - _round_to(rng.randint(10, max(10, d.headcount // 2)), 5))
            if to == d.headcount:
                to = d.headcount - 10
            out.append(Change(d.cert, d.level, "headcount", d.headcount, to, d.app_id,
                              rng.choice(REASONS["headcount"])))
        elif fieldname == "level":
            other = [lv for lv in LEVELS if lv != d.level and (d.cert, lv) not in {(x.cert, x.level) for x in decls}]
            out.append(Change(d.cert, d.level, "level", d.level, rng.choice(other), d.app_id,
                              rng.choice(REASONS["level"])))
        else:
            if defect == "major_not_offered" and i == 0:
                to = rng.choice(FOREIGN_MAJORS)
            else:
                to = rng.choice([m for m in school.majors if m != d.major])
            out.append(Change(d.cert, d.level, "major", d.major, to, d.app_id, rng.choice(REASONS["major"])))
    if defect == "undeclared":
        declared = {d.cert for d in decls}
        cert = rng.choice(sorted(c for c in GROUP if c not in declared))
        frm = rng.choice((40, 50, 60))
        out.insert(rng.randrange(len(out) + 1),
                   Change(cert, rng.choice(("初级", "中级")), "headcount", frm, frm + rng.choice((20, 30, 40)),
                          None, "根据学生报考意愿调整"))
    return out


def make_plan(seed: int, family: str) -> Plan:
    rng = random.Random(f"stampgen-{seed}")
    school = rng.choice(SCHOOLS)
    defect = rng.choice(DEFECTS) if rng.random() < 0.3 else None
    changes = _changes(rng, school, defect)
    if defect == "late":
        arrival = rng.choice((datetime(2024, 3, 21, rng.randint(8, 17), rng.randint(0, 59), tzinfo=SHANGHAI),
                              datetime(2024, 3, 20, 16, rng.randint(5, 59), tzinfo=UTC),
                              datetime(2024, 3, 22, rng.randint(8, 11), rng.randint(0, 59), tzinfo=SHANGHAI)))
    else:
        day = rng.randint(2, 20)
        arrival = datetime(2024, 3, day, rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59),
                           tzinfo=SHANGHAI)
        if rng.random() < 0.25:
            arrival = arrival.astimezone(UTC)
    local = arrival.astimezone(SHANGHAI).date()
    doc_day = max(date(2024, 3, 1), local - timedelta(days=rng.choice((0, 0, 1, 2))))
    if defect == "late":
        doc_day = date(2024, 3, rng.choice((19, 20)))
    ink = rng.choice(("blue", "black", "blue-black"))

    def approval(role: str) -> Approval:
        yes = DEPT_YES if role == "department" else LEAD_YES
        sign = "namestamp" if rng.random() < 0.18 else "hand"
        if family == "date_stamp_and_stamped_name":
            sign = "sigstamp"
        day = doc_day - timedelta(days=rng.choice((0, 0, 1)))
        return Approval(role, rng.choice(yes), True, sign, person(rng), max(date(2024, 3, 1), day),
                        ink if rng.random() < 0.7 else rng.choice(("blue", "black", "blue-black")))

    dept, leader = approval("department"), approval("leader")
    problems: list[str] = []
    if defect == "dept_unsigned":
        dept.sign = "none"
    elif defect == "refuses":
        target = leader if rng.random() < 0.7 else dept
        target.opinion, target.agrees = rng.choice(NO), False
        problems.append("missing_leader_approval" if target is leader else "missing_department_approval")
    elif defect == "typed_name":
        target = leader if rng.random() < 0.6 else dept
        target.sign = "typed"
        problems.append("missing_leader_approval" if target is leader else "missing_department_approval")
    if defect in PROBLEM:
        problems.append(PROBLEM[defect])
    seal = {"no_seal": "none", "dept_seal_only": "dept"}.get(defect or "", "school")
    name = school.alias if rng.random() < 0.2 else school.name
    if defect == "subject":
        subject = rng.choice((f"{name}+2024年1+X证书申报调整申请", f"{name} 2024年证书申报调整申请",
                              f"{name}+2024年证书申报调整申请（补充）", f"{name}＋2024年证书申报调整申请表"))
    else:
        subject = rng.choice((f"{name}+2024年证书申报调整申请", f"{name}+2024年证书申报调整申请",
                              f"{name}＋2024年证书申报调整申请", f"{name}2024年证书申报调整申请"))
    return Plan(seed, family, school, changes, dept, leader, seal,
                seal == "school" and rng.random() < 0.15, defect, subject, arrival, doc_day, person(rng),
                f"{rng.choice(('0517', '0519', '0514', '0512', '025', '0516', '0510'))}-{rng.randint(80000000, 89999999)}",
                sorted(set(problems)))


def truth(plan: Plan, file: str, message_id: str, capture: str) -> dict:
    return {"file": file, "message_id": message_id, "seed": plan.seed, "family": plan.family,
            "seal": plan.seal != "none", "approvals": {"department": plan.dept.ok, "leader": plan.leader.ok},
            "changes": [c.truth() for c in plan.changes], "problems": plan.problems, "capture": capture}
