"""Pieces every layout shares: letter head, grids, approval marks, seals, change wording."""

from __future__ import annotations

import random

from .content import FIELD_LABEL, Block, Case, Change, cert_written, fmt_date, reason_for, show_value
from .ink import Page, hand, name_stamp, seal, signature, typed

FIELD_WORDS = {"headcount": ("人数规模", "试点人数", "考核人数", "人数"), "major": ("考核专业", "专业", "试点专业"),
               "level": ("考核等级", "等级", "证书等级")}


def titles(case: Case, rng: random.Random) -> str:
    name = case.school.name
    return rng.choice(("关于调整2024年1+X证书试点申报信息的请示", f"{name}关于2024年职业技能等级证书申报调整的申请",
                       "2024年1+X证书制度试点申报调整申请", f"{name}\n关于申请调整2024年度1+X证书试点申报内容的报告",
                       "关于2024年度1+X证书试点申报事项调整的申请"))


def salutation(rng: random.Random) -> str:
    return rng.choice(("江苏省职业院校1+X证书制度试点工作办公室：", "省1+X证书制度试点工作办公室：",
                       "江苏省1+X证书制度试点工作办公室：", "省1+X办公室："))


def intro(case: Case, rng: random.Random) -> str:
    d = max(1, case.doc_date.day - rng.randint(1, 6))
    we = "我校" if case.school.kind != "本科" or rng.random() < 0.5 else "我院"
    what = "、".join(sorted({FIELD_LABEL[c.field] for c in case.changes}, key=list(FIELD_LABEL.values()).index))
    return rng.choice((
        f"{we}已于2024年3月{d}日在职业技能等级证书信息管理服务平台完成2024年度1+X证书试点申报。经对照各专业在校生人数及"
        f"教学安排复核，部分证书的{what}需要调整。根据《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，"
        f"经学校证书试点管理部门和校级分管领导同意，现将调整事项申请如下：",
        f"根据省1+X办公室关于2024年度第一次1+X证书制度试点申报工作的安排，{we}组织各二级学院完成了证书申报。"
        f"因人才培养方案调整及学生实习安排变化，需对已申报的部分证书{what}进行调整，具体如下：",
        f"{we}2024年度1+X证书试点申报工作已按时完成。近期经二级学院复核，发现部分证书申报信息与实际情况不符，"
        f"现申请对{what}作如下调整：",
    ))


def closing(rng: random.Random) -> str:
    return rng.choice(("特此申请。", "妥否，请批示。", "恳请予以审核为盼。", "以上调整事项，请予审核。",
                       "特此申请，请予批准。"))


def dept_label(rng: random.Random) -> str:
    return rng.choice(("证书试点管理部门意见", "证书试点管理部门（教务处）意见", "教务处（证书试点管理部门）意见",
                       "学校证书试点管理部门意见"))


def leader_label(rng: random.Random) -> str:
    return rng.choice(("校级分管领导意见", "学校分管领导意见", "分管校领导意见", "校分管领导意见"))


def grid(page: Page, x: float, y: float, widths: list[float], rows: list[list[str]], face: str = "song",
         size: float = 10.5, header_face: str | None = None, min_h: float = 9.0) -> float:
    """A ruled table; the first row is the header. Row heights follow the wrapped text; returns the bottom y."""
    line_h = size * 25.4 / 72 * 1.35
    for r, row in enumerate(rows):
        f = (header_face or face) if r == 0 else face
        n_lines = max(len(page.wrap(cell, f, size, w - 3)) for cell, w in zip(row, widths, strict=True))
        h = max(min_h, n_lines * line_h + 3)
        cx = x
        for cell, w in zip(row, widths, strict=True):
            page.rect(cx, y, cx + w, y + h, 0.25)
            page.cell_text(cx, y, cx + w, y + h, cell, f, size)
            cx += w
        y += h
    return y


def hand_at(page: Page, text: str, x: float, y_mid: float, size_mm: float, ink: str, rng: random.Random) -> float:
    """Handwritten text with its left edge at x and its middle on y_mid; returns its width in mm."""
    layer = hand(text, size_mm, page.dpi, rng, ink)
    page.place(layer, x, y_mid)
    return layer.width * 25.4 / page.dpi


def mark(page: Page, block: Block, x: float, y_mid: float, rng: random.Random, size_mm: float = 6.5) -> float:
    """What stands beside a 签字 label: a signature, a 名章, a typed name, or nothing; returns the width used."""
    if block.state in ("unsigned", "blank"):
        return 0.0
    if block.state == "typed":
        layer = typed(block.signer, rng.choice((10.5, 12)), page.dpi, rng.choice(("song", "hei", "ming")))
    elif block.mark == "stamp":
        layer = name_stamp(block.signer, page.dpi, rng, side_mm=rng.uniform(11, 15))
    else:
        layer = signature(block.signer, size_mm * rng.uniform(1.1, 1.45), page.dpi, rng, block.ink)
    page.place(layer, x, y_mid)
    return layer.width * 25.4 / page.dpi


def opinion(page: Page, block: Block, x: float, y_mid: float, rng: random.Random, size_mm: float = 5.5) -> None:
    """The opinion text: by hand, or typed when the office filled it in before printing."""
    if not block.opinion:
        return
    if block.typed_opinion:
        page.text(x, y_mid - 2.4, block.opinion, "song", 12)
    else:
        hand_at(page, block.opinion, x, y_mid, size_mm, block.ink, rng)


def date_mark(page: Page, block: Block, x: float, y_mid: float, rng: random.Random, size_mm: float = 4.6) -> None:
    if block.state == "blank":
        return
    hand_at(page, fmt_date(rng, block.date), x, y_mid, size_mm, block.ink, rng)


def put_seal(page: Page, case: Case, cx: float, cy: float, rng: random.Random) -> None:
    """The seal(s) the case calls for, centred near (cx, cy) mm."""
    diameter = rng.uniform(38, 42)
    oval = rng.random() < 0.08
    if case.seal in ("school", "school+dept"):
        page.stamp(seal(case.school.name, page.dpi, rng, diameter, oval=oval), cx, cy)
    if case.seal == "dept":
        page.stamp(seal(case.school.name, page.dpi, rng, diameter, bottom=rng.choice(("教务处", "教务处"))), cx, cy)
    if case.seal == "school+dept":
        dx = rng.choice((-1, 1)) * rng.uniform(45, 60)
        nx = min(max(cx + dx, 25), page.w_mm - 25)
        page.stamp(seal(case.school.name, page.dpi, rng, diameter * 0.95, bottom="教务处"), nx,
                   cy + rng.uniform(-8, 8))


def table_a_rows(case: Case, rng: random.Random, filler: bool = True) -> list[list[str]]:
    """Layout A of the SPEC: 序号 | 证书名称 | 调整事项 | 原申报内容 | 调整后内容 | 调整原因."""
    header = rng.choice((["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"],
                         ["序号", "证书名称（等级）", "调整项目", "调整前", "调整后", "原因说明"],
                         ["序号", "职业技能等级证书", "调整内容", "原申报", "拟调整为", "备注"]))
    rows = [header]
    style = rng.randrange(4)
    for i, c in enumerate(case.changes, 1):
        written = cert_written(rng, c, with_level=bool(c.level), style=style if style < 2 else 0)
        rows.append([str(i), written, rng.choice(FIELD_WORDS[c.field]) if rng.random() < 0.4 else FIELD_LABEL[c.field],
                     show_value(rng, c, c.old), show_value(rng, c, c.new), c.reason or reason_for(rng, c)])
    if filler and rng.random() < 0.2:
        app = _unchanged_app(case)
        if app:
            rows.append([str(len(rows)), f"{app.certificate}（{app.level}）", "人数规模", f"{app.headcount}人",
                         rng.choice(("不变", "—", "/", f"{app.headcount}人")), "不调整"])
    return rows


def _unchanged_app(case: Case):
    from .registry import applications_of
    used = {c.app.id for c in case.changes if c.app}
    rest = [a for a in applications_of(case.school) if a.id not in used]
    return rest[0] if rest else None


def prose_sentence(rng: random.Random, c: Change, codes: bool = False) -> str:
    """One change in words, e.g. 将“Web前端开发”证书（中级）试点人数由80人调增至120人."""
    cert = cert_written(rng, c, with_level=c.field != "level" and bool(c.level), style=rng.randrange(5))
    if c.field == "headcount":
        up = int(c.new) > int(c.old)
        verb = rng.choice((("调增至" if up else "调减至"), "调整为", ("增加到" if up else "减少到"), "调整至"))
        noun = rng.choice(("试点人数", "试点规模", "考核人数", "申报人数"))
        return rng.choice((f"将{cert}的{noun}由{c.old}人{verb}{c.new}人", f"{cert}{noun}由原{c.old}人{verb}{c.new}人",
                           f"申请将{cert}{noun}从{c.old}人{verb}{c.new}人"))
    if c.field == "major":
        old, new = show_value(rng, c, c.old, codes=codes), show_value(rng, c, c.new, codes=codes)
        return rng.choice((f"将{cert}的考核专业由“{old}”调整为“{new}”", f"{cert}考核专业由{old}变更为{new}",
                           f"{cert}对应的试点专业由{old}调整为{new}"))
    return rng.choice((f"将{cert}的考核等级由{c.old}调为{c.new}", f"{cert}申报等级由{c.old}调整为{c.new}",
                       f"{cert}考核等级由“{c.old}”调整为“{c.new}”"))
