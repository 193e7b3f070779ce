"""Labelled fields of a request letter: the applying unit (申请单位 / 单位名称 / 申报单位)."""

from __future__ import annotations

import re

from parsers.model import Page
from parsers.normalise import DATE, compact
from parsers.table_rows import Fragment, visual_rows

# A label opens its line; "各申报单位…" in running text is no label.
# The label's stamp hint: （盖章） with or without its brackets and colon, or, however OCR read it under the
# seal ((章), 工盖章), (盖: with 章 lost), (盖费): with 章 misread, a short note ending in 章 before the colon or
# the cell's end.
_LABEL = re.compile(r"^(?:申请单位|申报单位|单位名称|填报单位|申请学校)(?:名称)?(?:\(盖.\)|\(?(?:盖章?|公章)\)?|.{0,2}(?:盖章|公章|章).?(?=[:：]|$))?[:：]?")
# Stamp hints and a following field on the same line are not part of the name.
# OCR misreads the hint's first glyph now and then (（羞章）): any bracket of one or two glyphs ending 章.
_STAMP = re.compile(r"(?:[(\[【]?\s*(?:加盖)?(?:盖章|公章|签章|印章|章)|[(\[【]\s*.章)\s*[)\]】]?$")
_NEXT_FIELD = re.compile(r"(?:日期|时间|联系人|联系电话|电话|负责人|填表人|经办人|邮箱)[:：].*$")
# The label's colon, or what OCR read it as (、 ， .), before the name; and what OCR read of the seal's
# ink between the label and its colon (申请单位(盖章)46：…), or the label's stamp hint in a box of its own
# ((章)：…): no unit's name holds a colon.
_LEADING_MARKS = re.compile(r"^(?:[^\u4e00-\u9fff]*(?:盖章|公章|章)?[^\u4e00-\u9fff]*[:：])?\W*")
# The subject template "单位名称+2024年…", or a neighbouring header cell of a form.
_VALUE_BAD = re.compile(r"^[+＋]|证书申报调整申请|名称|^证书|^序号")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def applicant_unit(pages: list[Page]) -> str | None:
    """The applying unit as written on the first page that names one; None when no page does."""
    for page in pages:
        for row in visual_rows(page.lines):
            value = _unit_in_row(row)
            if value:
                return value
    return None


def _unit_in_row(row: list[Fragment]) -> str | None:
    """A label box followed by the name in the same box or in the boxes to its right."""
    for index, frag in enumerate(row):
        text = compact(frag.text)
        match = _LABEL.match(text)
        if not match:
            continue
        # The name in the label's box, else in a box right of it: the first that is a name (a date
        # written under the label may reach up into its row, left of the name).
        # A box beside it is on its line: its middle within the label's height (a seal's lettering read as
        # a tall box above the line shares the row, not the line).
        beside = [f for f in row[index + 1:] if frag.top <= f.cy <= frag.bottom][:2]
        rests = [text[match.end() :]] if text[match.end() :] else [compact(f.text) for f in beside]
        value = next((value for rest in rests if (value := clean_unit(rest))), None)
        if value:
            return value
    return None


# After the unit's name: a rule or dash OCR read as 一 (no name ends in 一 after 校/院/中心), or what is
# left of a misread （盖章） — figures, brackets, 盖 — after the name's last 学校/学院/中心/大学.
_DASH_AFTER_NAME = re.compile(r"(?<=[校院心学所])一+$|(?<=学校|学院|中心|大学)(?:[^\u4e00-\u9fff]|盖).*$")


def clean_unit(text: str) -> str | None:
    """NFKC, no spaces, no （盖章）/(公章), no trailing field such as 日期：…; None if nothing is left."""
    value = _LEADING_MARKS.sub("", _NEXT_FIELD.sub("", compact(text)))
    value = _DASH_AFTER_NAME.sub("", _STAMP.sub("", value).strip("_-—.。,，;；"))
    # Nor is a date written under the label (〇二四年三月, 2024年3月), nor what is left of a misread hint (费):):
    # a unit's name has three Chinese glyphs at least (宿迁学院).
    if not value or _VALUE_BAD.search(value) or DATE.search(value) or len(_HAN.findall(value)) < 3:
        return None
    return value
