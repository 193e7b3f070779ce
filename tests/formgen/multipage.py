"""Families of more than one page: a table continued under 续表, changes amid student lists, a sideways
landscape annex, and a born-digital letter followed by its signed and sealed page as a scan.
"""

from __future__ import annotations

import random

from tests.formgen import parts, tables
from tests.formgen.canvas import Sheet
from tests.formgen.layout import Cell, Page, grid, paragraph
from tests.formgen.parts import LEFT, RIGHT
from tests.formgen.plan import Plan, person
from tests.formgen.registry import major_name
from tests.formgen.wording import Style

PAGE_END = 280.0
BACKGROUND = ("一、基本情况", "我校高度重视1+X证书制度试点工作，成立了由分管校领导任组长的试点工作领导小组，"
              "教务处作为证书试点管理部门具体负责组织实施。2024年度我校共申报{count}个证书试点，覆盖多个专业。",
              "二、调整原因", "{reason}，部分证书原申报的考核等级、试点专业或人数规模与实际情况不符，"
              "为确保试点质量、提高考核通过率，经研究，拟对以下证书申报信息进行调整。", "三、调整事项")


def multi_page(plan: Plan, rng: random.Random) -> list[Page]:
    variant = rng.choice(("continued", "continued", "student_lists", "sideways_annex"))
    if variant == "student_lists":
        return _amid_student_lists(plan, rng)
    if variant == "sideways_annex":
        return _sideways_annex(plan, rng)
    return _continued(plan, rng)


def _continued(plan: Plan, rng: random.Random) -> list[Page]:
    """A long letter whose change table breaks over the page, `续表` and the header repeated."""
    style = Style.draw(rng)
    sheet = Sheet()
    y = parts.letterhead(sheet, plan.school, rng) if rng.random() < 0.5 else 22.0
    y = parts.title_and_opening(sheet, plan, rng, y)
    for text in BACKGROUND:
        text = text.format(count=len(plan.edits) + len(plan.unchanged) + 2, reason=plan.reason)
        y = paragraph(sheet, LEFT, y, RIGHT - LEFT, text, 13, indent=len(text) > 8)
    y += 2
    # Fill page one row by row; the rows that do not fit go to page two under 续表.
    pages: list[Page] = []
    edits, unchanged, number = list(plan.edits), list(plan.unchanged), 0
    first = True
    while edits or unchanged:
        mark = len(sheet.ops)
        take_edits = edits[:1] if edits else []
        take_unchanged = [] if take_edits else unchanged[:1]
        below = tables.item_table(sheet, plan, style, rng, y, take_edits, take_unchanged, number, header=first,
                                 reasons=tables.LONG_REASONS)
        if below > PAGE_END - 8 and not first:
            del sheet.ops[mark:]
            pages.append(Page(sheet))
            sheet = Sheet()
            sheet.text(LEFT - 3, 18, rng.choice(("续表", "续表：", "（续表）")), 12, "sans_bold")
            y, first = 26.0, True
            continue
        number += sum(len(edit.changes) for edit in take_edits) + len(take_unchanged)
        edits, unchanged = edits[len(take_edits):], unchanged[len(take_unchanged):]
        y, first = below - 5, False
    y += 5
    if not pages:  # everything fitted: the closing and approvals still go overleaf
        pages.append(Page(sheet))
        sheet, y = Sheet(), 25.0
    return [*pages, *parts.finish(sheet, plan, rng, y, "box")]


def student_list(plan: Plan, rng: random.Random, number: int) -> Sheet:
    """A 拟参加考核学生名单 page: names, ids, classes and majors — no changes."""
    sheet = Sheet()
    item = rng.choice([edit.declaration for edit in plan.edits if edit.declaration] or [None])
    title = (f"附件{number}：{item.certificate}职业技能等级证书（{item.level}）拟参加考核学生名单" if item
             else f"附件{number}：拟参加考核学生名单")
    sheet.centred(18, title, 12.5, "sans_bold")
    major = major_name(item.major) if item else "—"
    rows = [[Cell(text) for text in ("序号", "姓名", "性别", "学号", "班级", "专业")]]
    start = rng.randrange(1, 400)
    for index in range(26):
        rows.append([Cell(str(start + index)), Cell(person(rng)), Cell(rng.choice("男女")),
                     Cell(f"2022{rng.randrange(100000, 999999)}"),
                     Cell(f"{major[:2]}{rng.choice(('2201', '2202', '2301'))}班"), Cell(major)])
    grid(sheet, LEFT - 5, 28, [14, 26, 14, 36, 30, 50], rows, 10.5, min_height=8.0)
    return sheet


def _amid_student_lists(plan: Plan, rng: random.Random) -> list[Page]:
    """Six pages: the request (changes, approvals, seal) on page four, student lists around it."""
    style = Style.draw(rng)
    request = Sheet()
    y = parts.title_and_opening(request, plan, rng, 22.0)
    y = tables.item_table(request, plan, style, rng, y)
    y, spot = parts.closing(request, plan, y)
    y, over_signature = parts.approval_lines(request, plan, rng, y + 2)
    parts.stamp_seal(request, plan, rng, parts.seal_spot(spot, over_signature, rng))
    lists = [Page(student_list(plan, rng, index + 1)) for index in range(5)]
    return [*lists[:3], Page(request), *lists[3:]]


def _sideways_annex(plan: Plan, rng: random.Random) -> list[Page]:
    """A letter that refers to its annex; the annex is a landscape table scanned sideways."""
    style = Style.draw(rng)
    letter = Sheet()
    y = parts.letterhead(letter, plan.school, rng) if rng.random() < 0.5 else 22.0
    y = parts.title_and_opening(letter, plan, rng, y)
    y = paragraph(letter, LEFT, y, RIGHT - LEFT, "具体调整内容详见附表。", 13)
    y, spot = parts.closing(letter, plan, y + 2)
    y, over_signature = parts.approval_lines(letter, plan, rng, y + 2)
    parts.stamp_seal(letter, plan, rng, parts.seal_spot(spot, over_signature, rng))
    annex = Sheet(297.0, 210.0)
    annex.text(20, 15, "附表", 13, "sans_bold")
    annex.centred(24, "2024年1+X证书申报调整明细表", 15, "sans_bold")
    tables.wide_table(annex, plan, style, rng, 36, x=20, width=257, size=11)
    # Half the schools send the annex as a file of its own.
    return [Page(letter), Page(annex, sideways=True, attachment=rng.choice((0, 1)))]


def digital_plus_scan(plan: Plan, rng: random.Random) -> list[Page]:
    """A Word-made PDF page with a text layer (no ink), then the signed, sealed page as a scan."""
    style = Style.draw(rng)
    typed = Sheet()
    y = parts.title_and_opening(typed, plan, rng, 25.0)
    y = (tables.item_table if rng.random() < 0.6 else tables.wide_table)(typed, plan, style, rng, y)
    parts.closing(typed, plan, y, with_unit=False)
    signed = Sheet()
    signed.centred(25, rng.choice(("审批意见", f"{plan.school.name}证书申报调整审批意见",
                                   "2024年证书申报调整申请（审批页）")), 15, "sans_bold")
    y = 40.0
    if rng.random() < 0.5:
        y, spot = parts.approval_box(signed, plan, rng, y, seal_row=rng.random() < 0.5)
    else:
        y, over_signature = parts.approval_lines(signed, plan, rng, y)
        unit = f"申请单位（盖章）：{plan.unit_written}"
        signed.text(RIGHT - 95, y + 8, unit, 13)
        signed.text(RIGHT - 45, y + 17, f"2024年3月{plan.day}日", 13)
        spot = parts.seal_spot((RIGHT - 40, y + 14), over_signature, rng)
    parts.stamp_seal(signed, plan, rng, spot)
    return [Page(typed, digital=True), Page(signed)]

