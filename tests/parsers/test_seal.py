"""Seals: red stamps, grey rings in greyscale scans, no false seals, arc text naming the school."""

from __future__ import annotations

import io
import math
import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz import fuzz

from parsers.attachments import load_documents
from parsers.mime import parse_message
from parsers.model import Attachment, Page
from parsers.ocr import make_engine
from parsers.pagework import read_page
from parsers.seal import find_rings, find_seals, red_mask, remove_grey_seal_ink, remove_red_ink
from tests.othergen import family_of, generate_one
from tests.scangen import Distortion, make_scan
from tests.scangen.corpus import draw_scan
from tests.scangen.ink import draw_seal, stamp

SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def _seals(scan):
    return find_seals(scan.image, document="申请.pdf", page=1)


def test_red_seal_found_with_png_crop():
    seals = _seals(make_scan(301, style="scan", seal=True))
    assert len(seals) == 1
    assert seals[0].colour == "red"
    assert seals[0].crop.png.startswith(b"\x89PNG")
    assert seals[0].crop.document == "申请.pdf" and seals[0].crop.page == 1


def test_red_seal_text_names_the_school():
    scan = make_scan(302, style="clean", seal=True)
    seal = _seals(scan)[0]
    assert fuzz.ratio(seal.text, scan.truth.school) >= 85
    assert seal.text_confidence >= 0.8


def test_seal_of_another_school_reads_as_that_school():
    scan = make_scan(303, style="clean", seal=True, school="无锡职业技术学院", seal_text="连云港中等专业学校")
    assert fuzz.ratio(_seals(scan)[0].text, "连云港中等专业学校") >= 85


def test_grey_ring_seal_found_in_greyscale_scan():
    scan = make_scan(304, distortion=Distortion(greyscale=True, noise=6, skew=0.8), seal=True)
    seals = _seals(scan)
    assert len(seals) == 1
    assert seals[0].colour == "grey"
    assert fuzz.partial_ratio(seals[0].text, scan.truth.school) >= 70


def test_no_seal_gives_none_in_colour_scan():
    assert _seals(make_scan(305, style="scan", seal=False)) == []


def test_no_seal_gives_none_in_greyscale_scan():
    assert _seals(make_scan(306, distortion=Distortion(greyscale=True, noise=6), seal=False)) == []


def test_remove_red_ink_clears_the_seal_but_keeps_black_text():
    scan = make_scan(307, style="clean", seal=True)
    before = np.asarray(scan.image)
    after = np.asarray(remove_red_ink(scan.image))
    assert red_mask(before[:, :, ::-1].copy()).sum() > 0
    assert red_mask(after[:, :, ::-1].copy()).sum() == 0
    dark = before.max(axis=2) < 60  # black print, including where the seal overlaps it
    assert (after[dark].max(axis=1) < 90).mean() > 0.99


def _page_with(*seals: tuple[Image.Image, tuple[int, int]], size=(1240, 1754)) -> Image.Image:
    page = Image.new("RGB", size, "white")
    ImageDraw.Draw(page).text((130, 120), "关于2024年证书申报调整的申请", font=ImageFont.truetype(SANS, 30), fill=(15, 15, 15))
    for seal, xy in seals:
        stamp(page, seal, xy)
    return page


def _oval(width: int, height: int) -> Image.Image:
    return draw_seal("南京工业职业技术大学", width, random.Random(5)).resize((width, height))


def test_oval_seal_is_found():
    assert len(find_seals(_page_with((_oval(300, 200), (600, 1200))), document="d", page=1)) == 1


def test_seal_partly_outside_the_page_is_found():
    seal = draw_seal("南京工业职业技术大学", 250, random.Random(6))
    assert len(find_seals(_page_with((seal, (1080, 1300))), document="d", page=1)) == 1


def test_faint_seal_is_found():
    seal = draw_seal("南京工业职业技术大学", 250, random.Random(8))
    faint = np.asarray(seal).copy()
    faint[..., 3] = faint[..., 3] // 2  # half the ink: a light press
    assert len(find_seals(_page_with((Image.fromarray(faint), (600, 1200))), document="d", page=1)) == 1


def test_two_seals_on_a_page_are_both_found():
    rng = random.Random(9)
    page = _page_with((draw_seal("南京工业职业技术大学", 240, rng), (200, 1200)), (draw_seal("江苏省教育厅", 240, rng), (800, 1200)))
    assert len(find_seals(page, document="d", page=1)) == 2


@pytest.mark.parametrize("seed", [2, 11])
def test_a_department_named_straight_under_the_star_follows_the_arc(seed):
    """A department's seal with the school on the arc and 教务处 set straight under the star, turned as
    it was set down, reads as the department's: the school's name, then the department's."""
    page = _page_with((draw_seal("南京工业职业技术大学", 260, random.Random(seed), foot="教务处"), (700, 1250)))
    [seal] = find_seals(page, document="d", page=1)
    assert seal.text.endswith("教务处") and fuzz.ratio(seal.text[:-3], "南京工业职业技术大学") >= 85


@pytest.mark.parametrize("foot", ["教学专用章", "业务专用章"])
def test_a_purpose_named_under_the_star_leaves_the_seal_the_school_s(foot):
    """papergen seed 6010011: 教学专用章 under the star names what the school's seal is for, not another
    unit (spec §2: a mismatch is a seal naming a unit other than the school): the seal reads as the school."""
    page = _page_with((draw_seal("南京工业职业技术大学", 260, random.Random(2), foot=foot), (700, 1250)))
    [seal] = find_seals(page, document="d", page=1)
    assert "专用章" not in seal.text and fuzz.ratio(seal.text, "南京工业职业技术大学") >= 85


def test_a_school_seal_with_nothing_under_its_star_reads_as_the_school():
    [seal] = find_seals(_page_with((draw_seal("南京工业职业技术大学", 260, random.Random(2)), (700, 1250))),
                        document="d", page=1)
    assert fuzz.ratio(seal.text, "南京工业职业技术大学") >= 85


def test_red_letterhead_and_red_handwriting_are_not_seals():
    page = _page_with()
    draw = ImageDraw.Draw(page)
    draw.text((620, 40), "南京工业职业技术大学文件", font=ImageFont.truetype(SANS, 64), fill=(220, 30, 30), anchor="ma")
    draw.line((130, 130, 1110, 130), fill=(220, 30, 30), width=4)  # the red rule under a 红头 title
    pts = [(300 + 8 * i, 900 + int(25 * np.sin(i / 3))) for i in range(60)]
    draw.line(pts, fill=(200, 20, 30), width=3)  # a reviewer's red pen note
    draw.ellipse((700, 880, 760, 930), outline=(200, 20, 30), width=3)  # a small red circle around a word
    assert find_seals(page, document="d", page=1) == []


@pytest.mark.parametrize("font,size", [("NotoSansCJK-Bold.ttc", 96), ("NotoSansCJK-Bold.ttc", 130),
                                       ("NotoSerifCJK-Bold.ttc", 130)])
def test_large_bold_red_letterhead_glyphs_are_not_seal_rings(font, size):
    """A 红头's glyphs set large and bold (南, 京, 国 closed round by their own strokes) are red print in a
    row, not stamps; the school's seal at the foot is still found."""
    page = _page_with((draw_seal("南京市江宁高级职业学校", 250, random.Random(3)), (800, 1350)))
    draw = ImageDraw.Draw(page)
    draw.text((620, 200), "南京市江宁高级职业学校文件", fill=(210, 25, 25), anchor="ma",
              font=ImageFont.truetype(f"/usr/share/fonts/opentype/noto/{font}", size))
    draw.line((100, 380, 1140, 380), fill=(210, 25, 25), width=5)
    rings = find_rings(page)
    assert [(round(r.cx, -2), round(r.cy, -2)) for r in rings] == [(900, 1500)]


def _on_a_desk(page: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    """A phone photo of the page lying on a coloured desk: the desk shows on every side."""
    photo = Image.new("RGB", (page.width + 300, page.height + 300), colour)
    photo.paste(page.rotate(2, expand=True, fillcolor=colour), (120, 130))
    return photo


@pytest.mark.parametrize("desk", [(226, 128, 110), (150, 70, 40)])  # a salmon-red desk, a dark wooden one
def test_a_red_or_wooden_desk_round_a_photo_is_no_seal_and_hides_none(desk):
    seal = draw_seal("南京工业职业技术大学", 250, random.Random(6))
    found = find_seals(_on_a_desk(_page_with((seal, (700, 1300))), desk), document="d", page=1)
    assert [s.colour for s in found] == ["red"]  # not mistaken for a grey ring: the desk hid its red
    assert find_seals(_on_a_desk(_page_with(), desk), document="d", page=1) == []


def test_e_seal_image_in_a_born_digital_pdf_is_found():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from parsers.limits import Budget, Limits
    from parsers.pdf import read_pdf

    seal = draw_seal("南京工业职业技术大学", 250, random.Random(10))
    flat = Image.new("RGB", seal.size, "white")
    flat.paste(seal, mask=seal.split()[3])
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", subfontIndex=0))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    pdf.setFont("WQY", 14)
    pdf.drawString(72, A4[1] - 72, "南京工业职业技术大学关于2024年证书申报调整的申请")
    pdf.drawImage(ImageReader(flat), 330, 200, width=120, height=120)  # an e-seal of about 42 mm
    pdf.save()
    page = read_pdf(out.getvalue(), Budget(Limits()))[0]
    assert page.text_source == "text"
    found = find_seals(page.load_image(), document="d", page=1)
    assert len(found) == 1 and fuzz.ratio(found[0].text, "南京工业职业技术大学") >= 85


def test_unreadable_arc_text_gives_no_text_and_no_confidence():
    def broken_reader(strip: np.ndarray) -> tuple[str, float]:
        raise RuntimeError("recogniser crashed")

    seal = draw_seal("南京工业职业技术大学", 250, random.Random(11))
    found = find_seals(_page_with((seal, (600, 1200))), document="d", page=1, reader=broken_reader)
    assert len(found) == 1 and found[0].text == "" and found[0].text_confidence == 0.0



def test_a_grey_annex_table_at_122_dpi_is_no_seal():
    """The 附表 page of a greyscale 122-dpi scan: its table's rules and print scan to the mid-grey of
    stamp ink and can be fitted with an ellipse, but ink lies beside that ellipse as much as on it."""
    scan = draw_scan(500000000)
    (document,) = load_documents([Attachment(name, "application/pdf", data) for name, data in scan.documents])
    page = document.pages[1]
    page.load_image()
    assert read_page(page, engine=make_engine("rapidocr"), document=document.filename).seals == []


def test_a_grey_oval_ring_broken_in_places_is_found():
    """A greyscale scan of an oval seal whose ring took no ink in three places and has a line of print
    across its lower part: the arcs are one seal, not pieces too flat to be one."""
    page = _page_with((_oval(330, 210), (600, 1200))).convert("L").convert("RGB")
    draw = ImageDraw.Draw(page)
    for x0, y0, x1, y1 in ((590, 1290, 615, 1320), (900, 1265, 925, 1290), (720, 1395, 745, 1420)):
        draw.rectangle((x0, y0, x1, y1), fill="white")
    draw.text((560, 1355), "申请单位：南京工业职业技术大学（盖章）", font=ImageFont.truetype(SANS, 30), fill=(20, 20, 20))
    assert [s.colour for s in find_seals(page, document="d", page=1)] == ["grey"]


def _pale(seal: Image.Image, share: float) -> Image.Image:
    """The seal pressed with little ink: only `share` of its alpha, a pink barely darker than paper."""
    ink = np.asarray(seal).copy()
    ink[..., 3] = (ink[..., 3] * share).astype(np.uint8)
    return Image.fromarray(ink)


def test_a_faded_pink_seal_is_found():
    """A seal stamped from a dry pad scans as a pale pink, far less saturated than red ink, and a thin
    ring of it blends into paper on a smaller copy of the page."""
    seal = _pale(draw_seal("南京工业职业技术大学", 260, random.Random(12)), 0.22)
    found = find_seals(_page_with((seal, (600, 1200))), document="d", page=1)
    assert [s.colour for s in found] == ["red"]


def test_pale_red_print_is_no_seal():
    """A pale red letterhead, pink table rules and a light red circle round a word make no seal."""
    page = _page_with()
    draw = ImageDraw.Draw(page)
    draw.text((620, 40), "南京工业职业技术大学文件", font=ImageFont.truetype(SANS, 64), fill=(245, 200, 200), anchor="ma")
    for y in range(600, 1000, 60):
        draw.line((130, y, 1110, y), fill=(240, 210, 210), width=3)
    for x in (130, 500, 1110):
        draw.line((x, 600, x, 960), fill=(240, 210, 210), width=3)
    draw.ellipse((700, 1280, 790, 1340), outline=(245, 205, 205), width=3)
    assert find_seals(page, document="d", page=1) == []


def test_a_thin_grey_ring_across_a_table_rule_and_print_is_found():
    """A greyscale 200-dpi scan of a seal whose ring scanned 3 px thin, stamped over the rule closing
    the table and over the 申请单位 line: the ring is searched at full resolution round the centre its
    own ink gives, not the one read off a copy a quarter the size, a few px off."""
    page = Image.new("RGB", (1654, 2339), "white")
    draw = ImageDraw.Draw(page)
    cx, cy, r = 1190, 1460, 152
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(150, 150, 150), width=3)
    draw.text((cx - 140, cy - 110), "苏州吴江财经高等职业学校", font=ImageFont.truetype(SANS, 26), fill=(150, 150, 150))
    draw.line((130, cy - 120, 1520, cy - 120), fill=(30, 30, 30), width=3)
    for row in range(2):
        draw.text((700, cy - 60 + 75 * row), "申请单位：苏州吴江财经高等职业学校", font=ImageFont.truetype(SANS, 36), fill=(20, 20, 20))
    assert [s.colour for s in find_seals(page, document="d", page=1)] == ["grey"]


def test_a_small_square_name_stamp_with_a_broken_frame_is_no_seal():
    """A 名章 at 100 dpi whose frame took no ink in places: the hull of its pieces fits an ellipse
    as well as a ring's would, but a ring leaves its bounding box's corners bare."""
    page = Image.new("RGB", (827, 1169), "white")
    draw = ImageDraw.Draw(page)
    draw.text((100, 120), "关于2024年证书申报调整的申请", font=ImageFont.truetype(SANS, 24), fill=(15, 15, 15))
    x, y, side = 400, 330, 56
    draw.rectangle((x, y, x + side, y + side), outline=(200, 40, 45), width=4)
    draw.rectangle((x + 20, y - 2, x + 34, y + 5), fill="white")  # the top took no ink in the middle
    draw.rectangle((x + side - 5, y + 18, x + side + 2, y + 30), fill="white")  # nor the right side
    font = ImageFont.truetype(SANS, 20)
    for i, ch in enumerate("沈宁杰印"):
        draw.text((x + 40 - 24 * (i // 2), y + 16 + 24 * (i % 2)), ch, font=font, fill=(200, 40, 45), anchor="mm")
    assert find_seals(page, document="d", page=1, reader=lambda strip: ("", 0.0)) == []


def test_a_large_red_name_stamp_on_a_colour_page_without_a_seal_is_no_grey_seal():
    """A colour scan whose only stamp is a 2 cm 名章 (4 glyphs in a frame): no red seal is there, and the
    stamp's red ink, dark enough to be grey stamp ink, is a square, never a grey ring."""
    page = Image.new("RGB", (1240, 1754), (238, 236, 232))
    draw = ImageDraw.Draw(page)
    draw.text((100, 120), "关于2024年证书申报调整的申请", font=ImageFont.truetype(SANS, 30), fill=(15, 15, 15))
    x, y, side = 800, 950, 116
    draw.rectangle((x, y, x + side, y + side), outline=(200, 40, 45), width=6)
    font = ImageFont.truetype(SANS, 46)
    for i, ch in enumerate("邓梅文印"):
        draw.text((x + 86 - 54 * (i // 2), y + 32 + 52 * (i % 2)), ch, font=font, fill=(200, 40, 45), anchor="mm")
    assert find_seals(page, document="d", page=1, reader=lambda strip: ("", 0.0)) == []


def test_a_turned_photocopied_name_stamp_is_no_grey_seal():
    """An othergen one-line letter whose only stamp is a 名章 by the unit's name, turned a little, on a
    colour photocopy that washed part of the red out of it: its frayed outline fills less of its box
    than a crisp square does (0.88), but far more than a round seal's π/4."""
    raw, truth = generate_one(9, 31, family_of(31, 9))
    assert not truth["seal"] and "seal stamp-only" in truth["defects"]
    pages = load_documents(parse_message(raw).attachments)[0].pages
    pages[0].load_image()
    assert find_rings(pages[0].image) == []


def _read(page: Image.Image) -> tuple[str, float]:
    (seal,) = find_seals(page, document="d", page=1)
    return seal.text, seal.text_confidence


def test_a_department_seal_whose_name_runs_past_the_upper_arc_is_read_whole():
    """A department's seal of fifteen glyphs, stamped turned: its name runs round from below the left
    of the ring to below its right, further than the upper arc every seal's name lies in."""
    seal = draw_seal("江苏润州职业技术学院招生就业处", 300, random.Random(13)).rotate(24, resample=Image.BICUBIC)
    text, conf = _read(_page_with((seal, (600, 1200))))
    assert fuzz.ratio(text, "江苏润州职业技术学院招生就业处") >= 95 and conf >= 0.8  # neither end lost


def test_the_pale_middle_of_a_red_seal_is_read():
    """A seal pressed unevenly: its middle glyphs took little ink and scan as a greyed pink, barely
    tinted but well darker than paper."""
    seal = np.asarray(draw_seal("无锡太湖应用技术学院", 280, random.Random(14))).copy()
    seal[:, 100:200, :3] = (205, 186, 190)
    text, conf = _read(_page_with((Image.fromarray(seal), (600, 1200))))
    assert fuzz.ratio(text, "无锡太湖应用技术学院") >= 85 and conf >= 0.8


def test_a_light_grey_seal_on_grey_paper_is_read():
    """A greyscale scan whose paper scans grey and whose seal scans light, lighter than a fixed
    threshold for ink: the arc is read against the paper's own level."""
    seal = draw_seal("常州武进信息职业技术学院", 300, random.Random(15), colour=(170, 170, 170))
    page = _page_with((seal, (600, 1200))).convert("L")
    page = Image.fromarray((np.asarray(page, np.float32) * 0.93).astype(np.uint8)).convert("RGB")
    text, conf = _read(page)
    assert fuzz.ratio(text, "常州武进信息职业技术学院") >= 85 and conf >= 0.8


def test_a_serial_number_read_with_a_seal_s_name_is_left_off_it():
    """The serial number round a seal's foot, read where the name's arc runs into it, is no part of
    the unit's name (spec §2)."""
    seal = draw_seal("宿迁运河职业技术学院", 280, random.Random(16))
    found = find_seals(_page_with((seal, (600, 1200))), document="d", page=1, reader=lambda strip: ("3213020045 宿迁运河职业技术学院5", 0.9))
    assert [s.text for s in found] == ["宿迁运河职业技术学院"]


def _ring_seal(name: str, width: int, height: int, grey: int, lettering: float = 0.74) -> Image.Image:
    """A round or oval seal drawn here, deterministically: a ring, the name round its upper arc (at
    `lettering` of the radius) and a star, in one grey (RGBA, transparent paper)."""
    size = max(width, height)
    seal = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    ink = (grey, grey, grey, 255)
    c, r, stroke = size / 2, size / 2 - 4, max(4, size // 45)
    draw.ellipse((c - r, c - r, c + r, c + r), outline=ink, width=stroke)
    font = ImageFont.truetype(SANS, int(size * 0.12))
    for i, ch in enumerate(name):
        angle = math.radians(155 + 230 * (i + 0.5) / len(name))  # clockwise from +x, over the top
        glyph = Image.new("RGBA", (int(size * 0.16),) * 2, (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, font=font, fill=ink, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        x, y = c + lettering * r * math.cos(angle), c + lettering * r * math.sin(angle)
        seal.alpha_composite(glyph, (int(x - glyph.width / 2), int(y - glyph.height / 2)))
    star = [(c + (0.28 if k % 2 == 0 else 0.11) * r * math.cos(math.radians(-90 + 36 * k)),
             c + (0.28 if k % 2 == 0 else 0.11) * r * math.sin(math.radians(-90 + 36 * k))) for k in range(10)]
    draw.polygon(star, fill=ink)
    return seal.resize((width, height), Image.BICUBIC)


def _unevenly_pressed(seal: Image.Image, least: float) -> Image.Image:
    """The seal pressed harder at its upper left than at its lower right, where only `least` of its
    ink took: a ring that shades from dark into barely darker than paper."""
    ink = np.asarray(seal).copy()
    h, w = ink.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    share = least + (1 - least) * np.clip(1.3 - 0.9 * (xx / w + yy / h), 0, 1)
    ink[..., 3] = (ink[..., 3] * share).astype(np.uint8)
    return Image.fromarray(ink)


def _grey_jpeg(page: Image.Image, quality: int) -> Image.Image:
    """The page scanned in grey and saved as a JPEG of the given quality."""
    out = io.BytesIO()
    page.convert("L").save(out, "JPEG", quality=quality)
    return Image.open(io.BytesIO(out.getvalue())).convert("RGB")


def test_an_unevenly_pressed_grey_seal_is_found():
    """A greyscale 200-dpi scan of a seal pressed unevenly: half its ring scans dark, the rest fades
    into a grey a few levels darker than paper, lighter than any fixed threshold for ink."""
    page = Image.new("RGB", (1654, 2339), "white")
    draw = ImageDraw.Draw(page)
    draw.text((200, 160), "关于2024年证书申报调整的申请", font=ImageFont.truetype(SANS, 48), fill=(15, 15, 15))
    seal = _unevenly_pressed(_ring_seal("南京江宁金陵中等专业学校", 340, 340, 120), 0.1)
    page.paste(seal, (1250, 1420), seal)
    draw.text((1000, 1400), "南京江宁金陵中等专业学校", font=ImageFont.truetype(SANS, 40), fill=(15, 15, 15))
    assert [s.colour for s in find_seals(_grey_jpeg(page, 70), document="d", page=1)] == ["grey"]


def test_a_faint_broken_grey_seal_in_a_150_dpi_jpeg_is_found():
    """A greyscale 150-dpi JPEG of a faint, unevenly pressed seal whose ring took no ink in three
    places, with the 申请单位 line printed across it."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((150, 120), "关于2024年度1+X证书申报信息调整的申请", font=ImageFont.truetype(SANS, 36), fill=(15, 15, 15))
    seal = _unevenly_pressed(_ring_seal("江苏润州职业技术学院", 250, 250, 130), 0.15)
    page.paste(seal, (600, 1000), seal)
    cx, cy = 725, 1125  # the ring's centre
    for x0, y0 in ((cx + 60, cy - 125), (cx + 110, cy + 60), (cx - 40, cy + 110)):
        draw.rectangle((x0, y0, x0 + 28, y0 + 28), fill="white")
    draw.text((420, cy - 20), "申请单位（盖章）：江苏润州职业技术学院", font=ImageFont.truetype(SANS, 30), fill=(20, 20, 20))
    assert [s.colour for s in find_seals(_grey_jpeg(page, 60), document="d", page=1)] == ["grey"]


def test_a_photocopied_grey_seal_faded_over_part_of_its_round_is_found():
    """othergen seed 7900000017, a 150-dpi greyscale photocopy of a 会签表: the school's grey seal over
    学校（盖章）, its ring faded over near half its round, nothing beside it."""
    page = Image.open(Path(__file__).parent / "cases" / "photocopied-grey-seal-faded-round.jpg").convert("RGB")
    rings = find_rings(page)
    assert [ring.colour for ring in rings] == ["grey"]
    assert abs(rings[0].cx - 1320) < 15 and abs(rings[0].cy - 1700) < 15


def test_an_unevenly_pressed_grey_oval_seal_under_print_is_found():
    """A greyscale 200-dpi JPEG of an oval seal pressed unevenly, its ring shading from darker than
    print's grey edge into barely darker than paper, with two lines of print across it: no circle fits
    it, and only its darkest and lightest arcs together make its outline."""
    page = Image.new("RGB", (1654, 2339), "white")
    draw = ImageDraw.Draw(page)
    draw.text((200, 160), "2024年1+X证书申报调整申请表", font=ImageFont.truetype(SANS, 48), fill=(15, 15, 15))
    seal = _unevenly_pressed(_ring_seal("淮安清江浦中等专业学校", 350, 270, 90), 0.1)
    page.paste(seal, (1010, 1130), seal)
    font = ImageFont.truetype(SANS, 40)
    draw.text((960, 1215), "淮安清江浦中等专业学校", font=font, fill=(15, 15, 15))
    draw.text((1040, 1300), "2024年3月18日", font=font, fill=(15, 15, 15))
    assert [s.colour for s in find_seals(_grey_jpeg(page, 56), document="d", page=1)] == ["grey"]


def test_a_red_seal_ring_broken_by_glare_in_a_photo_is_found():
    """A phone photo of a pale red seal on warm paper: glare and a fold took four stretches of ~8 mm
    out of its ring, wider than the gaps bridged in a scan's ring."""
    page = Image.new("RGB", (2121, 2805), (246, 240, 226))
    draw = ImageDraw.Draw(page)
    draw.text((300, 300), "2024年度1+X证书申报信息调整表", font=ImageFont.truetype(SANS, 64), fill=(25, 25, 25))
    seal = _ring_seal("江苏润州职业技术学院", 340, 340, 0, lettering=0.62)
    ink = np.asarray(seal).copy()
    ink[..., :3] = (215, 90, 95)  # a pale red pressed thinly
    seal = Image.fromarray(ink)
    page.paste(seal, (1240, 1750), seal)
    cx, cy, gap = 1410, 1920, 100  # the ring's centre; each break is a 100 px (8 mm at 300 dpi) chord
    for angle in (20, 110, 200, 290):
        x, y = cx + 166 * math.cos(math.radians(angle)), cy + 166 * math.sin(math.radians(angle))
        draw.ellipse((x - gap / 2, y - gap / 2, x + gap / 2, y + gap / 2), fill=(246, 240, 226))
    draw.text((980, 1890), "申请单位（盖章）：江苏润州职业技术学院", font=ImageFont.truetype(SANS, 44), fill=(25, 25, 25))
    out = io.BytesIO()
    page.save(out, "JPEG", quality=71)
    assert [s.colour for s in find_seals(Image.open(io.BytesIO(out.getvalue())), document="d", page=1)] == ["red"]


@pytest.mark.parametrize("turn", [15, 30, 60])
def test_an_oval_seal_set_down_askew_is_found_whole(turn):
    """An oval seal is pressed at any angle: its ring is followed turned, and the seal found spans all
    of its ink (a reader then knows every arc of it as the seal's, not as a stamp beside it)."""
    oval = _oval(320, 190).rotate(turn, expand=True, resample=Image.BICUBIC)
    ys, xs = np.nonzero(np.asarray(oval)[..., 3])
    ink = (600 + xs.min(), 1200 + ys.min(), 600 + xs.max(), 1200 + ys.max())
    rings = find_rings(_page_with((oval, (600, 1200))))
    assert len(rings) == 1
    assert all(abs(found - drawn) <= 6 for found, drawn in zip(rings[0].box, ink, strict=True))


def test_a_seal_pressed_half_across_the_page_s_edge_of_a_fax_is_found():
    """A bilevel fax of a page whose seal was pressed across its right edge, near half of it off the
    page: its ring is judged on the part on the page."""
    page = _page_with((draw_seal("南通航运职业技术学院", 300, random.Random(4), (20, 20, 20)), (1075, 780)))
    fax = page.convert("L").point(lambda v: 255 if v > 140 else 0).convert("1").convert("RGB")
    rings = find_rings(fax)
    assert len(rings) == 1 and rings[0].box[2] > 1240


@pytest.mark.parametrize("seal_grey", [110, 135])
def test_print_under_a_grey_seal_s_lettering_is_read(seal_grey):
    """A greyscale scan whose seal's name runs across a table value: the value is read once the seal's
    lighter ink is taken off the page, as red ink is from a colour scan (a lost 10 was no change at all)."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(SANS, 34)
    for x, text in ((150, "证书名称"), (420, "原人数"), (640, "调整后人数")):
        draw.text((x, 300), text, font=font, fill=(20, 20, 20))
    for x, text in ((150, "物流管理"), (440, "40"), (690, "10")):
        draw.text((x, 380), text, font=font, fill=(20, 20, 20))
    # The lettering's arc (at 0.74 of the radius, over the top) crosses the row of values.
    seal = _ring_seal("南京秦淮应用技术学院", 300, 300, seal_grey)
    page.paste(seal, (560, 330), seal)
    scanned = Page(number=1, image=_grey_jpeg(page, 85))
    findings = read_page(scanned, engine=make_engine("rapidocr"), document="明细.jpg")
    assert [s.colour for s in findings.seals] == ["grey"]
    values = [line.text for line in scanned.lines if 370 <= (line.box[1] + line.box[3]) / 2 <= 440]
    assert "10" in values and "40" in values


def test_a_seal_as_dark_as_print_is_left_on_the_page():
    """A bilevel fax's seal is as black as the print under it: nothing tells its ink from the print's,
    so nothing is taken off."""
    page = _page_with((_ring_seal("南京秦淮应用技术学院", 300, 300, 0), (600, 1200)))
    (seal,) = find_seals(page, document="d", page=1)
    assert np.array_equal(np.asarray(remove_grey_seal_ink(page, [seal.crop.box])), np.asarray(page))


def test_print_as_light_as_a_grey_seal_s_ink_stays_under_it():
    """A washed-out scan whose print is as grey as its seal's ink: taking the seal's ink off would take
    the print under it too (申请单位（盖章）：常州武进信息职业技术学院 lost 州武进信息), so nothing is taken."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    for y in range(200, 1000, 60):
        draw.text((150, y), "经学校证书试点管理部门和校级分管领导同意，现申请调整", font=ImageFont.truetype(SANS, 34), fill=(105, 105, 105))
    seal = _ring_seal("常州武进信息职业技术学院", 300, 300, 120)
    page.paste(seal, (560, 560), seal)
    page = _grey_jpeg(page, 85)
    (found,) = find_seals(page, document="d", page=1)
    assert np.array_equal(np.asarray(remove_grey_seal_ink(page, [found.crop.box])), np.asarray(page))


@pytest.mark.parametrize("name_stamp", [True, False])
def test_an_oval_seal_with_a_name_stamp_stamped_against_its_ring_is_found(name_stamp):
    """deskgen seed 210027: the leader's 名章 stamped onto the top of the school's oval seal. Their inks
    join into one outline, which no ellipse fits until the stamp's straight frame is left out of it."""
    page = Image.new("RGB", (1654, 2339), (250, 246, 222))
    draw = ImageDraw.Draw(page)
    draw.text((240, 300), "关于2024年证书申报调整的申请", font=ImageFont.truetype(SANS, 40), fill=(15, 15, 15))
    draw.ellipse((765, 950, 1205, 1250), outline=(205, 35, 40), width=8)
    if name_stamp:
        x, y, side = 890, 820, 150
        draw.rectangle((x, y, x + side, y + side), outline=(205, 35, 40), width=8)
        font = ImageFont.truetype(SANS, 56)
        for i, ch in enumerate("张俊之印"):
            draw.text((x + 110 - 70 * (i // 2), y + 42 + 66 * (i % 2)), ch, font=font, fill=(205, 35, 40), anchor="mm")
    (ring,) = find_rings(page)
    assert abs(ring.cx - 985) < 15 and abs(ring.cy - 1100) < 15 and abs(ring.rx - 220) < 15 and abs(ring.ry - 150) < 15


def test_a_seal_photocopied_as_dark_as_print_on_grey_paper_is_found():
    """deskgen seed 9700000015, a 300-dpi greyscale photocopy of a photocopy: paper at grey 217, the seal's
    ring thickened and as dark as print, across the table's border and the date. Ink is what lies well
    below this paper, not all that is darker than white paper's 200."""
    page = Image.open(Path(__file__).parent / "cases" / "photocopied-dark-seal-on-grey-paper.jpg").convert("RGB")
    rings = find_rings(page)
    assert [ring.colour for ring in rings] == ["grey"]
    assert abs(rings[0].cx - 1783) < 20 and abs(rings[0].cy - 2546) < 20


def test_a_lightly_pressed_grey_seal_on_white_paper_is_found():
    """wildgen seed 970007, a 300-dpi greyscale scan of an 审批表: the seal pressed so lightly that most of
    its ring scans at grey 187–205 on paper at 245, lighter than the fixed ink level. Ink a little below
    the page's own paper rings it."""
    page = Image.open(Path(__file__).parent / "cases" / "lightly-pressed-grey-seal-at-300-dpi.jpg").convert("RGB")
    rings = find_rings(page)
    assert [ring.colour for ring in rings] == ["grey"]
    assert abs(rings[0].cx - 1565) < 20 and abs(rings[0].cy - 2370) < 20
