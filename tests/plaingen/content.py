"""What one request says: the school, its changes, the approval blocks, the seal, the subject and the arrival,
and the truth the SPEC derives from them (approvals, seal, changes, problems)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from .registry import FOREIGN_MAJORS, UNDECLARED_POOL, Application, School, applications_of, code_of

SHANGHAI = timezone(timedelta(hours=8))
LEVELS = ("初级", "中级", "高级")
FIELD_LABEL = {"level": "考核等级", "major": "考核专业", "headcount": "人数规模"}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱马胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ("建国", "晓燕", "志强", "海峰", "丽华", "文静", "国平", "红梅", "卫东", "春生", "秀英", "明", "军", "静",
         "伟", "亚萍", "振华", "立新", "慧敏", "永刚", "玉兰", "德明", "晓东", "俊", "敏", "宏伟", "雪梅", "长青")

AGREE = ("同意。", "同意调整。", "同意申请。", "原则同意。", "同意，请省1+X办公室审核。", "情况属实，同意调整。",
         "拟同意。", "已阅，同意。", "同意按调整后方案执行。", "同意上报。")
REFUSE = ("不同意。", "暂不同意，请核实人数后再报。", "不予同意。", "暂不同意调整。")
READ_ONLY = ("已阅。", "已阅")

# defects, each turning into exactly one problem of SPEC §2
DEFECTS = ("dept_unsigned", "dept_typed", "dept_refused", "dept_read_only", "dept_blank",
           "leader_unsigned", "leader_typed", "leader_refused", "leader_blank",
           "no_seal", "dept_seal_only", "undeclared_certificate", "undeclared_level", "exceeds_enrollment",
           "major_not_offered", "subject_format", "outside_window")


@dataclass
class Change:
    app: Application | None
    certificate: str  # the registry's name, or the name as written when it links to nothing
    level: str | None  # the level the document states for it (None: not stated)
    field: str  # level | major | headcount
    old: str | int
    new: str | int
    reason: str = ""

    def truth(self) -> dict:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.app.id if self.app else None}


@dataclass
class Block:
    """One approval block as filled in: `state` ok | unsigned | typed | refused | read_only | blank."""
    label: str
    state: str
    opinion: str
    signer: str
    mark: str  # sign | stamp (名章)
    ink: str
    date: datetime
    typed_opinion: bool = False

    @property
    def approves(self) -> bool:
        return self.state == "ok"

    @property
    def signed(self) -> bool:
        return self.state in ("ok", "refused", "read_only")


@dataclass
class Case:
    seed: int
    family: str
    school: School
    unit: str  # how the document's 申请单位 line names the school
    changes: list[Change]
    dept: Block
    leader: Block
    college: Block
    seal: str  # school | none | dept | school+dept
    subject: str
    subject_ok: bool
    arrival: datetime
    doc_date: datetime
    defect: str | None
    contact: str
    phone: str
    capture: str = ""
    extras: dict = field(default_factory=dict)

    def truth(self) -> dict:
        problems = set()
        if not self.dept.approves:
            problems.add("missing_department_approval")
        if not self.leader.approves:
            problems.add("missing_leader_approval")
        if self.seal == "none":
            problems.add("no_seal")
        if self.seal == "dept":
            problems.add("seal_mismatch")
        majors = {name for name, _ in self.school.majors}
        for c in self.changes:
            if c.app is None:
                problems.add("no_matching_application")
            elif c.field == "headcount" and int(c.new) > c.app.capacity:
                problems.add("exceeds_enrollment")
            if c.field == "major" and c.new not in majors:
                problems.add("major_not_offered")
        if not self.subject_ok:
            problems.add("subject_format")
        start = datetime(2024, 3, 1, tzinfo=SHANGHAI)
        end = datetime(2024, 3, 20, 23, 59, 59, tzinfo=SHANGHAI)
        if not start <= self.arrival <= end:
            problems.add("outside_window")
        return {"seal": self.seal != "none",
                "approvals": {"department": self.dept.approves, "leader": self.leader.approves},
                "changes": [c.truth() for c in self.changes], "problems": sorted(problems)}


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _round5(value: float) -> int:
    return max(5, int(round(value / 5.0)) * 5)


def draw_changes(rng: random.Random, school: School, defect: str | None) -> list[Change]:
    """One to three changes against the school's declarations; a defect bends exactly one of them."""
    apps = applications_of(school)
    n = rng.choices((1, 2, 3), weights=(45, 35, 20))[0]
    chosen = rng.sample(apps, min(n, len(apps)))
    changes = []
    offered = [name for name, _ in school.majors]
    for i, app in enumerate(chosen):
        same_cert = [a for a in apps if a.certificate == app.certificate]
        free_levels = [lv for lv in LEVELS if lv not in {a.level for a in same_cert}]
        kinds = ["headcount"] * 5 + ["major"] * 2 + (["level"] * 2 if free_levels else [])
        kind = rng.choice(kinds)
        if defect == "exceeds_enrollment" and i == 0:
            kind = "headcount"
        if defect == "major_not_offered" and i == 0:
            kind = "major"
        level: str | None = app.level
        if len(same_cert) == 1 and kind != "level" and rng.random() < 0.2:
            level = None
        if kind == "headcount":
            if defect == "exceeds_enrollment" and i == 0:
                new = _round5(app.capacity + rng.randint(5, 60))
            elif rng.random() < 0.6 and app.capacity - app.headcount >= 10:
                new = _round5(rng.uniform(app.headcount + 5, app.capacity))
                new = min(new, app.capacity - app.capacity % 5) if new > app.capacity else new
            else:
                new = _round5(rng.uniform(10, app.headcount - 5))
            if new == app.headcount:
                new = app.headcount - 5
            changes.append(Change(app, app.certificate, level, "headcount", app.headcount, new))
        elif kind == "major":
            if defect == "major_not_offered" and i == 0:
                new_major = rng.choice(FOREIGN_MAJORS)[0]
            else:
                new_major = rng.choice([m for m in offered if m != app.major])
            changes.append(Change(app, app.certificate, level, "major", app.major, new_major))
        else:
            changes.append(Change(app, app.certificate, app.level, "level", app.level, rng.choice(free_levels)))
    if defect == "undeclared_certificate":
        declared = {a.certificate for a in apps}
        cert = rng.choice([c for c in UNDECLARED_POOL if c not in declared])
        old = _round5(rng.uniform(20, 60))
        lv = rng.choice(("初级", "中级")) if school.kind != "本科" else rng.choice(("中级", "高级"))
        changes[-1] = Change(None, cert, lv, "headcount", old, old + _round5(rng.uniform(5, 30)))
    if defect == "undeclared_level":
        app = chosen[-1]
        taken = {a.level for a in apps if a.certificate == app.certificate}
        wrong = rng.choice([lv for lv in LEVELS if lv not in taken])
        changes[-1] = Change(None, app.certificate, wrong, "headcount", app.headcount,
                             app.headcount + _round5(rng.uniform(5, 20)))
    return changes


def reason_for(rng: random.Random, change: Change) -> str:
    """An ordinary 调整原因; some carry numbers that are not the change itself."""
    year = rng.choice(("2022级", "2023级"))
    if change.field == "headcount":
        if int(change.new) > int(change.old):
            pool = (f"{year}相关专业学生报考意愿较高", "经摸底，实际有意向参加考核学生增加",
                    f"{year}{rng.randint(2, 6)}个班均纳入试点", "新增合作企业订单班学生参加",
                    f"相关专业在校生{rng.randint(3, 9)}个班，报名人数超出原计划")
        else:
            pool = ("因实习安排冲突，部分学生无法参加考核", f"{year}学生顶岗实习时间调整",
                    "部分学生已取得相应证书", "实训场地容量有限，按实际考位调整", "专业撤并，生源减少")
    elif change.field == "major":
        pool = ("专业名称按新版目录调整", "原填报专业有误", "专业撤并", "与证书对应专业要求一致",
                "根据证书标准对应专业目录调整")
    else:
        pool = ("学生已具备相应基础，申请提高等级", "与人才培养方案课程进度匹配", "原填报等级有误",
                "根据考核站点条件调整")
    return rng.choice(pool)


def make_block(rng: random.Random, label: str, state: str, date: datetime, title: str) -> Block:
    opinion = {"ok": rng.choice(AGREE), "unsigned": rng.choice(AGREE), "typed": rng.choice(AGREE),
               "refused": rng.choice(REFUSE), "read_only": rng.choice(READ_ONLY), "blank": ""}[state]
    return Block(label=label, state=state, opinion=opinion, signer=person(rng),
                 mark="stamp" if rng.random() < 0.15 else "sign",
                 ink=rng.choice(("blue", "blue", "black", "blue-black")), date=date,
                 typed_opinion=rng.random() < 0.25 and state != "refused")


def fmt_date(rng: random.Random, d: datetime, hand: bool = True) -> str:
    choices = [f"{d.year}年{d.month}月{d.day}日", f"{d.year}.{d.month}.{d.day}", f"{d.year}.{d.month:02d}.{d.day:02d}"]
    if hand:
        choices += [f"{d.month}月{d.day}日", f"{d.year}/{d.month}/{d.day}"]
    return rng.choice(choices)


def level_text(change: Change) -> str:
    return change.level or ""


def show_value(rng: random.Random, change: Change, value: str | int, codes: bool | None = None,
               unit: bool | None = None) -> str:
    """A cell's value as a school writes it: 80人 or 80; a major with or without its catalogue code."""
    if change.field == "headcount":
        return f"{value}人" if (unit if unit is not None else rng.random() < 0.6) else str(value)
    if change.field == "major" and (codes if codes is not None else rng.random() < 0.3):
        code = code_of(str(value))
        return f"{code} {value}" if code else str(value)
    return str(value)


def cert_written(rng: random.Random, change: Change, with_level: bool, style: int | None = None) -> str:
    """The certificate as a school writes it: bare, quoted, with 证书 or the official title, level in brackets."""
    style = rng.randrange(5) if style is None else style
    name = change.certificate
    base = (name, f"“{name}”", f"{name}证书", f"{name}职业技能等级证书", f"《{name}》")[style]
    if with_level and change.level:
        base += f"（{change.level}）"
    return base


def arrival_and_dates(rng: random.Random, outside: bool) -> tuple[datetime, datetime]:
    """(arrival, date written on the document)."""
    if outside:
        if rng.random() < 0.7:
            arrival = datetime(2024, 3, rng.randint(21, 26), rng.randint(7, 22), rng.randint(0, 59),
                               rng.randint(0, 59), tzinfo=SHANGHAI)
        else:
            arrival = datetime(2024, 2, rng.randint(26, 29), rng.randint(8, 20), rng.randint(0, 59),
                               rng.randint(0, 59), tzinfo=SHANGHAI)
    else:
        arrival = datetime(2024, 3, rng.randint(2, 20), rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59),
                           tzinfo=SHANGHAI)
    doc = arrival - timedelta(days=rng.randint(0, 3))
    if not outside and doc < datetime(2024, 3, 1, tzinfo=SHANGHAI):
        doc = arrival
    return arrival, doc


def subject_for(rng: random.Random, school: School, malformed: bool) -> tuple[str, bool]:
    unit = school.name if not school.aliases or rng.random() < 0.65 else rng.choice(school.aliases)
    if malformed:
        form = rng.choice((f"{unit} 2024年证书申报调整申请", f"{unit}+2024年1+X证书申报调整申请",
                           f"{unit}+2024年证书申报调整申请（补充）", f"{unit}+2024年证书申报调整申请表",
                           f"{unit}＋2024年度证书申报调整申请"))
        return form, False
    form = rng.choice((f"{unit}+2024年证书申报调整申请", f"{unit}+2024年证书申报调整申请",
                       f"{unit}＋2024年证书申报调整申请", f"{unit}2024年证书申报调整申请"))
    if rng.random() < 0.1:
        form = rng.choice(("转发：", "Fw: ", "FW：")) + form
    return form, True
