"""What one message states: school, changes, approval blocks, seal, subject, dates — and its exact truth."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from .registry import FOREIGN_MAJORS, UNDECLARED_POOL, Application, School, applications_of

SHANGHAI = timezone(timedelta(hours=8))
LEVELS = ("初级", "中级", "高级")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢钟姜崔谭陆范汪"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红玉兰峰斌婷雪梅琳晨宇浩凯鹏飞俊海燕蕾晓东文波"


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


@dataclass
class Change:
    certificate: str  # as the registry (or, undeclared, as written)
    level: str  # the level the document states for the certificate (for a level change: the old one)
    field: str  # headcount | level | major
    old: object
    new: object
    app: Application | None
    code_new: str = ""  # catalogue code written beside a new major, sometimes
    code_old: str = ""
    reason: str = ""

    def truth(self) -> dict:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.app.id if self.app else None}


@dataclass
class Block:
    """One approval block: who, what opinion (handwritten), how signed."""
    role: str  # dept | leader
    label: str
    opinion: str  # "" = left blank
    mark: str  # hand | stamp | typed | none
    name: str
    date: datetime

    @property
    def approves(self) -> bool:
        return self.opinion in AFFIRMATIVE and self.mark in ("hand", "stamp")


AFFIRMATIVE = ("同意", "同意调整。", "同意申请", "原则同意", "情况属实，同意调整", "已阅，同意", "同意上报", "拟同意")
REFUSALS = ("不同意", "暂不同意", "不予同意")
DEPT_LABELS = ("证书试点管理部门意见", "证书试点管理部门（教务处）意见", "教务处（1+X试点管理部门）意见",
               "试点管理部门意见")
LEADER_LABELS = ("校领导意见", "分管校领导意见", "学校意见", "校级分管领导意见")

REASONS = ("学生报名人数增加", "专业在校生数变化", "根据实际报名情况调整", "实训条件已具备", "部分学生转专业",
           "培训计划调整", "与证书标准对接更紧密", "考核站点安排变化")

DEFECTS = {  # defect → the one problem code SPEC §2 gives it
    "dept_unsigned": "missing_department_approval", "dept_typed": "missing_department_approval",
    "dept_refused": "missing_department_approval", "dept_read_only": "missing_department_approval",
    "dept_blank": "missing_department_approval",
    "leader_unsigned": "missing_leader_approval", "leader_typed": "missing_leader_approval",
    "leader_refused": "missing_leader_approval", "leader_blank": "missing_leader_approval",
    "no_seal": "no_seal", "dept_seal_only": "seal_mismatch",
    "undeclared_certificate": "no_matching_application", "exceeds_enrollment": "exceeds_enrollment",
    "major_not_offered": "major_not_offered", "subject_format": "subject_format", "outside_window": "outside_window",
}
DEFECT_WEIGHTS = {"dept_unsigned": 3, "dept_typed": 3, "dept_refused": 2, "dept_read_only": 1, "dept_blank": 1,
                  "leader_unsigned": 3, "leader_typed": 2, "leader_refused": 2, "leader_blank": 1, "no_seal": 4,
                  "dept_seal_only": 3, "undeclared_certificate": 3, "exceeds_enrollment": 3,
                  "major_not_offered": 3, "subject_format": 3, "outside_window": 3}


@dataclass
class Case:
    seed: int
    family: str
    school: School
    unit: str  # how the letter names the applying unit (name or alias)
    changes: list[Change]
    dept: Block
    leader: Block
    seal: str  # school | dept | none
    subject: str
    arrival: datetime
    doc_date: datetime
    defect: str | None
    contact: str
    phone: str
    capture: str = ""
    extras: dict = field(default_factory=dict)

    def truth(self) -> dict:
        problems = [DEFECTS[self.defect]] if self.defect else []
        return {"seal": self.seal != "none",
                "approvals": {"department": self.dept.approves, "leader": self.leader.approves},
                "changes": [c.truth() for c in self.changes], "problems": sorted(problems)}


def draw_changes(rng: random.Random, school: School, defect: str | None, only_headcount: bool = False) -> list[Change]:
    """One to three changes on distinct declarations; the defect, if about a change, bends the first."""
    apps = applications_of(school)
    n = rng.choices((1, 2, 3), weights=(5, 4, 2))[0]
    picked = rng.sample(apps, n)
    offered = [m for m in school.majors]
    out: list[Change] = []
    for k, app in enumerate(picked):
        kind = "headcount" if only_headcount else rng.choices(("headcount", "level", "major"), weights=(6, 2, 2))[0]
        if defect == "exceeds_enrollment" and k == 0:
            kind = "headcount"
        if defect == "major_not_offered" and k == 0:
            kind = "major"
        reason = rng.choice(REASONS)
        if kind == "headcount":
            if defect == "exceeds_enrollment" and k == 0:
                new = app.capacity + rng.choice((5, 10, 20, 30, 45))
            else:
                top = min(app.capacity, app.headcount + rng.choice((20, 40, 60, 100)))
                options = [v for v in range(max(10, app.headcount - 40), top + 1, 5) if v != app.headcount]
                new = rng.choice(options)
            out.append(Change(app.certificate, app.level, "headcount", app.headcount, new, app, reason=reason))
        elif kind == "level":
            taken = {a.level for a in apps if a.certificate == app.certificate}
            options = [lv for lv in LEVELS if lv not in taken]
            if not options:
                continue
            out.append(Change(app.certificate, app.level, "level", app.level, rng.choice(options), app,
                              reason=rng.choice(("学生基础较好，拟提高考核等级", "结合教学进度调整考核等级",
                                                 "学生已取得初级证书"))))
        else:
            if defect == "major_not_offered" and k == 0:
                name, code = rng.choice(FOREIGN_MAJORS)
            else:
                choices = [m for m in offered if m[0] != app.major]
                near = [m for m in choices if m[1][:2] == app.code[:2]]  # same 专业大类 first
                name, code = rng.choice(near if near and rng.random() < 0.85 else choices)
            out.append(Change(app.certificate, app.level, "major", app.major, name, app, code_new=code,
                              code_old=app.code, reason=rng.choice(("专业对接更紧密", "原专业学生已参加其他证书",
                                                                    "专业调整"))))
    if not out:
        app = picked[0]
        out.append(Change(app.certificate, app.level, "headcount", app.headcount, max(10, app.headcount - 10), app,
                          reason="根据报名情况调减"))
    if defect == "undeclared_certificate":
        cert = rng.choice(UNDECLARED_POOL)
        out[0] = Change(cert, rng.choice(("初级", "中级")), "headcount", rng.choice((40, 50, 60)),
                        rng.choice((70, 80, 90)), None, reason="新增试点需要")
    return out


def arrival_and_dates(rng: random.Random, outside: bool) -> tuple[datetime, datetime]:
    """(arrival instant, the date the letter bears), inside 3月1日—20日 unless `outside`."""
    if outside:
        if rng.random() < 0.7:
            arrival = datetime(2024, 3, 21, 0, 0, tzinfo=SHANGHAI) + timedelta(minutes=rng.randint(20, 60 * 24 * 6))
        else:
            arrival = datetime(2024, 2, 26, 8, 0, tzinfo=SHANGHAI) + timedelta(minutes=rng.randint(0, 60 * 24 * 3))
        doc = arrival - timedelta(days=rng.randint(0, 2))
    else:
        day = rng.randint(2, 19)
        arrival = datetime(2024, 3, day, rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59), tzinfo=SHANGHAI)
        doc = arrival - timedelta(days=rng.randint(0, min(3, day - 1)))
    return arrival, doc


def make_block(rng: random.Random, role: str, state: str, date: datetime) -> Block:
    """state: ok | unsigned | typed | refused | read_only | blank."""
    label = rng.choice(DEPT_LABELS if role == "dept" else LEADER_LABELS)
    opinion = {"refused": rng.choice(REFUSALS), "read_only": "已阅", "blank": ""}.get(state, rng.choice(AFFIRMATIVE))
    if state in ("unsigned", "blank"):
        mark = "none"
    elif state == "typed":
        mark = "typed"
    else:
        mark = "stamp" if rng.random() < 0.2 else "hand"
    return Block(role, label, opinion, mark, person(rng), date)


def subject_for(rng: random.Random, school: School, broken: bool) -> str:
    unit = school.name if not school.aliases or rng.random() < 0.75 else rng.choice(school.aliases)
    if not broken:
        plus = rng.choice(("+", "+", "＋", ""))
        prefix = rng.choice(("", "", "", "回复：", "Fw: "))
        return f"{prefix}{unit}{plus}2024年证书申报调整申请"
    return rng.choice((f"{unit}+2024年1+X证书申报调整申请", f"{unit} 2024年证书申报调整申请",
                       f"{unit}+2024年证书申报调整申请（补充）", f"{unit}＋2024年证书申报调整申请 (盖章版)",
                       f"{unit}+2024年证书申报调整申请表"))


def cn_date(d: datetime) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def hand_date(rng: random.Random, d: datetime) -> str:
    return rng.choice((f"{d.year}.{d.month}.{d.day}", f"{d.year}年{d.month}月{d.day}日", f"{d.month}月{d.day}日",
                       f"{d.year}.{d.month:02d}.{d.day:02d}", f"{d.year}-{d.month}-{d.day}"))
