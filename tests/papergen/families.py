"""The layout families: each draws the pages of one kind of request a school really sends.

A family returns `Page`s (a drawn sheet plus how it lies in the scanner); `capture` turns them into files.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from tests.papergen import parts as P
from tests.papergen import wording as W
from tests.papergen.drawing import Cell, Sheet
from tests.papergen.plan import Plan, person_name


@dataclass
class Page:
    """One drawn page; `sideways` pages are fed into the scanner rotated by 90°."""

    sheet: Sheet
    note: str
    sideways: bool = False
    text_layer: bool = False


def _letter_top(sheet: Sheet, plan: Plan, titles: list[str] | None = None) -> float:
    rng = sheet.rng
    y = P.heading(sheet, plan, titles or W.TITLES)
    if rng.random() < 0.75:
        sheet.text(25, y, rng.choice(W.ADDRESSEE))
        y += 10
    intro = rng.choice(W.INTROS)
    return sheet.paragraph(25, y, sheet.w_mm - 50, intro) + 3


def letter_lines(plan: Plan, rng: random.Random, dpi: int) -> list[Page]:
    """A letter: intro, a change table, 恳请批准, approval lines with signatures, 申请单位 + seal."""
    sheet = Sheet(dpi, rng)
    y = _letter_top(sheet, plan)
    if rng.random() < 0.25:  # the letter restates a change that the table lists again
        y = sheet.paragraph(25, y, sheet.w_mm - 50, "其中，" + W.prose_change(rng, plan.changes[0]) + "。详见下表：") + 2
        plan.pages.append("letter restates the first change above the table")
    table = rng.choice([P.two_col_table, P.two_col_table, P.wide_table])
    y = table(sheet, 22, y, sheet.w_mm - 44, plan)
    y = sheet.paragraph(25, y, sheet.w_mm - 50, rng.choice(W.CLOSINGS)) + 4
    if rng.random() < 0.5:
        y = P.lines_approvals(sheet, 28, y + 2, plan)
        P.signoff(sheet, y + 2, plan)
    else:
        y = P.signoff(sheet, y, plan)
        P.lines_approvals(sheet, 28, y, plan)
    return [Page(sheet, "letter with table and approval lines")]


def numbered_list(plan: Plan, rng: random.Random, dpi: int) -> list[Page]:
    """A letter listing the changes as numbered sentences (1. / （1） / 一、)."""
    sheet = Sheet(dpi, rng)
    y = _letter_top(sheet, plan)
    y = P.numbered_items(sheet, 25, y, sheet.w_mm - 50, plan)
    y = sheet.paragraph(25, y + 2, sheet.w_mm - 50, rng.choice(W.CLOSINGS)) + 6
    if rng.random() < 0.5:
        y = P.lines_approvals(sheet, 28, y, plan)
    else:
        y = P.boxed_approvals(sheet, 22, y, sheet.w_mm - 44, plan)
    P.signoff(sheet, y, plan)
    return [Page(sheet, "letter with numbered change sentences")]


def boxed_form(plan: Plan, rng: random.Random, dpi: int) -> list[Page]:
    """An 申请表: title, 申请单位 line, change table, then a boxed two-column approval table."""
    sheet = Sheet(dpi, rng)
    y = P.heading(sheet, plan, W.FORM_TITLES)
    sheet.text(22, y, rng.choice(["申请单位：", "单位名称：", "申请单位（盖章）："]) + plan.school.name)
    y += 10
    if rng.random() < 0.5:
        sheet.text(22, y, f"联系人：{plan.contact}　　联系电话：{plan.phone}")
        y += 10
    table = rng.choice([P.two_col_table, P.merged_table, P.wide_table])
    y = table(sheet, 20, y, sheet.w_mm - 40, plan)
    y = P.boxed_approvals(sheet, 20, y + 2, sheet.w_mm - 40, plan)
    P.signoff(sheet, y + 4, plan)
    return [Page(sheet, "form with boxed approval cells")]


def approval_grid(plan: Plan, rng: random.Random, dpi: int) -> list[Page]:
    """An 审批表: one ruled grid holding unit, contact, a changes sub-table, both opinions and a 单位盖章 cell."""
    plan.leader.under_seal = False
    sheet = Sheet(dpi, rng)
    y = P.heading(sheet, plan, W.GRID_TITLES)
    x, width = 18.0, sheet.w_mm - 36
    lw = 32.0
    pt = min(sheet.pt, 12)
    sheet.cells([Cell(x, y, lw, 11, "单位名称", pt=pt), Cell(x + lw, y, width - lw, 11, plan.school.name, pt=pt)])
    y += 11
    half = (width - 2 * lw) / 2
    sheet.cells([Cell(x, y, lw, 11, "联系人", pt=pt), Cell(x + lw, y, half, 11, plan.contact, pt=pt),
                 Cell(x + lw + half, y, lw, 11, "联系电话", pt=pt), Cell(x + 2 * lw + half, y, half, 11, plan.phone, pt=pt)])
    y += 11
    sheet.cells([Cell(x, y, width, 10, rng.choice(["申请调整内容", "调整事项", "申报调整明细"]), pt=pt, bold=True)])
    y += 10
    table = rng.choice([P.two_col_table, P.merged_table])
    y = table(sheet, x, y, width, plan) - 4
    y = P.boxed_approvals(sheet, x, y, width, plan) - 5
    h = 38.0
    sheet.cells([Cell(x, y, lw, h, rng.choice(["单位盖章", "单位意见\n（盖章）", "学校盖章"]), pt=pt), Cell(x + lw, y, width - lw, h)])
    sheet.text(x + width - 60, y + h - 10, W.date_text(rng, plan), pt)
    P.seal(sheet, plan, x + width - 45, y + h / 2)
    return [Page(sheet, "审批表 grid with 单位盖章 cell")]


def vertical_form(plan: Plan, rng: random.Random, dpi: int) -> list[Page]:
    """Per certificate a block: 证书名称：X（中级）, then 调整项目 | 原申报 | 拟调整为 rows."""
    sheet = Sheet(dpi, rng)
    y = P.heading(sheet, plan, W.FORM_TITLES)
    sheet.text(22, y, "申请单位：" + plan.school.name)
    y += 11
    y = P.vertical_blocks(sheet, 22, y, sheet.w_mm - 44, plan)
    pages = [Page(sheet, "vertical per-certificate form")]
    if y > sheet.h_mm - 110:  # the approvals go on a second sheet of the form
        sheet = Sheet(dpi, rng, body_font=sheet.font_name, pt=sheet.pt)
        pages.append(Page(sheet, "form page 2: approvals"))
        y = 25.0
    if rng.random() < 0.5:
        y = P.boxed_approvals(sheet, 22, y + 2, sheet.w_mm - 44, plan)
    else:
        y = P.lines_approvals(sheet, 26, y + 4, plan)
    P.signoff(sheet, y, plan)
    return pages


def merged_header_table(plan: Plan, rng: random.Random, dpi: int) -> list[Page]:
    """A letter whose table has a two-row merged header; approvals in a box or lines; sometimes a 续表 page."""
    sheet = Sheet(dpi, rng)
    y = _letter_top(sheet, plan)
    split = len(plan.changes) >= 2 and rng.random() < 0.5
    first = plan.changes[:1] if split else plan.changes
    y = P.merged_table(sheet, 18, y, sheet.w_mm - 36, plan, rows=first)
    pages = [Page(sheet, "letter with merged-header table")]
    target = sheet
    if split:
        target = Sheet(dpi, rng, body_font=sheet.font_name, pt=sheet.pt)
        y2 = P.merged_table(target, 18, 20, target.w_mm - 36, plan, rows=plan.changes[1:], continued=True)
        pages.append(Page(target, "续表 with repeated header"))
        y = y2
    y = P.boxed_approvals(target, 20, y + 4, target.w_mm - 40, plan) if rng.random() < 0.5 else \
        P.lines_approvals(target, 26, y + 4, plan)
    P.signoff(target, y, plan)
    return pages


def landscape_annex(plan: Plan, rng: random.Random, dpi: int) -> list[Page]:
    """A portrait letter (approvals, seal) plus a landscape 附表 scanned sideways, maybe over two pages."""
    sheet = Sheet(dpi, rng)
    y = _letter_top(sheet, plan)
    y = sheet.paragraph(25, y, sheet.w_mm - 50, rng.choice(["具体调整内容详见附表。", "调整明细见附表。", "具体调整情况见附件。"]) +
                        rng.choice(W.CLOSINGS)) + 6
    y = P.lines_approvals(sheet, 28, y, plan) if rng.random() < 0.5 else P.boxed_approvals(sheet, 22, y, sheet.w_mm - 44, plan)
    P.signoff(sheet, y + 2, plan)
    pages = [Page(sheet, "letter page")]
    split = len(plan.changes) >= 2 and rng.random() < 0.5
    chunks = [plan.changes[:1], plan.changes[1:]] if split else [plan.changes]
    table = rng.choice([P.wide_table, P.merged_table, P.two_col_table])
    for k, chunk in enumerate(chunks):
        annex = Sheet(dpi, rng, landscape=True, body_font=sheet.font_name)
        ay = 18.0
        if k == 0:
            annex.text(20, ay, rng.choice(["附表", "附件", "附表："]), 14, "hei_bold")
            ay = P.heading(annex, plan, ["2024年1+X证书申报调整明细表", "证书申报调整情况一览表"], ay + 8)
        ay = table(annex, 20, ay, annex.w_mm - 40, plan, rows=chunk, continued=k > 0)
        pages.append(Page(annex, "landscape annex" + (" 续表" if k else ""), sideways=True))
    return pages


def long_pdf_student_lists(plan: Plan, rng: random.Random, dpi: int) -> list[Page]:
    """Six pages: the signed letter, student lists, the change table on page 4, more student lists."""
    letter = Sheet(dpi, rng)
    y = _letter_top(letter, plan)
    y = letter.paragraph(25, y, letter.w_mm - 50, "调整明细见附件2，拟参加考核学生名单见附件1、附件3。" + rng.choice(W.CLOSINGS)) + 6
    y = P.lines_approvals(letter, 28, y, plan) if rng.random() < 0.5 else P.boxed_approvals(letter, 22, y, letter.w_mm - 44, plan)
    P.signoff(letter, y + 2, plan)
    pages = [Page(letter, "letter page")]
    for n in range(2):
        pages.append(Page(_student_list(plan, rng, dpi, "附件1" if n == 0 else None), "student list"))
    table_page = Sheet(dpi, rng, body_font=letter.font_name)
    table_page.text(22, 18, "附件2", 14, "hei_bold")
    ty = P.heading(table_page, plan, ["1+X证书申报调整明细表", "2024年证书申报调整一览表"], 28)
    rng.choice([P.two_col_table, P.wide_table])(table_page, 20, ty, table_page.w_mm - 40, plan)
    pages.append(Page(table_page, "change table (page 4)"))
    for n in range(2):
        pages.append(Page(_student_list(plan, rng, dpi, "附件3" if n == 0 else None), "student list"))
    return pages


def _student_list(plan: Plan, rng: random.Random, dpi: int, caption: str | None) -> Sheet:
    sheet = Sheet(dpi, rng, pt=10.5)
    y = 18.0
    if caption:
        sheet.text(20, y, caption, 14, "hei_bold")
        y += 10
        decl = rng.choice(plan.school.declarations)
        sheet.text(sheet.w_mm / 2, y, f"{decl.certificate}职业技能等级证书（{decl.level}）拟参加考核学生名单", 14, "song_bold",
                   anchor="ma")
        y += 12
    rows = [["序号", "姓名", "性别", "班级", "学号", "专业"]]
    start = rng.randrange(1, 200)
    for i in range(22 if caption else 26):
        rows.append([str(start + i), person_name(rng), rng.choice("男女"), f"{rng.choice(['22', '23'])}级{rng.randrange(1, 5)}班",
                     f"2023{rng.randrange(100000, 999999)}", rng.choice(plan.school.majors)])
    cols = [12, 24, 12, 30, 36, 56]
    P._grid(sheet, 20, y, cols, rows, 10.5, row_h=8.6)
    return sheet


def approval_page(plan: Plan, rng: random.Random, dpi: int) -> Sheet:
    """The signed, sealed last page that a Word-made PDF gets as a scan."""
    sheet = Sheet(dpi, rng)
    y = 30.0
    if rng.random() < 0.5:
        sheet.text(sheet.w_mm / 2, 20, "审批意见", 16, "hei_bold", anchor="ma")
        y = 34
    y = P.boxed_approvals(sheet, 22, y, sheet.w_mm - 44, plan) if rng.random() < 0.6 else P.lines_approvals(sheet, 28, y, plan)
    P.signoff(sheet, y + 6, plan)
    return sheet


def phone_photo(plan: Plan, rng: random.Random, dpi: int) -> list[Page]:
    """Any everyday layout, but photographed with a phone (capture decides the photo look)."""
    inner = rng.choice([letter_lines, boxed_form, numbered_list, vertical_form])
    pages = inner(plan, rng, dpi)
    for page in pages:
        page.note += f" ({inner.__name__})"
    return pages


FAMILIES: dict[str, Callable[[Plan, random.Random, int], list[Page]]] = {
    "letter_lines": letter_lines,
    "boxed_form": boxed_form,
    "approval_grid": approval_grid,
    "vertical_form": vertical_form,
    "numbered_list": numbered_list,
    "merged_header_table": merged_header_table,
    "word_pdf_plus_scan": letter_lines,  # drawn as a text-layer PDF by `wordpdf`, this is only a fallback
    "landscape_annex": landscape_annex,
    "long_pdf_student_lists": long_pdf_student_lists,
    "phone_photo": phone_photo,
}
