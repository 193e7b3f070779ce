"""The eight kinds of paperwork. Each renderer returns the clean pages (PIL images) a school would print, sign and
stamp; capture (scan / photo) happens later. Wording, faces, sizes and positions vary with the rng."""

from __future__ import annotations

import random
from datetime import date

from PIL import Image

from tests.plaingen.registry import applications_of, code_of

from .content import Block, Case, Change, person
from .draw import RED, Page

# ---------------------------------------------------------------- wording helpers


def cert_text(rng: random.Random, cert: str, level: str | None, style: int | None = None) -> str:
    style = rng.randrange(6) if style is None else style
    lv = f"（{level}）" if level else ""
    return (f"{cert}{lv}", f"{cert}职业技能等级证书{lv}", f"“{cert}”证书{lv}", f"{cert}证书{lv}",
            f"“{cert}”职业技能等级证书{lv}", f"{cert}{lv}")[style]


def major_text(rng: random.Random, major: str, p_code: float = 0.3) -> str:
    code = code_of(major)
    if code and rng.random() < p_code:
        return rng.choice((f"{code} {major}", f"{major}（{code}）" if False else f"{code}{major}"))
    return major


def date_text(rng: random.Random, d: date, style: int | None = None) -> str:
    style = rng.randrange(4) if style is None else style
    return (f"{d.year}年{d.month}月{d.day}日", f"{d.year}.{d.month}.{d.day}", f"{d.year}年{d.month:d}月{d.day:d}日",
            f"{d.year}-{d.month:02d}-{d.day:02d}")[style]


def value_text(c: Change, which: str, rng: random.Random) -> str:
    v = c.frm if which == "from" else c.to
    if c.field == "headcount":
        return rng.choice((f"{v}人", f"{v}", f"{v}人"))
    if c.field == "major":
        return major_text(rng, str(v))
    return str(v)


FIELD_NAMES = {"headcount": ("人数规模", "试点人数", "申报人数", "人数"), "major": ("考核专业", "专业", "试点专业"),
               "level": ("考核等级", "等级", "证书等级")}


def title_of(case: Case, rng: random.Random) -> list[str]:
    unit = case.unit
    return rng.choice(([f"{unit}", "关于2024年1+X证书申报调整的申请"], ["关于调整2024年度1+X证书", "试点申报信息的申请"],
                       [f"{unit}关于2024年职业技能等级证书", "申报调整的请示"], ["2024年证书申报调整申请"],
                       [f"关于{unit}2024年1+X证书", "申报信息调整的申请"]))


def intro(case: Case, rng: random.Random) -> tuple[str, str]:
    to = rng.choice(("江苏省职业院校1+X证书制度试点工作办公室：", "省1+X证书制度试点工作办公室：", "省1+X办公室：",
                     "江苏省1+X证书制度试点工作办公室："))
    done = case.doc_date.day - 1 if case.doc_date.day > 2 else 1
    body = rng.choice((
        f"根据《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，我校已于3月{done}日在职业技能等级证书信息管理"
        f"服务平台完成2024年度证书申报。{case.reason}，需对部分证书的申报信息进行调整，具体如下：",
        f"我校已按要求完成2024年度第一次1+X证书试点申报工作。{case.reason}，经学校证书试点管理部门和校级分管领导"
        f"研究同意，现申请对以下申报内容进行调整：",
        f"按照省1+X办公室关于2024年度证书申报工作的通知精神，{case.reason}，我校拟对已申报的部分证书考核等级、考核专业"
        f"或人数规模作如下调整：",
    ))
    return to, body


def press_seal(page: Page, case: Case, rng: random.Random, cx: float, cy: float) -> None:
    if case.seal == "none":
        return
    name = case.school.name
    if case.seal == "dept":
        page.seal(cx, cy, name + rng.choice(("教务处", "教务处", "招生就业处")), rng, diameter=rng.uniform(38, 42))
    elif case.seal == "oval":
        eng = case.extras.get("english", "VOCATIONAL SCHOOL")
        page.seal(cx, cy, name, rng, diameter=rng.uniform(36, 40), oval=True, english=eng,
                  serial=case.extras.get("serial", ""))
    else:
        page.seal(cx, cy, name, rng, diameter=rng.uniform(40, 44),
                  bottom=rng.choice(("", "", "", "公章")) if False else "")


def foot(page: Page, case: Case, rng: random.Random, y: float, pt: float, right: float = 185) -> float:
    """申请单位 and date at the right foot, the seal pressed over them."""
    unit_line = rng.choice((f"申请单位：{case.unit}", f"{case.unit}", f"{case.unit}（盖章）", f"申请单位（盖章）：{case.unit}"))
    d = date_text(rng, case.doc_date, rng.choice((0, 0, 2)))
    w = max(page.width(unit_line, pt), page.width(d, pt))
    x = right - w
    page.text(x, y, unit_line, pt)
    page.text(x + (w - page.width(d, pt)) / 2, y + pt * 0.62, d, pt)
    press_seal(page, case, rng, x + w / 2 + rng.uniform(-8, 8), y + pt * 0.2 + rng.uniform(-6, 4))
    return y + pt * 0.62 + 8


# ---------------------------------------------------------------- approval pieces

DEPT_LABELS = ("证书试点管理部门意见：", "证书试点管理部门（教务处）意见：", "学校证书试点管理部门意见：")
LEADER_LABELS = ("校级分管领导意见：", "分管校领导意见：", "校领导意见：", "学校分管领导意见：")
SIGN_LABELS = ("负责人（签字）：", "负责人签字：", "签字：", "签名：")


def write_opinion(page: Page, block: Block, rng: random.Random, x: float, y: float, pt: float) -> float:
    if not block.opinion:
        return x
    if block.opinion_hand:
        return page.hand(x + rng.uniform(0, 4), y + rng.uniform(-0.5, 1), block.opinion, rng, block.ink,
                         pt=pt * rng.uniform(1.3, 1.6))
    return page.text(x, y, block.opinion, pt)


def write_sign(page: Page, block: Block, rng: random.Random, x: float, y: float, pt: float) -> float:
    """What stands after the 签字 label: a signature, a name stamp, a typed name, or nothing."""
    if block.sign == "hand":
        return page.signature(x + rng.uniform(1, 5), y + rng.uniform(-1, 1.5), block.name, rng, block.ink)
    if block.sign == "stamp":
        return page.name_stamp(x + rng.uniform(1, 4), y, block.name, rng)
    if block.sign == "typed":
        return page.text(x + 1, y, block.name, pt)
    return x + 25


def write_date(page: Page, block: Block, rng: random.Random, x: float, y: float, pt: float) -> None:
    if block.date_style == "hand":
        page.hand(x, y + rng.uniform(-0.5, 1), rng.choice((date_text(rng, block.day, 0), date_text(rng, block.day, 1),
                                                            f"{block.day.month}月{block.day.day}日")),
                  rng, block.ink, pt=pt * rng.uniform(1.0, 1.2))
    elif block.date_style == "typed":
        page.text(x, y, date_text(rng, block.day), pt)
    else:
        page.text(x, y, rng.choice(("年    月    日", "    年   月   日")), pt)


def approval_lines(page: Page, case: Case, rng: random.Random, x: float, y: float, pt: float,
                   width: float = 160) -> float:
    """Family 1's stacked approval lines: label + opinion, then 签字 label + signature, then the date."""
    for block, labels in ((case.dept, DEPT_LABELS), (case.leader, LEADER_LABELS)):
        label = rng.choice(labels)
        end = page.text(x, y, label, pt, page.face)
        write_opinion(page, block, rng, end + 1, y, pt)
        y += pt * 0.35 * rng.uniform(2.4, 3.2)
        sx = x + rng.choice((0, 30, 60, 80))
        sl = rng.choice(SIGN_LABELS)
        end = page.text(sx, y, sl, pt)
        send = write_sign(page, block, rng, end, y, pt)
        if rng.random() < 0.5 and send + 8 < x + width - 40:
            write_date(page, block, rng, max(send + 8, x + width - 45), y, pt)
            y += pt * 0.35 * rng.uniform(3.0, 3.8)
        else:
            y += pt * 0.35 * 2.4
            write_date(page, block, rng, x + width - 45, y, pt)
            y += pt * 0.35 * rng.uniform(3.0, 3.8)
    return y


LABEL_WRAPS = {"dept": (["证书试点管理部门", "意见"], ["证书试点管理", "部门意见"], ["证书试点", "管理部门", "意见"],
                        ["证书试点管", "理部门意见"]),
               "leader": (["校级分管领导", "意见"], ["校级分管", "领导意见"], ["分管校领导", "意见"], ["校级", "分管领导", "意见"])}


def opinion_cell(page: Page, block: Block, rng: random.Random, x1: float, y1: float, x2: float, y2: float,
                 pt: float) -> None:
    """The right-hand cell of an opinion row: opinion at the top, 签字 label + signature + date at the bottom."""
    write_opinion(page, block, rng, x1 + rng.uniform(3, 12), y1 + pt * 0.55 + rng.uniform(2, 5), pt)
    by = y2 - rng.uniform(4, 7)
    sl = rng.choice(SIGN_LABELS[:2] + ("负责人（签字）：",))
    sx = x1 + (x2 - x1) * rng.uniform(0.08, 0.3)
    end = page.text(sx, by - pt * 0.5, sl, pt)
    send = write_sign(page, block, rng, end, by - pt * 0.5, pt)
    dx = max(send + 4, x2 - 42)
    if dx > x2 - 30:
        write_date(page, block, rng, x2 - 42, by + 1.5, pt)
    else:
        write_date(page, block, rng, dx, by - pt * 0.5, pt)


def opinion_rows(page: Page, case: Case, rng: random.Random, x1: float, y: float, x2: float, split: float,
                 pt: float, h: float) -> float:
    for block in (case.dept, case.leader):
        page.rect(x1, y, x2, y + h, w=0.3)
        page.line(split, y, split, y + h, w=0.3)
        page.cell_text(x1, y, split, y + h, "", pt, lines=rng.choice(LABEL_WRAPS[block.role]))
        opinion_cell(page, block, rng, split, y, x2, y + h, pt)
        y += h
    return y


# ---------------------------------------------------------------- change tables


def table(page: Page, x: float, y: float, widths: list[float], rows: list[list[str]], pt: float,
          head_rows: int = 1, row_h: float = 9.0, head_face: str | None = None) -> float:
    """A ruled table; cells wrap; returns y below it."""
    x_edges = [x]
    for w in widths:
        x_edges.append(x_edges[-1] + w)
    for r, row in enumerate(rows):
        lines = [page.wrap(cell, pt, w - 2.0) for cell, w in zip(row, widths, strict=False)]
        h = max(row_h, max(len(ls) for ls in lines) * pt * 0.3528 * 1.35 + 3)
        for i, (cell, ls) in enumerate(zip(row, lines, strict=False)):
            face = head_face if r < head_rows else None
            page.cell_text(x_edges[i], y, x_edges[i + 1], y + h, cell, pt, face=face, lines=ls)
        page.line(x, y, x_edges[-1], y, w=0.3)
        for xe in x_edges:
            page.line(xe, y, xe, y + h, w=0.3)
        y += h
    page.line(x, y, x_edges[-1], y, w=0.3)
    return y


def layout_a_rows(case: Case, rng: random.Random) -> tuple[list[str], list[list[str]]]:
    head = rng.choice((["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"],
                       ["序号", "证书名称（等级）", "调整项目", "调整前", "调整后", "备注"]))
    style = rng.randrange(6)
    rows = []
    for i, c in enumerate(case.changes, 1):
        rows.append([str(i), cert_text(rng, c.certificate, c.level, style), rng.choice(FIELD_NAMES[c.field]),
                     value_text(c, "from", rng), value_text(c, "to", rng),
                     rng.choice(("招生计划调整", "学生人数变化", "实训条件调整", "按专业实际调整", "学生报名情况", ""))])
    if case.untouched and rng.random() < 0.5:
        a = case.untouched[0]
        rows.append([str(len(rows) + 1), cert_text(rng, a.certificate, a.level, style), "—", f"{a.headcount}人",
                     rng.choice(("—", "/", "不变", f"{a.headcount}人")), "不调整"])
    return head, rows


# ---------------------------------------------------------------- page scaffolding


def letter_top(page: Page, case: Case, rng: random.Random, pt: float, margin: float, red_head: bool = False) -> float:
    y = margin + rng.uniform(0, 8)
    if red_head:
        head = rng.choice((f"{case.school.name}", f"{case.school.name}文件"))
        size = min(34, 150 / max(len(head), 1) * 2.2)
        page.center(y + 12, head, size, "serif_bold" if rng.random() < 0.5 else "sans_bold", fill=RED)
        y += 20
        abbr = case.school.short[:2]
        page.center(y, f"{abbr}教〔2024〕{rng.randint(3, 40)}号", pt)
        y += 4
        page.line(margin, y, page.w_mm - margin, y, w=0.9, fill=RED)
        if rng.random() < 0.5:
            page.line(margin, y + 1.2, page.w_mm - margin, y + 1.2, w=0.3, fill=RED)
        y += 10
    tface = rng.choice(("sans_bold", "serif_bold", "zen", "sans"))
    for line in title_of(case, rng):
        page.center(y + 8, line, pt + rng.choice((4, 5, 6)), tface)
        y += (pt + 5) * 0.35 * 1.7
    y += 8
    to, body = intro(case, rng)
    page.text(margin, y, to, pt)
    y += pt * 0.35 * 1.8
    return page.para(margin, y, page.w_mm - 2 * margin, body, pt)


def closing(page: Page, rng: random.Random, margin: float, y: float, pt: float) -> float:
    page.text(margin + page.width("国国", pt), y + 2, rng.choice(("特此申请。", "特此申请，请予审核。", "妥否，请批示。",
                                                                 "恳请予以批准。")), pt)
    return y + pt * 0.35 * 3


def prose_items(case: Case, rng: random.Random) -> list[str]:
    """Numbered sentences, each stating one change in its own wording."""
    marks = rng.choice((["1.", "2.", "3.", "4.", "5."], ["（1）", "（2）", "（3）", "（4）", "（5）"],
                        ["一、", "二、", "三、", "四、", "五、"], ["1、", "2、", "3、", "4、", "5、"]))
    out = []
    for i, c in enumerate(case.changes):
        cert = cert_text(rng, c.certificate, c.level if c.field != "level" else None, rng.randrange(6))
        if c.field == "level":
            cert = cert_text(rng, c.certificate, None, rng.choice((0, 1, 2, 3)))
            s = rng.choice((f"{cert}考核等级由{c.frm}调整为{c.to}",
                            f"{cert}（{c.major}专业）考核等级由“{c.frm}”调整为“{c.to}”",
                            f"将{cert}的申报等级由{c.frm}变更为{c.to}"))
        elif c.field == "headcount":
            verb = "增加至" if c.to > c.frm else "减少至"
            s = rng.choice((f"{cert}申报人数由{c.frm}人调整为{c.to}人", f"{cert}申报规模由原来的{c.frm}人调整到{c.to}人",
                            f"{cert}试点人数由{c.frm}人{verb}{c.to}人", f"将{cert}的试点人数由{c.frm}人调整为{c.to}人"))
        else:
            a, b = major_text(rng, str(c.frm), 0.4), major_text(rng, str(c.to), 0.4)
            s = rng.choice((f"{cert}考核专业由“{a}”变更为“{b}”", f"{cert}考核专业由{a}专业调整为{b}专业",
                            f"将{cert}的试点专业由“{a}”调整为“{b}”"))
        out.append(marks[i] + s + rng.choice(("；", "。", "；")))
    if out:
        out[-1] = out[-1][:-1] + "。"
    return out


# ---------------------------------------------------------------- the eight families


def _setup(case: Case, rng: random.Random, landscape: bool = False) -> tuple[Page, float, float]:
    face = rng.choice(("serif", "serif", "ming", "sans", "wqy"))
    page = Page(case.extras["dpi"], landscape, face)
    return page, rng.choice((10.5, 11, 12, 12, 13)), rng.uniform(20, 28)


def letter_lines(case: Case, rng: random.Random) -> list[Image.Image]:
    page, pt, m = _setup(case, rng)
    y = letter_top(page, case, rng, pt, m)
    if rng.random() < 0.5:
        head, rows = layout_a_rows(case, rng)
        w = page.w_mm - 2 * m
        y = table(page, m, y + 2, [w * f for f in (0.08, 0.27, 0.14, 0.17, 0.17, 0.17)], [head] + rows, pt - 1.5,
                  head_face="sans_bold") + 6
    else:
        for item in prose_items(case, rng):
            y = page.para(m, y, page.w_mm - 2 * m, item, pt)
    y = closing(page, rng, m, y, pt)
    y = foot(page, case, rng, y + 4, pt, page.w_mm - m)
    approval_lines(page, case, rng, m, y + 6, pt, page.w_mm - 2 * m)
    return [page.img]


def boxed_form(case: Case, rng: random.Random) -> list[Image.Image]:
    page, pt, m = _setup(case, rng)
    y = letter_top(page, case, rng, pt, m)
    head, rows = layout_a_rows(case, rng)
    w = page.w_mm - 2 * m
    y = table(page, m, y + 2, [w * f for f in (0.08, 0.27, 0.14, 0.17, 0.17, 0.17)], [head] + rows, pt - 1.5,
              head_face="sans_bold") + 4
    y = closing(page, rng, m, y, pt)
    y = foot(page, case, rng, y, pt, page.w_mm - m)
    split = m + w * rng.uniform(0.2, 0.3)
    opinion_rows(page, case, rng, m, y, page.w_mm - m, split, pt, rng.uniform(32, 42))
    return [page.img]


def approval_grid_form(case: Case, rng: random.Random) -> list[Image.Image]:
    page, pt, m = _setup(case, rng)
    pt = min(pt, 12)
    x1, x2 = m, page.w_mm - m
    w = x2 - x1
    y = m + 6
    page.center(y + 6, rng.choice(("2024年1+X证书申报调整审批表", "1+X证书试点申报调整审批表", "2024年度职业技能等级证书申报调整审批表")),
                pt + 5, rng.choice(("sans_bold", "serif_bold", "zen")))
    y += 16
    lab = w * 0.2
    cells = [("单位名称", case.unit), ("联系人", case.contact), ("联系电话", case.phone)]
    if rng.random() < 0.5:  # 联系人 and 电话 on one row
        page.rect(x1, y, x2, y + 10, w=0.3)
        page.line(x1 + lab, y, x1 + lab, y + 10, w=0.3)
        page.cell_text(x1, y, x1 + lab, y + 10, "单位名称", pt)
        page.cell_text(x1 + lab, y, x2, y + 10, case.unit, pt, align="l")
        y += 10
        page.rect(x1, y, x2, y + 10, w=0.3)
        for xx in (x1 + lab, x1 + w * 0.5, x1 + w * 0.7):
            page.line(xx, y, xx, y + 10, w=0.3)
        page.cell_text(x1, y, x1 + lab, y + 10, "联系人", pt)
        page.cell_text(x1 + lab, y, x1 + w * 0.5, y + 10, case.contact, pt)
        page.cell_text(x1 + w * 0.5, y, x1 + w * 0.7, y + 10, "联系电话", pt)
        page.cell_text(x1 + w * 0.7, y, x2, y + 10, case.phone, pt)
        y += 10
    else:
        for k, v in cells:
            page.rect(x1, y, x2, y + 10, w=0.3)
            page.line(x1 + lab, y, x1 + lab, y + 10, w=0.3)
            page.cell_text(x1, y, x1 + lab, y + 10, k, pt)
            page.cell_text(x1 + lab, y, x2, y + 10, v, pt, align="l")
            y += 10
    # the changes sub-table
    page.cell_text(x1, y, x2, y + 9, "", pt, lines=[rng.choice(("申请调整内容", "调整内容", "调整事项"))])
    page.rect(x1, y, x2, y + 9, w=0.3)
    y += 9
    style = rng.randrange(6)
    head = ["序号", "证书名称", "等级", "调整项目", "调整前", "调整后"]
    rows = [[str(i), cert_text(rng, c.certificate, None, style if style in (0, 3) else 0), c.level,
             rng.choice(FIELD_NAMES[c.field]), value_text(c, "from", rng), value_text(c, "to", rng)]
            for i, c in enumerate(case.changes, 1)]
    while len(rows) < rng.choice((3, 4)):
        rows.append([""] * 6)
    y = table(page, x1, y, [w * f for f in (0.08, 0.27, 0.1, 0.17, 0.19, 0.19)], [head] + rows, pt - 1,
              head_face="sans_bold")
    h = rng.uniform(22, 30)
    page.rect(x1, y, x2, y + h, w=0.3)
    page.line(x1 + lab, y, x1 + lab, y + h, w=0.3)
    page.cell_text(x1, y, x1 + lab, y + h, "", pt, lines=["调整原因"])
    page.para(x1 + lab + 2, y + pt * 0.6, w - lab - 4, case.reason + "，特申请调整。", pt - 0.5)
    y += h
    y = opinion_rows(page, case, rng, x1, y, x2, x1 + lab, pt, rng.uniform(30, 38))
    h = rng.uniform(34, 42)
    page.rect(x1, y, x2, y + h, w=0.3)
    page.line(x1 + lab, y, x1 + lab, y + h, w=0.3)
    page.cell_text(x1, y, x1 + lab, y + h, "", pt, lines=rng.choice((["单位盖章"], ["单位", "盖章"], ["单位意见", "（盖章）"])))
    dx = x2 - 50
    page.text(dx, y + h - 12, rng.choice(("（盖章）", "（公章）", "")), pt)
    page.text(dx, y + h - 5, date_text(rng, case.doc_date, 0), pt)
    press_seal(page, case, rng, dx + 18 + rng.uniform(-6, 6), y + h - 16 + rng.uniform(-4, 3))
    return [page.img]


def _cell(rng: random.Random, same: str) -> str:
    return rng.choice(("", "—", "/", "不变", same))


def merged_header_table(case: Case, rng: random.Random) -> list[Image.Image]:
    page, pt, m = _setup(case, rng)
    y = letter_top(page, case, rng, pt, m)
    w = page.w_mm - 2 * m
    fr = [0.06, 0.2, 0.08, 0.15, 0.08, 0.08, 0.15, 0.08, 0.12]
    ws = [w * f for f in fr]
    xs = [m]
    for v in ws:
        xs.append(xs[-1] + v)
    sp = pt - 2
    # the two-row merged header
    h1, h2 = 8.0, 8.0
    page.rect(m, y, xs[-1], y + h1 + h2, w=0.3)
    for i in (1, 2, 5, 8):
        page.line(xs[i], y, xs[i], y + h1 + h2, w=0.3)
    for i in (3, 4, 6, 7):
        page.line(xs[i], y + h1, xs[i], y + h1 + h2, w=0.3)
    page.line(xs[2], y + h1, xs[8], y + h1, w=0.3)
    hf = "sans_bold"
    page.cell_text(xs[0], y, xs[1], y + h1 + h2, "序号", sp, hf)
    page.cell_text(xs[1], y, xs[2], y + h1 + h2, "证书名称", sp, hf)
    page.cell_text(xs[2], y, xs[5], y + h1, rng.choice(("原申报信息", "原申报内容")), sp, hf)
    page.cell_text(xs[5], y, xs[8], y + h1, rng.choice(("调整后信息", "调整后内容", "拟调整为")), sp, hf)
    page.cell_text(xs[8], y, xs[9], y + h1 + h2, rng.choice(("备注", "调整原因")), sp, hf)
    for k, lab in enumerate(("等级", "专业", "人数")):
        page.cell_text(xs[2 + k], y + h1, xs[3 + k], y + h1 + h2, lab, sp, hf)
        page.cell_text(xs[5 + k], y + h1, xs[6 + k], y + h1 + h2, lab, sp, hf)
    y += h1 + h2
    # one row per declaration
    groups: dict[tuple, list[Change]] = {}
    for c in case.changes:
        groups.setdefault((c.certificate, c.level), []).append(c)
    rows = []
    for (cert, level), cs in groups.items():
        first = cs[0]
        old_head = first.frm if first.field == "headcount" else (first.app.headcount if first.app else "")
        for c in cs:
            if c.field == "headcount":
                old_head = c.frm
        old = [level, major_text(rng, first.major, 0.25), f"{old_head}"]
        new = [_cell(rng, old[0]), _cell(rng, old[1]), _cell(rng, old[2])]
        for c in cs:
            k = {"level": 0, "major": 1, "headcount": 2}[c.field]
            new[k] = value_text(c, "to", rng).rstrip("人") if c.field == "headcount" else value_text(c, "to", rng)
        rows.append([cert_text(rng, cert, None, rng.choice((0, 3))), *old, *new,
                     rng.choice(("", "招生计划调整", "学生人数变化", "按实际调整"))])
    for a in case.untouched:
        rows.append([cert_text(rng, a.certificate, None, 0), a.level, major_text(rng, a.major, 0.25), str(a.headcount),
                     *[_cell(rng, v) for v in (a.level, a.major, str(a.headcount))], "不调整"])
    rng.shuffle(rows)
    for i, row in enumerate(rows, 1):
        cells = [str(i)] + row
        lines = [page.wrap(cv, sp, wv - 2.0) for cv, wv in zip(cells, ws, strict=False)]
        h = max(9.0, max(len(ls) for ls in lines) * sp * 0.3528 * 1.35 + 3)
        for k, (cv, ls) in enumerate(zip(cells, lines, strict=False)):
            page.cell_text(xs[k], y, xs[k + 1], y + h, cv, sp, lines=ls)
        page.rect(m, y, xs[-1], y + h, w=0.3)
        for xe in xs[1:-1]:
            page.line(xe, y, xe, y + h, w=0.3)
        y += h
    y = closing(page, rng, m, y + 6, pt)
    y = foot(page, case, rng, y, pt, page.w_mm - m)
    if rng.random() < 0.5:
        approval_lines(page, case, rng, m, y + 6, pt, w)
    else:
        opinion_rows(page, case, rng, m, y, page.w_mm - m, m + w * 0.25, pt, rng.uniform(30, 38))
    return [page.img]


def vertical_per_certificate(case: Case, rng: random.Random) -> list[Image.Image]:
    page, pt, m = _setup(case, rng)
    y = letter_top(page, case, rng, pt, m)
    w = page.w_mm - 2 * m
    groups: dict[tuple, list[Change]] = {}
    for c in case.changes:
        groups.setdefault((c.certificate, c.level, c.major), []).append(c)
    sp = pt - 1
    for (cert, level, major), cs in groups.items():
        h = 9.0
        page.rect(m, y, m + w, y + h, w=0.3)
        page.cell_text(m, y, m + w, y + h, "", sp, align="l",
                       lines=[rng.choice(("证书名称：", "证书：")) + cert_text(rng, cert, level, rng.choice((0, 1, 3)))])
        y += h
        app = cs[0].app
        old = {"headcount": f"{app.headcount if app else cs[0].frm}人", "major": major_text(rng, major, 0.3),
               "level": level}
        for c in cs:
            old[c.field] = value_text(c, "from", rng)
        rows = [["调整项目", "原申报", rng.choice(("拟调整为", "调整后"))]]
        order = [("headcount", "试点人数"), ("major", "考核专业"), ("level", "考核等级")]
        rng.shuffle(order)
        for f, lab in order:
            mine = [c for c in cs if c.field == f]
            new = value_text(mine[0], "to", rng) if mine else rng.choice(("", "—", "/", "不变", old[f]))
            rows.append([lab, old[f], new])
        y = table(page, m, y, [w * 0.28, w * 0.36, w * 0.36], rows, sp, head_face="sans_bold") + 3
    pages = []
    if y > page.h_mm - 118:  # no room for the signatures: they go on a second sheet
        pages.append(page.img)
        page = Page(page.dpi, False, page.face)
        y = m + 10
    y = closing(page, rng, m, y + 2, pt)
    y = foot(page, case, rng, y, pt, page.w_mm - m)
    if rng.random() < 0.5:
        approval_lines(page, case, rng, m, y + 6, pt, w)
    else:
        opinion_rows(page, case, rng, m, y, page.w_mm - m, m + w * 0.24, pt, rng.uniform(30, 36))
    return pages + [page.img]


def numbered_prose(case: Case, rng: random.Random) -> list[Image.Image]:
    page, pt, m = _setup(case, rng)
    y = letter_top(page, case, rng, pt, m)
    for item in prose_items(case, rng):
        y = page.para(m, y, page.w_mm - 2 * m, item, pt)
    y = closing(page, rng, m, y, pt)
    y = foot(page, case, rng, y + 2, pt, page.w_mm - m)
    if rng.random() < 0.6:
        approval_lines(page, case, rng, m, y + 6, pt, page.w_mm - 2 * m)
    else:
        opinion_rows(page, case, rng, m, y, page.w_mm - m, m + (page.w_mm - 2 * m) * 0.24, pt, rng.uniform(30, 36))
    return [page.img]


def _name_list(page: Page, rng: random.Random, case: Case, y: float, m: float, n: int, title: str, pt: float) -> float:
    page.center(y, title, pt + 3, "sans_bold")
    y += 8
    row = max(6.5, (pt - 2.5) * 0.3528 * 1.35 + 3)
    n = min(n, int((page.h_mm - y - m) / (row * 1.3)) - 1)
    apps = applications_of(case.school)
    w = page.w_mm - 2 * m
    rows = [["序号", "姓名", "学号", "身份证号", "专业", "班级"]]
    for i in range(n):
        a = rng.choice(apps)
        birth = f"{rng.randint(2003, 2007)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        pid = f"32{rng.randint(1, 13):02d}{rng.randint(1, 99):02d}{birth}{rng.randint(100, 999)}{rng.choice('0123456789X')}"
        pid = pid[:6] + "********" + pid[14:] if rng.random() < 0.5 else pid
        rows.append([str(i + 1), person(rng), f"2023{rng.randint(10000, 99999)}", pid, a.major,
                     f"{a.major[:2]}{rng.randint(2301, 2306)}"])
    return table(page, m, y, [w * f for f in (0.07, 0.12, 0.16, 0.27, 0.24, 0.14)], rows, pt - 2.5, row_h=6.5,
                 head_face="sans_bold")


def long_pdf_annex(case: Case, rng: random.Random) -> list[Image.Image]:
    pages = []
    page, pt, m = _setup(case, rng)
    y = letter_top(page, case, rng, pt, m)
    if rng.random() < 0.4:  # the letter restates one change that the annex table also lists
        first = prose_items(case, rng)[0]
        first = first.lstrip("0123456789.、（）一二三四五") .rstrip("；。")
        y = page.para(m, y, page.w_mm - 2 * m, f"其中主要调整为：{first}。", pt)
    y = page.para(m, y, page.w_mm - 2 * m, rng.choice((
        "具体调整内容详见附件2《证书申报调整明细表》，参加考核学生名单见附件1。",
        "调整明细见附件（第4页），拟参加考核学生名单附后。")), pt)
    y = closing(page, rng, m, y, pt)
    page.text(m, y + 4, "附件：1.拟参加考核学生名单", pt)
    page.text(m + page.width("附件：", pt), y + 4 + pt * 0.6, "2.证书申报调整明细表", pt)
    y = foot(page, case, rng, y + 22, pt, page.w_mm - m)
    on_first = rng.random() < 0.5
    if on_first:
        approval_lines(page, case, rng, m, y + 6, pt, page.w_mm - 2 * m)
    pages.append(page.img)
    # page 2: an approval sheet, or a second page of the name list
    p2, _, _ = _setup(case, rng)
    if not on_first:
        p2.center(m + 10, rng.choice(("审批意见", "学校审批意见")), pt + 4, "sans_bold")
        opinion_rows(p2, case, rng, m, m + 20, p2.w_mm - m, m + (p2.w_mm - 2 * m) * 0.25, pt, rng.uniform(40, 50))
    else:
        _name_list(p2, rng, case, m + 10, m, rng.randint(24, 34), "附件1  拟参加考核学生名单", pt)
    pages.append(p2.img)
    p3, _, _ = _setup(case, rng)
    _name_list(p3, rng, case, m + 10, m, rng.randint(26, 36), "拟参加考核学生名单（续）", pt)
    pages.append(p3.img)
    # page 4 (and maybe 5): the change table
    head, rows = layout_a_rows(case, rng)
    p4, _, _ = _setup(case, rng)
    w = p4.w_mm - 2 * m
    widths = [w * f for f in (0.08, 0.27, 0.14, 0.17, 0.17, 0.17)]
    y = m + 8
    p4.text(m, y, "附件2", pt, "sans_bold")
    p4.center(y + 10, "证书申报调整明细表", pt + 4, "sans_bold")
    y += 18
    cont = len(rows) >= 2 and rng.random() < 0.5
    if cont:
        k = rng.randint(1, len(rows) - 1)
        y = p4.para(m, y, w, "说明：" + case.reason + "，以下调整均已与相关二级学院核实，调整后人数不超过可参与专业在校生数，"
                    "调整后的考核专业均为我校实际招生专业。各二级学院已对拟参加考核学生进行摸底，名单见附件1。", pt)
        y = max(y + 4, p4.h_mm - m - 14 * (k + 1) - 6)
        table(p4, m, y, widths, [head] + rows[:k], pt - 1.5, head_face="sans_bold")
    else:
        table(p4, m, y, widths, [head] + rows, pt - 1.5, head_face="sans_bold")
    pages.append(p4.img)
    p5, _, _ = _setup(case, rng)
    if cont:
        p5.text(m, m + 8, "续表", pt, "sans_bold")
        table(p5, m, m + 12, widths, [head] + rows[k:], pt - 1.5, head_face="sans_bold")
    else:
        _name_list(p5, rng, case, m + 10, m, rng.randint(10, 20), "拟参加考核学生名单（续）", pt)
    pages.append(p5.img)
    # page 6: a landscape summary scanned sideways
    p6 = Page(case.extras["dpi"], landscape=True, body_face=page.face)
    p6.center(m, "各证书拟参加考核学生汇总表", pt + 3, "sans_bold")
    apps = applications_of(case.school)
    rows6 = [["序号", "证书名称", "等级", "专业", "班级数", "学生数", "指导教师", "联系电话"]]
    for i, a in enumerate(apps, 1):
        rows6.append([str(i), a.certificate, a.level, a.major, str(rng.randint(1, 4)), str(rng.randint(20, 60)),
                      person(rng), f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}"])
    table(p6, m, m + 8, [257 * f / 1.0 for f in (0.06, 0.2, 0.07, 0.2, 0.08, 0.08, 0.12, 0.19)], rows6, pt - 1.5,
          head_face="sans_bold")
    img6 = p6.img.rotate(rng.choice((90, 270)), expand=True)
    pages.append(img6)
    return pages


def phone_photo_office(case: Case, rng: random.Random) -> list[Image.Image]:
    page, pt, m = _setup(case, rng)
    y = letter_top(page, case, rng, pt, m, red_head=rng.random() < 0.7)
    if rng.random() < 0.5:
        head, rows = layout_a_rows(case, rng)
        w = page.w_mm - 2 * m
        y = table(page, m, y + 2, [w * f for f in (0.08, 0.27, 0.14, 0.17, 0.17, 0.17)], [head] + rows, pt - 1.5,
                  head_face="sans_bold") + 6
    else:
        for item in prose_items(case, rng):
            y = page.para(m, y, page.w_mm - 2 * m, item, pt)
    y = closing(page, rng, m, y, pt)
    y = foot(page, case, rng, y + 2, pt, page.w_mm - m)
    if rng.random() < 0.5:
        approval_lines(page, case, rng, m, y + 6, pt, page.w_mm - 2 * m)
    else:
        opinion_rows(page, case, rng, m, y, page.w_mm - m, m + (page.w_mm - 2 * m) * 0.25, pt, rng.uniform(28, 34))
    if rng.random() < 0.4:  # a red rule at the foot (抄送 line of an office document)
        page.line(m, page.h_mm - m, page.w_mm - m, page.h_mm - m, w=0.6, fill=RED)
        page.text(m, page.h_mm - m + 6, f"{case.school.name}教务处    2024年{case.doc_date.month}月{case.doc_date.day}日印发",
                  pt - 1)
    return [page.img]


LAYOUTS = {"letter_lines": letter_lines, "boxed_form": boxed_form, "approval_grid_form": approval_grid_form,
           "merged_header_table": merged_header_table, "vertical_per_certificate": vertical_per_certificate,
           "numbered_prose": numbered_prose, "long_pdf_annex": long_pdf_annex,
           "phone_photo_office": phone_photo_office}
