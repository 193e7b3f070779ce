"""Approval blocks in ruled forms: labels centred and wrapped in a narrow cell, opinion at the top of the
cell beside it, 签字 at its bottom; personal name stamps (名章) as signatures, never as official seals."""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from dataclasses import replace

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.approvals import find_approvals
from parsers.model import ApprovalEvidence, Page, TextLine
from parsers.ocr import make_engine
from parsers.pagework import PageFindings, read_page
from tests.scangen.ink import draw_hand_signature, draw_seal, stamp

FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
LEFT, SPLIT, RIGHT, ROW = 120, 340, 1120, 300


def _name_stamp(name: str, size: int) -> Image.Image:
    """A square red 名章: a frame and the name with 印, two by two."""
    ink = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(ink)
    draw.rectangle((2, 2, size - 3, size - 3), outline=(210, 30, 35, 255), width=max(3, size // 18))
    font = ImageFont.truetype(BOLD, int(size * 0.38))
    for i, ch in enumerate((name + "印")[:4]):
        xy = (size * (0.72 if i < 2 else 0.28), size * (0.3 if i % 2 == 0 else 0.7))
        draw.text(xy, ch, font=font, fill=(210, 30, 35, 255), anchor="mm")
    return ink


def _form(rows: list[tuple[list[str], str, str, str]], *, seal: bool, title: str = "关于调整2024年证书申报的申请",
          ) -> Image.Image:
    """A page with one ruled row per (label lines, opinion, 签字 label, signature kind), under `title`."""
    rng = random.Random(7)
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 26)
    draw.text((620, 150), title, font=ImageFont.truetype(BOLD, 36), fill="black", anchor="mm")
    top = 400
    for label_lines, opinion, sign_label, kind in rows:
        draw.rectangle((LEFT, top, RIGHT, top + ROW), outline="black", width=2)
        draw.line((SPLIT, top, SPLIT, top + ROW), fill="black", width=2)
        for i, part in enumerate(label_lines):
            y = top + ROW / 2 + (i - (len(label_lines) - 1) / 2) * 36
            draw.text(((LEFT + SPLIT) / 2, y), part, font=font, fill="black", anchor="mm")
        draw.text((SPLIT + 20, top + 20), opinion, font=font, fill="black")
        y = top + ROW - 60
        x = SPLIT + 260
        draw.text((x, y), sign_label, font=font, fill="black")
        x += int(draw.textlength(sign_label, font=font)) + 8
        if kind == "hand":
            ink = draw_hand_signature("张伟", 50, rng, (20, 40, 150))
            stamp(page, ink, (x, y + 13 - ink.height // 2))
        elif kind == "stamp":
            stamp(page, _name_stamp("李娜", 90), (x, y + 13 - 45))
        elif kind == "typed":
            draw.text((x, y), "王芳", font=font, fill="black")
        draw.text((RIGHT - 15, y), "2024年3月10日", font=font, fill="black", anchor="ra")
        top += ROW
    if seal:
        stamp(page, draw_seal("连云港中等专业学校", 240, rng), (820, top - 200))
    return page


def _read(image: Image.Image) -> PageFindings:
    return read_page(Page(number=1, image=image), engine=make_engine("rapidocr"), document="申请.pdf")


@pytest.fixture(scope="module")
def centred_three_lines() -> PageFindings:
    return _read(_form([
        (["证书试点", "管理部门", "意见"], "同意调整。", "负责人（签字）：", "hand"),
        (["校级", "分管领导", "意见"], "情况属实，同意调整。", "负责人（签字）：", "typed"),
    ], seal=True))  # fmt: skip


@pytest.fixture(scope="module")
def stamps_without_seal() -> PageFindings:
    return _read(_form([
        (["证书试点管理", "部门意见"], "同意。", "负责人签字：", "stamp"),
        (["分管校领导", "意见"], "不同意调整。", "签名：", "hand"),
    ], seal=False))  # fmt: skip


def test_label_wrapped_and_centred_over_three_lines_is_found(centred_three_lines):
    department = centred_three_lines.department
    assert department is not None and department.opinion.startswith("同意调整")
    assert department.affirmative and department.signed


def test_opinion_at_the_top_of_the_cell_beside_the_label_is_read(centred_three_lines):
    leader = centred_three_lines.leader
    assert leader is not None and "同意调整" in leader.opinion and leader.affirmative


def test_typed_name_in_a_form_cell_is_not_signed(centred_three_lines):
    assert centred_three_lines.leader is not None and not centred_three_lines.leader.signed


def test_official_seal_over_the_form_is_found(centred_three_lines):
    assert len(centred_three_lines.seals) == 1


def test_a_sheet_titled_like_a_label_leaves_the_table_under_it_to_the_labels_in_its_cells():
    """issuegen seed 119: a sheet titled 学校审批意见 (a leader's label's words) over the ruled table: the
    title's block ends at the table's top rule, so the department's opinion at the top of its cell is no
    opinion of the title's, and the leader's label in its own cell is read."""
    found = _read(_form([
        (["证书试点管理部门", "意见"], "　" * 7 + "原则同意。", "负责人（签字）：", "hand"),  # under the title
        (["分管校领导", "意见"], "情况属实，同意调整。", "负责人签字：", "hand"),
    ], seal=False, title="学校审批意见"))  # fmt: skip
    assert found.leader is not None and "同意调整" in found.leader.opinion and found.leader.signed


def test_a_label_in_the_title_strip_of_its_box_heads_the_cell_under_it():
    """realgen seed 119: each block a box whose top strip holds the label (教务处审核意见, 主管院长审批) and
    whose cell under it the opinion and the signature; the label's cell is ruled, so the strip's rule
    under it is no table's top that would end its block."""
    rng = random.Random(11)
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 26)
    draw.text((620, 150), "关于1+X证书申报调整的申请", font=ImageFont.truetype(BOLD, 36), fill="black", anchor="mm")
    for top, label, opinion in ((500, "教务处审核意见", "已阅，同意。"), (830, "主管院长审批", "拟同意。")):
        draw.rectangle((LEFT, top, RIGHT, top + 300), outline="black", width=2)
        draw.line((LEFT, top + 60, RIGHT, top + 60), fill="black", width=2)
        draw.text((LEFT + 15, top + 15), label, font=ImageFont.truetype(BOLD, 26), fill="black")
        draw.text((LEFT + 80, top + 100), opinion, font=font, fill="black")
        draw.text((LEFT + 400, top + 220), "签字：", font=font, fill="black")
        ink = draw_hand_signature("谢丽", 50, rng, (20, 20, 30))
        stamp(page, ink, (LEFT + 480, top + 233 - ink.height // 2))
        draw.text((RIGHT - 15, top + 220), "2024年3月6日", font=font, fill="black", anchor="ra")
    found = _read(page)
    assert found.department is not None and found.department.affirmative and found.department.signed
    assert found.leader is not None and found.leader.affirmative and found.leader.signed


def test_name_stamp_beside_the_label_is_a_signature(stamps_without_seal):
    department = stamps_without_seal.department
    assert department is not None and department.affirmative and department.signed


def test_name_stamp_is_not_an_official_seal(stamps_without_seal):
    assert stamps_without_seal.seals == []


def test_refusal_in_a_form_cell_is_negative_though_signed(stamps_without_seal):
    leader = stamps_without_seal.leader
    assert leader is not None and leader.signed and not leader.affirmative


def _solid_name_stamp(name: str, size: int) -> Image.Image:
    """A solid red 名章: a red square with the name and 印 left white, two by two."""
    ink = Image.new("RGBA", (size, size), (205, 35, 40, 255))
    draw = ImageDraw.Draw(ink)
    font = ImageFont.truetype(BOLD, int(size * 0.46))
    for i, ch in enumerate((name + "印")[:4]):
        xy = (size * (0.72 if i < 2 else 0.28), size * (0.3 if i % 2 == 0 else 0.7))
        draw.text(xy, ch, font=font, fill=(0, 0, 0, 0), anchor="mm")
    return ink


@pytest.mark.parametrize("with_stamp", [True, False])
def test_solid_name_stamp_half_under_the_seal_ring_and_above_the_line(with_stamp):
    """A 名章 pressed a line high and half over the official seal's ring still signs; the seal alone,
    its star and lettering over the field, does not."""
    page = _form([(["证书试点管理", "部门意见"], "同意。", "负责人（签字）：", "none")], seal=False)
    label_end = SPLIT + 260 + int(ImageDraw.Draw(page).textlength("负责人（签字）：", font=ImageFont.truetype(FONT, 26)))
    line_y = 400 + ROW - 60
    oval = draw_seal("连云港中等专业学校", 240, random.Random(3)).resize((300, 200))
    stamp(page, oval, (label_end + 60, line_y - 110))
    if with_stamp:
        stamp(page, _solid_name_stamp("马萍", 64), (label_end + 30, line_y - 50))
    department = _read(page).department
    assert department is not None and department.signed is with_stamp


def test_a_name_stamp_frame_a_little_over_one_print_line_is_a_frame():
    """A 私章's frame 1.25 print lines on a side, its ink merged with the seal it sits on: four sides
    meeting at four corners."""
    from parsers.signature import _framed_square

    h = 40.0
    ink = np.zeros((200, 200), np.uint8)
    cv2.rectangle(ink, (50, 50), (100, 100), 255, 3)  # 50 px: 1.25 × h
    assert _framed_square(ink, h)


def test_runs_that_do_not_overlap_across_are_no_frame():
    """Under a seal's lettering a flat run high on the left and another low on the right, each with an
    upright stroke at its end, are no box: a frame's top and bottom span the same width."""
    from parsers.signature import _framed_square

    h = 40.0
    ink = np.zeros((200, 300), np.uint8)
    cv2.line(ink, (20, 40), (80, 40), 255, 3)  # a top run on the left
    cv2.line(ink, (150, 110), (210, 110), 255, 3)  # a bottom run on the right
    for x in (20, 80, 150, 210):  # upright strokes spanning from the one's height to the other's
        cv2.line(ink, (x, 35), (x, 115), 255, 3)
    assert not _framed_square(ink, h)


def test_a_seal_s_ring_met_by_its_lettering_is_no_name_stamp_frame():
    """The ring's leftmost arc is straight over a stamp's height; with lettering strokes across it, it
    makes a box of a 名章's size. A frame one of whose sides runs along the ring is the seal's own; a
    名章 pressed on the ring's upper left only touches it."""
    from parsers.signature import _frames, _on_ring

    h, seal = 50.0, (119.0, 119.0, 481.0, 481.0)  # the crop box of a ring of radius 156 round (300, 300)
    ring = np.zeros((600, 600), np.uint8)
    cv2.circle(ring, (300, 300), 156, 255, 6)
    lettered = ring.copy()
    for y in (255, 335):  # strokes of the lettering from the ring inwards
        cv2.line(lettered, (146, y), (215, y), 255, 4)
    cv2.line(lettered, (215, 255), (215, 335), 255, 4)
    frames = list(_frames(lettered, h))
    assert frames and all(_on_ring(frame, [seal], (0, 0), 0.4 * h) for frame in frames)
    stamped = ring.copy()
    cv2.rectangle(stamped, (150, 120), (220, 190), 255, 4)  # a 名章 whose corner reaches the ring
    frames = list(_frames(stamped, h))
    assert frames and not any(_on_ring(frame, [seal], (0, 0), 0.4 * h) for frame in frames)


def test_a_name_stamp_frame_with_a_side_under_the_seal_s_star_is_a_frame():
    """A framed 名章 pressed over the seal's star: the star's solid ink swallows the frame's right side,
    and top, bottom and left sides of a stamp's size with the star where the right one runs are a frame.
    The same three sides over paper are none."""
    from parsers.signature import _frames, _solid

    h = 40.0
    ink = np.zeros((300, 300), np.uint8)
    cv2.line(ink, (60, 60), (140, 60), 255, 4)  # top
    cv2.line(ink, (60, 140), (140, 140), 255, 4)  # bottom
    cv2.line(ink, (60, 60), (60, 140), 255, 4)  # left
    assert not list(_frames(ink, h, _solid(ink, h)))
    star = [(170 + r * math.cos(a), 100 + r * math.sin(a))  # five points round (170, 100), one up
            for i in range(10) for r, a in [(65 if i % 2 == 0 else 29, -math.pi / 2 + i * math.pi / 5)]]
    cv2.fillPoly(ink, [np.array(star, np.int32)], 255)
    assert not list(_frames(ink, h)) and list(_frames(ink, h, _solid(ink, h)))


KAI = "/usr/share/fonts/truetype/arphic/ukai.ttc"


@pytest.mark.parametrize(("kind", "signed"), [("typed", False), ("hand", True)])
def test_a_handwritten_opinion_in_a_block_without_a_sign_label_is_no_signature(kind, signed):
    """No 签字 label: the approver signs anywhere in the block, so the whole block is looked at; the
    opinion written by hand above is the opinion, and a typed name below it is no signature."""
    page = _form([(["校级", "分管领导", "意见"], "", "", kind)], seal=False)
    ImageDraw.Draw(page).text((SPLIT + 30, 420), "同意。", font=ImageFont.truetype(KAI, 44), fill=(30, 30, 35))
    leader = _read(page).leader
    assert leader is not None and leader.affirmative and leader.signed is signed


@pytest.mark.parametrize("angle", [0, 12])
def test_a_light_outlined_name_stamp_in_a_greyscale_scan_is_a_signature(angle):
    """A 名章 pressed lightly and set down askew, scanned in grey: its frame is mid-grey, broken where
    the stamp took little ink, and not square to the page."""
    page = _form([(["证书试点管理", "部门意见"], "同意。", "负责人签字：", "none")], seal=False)
    ink = np.asarray(_name_stamp("李娜", 90)).copy()
    ink[..., 3] = (ink[..., 3] * 0.55).astype(np.uint8)  # a light press
    ink[36:54, :14, 3] = 0  # the left side took no ink halfway down
    stamp(page, Image.fromarray(ink).rotate(angle, expand=True, resample=Image.Resampling.BICUBIC), (820, 400 + 300 - 60 - 40))
    department = _read(page.convert("L").convert("RGB")).department
    assert department is not None and department.signed


def test_blocks_inside_one_frame_end_where_the_next_begins():
    """A letter inside one ruled frame: the department's empty 签字 field is not read on into the
    leader's block below, where the leader signed."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 26)
    draw.rectangle((80, 300, 1160, 1500), outline="black", width=3)
    draw.text((140, 400), "我校已完成2024年度证书申报，现申请调整。", font=font, fill="black")
    draw.text((140, 900), "证书试点管理部门意见：同意", font=font, fill="black")
    draw.text((560, 980), "签字：", font=font, fill="black")
    draw.text((140, 1030), "校级分管领导意见：同意申请", font=font, fill="black")
    draw.text((560, 1085), "签字：", font=font, fill="black")
    stamp(page, draw_hand_signature("黄敏", 60, random.Random(3), (30, 40, 160)), (650, 1065))
    found = _read(page)
    assert found.leader is not None and found.leader.signed
    assert found.department is not None and not found.department.signed


def _signature_table(columns: list[int], rows: list[int], *, cut_off: bool = False) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A page whose signature table has columns 经办人 | 证书试点管理部门负责人 | 分管校领导 over rows 意见 /
    签字 / 日期 between the given rules; `cut_off`: its last column runs off the page (no right rule)."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 24)
    draw.text((140, 300), "我校已完成2024年度证书申报，现申请调整，详见附表。", font=font, fill="black")
    for x in columns[:-1] if cut_off else columns:
        draw.line((x, rows[0], x, rows[-1]), fill="black", width=2)
    for y in rows:
        draw.line((columns[0], y, columns[-1], y), fill="black", width=2)
    for text, column in (("经办人", 1), ("证书试点管理部门负责人", 2), ("分管校领导", 3)):
        draw.text(((columns[column] + columns[column + 1]) / 2, (rows[0] + rows[1]) / 2), text, font=font,
                  fill="black", anchor="mm")
    for text, row in (("意见", 0), ("签字", 1), ("日期", 2)):
        draw.text(((columns[0] + columns[1]) / 2, (rows[row + 1] + rows[row + 2]) / 2), text, font=font,
                  fill="black", anchor="mm")
    return page, draw


def test_a_signature_table_is_read_by_its_columns():
    """经办人 | 证书试点管理部门负责人 | 分管校领导 over rows 意见 / 签字 / 日期: each approver's opinion
    and signature stand in the column under their title, not beside it."""
    columns, rows = [100, 260, 480, 820, 1140], [500, 570, 680, 790, 870]
    page, draw = _signature_table(columns, rows)
    font = ImageFont.truetype(FONT, 24)
    kai = ImageFont.truetype(KAI, 40)
    draw.text((560, 600), "同意。", font=kai, fill=(30, 40, 150))
    draw.text((880, 600), "同意调整", font=kai, fill=(30, 40, 150))
    stamp(page, draw_hand_signature("邓红梅", 56, random.Random(5), (20, 20, 25)), (580, 700))
    draw.text((940, 720), "杨永芬", font=font, fill="black")  # typed: no signature
    for column in (2, 3):
        draw.text((columns[column] + 40, 815), "2024年3月10日", font=font, fill="black")
    found = _read(page)
    assert found.department is not None and found.department.affirmative and found.department.signed
    assert found.leader is not None and found.leader.affirmative and not found.leader.signed


def test_opinion_boxes_side_by_side_are_read_apart():
    """证书试点管理部门意见 in the left box, 学校意见（分管校领导） in the right one: neither box reads on
    into the other, and the bracketed role is no opinion."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 24)
    draw.text((140, 300), "我校已完成2024年度证书申报，现申请调整，详见附表。", font=font, fill="black")
    for x0, x1 in ((100, 600), (640, 1140)):
        draw.rectangle((x0, 500, x1, 820), outline="black", width=2)
    draw.text((115, 515), "证书试点管理部门意见：", font=font, fill="black")
    draw.text((655, 515), "学校意见（分管校领导）：", font=font, fill="black")
    kai = ImageFont.truetype(KAI, 40)
    draw.text((300, 590), "同意申请", font=kai, fill=(30, 40, 150))
    draw.text((840, 590), "同意", font=kai, fill=(30, 40, 150))
    for x in (300, 840):
        draw.text((x, 700), "签字：", font=font, fill="black")
    stamp(page, draw_hand_signature("王建国", 56, random.Random(8), (20, 20, 25)), (380, 680))
    draw.text((920, 700), "赵明玉", font=font, fill="black")  # typed: no signature
    found = _read(page)
    assert found.department is not None and found.department.affirmative and found.department.signed
    assert found.leader is not None and found.leader.opinion.startswith("同意") and not found.leader.signed


def test_opinions_side_by_side_in_one_frame_are_read_apart():
    """Two approvers' opinions side by side with no rule between them: each reads its own half."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 24)
    draw.text((140, 300), "我校已完成2024年度证书申报，现申请调整，详见附表。", font=font, fill="black")
    draw.rectangle((100, 480, 1140, 860), outline="black", width=2)
    draw.text((130, 515), "证书试点管理部门意见：", font=font, fill="black")
    draw.text((660, 515), "学校意见（分管校领导）：", font=font, fill="black")
    kai = ImageFont.truetype(KAI, 40)
    draw.text((220, 590), "原则同意", font=kai, fill=(30, 40, 150))
    draw.text((760, 590), "不同意", font=kai, fill=(30, 40, 150))
    for x, name, seed in ((200, "郭平", 2), (740, "宋永", 3)):
        draw.text((x, 720), "签字：", font=font, fill="black")
        stamp(page, draw_hand_signature(name, 56, random.Random(seed), (20, 20, 25)), (x + 80, 700))
    found = _read(page)
    assert found.department is not None and found.department.affirmative and found.department.signed
    assert found.leader is not None and not found.leader.affirmative


def test_a_bold_handwritten_opinion_just_above_an_empty_sign_field_is_no_name_stamp():
    """A marker-pen 原则同意 written low in the cell, a line above 签字：, is as dense as a solid 名章."""
    page = _form([(["证书试点管理", "部门意见"], "", "负责人签字：", "none")], seal=False)
    ImageDraw.Draw(page).text((SPLIT + 440, 570), "原则同意", font=ImageFont.truetype(KAI, 52),
                              fill=(30, 40, 150), stroke_width=3, stroke_fill=(30, 40, 150))
    department = _read(page).department
    assert department is not None and department.affirmative and not department.signed


def _opinion_stamp(text: str, height: int) -> Image.Image:
    """A red framed 审批章 with the opinion in bold sans (同意), as offices stamp it for a written one."""
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", int(height * 0.6))
    width = int(font.getlength(text)) + height // 2
    ink = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(ink)
    draw.rectangle((2, 2, width - 3, height - 3), outline=(225, 100, 105, 255), width=max(3, height // 14))
    draw.text((width / 2, height / 2), text, font=font, fill=(225, 100, 105, 255), anchor="mm")
    return ink


def test_a_signature_table_cut_off_at_the_page_edge_with_a_stamped_opinion():
    """The table's last column runs off the scan; the department's opinion is a red 同意 stamp (which OCR of
    the page never sees: red ink is removed before it); the leader wrote 同意 but left 签字 empty."""
    page, draw = _signature_table([100, 280, 580, 910, 1240], [1040, 1130, 1220, 1310, 1400], cut_off=True)
    stamp(page, _opinion_stamp("同意", 64), (680, 1143))
    draw.text((990, 1150), "同意。", font=ImageFont.truetype(KAI, 48), fill=(30, 40, 150))
    for x, name, seed in ((350, "朱春兰", 4), (690, "郑兰", 6)):
        stamp(page, draw_hand_signature(name, 52, random.Random(seed), (20, 20, 25)), (x, 1235))
    found = _read(page)
    assert found.department is not None and found.department.opinion == "同意"
    assert found.department.affirmative and found.department.signed
    assert found.leader is not None and found.leader.affirmative and not found.leader.signed


def _light_pen_form() -> Image.Image:
    page = _form([(["证书试点管理", "部门意见"], "情况属实，同意调整。", "负责人签字：", "none")], seal=False)
    draw = ImageDraw.Draw(page)
    label_end = SPLIT + 260 + int(draw.textlength("负责人签字：", font=ImageFont.truetype(FONT, 26)))
    draw.text((label_end + 10, 640), "王建", font=ImageFont.truetype(KAI, 50), fill=(196, 196, 200))
    return page


def test_a_signature_in_a_light_pen_is_a_signature():
    """A worn pen's name, its strokes hardly darker than INK, beside a typed (name) and date: still signed."""
    department = _read(_light_pen_form()).department
    assert department is not None and department.affirmative and department.signed


def test_a_light_pen_name_read_in_one_line_with_its_label_is_a_signature():
    """OCR may read the light name into the label's line (负责人签字：王建): the rest of that line is looked at."""
    page = _light_pen_form()
    lines = make_engine("rapidocr").recognize(page)
    label = next(ln for ln in lines if ln.text.startswith("负责人签字"))
    name = next(ln for ln in lines if ln.text == "王建")
    merged = TextLine(label.text + name.text, (label.box[0], min(label.box[1], name.box[1]), name.box[2],
                                               max(label.box[3], name.box[3])), 0.99)
    lines = [ln for ln in lines if ln not in (label, name)] + [merged]
    department = find_approvals(lines, page, document="申请.pdf", page=1)["department"]
    assert department.affirmative and department.signed


@pytest.mark.parametrize(("ink", "font", "size", "signed"), [
    ((25, 25, 30), KAI, 26, True),  # a black pen, at print size
    ((150, 150, 150), FONT, 26, False),  # typed, by the printer of the label
    ((150, 150, 150), FONT, 34, False),  # typed a size up
])  # fmt: skip
def test_a_name_far_darker_than_washed_out_print_is_a_pen(ink, font, size, signed):
    """A phone photo whose print came out grey (the desk past the sheet keeps the page from being
    levelled): a black pen's name is far darker than the print around it, a typed name is not."""
    page = _form([(["证书试点管理部门意见"], "情况属实，同意调整。", "负责人签字：", "none")], seal=False)
    page = page.point(lambda v: 150 + v * 105 // 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((1160, 0, 1240, 1754), fill=(40, 38, 35))
    label_end = SPLIT + 260 + int(draw.textlength("负责人签字：", font=ImageFont.truetype(FONT, 26)))
    draw.text((label_end + 10, 642), "王建", font=ImageFont.truetype(font, size), fill=ink)
    department = _read(page).department
    assert department is not None and department.affirmative and department.signed == signed


def test_a_name_stamp_as_tall_as_its_row_does_not_cut_the_column_short():
    """A greyscale 名章 in the 签字 row whose frame reaches the row's rules reads as a rule in the column:
    the approver's column still runs on under the title, and the stamp signs."""
    page, draw = _signature_table([100, 260, 560, 880, 1140], [500, 580, 680, 780, 860])
    font = ImageFont.truetype(FONT, 24)
    kai = ImageFont.truetype(KAI, 40)
    draw.text((640, 605), "同意。", font=kai, fill=(40, 40, 40))
    draw.text((960, 605), "同意调整", font=kai, fill=(40, 40, 40))
    grey_stamp = _name_stamp("曹华", 98).convert("LA").convert("RGBA")
    stamp(page, grey_stamp, (680, 681))
    draw.text((940, 715), "马春英", font=font, fill="black")  # typed: no signature
    found = _read(page)
    assert found.department is not None and found.department.affirmative and found.department.signed
    assert found.leader is not None and found.leader.affirmative and not found.leader.signed


@pytest.mark.parametrize(("kind", "signed"), [("light_blue", True), ("typed", False)])
def test_a_name_after_负责人_alone_is_the_signature_field(kind, signed):
    """负责人：with no 签字: the name after it is the signature, a light blue ballpoint's too; typed, none."""
    page = _form([(["证书试点管理", "部门意见"], "同意。", "负责人：", "typed" if kind == "typed" else "none")],
                  seal=False)
    if kind == "light_blue":
        label_end = SPLIT + 260 + int(ImageDraw.Draw(page).textlength("负责人：", font=ImageFont.truetype(FONT, 26)))
        ImageDraw.Draw(page).text((label_end + 10, 630), "范洋洋", font=ImageFont.truetype(KAI, 44),
                                  fill=(150, 156, 206))
    department = _read(page).department
    assert department is not None and department.affirmative and department.signed is signed



def _signed_by_the_department(opinion_y: int, sign_y: int) -> tuple[Image.Image, ImageDraw.ImageDraw,
                                                                    ImageFont.FreeTypeFont]:
    """A page (with its pen and print font) whose department block, its opinion and its 签字 line at
    these heights, is signed by hand; each test draws the leader's block under it."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 26)
    draw.text((160, opinion_y), "证书试点管理部门意见：同意。", font=font, fill="black")
    draw.text((160, sign_y), "签字：", font=font, fill="black")
    stamp(page, draw_hand_signature("唐经", 52, random.Random(3), (30, 30, 35)), (240, sign_y - 20))
    return page, draw, font


def _leader_under_a_grey_seal(label: str, opinion: tuple[int, int, str, int], seal: tuple[int, int, int, int],
                              lost: Callable[[TextLine], bool] = lambda line: False) -> ApprovalEvidence:
    """A greyscale scan: the department signed above; the leader's `label` on its own row, the opinion
    (x, y, text, size) written in a grey pen, the seal pressed at `seal`, a name after 签字 below. The
    leader's block as read from OCR's lines less those `lost`."""
    page, draw, font = _signed_by_the_department(200, 300)
    draw.text((160, 480), label, font=font, fill="black")
    x, y, written, size = opinion
    draw.text((x, y), written, font=ImageFont.truetype(KAI, size), fill=(95, 95, 100))
    stamp(page, draw_seal("淮安运河建设职业技术学院", 300, random.Random(5), (105, 105, 110)), seal[:2])
    draw.text((160, 660), "签字：", font=font, fill="black")
    stamp(page, draw_hand_signature("汪海", 52, random.Random(4), (30, 30, 35)), (240, 640))
    page = page.convert("L").convert("RGB")
    engine = make_engine("rapidocr")
    lines = [line for line in engine.recognize(page) if not lost(line)]
    return find_approvals(lines, page, document="申请.pdf", page=1, seals=[seal], reader=engine.read_strip)["leader"]


@pytest.mark.parametrize("written", ["同意请省办审核", ""])
def test_an_opinion_a_seal_crosses_is_read_again_where_ocr_lost_it(written):
    """A faint scan's detector may lose a handwritten opinion where the seal's ring crosses it (as if it
    were the seal's own ink): the place under the label is read again as one strip, where a seal
    overlaps it. With no opinion written, the seal's lettering over the empty place is no opinion."""
    leader = _leader_under_a_grey_seal("校级分管领导意见：", (230, 545, written, 40), (330, 500, 638, 808),
                                       lost=lambda ln: 530 < (ln.box[1] + ln.box[3]) / 2 < 600)
    assert leader.affirmative == bool(written)
    assert leader.opinion.startswith("同意请") == bool(written)


@pytest.mark.parametrize("turn", [30, 50])
def test_an_askew_oval_seal_over_an_empty_signature_field_signs_nothing(turn):
    """An oval seal pressed askew over the leader's empty 签字 field: its ring's far arcs, past the
    upright ellipse of its box, are the seal's ink, no 名章; the department's pen still signs."""
    page = _form([(["证书试点管理", "部门意见"], "同意。", "负责人（签字）：", "hand"),
                  (["校级", "分管领导", "意见"], "同意。", "负责人（签字）：", "none")], seal=False)
    oval = draw_seal("连云港中等专业学校", 300, random.Random(turn)).resize((300, 180))
    stamp(page, oval.rotate(turn, expand=True, resample=Image.BICUBIC), (560, 400 + 2 * ROW - 220))
    found = _read(page)
    assert found.department is not None and found.department.signed
    assert found.leader is not None and found.leader.affirmative and not found.leader.signed


@pytest.mark.parametrize("stamped", [True, False])
def test_a_name_stamp_pressed_over_the_foot_of_a_handwritten_opinion_signs(stamped):
    """A 名章 set down between the opinion written by hand and the 签名 line, over the opinion's last
    glyphs: the opinion is no signature, but red stamp ink on it is still the stamp's."""
    page, draw, font = _signed_by_the_department(200, 300)
    draw.text((160, 480), "学校意见：", font=font, fill="black")
    stamp(page, draw_hand_signature("同意调整", 56, random.Random(4), (25, 25, 30)), (200, 545))
    if stamped:
        stamp(page, _name_stamp("余国", 100), (300, 585))
    stamp(page, draw_seal("南通市海门中等专业学校", 300, random.Random(6)), (330, 675))
    draw.text((200, 700), "签名：", font=font, fill="black")
    draw.text((300, 800), "2024年3月15日", font=font, fill="black")
    leader = _read(page).leader
    assert leader is not None and leader.affirmative and leader.signed is stamped


def test_a_fold_across_a_letter_is_no_rule_between_cells():
    """A photo of a letter folded down the middle: the paper's edge and the crease look like a table's
    rules, but lines of text run across the crease. The leader's empty 签名 field is not the department's
    signed one on the other side of the crease."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 26)
    draw.text((160, 300), "我校经核对，申请调整以下证书的申报人数，请予审核。", font=font, fill="black")
    draw.text((160, 560), "证书试点管理部门意见：", font=font, fill="black")
    draw.text((260, 610), "经核实，情况属实，同意调整。", font=ImageFont.truetype(KAI, 40), fill=(30, 40, 120))
    draw.text((480, 680), "负责人（签名）：", font=font, fill="black")
    stamp(page, draw_hand_signature("廖桂刚", 48, random.Random(2), (30, 40, 120)), (700, 665))
    draw.text((160, 860), "校级分管领导意见：同意该校申报调整。", font=font, fill="black")
    draw.text((400, 930), "签名：", font=font, fill="black")
    draw.rectangle((60, 60, 1180, 1700), outline=(60, 60, 60), width=3)  # the paper's edge on a dark desk
    draw.line((620, 60, 620, 1700), fill=(90, 90, 90), width=3)  # the crease
    found = _read(page)
    assert found.department is not None and found.department.signed
    assert found.leader is not None and found.leader.affirmative and not found.leader.signed


@pytest.mark.parametrize("signed", [False, True])
def test_a_large_handwritten_opinion_hanging_into_the_signature_field_is_no_signature(signed):
    """An opinion written large in blue ink just above 负责人（签字）: OCR's box of it stops above its lowest
    strokes, which reach into the field. Those strokes are the opinion's; a typed name in a Kai face
    after the label leaves the block unsigned, a pen's name beside them signs it."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 26)
    draw.text((160, 300), "1+X证书试点管理部门意见：", font=font, fill="black")
    draw.text((480, 285), "原则同意。", font=ImageFont.truetype(KAI, 72), fill=(20, 30, 120))
    draw.text((480, 372), "负责人（签字）：", font=font, fill="black")
    if signed:
        stamp(page, draw_hand_signature("卢涛红", 46, random.Random(2), (20, 30, 120)), (700, 358))
    else:
        draw.text((700, 372), "卢涛红", font=ImageFont.truetype(KAI, 26), fill="black")
    engine = make_engine("rapidocr")
    lines = [replace(ln, box=(*ln.box[:3], ln.box[3] - 25)) if ln.text.startswith("原则") else ln
             for ln in engine.recognize(page)]
    department = find_approvals(lines, page, document="a.pdf", page=1, reader=engine.read_strip)["department"]
    assert department.affirmative and department.signed is signed


@pytest.mark.parametrize("pen", [True, False])
def test_a_name_whose_box_reaches_a_grey_seal_is_judged_by_its_own_ink(pen):
    """A greyscale scan: the seal's ring passes just under the leader's name. A light pen's name is
    weighed on the ink off the seal's disc (it once was not weighed at all); a typed name stays print,
    though the seal's grey ring, with its darkest specks, runs through the field."""
    page, draw, font = _signed_by_the_department(300, 360)
    draw.text((160, 560), "校级分管领导意见：", font=font, fill="black")
    draw.text((220, 620), "情况属实，同意调整。", font=font, fill="black")
    draw.text((200, 700), "负责人：", font=font, fill="black")
    if pen:
        draw.text((310, 694), "高民丽", font=ImageFont.truetype(KAI, 34), fill=(150, 150, 155))
    else:
        draw.text((310, 700), "高民丽", font=font, fill="black")
    stamp(page, draw_seal("常州武进智能制造职业学院", 300, random.Random(5), (120, 120, 125)), (360, 728))
    draw.text((300, 800), "2024年3月16日", font=font, fill="black")
    leader = _read(page.convert("L").convert("RGB")).leader
    assert leader is not None and leader.affirmative and leader.signed is pen


@pytest.mark.parametrize("seed", range(4))
def test_a_seal_alone_across_the_leader_s_empty_field_signs_nothing(seed):
    """The school's seal pressed over the leader's label and the empty 签字 field below it, at a few
    places: its lettering, bold and dense, and its star are the seal's ink, no 名章 and no hand."""
    page, draw, font = _signed_by_the_department(300, 360)
    draw.text((160, 500), "校级分管领导意见：同意按调整后内容申报", font=font, fill="black")
    draw.text((300, 580), "签字：", font=font, fill="black")
    stamp(page, draw_seal("镇江金山应用技术学院", 300, random.Random(seed)), (430 + seed * 9, 440 + seed * 5))
    found = _read(page)
    assert found.department is not None and found.department.signed
    assert found.leader is not None and found.leader.affirmative and not found.leader.signed


def test_a_light_pen_across_a_grey_seal_s_ring_still_signs():
    """A greyscale 150 dpi scan with a light ballpoint's name under the seal: its strokes are joined by
    their own light ink, which only the seal's ring band is kept from lending."""
    page, draw, font = _signed_by_the_department(300, 360)
    draw.text((160, 560), "校级分管领导意见：情况属实，同意调整。", font=font, fill="black")
    draw.text((200, 660), "签字：", font=font, fill="black")
    stamp(page, draw_hand_signature("邓海萍", 50, random.Random(0), (150, 150, 155)), (290, 640))
    stamp(page, draw_seal("宿迁运河职业技术学院", 300, random.Random(0), (120, 120, 125)), (260, 540))
    scan = io.BytesIO()
    page.convert("L").resize((930, 1315)).save(scan, "JPEG", quality=70)
    leader = _read(Image.open(scan).convert("RGB")).leader
    assert leader is not None and leader.affirmative and leader.signed


@pytest.mark.parametrize("stamped", [True, False])
def test_a_fax_s_name_stamp_on_the_seal_beside_a_label_row_signs(stamped):
    """A bilevel fax of a letter whose department signs on the label's own row (…意见：同意  签字：): the
    school's seal, pressed over the sign-off above, reaches down over the 签字 field, and the 名章 sits on
    its disc, reaching above the block's top. In black and white the stamp's frame is all that tells
    it from the seal's lettering; the seal alone signs nothing."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 26)
    draw.text((160, 480), "证书试点管理部门意见：同意", font=font, fill="black")
    draw.text((640, 480), "签字：", font=font, fill="black")
    if stamped:
        stamp(page, _name_stamp("李娜", 90), (830, 448))
    stamp(page, draw_seal("连云港中等专业学校", 300, random.Random(2)), (760, 250))
    draw.text((160, 700), "校级分管领导意见：同意", font=font, fill="black")
    draw.text((640, 700), "签字：", font=font, fill="black")
    stamp(page, draw_hand_signature("唐经", 52, random.Random(3), (30, 30, 35)), (730, 680))
    fax = page.convert("L").point(lambda v: 0 if v < 170 else 255).convert("RGB")
    found = _read(fax)
    assert found.leader is not None and found.leader.signed
    assert found.department is not None and found.department.affirmative and found.department.signed is stamped


def test_a_light_pen_in_the_corner_of_a_grey_seal_s_box_signs():
    """A greyscale scan: the seal is pressed below and right of the leader's name, whose last glyph
    lies in the corner of the seal's box but off its disc. Only the disc holds the seal's own ink: the
    name is weighed as ink on paper, not against the seal's darkness."""
    page, draw, font = _signed_by_the_department(300, 360)
    draw.text((160, 560), "校级分管领导意见：同意调整。", font=font, fill="black")
    draw.text((200, 660), "签字：", font=font, fill="black")
    stamp(page, draw_hand_signature("任民红", 32, random.Random(1), (140, 140, 145)), (356, 636))
    stamp(page, draw_seal("宿迁运河职业技术学院", 400, random.Random(0), (100, 100, 105)), (380, 640))
    leader = _read(page.convert("L").convert("RGB")).leader
    assert leader is not None and leader.affirmative and leader.signed


@pytest.mark.parametrize("written", ["情况属实，同意调整。", ""])
def test_an_opinion_on_the_label_s_row_under_a_seal_is_read_again_where_ocr_lost_it(written):
    """The opinion follows its label on one row (校领导审批：情况属实，同意调整。) and the seal's lettering
    covers its middle: OCR reads the row in pieces and loses 同意. The rest of the row is read again as
    one strip, through the lettering; with nothing written there, the lettering is no opinion."""
    leader = _leader_under_a_grey_seal("校领导审批：", (320, 480, written, 30), (260, 400, 568, 708))
    assert leader.affirmative == bool(written)


@pytest.mark.parametrize("shrink", [0, 12])
def test_a_grey_seal_s_ring_edge_past_its_disc_signs_nothing(shrink):
    """A greyscale scan's seal over the leader's empty field, its box found a little small (as a fitted
    ring often is): the outer edge of its ring then lies past the disc, an arc no pen drew."""
    page, draw, font = _signed_by_the_department(300, 360)
    draw.text((160, 560), "校级分管领导意见：同意调整。", font=font, fill="black")
    draw.text((200, 660), "签字：", font=font, fill="black")
    stamp(page, draw_seal("宿迁运河职业技术学院", 300, random.Random(0), (110, 110, 115)), (300, 600))
    page = page.convert("L").convert("RGB")
    seal = (300 - 24 + shrink, 600 - 24 + shrink, 608 + 24 - shrink, 908 + 24 - shrink)  # the ring padded as found
    engine = make_engine("rapidocr")
    found = find_approvals(engine.recognize(page), page, document="申请.pdf", page=1, seals=[seal], grey_seals=[seal],
                           reader=engine.read_strip)
    assert found["department"].signed
    assert found["leader"].affirmative and not found["leader"].signed


def test_a_name_stamp_frame_whose_top_runs_into_the_cells_rule_is_a_frame():
    """A 名章 pressed to fill a signature table's cell: its frame's top joins the cell's rule, one long run.
    The frame's bottom, a stamp's width, spans the box; a synthetic box alike, and a bare cell is none."""
    from parsers.signature import _framed_square

    h = 40.0
    ink = np.zeros((240, 500), np.uint8)
    cv2.line(ink, (0, 40), (499, 40), 255, 3)  # the cell's rule
    cv2.rectangle(ink, (200, 42), (290, 130), 255, 3)  # the frame hanging from it
    assert _framed_square(ink, h)
    cell = np.zeros((240, 500), np.uint8)
    cv2.line(cell, (0, 40), (499, 40), 255, 3)
    cv2.line(cell, (0, 130), (499, 130), 255, 3)
    assert not _framed_square(cell, h)


def test_a_grey_name_stamp_filling_a_signature_table_cell_is_a_signature_and_no_seal():
    """officegen seed 410000, a greyscale PDF: the department's 名章 (韩德伟印) fills its 签字 cell, the frame's
    top against the cell's rule. The seal finder fitted a circle in its frame (a grey "seal"), and the
    frame merged into the rule was no frame."""
    from pathlib import Path

    from parsers.seal import find_rings
    from parsers.signature import has_name_stamp

    image = Image.open(Path(__file__).parent / "cases" / "grey-name-stamp-in-a-table-cell.jpg").convert("RGB")
    assert find_rings(image) == []
    assert has_name_stamp(image, (652, 193, 1093, 367), [], 33)


def test_a_light_pink_name_stamp_in_a_photo_is_a_signature():
    """officegen seed 410011, the approval half of a phone photo of two sheets: the department's 名章
    (周兰之印) took little ink, half its strokes pinker than stamp red; its square is whole with them."""
    from pathlib import Path

    from parsers.signature import has_name_stamp

    image = Image.open(Path(__file__).parent / "cases" / "pink-name-stamp-in-a-photo.jpg").convert("RGB")
    assert has_name_stamp(image, (78, 120, 327, 264), [], 30)
    assert not has_name_stamp(image, (78, 0, 327, 100), [], 30)  # the label and the oblong red 同意 stamp


def test_a_worn_red_name_stamp_whose_frame_is_pale_in_stretches_is_a_signature():
    """papergen seed 6010017: a red 名章 (白宇) worn pale in stretches of all four sides and set down a little
    askew beside 签字：. Its red is pieces of a frame, none a square alone; joined, they are one."""
    from pathlib import Path

    from parsers.signature import has_name_stamp

    image = Image.open(Path(__file__).parent / "cases" / "worn-red-name-stamp.png").convert("RGB")
    assert has_name_stamp(image, (0, 0, image.width, image.height), [], 46)
    assert not has_name_stamp(image.crop((0, 0, image.width, 80)), (0, 0, image.width, 80), [], 46)  # its top side alone


@pytest.mark.parametrize("kind", ["hand", "hand with a tail", "name_stamp"])
def test_a_name_before_its_bracketed_sign_label_signs_the_block(kind: str) -> None:
    """roundgen seed 903: 周洋（签字） — the name written before a bracketed 签字 label, as a form's
    ________（签字） asks, the date on a line of its own under it; or a 名章 pressed there, OCR reading
    only （签字）. The field is left of the label on its row."""
    page = Image.new("RGB", (1240, 900), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 28)
    draw.text((150, 100), "证书试点管理部门意见：", font=font, fill="black")
    stamp(page, draw_hand_signature("同意调整。", 40, random.Random(3), (40, 50, 150)), (200, 150))
    draw.text((660, 260), "（签字）", font=font, fill="black")
    if kind.startswith("hand"):  # roundgen seed 1017: OCR read the flourish's tail as ~
        stamp(page, draw_hand_signature("周洋", 48, random.Random(5), (40, 50, 150)), (520, 235))
        sign_line = TextLine("周洋~(签字)" if kind.endswith("tail") else "周洋(签字)", (515, 240, 780, 310), 0.88)
    else:
        stamp(page, _name_stamp("贺婷之", 80), (560, 235))
        sign_line = TextLine("(签字)", (655, 255, 780, 300), 0.99)
    stamp(page, draw_hand_signature("2024.3.6", 30, random.Random(6), (40, 50, 150)), (630, 330))
    lines = [TextLine("证书试点管理部门意见：", (148, 95, 470, 140), 0.98),
             TextLine("同意调整。", (206, 158, 388, 220), 0.99), sign_line,
             TextLine("2024.3.6", (634, 336, 846, 380), 0.99)]
    department = find_approvals(lines, page, document="d.png", page=1)["department"]
    assert department.affirmative and department.signed


def test_a_typed_name_before_its_bracketed_sign_label_is_no_signature() -> None:
    """The same row with the name typed: print, not a hand."""
    page = Image.new("RGB", (1240, 900), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 28)
    draw.text((150, 100), "证书试点管理部门意见：同意调整。", font=font, fill="black")
    draw.text((560, 260), "周洋（签字）", font=font, fill="black")
    lines = [TextLine("证书试点管理部门意见：同意调整。", (148, 95, 620, 140), 0.98),
             TextLine("周洋(签字)", (556, 255, 780, 300), 0.99)]
    department = find_approvals(lines, page, document="d.png", page=1)["department"]
    assert department.affirmative and not department.signed


def test_approval_cells_side_by_side_behind_vertical_labels_are_each_their_own_block() -> None:
    """roundgen seed 902: one ruled row of four cells, 试点管理部门意见 | opinion | 分管校领导意见 | opinion,
    each label printed upright one glyph per line in its narrow cell. The department's block is the
    cell beside its label, up to the leader's label cell, not its label's own cell."""
    page = Image.new("RGB", (1240, 900), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 26)
    top, bottom, walls = 200, 640, (60, 130, 600, 670, 1180)
    draw.rectangle((walls[0], top, walls[-1], bottom), outline="black", width=2)
    for x in walls[1:-1]:
        draw.line((x, top, x, bottom), fill="black", width=2)
    lines = []
    for i, text in enumerate(("2024年1+X证书试点申报调整申请表", "单位名称：南通科技职业学院", "联系人：谢勇芳 电话：0513-87719432")):
        draw.text((100, 30 + 50 * i), text, font=font, fill="black")
        lines.append(TextLine(text, (96, 26 + 50 * i, 100 + 28 * len(text), 64 + 50 * i), 0.99))
    for label, left in (("试点管理部门意见", walls[0]), ("分管校领导意见", walls[2])):
        y0 = (top + bottom) / 2 - len(label) * 32 / 2
        for i, ch in enumerate(label):
            draw.text((left + 35, y0 + 32 * i + 16), ch, font=font, fill="black", anchor="mm")
        lines.append(TextLine(label, (left + 20, y0, left + 50, y0 + 32 * len(label)), 0.99))
    for opinion, name, left, seed in (("同意调整。", "严颖", walls[1], 3), ("已阅，同意。", "万涛", walls[3], 4)):
        stamp(page, draw_hand_signature(opinion, 36, random.Random(seed), (40, 50, 150)), (left + 40, top + 20))
        draw.text((left + 30, top + 300), "签字：", font=font, fill="black")
        stamp(page, draw_hand_signature(name, 44, random.Random(seed + 10), (40, 50, 150)), (left + 120, top + 275))
        lines += [TextLine(opinion, (left + 50, top + 30, left + 40 + 36 * len(opinion) * 3 // 2, top + 85), 0.99),
                  TextLine("签字:", (left + 28, top + 296, left + 110, top + 334), 0.96),
                  TextLine(name, (left + 125, top + 290, left + 230, top + 345), 0.9)]
    found = find_approvals(lines, page, document="d.png", page=1)
    assert found["department"].affirmative and found["department"].signed
    assert found["leader"].affirmative and found["leader"].signed
