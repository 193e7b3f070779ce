"""Building blocks shared by the layout families: headings, change tables, approval blocks, sign-off and seal."""

from __future__ import annotations

import random

from tests.papergen import wording as W
from tests.papergen.drawing import Cell, Sheet
from tests.papergen.plan import Approval, Change, Plan
from tests.papergen.registry import CERTIFICATES


def heading(sheet: Sheet, plan: Plan, titles: list[str], y: float = 18.0) -> float:
    """Optional red letterhead, then the centred title; returns the y below."""
    rng = sheet.rng
    if rng.random() < 0.35:
        short = plan.school.aliases[0] if plan.school.aliases else plan.school.name[:4]
        doc_no = f"{short[:3]}〔2024〕{rng.randrange(3, 60)}号" if rng.random() < 0.6 else None
        y = sheet.red_header(y, plan.school.name, doc_no)
    pt = rng.choice([16, 18, 20])
    face = rng.choice(["song_bold", "hei_bold", "song_bold"])
    title = rng.choice(titles)
    for line in sheet.wrap(title, sheet.w_mm - 50, pt, face):
        sheet.text(sheet.w_mm / 2, y, line, pt, face, anchor="ma")
        y += pt * 0.3528 * 1.6
    return y + 4


def _old_values(change: Change) -> tuple[str, str, int]:
    decl = change.declaration
    if decl:
        return decl.level, decl.major, decl.headcount
    return change.level or "初级", CERTIFICATES[change.certificate][1][0], int(change.old)


def two_col_table(sheet: Sheet, x: float, y: float, width: float, plan: Plan, rows: list[Change] | None = None,
                  continued: bool = False, extra_row: bool | None = None) -> float:
    """Layout A: 序号 | 证书名称 | 调整事项 | 原申报内容 | 调整后内容 | 调整原因 (header wording varies)."""
    rng = sheet.rng
    headers = rng.choice([["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"],
                          ["序号", "证书名称", "调整项目", "调整前", "调整后", "备注"],
                          ["序号", "证书名称（等级）", "调整内容", "原申报", "拟调整为", "调整理由"],
                          ["序号", "证书名称", "调整类别", "原申报", "调整为", "说明"]])
    if rng.random() < 0.3:
        headers = headers[1:5]
    changes = plan.changes if rows is None else rows
    body: list[list[str]] = []
    for k, change in enumerate(changes, 1):
        with_level = change.field != "level" and change.level is not None
        cert = W.cert_label(rng, change, with_level=with_level)
        item = rng.choice(W.FIELD_LABELS[change.field])
        row = [str(k), cert, item, W.value_text(rng, change.field, change.old), W.value_text(rng, change.field, change.new),
               W.reason(rng, change)]
        body.append(row)
    if extra_row if extra_row is not None else (rows is None and rng.random() < 0.25):
        changed = {c.declaration for c in plan.changes}
        spare = [d for d in plan.school.declarations if d not in changed]
        if spare:
            d = rng.choice(spare)
            fake = Change(d.certificate, "headcount", d.headcount, d.headcount, d.level, d)
            after = rng.choice(["不调整", str(d.headcount), "不变"])
            body.append([str(len(body) + 1), W.cert_label(rng, fake), rng.choice(W.FIELD_LABELS["headcount"]),
                         str(d.headcount), after, rng.choice(["不调整", "", "维持原申报"])])
    if len(headers) == 4:
        body = [r[1:5] for r in body]
    weights = {"序号": 0.6, "证书名称": 2.4, "证书名称（等级）": 2.6}
    ws = [weights.get(h, 1.5) for h in headers]
    cols = [width * w / sum(ws) for w in ws]
    pt = min(sheet.pt, 12)
    if continued:
        sheet.text(x, y, "续表", pt)
        y += 7
    return _grid(sheet, x, y, cols, [headers] + body, pt, header_bold=rng.random() < 0.6)


def _grid(sheet: Sheet, x: float, y: float, cols: list[float], rows: list[list[str]], pt: float,
          header_bold: bool = True, row_h: float | None = None) -> float:
    for r, row in enumerate(rows):
        longest = max((len(sheet.wrap(t, w - 3, pt)) for t, w in zip(row, cols, strict=False)), default=1)
        h = row_h or max(9.0, longest * pt * 0.3528 * 1.45 + 4)
        cx = x
        cells = []
        for t, w in zip(row, cols, strict=False):
            cells.append(Cell(cx, y, w, h, t, pt=pt, bold=header_bold and r == 0))
            cx += w
        sheet.cells(cells)
        y += h
    return y + 4


def _after(rng: random.Random, marker: str, change: Change, field_name: str, old_text: str) -> str:
    if change.field == field_name:
        return W.value_text(rng, field_name, change.new)
    return old_text if marker == "repeat" or rng.random() < 0.1 else marker


def wide_rows(rng: random.Random, changes: list[Change]) -> tuple[list[list[str]], list[list[str]]]:
    """Per change: ([cert, old level, old major, old count], [new level, new major, new count])."""
    marker = rng.choice(["", "—", "/", "不变", "repeat", "repeat"])
    olds, news = [], []
    for change in changes:
        level, major, count = _old_values(change)
        lt, mt, ct = level, W.major_text(rng, major), str(count)
        olds.append([change.certificate, lt, mt, ct])
        news.append([_after(rng, marker, change, "level", lt), _after(rng, marker, change, "major", mt),
                     _after(rng, marker, change, "headcount", ct)])
    return olds, news


def wide_table(sheet: Sheet, x: float, y: float, width: float, plan: Plan, rows: list[Change] | None = None,
               continued: bool = False) -> float:
    """A wide table with 原等级/调整后等级/原专业/… columns (grouped old-then-new or pairwise)."""
    rng = sheet.rng
    olds, news = wide_rows(rng, plan.changes if rows is None else rows)
    pairwise = rng.random() < 0.5
    pt = min(sheet.pt, 10.5)
    if pairwise:
        headers = ["序号", "证书名称", "原等级", "调整后等级", "原专业", "调整后专业", "原人数", "调整后人数"]
        body = [[str(i + 1), o[0], o[1], n[0], o[2], n[1], o[3], n[2]] for i, (o, n) in enumerate(zip(olds, news, strict=True))]
    else:
        pre, post = rng.choice([("原申报", "调整后"), ("原", "拟调整")])
        headers = ["序号", "证书名称", f"{pre}等级", f"{pre}专业", f"{pre}人数", f"{post}等级", f"{post}专业", f"{post}人数"]
        body = [[str(i + 1), o[0], o[1], o[2], o[3], n[0], n[1], n[2]] for i, (o, n) in enumerate(zip(olds, news, strict=True))]
    ws = [0.5, 2.0, 0.9, 0.9, 1.8, 1.8, 0.9, 0.9] if pairwise else [0.5, 2.0, 0.9, 1.8, 0.9, 0.9, 1.8, 0.9]
    cols = [width * w / sum(ws) for w in ws]
    if continued:
        sheet.text(x, y, "续表", pt)
        y += 7
    return _grid(sheet, x, y, cols, [headers] + body, pt)


def merged_table(sheet: Sheet, x: float, y: float, width: float, plan: Plan, rows: list[Change] | None = None,
                 continued: bool = False) -> float:
    """A table with a two-row merged header: 原申报信息 over 等级/专业/人数, 调整后信息 over the same."""
    rng = sheet.rng
    olds, news = wide_rows(rng, plan.changes if rows is None else rows)
    pt = min(sheet.pt, 10.5)
    groups = rng.choice([("原申报信息", "调整后信息"), ("原申报内容", "调整后内容"), ("调整前", "调整后"), ("原申报", "拟调整为")])
    subs = rng.choice([["等级", "专业", "人数"], ["考核等级", "考核专业", "试点人数"], ["等级", "专业名称", "申报人数"]])
    ws = [0.5, 2.0, 0.9, 1.8, 0.9, 0.9, 1.8, 0.9]
    cols = [width * w / sum(ws) for w in ws]
    xs = [x]
    for w in cols:
        xs.append(xs[-1] + w)
    if continued:
        sheet.text(x, y, "续表", pt)
        y += 7
    h = 9.0
    cells = [Cell(xs[0], y, cols[0], 2 * h, "序号", pt=pt, bold=True), Cell(xs[1], y, cols[1], 2 * h, "证书名称", pt=pt, bold=True),
             Cell(xs[2], y, xs[5] - xs[2], h, groups[0], pt=pt, bold=True), Cell(xs[5], y, xs[8] - xs[5], h, groups[1], pt=pt, bold=True)]
    for i, sub in enumerate(subs + subs):
        cells.append(Cell(xs[2 + i], y + h, cols[2 + i], h, sub, pt=pt, bold=True))
    sheet.cells(cells)
    y += 2 * h
    body = [[str(i + 1), o[0], o[1], o[2], o[3], n[0], n[1], n[2]] for i, (o, n) in enumerate(zip(olds, news, strict=True))]
    return _grid(sheet, x, y, cols, body, pt, header_bold=False)


def vertical_blocks(sheet: Sheet, x: float, y: float, width: float, plan: Plan) -> float:
    """Per certificate: a row `证书名称：智能财税（中级）`, then 调整项目 | 原申报 | 拟调整为 rows."""
    rng = sheet.rng
    head = rng.choice([["调整项目", "原申报", "拟调整为"], ["项目", "原申报内容", "调整后内容"], ["调整事项", "调整前", "调整后"]])
    labels = {"headcount": rng.choice(["试点人数", "人数规模", "申报人数"]), "major": rng.choice(["考核专业", "试点专业"]),
              "level": rng.choice(["考核等级", "证书等级"])}
    order = rng.choice([["headcount", "major", "level"], ["level", "major", "headcount"]])
    marker = rng.choice(["不变", "—", "", "/", "repeat"])
    pt = min(sheet.pt, 12)
    cols = [width * 0.3, width * 0.35, width * 0.35]
    for k, change in enumerate(plan.changes, 1):
        level, major, count = _old_values(change)
        old = {"headcount": str(count), "major": W.major_text(rng, major), "level": level}
        cert = change.certificate + rng.choice(["", "职业技能等级证书"]) + f"（{level}）"
        label = rng.choice(["证书名称：", "证书名称（等级）：", f"{k}. 证书名称："])
        sheet.cells([Cell(x, y, width, 10, label + cert, align="left", pt=pt, bold=rng.random() < 0.5)])
        y += 10
        rows = [head] + [[labels[f], old[f], _after(rng, marker, change, f, old[f])] for f in order]
        y = _grid(sheet, x, y, cols, rows, pt, row_h=9.5) + 2
    return y


def numbered_items(sheet: Sheet, x: float, y: float, width: float, plan: Plan) -> float:
    """Changes as numbered sentences: 1. / （1） / 一、 …"""
    rng = sheet.rng
    marks = W.numbering(rng)
    for mark, change in zip(marks, plan.changes, strict=False):
        s = W.prose_change(rng, change) + rng.choice(["。", "；", "。"])
        if rng.random() < 0.4:
            s += rng.choice(["原因：", "调整原因："]) + W.reason(rng, change) + "。"
        y = sheet.paragraph(x, y, width, mark + s, indent=2 if rng.random() < 0.6 else 0) + 1.5
    return y


# --- approvals ----------------------------------------------------------------------------------

def signature(sheet: Sheet, x: float, y: float, approval: Approval, ink: str) -> float:
    """The signer's mark beside a 签字 label (left-middle at x, y); returns its width."""
    rng = sheet.rng
    h = rng.uniform(6.5, 10.5)
    if approval.signer in ("hand", "scribble"):
        if approval.signer == "hand":
            w = sheet.handwriting(x, y, approval.name, h, ink, pressure=rng.uniform(0.7, 1.2), connected=rng.random() < 0.5)
        else:
            w = sheet.scribble(x, y, rng.uniform(18, 30), h * 0.8, ink, lead=approval.name[0] if rng.random() < 0.6 else "")
        if rng.random() < 0.12:  # the name also typed beside the signature: still signed
            w += 3 + sheet.text(x + w + 3, y - sheet.pt * 0.2, f"（{approval.name}）")
        return w
    if approval.signer == "stamp":
        size = rng.uniform(9, 13)
        sheet.name_stamp(x, y - size / 2, approval.name, size)
        return size
    if approval.signer == "typed":
        return sheet.text(x, y - sheet.pt * 0.2, approval.name)
    return 0.0


def opinion(sheet: Sheet, x: float, y: float, approval: Approval, ink: str) -> None:
    if approval.handwritten_opinion:
        sheet.handwriting(x, y + 2.5, approval.opinion, sheet.rng.uniform(6, 8.5), ink)
    else:
        sheet.text(x, y, approval.opinion)


def date(sheet: Sheet, x: float, y: float, plan: Plan, ink: str) -> None:
    rng = sheet.rng
    if rng.random() < 0.5:
        sheet.handwriting(x, y, W.date_text(rng, plan, hand=True), rng.uniform(5, 7), ink)
    else:
        sheet.text(x, y - 2, W.date_text(rng, plan))


def _label(rng: random.Random, approval: Approval) -> str:
    return rng.choice(W.DEPT_LABELS if approval.role == "department" else W.LEADER_LABELS)


def lines_approvals(sheet: Sheet, x: float, y: float, plan: Plan) -> float:
    """Approvals as lines in a letter: `…意见：同意。` then `负责人（签字）：` + signature + date."""
    rng = sheet.rng
    for approval in (plan.department, plan.leader):
        if not approval.present:
            continue
        ink = rng.choice(list(("black", "blue_black", "blue")))
        label = _label(rng, approval) + "："
        w = sheet.text(x, y, label)
        same_line = rng.random() < 0.7
        if same_line:
            opinion(sheet, x + w + 1, y, approval, ink)
            y += 11
        else:
            opinion(sheet, x + 12, y + 9, approval, ink)
            y += 20
        sign_label = rng.choice(W.SIGN_LABELS if approval.role == "department" else W.LEADER_SIGN_LABELS)
        sx = x + rng.uniform(30, 70)
        lw = sheet.text(sx, y, sign_label)
        sw = signature(sheet, sx + lw + 2, y + sheet.pt * 0.18, approval, ink)
        date(sheet, min(sheet.w_mm - 48, sx + lw + max(sw, 25) + rng.uniform(8, 18)), y + 2.5, plan, ink)
        if approval.role == "leader" and approval.under_seal and seal(sheet, plan, sx + lw + 12, y + 2):
            plan.pages.append("seal over leader signature")
        y += rng.uniform(14, 22)
    return y


def boxed_approvals(sheet: Sheet, x: float, y: float, width: float, plan: Plan) -> float:
    """A two-column ruled table: wrapped label on the left, opinion top and signature/date bottom on the right."""
    rng = sheet.rng
    left = width * rng.uniform(0.2, 0.28)
    for approval in (plan.department, plan.leader):
        if not approval.present:
            continue
        h = rng.uniform(34, 46)
        label = _label(rng, approval)
        start = label.find("证书") + 2 if label.startswith("1+X") else 2
        cut = rng.randrange(start, len(label) - 1)
        text = label[:cut] + "\n" + label[cut:] if rng.random() < 0.7 else label
        sheet.cells([Cell(x, y, left, h, text), Cell(x + left, y, width - left, h)])
        ink = rng.choice(["black", "blue_black", "blue"])
        opinion(sheet, x + left + rng.uniform(3, 12), y + 4, approval, ink)
        sign_label = rng.choice(W.SIGN_LABELS if approval.role == "department" else W.LEADER_SIGN_LABELS)
        sx = x + left + rng.uniform(8, 30)
        by = y + h - rng.uniform(8, 11)
        if rng.random() < 0.15:  # no 签字 label: the signer signs in the block, under the opinion
            sx, lw = x + width - rng.uniform(70, 85), 0.0
            plan.pages.append(f"{approval.role} block signed without a 签字 label")
        else:
            lw = sheet.text(sx, by - 2.5, sign_label)
        sw = signature(sheet, sx + lw + 2, by - 0.5, approval, ink)
        date(sheet, min(x + width - 38, sx + lw + max(sw, 22) + 6), by, plan, ink)
        if approval.role == "leader" and approval.under_seal and seal(sheet, plan, sx + lw + 14, by - 6):
            plan.pages.append("seal over leader signature")
        y += h
    return y + 5


def seal(sheet: Sheet, plan: Plan, cx: float, cy: float) -> bool:
    """Stamp the plan's seal once per sheet; True when it was placed now."""
    s = plan.seal
    if s.present and not sheet.sealed:
        sheet.seal(cx, cy, s.text, s.shape, s.bottom, s.serial, s.english, s.faint)
        sheet.sealed = True
        return True
    return False


def signoff(sheet: Sheet, y: float, plan: Plan, seal_it: bool = True) -> float:
    """申请单位 + date at the right, with the official seal over them (unless already placed)."""
    rng = sheet.rng
    if y > sheet.h_mm - 30:  # no room left: squeeze it in at the foot (noted so layouts can be checked)
        sheet.crowded = True
        y = sheet.h_mm - 30
    unit = plan.school.name if rng.random() < 0.8 or not plan.school.aliases else plan.school.aliases[0]
    label = rng.choice(["申请单位：", "", "", "申请单位（盖章）："])
    right = sheet.w_mm - rng.uniform(22, 35)
    w = sheet.text_w(label + unit, sheet.pt)
    sheet.text(right - w, y, label + unit)
    sheet.text(right - w + 10, y + 9, W.date_text(rng, plan))
    if seal_it:
        seal(sheet, plan, right - w / 2 + rng.uniform(-10, 10), y + 4 + rng.uniform(-6, 6))
    if plan.seal.extra and not sheet.extra_sealed:
        sheet.seal(rng.uniform(42, 60), y + 4, plan.seal.extra, faint=0.1)
        sheet.extra_sealed = True
        plan.pages.append(f"extra seal beside the school's: {plan.seal.extra}")
    return y + 22
