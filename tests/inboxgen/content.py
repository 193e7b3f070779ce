"""The pieces of a request as a school office types and signs them: letter text, change sentences, change
tables in three shapes, a student list, the two approval blocks and the seal over the date."""

from __future__ import annotations

import random
from collections import defaultdict

from tests.inboxgen.draw import SANS, SERIF, SERIF_BOLD, Page, cursive, handwriting, name_stamp, seal
from tests.inboxgen.plan import FIELD_LABEL, SURNAMES, Approval, Change, Plan
from tests.inboxgen.registry import SCHOOLS

CN_NUM = "一二三四五六七八九十"
DEPT_LABELS = ("证书试点管理部门意见", "学校证书试点管理部门意见", "证书试点管理部门（教务处）意见")
LEADER_LABELS = ("校级分管领导意见", "学校分管领导意见", "分管校领导意见")


def level_text(c: Change) -> str:
    return f"{c.written}（{c.level}）"


def value_text(c: Change, which: str, rng: random.Random, unit: bool = True) -> str:
    value = c.old if which == "old" else c.new
    if c.field == "major":
        code = c.old_code if which == "old" else c.new_code
        return f"{code} {value}" if code else str(value)
    if c.field == "headcount":
        return f"{value}人" if unit else str(value)
    return str(value)


def date_cn(plan: Plan) -> str:
    d = plan.letter_date
    return f"{d.year}年{d.month}月{d.day}日"


def sentence(c: Change, rng: random.Random) -> str:
    quote = rng.random() < 0.6
    name = f"“{c.written}”" if quote else c.written
    cert = name if c.written.endswith("证书") else name + "证书"
    if c.field == "level":
        return rng.choice([f"将{cert}考核等级由{c.old}调整为{c.new}",
                           f"{cert}的考核等级由原来的{c.old}调整到{c.new}"])
    if c.field == "major":
        old, new = value_text(c, "old", rng), value_text(c, "new", rng)
        return rng.choice([f"将{cert}（{c.level}）考核专业由“{old}”调整为“{new}”",
                           f"{cert}（{c.level}）的考核专业由原来的{old}专业调整到{new}专业"])
    forms = [f"将{cert}（{c.level}）试点人数由{c.old}人调整为{c.new}人",
             f"{cert}（{c.level}）人数规模由原来的{c.old}人调整到{c.new}人"]
    if int(c.new) < int(c.old):
        forms.append(f"{cert}（{c.level}）试点人数由{c.old}人减少至{c.new}人")
    else:
        forms.append(f"{cert}（{c.level}）试点人数由{c.old}人增加至{c.new}人")
    return rng.choice(forms)


def numbered(changes: list[Change], rng: random.Random) -> list[str]:
    style = rng.choice(["（一）", "1.", "一、", "（1）"])
    out = []
    for i, c in enumerate(changes):
        mark = {"（一）": f"（{CN_NUM[i]}）", "1.": f"{i + 1}.", "一、": f"{CN_NUM[i]}、",
                "（1）": f"（{i + 1}）"}[style]
        out.append(mark + sentence(c, rng) + "。")
    return out


def letter_head(page: Page, plan: Plan, rng: random.Random) -> None:
    page.centre(rng.choice(["关于调整2024年1+X证书申报内容的申请", f"{plan.applicant}",
                            "2024年1+X证书制度试点申报调整申请"]), 17)
    if page.y < 40:
        page.y += 2
    page.text(25, page.y, "江苏省职业院校1+X证书制度试点工作办公室：", 12.5)
    page.y += 9


def intro(plan: Plan, rng: random.Random, annex: bool) -> str:
    d = plan.letter_date
    tail = "具体调整事项见附表。" if annex else "具体调整如下："
    return (f"根据《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，我校已于3月{max(1, d.day - 3)}日在"
            f"职业技能等级证书信息管理服务平台完成2024年度证书申报。因{plan.reason}，经学校证书试点管理部门和校级分管"
            f"领导同意，现申请对部分证书的申报内容进行调整，{tail}")


def closing(page: Page, plan: Plan, rng: random.Random, with_date: bool = True) -> tuple[float, float]:
    """特此申请, 申请单位, 联系人 and the date; returns the date's centre (mm) for the seal."""
    page.para(rng.choice(["特此申请。", "特此申请，请予批准。", "妥否，请批示。"]), 12.5)
    page.y += 4
    page.text(25, page.y, f"申请单位：{plan.applicant}", 12)
    page.y += 8
    page.text(25, page.y, f"联系人：{plan.contact}    联系电话：{plan.phone}", 12)
    page.y += 10
    if not with_date:
        return 0, 0
    x = page.width_mm - 30 - page.width(date_cn(plan), 12.5)
    page.text(x, page.y, date_cn(plan), 12.5)
    cx, cy = x + page.width(date_cn(plan), 12.5) / 2, page.y + 2
    page.y += 10
    return cx, cy


def change_table(page: Page, plan: Plan, rng: random.Random, size: float = 10.5) -> None:
    """Layout A: 序号 | 证书名称 | 调整事项 | 原申报内容 | 调整后内容 | 调整原因."""
    header = ["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"]
    rows: list[list[str]] = []
    for c in plan.changes:
        rows.append([level_text(c), FIELD_LABEL[c.field] if rng.random() < 0.8 else
                     {"level": "等级", "major": "专业", "headcount": "试点人数"}[c.field],
                     value_text(c, "old", rng), value_text(c, "new", rng), plan.reason])
    for decl, fld in plan.unchanged:
        cert = decl.certificate + ("职业技能等级证书" if plan.suffix_style else "") + f"（{decl.level}）"
        old = {"level": decl.level, "major": decl.major, "headcount": f"{decl.headcount}人"}[fld]
        if rng.random() < 0.3:
            row = [cert, "不调整", old, "—", "—"]
        else:
            row = [cert, FIELD_LABEL[fld], old, rng.choice(["不变", "—", "/", old]), "—"]
        rows.insert(rng.randint(0, len(rows)), row)
    body = [[str(i + 1), *r] for i, r in enumerate(rows)]
    w = page.width_mm - 40
    cols = [w * f for f in (0.07, 0.27, 0.13, 0.18, 0.18, 0.17)]
    page.table(20, cols, [header, *body], size=size)


def _blank_same(rng: random.Random, same: str) -> str:
    return rng.choice(["", "—", "不变", same])


def groups(plan: Plan) -> list[tuple[str, str, dict[str, Change]]]:
    """Changes grouped per written certificate and level, in order."""
    out: dict[tuple[str, str], dict[str, Change]] = defaultdict(dict)
    for c in plan.changes:
        out[(c.written, c.level)][c.field] = c
    return [(cert, level, fields) for (cert, level), fields in out.items()]


def _orig(plan: Plan, cert: str, level: str, fields: dict[str, Change]) -> tuple[str, str, str]:
    """The original major and headcount of a group (from the registry when a field did not change)."""
    from tests.inboxgen.registry import declarations_of

    decl = next((d for d in declarations_of(plan.school) if d.certificate + ("职业技能等级证书" if plan.suffix_style
                 else "") == cert and d.level == level), None)
    major = fields.get("major")
    m = (f"{major.old_code} {major.old}" if major and major.old_code else str(major.old)) if major else \
        (decl.major if decl else "")
    hc = str(fields["headcount"].old) if "headcount" in fields else (str(decl.headcount) if decl else "")
    return level, m, hc


def wide_rows(plan: Plan, rng: random.Random) -> list[list[str]]:
    """Layout B: one row per certificate, 原/调整后 pairs for level, major and headcount."""
    rows = []
    for i, (cert, level, fields) in enumerate(groups(plan)):
        lvl, major, hc = _orig(plan, cert, level, fields)
        row = [str(i + 1), cert, lvl]
        row.append(fields["level"].new if "level" in fields else _blank_same(rng, lvl))
        row.append(major)
        row.append(value_text(fields["major"], "new", rng) if "major" in fields else _blank_same(rng, major))
        row.append(hc)
        row.append(str(fields["headcount"].new) if "headcount" in fields else _blank_same(rng, hc))
        row.append("")
        rows.append(row)
    return rows


def vertical_form(page: Page, plan: Plan, cert: str, level: str, fields: dict[str, Change],
                  rng: random.Random) -> None:
    lvl, major, hc = _orig(plan, cert, level, fields)
    page.text(25, page.y, f"证书名称：{cert}（{level}）", 12.5, SANS)
    page.y += 9
    rows = [["调整项目", "原申报", "拟调整为"]]
    rows.append(["考核等级", lvl, fields["level"].new if "level" in fields else _blank_same(rng, lvl)])
    rows.append(["考核专业", major, value_text(fields["major"], "new", rng) if "major" in fields
                 else _blank_same(rng, major)])
    unit = rng.random() < 0.5
    hc_text = f"{hc}人" if unit and hc else hc
    rows.append(["人数规模", hc_text, (f"{fields['headcount'].new}人" if unit else str(fields["headcount"].new))
                 if "headcount" in fields else _blank_same(rng, hc_text)])
    w = page.width_mm - 50
    page.table(25, [w * 0.26, w * 0.37, w * 0.37], rows, size=11, min_h=10)
    page.text(25, page.y, f"调整原因：{plan.reason}。", 11)
    page.y += 10


def student_list(page: Page, plan: Plan, rng: random.Random) -> None:
    page.centre(rng.choice(["附件2：拟参加考核学生名单（部分）", "参加试点学生名单"]), 14, SANS)
    decl_major = rng.choice(plan.school.major_names)
    rows = [["序号", "姓名", "学号", "班级", "专业"]]
    for i in range(rng.randint(18, 24)):
        name = rng.choice(SURNAMES) + "".join(rng.choice("子涵雨轩浩然梓萱欣怡俊杰思远佳琪宇航") for _ in
                                              range(rng.choice([1, 2])))
        rows.append([str(i + 1), name, f"2022{rng.randint(100000, 999999)}", f"22{decl_major[:2]}{rng.randint(1, 4)}班",
                     decl_major])
    w = page.width_mm - 40
    page.table(20, [w * 0.1, w * 0.18, w * 0.24, w * 0.2, w * 0.28], rows, size=10, min_h=8)


# approvals ------------------------------------------------------------------------------------------

def signature(page: Page, a: Approval, x: float, y: float, rng: random.Random, size: float = 7.5) -> float:
    """Whatever stands in the signature place; returns its width in mm. (y = text baseline-ish top)"""
    if a.sign == "hand":
        return handwriting(page, x, y - 1, a.name, size, a.ink, rng)
    if a.sign == "cursive":
        return cursive(page, x, y - 1, a.name, size, a.ink, rng)
    if a.sign == "stamp":
        return name_stamp(page, x + 2, y + 2.5, a.name, rng, side_mm=rng.uniform(11, 14))
    if a.sign == "typed":
        return page.text(x + 2, y, a.name, 12)
    return 0.0


def opinion(page: Page, a: Approval, x: float, y: float, rng: random.Random) -> None:
    if not a.opinion:
        return
    if a.opinion_hand:
        handwriting(page, x, y - 1.5, a.opinion, rng.uniform(6.5, 8.5), a.ink, rng)
    else:
        page.text(x, y, a.opinion, 12)


def hand_date(page: Page, plan: Plan, a: Approval, x: float, y: float, rng: random.Random) -> None:
    d = plan.letter_date
    s = rng.choice([f"{d.year}.{d.month}.{d.day}", f"{d.month}月{d.day}日", f"{d.year}年{d.month}月{d.day}日"])
    if a.sign in ("blank", "typed") and rng.random() < 0.5:
        page.text(x, y, "    年    月    日", 12)
        return
    handwriting(page, x, y - 1, s, 5.5, a.ink, rng)


def approval_lines(page: Page, plan: Plan, a: Approval, rng: random.Random, left: float = 25) -> tuple[float, float]:
    """Label with the opinion beside it, then 签字 and 日期 below; returns the signature's centre."""
    labels = DEPT_LABELS if a.role == "department" else LEADER_LABELS
    label = rng.choice(labels) + "："
    w = page.text(left, page.y, label, 12.5, SERIF_BOLD if rng.random() < 0.5 else SERIF)
    if rng.random() < 0.35:  # the opinion written on the line under the label
        page.y += 10
        opinion(page, a, left + rng.uniform(10, 30), page.y, rng)
    else:
        opinion(page, a, left + w + 3, page.y, rng)
    page.y += 13
    sign_label = rng.choice(["负责人签字：", "签字：", "负责人（签字）："]) if a.role == "department" else \
        rng.choice(["签字：", "分管领导签字：", "领导签字："])
    sx = left + 60
    sw = page.text(sx, page.y, sign_label, 12)
    page.line(sx + sw, page.y + 6, sx + sw + 38, page.y + 6, 0.2)
    centre = (sx + sw + 15, page.y + 3)
    signature(page, a, sx + sw + 2, page.y, rng)
    page.text(sx + sw + 44, page.y, "日期：", 12)
    hand_date(page, plan, a, sx + sw + 58, page.y, rng)
    page.y += 16
    return centre


def opinion_boxes(page: Page, plan: Plan, rng: random.Random, left: float = 20,
                  reserve: float = 0) -> tuple[float, float]:
    """Two-column ruled boxes: wrapped label left, opinion + 负责人签字 + date right. Returns the leader
    box's signature centre."""
    width = page.width_mm - 2 * left
    lw = rng.uniform(26, 34)
    centre = (0.0, 0.0)
    for a in (plan.department, plan.leader):
        label = rng.choice(DEPT_LABELS[:2] if a.role == "department" else LEADER_LABELS)
        top = page.y
        h = min(rng.uniform(42, 52), (page.height_mm - 10 - reserve - top) / (2 if a.role == "department" else 1))
        page.line(left, top, left + width, top, 0.35)
        page.line(left, top + h, left + width, top + h, 0.35)
        page.line(left, top, left, top + h, 0.35)
        page.line(left + lw, top, left + lw, top + h, 0.3)
        page.line(left + width, top, left + width, top + h, 0.35)
        lines = page.wrap(label, lw - 6, 12, SANS)
        ly = top + (h - len(lines) * 6.5) / 2
        for line in lines:
            page.text(left + lw / 2, ly, line, 12, SANS, anchor="ma")
            ly += 6.5
        opinion(page, a, left + lw + 8, top + 10, rng)
        sy = top + h - 20
        sx = left + lw + rng.uniform(45, 75)
        if rng.random() < 0.2:  # no 签字 label: the approver signs under the opinion in the cell
            sl = ""
            sw = 0.0
        else:
            sl = "负责人签字：" if a.role == "department" else rng.choice(["签字：", "领导签字：", "负责人签字："])
            sw = page.text(sx, sy, sl, 12)
        signature(page, a, sx + sw + 1, sy, rng)
        centre = (sx + sw + 14, sy + 3)
        hand_date(page, plan, a, sx + 5, sy + 9, rng)
        page.y = top + h
    page.y += 6
    return centre


def press_seal(page: Page, plan: Plan, cx: float, cy: float, rng: random.Random) -> str:
    """The seal the plan calls for, centred near (cx, cy); returns a capture note."""
    if plan.seal == "none":
        return "no seal"
    dia = rng.uniform(38, 44)
    jitter = (rng.uniform(-6, 6), rng.uniform(-8, 4))
    if plan.seal == "department":
        seal(page, cx + jitter[0], cy + jitter[1], plan.school.name + rng.choice(["教务处", "招生就业处"]), rng, dia)
        return "department seal"
    seal(page, cx + jitter[0], cy + jitter[1], plan.school.name, rng, dia)
    return "seal"


def redhead(page: Page, plan: Plan, rng: random.Random) -> None:
    """红头: the school's name + 文件 in large red type, 文号, and the red rule (none of it a seal)."""
    from tests.inboxgen.draw import RED

    page.y = 22
    title = plan.applicant + rng.choice(["文件", ""])
    size = 26 if len(title) < 14 else 22
    page.text(page.width_mm / 2, page.y, title, size, SERIF_BOLD, fill=RED, anchor="ma")
    page.y += size * 0.3528 * 1.9
    short = next(s.short for s in SCHOOLS if s.name == plan.applicant)
    page.text(page.width_mm / 2, page.y, f"{short}〔2024〕{rng.randint(3, 45)}号", 12, SERIF,
              anchor="ma")
    page.y += 8
    page.line(20, page.y, page.width_mm - 20, page.y, 0.9, fill=RED)
    if rng.random() < 0.5:
        page.line(20, page.y + 1.4, page.width_mm - 20, page.y + 1.4, 0.3, fill=RED)
    page.y += 10


__all__ = ["SERIF", "approval_lines", "change_table", "closing", "groups", "intro", "letter_head", "numbered",
           "opinion_boxes", "press_seal", "redhead", "student_list", "vertical_form", "wide_rows"]
