"""How schools write things: certificate titles, values, field names, column headings, prose items.

A `Style` is drawn once per request so one document stays consistent with itself, as a real one does.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from tests.formgen.plan import Change, Edit
from tests.formgen.registry import MAJOR_CODES, major_name

FIELD_LABELS = {"headcount": ("人数规模", "申报人数", "试点人数"), "major": ("考核专业", "试点专业"),
                "level": ("考核等级", "等级")}
COLUMN_PAIRS = (("原申报内容", "调整后内容"), ("调整前", "调整后"), ("原申报", "拟调整为"))
UNCHANGED_MARKS = ("", "—", "/", "不变", "repeat")


@dataclass(frozen=True)
class Style:
    certificate: str  # bare | title | suffix | quoted
    major_code: bool
    headcount_unit: bool
    unchanged: str  # one of UNCHANGED_MARKS
    columns: tuple[str, str]
    field_labels: dict[str, str]
    number: str  # 1. | （1） | 一、

    @staticmethod
    def draw(rng: random.Random) -> Style:
        return Style(certificate=rng.choice(("bare", "bare", "title", "suffix", "quoted")),
                     major_code=rng.random() < 0.35, headcount_unit=rng.random() < 0.6,
                     unchanged=rng.choice(UNCHANGED_MARKS), columns=rng.choice(COLUMN_PAIRS),
                     field_labels={key: rng.choice(options) for key, options in FIELD_LABELS.items()},
                     number=rng.choice(("1.", "（1）", "一、")))


CHINESE_NUMBERS = "一二三四五六七八九十"


def number(style: Style, index: int) -> str:
    if style.number == "1.":
        return f"{index + 1}."
    if style.number == "（1）":
        return f"（{index + 1}）"
    return f"{CHINESE_NUMBERS[index]}、"


def certificate(edit_or_change: Edit | Change, style: Style, with_level: bool = True) -> str:
    """The certificate as written, e.g. `物流管理职业技能等级证书（中级）` or `“智能财税”（初级）`."""
    name = edit_or_change.certificate
    level = f"（{edit_or_change.level}）" if with_level else ""
    if style.certificate == "title":
        return f"{name}职业技能等级证书{level}"
    if style.certificate == "suffix":
        return f"{name}证书{level}"
    if style.certificate == "quoted":
        return f"“{name}”{level}"
    return f"{name}{level}"


def value(field: str, raw: str | int, style: Style) -> str:
    """A value as a cell or sentence writes it: `80人`, `530302 大数据与会计`, `中级`."""
    if field == "headcount":
        return f"{raw}人" if style.headcount_unit else str(raw)
    if field == "major":
        key = str(raw)
        return f"{MAJOR_CODES[key]} {major_name(key)}" if style.major_code else major_name(key)
    return str(raw)


def unchanged_cell(old_text: str, style: Style) -> str:
    return old_text if style.unchanged == "repeat" else style.unchanged


def prose_item(edit: Edit, style: Style, rng: random.Random) -> str:
    """One numbered item stating all changes of one certificate in one of several wordings."""
    subject = certificate(edit, style, with_level=edit.level_written)
    clauses = [_clause(change, style, rng) for change in edit.changes]
    if rng.random() < 0.3:
        return f"将{subject}{'，'.join(clauses)}。"
    return f"{subject}{'，'.join(clauses)}。"


def _clause(change: Change, style: Style, rng: random.Random) -> str:
    old, new = value(change.field, change.old, style), value(change.field, change.new, style)
    if change.field == "headcount":
        old_n, new_n = f"{change.old}人", f"{change.new}人"
        verb = "减少至" if int(change.new) < int(change.old) else rng.choice(("增加至", "调整为"))
        return rng.choice((f"申报人数由{old_n}调整为{new_n}", f"申报规模由原来的{old_n}调整到{new_n}",
                           f"试点人数由{old_n}{verb}{new_n}", f"人数规模由{old_n}调整为{new_n}"))
    if change.field == "major":
        return rng.choice((f"考核专业由“{old}”变更为“{new}”", f"试点专业由{old}调整为{new}",
                           f"考核专业由“{old}”调整为“{new}”"))
    return rng.choice((f"等级由{old}调整为{new}", f"考核等级由{old}调整为{new}", f"申报等级由{old}变更为{new}"))
