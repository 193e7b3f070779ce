"""Eight layout families of ordinary school paperwork the other generators do not draw.

Each family takes a plan and a seeded rng and returns (files, capture description, page count)."""

from __future__ import annotations

import random
from collections.abc import Callable

from PIL import Image, ImageDraw

from tests.othergen import ink
from tests.othergen.canvas import PT_MM, Page, font, pdf_digital, render, text_width
from tests.othergen.draw import (
    bottom,
    colon,
    date_words,
    grid,
    letter_head,
    put_date,
    put_opinion,
    put_seal,
    put_signature,
    sign_label,
    spaced,
    watermark,
)
from tests.othergen.plan import (
    Approval,
    Plan,
    cert_written,
    field_word,
    level_short,
    sentence,
    value_written,
)
from tests.othergen.scan import Capture, as_files, jpeg, pdf_of, scan_page, scanned, two_up

Files = list[tuple[str, str, bytes]]
DEPT_LABELS = ("证书试点管理部门意见", "证书试点管理部门审核意见", "学校证书试点管理部门意见")
LEADER_LABELS = ("校级分管领导意见", "校级分管领导审批意见", "分管校领导意见")
TITLES = ("关于调整2024年1+X证书试点申报信息的申请", "2024年1+X证书申报调整申请",
          "关于申请调整2024年度职业技能等级证书申报内容的请示", "关于2024年证书申报调整的申请")
SALUTATIONS = ("江苏省职业院校1+X证书制度试点工作办公室：", "省1+X证书制度试点工作办公室：", "省1+X办公室：")


def _page(rng: random.Random) -> Page:
    page = Page()
    page.song = rng.choice(("song", "notoserif", "song"))
    page.hei = rng.choice(("hei", "notosans"))
    return page


def _intro(plan: Plan, rng: random.Random) -> str:
    trap = rng.choice(("", "经学校证书试点管理部门审核、校级分管领导同意，", "经学校研究，"))
    return (f"我校已于2024年3月{max(1, plan.day - rng.randint(1, 4)) if plan.month == 3 else 1}日前在职业技能等级证书"
            f"信息管理服务平台完成2024年度证书试点申报。因{rng.choice(('专业招生计划变化', '实训条件调整', '学生报考意愿变化', '原申报信息填报有误'))}，"
            f"{trap}现申请对部分证书申报内容作如下调整：")


def _signoff(page: Page, rng: random.Random, plan: Plan, y: float, seal: bool = True) -> float:
    """申请单位 and date at the foot of a letter, the seal over them."""
    x = page.width - 25
    unit = f"{plan.unit_written}" if rng.random() < 0.6 else f"申请单位：{plan.unit_written}（盖章）"
    page.right(x, y, unit, 12)
    page.right(x - 6, y + 9, f"2024年{plan.month}月{plan.day}日", 12)
    if seal:
        put_seal(page, rng, plan, x - text_width(unit, page.song, 12) / 2 - 5, y + 6)
    return y + 22


def _contact(page: Page, rng: random.Random, plan: Plan, y: float) -> float:
    page.text(25, y, f"联系人：{plan.contact}{rng.choice(('，', '　', '  '))}联系电话：{plan.phone}", 11)
    return y + 9


def _prose_changes(page: Page, rng: random.Random, plan: Plan, y: float, per_paragraph: bool) -> float:
    """Changes in plain paragraphs, not numbered."""
    sentences = [sentence(rng, c) + (f"，原因是{c.reason}" if rng.random() < 0.4 else "") for c in plan.changes]
    if per_paragraph:
        for s in sentences:
            y = page.paragraph(25, y, page.width - 50, s + "。", 12) + 1
        return y
    joiner = rng.choice(("；", "。另外，", "；同时，"))
    return page.paragraph(25, y, page.width - 50, joiner.join(sentences) + "。", 12) + 1


def _oneline_approval(page: Page, rng: random.Random, plan: Plan, a: Approval, label: str, y: float,
                      x: float = 25) -> float:
    """`部门意见：同意调整　负责人签字：[ink]　2024年3月5日` all on one line."""
    if a.state == "absent":
        return y
    w = page.text(x, y, spaced(rng, label) + colon(rng), 12)
    xx = x + w + 1
    xx += put_opinion(page, rng, a, xx, y, 12) + rng.uniform(5, 12)
    if xx > page.width - 95:  # no room left on the line: 签字 and date go on to the next, on the right
        y += 11
        xx = page.width - 100
    xx += page.text(xx, y, sign_label(rng) + colon(rng), 12) + 1
    sig_w = put_signature(page, rng, a, xx, y, 24)
    overlap = rng.random() < 0.3
    xx += (sig_w * 0.6 if overlap else max(sig_w, 22)) + 3
    put_date(page, rng, a, plan.month, min(xx, page.width - 40), y, 12)
    return y + 17


# ---- 1. 会签单 -----------------------------------------------------------------------------------------

EXTRAS = ("教务处", "财务处", "招生就业处", "二级学院（系部）", "质量管理办公室", "资产管理处")


def countersign(plan: Plan, rng: random.Random) -> tuple[Files, str, int]:
    page = _page(rng)
    y = 20
    page.center(y, plan.school.name, 16, page.hei)
    page.center(y + 10, rng.choice(("2024年1+X证书申报调整会签单", "1+X证书试点申报调整会签表", "证书申报调整事项会签单")),
                16, page.hei, bold=True)
    y += 26
    x, total = 18, page.width - 36
    y = bottom(grid(page, x, y, [28, 62, 28, total - 118], [10, 10],
                    [["申请单位", plan.unit_written, "联 系 人", plan.contact],
                     ["联系电话", plan.phone, "填报日期", f"2024年{plan.month}月{plan.day}日"]], 10.5)) + 4
    short = rng.random() < 0.4
    head = ["证书名称", "等级", "调整项目", "调整前", "调整后", "备注"]
    rows = [head]
    for c in plan.changes:
        lv = level_short(c.level) if short else c.level
        rows.append([cert_written(rng, c, False), lv if c.state_level or c.field == "level" else "",
                     field_word(rng, c), value_written(rng, c, c.old), value_written(rng, c, c.new),
                     rng.choice(("", "", c.reason))])
    widths = [48, 14, 24, 30, 30, total - 146]
    y = bottom(grid(page, x, y, widths, [10] + [14] * len(plan.changes), rows, 10, bold_rows=(0,))) + 6
    # the countersign rows: the two that matter among others
    approvers: list[tuple[str, Approval | None]] = []
    dept_label = rng.choice(("证书试点管理部门", "1+X证书试点管理部门", "证书试点管理部门（教务处）"))
    lead_label = rng.choice(("校级分管领导", "分管校领导", "校级分管领导"))
    extras = [e for e in EXTRAS if plan.department.state != "absent" or e != "教务处"]
    if "教务处" in dept_label:
        extras = [e for e in extras if e != "教务处"]
    for e in rng.sample(extras, rng.randint(1, 3)):
        approvers.append((e, None))
    if plan.department.state != "absent":
        approvers.insert(rng.randint(0, len(approvers)), (dept_label, plan.department))
    if plan.leader.state != "absent":
        approvers.append((lead_label, plan.leader))
    four = rng.random() < 0.5
    head = ["会签部门", "意见", "签字", "日期"] if four else ["会签部门", "意  见", "签字/日期"]
    widths = [44, 66, 34, total - 144] if four else [44, 76, total - 120]
    row_h = rng.choice((17, 19, 21))
    cells = [head] + [[label] + [""] * (len(head) - 1) for label, _ in approvers]
    rects = grid(page, x, y, widths, [10] + [row_h] * len(approvers), cells, 10.5, bold_rows=(0,))
    for r, (_label, a) in enumerate(approvers, start=1):
        if a is None:  # an extra department: usually agreed and signed, sometimes left blank
            if rng.random() < 0.75:
                a = Approval("ok", rng.choice(("同意", "已阅", "同意。", "无意见")), "", "scribble",
                             rng.choice(("black", "blue")), plan.day, rng.choice(("typed", "hand-short", "hand-dots")))
            else:
                continue
        ox, oy, _ow, oh = rects[r][1]
        put_opinion(page, rng, a, ox + 3, oy + oh / 2 - 3, 11)
        sx, sy, sw, sh = rects[r][2]
        put_signature(page, rng, a, sx + 2, sy + min(8.5, sh * 0.4), min(26, sw - 6), 11)
        if four:
            dx, dy, _dw, dh = rects[r][3]
            put_date(page, rng, a, plan.month, dx + 2, dy + dh / 2 - 2.5, 10)
        else:
            put_date(page, rng, a, plan.month, sx + sw * 0.35, sy + sh - 7, 10)
    y = bottom(rects) + 12
    page.right(page.width - 25, y, "学校（盖章）", 12)
    page.right(page.width - 25, y + 9, f"2024年{plan.month}月{plan.day}日", 12)
    put_seal(page, rng, plan, page.width - 45, y + 2)
    cap = Capture.draw(rng)
    return as_files(scanned([page], rng, cap), rng, cap, rng.choice(("会签单", "调整申请会签单", plan.school.name))), \
        cap.describe(), 1


# ---- 2. letter with one-line approvals -----------------------------------------------------------------

def _letter(plan: Plan, rng: random.Random, approvals_inline: bool, changes: bool = True) -> Page:
    page = _page(rng)
    y = letter_head(page, rng, plan)
    page.center(y, rng.choice(TITLES), 16, page.hei, bold=rng.random() < 0.5)
    y += 16
    page.text(25, y, rng.choice(SALUTATIONS), 12)
    y += 10
    y = page.paragraph(25, y, page.width - 50, _intro(plan, rng), 12) + 1
    if changes:
        y = _prose_changes(page, rng, plan, y, rng.random() < 0.5)
    else:
        y = page.paragraph(25, y, page.width - 50, rng.choice(("具体调整事项详见附表。", "调整明细见附件表格。")), 12)
    y = page.paragraph(25, y, page.width - 50, rng.choice(("特此申请，请予审核。", "妥否，请批示。", "恳请予以批准。")),
                       12) + 4
    if approvals_inline:
        labels = (rng.choice(DEPT_LABELS + ("证书试点管理部门", "部门意见")), rng.choice(LEADER_LABELS))
        y = _oneline_approval(page, rng, plan, plan.department, labels[0], y + 4)
        y = _oneline_approval(page, rng, plan, plan.leader, labels[1], y)
        y += 6
    y = _contact(page, rng, plan, y)
    _signoff(page, rng, plan, y + 6)
    return page


def oneline(plan: Plan, rng: random.Random) -> tuple[Files, str, int]:
    page = _letter(plan, rng, approvals_inline=True)
    cap = Capture.draw(rng)
    return as_files(scanned([page], rng, cap), rng, cap, "调整申请"), cap.describe(), 1


# ---- 3. letter and approval form (or change sheet) as separate attachments -----------------------------

def _approval_form(plan: Plan, rng: random.Random) -> Page:
    """A one-page 审批单 whose blocks are boxes: label top-left, opinion, 签字 and 日期 bottom-right."""
    page = _page(rng)
    y = 24
    page.center(y, rng.choice(("1+X证书申报调整审批单", "证书申报调整校内审批意见", "2024年证书申报调整审核意见表")), 16,
                page.hei, bold=True)
    y += 16
    x, w = 22, page.width - 44
    page.text(x, y, f"申请单位：{plan.unit_written}", 12)
    y += 10
    page.rect(x, y, w, 26)
    page.text(x + 3, y + 3, "调整事项：", 12)
    summary = f"2024年1+X证书申报信息调整，共{len(plan.changes)}项（明细详见申请）"
    page.paragraph(x + 3, y + 11, w - 6, summary, 11, indent=False)
    y += 26
    for a, label in ((plan.department, rng.choice(DEPT_LABELS)), (plan.leader, rng.choice(LEADER_LABELS))):
        h = rng.choice((42, 48, 55))
        page.rect(x, y, w, h)
        page.text(x + 3, y + 3, spaced(rng, label) + "：", 12)
        if a.state != "absent":
            put_opinion(page, rng, a, x + 20, y + 15, 12)
            lab = rng.choice(("签字：", "负责人签字：", "签名：", "（签字）"))
            lx = x + w * 0.42
            page.text(lx, y + h - 11, lab, 12)
            put_signature(page, rng, a, lx + text_width(lab, page.song, 12) + 1, y + h - 13, 24)
            put_date(page, rng, a, plan.month, x + w - 42, y + h - 11, 11)
        else:
            page.text(x + w * 0.42, y + h - 11, "签字：", 12)
            page.text(x + w - 42, y + h - 11, "年    月    日", 11)
        y += h
    y += 14
    page.right(page.width - 28, y, "（学校公章）", 12)
    put_seal(page, rng, plan, page.width - 45, y + 3)
    return page


def _sheet_image(plan: Plan, rng: random.Random) -> Image.Image:
    """The changes table as a spreadsheet screenshot: column letters, row numbers, grey gridlines."""
    cols = ["证书名称", "考核等级", "调整内容", "原申报", "调整为", "调整原因"]
    rows = [cols] + [[cert_written(rng, c, False), c.level, field_word(rng, c), value_written(rng, c, c.old),
                      value_written(rng, c, c.new), c.reason] for c in plan.changes]
    f = font("notosans", 26)
    widths = [max(160, max(int(f.getlength(r[i])) + 30 for r in rows)) for i in range(len(cols))]
    rh, head_w, top = 46, 60, 90
    W = head_w + sum(widths) + 200
    H = max(900, top + 40 + rh * (len(rows) + 14))
    im = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, W, 48], fill=(33, 115, 70))
    d.text((16, 8), f"{plan.school.name}证书申报调整明细.xlsx - Excel", font=font("notosans", 24), fill="white")
    d.rectangle([0, 48, W, top], fill=(243, 243, 243))
    d.text((16, 56), "fx", font=font("notosans", 22), fill=(90, 90, 90))
    d.rectangle([0, top, W, top + 40], fill=(230, 230, 230))
    d.rectangle([0, top, head_w, H], fill=(230, 230, 230))
    xx = head_w
    for i, w in enumerate(widths + [200]):
        d.text((xx + w // 2 - 8, top + 6), "ABCDEFGH"[i], font=font("notosans", 22), fill=(60, 60, 60))
        xx += w
        d.line([xx, top, xx, H], fill=(212, 212, 212))
    for r in range((H - top - 40) // rh):
        yy = top + 40 + r * rh
        d.text((18, yy + 10), str(r + 1), font=font("notosans", 20), fill=(60, 60, 60))
        d.line([0, yy + rh, W, yy + rh], fill=(212, 212, 212))
        if r < len(rows):
            xx = head_w
            for c, w in enumerate(widths):
                d.text((xx + 8, yy + 8), rows[r][c], font=f, fill=(0, 0, 0))
                xx += w
    d.rectangle([head_w, top + 40, head_w + widths[0], top + 40 + rh], outline=(33, 115, 70), width=3)
    d.rectangle([0, H - 40, W, H], fill=(240, 240, 240))
    d.text((head_w + 10, H - 34), "Sheet1", font=font("notosans", 20), fill=(33, 115, 70))
    return im


def split_attach(plan: Plan, rng: random.Random) -> tuple[Files, str, int]:
    cap = Capture.draw(rng)
    if rng.random() < 0.5:  # letter (digital or scanned) + approval form photographed/scanned as JPG
        letter = _letter(plan, rng, approvals_inline=False)
        if rng.random() < 0.5:
            files = [("调整申请.pdf", "application/pdf", pdf_digital([_without_stamps(letter)]))]
            cap.notes.append("digital letter")
        else:
            files = as_files(scanned([letter], rng, cap), rng, cap, "调整申请", ("pdf",))
        form = _approval_form(plan, rng)
        image = scan_page(render(form, cap.dpi), rng, cap)
        files.append((rng.choice(("审批单.jpg", "IMG_2024030" + str(plan.day % 10) + ".jpg", "审批表.jpg")),
                      "image/jpeg", jpeg(image, cap.quality, cap.dpi)))
        cap.notes.append("form jpg")
        return files, cap.describe(), 2
    # letter with its approvals as one scan, the change table as a spreadsheet screenshot
    letter = _letter(plan, rng, approvals_inline=True, changes=False)
    files = as_files(scanned([letter], rng, cap), rng, cap, "调整申请", ("pdf", "jpg"))
    sheet = _sheet_image(plan, rng)
    files.append(("调整明细表.png", "image/png", _png(sheet)))
    cap.notes.append("sheet png")
    return files, cap.describe(), 2


def _png(image: Image.Image) -> bytes:
    import io
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _without_stamps(page: Page) -> Page:
    """A born-digital letter printed straight from Word: no ink or stamps on it (those are on the form)."""
    from tests.othergen.canvas import Picture
    clone = Page(page.width, page.height, [op for op in page.ops if not isinstance(op, Picture)], page.song,
                 page.hei)
    return clone


# ---- 4. transposed table, vertical labels ---------------------------------------------------------------

def _vertical_label(page: Page, x: float, y: float, w: float, h: float, label: str, size: float = 12) -> None:
    step = size * PT_MM * 1.35
    top = y + (h - step * len(label)) / 2
    for i, char in enumerate(label):
        page.text(x + (w - size * PT_MM) / 2, top + i * step, char, size)


def transposed(plan: Plan, rng: random.Random) -> tuple[Files, str, int]:
    page = _page(rng)
    y = 22
    page.center(y, rng.choice(("2024年1+X证书申报调整申请表", "职业技能等级证书申报信息调整申请表")), 16, page.hei, bold=True)
    y += 14
    page.text(20, y, f"申请单位（盖章）：{plan.unit_written}", 12)
    page.right(page.width - 20, y, f"填表时间：2024年{plan.month}月{plan.day}日", 11)
    y += 10
    short = rng.random() < 0.5
    labels = ["证书名称", "考核等级", "调整事项", "原申报内容", "调整后内容", "调整原因"]
    cols = [[f"调整{'一二三四五'[i]}" for i in range(len(plan.changes))]] if rng.random() < 0.5 else []
    body = []
    for c in plan.changes:
        lv = (level_short(c.level) if short else c.level) if c.state_level else ""
        body.append([cert_written(rng, c, False), lv, field_word(rng, c), value_written(rng, c, c.old),
                     value_written(rng, c, c.new), c.reason])
    rows = []
    if cols:
        rows.append(["项目"] + cols[0])
    for r, label in enumerate(labels):
        rows.append([label] + [b[r] for b in body])
    total = page.width - 40
    first = 30
    widths = [first] + [(total - first) / len(plan.changes)] * len(plan.changes)
    heights = [11] * len(rows)
    heights[-1] = 18
    y = bottom(grid(page, 20, y, widths, heights, rows, 10.5))
    # approval rows: a narrow cell with the label written vertically, then the opinion area
    for a, label in ((plan.department, rng.choice(("证书试点管理部门意见", "试点管理部门意见"))),
                     (plan.leader, rng.choice(("校级分管领导意见", "分管校领导意见")))):
        h = max(rng.choice((44, 50)), len(label) * 10.5 * PT_MM * 1.35 + 6)
        page.rect(20, y, first, h)
        page.rect(20 + first, y, total - first, h)
        _vertical_label(page, 20, y, first, h, label, 10.5)
        if a.state != "absent":
            put_opinion(page, rng, a, 20 + first + 8, y + 8, 12)
            lab = rng.choice(("签字：", "签名：", "负责人签字：", "签章："))
            lx = 20 + first + (total - first) * 0.45
            page.text(lx, y + h - 20, lab, 11)
            put_signature(page, rng, a, lx + text_width(lab, page.song, 11) + 1, y + h - 21, 24, 11)
            put_date(page, rng, a, plan.month, 20 + total - 45, y + h - 10, 11)
        else:
            page.text(20 + total - 45, y + h - 10, "年   月   日", 11)
        y += h
    y += 10
    put_seal(page, rng, plan, page.width - 60, y - 20)
    y = _contact(page, rng, plan, y)
    cap = Capture.draw(rng)
    return as_files(scanned([page], rng, cap), rng, cap, "申请表"), cap.describe(), 1


# ---- 5. headcount-only sheet with a 合计 row and a 3-column approval table ------------------------------

def headcount_sheet(plan: Plan, rng: random.Random) -> tuple[Files, str, int]:
    page = _page(rng)
    y = letter_head(page, rng, plan)
    page.center(y, rng.choice(("关于调整2024年1+X证书试点人数的申请", "2024年证书试点人数调整申请")), 16, page.hei, bold=True)
    y += 16
    page.text(25, y, rng.choice(SALUTATIONS), 12)
    y += 10
    y = page.paragraph(25, y, page.width - 50, "根据各专业在校生实际人数及学生报考意愿，经学校研究，现申请调整以下证书的试点人数规模：",
                       12) + 3
    head = ["证书名称", "等级", "试点专业", "原申报人数", "调整后人数", "增减"]
    rows = [head]
    decls = {d.application_id: d for d in __import__("tests.othergen.registry", fromlist=["DECLARATIONS"]).DECLARATIONS}
    short = rng.random() < 0.4
    for c in plan.changes:
        major = decls[c.application_id].major if c.application_id else ""
        diff = int(c.new) - int(c.old)
        rows.append([cert_written(rng, c, False), (level_short(c.level) if short else c.level) if c.state_level else "",
                     major, str(c.old), str(c.new), f"{diff:+d}"])
    with_total = len(plan.changes) > 1 and rng.random() < 0.6
    if with_total:
        rows.append(["合计", "", "", str(sum(int(c.old) for c in plan.changes)),
                     str(sum(int(c.new) for c in plan.changes)),
                     f"{sum(int(c.new) - int(c.old) for c in plan.changes):+d}"])
    total = page.width - 40
    widths = [50, 14, 40, 26, 26, total - 156]
    y = bottom(grid(page, 20, y, widths, [10] + [11] * (len(rows) - 1), rows, 10, bold_rows=(0,))) + 6
    y = _contact(page, rng, plan, y)
    y += 2
    head = rng.choice((["审批部门", "审批意见", "签字/日期"], ["部门", "意见", "负责人签字（日期）"]))
    approvers = [(rng.choice(("证书试点管理部门", "1+X证书试点管理部门")), plan.department),
                 (rng.choice(("校级分管领导", "分管校领导")), plan.leader)]
    approvers = [(label, a) for label, a in approvers if a.state != "absent"]
    row_h = rng.choice((18, 22))
    widths = [46, 74, total - 120]
    rects = grid(page, 20, y, widths, [10] + [row_h] * len(approvers),
                 [head] + [[label, "", ""] for label, _ in approvers], 10.5, bold_rows=(0,))
    for r, (_label, a) in enumerate(approvers, start=1):
        ox, oy, _ow, oh = rects[r][1]
        put_opinion(page, rng, a, ox + 3, oy + oh / 2 - 3, 11)
        sx, sy, sw, sh = rects[r][2]
        put_signature(page, rng, a, sx + 3, sy + min(8.5, sh * 0.4), 24, 11)
        put_date(page, rng, a, plan.month, sx + sw - 32, sy + sh - 7, 10)
    y = bottom(rects) + 8
    _signoff(page, rng, plan, y)
    cap = Capture.draw(rng)
    return as_files(scanned([page], rng, cap), rng, cap, "人数调整申请"), cap.describe(), 1


# ---- 6. two pages scanned onto one sheet ----------------------------------------------------------------

def two_pages_one_sheet(plan: Plan, rng: random.Random) -> tuple[Files, str, int]:
    letter = _letter(plan, rng, approvals_inline=False)
    form = _approval_form(plan, rng)
    if rng.random() < 0.5:  # the seal is on the form only
        from tests.othergen.canvas import Picture
        letter.ops = [op for op in letter.ops if not (isinstance(op, Picture) and op.w > 30)]
    cap = Capture.draw(rng)
    cap.skew = 0.0
    left, right = (render(letter, cap.dpi), render(form, cap.dpi))
    sheet = two_up(left, right, round(cap.dpi / 25.4 * rng.uniform(4, 10)))
    image = scan_page(sheet, rng, cap, rng.choice((0, 0, 2)))
    cap.notes.append("two-up")
    if rng.random() < 0.5:
        files = [("扫描件.jpg", "image/jpeg", jpeg(image, cap.quality, cap.dpi))]
    else:
        files = [("扫描件.pdf", "application/pdf", pdf_of([image], cap.quality, cap.dpi))]
    return files, cap.describe(), 1


# ---- 7. multi-page scan with a page turned, watermark, heavy compression --------------------------------

def _arrow_lines(page: Page, rng: random.Random, plan: Plan, y: float) -> float:
    bullet = rng.choice(("◆", "●", "——", "■", "※"))
    arrow = rng.choice(("→", "—>", "调整为", "改为"))
    for c in plan.changes:
        text = (f"{bullet}{cert_written(rng, c)}　{field_word(rng, c)}：{value_written(rng, c, c.old)} {arrow} "
                f"{value_written(rng, c, c.new)}")
        y = page.paragraph(30, y, page.width - 55, text, 12, indent=False) + 1
    return y + 2


def turned_scan(plan: Plan, rng: random.Random) -> tuple[Files, str, int]:
    first = _page(rng)
    y = letter_head(first, rng, plan)
    first.center(y, rng.choice(TITLES), 16, first.hei, bold=True)
    y += 16
    first.text(25, y, rng.choice(SALUTATIONS), 12)
    y += 10
    y = first.paragraph(25, y, first.width - 50, _intro(plan, rng), 12) + 2
    y = _arrow_lines(first, rng, plan, y)
    y = first.paragraph(25, y, first.width - 50, "以上调整均在申报期内提出，特此申请。", 12) + 6
    y = _contact(first, rng, plan, y)
    _signoff(first, rng, plan, y + 8, seal=rng.random() < 0.5)
    form = _approval_form(plan, rng)
    pages = [first, form]
    if rng.random() < 0.4:  # a third page: the enrolment figures behind the request, no changes on it
        extra = _page(rng)
        extra.center(22, "附：相关专业在校生情况", 14, extra.hei)
        rows = [["专业名称", "一年级", "二年级", "三年级", "合计"]]
        for m in plan.school.majors[:4]:
            a, b, c = rng.randint(30, 90), rng.randint(30, 90), rng.randint(20, 80)
            rows.append([m, str(a), str(b), str(c), str(a + b + c)])
        grid(extra, 25, 36, [60, 25, 25, 25, 25], [10] * len(rows), rows, 10.5)
        pages.append(extra)
    if rng.random() < 0.7:
        mark = rng.choice((plan.school.name, "仅供证书申报调整使用", "内部资料 注意保存", "复印件无效"))
        for p in pages:
            p.picture(0, 0, p.width, watermark(rng, mark, p.width, p.height), multiply=True)
    cap = Capture.draw(rng)
    cap.quality = rng.choice((20, 30, 40, cap.quality))
    turned = rng.randrange(len(pages))
    turn = rng.choice((1, 2, 3))
    cap.notes.append(f"page{turned + 1}-turn{turn * 90}")
    images = scanned(pages, rng, cap, {turned: turn})
    return as_files(images, rng, cap, "申请扫描件", ("pdf", "pdf", "tif", "jpg")), cap.describe(), len(pages)


# ---- 8. born-digital PDF with signature images, 名章 and an electronic seal -----------------------------

def esign_pdf(plan: Plan, rng: random.Random) -> tuple[Files, str, int]:
    page = Page()
    page.song, page.hei = "song", "hei"
    y = 22
    page.center(y, rng.choice(("情况说明", "2024年证书申报调整的情况说明", rng.choice(TITLES))), 16, "hei")
    y += 16
    page.text(25, y, rng.choice(SALUTATIONS), 12)
    y += 10
    y = page.paragraph(25, y, page.width - 50, _intro(plan, rng), 12) + 2
    rows = [["序号", "证书名称", "调整内容", "调整原因"]]
    for i, c in enumerate(plan.changes, 1):
        what = rng.choice((f"{field_word(rng, c)}：{value_written(rng, c, c.old)}→{value_written(rng, c, c.new)}",
                           f"{field_word(rng, c)}由{value_written(rng, c, c.old)}调整为{value_written(rng, c, c.new)}"))
        rows.append([str(i), cert_written(rng, c), what, c.reason])
    total = page.width - 50
    y = bottom(grid(page, 25, y, [12, 58, 62, total - 132], [10] + [14] * len(plan.changes), rows, 10,
                    bold_rows=(0,))) + 8
    for a, label in ((plan.department, rng.choice(DEPT_LABELS)), (plan.leader, rng.choice(LEADER_LABELS))):
        if a.state == "absent":
            continue
        page.text(25, y, label + "：", 12)
        page.text(25 + text_width(label + "：", "song", 12) + 2, y, a.opinion, 12)
        y += 10
        lab = rng.choice(("签字：", "负责人（签字）：", "签名："))
        lx = 90
        page.text(lx, y, lab, 12)
        put_signature(page, rng, a, lx + text_width(lab, "song", 12) + 1, y, 24)
        if a.state not in ("unsigned",):
            page.text(150, y, f"2024年{plan.month}月{a.day}日" if a.date_style == "typed" else date_words(a, plan.month),
                      12)
        y += 16
    y = _contact(page, rng, plan, y + 2)
    x = page.width - 25
    page.right(x, y + 6, plan.unit_written, 12)
    page.right(x - 6, y + 15, f"2024年{plan.month}月{plan.day}日", 12)
    if plan.has_seal:
        image = ink.e_seal(rng, plan.school.name)
        page.picture(x - 55, y - 12, 40, image, multiply=False)
    elif plan.seal == "stamp-only":
        page.picture(x - 60, y + 2, 15, ink.name_stamp(rng, plan.contact, 15), multiply=False)
    return [(f"{plan.school.name}调整申请.pdf", "application/pdf", pdf_digital([page]))], "digital", 1


FAMILIES: dict[str, Callable[[Plan, random.Random], tuple[Files, str, int]]] = {
    "countersign": countersign, "oneline_letter": oneline, "split_attach": split_attach,
    "transposed": transposed, "headcount_sheet": headcount_sheet, "two_up": two_pages_one_sheet,
    "turned_scan": turned_scan, "esign_pdf": esign_pdf,
}
# families that only ever write some fields
FIELDS = {"headcount_sheet": ("headcount",)}
