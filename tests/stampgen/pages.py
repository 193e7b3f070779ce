"""Page layouts of the eight stampgen families."""

from __future__ import annotations

import random
from datetime import date

from . import draw
from .data import CODES
from .draw import H, Page, W
from .plan import Approval, Change, Plan

FIELD_CN = {"headcount": "人数规模", "level": "考核等级", "major": "考核专业"}
L, R = 150, W - 150


def hand_date(rng: random.Random, d: date) -> str:
    return rng.choice((f"{d.year}.{d.month}.{d.day}", f"{d.month}月{d.day}日", f"{d.year}年{d.month}月{d.day}日",
                       f"{d.year}.{d.month:02d}.{d.day:02d}"))


def value(c: Change, v: str | int, rng: random.Random, variants: bool = False) -> str:
    if c.field == "headcount":
        return f"{v}{rng.choice(('人', '名')) if variants else '人'}"
    if c.field == "major" and variants and CODES.get(str(v)) and rng.random() < 0.6:
        return f"{CODES[str(v)]}{rng.choice(('', ' '))}{v}"
    return str(v)


def cert_name(c: Change, rng: random.Random, variants: bool) -> str:
    name = c.cert
    if variants:
        if name == "建筑信息模型（BIM）" and rng.random() < 0.6:
            name = "建筑信息模型(BIM)"
        if name == "Web前端开发" and rng.random() < 0.6:
            name = "Web 前端开发"
        form = rng.choice(("plain", "title", "title", "quoted"))
        if form == "title":
            return f"{name}职业技能等级证书（{c.level}）"
        if form == "quoted":
            return f"“1+X”{name}职业技能等级证书（{c.level}）"
        return f"{name}（{c.level}）"
    return f"{name}（{c.level}）"


def sign(page: Page, rng: random.Random, x: float, y: float, a: Approval) -> float:
    """The approver's mark after a 签字 label at (x, y): signature, 名章, 签名章, typed name or nothing."""
    if a.sign == "hand":
        return draw.signature(page, rng, x + rng.uniform(0, 20), y - rng.uniform(6, 18), a.name, a.ink)
    if a.sign == "namestamp":
        draw.stamp_layer(page, rng, draw.name_stamp(rng, a.name, rng.randint(84, 100)), x + 60, y + 16, draw.RED)
        return x + 120
    if a.sign == "sigstamp":
        img = draw.signature_stamp(rng, a.name)
        draw.stamp_layer(page, rng, img, x + img.width / 2 + 10, y + 18, draw.INKS[a.ink], keep=0.9)
        return x + img.width + 20
    if a.sign == "typed":
        return page.text(x + 10, y, a.name, 32)
    return x + 160


def changes_table(page: Page, rng: random.Random, plan: Plan, y: float, variants: bool = False,
                  hand_fill: bool = False) -> float:
    """Layout A (序号|证书名称|调整事项|原申报内容|调整后内容|调整原因) or a variant with a separate 等级 column."""
    split_level = variants and rng.random() < 0.5
    if split_level:
        heads = ["序号", "证书名称", "等级", "调整事项", "原申报", "调整为", "调整原因"]
        cols = [90, 330, 110, 150, 160, 160, 354]
    else:
        heads = ["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"]
        cols = [90, 380, 160, 180, 180, 364]
    xs = [L]
    for c in cols:
        xs.append(xs[-1] + c)
    size = 28
    rh = 96
    page.box(xs[0], y, xs[-1], y + 70)
    for i, h in enumerate(heads):
        page.cell(xs[i], y, xs[i + 1], y + 70, h, size)
    top = y
    y += 70
    rows = plan.changes + ([] if hand_fill or rng.random() < 0.5 else [None])
    for n, c in enumerate(rows, 1):
        page.box(xs[0], y, xs[-1], y + rh)
        if c is not None:
            if split_level:
                nm = cert_name(c, rng, variants).replace(f"（{c.level}）", "")
                cells = [str(n), nm, rng.choice((c.level, c.level + "证书")), FIELD_CN[c.field],
                         value(c, c.frm, rng, variants), value(c, c.to, rng, variants), c.reason]
            else:
                cells = [str(n), cert_name(c, rng, variants), FIELD_CN[c.field], value(c, c.frm, rng, variants),
                         value(c, c.to, rng, variants), c.reason]
            for i, s in enumerate(cells):
                if hand_fill:
                    fit = min(34, int((xs[i + 1] - xs[i] - 16) / max(1, len(s)) / 0.95))
                    fit = max(20, fit)
                    if len(s) * fit * 0.95 > xs[i + 1] - xs[i] - 10:
                        half = (len(s) + 1) // 2
                        draw.hand(page, rng, xs[i] + 8, y + 8, s[:half], fit, plan.dept.ink)
                        draw.hand(page, rng, xs[i] + 8, y + 50, s[half:], fit, plan.dept.ink)
                    else:
                        draw.hand(page, rng, xs[i] + 8, y + rh / 2 - fit / 2, s, fit, plan.dept.ink)
                elif c.wrong is not None and i == len(cells) - 2:
                    wrong = value(c, c.wrong, rng, False)
                    tw = page.width(wrong, size)
                    x0 = (xs[i] + xs[i + 1] - tw) / 2
                    page.text(x0, y + rh / 2 + 2, wrong, size)
                    draw.strike(page, rng, x0, x0 + tw, y + rh / 2 + 2 + size * 0.55, plan.dept.ink,
                                rng.random() < 0.5)
                    end = draw.hand(page, rng, x0 - 6, y + 4, value(c, c.to, rng, False), 32, plan.dept.ink)
                    if rng.random() < 0.6:
                        draw.stamp_layer(page, rng, draw.name_stamp(rng, plan.contact, 52), end + 30, y + 30,
                                         draw.RED)
                    else:
                        draw.hand(page, rng, end + 6, y + 12, plan.contact[0], 22, plan.dept.ink)
                else:
                    page.cell(xs[i], y, xs[i + 1], y + rh, s, size)
        y += rh
    for x in xs[1:-1]:
        page.draw.line([(x, top), (x, y)], fill=(20, 20, 20), width=2)
    return y + 30


def changes_prose(page: Page, rng: random.Random, plan: Plan, y: float, size: int, variants: bool = False) -> float:
    for n, c in enumerate(plan.changes, 1):
        nm = cert_name(c, rng, variants)
        if not variants or "证书" not in nm:
            nm = f"“{c.cert}”证书（{c.level}）" if rng.random() < 0.6 else f"{c.cert}职业技能等级证书（{c.level}）"
        what = {"headcount": "试点人数", "level": "考核等级", "major": "考核专业"}[c.field]
        frm, to = value(c, c.frm, rng, variants), value(c, c.to, rng, variants)
        if c.field == "major":
            frm, to = f"“{frm}”", f"“{to}”"
        s = f"{n}．将{nm}{what}由{frm}调整为{to}，{c.reason}。"
        y = page.para(L, y, s, size, R)
    return y + 10


def letter_head(page: Page, rng: random.Random, plan: Plan, size: int) -> float:
    title = rng.choice(("关于调整2024年1+X证书试点申报内容的申请", f"{plan.school.name}关于2024年1+X证书申报调整的申请",
                        "2024年职业技能等级证书申报调整申请"))
    y = 170 + rng.randint(-30, 40)
    page.center(y, title, size + 12 if page.width(title, size + 12, True) < W - 260 else size + 4, bold=True)
    y += 130
    page.text(L, y, rng.choice(("江苏省职业院校1+X证书制度试点工作办公室：", "省1+X办公室：")), size)
    y += size * 1.9
    body = (f"我校已于3月{rng.randint(1, 8)}日在职业技能等级证书信息管理服务平台完成2024年度1+X证书试点申报。"
            f"因{rng.choice(('专业招生计划调整', '学生报考意愿变化', '部分专业在校生人数核定后发生变化'))}，"
            "需对部分证书的申报内容进行调整，具体如下：")
    return page.para(L, y, body, size, R) + 16


def footer(page: Page, rng: random.Random, plan: Plan, y: float, size: int, sealed: bool = True) -> None:
    y = max(y + 40, H - 520 + rng.randint(-60, 60))
    unit = f"申请单位：{plan.school.name}" + ("（盖章）" if rng.random() < 0.5 else "")
    x = R - page.width(unit, size) - rng.randint(0, 60)
    page.text(x, y, unit, size)
    d = plan.doc_day
    ds = f"{d.year}年{d.month}月{d.day}日"
    dx = R - page.width(ds, size) - 80
    page.text(dx, y + size * 2, ds, size)
    if sealed:
        seal_on(page, rng, plan, (x + R) / 2 + rng.uniform(-40, 40), y + size * 1.4 + rng.uniform(-20, 20))


def seal_on(page: Page, rng: random.Random, plan: Plan, cx: float, cy: float) -> None:
    if plan.seal == "none":
        return
    if plan.seal == "dept":
        dept = rng.choice(("教务处", "招生就业处", "继续教育处"))
        img = draw.round_seal(rng, plan.school.name + dept, rng.randint(140, 160)) if rng.random() < 0.6 else \
            draw.round_seal(rng, plan.school.name, rng.randint(140, 160), inner=dept)
    else:
        img = draw.round_seal(rng, plan.school.name, rng.randint(150, 175))
    draw.stamp_layer(page, rng, img, cx, cy, draw.RED)
    if plan.extra_dept_seal:
        extra = draw.round_seal(rng, plan.school.name + "教务处", 135)
        draw.stamp_layer(page, rng, extra, cx - 380, cy + rng.uniform(-30, 30), draw.RED)


def opinion_block(page: Page, rng: random.Random, a: Approval, label: str, y: float, size: int,
                  typed_opinion: bool = False, x: float = L) -> float:
    """label：opinion (hand or typed), then 签字：mark   日期：date on the next line."""
    end = page.text(x, y, label, size)
    if typed_opinion:
        page.text(end + 10, y, a.opinion, size)
    else:
        draw.hand(page, rng, end + 14, y - 4, a.opinion, size + 6, a.ink)
    y += size * 2.4
    sl = rng.choice(("签字：", "负责人签字：", "签名："))
    sx = x + rng.randint(200, 420)
    end = page.text(sx, y, sl, size)
    sign(page, rng, end, y, a)
    dx = sx + 520
    end = page.text(dx, y, "日期：", size)
    if a.sign == "sigstamp":
        framed = rng.random() < 0.4
        txt = f"{a.day.year}.{a.day.month:02d}.{a.day.day:02d}"
        img = draw.date_stamp(rng, txt, framed)
        draw.stamp_layer(page, rng, img, end + img.width / 2 + 10, y + 18, draw.INKS[a.ink], keep=0.8)
    else:
        draw.hand(page, rng, end + 10, y - 2, hand_date(rng, a.day), size + 2, a.ink)
    return y + size * 2.6


# --- families --------------------------------------------------------------------------------------------


def checkbox_opinion(page: Page, rng: random.Random, plan: Plan, size: int) -> None:
    y = letter_head(page, rng, plan, size)
    y = changes_table(page, rng, plan, y) if rng.random() < 0.6 else changes_prose(page, rng, plan, y, size)
    y = page.para(L, y, "特此申请。", size, R) + 20
    pass_words = rng.random() < 0.35
    for a, label in ((plan.dept, "证书试点管理部门意见："), (plan.leader, rng.choice(("校级分管领导意见：", "分管校领导审核：")))):
        end = page.text(L, y, label, size)
        yes, no = ("通过", "不通过") if pass_words and a.role == "leader" else ("同意", "不同意")
        if pass_words and a.role == "leader":
            end = page.text(end + 10, y, "审核结果：", size)
        bx = end + 30
        draw.checkbox(page, bx, y, size)
        e1 = page.text(bx + size, y, yes, size)
        nx = e1 + 50
        draw.checkbox(page, nx, y, size)
        page.text(nx + size, y, no, size)
        target = bx if a.agrees else nx
        draw.tick(page, rng, target + size * 0.4, y + size * 0.55, size, a.ink, cross=rng.random() < 0.2)
        if a.agrees and rng.random() < 0.4:
            draw.hand(page, rng, nx + size * 4.5, y - 2, rng.choice(("情况属实", "请办理", "按程序上报")), size, a.ink)
        y += size * 2.3
        end = page.text(L + 60, y, rng.choice(("签字：", "负责人（签字）：")), size)
        sign(page, rng, end, y, a)
        end = page.text(L + 640, y, "日期：", size)
        draw.hand(page, rng, end + 10, y - 2, hand_date(rng, a.day), size + 2, a.ink)
        y += size * 3
    footer(page, rng, plan, y, size)


def approval_grid_rows(page: Page, rng: random.Random, plan: Plan, size: int) -> None:
    y = letter_head(page, rng, plan, size)
    y = changes_table(page, rng, plan, y)
    page.text(L, y, rng.choice(("审批意见：", "学校审批情况：")), size, bold=True)
    y += size * 1.8
    xs = [L, L + 300, L + 760, L + 1090, R]
    page.box(xs[0], y, xs[-1], y + 64)
    for i, h in enumerate(("审批环节", "审批意见", "签字", "日期")):
        page.cell(xs[i], y, xs[i + 1], y + 64, h, size - 2)
    top = y
    y += 64
    clerk = Approval("clerk", rng.choice(("拟调整，请审核。", "申请调整，请审批。", "已核对数据，请审批")), True, "hand",
                     plan.contact, plan.dept.day, plan.dept.ink)
    rows = ((clerk, "申请部门（经办）"), (plan.dept, "证书试点管理部门"), (plan.leader, "校级分管领导"))
    rh = 150
    for a, label in rows:
        page.box(xs[0], y, xs[-1], y + rh)
        page.cell(xs[0], y, xs[1], y + rh, label, size - 2)
        draw.hand(page, rng, xs[1] + 16, y + rh / 2 - 22, a.opinion, size + 2, a.ink)
        sign(page, rng, xs[2] + 30, y + rh / 2 - 16, a)
        draw.hand(page, rng, xs[3] + 14, y + rh / 2 - 18, hand_date(rng, a.day), size - 2, a.ink)
        y += rh
    for x in xs[1:-1]:
        page.draw.line([(x, top), (x, y)], fill=(20, 20, 20), width=2)
    footer(page, rng, plan, y, size)


def sign_above_or_below_line(page: Page, rng: random.Random, plan: Plan, size: int) -> None:
    y = letter_head(page, rng, plan, size)
    y = changes_prose(page, rng, plan, y, size) if rng.random() < 0.6 else changes_table(page, rng, plan, y)
    y = page.para(L, y, "妥否，请审批。", size, R) + 30
    for a, label in ((plan.dept, "证书试点管理部门意见："), (plan.leader, rng.choice(("校级分管领导意见：", "分管副校长意见：")))):
        end = page.text(L, y, label, size)
        draw.hand(page, rng, end + 12, y - 4, a.opinion, size + 6, a.ink)
        y += size * 2.6
        end = page.text(L + 300, y, "负责人签字：", size)
        page.hline(end + 4, end + 300, y + size + 6)
        mode = rng.choice(("above", "below", "right"))
        if mode == "above":
            sign(page, rng, end + 30, y - size * 0.6, a)
        elif mode == "below":
            sign(page, rng, end - 40, y + size * 1.5, a)
        else:
            sign(page, rng, end + 330, y - 4, a)
        dend = page.text(L + 980, y, "日期：", size)
        page.hline(dend, dend + 210, y + size + 6)
        draw.hand(page, rng, dend + 14, y - (size * 0.5 if mode == "above" else 0), f"{a.day.month}月{a.day.day}日",
                  size + 4, a.ink)
        y += size * (4.4 if mode == "below" else 3.2)
    footer(page, rng, plan, y, size)


def handfilled_form(page: Page, rng: random.Random, plan: Plan, size: int) -> None:
    ink = plan.dept.ink
    page.center(150, "2024年1+X证书试点申报调整申请表", size + 10, bold=True)
    y = 270
    xs = [L, L + 230, L + 800, L + 1030, R]
    for labels in (("单位名称", plan.school.name, "单位类型", plan.school.kind),
                   ("联系人", plan.contact, "联系电话", plan.phone)):
        page.box(xs[0], y, xs[-1], y + 90)
        for i in range(4):
            if i % 2 == 0:
                page.cell(xs[i], y, xs[i + 1], y + 90, labels[i], size)
            else:
                fit = min(size + 4, int((xs[i + 1] - xs[i] - 20) / max(1, len(labels[i]) * 0.8)))
                draw.hand(page, rng, xs[i] + 14, y + 45 - fit / 2, labels[i], fit, ink)
        for x in xs[1:-1]:
            page.draw.line([(x, y), (x, y + 90)], fill=(20, 20, 20), width=2)
        y += 90
    y = changes_table(page, rng, plan, y, hand_fill=True) - 30
    for a, label in ((plan.dept, "证书试点管理部门意见"), (plan.leader, "校级分管领导意见")):
        page.box(L, y, R, y + 230)
        page.cell(L, y, L + 230, y + 230, label, size)
        page.draw.line([(L + 230, y), (L + 230, y + 230)], fill=(20, 20, 20), width=2)
        draw.hand(page, rng, L + 270, y + 30, a.opinion, size + 6, a.ink)
        end = page.text(L + 560, y + 140, "签字：", size)
        sign(page, rng, end, y + 140, a)
        end = page.text(L + 1000, y + 140, "日期：", size)
        draw.hand(page, rng, end + 6, y + 138, hand_date(rng, a.day), size, a.ink)
        y += 230
    page.box(L, y, R, y + 330)
    page.cell(L, y, L + 230, y + 330, "单位意见（盖章）", size)
    page.draw.line([(L + 230, y), (L + 230, y + 330)], fill=(20, 20, 20), width=2)
    d = plan.doc_day
    draw.hand(page, rng, L + 880, y + 240, f"{d.year}年{d.month}月{d.day}日", size + 2, ink)
    seal_on(page, rng, plan, L + 960, y + 170)


def crossed_out_correction(page: Page, rng: random.Random, plan: Plan, size: int) -> None:
    c = rng.choice(plan.changes)
    if c.field == "headcount":
        c.wrong = c.to + rng.choice((-10, 10, 20)) if c.to + 10 != c.frm else c.to + 20
        if c.wrong == c.frm or c.wrong <= 0:
            c.wrong = int(c.to) + 30
    elif c.field == "level":
        c.wrong = next(lv for lv in ("初级", "中级", "高级") if lv not in (c.frm, c.to))
    else:
        c.wrong = next(m for m in plan.school.majors if m not in (c.frm, c.to))
    y = letter_head(page, rng, plan, size)
    y = changes_table(page, rng, plan, y)
    y = page.para(L, y, "以上调整已经学校研究同意，特此申请。", size, R) + 30
    y = opinion_block(page, rng, plan.dept, "证书试点管理部门意见：", y, size)
    y = opinion_block(page, rng, plan.leader, "校级分管领导意见：", y, size)
    footer(page, rng, plan, y, size)


def seal_over_signature(page: Page, rng: random.Random, plan: Plan, size: int) -> None:
    y = letter_head(page, rng, plan, size)
    y = changes_table(page, rng, plan, y) if rng.random() < 0.5 else changes_prose(page, rng, plan, y, size)
    y = page.para(L, y, "特此申请。", size, R) + 30
    y = opinion_block(page, rng, plan.dept, "证书试点管理部门意见：", y, size)
    ly = y
    y = opinion_block(page, rng, plan.leader, "校级分管领导意见：", y, size)
    footer(page, rng, plan, y, size, sealed=False)
    seal_on(page, rng, plan, L + rng.randint(600, 760), ly + size * 2.6 + rng.uniform(-40, 30))


def date_stamp_and_stamped_name(page: Page, rng: random.Random, plan: Plan, size: int) -> None:
    y = letter_head(page, rng, plan, size)
    y = changes_table(page, rng, plan, y) if rng.random() < 0.6 else changes_prose(page, rng, plan, y, size)
    y = page.para(L, y, "特此申请。", size, R) + 30
    y = opinion_block(page, rng, plan.dept, "证书试点管理部门意见：", y, size, typed_opinion=True)
    y = opinion_block(page, rng, plan.leader, "校级分管领导意见：", y, size, typed_opinion=True)
    footer(page, rng, plan, y, size)


def naming_variants(page: Page, rng: random.Random, plan: Plan, size: int) -> None:
    y = letter_head(page, rng, plan, size)
    if rng.random() < 0.5:
        y = changes_table(page, rng, plan, y, variants=True)
    else:
        y = changes_prose(page, rng, plan, y, size, variants=True)
    y = page.para(L, y, "特此申请，请予审核。", size, R) + 30
    y = opinion_block(page, rng, plan.dept, "证书试点管理部门意见：", y, size)
    y = opinion_block(page, rng, plan.leader, "校级分管领导意见：", y, size)
    footer(page, rng, plan, y, size)


LAYOUTS = {
    "checkbox_opinion": checkbox_opinion,
    "approval_grid_rows": approval_grid_rows,
    "sign_above_or_below_line": sign_above_or_below_line,
    "handfilled_form": handfilled_form,
    "crossed_out_correction": crossed_out_correction,
    "seal_over_signature": seal_over_signature,
    "date_stamp_and_stamped_name": date_stamp_and_stamped_name,
    "naming_variants": naming_variants,
}


def render(plan: Plan, rng: random.Random) -> list[draw.Image.Image]:
    page = Page(rng.choice(draw.TYPED), rng.choice(draw.BOLD))
    size = rng.choice((30, 32, 34))
    LAYOUTS[plan.family](page, rng, plan, size)
    return [page.img]
