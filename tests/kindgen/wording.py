"""How schools write the parts of a request: certificates, values, dates, field names, letters."""

from __future__ import annotations

import datetime as dt
import random

from tests.kindgen.plan import Change, Plan
from tests.kindgen.registry import MAJORS

CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def fmt_date(d: dt.date, style: str) -> str:
    if style == "cn":
        return "二〇二四年" + cn_number(d.month) + "月" + cn_number(d.day) + "日"
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "dash":
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if style == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    return f"{d.year}年{d.month}月{d.day}日"


def date_style(rng: random.Random) -> str:
    return rng.choice(["ymd", "ymd", "ymd", "cn", "dot", "dash", "slash"])


FIELD_LABELS = {"level": ["考核等级", "考核等级", "等级调整", "考核等级调整"],
                "major": ["考核专业", "考核专业", "试点专业", "专业调整"],
                "headcount": ["人数规模", "人数规模", "试点人数", "人数调整"]}


def field_label(rng: random.Random, fld: str) -> str:
    return rng.choice(FIELD_LABELS[fld])


def must_state_level(plan: Plan, c: Change) -> bool:
    """The level is needed to link when the school declared the certificate at two levels."""
    return plan.school.twice(c.certificate)


def cert_text(rng: random.Random, plan: Plan, c: Change, level: bool | None = None, official: bool | None = None) -> str:
    """The certificate as a school names it: 「X（中级）」, 「X职业技能等级证书」, 「X证书（初级）」."""
    if level is None:
        level = must_state_level(plan, c) or rng.random() < 0.7
    if official is None:
        official = rng.random() < 0.25
    name = c.certificate + (rng.choice(["职业技能等级证书", "证书"]) if official else "")
    return name + (f"（{c.level}）" if level else "")


def major_text(rng: random.Random, major: str, code: bool | None = None) -> str:
    if code is None:
        code = rng.random() < 0.3
    return f"{MAJORS[major]} {major}" if code and major in MAJORS else major


def value_text(rng: random.Random, fld: str, value: object, unit: bool | None = None, code: bool | None = None) -> str:
    if fld == "headcount":
        if unit is None:
            unit = rng.random() < 0.65
        return f"{value}人" if unit else str(value)
    if fld == "major":
        return major_text(rng, str(value), code)
    return str(value)


def prose(rng: random.Random, plan: Plan, c: Change) -> str:
    """One change in a sentence, as the letters write it (layout C)."""
    q1, q2 = rng.choice([("“", "”"), ("《", "》"), ("", "")])
    lvl = must_state_level(plan, c) or rng.random() < 0.6
    cert = f"{q1}{c.certificate}{q2}" + rng.choice(["职业技能等级证书", "证书", "证书"])
    if c.field == "headcount":
        lv = f"（{c.level}）" if lvl else ""
        return rng.choice([f"将{cert}{lv}试点人数由{c.old}人调整为{c.new}人",
                           f"{cert}{lv}申报人数由原{c.old}人调整为{c.new}人",
                           f"{cert}{lv}试点规模原申报{c.old}人，现调整为{c.new}人"])
    if c.field == "level":
        return rng.choice([f"将{cert}考核等级由{c.old}调整为{c.new}",
                           f"{cert}的考核等级由原{c.old}调整为{c.new}"])
    lv = f"（{c.level}）" if lvl else ""
    return rng.choice([f"将{cert}{lv}考核专业由“{major_text(rng, str(c.old))}”调整为“{major_text(rng, str(c.new))}”",
                       f"{cert}{lv}试点专业由{c.old}专业调整为{c.new}专业"])


TITLES = ["关于调整2024年1+X证书申报内容的申请", "关于2024年1+X证书制度试点申报调整的申请",
          "2024年1+X证书申报调整申请", "关于申请调整2024年度1+X证书试点申报信息的报告",
          "{school}关于2024年证书申报调整的申请"]
FORM_TITLES = ["2024年1+X证书申报调整申请表", "1+X证书制度试点申报调整申请表", "2024年度1+X证书试点申报信息调整申请表",
               "{school}2024年1+X证书申报调整申请表"]
ADDRESSEES = ["江苏省职业院校1+X证书制度试点工作办公室：", "省1+X证书制度试点工作办公室：", "省1+X办公室：",
              "江苏省1+X证书制度试点工作办公室："]
REASONS = ["专业招生计划调整", "学生实际报名情况变化", "根据专业人才培养方案调整", "实训条件调整", "在校生人数变化",
           "按学生意愿调整", "教学安排变化", "—"]


def title(rng: random.Random, plan: Plan, form: bool = False) -> str:
    return rng.choice(FORM_TITLES if form else TITLES).format(school=plan.school.name)


def intro(rng: random.Random, plan: Plan) -> str:
    why = rng.choice(["因我校部分专业招生计划及学生报考意愿发生变化", "根据我校专业建设和学生实际情况",
                      "因我校2024年专业招生情况调整", "经对照各专业在校生人数和实训条件核查"])
    how = rng.choice(["经学校证书试点管理部门和校级分管领导同意，", "经学校研究，", ""])
    return (f"{why}，{how}现申请对我校在职业技能等级证书信息管理服务平台上申报的2024年度1+X证书试点"
            f"{rng.choice(['信息', '内容', '计划'])}作如下调整：")


def closing(rng: random.Random) -> str:
    return rng.choice(["特此申请，请予审核。", "妥否，请批示。", "恳请批准为盼。", "特此申请。"])
