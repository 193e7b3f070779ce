"""The applying unit line: 申请单位 / 单位名称 / 申报单位, same box or separate boxes on one row."""

from __future__ import annotations

import pytest

from parsers.fields import applicant_unit, clean_unit
from parsers.model import Page, TextLine


def page(*lines: tuple[str, tuple[float, float, float, float]], number: int = 1) -> Page:
    return Page(number=number, text_source="ocr", lines=[TextLine(t, box, 0.95) for t, box in lines])


def test_label_and_value_in_one_box_drop_the_stamp_hint():
    p = page(("申请单位：南京市xx学校（盖章）", (150, 300, 700, 332)))
    assert applicant_unit([p]) == "南京市xx学校"


def test_label_and_value_in_separate_boxes_on_one_row():
    p = page(("单位名称：", (150, 300, 300, 332)), ("江苏省南京工程高等职业学校", (320, 302, 780, 330)))
    assert applicant_unit([p]) == "江苏省南京工程高等职业学校"


def test_stamp_hint_after_the_label_and_half_width_colon():
    p = page(("申报单位(公章): 无锡职业技术学院", (150, 300, 700, 332)))
    assert applicant_unit([p]) == "无锡职业技术学院"


def test_ocr_spaces_and_full_width_letters_are_normalised():
    p = page(("申请单位 ： 苏州 市 ＡＢ 中等 专业学校 (公章)", (150, 300, 900, 332)))
    assert applicant_unit([p]) == "苏州市AB中等专业学校"


def test_a_seals_lettering_read_above_the_line_is_not_the_name():
    """kindgen seed 130: a department seal's lettering over the 申请单位 line, read as one tall box
    whose middle stands above the line, shares its row but is no name on it."""
    p = page(("国业技术学控维", (793, 811, 987, 906)), ("申请单位", (635, 883, 786, 933)), ("(盖章)", (799, 883, 934, 933)))
    assert applicant_unit([p]) is None


def test_a_date_on_the_same_line_is_not_part_of_the_name():
    assert clean_unit("常州刘国钧高等职业技术学校  日期：2024年3月10日") == "常州刘国钧高等职业技术学校"


def test_running_text_mentioning_the_label_is_ignored():
    p = page(
        ("各申报单位应于3月20日前提交调整申请。", (150, 200, 1200, 232)),
        ("邮件命名“单位名称+2024年证书申报调整申请”", (150, 260, 1200, 292)),
    )
    assert applicant_unit([p]) is None


def test_the_first_page_naming_a_unit_wins():
    first = page(("关于证书申报调整的申请", (400, 100, 900, 140)))
    second = page(("申请单位：徐州工业职业技术学院", (150, 300, 700, 332)), number=2)
    third = page(("申请单位：另一所学校", (150, 300, 700, 332)), number=3)
    assert applicant_unit([first, second, third]) == "徐州工业职业技术学院"


def test_label_without_value_gives_none():
    p = page(("申请单位（盖章）：", (150, 300, 400, 332)))
    assert applicant_unit([p]) is None


def test_a_stamp_hint_with_a_misread_glyph_is_dropped():
    p = page(("申请单位：宿迁运河职业技术学院（羞章）", (150, 300, 760, 332)))
    assert applicant_unit([p]) == "宿迁运河职业技术学院"


def test_a_stamp_hint_that_lost_its_closing_bracket_is_no_part_of_the_unit():
    lines = [TextLine("填报单位(盖章:淮安信息职业技术学院", (100, 200, 700, 240), 0.95)]
    assert applicant_unit([Page(number=1, lines=lines)]) == "淮安信息职业技术学院"


def test_a_dash_after_the_units_name_read_as_一_is_no_part_of_it():
    assert clean_unit("镇江丹徒职业教育中心一") == "镇江丹徒职业教育中心"
    assert clean_unit("江苏云岭职业技术学院20盖1") == "江苏云岭职业技术学院"
    assert clean_unit("南京第一中学") == "南京第一中学"


def test_the_labels_stamp_note_misread_under_the_seal_is_no_part_of_the_unit():
    lines = [TextLine("申请单位(章):扬州广陵职业技术学院", (100, 100, 700, 140)),
             TextLine("申请单位工盖章):宿迁运河职业技术学院", (100, 300, 700, 340)),
             TextLine("申请单位（盖：江宁城建", (100, 500, 500, 540))]  # 章) lost (deskgen seed 310018)
    page_one, page_two, page_three = (Page(number=1, lines=[line]) for line in lines)
    assert applicant_unit([page_one]) == "扬州广陵职业技术学院"
    assert applicant_unit([page_two]) == "宿迁运河职业技术学院"
    assert applicant_unit([page_three]) == "江宁城建"


def test_a_label_cell_ending_in_its_stamp_hint_is_followed_by_the_unit_in_the_next_cell():
    row = [TextLine("申请单位（盖章）", (100, 100, 300, 140)), TextLine("连云港海州中等专业学校", (340, 100, 700, 140))]
    assert applicant_unit([Page(number=1, lines=row)]) == "连云港海州中等专业学校"


def test_a_stamp_hint_with_no_colon_before_the_name_in_the_same_cell():
    row = [TextLine("申请单位（盖章）清江浦中专", (100, 100, 600, 140))]
    assert applicant_unit([Page(number=1, lines=row)]) == "清江浦中专"


@pytest.mark.parametrize(("line", "unit"), [
    ("填报单位（盖章）、淮安信息职业技术学院", "淮安信息职业技术学院"),  # the colon misread as a mark
    ("申请单位(盖章)46：江宁金陵中专", "江宁金陵中专"),  # what OCR read of the seal before the colon
])
def test_what_stands_between_the_label_and_the_unit_is_no_part_of_it(line, unit):
    assert applicant_unit([page((line, (150, 300, 900, 332)))]) == unit


def test_a_date_reaching_up_into_the_labels_row_is_no_unit():
    """realgen seed 610045: the handwritten date under 申请单位（盖章）： stands tall enough to share its row,
    and left of the name; the name is the box after it."""
    p = page(("申请单位", (669, 888, 785, 925)), ("(章)：无锡商业职业技术学院", (776, 870, 1158, 934)),
             ("〇二四年三月月", (767, 898, 1034, 1008)))
    assert applicant_unit([p]) == "无锡商业职业技术学院"
    assert clean_unit("二〇二四年三月五日") is None and clean_unit("2024年3月") is None


def test_a_stamp_hint_with_a_misread_glyph_is_no_name():
    """fieldgen 1113: （盖章） read as （盖费)： left 费): as the unit, and school_mismatch followed."""
    p = page(("申请单位（盖费)：", (657, 681, 913, 722)))
    assert applicant_unit([p]) is None
    assert applicant_unit([page(("申请单位（盖费)：江苏省溧城中等专业学校", (657, 681, 1300, 722)))]) == "江苏省溧城中等专业学校"
