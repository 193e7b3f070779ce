"""Reading requested changes: value normalisers, prose, table rows, deduplication (spec §2 Changes).

The last tests run real OCR (RapidOCR, loaded once per session) on rendered pages.
"""

from __future__ import annotations

import pytest

from parsers.changes import (
    changes_from_prose,
    changes_from_row,
    delimited_rows,
    extract_changes,
    extract_document_changes,
)
from parsers.model import Document, DocumentClass, ExtractedChange, Page, TextLine
from parsers.normalise import (
    chinese_number,
    normalise_certificate,
    parse_field,
    parse_headcount,
    parse_level,
    parse_major,
    split_level,
)
from parsers.tables import find_tables
from parsers.vocabulary import Vocabulary
from tests.parsers.test_tables import HEADERS_A, LAYOUT_A, grid, header_a
from tests.scangen.tables import wrap_text


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
        ("建筑信息模型(BIM", "建筑信息模型(BIM)", None),
        ("电子商务数据分析高级)", "电子商务数据分析", "高级"),
        ("物流管理(初级", "物流管理", "初级"),
        ("1+X云计算平台运维与开发（中级）", "云计算平台运维与开发", "中级"),
        ("“1+X”物流管理职业技能等级证书", "物流管理", None),
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


def test_an_approval_row_run_on_under_a_change_table_states_no_change():
    """A boxed form's approval row with no rule between it and the change table: its label in the
    certificate column and 负责人签字：朱军 under 调整后 are no major and no change."""
    row = {("cert", None): "理部门(教务处)", ("field", None): "意见", ("to", None): "负责人签字：朱军"}
    assert changes_from_row(row) == []
    assert parse_major("负责人签名:朱军") is None


@pytest.mark.parametrize("text", ["120203K 会计学", "120203K会计学", "会计学（120203K）", "120801TK 会计学"])
def test_undergraduate_catalogue_codes_with_a_letter_are_dropped(text):
    assert parse_major(text) == "会计学"


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
        ("拟将大数据应用开发（Python）职业技能等级证书（中级）试点人数由80人调整为120人。",
         ("大数据应用开发(Python)", "headcount", "中级", 80, 120)),
        ("“建筑信息模型（BIM）”证书（初级）试点人数调增至60人。",
         ("建筑信息模型(BIM)", "headcount", "初级", None, 60)),
        ("一、Web前端开发证书（高级）考核专业由“计算机应用”变更为“软件技术”。",
         ("Web前端开发", "major", "高级", "计算机应用", "软件技术")),
        ("（2）物流管理（初级）人数规模由40人变更为50人。",
         ("物流管理", "headcount", "初级", 40, 50)),
        ("现申请调整如下：智能财税证书考核等级由初级变更为中级。",
         ("智能财税", "level", "初级", "初级", "中级")),
        ("一、申请增加“物流管理”证书（中级）试点人数5人（由60人增至65人）。",
         ("物流管理", "headcount", "中级", 60, 65)),
        ("二、更换考核专业：“数字媒体交互设计”证书（中级）080906数字媒体技术→软件工程。",
         ("数字媒体交互设计", "major", "中级", "数字媒体技术", "软件工程")),
        ("1. “汽车运用与维修”（初级）：试点人数80人→90人。",
         ("汽车运用与维修", "headcount", "初级", 80, 90)),
        ("拟将汽车运用与维修职业技能等级证书（初级）的考核专业由“汽车运用与维修”调整为“机电技术应用”。",
         ("汽车运用与维修", "major", "初级", "汽车运用与维修", "机电技术应用")),
        # A bulleted item whose field is labelled, the old value after a colon instead of 由.
        ("◆智能财税（中级）申报人数：40人 改为 35人",
         ("智能财税", "headcount", "中级", 40, 35)),
        ("物流管理（初级）考核等级：初级改为中级",
         ("物流管理", "level", "初级", "初级", "中级")),
        ("网络安全运维（中级）考核专业由原来的080911TK网络空间安全变更为自动化。",
         ("网络安全运维", "major", "中级", "网络空间安全", "自动化")),
        ("失智老年人照护职业技能等级证书（中级）试点人数原申报为40人，现申请调整为85。",
         ("失智老年人照护", "headcount", "中级", 40, 85)),
        ("拟将智能财税（初级）的考核等级调整由原来的初级变更为中级，原因是结合实训条件。",
         ("智能财税", "level", "初级", "初级", "中级")),
        # OCR lost the bracket closing the level at the line's end: the level is still the certificate's.
        ("将“物流管理”证书（中级试点人数由60人调整为80人。",
         ("物流管理", "headcount", "中级", 60, 80)),
        ("◆建筑信息模型(BIM)(初级))考核专业:建筑工程施工一>数字媒体技术应用",
         ("建筑信息模型(BIM)", "major", "初级", "建筑工程施工", "数字媒体技术应用")),
        # The difference first, in two glyphs, then the values after a comma (deskgen seed 210001).
        ("一、“物流管理”（初级）试点人数增加5人，由70人调整为75人。",
         ("物流管理", "headcount", "初级", 70, 75)),
        # What the office is asked for (拟由), a verb of growth (扩大到), the field before a comma.
        ("3.物流管理（中级）的考核专业拟由现代物流管理变更为电子商务。",
         ("物流管理", "major", "中级", "现代物流管理", "电子商务")),
        ("一、“老年照护”（中级）扩大试点规模，由30人扩大到50人。",
         ("老年照护", "headcount", "中级", 30, 50)),
        # The old value after 原 alone (realgen seed 610032).
        ("（二）物流管理（初级）考核专业调整：原“730901物流服务与管理”调整为“电子商务”。",
         ("物流管理", "major", "初级", "物流服务与管理", "电子商务")),
        # The old value with no 由 before it, or after the new one in brackets.
        ("5.将物流管理（中级）申报人数60人调整为80人。",
         ("物流管理", "headcount", "中级", 60, 80)),
        ("3.物流管理证书（中级）申报人数调整为80人（原申报60人）。",
         ("物流管理", "headcount", "中级", 60, 80)),
        ("Web前端开发证书（中级）考核专业调整为软件技术（原为计算机应用）。",
         ("Web前端开发", "major", "中级", "计算机应用", "软件技术")),
    ],
)  # fmt: skip
def test_prose_variants(sentence, expected):
    assert triples(changes_from_prose(sentence)) == [expected]


@pytest.mark.parametrize(
    ("sentence", "old", "new"),
    [
        # A seal's ring took the 9 of 90 (deskgen seed 310005): the difference restores it.
        ("3.《Web前端开发》（初级)试点人数增加45人，由45人调整为0人。", 45, 90),
        ("物流管理（初级）试点人数减少10人，由40人调整为3人。", 40, 30),
        # What disagrees otherwise is what the school wrote, and stays.
        ("物流管理（初级）试点人数增加10人，由40人调整为55人。", 40, 55),
        # Without a difference there is nothing to restore from.
        ("物流管理（初级）试点人数由40人调整为5人。", 40, 5),
    ],
)  # fmt: skip
def test_a_stated_difference_restores_a_new_headcount_read_short(sentence, old, new):
    assert triples(changes_from_prose(sentence)) == [("物流管理" if "物流" in sentence else "Web前端开发",
                                                      "headcount", "初级", old, new)]


def test_one_sentence_may_carry_two_changes_of_one_certificate():
    text = "将“建筑信息模型（BIM）”证书考核等级由初级调整为中级，试点人数由40人调整为60人。"
    assert triples(changes_from_prose(text)) == [
        ("建筑信息模型(BIM)", "level", "初级", "初级", "中级"),
        ("建筑信息模型(BIM)", "headcount", None, 40, 60),
    ]


def test_quoted_majors_are_not_taken_for_certificates():
    text = "将“物流管理”证书（中级）考核专业由“物流服务与管理”调整为“电子商务”，试点人数由40人调整为50人。"
    assert [c.certificate for c in changes_from_prose(text)] == ["物流管理", "物流管理"]


def test_value_ends_at_the_next_numbered_item_when_ocr_lost_the_full_stop():
    text = (
        "1.将“物流管理”证书（中级）考核专业由“物流服务与管理”调整为“电子商务”"
        "2.将“智能财税”证书试点人数由8人调整为12人"
    )
    assert triples(changes_from_prose(text)) == [
        ("物流管理", "major", "中级", "物流服务与管理", "电子商务"),
        ("智能财税", "headcount", None, 8, 12),
    ]


def test_value_ends_at_a_paragraph_end():
    lines = [
        TextLine("3. 将“物流管理”证书（初级）考核专业由“物流服务与管理”调整为“电子商", (176, 400, 1110, 430)),
        TextLine("务", (120, 445, 150, 475)),
        TextLine("特此申请。", (170, 500, 300, 530)),
    ]
    assert triples(extract_changes([page(lines)])) == [
        ("物流管理", "major", "初级", "物流服务与管理", "电子商务")
    ]


def test_value_stops_at_the_closing_line_when_ocr_lost_quote_and_full_stop():
    text = "1.将“物流管理”证书（中级）考核专业由“会计事务”调整为“计算机应用特此申请。全ss站/”"
    assert triples(changes_from_prose(text)) == [("物流管理", "major", "中级", "会计事务", "计算机应用")]


def test_a_sentence_cut_short_by_ocr_keeps_the_change_with_no_new_value():
    text = "2.将“网络系统建设与运维”证书（初级）试点人数由140人调\n特此申请。"
    assert triples(changes_from_prose(text)) == [("网络系统建设与运维", "headcount", "初级", 140, None)]


def test_a_sentence_without_a_change_gives_nothing():
    assert changes_from_prose("我校已于3月在平台完成2024年度证书申报，现申请调整如下：") == []


def test_a_bare_name_needs_a_certificate_word_or_a_level():
    assert changes_from_prose("一、招生人数由80人调整为120人。原申报专业由于计划调整为新专业。") == []


def test_numbered_bare_items_without_full_stops_stay_apart():
    text = (
        "1. Web前端开发证书（中级）试点人数由80人调整为120人2. 物流管理（初级）考核专业由护理变更为软件技术"
    )
    assert triples(changes_from_prose(text)) == [
        ("Web前端开发", "headcount", "中级", 80, 120),
        ("物流管理", "major", "初级", "护理", "软件技术"),
    ]


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



def test_a_quoted_value_wrapped_at_the_margin_is_read_whole_beside_a_date_further_out():
    """“软 | 件技术” wraps at the paragraph's margin; a signed date reaching past it is no margin."""
    lines = [
        TextLine("我校部分证书申报信息需要调整，经学校同意，特申请调整如下：", (430, 620, 1735, 673)),
        TextLine("1.“大数据应用开发（Python)”证书（初级）申报专业由“大数据技术”调整为“软", (430, 761, 1739, 816)),
        TextLine("件技术”。调整原因：专业名称调整。", (434, 820, 1020, 875)),
        TextLine("（熊桂）2024年3月04日", (1410, 1258, 1913, 1325)),
    ]
    assert triples(extract_changes([page(lines)])) == [
        ("大数据应用开发(Python)", "major", "初级", "大数据技术", "软件技术")
    ]

def test_a_value_that_fills_its_line_ends_at_the_blank_line_under_it():
    """othergen seed 190007: the item's line reaches the margin, so only the white under it ends the
    paragraph; 妥否，请批示。 is the letter's next paragraph, no part of the new major."""
    lines = [
        TextLine("我校已于2024年3月10日前在职业技能等级证书信息管理服务平台完成2024年度证", (269, 441, 1262, 484)),
        TextLine("书试点申报。因专业招生计划变化，经学校证书试点管理部门审核、校级分管领导同", (215, 488, 1246, 532)),
        TextLine("意，现申请对部分证书申报内容作如下调整:", (218, 541, 755, 579)),
        TextLine("拟将网络安全运维（中级）的专业由原来的080911TK网络空间安全变更为自动化", (268, 592, 1259, 635)),
        TextLine("妥否，请批示。", (269, 695, 467, 740)),
        TextLine("联系人：苏志联系电话：17193970186", (215, 771, 669, 808)),
    ]
    vocabulary = Vocabulary(("网络安全运维",), ("网络空间安全", "自动化"))
    assert triples(extract_changes([page(lines)], vocabulary)) == [
        ("网络安全运维", "major", "中级", "网络空间安全", "自动化")
    ]


def test_lines_of_one_paragraph_stay_joined_whatever_the_spacing_between_paragraphs():
    """Double-spaced lines are as far apart as any two: none stands apart from the others."""
    lines = [TextLine("1. 将“云计算平台运维与开发”证书（中级）试点人数由", (150, 200, 1400, 232)),
             TextLine("60人调整为90人。", (150, 262, 500, 294)),
             TextLine("2. 将“物流管理”证书（初级）考核专业由“物流服务与管理”调整为“电子", (150, 324, 1400, 356)),
             TextLine("商务”。", (150, 386, 300, 418))]
    assert triples(extract_changes([page(lines)])) == [
        ("云计算平台运维与开发", "headcount", "中级", 60, 90),
        ("物流管理", "major", "初级", "物流服务与管理", "电子商务"),
    ]


def test_a_new_major_with_its_code_is_not_cut_at_a_certificate_of_the_same_name():
    """othergen seed 190002: 汽车运用与维修 is a certificate and a major; written with its catalogue
    code, the major was cut at the certificate's name, leaving 700206 and no major."""
    vocabulary = Vocabulary(("智能财税", "汽车运用与维修"), ("会计事务", "汽车运用与维修"))
    text = "智能财税职业技能等级证书(初级)试点专业:会计事务调整为700206汽车运用与维修\n以上调整均在申报期内提出"
    assert triples(changes_from_prose(text, vocabulary)) == [
        ("智能财税", "major", "初级", "会计事务", "汽车运用与维修")
    ]


@pytest.mark.parametrize("item", ["试点人数30人→50人", "试点人数由30人调整为50人"])
def test_a_certificate_the_registry_does_not_hold_is_read_before_a_colon_and_its_field(item):
    """officegen seed 190031: 老年照护 is no certificate of the registry (so no_matching_application),
    named only by its wording, and a colon stands between its level and the field."""
    vocabulary = Vocabulary(("汽车运用与维修", "Web前端开发"), ())
    text = f"二、Web前端开发职业技能等级证书(中级):试点人数40人→30人。\n三、老年照护职业技能等级证书(初级):{item}。"
    assert sorted(triples(changes_from_prose(text, vocabulary))) == [
        ("Web前端开发", "headcount", "中级", 40, 30), ("老年照护", "headcount", "初级", 30, 50)
    ]


# --- Born-digital PDFs: the generator's letters read back through the text layer -----------------


@pytest.mark.parametrize(
    ("layout", "annex"),
    [("table_a", "none"), ("table_b", "page"), ("table_c", "attachment"), ("table_wide", "none"),
     ("prose", "none"), ("prose_and_table", "page")],
)  # fmt: skip
def test_born_digital_letters_read_back_through_their_text_layer(layout, annex):
    from parsers.attachments import load_documents
    from parsers.changes import extract_document_changes
    from parsers.model import Attachment
    from tests.scangen import make_scan

    scan = make_scan(17, variety=True, digital=True, layout=layout, annex=annex, prose_style="bare")
    documents = load_documents([Attachment(name, "application/pdf", data) for name, data in scan.documents])
    assert len(documents) == (2 if annex == "attachment" else 1)
    assert all(page.text_source == "text" for document in documents for page in document.pages)
    expected = [
        (normalise_certificate(c.certificate), c.field, c.level, c.from_value, c.to_value)
        for c in scan.truth.changes
    ]
    assert sorted(triples(extract_document_changes(documents)), key=str) == sorted(expected, key=str)


# --- End to end on real OCR -------------------------------------------------------------------

FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"


@pytest.fixture(scope="session")
def ocr():
    """Page image → TextLines with the project's RapidOCR engine (one model load per session)."""
    from parsers.ocr import make_engine

    return make_engine("rapidocr").recognize


def _draw_table(draw, font, left, top, widths, rows, merged=(), size=24):
    """A ruled table; rows[i][j] is a cell text (None under a merged cell), merged = {(i, j): rows}."""
    merged = dict(merged)
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    pitch = int(size * 1.35)
    wrapped = [[wrap_text(draw, c or "", font, xs[j + 1] - xs[j] - 14) for j, c in enumerate(r)] for r in rows]
    heights = [max(len(c) for c in r) * pitch + size for r in wrapped]
    ys = [top]
    for h in heights:
        ys.append(ys[-1] + h)
    for i, row in enumerate(wrapped):
        for j, cell in enumerate(row):
            if rows[i][j] is None:
                continue
            bottom = ys[i + merged.get((i, j), 1)]
            y = (ys[i] + bottom - len(cell) * pitch) // 2 + (pitch - size) // 2
            for line in cell:
                draw.text(((xs[j] + xs[j + 1]) // 2, y), line, font=font, fill=(20, 20, 20), anchor="ma")
                y += pitch
            draw.rectangle((xs[j], ys[i], xs[j + 1], bottom), outline=(30, 30, 30), width=2)
    return ys[-1]


def _request_page():
    """Letter page with prose, a layout A table (wrapped and merged cells) and a wide table."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1240, 1754), "white")
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(FONT, 24)
    text = [
        "申请单位：南京市莫愁中等专业学校（盖章）",
        "我校申请对2024年证书申报作如下调整：",
        "1. 将“老年照护”证书（中级）试点人数由60人调整为90人。",
        "2. 将「智能财税」证书（初级）考核专业由‘730302 大数据与会计’调整为",
        "『会计事务』。",
    ]
    for i, line in enumerate(text):
        draw.text((110, 120 + i * 44), line, font=font, fill=(20, 20, 20))
    rows_a = [
        ["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"],
        ["1", "Web前端开发（中级）", "人数规模", "80人", "120人", "招生计划调整"],
        ["2", "建筑信息模型（BIM）（初级）", "考核等级", "初级", "中级", "实训条件提升"],
        ["3", "物流管理（中级）", "人数规模", "40人", "60人", "学生意愿变化"],
        ["4", None, "考核专业", "物流服务与管理", "电子商务", "专业设置变化"],
        ["5", "老年照护（中级）", "人数规模", "60人", "90人", "招生计划调整"],
    ]
    bottom = _draw_table(draw, font, 110, 380, [70, 290, 150, 190, 170, 150], rows_a, {(3, 1): 2})
    draw.text((110, bottom + 40), "附表：证书试点人数调整", font=font, fill=(20, 20, 20))
    rows_wide = [
        ["证书名称", "等级", "原人数", "调整后人数"],
        ["云计算平台运维与开发", "中级", "50", "70"],
        ["界面设计", "高级", "30", "30"],
    ]
    _draw_table(draw, font, 110, bottom + 100, [420, 140, 200, 220], rows_wide)
    return image


@pytest.fixture(scope="module")
def request_lines(ocr) -> list[TextLine]:
    return ocr(_request_page())


@pytest.mark.slow
def test_ocr_page_with_prose_layout_a_and_wide_table(request_lines):
    changes = extract_changes([page(request_lines)])
    assert sorted(triples(changes), key=str) == sorted(
        [
            ("Web前端开发", "headcount", "中级", 80, 120),
            ("建筑信息模型(BIM)", "level", "初级", "初级", "中级"),
            ("物流管理", "headcount", "中级", 40, 60),
            ("物流管理", "major", "中级", "物流服务与管理", "电子商务"),
            ("老年照护", "headcount", "中级", 60, 90),
            ("云计算平台运维与开发", "headcount", "中级", 50, 70),
            ("智能财税", "major", "初级", "大数据与会计", "会计事务"),
        ],
        key=str,
    )


@pytest.mark.slow
def test_ocr_applicant_unit_line(request_lines):
    from parsers.fields import applicant_unit

    assert applicant_unit([page(request_lines)]) == "南京市莫愁中等专业学校"


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "layout"), [(3, "table_a"), (11, "table_b"), (5, "prose_and_table")])
def test_ocr_generated_scans_match_their_truth(ocr, seed, layout):
    from parsers.fields import applicant_unit
    from tests.scangen import make_scan

    scan = make_scan(seed, style="clean", layout=layout)
    lines = ocr(scan.clean)
    expected = [
        (normalise_certificate(c.certificate), c.field, c.level, c.from_value, c.to_value)
        for c in scan.truth.changes
    ]
    assert sorted(triples(extract_changes([page(lines)])), key=str) == sorted(expected, key=str)
    assert applicant_unit([page(lines)]) == scan.truth.applicant_unit


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "overrides"),
    [(21, {"layout": "table_c", "ruling": "none", "font": "uming", "annex": "page"}),
     (22, {"layout": "table_wide", "ruling": "three_line", "font": "microhei", "annex": "attachment"}),
     (23, {"layout": "prose", "prose_style": "bare", "numbering": "chinese", "font": "sans"})],
)  # fmt: skip
def test_ocr_varied_letters_match_their_truth(ocr, seed, overrides):
    """Unruled and three-line tables on an annex page or in a second attachment, bare numbered prose."""
    from parsers.changes import extract_document_changes
    from parsers.model import Document, DocumentClass
    from tests.scangen import make_scan

    scan = make_scan(seed, style="clean", variety=True, digital=False, **overrides)
    images = [scan.clean, *scan.annex]
    groups = [images] if scan.truth.annex != "attachment" else [images[:1], images[1:]]
    documents = [
        Document(f"{k}.pdf", "", DocumentClass.READABLE, "application/pdf",
                 pages=[page(ocr(image), n) for n, image in enumerate(group, 1)])
        for k, group in enumerate(groups)
    ]  # fmt: skip
    expected = [
        (normalise_certificate(c.certificate), c.field, c.level, c.from_value, c.to_value)
        for c in scan.truth.changes
    ]
    assert sorted(triples(extract_document_changes(documents)), key=str) == sorted(expected, key=str)


def test_a_row_with_an_old_value_only_is_no_change_even_under_a_field_column():
    columns = [(150, 650), (650, 950), (950, 1250)]
    lines = grid([["证书名称", "变更前", "变更后"]], columns, [60], top=300)
    lines += grid(
        [["物流管理（中级）", "40人", "60人"], ["智能财税（初级）", "50人", None]], columns, [56, 56], top=360
    )
    assert triples(extract_changes([page(lines)])) == [("物流管理", "headcount", "中级", 40, 60)]
    with_field = _layout_a([["1", "智能财税（初级）", "人数规模", "50人", None, "x"]])
    assert triples(extract_changes([page(with_field)])) == []


@pytest.mark.parametrize("kept", ["—", "/", "不变", "保持不变", "50人"])
def test_a_new_value_that_states_no_change_is_no_change(kept):
    rows = _layout_a([["1", "智能财税（初级）", "人数规模", "50人", kept, "x"],
                      ["2", "物流管理（中级）", "人数规模", "40人", "60人", "x"]])  # fmt: skip
    assert triples(extract_changes([page(rows)])) == [("物流管理", "headcount", "中级", 40, 60)]


@pytest.mark.parametrize("half_read", ["不", "变", "不 变", "同原", "整"])
def test_a_half_read_bubian_is_no_major_change(half_read):
    """OCR loses glyphs of 不变 or 不调整 in a narrow cell: a lone 不, 变 or 整 is no major's name."""
    columns = [(150, 450), (450, 800), (800, 1150)]
    lines = grid([["证书名称：智能财税（中级）"]], [(150, 1150)], [50], top=250)
    lines += grid([["调整项目", "原申报", "拟调整为"]], columns, [56], top=320)
    lines += grid([["试点人数", "40", "50"], ["考核专业", "530302 大数据与会计", half_read]], columns, [56, 56], top=376)
    assert triples(extract_changes([page(lines)])) == [("智能财税", "headcount", "中级", 40, 50)]


def test_a_row_marked_bu_tiaozheng_is_no_change():
    rows = _layout_a([["1", "智能财税（初级）", "不调整", "50人", "80人", "x"],
                      ["2", "物流管理（中级）", "人数规模", "40人", "60人", "x"]])  # fmt: skip
    assert triples(extract_changes([page(rows)])) == [("物流管理", "headcount", "中级", 40, 60)]


def test_a_vertical_form_takes_its_certificate_from_the_line_above():
    columns = [(150, 450), (450, 800), (800, 1150)]
    lines = grid([["证书名称：智能财税（中级）"]], [(150, 1150)], [50], top=250)
    lines += grid([["调整项目", "原申报", "拟调整为"]], columns, [56], top=320)
    lines += grid([["试点人数", "40", "50"], ["考核专业", "530302 大数据与会计", "不变"], ["考核等级", "中级", "中级"]],
                  columns, [56, 56, 56], top=376)  # fmt: skip
    assert triples(extract_changes([page(lines)])) == [("智能财税", "headcount", "中级", 40, 50)]


def test_a_two_row_header_qualifies_each_column_by_the_group_above_it():
    columns = [(80, 150), (150, 400), (400, 480), (480, 660), (660, 740), (740, 820), (820, 1000), (1000, 1080)]
    lines = grid([["原申报信息"]], [(400, 740)], [50], top=250) + grid([["调整后信息"]], [(740, 1080)], [50], top=250)
    lines += grid([["序号", "证书名称"]], columns[:2], [100], top=250)
    lines += grid([["等级", "专业", "人数", "等级", "专业", "人数"]], columns[2:], [50], top=300)
    lines += grid([["1", "Web前端开发", "中级", "计算机应用", "80", "中级", "计算机应用", "120"],
                   ["2", "智能财税", "初级", "会计事务", "40", "中级", "会计事务", "40"]],
                  columns, [56, 56], top=350)  # fmt: skip
    assert triples(extract_changes([page(lines)])) == [
        ("Web前端开发", "headcount", "中级", 80, 120),
        ("智能财税", "level", "初级", "初级", "中级"),
    ]


def test_a_certificate_named_on_both_sides_of_a_before_and_after_header_is_named_once():
    """roundgen seed 907: 调整前（原申报） and 调整后（拟调整） each over 证书名称 | 等级 | 专业 | 人数; the name
    stands in both halves of a row, and the row's certificate is that name, not the two joined."""
    columns = [(80, 150), (150, 400), (400, 480), (480, 660), (660, 740),
               (740, 990), (990, 1070), (1070, 1250), (1250, 1330)]  # fmt: skip
    lines = grid([["调整前（原申报）"]], [(150, 740)], [50], top=250) + grid([["调整后（拟调整）"]], [(740, 1330)], [50], top=250)
    lines += grid([["序号"]], columns[:1], [100], top=250)
    lines += grid([["证书名称", "等级", "专业", "人数", "证书名称", "等级", "专业", "人数"]], columns[1:], [50], top=300)
    lines += grid([["1", "物流管理", "中级", "现代物流管理", "70", "物流管理", "中级", "电子商务", "70"],
                   ["2", "数字媒体交互设计", "中级", "数字媒体技术", "40", "数字媒体交互设计", "中级", "数字媒体技术", "50"]],
                  columns, [56, 56], top=350)  # fmt: skip
    assert triples(extract_changes([page(lines)])) == [
        ("物流管理", "major", "中级", "现代物流管理", "电子商务"),
        ("数字媒体交互设计", "headcount", "中级", 40, 50),
    ]


def test_a_form_set_out_in_words_gives_each_value_after_its_label():
    """roundgen seed 915: one certificate per numbered item, each value after its label, no table and no
    sentence: 证书名称：… 等级：… / 调整事项：… 原申报：… 现申请：…; the last item runs on into the closing
    paragraph where OCR joined the lines."""
    text = ("现将具体情况报告如下:\n1.证书名称:Web前端开发等级:初级\n调整事项:考核等级原申报:初级现申请:高级\n"
            "2.证书名称:业财一体信息化应用职业技能等级证书等级:中级\n调整事项:试点人数原申报:45人现申请:40\n"
            "3.证书名称:物流管理等级:初级\n调整事项:考核专业原申报:730801物流服务与管理现申请:730701电子商务"
            "以上调整已经学校证书试点管理部门审核、校级分管领导同意。")
    assert triples(changes_from_prose(text)) == [
        ("Web前端开发", "level", "初级", "初级", "高级"),
        ("业财一体信息化应用", "headcount", "中级", 45, 40),
        ("物流管理", "major", "初级", "物流服务与管理", "电子商务"),
    ]


@pytest.mark.parametrize("unchanged", ["一", "", "same"])
def test_a_summary_of_all_declarations_states_changes_only_in_its_after_columns(unchanged):
    """roundgen seeds 905, 919, 926: a landscape 汇总表 over every declaration, 序号 | 证书名称 | 等级 | 专业代码 |
    专业名称 | 可参与专业在校生数 | 原申报人数 | 是否调整 | 调整后等级 | 调整后专业 | 调整后人数 | 备注. Beside an 调整后
    column with no 原 one, the plain 等级 and 专业 columns hold the old values; 在校生数 is no value of a change;
    是否调整 否 marks a row that changes nothing; an unchanged cell is —, blank or the old value again."""
    columns = [(40, 100), (100, 360), (360, 440), (440, 560), (560, 760), (760, 880), (880, 980), (980, 1060),
               (1060, 1160), (1160, 1360), (1360, 1460), (1460, 1600)]
    lines = grid([["序号", "证书名称", "等级", "专业代码", "专业名称", ["可参与专业", "在校生数"], ["原申报人", "数"],
                   ["是否调", "整"], ["调整后等", "级"], "调整后专业", ["调整后人", "数"], "备注"]], columns, [50], top=250)
    def after(new, old):
        return new if new else (old if unchanged == "same" else unchanged or None)
    rows = [["1", "电子商务数据分析", "中级", "530701", "电子商务", "260", "120", "否",
             after(None, "中级"), after(None, "电子商务"), after(None, "120"), None],
            ["2", "财务共享服务", "中级", "530302", "大数据与会计", "180", "80", "是",
             after("高级", "中级"), after(None, "大数据与会计"), after(None, "80"), "按报名调整"],
            ["3", "物流管理", "初级", "530802", "现代物流管理", "150", "70", "是",
             after(None, "初级"), after("电子商务", "现代物流管理"), after("90", "70"), None]]
    lines += grid(rows, columns, [56, 56, 56], top=300)
    assert triples(extract_changes([page(lines)])) == [
        ("财务共享服务", "level", "中级", "中级", "高级"),
        ("物流管理", "major", "初级", "现代物流管理", "电子商务"),
        ("物流管理", "headcount", "初级", 70, 90),
    ]


def test_registry_names_anchor_items_that_carry_no_certificate_word():
    vocabulary = Vocabulary(("智能财税", "Web前端开发", "物流管理"))
    text = (
        "经学校研究，现申请调整如下：\n2.智能财祝（初级）申报规模由原来的80人调整到100人；"
        "（3）Web前端开发试点人数由40人减少至30人；二、物流管理等级由初级调整为中级。"
    )
    assert triples(changes_from_prose(text, vocabulary)) == [
        ("智能财税", "headcount", "初级", 80, 100),
        ("Web前端开发", "headcount", None, 40, 30),
        ("物流管理", "level", "初级", "初级", "中级"),
    ]
    # without the registry a name is read as written, and only where the wording marks it
    assert triples(changes_from_prose(text))[0] == ("智能财祝", "headcount", "初级", 80, 100)


def test_a_box_run_over_the_certificate_and_field_cells_is_cut_where_the_name_ends():
    """A text layer joins a cell's text with the next one: “网店运营推广”（初级）考核等级."""
    columns = [(150, 230), (230, 600), (600, 760), (760, 960), (960, 1160)]
    lines = grid([["序号", "证书名称", "调整事项", "原申报", "调整后"]], columns, [60], top=300)
    lines += grid([["1", None, None, "初级", "中级"]], columns, [60], top=360)
    lines.append(TextLine("“网店运营推广”（初级）考核等级", (262, 376, 742, 404), 1.0))
    lines.append(TextLine("2建筑信息模型（BIM）", (160, 436, 470, 464), 1.0))  # 序号 run into the name
    lines += grid([[None, None, "人数规模", "35人", "65人"]], columns, [60], top=420)
    assert triples(extract_changes([page(lines)])) == [
        ("网店运营推广", "level", "初级", "初级", "中级"),
        ("建筑信息模型(BIM)", "headcount", None, 35, 65),
    ]


def test_a_row_of_values_under_the_header_is_never_a_second_header():
    columns = [(150, 230), (230, 600), (600, 760), (760, 960), (960, 1160)]
    lines = grid([["序号", "证书名称", "调整事项", "原申报", "拟调整为"]], columns, [60], top=300)
    lines += grid([["1", "电子商务数据分析证书（初级）", "试点人数", "45", "85"]], columns, [60], top=360)
    assert triples(extract_changes([page(lines)])) == [("电子商务数据分析", "headcount", "初级", 45, 85)]


def test_two_signature_rows_ending_in_dates_are_no_right_margin():
    """The dates of two signature rows stand further right than the paragraph's lines: the margin
    is where the prose wraps, so a sentence wrapped there still reads as one."""
    lines = [
        TextLine("一、申请增加“物流管理”证书（中级）试点人数5人（由60人", (277, 713, 1424, 755)),
        TextLine("增至65人）。", (194, 784, 444, 826)),
        TextLine("我校已于3月5日在职业技能等级证书信息管理服务平台完成2024", (277, 430, 1444, 471)),
        TextLine("管理部门和校级分管领导研究同意，现申请对部分证书申报内容进行", (194, 571, 1444, 613)),
        TextLine("证书试点管理部门意见：同意调整", (194, 1123, 836, 1164)),
        TextLine("签字：", (944, 1123, 1069, 1164)),
        TextLine("2024年3月6日", (1305, 1123, 1555, 1164)),
        TextLine("分管校领导意见：原则同意", (194, 1267, 711, 1309)),
        TextLine("签字：", (944, 1267, 1069, 1309)),
        TextLine("2024年3月6日", (1305, 1267, 1555, 1309)),
    ]
    assert triples(extract_changes([page(lines)])) == [("物流管理", "headcount", "中级", 60, 65)]


def test_an_unquoted_registry_name_before_an_arrow_opens_the_change():
    vocabulary = Vocabulary(("汽车运用与维修",), ())
    changes = changes_from_prose("一、汽车运用与维修（初级）：试点人数80人→90人。", vocabulary)
    assert triples(changes) == [("汽车运用与维修", "headcount", "初级", 80, 90)]


@pytest.mark.parametrize("code", ["", "500304"])
def test_a_level_whose_closing_bracket_ocr_lost_is_no_part_of_the_old_value(code):
    """…证书（初级 at a line's end, the bracket lost, then the old value (with its code or not) → the new."""
    vocabulary = Vocabulary(("船舶动力装置维护",), ())
    text = f"一、更换考核专业：船舶动力装置维护职业技能等级证书（初级{code}轮机工程技术→人工智能技术应用。"
    assert triples(changes_from_prose(text, vocabulary)) == [
        ("船舶动力装置维护", "major", "初级", "轮机工程技术", "人工智能技术应用")]


def test_numbered_items_on_joined_lines_each_keep_their_own_certificate():
    """An item that fills its line runs on into the next one ("…调整为高级二、智能财税…"): the new value
    ends at the next item's number; an arrow's old value may be a certificate's name itself."""
    vocabulary = Vocabulary(("船舶动力装置维护", "智能财税", "物流管理"), ())
    text = ("一、拟将“船舶动力装置维护”证书考核等级由初级调整为高级二、智能财税（中级）：试点人数80人→100人。"
            "三、更换考核专业:“物流管理”证书（中级)物流管理→大数据与会计。")
    assert triples(changes_from_prose(text, vocabulary)) == [
        ("船舶动力装置维护", "level", "初级", "初级", "高级"),
        ("智能财税", "headcount", "中级", 80, 100),
        ("物流管理", "major", "中级", "物流管理", "大数据与会计"),
    ]


@pytest.mark.parametrize(("cell", "named"), [
    ("网络系统建设与", "网络系统建设与运维"),  # OCR lost the wrapped cell's second line
    ("网络系统建设与运推", "网络系统建设与运维"),  # one glyph misread
    ("不变Web前端开发软件技术", None),  # cells run together: not what the cell names
    ("物流", None),  # too little of a name to say
    ("智能财税", None),  # a certificate the registry does not hold is read as written
    ("网络系统建设与运维(中级)拟同意", "网络系统建设与运维"),  # an opinion below run on after name and level
    ("网络系统建设与运维职业技能等级证书拟同意", "网络系统建设与运维"),  # … after the official title
])  # fmt: skip
def test_a_table_cell_names_a_known_certificate_up_to_ocr_damage(cell, named):
    vocabulary = Vocabulary(("网络系统建设与运维", "Web前端开发", "物流管理"), ())
    assert vocabulary.certificate_named(cell) == named


def test_a_table_certificate_cut_short_is_linked_by_its_registry_name():
    lines = header_a() + grid([["1", ["网络系统建设与"], "人数规模", "120人", "110人", None]], LAYOUT_A, [60])
    vocabulary = Vocabulary(("网络系统建设与运维",), ())
    assert triples(extract_changes([page(lines)], vocabulary)) == [("网络系统建设与运维", "headcount", None, 120, 110)]


@pytest.mark.parametrize(("old", "new", "want"), [
    ("会计事务", "统计事务", ("会计事务", "统计事务")),  # a major the school does not enrol, one glyph from one it does
    ("会计事物", "统计事务", ("会计事务", "统计事务")),  # the old names a declaration: it snaps, the new stays
    ("会计事物", "大数据与会计", ("会计事务", "大数据与会计")),  # a misread old value still snaps
])  # fmt: skip
def test_two_majors_the_document_tells_apart_are_not_snapped_onto_one(old, new, want):
    lines = header_a() + grid([["1", ["智能财税"], "考核专业", old, new, None]], LAYOUT_A, [60])
    vocabulary = Vocabulary(("智能财税",), ("会计事务", "大数据与会计"))
    assert triples(extract_changes([page(lines)], vocabulary)) == [("智能财税", "major", None, *want)]


def test_an_opening_quote_nothing_closes_opens_no_value():
    """realgen seed 830011, a phone photo: OCR read a seal's stroke after an item that lost its full stop
    as “; taken for a quoted value it ran to the end of the page and the item's change was lost."""
    text = "●将“电子商务数据分析”证书(初级)试点人数调增25人(由80人调整为105人)“中\n江苏省中等专业学校2024年3月日"
    vocabulary = Vocabulary(("电子商务数据分析",), ())
    assert triples(changes_from_prose(text, vocabulary)) == [("电子商务数据分析", "headcount", "初级", 80, 105)]


def test_a_totals_row_is_no_change():
    rows = [["1", "数控车铣加工（初级）", "人数规模", "65人", "45人", None],
            ["合计", None, None, "170人", "115人", None]]
    lines = header_a() + grid(rows, LAYOUT_A, [60, 60])
    assert triples(extract_changes([page(lines)])) == [("数控车铣加工", "headcount", "初级", 65, 45)]


@pytest.mark.parametrize(("before", "delta", "want"), [
    (None, "+25", 40),  # othergen seed 7900000003: OCR lost the old headcount's cell
    (None, "一20", 85),  # a minus read as 一
    ("40", "+30", 40),  # the old headcount read stays what it says
])  # fmt: skip
def test_an_old_headcount_ocr_lost_is_the_new_one_less_the_stated_difference(before, delta, want):
    columns = [(110, 500), (500, 800), (800, 1100), (1100, 1300)]
    lines = grid([["证书名称", "原申报人数", "调整后人数", "增减"], ["财务共享服务（高级）", before, "65", delta]],
                 columns, [60, 60])
    assert triples(extract_changes([page(lines)])) == [("财务共享服务", "headcount", "高级", want, 65)]


def test_a_form_row_title_beside_wrapped_prose_is_no_part_of_the_sentence():
    """调整事项 in the left cell, centred on the cell's rows, lands among the lines of the items."""
    lines = [
        TextLine("1. 数控车铣加工（初级）：试点人数65人→75人；", (420, 564, 1242, 611)),
        TextLine("2. 拟将汽车运用与维修职业技能等级证书（初级）的考核专业由“汽", (420, 617, 1518, 664)),
        TextLine("调整事项", (171, 688, 335, 745)),
        TextLine("车运用与维修”调整为“机电技术应用”；", (420, 668, 1098, 721)),
    ]
    vocabulary = Vocabulary(("数控车铣加工",), ())
    assert sorted(triples(extract_changes([page(lines)], vocabulary))) == [
        ("数控车铣加工", "headcount", "初级", 65, 75),
        ("汽车运用与维修", "major", "初级", "汽车运用与维修", "机电技术应用"),
    ]


@pytest.mark.parametrize(("value", "named"), [
    ("大数据与会", "大数据与会计"),  # OCR lost the cell's last glyph
    ("大数据与会汁", "大数据与会计"),  # one glyph misread
    ("会计", None),  # too short to say: read as written
    ("机电技术应用", None),  # a major the registry does not hold: read as written
])  # fmt: skip
def test_a_major_value_names_a_known_major_up_to_ocr_damage(value, named):
    assert Vocabulary((), ("大数据与会计", "会计事务")).major_named(value) == named


def test_a_major_cut_short_in_a_table_is_read_as_the_registry_spells_it():
    lines = header_a() + grid([["1", "智能财税（中级）", "考核专业", "大数据与会", "物联网应用", None]], LAYOUT_A, [60])
    vocabulary = Vocabulary(("智能财税",), ("大数据与会计", "物联网应用技术"))
    assert triples(extract_changes([page(lines)], vocabulary)) == [("智能财税", "major", "中级", "大数据与会计", "物联网应用技术")]



def test_a_major_stated_alike_in_the_letter_and_its_table_is_read_as_written():
    """wildgen seed 1070013: 统计事务, a major the school does not offer, one glyph from the registry's
    会计事务, read alike in the letter's sentence and in its annex table: the page says it (major_not_offered),
    OCR did not misread 会计事务 twice. Said once, a value one glyph off is OCR's damage to a known major."""
    letter = [TextLine("一是智能财税职业技能等级证书（中级）试点专业由“财经事务”变更为“统计事务”。", (110, 100, 1500, 140), 0.99)]
    annex = header_a() + grid([["1", "智能财税（中级）", "考核专业", "财经事务", "统计事务", None]], LAYOUT_A, [60])
    vocabulary = Vocabulary(("智能财税",), ("会计事务", "财经事务"))
    stated_twice = [("智能财税", "major", "中级", "财经事务", "统计事务")]
    assert triples(extract_changes([page(letter), page(annex, 2)], vocabulary)) == stated_twice
    assert triples(extract_document_changes([Document("letter.pdf", "", DocumentClass.READABLE, "application/pdf", [page(letter)]),
                                             Document("annex.jpg", "", DocumentClass.READABLE, "image/jpeg", [page(annex)])],
                                            vocabulary)) == stated_twice
    damaged = header_a() + grid([["1", "智能财税（中级）", "考核专业", "财经事务", "会计事努", None]], LAYOUT_A, [60])
    assert triples(extract_changes([page(damaged)], vocabulary)) == [("智能财税", "major", "中级", "财经事务", "会计事务")]

def test_an_item_opening_with_申请增加_names_the_certificate_after_it():
    changes = changes_from_prose("二、申请增加大数据财务分析（中级）试点人数10人（由20人增至30人。")
    assert triples(changes) == [("大数据财务分析", "headcount", "中级", 20, 30)]


def test_a_known_major_broken_by_a_line_that_ends_early_is_read_whole():
    """The item's line ends two glyphs short of the margin, so a paragraph break is put there; a name
    the registry holds does not end at it (…调整为康复 / 治疗技术；)."""
    text = "一、将老年照护(中级)的考核专业由智慧健康养老服务与管理调整为康复\n治疗技术；\n二、将母婴护理（初级）的考核专业由护理调整为康复治疗技术。"
    vocabulary = Vocabulary(("老年照护", "母婴护理"), ("智慧健康养老服务与管理", "康复治疗技术", "护理"))
    assert triples(changes_from_prose(text, vocabulary)) == [
        ("老年照护", "major", "中级", "智慧健康养老服务与管理", "康复治疗技术"),
        ("母婴护理", "major", "初级", "护理", "康复治疗技术"),
    ]
    assert triples(changes_from_prose(text, Vocabulary(("老年照护", "母婴护理"), ())))[0][-1] == "康复"


def test_a_block_titled_by_a_registry_name_alone_keeps_its_declared_level():
    """智能财税 alone titles the block (the registry knows the name); its 考核等级 row, unchanged,
    states the level the change links by."""
    columns = [(150, 500), (500, 1050), (1050, 1600)]
    lines = [TextLine("智能财税", (130, 600, 234, 630), 0.98)]
    lines += grid([["调整项目", "原申报", "拟调整为"]], columns, [46], top=640)
    lines += grid([["试点人数", "60", "115"], ["考核等级", "中级", "中级"]], columns, [46, 46], top=686)
    vocabulary = Vocabulary(("智能财税", "物流管理"))
    assert triples(extract_changes([page(lines)], vocabulary)) == [("智能财税", "headcount", "中级", 60, 115)]


def test_a_field_cell_that_ran_over_the_level_says_less_than_its_values():
    """OCR ran a header over 等级 | 调整类型, so 初级 and 调增 share a cell that reads as a level field;
    25 → 30 are two headcounts whatever that cell says."""
    row = {("cert", None): "数控车铣加工", ("field", None): "初级调增", ("from", None): "25", ("to", None): "30",
           ("count", None): "+5"}
    assert [(c.field, c.from_value, c.to_value) for c in changes_from_row(row)] == [("headcount", 25, 30)]


def test_two_sheets_scanned_side_by_side_are_read_one_after_the_other():
    """A letter and its approval form scanned onto one landscape page: the form's lines stand on the
    letter's rows, and a sentence must not run on into them."""
    left = [
        "我校现申请对部分证书申报内容作如下调整：",
        "将“建筑信息模型（BIM）”证书（中级）试点人数由45人调整为70",
        "。另外，“物流管理（中级）”的申报人数从40调整至30，原因是",
        "学生报名意愿变化。恳请予以批准。",
        "联系人：彭秀航",
    ]
    right = ["证书申报调整审核意见表", "2024年1+X证书申报信息调整，共2项", "填表日期：2024年3月15日", "调整事项：",
             "学校证书试点管理部门意见："]
    lines = [TextLine(text, (150, 300 + 60 * i, 150 + 30 * len(text), 340 + 60 * i), 0.99) for i, text in enumerate(left)]
    lines += [TextLine(text, (1600, 300 + 60 * i, 1600 + 30 * len(text), 340 + 60 * i), 0.99) for i, text in enumerate(right)]
    page = Page(number=1, lines=lines, width=2916, height=2057, text_source="ocr")
    assert triples(extract_changes([page])) == [
        ("建筑信息模型(BIM)", "headcount", "中级", 45, 70),
        ("物流管理", "headcount", "中级", 40, 30),
    ]


def test_a_watermark_s_words_across_the_page_are_no_part_of_a_sentence():
    """仅供证书申报调整使用 set diagonally across a scan: OCR gives its words in boxes taller and wider than
    a few print lines, which would otherwise join the rows they cross."""
    lines = [
        TextLine("我校已于2024年3月2日前在职业技能等级证书信息管理服务平台完成2024年度证", (208, 265, 1099, 301), 1.0),
        TextLine("书试点申报。因专业招生计划变化，经学校证书试点管理部门审核、校级分管领导同", (158, 306, 1094, 346), 0.99),
        TextLine("意，现申请对部分证书申报内容作如下调整：", (156, 348, 653, 391), 0.98),
        TextLine("界面设计证书（初级）人数规模：45人→50人", (182, 405, 777, 450), 0.97),
        TextLine("Web前端开发证书 专业：计算机应用→710204 数字媒体技术应用", (184, 453, 970, 495), 0.97),
        TextLine("以上调整均在申报期内提出，特此申请。", (205, 514, 666, 557), 0.99),
        TextLine("联系人：吕涵玉", (156, 593, 409, 632), 0.98),
    ]
    lines += [TextLine("仅供证书", (0, 395, 232, 615), 0.97), TextLine("申报调整", (615, 441, 806, 611), 0.9),
              TextLine("使用", (208, 597, 580, 898), 0.95)]
    page = Page(number=1, lines=lines, width=1268, height=1774, text_source="ocr")
    assert triples(extract_changes([page])) == [
        ("界面设计", "headcount", "初级", 45, 50),
        ("Web前端开发", "major", None, "计算机应用", "数字媒体技术应用"),
    ]


def _boxes(cells: list[tuple[str, float, float, float]]) -> list[TextLine]:
    """Text boxes (text, left, top, right) 28 px tall, as a born-digital PDF's text layer gives them."""
    return [TextLine(text, (x0, y0, x1, y0 + 28), 1.0) for text, x0, y0, x1 in cells]


def _statement_header(top: float) -> list[tuple[str, float, float, float]]:
    """序号 | 证书名称 | 调整内容 | 调整原因 at `top`, as an esign_pdf letter sets them."""
    return [("序号", 216, top, 272), ("证书名称", 464, top, 575), ("调整内容", 937, top, 1048),
            ("调整原因", 1291, top, 1402)]


def test_a_table_that_states_each_change_in_words_is_read_row_by_row():
    """序号 | 证书名称 | 调整内容 | 调整原因 with the change said in the 调整内容 cell: each row is read as its
    certificate's sentence, its wrapped cells joined, and the reason beside it is no value."""
    lines = _boxes([
        *_statement_header(594),
        ("学生报名意愿变", 1250, 670, 1444), ("1", 237, 688, 251), ("建筑信息模型（BIM）（中级）", 332, 688, 707),
        ("试点人数由45人调整为60人", 826, 688, 1159), ("化", 1333, 706, 1361),
        ("装配式建筑构件制作与安装（中级", 311, 781, 728), ("试点专业：440502建设工程管理→", 777, 781, 1208),
        ("专业招生计划调", 1250, 781, 1444), ("2", 237, 799, 251), ("）", 506, 817, 534),
        ("510203软件技术", 888, 817, 1097), ("整", 1333, 817, 1361),
        ("可编程控制器系统应用编程职业技", 311, 891, 728), ("考核站点容量调", 1250, 891, 1444), ("3", 237, 909, 251),
        ("考核等级调整：初级→中级", 826, 909, 1159), ("能等级证书（初级）", 311, 927, 728), ("整", 1333, 927, 1361),
        ("证书试点管理部门意见：同意。", 197, 1030, 679),
    ])
    assert triples(extract_changes([page(lines)])) == [
        ("建筑信息模型(BIM)", "headcount", "中级", 45, 60),
        ("装配式建筑构件制作与安装", "major", "中级", "建设工程管理", "软件技术"),
        ("可编程控制器系统应用编程", "level", "初级", "初级", "中级"),
    ]


def test_a_wrapped_new_major_that_holds_a_glyph_of_a_field_word_opens_no_row():
    """The 调整内容 cell wraps its new major (…→530302大 / 数据与会计): 数据与会计 holds 数, a glyph of 人数,
    but is no misread field label, so it continues the row the 序号 2 opens instead of opening a third."""
    lines = _boxes([
        *_statement_header(535),
        ("考核站点容量调", 1249, 612, 1444), ("1", 237, 630, 251), ("移动应用开发", 436, 630, 603),
        ("试点人数由35调整为50人", 839, 630, 1145), ("整", 1332, 648, 1360),
        ("试点专业：现代物流管理→530302大", 763, 722, 1221), ("根据专业实际在", 1249, 722, 1444),
        ("2", 237, 740, 251), ("物流管理（中级）", 408, 740, 630), ("数据与会计", 922, 758, 1061),
        ("校生人数", 1291, 758, 1402),
    ])
    assert triples(extract_changes([page(lines)])) == [
        ("移动应用开发", "headcount", None, 35, 50),
        ("物流管理", "major", "中级", "现代物流管理", "大数据与会计"),
    ]


@pytest.mark.parametrize(("text", "field"), [
    ("考核等圾", "level"), ("试点人教", "headcount"), ("等圾", "level"), ("专亚", "major"),
    ("数据与会计", None), ("人工智能", None), ("调整事项", None),
])  # fmt: skip
def test_a_field_label_with_one_glyph_misread_is_still_one_and_a_short_major_is_none(text, field):
    assert parse_field(text) == field


def test_cells_ocr_ran_together_across_half_the_table_are_split_not_taken_for_prose():
    """A 会签单's change table at 200 dpi: OCR boxed the old major, the new major and the reason of the second
    row as one line over half the table wide. Beside the row's other cells and spaced into words, it is
    those cells run together (each word to the column it stands in), not a sentence ending the table."""
    lines = [
        TextLine(text, box, 0.95) for text, box in [
            ("证书名称", (258, 570, 391, 623)), ("等级", (529, 565, 613, 621)), ("调整项目", (651, 565, 782, 617)),
            ("调整前", (876, 564, 984, 617)), ("调整后", (1114, 562, 1221, 615)), ("备注", (1354, 558, 1436, 615)),
            ("食品检验管理", (238, 668, 417, 712)), ("中", (549, 664, 592, 708)), ("试点人数", (655, 660, 785, 712)),
            ("70人", (893, 655, 971, 712)), ("150", (1139, 660, 1199, 703)),
            ("食品检验管理职业技能等级", (155, 756, 502, 804)),
            ("490102 食品营养 540106 酒店管理 根据二级学院论", (823, 748, 1502, 796)),
            ("证书", (287, 794, 365, 846)), ("初", (548, 776, 596, 824)), ("试点专业", (655, 773, 785, 824)),
            ("与健康", (882, 787, 987, 840)), ("与数字化运营", (1079, 787, 1263, 837)), ("证意见", (1347, 785, 1449, 833)),
            ("会签部门", (245, 916, 381, 969)), ("意见", (727, 907, 839, 969)), ("签字/日期", (1220, 904, 1372, 960)),
        ]
    ]
    assert triples(extract_changes([page(lines)])) == [
        ("食品检验管理", "headcount", "中级", 70, 150),
        ("食品检验管理", "major", "初级", "食品营养与健康", "酒店管理与数字化运营"),
    ]


def test_a_totals_row_tight_under_the_only_change_is_a_row_of_its_own():
    """A spreadsheet photographed: its 合计 row sits as tight under the one change as a wrapped cell's next
    line, and repeats its values. A totals row opens a row of its own, which states no change; it was
    read into the change's cells (50 50 → 65 65)."""
    lines = [
        TextLine(text, box, 0.95) for text, box in [
            ("序号", (194, 412, 249, 448)), ("证书名称", (346, 409, 448, 445)), ("等级", (553, 406, 609, 439)),
            ("调整类型", (626, 403, 727, 441)), ("调整后", (752, 397, 837, 440)), ("调整前", (879, 398, 959, 436)),
            ("增减人数", (992, 396, 1096, 433)), ("备注", (1136, 395, 1192, 430)),
            ("智能财税", (347, 467, 445, 503)), ("初级", (552, 464, 609, 499)), ("调增", (651, 461, 705, 497)),
            ("65", (821, 461, 857, 494)), ("50", (944, 459, 981, 490)), ("+15", (1058, 456, 1103, 486)),
            ("1", (477, 473, 505, 498)), ("1", (210, 473, 235, 504)), ("一", (588, 511, 613, 527)),
            ("65", (820, 515, 857, 547)), ("50", (942, 512, 981, 546)),
            ("+15", (1055, 511, 1106, 543)), ("合计", (195, 525, 251, 561)),
        ]
    ]
    vocabulary = Vocabulary(("智能财税",), ())  # the stray 1 beside the name is the sheet's, not the name's
    assert triples(extract_changes([page(lines)], vocabulary)) == [("智能财税", "headcount", "初级", 50, 65)]


def test_a_sentence_across_a_table_still_ends_it():
    """Prose under a table, a line as wide as the table beside nothing: the table ends there."""
    lines = [
        TextLine(text, box, 0.95) for text, box in [
            ("证书名称", (258, 570, 391, 623)), ("调整项目", (651, 565, 782, 617)),
            ("调整前", (876, 564, 984, 617)), ("调整后", (1114, 562, 1221, 615)),
            ("物流管理", (238, 668, 417, 712)), ("试点人数", (655, 660, 785, 712)),
            ("70人", (893, 655, 971, 712)), ("80", (1139, 660, 1199, 703)),
            ("以上调整 经学校研究 同意 特此申请", (230, 760, 1220, 805)),
            ("智能财税", (238, 840, 417, 884)), ("试点人数", (655, 840, 785, 884)),
            ("40人", (893, 840, 971, 884)), ("60", (1139, 840, 1199, 884)),
        ]
    ]
    assert [t.rows for t in find_tables(lines)][0] == [
        {("cert", None): "物流管理", ("field", None): "试点人数", ("from", None): "70人", ("to", None): "80"}]


def test_a_known_certificate_run_on_after_a_new_value_opens_the_next_change():
    """Two items on tight rows that OCR joined into one line: the new value ends where the next
    certificate the registry knows begins, and that certificate owns the clause after it."""
    vocabulary = Vocabulary(("汽车运用与维修", "城市轨道交通运营服务"), ("汽车运用与维修", "计算机应用"))
    text = "汽车运用与维修证书(初级)考核专业:汽车运用与维修改为计算机应用城市轨道交通运营服务(初级)人数规模:45人改为55人"
    assert triples(changes_from_prose(text, vocabulary)) == [
        ("汽车运用与维修", "major", "初级", "汽车运用与维修", "计算机应用"),
        ("城市轨道交通运营服务", "headcount", "初级", 45, 55),
    ]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("城市轨道交通运营服务（初级）考核等级调整：初级调整为中级",
     ("城市轨道交通运营服务", "level", "初级", "初级", "中级")),
    ("物流管理证书（中级）人数变更：40人→50人", ("物流管理", "headcount", "中级", 40, 50)),
    ("“汽车检测与维修”证书（初级）考核专业由汽车检测与维修改为汽车运用与维修。",
     ("汽车检测与维修", "major", "初级", "汽车检测与维修", "汽车运用与维修")),
])  # fmt: skip
def test_a_field_word_may_be_followed_by_调整_before_its_colon_and_维修_is_no_verb(sentence, expected):
    assert triples(changes_from_prose(sentence)) == [expected]


def test_a_table_on_one_sheet_leaves_the_sentences_beside_it_on_the_other_sheet_to_be_read():
    """Two sheets scanned onto one landscape page: a letter on the left, a change table on the right at
    the same height. The table's cells are not read again as prose; the letter's sentences are."""
    left = ["我校现申请对部分证书申报内容作如下调整：", "将“物流管理”证书（中级）试点人数由40人调整为30人。",
            "特此申请。", "联系人：彭秀航", "联系电话：13800000000"]
    lines = [TextLine(text, (150, 300 + 60 * i, 150 + 30 * len(text), 340 + 60 * i), 0.99) for i, text in enumerate(left)]
    table = [[("证书名称", 1600), ("调整事项", 1900), ("原申报内容", 2150), ("调整后内容", 2450)],
             [("智能财税（初级）", 1560), ("试点人数", 1900), ("60人", 2190), ("80人", 2490)]]
    for i, row in enumerate(table):
        lines += [TextLine(text, (x, 330 + 60 * i, x + 30 * len(text), 370 + 60 * i), 0.99) for text, x in row]
    page = Page(number=1, lines=lines, width=2916, height=2057, text_source="ocr")
    assert sorted(triples(extract_changes([page]))) == [
        ("智能财税", "headcount", "初级", 60, 80),
        ("物流管理", "headcount", "中级", 40, 30),
    ]


def test_an_arrow_s_new_value_ends_at_the_closing_words_when_the_full_stop_was_lost():
    text = "一、更换考核专业：“智能财税”（初级）会计事务→计算机应用特此申请，请予审核。"
    assert triples(changes_from_prose(text)) == [("智能财税", "major", "初级", "会计事务", "计算机应用")]


def test_a_new_value_ends_at_the_closing_sentence_run_on_into_it():
    text = "网店运营推广证书（初级）考核专业：电子商务改为移动应用开发以上调整均在申报期内提出，特此申请。"
    assert triples(changes_from_prose(text)) == [("网店运营推广", "major", "初级", "电子商务", "移动应用开发")]


@pytest.mark.parametrize("reason", ["原因是根据二级学院论证意见。", "理由：专业停招。", "因为招生计划调整。",
                                    "由于专业停招。", "根据学生报考意愿。"])
def test_a_new_value_ends_where_the_reason_for_it_runs_on(reason):
    """othergen seed 9700000014: the sentence wrapped after the new major and the comma before the reason
    was lost; the reason is no part of the major."""
    text = "拟将界面设计证书（初级）的专业由原来的数字媒体技术应用变更为计算机应用" + reason
    assert triples(changes_from_prose(text)) == [("界面设计", "major", "初级", "数字媒体技术应用", "计算机应用")]


def test_申_before_the_old_headcount_is_ocr_s_由():
    """realgen seed 890002: 调减5人（由40人调整为35人） with 由 read as 申, which the word 申 never is before figures;
    the new value ends at the closing bracket, though the signature block's unit runs on after it."""
    text = "2. 将“电子商务数据分析”试点人数调减5人（申40人调整为35人）南京信息职业技术学院2024年3月2日"
    assert triples(changes_from_prose(text)) == [("电子商务数据分析", "headcount", None, 40, 35)]


def test_a_major_in_a_sentence_is_read_as_the_registry_spells_it_up_to_ocr_damage():
    """A speck OCR read as ※ after the new major of a sentence, as in a table cell: the registry's major."""
    vocabulary = Vocabulary(("多工序数控机床操作",), ("数控技术", "电气自动化技术"))
    lines = [TextLine("多工序数控机床操作（中级）考核专业由数控技术调整为电气自动化技术※", (150, 300, 1100, 340), 0.95)]
    assert triples(extract_changes([page(lines)], vocabulary)) == [
        ("多工序数控机床操作", "major", "中级", "数控技术", "电气自动化技术")]


@pytest.mark.parametrize("arrow", ["→", "->", "—>", "一>", "-->", "⟶"])
def test_an_arrow_however_drawn_or_read_states_old_and_new(arrow):
    """—> as OCR reads its dash (一, a glyph of its shape), and the other ways an arrow is typed."""
    vocabulary = Vocabulary(("智能财税",), ())
    text = f"◆智能财税（初级）人数规模：60人{arrow}70人"
    assert triples(changes_from_prose(text, vocabulary)) == [("智能财税", "headcount", "初级", 60, 70)]


def test_a_known_major_that_holds_a_certificate_s_name_is_not_cut_at_it():
    vocabulary = Vocabulary(("Web前端开发", "物流管理"), ("软件技术", "现代物流管理"))
    text = "“Web前端开发”的试点专业从软件技术调整至现代物流管理。"
    assert triples(changes_from_prose(text, vocabulary)) == [("Web前端开发", "major", None, "软件技术", "现代物流管理")]


def test_a_form_s_row_title_alone_between_two_wrapped_lines_is_no_part_of_the_sentence():
    """wildgen seed 970005, a 呈批件: its 内容摘要 title sits in the left cell, centred between two wrapped
    lines of the prose in the cell beside it (…由“大数据与会计”变更 / 内容摘要 / 为“大数据与审计”，人数不变。)."""
    texts = [("我院2024年1+X证书申报拟作如下调整：", 350, 100),
             ("1.“业财一体信息化应用”（中级）试点专业由“大数据与会计”变更", 350, 160),
             ("内容摘要", 150, 190),
             ("为“大数据与审计”，人数不变。", 350, 220)]
    lines = [TextLine(text, (x, y, x + (1400 - 350 if len(text) > 25 else 30 * len(text)), y + 40), 0.99)
             for text, x, y in texts]
    page = Page(number=1, lines=lines, width=1654, height=2339, text_source="ocr")
    assert triples(extract_changes([page])) == [("业财一体信息化应用", "major", "中级", "大数据与会计", "大数据与审计")]


def test_a_change_said_in_a_调整内容_cell_beside_its_level_and_调整类型_is_read():
    """wildgen seed 970017, an 审批表: 序号 | 证书名称 | 等级 | 调整类型 | 调整内容 | 调整原因, the change said in
    the 调整内容 cell (中级 → 初级, 由80人调整为100人) with no columns of old and new values."""
    columns = [(100, 180), (180, 560), (560, 680), (680, 880), (880, 1240), (1240, 1560)]
    lines = grid([["序号", "证书名称", "等级", "调整类型", "调整内容", "调整原因"]], columns, [60], top=300)
    lines += grid([["1", "多工序数控机床操作职业技能等级证书", "中级", "考核等级", "中级 → 初级", "按年级重新核定"],
                   ["2", "物流管理", "初级", "试点人数", "由80人调整为100人", "报名人数增加"]], columns, [60, 60], top=360)
    page = Page(number=1, lines=lines, width=1654, height=2339, text_source="ocr")
    assert sorted(triples(extract_changes([page]))) == [
        ("多工序数控机床操作", "level", "中级", "中级", "初级"), ("物流管理", "headcount", "初级", 80, 100)]


def test_a_table_of_changes_in_words_without_a_certificate_column_reads_each_row_as_its_sentence():
    """copygen seeds 130, 147: 序号 | 调整事项 | 备注, each change said in words in one wide cell wrapped over
    two lines (…申报人数由4 / 5人变更为20人), its 序号 between them: each row is its cell's sentence, with
    the certificate it names, not prose across the table."""
    lines = [
        TextLine("序号", (172, 836, 270, 900), 1.0), TextLine("调整事项", (294, 838, 464, 896), 1.0),
        TextLine("备注", (1105, 832, 1210, 905), 1.0),
        TextLine("1", (177, 954, 214, 1002), 1.0),
        TextLine("可编程控制器系统应用编程（中级）申报人数由4", (300, 925, 1091, 979), 1.0),
        TextLine("学生报名人数增加", (1114, 949, 1414, 1004), 1.0), TextLine("5人变更为20人", (297, 974, 553, 1030), 1.0),
        TextLine("网络系统建设与运维（初级）申报人数由50人调", (300, 1050, 1104, 1104), 1.0),
        TextLine("考核站点安排变化", (1117, 1074, 1417, 1130), 1.0), TextLine("2", (177, 1077, 220, 1131), 1.0),
        TextLine("整为20人", (297, 1101, 465, 1161), 1.0),
        TextLine("特此申请，请予审核。", (250, 1221, 620, 1272), 1.0),
    ]
    assert triples(extract_changes([page(lines)])) == [
        ("可编程控制器系统应用编程", "headcount", "中级", 45, 20),
        ("网络系统建设与运维", "headcount", "初级", 50, 20),
    ]


def test_a_worded_cell_wider_than_its_header_is_read_once_as_the_table_s():
    """copygen seed 606: 序号 | 申请调整事项 with nothing right of the header's words, the cells running on to
    the page's margin, one wrapped inside a quoted major's code (…变更为“740 / 101旅游服务与管理”). The table
    reaches as far right as its cells: the cell's first line is not read again as prose, with the code cut."""
    lines = [
        TextLine("序号", (159, 601, 256, 664), 1.0), TextLine("申请调整事项", (284, 605, 517, 661), 1.0),
        TextLine("1", (162, 700, 200, 751), 1.0),
        TextLine("电子商务数据分析（初级）试点人数由30人调整至70人", (284, 698, 1170, 755), 1.0),
        TextLine("茶艺职业技能等级证书（初级）考核专业由“茶艺与茶营销”变更为“740", (282, 874, 1475, 930), 1.0),
        TextLine("2", (162, 907, 200, 954), 1.0), TextLine("101旅游服务与管理”", (284, 930, 626, 980), 1.0),
        TextLine("特此申请，请予审核。", (230, 1043, 607, 1099), 1.0),
    ]
    assert triples(extract_changes([page(lines)])) == [
        ("电子商务数据分析", "headcount", "初级", 30, 70),
        ("茶艺", "major", "初级", "茶艺与茶营销", "旅游服务与管理"),
    ]


def test_a_quoted_value_wrapped_inside_its_catalogue_code_is_read_whole():
    """A value's quote opened at a line's end continues on the next line (…调整为“7701 / 01幼儿保育”。);
    a line that opens a new item is no continuation."""
    wrapped = "2.将老年照护证书（初级）的试点专业由“720201护理”调整为“7701\n01幼儿保育”。\n3.物流管理证书（初级）人数由60人调整为90人。"
    assert triples(changes_from_prose(wrapped)) == [("老年照护", "major", "初级", "护理", "幼儿保育"),
                                                    ("物流管理", "headcount", "初级", 60, 90)]


def test_a_worded_row_whose_lines_name_fields_is_still_one_row():
    """copygen seed 142: under 申请调整事项 (the field's column, not the new value's) each cell's first line
    names a field too (…职业技能等级证书 / 考核等级由初级调整为高级): the 序号 open the rows, not the field words."""
    lines = [
        TextLine("序号", (160, 608, 252, 663), 1.0), TextLine("申请调整事项", (286, 610, 513, 660), 1.0),
        TextLine("备注", (1094, 608, 1188, 664), 1.0),
        TextLine("个税计算（初级）考核专业由“会计事务”调整为", (287, 694, 1094, 741), 1.0),
        TextLine("原专业学生已参加其他", (1085, 697, 1467, 740), 1.0), TextLine("1", (164, 723, 193, 767), 1.0),
        TextLine("“电子商务”", (297, 743, 493, 794), 1.0), TextLine("证书", (1094, 743, 1186, 798), 1.0),
        TextLine("研学旅行策划与管理（EEPO）职业技能等级证书", (286, 822, 1076, 864), 1.0),
        TextLine("学生基础较好，拟提高", (1100, 822, 1467, 864), 1.0), TextLine("2", (162, 847, 199, 895), 1.0),
        TextLine("考核等级由初级调整为高级", (287, 874, 723, 917), 1.0), TextLine("考核等级", (1096, 867, 1256, 924), 1.0),
    ]
    assert triples(extract_changes([page(lines)])) == [
        ("个税计算", "major", "初级", "会计事务", "电子商务"),
        ("研学旅行策划与管理(EEPO)", "level", "初级", "初级", "高级"),
    ]


def test_a_level_after_a_quoted_official_title_belongs_to_its_certificate():
    """inboxgen seed 7010005: “Web前端开发职业技能等级证书”（中级）, the quote closing after the generic suffix and
    the level after the quote. The registry names the certificate inside the quotes; its level is (中级)."""
    vocabulary = Vocabulary(("Web前端开发",), ("软件技术", "大数据技术"))
    text = "（三）“Web前端开发职业技能等级证书”（中级）的考核专业由原来的“软件技术”调整为“大数据技术”。"
    assert triples(changes_from_prose(text, vocabulary)) == [("Web前端开发", "major", "中级", "软件技术", "大数据技术")]


def test_a_clause_cut_before_its_old_value_runs_on_into_the_next_line():
    """inboxgen seed 8010009: …考核专业由原来的 ending a line short of the margin, the values on the next
    (700209新能源汽车运用与维修专业调整到700206汽车运用与维修专业。): a paragraph does not end before a clause's value."""
    vocabulary = Vocabulary(("智能新能源汽车", "汽车运用与维修"), ("新能源汽车运用与维修", "汽车运用与维修"))
    text = "（二）智能新能源汽车职业技能等级证书（初级）的考核专业由原来的\n700209新能源汽车运用与维修专业调整到700206汽车运用与维修专业。"
    assert triples(changes_from_prose(text, vocabulary)) == [
        ("智能新能源汽车", "major", "初级", "新能源汽车运用与维修", "汽车运用与维修")]


@pytest.mark.parametrize("wording", [
    "一、工业机器人操作与运维证书原申报中级，现申请提升至高级。",
    "1. 工业机器人操作与运维证书由中级调整为高级。",
    "（1）“工业机器人操作与运维”证书原申报为中级，拟调整为高级；",
])
def test_a_level_change_said_by_its_levels_alone_needs_no_field_word(wording):
    """…证书原申报中级，现申请提升至高级: the two levels tell the field (fieldgen numeral_prose 1119)."""
    assert triples(changes_from_prose(wording)) == [("工业机器人操作与运维", "level", "中级", "中级", "高级")]


def test_changes_in_key_value_shorthand_are_read():
    """habitgen semicolon_items: one item per line, 证书：…；等级：…；调整内容：<field> <old>→<new>."""
    text = ("1. 证书：物流管理；等级：中级；调整内容：考核专业物流管理→计算机网络技术\n"
            "2. 证书：智能财税证书；等级：初级；调整内容：试点人数 60→80\n"
            "3. 证书：老年照护；等级：初级；调整内容：考核等级由初级调整为中级\n"
            "4. 证书：电子商务数据分析；等级：高级；调整内容：考核专业电子商务调整为物流管理。")
    assert triples(changes_from_prose(text)) == [
        ("物流管理", "major", "中级", "物流管理", "计算机网络技术"),
        ("智能财税", "headcount", "初级", 60, 80),
        ("老年照护", "level", "初级", "初级", "中级"),
        ("电子商务数据分析", "major", "高级", "电子商务", "物流管理"),
    ]


def test_a_table_typed_as_lines_with_slashes_between_its_cells_is_read():
    """habitgen semicolon_items: a line of column names parted by slashes, then one numbered line per row."""
    lines = [TextLine(text, (190, 590 + 55 * i, 190 + 24 * len(text), 630 + 55 * i), 0.96) for i, text in enumerate([
        "现申请如下：",
        "证书名称/等级/调整项目/原申报/调整后：",
        "1. 界面设计/初级/考核专业/440102建筑装饰工程技术/建设工程管理",
        "2. 建筑信息模型（BIM）/中级/考核等级/中级/高级",
        "特此申请，请予批准。",
    ])]
    assert triples(extract_changes([page(lines)])) == [
        ("界面设计", "major", "初级", "建筑装饰工程技术", "建设工程管理"),
        ("建筑信息模型(BIM)", "level", "中级", "中级", "高级"),
    ]


def test_a_count_of_people_is_never_read_as_a_major():
    """habitgen slip_photo 1106: the unit's name and date under the table ran into its 调整后 cell; the
    headcount no longer parsed, and 45人 → 25人淮州商贸职业学校2024年3月8日 was taken for a major."""
    row = {("cert", None): "物流管理", ("field", None): "试点人数", ("from", None): "45人",
           ("to", None): "25人淮州商贸职业学校2024年3月8日"}
    assert changes_from_row(row) == []  # the letter states the change again, in words


def test_a_form_with_old_and_new_lines_per_field_and_ticked_level_boxes_is_read():
    """habitgen checkbox_form: per change a 证书名称 line, then 原等级/调整后等级 as ticked boxes and 原…/调整后…
    lines per field; a pair that is equal, 不变 or unticked states nothing, nor a level whose tick OCR lost; a
    value ends before the next item's heading (调整四) run on after it."""
    text = ("调整一☑证书名称:幼儿照护\n调整类型：☑ □ 人数☑□ 等级\n原等级：□初级 中级□高级\n调整后等级：□初级 ☑中级 □高级\n"
            "原申报人数: 55\n调整后人数: 55人\n原专业：婴幼儿托育服务与管理\n调整后专业：康复治疗技术\n"
            "调整二\n证书名称：老年照护职业技能等级证书\n原等级：□初级☑中级□高级\n调整后等级：□初级 □中级 □高级\n"
            "原申报人数：80\n调整后人数:50\n原专业：智慧健康养老服务与管理\n调整后专业：☑不变\n"
            "调整三\n证书名称：智能财税\n原等级：口初级口中级口高级\n调整后等级：□初级 □中级 ☑高级\n"
            "原专业：会计事务\n调整后专业：会计事务调整四")
    assert triples(changes_from_prose(text)) == [
        ("幼儿照护", "major", None, "婴幼儿托育服务与管理", "康复治疗技术"),
        ("老年照护", "headcount", "中级", 80, 50),
    ]


def test_a_typed_table_run_into_its_paragraph_is_read_row_by_row():
    """habitgen semicolon_items 1229: lines as long as the page's widest ran on as one paragraph in the page's
    text; the header ends at its colon, each row where the next number begins, the last cell before the
    closing words."""
    text = ("需对以下证书的申报内容进行调整,特此申请:证书名称/等级/调整项目/原申报/调整后:1.物流管理/初级/考核等级/初级/中级"
            "2.网店运营推广/初级/考核专业/730701电子商务/计算机应用其余申报内容不变。恳请省1+X办公室予以审核。")
    assert [changes_from_row(row) for row in delimited_rows(text)] == [
        [ExtractedChange("物流管理", "level", "初级", "初级", "中级")],
        [ExtractedChange("网店运营推广", "major", "初级", "电子商务", "计算机应用")],
    ]
