"""Schools' own words for the parts of a request: certificate names, values, dates, reasons, Chinese
numerals, and the shared letter, approval and foot blocks drawn on a page."""

from __future__ import annotations

import random
from datetime import datetime

from tests.fieldgen.draw import BLACK, BLUE, BLUE_BLACK, RED, Ink, Page
from tests.fieldgen.plan import Approval, Change, Plan

DIGITS = "〇一二三四五六七八九"
FIELD_LABEL = {"headcount": ["人数规模", "试点人数", "申报人数"], "level": ["考核等级"], "major": ["考核专业"]}


def zh_number(n: int) -> str:
    """60 → 六十, 45 → 四十五, 105 → 一百零五, 120 → 一百二十, 15 → 十五."""
    if n >= 100:
        h, rest = divmod(n, 100)
        tail = "" if rest == 0 else ("零" + zh_number(rest) if rest < 10 else
                                      ("一" + zh_number(rest) if rest < 20 else zh_number(rest)))
        return DIGITS[h] + "百" + tail
    tens, ones = divmod(n, 10)
    if tens == 0:
        return DIGITS[ones]
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def zh_date(dt: datetime) -> str:
    return ("二〇二四年" + ["", "一", "二", "三"][dt.month] + "月" + zh_number(dt.day) + "日")


def date_text(dt: datetime, rng: random.Random) -> str:
    return rng.choice([f"{dt.year}年{dt.month}月{dt.day}日", f"{dt.year}.{dt.month}.{dt.day}",
                       f"{dt.year}年{dt.month}月{dt.day}日", zh_date(dt)])


def cert_label(c: Change, rng: random.Random, level: bool = True, suffix: bool = False) -> str:
    """The certificate as a school writes it: plain, official title, or quoted; with its level or not;
    `suffix` when the sentence needs a noun (X证书, “X”证书 or the official title)."""
    r = rng.random()
    name = c.certificate
    if r < 0.3:
        name += "职业技能等级证书"
    elif r < 0.42:
        name = f"“{name}”" + ("证书" if suffix else "")
    elif suffix:
        name += "证书"
    if level:
        name += f"（{c.level}）"
    return name


def value_text(c: Change, v: str | int, rng: random.Random, codes: dict[str, str]) -> str:
    if c.field == "headcount":
        return f"{v}人" if rng.random() < 0.7 else str(v)
    if c.field == "major" and str(v) in codes and rng.random() < 0.4:
        return f"{codes[str(v)]} {v}"
    return str(v)


def reason(c: Change, rng: random.Random) -> str:
    if c.field == "headcount":
        if int(c.new) > int(c.old):
            return rng.choice(["学生报考意愿增加", "新增中高职贯通班学生参加", "专业招生规模扩大"])
        return rng.choice(["部分学生转专业", "结合实训条件调减", "学生报考意愿下降"])
    if c.field == "level":
        return rng.choice(["按人才培养方案调整", "学生已取得低一级证书", "与课程进度匹配"])
    return rng.choice(["专业建设调整", "原专业学生已参加其他证书", "与专业核心课程对应"])


def intro(rng: random.Random) -> str:
    return rng.choice([
        "根据《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，我校已在平台完成2024年证书申报。"
        "结合专业开设、在校生人数和实训条件等实际情况，经学校证书试点管理部门和校级分管领导同意，"
        "现申请对部分证书的申报内容进行调整，具体如下：",
        "我校于3月初在职业技能等级证书信息管理服务平台完成了2024年度1+X证书试点申报。经复核，"
        "部分证书的考核等级、考核专业或试点人数需作调整，现将调整事项报告如下：",
    ])


def salutation(p: Page, y: float, pt: float = 13) -> float:
    p.text(22, y, "江苏省职业院校1+X证书制度试点工作办公室：", pt)
    return y + pt * 0.353 * 1.9


def foot(p: Page, y: float, plan: Plan, rng: random.Random, pt: float = 13, x: float = 112,
         seal_shift: float = 0) -> float:
    """申请单位（盖章）and the date at the right foot, the seal over them as offices place it."""
    p.text(x, y, "申请单位（盖章）：", pt)
    p.text(x + 6, y + pt * 0.353 * 1.9, plan.school.name, pt)
    p.text(x + 14, y + pt * 0.353 * 3.8, f"{plan.letter_date.year}年{plan.letter_date.month}月"
           f"{plan.letter_date.day}日", pt)
    cy = y + 16 + rng.uniform(-1, 3)
    seal(p, x + 34 + seal_shift + rng.uniform(-4, 6), cy, plan, rng)
    return cy + 17


def seal(p: Page, cx: float, cy: float, plan: Plan, rng: random.Random, ink: Ink = RED) -> None:
    if plan.seal != "none":
        p.seal(cx, cy, plan.seal_unit, rng, d_mm=rng.uniform(40, 43), ink=ink)


def role_label(a: Approval, rng: random.Random) -> str:
    if a.role == "department":
        return rng.choice(["证书试点管理部门意见", "证书试点管理部门（教务处）意见", "1+X证书试点管理部门意见"])
    return rng.choice(["校级分管领导意见", "学校分管领导意见", "分管校领导意见"])


def sign(p: Page, x: float, y: float, a: Approval, rng: random.Random, mode: str = "pen",
         ink: Ink = BLUE_BLACK, pt: float = 20) -> None:
    """The approver's mark beside a 签字 label at (x, y): pen signature, 手签章 stamp, or a pen signature
    across the typed name; a typed name alone or nothing for the unsigned defects."""
    if a.state == "typed_name":
        p.text(x, y + 1, a.signer, 13, "song")
        return
    if a.state == "unsigned":
        return
    if mode == "stamp":
        p.stamp_signature(x, y - 1, a.signer, rng, rng.choice([RED, RED, (30, 30, 34)]), pt)
    elif mode == "cross":
        p.text(x + 2, y + 1, a.signer, 13, "song")
        p.signature(x - 2 + rng.uniform(0, 4), y - 3 + rng.uniform(0, 3), a.signer, rng, ink, pt)
    else:
        p.signature(x, y - 2, a.signer, rng, ink, pt)


def opinion_ink(rng: random.Random) -> Ink:
    return rng.choice([BLUE, BLUE_BLACK, BLACK])


def approval_box(p: Page, x0: float, y0: float, x1: float, y1: float, a: Approval, rng: random.Random,
                 mode: str = "pen", ink: Ink | None = None, label: str = "") -> None:
    """A ruled box: label at top-left, the opinion written in, 负责人签字 + mark and the date at its foot."""
    ink = ink or opinion_ink(rng)
    p.rect(x0, y0, x1, y1, w=0.35)
    p.text(x0 + 3, y0 + 3, (label or role_label(a, rng)) + "：", 12, "hei")
    per_line = max(4, int((x1 - x0 - 22) / (17 * 0.353 * 0.95)))
    for k in range(0, len(a.opinion), per_line):
        p.hand(x0 + 14, y0 + 12 + (k // per_line) * 8, a.opinion[k:k + per_line], 17, ink, rng)
    lab = rng.choice(["负责人签字：", "签字：", "负责人（签字）："])
    lx = max(x0 + 4, x1 - 92)
    p.text(lx, y1 - 21, lab, 12)
    sign(p, lx + p.width_mm(lab, 12) + 1, y1 - 23, a, rng, mode, ink)
    p.hand(x1 - 48, y1 - 10, date_text(a.date, rng), 12, ink, rng, spacing=0.8)
