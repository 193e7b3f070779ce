"""Layout families: each lays out a whole request (one `Plan`) as a list of `Page`s.

`FAMILIES` maps each family's name to its function.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.formgen import parts, tables, wording
from tests.formgen.canvas import Sheet
from tests.formgen.layout import Cell, Page, bottom, grid, paragraph
from tests.formgen.multipage import digital_plus_scan, multi_page
from tests.formgen.parts import LEFT, RIGHT
from tests.formgen.plan import Plan
from tests.formgen.wording import Style


def letter_lines(plan: Plan, rng: random.Random) -> list[Page]:
    """A letter: changes in a table, approval blocks as lines, seal over the applying unit."""
    style = Style.draw(rng)
    sheet = Sheet()
    y = parts.letterhead(sheet, plan.school, rng) if rng.random() < 0.5 else 22.0
    y = parts.title_and_opening(sheet, plan, rng, y)
    if rng.random() < 0.3:  # the letter names the main change too; the table repeats it
        summary = f"其中，{wording.prose_item(plan.edits[0], style, rng)}具体调整内容如下表："
        y = paragraph(sheet, LEFT, y, RIGHT - LEFT, summary, 13) + 2
    y = tables.item_table(sheet, plan, style, rng, y)
    return parts.finish(sheet, plan, rng, y, "lines")


def boxed_form(plan: Plan, rng: random.Random) -> list[Page]:
    """A letter whose approval blocks are a two-column ruled table under the changes."""
    style = Style.draw(rng)
    sheet = Sheet()
    y = parts.title_and_opening(sheet, plan, rng, 22.0)
    y = tables.item_table(sheet, plan, style, rng, y)
    return parts.finish(sheet, plan, rng, y, "box")


def numbered_prose(plan: Plan, rng: random.Random) -> list[Page]:
    """A letter stating each change as a numbered item in prose; approvals as lines or a box."""
    style = Style.draw(rng)
    sheet = Sheet()
    y = parts.letterhead(sheet, plan.school, rng) if rng.random() < 0.4 else 22.0
    y = parts.title_and_opening(sheet, plan, rng, y)
    for index, edit in enumerate(plan.edits):
        item = f"{wording.number(style, index)}{wording.prose_item(edit, style, rng)}"
        y = paragraph(sheet, LEFT, y, RIGHT - LEFT, item, 13, indent=True)
    return parts.finish(sheet, plan, rng, y + 2, rng.choice(("lines", "box")))


def approval_grid(plan: Plan, rng: random.Random) -> list[Page]:
    """An 审批表: one ruled grid with unit/contact rows, a changes sub-table, opinions and a seal cell."""
    style = Style.draw(rng)
    sheet = Sheet()
    title = rng.choice(("2024年1+X证书试点申报调整审批表", "1+X证书制度试点申报信息调整审批表",
                        f"{plan.school.name}2024年证书申报调整审批表"))
    sheet.centred(20, title, 16 if len(title) < 20 else 14, "sans_bold")
    x, width = LEFT - 5, RIGHT - LEFT + 10
    head = grid(sheet, x, 34, [30, width - 30 - 60, 26, 34], [
        [Cell("单位名称"), Cell(plan.unit_written, colspan=3)],
        [Cell("联系人"), Cell(plan.contact), Cell("联系电话"), Cell(plan.phone)],
    ], 11.5, min_height=11)
    y = bottom(head)
    rows = [[Cell("序号"), Cell("证书名称"), Cell("等级"), Cell("调整事项"), Cell(style.columns[0]),
             Cell(style.columns[1])]]
    number = 0
    for edit in plan.edits:
        for change in edit.changes:
            number += 1
            rows.append([Cell(str(number)), Cell(wording.certificate(edit, style, with_level=False)),
                         Cell(edit.level if edit.level_written else ""), Cell(style.field_labels[change.field]),
                         Cell(wording.value(change.field, change.old, style)),
                         Cell(wording.value(change.field, change.new, style))])
    boxes = grid(sheet, x + 30, y, [11, 44, 16, 23, (width - 124) / 2, (width - 124) / 2], rows, 10.5,
                 min_height=9.0)
    grid(sheet, x, y, [30], [[Cell("调整\n内容")]], 11.5, min_height=bottom(boxes) - y)
    y = bottom(boxes)
    reason = grid(sheet, x, y, [30, width - 30], [[Cell("调整原因"), Cell(plan.reason + "。", align="left")]],
                  11.5, min_height=16)
    room = (285 - bottom(reason)) / 3  # three rows must fit on the one page an 审批表 has
    y, spot = parts.approval_box(sheet, plan, rng, bottom(reason), x, width, seal_row=True, height_limit=room)
    parts.stamp_seal(sheet, plan, rng, spot)
    return [Page(sheet)]


def vertical_form(plan: Plan, rng: random.Random) -> list[Page]:
    """Per certificate a block: `证书名称：智能财税（中级）`, then 调整项目 | 原申报 | 拟调整为 rows."""
    style = Style.draw(rng)
    sheet = Sheet()
    y = parts.title_and_opening(sheet, plan, rng, 22.0)
    columns = rng.choice((("调整项目", "原申报", "拟调整为"), ("调整项目", "调整前", "调整后"),
                          ("项目", "原申报内容", "调整后内容")))
    for edit in plan.edits:
        by_field = {change.field: change for change in edit.changes}
        rows = [[Cell(f"证书名称：{wording.certificate(edit, style, edit.level_written)}", colspan=3,
                      align="left")], [Cell(text) for text in columns]]
        for field in ("headcount", "major", "level"):
            change = by_field.get(field)
            if change is not None:
                rows.append([Cell(style.field_labels[field]), Cell(wording.value(field, change.old, style)),
                             Cell(wording.value(field, change.new, style))])
            elif rng.random() < 0.5 and edit.declaration is not None:
                old = {"headcount": edit.declaration.headcount, "major": edit.declaration.major,
                       "level": edit.declaration.level}[field]
                old_text = wording.value(field, old, style)
                rows.append([Cell(style.field_labels[field]), Cell(old_text),
                             Cell(wording.unchanged_cell(old_text, style))])
        y = bottom(grid(sheet, LEFT, y, [40, 60, 60], rows, 11, min_height=8.5)) + 4
    return parts.finish(sheet, plan, rng, y, rng.choice(("lines", "box", "box")))


def wide_table(plan: Plan, rng: random.Random) -> list[Page]:
    """A letter with one row per certificate and before/after columns per field."""
    style = Style.draw(rng)
    sheet = Sheet()
    y = parts.letterhead(sheet, plan.school, rng) if rng.random() < 0.3 else 22.0
    y = parts.title_and_opening(sheet, plan, rng, y)
    y = tables.wide_table(sheet, plan, style, rng, y)
    return parts.finish(sheet, plan, rng, y, rng.choice(("lines", "box")))


FAMILIES: dict[str, Callable[[Plan, random.Random], list[Page]]] = {
    "letter_lines": letter_lines,
    "boxed_form": boxed_form,
    "approval_grid": approval_grid,
    "numbered_prose": numbered_prose,
    "vertical_form": vertical_form,
    "wide_table": wide_table,
    "multi_page": multi_page,
    "digital_plus_scan": digital_plus_scan,
}

