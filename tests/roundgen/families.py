"""The eight families: what the pages look like and how they are captured. Each returns the attachments
(filename, bytes) and a capture description."""

from __future__ import annotations

import io
import random
from collections.abc import Callable

from PIL import Image

from tests.roundgen import capture
from tests.roundgen.draw import (
    INK_BLACK,
    INK_BLUE,
    INK_BLUEBLACK,
    Page,
    handwriting,
    name_stamp,
    paste_at_mm,
    seal,
    signature,
)
from tests.roundgen.plan import Approval, Plan
from tests.roundgen.wording import cert_with_level, code_of, date_text, field_name, sentence, value

Attachments = list[tuple[str, bytes]]
OFFICE = "江苏省职业院校1+X证书制度试点工作办公室："


# ---------------------------------------------------------------- shared pieces

def hand(page: Page, x: float, y: float, text: str, size_pt: float, color, rng: random.Random,
         anchor: str = "lm", slant: float = 0.18) -> tuple[float, float]:
    ink = handwriting(text, page.pt(size_pt), color, rng, slant=slant)
    return paste_at_mm(page, ink, x, y, anchor)


def sign(page: Page, appr: Approval, x: float, y: float, color, rng: random.Random, size_pt: float = 20) -> float:
    """The approver's mark at (x, y) mm (left-middle): a signature, a 名章, a typed name or nothing.
    Returns the x right of it."""
    if appr.signature == "hand":
        return paste_at_mm(page, signature(appr.name, page.pt(size_pt), color, rng), x, y)[0]
    if appr.signature == "stamp":
        return paste_at_mm(page, name_stamp(appr.name, page.px(rng.uniform(13, 17)), rng), x + 2, y)[0]
    if appr.signature == "typed":
        face = rng.choice(("song", "kai", "hei"))
        return x + page.text(x + 1, y - 2.4, appr.name, 12, face)
    return x + 25


def put_seal(page: Page, plan: Plan, x: float, y: float, rng: random.Random) -> None:
    """The seal centred at (x, y) mm, 4.2 cm across (or 4.0 for a department's): the school's, another unit's,
    a department's, or none."""
    if plan.seal == "none":
        return
    unit = plan.seal_unit + ("教务处" if plan.seal == "department" else "")
    ink = seal(unit, page.px(rng.uniform(41, 43) if plan.seal != "department" else 40), rng)
    paste_at_mm(page, ink, x + rng.uniform(-4, 4), y + rng.uniform(-4, 4), "mm")


def intro(plan: Plan) -> str:
    return (f"我校已在职业技能等级证书信息管理服务平台完成2024年度1+X证书试点申报工作。{plan.reason}，"
            "经学校研究，需对部分证书的申报信息进行调整，现将具体情况报告如下：")


def undertaking(plan: Plan) -> str:
    tail = "" if plan.defect == "over_enrolment" else "调整后各证书试点人数均未超过本校可参与专业在校生总数。"
    return f"以上调整已经学校证书试点管理部门审核、校级分管领导同意。{tail}恳请予以审核。"


def opinion_color(rng: random.Random):
    return rng.choice((INK_BLUE, INK_BLUEBLACK, INK_BLACK))


def change_rows(plan: Plan, rng: random.Random, codes: bool) -> list[list[str]]:
    rows = []
    for k, c in enumerate(plan.changes, 1):
        rows.append([str(k), c.written, c.level, field_name(c, rng), value(plan, c, c.old, rng, codes),
                     value(plan, c, c.new, rng, codes)])
    return rows


def phone(plan: Plan) -> str:
    r = random.Random(plan.seed)
    return f"0{r.choice(('25', '510', '511', '512', '513', '515', '516', '517', '519', '527'))}-8{r.randint(1000000, 9999999)}"


# ---------------------------------------------------------------- 1. 情况说明 with a mid-letter table and a 签批栏 strip

def shuoming_strip(plan: Plan, rng: random.Random) -> tuple[Attachments, str]:
    dpi = rng.choice((150, 200, 200, 240))
    page = Page(dpi)
    title = rng.choice(("情况说明", "关于2024年1+X证书试点申报调整的情况说明"))
    page.text(105, 24, title, 18, "heibold", anchor="ma")
    page.text(25, 40, OFFICE, 13)
    y = page.para(25, 49, 160, intro(plan), 12.5)
    rows = [["序号", "证书名称", "等级", "调整项目", "调整前", "调整后"], *change_rows(plan, rng, codes=rng.random() < 0.4)]
    y = page.table(25, y + 2, [12, 50, 16, 24, 29, 29], rows, 9.5, size=10.5) + 4
    y = page.para(25, y, 160, undertaking(plan) + "特此说明。", 12.5)
    page.text(185, y + 6, f"申请单位：{plan.school.name}", 12.5, anchor="ra")
    page.text(185, y + 16, date_text(plan.doc_date, rng.choice(("ymd", "cn"))), 12.5, anchor="ra")
    put_seal(page, plan, 150, y + 12, rng)
    # the 签批栏 strip at the foot: 经办人 | 部门 | 校领导
    top = max(y + 34, 205)
    page.text(25, top - 7, "签批栏", 11, "heibold")
    xs = [25, 65, 125, 185]
    heads = ["经办人", rng.choice(("证书试点管理部门意见", "证书试点管理部门（教务处）意见")),
             rng.choice(("校领导意见", "校级分管领导意见"))]
    bottom = top + 56
    for x0, x1, head in zip(xs[:-1], xs[1:], heads, strict=True):
        page.line(x0, top + 9, x1, top + 9)
        page.cell_text(x0, top, x1, top + 9, head, 10, "heibold")
    page.rect(25, top, 185, bottom, 0.35)
    for x in xs[1:-1]:
        page.line(x, top, x, bottom, 0.35)
    ink = opinion_color(rng)
    sign(page, Approval("", True, "hand", plan.clerk, plan.doc_date), 29, top + 24, ink, rng, 18)
    hand(page, 29, top + 44, date_text(plan.doc_date, "dot"), 12, ink, rng)
    for x0, appr in ((65, plan.department), (125, plan.leader)):
        hand(page, x0 + 4, top + 18, appr.opinion, 15, ink, rng)
        page.text(x0 + 3, top + 31, "签字：", 10.5)
        sign(page, appr, x0 + 15, top + 33, ink, rng)
        hand(page, x0 + 22, top + 48, date_text(appr.date, rng.choice(("ymd", "dot", "short"))), 12, ink, rng)
    paper = rng.choice(("yellowish", "white", "recycled"))
    img = capture.flatbed(capture.tint(page.img, paper, rng), rng)
    if rng.random() < 0.5:
        return [(f"{plan.school.name}情况说明.pdf", capture.image_pdf([img], dpi, 70))], f"flatbed {dpi}dpi {paper} paper, PDF"
    return [("情况说明（盖章）.jpg", capture.jpeg(img, 72))], f"flatbed {dpi}dpi {paper} paper, JPEG q72"


# ---------------------------------------------------------------- 2. 申请表 with the approval cells side by side, vertical labels

def _vertical(page: Page, x0: float, x1: float, y0: float, y1: float, label: str, size: float = 11) -> None:
    lh = size * 25.4 / 72 * 1.25
    y = (y0 + y1) / 2 - lh * len(label) / 2
    for ch in label:
        page.text((x0 + x1) / 2, y, ch, size, "heibold", anchor="ma")
        y += lh


def side_form(plan: Plan, rng: random.Random) -> tuple[Attachments, str]:
    dpi = rng.choice((150, 200, 200))
    page = Page(dpi)
    page.text(105, 22, "2024年1+X证书试点申报调整申请表", 17, "heibold", anchor="ma")
    x = 15
    y = page.table(x, 34, [24, 62, 18, 22, 16, 38], [["单位名称", plan.school.name, "联系人", plan.clerk, "电话", phone(plan)]],
                   11, size=10.5, header_rows=0)
    page.cell_text(x, y, 195, y + 9, "申报调整内容", 11, "heibold")
    page.rect(x, y, 195, y + 9, 0.3)
    rows = [["序号", "证书名称", "考核等级", "调整类型", "原申报", "申请调整为"], *change_rows(plan, rng, codes=False)]
    y = page.table(x, y + 9, [14, 56, 22, 26, 31, 31], rows, 9.5, size=10.5)
    page.rect(x, y, 195, y + 22, 0.3)
    page.line(x + 26, y, x + 26, y + 22, 0.3)
    page.cell_text(x, y, x + 26, y + 22, "调整理由", 11, "heibold")
    page.cell_text(x + 26, y, 195, y + 22, plan.reason + "，申请对上述证书申报信息进行调整。", 10.5, align="left")
    y += 22
    h = 66
    page.rect(x, y, 195, y + h, 0.3)
    cells = [(x, x + 14), (x + 14, x + 90), (x + 90, x + 104), (x + 104, 195)]
    for a, _ in cells[1:]:
        page.line(a, y, a, y + h, 0.3)
    _vertical(page, *cells[0], y, y + h, rng.choice(("证书试点管理部门意见", "试点管理部门意见")))
    _vertical(page, *cells[2], y, y + h, rng.choice(("校领导意见", "分管校领导意见")))
    ink = opinion_color(rng)
    for (a, b), appr in ((cells[1], plan.department), (cells[3], plan.leader)):
        hand(page, a + 5, y + 14, appr.opinion, 16, ink, rng)
        label = rng.choice(("负责人签字：", "签字：", "签 字："))
        wl = page.text(a + 4, y + 40, label, 10.5)
        sign(page, appr, a + 5 + wl, y + 42, ink, rng)
        d = appr.date
        for dx, printed, figure in ((-50, "年", str(d.year)), (-30, "月", str(d.month)), (-14, "日", str(d.day))):
            hand(page, b + dx - (13 if len(figure) == 4 else 8), y + 57, figure, 11, ink, rng)
            page.text(b + dx, y + 55, printed, 10.5)
    y += h
    page.rect(x, y, 195, y + 40, 0.3)
    page.line(x + 26, y, x + 26, y + 40, 0.3)
    page.cell_text(x, y, x + 26, y + 40, "单位盖章", 11, "heibold")
    page.text(188, y + 22, "（公章）", 11, anchor="ra")
    page.text(188, y + 30, date_text(plan.doc_date, "ymd"), 11, anchor="ra")
    put_seal(page, plan, 160, y + 22, rng)
    paper = rng.choice(("bluish", "white", "pinkish"))
    img = capture.flatbed(capture.tint(page.img, paper, rng), rng, grey=rng.random() < 0.2)
    q = rng.randint(38, 55)
    return [("调整申请表.jpg", capture.jpeg(img, q))], f"flatbed {dpi}dpi {paper} paper, blocky JPEG q{q}"


# ---------------------------------------------------------------- 3. blue cursive opinions, name then （签字）, date on its own line

def name_then_label(plan: Plan, rng: random.Random) -> tuple[Attachments, str]:
    dpi = 170
    page = Page(dpi)
    page.text(105, 22, "关于调整2024年1+X证书试点申报信息的请示", 16, "songbold", anchor="ma")
    page.text(25, 36, OFFICE, 12.5)
    y = page.para(25, 45, 160, intro(plan), 12.5)
    marks = ["（一）", "（二）", "（三）", "（四）"]
    for k, c in enumerate(plan.changes):
        y = page.para(25, y, 160, marks[k] + sentence(plan, c, rng), 12.5)
    y = page.para(25, y, 160, "妥否，请批示。", 12.5)
    page.text(185, y + 4, plan.school.name, 12.5, anchor="ra")
    page.text(185, y + 13, date_text(plan.doc_date, "ymd"), 12.5, anchor="ra")
    put_seal(page, plan, 155, y + 10, rng)
    y = max(y + 34, 180)
    ink = INK_BLUE
    for label, appr in ((rng.choice(("证书试点管理部门意见：", "证书试点管理部门审核意见：")), plan.department),
                        (rng.choice(("校级分管领导意见：", "分管校领导意见：")), plan.leader)):
        page.text(25, y, label, 12.5, "heibold")
        hand(page, 35, y + 13, appr.opinion, 17, ink, rng, slant=0.3)
        right = sign(page, appr, 105, y + 24, ink, rng, 21)
        page.text(right + 1, y + 21.5, "（签字）", 11)
        hand(page, 118, y + 34, date_text(appr.date, rng.choice(("ymd", "dot", "cn"))), 12, ink, rng, slant=0.3)
        y += 44
    img = capture.phone_photo(page.img, rng, finger=True)
    q = rng.randint(60, 78)
    return [(f"IMG_2024031{plan.seed % 10}.jpg", capture.jpeg(img, q))], f"phone photo, mild perspective, finger in corner, JPEG q{q}"


# ---------------------------------------------------------------- 4. changes grouped per major

_CN = "一二三四五六"


def per_major(plan: Plan, rng: random.Random) -> tuple[Attachments, str]:
    dpi = rng.choice((150, 200))
    page = Page(dpi)
    page.text(105, 22, "关于调整2024年1+X证书试点申报专业及人数的申请", 15.5, "songbold", anchor="ma")
    page.text(25, 36, OFFICE, 12.5)
    y = page.para(25, 45, 160, intro(plan), 12.5)
    groups: dict[str, list] = {}
    for c in plan.changes:
        groups.setdefault(c.decl_major, []).append(c)
    for g, (major, items) in enumerate(groups.items()):
        code = code_of(plan, major)
        page.text(25, y + 1, f"{_CN[g]}、{major}专业" + (f"（{code}）" if code and rng.random() < 0.6 else ""), 12.5,
                  "heibold")
        y += 9
        for k, c in enumerate(items, 1):
            head = f"{k}．{cert_with_level(c)}："
            if c.field == "headcount":
                body = f"试点人数由{c.old}人调整为{c.new}人。"
            elif c.field == "level":
                body = f"考核等级由{c.old}调整为{c.new}，试点人数不变。"
            else:
                body = rng.choice((f"考核专业调整为{c.new}，人数不变。", f"考核专业由{c.old}调整为{c.new}。"))
            y = page.para(25, y, 160, head + body, 12.5)
    y = page.para(25, y + 2, 160, undertaking(plan), 12.5)
    y += 4
    ink = opinion_color(rng)
    for label, appr in (("证书试点管理\n部门意见", plan.department), ("校级分管\n领导意见", plan.leader)):
        page.rect(25, y, 185, y + 36, 0.3)
        page.line(55, y, 55, y + 36, 0.3)
        for k, part in enumerate(label.split("\n")):
            page.text(40, y + 13 + k * 6, part, 11, "heibold", anchor="ma")
        hand(page, 60, y + 9, appr.opinion, 15, ink, rng)
        page.text(95, y + 22, "签字：", 11)
        sign(page, appr, 107, y + 24, ink, rng)
        hand(page, 150, y + 31, date_text(appr.date, rng.choice(("ymd", "dot"))), 11, ink, rng)
        y += 36
    page.text(185, y + 10, f"申请单位（公章）：{plan.school.name}", 12, anchor="ra")
    page.text(185, y + 19, date_text(plan.doc_date, "ymd"), 12, anchor="ra")
    put_seal(page, plan, 155, y + 14, rng)
    paper = rng.choice(("yellowish", "bluish", "recycled"))
    img = capture.tint(page.img, paper, rng)
    img = capture.fold(img, rng)
    if rng.random() < 0.5:
        img = capture.fold(img, rng)
    img = capture.flatbed(img, rng)
    return [("证书申报调整申请.pdf", capture.image_pdf([img], dpi, 68))], f"flatbed {dpi}dpi {paper} paper, fold creases, PDF"


# ---------------------------------------------------------------- 5. landscape 申报调整汇总表, many columns, few rows changed

def landscape_summary(plan: Plan, rng: random.Random) -> tuple[Attachments, str]:
    dpi = rng.choice((150, 200))
    page = Page(dpi, landscape=True)
    page.text(148, 14, f"{plan.school.name}2024年1+X证书试点申报调整汇总表", 16, "heibold", anchor="ma")
    page.text(12, 28, f"填报单位（盖章）：{plan.school.name}", 11.5)
    page.text(285, 28, "填报日期：" + date_text(plan.doc_date, "ymd"), 11.5, anchor="ra")
    same = rng.choice(("same", "dash", "blank", "slash"))
    filler = {"same": None, "dash": "—", "blank": "", "slash": "/"}[same]
    header = ["序号", "证书名称", "等级", "专业代码", "专业名称", "可参与专业在校生数", "原申报人数", "是否调整",
              "调整后等级", "调整后专业", "调整后人数", "备注"]
    changed = {c.app_id: c for c in plan.changes if c.app_id}
    lines = []
    decls = sorted(plan.school.declarations, key=lambda d: d.app_id)
    entries = [(d.certificate, d.level, d.major, d.enrolment, d.headcount, changed.get(d.app_id)) for d in decls]
    entries += [(c.certificate, c.level, c.decl_major, "", c.old, c) for c in plan.changes if not c.app_id]
    for k, (cert, level, major, enrol, head, c) in enumerate(entries, 1):
        after = [level, major, str(head)] if filler is None else [filler] * 3
        if c:
            idx = {"level": 0, "major": 1, "headcount": 2}[c.field]
            after[idx] = str(c.new)
        note = "" if not c else rng.choice(("", "按实际报名调整", "专业调整"))
        lines.append([str(k), cert, level, code_of(plan, major), major, str(enrol), str(head), "是" if c else "否",
                      *after, note])
    y = page.table(10, 34, [10, 48, 14, 20, 38, 22, 18, 14, 17, 36, 17, 23], [header, *lines], [14] + [9] * len(lines),
                   size=9.5)
    ink = opinion_color(rng)
    y += 12
    for x0, label, appr in ((20, "证书试点管理部门意见：", plan.department), (160, "校领导意见：", plan.leader)):
        w = page.text(x0, y, label, 11.5, "heibold")
        hand(page, x0 + w + 2, y + 2.5, appr.opinion, 15, ink, rng)
        page.text(x0, y + 14, "签字：", 11.5)
        sign(page, appr, x0 + 13, y + 16.5, ink, rng)
        page.text(x0, y + 28, "日期：", 11.5)
        hand(page, x0 + 14, y + 30.5, date_text(appr.date, rng.choice(("ymd", "dot", "short"))), 11, ink, rng)
    put_seal(page, plan, 60, 30, rng)
    img = capture.moire(page.img, rng)
    img = capture.flatbed(img, rng, grey=rng.random() < 0.25)
    q = rng.randint(42, 60)
    return [("申报调整汇总表.jpg", capture.jpeg(img, q))], f"landscape {dpi}dpi, moiré, JPEG q{q}, unchanged cells {same}"


# ---------------------------------------------------------------- 6. WPS text-layer bundle: 封面, 目录, letter, 明细表, scanned 审批页

def _approval_sheet(plan: Plan, rng: random.Random, dpi: int) -> Image.Image:
    page = Page(dpi)
    page.text(105, 26, "三、审批意见表", 16, "heibold", anchor="ma")
    ink = opinion_color(rng)
    y = page.table(20, 40, [45, 125], [["申请单位", plan.school.name]], 13, size=11.5, header_rows=0)
    for label, appr in (("证书试点管理部门意见", plan.department), ("校级分管领导意见", plan.leader)):
        page.rect(20, y, 190, y + 55, 0.3)
        page.line(65, y, 65, y + 55, 0.3)
        page.cell_text(20, y, 65, y + 55, label, 11.5, "heibold")
        hand(page, 71, y + 13, appr.opinion, 16, ink, rng)
        page.text(110, y + 32, "负责人（签字）：", 11)
        sign(page, appr, 142, y + 34, ink, rng)
        d = appr.date
        for x0, printed, figure in ((160, "年", str(d.year)), (172, "月", str(d.month)), (184, "日", str(d.day))):
            if appr.signature == "typed":
                page.text(x0 - 1, y + 45, figure, 11, anchor="ra")
            else:
                hand(page, x0 - (13 if len(figure) == 4 else 8), y + 47, figure, 11, ink, rng)
            page.text(x0, y + 45, printed, 11)
        y += 55
    page.rect(20, y, 190, y + 45, 0.3)
    page.line(65, y, 65, y + 45, 0.3)
    page.cell_text(20, y, 65, y + 45, "单位盖章", 11.5, "heibold")
    page.text(184, y + 32, date_text(plan.doc_date, "ymd"), 11, anchor="ra")
    put_seal(page, plan, 160, y + 24, rng)
    return capture.flatbed(capture.tint(page.img, "white", rng), rng, grey=rng.random() < 0.3)


def cover_toc(plan: Plan, rng: random.Random) -> tuple[Attachments, str]:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    if "RGZenHei" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("RGZenHei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", subfontIndex=0))
        pdfmetrics.registerFont(TTFont("RGMing", "/usr/share/fonts/truetype/arphic/uming.ttc", subfontIndex=1))
    mm = 72 / 25.4
    height = 297 * mm
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(210 * mm, height), invariant=1)
    c.setCreator("WPS 文字")
    c.setTitle("2024年证书申报调整申请")

    def text(x: float, y: float, s: str, size: float, face: str = "RGMing", align: str = "l") -> None:
        c.setFont(face, size)
        if align == "c":
            c.drawCentredString(x * mm, height - y * mm, s)
        elif align == "r":
            c.drawRightString(x * mm, height - y * mm, s)
        else:
            c.drawString(x * mm, height - y * mm, s)

    def para(x: float, y: float, w: float, s: str, size: float) -> float:
        line, first = "", True
        for ch in s:
            if pdfmetrics.stringWidth(("\u3000\u3000" if first else "") + line + ch, "RGMing", size) > w * mm:
                text(x, y, ("\u3000\u3000" if first else "") + line, size)
                y += size / mm * 1.7
                line, first = "", False
            line += ch
        text(x, y, ("\u3000\u3000" if first else "") + line, size)
        return y + size / mm * 1.7

    text(105, 80, "2024年1+X证书制度试点", 26, "RGZenHei", "c")
    text(105, 98, "申报调整申请材料", 26, "RGZenHei", "c")
    text(55, 170, f"申报单位：{plan.school.name}", 15)
    text(55, 182, f"联 系 人：{plan.clerk}", 15)
    text(55, 194, f"联系电话：{phone(plan)}", 15)
    cn_date = date_text(plan.doc_date, "cn")
    text(105, 240, cn_date[:cn_date.index("月") + 1], 15, align="c")
    c.showPage()
    text(105, 40, "目  录", 20, "RGZenHei", "c")
    for k, (s, p) in enumerate((("一、申报调整申请", 1), ("二、申报调整明细表", 2), ("三、审批意见表", 3))):
        dots = int((135 * mm - pdfmetrics.stringWidth(s + " ", "RGMing", 14)) / pdfmetrics.stringWidth("·", "RGMing", 14))
        text(35, 62 + 14 * k, s + " " + "·" * dots, 14)
        text(175, 62 + 14 * k, str(p), 14, align="r")
    c.showPage()
    text(105, 30, "一、申报调整申请", 18, "RGZenHei", "c")
    text(25, 46, OFFICE, 13)
    y = para(25, 56, 160, intro(plan).replace("现将具体情况报告如下：", "具体调整内容详见《申报调整明细表》。"), 13)
    y = para(25, y, 160, undertaking(plan), 13)
    text(185, y + 12, plan.school.name, 13, align="r")
    text(185, y + 21, date_text(plan.doc_date, "ymd"), 13, align="r")
    text(105, 285, "— 1 —", 10, align="c")
    c.showPage()
    text(105, 30, "二、申报调整明细表", 18, "RGZenHei", "c")
    widths = [12, 46, 16, 22, 30, 30, 24]
    header = ["序号", "证书名称", "证书等级", "调整事项", "原申报内容", "调整后内容", "调整原因"]
    rows = [header] + [[*r[:4], r[4], r[5], rng.choice(("招生调整", "专业调整", "学生意愿"))]
                       for r in change_rows(plan, rng, codes=rng.random() < 0.5)]
    top = 42
    c.setLineWidth(0.6)
    for r, row in enumerate(rows):
        x = 20.0
        for w, s in zip(widths, row, strict=True):
            face = "RGZenHei" if r == 0 else "RGMing"
            size = 10.5
            while pdfmetrics.stringWidth(s, face, size) > (w - 2) * mm and size > 6:
                size -= 0.5
            text(x + w / 2, top + r * 10 + 6.5, s, size, face, "c")
            x += w
    for r in range(len(rows) + 1):
        c.line(20 * mm, height - (top + r * 10) * mm, (20 + sum(widths)) * mm, height - (top + r * 10) * mm)
    x = 20.0
    for w in [0, *widths]:
        x += w
        c.line(x * mm, height - top * mm, x * mm, height - (top + 10 * len(rows)) * mm)
    text(105, 285, "— 2 —", 10, align="c")
    c.showPage()
    dpi = rng.choice((150, 200))
    sheet = _approval_sheet(plan, rng, dpi)
    c.drawImage(ImageReader(io.BytesIO(capture.jpeg(sheet, 72))), 0, 0, 210 * mm, height)
    c.showPage()
    c.save()
    return ([(f"{plan.school.name}2024年证书申报调整申请.pdf", buf.getvalue())],
            f"WPS text-layer PDF (cover, 目录, letter, table) + scanned approval page {dpi}dpi")


# ---------------------------------------------------------------- 7. 调整前 | 调整后 side-by-side comparison table, phone photo

def compare_table(plan: Plan, rng: random.Random) -> tuple[Attachments, str]:
    dpi = 160
    page = Page(dpi)
    page.text(105, 22, "2024年1+X证书试点申报调整对照表", 17, "heibold", anchor="ma")
    page.text(12, 36, f"单位名称：{plan.school.name}", 12)
    page.text(198, 36, f"联系人：{plan.clerk}", 12, anchor="ra")
    x, y = 12, 42
    widths = [10, 34, 13, 30, 13, 34, 13, 30, 13]
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    page.rect(xs[0], y, xs[-1], y + 18, 0.3)
    page.cell_text(xs[0], y, xs[1], y + 18, "序号", 10.5, "heibold")
    page.cell_text(xs[1], y, xs[5], y + 9, "调整前（原申报）", 10.5, "heibold")
    page.cell_text(xs[5], y, xs[9], y + 9, "调整后（拟调整）", 10.5, "heibold")
    page.line(xs[1], y + 9, xs[9], y + 9, 0.3)
    for k, head in enumerate(("证书名称", "等级", "专业", "人数") * 2):
        page.cell_text(xs[k + 1], y + 9, xs[k + 2], y + 18, head, 10, "heibold")
    rows = []
    items = list(plan.changes)
    keep = [d for d in plan.others if rng.random() < 0.3][:1]
    for c in items:
        before = [c.written, c.level, c.decl_major, str(c.decl_head if c.field != "headcount" else c.old)]
        after = list(before)
        after[{"level": 1, "major": 2, "headcount": 3}[c.field]] = str(c.new)
        rows.append(before + after)
    for d in keep:  # an unchanged row: both sides equal
        rows.append([d.certificate, d.level, d.major, str(d.headcount)] * 2)
    rows = [[str(k), *r] for k, r in enumerate(rows, 1)]
    y = page.table(x, y + 18, widths, rows, 11, size=9.5, header_rows=0)
    page.line(xs[0], y - 11 * len(rows), xs[0], y, 0.3)
    y += 8
    ink = opinion_color(rng)
    page.rect(12, y, 198, y + 62, 0.3)
    page.line(105, y, 105, y + 62, 0.3)
    page.line(12, y + 10, 198, y + 10, 0.3)
    page.cell_text(12, y, 105, y + 10, "证书试点管理部门审核意见", 11, "heibold")
    page.cell_text(105, y, 198, y + 10, "学校分管领导审批意见", 11, "heibold")
    for x0, appr in ((12, plan.department), (105, plan.leader)):
        hand(page, x0 + 6, y + 22, appr.opinion, 16, ink, rng)
        page.text(x0 + 6, y + 38, "签字：", 11)
        sign(page, appr, x0 + 19, y + 40, ink, rng)
        hand(page, x0 + 48, y + 54, date_text(appr.date, rng.choice(("ymd", "dot"))), 11, ink, rng)
    y += 74
    page.text(190, y, "（单位公章）", 12, anchor="ra")
    page.text(190, y + 9, date_text(plan.doc_date, "ymd"), 12, anchor="ra")
    put_seal(page, plan, 165, y + 4, rng)
    img = capture.phone_photo(capture.tint(page.img, "white", rng), rng, finger=rng.random() < 0.7)
    q = rng.randint(62, 80)
    return [(f"mmexport{1709000000 + plan.seed}.jpg", capture.jpeg(img, q))], f"phone photo, perspective, JPEG q{q}"


# ---------------------------------------------------------------- 8. two sides of one thin sheet: letter front, approvals back

def duplex_bleed(plan: Plan, rng: random.Random) -> tuple[Attachments, str]:
    dpi = rng.choice((150, 200))
    front = Page(dpi)
    front.text(105, 24, "关于申请调整2024年1+X证书试点申报信息的函", 16, "songbold", anchor="ma")
    front.text(25, 40, OFFICE, 12.5)
    y = front.para(25, 49, 160, intro(plan), 12.5)
    for k, c in enumerate(plan.changes, 1):
        front.text(25, y + 1, f"{k}．证书名称：{c.written}　　等级：{c.level}", 12.5)
        old, new = value(plan, c, c.old, rng, True), value(plan, c, c.new, rng, True)
        front.text(33, y + 10, f"调整事项：{field_name(c, rng)}　　原申报：{old}　　现申请：{new}", 12.5)
        y += 21
    y = front.para(25, y + 2, 160, undertaking(plan), 12.5)
    front.text(185, y + 8, f"申请单位：{plan.school.name}", 12.5, anchor="ra")
    front.text(185, y + 17, date_text(plan.doc_date, "ymd"), 12.5, anchor="ra")
    front.text(105, 285, "（审批意见见背面）", 10.5, anchor="ma")
    back = Page(dpi)
    back.text(105, 24, "审批意见", 16, "heibold", anchor="ma")
    ink = opinion_color(rng)
    y = 42
    for label, appr in (("（一）证书试点管理部门意见", plan.department), ("（二）校级分管领导意见", plan.leader)):
        back.text(25, y, label, 12.5, "heibold")
        hand(back, 40, y + 15, appr.opinion, 17, ink, rng)
        back.text(110, y + 28, "签字：", 12)
        sign(back, appr, 124, y + 30, ink, rng)
        hand(back, 130, y + 44, date_text(appr.date, rng.choice(("ymd", "dot", "cn"))), 12, ink, rng)
        y += 60
    back.text(185, y + 12, "单位（公章）", 12.5, anchor="ra")
    back.text(185, y + 21, date_text(plan.doc_date, "ymd"), 12.5, anchor="ra")
    put_seal(back, plan, 160, y + 16, rng)
    a = capture.bleed_through(front.img, back.img, rng)
    b = capture.bleed_through(back.img, front.img, rng)
    paper = rng.choice(("white", "recycled"))
    pages = [capture.flatbed(capture.tint(p, paper, rng), rng, grey=True) for p in (a, b)]
    return [("申请函（正反面）.pdf", capture.image_pdf(pages, dpi, 62))], f"duplex greyscale {dpi}dpi, bleed-through, {paper} paper, 2-page PDF"


FAMILY_FUNCS: dict[str, Callable[[Plan, random.Random], tuple[Attachments, str]]] = {
    "shuoming_strip": shuoming_strip, "side_form": side_form, "name_then_label": name_then_label,
    "per_major": per_major, "landscape_summary": landscape_summary, "cover_toc": cover_toc,
    "compare_table": compare_table, "duplex_bleed": duplex_bleed,
}
