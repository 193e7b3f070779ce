"""The six families: what the paper looks like (render) and how it was captured (capture).

Each family returns a list of attachments (filename, bytes, MIME type) and a capture description.
"""

from __future__ import annotations

import datetime as dt
import random

from tests.realgen import capture as cap
from tests.realgen.draw import BODY_FACES, Page, date_text, hand, name_stamp, seal, sign, typed_name
from tests.realgen.plan import Block, Plan
from tests.realgen.wording import FIELD_LABELS, REASONS, cert_name, intro, prose_item, split_two, values

DEPT_GZ = ["教务处意见", "教务处（1+X试点管理部门）意见", "1+X证书试点管理部门（教务处）意见", "教务处审核意见",
           "证书试点管理部门意见"]
LEADER_GZ = ["分管院长意见", "院领导意见", "主管院长审批", "分管院领导审批意见", "分管校领导意见"]
DEPT_ZZ = ["证书试点管理部门意见", "学校证书试点管理部门意见", "教务处（证书试点管理部门）意见", "试点管理部门审核意见",
           "教务处意见"]
LEADER_ZZ = ["校级分管领导意见", "分管校领导意见", "分管校长意见", "校领导审批意见", "学校分管领导意见"]
OFFICE = ["江苏省职业院校1+X证书制度试点工作办公室：", "省1+X证书制度试点工作办公室：", "省1+X办：",
          "江苏省1+X证书制度试点工作办公室："]


def labels(plan: Plan, rng: random.Random) -> tuple[str, str]:
    if plan.school.gaozhi:
        return rng.choice(DEPT_GZ), rng.choice(LEADER_GZ)
    return rng.choice(DEPT_ZZ), rng.choice(LEADER_ZZ)


def we(plan: Plan) -> str:
    return "院" if plan.school.name.endswith("学院") else "校"


def unit_seal(page: Page, plan: Plan, cx: float, cy: float, rng: random.Random) -> None:
    if plan.seal == "none":
        return
    seal(page, cx, cy, plan.seal_unit, rng, oval=rng.random() < 0.15)


def change_rows(plan: Plan, rng: random.Random, style: str) -> list[list[str]]:
    """Table rows: A = 序号|证书名称|调整事项|原申报内容|调整后内容|调整原因; B = 序号|证书名称|等级|调整类型|调整前|调整后|备注."""
    unit = rng.random() < 0.6
    if style == "A":
        rows = [["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"]]
        for i, c in enumerate(plan.changes, 1):
            old, new = values(c, rng, unit)
            rows.append([str(i), cert_name(c, rng, with_level=c.field != "level" and rng.random() < 0.6, quotes=False),
                         rng.choice(FIELD_LABELS[c.field]), old, new, rng.choice(REASONS[c.field])])
        return rows
    rows = [["序号", "证书名称", rng.choice(["等级", "证书等级", "申报等级"]), "调整类型", "调整前", "调整后",
             rng.choice(["备注", "调整原因"])]]
    for i, c in enumerate(plan.changes, 1):
        old, new = values(c, rng, unit)
        rows.append([str(i), cert_name(c, rng, with_level=False, quotes=False), c.level,
                     rng.choice(FIELD_LABELS[c.field]), old, new, rng.choice(REASONS[c.field] + [""])])
    return rows


def widths_for(style: str, W: float) -> list[float]:
    ratios = [0.07, 0.27, 0.13, 0.17, 0.17, 0.19] if style == "A" else [0.07, 0.25, 0.09, 0.12, 0.16, 0.16, 0.15]
    return [r * W for r in ratios]


def write_opinion(page: Page, x: float, y: float, b: Block, rng: random.Random, handwritten: bool, face: str,
                  pt: float, ink: str, h_mm: float) -> float:
    if b.opinion is None:
        return x
    if handwritten:
        return hand(page, x, y, b.opinion, h_mm, ink, rng)
    return page.text(x, y, b.opinion, face, pt)


# ------------------------------------------------------------------------------------------------
# 1. 高职 wording: 教务处（1+X试点管理部门）意见 / 分管院长意见, 审核人/审批人 chains, 签名 on the opinion's line
def render_gaozhi(plan: Plan, rng: random.Random, dpi: int = 200) -> list:
    p = Page(210, 297, dpi)
    face, pt = rng.choice(BODY_FACES), rng.choice([11, 12, 12, 13])
    L = rng.uniform(22, 30)
    R = 210 - rng.uniform(20, 27)
    W = R - L
    y = rng.uniform(28, 38)
    tface = rng.choice(["songb", "heib", "songb"])
    if rng.random() < 0.5:
        p.text(105, y, plan.school.name, tface, 17, anchor="ms")
        y += 10
        p.text(105, y, "2024年1+X证书申报调整申请", tface, 17, anchor="ms")
    else:
        p.text(105, y, "关于调整2024年1+X证书试点申报内容的申请", tface, 16, anchor="ms")
    y += 14
    p.text(L, y, rng.choice(OFFICE), face, pt)
    y += 9
    y = p.para(L, y, intro(plan, rng, we(plan)), face, pt, W)
    style = rng.choice(["A", "B"])
    y = p.table(L, y - 2, widths_for(style, W), change_rows(plan, rng, style), face, pt - 1.5,
                head_face=rng.choice(["heib", None]))
    y += 10
    p.text(L, y, f"经办人：{plan.contact}    联系电话：{plan.phone}", face, pt - 1)
    y += 12
    sx = R - rng.uniform(70, 85)
    p.text(sx, y, f"申请单位（盖章）：{plan.school.name}" if rng.random() < 0.5 else plan.school.name, face, pt)
    y += 8
    p.text(sx + 20, y, date_text(plan.doc_date, rng.choice(["num", "num", "cn"])), face, pt)
    unit_seal(p, plan, sx + rng.uniform(25, 45), y - rng.uniform(4, 10), rng)
    y += 16
    dept_label, leader_label = labels(plan, rng)
    variant = rng.choice(["line", "chain", "chain"])
    ink = rng.choice(["blue", "black", "blueblack"])
    hw = rng.random() < 0.5
    for b, label, who in ((plan.dept, dept_label, "审核人"), (plan.leader, leader_label, "审批人")):
        lab = label + "："
        if variant == "line":
            x = p.text(L, y, lab, face, pt)
            x = write_opinion(p, x + 2, y, b, rng, hw, face, pt, ink, 6.0)
            x = max(x + 6, L + W * 0.55)
            x = p.text(x, y, rng.choice(["签名：", "（签章）", "签字："]), face, pt)
            sign(p, x + 1, y, b.sign, b.name, rng, ink, 7.5, pt)
            y += 10
            p.text(R - 40, y, date_text(b.date, "num"), face, pt)
            y += 16
        else:
            x = p.text(L, y, lab, face, pt)
            write_opinion(p, x + 2, y, b, rng, hw, face, pt, ink, 6.5)
            y += 14
            x = p.text(L + W * 0.42, y, f"{who}（{rng.choice(['签名', '签字', '签章'])}）：", face, pt)
            end = sign(p, x + 1, y, b.sign, b.name, rng, ink, 7.5, pt)
            if end < R - 42:
                p.text(R - 38, y, date_text(b.date, "num"), face, pt)
            else:                                   # a long signature pushes the date to the next line
                y += 9
                p.text(R - 5, y, date_text(b.date, "num"), face, pt, anchor="rs")
            y += 18
    return [p]


# ------------------------------------------------------------------------------------------------
# 2. one landscape WPS page: the change table on top, two opinion cells side by side below it
def render_wps(plan: Plan, rng: random.Random, dpi: int = 200) -> list:
    p = Page(297, 210, dpi)
    face, pt = rng.choice(BODY_FACES), rng.choice([10.5, 11, 12])
    L = rng.uniform(15, 22)
    R = 297 - rng.uniform(15, 22)
    W = R - L
    y = rng.uniform(20, 26)
    p.text(148, y, f"{plan.school.name}2024年1+X证书试点申报调整申请表", rng.choice(["heib", "songb"]), 16,
           anchor="ms")
    y += 10
    p.text(L, y, f"申请单位（盖章）：{plan.school.name}", face, pt)
    p.text(R, y, f"填报日期：{date_text(plan.doc_date, 'num')}", face, pt, anchor="rs")
    y += 3
    rows = [["序号", "证书名称", "等级", "专业名称", "调整事项", "调整前", "调整后", "调整原因"]]
    unit = rng.random() < 0.5
    for i, c in enumerate(plan.changes, 1):
        old, new = values(c, rng, unit)
        decl = next((d for d in plan.school.declarations if d.app_id == c.app_id), None)
        major = decl.major if decl else plan.school.options(c.certificate)[0][0]
        rows.append([str(i), cert_name(c, rng, with_level=False, quotes=False), c.level, major,
                     rng.choice(FIELD_LABELS[c.field]), old, new, rng.choice(REASONS[c.field])])
    ratios = [0.05, 0.2, 0.07, 0.14, 0.1, 0.14, 0.14, 0.16]
    top = y
    y = p.table(L, y, [r * W for r in ratios], rows, face, pt, heights=[9] + [11] * len(plan.changes),
                head_face="heib" if rng.random() < 0.6 else None)
    h = rng.uniform(48, 58)
    half = L + W / 2
    for xx in (L, half, R):
        p.line(xx, y, xx, y + h, 0.3)
    p.line(L, y + h, R, y + h, 0.3)
    dept_label, leader_label = labels(plan, rng)
    ink = rng.choice(["blue", "black", "blueblack"])
    hw = rng.random() < 0.65
    for b, label, x0, who in ((plan.dept, dept_label, L, "负责人签字："), (plan.leader, leader_label, half,
                                                                        rng.choice(["分管领导签字：", "签字："]))):
        p.text(x0 + 3, y + 7, label + "：", face, pt)
        write_opinion(p, x0 + rng.uniform(12, 30), y + rng.uniform(20, 26), b, rng, hw, face, pt + 1, ink, 7.5)
        x = p.text(x0 + 8, y + h - 13, who, face, pt)
        sign(p, x + 1, y + h - 13, b.sign, b.name, rng, ink, 7.5, pt)
        p.text(x0 + W / 2 - 6, y + h - 5, date_text(b.date, "num"), face, pt, anchor="rs")
    unit_seal(p, plan, L + W * rng.uniform(0.86, 0.92), y + rng.uniform(-4, 6), rng)
    p.text(148, 203, "第 1 页，共 1 页", "song", 9, anchor="ms")
    del top
    return [p]


# ------------------------------------------------------------------------------------------------
# 3. a letter whose changes are a list in free words; approvals in header-row boxes under the letter
BULLETS = [lambda i: f"{i}．", lambda i: f"（{'一二三四五'[i - 1]}）", lambda i: "●", lambda i: "■",
           lambda i: f"{i})", lambda i: "—"]


def render_prose(plan: Plan, rng: random.Random, dpi: int = 200) -> list:
    p = Page(210, 297, dpi)
    face, pt = rng.choice(BODY_FACES), rng.choice([11.5, 12, 13])
    L = rng.uniform(24, 30)
    R = 210 - rng.uniform(22, 28)
    W = R - L
    y = rng.uniform(28, 36)
    p.text(105, y, rng.choice(["关于申请调整2024年1+X证书试点申报信息的报告", "2024年1+X证书申报调整申请",
                               f"{plan.school.name}关于1+X证书申报调整的申请"]),
           rng.choice(["songb", "heib"]), rng.choice([15, 16]), anchor="ms")
    y += 14
    p.text(L, y, rng.choice(OFFICE), face, pt)
    y += 9
    opening = intro(plan, rng, we(plan))
    y = p.para(L, y, opening, face, pt, W)
    bullet = rng.choice(BULLETS)
    for i, c in enumerate(plan.changes, 1):
        item = bullet(i) + prose_item(c, rng) + ("；" if i < len(plan.changes) else "。")
        y = p.para(L + 7, y, item, face, pt, W - 7, indent=False)
    if rng.random() < 0.4:
        y = p.para(L, y, "上述调整事项已经学校研究同意。" if plan.defect == "exceeds" else
                   "上述调整事项已经学校研究同意，调整后的试点人数均未超过相应专业在校生数。", face, pt, W)
    if "特此申请" not in opening:
        y = p.para(L, y, "特此申请。", face, pt, W)
    y += 6
    p.text(R - 8, y, plan.school.name, face, pt, anchor="rs")
    y += 8
    p.text(R - 12, y, date_text(plan.doc_date, rng.choice(["num", "cn"])), face, pt, anchor="rs")
    unit_seal(p, plan, R - rng.uniform(28, 40), y - rng.uniform(5, 10), rng)
    y += 10
    dept_label, leader_label = labels(plan, rng)
    ink = rng.choice(["blue", "black", "blueblack", "redbrown"])
    hw = rng.random() < 0.6
    for b, label in ((plan.dept, dept_label), (plan.leader, leader_label)):
        head = 8.5
        body = rng.uniform(26, 32)
        p.line(L, y, R, y, 0.3)
        p.text(L + 2, y + 6, label, "heib" if rng.random() < 0.5 else face, pt)
        p.line(L, y + head, R, y + head, 0.3)
        write_opinion(p, L + rng.uniform(6, 20), y + head + 10, b, rng, hw, face, pt, ink, 6.5)
        x = p.text(L + W * rng.uniform(0.25, 0.35), y + head + body - 5, rng.choice(["签字：", "负责人签字：", "签名："]),
                   face, pt)
        sign(p, x + 1, y + head + body - 5, b.sign, b.name, rng, ink, 7.0, pt)
        p.text(R - 3, y + head + body - 5, date_text(b.date, "num"), face, pt, anchor="rs")
        for xx in (L, R):
            p.line(xx, y, xx, y + head + body, 0.3)
        y += head + body
        p.line(L, y, R, y, 0.3)
    return [p]


# ------------------------------------------------------------------------------------------------
# 4. two pages: the request and its table, then a page with only the approvals and the seal
def render_two_page(plan: Plan, rng: random.Random, dpi: int = 200) -> list:
    face, pt = rng.choice(BODY_FACES), rng.choice([11, 12, 12.5])
    L = rng.uniform(22, 30)
    R = 210 - rng.uniform(20, 27)
    W = R - L
    p1 = Page(210, 297, dpi)
    y = rng.uniform(30, 40)
    p1.text(105, y, "2024年1+X证书申报调整申请", rng.choice(["songb", "heib"]), 17, anchor="ms")
    y += 14
    p1.text(L, y, f"申请单位：{plan.school.name}", face, pt)
    y += 10
    p1.text(L, y, rng.choice(OFFICE), face, pt)
    y += 9
    y = p1.para(L, y, intro(plan, rng, we(plan)), face, pt, W)
    style = rng.choice(["A", "B"])
    y = p1.table(L, y - 2, widths_for(style, W), change_rows(plan, rng, style), face, pt - 1.5)
    y += 10
    p1.text(L, y, f"联系人：{plan.contact}    联系电话：{plan.phone}", face, pt)
    y += 9
    p1.text(L, y, "附：审批意见（见第2页）", face, pt)
    p2 = Page(210, 297, dpi)
    y = rng.uniform(35, 45)
    p2.text(105, y, rng.choice(["审批意见", f"{plan.school.name}1+X证书申报调整审批意见"]), rng.choice(["songb", "heib"]),
            15, anchor="ms")
    y += 22
    dept_label, leader_label = labels(plan, rng)
    ink = rng.choice(["blue", "black", "blueblack"])
    hw = rng.random() < 0.6
    for b, label, who in ((plan.dept, dept_label, "负责人（签字）："), (plan.leader, leader_label, "分管领导（签字）：")):
        p2.text(L, y, label + "：", rng.choice(["heib", face]), pt + 1)
        y += 14
        write_opinion(p2, L + 14, y, b, rng, hw, face, pt + 1, ink, 7.0)
        y += 22
        x = p2.text(L + W * 0.4, y, who, face, pt)
        sign(p2, x + 1, y, b.sign, b.name, rng, ink, 8.0, pt)
        y += 11
        p2.text(R - 5, y, date_text(b.date, rng.choice(["num", "cn"])), face, pt, anchor="rs")
        y += 24
    y += 6
    p2.text(R - 8, y, f"{plan.school.name}（公章）", face, pt, anchor="rs")
    y += 9
    p2.text(R - 12, y, date_text(plan.doc_date, "num"), face, pt, anchor="rs")
    unit_seal(p2, plan, R - rng.uniform(30, 45), y - rng.uniform(5, 10), rng)
    return [p1, p2]


# ------------------------------------------------------------------------------------------------
# 5. handwriting: opinions written large over two lines, signatures over labels and the seal
def render_handwriting(plan: Plan, rng: random.Random, dpi: int = 200) -> list:
    p = Page(210, 297, dpi)
    face, pt = rng.choice(BODY_FACES), rng.choice([11, 11.5, 12])
    L = rng.uniform(18, 26)
    R = 210 - rng.uniform(18, 24)
    W = R - L
    y = rng.uniform(24, 32)
    p.text(105, y, "2024年1+X证书试点申报调整申请表", rng.choice(["songb", "heib", "kai"]), 17, anchor="ms")
    y += 8
    info = [["申请单位", plan.school.name, "联系人", plan.contact, "联系电话", plan.phone]]
    y = p.table(L, y, [W * r for r in (0.13, 0.33, 0.11, 0.12, 0.13, 0.18)], info, face, pt, heights=[11])
    style = rng.choice(["A", "B"])
    y = p.table(L, y, widths_for(style, W), change_rows(plan, rng, style), face, pt - 1)
    dept_label, leader_label = labels(plan, rng)
    inks = [rng.choice(["blue", "black", "blueblack", "redbrown"])]
    inks.append(inks[0] if rng.random() < 0.5 else rng.choice(["blue", "black", "blueblack", "redbrown"]))
    cell_h = min(62.0, (297 - 18 - y) / 2)
    for k, (b, label, who) in enumerate(((plan.dept, dept_label, "负责人签字："),
                                         (plan.leader, leader_label, rng.choice(["签字：", "分管领导签字："])))):
        ink = inks[k]
        top = y
        p.text(L + 3, y + 7, label + "：", face, pt)
        if b.opinion is not None:
            one, two = split_two(b.opinion) if rng.random() < 0.75 else (b.opinion, "")
            hh = rng.uniform(8.5, 11.5)
            hand(p, L + rng.uniform(20, 40), y + 20, one, hh, ink, rng)
            if two:
                hand(p, L + rng.uniform(15, 35), y + 20 + hh * 1.45, two, hh, ink, rng)
        by = top + cell_h - 8
        lx = R - rng.uniform(85, 100)
        x = p.text(lx, by - 8, who, face, pt)
        if k == 1:   # the seal under the leader's signature; a 名章 is never swallowed whole by it
            away = rng.uniform(18, 24) if b.sign in ("stamp", "stamp_hand") else rng.uniform(35, 55)
            unit_seal(p, plan, R - away, by - rng.uniform(10, 16), rng)
        if b.sign in ("hand", "stamp_hand"):
            over = rng.uniform(-6, 0)       # the pen often starts on the printed label
            sign(p, x + over, by - 8 - rng.uniform(0, 3), b.sign, b.name, rng, ink, rng.uniform(9, 12), pt)
        elif b.sign == "stamp":
            name_stamp(p, x + 1, by - 10, b.name, rng)
        elif b.sign == "typed":
            typed_name(p, x + 1, by - 8, b.name, rng, pt + rng.choice([0, 1, 2]))
        ds = rng.choice(["cn", "cn", "num_hand", "print"])
        if ds == "cn":
            hand(p, R - 62, by + 1, date_text(b.date, "cn"), 5.2, ink, rng)
        elif ds == "num_hand":
            hand(p, R - 45, by + 1, date_text(b.date, "dot"), 5.5, ink, rng)
        else:
            p.text(R - 4, by, date_text(b.date, "num"), face, pt, anchor="rs")
        y = top + cell_h
        p.line(L, top, L, y, 0.3)
        p.line(R, top, R, y, 0.3)
        p.line(L, y, R, y, 0.3)
    return [p]


RENDER = {"gaozhi_chain": render_gaozhi, "wps_landscape": render_wps, "prose_list": render_prose,
          "two_page_scan": render_two_page, "handwriting": render_handwriting}
FAMILIES = ["gaozhi_chain", "wps_landscape", "prose_list", "two_page_scan", "handwriting", "phone_photo"]


def _scan_name(rng: random.Random, ext: str) -> str:
    return rng.choice([f"2024年证书申报调整申请.{ext}", f"调整申请扫描件.{ext}", f"1+X证书申报调整申请.{ext}",
                       f"扫描全能王 2024-03-0{rng.randint(1, 9)} {rng.randint(10, 23)}.{rng.randint(10, 59)}.{ext}",
                       f"IMG_{rng.randint(1000, 9999)}.{ext}", f"Scan_{rng.randint(100, 999)}.{ext}"])


def build(plan: Plan, rng: random.Random) -> tuple[list[tuple[str, bytes, str]], str]:
    """Render and capture the plan's family; (attachments, capture description)."""
    fam = plan.family
    when = dt.datetime.combine(plan.doc_date, dt.time(9 + rng.randint(0, 8), rng.randint(0, 59)))
    if fam == "phone_photo":
        base = rng.choice(["gaozhi_chain" if plan.school.gaozhi else "prose_list", "prose_list", "handwriting"])
        pages = RENDER[base](plan, rng, 220)
        mp = rng.choice([2.0, 3.0, 5.0, 8.0, 12.0])
        shot = cap.photo(pages[0].img, rng, mp)
        how = rng.choice(["jpeg", "jpeg", "jpeg", "png", "app_pdf"])
        if how == "png" and mp > 5:
            how = "jpeg"
        if how == "jpeg":
            return [(f"IMG_2024030{rng.randint(1, 9)}_{rng.randint(100000, 235959)}.jpg",
                     cap.jpeg(shot, rng.randint(78, 92)), "image/jpeg")], f"photo {mp:g}MP jpeg of {base}"
        if how == "png":
            return [(f"微信图片_{rng.randint(10 ** 13, 10 ** 14 - 1)}.png", cap.png(shot), "image/png")], \
                f"photo {mp:g}MP png of {base}"
        small = shot.resize((int(shot.width * 1240 / max(shot.size)), int(shot.height * 1240 / max(shot.size))))
        # the app's grey mode: paper lifted, mid tones (a red seal) kept mid-grey rather than washed out
        grey = small.convert("L").point(lambda v: min(255, int(255 * (v / 255) ** 1.3 * 1.08)))
        return [(_scan_name(rng, "pdf"), cap.pdf([grey], 150, when, 75, "CamScanner"), "application/pdf")], \
            f"photo {mp:g}MP in app pdf 150dpi grey of {base}"
    dpi = 200
    pages = [pg.img for pg in RENDER[fam](plan, rng, dpi)]
    grey = rng.random() < 0.4
    out_dpi = rng.choice([150, 200, 200, 300]) if fam != "wps_landscape" else rng.choice([150, 200])
    if fam == "two_page_scan":
        tone = rng.randint(196, 228)
        tilt = rng.randrange(2)
        scans = []
        for i, im in enumerate(pages):
            rot = rng.choice([-1, 1]) * rng.uniform(1.0, 3.0) if i == tilt else rng.uniform(-0.3, 0.3)
            scans.append(cap.scan(im, rng, dpi, out_dpi, grey, tone, rot, border=rng.choice([0, 0, 18, 30])))
        reverse = rng.random() < 0.35
        if reverse:
            scans.reverse()
        desc = f"cheap scan {out_dpi}dpi {'grey' if grey else 'colour'} tone {tone} tilt p{tilt + 1}" \
               f"{' reversed' if reverse else ''}"
        if rng.random() < 0.6:
            return [(_scan_name(rng, "pdf"), cap.pdf(scans, out_dpi, when), "application/pdf")], desc + " pdf"
        return [(f"调整申请{i + 1}.jpg", cap.jpeg(s, rng.randint(75, 90), out_dpi), "image/jpeg")
                for i, s in enumerate(scans)], desc + " two jpegs"
    tone = rng.choice([255, 255, 245, 235])
    scans = [cap.scan(im, rng, dpi, out_dpi, grey, tone, rng.uniform(-0.8, 0.8)) for im in pages]
    desc = f"scan {out_dpi}dpi {'grey' if grey else 'colour'}"
    how = rng.choice(["pdf", "pdf", "jpeg", "png"])
    if how == "png" and out_dpi > 200:
        how = "jpeg"
    if how == "pdf":
        return [(_scan_name(rng, "pdf"), cap.pdf(scans, out_dpi, when), "application/pdf")], desc + " pdf"
    if how == "jpeg":
        return [(_scan_name(rng, "jpg"), cap.jpeg(scans[0], rng.randint(80, 93), out_dpi), "image/jpeg")], \
            desc + " jpeg"
    return [(_scan_name(rng, "png"), cap.png(scans[0], out_dpi), "image/png")], desc + " png"
