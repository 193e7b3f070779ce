"""Signature decisions on hand-built approval blocks the generator does not draw: real RapidOCR, no mocks."""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from parsers.approvals import find_approvals
from parsers.limits import Limits
from parsers.mime import parse_message
from parsers.model import Page, TextLine
from parsers.ocr import make_engine
from parsers.pagework import read_page
from parsers.read import read_evidence
from parsers.signature import Glyphs, _ink, is_handwritten, is_other_ink, printed_glyphs
from tests.habitgen import message as habitgen_message
from tests.habitgen.registry import build_registry as habitgen_registry
from tests.othergen import family_of, generate_one
from tests.scangen.ink import draw_seal, stamp

SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
KAI = "/usr/share/fonts/truetype/arphic/ukai.ttc"
SIZE = 26
SIGN_X, SIGN_Y = 420, 330


def _page(sign: str = "", *, below: bool = False, date: bool = True) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A short letter ending in a department block whose 签字 field holds what `sign` draws."""
    page = Image.new("RGB", (1240, 620), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(SANS, SIZE)
    body = ("我校已完成2024年度证书申报，因专业招生计划调整，现申请调整如下。", "特此申请。")
    for i, text in enumerate(body):
        draw.text((130, 90 + 46 * i), text, font=font, fill=(15, 15, 15))
    draw.text((130, 250), "证书试点管理部门意见：同意调整", font=font, fill=(15, 15, 15))
    draw.text((SIGN_X, SIGN_Y), "签字：", font=font, fill=(15, 15, 15))
    if date:
        draw.text((1110, SIGN_Y), "2024年3月5日", font=font, fill=(15, 15, 15), anchor="ra")
    return page, draw


def _hand(page: Image.Image, name: str, xy: tuple[int, int], colour=(20, 20, 25), height: int = SIZE, *,
          turn: float = 14, lift: int = 6, advance: tuple[float, float] = (0.8, 1.0)) -> None:
    """A neat hand: Kai glyphs at print size, each turned up to `turn` degrees and set up to `lift` px off
    the line, the next `advance` glyph heights on, thin pen."""
    rng = random.Random(7)
    font = ImageFont.truetype(KAI, height)
    x, y = xy
    for ch in name:
        glyph = Image.new("L", (2 * height, 2 * height), 0)
        ImageDraw.Draw(glyph).text((height, height), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(rng.uniform(-turn, turn), resample=Image.BICUBIC)
        rgba = np.zeros((*glyph.size[::-1], 4), np.uint8)
        rgba[..., :3], rgba[..., 3] = colour, np.asarray(glyph)
        stamp(page, Image.fromarray(rgba), (x, y - height // 2 + rng.randint(-lift, lift)))
        x += int(height * rng.uniform(*advance))


def _department(page: Image.Image):
    found = read_page(Page(number=1, image=page), engine=make_engine("rapidocr"), document="d.pdf")
    assert found.department is not None and found.department.affirmative
    return found.department


def test_neat_black_handwriting_at_print_size_is_a_signature():
    page, _ = _page()
    _hand(page, "王建国", (SIGN_X + 3 * SIZE + 6, SIGN_Y + 8))
    assert _department(page).signed


def test_neat_handwriting_a_little_taller_than_print_on_its_own_line_is_a_signature():
    """OCR reads a neat hand as a confident line of its own; a third taller than print, it is no print."""
    page, _ = _page()
    _hand(page, "沈志雷", (SIGN_X + 3 * SIZE + 30, SIGN_Y + 10), height=round(1.3 * SIZE))
    assert _department(page).signed


@pytest.mark.parametrize("signed", [True, False])
def test_a_bracketed_sign_label_read_on_into_the_name(signed):
    """负责人（签字）：王建国 in one OCR box: the field begins after the bracket and colon, not inside them."""
    page, draw = _page()
    font = ImageFont.truetype(SANS, SIZE)
    draw.rectangle((SIGN_X - 5, SIGN_Y - 5, SIGN_X + 4 * SIZE, SIGN_Y + SIZE + 8), fill="white")
    label = "负责人（签字）："
    draw.text((SIGN_X - 5 * SIZE, SIGN_Y), label, font=font, fill=(15, 15, 15))
    x = SIGN_X - 5 * SIZE + round(draw.textlength(label, font=font)) + 2
    if signed:
        _hand(page, "马超萍", (x, SIGN_Y + 14))
    else:
        draw.text((x, SIGN_Y), "马超萍", font=font, fill=(15, 15, 15))
    assert _department(page).signed is signed


def test_a_blue_desk_at_the_edge_of_a_photo_is_no_pen_ink():
    """The ragged strip of desk past the paper's edge is blue, but far broader than a pen's stroke."""
    page, _ = _page()
    rng = random.Random(4)
    pixels = page.load()
    for y in range(page.height):  # a desk whose edge wanders by a few pixels, as a photo's does
        for x in range(page.width - 30 + rng.randint(-4, 4), page.width):
            pixels[x, y] = (40, 60, 150)
    assert not is_handwritten(page, (SIGN_X + 3 * SIZE, SIGN_Y - 40, page.width, SIGN_Y + 80), None, [], [], SIZE)


def test_blue_black_handwriting_at_print_size_is_a_signature():
    page, _ = _page()
    _hand(page, "孙磊志", (SIGN_X + 3 * SIZE + 6, SIGN_Y + 8), colour=(58, 64, 92))  # 蓝黑 ink
    assert _department(page).signed


def test_a_typed_name_on_a_bluish_photo_is_not_signed():
    """A cold white balance tints print and paper alike: the name is as blue as the label, so no pen's."""
    page, draw = _page()
    draw.text((SIGN_X + 3 * SIZE + 6, SIGN_Y), "王建国", font=ImageFont.truetype(SANS, SIZE), fill=(15, 15, 15))
    r, g, b = page.split()
    cast = Image.merge("RGB", (r.point(lambda v: v * 0.82), g.point(lambda v: v * 0.9), b.point(lambda v: min(255, v + 28))))
    assert not _department(cast).signed


def test_a_scribble_that_ocr_ran_the_label_box_over_is_a_signature():
    """签名： with a scribble just after it: the detector draws one box over both and reads only the
    label, so the box's right edge is no guide to where the field begins."""
    page, draw = _page()
    draw.rectangle((SIGN_X - 5, SIGN_Y - 5, SIGN_X + 4 * SIZE, SIGN_Y + SIZE + 8), fill="white")
    draw.text((SIGN_X, SIGN_Y), "签名：", font=ImageFont.truetype(SANS, SIZE), fill=(15, 15, 15))
    rng = random.Random(11)
    x = SIGN_X + 3 * SIZE + 2
    points = [(x + 6 * i, SIGN_Y + 14 + round(12 * math.sin(i * 1.3) + rng.uniform(-3, 3))) for i in range(30)]
    draw.line(points, fill=(20, 20, 25), width=3, joint="curve")
    assert _department(page).signed


@pytest.mark.parametrize(("field", "signed"), [("crowded hand", True), ("typed in Kai", False)])
def test_a_neat_hand_whose_glyphs_touch_and_leave_the_line_is_a_signature(field, signed):
    """deskgen seeds 310019, 310021, 310025, 210006: a neat Kai hand at print size and weight, its glyphs
    run into each other and sit a little off the line; each sign is too weak alone. Typed in the same
    face, the name's glyphs stand apart on one line."""
    page, draw = _page()
    if field == "crowded hand":
        _hand(page, "黄永刚", (SIGN_X + 3 * SIZE + 6, SIGN_Y + 14), turn=4, lift=3, advance=(0.72, 0.78))
    else:
        draw.text((SIGN_X + 3 * SIZE + 6, SIGN_Y), "黄永刚", font=ImageFont.truetype(KAI, SIZE), fill=(15, 15, 15))
    assert _department(page).signed is signed


@pytest.mark.parametrize(("grey", "signed"), [(105, True), (15, False)])
def test_a_grey_pen_that_reaches_ink_is_another_ink_than_black_print(grey, signed):
    """deskgen seed 210014, a photocopy: a neat name in grey pen (a third as dark below the paper as the
    copy's print, yet darker than INK), shaped like print; only its ink tells it. In the print's black
    it is a typed name."""
    page, draw = _page()
    draw.text((SIGN_X + 3 * SIZE + 6, SIGN_Y), "宋伟", font=ImageFont.truetype(KAI, SIZE), fill=(grey,) * 3)
    assert _department(page).signed is signed


@pytest.mark.parametrize(("colour", "signed"), [((57, 62, 75), True), ((62, 62, 62), False)])
def test_a_somewhat_lighter_and_bluer_pen_is_another_ink_than_black_print(colour, signed):
    """signgen seed 4700000012: a neat name in a light blue-black pen, shaped like print, 0.76 as far
    below the paper as print and 14 bluer; neither alone tells a pen. As light in neutral grey, the
    name is print's (a thin face scans lighter)."""
    page, draw = _page()
    draw.text((SIGN_X + 3 * SIZE + 6, SIGN_Y), "宋伟", font=ImageFont.truetype(KAI, SIZE), fill=colour)
    assert _department(page).signed is signed


@pytest.mark.parametrize(("colour", "other"), [((205, 45, 50), False), ((236, 170, 172), False), ((120, 120, 120), True)])
def test_a_seals_lettering_read_as_a_name_is_no_other_ink(colour, other):
    """papergen seed 4700000013: OCR read 学校 of the seal's arc beside a typed name as a name. Red ink, however
    pale, is a stamp's, not a lighter pen's; a grey pen's is."""
    page = Image.new("RGB", (600, 200), "white")
    draw = ImageDraw.Draw(page)
    draw.text((20, 20), "校级分管领导意见", font=ImageFont.truetype(SANS, SIZE), fill=(15, 15, 15))
    draw.text((300, 100), "学校", font=ImageFont.truetype(SANS, 40), fill=colour)
    assert is_other_ink(page, (290, 90, 400, 150), (20, 20, 230, 60)) is other


@pytest.mark.parametrize(("weight", "other"), [(2, False), (0, True)])
def test_a_bold_name_far_darker_than_washed_out_print_is_print(weight, other):
    """realgen seed 610045: a typed name in a bold face reaches black where the label's print stays grey
    (2.3 times as deep, at 3.6 times its stroke): a bolder face, not a pen. As deep in strokes of the
    label's weight, it is a black pen's."""
    page = Image.new("RGB", (600, 200), "white")
    draw = ImageDraw.Draw(page)
    draw.text((20, 20), "证书试点管理部门意见", font=ImageFont.truetype(SANS, SIZE), fill=(150, 150, 150))
    draw.text((300, 100), "邓丽", font=ImageFont.truetype(SANS, SIZE), fill=(10, 10, 10), stroke_width=weight,
              stroke_fill=(10, 10, 10))
    assert is_other_ink(page, (290, 90, 420, 140), (10, 10, 300, 60)) is other


def test_the_dark_rim_of_a_seals_red_stroke_is_no_ink():
    """realgen seed 710007: a typed name touching the seal's ring grew by the ring's rim, whose JPEG
    pixels are a dark brownish grey, too little saturated for red, and passed for a pen's tall stroke.
    A black stroke beside the ring stays ink."""
    page = Image.new("RGB", (200, 100), "white")
    draw = ImageDraw.Draw(page)
    draw.ellipse((21, 21, 69, 69), outline=(90, 70, 70), width=8)  # the rim, a pixel wide
    draw.ellipse((22, 22, 68, 68), outline=(205, 40, 45), width=6)  # the ring's red stroke
    draw.line((120, 30, 140, 60, 160, 35), fill=(20, 20, 20), width=4)  # a pen's stroke
    mask, _ = _ink(page, (0, 0, 200, 100), [], [], 30, speck=0.0)
    assert mask is not None and not mask[:, :100].any() and mask[:, 100:].any()


@pytest.mark.parametrize(("hand", "seal", "signed"), [
    ((145, 86, 80), False, True),  # realgen seeds 790007, 830029: a red-brown pen, darker than stamp ink
    ((145, 86, 80), True, True),  # the same beside the school's red seal
    (None, True, False),  # the red seal alone over the field
])  # fmt: skip
def test_a_red_brown_pen_is_a_signature_and_a_red_seal_is_not(hand, seal, signed):
    page, draw = _page()
    if hand is not None:  # a scribble OCR reads nothing of, in the pen's blended colour
        x, y = SIGN_X + 3 * SIZE + 20, SIGN_Y + 14
        draw.line([(x, y + 20), (x + 25, y - 8), (x + 40, y + 24), (x + 62, y - 10), (x + 80, y + 22),
                   (x + 105, y - 6), (x + 130, y + 18), (x + 150, y)], fill=hand, width=3, joint="curve")
    if seal:
        stamp(page, draw_seal("南京工业职业技术大学", 240, random.Random(3)), (SIGN_X + 330, SIGN_Y - 100))
    found = read_page(Page(number=1, image=page), engine=make_engine("rapidocr"), document="d.pdf")
    assert bool(found.seals) is seal
    assert found.department is not None and found.department.signed is signed


def test_signature_below_the_label_counts():
    page, _ = _page()
    _hand(page, "刘洋", (SIGN_X + 2 * SIZE, SIGN_Y + 2 * SIZE + 10), colour=(30, 50, 160), height=36)
    assert _department(page).signed


def test_typed_name_in_the_page_font_with_a_date_is_not_signed():
    page, draw = _page()
    draw.text((SIGN_X + 3 * SIZE + 6, SIGN_Y), "王建国", font=ImageFont.truetype(SANS, SIZE), fill=(15, 15, 15))
    assert not _department(page).signed


def test_empty_field_with_a_date_beside_it_is_not_signed():
    page, _ = _page()
    assert not _department(page).signed


@pytest.mark.parametrize("signed", [True, False])
def test_signature_under_a_grey_seal_is_seen_and_the_seal_alone_is_not(signed):
    page, _ = _page()
    if signed:
        _hand(page, "陈静", (SIGN_X + 3 * SIZE + 20, SIGN_Y + 10), height=44)
    seal = draw_seal("南京工业职业技术大学", 240, random.Random(3))
    stamp(page, seal, (SIGN_X + 60, SIGN_Y - 50))  # over the field, clear of the label
    grey = page.convert("L").convert("RGB")
    found = read_page(Page(number=1, image=grey), engine=make_engine("rapidocr"), document="d.pdf")
    assert found.seals and found.seals[0].colour == "grey"
    assert found.department is not None and found.department.signed is signed


def test_a_thin_scribble_right_after_the_label_in_a_100_dpi_scan_is_a_signature():
    """At 100 dpi OCR's box is nearly twice a glyph's height, so a pitch taken from it ends the label
    inside a scribble written just after the colon; and a thin pen breaks up into dots lighter than
    print. The label ends at the blank after its print, and the dots are one stroke."""
    page, draw = _page()
    draw.rectangle((SIGN_X - 5, SIGN_Y - 5, SIGN_X + 4 * SIZE, SIGN_Y + SIZE + 8), fill="white")
    draw.text((SIGN_X - 3 * SIZE, SIGN_Y), "负责人签字：", font=ImageFont.truetype(SANS, SIZE), fill=(15, 15, 15))
    rng = random.Random(3)
    x = SIGN_X + 3 * SIZE + 4
    points = [(x + 5 * i, SIGN_Y + 14 + round(16 * math.sin(i * 0.9) + rng.uniform(-2, 2))) for i in range(26)]
    draw.line(points, fill=(95, 95, 100), width=2, joint="curve")
    low = page.resize((page.width // 2, page.height // 2), Image.Resampling.LANCZOS)
    assert _department(low).signed


def test_a_date_written_by_hand_in_blue_beside_a_typed_name_is_no_signature():
    """Printers print black, so blue ink is a pen's; but a date is no name, whoever wrote it."""
    page, draw = _page(date=False)
    draw.text((SIGN_X + 3 * SIZE + 6, SIGN_Y), "胡德英", font=ImageFont.truetype(SANS, SIZE), fill=(15, 15, 15))
    draw.text((SIGN_X + 9 * SIZE, SIGN_Y - 4), "3月4日", font=ImageFont.truetype(KAI, 34), fill=(30, 40, 160))
    assert not _department(page).signed


def _faint(page: Image.Image) -> Image.Image:
    """A light toner's 150 dpi scan that levelling leaves as it is: its thin print blurred and lifted to
    grey 130, the paper at 240, and a black emblem (a QR code) darkest of all."""
    small = page.resize((page.width * 5 // 8, page.height * 5 // 8), Image.Resampling.BILINEAR)
    grey = np.asarray(small.convert("L"), np.float32)
    faint = Image.fromarray((130 + grey * (240 - 130) / 255).astype(np.uint8)).convert("RGB")
    ImageDraw.Draw(faint).rectangle((690, 20, 750, 80), fill=(10, 10, 10))
    return faint


@pytest.mark.parametrize("field", ["light hand", "typed name", "empty"])
def test_a_light_hand_on_a_faint_page_is_a_signature_and_print_there_is_not(field):
    """Where the print itself is faint, a pen's thin strokes never reach the ink level of a well-printed
    page: ink is measured against the page's own print."""
    page, draw = _page()
    if field == "light hand":  # a quick scribble, which OCR reads as nothing
        x = SIGN_X + 3 * SIZE + 6
        points = [(x + 6 * i, SIGN_Y + 14 + round(14 * math.sin(i * 1.1))) for i in range(24)]
        draw.line(points, fill=(80, 80, 85), width=3, joint="curve")
    elif field == "typed name":
        draw.text((SIGN_X + 3 * SIZE + 6, SIGN_Y), "宋艳明", font=ImageFont.truetype(SANS, SIZE), fill=(15, 15, 15))
    assert _department(_faint(page)).signed is (field == "light hand")


def test_a_thin_grey_rule_that_reaches_ink_only_in_dashes_is_a_rule():
    """A field's underline printed thin and grey reaches INK in dashes, each too short to be a rule: with
    its lighter stretches it is one, and is no ink of a signature (nor runs a typed name together)."""
    from parsers.signature import _ink

    strip = Image.new("RGB", (400, 60), (246, 246, 246))
    draw = ImageDraw.Draw(strip)
    for x in range(10, 390, 8):
        draw.line((x, 40, x + 5, 40), fill=(138, 138, 138))
        draw.line((x + 6, 40, x + 7, 40), fill=(172, 172, 172))
    assert _ink(strip, (0, 0, 400, 60), [], [], 30.0)[0] is None


def test_a_cell_rule_sloping_in_a_photo_is_a_rule():
    """A phone photo's cell rule drifts off the vertical (5 px over 105, pg117 seed 1170019): no
    vertical run of its pixels is a rule's length, yet it is one, and no ink of a signature."""
    from parsers.signature import _ink

    strip = Image.new("RGB", (400, 160), (246, 246, 246))
    draw = ImageDraw.Draw(strip)
    draw.line((300, 10, 295, 150), fill=(40, 40, 40), width=2)
    draw.line((0, 152, 295, 149), fill=(40, 40, 40), width=2)
    assert _ink(strip, (0, 0, 400, 160), [], [], 49.0)[0] is None


def test_a_flat_pen_stroke_at_100_dpi_is_no_rule():
    """othergen seed 1170011: a small scribbled name at 100 dpi is mostly one flat stroke a rule's
    length; only upright runs may lean, so it stays ink."""
    from parsers.signature import _ink

    strip = Image.new("RGB", (300, 60), (246, 246, 246))
    ImageDraw.Draw(strip).line([(100, 30), (125, 28), (150, 31)], fill=(30, 30, 30), width=2)
    assert _ink(strip, (0, 0, 300, 60), [], [], 22.0)[0] is not None


def test_the_foot_of_a_bold_title_line_above_the_field_is_no_signature():
    """A block whose label and opinion are one bold title line just above 签字: the line is the label's,
    print however large, and its dense glyphs are no solid name stamp."""
    page, draw = _page()
    draw.rectangle((100, 240, 1200, 300), fill="white")
    bold = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 40)
    draw.text((130, 262), "学校分管领导意见：经核实，情况属实，同意调整。", font=bold, fill=(15, 15, 15))
    found = read_page(Page(number=1, image=page), engine=make_engine("rapidocr"), document="d.pdf")
    assert found.leader is not None and found.leader.affirmative and not found.leader.signed


def test_print_at_100_dpi_is_measured_though_ocrs_box_is_twice_its_height():
    """At 100 dpi a label's glyphs are 15 px in a box OCR pads to 31: the page's print is still measured,
    so a name written half again as tall is told from it (without it, a box-sized guess of print
    passed the name for print)."""
    page = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(page).text((100, 100), "证书试点管理", font=ImageFont.truetype(SANS, 15), fill=(20, 20, 20))
    glyphs = printed_glyphs(page, (92, 92, 200, 124), 31.0)
    assert glyphs is not None and 13 <= glyphs.height <= 16



def test_the_end_of_a_sign_label_lost_under_a_seal_is_print_not_a_signature():
    """OCR read 负责人签字： as 负责人签 (字： lay under the red seal's lettering, broken by it): the glyphs
    it lost are the label's print, not a name after it. An othergen sideways form, as a school scans it."""
    raw, truth = generate_one(1, 9, family_of(9, 1))
    assert truth["approvals"] == {"department": False, "leader": False}
    evidence = read_evidence(parse_message(raw), engine=make_engine("rapidocr"), limits=Limits())
    assert evidence.leader is not None and evidence.leader.affirmative and not evidence.leader.signed


def test_a_label_set_down_a_narrow_cell_is_not_taken_for_one_tall_glyph_of_print():
    """An othergen sideways form at 100 dpi, its opinion labels set one glyph a line down the left cell
    (证 / 书 / 试 / 点 …): measured as the page's print, the column's glyphs would be one glyph 190 px
    tall, and no signature would stand out against it."""
    raw, truth = generate_one(1, 22, family_of(22, 1))
    assert truth["approvals"] == {"department": True, "leader": True}
    evidence = read_evidence(parse_message(raw), engine=make_engine("rapidocr"), limits=Limits())
    assert evidence.department is not None and evidence.department.signed


@pytest.mark.parametrize(("seed", "index"), [(1, 21), (9, 30)])
def test_on_a_typeset_pdf_ink_beside_the_text_layer_is_a_pasted_signature(seed, index):
    """othergen's born-digital requests: a thin scribble pasted as a picture beside 签名：, small and neat
    enough to pass for print by its shape, is a signature, since the page's print is all in its text
    layer; an empty 签字： field beside it stays unsigned."""
    raw, truth = generate_one(seed, index, family_of(index, seed))
    assert truth["family"] == "esign_pdf"
    evidence = read_evidence(parse_message(raw), engine=make_engine("rapidocr"), limits=Limits())
    assert evidence.department is not None and evidence.department.signed is truth["approvals"]["department"]
    assert evidence.leader is not None and evidence.leader.signed


def test_a_watermark_s_words_do_not_set_the_height_of_print():
    """A page turned upside down under a diagonal 内部资料注意保存 watermark: OCR boxes its words as tall
    as several lines, nearly as many as the print lines. Print's height is the print's, so the
    leader's empty 签字 field does not take the department's signature a few lines up for its own."""
    raw, truth = generate_one(1, 5, family_of(5, 1))
    assert truth["approvals"] == {"department": True, "leader": False}
    evidence = read_evidence(parse_message(raw), engine=make_engine("rapidocr"), limits=Limits())
    assert evidence.department is not None and evidence.department.signed
    assert evidence.leader is not None and not evidence.leader.signed


@pytest.mark.parametrize(("seed", "index", "role"), [(9, 13, "department"), (13, 19, "leader"), (13, 31, "leader")])
def test_a_name_typed_a_size_up_in_a_heavier_face_is_no_signature(seed, index, role):
    """othergen forms whose signer's name is typed, not signed: a bold name a font size above the label's
    print, taller and bolder than the print, but its glyphs' feet on one line as no hand keeps them. At
    150 dpi (seed 13, index 31) OCR's boxes are nearly twice a glyph's height: the feet are still
    measured a glyph apart, not a padded box apart (which left one foot of a two-glyph name)."""
    raw, truth = generate_one(seed, index, family_of(index, seed))
    assert f"{role} typed" in truth["defects"]
    evidence = read_evidence(parse_message(raw), engine=make_engine("rapidocr"), limits=Limits())
    block = getattr(evidence, role)
    assert block is not None and block.found and not block.signed


def test_a_bold_signature_under_a_seal_on_a_bilevel_fax_is_seen():
    """An officegen fax (200 dpi, bilevel): the seal's ring and lettering are as black as the pen, so grey
    cannot tell them apart; the name pressed bold through the fax is thicker than the ring's strokes."""
    raw = (Path(__file__).parent / "cases" / "fax-bold-signature-under-seal.eml").read_bytes()
    evidence = read_evidence(parse_message(raw), engine=make_engine("rapidocr"), limits=Limits())
    assert evidence.department is not None and evidence.department.signed
    assert evidence.leader is not None and evidence.leader.signed


@pytest.mark.parametrize(("field", "signed"), [("hand", True), ("typed name", False), ("empty", False)])
def test_a_name_across_a_bilevel_fax_seal_s_ring_is_judged_by_its_own_strokes(field, signed):
    """A fax (bilevel) whose seal's ring runs through the 签字 field: the ring and lettering are as black as
    the pen and no bolder, so ink on the seal's disc tells nothing; but a name OCR read there is writing,
    judged against print once the ring's own stroke is taken out. A typed name stays print."""
    page, draw = _page()
    name_at = (SIGN_X + 3 * SIZE + 40, SIGN_Y)
    if field == "hand":
        _hand(page, "何军红", (name_at[0], name_at[1] + 12), height=40)
    elif field == "typed name":
        draw.text(name_at, "何军红", font=ImageFont.truetype(SANS, SIZE), fill=(15, 15, 15))
    stamp(page, draw_seal("南京工业职业技术大学", 240, random.Random(3)), (SIGN_X + 115, SIGN_Y - 180))
    fax = page.convert("L").point(lambda v: 0 if v < 160 else 255).convert("RGB")
    found = read_page(Page(number=1, image=fax), engine=make_engine("rapidocr"), document="d.pdf")
    assert [seal.colour for seal in found.seals] == ["grey"]
    assert found.department is not None and found.department.signed is signed


def test_a_bold_name_through_the_bottom_of_a_fax_seal_s_ring_is_a_signature():
    """An officegen fax (seed 13, index 31): the department's 何军红, written as bold as the seal's ring,
    runs through the ring's foot; OCR read it on the 签字 line."""
    raw = (Path(__file__).parent / "cases" / "fax-name-through-seal-ring.eml").read_bytes()
    evidence = read_evidence(parse_message(raw), engine=make_engine("rapidocr"), limits=Limits())
    assert evidence.department is not None and evidence.department.signed
    assert evidence.leader is not None and evidence.leader.signed


@pytest.mark.parametrize(("field", "signed"), [("scribble into the date", True), ("date by hand", False)])
def test_a_signature_ocr_boxed_with_the_printed_date_is_not_taken_for_the_date(field, signed):
    """A scribble that runs into the printed date: OCR boxes both as one tall line read as the date
    (3月5日). Only the date's print at the box's right end is no name; a date written large by hand,
    with no print in it, stays all date."""
    page, draw = _page(date=field != "date by hand")
    if signed:
        draw.line([(880 + 6 * i, SIGN_Y + 20 + round(34 * math.sin(i * 0.7))) for i in range(26)],
                  fill=(20, 20, 25), width=3, joint="curve")
    else:
        _hand(page, "2024年3月5日", (900, SIGN_Y + 14), height=44)
    assert _department(page).signed is signed


def test_a_seal_s_ring_across_the_label_is_no_part_of_print_s_height():
    """An officegen greyscale scan (seed 13, index 15): the school seal's grey ring runs through the box
    of the 分管校领导 label the print is measured on. Measured with it, print looked half again as tall
    and the leader's neat 罗国 passed for a name typed a size up; without it, the name is a hand."""
    raw = (Path(__file__).parent / "cases" / "grey-seal-ring-across-the-leader-label.eml").read_bytes()
    evidence = read_evidence(parse_message(raw), engine=make_engine("rapidocr"), limits=Limits())
    assert evidence.department is not None and evidence.department.signed
    assert evidence.leader is not None and evidence.leader.signed


def test_a_date_written_in_blue_over_the_form_s_printed_year_month_day_is_no_signature():
    """签字：周国 typed, and under it a date written in blue before the form's printed 年 月 日 blanks,
    which OCR reads as one line (2024.3.17年月日): a date, whoever wrote it, and the blue is its pen."""
    page, draw = _page(date=False)
    font = ImageFont.truetype(SANS, SIZE)
    draw.text((SIGN_X + 3 * SIZE + 20, SIGN_Y), "周国", font=font, fill=(15, 15, 15))
    for text, x in (("年", 700), ("月", 760), ("日", 820)):
        draw.text((x, SIGN_Y + 56), text, font=font, fill=(15, 15, 15))
    _hand(page, "2024.3.17", (SIGN_X - 20, SIGN_Y + 70), colour=(40, 50, 170), height=34)
    assert not _department(page).signed


@pytest.mark.parametrize(("read", "signed"), [("韩", True), ("韩明", True)])
def test_a_small_hand_that_ocr_read_in_part_is_still_a_name(read, signed):
    """deskgen seed 210009: a small neat 韩明 after 签字：, which OCR read as 韩 alone in a box two glyphs
    wide. One glyph is no name, so the box was erased as print and the hand with it."""
    page, _ = _page(date=False)
    _hand(page, "韩明", (SIGN_X + 3 * SIZE + 6, SIGN_Y + 8))
    lines = [TextLine("我校已完成2024年度证书申报，因专业招生计划调整，现申请调整如下。", (130, 90, 1000, 116), 0.99),
             TextLine("特此申请。", (130, 136, 260, 162), 0.99),
             TextLine("证书试点管理部门意见：同意调整", (130, 250, 520, 276), 0.99),
             TextLine("签字：", (SIGN_X, SIGN_Y, SIGN_X + 78, SIGN_Y + 27), 0.99),
             TextLine(read, (SIGN_X + 3 * SIZE, SIGN_Y, SIGN_X + 5 * SIZE + 12, SIGN_Y + 28), 0.95)]
    department = find_approvals(lines, page, document="d.pdf", page=1)["department"]
    assert department.signed is signed


def test_one_typed_glyph_in_a_box_of_its_own_width_is_print():
    """The guard: a glyph read in a box one glyph wide is all OCR saw there, typed (印)."""
    page, draw = _page(date=False)
    draw.text((SIGN_X + 3 * SIZE + 6, SIGN_Y), "印", font=ImageFont.truetype(SANS, SIZE), fill=(15, 15, 15))
    lines = [TextLine("我校已完成2024年度证书申报，因专业招生计划调整，现申请调整如下。", (130, 90, 1000, 116), 0.99),
             TextLine("特此申请。", (130, 136, 260, 162), 0.99),
             TextLine("证书试点管理部门意见：同意调整", (130, 250, 520, 276), 0.99),
             TextLine("签字：", (SIGN_X, SIGN_Y, SIGN_X + 78, SIGN_Y + 27), 0.99),
             TextLine("印", (SIGN_X + 3 * SIZE + 4, SIGN_Y - 1, SIGN_X + 4 * SIZE + 8, SIGN_Y + 29), 0.99)]
    assert not find_approvals(lines, page, document="d.pdf", page=1)["department"].signed


def test_a_blue_name_half_under_a_seal_is_measured_in_print_glyphs_not_ocr_boxes():
    """papergen seed 9700000029: 丁颖涛 in light blue after 分管领导（签字）：, 丁 beside the school's seal and
    the rest under its red and inside the date's box. The blue left is as much ink as a pen's signature
    in print heights of the page's glyphs (38 px), though not of OCR's padded boxes (55 px)."""
    crop = Image.open(Path(__file__).parent / "cases" / "blue-name-beside-a-seal-and-under-it.jpg").convert("RGB")
    region = (521, 151, 1015, 299)
    date = (710, 195, 1184, 266)
    seal = (503, 9, 863, 363)
    ref = printed_glyphs(crop, (217, 217, 421, 273), 55.0)
    assert ref is not None and abs(ref.height - 38) <= 2
    assert is_handwritten(crop, region, ref, [], [], 55.0, written=[date], stamps=[seal])
    blank = crop.copy()
    ImageDraw.Draw(blank).rectangle((600, 160, 710, 290), fill=(240, 240, 238))  # 丁 and its paper only
    assert not is_handwritten(blank, region, ref, [], [], 55.0, written=[date], stamps=[seal])


def test_a_name_typed_in_a_thin_face_is_no_lighter_ink_than_the_sign_label_beside_it():
    """realgen seed 890026: a bold 教务处意见 heading, then 签名： and the name typed in a thinner face.
    The thin face scans lighter than the bold heading, as a light pen would; against the 签名 label's
    print beside it, it is the same printer's ink."""
    page = Image.new("RGB", (1240, 420), "white")
    draw = ImageDraw.Draw(page)
    draw.text((120, 60), "教务处意见", font=ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 34),
              fill=(10, 10, 10))
    draw.text((180, 150), "情况属实，同意调整。", font=ImageFont.truetype(SANS, 30), fill=(10, 10, 10))
    draw.text((420, 250), "签名：", font=ImageFont.truetype(SANS, 30), fill=(10, 10, 10))
    draw.text((520, 252), "吕力建", font=ImageFont.truetype(KAI, 30), fill=(10, 10, 10))
    lines = [TextLine("教务处意见", (118, 55, 300, 105), 0.99), TextLine("情况属实,同意调整。", (178, 145, 480, 192), 0.97),
             TextLine("签名:吕力建", (418, 245, 620, 295), 0.99)]
    scan = page.filter(ImageFilter.GaussianBlur(0.8))  # a scan's blur greys the thin face's strokes
    department = find_approvals(lines, scan, document="d.pdf", page=1)["department"]
    assert department.affirmative and not department.signed


def test_a_light_pen_beside_dark_print_is_a_signature_and_its_paper_alone_is_not():
    """signgen seed 9700000007, a 150-dpi scan: 蔡晓 signed in a light pen (grey 168–195) after a label
    printed dark (grey 25–150), too light for the ink level the print sets. Its strokes are light all
    along, where print's are dark with a light fringe."""
    crop = Image.open(Path(__file__).parent / "cases" / "light-hand-beside-a-dark-print-label.jpg").convert("RGB")
    ref = Glyphs(height=24.0, stroke=2.09)
    region, written, hanging, seal = (232, 91, 1103, 276), [(513, 133, 686, 179)], [(40, 48, 320, 98)], (738, 139, 989, 390)
    assert is_handwritten(crop, region, ref, [], [seal], 40.0, written=written, hanging=hanging, stamps=[seal])
    blank = crop.copy()
    ImageDraw.Draw(blank).rectangle((236, 125, 330, 190), fill=(255, 255, 255))  # the hand's place, its paper only
    assert not is_handwritten(blank, region, ref, [], [seal], 40.0, written=written, hanging=hanging, stamps=[seal])


@pytest.mark.parametrize("signed", [True, False])
def test_a_small_blue_name_beside_print_lighter_than_ink_is_a_signature(signed):
    """officegen seed 10700000011: two pages photographed side by side, so each is at about 60 dpi and
    its print is a light grey no darker than INK. The print is measured at its own ink level, not taken
    as tall as OCR's padded box: a blue name two small glyphs big is a pen's, a typed one in that grey is not."""
    page = Image.new("RGB", (520, 320), (250, 250, 248))
    draw = ImageDraw.Draw(page)
    small, grey = ImageFont.truetype(SANS, 13), (168, 168, 170)
    draw.text((40, 24), "学校意见（分管校领导）：", font=small, fill=grey)
    draw.text((90, 62), "同意调整", font=ImageFont.truetype(SANS, 26), fill=(40, 50, 150))
    draw.text((40, 146), "签字：", font=small, fill=grey)
    if signed:
        _hand(page, "罗强", (110, 152), colour=(40, 60, 170), height=14)
    else:
        draw.text((110, 146), "罗强", font=small, fill=grey)
    lines = [TextLine("学校意见（分管校领导）：", (38, 18, 200, 46), 0.95), TextLine("同意调整", (86, 56, 200, 98), 0.99),
             TextLine("签字：", (38, 140, 80, 168), 0.95)]
    assert find_approvals(lines, page, document="d.pdf", page=1)["leader"].signed is signed


def test_a_name_signed_past_the_block_s_edge_under_labels_run_together_is_the_block_s():
    """deskgen seed 10700000003: 证书试点管理部门（教务处）意见校级分管领导意见： set as one line, so the
    department's block ends where the leader's label begins; its 负责人（签字）： line runs on under the
    leader's label to the name written after it, before the leader's own 签字 label: the name is the
    department's signature, not a piece of a line OCR ran on into the next block."""
    page = Image.new("RGB", (1654, 1800), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(SANS, 40)
    draw.text((239, 1300), "证书试点管理部门（教务处）意见校级分管领导意见：", font=font, fill=(20, 20, 20))
    for x, y in ((462, 1490), (1056, 1470)):
        draw.text((x, y), "负责人（签字）：", font=font, fill=(20, 20, 20))
    _hand(page, "谢宏伟", (830, 1480), height=52)
    _hand(page, "许敏", (1420, 1460), height=52)
    lines = [TextLine("证书试点管理部门(教务处)意见校级分管领导意见：", (239, 1298, 1230, 1351), 0.99),
             TextLine("同意", (326, 1354, 437, 1430), 0.95), TextLine("情况属实，同意调整", (1004, 1363, 1386, 1429), 0.95),
             TextLine("负责人（签字）：谢宏伟", (462, 1471, 967, 1573), 0.9), TextLine("负责人（签字）：许敏", (1056, 1442, 1539, 1557), 0.9)]
    found = find_approvals(lines, page, document="d.pdf", page=1)
    assert found["department"].signed and found["leader"].signed


def test_print_with_no_ink_at_the_page_s_own_level_either_is_no_reference():
    """A label box whose ink vanishes at INK and again at the page's own faint level (all of it cleared
    as one solid patch): no print to measure, and the second measure is not tried over and over."""
    page = Image.new("RGB", (400, 120), (250, 250, 250))
    ImageDraw.Draw(page).rectangle((40, 30, 360, 90), fill=(175, 175, 175))  # a light grey solid patch
    assert printed_glyphs(page, (20, 20, 380, 100), 40.0) is None


@pytest.mark.parametrize("seal", [False, True])
def test_a_red_signature_stamp_beside_the_label_is_a_signature(seal):
    """fieldgen hand_stamp 1321: a 手签章 — a rubber stamp of a handwritten name in stamp red, far wider
    than a square 名章 — beside 签字 is a signature image (SPEC §2); beside the school's seal too."""
    block, _ = _page()
    page = Image.new("RGB", (1240, 1754), "white")  # an A4 page at 150 dpi: a name's glyph is no seal's size
    page.paste(block, (0, 0))
    _hand(page, "卢平学", (SIGN_X + 3 * SIZE + 10, SIGN_Y + 12), colour=(215, 45, 60), height=round(1.4 * SIZE),
          advance=(0.7, 0.8))
    if seal:
        stamp(page, draw_seal("南京工业职业技术大学", 240, random.Random(3)), (SIGN_X + 380, SIGN_Y - 100))
    assert _department(page).signed


def test_a_seals_arc_cut_off_below_a_typed_name_is_no_signature_stamp():
    """habitgen desktop_screenshot 1231: the leader's 签字 holds a typed name only, and under it the top of
    the school's seal, cut off by the window's edge, shows a few red glyphs of its arc: no 手签章, which
    stands on the label's line."""
    raw, truth = habitgen_message(1231, "desktop_screenshot", habitgen_registry())
    assert truth["approvals"] == {"department": True, "leader": False}
    evidence = read_evidence(parse_message(raw), engine=make_engine("rapidocr"), limits=Limits())
    assert evidence.department is not None and evidence.department.signed
    assert evidence.leader is not None and not evidence.leader.signed
