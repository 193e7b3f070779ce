"""The eight families: each draws one whole plausible request from a plan and returns its attachments and a
short description of the capture."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

from PIL import Image, ImageDraw

from tests.habitgen import capture
from tests.habitgen.blocks import Attachment, approver_mark, grid, seal_over
from tests.habitgen.draw import BLACK, INKS, RED_PRINT, Page, cn_date, date_text, font
from tests.habitgen.plan import FIELD_NAMES, SHANGHAI, Change, Plan
from tests.habitgen.registry import LEVELS
from tests.habitgen.wording import (
    SUFFIX,
    cert_name,
    closing,
    greeting,
    major_text,
    opening,
    prose,
    shorthand_item,
    title,
    value_text,
)

DPI = 200
ITEM_NAMES = {"headcount": "试点人数", "level": "考核等级", "major": "考核专业"}
DEPT_LABELS = ("证书试点管理部门意见", "证书试点管理部门意见", "教务处（证书试点管理部门）意见")
LEADER_LABELS = ("校领导意见", "校级分管领导意见", "分管校领导意见")


def _scan_file(pages: list[Image.Image], rng: random.Random, stem: str, grey: bool = False,
               out_dpi: int = 200) -> tuple[Attachment, str]:
    """Pages scanned and saved the way a school's scanner does: one image PDF, or a JPEG for one page."""
    scans = [capture.scan(p, rng, DPI, out_dpi, grey) for p in pages]
    if len(scans) == 1 and rng.random() < 0.4:
        return Attachment(f"{stem}.jpg", capture.jpeg(scans[0], 86), "image/jpeg"), f"scan {out_dpi}dpi jpeg"
    return Attachment(f"{stem}.pdf", capture.image_pdf(scans, out_dpi), "application/pdf"), f"scan {out_dpi}dpi pdf"


def _foot(page: Page, plan: Plan, rng: random.Random, y: float, size: float = 12, right: float = 185) -> None:
    """申请单位 and date at the right of a letter's foot, the seal laid over them."""
    unit = f"申请单位：{plan.school.name}"
    if rng.random() < 0.4:
        unit = f"{plan.school.name}（盖章）"
    page.text(right, y, unit, size, "serif", anchor="rs")
    page.text(right, y + 9, cn_date(plan.doc_day) if rng.random() < 0.5 else
              f"{plan.doc_day.year}年{plan.doc_day.month}月{plan.doc_day.day}日", size, "serif", anchor="rs")
    seal_over(page, plan, rng, right - page.width(unit, size) * 0.45, y + 1)


# ---------------------------------------------------------------- 1. letterhead_paper

def letterhead_paper(plan: Plan, rng: random.Random) -> tuple[list[Attachment], str]:
    """The request on the school's red-printed 信笺, typed or written out by hand on its lines."""
    page = Page(dpi=DPI, paper=(255, 254, 250))
    red_light = (232, 128, 128)
    school = plan.school
    page.text(105, 23, school.name + rng.choice(("", "信笺", "")), 23, "serif_bold", RED_PRINT, "ms")
    page.line(17, 30.5, 193, 30.5, 0.9, RED_PRINT)
    page.line(17, 32.2, 193, 32.2, 0.3, RED_PRINT)
    ruled = rng.random() < 0.65
    step = 9.6
    first, last = 44.0, 278.0
    if ruled:
        y = first
        while y <= last + 0.1:
            page.line(17, y, 193, y, 0.18, red_light)
            y += step
    else:
        page.rect(17, 36, 193, 283, 0.35, RED_PRINT)
    page.text(105, 290, f"地址：{school.address}    电话：{school.phone}", 8, "serif", RED_PRINT, "ms")
    handwritten = rng.random() < 0.5
    body_ink = rng.choice(("blue", "black", "blue_black"))
    size = 13 if handwritten else 12
    kind = "kai" if handwritten else "serif"
    width = 168.0

    def lines_of(text: str, indent: str = "", first_indent: str = "") -> list[str]:
        out = page.wrap(first_indent + text, size, width - 4, kind)
        return [out[0]] + [indent + s for s in page.wrap("".join(out[1:]), size,
                                                        width - 4 - page.width(indent, size, kind), kind)] \
            if len(out) > 1 else out

    rows: list[tuple[str, str]] = [(title(rng, plan), "title"), (greeting(), "left")]
    rows += [(s, "left") for s in lines_of(opening(plan, rng), first_indent="\u3000\u3000")]
    for k, change in enumerate(plan.changes, 1):
        rows += [(s, "left") for s in lines_of(prose(plan, change, rng), "\u3000\u3000",
                                               f"\u3000\u3000{k}．" if rng.random() < 0.5 else f"\u3000\u3000{k}.")]
    rows += [(s, "left") for s in lines_of(closing(rng), first_indent="\u3000\u3000")]
    baselines = [first + step * k - 1.6 for k in range(int((last - first) / step) + 1)]
    at = 0
    for text, role in rows:
        y = baselines[at]
        if role == "title":
            if handwritten:
                page.hand(105, y, text, size + 2, rng, body_ink, anchor="c")
            else:
                page.text(105, y, text, 15, "serif_bold", anchor="ms")
        elif handwritten:
            page.hand(21, y, text, size, rng, body_ink)
        else:
            page.text(21, y, text, size, "serif")
        at += 1
    at += 1
    ink = rng.choice(("blue", "black"))
    for label, approval in ((rng.choice(DEPT_LABELS), plan.dept), (rng.choice(LEADER_LABELS), plan.leader)):
        y = baselines[at]
        label_text = f"{label}："
        if handwritten:
            end = page.hand(21, y, label_text, size, rng, body_ink)
        else:
            page.text(21, y, label_text, size, "serif")
            end = 21 + page.width(label_text, size, kind)
        page.hand(end + 3, y, approval.opinion, 14, rng, ink)
        y2 = baselines[at + 1]
        sign_label, date_label = "签字：", "日期："
        if handwritten:
            end = page.hand(62, y2, sign_label, size, rng, body_ink)
        else:
            page.text(62, y2, sign_label, size, "serif")
            end = 62 + page.width(sign_label, size)
        approver_mark(page, end + 2, y2, approval, rng, ink)
        page.text(128, y2, date_label, size, kind, fill=INKS[body_ink] if handwritten else BLACK)
        page.hand(128 + page.width(date_label, size, kind) + 1, y2, date_text(approval.day, rng), 12, rng, ink)
        at += 2
    y = baselines[min(at + 1, len(baselines) - 2)]
    unit = f"申请单位：{plan.school.name}"
    date_line = f"{plan.doc_day.year}年{plan.doc_day.month}月{plan.doc_day.day}日"
    if handwritten:
        page.hand(188 - page.width(unit, size, kind), y, unit, size, rng, body_ink)
        page.hand(188 - page.width(date_line, size, kind), y + step, date_line, size, rng, body_ink)
    else:
        page.text(188, y, unit, size, "serif", anchor="rs")
        page.text(188, y + step, date_line, size, "serif", anchor="rs")
    seal_over(page, plan, rng, 188 - page.width(unit, size, kind) * 0.4, y + 2)
    words = "handwritten" if handwritten else "typed"
    paper = "ruled" if ruled else "framed"
    if rng.random() < 0.45:
        photo = capture.desk_photo(page.img, rng, long_side=rng.choice((2600, 3000, 3200)),
                                   angle=rng.uniform(-4, 4))
        return [Attachment(f"IMG_2024{plan.doc_day.month:02d}{plan.doc_day.day:02d}_{rng.randint(80000, 180000)}.jpg",
                           capture.jpeg(photo, 84), "image/jpeg")], f"{words} {paper} 信笺, phone photo"
    att, how = _scan_file([page.img], rng, "调整申请")
    return [att], f"{words} {paper} 信笺, {how}"


# ---------------------------------------------------------------- shared letter with a change table

def _table_rows(plan: Plan, rng: random.Random, coded: bool) -> list[list[str | None]]:
    rows: list[list[str | None]] = [["序号", "证书名称", "考核等级", "调整事项", "原申报内容", "调整后内容"]]
    for k, c in enumerate(plan.changes, 1):
        rows.append([str(k), cert_name(rng, c.certificate) if rng.random() < 0.3 else c.certificate,
                     c.level, ITEM_NAMES[c.field], value_text(plan, c, c.old, rng, coded=coded),
                     value_text(plan, c, c.new, rng, coded=coded)])
    return rows


def _letter_with_table(plan: Plan, rng: random.Random, body: float = 12, table: float = 11.5,
                       split: bool = False) -> list[Image.Image]:
    """A typed letter with a change table, approvals at its foot and the seal; on two pages when `split`."""
    page = Page(dpi=DPI)
    page.text(105, 32, title(rng, plan), 16, "serif_bold", anchor="ms")
    y = 46.0
    page.text(25, y, greeting(), body)
    y = page.paragraph(25, y + 9, opening(plan, rng), body, 160)
    coded = rng.random() < 0.4
    y = grid(page, 25, y, [12, 38, 20, 22, 34, 34], _table_rows(plan, rng, coded), table, pad=2.4,
             bold_first=True) + 9
    y = page.paragraph(25, y, closing(rng), body, 160) + 2
    pages = [page]
    if split:
        _foot(page, plan, rng, y + 6, body)
        page = Page(dpi=DPI)
        page.text(105, 32, "审批意见", 16, "serif_bold", anchor="ms")
        y = 52.0
    ink = rng.choice(("blue", "black", "blue_black"))
    for label, approval in ((rng.choice(DEPT_LABELS), plan.dept), (rng.choice(LEADER_LABELS), plan.leader)):
        page.text(25, y, f"{label}：", body)
        page.hand(27 + page.width(f"{label}：", body), y, approval.opinion, 14, rng, ink)
        y += 13
        page.text(95, y, "签字：", body)
        approver_mark(page, 95 + page.width("签字：", body) + 2, y, approval, rng, ink)
        page.hand(150, y, date_text(approval.day, rng), 12, rng, ink)
        y += 15
    if split:
        page.text(185, y + 8, f"{plan.school.name}（盖章）", body, anchor="rs")
        page.text(185, y + 17, cn_date(plan.doc_day), body, anchor="rs")
        seal_over(page, plan, rng, 185 - page.width(plan.school.name, body) * 0.5, y + 9)
        pages.append(page)
    else:
        _foot(page, plan, rng, y + 6, body)
    return [p.img for p in pages]


# ---------------------------------------------------------------- 2. desktop_screenshot

def _window_buttons(d: ImageDraw.ImageDraw, w: int, cy: int) -> None:
    """Minimise, maximise and close at the top right, drawn as Windows draws them."""
    grey = (60, 60, 60)
    d.line((w - 135, cy, w - 125, cy), fill=grey)
    d.rectangle((w - 85, cy - 5, w - 75, cy + 5), outline=grey)
    d.line((w - 35, cy - 5, w - 25, cy + 5), fill=grey)
    d.line((w - 35, cy + 5, w - 25, cy - 5), fill=grey)


def _chrome(rng: random.Random, size: tuple[int, int], app: str, doc: str, clock: str, zoom: int,
            page_no: str) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """A Windows desktop with a PDF viewer maximised; returns the frame and the canvas box."""
    w, h = size
    frame = Image.new("RGB", size, (230, 230, 230))
    d = ImageDraw.Draw(frame)
    ui = font("sans", 13)
    small = font("sans", 12)
    task = 40
    d.rectangle((0, h - task, w, h), fill=(32, 32, 36))
    for k in range(2):
        for m in range(2):
            d.rectangle((14 + k * 9, h - 28 + m * 9, 21 + k * 9, h - 21 + m * 9), fill=(80, 160, 240))
    d.rectangle((52, h - 33, 52 + min(300, w // 5), h - 7), fill=(62, 62, 66))
    d.text((62, h - 20), "在这里输入你要搜索的内容", font=small, fill=(190, 190, 190), anchor="lm")
    x = 52 + min(300, w // 5) + 20
    for colour in ((240, 200, 60), (60, 130, 220), (30, 170, 90), (210, 60, 50), (80, 80, 200)):
        d.rounded_rectangle((x, h - 32, x + 24, h - 8), 4, fill=colour)
        x += 44
    d.line((x - 44, h - 3, x - 20, h - 3), fill=(120, 180, 250), width=3)
    time_s, date_s = clock.split()
    d.text((w - 50, h - 27), time_s, font=small, fill=(240, 240, 240), anchor="mm")
    d.text((w - 50, h - 12), date_s, font=small, fill=(240, 240, 240), anchor="mm")
    if app == "wps":
        d.rectangle((0, 0, w, 34), fill=(246, 247, 249))
        d.rounded_rectangle((8, 6, 100, 30), 4, fill=(235, 62, 54))
        d.text((54, 18), "WPS Office", font=ui, fill=(255, 255, 255), anchor="mm")
        d.rounded_rectangle((110, 4, 110 + 260, 34), 6, fill=(255, 255, 255))
        d.text((124, 19), doc, font=ui, fill=(40, 40, 40), anchor="lm")
        _window_buttons(d, w, 17)
        d.rectangle((0, 34, w, 64), fill=(255, 255, 255))
        tabs = ("三 文件", "开始", "插入", "批注", "页面", "编辑", "保护", "转换", "工具", "会员专享")
        tx = 14
        for k, t in enumerate(tabs):
            d.text((tx, 49), t, font=ui, fill=(200, 60, 50) if k == 1 else (50, 50, 50), anchor="lm")
            if k == 1:
                d.line((tx, 62, tx + ui.getlength(t), 62), fill=(200, 60, 50), width=2)
            tx += int(ui.getlength(t)) + 28
        d.rectangle((0, 64, w, 128), fill=(250, 250, 250))
        labels = ("手型", "选择", "缩放", "旋转", "高亮", "下划线", "文字批注", "形状", "PDF转Word", "截图和对比", "查找")
        tx = 16
        for t in labels:
            d.rounded_rectangle((tx + 6, 72, tx + 30, 96), 3, fill=(rng.randint(120, 220), 130, 150))
            d.text((tx + 18, 112), t, font=small, fill=(60, 60, 60), anchor="mm")
            tx += max(58, int(small.getlength(t)) + 22)
        top, bottom = 129, h - task - 28
        d.rectangle((0, bottom, w, h - task), fill=(246, 247, 249))
        d.text((20, bottom + 14), f"页码：{page_no}", font=small, fill=(70, 70, 70), anchor="lm")
        d.text((w - 120, bottom + 14), f"{zoom}%  －  ＋", font=small, fill=(70, 70, 70), anchor="mm")
        canvas_fill = (226, 228, 232)
    else:
        d.rectangle((0, 0, w, 30), fill=(255, 255, 255))
        d.text((12, 15), "文件(F)  编辑(E)  视图(V)  签名(S)  窗口(W)  帮助(H)", font=ui, fill=(40, 40, 40), anchor="lm")
        d.text((w // 2, 15), f"{doc} - Adobe Acrobat Reader DC (64-bit)", font=ui, fill=(40, 40, 40), anchor="mm")
        _window_buttons(d, w, 15)
        d.rectangle((0, 30, w, 66), fill=(244, 244, 244))
        d.text((20, 48), "主页      工具", font=ui, fill=(60, 60, 60), anchor="lm")
        d.rounded_rectangle((150, 36, 150 + 240, 66), 4, fill=(255, 255, 255))
        d.text((164, 51), doc + "   ×", font=ui, fill=(30, 30, 30), anchor="lm")
        d.rectangle((0, 66, w, 106), fill=(250, 250, 250))
        d.line((0, 106, w, 106), fill=(210, 210, 210))
        d.text((w // 2 - 60, 86), f"{page_no}", font=ui, fill=(40, 40, 40), anchor="mm")
        d.text((w // 2 + 70, 86), f"{zoom}%", font=ui, fill=(40, 40, 40), anchor="mm")
        for k in range(6):
            d.rounded_rectangle((20 + k * 40, 76, 42 + k * 40, 98), 3, fill=(150, 150, 160))
        top, bottom = 107, h - task
        canvas_fill = (214, 214, 214)
    d.rectangle((0, top, w, bottom), fill=canvas_fill)
    d.rectangle((w - 14, top, w, bottom), fill=(240, 240, 240))
    return frame, (0, top, w - 14, bottom)


def desktop_screenshot(plan: Plan, rng: random.Random) -> tuple[list[Attachment], str]:
    """The scanned request opened in WPS or Acrobat on a Windows desktop, captured as PNG screenshots."""
    scan = capture.scan(_letter_with_table(plan, rng)[0], rng, DPI, 200, grey=rng.random() < 0.3)
    size = rng.choice(((1920, 1080), (1920, 1080), (1366, 768)))
    zoom = rng.choice((75, 85, 100) if size[0] == 1920 else (75, 85))
    app = rng.choice(("wps", "acrobat"))
    scale = zoom / 100 * 96 / 200
    shown = scan.convert("RGB").resize((round(scan.width * scale), round(scan.height * scale)),
                                       Image.Resampling.LANCZOS)
    doc = rng.choice(("证书申报调整申请.pdf", f"{plan.school.name}调整申请.pdf", "扫描全能王 2024-03-08.pdf"))
    when = plan.arrival.astimezone(SHANGHAI) - timedelta(minutes=rng.randint(3, 50))
    clock = f"{when:%H:%M} {when.year}/{when.month}/{when.day}"
    frames = []
    offsets = [0]
    _, box = _chrome(rng, size, app, doc, clock, zoom, "1/1")
    view_h = box[3] - box[1]
    if shown.height + 24 > view_h:
        offsets.append(shown.height + 24 - view_h)
    for off in offsets:
        frame, box = _chrome(random.Random(plan.seed), size, app, doc, clock, zoom, "1/1")
        canvas = Image.new("RGB", (box[2] - box[0], box[3] - box[1]), frame.getpixel((box[0] + 2, box[1] + 2)))
        px = (canvas.width - shown.width) // 2
        ImageDraw.Draw(canvas).rectangle((px - 1, 12 - off - 1, px + shown.width, 12 - off + shown.height),
                                         outline=(170, 170, 170))
        canvas.paste(shown, (px, 12 - off))
        frame.paste(canvas, box[:2])
        d = ImageDraw.Draw(frame)
        track = box[3] - box[1]
        thumb = max(40, int(track * view_h / (shown.height + 24)))
        pos = box[1] + int((track - thumb) * (off / max(1, offsets[-1])))
        d.rounded_rectangle((box[2] + 3, pos, box[2] + 11, pos + thumb), 4, fill=(170, 170, 170))
        frames.append(frame)
    stamp = f"{when:%Y%m%d%H%M%S}"
    atts = [Attachment(f"屏幕截图 {stamp}{f'({k})' if k else ''}.png", capture.png(f), "image/png")
            for k, f in enumerate(frames)]
    return atts, f"{app} {size[0]}x{size[1]} at {zoom}%, {len(frames)} screenshot(s)"


# ---------------------------------------------------------------- 3. photo_in_pdf

def photo_in_pdf(plan: Plan, rng: random.Random) -> tuple[list[Attachment], str]:
    """Phone photos of the pages pasted into a Word document, one per page, exported as PDF."""
    pages = _letter_with_table(plan, rng, split=rng.random() < 0.5)
    placed = []
    turned = 0
    for img in pages:
        turn = rng.choice((1, -1)) if rng.random() < 0.35 else 0
        turned += bool(turn)
        photo = capture.desk_photo(img, rng, long_side=rng.choice((2400, 2800)), angle=rng.uniform(-3, 3),
                                   rotate=turn)
        left, right, top, bottom = 90.0, 90.0, 72.0, 72.0
        box_w, box_h = 595.3 - left - right, 841.9 - top - bottom
        scale = min(box_w / photo.width, box_h / photo.height)
        w, h = photo.width * scale, photo.height * scale
        x = left + (box_w - w) / 2
        y = 841.9 - top - h
        placed.append(((595.3, 841.9), [(photo, (x, y, w, h))]))
    data = capture.pdf_with_images(placed, 80, "Microsoft Word 2016")
    name = rng.choice(("调整申请.pdf", "2024年证书申报调整申请.pdf", f"{plan.school.name}.pdf"))
    return [Attachment(name, data, "application/pdf")], f"{len(pages)} photo(s) in Word PDF, {turned} turned 90°"


# ---------------------------------------------------------------- 4. stacked_rows

def stacked_rows(plan: Plan, rng: random.Random) -> tuple[list[Attachment], str]:
    """An Excel-style sheet with a 调整前 row and a 调整后 row per certificate."""
    page = Page(dpi=DPI)
    school = plan.school
    kind = "sans"
    page.text(105, 28, "2024年1+X证书申报调整申请表", 16, "sans_bold", anchor="ms")
    page.text(22, 42, f"申请单位：{school.name}", 11.5, kind)
    page.text(188, 42, f"填报日期：{plan.doc_day.year}年{plan.doc_day.month}月{plan.doc_day.day}日", 11.5, kind,
              anchor="rs")
    coded = rng.random() < 0.5
    before_word, after_word = rng.choice((("调整前", "调整后"), ("原申报", "调整后"), ("调整前", "申请调整为")))
    status_head = rng.choice(("状态", "类别", "项目"))
    rows: list[list[str | None]] = [["序号", "证书名称", status_head, "等级", "专业", "人数"]]
    groups: dict[str, list[Change]] = {}
    order: list[tuple[str, object]] = []
    for c in plan.changes:
        key = c.decl.app_id if c.decl else f"new:{c.certificate}"
        if key not in groups:
            groups[key] = []
            order.append((key, c))
        groups[key].append(c)
    extra_unchanged = plan.unchanged[: rng.randint(1, 2 if len(plan.changes) < 3 else 1)]
    entries = []
    for key, first in order:
        changes = groups[key]
        decl = first.decl
        level = first.level
        major = decl.major if decl else rng.choice(sorted(school.majors))
        head = decl.headcount if decl else int(first.old)
        before = [level, major, head]
        after = list(before)
        for c in changes:
            if c.field == "headcount":
                before[2], after[2] = c.old, c.new
            elif c.field == "level":
                before[0], after[0] = c.old, c.new
            else:
                before[1], after[1] = c.old, c.new
        entries.append((first.certificate, before, after))
    for d in extra_unchanged:
        entries.insert(rng.randint(0, len(entries)), (d.certificate, [d.level, d.major, d.headcount],
                                                      [d.level, d.major, d.headcount]))
    for k, (cert, before, after) in enumerate(entries, 1):
        name = cert_name(rng, cert) if rng.random() < 0.3 else cert
        for tag, vals, lead in ((before_word, before, [str(k), name]), (after_word, after, [None, None])):
            rows.append([*lead, tag, str(vals[0]), major_text(plan, str(vals[1]), rng, coded), str(vals[2])])
    widths = [12, 46, 22, 18, 50, 18]
    y = grid(page, 20, 47, widths, rows, 11, kind, pad=2.6, bold_first=True, line=0.2)
    y = page.paragraph(22, y + 8, f"说明：未列出的证书维持原申报；同一证书“{before_word}”“{after_word}”两行相同的表示不作调整。",
                       10, 166, kind=kind, indent=False) + 4
    ink = rng.choice(("blue", "black", "blue_black"))
    cells = [(rng.choice(DEPT_LABELS), plan.dept), (rng.choice(LEADER_LABELS), plan.leader)]
    x0 = 20.0
    for k, (label, approval) in enumerate(cells):
        left = x0 + k * 83
        page.rect(left, y, left + 83, y + 48, 0.2)
        page.text(left + 3, y + 8, f"{label}：", 11, kind)
        page.hand(left + 8, y + 22, approval.opinion, 14, rng, ink)
        page.text(left + 3, y + 36, "签字：", 11, kind)
        approver_mark(page, left + 3 + page.width("签字：", 11, kind) + 1, y + 36, approval, rng, ink, 8)
        page.hand(left + 50, y + 44, date_text(approval.day, rng), 10.5, rng, ink)
    _foot(page, plan, rng, y + 64, 12, right=188)
    att, how = _scan_file([page.img], rng, rng.choice(("调整申请表", "证书申报调整申请")))
    return [att], f"stacked 调整前/调整后 rows, {len(extra_unchanged)} unchanged, {how}"


# ---------------------------------------------------------------- 5. checkbox_form

def checkbox_form(plan: Plan, rng: random.Random) -> tuple[list[Attachment], str]:
    """A 申请表 with printed boxes ticked by hand and values written on underlines."""
    page = Page(dpi=DPI)
    ink = rng.choice(("blue", "black", "blue_black"))
    pen = rng.choice(("blue", "black"))
    page.text(105, 26, "1+X证书试点申报调整申请表", 17, "serif_bold", anchor="ms")
    page.text(20, 40, "单位名称：", 12)
    page.hand(44, 40, plan.school.name, 13, rng, ink)
    page.line(42, 41.5, 120, 41.5, 0.2)
    page.text(124, 40, "联系人：", 12)
    page.hand(142, 40, plan.contact, 13, rng, ink)
    page.line(140, 41.5, 190, 41.5, 0.2)
    y = 48.0
    box = 3.5
    step = 10.0 if len(plan.changes) < 3 else 9.0
    for k, c in enumerate(plan.changes, 1):
        top = y
        y += step - 1
        page.text(23, y, f"调整{'一二三'[k - 1]}", 12, "serif_bold")
        page.text(45, y, "证书名称：", 12)
        written = cert_name(rng, c.certificate) if rng.random() < 0.4 else c.certificate
        page.hand(68, y, written, 13, rng, ink)
        page.line(66, y + 1.5, 188, y + 1.5, 0.2)
        y += step
        page.text(23, y, "调整类型：", 12)
        bx = 48.0
        for field_key, label in (("headcount", "人数"), ("level", "等级"), ("major", "专业")):
            page.checkbox(bx, y + 0.6, box, c.field == field_key, rng, pen)
            page.text(bx + box + 1.5, y, label, 12)
            bx += 24
        y += step
        after_level = c.new if c.field == "level" else (c.level if rng.random() < 0.5 else None)
        x = 23.0
        for label, chosen in (("原等级：", c.old if c.field == "level" else c.level), ("调整后等级：", after_level)):
            page.text(x, y, label, 12)
            bx = x + page.width(label, 12) + 1.5
            for level in LEVELS:
                page.checkbox(bx, y + 0.6, box, chosen == level, rng, pen)
                page.text(bx + box + 1.2, y, level, 12)
                bx += 19.5
            x = 105.0
        y += step
        decl = c.decl
        old_head = c.old if c.field == "headcount" else (decl.headcount if decl else None)
        new_head = c.new if c.field == "headcount" else rng.choice((old_head, "不变", None))
        major = decl.major if decl else rng.choice(sorted(plan.school.majors))
        old_major = c.old if c.field == "major" else major
        new_major = c.new if c.field == "major" else rng.choice((None, "不变", old_major))
        for pair in ((("原申报人数：", old_head, "人"), ("调整后人数：", new_head, "人")),
                     (("原专业：", old_major, ""), ("调整后专业：", new_major, ""))):
            x = 23.0
            for label, value, unit in pair:
                page.text(x, y, label, 12)
                start = x + page.width(label, 12)
                page.line(start, y + 1.5, x + 80, y + 1.5, 0.2)
                if value is not None:
                    text = str(value)
                    if unit and isinstance(value, int) and rng.random() < 0.5:
                        text = f"{value}{unit}"
                    if not unit and value != "不变":
                        text = major_text(plan, str(value), rng)
                    page.hand(start + 2, y, text, 13, rng, ink)
                x += 83
            y += step
        page.rect(20, top, 190, y - step + 4, 0.3)
        y += 6 - step
    y += 4
    ink2 = rng.choice(("blue", "black"))
    cells = [(rng.choice(DEPT_LABELS), plan.dept), (rng.choice(LEADER_LABELS), plan.leader)]
    for k, (label, approval) in enumerate(cells):
        left = 20 + k * 85
        page.rect(left, y, left + 85, y + 38, 0.3)
        for j, line in enumerate(page.wrap(f"{label}：", 11.5, 80)):
            page.text(left + 3, y + 7 + j * 5.5, line, 11.5)
        page.hand(left + 8, y + 20, approval.opinion, 15, rng, ink2)
        page.text(left + 3, y + 31, "签字：", 11.5)
        approver_mark(page, left + 3 + page.width("签字：", 11.5) + 1, y + 31, approval, rng, ink2, 8)
        page.hand(left + 52, y + 36, date_text(approval.day, rng), 10, rng, ink2)
    y += 38
    page.rect(20, y, 190, y + 30, 0.3)
    page.text(23, y + 7, "单位（盖章）：", 12)
    page.text(150, y + 25, f"{plan.doc_day.year}年{plan.doc_day.month}月{plan.doc_day.day}日", 12, anchor="ms")
    seal_over(page, plan, rng, 128, y + 16, 40)
    if rng.random() < 0.35:
        photo = capture.desk_photo(page.img, rng, long_side=3000, angle=rng.uniform(-3, 3))
        return [Attachment("申请表.jpg", capture.jpeg(photo, 85), "image/jpeg")], "ticked boxes, phone photo"
    att, how = _scan_file([page.img], rng, "申请表")
    return [att], f"ticked boxes, {how}"


# ---------------------------------------------------------------- 6. slip_photo

def slip_photo(plan: Plan, rng: random.Random) -> tuple[list[Attachment], str]:
    """The letter and its table as a clean image PDF; the approvals on an A5 审批单 photographed on a desk."""
    page = Page(dpi=DPI)
    page.text(105, 32, title(rng, plan), 16, "serif_bold", anchor="ms")
    page.text(25, 46, greeting(), 12)
    y = page.paragraph(25, 55, opening(plan, rng), 12, 160)
    for k, c in enumerate(plan.changes, 1):
        y = page.paragraph(25, y, f"{k}．{prose(plan, c, rng)}", 12, 160)
    y = page.paragraph(25, y + 2, "具体调整明细见下表，审批单另附。", 12, 160) + 2
    y = grid(page, 25, y, [12, 38, 20, 22, 34, 34], _table_rows(plan, rng, rng.random() < 0.4), 11.5, pad=2.4,
             bold_first=True) + 12
    page.text(185, y, plan.school.name, 12, anchor="rs")
    page.text(185, y + 9, f"{plan.doc_day.year}年{plan.doc_day.month}月{plan.doc_day.day}日", 12, anchor="rs")
    letter = Attachment("调整申请.pdf", capture.image_pdf([page.img], DPI, 88), "application/pdf")
    slip = Page(210, 148, DPI, paper=(252, 251, 246))
    slip.text(105, 17, "1+X证书申报调整审批单", 15, "serif_bold", anchor="ms")
    slip.text(14, 27, f"申请单位：{plan.school.name}", 11)
    slip.text(196, 27, f"共调整{len(plan.changes)}项（详见申请）", 11, anchor="rs")
    ink = rng.choice(("blue", "black", "blue_black"))
    cols = [(12, 74, rng.choice(DEPT_LABELS), plan.dept), (74, 136, rng.choice(LEADER_LABELS), plan.leader)]
    for left, right, label, approval in cols:
        slip.rect(left, 31, right, 138, 0.3)
        for k, line in enumerate(slip.wrap(label, 11, right - left - 6)):
            slip.text((left + right) / 2, 39 + k * 6, line, 11, "serif_bold", anchor="ms")
        slip.hand(left + 6, 68, approval.opinion, 15, rng, ink)
        slip.text(left + 4, 104, "签字：", 11)
        approver_mark(slip, left + 4 + slip.width("签字：", 11) + 1, 104, approval, rng, ink, 8)
        slip.hand(left + 14, 128, date_text(approval.day, rng), 11, rng, ink)
    slip.rect(136, 31, 198, 138, 0.3)
    slip.text(167, 39, "单位盖章", 11, "serif_bold", anchor="ms")
    slip.text(167, 128, f"{plan.doc_day.year}年{plan.doc_day.month}月{plan.doc_day.day}日", 11, anchor="ms")
    seal_over(slip, plan, rng, 167, 96, 40)
    photo = capture.desk_photo(slip.img, rng, long_side=rng.choice((2400, 3000)),
                               angle=rng.choice((-1, 1)) * rng.uniform(5, 14))
    name = f"IMG_2024{plan.doc_day.month:02d}{plan.doc_day.day:02d}_{rng.randint(90000, 190000)}.jpg"
    return [letter, Attachment(name, capture.jpeg(photo, 85), "image/jpeg")], "clean letter PDF + slip photo"


# ---------------------------------------------------------------- 7. wrapped_cells

def wrapped_cells(plan: Plan, rng: random.Random) -> tuple[list[Attachment], str]:
    """A table of narrow columns whose titles, majors and headcounts wrap inside their cells."""
    page = Page(dpi=DPI)
    page.text(105, 30, title(rng, plan), 15, "serif_bold", anchor="ms")
    page.text(22, 44, greeting(), 11.5)
    y = page.paragraph(22, 53, opening(plan, rng), 11.5, 166)
    unit_col = rng.random() < 0.5
    head = ["序号", "证书名称", "调整项目", "原申报", "调整为"] + (["单位"] if unit_col else []) + ["调整原因"]
    widths = [10, 27, 17, 27, 27] + ([11] if unit_col else []) + ([56] if unit_col else [67])
    reasons = {"headcount": ("根据在校生实际人数调整", "该专业学生规模变化", "按招生计划调整"),
               "level": ("考核条件已具备，调整等级", "对接专业人才培养方案"),
               "major": ("与证书对应专业更契合", "原专业本年度未安排考核")}
    rows: list[list[str | None]] = [head]
    for k, c in enumerate(plan.changes, 1):
        name = c.certificate + SUFFIX + ("" if c.field == "level" else f"（{c.level}）")
        if c.field == "headcount":
            old, new = (str(c.old), str(c.new)) if unit_col else (f"{c.old}（人）", f"{c.new}（人）")
        elif c.field == "major":
            old, new = major_text(plan, str(c.old), rng, True), major_text(plan, str(c.new), rng, True)
        else:
            old, new = str(c.old), str(c.new)
        unit = (["人" if c.field == "headcount" else "—"] if unit_col else [])
        rows.append([str(k), name, (ITEM_NAMES if rng.random() < 0.5 else FIELD_NAMES)[c.field],
                     old, new, *unit, rng.choice(reasons[c.field])])
    extra = [0.0] + [rng.uniform(0, 9) for _ in plan.changes]
    y = grid(page, 18, y + 2, widths, rows, 10.5, pad=1.8, extra=extra, leading=1.35, bold_first=True) + 9
    y = page.paragraph(22, y, closing(rng), 11.5, 166) + 4
    ink = rng.choice(("blue", "black", "blue_black"))
    for label, approval in ((rng.choice(DEPT_LABELS), plan.dept), (rng.choice(LEADER_LABELS), plan.leader)):
        page.rect(18, y, 192, y + 30, 0.25)
        page.line(58, y, 58, y + 30, 0.25)
        for k, line in enumerate(page.wrap(label, 11, 36)):
            page.text(38, y + 11 + k * 6, line, 11, anchor="ms")
        page.hand(63, y + 13, approval.opinion, 14, rng, ink)
        page.text(110, y + 25, "签字：", 11)
        approver_mark(page, 110 + page.width("签字：", 11) + 1, y + 25, approval, rng, ink, 8)
        page.hand(162, y + 25, date_text(approval.day, rng), 10.5, rng, ink)
        y += 30
    _foot(page, plan, rng, y + 14, 11.5, right=188)
    att, how = _scan_file([page.img], rng, "调整申请", grey=True, out_dpi=150)
    return [att], f"wrapped narrow cells{' with 人 column' if unit_col else ''}, greyscale {how}"


# ---------------------------------------------------------------- 8. semicolon_items

def semicolon_items(plan: Plan, rng: random.Random) -> tuple[list[Attachment], str]:
    """A typed letter listing changes one per line in key–value or slash shorthand, approvals as lines."""
    page = Page(dpi=DPI)
    page.text(105, 32, title(rng, plan), 16, "serif_bold", anchor="ms")
    page.text(25, 47, greeting(), 12)
    y = page.paragraph(25, 56, opening(plan, rng), 12, 160)
    style = rng.randrange(3)
    if style:
        glue = "／" if style == 1 else "\u3000"
        y = page.paragraph(25, y + 1, glue.join(("证书名称", "等级", "调整项目", "原申报", "调整后")) + "：", 12, 160,
                           indent=False)
    for k, c in enumerate(plan.changes, 1):
        y = page.paragraph(29, y, shorthand_item(plan, c, rng, k, style), 12, 156, indent=False)
    y = page.paragraph(25, y + 2, closing(rng), 12, 160) + 10
    ink = rng.choice(("blue", "black", "blue_black"))
    for label, approval in ((rng.choice(DEPT_LABELS), plan.dept), (rng.choice(LEADER_LABELS), plan.leader)):
        lab = f"{label}："
        page.text(25, y, lab, 12)
        end = 25 + page.width(lab, 12)
        if approval.state == "refused" or rng.random() < 0.5:
            page.line(end, y + 1.5, end + 30, y + 1.5, 0.2)
            page.hand(end + 2, y, approval.opinion, 14, rng, ink)
        else:
            page.text(end, y, approval.opinion, 12)
        y += 14
        page.text(45, y, "签字：", 12)
        page.line(45 + page.width("签字：", 12), y + 1.5, 100, y + 1.5, 0.2)
        approver_mark(page, 47 + page.width("签字：", 12), y, approval, rng, ink)
        page.text(110, y, "日期：", 12)
        page.line(110 + page.width("日期：", 12), y + 1.5, 160, y + 1.5, 0.2)
        page.hand(112 + page.width("日期：", 12), y, date_text(approval.day, rng), 12, rng, ink)
        y += 15
    _foot(page, plan, rng, y + 10, 12)
    att, how = _scan_file([page.img], rng, "证书申报调整申请", grey=rng.random() < 0.4)
    return [att], f"shorthand items style {style}, {how}"


FAMILY_FUNCS: dict[str, Callable[[Plan, random.Random], tuple[list[Attachment], str]]] = {
    "letterhead_paper": letterhead_paper,
    "desktop_screenshot": desktop_screenshot,
    "photo_in_pdf": photo_in_pdf,
    "stacked_rows": stacked_rows,
    "checkbox_form": checkbox_form,
    "slip_photo": slip_photo,
    "wrapped_cells": wrapped_cells,
    "semicolon_items": semicolon_items,
}
