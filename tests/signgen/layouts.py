"""Whole pages: the short letter or the request form, its changes, the approvals and the sealed sign-off."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tests.signgen.blocks import STYLES, Pen, date_text
from tests.signgen.ink import HEI, SERIF, SERIF_BOLD, Page, official_seal
from tests.signgen.plan import REASONS, Change, Plan, person
from tests.signgen.registry import SCHOOLS

FIELD_WORDS = {"headcount": ("人数规模", "试点人数", "申报人数"), "level": ("考核等级",), "major": ("考核专业",)}


@dataclass
class Drawn:
    """What a layout put where, for the truth's diagnosis fields."""

    style: str
    changes_as: str
    seal_at: str


def cert_text(change: Change) -> str:
    name = change.decl.certificate + ("职业技能等级证书" if change.official_title else "")
    return name + (f"（{change.decl.level}）" if change.show_level else "")


def value_text(change: Change, value: str | int, rng: random.Random) -> str:
    if change.field == "headcount":
        return f"{value}人" if rng.random() < 0.7 else str(value)
    if change.field == "major" and change.with_code:
        school = next(s for s in SCHOOLS if s.name == change.decl.school)
        return f"{school.code_of(str(value))} {value}"
    return str(value)


def sentence(change: Change, rng: random.Random) -> str:
    cert, old, new = cert_text(change), value_text(change, change.old, rng), value_text(change, change.new, rng)
    noun = "" if "证书" in cert else "证书"  # 物流管理证书, but never …等级证书证书
    if change.field == "headcount":
        old, new = f"{change.old}人", f"{change.new}人"
        verb = "减少至" if int(change.new) < int(change.old) and rng.random() < 0.5 else "调整为"
        return rng.choice((f"将“{cert}”{noun}试点人数由{old}{verb}{new}",
                           f"{cert}申报人数由{old}{verb}{new}",
                           f"{cert}申报规模由原来的{old}调整到{new}"))
    if change.field == "level":
        return rng.choice((f"{cert}{noun}考核等级由{old}调整为{new}", f"将“{cert}”的考核等级由{old}调整为{new}"))
    return rng.choice((f"{cert}考核专业由“{old}”变更为“{new}”", f"将{cert}的考核专业由{old}调整为{new}"))


def numbered_list(page: Page, y: float, changes: list[Change]) -> float:
    rng = page.rng
    marks = rng.choice((lambda k: f"{k}.", lambda k: f"（{k}）", lambda k: "一二三四"[k - 1] + "、"))
    for k, change in enumerate(changes, start=1):
        text = marks(k) + sentence(change, rng) + ("；" if k < len(changes) else "。")
        for line in page.wrap(text, 12, 152, indent=2):
            page.text(25, y, line, 12)
            y += 7.5
    return y + 2


def change_table(page: Page, y: float, changes: list[Change]) -> float:
    """序号 | 证书名称 | 调整事项 | 原申报内容 | 调整后内容 | 调整原因, ruled."""
    rng = page.rng
    heads = rng.choice((("序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"),
                        ("序号", "证书名称", "调整项目", "调整前", "调整后", "备注"),
                        ("序号", "证书名称", "调整内容", "原申报", "拟调整为", "调整原因")))
    widths = (12, 46, 22, 28, 28, 24)
    xs = [25.0]
    for w in widths:
        xs.append(xs[-1] + w)
    rows = [heads] + [(str(k), cert_text(c), rng.choice(FIELD_WORDS[c.field]), value_text(c, c.old, rng),
                       value_text(c, c.new, rng), rng.choice(REASONS)) for k, c in enumerate(changes, start=1)]
    top = y
    page.line(xs[0], y, xs[-1], y)
    for r, row in enumerate(rows):
        cells = [page.wrap(text, 10.5, widths[i] - 2, SERIF_BOLD if r == 0 else SERIF) for i, text in enumerate(row)]
        height = max(9.0, 5.2 * max(map(len, cells)) + 3.5)
        for i, lines in enumerate(cells):
            first = y + height / 2 - (len(lines) - 1) * 2.6 + 1.6
            for k, line in enumerate(lines):
                page.centred(first + k * 5.2, line, 10.5, SERIF_BOLD if r == 0 else SERIF, xs[i], xs[i + 1])
        y += height
        page.line(xs[0], y, xs[-1], y)
    _vertical_rules(page, top, y, xs)
    return y


def _vertical_rules(page: Page, top: float, bottom: float, xs: list[float]) -> None:
    for x in xs:
        page.line(x, top, x, bottom)


def letter(page: Page, plan: Plan, style: str, pen: Pen, sign_day: int) -> Drawn:
    """A short letter: title, salutation, one paragraph, the changes, the approvals, the sealed sign-off."""
    rng = page.rng
    page.centred(32, rng.choice((f"{plan.unit_in_subject}2024年证书申报调整申请", "关于调整2024年1+X证书申报内容的申请",
                                 "2024年度1+X证书试点申报调整申请")), 16, rng.choice((SERIF_BOLD, HEI)))
    y = 46.0
    page.text(25, y, "江苏省职业院校1+X证书制度试点工作办公室：", 12)
    y += 9
    agreed = "经学校证书试点管理部门和校级分管领导同意，" if rng.random() < 0.5 else ""
    body = (f"我校已于2024年3月{max(1, sign_day - 3)}日在职业技能等级证书信息管理服务平台完成2024年度第一次"
            f"1+X证书试点申报。因{rng.choice(REASONS)}，{agreed}现申请对以下证书申报内容进行调整：")
    for line in page.wrap(body, 12, 160, indent=2):
        page.text(25, y, line, 12)
        y += 7.5
    y += 2
    as_table = rng.random() < 0.55
    y = change_table(page, y, plan.changes) + 8 if as_table else numbered_list(page, y, plan.changes)
    page.text(25 + page.width("\u3000\u3000", 12), y, rng.choice(("特此申请。", "恳请批准。", "妥否，请审核。")), 12)
    y += 8
    contact = person(rng)
    page.text(25, y, f"联系人：{contact}    联系电话：{rng.choice(('138', '139', '151', '186'))}{rng.randrange(10**8):08d}",
              11)
    y += 10
    blocks = [plan.department, plan.leader]
    sign_first = rng.random() < 0.4
    if sign_first:
        y = _sign_off(page, plan, y, sign_day) + 8
    y, leader_spot = STYLES[style](page, y + 4, blocks, pen, sign_day)
    if not sign_first:
        y = _sign_off(page, plan, y + 2, sign_day)
    return Drawn(style, "table" if as_table else "list", _seal(page, plan, leader_spot))


def _sign_off(page: Page, plan: Plan, y: float, day: int) -> float:
    rng = page.rng
    name = plan.school.name if rng.random() < 0.85 else plan.school.alias
    text = f"申请单位：{name}（盖章）" if rng.random() < 0.5 else name
    right = 180 - page.width(text, 12)
    page.text(right, y, text, 12)
    page.text(max(right, 180 - page.width("2024年3月18日", 12)), y + 8,
              date_text(day, rng) if rng.random() < 0.2 else f"2024年3月{day}日", 12)
    page.seal_spot = (right + page.width(text, 12) / 2 + rng.uniform(-8, 8), y + rng.uniform(-4, 4))
    return y + 12


def _seal(page: Page, plan: Plan, leader_spot: tuple) -> str:
    rng = page.rng
    if not plan.seal:
        return "none"
    if rng.random() < 0.3 and plan.leader.present:
        reach = rng.uniform(22, 28) if plan.leader.signature == "stamp" else rng.uniform(8, 20)
        cx, cy = leader_spot[0] + reach, leader_spot[1] + rng.uniform(-6, 6)
        where = "over leader signature"
    else:
        cx, cy = page.seal_spot
        where = "over sign-off date"
    official_seal(page, min(cx, 178), min(cy, 275), plan.school.name, rng.uniform(38, 44), rng.uniform(-25, 25))
    return where


def form(page: Page, plan: Plan, pen: Pen, sign_day: int) -> Drawn:
    """The request as one ruled form: unit and contact rows, the changes, then the two approval rows."""
    rng = page.rng
    page.centred(30, rng.choice(("2024年1+X证书申报调整申请表", "1+X证书试点申报调整审批表")), 16, SERIF_BOLD)
    y = 40.0
    x0, x1 = 25.0, 185.0
    page.line(x0, y, x1, y)
    page.text(x0 + 3, y + 7, "申请单位", 12)
    page.text(x0 + 35, y + 7, plan.school.name if rng.random() < 0.85 else plan.school.alias, 12)
    _vertical_rules(page, y, y + 10, [x0, x0 + 32, x1])
    y += 10
    page.line(x0, y, x1, y)
    page.text(x0 + 3, y + 7, "联系人", 12)
    page.text(x0 + 35, y + 7, person(rng), 12)
    page.text(x0 + 83, y + 7, "联系电话", 12)
    page.text(x0 + 110, y + 7, f"0{rng.randint(510, 527)}-{rng.randrange(10**7, 10**8)}", 11)
    _vertical_rules(page, y, y + 10, [x0, x0 + 32, x0 + 80, x0 + 107, x1])
    y += 10
    y = change_table(page, y, plan.changes)
    y, leader_spot = STYLES["table_rows"](page, y, [plan.department, plan.leader], pen, sign_day, x0, x1)
    if rng.random() < 0.5:  # a 单位盖章 row with the seal over it
        page.text(x0 + 5, y + 14, "单位（盖章）", 12)
        page.text(x1 - 45, y + 22, f"2024年3月{sign_day}日", 12)
        _vertical_rules(page, y, y + 28, [x0, x0 + 32, x1])
        page.line(x0, y + 28, x1, y + 28)
        page.seal_spot = (x1 - 38, y + 16)
    else:
        _sign_off(page, plan, y + 14, sign_day)
    return Drawn("table_rows", "table", _seal(page, plan, leader_spot))

