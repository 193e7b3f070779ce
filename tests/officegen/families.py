"""Page layouts of the families: 红头 documents, Excel sheets, letters, annex tables, forms."""

from __future__ import annotations

import random

from tests.officegen.blocks import APPROVAL_LAYOUTS, seal_images, side_by_side, sign_off, signature_table
from tests.officegen.draw import SIZE_2HAO, SIZE_3HAO, SIZE_XIAO4, Page
from tests.officegen.plan import Plan
from tests.officegen.wording import REASONS, sentence, table_row

RED_TEXT = (200, 20, 25)
OFFICE = "江苏省职业院校1+X证书制度试点工作办公室："
NUMS = "一二三四五六七八"


def _title(rng: random.Random) -> str:
    return rng.choice(("关于调整2024年1+X证书申报内容的申请", "关于2024年职业技能等级证书申报调整的请示",
                       "2024年1+X证书试点申报调整申请", "关于申请调整2024年度1+X证书试点申报信息的报告"))


def _intro(rng: random.Random, plan: Plan) -> str:
    return (f"我校已于3月{rng.randint(1, max(1, plan.date[1] - 1))}日在职业技能等级证书信息管理服务平台完成"
            f"2024年度1+X证书试点申报。{rng.choice(REASONS)}，经学校证书试点管理部门和校级分管领导研究同意，"
            "现申请对部分证书申报内容进行调整，具体如下：")


def letter_body(rng: random.Random, page: Page, plan: Plan, y: int, annex: bool = False) -> int:
    """主送, intro, the changes as numbered prose (or a pointer to the annex), 特此申请."""
    page.text((110, y), OFFICE, "fangsong", SIZE_3HAO)
    y = page.paragraph(110, y + 60, _intro(rng, plan), 1020)
    if annex:
        y = page.paragraph(110, y, f"本次共调整{len(plan.changes)}项，具体调整事项详见附表。", 1020)
    else:
        for i, change in enumerate(plan.changes):
            y = page.paragraph(110, y, f"{NUMS[i]}、{sentence(rng, change)}。", 1020)
    y = page.paragraph(110, y, "特此申请，请予审核。", 1020)
    contact = plan.people["contact"]
    return page.paragraph(110, y, f"联系人：{contact}，联系电话：{rng.randint(13000000000, 13999999999)}。", 1020)


def redhead(rng: random.Random, plan: Plan) -> list[Page]:
    """A 公文 in 红头 style: red header and rule, document number, 主送, body, 附件, 落款 with the seal."""
    page = Page()
    school = plan.school
    page.centred(120, f"{school.name}文件", "hei", int(SIZE_2HAO * 1.5), fill=RED_TEXT)
    abbr = (school.alias or school.name)[:2]
    page.centred(290, f"{abbr}校教〔2024〕{rng.randint(3, 40)}号", "fangsong", SIZE_3HAO)
    page.rule(350, 90, 1150, fill=RED_TEXT, width=5)
    y = page.centred(400, _title(rng), "song_bold", SIZE_2HAO) + 40
    annex = rng.random() < 0.4
    y = letter_body(rng, page, plan, y, annex)
    if annex:
        page.text((110, y + 10), "附件：2024年1+X证书申报调整明细表", "fangsong", SIZE_3HAO)
        y += 70
    y = sign_off(rng, page, plan, y + 30)
    signature_table(rng, page, plan, min(y + 20, 1380))
    pages = [page]
    if annex:
        pages.append(annex_page(rng, plan, seal=False))
    return pages


def annex_page(rng: random.Random, plan: Plan, seal: bool, title: str = "附表") -> Page:
    """附表: 序号 | 证书名称 | 调整事项 | 原申报内容 | 调整后内容 | 调整原因, a row marked 不调整 sometimes."""
    page = Page()
    page.text((90, 90), title, "hei", SIZE_3HAO)
    page.centred(160, "2024年1+X证书申报调整明细表", "song_bold", int(SIZE_3HAO * 1.15))
    rows = [["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"]]
    for i, change in enumerate(plan.changes, 1):
        cells = table_row(change)
        old, new = cells["old"], cells["new"]
        if change.field == "headcount":
            old, new = f"{old}人", f"{new}人"
        rows.append([str(i), f"{cells['cert']}（{cells['level']}）", cells["item"], old, new,
                     rng.choice(REASONS)[2:9]])
    page.grid(70, 250, [70, 330, 140, 180, 180, 200], rows, row_h=72, size=SIZE_XIAO4 - 2)
    y = 250 + 72 * len(rows) + 30
    page.text((90, y), f"填表人：{plan.people['clerk']}", "fangsong", SIZE_XIAO4 + 2)
    if seal:
        sign_off(rng, page, plan, y + 120)
    return page


def excel_sheet(rng: random.Random, plan: Plan) -> list[Page]:
    """An Excel printout: grey header, 序号, 调整类型, 调整前/调整后/增减, 备注, 合计 row; boxes below."""
    page = Page()
    page.centred(110, "2024年1+X证书试点申报调整汇总表", rng.choice(("song_bold", "hei")), int(SIZE_2HAO * 0.9))
    m, d = plan.date
    page.text((80, 200), f"填报单位（盖章）：{plan.school.name}", "song", SIZE_XIAO4 + 2)
    page.text((1160, 200), f"填报日期：2024年{m}月{d}日", "song", SIZE_XIAO4 + 2, anchor="ra")
    swap = rng.random() < 0.15
    head = ["序号", "证书名称", "等级", "调整类型", "调整前", "调整后", "增减人数", "备注"]
    if swap:
        head[4], head[5] = "调整后", "调整前"
    rows = [head]
    for i, change in enumerate(plan.changes, 1):
        c = table_row(change)
        pair = [c["new"], c["old"]] if swap else [c["old"], c["new"]]
        rows.append([str(i), c["cert"], c["level"], c["type"], *pair, c["delta"], ""])
    spare = [d for d in _declared(plan) if all(ch.decl != d for ch in plan.changes)]
    if spare and rng.random() < 0.4:
        d0 = rng.choice(spare)
        rows.append([str(len(rows)), d0.certificate, d0.level, "不调整", str(d0.headcount), str(d0.headcount),
                     "0", "维持原申报"])
    heads = [ch for ch in plan.changes if ch.field == "headcount"]
    if heads:
        before = sum(int(ch.old) for ch in heads)
        after = sum(int(ch.new) for ch in heads)
        pair = [str(after), str(before)] if swap else [str(before), str(after)]
        rows.append(["合计", "", "", "", *pair, f"{after - before:+d}", ""])
    widths = [70, 300, 90, 120, 130, 130, 130, 120]
    bottom = page.grid(60, 260, widths, rows, row_h=60, size=SIZE_XIAO4 - 2, right_cols=frozenset({4, 5, 6}),
                       bold_rows=frozenset({len(rows) - 1}) if heads else frozenset())
    page.text((80, bottom + 20), "注：人数规模调整填写人数，考核专业、考核等级调整填写名称。", "song", SIZE_XIAO4 - 4)
    y = side_by_side(rng, page, plan, bottom + 90)
    for img in seal_images(rng, plan):
        page.paste_ink(img, 420 + rng.randint(-40, 60), 215 + rng.randint(-10, 40))
    page.text((80, y + 40), f"经办人：{plan.people['clerk']}    联系电话：0{rng.randint(510, 527)}-"
              f"{rng.randint(80000000, 89999999)}", "song", SIZE_XIAO4)
    return [page]


def _declared(plan: Plan) -> list:
    from tests.officegen.registry import declarations_of
    return declarations_of(plan.school.name)


def plain_letter(rng: random.Random, plan: Plan, layout: str | None = None) -> list[Page]:
    """A letter: title, 申请单位 line, body, approvals in a chosen layout, 落款 with the seal."""
    page = Page()
    y = page.centred(130, _title(rng), rng.choice(("song_bold", "hei", "kai")), SIZE_2HAO) + 30
    page.text((110, y), f"申请单位：{plan.school.name}", "fangsong", SIZE_3HAO)
    y = letter_body(rng, page, plan, y + 70)
    y = sign_off(rng, page, plan, y + 20)
    name = layout or rng.choice(list(APPROVAL_LAYOUTS))
    APPROVAL_LAYOUTS[name](rng, page, plan, min(y + 30, 1300))
    return [page]


def letter_then_annex(rng: random.Random, plan: Plan) -> list[Page]:
    """Page 1 the letter pointing to 附表 and the approvals; page 2 the table with the only seal."""
    page = Page()
    y = page.centred(130, _title(rng), "song_bold", SIZE_2HAO) + 30
    page.text((110, y), f"申请单位：{plan.school.name}", "fangsong", SIZE_3HAO)
    y = letter_body(rng, page, plan, y + 70, annex=True)
    signature_table(rng, page, plan, y + 60)
    return [page, annex_page(rng, plan, seal=True)]


def letter_and_approval_page(rng: random.Random, plan: Plan) -> list[Page]:
    """Page 1 the letter with the changes; page 2 审批意见 boxes and the sealed 落款."""
    first = Page()
    y = first.centred(130, _title(rng), "song_bold", SIZE_2HAO) + 30
    first.text((110, y), f"申请单位：{plan.school.name}", "fangsong", SIZE_3HAO)
    letter_body(rng, first, plan, y + 70)
    second = Page()
    second.centred(140, "审批意见", "hei", SIZE_2HAO)
    y = side_by_side(rng, second, plan, 260, 380)
    sign_off(rng, second, plan, y + 120)
    return [first, second]


def request_form(rng: random.Random, plan: Plan) -> list[Page]:
    """A boxed 申请表: 单位名称 row, 调整事项 cell of numbered lines, then the signature table."""
    page = Page()
    page.centred(120, "2024年1+X证书申报调整申请表", "song_bold", SIZE_2HAO)
    x, w0, w1 = 80, 220, 860
    rows = [["单位名称", plan.school.name], ["联系人", f"{plan.people['contact']}  {rng.randint(13000000000, 13999999999)}"]]
    page.grid(x, 230, [w0, w1], rows, row_h=80, size=SIZE_XIAO4 + 2, shade_header=False)
    top = 230 + 160
    lines = [f"{i}. {sentence(rng, ch)}；" for i, ch in enumerate(plan.changes, 1)]
    height = 110 + 62 * len(lines) + 60 * sum(len(s) > 30 for s in lines)
    page.draw.rectangle([x, top, x + w0 + w1, top + height], outline="black", width=1)
    page.draw.line([(x + w0, top), (x + w0, top + height)], fill="black", width=1)
    page.text((x + w0 / 2, top + height / 2), "调整事项", "song", SIZE_XIAO4 + 2, anchor="mm")
    y = top + 30
    for line in lines:
        y = page.paragraph(x + w0 + 20, y, line, w1 - 40, "song", SIZE_XIAO4 + 2, indent=False, spacing=1.5)
    y = signature_table(rng, page, plan, top + height + 60)
    sign_off(rng, page, plan, y + 60)
    return [page]
