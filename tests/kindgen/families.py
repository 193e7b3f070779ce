"""The eight families: each draws one request's pages from its plan, then scans and files them."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

from tests.kindgen import wording as W
from tests.kindgen.paper import BODY_FONTS, INKS, Page, scan, to_image, to_pdf, to_tiff
from tests.kindgen.plan import Block, Change, Plan, person

FAMILIES = ["row_span_table", "school_wording_labels", "extra_signers", "checkbox_form",
            "chinese_dates_handwritten_opinion", "multi_cert_long_table", "upside_down_and_mixed",
            "fullwidth_and_spacing"]

DEPT_LABELS = ["证书试点管理部门意见", "教务处意见", "教务处（证书试点管理部门）意见", "1+X证书试点工作办公室意见",
               "职能部门审核意见", "证书试点管理部门审核意见"]
LEADER_LABELS = ["校级分管领导意见", "学校意见", "学校审核意见", "分管校长意见", "主管校领导审批意见", "分管校领导意见"]
SIGN_LABELS = ["签字：", "负责人签字：", "签 字：", "负责人签章：", "审批人：", "签发：", "签名："]
DEPT_UNITS = ["教务处", "教务处", "教学质量管理处", "继续教育学院"]


@dataclass
class Ctx:
    plan: Plan
    rng: random.Random
    dpi: int
    kind: str                 # the typed body font
    pt: float                 # body size
    date_style: str

    @property
    def school(self) -> str:
        return self.plan.school.name


def new_ctx(plan: Plan, rng: random.Random) -> Ctx:
    return Ctx(plan, rng, rng.choice([150, 200, 200, 240, 300]), rng.choice(BODY_FONTS), rng.choice([11, 12, 12, 13]),
               W.date_style(rng))


# ---- parts every family uses -----------------------------------------------------------------------------

def letter_head(p: Page, ctx: Ctx, y: float, form: bool = False, x: float = 25, width: float | None = None) -> float:
    rng = ctx.rng
    width = width or p.w_mm - 2 * x
    head = W.title(rng, ctx.plan, form)
    size = rng.choice([15, 16, 18])
    while p.text_w(head, size, "serifbold") > width and size > 11:
        size -= 1
    p.text(p.w_mm / 2, y, head, size, rng.choice(["serifbold", "sansbold", "hei"]), anchor="mm")
    y += size * 0.3528 * 2.2
    if form:
        return y
    p.text(x, y, rng.choice(W.ADDRESSEES), ctx.pt, ctx.kind, anchor="lm")
    y += ctx.pt * 0.3528 * 1.9
    return p.para(x, y, width, W.intro(rng, ctx.plan), ctx.pt, ctx.kind) + 2


def put_seal(p: Page, ctx: Ctx, cx: float, cy: float, dept_at: tuple[float, float] | None = None) -> str:
    """The seal the plan asks for, centred at (cx, cy); a department's seal beside it (or at dept_at)."""
    rng, seal = ctx.rng, ctx.plan.seal
    dept_name = ctx.school + rng.choice(DEPT_UNITS)
    if seal in ("own", "own+dept"):
        p.seal(cx, cy, ctx.school, rng)
    if seal == "own+dept":
        dx, dy = dept_at or (cx - 48, cy + rng.uniform(-4, 4))
        p.seal(dx, dy, dept_name, rng, radius=rng.uniform(16, 19))
    if seal == "dept":
        p.seal(cx, cy, dept_name, rng)
    return seal


def sign_off(p: Page, ctx: Ctx, y: float, x_right: float | None = None, dept_at=None) -> float:
    """申请单位（盖章） and the date at the foot of a letter, with the seal over the date."""
    rng = ctx.rng
    xr = x_right or p.w_mm - 28
    unit = rng.choice([f"申请单位：{ctx.school}（盖章）", f"{ctx.school}（盖章）", ctx.school, f"申请单位（盖章）：{ctx.school}"])
    p.text(xr, y, unit, ctx.pt, ctx.kind, anchor="rm")
    date = W.fmt_date(ctx.plan.doc_date, ctx.date_style)
    p.text(xr - 8, y + ctx.pt * 0.3528 * 2, date, ctx.pt, ctx.kind, anchor="rm")
    put_seal(p, ctx, xr - p.text_w(date, ctx.pt, ctx.kind) / 2 - 8 + rng.uniform(-6, 6), y + rng.uniform(-2, 6),
             dept_at)
    return y + 30


def opinion_lines(p: Page, ctx: Ctx, x: float, y: float, b: Block, hand: bool, width: float = 80) -> float:
    rng = ctx.rng
    if b.opinion is None:
        return y + 8
    if hand:
        pt = rng.uniform(15, 21)
        p.hand(x + rng.uniform(0, 12), y, b.opinion, pt, rng, INKS[rng.choice(["blue", "black", "darkblue"])])
        return y + pt * 0.3528 * 1.9
    return p.para(x, y, width, b.opinion, ctx.pt, ctx.kind, indent=rng.random() < 0.4) + 1


def block(p: Page, ctx: Ctx, x: float, y: float, w: float, label: str, b: Block, sig_label: str,
          hand_opinion: bool, date_hand: bool = False) -> float:
    """Label, opinion, then the 签字 label with what stands beside it, and the date; returns the bottom."""
    rng = ctx.rng
    p.text(x, y, label + ("：" if not label.endswith("：") else ""), ctx.pt, ctx.kind, anchor="lm")
    y = opinion_lines(p, ctx, x + 6, y + ctx.pt * 0.3528 * 1.6, b, hand_opinion, w - 12) + 4
    sx = x + w * rng.uniform(0.35, 0.5)
    lw = p.text(sx, y, sig_label, ctx.pt, ctx.kind, anchor="lm")
    if b.sign == "none" and rng.random() < 0.6:
        p.line(sx + lw, y + 2.5, sx + lw + 25, y + 2.5, 0.2)
    p.signature(sx + lw + 2, y, b.name, b.sign, rng)
    date = W.fmt_date(b.date, W.date_style(rng) if rng.random() < 0.3 else ctx.date_style)
    if not date_hand and sx + lw + 40 + p.text_w(date, ctx.pt, ctx.kind) < x + w and rng.random() < 0.3:
        p.text(x + w - 2, y, date, ctx.pt, ctx.kind, anchor="rm")  # the date on the 签字 line
        return y + ctx.pt * 0.3528 * 2.4
    y += ctx.pt * 0.3528 * 2.2 + 2
    if date_hand and b.sign in ("hand", "stroke", "stamp"):
        p.hand(sx + 2, y, date, rng.uniform(13, 16), rng, INKS["blue"])
    else:
        p.text(x + w - 4, y, date if rng.random() < 0.7 else "日期：" + date, ctx.pt, ctx.kind, anchor="rm")
    return y + ctx.pt * 0.3528 * 2


def change_table_a(p: Page, ctx: Ctx, y: float, changes: list[Change], x: float = 22) -> float:
    """Layout A: 序号 | 证书名称 | 调整事项 | 原申报内容 | 调整后内容 | 调整原因."""
    rng = ctx.rng
    head = ["序号", "证书名称", rng.choice(["调整事项", "调整项目", "调整内容"]), rng.choice(["原申报内容", "原申报", "调整前"]),
            rng.choice(["调整后内容", "调整后", "拟调整为"]), rng.choice(["调整原因", "备注"])]
    rows = [head]
    for i, c in enumerate(changes, 1):
        rows.append([str(i), W.cert_text(rng, ctx.plan, c), W.field_label(rng, c.field),
                     W.value_text(rng, c.field, c.old), W.value_text(rng, c.field, c.new), rng.choice(W.REASONS)])
    total = p.w_mm - 2 * x
    widths = [12, 48, 24, 30, 30]
    widths.append(total - sum(widths))
    bottom, _ = p.table(x, y, widths, rows, ctx.pt - 1.5, ctx.kind, min_h=rng.uniform(8, 10))
    return bottom + 4


def prose_changes(p: Page, ctx: Ctx, y: float, changes: list[Change], x: float = 25) -> float:
    rng = ctx.rng
    nums = rng.choice([[f"{i}．" for i in range(1, 9)], [f"（{W.cn_number(i)}）" for i in range(1, 9)],
                       [f"{i}、" for i in range(1, 9)]])
    for i, c in enumerate(changes):
        y = p.para(x, y, p.w_mm - 2 * x, nums[i] + W.prose(rng, ctx.plan, c) + "。", ctx.pt, ctx.kind)
    return y + 2


# ---- 1. row_span_table -----------------------------------------------------------------------------------

UNCHANGED = ["不调整", "无变化", "不变", "—", "/"]


def row_span_table(ctx: Ctx) -> list[Page]:
    rng, plan = ctx.rng, ctx.plan
    landscape = rng.random() < 0.3
    p = Page(ctx.dpi, landscape)
    y = letter_head(p, ctx, 22)
    groups: dict[object, list[Change]] = {}
    for c in plan.changes:
        groups.setdefault(c.app_id or c.certificate, []).append(c)
    level_col = rng.random() < 0.45
    head = ["序号", "证书名称"] + (["等级"] if level_col else []) + [
        rng.choice(["调整项目", "调整类型"]), rng.choice(["原申报内容", "原申报\n内容"]),
        rng.choice(["调整后内容", "申请调整内容", "调整后\n内容"]),
        rng.choice(["备注", "调整原因", "说明"])]
    rows: list[list[str | None]] = [head]
    spans = {}
    order = list(groups.values())
    n = 0
    for gi, group in enumerate(order, 1):
        c0 = group[0]
        items: list[tuple[str, str, str, str]] = []
        for c in group:
            items.append((W.field_label(rng, c.field), W.value_text(rng, c.field, c.old),
                          W.value_text(rng, c.field, c.new), rng.choice(W.REASONS[:-1])))
        fields = {c.field for c in group}
        spare = [f for f in ("level", "major", "headcount") if f not in fields]
        if spare and (len(items) < 2 or rng.random() < 0.5) and len(items) < 3:
            f = rng.choice(spare)
            old = {"level": c0.level, "major": c0.major, "headcount": c0.headcount}[f]
            mark = rng.choice(UNCHANGED)
            if mark in ("—", "/") or rng.random() < 0.3:
                items.append((W.field_label(rng, f), W.value_text(rng, f, old), mark if rng.random() < 0.5 else
                              W.value_text(rng, f, old), rng.choice(["不调整", "无变化"])))
            else:
                items.append((W.field_label(rng, f), W.value_text(rng, f, old), mark, ""))
            if rng.random() < 0.5:
                items.insert(0, items.pop())
        r0 = len(rows)
        for k, (label, old, new, note) in enumerate(items):
            first = k == 0
            row: list[str | None] = [str(gi) if first else None,
                                     W.cert_text(rng, plan, c0, level=not level_col) if first else None]
            if level_col:
                row.append(c0.level if first else None)
            row += [label, old, new, note]
            rows.append(row)
            n += 1
        if len(items) > 1:
            for col in range(3 if level_col else 2):
                spans[(r0, col)] = len(items)
        elif level_col is False:
            pass
    total = p.w_mm - 44
    widths = [11, 38] + ([14] if level_col else []) + [rng.choice([15, 17, 22]), rng.choice([15, 17]),
                                                       rng.choice([17, 22])]
    rest = total - sum(widths)
    if rest > 40:  # landscape: the spare width goes to the certificate and the value columns
        spare = rest - 40
        widths[1] += spare * 0.4
        widths[-1] += spare * 0.2
        widths[-2] += spare * 0.2
        rest = 40 + spare * 0.2
    widths.append(rest)
    y, _ = p.table(22, y + 2, widths, rows, ctx.pt - rng.choice([1, 1.5, 2]), ctx.kind, min_h=rng.uniform(8, 11),
                   spans=spans)
    y = p.para(25, y + 5, p.w_mm - 50, W.closing(rng), ctx.pt, ctx.kind) + 4
    if landscape:
        p2 = Page(ctx.dpi)
        y2 = 30
        pages = [p, p2]
    else:
        p2, y2, pages = p, y, [p]
    x, w = 25, p2.w_mm - 50
    hand = rng.random() < 0.5
    y2 = block(p2, ctx, x, y2, w, "证书试点管理部门意见", plan.dept, rng.choice(["签字：", "负责人签字："]), hand)
    y2 = block(p2, ctx, x, y2 + 2, w, "校级分管领导意见", plan.leader, rng.choice(["签字：", "领导签字："]), hand)
    sign_off(p2, ctx, y2 + 8)
    return pages


# ---- 2. school_wording_labels ----------------------------------------------------------------------------

def school_wording_labels(ctx: Ctx) -> list[Page]:
    rng, plan = ctx.rng, ctx.plan
    p = Page(ctx.dpi)
    y = letter_head(p, ctx, 24)
    y = change_table_a(p, ctx, y + 2, plan.changes) if rng.random() < 0.6 else prose_changes(p, ctx, y, plan.changes)
    y = p.para(25, y + 2, p.w_mm - 50, W.closing(rng), ctx.pt, ctx.kind) + 4
    dl, ll = rng.choice(DEPT_LABELS[1:5]), rng.choice(LEADER_LABELS[1:5])
    sl = rng.choice(SIGN_LABELS[1:])
    sl2 = sl if rng.random() < 0.6 else rng.choice(SIGN_LABELS[1:])
    hand = rng.random() < 0.5
    if rng.random() < 0.5:  # stacked blocks
        y = block(p, ctx, 25, y, p.w_mm - 50, dl, plan.dept, sl, hand)
        y = block(p, ctx, 25, y + 2, p.w_mm - 50, ll, plan.leader, sl2, hand)
        sign_off(p, ctx, y + 6)
    else:  # two ruled boxes side by side
        top, w = y + 2, (p.w_mm - 50) / 2
        h = 58
        p.rect(25, top, 25 + w, top + h)
        p.rect(25 + w, top, 25 + 2 * w, top + h)
        block(p, ctx, 28, top + 6, w - 6, dl, plan.dept, sl, hand)
        block(p, ctx, 28 + w, top + 6, w - 6, ll, plan.leader, sl2, hand)
        sign_off(p, ctx, top + h + 12)
    return [p]


# ---- 3. extra_signers ------------------------------------------------------------------------------------

def extra_signers(ctx: Ctx) -> list[Page]:
    rng, plan = ctx.rng, ctx.plan
    p = Page(ctx.dpi)
    y = letter_head(p, ctx, 22, form=True)
    x, total = 20, p.w_mm - 40
    clerk_label = rng.choice(["经办人", "填表人", "联系人"])
    clerk = plan.contact
    rows = [["单位名称", ctx.school, "填表日期", W.fmt_date(plan.doc_date, ctx.date_style)],
            [clerk_label, "", "联系电话", plan.phone]]
    bottom, boxes = p.table(x, y, [28, total * 0.45, 26, total - 54 - total * 0.45], rows, ctx.pt - 1, ctx.kind,
                            min_h=12, bold_rows=0)
    bx = boxes[(1, 1)]
    p.signature(bx[0] + 6, (bx[1] + bx[3]) / 2, clerk, rng.choice(["hand", "hand", "stroke"]), rng)
    y = change_table_a(p, ctx, bottom + 4, plan.changes, x)
    hand = rng.random() < 0.5
    top, w = y + 2, total
    clerk_in_box = rng.random() < 0.5
    h = 54 if clerk_in_box else 46
    for label, b in (("证书试点管理部门意见", plan.dept), ("校级分管领导意见", plan.leader)):
        p.rect(x, top, x + w, top + h)
        bottom = block(p, ctx, x + 4, top + 6, w - 8, label, b, rng.choice(["签字：", "负责人签字：", "签 字："]), hand)
        if clerk_in_box:  # the clerk who drafted it signs too, at the left — not the approver
            lw = p.text(x + 6, bottom - 1, rng.choice(["经办人：", "经办人签字：", "审核人（经办）："]), ctx.pt - 1, ctx.kind,
                        anchor="lm")
            p.signature(x + 7 + lw, bottom - 1, person(rng), rng.choice(["hand", "stroke"]), rng)
        top += h
    p.rect(x, top, x + w, top + 34)
    p.text(x + 4, top + 6, "单位（盖章）：", ctx.pt, ctx.kind, anchor="lm")
    date = W.fmt_date(plan.doc_date, ctx.date_style)
    p.text(x + w - 10, top + 24, date, ctx.pt, ctx.kind, anchor="rm")
    put_seal(p, ctx, x + w - 10 - p.text_w(date, ctx.pt, ctx.kind) / 2, top + 18 + rng.uniform(-3, 3))
    top += 40
    extra = rng.choice(["填表人", "经办人", "联系人"])
    lw = p.text(x + 2, top, f"{extra}：", ctx.pt, ctx.kind, anchor="lm")
    p.signature(x + 2 + lw, top, clerk if extra == clerk_label else person(rng), rng.choice(["hand", "stroke"]), rng)
    p.text(x + 70, top, f"电话：{plan.phone if rng.random() < 0.5 else '1' + str(rng.randint(3000000000, 9899999999))}",
           ctx.pt, ctx.kind, anchor="lm")
    return [p]


# ---- 4. checkbox_form ------------------------------------------------------------------------------------

def checkbox_form(ctx: Ctx) -> list[Page]:
    rng, plan = ctx.rng, ctx.plan
    p = Page(ctx.dpi, landscape=rng.random() < 0.35)
    y = letter_head(p, ctx, 20, form=True)
    x, total = 18, p.w_mm - 36
    p.text(x, y, f"单位名称：{ctx.school}", ctx.pt, ctx.kind, anchor="lm")
    p.text(x + total * 0.55, y, f"联系人：{plan.contact}    电话：{plan.phone}", ctx.pt - 1, ctx.kind, anchor="lm")
    y += 9
    fields = {c.field for c in plan.changes}
    lw = p.text(x, y, "调整类型：", ctx.pt, ctx.kind, anchor="lm")
    cx = x + lw + 1
    box = ctx.pt * 0.3528 * 0.85
    for f, name in (("level", "考核等级"), ("major", "考核专业"), ("headcount", "人数规模")):
        p.checkbox(cx, y - box / 2, box, f in fields, rng)
        cx += box + 1.5
        cx += p.text(cx, y, name, ctx.pt, ctx.kind, anchor="lm") + 6
    y += 8
    head = ["序号", "证书名称", "原考核等级", "新考核等级", "原考核专业", "新考核专业", "原人数规模", "新人数规模"]
    rows: list[list[str | None]] = [head]
    groups: dict[object, list[Change]] = {}
    for c in plan.changes:
        groups.setdefault(c.app_id or c.certificate, []).append(c)
    blank = rng.choice(["", "/", "—"])
    for i, group in enumerate(groups.values(), 1):
        c0 = group[0]
        by = {c.field: c for c in group}
        row = [str(i), W.cert_text(rng, plan, c0, level="level" not in by and (W.must_state_level(plan, c0) or
                                                                                 rng.random() < 0.5))]
        code = rng.random() < 0.3
        for f in ("level", "major", "headcount"):
            if f in by:
                row += [W.value_text(rng, f, by[f].old, unit=False, code=code),
                        W.value_text(rng, f, by[f].new, unit=False, code=code)]
            elif f == "level" and rng.random() < 0.5:
                row += [c0.level, rng.choice(["不变", c0.level, blank])]  # context, not a change
            else:
                row += [blank, blank]
        rows.append(row)
    for _ in range(rng.choice([0, 1, 2])):
        rows.append([""] * len(head))
    widths = [10, 40, 18, 18, 30, 30, 18, 18]
    scale = total / sum(widths)
    y, _ = p.table(x, y, [w * scale for w in widths], rows, ctx.pt - 2, ctx.kind, min_h=9)
    hand = rng.random() < 0.6
    h = 44
    w = total / 3
    cells = [("证书试点管理部门意见", plan.dept), ("校级分管领导意见", plan.leader)]
    if p.h_mm - y < 2 * h + 10:
        h = max(34, (p.h_mm - y - 14) / 1)
    for k, (label, b) in enumerate(cells):
        p.rect(x + k * w, y, x + (k + 1) * w, y + h)
        block(p, ctx, x + k * w + 3, y + 6, w - 6, label, b, rng.choice(["签字：", "签名："]), hand)
    p.rect(x + 2 * w, y, x + total, y + h)
    p.text(x + 2 * w + 3, y + 6, "单位（盖章）", ctx.pt, ctx.kind, anchor="lm")
    date = W.fmt_date(plan.doc_date, ctx.date_style)
    p.text(x + total - 6, y + h - 8, date, ctx.pt, ctx.kind, anchor="rm")
    put_seal(p, ctx, x + total - 6 - p.text_w(date, ctx.pt, ctx.kind) / 2, y + h - 14,
             dept_at=(x + w * 0.7, y + h * 0.55))
    return [p]


# ---- 5. chinese_dates_handwritten_opinion ----------------------------------------------------------------

def chinese_dates_handwritten_opinion(ctx: Ctx) -> list[Page]:
    rng, plan = ctx.rng, ctx.plan
    ctx.date_style = rng.choice(["cn", "cn", "ymd"])
    p = Page(ctx.dpi)
    y = letter_head(p, ctx, 24)
    y = change_table_a(p, ctx, y + 2, plan.changes) if rng.random() < 0.5 else prose_changes(p, ctx, y, plan.changes)
    y = p.para(25, y + 2, p.w_mm - 50, W.closing(rng), ctx.pt, ctx.kind) + 6
    sign_off(p, ctx, y)
    y += 34
    ink = INKS[rng.choice(["blue", "black", "darkblue"])]
    side = rng.random() < 0.5
    w = (p.w_mm - 50) / (2 if side else 1)
    for k, (label, b) in enumerate((("证书试点管理部门意见：", plan.dept), ("校级分管领导意见：", plan.leader))):
        bx = 25 + (k * w if side else 0)
        by = y if side else y + k * 46
        p.text(bx, by, label, ctx.pt, ctx.kind, anchor="lm")
        if b.opinion:
            pt = rng.uniform(16, 24)
            p.hand(bx + rng.uniform(8, 20), by + 6, b.opinion, pt, rng, ink, rotate=rng.uniform(-6, 4))
        ny = by + 22
        if b.sign in ("hand", "stroke", "stamp"):
            p.signature(bx + w * rng.uniform(0.35, 0.5), ny, b.name, b.sign, rng, ink)
        elif b.sign == "typed":
            p.text(bx + w * 0.45, ny, b.name, ctx.pt, ctx.kind, anchor="lm")
        date = W.fmt_date(b.date, rng.choice(["cn", "ymd"]))
        if b.sign in ("hand", "stroke", "stamp"):
            p.hand(bx + w * rng.uniform(0.3, 0.45), ny + 8, date, rng.uniform(13, 17), rng, ink)
        else:
            p.text(bx + w * 0.4, ny + 10, date, ctx.pt, ctx.kind, anchor="lm")
    return [p]


# ---- 6. multi_cert_long_table ----------------------------------------------------------------------------

def multi_cert_long_table(ctx: Ctx) -> list[Page]:
    rng, plan = ctx.rng, ctx.plan
    school = plan.school
    changed = {}
    for c in plan.changes:
        changed.setdefault(c.app_id, {})[c.field] = c
    decls = list(school.declarations)
    undeclared = [c for c in plan.changes if c.app_id is None]
    wide = len(decls) >= 8
    rows: list[list[str]] = []
    same = rng.choice(["same", "dash", "mark"])
    code = rng.random() < 0.35
    if wide:
        head = ["序号", "证书名称", "原等级", "调整后等级", "原试点专业", "调整后专业", "原人数", "调整后人数", "备注"]
        for d in decls:
            ch = changed.get(d.app_id, {})
            row = [W.cert_text(rng, plan, Change(d.certificate, "headcount", 0, 0, d.level, d.app_id, d.major, 0),
                               level=False, official=False)]
            for f, old in (("level", d.level), ("major", d.major), ("headcount", d.headcount)):
                o = W.value_text(rng, f, old, unit=False, code=code)
                if f in ch:
                    row += [o, W.value_text(rng, f, ch[f].new, unit=False, code=code)]
                else:
                    row += [o, {"same": o, "dash": "—", "mark": "不变"}[same]]
            row.append("调整" if ch else rng.choice(["不调整", "", "无变化"]))
            rows.append(row)
        for c in undeclared:
            row = [c.certificate, c.level, c.level, W.value_text(rng, "major", c.major, code=code),
                   W.value_text(rng, "major", c.major, code=code), str(c.old), str(c.new), "调整"]
            rows.insert(rng.randint(0, len(rows)), row)
        widths = [10, 42, 15, 17, 34, 34, 15, 17, 20]
    else:
        head = ["序号", "证书名称", "等级", "调整项目", "原申报", "调整为", "备注"]
        for d in decls:
            ch = changed.get(d.app_id, {})
            fields = ["headcount", "major"] + (["level"] if "level" in ch else [])
            for f in fields:
                old = {"level": d.level, "major": d.major, "headcount": d.headcount}[f]
                o = W.value_text(rng, f, old, code=code)
                new = W.value_text(rng, f, ch[f].new, code=code) if f in ch else {"same": o, "dash": "—",
                                                                                    "mark": "不调整"}[same]
                rows.append([d.certificate, d.level, W.field_label(rng, f), o, new, "" if f in ch else
                             rng.choice(["不调整", "", "无变化"])])
        for c in undeclared:
            rows.insert(rng.randint(0, len(rows)), [c.certificate, c.level, "人数规模", f"{c.old}人", f"{c.new}人", ""])
        widths = [10, 48, 14, 22, 34, 34, 20]
    rows = [[str(i)] + r for i, r in enumerate(rows, 1)]
    landscape = wide
    pages = [Page(ctx.dpi, landscape)]
    p = pages[0]
    y = letter_head(p, ctx, 18, form=rng.random() < 0.4)
    scale = (p.w_mm - 36) / sum(widths)
    widths = [w * scale for w in widths]
    rows_per_page = int((p.h_mm - y - 20) / 9.5) - 1
    split = len(rows) > rows_per_page or rng.random() < 0.35
    cut = min(len(rows), rows_per_page) if not split else min(rows_per_page, max(3, len(rows) // 2 + rng.randint(-1, 2)))
    y, _ = p.table(18, y, widths, [head] + rows[:cut], ctx.pt - 2.5, ctx.kind, min_h=8.5)
    if cut < len(rows):
        p.text(p.w_mm - 20, y + 5, "（续表见下页）", ctx.pt - 2, ctx.kind, anchor="rm")
        p = Page(ctx.dpi, landscape)
        pages.append(p)
        p.text(18, 16, rng.choice(["续表", "续表：", "（续表）"]), ctx.pt, ctx.kind, anchor="lm")
        y, _ = p.table(18, 22, widths, [head] + rows[cut:], ctx.pt - 2.5, ctx.kind, min_h=8.5)
    y += 6
    need = 110
    if p.h_mm - y < need:
        p = Page(ctx.dpi, landscape)
        pages.append(p)
        y = 25
    if landscape:
        w = (p.w_mm - 50) / 2
        block(p, ctx, 25, y, w - 6, "证书试点管理部门意见", plan.dept, "签字：", rng.random() < 0.5)
        yb = block(p, ctx, 25 + w, y, w - 6, "校级分管领导意见", plan.leader, "签字：", rng.random() < 0.5)
        sign_off(p, ctx, yb + 6)
    else:
        y = block(p, ctx, 25, y, p.w_mm - 50, "证书试点管理部门意见", plan.dept, "签字：", rng.random() < 0.5)
        y = block(p, ctx, 25, y, p.w_mm - 50, "校级分管领导意见", plan.leader, "签字：", rng.random() < 0.5)
        sign_off(p, ctx, y + 5)
    return pages


# ---- 7. upside_down_and_mixed ----------------------------------------------------------------------------

def upside_down_and_mixed(ctx: Ctx) -> list[Page]:
    rng, plan = ctx.rng, ctx.plan
    letter = Page(ctx.dpi)
    y = letter_head(letter, ctx, 26)
    y = change_table_a(letter, ctx, y + 2, plan.changes) if rng.random() < 0.7 else prose_changes(letter, ctx, y,
                                                                                                    plan.changes)
    letter.para(25, y + 2, letter.w_mm - 50, W.closing(rng) + "（审批意见见附页）", ctx.pt, ctx.kind)
    approvals = Page(ctx.dpi)
    ay = 30
    approvals.text(approvals.w_mm / 2, ay, rng.choice(["审批意见", "申报调整审批单", "学校审批意见"]), 16, "serifbold", anchor="mm")
    ay += 16
    hand = rng.random() < 0.5
    ay = block(approvals, ctx, 25, ay, approvals.w_mm - 50, "证书试点管理部门意见", plan.dept, "签字：", hand)
    ay = block(approvals, ctx, 25, ay + 4, approvals.w_mm - 50, "校级分管领导意见", plan.leader, "签字：", hand)
    sign_off(approvals, ctx, ay + 8)
    blank = Page(ctx.dpi)
    if rng.random() < 0.4:
        blank.text(blank.w_mm / 2, 150, rng.choice(["（以下无正文）", "（此页无正文）"]), 10, ctx.kind, anchor="mm")
    order = rng.choice([[approvals, blank, letter], [approvals, letter, blank], [letter, blank, approvals],
                        [blank, approvals, letter]])
    ctx.plan.extra["order"] = [{id(approvals): "approvals", id(blank): "blank", id(letter): "letter"}[id(x)]
                               for x in order]
    return order


# ---- 8. fullwidth_and_spacing ----------------------------------------------------------------------------

FW = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def fullwidth(s: str) -> str:
    return "".join(FW.get(ch, ch) for ch in s)


def spaced(s: str) -> str:
    return " ".join(s) if len(s) <= 6 else s


def fw_cert(rng: random.Random, plan: Plan, c: Change) -> str:
    name = c.certificate
    style = rng.choice(["fw", "space", "plain", "fw"])
    if style == "fw" or any(ch.isascii() and ch.isalnum() for ch in name) and style != "space":
        name = fullwidth(name)
    elif style == "space":
        name = spaced(name)
    q1, q2 = rng.choice([("「", "」"), ("“", "”"), ("《", "》"), ("", "")])
    suffix = rng.choice(["职业技能等级证书", "证书", ""])
    lvl = f"（{c.level}）" if W.must_state_level(plan, c) or rng.random() < 0.6 else ""
    if q1 == "《":
        return f"《{name}{suffix}》{lvl}" if suffix else f"《{name}》{lvl}"
    return f"{q1}{name}{q2}{suffix}{lvl}"


def fw_value(rng: random.Random, f: str, v: object) -> str:
    if f == "headcount":
        return fullwidth(str(v)) + ("人" if rng.random() < 0.8 else "")
    if f == "major":
        return W.major_text(rng, str(v), code=rng.random() < 0.6).replace(" ", rng.choice([" ", "\u3000", ""]))
    return str(v)


def fullwidth_and_spacing(ctx: Ctx) -> list[Page]:
    rng, plan = ctx.rng, ctx.plan
    p = Page(ctx.dpi)
    y = letter_head(p, ctx, 24)
    if rng.random() < 0.5:
        for i, c in enumerate(plan.changes, 1):
            cert = fw_cert(rng, plan, c)
            if c.field == "headcount":
                s = f"{fullwidth(str(i))}．{cert}试点人数由{fw_value(rng, 'headcount', c.old)}调整为{fw_value(rng, 'headcount', c.new)}。"
            elif c.field == "level":
                cert = cert.replace(f"（{c.level}）", "")
                s = f"{fullwidth(str(i))}．{cert}考核等级由{c.old}调整为{c.new}。"
            else:
                s = f"{fullwidth(str(i))}．{cert}考核专业由“{fw_value(rng, 'major', c.old)}”调整为“{fw_value(rng, 'major', c.new)}”。"
            y = p.para(25, y, p.w_mm - 50, s, ctx.pt, ctx.kind)
        y += 4
    else:
        rows = [["序号", "证书名称", "调整事项", "原申报内容", "调整后内容"]]
        for i, c in enumerate(plan.changes, 1):
            rows.append([fullwidth(str(i)), fw_cert(rng, plan, c), W.field_label(rng, c.field),
                         fw_value(rng, c.field, c.old), fw_value(rng, c.field, c.new)])
        widths = [12, 62, 26, 30]
        widths.append(p.w_mm - 44 - sum(widths))
        y, _ = p.table(22, y + 2, widths, rows, ctx.pt - 1.5, ctx.kind, min_h=9)
        y += 5
    y = p.para(25, y, p.w_mm - 50, W.closing(rng), ctx.pt, ctx.kind) + 4
    dl = rng.choice(["证书试点管理部门意见", "证 书 试 点 管 理 部 门 意 见"])
    y = block(p, ctx, 25, y, p.w_mm - 50, dl, plan.dept, rng.choice(["签字：", "签 字："]), rng.random() < 0.5)
    y = block(p, ctx, 25, y + 2, p.w_mm - 50, "校级分管领导意见", plan.leader, rng.choice(["签字：", "签 字："]),
              rng.random() < 0.5)
    sign_off(p, ctx, y + 6)
    return [p]


DRAW: dict[str, Callable[[Ctx], list[Page]]] = {
    "row_span_table": row_span_table, "school_wording_labels": school_wording_labels, "extra_signers": extra_signers,
    "checkbox_form": checkbox_form, "chinese_dates_handwritten_opinion": chinese_dates_handwritten_opinion,
    "multi_cert_long_table": multi_cert_long_table, "upside_down_and_mixed": upside_down_and_mixed,
    "fullwidth_and_spacing": fullwidth_and_spacing}


# ---- capture: scanner, file types ------------------------------------------------------------------------

def build(plan: Plan, rng: random.Random) -> tuple[list[tuple[str, bytes]], str]:
    """The attachments (filename, bytes) and a one-line description of how they were captured."""
    ctx = new_ctx(plan, rng)
    pages = DRAW[plan.family](ctx)
    fmt = rng.choice(["pdf", "pdf", "pdf", "jpg", "png", "tif", "zip"])
    if len(pages) > 1 and fmt in ("jpg", "png"):
        fmt = rng.choice(["pdf", "tif", "jpgs"])
    if plan.family == "upside_down_and_mixed":
        fmt = "pdf"
    lossless = fmt in ("png", "tif")
    grey = rng.random() < (0.6 if lossless else 0.2)
    imgs = [scan(p.img, rng, grey=grey, noise=rng.uniform(0.5, 1.5) if lossless else None) for p in pages]
    if lossless and not grey:  # the scanner's 8-bit palette mode keeps lossless files small
        imgs = [img.quantize(colors=rng.choice([32, 64]), method=Image.Quantize.MEDIANCUT).convert("RGB")
                .quantize(colors=64) for img in imgs]
    turned = ""
    if plan.family == "upside_down_and_mixed":
        k = rng.choice([i for i, name in enumerate(plan.extra["order"]) if name != "blank"])
        angle = rng.choice([180, 180, 90, 270])
        imgs[k] = imgs[k].rotate(angle, expand=True)
        turned = f" page{k + 1} turned {angle}"
    stem = rng.choice([f"{ctx.school}2024年证书申报调整申请", "证书申报调整申请（盖章扫描件）", f"{ctx.school}调整申请",
                       "扫描全能王 2024-03-0" + str(rng.randint(1, 9)), "调整申请表"])
    if fmt == "pdf":
        files = [(f"{stem}.pdf", to_pdf(imgs, ctx.dpi, rng))]
    elif fmt == "tif":
        files = [(f"{stem}.tif", to_tiff(imgs, ctx.dpi))]
    elif fmt == "zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for i, img in enumerate(imgs, 1):
                z.writestr(f"{stem}_{i}.jpg", to_image(img, "JPEG", ctx.dpi, rng))
        files = [(f"{stem}.zip", buf.getvalue())]
    elif fmt == "jpgs":
        files = [(f"{stem}_{i}.jpg", to_image(img, "JPEG", ctx.dpi, rng)) for i, img in enumerate(imgs, 1)]
    else:
        files = [(f"{stem}.{fmt}", to_image(imgs[0], "JPEG" if fmt == "jpg" else "PNG", ctx.dpi, rng))]
    capture = f"{fmt} {ctx.dpi}dpi {len(imgs)}p font={ctx.kind}{' grey' if grey else ''}{turned}"
    return files, capture


def page_images(plan: Plan, rng: random.Random) -> list[Image.Image]:
    """The drawn pages before scanning (for tests and inspection)."""
    return [p.img for p in DRAW[plan.family](new_ctx(plan, rng))]
