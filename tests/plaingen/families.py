"""The eight layouts. Each takes a Case and returns its pages (PIL images at the case's dpi) and how they are
filed (`capture`); `package` in __init__ turns them into attachments."""

from __future__ import annotations

import random

from PIL import Image

from .content import FIELD_LABEL, Case, cert_written, reason_for, show_value
from .ink import Page
from .pieces import (
    closing,
    date_mark,
    dept_label,
    grid,
    hand_at,
    intro,
    leader_label,
    mark,
    opinion,
    prose_sentence,
    put_seal,
    salutation,
    table_a_rows,
    titles,
)

A4 = (210.0, 297.0)


def _letter_head(page: Page, case: Case, rng: random.Random, face: str, x0: float, width: float,
                 y: float = 28.0) -> float:
    face_t, size_t = rng.choice(("song_bold", "hei_bold")), rng.choice((16, 18))
    title = titles(case, rng)
    if "\n" not in title and page.text_mm(title, face_t, size_t) > page.w_mm - 40 and title.find("关于") > 0:
        title = title.replace("关于", "\n关于", 1)
    for line in title.split("\n"):
        while page.text_mm(line, face_t, size_t) > page.w_mm - 36:
            size_t -= 1
        page.text(page.w_mm / 2, y, line, face_t, size_t, align="center")
        y += 10
    y += 6
    page.text(x0, y, salutation(rng), face, 12)
    y += 9
    return page.paragraph(x0, y, width, intro(case, rng), face, 12, leading=1.65) + 3


def _applicant(page: Page, case: Case, rng: random.Random, face: str, right: float, y: float) -> tuple[float, float]:
    """The 申请单位 line and the typed date, right-aligned; returns the centre of the date (for the seal)."""
    label = rng.choice(("申请单位：", "", "单位（盖章）："))
    page.text(right, y, f"{label}{case.unit}", face, 12, align="right")
    date = f"{case.doc_date.year}年{case.doc_date.month}月{case.doc_date.day}日"
    page.text(right, y + 8, date, face, 12, align="right")
    return right - page.text_mm(date, face, 12) / 2, y + 10


# 1 ─────────────────────────────────────────────────────────────────────────────────────────────
def foot_side_by_side(case: Case, rng: random.Random) -> list[Image.Image]:
    page = Page(*A4, case.extras["dpi"], rng)
    face = rng.choice(("song", "ming", "song"))
    x0, width = 25.0, 160.0
    y = _letter_head(page, case, rng, face, x0, width)
    y = grid(page, x0, y, [12, 40, 22, 26, 26, 34], table_a_rows(case, rng), face, 10.5, "hei") + 5
    page.text(x0 + 8.5, y, closing(rng), face, 12)
    sx, sy = _applicant(page, case, rng, face, x0 + width, y + 10)
    top = max(sy + 12, 200.0)
    mid = x0 + width / 2
    boxed = rng.random() < 0.5
    if boxed:
        page.rect(x0, top - 3, x0 + width, top + 62)
        page.line(mid, top - 3, mid, top + 62)
    for bx, block, label in ((x0 + 3, case.dept, dept_label(rng)), (mid + 3, case.leader, leader_label(rng))):
        page.text(bx, top, label + "：", "hei" if rng.random() < 0.5 else face, 11)
        opinion(page, block, bx + rng.uniform(4, 12), top + 19, rng)
        line_y = top + 46
        lw = page.text(bx, line_y - 2.3, "签字：", face, 11)
        mark(page, block, bx + lw + 1, line_y, rng)
        date_mark(page, block, bx + 44, line_y + rng.uniform(-1, 1), rng, 4.2)
    if rng.random() < 0.6:
        put_seal(page, case, mid + width / 4 + rng.uniform(-8, 8), top + 40 + rng.uniform(-6, 6), rng)
    else:
        put_seal(page, case, sx + rng.uniform(-6, 6), sy - 2, rng)
    return [page.img]


# 2 ─────────────────────────────────────────────────────────────────────────────────────────────
def _blank_line(page: Page, case: Case, rng: random.Random, x: float, y: float, label: str, length: float,
                face: str) -> float:
    w = page.text(x, y - 4.6, label, face, 12)
    page.line(x + w, y, x + w + length, y, 0.2)
    return x + w


def underline_blanks(case: Case, rng: random.Random) -> list[Image.Image]:
    page = Page(*A4, case.extras["dpi"], rng)
    face = rng.choice(("song", "hei", "ming"))
    x0, width = 24.0, 162.0
    y = _letter_head(page, case, rng, face, x0, width)
    if rng.random() < 0.5:
        y = grid(page, x0, y, [12, 44, 24, 26, 26, 30], table_a_rows(case, rng), face, 10.5) + 6
    else:
        for i, c in enumerate(case.changes, 1):
            y = page.paragraph(x0, y, width, f"{i}．{prose_sentence(rng, c)}。", face, 12, indent=True)
        y += 3
    page.text(x0 + 8.5, y, closing(rng), face, 12)
    y += 12
    sx, sy = _applicant(page, case, rng, face, x0 + width, y)
    y = max(sy + 14, 196.0)
    for block, label, who in ((case.dept, dept_label(rng), "负责人"), (case.leader, leader_label(rng), "分管领导")):
        lx = _blank_line(page, case, rng, x0, y, label + "：", width - page.text_mm(label + "：", face, 12), face)
        opinion(page, block, lx + 4, y - 3.2, rng, 5.0)
        y += 14
        sig_label = rng.choice((f"{who}（签字）：", "签字：", f"{who}签字："))
        lx = _blank_line(page, case, rng, x0 + 10, y, sig_label, 42, face)
        mark(page, block, lx + 3, y - 3.5, rng, 6.0)
        dx = lx + 52
        dw = page.text(dx, y - 4.6, "日期：", face, 12)
        parts = [("", 15, "年"), ("", 9, "月"), ("", 9, "日")]
        px = dx + dw
        filled = (str(block.date.year), str(block.date.month), str(block.date.day))
        for (_, length, unit), value in zip(parts, filled, strict=True):
            page.line(px, y, px + length, y, 0.2)
            if block.state != "blank":
                hand_at(page, value, px + 1, y - 3.2, 4.4, block.ink, rng)
            px += length
            px += page.text(px, y - 4.6, unit, face, 12)
        y += 18
    put_seal(page, case, (sx if rng.random() < 0.6 else x0 + width - 30) + rng.uniform(-5, 5),
             sy - 2 if rng.random() < 0.7 else y - 25, rng)
    return [page.img]


# 3 ─────────────────────────────────────────────────────────────────────────────────────────────
def _form_header(page: Page, case: Case, rng: random.Random, face: str, x0: float, width: float, y: float) -> float:
    c1, c2 = 30.0, width / 2 - 30
    rows = [("单位名称", case.unit, None, None), ("联系人", case.contact, "联系电话", case.phone)]
    for a, b, c, d in rows:
        if c is None:
            page.rect(x0, y, x0 + c1, y + 11)
            page.rect(x0 + c1, y, x0 + width, y + 11)
            page.cell_text(x0, y, x0 + c1, y + 11, a, face, 11)
            page.cell_text(x0 + c1, y, x0 + width, y + 11, b, face, 11)
        else:
            xs = [x0, x0 + c1, x0 + c1 + c2, x0 + 2 * c1 + c2, x0 + width]
            for (left, right), text in zip(zip(xs, xs[1:], strict=False), (a, b, c, d), strict=True):
                page.rect(left, y, right, y + 11)
                page.cell_text(left, y, right, y + 11, text, face, 11)
        y += 11
    return y


def _sub_table(case: Case, rng: random.Random) -> tuple[list[float], list[list[str]]]:
    rows = [["序号", "证书名称", "等级", "调整项目", "调整前", "调整后"]]
    for i, c in enumerate(case.changes, 1):
        rows.append([str(i), cert_written(rng, c, False, rng.choice((0, 0, 3))), c.level or "",
                     FIELD_LABEL[c.field], show_value(rng, c, c.old), show_value(rng, c, c.new)])
    return [12, 50, 16, 26, 28, 28], rows


def three_tier_opinions(case: Case, rng: random.Random) -> list[Image.Image]:
    page = Page(*A4, case.extras["dpi"], rng)
    face = rng.choice(("song", "hei", "wqy"))
    x0, width = 20.0, 170.0
    page.text(105, 24, "2024年1+X证书试点申报调整申请表", rng.choice(("hei_bold", "song_bold")), 17, align="center")
    y = _form_header(page, case, rng, face, x0, width, 38)
    page.rect(x0, y, x0 + width, y + 10)
    page.cell_text(x0, y, x0 + width, y + 10, "调整内容", "hei", 11)
    y += 10
    widths, rows = _sub_table(case, rng)
    y = grid(page, x0, y, [w * width / sum(widths) for w in widths], rows, face, 10.5)
    page.rect(x0, y, x0 + width, y + 26)
    page.cell_text(x0, y, x0 + width, y + 26, "调整原因：" + "；".join(reason_for(rng, c) for c in case.changes) + "。",
                   face, 10.5, align="left", valign="top")
    y += 26
    label_w = rng.choice((30.0, 34.0, 38.0))
    seal_at = (0.0, 0.0)
    for block, label in ((case.college, rng.choice(("二级学院（系部）意见", "二级学院意见", "系部意见"))),
                         (case.dept, "证书试点管理部门（教务处）意见"), (case.leader, leader_label(rng))):
        h = 40.0
        page.rect(x0, y, x0 + label_w, y + h)
        page.rect(x0 + label_w, y, x0 + width, y + h)
        page.cell_text(x0, y, x0 + label_w, y + h, label, face, 11)
        opinion(page, block, x0 + label_w + 6, y + 11, rng)
        sy = y + h - 9
        lw = page.text(x0 + label_w + 48, sy - 2.3, rng.choice(("签字：", "负责人签字：", "签名：")), face, 11)
        mark(page, block, x0 + label_w + 48 + lw + 1, sy, rng)
        date_mark(page, block, x0 + width - 36, sy, rng, 4.2)
        seal_at = (x0 + width - 30, y + h - 14)
        y += h
    if rng.random() < 0.5:
        page.text(x0 + width - 4, y + 6, "（单位盖章）", face, 11, align="right")
        seal_at = (x0 + width - 22, y + 6)
    put_seal(page, case, seal_at[0] + rng.uniform(-6, 6), seal_at[1] + rng.uniform(-5, 5), rng)
    return [page.img]


# 4 ─────────────────────────────────────────────────────────────────────────────────────────────
def reason_column_table(case: Case, rng: random.Random) -> list[Image.Image]:
    page = Page(*A4, case.extras["dpi"], rng)
    face = rng.choice(("song", "ming", "hei"))
    x0, width = 18.0, 174.0
    y = _letter_head(page, case, rng, face, x0, width)
    all_heads = all(c.field == "headcount" for c in case.changes)
    if all_heads and rng.random() < 0.75:
        rows = [["序号", "证书名称", "等级", "考核专业", "原申报人数", "增减", "调整后人数", rng.choice(("调整原因", "备注"))]]
        for i, c in enumerate(case.changes, 1):
            delta = int(c.new) - int(c.old)
            why = reason_for(rng, c)
            if rng.random() < 0.5:
                why = f"{why}，人数由原{c.old}人{'增至' if delta > 0 else '减至'}{c.new}人"
            major = c.app.major if c.app else ""
            rows.append([str(i), c.certificate, c.level or "", major, str(c.old), f"{delta:+d}".replace("-", "−"),
                         str(c.new), why])
        widths = [10, 34, 12, 26, 18, 13, 18, 43]
        if rng.random() < 0.4:
            from .pieces import _unchanged_app
            app = _unchanged_app(case)
            if app:
                rows.append([str(len(rows)), app.certificate, app.level, app.major, str(app.headcount),
                             rng.choice(("0", "—")), str(app.headcount), "不调整"])
    else:
        rows = [["序号", "证书名称", "调整项目", "调整前", "调整后", rng.choice(("调整原因", "备注", "调整原因及说明"))]]
        for i, c in enumerate(case.changes, 1):
            why = reason_for(rng, c)
            if c.field == "headcount" and rng.random() < 0.6:
                up = int(c.new) > int(c.old)
                why = f"{why}，人数由原{c.old}人{'增至' if up else '减至'}{c.new}人"
            elif c.field == "major" and rng.random() < 0.4:
                why = f"{c.old}专业{rng.choice(('2024年停招', '已撤并', '并入' + str(c.new)))}"
            rows.append([str(i), cert_written(rng, c, True, 0), FIELD_LABEL[c.field], show_value(rng, c, c.old),
                         show_value(rng, c, c.new), why])
        widths = [10, 42, 22, 28, 28, 44]
    y = grid(page, x0, y, widths, rows, face, 10, "hei") + 5
    page.text(x0 + 8.5, y, closing(rng), face, 12)
    sx, sy = _applicant(page, case, rng, face, x0 + width - 4, y + 10)
    y = max(sy + 12, 205.0)
    for block, label in ((case.dept, dept_label(rng)), (case.leader, leader_label(rng))):
        lw = page.text(x0 + 4, y, label + "：", face, 12)
        opinion(page, block, x0 + 4 + lw + 2, y + 2.5, rng, 5.0)
        y += 16
        sl = rng.choice(("签字：", "负责人（签字）：", "签名："))
        lw = page.text(x0 + 70, y - 2.3, sl, face, 12)
        mark(page, block, x0 + 70 + lw + 1, y, rng)
        date_mark(page, block, x0 + 132, y, rng, 4.4)
        y += 18
    put_seal(page, case, sx + rng.uniform(-6, 6), sy - 3, rng)
    return [page.img]


# 5 ─────────────────────────────────────────────────────────────────────────────────────────────
def landscape_one_sheet(case: Case, rng: random.Random) -> list[Image.Image]:
    page = Page(297.0, 210.0, case.extras["dpi"], rng)
    face = rng.choice(("song", "hei", "wqy"))
    x0, width = 18.0, 261.0
    page.text(148.5, 16, rng.choice(("2024年1+X证书试点申报调整申请表", "2024年度职业技能等级证书申报调整汇总表")),
              rng.choice(("hei_bold", "song_bold")), 17, align="center")
    page.text(x0, 30, f"单位名称（盖章）：{case.unit}", face, 12)
    page.text(x0 + 150, 30, f"联系人：{case.contact}    联系电话：{case.phone}", face, 12)
    rows = [["序号", "证书名称", "等级", "考核专业", "原申报人数", "调整事项", "调整前", "调整后", "调整原因"]]
    for i, c in enumerate(case.changes, 1):
        major = c.app.major if c.app else ""
        head = str(c.app.headcount) if c.app else str(c.old) if c.field == "headcount" else ""
        rows.append([str(i), c.certificate, c.level or "", major, head, FIELD_LABEL[c.field],
                     show_value(rng, c, c.old), show_value(rng, c, c.new), reason_for(rng, c)])
    y = grid(page, x0, 38, [12, 44, 14, 38, 22, 24, 30, 30, 47], rows, face, 10.5, "hei", min_h=10)
    for _ in range(rng.choice((0, 1, 2))):
        y = grid(page, x0, y, [12, 44, 14, 38, 22, 24, 30, 30, 47], [[""] * 9], face, 10.5, min_h=10)
    top = max(y + 6, 128.0)
    bottom = 198.0
    xs = [x0, x0 + 87, x0 + 174, x0 + width]
    for left, right in zip(xs, xs[1:], strict=False):
        page.rect(left, top, right, bottom)
    for left, block, label in zip(xs, (case.dept, case.leader), (dept_label(rng), leader_label(rng)), strict=False):
        page.text(left + 3, top + 3, label + "：", face, 11)
        opinion(page, block, left + 8, top + 22, rng, 5.0)
        lw = page.text(left + 6, bottom - 17, "签字：", face, 11)
        mark(page, block, left + 6 + lw + 1, bottom - 14.7, rng, 6.0)
        date_mark(page, block, left + 50, bottom - 6, rng, 4.2)
    page.text(xs[2] + 3, top + 3, rng.choice(("单位盖章（公章）：", "单位意见（盖章）：", "学校公章：")), face, 11)
    date = f"{case.doc_date.year}年{case.doc_date.month}月{case.doc_date.day}日"
    page.text(xs[3] - 8, bottom - 10, date, face, 11, align="right")
    put_seal(page, case, xs[3] - 30 + rng.uniform(-5, 5), bottom - 20 + rng.uniform(-5, 5), rng)
    return [page.img]


# 7 ─────────────────────────────────────────────────────────────────────────────────────────────
def prose_paragraph_changes(case: Case, rng: random.Random) -> list[Image.Image]:
    page = Page(*A4, case.extras["dpi"], rng)
    face = rng.choice(("song", "ming", "song", "wqy"))
    x0, width = 26.0, 158.0
    y = _letter_head(page, case, rng, face, x0, width)
    codes = rng.random() < 0.5
    sentences = [prose_sentence(rng, c, codes) for c in case.changes]
    if len(sentences) > 1 and rng.random() < 0.5:
        text = sentences[0] + "；" + "；".join(rng.choice(("同时", "另", "")) + s for s in sentences[1:]) + "。"
        y = page.paragraph(x0, y, width, text, face, 12, leading=1.65)
    else:
        numbered = rng.random() < 0.6
        for i, s in enumerate(sentences):
            lead = ("一、", "二、", "三、")[i] if numbered else ""
            y = page.paragraph(x0, y, width, f"{lead}{s}。{reason_for(rng, case.changes[i])}。", face, 12,
                               leading=1.65)
    y = page.paragraph(x0, y + 2, width, closing(rng), face, 12)
    sx, sy = _applicant(page, case, rng, face, x0 + width, y + 12)
    y = max(sy + 16, 190.0)
    for block, label in ((case.dept, dept_label(rng)), (case.leader, leader_label(rng))):
        page.text(x0, y, label + "：", face, 12)
        opinion(page, block, x0 + 12, y + 14, rng)
        y += 28
        lw = page.text(x0 + 60, y - 2.3, rng.choice(("签字：", "负责人签字：", "签 字：")), face, 12)
        mark(page, block, x0 + 60 + lw + 1, y, rng)
        date_mark(page, block, x0 + 116, y, rng, 4.4)
        y += 14
    put_seal(page, case, sx + rng.uniform(-6, 6), sy - 3, rng)
    return [page.img]


# 8 ─────────────────────────────────────────────────────────────────────────────────────────────
def _wrapped_label(label: str, rng: random.Random) -> str:
    cut_points = [i for i in range(2, len(label) - 1)]
    n_lines = rng.choice((2, 3))
    cuts = sorted(rng.sample(cut_points, min(n_lines - 1, len(cut_points))))
    parts, last = [], 0
    for cut in cuts:
        parts.append(label[last:cut])
        last = cut
    parts.append(label[last:])
    return "\n".join(p for p in parts if p)


def phone_photo_form(case: Case, rng: random.Random) -> list[Image.Image]:
    page = Page(*A4, case.extras["dpi"], rng)
    face = rng.choice(("song", "hei", "ming"))
    x0, width = 18.0, 174.0
    page.text(105, 22, rng.choice(("1+X证书试点申报调整申请表", "2024年职业技能等级证书申报调整申请表")),
              rng.choice(("hei_bold", "song_bold")), 17, align="center")
    y = _form_header(page, case, rng, face, x0, width, 36)
    widths, rows = _sub_table(case, rng)
    widths = [w * width / sum(widths) for w in widths]
    y = grid(page, x0, y, widths, rows, face, 10.5, min_h=10)
    label_w = rng.choice((24.0, 28.0, 32.0))
    for block, label in ((case.dept, dept_label(rng)), (case.leader, leader_label(rng))):
        h = 44.0
        page.rect(x0, y, x0 + label_w, y + h)
        page.rect(x0 + label_w, y, x0 + width, y + h)
        page.cell_text(x0, y, x0 + label_w, y + h, _wrapped_label(label, rng), face, 11)
        opinion(page, block, x0 + label_w + 8, y + 13, rng)
        sy = y + h - 10
        lw = page.text(x0 + label_w + 40, sy - 2.3, "签字：", face, 11)
        mark(page, block, x0 + label_w + 40 + lw + 1, sy, rng)
        date_mark(page, block, x0 + width - 40, sy, rng, 4.2)
        y += h
    h = 40.0
    page.rect(x0, y, x0 + label_w, y + h)
    page.rect(x0 + label_w, y, x0 + width, y + h)
    page.cell_text(x0, y, x0 + label_w, y + h, _wrapped_label("单位盖章", rng), face, 11)
    date = f"{case.doc_date.year}年{case.doc_date.month}月{case.doc_date.day}日"
    page.text(x0 + width - 8, y + h - 10, date, face, 11, align="right")
    put_seal(page, case, x0 + width - 36 + rng.uniform(-6, 6), y + h - 18 + rng.uniform(-4, 4), rng)
    return [page.img]


def approval_page(case: Case, rng: random.Random) -> Image.Image:
    """The separately signed and sealed page of family 6: a short 审批表 with the two opinions."""
    page = Page(*A4, case.extras["dpi"], rng)
    face = rng.choice(("song", "hei"))
    x0, width = 22.0, 166.0
    page.text(105, 26, rng.choice(("2024年1+X证书申报调整审批表", "证书申报调整校内审批意见")),
              rng.choice(("hei_bold", "song_bold")), 17, align="center")
    page.text(x0, 42, f"申请单位：{case.unit}", face, 12)
    page.text(x0, 51, rng.choice(("事由：2024年1+X证书申报调整（详见申请及附件）", "事由：调整2024年度1+X证书试点申报信息")),
              face, 12)
    y = 62.0
    for block, label in ((case.dept, dept_label(rng)), (case.leader, leader_label(rng))):
        h = 62.0
        page.rect(x0, y, x0 + width, y + h)
        page.text(x0 + 4, y + 4, label + "：", face, 12)
        opinion(page, block, x0 + 16, y + 24, rng)
        lw = page.text(x0 + 70, y + h - 14, rng.choice(("签字：", "负责人（签字）：")), face, 12)
        mark(page, block, x0 + 70 + lw + 1, y + h - 11.7, rng)
        date_mark(page, block, x0 + width - 40, y + h - 5, rng, 4.2)
        y += h
    page.text(x0 + width - 4, y + 12, f"{case.unit}（盖章）", face, 12, align="right")
    date = f"{case.doc_date.year}年{case.doc_date.month}月{case.doc_date.day}日"
    page.text(x0 + width - 4, y + 21, date, face, 12, align="right")
    put_seal(page, case, x0 + width - 30 + rng.uniform(-5, 5), y + 16 + rng.uniform(-4, 4), rng)
    return page.img


def merged_text_pages(case: Case, rng: random.Random) -> list[dict]:
    """The born-digital pages of family 6, as lines the PDF writer sets: cover letter, annex table, 情况说明."""
    letter = [("title", line) for line in titles(case, rng).split("\n")]
    letter += [("text", salutation(rng)), ("para", intro(case, rng))]
    restate = case.changes[0] if rng.random() < 0.5 else None
    if restate is not None:
        letter.append(("para", f"其中，{prose_sentence(rng, restate)}。其余调整事项详见附件。"))
    else:
        letter.append(("para", "具体调整事项详见附件《2024年1+X证书申报调整明细表》。"))
    letter += [("para", closing(rng)), ("blank", ""),
               ("right", case.unit), ("right", f"{case.doc_date.year}年{case.doc_date.month}月{case.doc_date.day}日"),
               ("blank", ""), ("text", f"联系人：{case.contact}    联系电话：{case.phone}")]
    annex_rows = table_a_rows(case, rng)
    pages = [{"kind": "letter", "lines": letter}, {"kind": "annex", "rows": annex_rows}]
    if rng.random() < 0.3:
        note = [("title", "情况说明"), ("para", "；".join(f"{c.certificate}：{reason_for(rng, c)}" for c in case.changes)
                                      + "。以上调整均已与相关二级学院核实。"), ("right", case.unit)]
        pages.append({"kind": "letter", "lines": note})
    return pages


LAYOUTS = {
    "foot_side_by_side": foot_side_by_side,
    "underline_blanks": underline_blanks,
    "three_tier_opinions": three_tier_opinions,
    "reason_column_table": reason_column_table,
    "landscape_one_sheet": landscape_one_sheet,
    "prose_paragraph_changes": prose_paragraph_changes,
    "phone_photo_form": phone_photo_form,
}
