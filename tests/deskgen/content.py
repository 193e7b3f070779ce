"""The words on the page: certificate names as schools write them, numbered change sentences in varied
wording, change tables (one row per field or one row per certificate, with 不变/—/ / blanks and
不调整 rows that are no changes), dates in office spellings, and the approval blocks with handwritten
opinions, signatures, 名章 and dates."""

from __future__ import annotations

import random
from datetime import datetime

from tests.deskgen import ink
from tests.deskgen.page import Cell, Doc, mm
from tests.deskgen.plan import FIELD_NAMES, Approval, Change, Plan
from tests.deskgen.registry import declarations_of

CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


def date_text(d: datetime, rng: random.Random, hand: bool) -> str:
    styles = ["{y}年{m}月{d}日", "{y}.{m}.{d}", "{y}年{m}月{d}日", "{y}/{m}/{d}"]
    if not hand:
        styles += ["{Y}年{M}月{D}日", "{y}年{m:02d}月{d:02d}日"]
    if hand:
        styles += ["{y}.{m}.{d}", "{m}月{d}日", "{y}年{m}月{d}日"]
    style = rng.choice(styles)
    return style.format(y=d.year, m=d.month, d=d.day, Y="二〇二四", M=cn_number(d.month), D=cn_number(d.day))


def cert_name(change: Change, rng: random.Random, with_level: bool | None = None, quotes: bool = True) -> str:
    """The certificate as written in prose: quoted or not, official title or short, level in brackets."""
    name = change.certificate
    if "（BIM）" in name and rng.random() < 0.5:
        name = name.replace("（BIM）", "(BIM)")
    title = rng.random() < 0.25
    if title:
        name += "职业技能等级证书"
    if quotes:
        q = rng.choice(("“”", "《》", "“”", "", "\"\""))
        if q:
            name = q[0] + name + q[1]
    level = change.level_stated if with_level is None else with_level
    if level and change.field != "level":
        name += rng.choice(("（{}）", "（{}）", "({})")).format(change.level)
    elif not title and not name.endswith("》") and rng.random() < 0.5:
        name += "证书"
    return name


def headcount_text(n: int | str, rng: random.Random) -> str:
    return f"{n}{rng.choice(('人', '人', '人', '名', ' 人'))}"


def major_text(name: str, code: str, rng: random.Random) -> str:
    return f"{code} {name}" if code and rng.random() < 0.45 else name


def prose(change: Change, rng: random.Random) -> str:
    """One change as a sentence a school office writes, in one of many wordings."""
    if change.field == "headcount":
        old, new = int(change.old), int(change.new)
        name = cert_name(change, rng)
        forms = [f"将{name}试点人数由{old}人调整为{new}人",
                 f"{name}申报人数由原来的{old}人调整到{new}人",
                 f"{name}人数规模由{old}人变更为{new}人",
                 f"{name}考核人数由{old}名调整为{new}名"]
        if new < old:
            forms.append(f"{name}试点人数由{old}人减少至{new}人")
        else:
            forms.append(f"{name}试点人数增加{new - old}人，由{old}人调整为{new}人")
        return rng.choice(forms)
    if change.field == "major":
        name = cert_name(change, rng)
        old = major_text(str(change.old), change.old_code, rng)
        new = major_text(str(change.new), change.new_code, rng)
        q = rng.choice(("“”", "", ""))
        if q:
            old, new = f"“{old}”", f"“{new}”"
        return rng.choice((f"{name}考核专业由{old}调整为{new}", f"将{name}的考核专业由{old}变更为{new}",
                           f"{name}申报专业由原来的{old}调整到{new}"))
    name = cert_name(change, rng, with_level=False)
    return rng.choice((f"{name}考核等级由{change.old}调整为{change.new}",
                       f"将{name}的考核等级由{change.old}变更为{change.new}",
                       f"{name}申报等级由原来的{change.old}调整到{change.new}"))


def numbered(items: list[str], rng: random.Random) -> list[str]:
    style = rng.choice(("{}．", "{}.", "（{}）", "{}、", "cn"))
    end = rng.choice(("。", "；", "。"))
    out = []
    for i, text in enumerate(items, start=1):
        mark = f"{cn_number(i)}、" if style == "cn" else style.format(i)
        out.append(mark + text + (end if i < len(items) else "。"))
    return out


REASONS = ("专业调整", "人数变化", "招生计划调整", "教学安排", "实训条件", "报考意愿变化", "按实际需求", "")


def _value(change: Change, value: str | int, rng: random.Random) -> str:
    if change.field == "headcount":
        return headcount_text(value, rng) if rng.random() < 0.6 else str(value)
    if change.field == "major":
        return major_text(str(value), change.old_code if value == change.old else change.new_code, rng)
    return str(value)


def per_field_table(doc: Doc, plan: Plan, rng: random.Random) -> None:
    """序号 | 证书名称 | 调整事项 | 原… | 调整后… | 调整原因, one row per changed field, plus rows that
    are no change (不调整, 不变)."""
    heads = rng.choice((("原申报内容", "调整后内容"), ("调整前", "调整后"), ("原", "现"), ("变更前", "变更后"),
                        ("原申报", "拟调整为")))
    with_reason = rng.random() < 0.6
    header = ["序号", "证书名称", rng.choice(("调整事项", "调整项目", "变更事项")), *heads]
    widths = [0.7, 2.6, 1.3, 1.8, 1.8]
    if with_reason:
        header.append(rng.choice(("调整原因", "原因", "备注")))
        widths.append(1.5)
    rows: list[list[str]] = []
    for change in plan.changes:
        cert = change.certificate if rng.random() < 0.7 else change.certificate + "职业技能等级证书"
        if change.level_stated and change.field != "level":
            cert += rng.choice(("（{}）", "({})")).format(change.level)
        rows.append([cert, FIELD_NAMES[change.field] if rng.random() < 0.7 else
                     {"level": "等级", "major": "专业", "headcount": "人数"}[change.field],
                     _value(change, change.old, rng), _value(change, change.new, rng)])
    changed = {(c.application_id, c.field) for c in plan.changes}
    if rng.random() < 0.45:  # a row that changes nothing
        spare = [d for d in declarations_of(plan.school) if (d.application_id, "headcount") not in changed]
        if spare:
            d = rng.choice(spare)
            cert = f"{d.certificate}（{d.level}）"
            kind = rng.choice(("keep", "same", "noadj"))
            if kind == "keep":
                rows.append([cert, "人数规模", f"{d.headcount}人", rng.choice(("不变", "—", "/"))])
            elif kind == "same":
                rows.append([cert, "人数规模", f"{d.headcount}人", f"{d.headcount}人"])
            else:
                rows.append([cert, "不调整", f"{d.headcount}人", f"{d.headcount}人"])
            rng.shuffle(rows)
    cells = [Cell(0, i, h, bold=True) for i, h in enumerate(header)]
    for r, row in enumerate(rows, start=1):
        values = [str(r), *row]
        if with_reason:
            values.append("不调整" if row[1] == "不调整" else rng.choice(REASONS))
        cells += [Cell(r, i, v, align="left" if i == 1 and len(v) > 9 else "center") for i, v in enumerate(values)]
    size = doc.size - rng.choice((6, 8, 10))
    row_h = int(size * rng.uniform(2.4, 3.4))
    doc.table(widths, [int(size * 2.6)] + [row_h] * len(rows), cells, size=size)


def per_cert_table(doc: Doc, plan: Plan, rng: random.Random) -> None:
    """One row per certificate and level, a merged two-row header 考核专业 (原|调整后) and 人数 (原|调整后);
    unchanged cells hold 不变, —, /, a blank or the old value again."""
    by_app: dict[str, dict[str, Change]] = {}
    extra: list[Change] = []
    for change in plan.changes:
        if change.application_id is None or change.field == "level":
            extra.append(change)
        else:
            by_app.setdefault(change.application_id, {})[change.field] = change
    decls = {d.application_id: d for d in declarations_of(plan.school)}
    rows: list[list[str]] = []
    ids = list(by_app)
    if rng.random() < 0.4:
        spare = [a for a in decls if a not in by_app]
        if spare:
            ids.insert(rng.randrange(len(ids) + 1), rng.choice(spare))
    pair = rng.choice((("原", "调整后"), ("调整前", "调整后"), ("原申报", "现申报"), ("变更前", "变更后")))

    def unchanged(old: str) -> str:
        return rng.choice(("不变", "—", "/", "", old))

    for app in ids:
        d = decls[app]
        fields = by_app.get(app, {})
        m = fields.get("major")
        h = fields.get("headcount")
        rows.append([d.certificate, d.level,
                     major_text(d.major, d.major_code, rng),
                     major_text(str(m.new), m.new_code, rng) if m else unchanged(d.major),
                     str(d.headcount), str(h.new) if h else unchanged(str(d.headcount))])
    for change in extra:  # level changes and unmatched certificates: the level column pair carries them
        old_major = "" if change.application_id is None else decls[change.application_id].major
        if change.field == "level":
            d = decls[str(change.application_id)]
            rows.append([change.certificate, f"{change.old}→{change.new}", major_text(d.major, d.major_code, rng),
                         unchanged(old_major), str(d.headcount), unchanged(str(d.headcount))])
        else:
            rows.append([change.certificate, change.level, "", "", str(change.old), str(change.new)])
    level_col = rng.choice(("等级", "考核等级", "级别"))
    cells = [Cell(0, 0, "序号", rowspan=2, bold=True), Cell(0, 1, "证书名称", rowspan=2, bold=True),
             Cell(0, 2, level_col, rowspan=2, bold=True), Cell(0, 3, "考核专业", colspan=2, bold=True),
             Cell(0, 5, rng.choice(("人数规模", "试点人数", "申报人数")), colspan=2, bold=True),
             Cell(1, 3, pair[0]), Cell(1, 4, pair[1]), Cell(1, 5, pair[0]), Cell(1, 6, pair[1])]
    for r, row in enumerate(rows, start=2):
        cells += [Cell(r, 0, str(r - 1))] + [Cell(r, i + 1, v) for i, v in enumerate(row)]
    size = doc.size - rng.choice((8, 10, 12))
    doc.table([0.6, 2.4, 1.1, 2.0, 2.0, 1.0, 1.0], [int(size * 1.9)] * 2 + [int(size * rng.uniform(2.6, 3.2))] *
              len(rows), cells, size=size)


def level_changes_as_prose(plan: Plan) -> list[Change]:
    return [c for c in plan.changes if c.field == "level"]


# ---------------------------------------------------------------- approvals

DEPT_LABELS = ("证书试点管理部门意见", "学校证书试点管理部门意见", "证书试点管理部门（教务处）意见", "证书试点管理部门审核意见")
LEADER_LABELS = ("分管校领导意见", "校领导意见", "校级分管领导意见", "学校分管领导意见")
SIGN_LABELS = ("负责人签字：", "签字：", "负责人（签字）：", "签 字：", "负责人：")


def ink_color(rng: random.Random) -> tuple[int, int, int]:
    return ink.INKS[rng.choice(("black", "blue_black", "blue", "blue2", "blue_black"))]


def opinion_and_signature(doc: Doc, a: Approval, x: int, y: int, w: int, rng: random.Random,
                          sign_label: str | None, hand_size: int) -> int:
    """The opinion (handwritten, or typed when the office printed it), the 签字 line with its signature
    (or 名章, typed name, or nothing) and the date, inside a block of width `w` from (x, y); returns the
    bottom y."""
    page = doc.page
    color = ink_color(rng)
    fnt = doc.font()
    typed_opinion = a.sign_mode == "typed" and rng.random() < 0.5
    if a.opinion:
        if typed_opinion:
            ink.print_text(page, x + mm(8), y, a.opinion, fnt)
            y += int(fnt.size * 1.8)
        else:
            _, hh = ink.write_hand(page, x + mm(rng.uniform(6, 18)), y, a.opinion, hand_size, color, rng,
                                   slant=rng.uniform(0.1, 0.35))
            y += max(hh, hand_size) + mm(4)
    y += mm(rng.uniform(2, 8))
    label = sign_label if sign_label is not None else ""
    lx = x + int(w * rng.uniform(0.3, 0.45))
    if label:
        ink.print_text(page, lx, y, label, fnt)
        sx = lx + int(fnt.getlength(label)) + mm(2)
    else:
        sx = lx
    if a.sign_mode == "hand":
        ink.write_hand(page, sx, y - hand_size // 3, a.signer, int(hand_size * rng.uniform(1.0, 1.25)), color,
                       rng, slant=rng.uniform(0.2, 0.45), tight=rng.uniform(0.7, 0.85), cursive=True)
    elif a.sign_mode == "stamp":
        ink.place_name_stamp(page, sx + mm(2), y - mm(5), a.signer, mm(rng.uniform(13, 17)), rng)
    elif a.sign_mode == "typed":
        ink.print_text(page, sx, y, a.signer, fnt)
    y += int(fnt.size * 2.0)
    # the date, handwritten beside a printed 日期 or alone
    date_hand = a.state != "absent" and (a.sign_mode != "none" or rng.random() < 0.5)
    if date_hand:
        text = date_text(a.date, rng, hand=True)
        dx = lx
        if rng.random() < 0.4:
            ink.print_text(page, lx, y, "日期：", fnt)
            dx = lx + int(fnt.getlength("日期：")) + mm(2)
        ink.write_hand(page, dx, y - hand_size // 4, text, int(hand_size * 0.85), color, rng, slant=0.2)
    else:
        ink.print_text(page, lx + mm(12), y, "年    月    日", fnt)
    return y + int(fnt.size * 1.8)


def approval_block(doc: Doc, a: Approval, label: str, x: int, w: int, rng: random.Random,
                   colon: bool = True) -> int:
    """Label on its own line, then the opinion, signature and date; draws at doc.y, returns the bottom."""
    fnt = doc.font()
    y = doc.y
    ink.print_text(doc.page, x, y, label + ("：" if colon else ""), ink.font("hei", fnt.size)
                   if rng.random() < 0.4 else fnt)
    y += int(fnt.size * 1.9)
    sign_label = rng.choice(SIGN_LABELS) if rng.random() < 0.85 else None
    hand = int(fnt.size * rng.uniform(1.1, 1.45))
    return opinion_and_signature(doc, a, x, y, w, rng, sign_label, hand)
