"""The eight ways the CHANGES part is drawn; each returns the pages of one request."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.changegen import parts, wording
from tests.changegen.parts import Style
from tests.changegen.plan import FIELDS, Plan, Row
from tests.changegen.registry import declarations_of
from tests.changegen.render import Cell, Page

FAMILIES = ("merged_header_table", "vertical_form", "numbered_prose", "codes_and_suffixes", "wide_table",
            "continued_table", "buried_in_long_pdf", "landscape_annex")

BOTTOM = 280.0


@dataclass
class Doc:
    pages: list[Page]
    roles: list[str]  # per page: letter, table, continued, students, annex, approvals
    digital: set[int] = field(default_factory=set)  # pages that may go out with a text layer
    layout: dict = field(default_factory=dict)


def _placeholder(rng: random.Random) -> str:
    return rng.choice(["", "", "—", "/", "不变", "same"])


def _unchanged(row: Row, name: str, ph: str, plan: Plan, rng: random.Random, **kw) -> str:
    if ph == "same":
        return wording.value_text(row, name, row.old(name), plan.school, rng, **kw)
    return ph


def _finish(doc: Doc, plan: Plan, st: Style, y: float, *, closing: bool = True) -> None:
    """Closing line, approvals and the sealed sign-off, on a new page when they do not fit."""
    page = doc.pages[-1]
    need = parts.approvals_height(st) + 30 + (10 if closing else 0)
    if y + need > BOTTOM + 10:
        page = st.page()
        doc.pages.append(page)
        doc.roles.append("approvals")
        y = st.rng.uniform(22, 35)
    if closing:
        y = parts.closing(page, st, y) + 3
    y = parts.approvals(page, st, y + 2)
    parts.signoff(page, plan, st, y)


def _widths(rng: random.Random, base: list[float], total: float) -> list[float]:
    jittered = [w * rng.uniform(0.85, 1.15) for w in base]
    scale = total / sum(jittered)
    return [w * scale for w in jittered]


# ----------------------------------------------------------------------------- 1
def merged_header_table(plan: Plan, st: Style) -> Doc:
    rng = st.rng
    page = st.page()
    doc = Doc([page], ["letter"])
    y = parts.letter_head(page, plan, st) + 2
    group_titles = rng.choice([("原申报信息", "调整后信息"), ("原申报情况", "调整后情况"), ("原申报", "拟调整"),
                               ("调整前", "调整后")])
    order = rng.choice([("level", "major", "headcount"), ("major", "level", "headcount"),
                        ("headcount", "level", "major")])
    sub = {"level": rng.choice(["等级", "考核等级"]), "major": rng.choice(["专业", "考核专业", "试点专业"]),
           "headcount": rng.choice(["人数", "申报人数", "试点人数"])}
    remark = rng.choice(["备注", "调整原因", "说明"])
    ph = _placeholder(rng)
    unit = rng.random() < 0.4
    base = [9, 34] + [{"level": 13, "major": 27, "headcount": 13}[f] for f in order] * 2 + [20]
    col_w = _widths(rng, base, page.w_mm - 2 * st.margin + rng.uniform(-4, 6))
    x = (page.w_mm - sum(col_w)) / 2
    cells = [Cell(0, 0, "序号", rs=2), Cell(0, 1, "证书名称", rs=2), Cell(0, 2, group_titles[0], cs=3),
             Cell(0, 5, group_titles[1], cs=3), Cell(0, 8, remark, rs=2)]
    cells += [Cell(1, 2 + k, sub[f]) for k, f in enumerate(order)]
    cells += [Cell(1, 5 + k, sub[f]) for k, f in enumerate(order)]
    kw = {"unit": 1.0 if unit else 0.0}
    for i, row in enumerate(plan.rows):
        r = 2 + i
        cert = wording.cert_text(row.decl, rng, level=False, suffix=0.15, quotes=0.05)
        cells += [Cell(r, 0, str(i + 1)), Cell(r, 1, cert)]
        for k, f in enumerate(order):
            cells.append(Cell(r, 2 + k, wording.value_text(row, f, row.old(f), plan.school, rng, **kw)))
        if not row.new:
            if rng.random() < 0.5:
                cells.append(Cell(r, 5, "不调整", cs=3))
                cells.append(Cell(r, 8, ""))
            else:
                cells += [Cell(r, 5 + k, _unchanged(row, f, ph, plan, rng, **kw)) for k, f in enumerate(order)]
                cells.append(Cell(r, 8, "不调整"))
            continue
        for k, f in enumerate(order):
            text = (wording.value_text(row, f, row.new[f], plan.school, rng, **kw) if f in row.new
                    else _unchanged(row, f, ph, plan, rng, **kw))
            cells.append(Cell(r, 5 + k, text))
        cells.append(Cell(r, 8, plan.reasons[i] if rng.random() < 0.6 else ""))
    row_h = [rng.uniform(8, 10)] * 2 + [rng.uniform(10, 14)] * len(plan.rows)
    y = page.table(x, y, col_w, row_h, cells, size=st.size - rng.choice([1.5, 2, 2.5]), face=st.face)
    st.notes.append(f"placeholder={ph or 'blank'}")
    _finish(doc, plan, st, y + 4)
    return doc


# ----------------------------------------------------------------------------- 2
def vertical_form(plan: Plan, st: Style) -> Doc:
    rng = st.rng
    page = st.page()
    doc = Doc([page], ["letter"])
    y = rng.uniform(18, 28)
    page.text(105, y, rng.choice(["2024年1+X证书申报调整申请表", "1+X证书制度试点申报调整申请表",
                                  f"{plan.school.name}证书申报调整申请表"]), 16, "heibold", anchor="mt")
    y += 14
    left, right = st.margin - 4, page.w_mm - st.margin + 4
    wl = rng.uniform(36, 46)
    rest = right - left - wl
    s = st.size - 1.5
    page.table(left, y, [wl, rest * 0.45, 24, rest * 0.55 - 24], [10, 10],
               [Cell(0, 0, "申请单位"), Cell(0, 1, plan.school.name, cs=3, align="left"),
                Cell(1, 0, "联系人"), Cell(1, 1, rng.choice(wording.APPROVERS)), Cell(1, 2, "联系电话"),
                Cell(1, 3, f"0{rng.randint(510, 527)}-{rng.randint(80000000, 89999999)}")], size=s, face=st.face)
    y += 24
    heads = rng.choice([("调整项目", "原申报", "拟调整为"), ("调整内容", "原申报内容", "调整后"),
                        ("项目", "调整前", "调整后"), ("调整项目", "原申报信息", "调整后信息")])
    labels = {"headcount": rng.choice(["试点人数", "申报人数", "人数规模"]),
              "major": rng.choice(["考核专业", "试点专业", "专业名称"]),
              "level": rng.choice(["考核等级", "证书等级", "等级"])}
    order = list(FIELDS)
    rng.shuffle(order)
    blank_same = rng.random() < 0.5
    title_style = rng.choice(["证书名称：{}", "证书：{}", "职业技能等级证书名称：{}", "{}"])
    col_w = [wl, (right - left - wl) / 2, (right - left - wl) / 2]
    for i, row in enumerate(plan.rows):
        title_level = rng.random() < 0.6
        cert = wording.cert_text(row.decl, rng, level=title_level, suffix=0.2, quotes=0.0)
        fields = order if (not title_level or rng.random() < 0.7) else [f for f in order if f != "level"]
        if "level" in row.new and "level" not in fields:
            fields = order
        height = 10 + 9 + 10 * len(fields) + 9
        if y + height > BOTTOM:
            page = st.page()
            doc.pages.append(page)
            doc.roles.append("table")
            y = rng.uniform(20, 30)
        cells = [Cell(0, 0, title_style.format(cert), cs=3, align="left", bold=True),
                 Cell(1, 0, heads[0]), Cell(1, 1, heads[1]), Cell(1, 2, heads[2])]
        for k, f in enumerate(fields):
            old = wording.value_text(row, f, row.old(f), plan.school, rng)
            new = (wording.value_text(row, f, row.new[f], plan.school, rng) if f in row.new
                   else "" if blank_same else old)
            cells += [Cell(2 + k, 0, labels[f]), Cell(2 + k, 1, old), Cell(2 + k, 2, new)]
        reason = plan.reasons[i]
        cells += [Cell(2 + len(fields), 0, "调整原因"), Cell(2 + len(fields), 1, reason, cs=2, align="left")]
        y = page.table(left, y, col_w, [10, 9] + [10] * len(fields) + [9], cells, size=s, face=st.face)
        y += rng.uniform(3, 7)
    st.notes.append("unchanged=" + ("blank" if blank_same else "same"))
    _finish(doc, plan, st, y, closing=False)
    return doc


# ----------------------------------------------------------------------------- 3
def _clause(row: Row, f: str, plan: Plan, rng: random.Random, with_cert: str) -> str:
    old, new = row.old(f), row.new[f]
    if f == "headcount":
        verb = rng.choice(["调整为", "调整为", "调整到", "增加至" if new > old else "减少至",
                           "调增至" if new > old else "调减至"])
        noun = rng.choice(["申报人数", "申报规模", "试点人数", "人数规模", "考核人数"])
        src = rng.choice(["由{}人", "由原来的{}人", "由原申报的{}人", "从{}人"]).format(old)
        tail = f"{new}人"
    elif f == "level":
        noun, src, verb, tail = rng.choice(["考核等级", "等级", "申报等级"]), f"由{old}", rng.choice(
            ["调整为", "变更为", "调整到"]), str(new)
    else:
        q = rng.choice([("“", "”"), ("", ""), ("", "")])
        noun = rng.choice(["考核专业", "试点专业", "对应专业", "申报专业"])
        src, verb, tail = f"由{q[0]}{old}{q[1]}", rng.choice(["变更为", "调整为", "更改为"]), f"{q[0]}{new}{q[1]}"
    if with_cert and rng.random() < 0.3:
        return f"将{with_cert}的{noun}{src}{verb}{tail}"
    return f"{with_cert}{noun}{src}{verb}{tail}"


NUMBERING = ["{}.", "{}、", "（{}）", "cn", "circled"]
CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def numbered_prose(plan: Plan, st: Style) -> Doc:
    rng = st.rng
    page = st.page()
    doc = Doc([page], ["letter"])
    y = parts.letter_head(page, plan, st, extra=rng.choice([0, 0, 1]))
    style = rng.choice(NUMBERING)
    width = page.w_mm - 2 * st.margin
    for i, row in enumerate(plan.changed):
        level_needed = "level" not in row.new
        show_level = level_needed and (not wording.single_level(row.decl) or rng.random() < 0.6)
        cert = wording.cert_text(row.decl, rng, level=show_level, suffix=0.45, quotes=0.3)
        fields = [f for f in FIELDS if f in row.new]
        rng.shuffle(fields)
        clauses = [_clause(row, fields[0], plan, rng, cert)]
        clauses += [_clause(row, f, plan, rng, "") for f in fields[1:]]
        text = rng.choice(["，", "，同时", "；"]).join(clauses)
        if rng.random() < 0.4:
            text += rng.choice(["，原因是", "。调整原因：", "（", "，主要原因："]) + plan.reasons[
                plan.rows.index(row)]
            text += "）" if text.count("（") > text.count("）") else ""
        text += "。"
        n = i + 1
        mark = CN[i] + "、" if style == "cn" else CIRCLED[i] if style == "circled" else style.format(n)
        y = page.paragraph(st.margin, y, mark + text, width, st.size, st.face, indent=True) + 0.5
    _finish(doc, plan, st, y + 2)
    return doc


# ----------------------------------------------------------------------------- 4/6/7/8: a row per change
def _change_rows(plan: Plan, rng: random.Random, *, suffix: float, codes: float, unit: float) -> list[dict]:
    rows = []
    for i, row in enumerate(plan.rows):
        for f in FIELDS:
            if f not in row.new:
                continue
            show_level = f != "level" or rng.random() < 0.5  # a level row shows the old level anyway
            if f != "level" and wording.single_level(row.decl) and rng.random() < 0.3:
                show_level = False
            cert = wording.cert_text(row.decl, rng, level=show_level, suffix=suffix, quotes=0.05)
            rows.append({"cert": cert, "bare": wording.cert_text(row.decl, rng, level=False, suffix=suffix,
                                                                 quotes=0.0),
                         "level": row.decl.level, "item": wording.field_label(f, rng), "field": f,
                         "old": wording.value_text(row, f, row.old(f), plan.school, rng, unit=unit, codes=codes),
                         "new": wording.value_text(row, f, row.new[f], plan.school, rng, unit=unit, codes=codes),
                         "reason": plan.reasons[i]})
    rng.shuffle(rows) if rng.random() < 0.3 else None
    return rows


def _change_table_cells(rows: list[dict], heads: list[str], r0: int, start: int) -> list[Cell]:
    cells = []
    for k, h in enumerate(heads):
        cells.append(Cell(r0, k, h, bold=True))
    for i, row in enumerate(rows):
        r = r0 + 1 + i
        values = {"序号": str(start + i), "证书名称": row["cert"], "等级": row["level"], "调整事项": row["item"],
                  "调整项目": row["item"], "调整类型": row["item"], "原": row["old"], "新": row["new"],
                  "调整原因": row["reason"], "备注": ""}
        for k, h in enumerate(heads):
            key = h if h in values else ("原" if h in OLD_HEADS else "新" if h in NEW_HEADS else h)
            cells.append(Cell(r, k, values.get(key, ""), align="left" if h == "调整原因" else "center"))
    return cells


OLD_HEADS = ("原申报内容", "调整前", "原申报", "原申报情况", "调整前内容")
NEW_HEADS = ("调整后内容", "调整后", "拟调整为", "调整后情况", "调整为")


def _pair(rng: random.Random) -> tuple[str, str]:
    return rng.choice(list(zip(OLD_HEADS, NEW_HEADS, strict=True)))


def codes_and_suffixes(plan: Plan, st: Style) -> Doc:
    rng = st.rng
    page = st.page()
    doc = Doc([page], ["letter"])
    y = parts.letter_head(page, plan, st) + 2
    rows = _change_rows(plan, rng, suffix=0.85, codes=0.85, unit=0.5)
    old, new = _pair(rng)
    heads = ["序号", "证书名称", rng.choice(["调整事项", "调整项目"]), old, new]
    base = [10, 52, 22, 38, 38]
    if rng.random() < 0.6:
        heads.append("调整原因")
        base.append(30)
    col_w = _widths(rng, base, page.w_mm - 2 * st.margin + rng.uniform(-2, 8))
    cells = _change_table_cells(rows, heads, 0, 1)
    y = page.table((page.w_mm - sum(col_w)) / 2, y, col_w, [10] + [rng.uniform(12, 15)] * len(rows), cells,
                   size=st.size - 2, face=st.face)
    _finish(doc, plan, st, y + 4)
    return doc


# ----------------------------------------------------------------------------- 5
def wide_table(plan: Plan, st: Style) -> Doc:
    rng = st.rng
    landscape = rng.random() < 0.3
    page = st.page(landscape)
    doc = Doc([page], ["letter"])
    if landscape:
        st.margin = min(st.margin, 20)
    y = parts.letter_head(page, plan, st) + 2
    named = rng.random() < 0.5
    heads = ["序号", "证书名称", "原等级", "调整后等级", "原专业", "调整后专业", "原人数", "调整后人数", "备注"]
    if named:
        heads = ["序号", "证书名称", "原考核等级", "调整后考核等级", "原考核专业", "调整后考核专业", "原申报人数",
                 "调整后申报人数", "备注"]
    ph = _placeholder(rng)
    base = [8, 32, 13, 15, 26, 26, 13, 15, 18]
    col_w = _widths(rng, base, page.w_mm - 2 * st.margin + rng.uniform(0, 10))
    cells = [Cell(0, k, h, bold=True) for k, h in enumerate(heads)]
    unit = 1.0 if rng.random() < 0.35 else 0.0
    for i, row in enumerate(plan.rows):
        r = 1 + i
        cells += [Cell(r, 0, str(r)), Cell(r, 1, wording.cert_text(row.decl, rng, level=False, suffix=0.15,
                                                                    quotes=0.0))]
        for k, f in enumerate(("level", "major", "headcount")):
            old = wording.value_text(row, f, row.old(f), plan.school, rng, unit=unit)
            new = (wording.value_text(row, f, row.new[f], plan.school, rng, unit=unit) if f in row.new
                   else _unchanged(row, f, ph, plan, rng, unit=unit))
            cells += [Cell(r, 2 + 2 * k, old), Cell(r, 3 + 2 * k, new)]
        cells.append(Cell(r, 8, "不调整" if not row.new else (plan.reasons[i] if rng.random() < 0.4 else "")))
    y = page.table((page.w_mm - sum(col_w)) / 2, y, col_w, [rng.uniform(11, 14)] + [12] * len(plan.rows),
                   cells, size=st.size - rng.choice([2.5, 3, 3.5]), face=st.face)
    st.notes.append(f"placeholder={ph or 'blank'}{' landscape' if landscape else ''}")
    if landscape:  # the sign-off goes on an upright page
        page = st.page()
        doc.pages.append(page)
        doc.roles.append("approvals")
        st.margin = max(st.margin, 18)
        y = rng.uniform(25, 40)
    _finish(doc, plan, st, y + 4)
    return doc


# ----------------------------------------------------------------------------- 6
LONG_REASONS = ["经二级学院与专业负责人共同研究，结合学生报名意向和实训条件确定", "已与证书评价组织沟通确认，考核安排不受影响",
                "相关专业在校生人数满足试点要求，实训设备和师资已落实到位", "调整后更符合专业人才培养方案和课程设置"]
def continued_table(plan: Plan, st: Style) -> Doc:
    rng = st.rng
    page = st.page()
    doc = Doc([page, st.page()], ["letter", "continued"])
    st.size = max(st.size, 13)
    y = parts.letter_head(page, plan, st, extra=3)
    spare = [p for p in wording.EXTRA_PARAGRAPHS if p not in "".join(op[3] for op in page.ops if op[0] == "text")]
    while y < 175 and spare:  # a long letter pushes the table to the foot of the page
        y = page.paragraph(st.margin, y, spare.pop(rng.randrange(len(spare))), page.w_mm - 2 * st.margin,
                           st.size, st.face)
    rows = _change_rows(plan, rng, suffix=0.3, codes=0.0, unit=0.6)
    for row in rows:  # offices that break a table over pages write long reasons
        if rng.random() < 0.6:
            row["reason"] += "，" + rng.choice(LONG_REASONS)
    old, new = _pair(rng)
    heads = ["序号", "证书名称", "等级", rng.choice(["调整事项", "调整项目"]), old, new, "调整原因"]
    col_w = _widths(rng, [9, 36, 12, 19, 26, 26, 42], page.w_mm - 2 * st.margin + rng.uniform(0, 8))
    x = (page.w_mm - sum(col_w)) / 2
    first = rng.randint(1, len(rows) - 1)
    caption = rng.choice(["调整明细如下表：", "具体调整情况见下表。", "表1 证书申报调整明细"])
    page.text(st.margin, y, caption, st.size, st.face)
    y += 8
    space = BOTTOM + 6 - y - 11
    row_h = max(11.0, min(45.0, space / first))
    size = st.size - 2
    page.table(x, y, col_w, [11] + [row_h] * first, _change_table_cells(rows[:first], heads, 0, 1),
               size=size, face=st.face)
    page.text(105, 289, "— 1 —" if rng.random() < 0.5 else "第1页", 9, st.face, anchor="mt")
    page2 = doc.pages[1]
    y = rng.uniform(18, 26)
    page2.text(x, y, rng.choice(["续表", "续表：", "（续表）", "续表1"]), st.size, st.face)
    y += 8
    y = page2.table(x, y, col_w, [11] + [rng.uniform(12, 16)] * (len(rows) - first),
                    _change_table_cells(rows[first:], heads, 0, first + 1), size=size, face=st.face)
    st.notes.append(f"break after row {first}")
    _finish(doc, plan, st, y + 5)
    return doc


# ----------------------------------------------------------------------------- 7
def _see_annex(opening: str, tail: str) -> str:
    """The letter's opening with its closing colon pointing at the annex instead of a list below."""
    for end in ("具体如下：", "特此申请：", "申请调整如下：", "报告如下："):
        if opening.endswith(end):
            return opening[: -len(end)] + tail
    return opening + tail

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "子涵欣怡梓萱思雨浩然宇轩博文俊杰雨桐佳怡一诺梓涵可馨晨曦嘉豪明轩志强文静婷婷晓雯家乐天佑诗琪芷若振宇昊天铭泽心怡若曦"


def _students_page(plan: Plan, st: Style, start: int, count: int) -> Page:
    rng = st.rng
    page = st.page()
    decl = rng.choice(plan.rows).decl if rng.random() < 0.5 else rng.choice(declarations_of(plan.school))
    y = rng.uniform(15, 22)
    page.text(105, y, rng.choice([f"{decl.certificate}（{decl.level}）拟参加考核学生名单",
                                  "2024年1+X证书试点学生名单", f"附表 {decl.certificate}证书试点学生信息"]), 14,
              "heibold", anchor="mt")
    y += 11
    heads = ["序号", "姓名", "学号", "专业", "班级"] + (["备注"] if rng.random() < 0.4 else [])
    col_w = _widths(rng, [12, 24, 36, 44, 34] + ([20] if len(heads) == 6 else []), 170)
    cells = [Cell(0, k, h, bold=True) for k, h in enumerate(heads)]
    year = rng.choice([2021, 2022, 2023])
    for i in range(count):
        major = decl.major if rng.random() < 0.8 else rng.choice(plan.school.majors)
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
        vals = [str(start + i), name, f"{year}{rng.randint(10, 99)}{rng.randint(1000, 9999)}", major,
                f"{str(year)[2:]}{major[:2]}{rng.randint(1, 3)}班", ""]
        cells += [Cell(1 + i, k, vals[k]) for k in range(len(heads))]
    page.table(20, y, col_w, [8.5] + [7.6] * count, cells, size=9.5, face=st.face)
    return page


def buried_in_long_pdf(plan: Plan, st: Style) -> Doc:
    rng = st.rng
    total = rng.choice([5, 6])
    table_at = rng.choice([2, 3])  # 0-based: page 3 or 4
    letter = st.page()
    y = parts.letter_head(letter, plan, st, extra=2,
                          opening=_see_annex(rng.choice(wording.OPENINGS), "调整明细见附件，学生名单附后。"))
    y = parts.closing(letter, st, y)
    letter.text(st.margin, y + 4, "附件：1. 证书申报调整明细表  2. 试点学生名单", st.size, st.face)
    pages, roles = [letter], ["letter"]
    n_student = 1
    for k in range(1, total - 1):
        if k == table_at:
            page = st.page()
            yy = rng.uniform(18, 28)
            page.text(105, yy, rng.choice([f"{plan.school.name}2024年1+X证书申报调整明细表", "证书申报调整明细表",
                                           "附件1 证书申报调整明细"]), 15, "heibold", anchor="mt")
            yy += 14
            rows = _change_rows(plan, rng, suffix=0.3, codes=0.2, unit=0.5)
            old, new = _pair(rng)
            heads = ["序号", "证书名称", rng.choice(["调整事项", "调整类型"]), old, new, "调整原因"]
            col_w = _widths(rng, [10, 46, 22, 32, 32, 36], 176)
            page.table(17, yy, col_w, [11] + [rng.uniform(12, 15)] * len(rows),
                       _change_table_cells(rows, heads, 0, 1), size=st.size - 2, face=st.face)
            pages.append(page)
            roles.append("table")
        else:
            count = rng.randint(26, 32)
            pages.append(_students_page(plan, st, n_student, count))
            roles.append("students")
            n_student += count
    last = st.page()
    y = rng.uniform(22, 30)
    last.text(105, y, "审批意见", 16, "heibold", anchor="mt")
    y = parts.approvals(last, st, y + 16)
    parts.signoff(last, plan, st, y)
    pages.append(last)
    roles.append("approvals")
    digital = {i for i, r in enumerate(roles) if r in ("letter", "students")}
    return Doc(pages, roles, digital, {"table_page": table_at + 1, "pages": total})


# ----------------------------------------------------------------------------- 8
def landscape_annex(plan: Plan, st: Style) -> Doc:
    rng = st.rng
    letter = st.page()
    y = parts.letter_head(letter, plan, st, extra=1,
                          opening=_see_annex(rng.choice(wording.OPENINGS), "具体调整内容详见附件。"))
    y = parts.closing(letter, st, y)
    letter.text(st.margin, y + 3, "附件：证书申报调整明细表", st.size, st.face)
    y = parts.approvals(letter, st, y + 14)
    parts.signoff(letter, plan, st, y)
    annex = st.page(landscape=True)
    y = rng.uniform(14, 22)
    annex.text(18, y, rng.choice(["附件", "附件：", "附件1"]), st.size + 1, "heibold")
    y += 9
    annex.text(148, y, f"{plan.school.name}2024年1+X证书申报调整明细表", 16, "heibold", anchor="mt")
    y += 14
    if rng.random() < 0.5:
        rows = _change_rows(plan, rng, suffix=0.3, codes=0.3, unit=0.5)
        old, new = _pair(rng)
        heads = ["序号", "证书名称", "等级", rng.choice(["调整事项", "调整项目"]), old, new, "调整原因"]
        col_w = _widths(rng, [12, 60, 16, 26, 42, 42, 60], 255)
        y = annex.table(21, y, col_w, [12] + [rng.uniform(12, 15)] * len(rows),
                        _change_table_cells(rows, heads, 0, 1), size=st.size - 1, face=st.face)
        kind = "per-change"
    else:
        heads = ["序号", "证书名称", "原等级", "调整后等级", "原专业", "调整后专业", "原人数", "调整后人数", "备注"]
        col_w = _widths(rng, [10, 50, 18, 20, 40, 40, 18, 20, 36], 255)
        cells = [Cell(0, k, h, bold=True) for k, h in enumerate(heads)]
        ph = _placeholder(rng)
        for i, row in enumerate(plan.rows):
            cells += [Cell(1 + i, 0, str(i + 1)), Cell(1 + i, 1, wording.cert_text(row.decl, rng, level=False))]
            for k, f in enumerate(("level", "major", "headcount")):
                old = wording.value_text(row, f, row.old(f), plan.school, rng, unit=0.0)
                new = (wording.value_text(row, f, row.new[f], plan.school, rng, unit=0.0) if f in row.new
                       else _unchanged(row, f, ph, plan, rng, unit=0.0))
                cells += [Cell(1 + i, 2 + 2 * k, old), Cell(1 + i, 3 + 2 * k, new)]
            cells.append(Cell(1 + i, 8, "" if row.new else "不调整"))
        y = annex.table(21, y, col_w, [12] + [13] * len(plan.rows), cells, size=st.size - 1, face=st.face)
        kind = "wide"
    annex.text(21, y + 6, f"填表人：{rng.choice(wording.APPROVERS)}      填表日期：2024年3月{st.day}日", st.size - 1,
               st.face)
    if rng.random() < 0.4:
        annex.seal(240, y + 4, plan.school.name, rng, radius_mm=20)
    return Doc([letter, annex], ["letter", "annex"], layout={"annex": kind})


BUILDERS = {"merged_header_table": merged_header_table, "vertical_form": vertical_form,
            "numbered_prose": numbered_prose, "codes_and_suffixes": codes_and_suffixes, "wide_table": wide_table,
            "continued_table": continued_table, "buried_in_long_pdf": buried_in_long_pdf,
            "landscape_annex": landscape_annex}

# what the plan of each family looks like: (min, max changes, multi-field share, 不调整 row share)
PLAN_SHAPE = {"merged_header_table": (1, 4, 0.3, 0.35), "vertical_form": (1, 3, 0.3, 0.0),
              "numbered_prose": (1, 4, 0.15, 0.0), "codes_and_suffixes": (1, 4, 0.1, 0.0),
              "wide_table": (2, 4, 0.45, 0.3), "continued_table": (2, 4, 0.1, 0.0),
              "buried_in_long_pdf": (1, 4, 0.1, 0.0), "landscape_annex": (1, 4, 0.25, 0.2)}
