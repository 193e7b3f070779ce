"""The six families: each draws the plan's pages in its own layout, captures them, and returns the files to
attach as (filename, MIME type, bytes) with a short note of the capture."""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.inboxgen import capture
from tests.inboxgen.content import (
    approval_lines,
    change_table,
    closing,
    groups,
    intro,
    letter_head,
    numbered,
    opinion_boxes,
    press_seal,
    redhead,
    student_list,
    vertical_form,
    wide_rows,
)
from tests.inboxgen.draw import SANS, SERIF_BOLD, Page
from tests.inboxgen.plan import Plan

File = tuple[str, str, bytes]
DPI = 200


def _stem(plan: Plan, rng: random.Random) -> str:
    return rng.choice([f"{plan.school.name}2024年证书申报调整申请", "证书申报调整申请", "调整申请扫描件",
                       f"{plan.school.short}1+X调整申请", "扫描全能王 2024-03-1" + str(rng.randint(0, 9))])


def _seal_spot(plan: Plan, rng: random.Random, date_centre, sign_centre) -> tuple[float, float, str]:
    """Over the date, or (one in four) partly over the leader's signature."""
    if sign_centre and rng.random() < 0.25 and plan.seal != "none":
        return sign_centre[0] + rng.uniform(8, 16), sign_centre[1] + rng.uniform(-4, 6), " over signature"
    return date_centre[0], date_centre[1], ""


def _approval_page(page: Page, plan: Plan, rng: random.Random, title: bool = True) -> str:
    """Both approval blocks as lines, then 申请单位（盖章） and the date with the seal."""
    if title:
        page.centre(rng.choice(["证书申报调整审批意见", "审批意见", "学校审核意见"]), 15, SANS)
        page.y += 4
    approval_lines(page, plan, plan.department, rng)
    sign = approval_lines(page, plan, plan.leader, rng)
    page.y += 6
    d = plan.letter_date
    label = rng.choice(["申请单位（盖章）", "单位（公章）", "学校（盖章）"])
    x = page.width_mm - 90
    page.text(x, page.y, label, 12.5)
    page.y += 10
    date = f"{d.year}年{d.month}月{d.day}日"
    page.text(x + 8, page.y, date, 12.5)
    cx, cy, note = _seal_spot(plan, rng, (x + 8 + page.width(date, 12.5) / 2, page.y - 3), sign)
    return press_seal(page, plan, cx, cy, rng) + note


def paged_pdf(plan: Plan, rng: random.Random) -> tuple[list[File], str]:
    letter = Page(DPI)
    letter_head(letter, plan, rng)
    if plan.letter_repeats:  # the letter lists the changes too, and points to the annex for detail
        letter.para(intro(plan, rng, annex=False).replace("具体调整如下：", "主要调整如下（详见附表）："), 12.5)
        for item in numbered(plan.changes, rng):
            letter.para(item, 12.5)
    else:
        letter.para(intro(plan, rng, annex=True), 12.5)
    letter.para("其余证书申报内容不变。", 12.5)
    closing(letter, plan, rng)
    table = Page(DPI)
    table.text(20, table.y, "附表", 13, SANS)
    table.y += 10
    table.centre(rng.choice(["2024年1+X证书申报调整明细表", "证书申报调整事项一览表"]), 15, SANS)
    change_table(table, plan, rng)
    last = Page(DPI)
    seal_note = _approval_page(last, plan, rng)
    pages = [letter, table, last]
    if rng.random() < 0.5:
        names = Page(DPI)
        student_list(names, plan, rng)
        pages.insert(rng.choice([1, 2]), names)
    gray = rng.random() < 0.3
    dpi = rng.choice([150, 200])
    images = [capture.scan(p.image, rng, gray=gray, dpi_to=dpi) for p in pages]
    body = capture.pdf(images, dpi, quality=rng.randint(70, 88), when=plan.letter_date)
    table_page = 1 + [p is table for p in pages].index(True)
    return [(_stem(plan, rng) + ".pdf", "application/pdf", body)], \
        f"pdf {len(pages)} pages {dpi}dpi{' grey' if gray else ''}, table on p{table_page}, {seal_note}"


def sideways_annex(plan: Plan, rng: random.Random) -> tuple[list[File], str]:
    letter = Page(DPI)
    letter_head(letter, plan, rng)
    letter.para(intro(plan, rng, annex=True), 12.5)
    date = closing(letter, plan, rng)
    letter.y += 2
    approval_lines(letter, plan, plan.department, rng)
    sign = approval_lines(letter, plan, plan.leader, rng)
    cx, cy, note = _seal_spot(plan, rng, date, sign)
    seal_note = press_seal(letter, plan, cx, cy, rng) + note
    annex = Page(DPI, landscape=True)
    annex.y = 20
    annex.text(20, annex.y, "附表", 13, SANS)
    annex.y += 9
    annex.centre(f"{plan.applicant}2024年1+X证书申报调整明细表", 15, SANS)
    header = ["序号", "证书名称", "原考核等级", "调整后考核等级", "原考核专业", "调整后考核专业", "原申报人数",
              "调整后人数", "备注"]
    w = annex.width_mm - 40
    cols = [w * f for f in (0.05, 0.2, 0.09, 0.09, 0.16, 0.16, 0.08, 0.08, 0.09)]
    annex.table(20, cols, [header, *wide_rows(plan, rng)], size=10.5, min_h=12)
    annex.text(20, annex.y + 2, "注：未调整项目不填或填“—”。", 10.5)
    letter_img = capture.scan(letter.image, rng)
    annex_img = capture.sideways(capture.scan(annex.image, rng), rng)
    q = rng.randint(72, 90)
    if rng.random() < 0.5:
        files = [(_stem(plan, rng) + ".jpg", "image/jpeg", capture.jpeg(letter_img, q)),
                 (rng.choice(["附表.jpg", "调整明细表.jpg", "附件2.jpg"]), "image/jpeg", capture.jpeg(annex_img, q))]
        how = "two jpegs"
    else:
        files = [(_stem(plan, rng) + ".pdf", "application/pdf", capture.pdf([letter_img, annex_img], DPI, q, when=plan.letter_date))]
        how = "pdf 2 pages"
    return files, f"{how}, annex turned 90°, {seal_note}"


def red_header_list(plan: Plan, rng: random.Random) -> tuple[list[File], str]:
    page = Page(DPI)
    redhead(page, plan, rng)
    page.centre(rng.choice(["关于调整2024年1+X证书申报内容的申请", "关于申请调整2024年度1+X证书试点申报事项的请示"]),
                16, SERIF_BOLD)
    page.y += 2
    page.text(25, page.y, "江苏省职业院校1+X证书制度试点工作办公室：", 12.5)
    page.y += 9
    page.para(intro(plan, rng, annex=False), 12.5)
    for item in numbered(plan.changes, rng):
        page.para(item, 12.5)
    if rng.random() < 0.5:
        page.para("除上述调整外，我校其余证书申报内容不变。", 12.5)
    date = closing(page, plan, rng)
    approval_lines(page, plan, plan.department, rng)
    sign = approval_lines(page, plan, plan.leader, rng)
    cx, cy, note = _seal_spot(plan, rng, date, sign)
    seal_note = press_seal(page, plan, cx, cy, rng) + note
    img = capture.scan(page.image, rng)
    if rng.random() < 0.6:
        files = [(_stem(plan, rng) + ".jpg", "image/jpeg", capture.jpeg(img, rng.randint(75, 92)))]
    else:
        files = [(_stem(plan, rng) + ".pdf", "application/pdf", capture.pdf([img], DPI, when=plan.letter_date))]
    return files, f"红头 letter, {files[0][0].rsplit('.', 1)[1]}, {seal_note}"


def boxed_opinions(plan: Plan, rng: random.Random) -> tuple[list[File], str]:
    page = Page(DPI)
    page.y = 20
    page.centre(rng.choice(["2024年1+X证书申报调整申请表", "1+X证书制度试点申报调整申请表"]), 17, SANS)
    page.y += 2
    w = page.width_mm - 40
    page.table(20, [w * 0.18, w * 0.32, w * 0.18, w * 0.32],
               [["申请单位", plan.applicant, "单位类型", plan.school.kind],
                ["联系人", plan.contact, "联系电话", plan.phone]], size=11, header_rows=0, min_h=11)
    page.y -= 4
    change_table(page, plan, rng, size=10)
    sign = opinion_boxes(page, plan, rng, reserve=30)
    page.y -= 6
    top, h = page.y, 30
    page.line(20, top, 20 + w, top, 0.35)
    page.line(20, top + h, 20 + w, top + h, 0.35)
    page.line(20, top, 20, top + h, 0.35)
    page.line(20 + w, top, 20 + w, top + h, 0.35)
    page.text(24, top + 6, rng.choice(["单位盖章", "学校意见（盖章）", "申请单位（公章）"]), 12, SANS)
    d = plan.letter_date
    date = f"{d.year}年{d.month}月{d.day}日"
    page.text(20 + w - 55, top + h - 10, date, 12)
    cx, cy, note = _seal_spot(plan, rng, (20 + w - 55 + page.width(date, 12) / 2, top + h - 14), sign)
    seal_note = press_seal(page, plan, cx, cy, rng) + note
    img = capture.scan(page.image, rng, gray=rng.random() < 0.2)
    kind = rng.choice(["jpg", "png", "pdf"])
    if kind == "jpg":
        data, mime = capture.jpeg(img, rng.randint(75, 92)), "image/jpeg"
    elif kind == "png":
        img = img.resize((img.width * 3 // 4, img.height * 3 // 4))
        data, mime = capture.png(img, 150), "image/png"
    else:
        data, mime = capture.pdf([img], DPI, when=plan.letter_date), "application/pdf"
    return [(_stem(plan, rng) + "." + kind, mime, data)], f"申请表 with opinion boxes, {kind}, {seal_note}"


def vertical_cert_form(plan: Plan, rng: random.Random) -> tuple[list[File], str]:
    pages = [Page(DPI)]
    page = pages[0]
    page.centre("2024年1+X证书申报调整申请表", 17, SANS)
    page.text(25, page.y, f"申请单位：{plan.applicant}", 12.5)
    page.y += 12
    per_page = rng.choice([1, 2])
    for i, (cert, level, fields) in enumerate(groups(plan)):
        if i and i % per_page == 0:
            pages.append(Page(DPI))
            page = pages[-1]
        vertical_form(page, plan, cert, level, fields, rng)
    if page.y > 160:
        pages.append(Page(DPI))
        page = pages[-1]
    page.y += 4
    seal_note = _approval_page(page, plan, rng, title=False)
    gray = rng.random() < 0.25
    images = [capture.scan(p.image, rng, gray=gray) for p in pages]
    kind = rng.choice(["tiff", "jpgs", "pdf"])
    if kind == "tiff":
        files = [(_stem(plan, rng) + ".tif", "image/tiff", capture.tiff(images))]
    elif kind == "pdf":
        files = [(_stem(plan, rng) + ".pdf", "application/pdf", capture.pdf(images, DPI, when=plan.letter_date))]
    else:
        files = [(f"调整申请表-{i + 1}.jpg", "image/jpeg", capture.jpeg(im, rng.randint(75, 90)))
                 for i, im in enumerate(images)]
    return files, f"per-certificate forms, {len(pages)} pages as {kind}{' grey' if gray else ''}, {seal_note}"


def low_quality(plan: Plan, rng: random.Random) -> tuple[list[File], str]:
    page = Page(DPI)
    letter_head(page, plan, rng)
    prose = rng.random() < 0.5
    page.para(intro(plan, rng, annex=not prose).replace("见附表", "见下表"), 12.5)
    if prose:
        for item in numbered(plan.changes, rng):
            page.para(item, 12.5)
    else:
        change_table(page, plan, rng)
    date = closing(page, plan, rng)
    approval_lines(page, plan, plan.department, rng)
    sign = approval_lines(page, plan, plan.leader, rng)
    cx, cy, note = _seal_spot(plan, rng, date, sign)
    seal_note = press_seal(page, plan, cx, cy, rng) + note
    if rng.random() < 0.5:
        dpi = rng.choice([100, 120, 150])
        img = capture.scan(page.image, rng, gray=True, dpi_to=dpi, max_tilt=2.0)
        q = rng.randint(35, 60)
        how = f"grey scan {dpi}dpi q{q}"
    else:
        img = capture.photo(page.image, rng)
        q = rng.randint(45, 70)
        how = f"phone photo q{q}"
    name = rng.choice([f"IMG_2024031{rng.randint(0, 9)}_{rng.randint(80000, 215959):06d}.jpg",
                       f"微信图片_202403{rng.randint(10, 19)}{rng.randint(80000, 215959):06d}.jpg",
                       _stem(plan, rng) + ".jpg"])
    return [(name, "image/jpeg", capture.jpeg(img, q))], \
        f"{how}, {'prose' if prose else 'table'}, {seal_note}"


FAMILIES: dict[str, Callable[[Plan, random.Random], tuple[list[File], str]]] = {
    "paged_pdf": paged_pdf, "sideways_annex": sideways_annex, "red_header_list": red_header_list,
    "boxed_opinions": boxed_opinions, "vertical_cert_form": vertical_cert_form, "low_quality": low_quality,
}
