"""What a message states, drawn from its seed: the school, the changes, the two approval blocks, the seal, the
subject and the arrival, and the truth (SPEC §2) that follows from them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

from tests.plaingen.registry import (
    APPLICATIONS,
    FOREIGN_MAJORS,
    SCHOOLS,
    UNDECLARED_POOL,
    Application,
    School,
    applications_of,
)

SHANGHAI = timezone(timedelta(hours=8))
LEVELS = ("初级", "中级", "高级")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯健俊峰晨瑞欣雪琳晓燕云飞鹏海波宁立新春兰梅志国庆荣东亮林颖婷慧"

DEPT_OK = ("同意。", "同意调整。", "情况属实，同意调整。", "同意按调整后内容申报。", "同意上报。", "原则同意。",
           "同意申请。", "已阅，同意。")
LEADER_OK = ("同意。", "同意调整。", "同意上报。", "情况属实，同意调整。", "同意按调整后内容申报。", "原则同意。",
             "同意，请省1+X办公室审核。")
REFUSED = ("不同意。", "暂不同意调整。", "不予同意。", "不同意调整。")
READ_ONLY = ("已阅。", "已阅")

REASONS = ("根据本学期学生选课及报名情况", "因部分专业2023级学生分流", "因专业人才培养方案调整",
           "经与证书评价组织沟通，结合实训条件", "根据各二级学院报名摸底情况", "因考核安排与教学进度冲突")


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


@dataclass
class Block:
    role: str  # dept | leader
    opinion: str  # what is written in the opinion (empty when left blank)
    sign: str  # hand | stamp | typed | none
    name: str
    day: date
    date_style: str  # hand | typed | none
    ink: str
    opinion_hand: bool

    @property
    def ok(self) -> bool:
        return self.opinion in DEPT_OK + LEADER_OK and self.sign in ("hand", "stamp")


@dataclass
class Change:
    certificate: str
    level: str  # the level the document states for the declaration (for a level change, the old level)
    field: str  # headcount | major | level
    frm: object
    to: object
    app: Application | None
    major: str  # the declaration's current major (as the document shows it)

    def truth(self) -> dict:
        return {"certificate": self.certificate, "field": self.field, "from": self.frm, "to": self.to,
                "application_id": self.app.id if self.app else None}


@dataclass
class Case:
    seed: int
    family: str
    school: School
    unit: str
    defect: str | None
    changes: list[Change]
    untouched: list[Application]  # declarations shown as 不调整 / unchanged rows
    dept: Block
    leader: Block
    seal: str  # school | oval | dept | none
    subject: str
    arrival: datetime
    doc_date: date
    contact: str
    phone: str
    reason: str
    capture: str = ""
    extras: dict = field(default_factory=dict)

    def problems(self) -> list[str]:
        out = {
            "dept_refused": "missing_department_approval", "dept_read_only": "missing_department_approval",
            "dept_typed": "missing_department_approval", "dept_unsigned": "missing_department_approval",
            "dept_blank": "missing_department_approval",
            "leader_refused": "missing_leader_approval", "leader_typed": "missing_leader_approval",
            "leader_unsigned": "missing_leader_approval", "leader_blank": "missing_leader_approval",
            "no_seal": "no_seal", "department_seal": "seal_mismatch", "subject_format": "subject_format",
            "outside_window": "outside_window", "undeclared_certificate": "no_matching_application",
            "exceeds_enrollment": "exceeds_enrollment", "major_not_offered": "major_not_offered",
        }
        return [out[self.defect]] if self.defect else []

    def truth(self) -> dict:
        return {"seal": self.seal != "none",
                "approvals": {"department": self.dept.ok, "leader": self.leader.ok},
                "changes": [c.truth() for c in self.changes], "problems": self.problems()}


def _round_to(n: int, step: int) -> int:
    return max(step, int(round(n / step)) * step)


def _new_headcount(rng: random.Random, app: Application) -> int:
    for _ in range(50):
        if rng.random() < 0.6:
            to = app.headcount + rng.choice((5, 10, 10, 15, 20, 20, 30, 40))
        else:
            to = app.headcount - rng.choice((5, 10, 10, 15, 20))
        to = _round_to(to, 5)
        if 10 <= to <= app.capacity and to != app.headcount:
            return to
    return max(10, app.headcount - 10)


def draw_changes(rng: random.Random, school: School, defect: str | None, family: str
                 ) -> tuple[list[Change], list[Application]]:
    apps = applications_of(school)
    rng.shuffle(apps)
    n = rng.choice((1, 1, 2, 2, 2, 3))
    chosen = apps[:n]
    changes: list[Change] = []
    for app in chosen:
        fields = ["headcount", "headcount", "headcount", "major", "level"]
        picks = [rng.choice(fields)]
        if family == "vertical_per_certificate" and rng.random() < 0.45:
            picks.append(rng.choice([f for f in ("headcount", "major", "level") if f != picks[0]]))
        for f in picks:
            change = _one_change(rng, school, app, f)
            if change:
                changes.append(change)
    if not changes:
        app = chosen[0]
        changes.append(Change(app.certificate, app.level, "headcount", app.headcount, _new_headcount(rng, app), app,
                              app.major))
    if defect == "exceeds_enrollment":
        app = rng.choice(chosen)
        changes = [c for c in changes if not (c.app is app and c.field == "headcount")]
        to = _round_to(app.capacity + rng.randint(8, 70), 5)
        changes.insert(rng.randrange(len(changes) + 1),
                       Change(app.certificate, app.level, "headcount", app.headcount, to, app, app.major))
    elif defect == "major_not_offered":
        app = rng.choice(chosen)
        changes = [c for c in changes if not (c.app is app and c.field == "major")]
        offered = {m for m, _ in school.majors}
        foreign = rng.choice([m for m, _ in FOREIGN_MAJORS if m not in offered])
        changes.insert(rng.randrange(len(changes) + 1),
                       Change(app.certificate, app.level, "major", app.major, foreign, app, app.major))
    elif defect == "undeclared_certificate":
        declared = {a.certificate for a in apps}
        cert = rng.choice([c for c in UNDECLARED_POOL if c not in declared])
        level = "初级" if school.kind == "中职" else rng.choice(("初级", "中级"))
        old = rng.choice((30, 40, 50, 60))
        major = rng.choice(school.majors)[0]
        changes.append(Change(cert, level, "headcount", old, old + rng.choice((10, 20, 30)), None, major))
    untouched = [a for a in apps[n:] if rng.random() < 0.5][:2]
    return changes, untouched


def _one_change(rng: random.Random, school: School, app: Application, f: str) -> Change | None:
    if f == "headcount":
        return Change(app.certificate, app.level, f, app.headcount, _new_headcount(rng, app), app, app.major)
    if f == "major":
        own = dict(school.majors).get(app.major, "")
        options = [m for m, c in school.majors if m != app.major and c[:4] == own[:4]]  # same 专业类 first
        if not options or rng.random() < 0.25:
            options = [m for m, c in school.majors if m != app.major and c[:2] == own[:2]] or \
                [m for m, _ in school.majors if m != app.major]
        return Change(app.certificate, app.level, f, app.major, rng.choice(options), app, app.major)
    taken = {a.level for a in APPLICATIONS if a.school == school.name and a.certificate == app.certificate}
    options = [lv for lv in LEVELS if lv not in taken]
    if school.kind == "中职":
        options = [lv for lv in options if lv != "高级"]
    if not options:
        return None
    return Change(app.certificate, app.level, "level", app.level, rng.choice(options), app, app.major)


def make_block(rng: random.Random, role: str, state: str, day: date) -> Block:
    ok = DEPT_OK if role == "dept" else LEADER_OK
    opinion = {"refused": rng.choice(REFUSED), "read_only": rng.choice(READ_ONLY), "blank": ""}.get(
        state, rng.choice(ok))
    sign = {"typed": "typed", "unsigned": "none"}.get(state, "stamp" if rng.random() < 0.18 else "hand")
    return Block(role=role, opinion=opinion, sign=sign, name=person(rng),
                 day=day, date_style=rng.choice(("hand", "hand", "typed", "none")) if sign != "none" else
                 rng.choice(("typed", "none")),
                 ink=rng.choice(("blue", "blue", "blueblack", "black")), opinion_hand=rng.random() < 0.5)


def arrival_and_dates(rng: random.Random, outside: bool) -> tuple[datetime, date]:
    if outside:
        kind = rng.choice(("after", "after", "edge", "before"))
        if kind == "after":
            local = datetime(2024, 3, rng.randint(21, 27), rng.randint(8, 21), rng.randint(0, 59),
                             rng.randint(0, 59), tzinfo=SHANGHAI)
        elif kind == "edge":  # just past midnight in Shanghai, written in UTC
            local = datetime(2024, 3, 21, 0, rng.randint(1, 59), rng.randint(0, 59), tzinfo=SHANGHAI)
        else:
            local = datetime(2024, 2, rng.randint(26, 29), rng.randint(8, 21), rng.randint(0, 59),
                             rng.randint(0, 59), tzinfo=SHANGHAI)
        doc = min(local.date(), date(2024, 3, 20)) - timedelta(days=rng.randint(0, 1))
        arrival = local.astimezone(UTC) if kind == "edge" or rng.random() < 0.3 else local
        return arrival, doc
    local = datetime(2024, 3, rng.randint(2, 20), rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59),
                     tzinfo=SHANGHAI)
    if rng.random() < 0.08:  # the last evening, late
        local = datetime(2024, 3, 20, 23, rng.randint(0, 58), rng.randint(0, 59), tzinfo=SHANGHAI)
    doc = max(date(2024, 3, 1), local.date() - timedelta(days=rng.choice((0, 0, 1, 2))))
    arrival = local.astimezone(UTC) if rng.random() < 0.25 else local
    return arrival, doc


def subject_for(rng: random.Random, unit: str, bad: bool) -> str:
    if bad:
        return rng.choice((f"{unit}+2024年1+X证书申报调整申请", f"{unit} +2024年证书申报调整申请",
                           f"{unit}+2024年证书申报调整申请（补充）", f"{unit}+2024年度证书申报调整申请",
                           f"{unit}+2024年证书申报调整申请表", f"{unit}＋2024年1+X证书申报调整的申请",
                           f"{unit}+2024年证书申报调整申请（盖章版）"))
    s = rng.choice((f"{unit}+2024年证书申报调整申请", f"{unit}+2024年证书申报调整申请",
                    f"{unit}＋2024年证书申报调整申请", f"{unit}2024年证书申报调整申请"))
    if rng.random() < 0.06:
        s = rng.choice(("转发：", "Fw:", "FW：")) + s
    return s


__all__ = ["APPLICATIONS", "SCHOOLS", "Block", "Case", "Change", "arrival_and_dates", "draw_changes", "make_block",
           "person", "subject_for"]
