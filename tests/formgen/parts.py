"""Pieces a request is built from: letterhead, letter text, approval blocks, signatures, the seal, and
`finish` (closing, approvals and seal, overleaf when the page is full).

Drawing functions take a `Sheet` and a y (mm) and return the y below what they drew.
"""

from __future__ import annotations

import random

from tests.formgen import ink
from tests.formgen.canvas import RED, Sheet, text_width_mm
from tests.formgen.layout import Cell, Page, bottom, grid, line_height, paragraph, wrap
from tests.formgen.plan import Approval, Plan
from tests.formgen.registry import School

LEFT, RIGHT = 25.0, 185.0
OFFICE = "江苏省职业院校1+X证书制度试点工作办公室："
DEPARTMENT_LABELS = ("证书试点管理部门意见", "学校证书试点管理部门意见", "证书试点管理部门（教务处）意见")
LEADER_LABELS = ("校级分管领导意见", "分管校领导意见", "校领导意见")
SIGN_LABELS = ("负责人（签字）：", "负责人签字：", "签字：", "签名：")
ENGLISH = {"南京": "NANJING", "苏州": "SUZHOU", "无锡": "WUXI", "常州": "CHANGZHOU", "南通": "NANTONG",
           "扬州": "YANGZHOU", "徐州": "XUZHOU", "盐城": "YANCHENG", "淮安": "HUAIAN", "泰州": "TAIZHOU",
           "镇江": "ZHENJIANG", "宿迁": "SUQIAN"}


def letterhead(sheet: Sheet, school: School, rng: random.Random, y: float = 18.0) -> float:
    """A red letterhead (红头) and red rule: red ink that is not a seal."""
    title = school.name + rng.choice(("", "文件", ""))
    size = 26 if len(title) <= 12 else 22
    sheet.centred(y, title, size, "serif_bold", RED)
    y += size * 0.45 + 6
    if rng.random() < 0.5:
        sheet.centred(y, f"{school.name[:2]}校教〔2024〕{rng.randrange(5, 40)}号", 11, "serif")
        y += 7
    sheet.line(LEFT - 5, y, RIGHT + 5, y, 0.9, RED)
    if rng.random() < 0.5:
        sheet.line(LEFT - 5, y + 1.4, RIGHT + 5, y + 1.4, 0.3, RED)
    return y + 8


def title_and_opening(sheet: Sheet, plan: Plan, rng: random.Random, y: float, letter: bool = True) -> float:
    name = plan.unit_written
    title = rng.choice((f"{name}关于调整2024年1+X证书申报信息的申请", "关于2024年证书申报调整的申请",
                        f"{name}2024年1+X证书申报调整申请", "2024年职业技能等级证书申报调整申请"))
    for line in wrap(title, RIGHT - LEFT - 10, 17, "sans_bold"):
        sheet.centred(y, line, 17, "sans_bold")
        y += 10
    if not letter:
        return y + 2
    y += 4
    sheet.text(LEFT, y, OFFICE, 13)
    y += line_height(13) + 1
    body = (f"根据《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，我校已在职业技能等级证书信息管理"
            f"服务平台完成2024年度证书申报。{plan.reason}，经学校证书试点管理部门和校级分管领导同意，"
            f"现申请对以下证书的申报信息进行调整：")
    return paragraph(sheet, LEFT, y, RIGHT - LEFT, body, 13) + 2


def closing(sheet: Sheet, plan: Plan, y: float, with_unit: bool = True) -> tuple[float, tuple[float, float]]:
    """特此申请, contact, the applying unit and date; returns (y below, centre of the seal spot)."""
    sheet.text(LEFT, y, "\u3000\u3000特此申请。", 13)
    y += line_height(13) + 1
    sheet.text(LEFT, y, f"\u3000\u3000联系人：{plan.contact}\u3000\u3000联系电话：{plan.phone}", 13)
    y += line_height(13) + 6
    spot = (RIGHT - 35, y + 6)
    if with_unit:
        unit = f"申请单位：{plan.unit_written}（盖章）"
        sheet.text(RIGHT - text_width_mm(unit, 13), y, unit, 13)
        y += line_height(13)
        date = f"2024年3月{plan.day}日" if plan.day % 4 else f"二〇二四年三月{chinese_day(plan.day)}日"
        sheet.text(RIGHT - text_width_mm(date, 13) - 10, y, date, 13)
        y += line_height(13) + 4
    return y, spot


def chinese_day(day: int) -> str:
    """A day of the month as official letters date themselves: 八, 十二, 二十."""
    digits = "〇一二三四五六七八九"
    tens, ones = divmod(day, 10)
    return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones else "")


def seal_spot(unit_spot: tuple[float, float], over_signature: tuple[float, float],
              rng: random.Random) -> tuple[float, float]:
    """Where the seal goes on a letter: over the applying unit, or often over the leader's signature."""
    return over_signature if rng.random() < 0.35 else unit_spot


def seal_image(plan: Plan, rng: random.Random) -> tuple[object, float]:
    """The school's official seal and its width in mm."""
    school = plan.school
    if plan.seal_shape == "oval":
        english = f"{ENGLISH[school.city[:2]]} {rng.choice(('VOCATIONAL COLLEGE', 'SCHOOL', 'INSTITUTE'))}"
        return ink.oval_seal(school.name, english, f"No.{rng.randrange(3200000000, 3299999999)}", rng), 48.0
    serial = f"{rng.randrange(3201000000000, 3213999999999)}" if rng.random() < 0.4 else ""
    return ink.round_seal(school.name, rng, diameter_mm=rng.choice((40.0, 42.0)), serial=serial), 41.0


def stamp_seal(sheet: Sheet, plan: Plan, rng: random.Random, centre: tuple[float, float]) -> None:
    if plan.seal:
        image, width = seal_image(plan, rng)
        sheet.mark(centre[0] + rng.uniform(-4, 4), centre[1] + rng.uniform(-3, 3), width, image,
                   rng.uniform(-15, 15))


def signature_mark(sheet: Sheet, approval: Approval, x: float, y: float, rng: random.Random) -> float:
    """Put the approver's signature with its left edge at x, centred on y; returns its right edge."""
    if approval.signature == "hand":
        image = ink.signature(approval.signer, rng, approval.ink)
        width = rng.uniform(18, 28)
        sheet.mark(x + width / 2, y, width, image, rng.uniform(-6, 6))
        return x + width
    if approval.signature == "stamp":
        sheet.mark(x + 8, y, rng.uniform(12, 16), ink.name_stamp(approval.signer, rng), rng.uniform(-4, 4))
        return x + 17
    if approval.signature == "typed":
        sheet.text(x + 1, y - 2.5, approval.signer, 12)
        return x + text_width_mm(approval.signer, 12) + 2
    return x


def date_mark(sheet: Sheet, approval: Approval, plan: Plan, x: float, y: float, rng: random.Random) -> None:
    """The date beside a signature: handwritten when signed by hand, else typed (or left blank)."""
    if approval.signature == "hand" and rng.random() < 0.7:
        text = rng.choice((f"2024.3.{plan.day}", f"3月{plan.day}日", f"2024年3月{plan.day}日"))
        image = ink.handwriting(text, rng, approval.ink, rng.uniform(4.5, 6.0))
        sheet.mark(x + ink.width_mm(image) / 2, y, ink.width_mm(image), image)
    elif approval.signature != "none" or rng.random() < 0.5:
        sheet.text(x, y - 2.5, f"2024年3月{plan.day}日", 12)


def approval_lines(sheet: Sheet, plan: Plan, rng: random.Random, y: float) -> tuple[float, tuple[float, float]]:
    """Approval blocks as lines: `…意见：同意。` then a 签字 label with the signature and a date.
    Returns (y below, a seal centre over the end of the leader's signature and its date)."""
    for approval, labels in ((plan.department, DEPARTMENT_LABELS), (plan.leader, LEADER_LABELS)):
        label = rng.choice(labels)
        opinion = approval.opinion or ""
        sheet.text(LEFT, y, f"{label}：{opinion}", 13)
        y += line_height(13) + 3
        # Now and then a block has no 签字 label: the signature then stands under the opinion (SPEC §2).
        no_label = approval.signature != "typed" and rng.random() < 0.1
        sign_label = "" if no_label else rng.choice(SIGN_LABELS)
        x = LEFT + 45
        if sign_label:
            sheet.text(x, y, sign_label, 13)
            x += text_width_mm(sign_label, 13) + 2
        right = signature_mark(sheet, approval, x, y + 3, rng)
        date_mark(sheet, approval, plan, max(right + 6, x + 30), y + 3, rng)
        over_signature = (max(right + 6, x + 30) + rng.uniform(4, 16), y + 3 + rng.uniform(-4, 4))
        y += 14
    return y, over_signature


def wrapped_label(label: str, rng: random.Random) -> str:
    """A label centred in a narrow cell, broken over two or three lines at a varying point."""
    if len(label) < 7 or rng.random() < 0.6:
        cut = rng.randrange(2, len(label) - 1)
        return f"{label[:cut]}\n{label[cut:]}"
    first = rng.randrange(2, len(label) - 4)
    second = rng.randrange(first + 2, len(label) - 1)
    return f"{label[:first]}\n{label[first:second]}\n{label[second:]}"


def approval_box(sheet: Sheet, plan: Plan, rng: random.Random, y: float, x: float = LEFT,
                 width: float = RIGHT - LEFT, seal_row: bool = False,
                 height_limit: float = 44.0) -> tuple[float, tuple[float, float]]:
    """Approval blocks as a two-column ruled table; returns (y below, centre for the seal)."""
    label_width = rng.uniform(26, 34)
    height = min(rng.uniform(34, 44), height_limit)
    rows = []
    for labels in (DEPARTMENT_LABELS, LEADER_LABELS):
        rows.append([Cell(wrapped_label(rng.choice(labels), rng)), Cell("")])
    if seal_row:
        rows.append([Cell(rng.choice(("单位盖章", "学校意见\n（盖章）", "单位\n盖章"))), Cell("")])
    boxes = grid(sheet, x, y, [label_width, width - label_width], rows, 12, min_height=height)
    for row, approval in enumerate((plan.department, plan.leader)):
        cell = boxes[(row, 1)]
        _opinion_in_cell(sheet, approval, cell.x + 3, cell.y + 3, rng)
        # Some boxes have no 签字 label: the approver signs under the opinion (SPEC §2).
        no_label = approval.signature != "typed" and rng.random() < 0.12
        sign_label = "" if no_label else rng.choice(SIGN_LABELS)
        sign_y = cell.y + cell.h - 14
        sign_x = cell.x + cell.w * rng.uniform(0.3, 0.45)
        sheet.text(sign_x, sign_y - 2.5, sign_label, 12)
        signature_mark(sheet, approval, sign_x + text_width_mm(sign_label, 12) + 1, sign_y, rng)
        date_mark(sheet, approval, plan, cell.x + cell.w - rng.uniform(36, 42), cell.y + cell.h - 6.5, rng)
    if seal_row:
        cell = boxes[(2, 1)]
        sheet.text(cell.x + cell.w - 40, cell.y + cell.h - 9, f"2024年3月{plan.day}日", 12)
        return bottom(boxes) + 4, (cell.x + cell.w - 35, cell.y + cell.h / 2)
    leader = boxes[(1, 1)]
    # Over the date and the end of the signature: partly covering it, as schools stamp.
    return bottom(boxes) + 4, (leader.x + leader.w - rng.uniform(16, 30), leader.y + leader.h - rng.uniform(6, 12))


def _opinion_in_cell(sheet: Sheet, approval: Approval, x: float, y: float, rng: random.Random) -> None:
    if approval.opinion is None:
        return
    if approval.signature == "hand" and rng.random() < 0.4:
        image = ink.handwriting(approval.opinion, rng, approval.ink, 6.5)
        sheet.mark(x + ink.width_mm(image) / 2, y + 4, ink.width_mm(image), image)
    else:
        sheet.text(x, y, approval.opinion, 12)


def finish(sheet: Sheet, plan: Plan, rng: random.Random, y: float, approvals: str) -> list[Page]:
    """特此申请 and the unit, the approval blocks (`lines` or `box`) and the seal, overleaf when the
    page is full (they stay together, as a school would keep them)."""
    pages: list[Page] = []
    if y + 30 > 285:
        pages.append(Page(sheet))
        sheet, y = Sheet(), 25.0
    y, spot = closing(sheet, plan, y, with_unit=approvals == "lines" or rng.random() < 0.5)
    # A box squeezes into what is left of the page down to 30 mm a row; below that it goes overleaf.
    overleaf = y + (45 if approvals == "lines" else 66) > 285
    if overleaf:  # the approvals go to the next page, and the seal with them
        pages.append(Page(sheet))
        sheet, y = Sheet(), 25.0
    if approvals == "lines":
        _, over_signature = approval_lines(sheet, plan, rng, y + 2)
        spot = over_signature if overleaf else seal_spot(spot, over_signature, rng)
    else:
        _, box_spot = approval_box(sheet, plan, rng, y + 2, height_limit=(285 - y - 6) / 2)
        spot = box_spot if overleaf or rng.random() < 0.6 else spot
    stamp_seal(sheet, plan, rng, spot)
    return [*pages, Page(sheet)]
