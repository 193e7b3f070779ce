"""The pages each family's school office produces, before capture (scanner app, copier, phone, Word export)."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from . import draw as D
from .content import Case, Change, cn_date, hand_date

MARGIN = 120
TEXT_W = D.A4[0] - 2 * MARGIN


# ---------------------------------------------------------------- how a change is written

def cert_text(ch: Change, rng: random.Random, level: bool = True) -> str:
    name = ch.certificate
    style = rng.random()
    if style < 0.15:
        name += "职业技能等级证书"
    elif style < 0.25:
        name += "证书"
    return f"{name}（{ch.level}）" if level else name


def value_text(ch: Change, which: str, rng: random.Random, unit: bool = True) -> str:
    v = ch.old if which == "old" else ch.new
    if ch.field == "headcount":
        return f"{v}人" if unit else str(v)
    if ch.field == "major":
        code = ch.code_old if which == "old" else ch.code_new
        return f"{code} {v}" if code and rng.random() < 0.35 else str(v)
    return str(v)


FIELD_WORDS = {"headcount": ("人数规模", "试点人数", "申报人数", "人数"), "level": ("考核等级", "等级"),
               "major": ("考核专业", "专业")}


def field_word(ch: Change, rng: random.Random) -> str:
    return rng.choice(FIELD_WORDS[ch.field])


def sentence(ch: Change, rng: random.Random) -> str:
    """The whole change in words, as one cell or one prose item holds it."""
    cert = cert_text(ch, rng)
    old, new = value_text(ch, "old", rng), value_text(ch, "new", rng)
    verb = rng.choice(("调整为", "调整为", "调整至", "变更为"))
    if ch.field == "headcount":
        word = rng.choice(("申报人数", "试点人数", "人数规模"))
        return f"{cert}{word}由{old}{verb}{new}"
    if ch.field == "level":
        return f"{cert_text(ch, rng, level=False)}考核等级由{old}{verb}{new}"
    return f"{cert}考核专业由“{old}”{verb}“{new}”"


# ---------------------------------------------------------------- letter parts

class Sheet:
    """Pages being filled top to bottom; `need(h)` starts a new page when `h` would not fit."""

    def __init__(self, size: tuple[int, int] = D.A4) -> None:
        self.size = size
        self.pages = [D.page(size)]
        self.y = 130

    @property
    def img(self) -> Image.Image:
        return self.pages[-1]

    def need(self, h: float) -> None:
        if self.y + h > self.size[1] - 110:
            self.pages.append(D.page(self.size))
            self.y = 130


def red_header(sheet: Sheet, case: Case, rng: random.Random) -> None:
    """红头: the school's name + 文件 in big red type, a document number and a red rule (with a star)."""
    img = sheet.img
    title = f"{case.school.name}文件" if len(case.school.name) <= 12 else f"{case.school.name}"
    f = D.song_bold(64 if len(title) <= 12 else 50)
    D.centered(img, sheet.y, title, f, D.RED)
    sheet.y += f.size * 1.6
    number = f"{rng.choice(('校教', '教发', '院教', '教'))}〔2024〕{rng.randint(3, 38)}号"
    D.centered(img, sheet.y, number, D.song(28))
    sheet.y += 55
    d = ImageDraw.Draw(img)
    mid = img.width // 2
    if rng.random() < 0.6:
        d.line((MARGIN - 20, sheet.y, mid - 30, sheet.y), fill=D.RED, width=5)
        d.line((mid + 30, sheet.y, img.width - MARGIN + 20, sheet.y), fill=D.RED, width=5)
        star = Image.new("L", (60, 60), 0)
        D._star(ImageDraw.Draw(star), 30, 30, 24)
        D.blend(img, star, D.RED, (mid - 30, int(sheet.y - 30)))
    else:
        d.line((MARGIN - 20, sheet.y, img.width - MARGIN + 20, sheet.y), fill=D.RED, width=5)
    sheet.y += 60


def opening(sheet: Sheet, case: Case, rng: random.Random, annex: bool = False) -> None:
    img = sheet.img
    title = rng.choice(("关于调整2024年1+X证书试点申报信息的申请", f"{case.unit}关于2024年1+X证书申报调整的请示",
                        "2024年职业技能等级证书申报调整申请", "关于申请调整2024年度1+X证书申报内容的报告"))
    f = D.hei_bold(40) if rng.random() < 0.5 else D.song_bold(40)
    for line in D.wrap(title, f, TEXT_W):
        D.centered(img, sheet.y, line, f)
        sheet.y += 62
    sheet.y += 30
    body = D.song(29)
    D.text(img, (MARGIN, sheet.y), rng.choice(("江苏省职业院校1+X证书制度试点工作办公室：", "省1+X证书制度试点工作办公室：",
                                               "省1+X办公室：")), body)
    sheet.y += 55
    if case.doc_date.month == 3 and case.doc_date.day > 2:
        day = rng.randint(1, case.doc_date.day - 1)
        done = f"我校已于3月{day}日在职业技能等级证书信息管理服务平台完成2024年度第一次1+X证书试点申报。"
    else:
        done = "我校在职业技能等级证书信息管理服务平台填报2024年度第一次1+X证书试点申报信息。"
    para = (done +
            f"因{case.changes[0].reason}，{rng.choice(('现申请对部分证书的申报信息进行调整', '需对以下证书申报内容作相应调整', '特申请调整如下'))}"
            + ("，具体见附表。" if annex else "，具体如下："))
    if rng.random() < 0.3:
        para = para.replace("因", "经学校证书试点管理部门和校级分管领导同意，因", 1)
    sheet.y = D.paragraph(img, MARGIN, sheet.y, para, body, TEXT_W)
    sheet.y += 10


def closing(sheet: Sheet, case: Case, rng: random.Random) -> None:
    body = D.song(29)
    sheet.need(150)
    sheet.y = D.paragraph(sheet.img, MARGIN, sheet.y, rng.choice(("特此申请，请予审核。", "妥否，请批示。", "恳请批准为盼！")),
                          body, TEXT_W)
    D.text(sheet.img, (MARGIN + 58, sheet.y), f"联系人：{case.contact}    联系电话：{case.phone}", body)
    sheet.y += 70


def sign_mark(img: Image.Image, x: float, y: float, block, rng: random.Random, size: int = 46) -> float:
    """The mark beside a 签字 label: a signature, a 名章, a typed name, or nothing."""
    if block.mark == "hand":
        return D.signature(img, (x + 10, y - 6), block.name, size, rng)
    if block.mark == "stamp":
        D.name_stamp(img, (x + 50, y + 16), block.name, rng, side=rng.randint(62, 80))
        return x + 100
    if block.mark == "typed":
        return D.text(img, (x + 6, y), block.name, D.song(29))
    return x + 160


def opinion_hand(img: Image.Image, x: float, y: float, block, rng: random.Random) -> float:
    if not block.opinion:
        return x
    return D.hand(img, (x + 8, y - 4), block.opinion, rng.randint(38, 48), rng)


def sig_label(role: str, rng: random.Random) -> str:
    if role == "dept":
        return rng.choice(("负责人签字：", "签字：", "负责人（签字）：", "签名："))
    return rng.choice(("校领导签字：", "签字：", "领导签字：", "负责人签字："))


def approvals_stacked(sheet: Sheet, case: Case, rng: random.Random, x: float = MARGIN) -> None:
    """Each block: label + hand opinion on one line, then the 签字 label with its mark and the hand date."""
    f = D.song(29)
    for block in (case.dept, case.leader):
        sheet.need(190)
        img = sheet.img
        end = D.text(img, (x, sheet.y), block.label + "：", f)
        opinion_hand(img, end, sheet.y, block, rng)
        sheet.y += 72
        lx = x + rng.choice((0, 200, 320))
        end = D.text(img, (lx, sheet.y), sig_label(block.role, rng), f)
        after = sign_mark(img, end, sheet.y, block, rng)
        if block.opinion or block.mark != "none":
            dx = max(after + 40, lx + 430)
            if rng.random() < 0.5:
                dx = D.text(img, (dx, sheet.y), "日期：", f)
            D.hand(img, (dx + 8, sheet.y), hand_date(rng, block.date), 34, rng)
        else:
            D.text(img, (max(after + 40, lx + 430), sheet.y), "日期：", f)
        sheet.y += 95


def approvals_right(sheet: Sheet, case: Case, rng: random.Random) -> None:
    """Foot sign-off on the right, stacked: label：opinion / 签字：mark / date, department then leader."""
    f = D.song(29)
    x = D.A4[0] // 2 + rng.randint(-40, 30)
    for block in (case.dept, case.leader):
        sheet.need(260)
        img = sheet.img
        end = D.text(img, (x, sheet.y), block.label + "：", f)
        if end + len(block.opinion) * 46 > D.A4[0] - 50:
            sheet.y += 60  # the opinion goes under the label
            end = x + rng.randint(20, 80)
        opinion_hand(img, end, sheet.y, block, rng)
        sheet.y += 68
        end = D.text(img, (x, sheet.y), sig_label(block.role, rng), f)
        sign_mark(img, end, sheet.y, block, rng)
        sheet.y += 68
        if block.opinion or block.mark != "none":
            D.hand(img, (x + 150, sheet.y), hand_date(rng, block.date), 34, rng)
        sheet.y += 80


def approvals_boxed(sheet: Sheet, case: Case, rng: random.Random) -> None:
    """A ruled two-row 审批 table: the label cell on the left, opinion + 签字 + date in the right cell."""
    f = D.song(29)
    lw, rw = 300, TEXT_W - 300
    for block in (case.dept, case.leader):
        sheet.need(260)
        img = sheet.img
        y0, h = sheet.y, 230
        d = ImageDraw.Draw(img)
        d.rectangle((MARGIN, y0, MARGIN + lw, y0 + h), outline=D.INK_BLACK, width=2)
        d.rectangle((MARGIN + lw, y0, MARGIN + lw + rw, y0 + h), outline=D.INK_BLACK, width=2)
        lines = D.wrap(block.label, f, lw - 30)
        ty = y0 + (h - len(lines) * 44) / 2
        for line in lines:
            D.centered(img, ty, line, f, x0=MARGIN, x1=MARGIN + lw)
            ty += 44
        opinion_hand(img, MARGIN + lw + 20, y0 + 35, block, rng)
        sy = y0 + h - 125
        end = D.text(img, (MARGIN + lw + rng.randint(150, 260), sy), sig_label(block.role, rng), f)
        sign_mark(img, end, sy, block, rng)
        if block.opinion or block.mark != "none":
            D.hand(img, (MARGIN + lw + rw - 250, y0 + h - 52), hand_date(rng, block.date), 32, rng)
        sheet.y = y0 + h
    sheet.y += 50


def unit_and_seal(sheet: Sheet, case: Case, rng: random.Random, x: float | None = None) -> None:
    """申请单位 + printed date at the right; the seal (if any) over them."""
    f = D.song(30)
    sheet.need(230)
    img = sheet.img
    unit_line = rng.choice((f"申请单位：{case.unit}（盖章）", f"{case.unit}", f"申请单位（盖章）：{case.unit}"))
    w = D.width(unit_line, f)
    x = x if x is not None else D.A4[0] - MARGIN - w - rng.randint(0, 40)
    x = min(x, D.A4[0] - MARGIN - w)
    y0 = sheet.y + 20
    D.text(img, (x, y0), unit_line, f)
    date = cn_date(case.doc_date)
    dx = x + (w - D.width(date, f)) / 2
    D.text(img, (dx, y0 + 60), date, f)
    place_seal(img, case, rng, (x + w * rng.uniform(0.45, 0.7), y0 + rng.randint(10, 60)))
    sheet.y = y0 + 180


def place_seal(img: Image.Image, case: Case, rng: random.Random, center: tuple[float, float]) -> None:
    if case.seal == "school":
        D.round_seal(img, center, case.school.name, rng, radius=rng.randint(130, 160))
    elif case.seal == "dept":
        D.round_seal(img, center, case.school.name, rng, bottom=rng.choice(("教务处", "教务处", "教学工作处")),
                     radius=rng.randint(120, 150))


# ---------------------------------------------------------------- change blocks

def table_a(sheet: Sheet, case: Case, rng: random.Random) -> None:
    f = D.song(26)
    head = ["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"]
    widths = [80, 270, 150, 180, 180, TEXT_W - 860]
    rows = [head]
    for i, ch in enumerate(case.changes, 1):
        rows.append([str(i), cert_text(ch, rng), field_word(ch, rng), value_text(ch, "old", rng),
                     value_text(ch, "new", rng), ch.reason])
    filler = unchanged_app(case, rng)
    if filler is not None and rng.random() < 0.25:
        # a declaration listed for completeness, explicitly not adjusted
        row = [str(len(rows)), f"{filler.certificate}（{filler.level}）", "人数规模", f"{filler.headcount}人",
               rng.choice(("不调整", "不变", "—")), "维持原申报"]
        rows.insert(rng.randint(1, len(rows)), row)
        for k, r in enumerate(rows[1:], 1):
            r[0] = str(k)
    sheet.need(80 * len(rows))
    sheet.y = D.grid(sheet.img, MARGIN, sheet.y, widths, rows, f, D.hei_bold(26)) + 40


def unchanged_app(case: Case, rng: random.Random):
    from .registry import applications_of
    used = {id(c.app) for c in case.changes if c.app is not None}
    rest = [a for a in applications_of(case.school) if id(a) not in used
            and a.certificate not in {c.certificate for c in case.changes}]
    return rng.choice(rest) if rest else None


def table_borderless(sheet: Sheet, case: Case, rng: random.Random) -> None:
    """Columns aligned by tab stops in Word: no ruling at all; a cell too wide pushes to the next stop."""
    if all(c.field == "headcount" for c in case.changes):
        head = ["证书名称", "等级", "原申报人数", "调整后人数"]
        rows = [[cert_text(c, rng, level=False), c.level, str(c.old), str(c.new)] for c in case.changes]
    else:
        head = ["证书名称", "等级", "调整项目", "原申报", "调整后"]
        rows = [[cert_text(c, rng, level=False), c.level, field_word(c, rng), value_text(c, "old", rng),
                 value_text(c, "new", rng)] for c in case.changes]
    gap = rng.randint(40, 80)
    stop = rng.choice((56, 84, 112))  # Word's default tab stops, in px at 150 dpi
    snap = rng.random() < 0.5
    if any(D.width("".join(r), D.song(24)) + gap * (len(r) - 1) > TEXT_W - 40 for r in rows):
        # too wide for one line: the clerk drops the codes and the title suffixes
        rows = [[r[0].replace("职业技能等级证书", "").removesuffix("证书")] + [v.split(" ")[-1] for v in r[1:]]
                for r in rows]
    for size in (28, 26, 24, 22, 20):
        f = D.song(size)
        hb = D.hei_bold(size) if rng.random() < 0.6 else f
        widths = [max(max(D.width(r[j], f) for r in rows), D.width(head[j], hb)) for j in range(len(head))]
        xs, x = [], 0
        for w in widths:
            xs.append(x)
            x = ((x + w + gap) // stop + 1) * stop if snap else x + w + gap
        if xs[-1] + widths[-1] <= TEXT_W - 30:
            break
        gap = max(30, gap - 10)
    sheet.need(60 * (len(rows) + 1) + 40)
    x0 = MARGIN + rng.randint(0, 30)
    for j, h in enumerate(head):
        D.text(sheet.img, (x0 + xs[j], sheet.y), h, hb)
    sheet.y += f.size * 2
    for row in rows:
        for j, cell in enumerate(row):
            D.text(sheet.img, (x0 + xs[j], sheet.y), cell, f)
        sheet.y += f.size * 1.9
    sheet.y += 30


def table_one_cell(sheet: Sheet, case: Case, rng: random.Random) -> None:
    f = D.song(27)
    third = rng.choice(("调整原因", "备注", None))
    head = ["序号", rng.choice(("调整内容", "申请调整事项", "调整事项"))] + ([third] if third else [])
    widths = [90, TEXT_W - 90 - (300 if third else 0)] + ([300] if third else [])
    rows = [head]
    for i, ch in enumerate(case.changes, 1):
        rows.append([str(i), sentence(ch, rng)] + ([ch.reason] if third else []))
    sheet.need(90 * len(rows))
    sheet.y = D.grid(sheet.img, MARGIN, sheet.y, widths, rows, f, D.hei_bold(27), align="left", min_h=70) + 40


# ---------------------------------------------------------------- families

def letter(case: Case, rng: random.Random, changes, approvals, header: bool = False) -> list[Image.Image]:
    sheet = Sheet()
    if header:
        red_header(sheet, case, rng)
    opening(sheet, case, rng)
    changes(sheet, case, rng)
    closing(sheet, case, rng)
    if approvals is approvals_right:
        approvals(sheet, case, rng)
        unit_and_seal(sheet, case, rng, x=D.A4[0] // 2 + 20)
    else:
        approvals(sheet, case, rng)
        unit_and_seal(sheet, case, rng)
    return sheet.pages


def scanner_app_pages(case: Case, rng: random.Random) -> list[Image.Image]:
    return letter(case, rng, rng.choice((table_a, table_a, table_one_cell)),
                  rng.choice((approvals_stacked, approvals_boxed)))


def borderless_pages(case: Case, rng: random.Random) -> list[Image.Image]:
    return letter(case, rng, table_borderless, rng.choice((approvals_stacked, approvals_boxed, approvals_right)))


def foot_right_pages(case: Case, rng: random.Random) -> list[Image.Image]:
    return letter(case, rng, rng.choice((table_a, table_one_cell, table_borderless)), approvals_right)


def folded_pages(case: Case, rng: random.Random) -> list[Image.Image]:
    return letter(case, rng, rng.choice((table_a, table_one_cell)), rng.choice((approvals_stacked, approvals_boxed)))


def one_cell_pages(case: Case, rng: random.Random) -> list[Image.Image]:
    return letter(case, rng, table_one_cell, rng.choice((approvals_stacked, approvals_boxed, approvals_right)))


def extra_seal_pages(case: Case, rng: random.Random) -> list[Image.Image]:
    pages = letter(case, rng, rng.choice((table_a, table_one_cell)), rng.choice((approvals_stacked, approvals_right)),
                   header=True)
    if case.seal == "school":
        last = pages[-1]
        D.oval_seal(last, (MARGIN + rng.randint(150, 350), D.A4[1] - rng.randint(260, 420)), case.school.name,
                    rng.choice(("财务专用章", "发票专用章")), rng)
        for p in pages:
            D.seam_fragment(p, case.school.name, rng, radius=rng.randint(130, 150))
        case.extras["marks"] = "round + oval + seam"
    return pages


def word_letter_pages(case: Case, rng: random.Random) -> tuple[list[Image.Image], Image.Image]:
    """Born-digital letter pages (no marks) and the printed, signed and sealed 审批表 page."""
    sheet = Sheet()
    opening(sheet, case, rng)
    rng.choice((table_a, table_one_cell))(sheet, case, rng)
    closing(sheet, case, rng)
    sheet.need(60)
    D.text(sheet.img, (MARGIN, sheet.y), "附：调整审批表", D.song(29))
    sign = Sheet()
    f = D.hei_bold(40)
    D.centered(sign.img, sign.y, "2024年1+X证书申报调整审批表", f)
    sign.y += 100
    D.text(sign.img, (MARGIN, sign.y), f"申请单位：{case.unit}", D.song(30))
    sign.y += 80
    approvals_boxed(sign, case, rng)
    unit_and_seal(sign, case, rng)
    return sheet.pages, sign.pages[0]


def mix_pages(case: Case, rng: random.Random) -> tuple[list[Image.Image], Image.Image]:
    """The letter (pointing to the annex) with approvals and seal, and the change table as its own sheet."""
    sheet = Sheet()
    opening(sheet, case, rng, annex=True)
    closing(sheet, case, rng)
    rng.choice((approvals_stacked, approvals_boxed, approvals_right))(sheet, case, rng)
    unit_and_seal(sheet, case, rng)
    annex = Sheet()
    D.text(annex.img, (MARGIN, annex.y), "附表", D.hei_bold(30))
    annex.y += 70
    D.centered(annex.img, annex.y, "2024年1+X证书申报调整明细表", D.hei_bold(38))
    annex.y += 90
    D.text(annex.img, (MARGIN, annex.y), f"填报单位：{case.unit}", D.song(28))
    annex.y += 70
    rng.choice((table_a, table_one_cell, table_borderless))(annex, case, rng)
    return sheet.pages, annex.pages[0]
