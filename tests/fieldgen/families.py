"""The eight families: each draws a whole ordinary request (pages) and captures it the way it reaches the
mailbox. Every function returns (attachments, capture description)."""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from datetime import timedelta

from PIL import Image

from tests.fieldgen import capture
from tests.fieldgen.draw import BLACK, BLUE, Page
from tests.fieldgen.mail import Attachment
from tests.fieldgen.plan import Change, Plan
from tests.fieldgen.wording import (
    FIELD_LABEL,
    approval_box,
    cert_label,
    date_text,
    foot,
    intro,
    reason,
    role_label,
    salutation,
    seal,
    sign,
    value_text,
    zh_number,
)

Result = tuple[list[Attachment], str]
DPI = 200


def _table_a(p: Page, y: float, plan: Plan, rng: random.Random, pt: float = 11) -> float:
    """Layout A: 序号 | 证书名称 | 调整事项 | 原申报内容 | 调整后内容 | 调整原因."""
    codes = plan.school.majors
    rows = [["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"]]
    for k, c in enumerate(plan.changes, 1):
        rows.append([str(k), cert_label(c, rng), rng.choice(FIELD_LABEL[c.field]), value_text(c, c.old, rng, codes),
                     value_text(c, c.new, rng, codes), reason(c, rng)])
    spans = p.table(20, y, [12, 46, 22, 30, 30, 30], rows, [11] + [16] * len(plan.changes), pt)
    return spans[-1][1]


def _letter(p: Page, plan: Plan, rng: random.Random, y: float = 24, pt: float = 13) -> float:
    first = rng.choice([f"{plan.school.name}", "关于调整2024年1+X证书申报内容的申请"])
    p.center(y, first, 17)
    if first == plan.school.name:
        p.center(y + 9, "2024年证书申报调整申请", 17)
        y += 9
    y = salutation(p, y + 16, pt)
    return p.para(22, y, 168, intro(rng), pt)


# --- 1. phone_screens ---------------------------------------------------------------------------------

def phone_screens(plan: Plan, rng: random.Random) -> Result:
    """Letter with table A and two approval boxes, seen in WeChat's file viewer and screenshotted."""
    p1 = Page(DPI)
    y = _letter(p1, plan, rng)
    y = _table_a(p1, y + 3, plan, rng) + 8
    p1.text(30, y, "特此申请。", 13)
    foot(p1, y + 16, plan, rng)
    p2 = Page(DPI)
    p2.center(24, "审批意见", 17)
    p2.text(20, 40, f"申请单位：{plan.school.name}", 13)
    approval_box(p2, 20, 52, 190, 112, plan.dept, rng)
    approval_box(p2, 20, 112, 190, 172, plan.leader, rng)
    doc = Image.new("RGB", (p1.img.width, p1.img.height * 2 + 40), (225, 225, 225))
    doc.paste(p1.img, (0, 0))
    doc.paste(p2.img, (0, p1.img.height + 40))
    n = rng.choice([2, 3, 3])
    t0 = plan.arrival - timedelta(minutes=rng.randint(3, 30))
    clocks = [f"{(t0 + timedelta(seconds=20 * k)).astimezone(plan.arrival.tzinfo):%H:%M}" for k in range(n)]
    shots = capture.screenshots(doc, rng, f"{plan.school.alias}证书申报调整申请.pdf", clocks)
    as_png = rng.random() < 0.5
    atts = []
    for k, shot in enumerate(shots):
        stamp = int(t0.timestamp()) * 1000 + 20000 * k + rng.randint(0, 999)
        if as_png:
            atts.append(Attachment(f"Screenshot_{t0:%Y%m%d}-{t0:%H%M}{k:02d}.png", capture.png(shot), "image/png"))
        else:
            atts.append(Attachment(f"mmexport{stamp}.jpg", capture.jpeg(shot, 88), "image/jpeg"))
    order = "in order"
    if rng.random() < 0.4:
        atts.reverse()
        order = "reversed"
    return atts, f"{n} overlapping 1080x2340 {'PNG' if as_png else 'JPEG'} screenshots of a viewer, {order}"


# --- 2. fax_tiff --------------------------------------------------------------------------------------

def _prose_items(plan: Plan, rng: random.Random) -> list[str]:
    items = []
    for c in plan.changes:
        name = cert_label(c, rng, level=False, suffix=True)
        if c.field == "headcount":
            items.append(f"{name}（{c.level}）试点人数由{c.old}人调整为{c.new}人。")
        elif c.field == "level":
            items.append(f"{name}考核等级由{c.old}调整为{c.new}。")
        else:
            items.append(f"{name}（{c.level}）考核专业由{c.old}专业调整为{c.new}专业。")
    return items


def fax_tiff(plan: Plan, rng: random.Random) -> Result:
    """A faxed two-page request: letter with numbered changes and seal, then the 审批表; 1-bit Group 4 TIFF."""
    fine = rng.random() < 0.65
    pt = 14
    p1 = Page(DPI)
    y = _letter(p1, plan, rng, y=26, pt=pt)
    for k, item in enumerate(_prose_items(plan, rng), 1):
        y = p1.para(22, y + 1, 168, f"{k}．{item}", pt)
    y = p1.para(22, y + 2, 168, "以上调整已经学校证书试点管理部门和校级分管领导审核同意（审批表附后），请予审核。", pt)
    foot(p1, y + 10, plan, rng, pt=pt, seal_shift=14)
    p2 = Page(DPI)
    p2.center(26, "2024年1+X证书申报调整审批表", 18)
    p2.text(20, 44, f"申请单位：{plan.school.name}", pt)
    p2.text(120, 44, f"经办人：{plan.clerk}", pt)
    approval_box(p2, 20, 56, 190, 118, plan.dept, rng, ink=BLACK)
    approval_box(p2, 20, 118, 190, 180, plan.leader, rng, ink=BLACK)
    station = f"{plan.school.alias}教务处"
    when = plan.arrival.astimezone(plan.letter_date.tzinfo) - timedelta(minutes=rng.randint(5, 50))
    data = capture.fax_pages([p1.img, p2.img], rng, fine, plan.school.phone, when, station)
    name = rng.choice([f"FAX_{when:%Y%m%d%H%M}.tif", f"传真{when:%m%d}.tiff", f"{plan.school.alias}调整申请.tif"])
    res = "204x196 fine" if fine else "204x98 standard"
    return [Attachment(name, data, "image/tiff")], f"2-page Group 4 fax TIFF at {res} with header lines, speckle"


# --- 3. jpeg_pages ------------------------------------------------------------------------------------

def jpeg_pages(plan: Plan, rng: random.Random) -> Result:
    """Letter, 附表 and 审批页 as three pages, each its own phone JPEG (shuffled), inline cid: images in an
    HTML body, or one copier multi-page TIFF."""
    codes = plan.school.majors
    p1 = Page(DPI)
    y = _letter(p1, plan, rng)
    y = p1.para(22, y + 2, 168, f"本次共调整{len(plan.changes)}项，具体调整内容详见附表。", 13)
    p1.text(30, y + 4, "特此申请。", 13)
    p1.text(22, y + 20, "附表：2024年证书申报调整明细表", 13)
    foot(p1, y + 40, plan, rng)
    p2 = Page(DPI)
    p2.text(20, 18, "附表", 13, "heib")
    p2.center(28, "2024年证书申报调整明细表", 16)
    rows = [["序号", "证书名称", "考核等级", "调整类别", "原申报", "调整为", "备注"]]
    for k, c in enumerate(plan.changes, 1):
        rows.append([str(k), cert_label(c, rng, level=False), c.level,
                     {"headcount": "人数", "level": "等级", "major": "专业"}[c.field],
                     value_text(c, c.old, rng, codes), value_text(c, c.new, rng, codes), ""])
    p2.table(15, 40, [11, 50, 20, 20, 32, 32, 15], rows, [12] + [15] * len(plan.changes), 11)
    p2.text(15, 52 + 15 * len(plan.changes), f"填表人：{plan.clerk}        联系电话：{plan.school.phone}", 11)
    p3 = Page(DPI)
    p3.center(26, "证书申报调整审批意见", 17)
    approval_box(p3, 20, 44, 190, 104, plan.dept, rng)
    approval_box(p3, 20, 104, 190, 164, plan.leader, rng)
    pages = [p1.img, p2.img, p3.img]
    mode = rng.choice(["photos", "photos", "inline", "tiff"])
    t0 = plan.arrival.astimezone(plan.letter_date.tzinfo) - timedelta(minutes=rng.randint(10, 60))
    if mode == "tiff":
        frames = [capture.flatbed(pg, rng, grey=True, noise=1.0).resize((1240, 1754)) for pg in pages]
        out = io.BytesIO()
        frames[0].save(out, "TIFF", compression="tiff_lzw", dpi=(150, 150), save_all=True, append_images=frames[1:])
        return [Attachment(f"SKM_C25824{t0:%m%d%H%M}0.tif", out.getvalue(), "image/tiff")], \
            "3-page greyscale LZW TIFF from a copier, 150 dpi"
    atts = []
    for k, pg in enumerate(pages):
        photo = capture.phone_photo(pg, rng, (1800, 2400))
        ts = t0 + timedelta(seconds=9 * k + rng.randint(0, 5))
        atts.append(Attachment(f"IMG_{ts:%Y%m%d_%H%M%S}.jpg", capture.jpeg(photo, 82), "image/jpeg",
                               inline=(mode == "inline")))
    order = list(range(3))
    rng.shuffle(order)
    if mode == "inline":
        return atts, "3 phone photos inline in an HTML body (cid:), in page order"
    return [atts[k] for k in order], f"3 phone photos as separate JPEGs, attached in order {order}"


# --- 4. two_field_row ---------------------------------------------------------------------------------

def two_field_row(plan: Plan, rng: random.Random) -> Result:
    """A 原申报 | 调整后 table with level, major and headcount columns on each side, one row changing two
    fields at once; unchanged cells blank, —, /, 不变 or repeating the value; sometimes a 不调整 row."""
    codes = plan.school.majors
    p = Page(DPI)
    y = _letter(p, plan, rng, pt=12.5)
    header = ["序号", "证书名称", "原等级", "原专业", "原人数", "调整后等级", "调整后专业", "调整后人数", "备注"]
    rows = [header]
    by_row: dict[int, list[Change]] = {}
    for c in plan.changes:
        by_row.setdefault(c.row, []).append(c)
    keep = rng.choice(["", "—", "/", "不变", "same"])
    for r, cs in sorted(by_row.items()):
        d = cs[0]
        decl = d.decl
        old = {"level": d.level, "major": decl.major if decl else "", "headcount": decl.headcount if decl else ""}
        for c in cs:
            old[c.field] = c.old
        new: dict[str, str] = {}
        for f in ("level", "major", "headcount"):
            ch = next((c for c in cs if c.field == f), None)
            if ch:
                new[f] = str(ch.new)
            else:
                new[f] = str(old[f]) if keep == "same" else keep
        major_old = str(old["major"])
        if major_old in codes and rng.random() < 0.3:
            major_old = f"{codes[major_old]}{major_old}"
        rows.append([str(r + 1), cert_label(d, rng, level=False), str(old["level"]), major_old, str(old["headcount"]),
                     new["level"], new["major"], new["headcount"], reason(cs[0], rng) if rng.random() < 0.5 else ""])
    if plan.unchanged and rng.random() < 0.5:
        u = plan.unchanged[0]
        rows.append([str(len(rows)), u.certificate, u.level, u.major, str(u.headcount), "", "", "", "不调整"])
    widths = [9, 36, 13, 24, 13, 16, 24, 16, 19]
    spans = p.table(20, y + 3, widths, rows, [16] + [17] * (len(rows) - 1), 10, aligns="cc")
    y = spans[-1][1] + 6
    y = p.para(22, y, 168, "注：未列明的项目维持原申报不变。", 11, indent=0)
    y = foot(p, y + 4, plan, rng) + 2
    approval_box(p, 20, y, 190, y + 46, plan.dept, rng)
    approval_box(p, 20, y + 46, 190, y + 92, plan.leader, rng)
    img = capture.punch_holes(capture.flatbed(p.img, rng), rng)
    data = capture.image_pdf([img], DPI, plan.letter_date + timedelta(hours=8), "Canon DR-C225 II")
    return [Attachment(f"{plan.school.name}证书申报调整申请.pdf", data, "application/pdf")], \
        f"flatbed colour scan 200 dpi with binder holes and a staple, keep-cells '{keep or 'blank'}'"


# --- 5. numeral_prose ---------------------------------------------------------------------------------

def _numeral_sentence(c: Change, rng: random.Random, codes: dict[str, str]) -> str:
    name = cert_label(c, rng, level=False, suffix=True)
    if c.field == "headcount":
        old, new = int(c.old), int(c.new)
        forms = [f"将{name}（{c.level}）试点人数由{zh_number(old)}人调整为{zh_number(new)}人",
                 f"{name}{c.level}申报人数由{old}名调至{new}名",
                 f"{name}（{c.level}）人数压缩为{new}人（原申报{old}人）" if new < old else
                 f"{name}（{c.level}）申报规模从{old}人扩大到{new}人",
                 f"{name}（{c.level}）试点规模由原{zh_number(old)}人调整为{new}人"]
        return rng.choice(forms)
    if c.field == "level":
        verb = "提升至" if ["初级", "中级", "高级"].index(str(c.new)) > ["初级", "中级", "高级"].index(str(c.old)) \
            else "调整为"
        return rng.choice([f"{name}考核等级由{c.old}{verb}{c.new}",
                           f"{name}原申报{c.old}，现申请{verb}{c.new}"])
    code = codes.get(str(c.old), "")
    return rng.choice([f"{name}（{c.level}）考核专业由“{c.old}”调整为“{c.new}”",
                       f"{name}（{c.level}）试点专业由{code}{c.old}专业变更为{c.new}专业"])


def numeral_prose(plan: Plan, rng: random.Random) -> Result:
    """A 报告 in prose only: headcounts in Chinese numerals or 名, 扩大到/压缩为（原申报…）, 提升至; 文号, phone
    numbers, 在校生 counts, 学号 ranges and dates as distractors; a kept certificate 维持原申报不变; a sticky note."""
    codes = plan.school.majors
    p = Page(DPI, paper=(252, 251, 247))
    num = rng.randint(3, 28)
    p.center(30, "关于调整我校2024年1+X证书试点申报计划的报告", 17)
    p.center(42, f"{plan.school.alias}〔2024〕{num}号", 12)
    y = salutation(p, 54)
    total = rng.randint(52, 128) * 100
    body = (f"我校现有全日制在校生{total}余人，2024年3月{plan.letter_date.day - 2 if plan.letter_date.day > 3 else 1}"
            f"日已在平台完成{len(plan.school.declarations)}个证书的试点申报。根据各二级学院3月"
            f"{max(1, plan.letter_date.day - 1)}日的复核意见，结合专业在校生人数和实训条件，现申请调整如下：")
    y = p.para(22, y, 168, body, 13)
    marks = "一二三四五"
    for k, c in enumerate(plan.changes):
        sentence = _numeral_sentence(c, rng, codes)
        if c.decl and rng.random() < 0.4:
            sentence += f"（该专业在校生{c.decl.enrolment}人）"
        y = p.para(22, y + 1, 168, f"{marks[k]}、{sentence}。", 13)
    if plan.unchanged:
        u = plan.unchanged[0]
        y = p.para(22, y + 1, 168, f"此外，{u.certificate}证书（{u.level}）{u.headcount}人维持原申报不变。", 13)
    first = rng.randint(2021, 2023)
    y = p.para(22, y + 1, 168, f"参加试点的学生为{first}级在籍学生（学号{first}0101—{first}0460区间），"
               f"联系人：{plan.clerk}，电话：{plan.school.phone}，手机：1{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}。", 13)
    p.text(30, y + 3, "特此报告。", 13)
    y = foot(p, y + 14, plan, rng) + 4
    approval_box(p, 20, y, 190, y + 44, plan.dept, rng)
    approval_box(p, 20, y + 44, 190, y + 88, plan.leader, rng)
    img = p.img
    x0, y0 = p.px(150), p.px(6)
    note = Page(DPI, 48, 19, paper=(250, 236, 120))
    note.hand(3, 2, "请郭老师审核", 13, BLUE, rng)
    note.hand(3, 10, f"{plan.clerk} {plan.school.phone[-4:]}", 11, BLUE, rng)
    img.paste(note.img.rotate(rng.uniform(-4, 4), fillcolor=(250, 236, 120)), (x0, y0))
    scan = capture.flatbed(img, rng, grey=True)
    data = capture.image_pdf([scan], DPI, plan.letter_date + timedelta(hours=6), "HP Scan")
    return [Attachment(rng.choice(["调整申请.pdf", f"{plan.school.alias}调整报告.pdf", "scan0001.pdf"]), data,
                       "application/pdf")], "greyscale 200 dpi scan, image PDF, a sticky note at the top right"


# --- 6. signoff_table ---------------------------------------------------------------------------------

def signoff_table(plan: Plan, rng: random.Random) -> Result:
    """Approvals in a 审批部门 | 审批意见 | 签字及日期 table (a first 经办人 row that is no approval) or in one
    full-width ruled cell per approver; opinions and names filled in pencil or faint blue; 150 dpi grey."""
    pencil = rng.random() < 0.5
    ink = (105, 105, 112) if pencil else (95, 118, 190)
    p = Page(DPI)
    y = _letter(p, plan, rng, pt=12.5)
    y = _table_a(p, y + 3, plan, rng, pt=10.5) + 6
    y = foot(p, y, plan, rng) + 2
    style = rng.choice(["table", "cells"])
    if style == "table":
        rows = [["审批部门", "审批意见", "签字及日期"], ["经办人（申请人）", "", ""],
                ["证书试点管理部门", "", ""], ["校级分管领导", "", ""]]
        spans = p.table(20, y, [42, 72, 56], rows, [11, 20, 26, 26], 11)
        p.signature(138, spans[1][0] + 5, plan.clerk, rng, ink, 17)
        p.hand(150, spans[1][1] - 6, date_text(plan.letter_date - timedelta(days=1), rng), 11, ink, rng, spacing=0.8)
        for a, (top, bottom) in ((plan.dept, spans[2]), (plan.leader, spans[3])):
            p.hand(64, top + 8, a.opinion, 15, ink, rng)
            sign(p, 138, top + 6, a, rng, "pen", ink, 18)
            p.hand(150, bottom - 7, date_text(a.date, rng), 11, ink, rng, spacing=0.8)
    else:
        for a in (plan.dept, plan.leader):
            p.rect(20, y, 190, y + 26)
            lab = role_label(a, rng) + "："
            p.text(23, y + 4, lab, 12, "hei")
            p.hand(24 + p.width_mm(lab, 12, "hei"), y + 3, a.opinion, 16, ink, rng)
            p.text(23, y + 16, "负责人签字：", 12)
            sign(p, 50, y + 13, a, rng, "pen", ink, 18)
            p.hand(140, y + 15, date_text(a.date, rng), 12, ink, rng, spacing=0.8)
            y += 26
    small = p.img.resize((1240, 1754), Image.LANCZOS)
    scan = capture.flatbed(small, rng, grey=True, tint=(246, 246, 244), noise=4)
    if rng.random() < 0.5:
        data = capture.image_pdf([scan], 150, plan.letter_date + timedelta(hours=7), "Brother MFC-7880DN", 70)
        att = Attachment(f"{plan.school.alias}申报调整.pdf", data, "application/pdf")
    else:
        att = Attachment(f"{plan.school.alias}申报调整.jpg", capture.jpeg(scan, 78, dpi=150), "image/jpeg")
    return [att], f"150 dpi greyscale scan, sign-off as {style}, filled in {'pencil' if pencil else 'faint blue'}"


# --- 7. hand_stamp ------------------------------------------------------------------------------------

def hand_stamp(plan: Plan, rng: random.Random) -> Result:
    """A 申请表 typed on the computer: approvers sign with a 手签章 (red or black signature stamp) or with a
    pen stroke across their typed name; a typed name alone is the unsigned defect."""
    codes = plan.school.majors
    p = Page(DPI)
    p.center(24, "2024年1+X证书申报调整申请表", 18)
    p.text(20, 38, f"填报日期：{plan.letter_date.year}年{plan.letter_date.month}月{plan.letter_date.day}日", 11)
    rows = [["申请单位", plan.school.name, "单位类型", plan.school.kind],
            ["联系人", plan.clerk, "联系电话", plan.school.phone]]
    p.table(20, 44, [30, 70, 30, 40], rows, [12, 12], 11, header_face="song")
    p.text(20, 72, "调整内容：", 12, "heib")
    crow = [["序号", "证书名称", "等级", "调整项目", "调整前", "调整后"]]
    for k, c in enumerate(plan.changes, 1):
        crow.append([str(k), cert_label(c, rng, level=False), c.level, rng.choice(FIELD_LABEL[c.field]),
                     value_text(c, c.old, rng, codes), value_text(c, c.new, rng, codes)])
    spans = p.table(20, 78, [12, 54, 18, 26, 30, 30], crow, [11] + [14] * len(plan.changes), 11)
    y = spans[-1][1] + 6
    modes = [rng.choice(["stamp", "stamp", "cross"]), rng.choice(["stamp", "cross", "pen"])]
    for a, mode in zip((plan.dept, plan.leader), modes, strict=True):
        p.rect(20, y, 190, y + 40)
        p.rect(20, y, 58, y + 40)
        p.cell_text(20, y, 58, y + 40, role_label(a, rng), 12, "hei")
        p.text(64, y + 6, a.opinion, 13)
        p.text(112, y + 22, "负责人（签章）：", 12)
        if a.state in ("ok", "refused") and mode == "cross":
            sign(p, 145, y + 20, a, rng, "cross", BLACK, 19)
        elif a.state in ("ok", "refused"):
            sign(p, 145, y + 19, a, rng, mode, BLACK, 20)
        else:
            sign(p, 145, y + 21, a, rng)
        p.text(150, y + 33, f"{a.date.year}年{a.date.month}月{a.date.day}日", 10.5)
        y += 40
    p.rect(20, y, 190, y + 42)
    p.rect(20, y, 58, y + 42)
    p.cell_text(20, y, 58, y + 42, "单位盖章", 12, "hei")
    p.text(120, y + 30, "（盖章）", 12)
    seal(p, 134 + rng.uniform(-6, 6), y + 20, plan, rng)
    scan = capture.flatbed(p.img, rng, skew=0.4)
    data = capture.image_pdf([scan], DPI, plan.letter_date + timedelta(hours=5), "EPSON Scan")
    return [Attachment(f"{plan.school.name}证书申报调整申请表.pdf", data, "application/pdf")], \
        f"colour scan 200 dpi; department {modes[0]}, leader {modes[1]}"


# --- 8. vertical_header -------------------------------------------------------------------------------

def vertical_header(plan: Plan, rng: random.Random) -> Result:
    """An Excel 调整明细表 with thin grey gridlines, narrow columns headed one character per line, a 备注
    column holding numbers and a 合计 row; with the letter and approvals, exported as one WPS 长图."""
    codes = plan.school.majors
    p1 = Page(DPI)
    y = _letter(p1, plan, rng)
    y = p1.para(22, y + 2, 168, "调整明细见下表（附后）。", 13)
    p1.text(30, y + 4, "特此申请。", 13)
    y = foot(p1, y + 16, plan, rng) + 4
    approval_box(p1, 20, y, 190, y + 46, plan.dept, rng)
    approval_box(p1, 20, y + 46, 190, y + 92, plan.leader, rng)
    p2 = Page(DPI)
    p2.center(22, "2024年1+X证书申报调整明细表", 15, "heib")
    p2.text(14, 33, f"填报单位：{plan.school.name}", 10.5)
    grid = (178, 178, 178)
    header = ["序号", "证书名称", "原等级", "原专业", "原人数", "调整后等级", "调整后专业", "调整后人数", "备注"]
    rows = [header]
    old_sum = new_sum = 0
    for k, c in enumerate(plan.changes, 1):
        decl = c.decl
        base_count = decl.headcount if decl else int(c.old) if c.field == "headcount" else 0
        old_count = int(c.old) if c.field == "headcount" else base_count
        new_count = int(c.new) if c.field == "headcount" else old_count
        old_sum += old_count
        new_sum += new_count
        major = decl.major if decl else ""
        row = [str(k), cert_label(c, rng, level=False), c.level, major, str(old_count), "", "", "", ""]
        if c.field == "level":
            row[5] = str(c.new)
        elif c.field == "major":
            row[3] = str(c.old)
            row[6] = value_text(c, c.new, rng, codes)
        else:
            row[7] = str(c.new)
        for col in (5, 6, 7):
            if not row[col]:
                row[col] = rng.choice(["", "—", "/"])
        if rng.random() < 0.5:
            row[8] = rng.choice([f"其中退役军人{rng.randint(2, 9)}人", f"含贯通班{rng.randint(10, 25)}人",
                                 f"{rng.randint(2, 5)}个班"])
        rows.append(row)
    rows.append(["合计", "", "", "", str(old_sum), "", "", str(new_sum), ""])
    spans = p2.table(14, 40, [10, 42, 10, 34, 10, 11, 34, 11, 20], rows, [26] + [15] * (len(rows) - 1), 10.5,
                     face="wqy", header_face="wqy", grid=grid, w=0.15, vertical_header=(2, 4, 5, 7, 8))
    p2.text(14, spans[-1][1] + 5, f"制表：{plan.clerk}    审核：{plan.dept.signer}", 9.5, "wqy")
    pages = [capture.flatbed(p1.img, rng, noise=2), capture.flatbed(p2.img, rng, noise=2)]
    img = capture.long_image(pages)
    return [Attachment(f"{plan.school.alias}2024年证书申报调整申请_长图.jpg", capture.jpeg(img, 84), "image/jpeg")], \
        "2 scanned pages exported as one WPS 长图 JPEG 1242 wide"


FAMILY_FUNCS: dict[str, Callable[[Plan, random.Random], Result]] = {
    "phone_screens": phone_screens,
    "fax_tiff": fax_tiff,
    "jpeg_pages": jpeg_pages,
    "two_field_row": two_field_row,
    "numeral_prose": numeral_prose,
    "signoff_table": signoff_table,
    "hand_stamp": hand_stamp,
    "vertical_header": vertical_header,
}
