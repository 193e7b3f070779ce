"""deskgen's families: each turns a plan into the attachments a school office would send.

- `letter_bottom`: a Word letter (红头, letterhead or plain) with numbered prose changes and the two approval
  blocks at the bottom, side by side or stacked, label on its own line, opinions handwritten; phone photo
  (JPG) or flatbed scan (JPG / PDF).
- `approval_form`: a one-page 审批表 ruled grid (单位名称/联系人/联系电话, a changes sub-table, two opinion
  cells with wrapped labels, a 单位盖章 cell under the seal); flatbed scan as PDF, PNG or TIFF.
- `letter_annex`: a letter saying 详见附表 with the approvals and seal, the change table (per field or per
  certificate, merged headers) on a 附表 page; a two-page scanned PDF, the annex sometimes bilevel.
- `word_pdf_signed`: a born-digital PDF with a text layer (reportlab, embedded CJK TTF) whose last page
  is the signed, sealed approval sheet as a scan.
- `two_photos`: the letter and the signed approval sheet photographed separately, two JPG attachments.
- `photocopy_form`: a per-certificate form photocopied twice (grey seal), as TIFF or PNG.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import numpy as np

from tests.deskgen import capture, content, ink
from tests.deskgen.page import Cell, Doc, mm
from tests.deskgen.plan import Plan

Files = list[tuple[str, bytes, str]]  # (filename, bytes, mime type)
Rendered = tuple[Files, str]

TITLES = ("关于调整2024年1+X证书试点申报信息的申请", "关于2024年1+X证书申报调整的申请", "{unit}2024年证书申报调整申请",
          "关于申请调整1+X证书制度试点申报内容的报告", "2024年职业技能等级证书申报调整申请")
SALUTATIONS = ("江苏省职业院校1+X证书制度试点工作办公室：", "省1+X证书制度试点工作办公室：", "省1+X办公室：",
               "江苏省职业院校1+X证书制度试点工作办公室:")
INTROS = (
    "根据《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，我校已在平台完成2024年度证书申报。"
    "因{reason}，经学校证书试点管理部门和校级分管领导研究同意，现申请对部分证书申报内容进行调整，具体如下：",
    "我校在2024年度第一次1+X证书申报中，因{reason}，需对已申报的部分证书进行调整。现将调整事项报告如下：",
    "因{reason}，我单位拟对2024年1+X证书试点申报信息作如下调整，恳请省1+X办公室予以批准：",
)
REASONS = ("部分专业学生人数发生变化", "学校招生计划调整", "专业设置调整", "学生报考意愿发生变化", "实训条件与教学安排调整")
CLOSINGS = ("特此申请。", "妥否，请批示。", "恳请批准为盼！", "特此申请，请予审批。")


def _style(rng: random.Random) -> Doc:
    tint = rng.choice(((255, 255, 255), (255, 255, 255), (252, 251, 246), (250, 250, 250)))
    return Doc(rng, body_font=rng.choice(ink.BODY_FONTS), size=rng.randrange(38, 48), margin_x=mm(rng.uniform(22, 32)),
               margin_top=mm(rng.uniform(20, 32)), line_gap=rng.uniform(1.45, 1.75), tint=tint)


def _head(doc: Doc, plan: Plan, rng: random.Random) -> None:
    r = rng.random()
    if r < 0.35:
        doc.letterhead(plan.school.name, red_title=True)
    elif r < 0.6:
        doc.letterhead(plan.school.name, red_title=False)
    title = rng.choice(TITLES).format(unit=plan.doc_unit)
    doc.para(title, indent=0, align="center", size=doc.size + rng.choice((4, 8, 12)),
             font=rng.choice(("serif_bold", "hei", "zenhei")))
    doc.skip(0.5)
    doc.para(rng.choice(SALUTATIONS), indent=0)


def _intro(doc: Doc, rng: random.Random) -> None:
    doc.para(rng.choice(INTROS).format(reason=rng.choice(REASONS)))


def _signoff(doc: Doc, plan: Plan, rng: random.Random, seal_here: bool) -> None:
    """申请单位 (盖章) and the date at the right, the seal stamped over them."""
    doc.skip(rng.uniform(0.5, 1.5))
    fnt = doc.font()
    unit_line = rng.choice(("申请单位：{}", "{}", "{}（盖章）", "申请单位（盖章）：{}")).format(plan.doc_unit)
    date = content.date_text(plan.letter_date, rng, hand=False)
    doc.ensure(int(fnt.size * 4))
    right = doc.margin_x + doc.width - mm(rng.uniform(0, 12))
    y0 = doc.y
    for line in (unit_line, date):
        ink.print_text(doc.page, right - int(fnt.getlength(line)), doc.y, line, fnt)
        doc.y += int(fnt.size * doc.line_gap)
    if seal_here and plan.has_seal:
        cx = right - int(fnt.getlength(unit_line)) // 2 + mm(rng.uniform(-10, 10))
        ink.place_seal(doc.page, cx, y0 + int(fnt.size * 1.2), plan.school.name, mm(rng.uniform(38, 44)), rng, plan.seal)
    if rng.random() < 0.7:
        doc.skip(0.3)
        doc.para(f"联系人：{plan.contact}    联系电话：{plan.phone}", indent=0, size=doc.size - 4)


def _approvals(doc: Doc, plan: Plan, rng: random.Random, side_by_side: bool | None = None) -> None:
    """The two approval blocks at the bottom: side by side or stacked; an absent one is not drawn."""
    side = rng.random() < 0.5 if side_by_side is None else side_by_side
    doc.skip(rng.uniform(0.4, 1.0))
    dept_label, leader_label = rng.choice(content.DEPT_LABELS), rng.choice(content.LEADER_LABELS)
    colon = rng.random() < 0.6
    blocks = [(plan.department, dept_label), (plan.leader, leader_label)]
    if side:
        half = doc.width // 2 - mm(4)
        doc.ensure(int(doc.size * 9))
        top, bottoms = doc.y, []
        for i, (a, label) in enumerate(blocks):
            doc.y = top
            if a.state != "absent":
                bottoms.append(content.approval_block(doc, a, label, doc.margin_x + i * (half + mm(8)), half, rng, colon))
        doc.y = max(bottoms, default=top)
    else:
        for a, label in blocks:
            if a.state == "absent":
                continue
            doc.ensure(int(doc.size * 9))
            doc.y = content.approval_block(doc, a, label, doc.margin_x, doc.width, rng, colon)


def _prose_changes(doc: Doc, plan: Plan, rng: random.Random) -> None:
    for line in content.numbered([content.prose(c, rng) for c in plan.changes], rng):
        doc.para(line)


def letter_pages(plan: Plan, rng: random.Random, changes: str) -> list[np.ndarray]:
    """A letter: head, intro, changes (prose | table | annex), sign-off with seal, approvals; an annex
    page with the table when `changes` is "annex"."""
    doc = _style(rng)
    _head(doc, plan, rng)
    _intro(doc, rng)
    if changes == "prose":
        _prose_changes(doc, plan, rng)
    elif changes == "table":
        doc.skip(0.3)
        content.per_field_table(doc, plan, rng)
        doc.skip(0.3)
    else:
        doc.para(rng.choice(("具体调整内容详见附表。", "调整明细见附件。", "具体调整情况见附表《证书申报调整明细表》。")))
    doc.para(rng.choice(CLOSINGS))
    _signoff(doc, plan, rng, seal_here=True)
    _approvals(doc, plan, rng)
    pages = doc.pages
    if changes == "annex":
        annex = _style(rng)
        annex.para(rng.choice(("附表", "附件", "附表：")), indent=0, font="hei")
        annex.para(rng.choice(("2024年1+X证书申报调整明细表", "证书申报调整情况表", "{}证书申报调整明细")).format(plan.doc_unit),
                   indent=0, align="center", size=annex.size + 4, font="hei")
        annex.skip(0.4)
        (content.per_cert_table if rng.random() < 0.5 and not any(c.field == "level" for c in plan.changes)
         else content.per_field_table)(annex, plan, rng)
        pages = pages + annex.pages
    return pages


def _wrapped_label(text: str, rng: random.Random) -> str:
    """A label broken over 2–3 lines at arbitrary points, as in a narrow form column."""
    if len(text) <= 4:
        return text
    parts = rng.choice((2, 3))
    cuts = sorted(rng.sample(range(2, len(text) - 1), min(parts - 1, len(text) - 3)))
    out, last = [], 0
    for c in cuts:
        out.append(text[last:c])
        last = c
    out.append(text[last:])
    return "\n".join(out)


def form_pages(plan: Plan, rng: random.Random, table: str = "field") -> list[np.ndarray]:
    """A 审批表 on one page: the unit rows, the changes sub-table, 调整原因, two opinion cells and 单位盖章."""
    doc = _style(rng)
    doc.size = rng.randrange(36, 42)
    doc.margin_x = mm(rng.uniform(16, 24))
    doc.para(rng.choice(("2024年1+X证书试点申报调整审批表", "{}1+X证书申报调整申请表", "职业技能等级证书申报调整审批表"))
             .format(plan.doc_unit), indent=0, align="center", size=doc.size + 10, font=rng.choice(("hei", "serif_bold")))
    doc.skip(0.3)
    lw = rng.uniform(1.2, 1.8)
    rh = int(doc.size * rng.uniform(2.0, 2.8))
    doc.table([lw, 3.2, lw, 2.6], [rh, rh], [
        Cell(0, 0, "单位名称"), Cell(0, 1, plan.doc_unit, colspan=3),
        Cell(1, 0, "联系人"), Cell(1, 1, plan.contact), Cell(1, 2, "联系电话"), Cell(1, 3, plan.phone)], line=2)
    doc.table([1.0], [int(rh * 0.9)], [Cell(0, 0, rng.choice(("申请调整内容", "调整内容", "调整事项")), bold=True)])
    (content.per_cert_table if table == "cert" else content.per_field_table)(doc, plan, rng)
    doc.table([lw, 5.8 + lw], [int(rh * 1.2)], [Cell(0, 0, "调整原因"), Cell(0, 1, rng.choice(REASONS) + "。", align="left")])
    opinion_h = int(doc.size * rng.uniform(6.5, 8))
    dept_label = _wrapped_label(rng.choice(content.DEPT_LABELS), rng)
    leader_label = _wrapped_label(rng.choice(content.LEADER_LABELS), rng)
    seal_label = rng.choice(("单位盖章", "学校盖章", "单位意见\n（盖章）"))
    doc.ensure(opinion_h * 3)
    boxes = doc.table([lw, 5.8 + lw], [opinion_h, opinion_h, int(opinion_h * 0.9)], [
        Cell(0, 0, dept_label), Cell(0, 1), Cell(1, 0, leader_label), Cell(1, 1), Cell(2, 0, seal_label), Cell(2, 1)])
    for (x0, y0, x1, _), a in ((boxes[1], plan.department), (boxes[3], plan.leader)):
        if a.state == "absent":
            continue
        content.opinion_and_signature(doc, a, x0 + mm(2), y0 + mm(4), x1 - x0, rng,
                                      rng.choice(content.SIGN_LABELS) if rng.random() < 0.8 else "签字：",
                                      int(doc.size * rng.uniform(1.15, 1.4)))
    x0, y0, x1, y1 = boxes[5]
    fnt = doc.font()
    date = content.date_text(plan.letter_date, rng, hand=False)
    ink.print_text(doc.page, x1 - int(fnt.getlength(date)) - mm(10), y1 - int(fnt.size * 2), date, fnt)
    ink.print_text(doc.page, x1 - int(fnt.getlength("（盖章）")) - mm(18), y1 - int(fnt.size * 3.6), "（盖章）", fnt)
    if plan.has_seal:
        over_leader = rng.random() < 0.3  # stamped half over the leader's signature above
        cy = y0 if over_leader else (y0 + y1) // 2
        ink.place_seal(doc.page, x1 - mm(rng.uniform(30, 45)), cy, plan.school.name, mm(rng.uniform(38, 44)), rng,
                       plan.seal)
    return doc.pages


def approval_sheet(plan: Plan, rng: random.Random) -> np.ndarray:
    """A page holding only the approvals, the sign-off and the seal (the second photo, the last PDF page)."""
    doc = _style(rng)
    doc.para(rng.choice(("审批意见", "学校审核意见", "{}证书申报调整审批意见")).format(plan.doc_unit), indent=0,
             align="center", size=doc.size + 8, font="hei")
    doc.skip(0.5)
    if rng.random() < 0.5:
        doc.para(f"申请单位：{plan.doc_unit}", indent=0)
    _approvals(doc, plan, rng, side_by_side=False)
    _signoff(doc, plan, rng, seal_here=True)
    return doc.pages[0]


# ---------------------------------------------------------------- families

def _scan_files(plan: Plan, pages: list[np.ndarray], rng: random.Random, notes: list[str], stem: str,
                kinds: tuple[str, ...]) -> Files:
    dpi = rng.choice((150, 200, 200, 300))
    mode = rng.choice(("color", "color", "gray"))
    images = [capture.flatbed(capture.age_paper(p, rng, notes), rng, notes, dpi, mode) for p in pages]
    kind = rng.choice(kinds)
    quality = rng.randrange(45, 80) if dpi < 300 else rng.randrange(38, 55)
    if kind == "pdf" or (kind != "tiff" and len(images) > 1):
        return [(f"{stem}.pdf", capture.image_pdf(images, dpi, quality, plan.letter_date), "application/pdf")]
    if kind == "tiff":
        return [(f"{stem}.tif", capture.tiff(images, dpi), "image/tiff")]
    if kind == "png" and dpi <= 150:
        return [(f"{stem}.png", capture.png(images[0]), "image/png")]
    return [(f"{stem}.jpg", capture.jpeg(images[0], quality), "image/jpeg")]


STEMS = ("{unit}2024年证书申报调整申请", "证书申报调整申请", "调整申请（盖章）", "{unit}调整申请扫描件", "scan0001", "1+X调整申请")


def _stem(plan: Plan, rng: random.Random) -> str:
    return rng.choice(STEMS).format(unit=plan.doc_unit)


def letter_bottom(plan: Plan, rng: random.Random) -> Rendered:
    notes: list[str] = []
    pages = letter_pages(plan, rng, "prose" if rng.random() < 0.75 else "table")
    if rng.random() < 0.5:
        photos = [capture.phone_photo(capture.age_paper(p, rng, notes), rng, notes, long_side=rng.choice((2000, 2400)))
                  for p in pages]
        q = rng.randrange(60, 85)
        if len(photos) == 1:
            files = [(f"IMG_2024{plan.letter_date.month:02d}{plan.letter_date.day:02d}_{rng.randrange(80000, 180000)}.jpg",
                      capture.jpeg(photos[0], q), "image/jpeg")]
        else:
            files = [(f"{_stem(plan, rng)}.pdf", capture.image_pdf(photos, 150, q, plan.letter_date), "application/pdf")]
    else:
        files = _scan_files(plan, pages, rng, notes, _stem(plan, rng), ("pdf", "jpg", "pdf"))
    return files, " ".join(notes)


def approval_form(plan: Plan, rng: random.Random) -> Rendered:
    notes: list[str] = []
    pages = form_pages(plan, rng, "field")
    return _scan_files(plan, pages, rng, notes, _stem(plan, rng), ("pdf", "png", "tiff", "jpg")), " ".join(notes)


def letter_annex(plan: Plan, rng: random.Random) -> Rendered:
    notes: list[str] = []
    pages = letter_pages(plan, rng, "annex")
    dpi = rng.choice((150, 200, 300))
    images = [capture.flatbed(capture.age_paper(pages[0], rng, notes), rng, notes, dpi, rng.choice(("color", "gray")))]
    annex_mode = rng.choice(("color", "gray", "bilevel"))  # the annex page has no seal on it
    images += [capture.flatbed(p, rng, notes, dpi, annex_mode) for p in pages[1:]]
    if rng.random() < 0.3 and dpi <= 200:
        return [(f"{_stem(plan, rng)}.tif", capture.tiff(images, dpi), "image/tiff")], " ".join(notes)
    quality = rng.randrange(50, 80) if dpi < 300 else rng.randrange(38, 52)  # keep the mail under ~1.5 MB
    return [(f"{_stem(plan, rng)}.pdf", capture.image_pdf(images, dpi, quality, plan.letter_date),
             "application/pdf")], " ".join(notes)


def two_photos(plan: Plan, rng: random.Random) -> Rendered:
    notes: list[str] = []
    doc = _style(rng)
    _head(doc, plan, rng)
    _intro(doc, rng)
    if rng.random() < 0.5:
        _prose_changes(doc, plan, rng)
    else:
        content.per_field_table(doc, plan, rng)
        doc.skip(0.3)
    doc.para(rng.choice(CLOSINGS))
    letter = doc.pages
    sheet = approval_sheet(plan, rng)
    files: Files = []
    base = rng.randrange(100000, 200000)
    for i, page in enumerate([*letter, sheet]):
        photo = capture.phone_photo(capture.age_paper(page, rng, notes), rng, notes, long_side=rng.choice((2000, 2400)))
        name = rng.choice(("IMG_2024{m:02d}{d:02d}_{n}.jpg", "mmexport{n}{i}.jpg", "调整申请{k}.jpg")).format(
            m=plan.letter_date.month, d=plan.letter_date.day, n=base + i * 37, i=i, k=i + 1)
        files.append((name, capture.jpeg(photo, rng.randrange(60, 82)), "image/jpeg"))
    return files, " ".join(notes)


def photocopy_form(plan: Plan, rng: random.Random) -> Rendered:
    notes: list[str] = []
    pages = form_pages(plan, rng, "cert")
    copies = [capture.photocopy(capture.age_paper(p, rng, notes), rng, notes, rng.choice((1, 2, 2))) for p in pages]
    dpi = rng.choice((150, 200, 300))
    images = [capture.flatbed(np.dstack([c] * 3), rng, notes, dpi, "gray") for c in copies]
    if rng.random() < 0.5:
        return [(f"{_stem(plan, rng)}.tif", capture.tiff(images, dpi), "image/tiff")], " ".join(notes)
    if dpi <= 200:
        return [(f"{_stem(plan, rng)}.png", capture.png(images[0]), "image/png")], " ".join(notes)
    return [(f"{_stem(plan, rng)}.jpg", capture.jpeg(images[0], 70), "image/jpeg")], " ".join(notes)


def word_pdf_signed(plan: Plan, rng: random.Random) -> Rendered:
    from tests.deskgen.wordpdf import born_digital_letter

    notes: list[str] = ["born-digital"]
    sheet = approval_sheet(plan, rng)
    dpi = rng.choice((150, 200))
    scan = capture.flatbed(capture.age_paper(sheet, rng, notes), rng, notes, dpi, rng.choice(("color", "gray")))
    data = born_digital_letter(plan, rng, scan)
    return [(f"{_stem(plan, rng)}.pdf", data, "application/pdf")], " ".join(notes)


FAMILIES: dict[str, Callable[[Plan, random.Random], Rendered]] = {
    "letter_bottom": letter_bottom, "approval_form": approval_form, "letter_annex": letter_annex,
    "word_pdf_signed": word_pdf_signed, "two_photos": two_photos, "photocopy_form": photocopy_form,
}
# the change fields each family draws (per-certificate forms carry no level changes)
FIELDS: dict[str, tuple[str, ...]] = {"photocopy_form": ("headcount", "headcount", "major")}


