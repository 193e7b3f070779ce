"""The words schools write: certificate names in their everyday variants, majors with or without catalogue
codes, changes as prose or shorthand, the letter's opening and closing."""

from __future__ import annotations

import random

from tests.habitgen.plan import Change, Plan

SUFFIX = "职业技能等级证书"


def cert_name(rng: random.Random, cert: str, level: str | None = None) -> str:
    """The certificate as a school writes it: plain, with 证书, as the official title, with its level."""
    style = rng.randrange(4)
    if style == 0:
        base = cert
    elif style == 1:
        base = cert + "证书"
    else:
        base = cert + SUFFIX
    return f"{base}（{level}）" if level else base


def major_text(plan: Plan, major: str, rng: random.Random, coded: bool | None = None) -> str:
    code = plan.school.code(major)
    with_code = (rng.random() < 0.4) if coded is None else coded
    return f"{code} {major}" if with_code and code else major


def value_text(plan: Plan, change: Change, value: int | str, rng: random.Random, unit: str = "人",
               coded: bool | None = None) -> str:
    if change.field == "headcount":
        return f"{value}{unit}"
    if change.field == "major":
        return major_text(plan, str(value), rng, coded)
    return str(value)


def prose(plan: Plan, change: Change, rng: random.Random) -> str:
    """One change as a numbered item's sentence."""
    cert = change.certificate
    q = rng.choice((("“", "”"), ("《", "》"), ("", "")))
    name = f"{q[0]}{cert}{q[1]}" + ("证书" if rng.random() < 0.6 else "")
    if change.field == "headcount":
        verb = "调增" if int(change.new) > int(change.old) else "调减"
        return rng.choice((
            f"将{name}（{change.level}）试点人数由{change.old}人调整为{change.new}人。",
            f"{name}{change.level}试点人数由原申报{change.old}人{verb}至{change.new}人。",
        ))
    if change.field == "level":
        return rng.choice((
            f"将{name}考核等级由{change.old}调整为{change.new}。",
            f"{name}的考核等级由原{change.old}变更为{change.new}。",
        ))
    old, new = major_text(plan, str(change.old), rng), major_text(plan, str(change.new), rng)
    return rng.choice((
        f"将{name}（{change.level}）考核专业由“{old}”调整为“{new}”。",
        f"{name}（{change.level}）的考核专业由{old}专业变更为{new}专业。",
    ))


def opening(plan: Plan, rng: random.Random) -> str:
    return rng.choice((
        "我校已在规定时间内通过职业技能等级证书信息管理服务平台完成2024年度1+X证书试点申报。"
        "经对照各专业在校生人数和教学安排重新核实，部分证书申报内容需作调整，现申请如下：",
        "根据《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，结合我校专业开设及在校生实际情况，"
        "经学校证书试点管理部门和校级分管领导同意，现对我校已申报证书作如下调整：",
        "我校2024年度1+X证书试点申报已于平台提交。因部分专业招生及教学计划调整，需对以下证书的申报内容进行调整，"
        "特此申请：",
    ))


def closing(rng: random.Random) -> str:
    return rng.choice(("其余申报内容不变。恳请省1+X办公室予以审核。", "以上调整妥否，请审核。",
                       "特此申请，请予批准。"))


def greeting() -> str:
    return "江苏省职业院校1+X证书制度试点工作办公室："


def title(rng: random.Random, plan: Plan) -> str:
    return rng.choice((f"{plan.school.name}关于2024年1+X证书申报调整的申请", "2024年证书申报调整申请",
                       "关于调整2024年度1+X证书试点申报内容的申请"))


def shorthand_item(plan: Plan, change: Change, rng: random.Random, k: int, style: int) -> str:
    """One change as `1. 证书：…；等级：…；调整内容：…` (style 0) or `证书/等级/项目/原/新` (style 1 with
    slashes, style 2 with full-width spaces)."""
    old = value_text(plan, change, change.old, rng)
    new = value_text(plan, change, change.new, rng)
    item = {"headcount": "试点人数", "level": "考核等级", "major": "考核专业"}[change.field]
    cert = cert_name(rng, change.certificate) if rng.random() < 0.3 else change.certificate
    if style == 0:
        arrow = rng.choice(("→", "→", "调整为"))
        sep = " " if arrow == "→" else ""
        return f"{k}. 证书：{cert}；等级：{change.level}；调整内容：{item}{sep}{old}{sep}{arrow}{sep}{new}"
    glue = "／" if style == 1 else "\u3000"
    return f"{k}. " + glue.join((cert, change.level, item, old, new))
