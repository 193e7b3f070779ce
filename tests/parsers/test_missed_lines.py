"""A printed line the page's OCR left out is looked for again where its ink lies uncovered."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from parsers.limits import Limits
from parsers.mime import parse_message
from parsers.missed_lines import missed_lines
from parsers.model import TextLine
from parsers.ocr import make_engine
from parsers.read import read_evidence
from tests.othergen import family_of, generate_one

SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
ROWS = ["我校已于2024年3月1日前完成2024年度证书试点申报。", "现申请对部分证书申报内容作如下调整：",
        "分管校领导意见：同意调整  负责人（签字）：", "联系人：王明  联系电话：13800000000"]


def _page() -> tuple[Image.Image, list[TextLine]]:
    """A page of four printed lines, a table rule and a seal's ring; the OCR lines of all but the third."""
    page = Image.new("RGB", (1240, 900), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(SANS, 30)
    lines = []
    for i, text in enumerate(ROWS):
        x0, y0, x1, y1 = draw.textbbox((120, 120 + 110 * i), text, font=font)
        draw.text((120, 120 + 110 * i), text, font=font, fill=(30, 30, 30))
        lines.append(TextLine(text, (x0 - 4, y0 - 6, x1 + 4, y1 + 6), 0.99))
    draw.line((100, 650, 1140, 650), fill=(30, 30, 30), width=3)  # a rule under the letter: no line of text
    draw.ellipse((800, 660, 1000, 860), outline=(60, 60, 60), width=5)  # a grey seal's ring: no line either
    return page, [line for i, line in enumerate(lines) if i != 2]


def test_ink_of_a_line_no_box_covers_is_read_again_and_only_there():
    page, read = _page()
    asked: list[tuple[int, int]] = []

    def reread(strip: Image.Image) -> list[TextLine]:
        asked.append(strip.size)
        line = TextLine("分管校领导意见：同意调整负责人（签字）：", (20, 15, strip.width - 20, strip.height - 15), 0.9)
        return [line, line]  # the same line twice: the copy overlaps the line found and is dropped

    found = missed_lines(page, read, reread)
    assert len(asked) == 1
    assert [line.text for line in found] == ["分管校领导意见：同意调整负责人（签字）："]
    x0, y0, x1, y1 = found[0].box
    assert y0 < 120 + 110 * 2 + 15 < y1 and x0 < 200 and x1 > 700  # in page pixels, over the third row


def test_a_page_whose_lines_were_all_read_is_not_read_again():
    page, read = _page()
    draw = ImageDraw.Draw(page)
    draw.rectangle((100, 330, 1140, 390), fill="white")  # the unread line gone: nothing is left uncovered

    def reread(strip: Image.Image) -> list[TextLine]:
        raise AssertionError("a strip was read again on a page with nothing missed")

    assert missed_lines(page, read, reread) == []


def test_a_leader_line_with_its_signature_written_into_it_is_found():
    """An othergen split_attach letter, photocopied: the page detector, on its reduced copy, scores the line
    分管校领导意见 … 负责人（签字）：<signature> as one weak blob and drops it; the second look reads it."""
    raw, truth = generate_one(9, 19, family_of(19, 9))
    assert truth["approvals"] == {"department": True, "leader": True}
    evidence = read_evidence(parse_message(raw), engine=make_engine("rapidocr"), limits=Limits())
    assert evidence.leader is not None and evidence.leader.affirmative and evidence.leader.signed
    assert evidence.department is not None and evidence.department.signed
