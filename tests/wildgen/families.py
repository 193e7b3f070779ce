"""The eight families: how the paper is laid out (render_*) and how it was captured (build).

Each render returns a list of `Page`s; `build` turns a plan into attachments (filename, bytes, MIME type)
and a capture description.
"""

from __future__ import annotations

import random

from PIL import Image

from tests.wildgen import capture as cap
from tests.wildgen.draw import (
    INKS,
    RED,
    Page,
    date_text,
    excel_shot,
    fake_qr,
    hand,
    name_stamp,
    seal,
    signature,
)
from tests.wildgen.plan import Block, Change, Plan
from tests.wildgen.wording import FIELD_WORDS, cert_cell, labels, official, prose_change, reason, value, we

FAMILIES = ["gongwen_redhead", "three_line_table", "excel_pasted", "prose_shuoming", "copier_bw", "chengpi_slip",
            "zip_sections", "arrow_cell_form"]
OFFICE = ["江苏省职业院校1+X证书制度试点工作办公室：", "省1+X证书制度试点工作办公室：", "江苏省1+X证书制度试点工作办公室："]


# -- shared pieces ---------------------------------------------------------------------------------
def pen(rng: random.Random) -> tuple[int, int, int]:
    return INKS[rng.choice(["blue", "blue", "black", "blueblack", "darkblue"])]


def opinion(p: Page, x: float, y: float, b: Block, rng: random.Random, ink, height: float,
            typed: tuple[str, float] | None = None) -> float:
    """The opinion, handwritten (or printed when `typed` = (face, pt)); returns its end x."""
    if b.opinion is None:
        return x
    if typed:
        return p.text(x, y, b.opinion, typed[0], typed[1])
    return hand(p, x, y, b.opinion, height, ink, rng)


def sign(p: Page, x: float, y: float, b: Block, rng: random.Random, ink, face: str, pt: float,
         height: float = 8.0) -> float:
    """The approver's mark after a 签字 label or beside the opinion; returns its end x."""
    if b.sign == "hand":
        return signature(p, x, y, b.name, ink, rng, height)
    if b.sign == "stamp":
        return name_stamp(p, x, y + 2, b.name, rng, rng.uniform(10, 13))
    if b.sign == "typed":
        return p.text(x, y, b.name, face, pt)
    return x


def a_date(p: Page, x: float, y: float, d, rng: random.Random, ink, face: str, pt: float, anchor: str = "ls") -> None:
    """A block's date: handwritten (2024.3.8, 3.8, 二〇二四年三月八日) or printed (2024年3月8日)."""
    how = rng.choice(["hand_dot", "hand_cn", "print", "hand_short", "print_blank"])
    if how == "print_blank":          # printed 年 月 日 with the figures written in the gaps
        gap = "　　"
        form = f"{gap}　年{gap}月{gap}日"
        end = p.text(x, y, form, face, pt, anchor=anchor)
        start = end - p.width(form, face, pt) if anchor[0] == "r" else x
        slot = p.width("　", face, pt)
        for v, at in ((d.year, 0.0), (d.month, 4 * slot), (d.day, 7 * slot)):
            hand(p, start + at + (0.0 if v == d.year else 0.4 * slot), y, str(v), 4.6, ink, rng, slant=8)
        return
    if how == "print":
        p.text(x, y, date_text(d, "num"), face, pt, anchor=anchor)
        return
    text = date_text(d, {"hand_dot": "dot", "hand_cn": "cn", "hand_short": "short"}[how])
    hand(p, x, y, text, 5.2 if how == "hand_cn" else 6.0, ink, rng, slant=10, right=anchor[0] == "r")


def unit_seal(p: Page, plan: Plan, cx: float, cy: float, rng: random.Random, strength: float | None = None) -> None:
    """The school's official seal (or, for `dept_seal_only`, its 教务处 seal instead; none for `no_seal`)."""
    if plan.seal == "none":
        return
    s = rng.uniform(0.72, 0.9) if strength is None else strength
    if plan.seal == "dept":          # set a little apart, so its 教务处 line is not hidden under print
        seal(p, cx - 22, cy - 10, plan.school.name, rng, bottom="教务处", diameter=40, strength=max(s, 0.85))
    else:
        seal(p, cx, cy, plan.school.name, rng, diameter=42, strength=s, serial=rng.random() < 0.3)


def change_rows(plan: Plan, rng: random.Random, before: str, after: str, level_col: bool = True,
                unit: bool | None = None) -> list[list[str]]:
    """序号 | 证书名称 | (等级) | 调整项目 | before | after."""
    unit = rng.random() < 0.5 if unit is None else unit
    head = ["序号", "证书名称"] + (["等级"] if level_col else []) + ["调整项目", before, after]
    rows = [head]
    for i, c in enumerate(plan.changes, 1):
        row = [str(i), cert_cell(c, rng, level=not level_col)] + ([c.level] if level_col else [])
        row += [rng.choice(FIELD_WORDS[c.field]), value(c, c.old, "人" if unit else ""), value(c, c.new, "人" if unit else "")]
        rows.append(row)
    return rows


def fit(widths: list[float], total: float) -> list[float]:
    s = sum(widths)
    return [w * total / s for w in widths]


# -- 1. 公文 with 红头, 发文字号, 主送, 抄送, page numbers, QR; the 审批表 as 附件 on page 2 ---------------------------
def render_gongwen(plan: Plan, rng: random.Random, dpi: int = 200) -> list[Page]:
    for pt in (16, 15, 14, 13):
        pages = _gongwen(plan, random.Random(rng.random()), dpi, pt)
        if pages:
            return pages
    raise AssertionError("gongwen did not fit")


def _gongwen(plan: Plan, rng: random.Random, dpi: int, pt: float) -> list[Page] | None:
    s = plan.school
    L, R = 28.0, 182.0
    W = R - L
    body = "fang"
    p = Page(210, 297, dpi)
    if rng.random() < 0.6:
        p.paste(fake_qr(rng), R - 16, 9, 18)
    mast = f"{s.name}文件"
    mpt = min(30.0, (W - 6) / (len(mast) * 0.3528 * 1.02))
    p.text(105, 44, mast, rng.choice(["songb", "heib"]), mpt, fill=(205, 22, 28), anchor="ms", spacing=0.6)
    short = (s.aliases[0] if s.aliases else s.name)[:4]
    number = f"{short}{rng.choice(['教', '教发', '政'])}〔2024〕{rng.randint(3, 38)}号"
    y = 62.0
    if rng.random() < 0.5:          # 上行文 (请示): 发文字号 left, 签发人 right — a typed name, not a signature
        p.text(L + 2, y, number, body, pt)
        p.text(R - 2, y, f"签发人：{plan.leader.name}", body, pt, anchor="rs")
    else:
        p.text(105, y, number, body, pt, anchor="ms")
    y += 5
    if rng.random() < 0.5:
        p.line(L - 2, y, 100, y, 0.8, fill=(205, 22, 28))
        p.line(110, y, R + 2, y, 0.8, fill=(205, 22, 28))
        p.text(105, y + 2.6, "★", "hei", 12, fill=(205, 22, 28), anchor="ms")
    else:
        p.line(L - 2, y, R + 2, y, 0.9, fill=(205, 22, 28))
        p.line(L - 2, y + 1.3, R + 2, y + 1.3, 0.3, fill=(205, 22, 28))
    y += 16
    tlines = rng.choice([["关于申请调整2024年度1+X证书", "试点申报信息的请示"], ["关于2024年1+X证书申报调整的请示"],
                         [f"{s.name}", "关于调整2024年证书申报内容的请示"]])
    tface = rng.choice(["songb", "heib"])
    for ln in tlines:
        p.text(105, y, ln, tface, 19, anchor="ms")
        y += 10
    y += 4
    lead = pt * 0.3528 * 1.72
    p.text(L, y, rng.choice(OFFICE), body, pt)
    y += lead
    intro = (f"根据省1+X办《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，我{we(plan)}已在平台完成"
             f"2024年度证书申报。经复核，部分证书的申报信息需作调整，具体如下：")
    y = p.para(L, y, intro, body, pt, W, lead)
    marks = rng.choice([["一是", "二是", "三是", "四是"], ["（一）", "（二）", "（三）", "（四）"],
                        ["1．", "2．", "3．", "4．"]])
    for i, c in enumerate(plan.changes):
        y = p.para(L, y, marks[i] + prose_change(c, rng) + "。", body, pt, W, lead)
    if plan.defect != "exceeds" and rng.random() < 0.6:
        y = p.para(L, y, "调整后各证书试点人数均未超过相应专业在校生数。", body, pt, W, lead)
    y = p.para(L, y, rng.choice(["妥否，请批示。", "以上请示，请予审核。", "特此请示。"]), body, pt, W, lead)
    y += lead * 0.6
    p.text(L + p.width("　　", body, pt), y, "附件：2024年证书申报调整审批表", body, pt)
    y += lead * 2.2
    if y > 262:
        return None
    p.text(R - 10, y, s.name, body, pt, anchor="rs")
    y += lead
    p.text(R - 14, y, date_text(plan.doc_date, "cn"), body, pt, anchor="rs")
    unit_seal(p, plan, R - 36 + rng.uniform(-4, 4), y - lead * 0.7 + rng.uniform(-3, 3), rng)
    y += lead * 1.2
    p.text(L + p.width("　　", body, pt), y, f"（联系人：{plan.contact}，联系电话：{plan.phone}）", body, pt - 1)
    if y > 280:
        return None
    p.text(R - 6, 287, "— 1 —", "song", 13, anchor="rs")

    q = Page(210, 297, dpi)
    q.text(L, 34, "附件", "heib", 15)
    q.text(105, 50, "2024年1+X证书申报调整审批表", rng.choice(["songb", "heib"]), 18, anchor="ms")
    y = 60.0
    tpt = 11.5
    q.grid(L - 4, y, fit([30, 130], W + 8), [["申请单位", s.name]], "song", tpt, heights=[12])
    y += 12
    if rng.random() < 0.55:          # the same changes again as a table (listed once in the truth)
        rows = change_rows(plan, rng, "调整前", "调整后")
        y = q.grid(L - 4, y, fit([10, 48, 13, 19, 20, 20], W + 8), rows, "song", tpt - 1.5,
                   heights=[10] + [14] * len(plan.changes), head_face="heib")
    dept_label, leader_label = labels(plan, rng)
    ink = pen(rng)
    for b, label in ((plan.dept, dept_label), (plan.leader, leader_label)):
        h = 40.0
        q.grid(L - 4, y, fit([30, 130], W + 8), [["", ""]], "song", tpt, heights=[h])
        lx0, lx1 = L - 4, L - 4 + (W + 8) * 30 / 160
        q.cell_text(lx0, y, lx1, y + h, label, "song", tpt)
        opinion(q, lx1 + rng.uniform(6, 18), y + 13, b, rng, ink, rng.uniform(7, 9))
        x = q.text(lx1 + 45, y + h - 12, "签字：", "song", tpt)
        sign(q, x + 1, y + h - 12, b, rng, ink, "song", tpt)
        a_date(q, R + 2, y + h - 4, b.date, rng, ink, "song", tpt, anchor="rs")
        y += h
    y += 28
    q.line(L - 2, y, R + 2, y, 0.5)
    q.text(L, y + 7, f"抄送：{s.city}教育局。", body, 13)
    q.line(L - 2, y + 10, R + 2, y + 10, 0.3)
    q.text(L, y + 17, f"{s.name}办公室", body, 13)
    q.text(R, y + 17, f"{date_text(plan.doc_date, 'num')}印发", body, 13, anchor="rs")
    q.line(L - 2, y + 20, R + 2, y + 20, 0.5)
    q.text(L + 4, 287, "— 2 —", "song", 13)
    return [p, q]


# -- 2. 三线表 with official titles and a 等级 column; signature on the opinion's line -------------------------------
def render_three_line(plan: Plan, rng: random.Random, dpi: int = 200) -> list[Page]:
    s = plan.school
    p = Page(210, 297, dpi)
    L, R = rng.uniform(22, 27), 210 - rng.uniform(20, 25)
    W = R - L
    face = rng.choice(["kai", "fang", "kai"])
    pt = rng.choice([12.5, 13, 14])
    y = rng.uniform(30, 38)
    p.text(105, y, s.name, "heib", 17, anchor="ms")
    y += 10
    p.text(105, y, "2024年证书申报调整申请", "heib", rng.choice([16, 17, 18]), anchor="ms")
    y += 14
    p.text(L, y, rng.choice(OFFICE), face, pt)
    y += 8
    y = p.para(L, y, f"我{we(plan)}2024年1+X证书试点已在平台完成申报。根据专业招生和学生报名情况，现申请对以下"
                     f"证书的申报信息进行调整（见表1），请予审核。", face, pt, W)
    y += 2
    p.text(105, y, "表1  2024年证书申报调整明细", "heib", 10.5, anchor="ms")
    y += 3
    before, after = rng.choice([("变更前", "变更后"), ("原申报", "调整为"), ("申报时", "调整为"), ("调整前", "调整后")])
    rows = [["序号", "证书名称", "等级", "调整项目", before, after]]
    unit = rng.random() < 0.5
    for i, c in enumerate(plan.changes, 1):
        rows.append([str(i), official(c.certificate) if rng.random() < 0.8 else c.certificate, c.level,
                     rng.choice(FIELD_WORDS[c.field]), value(c, c.old, "人" if unit else ""),
                     value(c, c.new, "人" if unit else "")])
    y = p.three_line(L, y, fit([9, 58, 12, 18, 22, 22], W), rows, rng.choice(["song", face]), 10.5,
                     head_face="heib", row_h=rng.uniform(8.5, 10))
    if not unit and any(c.field == "headcount" for c in plan.changes):
        p.text(L, y + 5, "注：人数单位为人。", "song", 9)
    y += 15
    y = p.para(L, y, "特此申请。", face, pt, W)
    y += 6
    dept_label, leader_label = labels(plan, rng)
    ink = pen(rng)
    for b, label in ((plan.dept, dept_label), (plan.leader, leader_label)):
        x = p.text(L, y, label + "：", face, pt)
        end = opinion(p, x + 2, y, b, rng, ink, rng.uniform(6.5, 8))
        sx = max(end + 6, L + W * 0.55)
        if sx > R - 42:                  # a long label and opinion push the signature to the next line
            y += 11
            sx = L + W * rng.uniform(0.45, 0.55)
        x = p.text(sx, y, rng.choice(["签字：", "签名：", "负责人："]), face, pt)
        sign(p, x + 1, y, b, rng, ink, face, pt, 7.5)
        a_date(p, R, y + 9, b.date, rng, ink, face, pt, anchor="rs")
        y += 26
    y += 8
    p.text(R - 4, y, f"申请单位（盖章）：{s.name}", face, pt, anchor="rs")
    y += 9
    p.text(R - 4, y, date_text(plan.doc_date, rng.choice(["num", "cn"])), face, pt, anchor="rs")
    unit_seal(p, plan, R - 30 + rng.uniform(-6, 4), y - 8 + rng.uniform(-3, 3), rng)
    return [p]


# -- 3. an Excel screenshot pasted into the letter: gridlines, row numbers, 序号, 合计 ------------------------------
def render_excel(plan: Plan, rng: random.Random, dpi: int = 200) -> list[Page]:
    s = plan.school
    p = Page(210, 297, dpi)
    L, R = 25.0, 185.0
    W = R - L
    face, pt = rng.choice(["song", "fang"]), rng.choice([12, 12.5])
    y = 32.0
    p.text(105, y, "关于2024年1+X证书申报调整的申请", "heib", 16, anchor="ms")
    y += 13
    p.text(L, y, rng.choice(OFFICE), face, pt)
    y += 8
    y = p.para(L, y, f"{s.name}2024年1+X证书申报已于3月{max(1, plan.doc_date.day - 2)}日提交。因部分专业招生及学生报名情况"
                     f"变化，现申请调整以下证书的申报信息，明细见下表：", face, pt, W)
    before, after = rng.choice([("申报时", "调整为"), ("原申报", "现申报"), ("调整前", "调整后")])
    unit = rng.random() < 0.35
    rows = [["序号", "证书名称", "等级", "调整项目", before, after, "备注"]]
    listed = [(c, False) for c in plan.changes]
    others = [d for d in s.declarations if d.app_id not in {c.app_id for c in plan.changes}]
    if others and rng.random() < 0.3:       # a declaration listed but marked 不调整 (not a change)
        d = rng.choice(others)
        listed.insert(rng.randint(0, len(listed)),
                      (Change(d.certificate, "headcount", d.headcount, d.headcount, d.level, d.app_id), True))
    for i, (c, keep) in enumerate(listed, 1):
        if keep:
            rows.append([str(i), cert_cell(c, rng, False), c.level, "不调整", str(c.old), str(c.old), "不调整"])
        else:
            rows.append([str(i), cert_cell(c, rng, False), c.level, rng.choice(FIELD_WORDS[c.field]),
                         value(c, c.old, "人" if unit else ""), value(c, c.new, "人" if unit else ""),
                         reason(c, rng) if rng.random() < 0.6 else ""])
    total = len(plan.changes) > 1 and all(c.field == "headcount" for c, _ in listed) and rng.random() < 0.7
    if total:
        rows.append(["合计", "", "", "", str(sum(int(c.old) for c, _ in listed)),
                     str(sum(int(c.new) for c, _ in listed)), ""])
    shot = excel_shot(rows, [48, 250, 58, 92, 120, 120, 150], rng, total)
    y = p.paste(shot, L - 2, y + 1, W + 4) + 8
    y = p.para(L, y, rng.choice(["特此申请。", "请审核。", "以上调整妥否，请审核。"]), face, pt, W)
    y += 6
    dept_label, leader_label = labels(plan, rng)
    ink = pen(rng)
    for b, label in ((plan.dept, dept_label), (plan.leader, leader_label)):
        p.text(L, y, label + "：", "heib", pt)
        y += 13
        end = opinion(p, L + rng.uniform(10, 22), y, b, rng, ink, rng.uniform(7, 9))
        if rng.random() < 0.5:       # signature beside the opinion
            sign(p, max(end + 8, L + 70), y, b, rng, ink, face, pt, 8.5)
            a_date(p, R, y + 10, b.date, rng, ink, face, pt, anchor="rs")
            y += 22
        else:                         # signature under the opinion, at the right, date under it
            sign(p, L + W * 0.6, y + 12, b, rng, ink, face, pt, 8.5)
            a_date(p, R, y + 22, b.date, rng, ink, face, pt, anchor="rs")
            y += 32
    y = max(y + 4, 250)
    if y > 282:
        y = 282
    p.text(R - 6, y - 9, f"{s.name}（盖章）", face, pt, anchor="rs")
    p.text(R - 10, y, date_text(plan.doc_date, "num"), face, pt, anchor="rs")
    unit_seal(p, plan, R - 32, y - 9 + rng.uniform(-3, 3), rng)
    return [p]


# -- 4. changes told in one 说明 paragraph; side-by-side 签批 without rules; seal over the signature ---------------
def render_prose(plan: Plan, rng: random.Random, dpi: int = 200) -> list[Page]:
    s = plan.school
    p = Page(210, 297, dpi)
    L, R = rng.uniform(25, 30), 210 - rng.uniform(22, 26)
    W = R - L
    face, pt = rng.choice(["song", "fang", "kai"]), rng.choice([12, 13, 14])
    y = rng.uniform(34, 42)
    p.text(105, y, rng.choice(["2024年1+X证书申报调整申请", "证书申报调整申请书"]), rng.choice(["heib", "songb"]), 18,
           anchor="ms")
    y += 15
    p.text(L, y, f"申请单位：{s.name}", face, pt)
    y += 8
    p.text(L, y, f"联系人：{plan.contact}          联系电话：{plan.phone}", face, pt)
    y += 12
    p.text(L, y, rng.choice(["调整说明：", "申请事由：", "说明："]), "heib", pt)
    y += 8
    clauses = [prose_change(c, rng) for c in plan.changes]
    text = (rng.choice([f"我{we(plan)}已于3月{max(1, plan.doc_date.day - 1)}日在平台完成2024年度证书申报。", ""])
            + "；".join(clauses) + "。" + rng.choice(["其余证书申报信息不变。", "其他申报内容不作调整。", ""]))
    y = p.para(L, y, text, face, pt, W)
    y = p.para(L, y, "特此申请，请予审核。", face, pt, W)
    y += 14
    dept_label, leader_label = labels(plan, rng)
    inks = [pen(rng), pen(rng)]
    half = L + W / 2
    top = y
    for k, (b, label) in enumerate(((plan.dept, dept_label), (plan.leader, leader_label))):
        x0 = L if k == 0 else half + 4
        yy = top
        for ln in p.wrap(label + "：", face, pt, W / 2 - 8):
            p.text(x0, yy, ln, face, pt)
            yy += 7
        yy += 9
        opinion(p, x0 + rng.uniform(4, 12), yy, b, rng, inks[k], rng.uniform(7, 9.5))
        yy += 15
        sign(p, x0 + rng.uniform(20, 35), yy, b, rng, inks[k], face, pt, rng.uniform(8, 11))
        if k == 1:                       # the seal lands half over the leader's signature
            unit_seal(p, plan, x0 + W / 2 - rng.uniform(10, 18), yy + rng.uniform(4, 9), rng)
        yy += 12
        a_date(p, x0 + W / 2 - 8, yy, b.date, rng, inks[k], face, pt, anchor="rs")
    y = top + 60
    p.text(R - 6, y, s.name, face, pt, anchor="rs")
    p.text(R - 6, y + 9, date_text(plan.doc_date, "cn"), face, pt, anchor="rs")
    return [p]


# -- 5. a copier's 1-bit scan-to-mail of a letter with a 原/现 grid and a separate 审批单 -------------------------
def render_copier(plan: Plan, rng: random.Random, dpi: int = 200) -> list[Page]:
    s = plan.school
    L, R = 22.0, 188.0
    W = R - L
    face, pt = rng.choice(["song", "fang"]), 12.5
    p = Page(210, 297, dpi)
    y = 34.0
    p.text(105, y, f"{s.name}", "heib", 16, anchor="ms")
    y += 10
    p.text(105, y, "关于调整2024年1+X证书申报信息的申请", "heib", 16, anchor="ms")
    y += 14
    p.text(L, y, rng.choice(OFFICE), face, pt)
    y += 8
    y = p.para(L, y, f"根据2024年度1+X证书申报工作安排，我{we(plan)}拟对以下证书申报信息进行调整，具体如下表。", face, pt, W)
    y += 1
    before, after = rng.choice([("原", "现"), ("原申报", "现申请"), ("原内容", "现内容")])
    rows = change_rows(plan, rng, before, after, level_col=rng.random() < 0.6)
    n = len(rows[0])
    widths = fit([9, 52, 12, 18, 22, 22], W) if n == 6 else fit([9, 62, 18, 24, 24], W)
    y = p.grid(L, y, widths, rows, face, 11, heights=[10] + [15] * len(plan.changes), head_face="heib")
    y += 10
    y = p.para(L, y, "审批意见见审批单。", face, pt, W)
    p.text(R - 4, 262, s.name, face, pt, anchor="rs")
    p.text(R - 8, 271, date_text(plan.doc_date, "num"), face, pt, anchor="rs")

    q = Page(210, 297, dpi)
    q.text(105, 40, "2024年证书申报调整审批单", "heib", 18, anchor="ms")
    y = 52.0
    q.grid(L, y, fit([30, 60, 20, 40], W), [["申请单位", s.name, "经办人", plan.contact]], face, 11.5, heights=[13])
    y += 13
    dept_label, leader_label = labels(plan, rng)
    ink = pen(rng)
    for b, label in ((plan.dept, dept_label), (plan.leader, leader_label)):
        h = 46.0
        lw = W * 30 / 150
        q.grid(L, y, [lw, W - lw], [["", ""]], face, 11.5, heights=[h])
        q.cell_text(L, y, L + lw, y + h, label, face, 11.5)
        opinion(q, L + lw + rng.uniform(8, 20), y + 14, b, rng, ink, rng.uniform(7.5, 9.5),
                typed=(face, 12) if rng.random() < 0.2 else None)
        x = q.text(L + lw + 50, y + h - 14, rng.choice(["负责人签字：", "签字：", "签名："]), face, 11.5)
        sign(q, x + 1, y + h - 14, b, rng, ink, face, 11.5)
        a_date(q, R - 3, y + h - 4, b.date, rng, ink, face, 11.5, anchor="rs")
        y += h
    h = 42.0
    lw = W * 30 / 150
    q.grid(L, y, [lw, W - lw], [["", ""]], face, 11.5, heights=[h])
    q.cell_text(L, y, L + lw, y + h, "单位（盖章）", face, 11.5)
    q.text(R - 5, y + h - 5, date_text(plan.doc_date, "num"), face, 11.5, anchor="rs")
    unit_seal(q, plan, L + lw + (W - lw) * rng.uniform(0.45, 0.7), y + h / 2, rng, strength=rng.uniform(0.85, 0.95))
    return [p, q]


# -- 6. a 呈批件: opinion, name and date handwritten as one line in each box (no 签字 label) ------------------------
def render_chengpi(plan: Plan, rng: random.Random, dpi: int = 200) -> list[Page]:
    s = plan.school
    p = Page(210, 297, dpi)
    L, R = 20.0, 190.0
    W = R - L
    face = rng.choice(["song", "fang"])
    title = rng.choice([f"{s.name}呈批件", f"{s.name}请示审批笺", f"{s.name}公文处理笺"])
    tpt = min(22.0, (W - 10) / (len(title) * 0.3528))
    red = rng.random() < 0.6
    p.text(105, 32, title, rng.choice(["songb", "heib"]), tpt, fill=RED if red else (20, 20, 20), anchor="ms")
    p.text(R, 42, f"编号：2024-{rng.randint(11, 96):03d}", face, 10.5, anchor="rs")
    y = 45.0
    lw = 34.0
    rows = [("呈报部门", None), ("标    题", "关于申请调整2024年1+X证书申报信息的请示")]
    p.grid(L, y, [lw, 58, 30, W - lw - 88], [["呈报部门", "教务处", "呈报日期", date_text(plan.doc_date, "num")]],
           face, 11.5, heights=[12])
    y += 12
    p.grid(L, y, [lw, W - lw], [["标    题", rows[1][1]]], face, 11.5, heights=[13], aligns="cl")
    y += 13
    items = []
    for i, c in enumerate(plan.changes, 1):
        items.append(f"{i}．{prose_change(c, rng, lead=False)}。")
    lines = []
    for it in [f"我{we(plan)}2024年1+X证书申报拟作如下调整："] + items:
        lines += p.wrap(it, face, 11.5, W - lw - 8)
    h = max(44.0, 8 + len(lines) * 6.8)
    p.grid(L, y, [lw, W - lw], [["", ""]], face, 11.5, heights=[h])
    p.cell_text(L, y, L + lw, y + h, "内容摘要", face, 11.5)
    yy = y + 9
    for ln in lines:
        p.text(L + lw + 4, yy, ln, face, 11.5)
        yy += 6.8
    y += h
    dept_label, leader_label = labels(plan, rng)
    for b, label in ((plan.dept, dept_label), (plan.leader, leader_label)):
        ink = pen(rng)
        h = rng.uniform(40, 48)
        p.grid(L, y, [lw, W - lw], [["", ""]], face, 11.5, heights=[h])
        p.cell_text(L, y, L + lw, y + h, label, face, 11.5)
        x0, base = L + lw + rng.uniform(8, 25), y + rng.uniform(16, 22)
        if b.sign == "typed":           # pre-typed by the clerk: opinion and name printed, nobody signed
            if b.opinion:
                p.text(x0, base, b.opinion, face, 12.5)
            p.text(x0 + 50, base + 14, b.name, face, 12.5)
            p.text(R - 4, y + h - 5, date_text(b.date, "num"), face, 12, anchor="rs")
        else:
            end = opinion(p, x0, base, b, rng, ink, rng.uniform(8.5, 11))
            if rng.random() < 0.5 or b.opinion is None:
                nx, ny = end + rng.uniform(4, 10), base
            else:
                nx, ny = x0 + rng.uniform(30, 60), base + rng.uniform(13, 17)
            end = sign(p, nx, ny, b, rng, ink, face, 12, rng.uniform(9, 12))
            if b.sign != "none" or b.opinion:
                hand(p, min(end + 4, R - 22), ny + (0 if rng.random() < 0.5 else 11), date_text(b.date, "short"),
                     6.5, ink, rng)
        y += h
    p.text(R - 4, y + 14, "（单位盖章）", face, 11.5, anchor="rs")
    unit_seal(p, plan, R - 30 + rng.uniform(-6, 6), y + rng.uniform(4, 12), rng)
    p.text(L, y + 24, f"联系人：{plan.contact}    电话：{plan.phone}", face, 10.5)
    return [p]


# -- 7. a 申请表 in sections by kind of change (一、考核等级 二、考核专业 三、人数规模), empty ones "无" -----------------
def render_sections(plan: Plan, rng: random.Random, dpi: int = 200) -> list[Page]:
    s = plan.school
    p = Page(210, 297, dpi)
    L, R = 22.0, 188.0
    W = R - L
    face, pt = rng.choice(["song", "fang", "hei"]), 12
    y = 30.0
    p.text(105, y, "2024年1+X证书试点申报调整申请表", rng.choice(["heib", "songb"]), 17, anchor="ms")
    y += 12
    p.text(L, y, f"单位名称：{s.name}", face, pt)
    p.text(R, y, f"填表日期：{date_text(plan.doc_date, 'num')}", face, pt, anchor="rs")
    y += 10
    sections = [("level", "一、考核等级调整", ["证书名称", "原考核等级", "调整后考核等级"], [60, 25, 25]),
                ("major", "二、考核专业调整", ["证书名称", "等级", "原考核专业", "调整后考核专业"], [50, 14, 28, 28]),
                ("headcount", "三、人数规模调整", ["证书名称", "等级", "原申报人数", "调整后人数", "可参与专业在校生数"],
                 [48, 12, 20, 20, 24])]
    unit = rng.random() < 0.4
    for fld, head, cols, ws in sections:
        p.text(L, y, head, "heib", 13)
        y += 4
        mine = [c for c in plan.changes if c.field == fld]
        if not mine:
            p.text(L + 8, y + 5, rng.choice(["无。", "无", "（无）"]), face, pt)
            y += 13
            continue
        rows = [cols]
        for c in mine:
            name = official(c.certificate) if rng.random() < 0.5 else c.certificate
            if fld == "level":
                rows.append([name, c.old, c.new])
            elif fld == "major":
                rows.append([name, c.level, c.old, c.new])
            else:
                d = next((d for d in s.declarations if d.app_id == c.app_id), None)
                enrol = str(d.enrolment) if d else ""
                rows.append([name, c.level, value(c, c.old, "人" if unit else ""), value(c, c.new, "人" if unit else ""),
                             enrol])
        y = p.grid(L, y, fit(ws, W), rows, face, 11, heights=[11] + [12] * len(mine), head_face="heib") + 9
    y += 2
    dept_label, leader_label = labels(plan, rng)
    ink = pen(rng)
    for b, label, who in ((plan.dept, dept_label, "负责人（签字）："), (plan.leader, leader_label, "分管校领导（签字）：")):
        h = 42.0
        p.grid(L, y, [W], [[""]], face, pt, heights=[h])
        p.text(L + 2, y + 7, label + "：", face, pt)
        opinion(p, L + rng.uniform(15, 40), y + 17, b, rng, ink, rng.uniform(6.5, 8))
        x = p.text(L + W * rng.uniform(0.3, 0.45), y + h - 13, who, face, pt)
        sign(p, x + 1, y + h - 13, b, rng, ink, face, pt, 8)
        a_date(p, R - 3, y + h - 3.5, b.date, rng, ink, face, pt - 1, anchor="rs")
        y += h
    y += 12
    p.text(R - 10, y, "单位（公章）", face, pt, anchor="rs")
    unit_seal(p, plan, R - 28 + rng.uniform(-5, 5), y - 2 + rng.uniform(-3, 3), rng)
    return [p]


# -- 8. a form whose 调整内容 is one cell (由80人调整为100人, 初级→中级); 黑体 headings, a department seal beside ------
def render_arrow(plan: Plan, rng: random.Random, dpi: int = 200) -> list[Page]:
    s = plan.school
    p = Page(210, 297, dpi)
    L, R = 18.0, 192.0
    W = R - L
    face = rng.choice(["song", "fang"])
    y = 28.0
    p.text(105, y, "江苏省1+X证书制度试点", "heib", 14, anchor="ms")
    y += 10
    p.text(105, y, "2024年证书申报调整审批表", "heib", 20, anchor="ms")
    y += 8
    p.grid(L, y, fit([22, 62, 18, 26, 20, 26], W),
           [["单位名称", s.name, "联系人", plan.contact, "联系电话", plan.phone]], face, 10.5, heights=[12])
    y += 12
    p.grid(L, y, [W], [["调 整 事 项"]], "heib", 12, heights=[10])
    y += 10
    rows = [["序号", "证书名称", "等级", "调整类型", "调整内容", "调整原因"]]
    for i, c in enumerate(plan.changes, 1):
        style = rng.choice(["由", "arrow", "arrow_sp"])
        old, new = value(c, c.old, "人"), value(c, c.new, "人")
        content = f"由{old}调整为{new}" if style == "由" else f"{old}→{new}" if style == "arrow" else f"{old} → {new}"
        rows.append([str(i), cert_cell(c, rng, False), c.level, {"headcount": "人数规模", "level": "考核等级",
                                                                 "major": "考核专业"}[c.field], content, reason(c, rng)])
    y = p.grid(L, y, fit([8, 44, 10, 15, 40, 25], W), rows, face, 10.5,
               heights=[10] + [15] * len(plan.changes), head_face="heib")
    dept_label, leader_label = labels(plan, rng)
    lw = 26.0
    for k, (b, label) in enumerate(((plan.dept, dept_label), (plan.leader, leader_label))):
        ink = pen(rng)
        h = 44.0
        p.grid(L, y, [lw, W - lw], [["", ""]], face, 10.5, heights=[h])
        p.cell_text(L, y, L + lw, y + h, label, "heib", 11)
        opinion(p, L + lw + rng.uniform(6, 20), y + 14, b, rng, ink, rng.uniform(7, 9),
                typed=(face, 12) if rng.random() < 0.25 else None)
        x = p.text(L + lw + 60, y + h - 13, "签字：", face, 11)
        sign(p, x + 1, y + h - 13, b, rng, ink, face, 11, 8.5)
        a_date(p, R - 3, y + h - 4, b.date, rng, ink, face, 11, anchor="rs")
        if k == 0 and "盖章" in label and plan.seal == "own" and rng.random() < 0.7:
            seal(p, R - 34, y + h / 2, s.name, rng, bottom="教务处", diameter=40, strength=rng.uniform(0.6, 0.85))
        y += h
    h = 40.0
    p.grid(L, y, [lw, W - lw], [["", ""]], face, 10.5, heights=[h])
    p.cell_text(L, y, L + lw, y + h, "学校（盖章）", "heib", 11)
    p.text(R - 5, y + h - 5, date_text(plan.doc_date, rng.choice(["num", "cn"])), face, 11, anchor="rs")
    faint = rng.random() < 0.4
    unit_seal(p, plan, L + lw + (W - lw) * 0.6, y + h / 2, rng, strength=rng.uniform(0.35, 0.5) if faint else None)
    plan.extra["faint_seal"] = faint and plan.seal != "none"
    return [p]


RENDER = {"gongwen_redhead": render_gongwen, "three_line_table": render_three_line, "excel_pasted": render_excel,
          "prose_shuoming": render_prose, "copier_bw": render_copier, "chengpi_slip": render_chengpi,
          "zip_sections": render_sections, "arrow_cell_form": render_arrow}


def build(plan: Plan, rng: random.Random) -> tuple[list[tuple[str, bytes, str]], str]:
    """Render the plan's family and capture it the way that office does; (attachments, capture)."""
    fam = plan.family
    d = plan.doc_date
    stamp = f"2024{d.month:02d}{d.day:02d}{rng.randint(8, 17):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
    pages = [pg.img for pg in RENDER[fam](plan, rng, 200)]
    if fam == "gongwen_redhead":
        scans = [cap.scan(im, rng, rng.choice([-1, 1]) * rng.uniform(0.1, 0.6), tone=rng.randint(240, 252)) for im in pages]
        name = rng.choice(["关于申请调整2024年度1+X证书试点申报信息的请示.pdf", f"{plan.school.name}请示（盖章扫描件）.pdf",
                           f"scan{stamp}.pdf"])
        return [(name, cap.pdf(scans, 200, rng.randint(70, 85)), "application/pdf")], "colour scan 200dpi pdf 2 pages"
    if fam == "three_line_table":
        tilt = rng.choice([-1, 1]) * rng.uniform(0.5, 2.0)
        im = cap.scan(pages[0], rng, tilt, tone=rng.randint(238, 250))
        return [(rng.choice([f"{plan.school.name}证书申报调整申请.jpg", f"IMG{stamp}.jpg", "调整申请.jpg"]),
                 cap.jpeg(im, rng.randint(80, 92), 200), "image/jpeg")], f"colour scan 200dpi tilt {tilt:.1f} jpeg"
    if fam == "excel_pasted":
        out_dpi = rng.choice([150, 200])
        im = cap.scan(pages[0], rng, rng.uniform(-0.4, 0.4), grey=True, tone=rng.randint(225, 245),
                      out_scale=out_dpi / 200)
        if rng.random() < 0.5:
            return [(f"申报调整申请{stamp[4:8]}.png", cap.png(im, out_dpi), "image/png")], f"grey scan {out_dpi}dpi png"
        return [(f"申报调整申请{stamp[4:8]}.pdf", cap.pdf([im], out_dpi), "application/pdf")], f"grey scan {out_dpi}dpi pdf"
    if fam == "prose_shuoming":
        grey = rng.random() < 0.35
        im = cap.punch_and_staple(cap.scan(pages[0], rng, rng.uniform(-0.7, 0.7), tone=rng.randint(236, 250)), rng, 200)
        if grey:
            im = im.convert("L")
        return [(rng.choice(["调整申请（盖章）.pdf", f"DOC{stamp}.pdf", "证书调整申请书.pdf"]), cap.pdf([im], 200),
                 "application/pdf")], f"{'grey' if grey else 'colour'} scan 200dpi punched+stapled pdf"
    if fam == "copier_bw":
        dpi = rng.choice([200, 300])
        bw = [cap.copier_bw(im if dpi == 200 else im.resize((im.width * 3 // 2, im.height * 3 // 2)), rng,
                            rng.randint(150, 185)) for im in pages]
        name = rng.choice([f"SKM_C300i{stamp[2:]}.pdf", f"Doc_{stamp}.pdf", f"扫描件_{stamp[:8]}.pdf",
                           f"KM_{stamp[2:]}.pdf"])
        return [(name, cap.pdf(bw, dpi), "application/pdf")], f"copier 1-bit {dpi}dpi pdf 2 pages"
    if fam == "chengpi_slip":
        mp = rng.choice([3.0, 5.0, 8.0, 12.0])
        shot = cap.desk_photo(pages[0], rng, mp)
        if rng.random() < 0.5:
            stored, exif, orient = cap.exif_rotated(shot, rng)
            return [(f"IMG_{stamp[:8]}_{stamp[8:]}.jpg", cap.jpeg(stored, rng.randint(82, 92), None, exif), "image/jpeg")], \
                f"desk photo {mp:g}MP jpeg exif-orientation {orient}"
        return [(f"mmexport{1709800000000 + rng.randint(0, 10 ** 9)}.jpg", cap.jpeg(shot, rng.randint(75, 88)),
                 "image/jpeg")], f"desk photo {mp:g}MP jpeg (wechat)"
    if fam == "zip_sections":
        im = cap.app_enhance(pages[0], rng, rng.uniform(-1.0, 1.0))
        gbk = rng.random() < 0.6
        folder = rng.choice(["", "调整申请/", f"{plan.school.name}/"])
        member = folder + rng.choice(["申报调整申请表.jpg", "1.jpg", f"扫描全能王 {stamp[:8]}.jpg"])
        data = cap.zip_bytes([(member, cap.jpeg(im, rng.randint(72, 88), 200))], gbk)
        return [(rng.choice([f"{plan.school.name}证书申报调整申请.zip", "调整申请.zip", "新建压缩文件.zip"]), data,
                 rng.choice(["application/zip", "application/x-zip-compressed", "application/octet-stream"]))], \
            f"scanner-app enhanced jpeg in zip ({'gbk' if gbk else 'utf-8'} names)"
    if fam == "arrow_cell_form":
        if rng.random() < 0.6:
            im = cap.scan(pages[0].resize((pages[0].width * 3 // 2, pages[0].height * 3 // 2), Image.LANCZOS), rng,
                          rng.uniform(-0.3, 0.3), grey=True, tone=rng.randint(232, 248))
            return [(f"审批表{stamp[4:8]}.jpg", cap.jpeg(im, rng.randint(80, 90), 300), "image/jpeg")], \
                "grey scan 300dpi jpeg" + (" faint seal" if plan.extra.get("faint_seal") else "")
        im = cap.scan(pages[0], rng, rng.uniform(-0.3, 0.3), tone=rng.randint(240, 252))
        return [(f"审批表{stamp[4:8]}.pdf", cap.pdf([im], 200), "application/pdf")], \
            "colour scan 200dpi pdf" + (" faint seal" if plan.extra.get("faint_seal") else "")
    raise ValueError(fam)
