"""Opinions given by a pen mark over printed option boxes (□同意 □不同意, 审核结果 □通过 □不通过)."""

from __future__ import annotations

import random

import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.checkboxes import marked_option
from parsers.model import Page, TextLine
from parsers.ocr import make_engine
from parsers.pagework import read_page
from tests.scangen.ink import draw_hand_signature, stamp

SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
PRINT = 30  # px, the print height the OCR lines of these rows have
PEN = (25, 35, 110)


def _row(draw: ImageDraw.ImageDraw, x: int, y: int, parts: list[str], marks: dict[int, str]) -> list[TextLine]:
    """Draw `parts` of a row at (x, y), each option part after a printed □; mark the option boxes in
    `marks` (index of the part → "tick" or "cross") in pen. Returns the row's lines as OCR reads them:
    the print, with the marked box dropped and the empty one read as □."""
    font = ImageFont.truetype(SANS, PRINT)
    left, text = x, ""
    for i, part in enumerate(parts):
        option = part in ("同意", "不同意", "通过", "不通过")
        if option:
            box = (x + 2, y + 4, x + 26, y + 28)
            draw.rectangle(box, outline="black", width=2)
            if marks.get(i) == "tick":
                draw.line([(box[0] - 4, box[1] + 12), (box[0] + 9, box[3] + 2), (box[2] + 10, box[1] - 14)],
                          fill=PEN, width=4, joint="curve")
            elif marks.get(i) == "tail":  # a tick whose stroke ends along the box's top, past its corner
                draw.line([(box[0] - 4, box[1] + 12), (box[0] + 9, box[3] + 2), (box[2] - 3, box[1]), (box[2] + 9, box[1])],
                          fill=PEN, width=3, joint="curve")
            elif marks.get(i) in ("steep tick", "black steep tick"):  # its short arm down inside the box
                draw.line([(box[0] + 10, box[1] + 8), (box[0] + 11, box[3] + 3), (box[2] + 8, box[1] - 12)],
                          fill=PEN if marks[i] == "steep tick" else (30, 30, 30), width=3, joint="curve")
            elif marks.get(i) == "flat cross":  # arms flatter than the box, joining its top and bottom at the corners
                draw.line([(box[0] - 10, box[1] + 1), (box[2] + 10, box[3] - 1)], fill=PEN, width=3)
                draw.line([(box[0] - 10, box[3] - 1), (box[2] + 10, box[1] + 1)], fill=PEN, width=3)
            elif marks.get(i) == "cross":
                draw.line([(box[0] - 3, box[1] - 3), (box[2] + 3, box[3] + 3)], fill=PEN, width=4)
                draw.line([(box[0] - 3, box[3] + 3), (box[2] + 3, box[1] - 3)], fill=PEN, width=4)
            text += "" if i in marks else "□"
            x += 34
        draw.text((x, y), part, font=font, fill="black")
        x += int(draw.textlength(part, font=font)) + (40 if option else 10)
        text += part
    return [TextLine(text, (left, y, x, y + PRINT + 4), 0.95)]


def _marked(parts: list[str], marks: dict[int, str]) -> str | None:
    page = Image.new("RGB", (1000, 200), "white")
    lines = _row(ImageDraw.Draw(page), 60, 80, parts, marks)
    return marked_option(page, [lines], PRINT + 4)


@pytest.mark.parametrize(("parts", "marks", "opinion"), [
    (["部门意见：", "同意", "不同意", "情况属实"], {1: "tick"}, "同意情况属实"),
    (["部门意见：", "同意", "不同意", "情况属实"], {2: "tick"}, "不同意情况属实"),
    (["部门意见：", "同意", "不同意"], {1: "cross"}, "同意"),
    (["审核结果：", "通过", "不通过"], {2: "cross"}, "不通过"),
    (["审核结果：", "通过", "不通过"], {1: "tick"}, "通过"),
    (["部门意见：", "同意", "不同意"], {1: "tail"}, "同意"),  # stampgen seed 703
    (["审核结果：", "通过", "不通过"], {1: "flat cross"}, "通过"),  # stampgen seed 703
    (["部门意见：", "同意", "不同意", "按程序上报"], {1: "steep tick"}, "同意按程序上报"),  # stampgen seed 906
    (["部门意见：", "同意", "不同意"], {1: "black steep tick"}, "同意"),  # stampgen seed 906
])
def test_the_marked_box_is_the_opinion(parts: list[str], marks: dict[int, str], opinion: str) -> None:
    assert _marked(parts, marks) == opinion


def test_no_box_marked_or_both_marked_gives_no_opinion() -> None:
    assert _marked(["部门意见：", "同意", "不同意"], {}) == ""
    assert _marked(["部门意见：", "同意", "不同意"], {1: "tick", 2: "tick"}) == ""


def test_a_row_without_boxes_is_no_choice() -> None:
    page = Image.new("RGB", (1000, 200), "white")
    ImageDraw.Draw(page).text((60, 80), "同意，不同意的意见另附", font=ImageFont.truetype(SANS, PRINT), fill="black")
    assert marked_option(page, [[TextLine("同意，不同意的意见另附", (60, 80, 400, 114), 0.95)]], PRINT + 4) is None
    assert marked_option(page, [[TextLine("同意调整", (60, 80, 200, 114), 0.95)]], PRINT + 4) is None


def test_a_typed_check_glyph_decides_without_the_image() -> None:
    assert marked_option(None, [[TextLine("☑同意 □不同意", (0, 0, 300, 34), 0.9)]], PRINT) == "同意"
    assert marked_option(None, [[TextLine("□同意 √不同意 材料不全", (0, 0, 400, 34), 0.9)]], PRINT) == "不同意材料不全"


@pytest.mark.parametrize(("marked", "opinion"), [(0, "同意按程序上报"), (1, "不同意")])
def test_options_stacked_one_per_line(marked: int, opinion: str) -> None:
    """☑同意 按程序上报 over □不同意: each option on its own line, under the label."""
    page = Image.new("RGB", (1000, 300), "white")
    draw = ImageDraw.Draw(page)
    rows = [_row(draw, 60, 60 + 60 * i, parts, {0: "tick"} if i == marked else {})
            for i, parts in enumerate((["同意", "按程序上报"], ["不同意"]))]
    assert marked_option(page, rows, PRINT + 4) == opinion


def _checkbox_form(dept_mark: int, leader_mark: int, stacked: bool = False) -> Image.Image:
    """A scanned request's foot: two opinion rows of option boxes with a hand mark (`stacked`: the label
    alone on its line, then one option per line), each signed by hand."""
    rng = random.Random(3)
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(SANS, PRINT)
    draw.text((620, 150), "关于调整2024年证书申报的申请", font=ImageFont.truetype(SANS, 40), fill="black", anchor="mm")
    draw.text((120, 260), "因学生报考意愿变化，需对智能财税（中级）申报人数由40人调整为50人。", font=font, fill="black")
    second = 1250 if stacked else 1100
    for top, label, mark in ((900, "证书试点管理部门意见：", dept_mark), (second, "校级分管领导意见：", leader_mark)):
        if stacked:
            draw.text((120, top - 60), label, font=font, fill="black")
            _row(draw, 160, top - 10, ["同意"], {0: "tick"} if mark == 1 else {})
            _row(draw, 160, top + 35, ["不同意"], {0: "tick"} if mark == 2 else {})
            top += 40
        else:
            _row(draw, 120, top, [label, "同意", "不同意"], {mark: "tick"})
        draw.text((160, top + 70), "负责人（签字）：", font=font, fill="black")
        stamp(page, draw_hand_signature("王立新", 48, rng, PEN), (400, top + 62))
    return page


@pytest.mark.parametrize("stacked", [False, True])
@pytest.mark.parametrize(("dept_mark", "leader_mark"), [(1, 1), (2, 1), (1, 2)])
def test_read_page_takes_the_ticked_box_not_the_printed_words(dept_mark: int, leader_mark: int, stacked: bool) -> None:
    page = Page(number=1, image=_checkbox_form(dept_mark, leader_mark, stacked))
    found = read_page(page, engine=make_engine("rapidocr"), document="申请.jpg")
    assert found.department is not None and found.leader is not None
    assert (found.department.affirmative, found.leader.affirmative) == (dept_mark == 1, leader_mark == 1)
    assert found.department.signed and found.leader.signed
