"""Approval blocks (two signed opinions) and the sign-off (落款, date, seal), in office layouts."""

from __future__ import annotations

import random

from tests.officegen.draw import SIZE_3HAO, SIZE_XIAO4, Page, handwriting
from tests.officegen.plan import Plan
from tests.officegen.seals import double_stamp, name_stamp, official_seal, word_stamp

POSITIVE = ("同意", "同意调整", "同意申请", "原则同意", "同意。")


def opinion_ink(rng: random.Random, state: str, size: int = 56) -> tuple[str, object]:
    """(kind, image-or-text) of an opinion: handwritten words, a boxed 同意 stamp, or nothing."""
    if state == "refused":
        return "hand", handwriting(rng, rng.choice(("不同意", "暂不同意")), size)
    if state == "read_only":
        return "hand", handwriting(rng, "已阅", size)
    if rng.random() < 0.2:
        return "stamp", word_stamp(rng, "同意")
    return "hand", handwriting(rng, rng.choice(POSITIVE), size + rng.randint(0, 16))


def put_signature(rng: random.Random, page: Page, state: str, name: str, x: float, y: float) -> None:
    """The signer's mark centred at (x, y): handwritten name, 名章, typed name, or nothing."""
    if state in ("signed", "refused", "read_only"):
        page.paste_ink(handwriting(rng, name, 44, rng.choice(("blue", "black"))), x, y)
    elif state == "name_stamp":
        page.paste_ink(name_stamp(rng, name), x, y)
    elif state == "typed_name":
        page.text((x, y), name, "song", SIZE_XIAO4, anchor="mm")


def put_opinion(rng: random.Random, page: Page, state: str, x: float, y: float) -> None:
    if state == "typed_name":
        page.text((x, y), "同意", "song", SIZE_3HAO, anchor="mm")
        return
    _, ink = opinion_ink(rng, state)
    page.paste_ink(ink, x, y)


def hand_date(rng: random.Random, plan: Plan) -> object:
    m, d = plan.date
    return handwriting(rng, rng.choice((f"{m}.{d}", f"2024.{m}.{d}", f"{m}月{d}日")), 34, "blue")


def signature_table(rng: random.Random, page: Page, plan: Plan, y: int) -> int:
    """A stacked table 经办人 | 部门负责人 | 分管校领导 with 意见 / 签字 / 日期 rows."""
    x, widths = 100, [180, 300, 330, 330]
    rows = [["", "经办人", "证书试点管理部门负责人", "分管校领导"], ["意见", "", "", ""], ["签字", "", "", ""],
            ["日期", "", "", ""]]
    heights = 90
    bottom = page.grid(x, y, widths, rows, row_h=heights, shade_header=False)
    cols = [x + 180 + 150, x + 480 + 165, x + 810 + 165]
    states = ["signed", plan.department, plan.leader]
    names = [plan.people["clerk"], plan.people["department"], plan.people["leader"]]
    for i, (cx, state, name) in enumerate(zip(cols, states, names, strict=True)):
        if i > 0 and state != "blank":
            put_opinion(rng, page, state, cx, y + heights * 1.5)
        elif i > 0:
            put_opinion(rng, page, "signed", cx, y + heights * 1.5)
        put_signature(rng, page, state, name, cx, y + heights * 2.5)
        if state != "blank":
            page.paste_ink(hand_date(rng, plan), cx, y + heights * 3.5)
    return bottom


def side_by_side(rng: random.Random, page: Page, plan: Plan, y: int, height: int = 330) -> int:
    """Two 审核意见 boxes next to each other: left the certificate department, right the school."""
    boxes = [(90, "证书试点管理部门意见：", plan.department, plan.people["department"]),
             (640, "学校意见（分管校领导）：", plan.leader, plan.people["leader"])]
    for x, label, state, name in boxes:
        page.draw.rectangle([x, y, x + 510, y + height], outline="black", width=2)
        page.text((x + 16, y + 16), label, "fangsong", SIZE_XIAO4 + 4)
        put_opinion(rng, page, "signed" if state == "blank" else state, x + 230, y + 130)
        page.text((x + 40, y + height - 110), "签字：", "fangsong", SIZE_XIAO4 + 4)
        put_signature(rng, page, state, name, x + 250, y + height - 95)
        page.text((x + 260, y + height - 50), "年    月    日", "fangsong", SIZE_XIAO4)
        if state != "blank":
            page.paste_ink(hand_date(rng, plan), x + 150, y + height - 40)
    return y + height


def underscore_lines(rng: random.Random, page: Page, plan: Plan, y: int) -> int:
    """Lines `证书试点管理部门意见：________ 签字：________ 日期：____` with ink written on them."""
    rows = [("证书试点管理部门意见：", plan.department, plan.people["department"]),
            ("分管校领导意见：", plan.leader, plan.people["leader"])]
    for label, state, name in rows:
        end = page.text((110, y), label, "fangsong", SIZE_3HAO)[2]
        page.text((end, y), "__________", "fangsong", SIZE_3HAO)
        put_opinion(rng, page, "signed" if state == "blank" else state, end + 120, y + 10)
        page.text((750, y), "签字：__________", "fangsong", SIZE_3HAO)
        put_signature(rng, page, state, name, 930, y + 12)
        y += 90
        page.text((750, y), "日期：________", "fangsong", SIZE_3HAO)
        if state != "blank":
            page.paste_ink(hand_date(rng, plan), 900, y + 10)
        y += 100
    return y


APPROVAL_LAYOUTS = {"signature_table": signature_table, "side_by_side": side_by_side,
                    "underscore_lines": underscore_lines}


def seal_images(rng: random.Random, plan: Plan, crisp: bool = False) -> list[object]:
    """The seal impressions the plan puts over the sign-off (none, one, or two)."""
    school = plan.school.name
    faint = 0.6 if plan.seal == "faint" else rng.uniform(0.0, 0.25)
    if plan.seal == "none":
        return []
    if plan.seal == "other_school":
        return [official_seal(rng, plan.other_unit, faint=faint, crisp=crisp)]
    if plan.seal == "department":
        dept = rng.choice(("教务处", "招生就业处", "教务处"))
        return [official_seal(rng, school + dept, faint=faint, crisp=crisp)]
    seal = official_seal(rng, school, faint=faint, crisp=crisp)
    if plan.seal == "double" and not crisp:
        seal = double_stamp(rng, seal)
    out = [seal]
    if plan.seal == "school_plus_dept":
        out.append(official_seal(rng, school + "教务处", diameter=240, faint=faint, crisp=crisp))
    return out


def sign_off(rng: random.Random, page: Page, plan: Plan, y: int, seal: bool = True, right: int = 1100) -> int:
    """落款 (the school's name) and the date, right-aligned, with the seal over the date."""
    unit = plan.school.name if rng.random() < 0.8 or not plan.school.alias else plan.school.alias
    m, d = plan.date
    date = rng.choice((f"2024年{m}月{d}日", f"二〇二四年{_cn(m)}月{_cn(d)}日"))
    page.text((right, y), unit, "fangsong", SIZE_3HAO, anchor="ra")
    page.text((right, y + 60), date, "fangsong", SIZE_3HAO, anchor="ra")
    if seal:
        images = seal_images(rng, plan)
        cx = right - 160 + rng.randint(-40, 40)
        if rng.random() < 0.15:
            cx = page.width - 60  # partly off the right edge
        for i, img in enumerate(images):
            page.paste_ink(img, cx - i * 330, y + 40 + rng.randint(-30, 30))
    return y + 130


def _cn(n: int) -> str:
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
