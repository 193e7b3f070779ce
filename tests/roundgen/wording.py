"""How schools write the values, dates and changes."""

from __future__ import annotations

import random
from datetime import datetime

from tests.roundgen.plan import Change, Plan
from tests.roundgen.registry import NOT_OFFERED

FIELD_NAMES = {"headcount": ("人数规模", "试点人数", "申报人数"), "level": ("考核等级", "证书等级"),
               "major": ("考核专业", "考核专业", "试点专业")}
_CN_DIGITS = "〇一二三四五六七八九"


def field_name(c: Change, rng: random.Random) -> str:
    return rng.choice(FIELD_NAMES[c.field])


def code_of(plan: Plan, major: str) -> str:
    if major in plan.school.majors:
        return plan.school.majors[major]
    return {v: k for k, v in NOT_OFFERED.items()}.get(major, "")


def value(plan: Plan, c: Change, v: object, rng: random.Random, codes: bool = False) -> str:
    if c.field == "headcount":
        return f"{v}人" if rng.random() < 0.7 else str(v)
    if c.field == "major" and codes and code_of(plan, str(v)):
        return f"{code_of(plan, str(v))} {v}"
    return str(v)


def cert_with_level(c: Change) -> str:
    return f"{c.written}（{c.level}）"


def _cn_number(n: int) -> str:
    if n < 10:
        return "〇一二三四五六七八九"[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + ("" if ones == 0 else _CN_DIGITS[ones])


def date_text(d: datetime, style: str) -> str:
    if style == "cn":
        return "二〇二四年" + _cn_number(d.month) + "月" + _cn_number(d.day) + "日"
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "short":
        return f"{d.month}月{d.day}日"
    if style == "dash":
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    return f"{d.year}年{d.month}月{d.day}日"


def sentence(plan: Plan, c: Change, rng: random.Random, with_cert: bool = True) -> str:
    """One change in prose: 将“X”证书（中级）试点人数由60人调整为80人。"""
    cert = f"“{c.certificate}”证书（{c.level}）" if with_cert else ""
    old = value(plan, c, c.old, rng, codes=rng.random() < 0.4)
    new = value(plan, c, c.new, rng, codes=rng.random() < 0.4)
    if c.field == "headcount":
        old, new = f"{c.old}人", f"{c.new}人"
        verb = "调增" if c.new > c.old else "调减"
        return rng.choice((f"将{cert}试点人数由{old}调整为{new}。",
                           f"{cert}试点人数{verb}{abs(c.new - c.old)}人，由{old}调整为{new}。"))
    if c.field == "level":
        return rng.choice((f"将{cert.replace(f'（{c.level}）', '')}考核等级由{c.old}调整为{c.new}。",
                           f"{cert.replace(f'（{c.level}）', '')}考核等级由“{c.old}”变更为“{c.new}”。"))
    return rng.choice((f"将{cert}考核专业由{old}调整为{new}。", f"{cert}考核专业由“{old}”变更为“{new}”。"))
