"""How schools write things: titles, labels, opinions, values and change sentences, in varied wording."""

from __future__ import annotations

import random

from tests.papergen.plan import Change, Plan
from tests.papergen.registry import major_code

FIELD_LABELS = {
    "headcount": ["人数规模", "试点人数", "申报人数", "申报规模", "考核人数"],
    "major": ["考核专业", "试点专业", "申报专业", "专业"],
    "level": ["考核等级", "证书等级", "等级", "申报等级"],
}

DEPT_LABELS = ["证书试点管理部门意见", "1+X证书试点管理部门意见", "证书试点管理部门审核意见"]
LEADER_LABELS = ["校级分管领导意见", "分管校领导意见", "校领导意见", "学校分管领导意见"]
SIGN_LABELS = ["负责人（签字）：", "负责人签字：", "签字：", "签名：", "负责人（签名）："]
LEADER_SIGN_LABELS = ["分管领导（签字）：", "签字：", "签名：", "领导签字：", "负责人（签字）："]

TITLES = ["关于调整2024年1+X证书申报内容的申请", "2024年1+X证书试点申报调整申请", "关于2024年度1+X证书申报信息调整的申请",
          "2024年职业技能等级证书申报调整申请", "关于申请调整1+X证书试点申报数据的报告"]
FORM_TITLES = ["2024年1+X证书申报调整申请表", "1+X证书制度试点申报调整申请表", "2024年度1+X证书申报信息调整表"]
GRID_TITLES = ["2024年1+X证书试点申报调整审批表", "1+X证书申报调整审批表", "职业技能等级证书申报调整审批表"]

ADDRESSEE = ["江苏省职业院校1+X证书制度试点工作办公室：", "省1+X办公室：", "江苏省1+X证书制度试点工作办公室：",
             "尊敬的省1+X办公室："]

INTROS = [
    "根据《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，我校已于规定时间内完成2024年度证书申报。"
    "因专业招生计划及学生选课情况发生变化，现申请对部分证书申报内容进行调整，具体如下：",
    "我校在2024年度1+X证书试点申报中，经对各专业在校生人数和教学安排再次核对，发现部分证书申报信息需要调整。"
    "经学校证书试点管理部门和校级分管领导同意，特申请调整如下：",
    "因我校部分专业人才培养方案调整，原申报的个别证书考核信息与实际不符，现申请调整，具体情况如下：",
    "按照省1+X办公室通知要求，结合我校实际，经研究，拟对已申报的1+X证书试点信息作如下调整：",
]
CLOSINGS = ["恳请批准。", "特此申请，请予审核。", "妥否，请批示。", "以上申请，请审批。", "特此申请。"]

UNCHANGED = ["", "—", "/", "不变", "——", "无变化"]


def cert_label(rng: random.Random, change: Change, with_level: bool = True, quoted: bool = False) -> str:
    """The certificate as a school writes it, with its level when the plan states one."""
    name = change.certificate
    style = rng.random()
    level = change.level if with_level else None
    if style < 0.25:
        base = f"{name}职业技能等级证书"
    elif style < 0.4 and quoted:
        base = f"“{name}”证书"
    elif style < 0.5:
        base = f"{name}证书"
    else:
        base = name
    if level:
        if base.endswith("证书") or rng.random() < 0.7:
            return base + f"（{level}）"
        return base + f"({level})"
    return base


def major_text(rng: random.Random, name: str) -> str:
    code = major_code(name)
    if code and rng.random() < 0.3:
        return f"{code} {name}" if rng.random() < 0.8 else f"{code}{name}"
    return name


def value_text(rng: random.Random, field_name: str, value: str | int) -> str:
    if field_name == "headcount":
        return f"{value}人" if rng.random() < 0.5 else str(value)
    if field_name == "major":
        return major_text(rng, str(value))
    return str(value)


def unchanged_marker(rng: random.Random, old_text: str) -> str:
    """What goes in an 'after' cell that does not change: blank, dash, slash, 不变, or the old value again."""
    return old_text if rng.random() < 0.25 else rng.choice(UNCHANGED)


def prose_change(rng: random.Random, change: Change) -> str:
    """One sentence stating a change, as in a numbered list."""
    cert = cert_label(rng, change, quoted=True)
    old, new = change.old, change.new
    if change.field == "headcount":
        verb = rng.choice(["调整为", "调整到", "变更为"]) if int(new) > int(old) else \
            rng.choice(["调整为", "减少至", "减少为", "调减为"])
        if int(new) > int(old) and rng.random() < 0.3:
            verb = rng.choice(["增加至", "调增至"])
        label = rng.choice(FIELD_LABELS["headcount"])
        orig = rng.choice(["", "原来的", "原"])
        return f"{cert}{label}由{orig}{old}人{verb}{new}人"
    if change.field == "major":
        label = rng.choice(["考核专业", "试点专业", "申报专业"])
        q1, q2 = rng.choice([("“", "”"), ("", ""), ("“", "”")])
        return f"{cert}{label}由{q1}{major_text(rng, str(old))}{q2}{rng.choice(['变更为', '调整为', '更改为'])}{q1}{major_text(rng, str(new))}{q2}"
    label = rng.choice(["考核等级", "等级", "申报等级"])
    cert = cert_label(rng, change, with_level=False, quoted=True)
    return f"{cert}{label}由{old}调整为{new}"


def reason(rng: random.Random, change: Change) -> str:
    return {
        "headcount": rng.choice(["学生报名人数增加", "实际参训人数减少", "扩大试点范围", "根据学生意愿调整", "招生计划调整"]),
        "major": rng.choice(["专业名称调整", "人才培养方案调整", "专业对应更准确", "按新版专业目录调整"]),
        "level": rng.choice(["学生基础较好", "与培养目标匹配", "课程进度调整", "培训条件满足"]),
    }[change.field]


def numbering(rng: random.Random) -> list[str]:
    """A numbering style: 1. / （1） / 一、 / 1、"""
    style = rng.choice(["arabic", "paren", "chinese", "arabic_dun"])
    chinese = "一二三四五六七八九"
    if style == "arabic":
        return [f"{i}." for i in range(1, 10)]
    if style == "paren":
        return [f"（{i}）" for i in range(1, 10)]
    if style == "chinese":
        return [f"{c}、" for c in chinese]
    return [f"{i}、" for i in range(1, 10)]


def date_text(rng: random.Random, plan: Plan, hand: bool = False) -> str:
    d = plan.day
    forms = [f"2024年3月{d}日", f"2024年3月{d:02d}日", f"2024.3.{d}", f"2024-03-{d:02d}", f"二〇二四年三月{_cn(d)}日"]
    return rng.choice(forms[:4] if hand else forms)


def _cn(n: int) -> str:
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
