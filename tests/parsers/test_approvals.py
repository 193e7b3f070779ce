"""Approval blocks: opinion and signature of the department and the school leader, via read_page."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.approval_labels import Label, cells, find_labels
from parsers.approvals import (
    _blank_before,
    _block_area,
    _date_print,
    _name_in,
    _name_past_edge,
    _next_sign_row,
    affirmative,
    find_approvals,
    opinion_under_seal,
    stamped_opinion,
)
from parsers.model import Page, TextLine
from parsers.normalise import WHOLE_DATE
from parsers.ocr import make_engine
from parsers.ocr.rapid import read_strip
from parsers.pagework import read_page
from parsers.signature import Glyphs
from tests.scangen import ApprovalTruth, make_scan

SANS_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def _read(scan):
    page = Page(number=1, image=scan.image)
    findings = read_page(page, engine=make_engine("rapidocr"), document="申请.pdf")
    return page, findings


@pytest.fixture(scope="module")
def hand_and_typed():
    scan = make_scan(
        401,
        style="scan",
        block="lines",
        department=ApprovalTruth("证书试点管理部门意见", "同意调整", "hand", "张伟"),
        leader=ApprovalTruth("校级分管领导意见", "同意", "typed", "李娜"),
    )
    return _read(scan)


@pytest.fixture(scope="module")
def blank_and_negative():
    scan = make_scan(
        402,
        style="scan",
        block="table",
        department=ApprovalTruth("学校证书管理部门意见", "同意申请", "blank", "王芳"),
        leader=ApprovalTruth("分管校领导意见", "不同意调整", "image", "刘洋"),
    )
    return _read(scan)


def test_page_is_ocred_once_and_marked(hand_and_typed):
    page, _ = hand_and_typed
    assert page.text_source == "ocr" and page.lines


def test_handwritten_signature_counts(hand_and_typed):
    dept = hand_and_typed[1].department
    assert dept is not None and dept.found
    assert dept.affirmative and dept.signed
    assert "同意" in dept.opinion
    assert dept.crops and dept.crops[0].png.startswith(b"\x89PNG")


def test_typed_name_alone_is_not_a_signature(hand_and_typed):
    leader = hand_and_typed[1].leader
    assert leader is not None and leader.affirmative
    assert not leader.signed


def test_blank_signature_is_not_signed(blank_and_negative):
    dept = blank_and_negative[1].department
    assert dept is not None and dept.affirmative
    assert not dept.signed


def test_bu_tongyi_is_negative_even_when_signed(blank_and_negative):
    leader = blank_and_negative[1].leader
    assert leader is not None
    assert "不同意" in leader.opinion
    assert not leader.affirmative
    assert leader.signed  # pasted signature image


@pytest.mark.parametrize("sentence", ["经证书试点管理部门审核、校级分管领导同意，现申请调整如下：",
                                      "经学校证书试点管理部门同意，现申请调整如下：", "证书试点管理部门和校级分管领导同意调整。",
                                      "部门和校级分管领导研究同意，现申请对部分证书申报内容进行调整"])
def test_a_sentence_naming_the_approvers_is_no_label(sentence):
    lines = [TextLine(sentence, (140, 600, 140 + 26 * len(sentence), 636), 0.98), TextLine("签字：", (620, 710, 700, 746), 0.99)]
    assert find_approvals(lines, None, document="d.pdf", page=1) == {}


def test_letter_body_tongyi_is_never_an_approval():
    scan = make_scan(403, style="clean", department=None, leader=None)
    page, findings = _read(scan)
    assert "同意" in page.text  # the body says 经…同意
    assert findings.department is None and findings.leader is None


def test_rotated_scan_is_read_upright():
    scan = make_scan(404, style="rotated", leader=ApprovalTruth("学校领导意见", "同意", "hand", "陈静"))
    page, findings = _read(scan)
    assert findings.rotation == scan.truth.distortion.rotation
    assert "申请单位" in page.text
    assert findings.leader is not None and findings.leader.signed and findings.leader.affirmative


def test_the_opinion_is_the_line_that_says_so_not_a_seal_fragment_above_it():
    """A seal's lettering over the cell can come out as a tall box of junk (业子) above the opinion."""
    lines = [
        TextLine("学校证书试", (180, 1420, 330, 1470), 0.99),
        TextLine("点管理部门", (180, 1480, 330, 1530), 0.99),
        TextLine("意见", (225, 1540, 285, 1590), 0.99),
        TextLine("业子", (1224, 1389, 1323, 1584), 0.69),
        TextLine("原则同意。", (426, 1448, 592, 1499), 1.0),
        TextLine("负责人（签字）：", (830, 1585, 1100, 1652), 0.95),
    ]
    department = find_approvals(lines, None, document="d.pdf", page=1)["department"]
    assert department.opinion.startswith("原则同意") and department.affirmative


def test_a_date_in_chinese_numerals_is_no_opinion():
    """签名 and a date written 二〇二四年三月十七日 under a label whose opinion stands elsewhere."""
    lines = [
        TextLine("校领导意见：", (180, 1420, 400, 1470), 0.99),
        TextLine("二〇二四年三月十七日", (700, 1480, 1000, 1530), 0.99),
        TextLine("同意。", (426, 1540, 520, 1590), 0.99),
        TextLine("签名：", (430, 1600, 520, 1650), 0.95),
    ]
    leader = find_approvals(lines, None, document="d.pdf", page=1)["leader"]
    assert leader.opinion.startswith("同意") and leader.affirmative


@pytest.mark.parametrize(("opinion", "yes"), [
    ("同意", True), ("同意调整。", True), ("原则同意", True), ("同竟", True),  # 意 misread
    ("回意", True), ("司意。", True), ("拟问意", True), ("原则回意", True),  # a handwritten 同 read as a glyph of its shape
    ("情况属类中筹意调整。", True), ("情况属实，暂不筹意调整", False),  # 同 lost under a seal's lettering
    ("拟同", True), ("原则同。", True),  # 意 under a name stamp
    ("原则意", True), ("拟意。", True),  # a handwritten 同 OCR lost outright (officegen 7900000025)
    ("情况属实，同逢调整。", True), ("情况属实，不同逢调整", False),  # 意 misread under a seal's lettering
    ("情况属实洞意。", True), ("情况属实，回意", True), ("情况属实，不洞意", False),  # 洞: ，同 (wildgen 970029)
    ("不同意", False), ("暂不同意调整", False), ("已阅", False), ("回复", False), ("朱海", False), ("暂不同", False),
])  # fmt: skip
def test_an_opinion_is_affirmative_when_it_agrees(opinion, yes):
    assert affirmative(opinion) is yes


@pytest.mark.parametrize(("lines", "role", "opinion"), [
    # 分管校领导 centred over a taller handwritten 同意 that OCR read as 回意: the title is one line.
    ([TextLine("证书试点管理部门负责人", (803, 944, 1181, 992), 0.99),
      TextLine("分管校领导", (1334, 940, 1527, 992), 0.99),
      TextLine("回意", (1340, 1030, 1520, 1143), 0.9)], "leader", "回意"),
    # officegen seed 7900000025, two pages in one photo: 原则同意 by hand, twice print's height, read 原则意.
    ([TextLine("证书试点管理部门意见：", (123, 234, 345, 262), 0.99),
      TextLine("原则意", (194, 281, 383, 354), 0.8),
      TextLine("签字：", (137, 413, 197, 447), 0.95)], "department", "原则意"),
])  # fmt: skip
def test_a_tall_handwritten_opinion_is_read_as_its_block_s(lines, role, opinion):
    found = find_approvals(lines, None, document="d.pdf", page=1)[role]
    assert found.opinion == opinion and found.affirmative


@pytest.mark.parametrize("written", ["同申请", "同"])
def test_a_tall_handwritten_agreement_whose_yi_ocr_lost_is_the_opinion(written):
    """同意申请 by hand, twice as tall as print, read without its 意; a date's 月 further down is none."""
    lines = [
        TextLine("证书试点管理部门意见：", (216, 757, 515, 796), 0.99),
        TextLine(written, (326, 824, 532, 911), 0.98),
        TextLine("签字：", (236, 952, 319, 996), 1.0),
        TextLine("孙新春", (330, 936, 467, 1009), 1.0),
        TextLine("月", (511, 1015, 565, 1048), 1.0),
    ]
    department = find_approvals(lines, None, document="d.pdf", page=1)["department"]
    assert department.opinion == written and department.affirmative


@pytest.mark.parametrize(("text", "date"), [
    ("2024·3·11", True), ("2024.3.6", True), ("3.15", True), ("2024-03-14", True), ("3月15日", True),
    ("2024年3月19日", True), ("月", True), ("魏波", False), ("同意", False), ("2024级", False),
    ("2024.3.17年月日", True), ("2024.3.16年", True), ("12.31", True), ("0.5", False), ("13.5", False),
    ("3.32", False), ("2024.0.5", False), ("202438", True), ("20240315", True), ("202400", False), ("13800", False),
])  # fmt: skip
def test_a_date_written_by_hand_is_known_in_any_of_its_forms(text, date):
    """A date in the signature field is no signature, whatever separates its figures (· too), and however
    many of the form's printed 年 月 日 blanks after it OCR read on (officegen seed 190018: 2024.3.16年).
    Figures that name no month and day are none: a scribbled signature OCR read as 0.5 (othergen seed
    9700000002) is no date, and the ink test must see it. A hand's 2024.3.8 whose dots OCR lost (wildgen
    seed 970017) is one."""
    assert bool(WHOLE_DATE.match(text)) is date


@pytest.mark.parametrize(("loops", "size", "date_at", "box", "h", "glyph", "cut"), [
    # othergen seed 9700000003, a 100-dpi capture: the box twice a glyph tall, as boxes are at low
    # resolution; the scribble no taller than the box, yet far taller than the print.
    ((10, 70, 12, 33, 61), 16, (82, 42), (5, 10, 260, 75), 30.0, 16.0, (66, 83)),  # its print's first ink: 83
    # othergen seed 9700000004, 200 dpi: a scribble no taller than print, a blank, then the date, all in
    # one box twice as wide as the date's print.
    ((10, 150, 14, 20, 48), 31, (200, 14), (5, 8, 410, 62), 49.5, 31.0, (170, 202)),
])  # fmt: skip
def test_a_scribble_ocr_boxed_with_a_date_is_cut_off_it(loops, size, date_at, box, h, glyph, cut):
    """签名：<scribble>2024年3月12日 in one OCR box: the date's print alone is the date, where it begins."""
    page = Image.new("RGB", (box[2] + 50, box[3] + 10), "white")
    draw = ImageDraw.Draw(page)
    start, stop, step, top, bottom = loops
    for x in range(start, stop, step):  # a scribble of loops
        draw.ellipse((x, top, x + step + 4, bottom), outline=(20, 20, 20), width=2)
    draw.text(date_at, "2024年3月12日", font=ImageFont.truetype(SANS_FONT, size), fill=(20, 20, 20))
    x0, _, x1, _ = _date_print(page, TextLine("2024年3月12日", box, 0.95), h, Glyphs(height=glyph, stroke=2.0))
    assert cut[0] < x0 <= cut[1] and x1 == box[2]


def test_a_date_s_print_begins_after_a_blank_wider_than_its_own_glyphs_gaps():
    """issuegen seed 907 at 200 dpi, the columns of 负责人（签字）：任芳2024年3月12日 from the field's edge: the
    blank behind the label (44 px), the name, a blank of 19 px, then the date, whose print leaves gaps of
    3–6 px between most glyphs and one of 11. The date begins after the 19 px: wider than any of its own
    gaps and twice their usual width, though not twice its widest."""
    runs = [(1023, 29), (1072, 44), (1163, 19), (1183, 3), (1204, 4), (1223, 3), (1243, 3), (1279, 4), (1301, 6),
            (1337, 11), (1353, 5), (1377, 9)]
    columns = np.ones(1410 - 994, dtype=bool)
    for end, length in runs:
        columns[end - 994 - length : end - 994] = False
    assert _blank_before(columns, 0, 1161 - 994, 34.0, 249.0) == 1163 - 994


def test_a_hand_s_date_spaced_wide_is_not_cut_as_if_a_signature_stood_before_it():
    """papergen seed 9700000003, 100 dpi: 2 0 2 4 - 0 3 - 1 7 written with wide spacing, its box far wider
    than the date's print would be. No blank in it stands out from its own spacing: all of it is the date."""
    page = Image.new("RGB", (260, 50), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("/usr/share/fonts/truetype/arphic/ukai.ttc", 18)
    for i, ch in enumerate("2024-03-17"):
        draw.text((8 + 24 * i, 14), ch, font=font, fill=(40, 50, 150))
    date = TextLine("2024-03-17", (0, 5, 250, 40), 0.99)
    assert _date_print(page, date, 24.5, Glyphs(height=14.0, stroke=2.0)) == date.box


def test_a_one_row_block_read_as_one_line_is_signed_after_its_sign_label():
    """othergen seed 9700000004: OCR read 校级分管领导审批意见 同意申请 负责人（签字） as one line, the
    scribble after it with the date. The 签字 label on the label's own line is the block's sign line, and
    the field is what follows it on that row, not the whole block with the label's print in it."""
    page = Image.new("RGB", (1650, 400), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 31)
    draw.text((190, 60), "证书试点管理部门意见：同意申请", font=font, fill=(20, 20, 20))
    draw.text((190, 200), "校级分管领导审批意见  同意申请  负责人（签字）", font=font, fill=(20, 20, 20))
    for x in range(1010, 1140, 14):
        draw.ellipse((x, 205, x + 18, 233), outline=(20, 20, 20), width=2)
    draw.text((1186, 200), "2024年3月4日", font=font, fill=(20, 20, 20))
    lines = [TextLine("证书试点管理部门意见：同意申请", (188, 50, 700, 100), 0.99),
             TextLine("校级分管领导审批意见同意申请负责人(签字)", (188, 190, 980, 245), 0.98),
             TextLine("2024年3月4日", (986, 185, 1385, 247), 0.99)]
    leader = find_approvals(lines, page, document="d.jpg", page=1)["leader"]
    assert leader.affirmative and leader.signed


@pytest.mark.parametrize(("label", "role"), [
    ("部门负责人意见：", "department"), ("教务处意见：", "department"), ("学校意见：", "leader"),
    ("校领导审批：", "leader"), ("学校审批意见：", "leader"), ("校领导审批：已阅，同意调整", "leader"),
    ("证书试点管理部门已阅，同意", "department"), ("校级分管领导 同意按调整后方案申报", "leader"),
    ("试点工作负责部门意见：", "department"),  # wildgen seed 970021
])  # fmt: skip
def test_other_wordings_of_the_approval_labels_are_found(label, role):
    lines = [
        TextLine(label, (140, 600, 140 + 26 * len(label), 636), 0.98),
        TextLine("同意调整", (220, 650, 330, 690), 0.99),
        TextLine("签字：", (620, 710, 700, 746), 0.99),
    ]
    found = find_approvals(lines, None, document="d.pdf", page=1)
    assert list(found) == [role] and found[role].affirmative


@pytest.mark.parametrize(("sign_line", "signed"), [
    ("分管领导（签字）：陈文（陈文）", True), ("负责人：（签字）林军（林军红）", True),
    ("负责人（签字）：（陈文）", False), ("负责人（签字）：王芳", False),
])  # fmt: skip
def test_a_name_before_the_same_name_typed_in_brackets_is_a_signature(sign_line, signed):
    """What OCR reads before the typed (name) is the hand that signed beside it; the typed name alone is none."""
    lines = [
        TextLine("校级分管领导意见：同意", (140, 600, 500, 636), 0.98),
        TextLine(sign_line, (400, 700, 400 + 26 * len(sign_line), 736), 0.97),
    ]
    assert find_approvals(lines, None, document="d.pdf", page=1)["leader"].signed is signed


def test_two_column_headers_ocr_read_as_one_box_are_two_labels():
    """证书试点管理部门负责人 | 分管校领导, two columns of a signature table, read as one box (the 人 as 大)."""
    parts = cells([TextLine("证书试点管理部门负责大分管校领导", (599, 950, 1143, 1003), 0.99)])
    assert [part.text for part in parts] == ["证书试点管理部门负责大", "分管校领导"]
    assert parts[0].box[2] == parts[1].box[0] < 1000
    assert {role: label.lines[0].text for role, label in find_labels(parts).items()} == {
        "department": "证书试点管理部门负责大", "leader": "分管校领导"}


@pytest.mark.parametrize(("text", "role"), [
    ("教务处（1+X试点管理部门）意见：", "department"),  # the office, its role for the pilot in brackets
    ("证书试点管理部门（教务处）意见：", "department"),
    ("学校意见（分管校领导）：", "leader"),
    ("主管院长审批：", "leader"),  # a 学院's leader (realgen seed 610039)
    ("分管院领导审批意见：", "leader"),
    ("1+X证书试点工作办公室意见：", "department"),  # the office that runs the pilot (kindgen seed 1070014)
    ("分管校领导审核:☑同意 ☑ □不同意", "leader"),  # 审核 for 意见, its opinion in ticked boxes (stampgen seed 138)
    ("证书试点管理部门审核：", "department"),
])
def test_labels_of_other_wordings_are_read(text, role):
    assert list(find_labels(cells([TextLine(text, (100, 100, 100 + 30 * len(text), 136), 0.98)]))) == [role]


def test_an_opinion_written_large_over_two_lines_is_read_whole():
    """realgen seed 610037: each opinion written large over two lines, 拟同 / 意。 and 已阅， / 同意。 (已阅
    alone is no agreement). A name signed under an opinion, further right, carries no opinion on."""
    lines = [
        TextLine("教务处（1+X试点管理部门）意见：", (222, 558, 698, 599), 0.96),
        TextLine("拟同", (403, 633, 578, 747), 1.0),
        TextLine("意。", (371, 753, 506, 857), 1.0),
        TextLine("负责人签字：宋娜", (737, 809, 1189, 933), 0.94),
        TextLine("分管院领导审批意见：", (222, 1047, 526, 1093), 1.0),
        TextLine("已阅，", (377, 1115, 576, 1234), 1.0),
        TextLine("同意。", (408, 1246, 600, 1346), 1.0),
        TextLine("分管领导签字：", (713, 1349, 921, 1403), 1.0),
    ]
    found = find_approvals(lines, None, document="d.pdf", page=1)
    assert (found["department"].opinion, found["leader"].opinion) == ("拟同意。", "已阅,同意。")
    assert found["department"].affirmative and found["leader"].affirmative
    wobbly = [TextLine("证书试点管理部门意见：", (203, 471, 560, 502), 1.0), TextLine("已阅，", (397, 539, 526, 604), 1.0),
              TextLine("同意。", (321, 614, 458, 689), 1.0)]  # realgen 610035: the hand's second line starts further left
    assert find_approvals(wobbly, None, document="d.pdf", page=1)["department"].opinion == "已阅,同意。"
    signed_under = [TextLine("校领导意见：", (222, 1047, 526, 1093), 1.0), TextLine("已阅", (377, 1115, 576, 1200), 1.0),
                    TextLine("同意", (700, 1210, 850, 1290), 1.0)]
    assert find_approvals(signed_under, None, document="d.pdf", page=1)["leader"].opinion == "已阅"



def test_a_name_signed_under_a_whole_agreement_carries_no_opinion_on():
    """wildgen seed 1070003: a handwritten 同意 with no 签字 label, and the signature 梁鹏 (read 染鹏) under
    it, starting where 同意 ends: 同意 is a whole opinion, the name is no wrap of it."""
    lines = [TextLine("证书试点管理部门意见:", (221, 989, 598, 1032), 1.0), TextLine("同意", (300, 1082, 463, 1185), 1.0),
             TextLine("染鹏", (452, 1193, 623, 1297), 0.9)]
    assert find_approvals(lines, None, document="d.pdf", page=1)["department"].opinion == "同意"
    lines[1] = TextLine("同意上报", (300, 1082, 463, 1185), 1.0)
    assert find_approvals(lines, None, document="d.pdf", page=1)["department"].opinion == "同意上报"
    wrapped = [lines[0], TextLine("同意调整，", (300, 1082, 463, 1185), 1.0), TextLine("请上报。", (305, 1193, 470, 1297), 1.0)]
    assert find_approvals(wrapped, None, document="d.pdf", page=1)["department"].opinion == "同意调整,请上报。"

def test_an_unruled_block_runs_down_to_the_next_label_well_apart():
    """realgen seed 610030: a sheet of the two approvals alone, the department's 负责人（签字） line five and
    a half lines under its label and the leader's label twelve lines below: the block holds it. The last
    block ends six lines down."""
    labels = find_labels(cells([TextLine("学校证书试点管理部门意见：", (234, 500, 654, 543), 1.0),
                                TextLine("校级分管领导意见：", (230, 1054, 523, 1105), 0.98)]))
    department, leader = labels["department"], labels["leader"]
    assert 853 <= _block_area(department, [leader], 44.3, (1709, 2377), None, [])[3] <= 1054  # its 签字 line is in
    assert _block_area(leader, [department], 44.3, (1709, 2377), None, [])[3] == pytest.approx(1105 + 6 * 44.3)


@pytest.mark.parametrize(("text", "box", "name"), [
    ("贺", (856, 1597, 941, 1653), True),  # realgen 710014: a hand read as one glyph, 1.5 glyphs wide
    ("印", (856, 1597, 918, 1653), False),  # one glyph in a box of its own width: all OCR saw there
    ("贺新", (856, 1597, 941, 1653), True),
])
def test_a_glyph_in_a_box_wider_than_it_is_a_name_read_in_part(text, box, name):
    assert _name_in(TextLine(text, box, 0.9), (800, 1500, 1480, 1700)) is name


def test_a_department_label_opening_with_the_school_is_one_label():
    """deskgen seed 4700000011: 学校证书试点管理部门意见 is the department's label whole; 学校 before it opens
    学校证书管理部门意见, and is no leader's label (学校意见) of its own."""
    parts = cells([TextLine("学校证书试点管理部门意见：", (614, 1737, 1175, 1799), 0.98)])
    assert [part.text for part in parts] == ["学校证书试点管理部门意见:"]
    assert {role: label.lines[0].text for role, label in find_labels(parts).items()} == {
        "department": "学校证书试点管理部门意见:"}


def test_a_table_cell_above_is_no_first_line_of_a_wrapped_label():
    """realgen seed 790007: the change table's certificate cell wrapped (数控车铣加工职业技 / 能等级证书) right
    above the department's row; its last line, centred over the label, read as the label's first
    (证书 + 试点管理部门审核意见). A wrapped label's first line is its widest: the text fills it first."""
    parts = cells([TextLine("能等级证书", (353, 508, 523, 558), 0.98),
                   TextLine("试点管理部门审核意见：", (197, 602, 560, 654), 0.98)])
    assert [line.text for line in find_labels(parts)["department"].lines] == ["试点管理部门审核意见:"]


def test_a_signature_table_under_a_seal_gives_each_approver_his_own_column():
    """officegen seed 190021, page 1 (a colour TIFF): 经办人 | 证书试点管理部门负责人 | 分管校领导 over rows
    意见 / 签字 / 日期. OCR ran the two headers into one box, and the school seal's ring across the top of
    the wall between them left too little of it to pass for a rule, so both shared one header cell."""
    image = Image.open(Path(__file__).parent / "cases" / "sign-table-header-under-seal.jpg").convert("RGB")
    found = read_page(Page(number=1, image=image), engine=make_engine("rapidocr"), document="d.tif")
    department, leader = found.department, found.leader
    assert department is not None and department.opinion.rstrip("。") == "同意" and department.signed
    assert leader is not None and leader.opinion == "原则同意" and leader.signed


def test_two_labels_side_by_side_ocr_read_as_one_line_are_two_blocks():
    """deskgen seed 210007: the department's and the leader's labels stand on one row, and OCR read them
    as one box with the 意见 between them misread (意党校). Each block's opinion is the one under it."""
    lines = [
        TextLine("证书试点管理部门（教务处）意党校分管领导意见：", (207, 1276, 1257, 1335), 0.98),
        TextLine("原则同意", (332, 1352, 585, 1428), 1.0),
        TextLine("已阅，同意", (959, 1354, 1209, 1428), 0.92),
        TextLine("签字：", (375, 1492, 513, 1567), 0.96),
    ]
    found = find_approvals(lines, None, document="d.pdf", page=1)
    assert (found["department"].opinion, found["leader"].opinion) == ("原则同意", "已阅,同意")  # NFKC
    assert found["department"].affirmative and found["leader"].affirmative


def _sign_line_under_the_leaders_label(leader_label: str) -> list[TextLine]:
    """wildgen seed 1170029: 分管…意见： over its opinion, then 分管校领导（签字）： with the name written after it."""
    return [
        TextLine("试点工作负责部门意见：", (189, 1001, 547, 1055), 1.0), TextLine("同意。", (334, 1059, 500, 1146), 1.0),
        TextLine("负责人（签字）：高东永", (656, 1155, 1114, 1235), 0.95),
        TextLine("二〇二四年三月十七日", (1085, 1236, 1446, 1295), 0.99),
        TextLine(leader_label, (190, 1332, 452, 1385), 0.99), TextLine("情况属实，同意。", (366, 1390, 762, 1466), 0.99),
        TextLine("分管校领导（签字）：", (597, 1504, 922, 1554), 0.99), TextLine("阳雷", (938, 1475, 1049, 1545), 0.95),
    ]


@pytest.mark.parametrize("leader_label", ["分管副院长意见：", "主管副院长批示："])
def test_a_leaders_sign_line_is_not_the_label_heading_the_opinion(leader_label):
    """The leader's label (分管副院长意见, or one read less surely than the 分管校领导（签字）： under it) heads
    the opinion; the 签字 line heads only the name, which is no opinion."""
    found = find_approvals(_sign_line_under_the_leaders_label(leader_label), None, document="d.jpg", page=1)
    assert found["leader"].opinion == "情况属实,同意。" and found["leader"].affirmative
    assert found["department"].opinion == "同意。"


def test_side_by_side_labels_whose_middle_ocr_lost_are_two_blocks():
    """deskgen seed 270022: …部门（教务处）意见 | 校级分管领导意见 read as one box that lost 见校级分管:
    what is left of the second label, 领导意见, is the leader's."""
    lines = [
        TextLine("证书试点管理部门（教务处）意领导意见：", (200, 1401, 1112, 1464), 1.0),
        TextLine("原则同意", (255, 1480, 460, 1557), 1.0),
        TextLine("已阅，同意", (938, 1485, 1221, 1574), 0.86),
        TextLine("签字：谢玉兰", (391, 1571, 728, 1678), 1.0),
    ]
    found = find_approvals(lines, None, document="d.pdf", page=1)
    assert (found["department"].opinion, found["leader"].opinion) == ("原则同意", "已阅,同意")


def test_side_by_side_blocks_at_a_letters_foot_reach_their_sign_lines_far_down():
    """plaingen seed 1170013: the two blocks side by side at a letter's foot, unruled, their 签字 lines
    seven print lines under the labels (the blocks spaced out to fill the page). Each block reaches its
    own 签字 line and the name written after it."""
    image = Image.open(Path(__file__).parent / "cases" / "side-by-side-blocks-signed-far-down.jpg").convert("RGB")
    found = read_page(Page(number=1, image=image), engine=make_engine("rapidocr"), document="d.pdf")
    assert found.department is not None and found.department.opinion == "已阅,同意。" and found.department.signed
    assert found.leader is not None and found.leader.opinion == "原则同意。" and found.leader.signed


def test_a_date_written_past_the_cells_edge_in_an_unsigned_block_is_no_signature():
    """papergen seed 11700000005: the department's 负责人（签字）： left blank and a date written large by hand
    after it, its last figures past the cell's right rule. The date is a date however far it runs, not a
    name cut off at the block's edge (2024-03-); the leader's block below is signed."""
    image = Image.open(Path(__file__).parent / "cases" / "hand-date-past-the-cells-edge-unsigned.jpg").convert("RGB")
    found = read_page(Page(number=1, image=image), engine=make_engine("rapidocr"), document="d.pdf")
    assert found.department is not None and found.department.affirmative and not found.department.signed
    assert found.leader is not None and found.leader.signed


def test_a_name_written_on_past_the_blocks_edge_is_its_signature():
    """deskgen seed 290021, a phone photo: two blocks side by side, and the department's 潘卫东, written
    large after 负责人（签字）： set near its block's right edge, runs on into the leader's column. OCR read it
    with its label; the field is the name as OCR boxed it, not the leader's blue opinion above it."""
    image = Image.open(Path(__file__).parent / "cases" / "name-past-the-blocks-edge.jpg").convert("RGB")
    found = read_page(Page(number=1, image=image), engine=make_engine("rapidocr"), document="d.jpg")
    assert found.department is not None and found.department.signed
    assert found.leader is not None and found.leader.signed


def test_a_name_stamp_pressed_past_the_blocks_edge_before_the_next_sign_label_is_this_fields():
    """deskgen seed 210015: side-by-side blocks; the department's 名章 (read as 燕蒋 / 印海) stands just
    past its block's right edge, right of its 负责人（签字）： and left of the leader's 负责人：. The field
    reaches it; a name after the leader's label is the leader's."""
    sign = TextLine("负责人（签字）：", (454, 1348, 810, 1408), 0.97)
    stamp = [TextLine("燕蒋", (846, 1285, 994, 1387), 0.97), TextLine("印海", (837, 1345, 984, 1432), 1.0)]
    leader_sign = TextLine("负责人：黄宏伟", (1078, 1304, 1531, 1432), 0.99)
    area = (225, 1136, 800, 1549)
    assert _name_past_edge(sign, [sign, *stamp, leader_sign], 750, area, 43) == (454, 1285, 994, 1432)
    assert _name_past_edge(sign, [sign, leader_sign], 750, area, 43) is None


def test_a_light_red_opinion_stamp_in_a_photo_is_read_from_its_glyphs():
    """officegen seed 410011, a phone photo: the department's framed red 同意 stamp is light, and its frame
    breaks away from the glyphs, which stand under a print line tall (27 px at a line of 35)."""
    image = Image.open(Path(__file__).parent / "cases" / "red-opinion-stamp-in-a-photo.jpg").convert("RGB")
    found = stamped_opinion(image, (0, 0, image.width, image.height), [], 35, read_strip)
    assert found is not None and found.text == "同意"


def test_an_opinion_written_in_red_pen_is_read_from_its_ink():
    """realgen seed 903: the leader's 同意。 handwritten in red-brown pen, which red-ink removal takes off the
    page OCR reads. Its glyphs stand apart as a hand spaces them, wider than a stamp's, and are read as one."""
    image = Image.new("RGB", (700, 200), "white")
    hand = ImageFont.truetype("/usr/share/fonts/truetype/arphic/ukai.ttc", 34)
    for i, glyph in enumerate("同意。"):
        ImageDraw.Draw(image).text((60 + 46 * i, 60), glyph, font=hand, fill=(165, 60, 55))
    found = stamped_opinion(image, (0, 0, image.width, image.height), [], 45, read_strip)
    assert found is not None and found.text.startswith("同意")


def test_a_small_framed_opinion_stamp_is_read_without_its_frame():
    """officegen seed 4700000018, two pages in one photo: the leader's framed red 同意, its glyphs 25 px
    tall and blurred, reads as 回 with its frame and as 同意 without it."""
    image = Image.open(Path(__file__).parent / "cases" / "framed-opinion-stamp-in-a-photo.jpg").convert("RGB")
    found = stamped_opinion(image, (0, 0, image.width, image.height), [], 36, read_strip)
    assert found is not None and found.text == "同意"


def test_a_sign_field_ends_halfway_to_the_next_blocks_sign_label():
    """officegen seed 410012, a born-digital PDF: the leader's signature image, centred on the leader's
    签字 row, reaches up into the department's block, whose own field is empty. The department's field
    ends halfway between the two rows; a 签字 within its own block, or in another column, sets no end."""
    department = TextLine("签字：", (945, 1052, 1070, 1094), 0.99)
    leader = TextLine("签字：", (945, 1197, 1070, 1239), 0.99)
    area = (194, 1032, 1604, 1197)
    assert _next_sign_row(department, [department, leader], 1051, area) == (1052 + 1094 + 1197 + 1239) / 4
    beside = TextLine("签字：", (194, 1197, 320, 1239), 0.99)  # the next block's, left of the field
    inside = TextLine("经办人签字：", (945, 1120, 1170, 1160), 0.99)
    assert _next_sign_row(department, [department, beside, inside], 1051, area) == float("inf")


def test_an_opinion_on_the_label_s_line_is_read_again_where_a_seal_hid_its_agreement():
    """signgen seed 9700000023: 情况属实，同意调整 written by hand on the label's line, over a grey seal's ring;
    OCR read the line as 校级分管领导意见:情实,整. The opinion's place begins where the label's words end,
    not past what OCR read of the opinion, and read again it says 同意."""
    crop = Image.open(Path(__file__).parent / "cases" / "hand-opinion-on-the-label-line-across-a-grey-seal.jpg")
    label = Label("leader", [TextLine("校级分管领导意见:情实,整", (18, 69, 696, 143), 0.91)], ":情实,整", 100.0)
    sign = TextLine("签字:文", (289, 187, 529, 263), 0.88)
    found = opinion_under_seal(crop.convert("RGB"), (18, 44, 1466, 446), label, sign, [(369, 13, 762, 369)], 50.5,
                               read_strip)
    assert found is not None and "同意" in found.text


def test_an_opinion_sharing_its_line_with_the_sign_label_is_the_opinion():
    """wildgen seed 970001: 拟同意。签名：戴明翔 on one line under the label; the opinion is what precedes 签名."""
    lines = [TextLine("1+X证书试点管理部门意见:", (210, 1040, 760, 1090), 0.98),
             TextLine("拟同意。签名:戴明翔", (675, 1112, 1205, 1181), 0.93)]
    department = find_approvals(lines, None, document="d.jpg", page=1)["department"]
    assert department.opinion.startswith("拟同意") and "签" not in department.opinion and department.affirmative


def test_签批_labels_the_leader_s_block_above_its_sign_line_that_names_the_leader_too():
    """wildgen seed 970011: 校领导签批： over 拟同意。 and 分管校领导（签字）：徐… below. The block is 签批's, whose
    opinion is 拟同意; the sign line that names 分管校领导 is its 签字 line, not a label of its own."""
    lines = [TextLine("证书试点管理部门意见：", (180, 1100, 560, 1150), 0.99), TextLine("同意。", (300, 1180, 420, 1230), 0.99),
             TextLine("校领导签批:", (180, 1419, 400, 1469), 0.99), TextLine("拟同意。", (300, 1480, 460, 1540), 0.95),
             TextLine("分管校领导(签字):", (640, 1580, 940, 1630), 0.97)]
    leader = find_approvals(lines, None, document="d.jpg", page=1)["leader"]
    assert leader.opinion.startswith("拟同意") and leader.affirmative


def test_side_by_side_opinions_read_as_one_line_are_cut_between_the_blocks():
    """wildgen seed 970026: two 签批 columns side by side, their labels' boxes overlapping a little, and the
    two opinions read as one line (不同意（人数超出）。同意): each block keeps the part over its own column."""
    lines = [TextLine("证书试点管理部门(盖章)意见:", (230, 1042, 885, 1089), 0.99),
             TextLine("分管副院长意见:", (864, 1043, 1170, 1089), 0.95),
             TextLine("不同意(人数超出)。同意", (304, 1142, 1094, 1228), 0.98)]
    found = find_approvals(lines, None, document="d.pdf", page=1)
    assert found["department"].opinion.startswith("不同意") and not found["department"].affirmative
    assert found["leader"].opinion == "同意" and found["leader"].affirmative


def test_a_领导签字_line_in_the_department_s_cell_is_no_leader_label():
    """signgen seed 9700000027: the department's cell closes with 领导签字：谢敏敏, its own head's signature;
    however like 领导签批 it reads, a 签字 line labels no block."""
    lines = [TextLine("证书试点管理部", (186, 740, 430, 790), 0.99), TextLine("门意见", (230, 800, 380, 850), 0.99),
             TextLine("同意调整", (520, 690, 700, 740), 0.99), TextLine("领导签字:", (940, 760, 1100, 810), 0.97),
             TextLine("谢敏敏", (1112, 719, 1307, 830), 0.84)]
    found = find_approvals(lines, None, document="d.pdf", page=1)
    assert list(found) == ["department"] and found["department"].affirmative


def test_负责人_after_the_opinion_on_the_label_s_line_is_the_sign_label():
    """wildgen seed 1030001: 学校证书试点管理部门审核意见：同意上报。负责人：余 on one line; the opinion ends at
    its full stop, and 负责人： after it opens the signature's field, as at a line's start."""
    lines = [TextLine("学校证书试点管理部门审核意见:同意上报。负责人:余", (193, 1010, 1250, 1060), 0.95)]
    department = find_approvals(lines, None, document="d.jpg", page=1)["department"]
    assert department.opinion == "同意上报。" and department.affirmative


def test_a_label_over_its_own_opinion_in_a_cell_as_wide_as_the_one_beside_keeps_its_cell():
    """kindgen seed 1070021: a form's last row of three equal cells, 证书试点管理部门意见 | 校级分管领导意见 |
    单位（盖章）, each label over its opinion and 签名 line in its own cell. The leader's cell holds its
    words: the 单位（盖章） cell beside it, no narrower than it, is no part of its block."""
    page = Image.new("RGB", (1654, 1300), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((145, 759, 1516, 1105), outline="black", width=3)
    for x in (600, 1057):
        draw.line((x, 759, x, 1105), fill="black", width=3)
    lines = [
        TextLine("证书试点管理部门意见：", (159, 777, 530, 828), 1.0), TextLine("校级分管领导意见：", (617, 782, 921, 831), 1.0),
        TextLine("单位(盖章)", (1073, 782, 1270, 834), 1.0), TextLine("拟同意。", (201, 850, 336, 908), 1.0),
        TextLine("情况属实，同意。", (659, 851, 926, 910), 1.0), TextLine("签名：", (330, 921, 450, 988), 1.0),
        TextLine("签名：", (782, 921, 910, 988), 1.0), TextLine("日期：二〇二四年三月二日", (139, 1010, 550, 1063), 1.0),
        TextLine("日期：二〇二四年三月二日", (592, 1014, 1007, 1066), 1.0),
    ]
    found = find_approvals(lines, page, document="d.pdf", page=1)
    assert found["department"].opinion == "拟同意。"
    assert found["leader"].opinion == "情况属实,同意。" and found["leader"].affirmative
    # A narrow label cell whose label wraps in words the label does not need (审核意见) is no block of its own.
    form = Image.new("RGB", (1654, 1300), "white")
    draw = ImageDraw.Draw(form)
    draw.rectangle((145, 759, 1516, 1105), outline="black", width=3)
    draw.line((420, 759, 420, 1105), fill="black", width=3)
    wrapped = [TextLine("证书试点管理部门", (175, 844, 401, 900), 1.0), TextLine("审核意见", (213, 905, 360, 960), 1.0),
               TextLine("经核实，情况属实，同意调整", (460, 790, 1000, 850), 1.0), TextLine("负责人签字：", (800, 1000, 1000, 1050), 1.0)]
    department = find_approvals(wrapped, form, document="d.pdf", page=1)["department"]
    assert department.affirmative and "同意调整" in department.opinion


def test_a_page_title_worded_as_a_label_gives_way_to_the_label_that_heads_an_opinion():
    """kindgen seed 1110029: an annex page titled 学校审批意见 over the department's block and the
    leader's (校级分管领导意见：). The title matches a leader's wording as well as the label does, but
    heads no opinion: the leader's block is the one under 校级分管领导意见."""
    lines = [TextLine("学校审批意见", (716, 226, 993, 284), 0.99), TextLine("证书试点管理部门意见:", (217, 354, 549, 402), 0.99),
             TextLine("已阅，同意。", (373, 420, 664, 492), 0.9), TextLine("签字：", (835, 533, 929, 587), 0.99),
             TextLine("校级分管领导意见：", (217, 640, 486, 685), 0.99), TextLine("情况属实，同意。", (283, 705, 669, 804), 0.9),
             TextLine("签字：邓辉超", (705, 798, 1013, 897), 0.9)]
    found = find_approvals(lines, None, document="d.pdf", page=1)
    assert found["department"].opinion == "已阅,同意。"
    assert found["leader"].opinion == "情况属实,同意。" and found["leader"].affirmative


@pytest.mark.parametrize(("line", "signed"), [
    (TextLine("已审核，同意。燕314", (846, 1585, 1705, 1705), 0.9), True),  # written large: a hand's line
    (TextLine("已审核，同意。周燕3.14", (846, 1600, 1500, 1655), 0.99), False),  # print-sized: typed
    (TextLine("已阅。同意", (846, 1585, 1300, 1705), 0.9), False),  # the rest is the opinion, no name
    (TextLine("同意。（盖章）", (846, 1585, 1300, 1705), 0.9), False),  # a form's word, no name
    (TextLine("同意。3.14", (846, 1585, 1300, 1705), 0.9), False),  # a date alone
])  # fmt: skip
def test_a_name_written_after_the_opinion_on_its_line_signs_a_block_without_a_sign_label(line, signed):
    """wildgen seed 1070005: a 呈批件's 校领导签批 cell, 已审核，同意。周燕 3.14 written in one hand on
    one line (OCR lost 周), no 签字 label."""
    lines = [TextLine("校领导签批", (444, 1643, 627, 1698), 0.99), line]
    assert find_approvals(lines, None, document="d.pdf", page=1)["leader"].signed is signed


def test_a_hand_s_date_run_on_after_a_taller_name_leaves_the_name_signed():
    """issuegen seed 506: 负责人（签字）：莫建2024年3月2日 read as one line, the date written small right after a
    name twice its height. The date stands where the tall name's ink ends, not a print date's width back from
    the line's end, which lay over most of the name and left too little ink to be a signature."""
    page = Image.new("RGB", (1400, 420), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(SANS_FONT, 31)
    hand = "/usr/share/fonts/truetype/arphic/ukai.ttc"
    draw.text((100, 60), "证书试点管理部门意见：同意按调整后内容申报。", font=font, fill=(20, 20, 20))
    draw.text((380, 200), "负责人（签字）：", font=font, fill=(20, 20, 20))
    draw.text((640, 178), "莫建", font=ImageFont.truetype(hand, 62), fill=(30, 35, 90))
    draw.text((770, 200), "2024年3月2日", font=ImageFont.truetype(hand, 30), fill=(30, 35, 90))
    lines = [TextLine("证书试点管理部门意见：同意按调整后内容申报。", (98, 50, 800, 100), 0.99),
             TextLine("负责人（签字）：莫建2024年3月2日", (375, 172, 960, 252), 0.95)]
    department = find_approvals(lines, page, document="d.png", page=1)["department"]
    assert department.affirmative and department.signed


def test_a_hand_s_date_run_on_after_a_name_of_its_own_height_leaves_the_name_signed():
    """issuegen seed 623: 负责人（签字）：万超婷2024年3月19日 read as one line, the name no taller than the date but
    for one stroke, its flourish running into the date. That stroke's edge would leave the name under the
    date: the date is its print's width at the line's end."""
    page = Image.new("RGB", (1400, 420), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(SANS_FONT, 31)
    hand = ImageFont.truetype("/usr/share/fonts/truetype/arphic/ukai.ttc", 36)
    draw.text((100, 60), "校级分管领导意见：同意，请省1+X办公室审核。", font=font, fill=(20, 20, 20))
    draw.text((380, 200), "负责人（签字）：", font=font, fill=(20, 20, 20))
    draw.line((648, 188, 660, 236), fill=(40, 40, 60), width=3)  # the name's first stroke, reaching high
    draw.text((650, 200), "万超婷", font=hand, fill=(40, 40, 60))
    draw.line((700, 240, 770, 244), fill=(40, 40, 60), width=2)  # its flourish, into the date
    draw.text((768, 203), "2024年3月19日", font=hand, fill=(40, 40, 60))
    lines = [TextLine("校级分管领导意见：同意，请省1+X办公室审核。", (98, 50, 820, 100), 0.99),
             TextLine("负责人（签字）：万超婷2024年3月19日", (375, 180, 1010, 252), 0.95)]
    leader = find_approvals(lines, page, document="d.png", page=1)["leader"]
    assert leader.affirmative and leader.signed


def test_a_small_hand_s_name_written_close_before_a_typed_date_stays_signed():
    """issuegen seed 907: 负责人（签字）：任芳2024年3月12日 read as one line, a small blue name written a wide gap
    after the label and half a glyph before the typed date. The date's print begins after that narrow gap,
    where a date of its print's width would begin, not at the wide blank before the name."""
    page = Image.new("RGB", (1400, 420), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(SANS_FONT, 34)
    hand = ImageFont.truetype("/usr/share/fonts/truetype/arphic/ukai.ttc", 30)
    draw.text((100, 60), "证书试点管理部门意见：原则同意。", font=font, fill=(20, 20, 20))
    draw.text((300, 200), "负责人（签字）：", font=font, fill=(20, 20, 20))
    draw.text((640, 204), "任芳", font=hand, fill=(40, 50, 150))
    draw.text((722, 200), "2024年3月12日", font=font, fill=(20, 20, 20))
    lines = [TextLine("证书试点管理部门意见：原则同意。", (98, 50, 700, 110), 0.99),
             TextLine("负责人(签字):任芳2024年3月12日", (296, 192, 960, 258), 0.97)]
    department = find_approvals(lines, page, document="d.png", page=1)["department"]
    assert department.affirmative and department.signed


def test_an_opinion_begun_indented_wraps_back_to_the_margin_beside_the_sign_row():
    """realgen seed 711: 已阅， written indented under the label, then 同意。 back at the margin, level with
    负责人签字：吴娟 further right. The second line carries the opinion on; it is left of the 签字 label, so
    it is no signature."""
    lines = [TextLine("证书试点管理部门意见：", (183, 780, 537, 828), 0.99), TextLine("已阅，", (463, 861, 657, 960), 0.9),
             TextLine("同意。", (309, 979, 516, 1082), 0.9), TextLine("负责人签字：吴娟", (745, 1022, 1221, 1155), 0.9),
             TextLine("2024.3.7", (1158, 1157, 1365, 1219), 0.9), TextLine("分管校领导意见：同意", (187, 1269, 560, 1312), 0.99)]
    department = find_approvals(lines, None, document="d.pdf", page=1)["department"]
    assert department.opinion == "已阅,同意。" and department.affirmative
