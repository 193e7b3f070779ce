"""Reading requested changes: value normalisers, prose, table rows, deduplication (spec §2 Changes).

End-to-end tests on real OCR live in test_changes_ocr.py.
"""

from __future__ import annotations

import pytest

from parsers.changes import changes_from_prose, extract_changes
from parsers.model import ExtractedChange, Page, TextLine
from parsers.normalise import (
    chinese_number,
    normalise_certificate,
    parse_headcount,
    parse_level,
    parse_major,
    split_level,
)
from tests.parsers.test_tables import HEADERS_A, LAYOUT_A, grid


def triples(changes: list[ExtractedChange]) -> list[tuple]:
    return [(c.certificate, c.field, c.level, c.from_value, c.to_value) for c in changes]


def page(lines: list[TextLine], number: int = 1) -> Page:
    return Page(number=number, text_source="ocr", lines=lines)


@pytest.mark.parametrize(
    ("raw", "name", "level"),
    [
        ("Web前端开发（中级）", "Web前端开发", "中级"),
        ("“Web前端开发”证书（中级）", "Web前端开发", "中级"),
        ("「物流管理」证书", "物流管理", None),
        ("建筑信息模型（BIM）", "建筑信息模型(BIM)", None),
        ("建筑信息模型（BIM）（初级）", "建筑信息模型(BIM)", "初级"),
        ("大数据应用开发（Python） (高级)", "大数据应用开发(Python)", "高级"),
        ("Web 前端 开发 职业技能等级证书", "Web前端开发", None),
        ("『智能财税』（初级）证书", "智能财税", "初级"),
        ("ＷＥＢ前端开发", "WEB前端开发", None),
    ],
)
def test_certificate_name_is_normalised_and_level_split(raw, name, level):
    assert split_level(raw) == (name, level)
    assert normalise_certificate(raw) == name


@pytest.mark.parametrize(
    ("text", "value"),
    [("80人", 80), ("８０人", 80), ("80 人", 80), ("8O人", 80), ("l20人", 120), ("八十人", 80),
     ("一百二十人", 120), ("1,200人", 1200), ("", None), ("若干", None), ("80-100人", None)],
)  # fmt: skip
def test_headcount_is_an_integer(text, value):
    assert parse_headcount(text) == value


def test_chinese_numbers():
    assert [chinese_number(t) for t in ("十", "十五", "二百零五", "一二〇")] == [10, 15, 205, 120]


def test_level_and_major_values():
    assert [parse_level(t) for t in ("中级", "中 级", "(高级)", "考核等级：初级", "中", "初级/中级")] == [
        "中级", "中级", "高级", "初级", "中级", None,
    ]  # fmt: skip
    assert parse_major("510201 计算机应用技术") == "计算机应用技术"
    assert parse_major("软件技术（510203）") == "软件技术"
    assert parse_major("‘计算机应用’专业") == "计算机应用"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("将“Web前端开发”证书（中级）试点人数由80人调整为120人。",
         ("Web前端开发", "headcount", "中级", 80, 120)),
        ("将“物流管理”证书考核等级由初级调整为中级。",
         ("物流管理", "level", "初级", "初级", "中级")),
        ("将“Web前端开发”证书（高级）考核专业由‘510201 计算机应用’变更为『软件技术』。",
         ("Web前端开发", "major", "高级", "计算机应用", "软件技术")),
        ("将「智能财税」证书(初级)人数规模由 ５０ 人调增至60人；",
         ("智能财税", "headcount", "初级", 50, 60)),
        ('将"老年照护"（中级）试点人数由一百人调减为八十人。',
         ("老年照护", "headcount", "中级", 100, 80)),
        ("将Web前端开发职业技能等级证书（中级）试点人数改为30人。",
         ("Web前端开发", "headcount", "中级", None, 30)),
        ("将我校申报的界面设计证书（初级）考核专业从数字媒体技术应用改为“软件技术”。",
         ("界面设计", "major", "初级", "数字媒体技术应用", "软件技术")),
    ],
)  # fmt: skip
def test_prose_variants(sentence, expected):
    assert triples(changes_from_prose(sentence)) == [expected]


def test_one_sentence_may_carry_two_changes_of_one_certificate():
    text = "将“建筑信息模型（BIM）”证书考核等级由初级调整为中级，试点人数由40人调整为60人。"
    assert triples(changes_from_prose(text)) == [
        ("建筑信息模型(BIM)", "level", "初级", "初级", "中级"),
        ("建筑信息模型(BIM)", "headcount", None, 40, 60),
    ]


def test_quoted_majors_are_not_taken_for_certificates():
    text = "将“物流管理”证书（中级）考核专业由“物流服务与管理”调整为“电子商务”，试点人数由40人调整为50人。"
    assert [c.certificate for c in changes_from_prose(text)] == ["物流管理", "物流管理"]


def test_a_sentence_without_a_change_gives_nothing():
    assert changes_from_prose("我校已于3月在平台完成2024年度证书申报，现申请调整如下：") == []


def _layout_a(rows: list[list], top: float = 400) -> list[TextLine]:
    return grid([HEADERS_A], LAYOUT_A, [60], top=top - 60) + grid(rows, LAYOUT_A, [60] * len(rows), top=top)


def test_layout_a_table_with_noisy_ocr_text():
    lines = _layout_a(
        [
            ["1", "Web 前端开发(中级)", "人数规模", "８０人", "12O人", "x"],
            ["2", "物流管理（初 级）", "考核等圾", "初级", "中 级", "x"],
            ["3", "“界面设计”证书（高级）", "考核专业", "510201 计算机应用", "软件技术", "x"],
        ]
    )
    lines[1] = TextLine("证书名杯", lines[1].box, 0.6)  # a misread header character
    assert triples(extract_changes([page(lines)])) == [
        ("Web前端开发", "headcount", "中级", 80, 120),
        ("物流管理", "level", "初级", "初级", "中级"),
        ("界面设计", "major", "高级", "计算机应用", "软件技术"),
    ]


def test_wide_table_lists_only_rows_that_change():
    columns = [(150, 650), (650, 850), (850, 1150), (1150, 1450)]
    lines = grid([["职业技能等级证书名称", "考核等级", "原申报人数", "拟调整人数"]], columns, [60], top=300)
    lines += grid(
        [
            ["Web前端开发", "中级", "80", "120"],
            ["物流管理", "初级", "50", "50"],
            ["老年照护", "初级", "40", ""],
        ],
        columns,
        [56, 56, 56],
        top=360,
    )
    assert triples(extract_changes([page(lines)])) == [("Web前端开发", "headcount", "中级", 80, 120)]


def test_table_without_field_column_infers_the_field_from_values():
    columns = [(150, 650), (650, 950), (950, 1250)]
    lines = grid([["证书名称", "变更前", "变更后"]], columns, [60], top=300)
    lines += grid(
        [["物流管理（中级）", "40人", "60人"], ["智能财税", "初级", "中级"]], columns, [56, 56], top=360
    )
    assert triples(extract_changes([page(lines)])) == [
        ("物流管理", "headcount", "中级", 40, 60),
        ("智能财税", "level", "初级", "初级", "中级"),
    ]


def test_same_change_in_table_prose_and_on_two_pages_is_listed_once():
    row = [["1", "Web前端开发（中级）", "人数规模", "80人", "120人", "x"]]
    prose = TextLine("将“Web前端开发”证书（中级）试点人数由80人调整为120人。", (150, 200, 1400, 232))
    first = page([prose, *_layout_a(row)], 1)
    annex = page([TextLine("附表", (150, 100, 250, 132)), *_layout_a(row)], 2)
    changes = extract_changes([first, annex])
    assert triples(changes) == [("Web前端开发", "headcount", "中级", 80, 120)]
    assert changes[0].page == 1


def test_an_unreadable_value_is_completed_by_another_reading():
    row = [["1", "Web前端开发（中级）", "人数规模", "??", "120人", "x"]]
    prose = TextLine("将“Web前端开发”证书试点人数由80人调整为120人。", (150, 200, 1400, 232))
    changes = extract_changes([page(_layout_a(row)), page([prose], 2)])
    assert triples(changes) == [("Web前端开发", "headcount", "中级", 80, 120)]


def test_different_levels_of_one_certificate_stay_apart():
    rows = [
        ["1", "Web前端开发（初级）", "人数规模", "80人", "120人", "x"],
        ["2", "Web前端开发（中级）", "人数规模", "80人", "120人", "x"],
    ]
    assert len(extract_changes([page(_layout_a(rows))])) == 2


def test_prose_wrapped_over_two_lines_is_read_whole():
    lines = [
        TextLine("1. 将“云计算平台运维与开发”证书（中级）试点人数由", (150, 200, 1400, 232)),
        TextLine("60人调整为90人。", (150, 250, 500, 282)),
    ]
    assert triples(extract_changes([page(lines)])) == [("云计算平台运维与开发", "headcount", "中级", 60, 90)]
