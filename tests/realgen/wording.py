"""How schools word a change: certificate titles, table cells, and free prose list items."""

from __future__ import annotations

import random

from tests.realgen.plan import Change, Plan

FIELD_LABELS = {"headcount": ["人数规模", "试点人数", "人数规模", "申报人数"],
                "level": ["考核等级", "证书等级", "考核等级"],
                "major": ["考核专业", "试点专业", "考核专业"]}

REASONS = {"headcount": ["报名学生人数增加", "部分学生转专业", "实际参训人数减少", "新增一个教学班", "按在校生实际情况调整",
                         "企业订单班学生加入"],
           "level": ["学生已取得初级证书", "对接人才培养方案", "按教学进度调整", "与课程考核安排衔接"],
           "major": ["原专业本年度无对应年级", "证书与专业对应更紧密", "根据人才培养方案调整", "专业群统筹安排"]}


def cert_name(c: Change, rng: random.Random, with_level: bool | None = None, quotes: bool | None = None) -> str:
    """The certificate as written: bare, quoted, or the official title; level in brackets or not."""
    style = rng.choice(["bare", "bare", "title", "zs"])
    name = c.certificate
    if style == "title":
        text = name + "职业技能等级证书"
    elif style == "zs":
        text = name + "证书"
    else:
        text = name
    if quotes if quotes is not None else rng.random() < 0.3:
        text = f"“{name}”" + text[len(name):]
    lvl = with_level if with_level is not None else rng.random() < 0.5
    if lvl:
        text += f"（{c.level}）"
    return text


def major_text(name: str, code: str, rng: random.Random) -> str:
    if code and rng.random() < 0.55:
        return f"{code}{rng.choice([' ', '  ', ''])}{name}" if rng.random() < 0.8 else f"{code}{name}"
    return name


def values(c: Change, rng: random.Random, unit: bool | None = None) -> tuple[str, str]:
    """Table cells (old, new) for a change."""
    if c.field == "headcount":
        u = "人" if (unit if unit is not None else rng.random() < 0.6) else ""
        return f"{c.old}{u}", f"{c.new}{u}"
    if c.field == "level":
        return str(c.old), str(c.new)
    return major_text(str(c.old), c.old_code, rng), major_text(str(c.new), c.new_code, rng)


def prose_item(c: Change, rng: random.Random) -> str:
    """One list item in the words schools use, without a table."""
    if c.field == "headcount":
        diff = int(c.new) - int(c.old)
        verb = "调增" if diff > 0 else "调减"
        cert = cert_name(c, rng)
        forms = [f"将{cert}试点人数{verb}{abs(diff)}人（由{c.old}人调整为{c.new}人）",
                 f"{cert}：人数规模由{c.old}人调整为{c.new}人",
                 f"{cert}的试点人数拟由{c.old}人{'增加' if diff > 0 else '减少'}至{c.new}人",
                 f"{cert}人数规模调整：{c.old}人→{c.new}人"]
        return rng.choice(forms)
    if c.field == "level":
        cert = cert_name(c, rng, with_level=False)
        forms = [f"{cert}等级调整：{c.old}→{c.new}",
                 f"{cert}考核等级由{c.old}调整为{c.new}",
                 f"将{cert}的考核等级由“{c.old}”变更为“{c.new}”"]
        return rng.choice(forms)
    cert = cert_name(c, rng)
    old = major_text(str(c.old), c.old_code, rng)
    new = major_text(str(c.new), c.new_code, rng)
    forms = [f"{cert}的考核专业拟由{old}变更为{new}",
             f"{cert}考核专业调整：原“{old}”调整为“{new}”",
             f"将{cert}的考核专业由“{old}”调整为“{new}”"]
    return rng.choice(forms)


def intro(plan: Plan, rng: random.Random, gaozhi_word: str) -> str:
    s = plan.school.name
    forms = [f"根据《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，我{gaozhi_word}已于3月初在平台完成证书申报。"
             f"因学生报名及专业教学安排变化，现申请对部分证书申报内容进行调整，具体如下：",
             f"{s}在2024年1+X证书试点申报中，经核对在校生人数和专业开设情况，需对以下申报内容进行调整，特此申请：",
             f"我{gaozhi_word}2024年1+X证书制度试点申报工作已在平台完成。结合各专业实际招生和教学进度，"
             f"拟对下列证书的申报信息作如下调整："]
    return rng.choice(forms)


def split_two(text: str) -> tuple[str, str]:
    """An opinion written large over two lines, split at its comma or in the middle."""
    if "，" in text:
        i = text.index("，") + 1
        return text[:i], text[i:]
    i = max(1, len(text) // 2)
    return text[:i], text[i:]
