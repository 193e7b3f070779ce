"""Table geometry on hand-built OCR boxes: columns from headers, rows from gaps, wrapped and merged cells."""

from __future__ import annotations

import pytest

from parsers.model import TextLine
from parsers.tables import classify_header, find_tables, visual_rows
from parsers.vocabulary import Vocabulary

CHAR_W, TEXT_H = 26.0, 30.0  # ~200 dpi scan of 小四 text
# A4 at 200 dpi: 序号 | 证书名称 | 调整事项 | 原申报内容 | 调整后内容 | 调整原因
LAYOUT_A = [(110, 190), (190, 600), (600, 800), (800, 1100), (1100, 1400), (1400, 1560)]
HEADERS_A = ["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"]


def place(
    lines: list[str], x0: float, y0: float, x1: float, y1: float, valign: str = "middle"
) -> list[TextLine]:
    """Text of one cell as OCR boxes: each line centred horizontally, stacked at 1.3 line height."""
    pitch = TEXT_H * 1.3
    block = TEXT_H + pitch * (len(lines) - 1)
    top = (y0 + y1 - block) / 2 if valign == "middle" else y0 + 10
    result = []
    for i, text in enumerate(lines):
        width = len(text) * CHAR_W
        left = (x0 + x1 - width) / 2
        y = top + i * pitch
        result.append(TextLine(text, (left, y + 1.5, left + width, y + TEXT_H - 0.5), 0.97))
    return result


def grid(
    rows: list[list[list[str] | str | None]],
    columns: list[tuple[float, float]],
    heights: list[float],
    top: float = 400,
    merged: dict[tuple[int, int], int] | None = None,
    valign: str = "middle",
) -> list[TextLine]:
    """Boxes of a table; rows[i][j] is a cell (a list for wrapped lines), merged[(i, j)] = rows spanned."""
    merged = merged or {}
    edges = [top]
    for h in heights:
        edges.append(edges[-1] + h)
    lines: list[TextLine] = []
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            if not cell:
                continue
            span = merged.get((i, j), 1)
            x0, x1 = columns[j]
            cell_lines = [cell] if isinstance(cell, str) else cell
            lines += place(cell_lines, x0, edges[i], x1, edges[i + span], valign)
    return lines


def header_a(top: float = 340) -> list[TextLine]:
    return grid([HEADERS_A], LAYOUT_A, [60], top=top)


def test_header_variants_classify_to_roles():
    assert classify_header("证书名称") == ("cert", None)
    assert classify_header("职业技能等级证书名称") == ("cert", None)
    assert classify_header("变更事项") == ("field", None)
    assert classify_header("调整类型") == ("field", None)
    assert classify_header("原申报") == ("from", None)
    assert classify_header("变更前") == ("from", None)
    assert classify_header("拟调整为") == ("to", None)
    assert classify_header("调整后人数") == ("to", "headcount")
    assert classify_header("原 人数") == ("from", "headcount")
    assert classify_header("考核等级") == ("level", None)
    assert classify_header("试点人数") == ("count", None)
    assert classify_header("调整原因") == ("reason", None)
    assert classify_header("申请调整为") == ("to", None)
    assert classify_header("申请调整事项") == ("field", None)  # copygen seed 142: not the new value's column
    assert classify_header("申请调整内容") == ("to", None)  # kindgen seed 135: the new value's column


def test_header_with_a_misread_character_still_classifies():
    assert classify_header("证书名杯") == ("cert", None)
    assert classify_header("调整事顶") == ("field", None)
    assert classify_header("调整厄内容") == ("to", None)


def test_before_and_after_with_both_glyphs_of_tiaozheng_misread_still_classify():
    """At 100 dpi OCR read 调整前 / 调整后 as 调盛前 / 黄盛后: the ending tells from which."""
    assert classify_header("调盛前") == ("from", None)
    assert classify_header("黄盛后") == ("to", None)
    # With the column's field after it (a headcount sheet's 调整后人数): still the new value's column.
    assert classify_header("黄盛后人数") == ("to", "headcount")
    assert classify_header("调盛前等级") == ("from", "level")


@pytest.mark.parametrize("wrapped", ["密，调整为", "情况。调整后", "核实；拟调整"])
def test_a_wrapped_reason_s_clause_is_no_header(wrapped):
    """A 调整原因 cell wraps mid-sentence (…关系不够紧 / 密，调整为 / 更契合的专业): a line of it holding 调整为
    is no header cell, and must not start another table under the first."""
    assert classify_header(wrapped) is None


def test_prose_line_is_not_a_header():
    assert classify_header("现将我校2024年证书申报调整事项报告如下") is None


def test_visual_rows_group_boxes_by_vertical_overlap():
    lines = [
        TextLine("b", (300, 102, 340, 130)),
        TextLine("a", (100, 100, 140, 128)),
        TextLine("c", (100, 160, 140, 190)),
    ]
    rows = visual_rows(lines)
    assert [[f.text for f in row] for row in rows] == [["a", "b"], ["c"]]


def test_layout_a_one_row_per_change():
    body = grid(
        [
            ["1", "Web前端开发（中级）", "人数规模", "80人", "120人", "学生报名踊跃"],
            ["2", "建筑信息模型（BIM）（初级）", "考核等级", "初级", "中级", "专业调整"],
        ],
        LAYOUT_A,
        [60, 60],
    )
    (table,) = find_tables(header_a() + body)
    assert [row[("cert", None)] for row in table.rows] == [
        "Web前端开发（中级）",
        "建筑信息模型（BIM）（初级）",
    ]
    assert [row[("to", None)] for row in table.rows] == ["120人", "中级"]
    assert table.rows[0][("field", None)] == "人数规模"


def test_wrapped_cells_are_joined_within_their_row():
    body = grid(
        [
            [
                "1",
                ["工业机器人操作", "与运维（中级）"],
                "考核专业",
                ["510201计算机", "应用技术"],
                "软件技术",
                "x",
            ],
            ["2", "物流管理（初级）", "人数规模", "40人", "60人", "x"],
        ],
        LAYOUT_A,
        [110, 60],
    )
    (table,) = find_tables(header_a() + body)
    assert table.rows[0][("cert", None)] == "工业机器人操作与运维（中级）"
    assert table.rows[0][("from", None)] == "510201计算机应用技术"
    assert table.rows[1][("from", None)] == "40人"



def test_a_major_s_code_boxed_apart_from_its_wrapped_name_reads_before_it():
    """changegen seed 10700000014: OCR boxed 440301 apart from 建筑工程技, whose box stands a few px
    higher, and 术 wrapped under them: the cell reads line by line, each left to right."""
    body = grid([["2", "建筑信息模型（BIM）（中级）", "考核专业", None, "计算机应用技术", "x"]], LAYOUT_A, [110])
    body += [TextLine("440301", (805, 437, 900, 484), 0.99), TextLine("建筑工程技", (903, 433, 1060, 484), 0.99),
             TextLine("术", (906, 472, 940, 523), 0.99)]
    (table,) = find_tables(header_a() + body)
    assert table.rows[0][("from", None)] == "440301建筑工程技术"

def test_top_aligned_wrapped_cells_stay_in_their_row():
    body = grid(
        [
            ["1", ["工业机器人操作", "与运维（中级）", "证书"], "人数规模", "80人", "100人", "x"],
            ["2", "物流管理（初级）", "人数规模", "40人", "60人", "x"],
        ],
        LAYOUT_A,
        [140, 60],
        valign="top",
    )
    (table,) = find_tables(header_a() + body)
    assert [row[("cert", None)] for row in table.rows] == [
        "工业机器人操作与运维（中级）证书",
        "物流管理（初级）",
    ]


def test_vertically_merged_certificate_covers_each_row_it_spans():
    rows = [
        ["1", "Web前端开发（中级）", "人数规模", "80人", "120人", "x"],
        ["2", None, "考核专业", "计算机应用", "软件技术", "x"],
        ["3", "物流管理（初级）", "人数规模", "40人", "60人", "x"],
    ]
    body = grid(rows, LAYOUT_A, [60, 60, 60], merged={(0, 1): 2})
    (table,) = find_tables(header_a() + body)
    assert [row[("cert", None)] for row in table.rows] == [
        "Web前端开发（中级）",
        "Web前端开发（中级）",
        "物流管理（初级）",
    ]


def test_merged_and_wrapped_certificate_spanning_three_rows():
    rows = [
        ["1", ["建筑信息模型", "（BIM）（初级）"], "人数规模", "80人", "120人", "x"],
        ["2", None, "考核专业", "建筑工程技术", "工程造价", "x"],
        ["3", None, "考核等级", "初级", "中级", "x"],
        ["4", "物流管理（初级）", "人数规模", "40人", "60人", "x"],
    ]
    body = grid(rows, LAYOUT_A, [60, 60, 60, 60], merged={(0, 1): 3})
    (table,) = find_tables(header_a() + body)
    certs = [row[("cert", None)] for row in table.rows]
    assert certs == ["建筑信息模型（BIM）（初级）"] * 3 + ["物流管理（初级）"]


def test_rows_without_serial_numbers_use_the_field_column():
    rows = [
        [None, "Web前端开发（中级）", "人数规模", "80人", "120人", None],
        [None, "物流管理（初级）", "考核等级", "初级", "中级", None],
    ]
    (table,) = find_tables(header_a() + grid(rows, LAYOUT_A, [60, 60]))
    assert [row[("to", None)] for row in table.rows] == ["120人", "中级"]


def test_wide_table_with_before_and_after_headcounts():
    columns = [(150, 650), (650, 850), (850, 1150), (1150, 1450)]
    header = grid([["证书名称", "等级", "原人数", "调整后人数"]], columns, [60], top=300)
    body = grid(
        [["Web前端开发", "中级", "80", "120"], ["云计算开发与运维", "初级", "50", "45"]],
        columns,
        [56, 56],
        top=360,
    )
    (table,) = find_tables(header + body)
    assert table.roles == [("cert", None), ("level", None), ("from", "headcount"), ("to", "headcount")]
    assert [row[("to", "headcount")] for row in table.rows] == ["120", "45"]
    assert [row[("level", None)] for row in table.rows] == ["中级", "初级"]


def test_two_line_header_is_read_as_one():
    header = grid(
        [["序号", "证书名称", "调整事项", ["原申报", "内容"], ["调整后", "内容"], "调整原因"]],
        LAYOUT_A,
        [90],
        top=310,
    )
    body = grid([["1", "物流管理（初级）", "人数规模", "40人", "60人", "x"]], LAYOUT_A, [60])
    (table,) = find_tables(header + body)
    assert table.rows[0][("from", None)] == "40人"


def test_prose_after_the_table_ends_it():
    body = grid([["1", "物流管理（初级）", "人数规模", "40人", "60人", "x"]], LAYOUT_A, [60])
    prose = [
        TextLine("以上调整事项经学校证书试点管理部门和校级分管领导同意，特此申请。", (110, 560, 1500, 590))
    ]
    (table,) = find_tables(header_a() + body + prose)
    assert len(table.rows) == 1


def test_box_run_across_a_column_border_is_split():
    lines = header_a() + grid([["1", "物流管理（初级）", "考核等级", None, None, None]], LAYOUT_A, [60])
    lines.append(TextLine("初级    中级", (900, 415, 1250, 445), 0.9))
    (table,) = find_tables(lines)
    assert (table.rows[0][("from", None)], table.rows[0][("to", None)]) == ("初级", "中级")


def test_tight_rows_keep_their_own_certificates():
    """Rows as close as two wrapped lines: each certificate lines up with its own row."""
    rows = [
        ["1", "老年照护（初级）", "人数规模", "70人", "120人", "x"],
        ["2", ["大数据应用开发（Pytho", "n）（初级）"], "人数规模", "160人", "180人", "x"],
        ["3", "电子商务数据分析（高级）", "人数规模", "140人", "190人", "x"],
    ]
    body = grid(rows, LAYOUT_A, [50, 86, 50], top=400)  # cell padding 10 px, line gap 11 px
    (table,) = find_tables(header_a(top=350) + body)
    certs = [row[("cert", None)] for row in table.rows]
    assert certs == ["老年照护（初级）", "大数据应用开发（Pytho n）（初级）", "电子商务数据分析（高级）"]


def test_intro_line_just_above_the_header_is_not_part_of_it():
    intro = [TextLine("现申请调整如下：", (112, 300, 330, 330))]
    body = grid([["1", "物流管理（初级）", "人数规模", "40人", "60人", "x"]], LAYOUT_A, [60])
    (table,) = find_tables(intro + header_a() + body)
    assert table.roles[0] == ("seq", None)
    assert table.rows[0][("to", None)] == "60人"


def test_certificate_whose_second_line_ocr_lost_still_opens_its_row():
    rows = [
        ["1", "老年照护（初级）", "人数规模", "70人", "120人", "x"],
        ["2", ["大数据应用开发（Pytho", "n）（初级）"], "人数规模", "160人", "180人", "x"],
    ]
    lines = [line for line in grid(rows, LAYOUT_A, [44, 80], top=400) if line.text != "n）（初级）"]
    (table,) = find_tables(header_a(top=350) + lines)
    assert [row[("cert", None)] for row in table.rows] == ["老年照护（初级）", "大数据应用开发（Pytho"]


# 证书名称 | 等级 | 调整类型 | 调整前 | 调整后, no 序号: the certificate column comes first and is wide.
LAYOUT_C = [(120, 620), (620, 760), (760, 960), (960, 1230), (1230, 1500)]
HEADERS_C = ["证书名称", "等级", "调整类型", "调整前", "调整后"]


def test_separate_level_column_without_serial_numbers():
    rows = [
        ["建筑信息模型（BIM）", "中级", "人数规模", "80人", "120人"],
        ["Web前端开发", None, "考核等级", "初级", "中级"],
    ]
    lines = grid([HEADERS_C], LAYOUT_C, [60], top=340) + grid(rows, LAYOUT_C, [60, 60])
    (table,) = find_tables(lines)
    assert table.roles == [("cert", None), ("level", None), ("field", None), ("from", None), ("to", None)]
    assert [row[("cert", None)] for row in table.rows] == ["建筑信息模型（BIM）", "Web前端开发"]
    assert [row.get(("level", None)) for row in table.rows] == ["中级", None]


def test_closing_sentence_under_a_wide_first_column_ends_the_table():
    rows = [["物流管理", "初级", "人数规模", "40人", "60人"]]
    lines = grid([HEADERS_C], LAYOUT_C, [60], top=340) + grid(rows, LAYOUT_C, [60])
    lines.append(TextLine("特此申请。", (180, 500, 310, 530)))
    (table,) = find_tables(lines)
    assert [row[("cert", None)] for row in table.rows] == ["物流管理"]


def test_wrapped_reason_ending_in_a_full_stop_stays_in_the_table():
    rows = [["1", "物流管理（初级）", "人数规模", "40人", "60人", ["招生计划", "调整。"]]]
    (table,) = find_tables(header_a() + grid(rows, LAYOUT_A, [90]))
    assert table.rows[0][("reason", None)] == "招生计划调整。"


def test_header_box_run_over_two_cells_is_cut_into_its_words():
    lines = header_a()
    run_on = [line for line in lines if line.text in ("调整事项", "原申报内容")]
    merged = TextLine(
        "调整事项原申报内容", (run_on[0].box[0], run_on[0].box[1], run_on[1].box[2], run_on[1].box[3])
    )
    lines = [line for line in lines if line not in run_on] + [merged]
    rows = [["1", "云计算平台运维与开发（中级）", "人数规模", "120人", "160人", "x"]]
    (table,) = find_tables(lines + grid(rows, LAYOUT_A, [60]))
    assert table.roles[:5] == [("seq", None), ("cert", None), ("field", None), ("from", None), ("to", None)]
    assert table.rows[0][("from", None)] == "120人"


def test_skewed_scan_keeps_each_table_row_together():
    rows = [
        ["1", "物流管理（初级）", "人数规模", "40人", "60人", "x"],
        ["2", "老年照护（中级）", "考核等级", "中级", "高级", "x"],
    ]
    slope = 0.025  # 1.4°: the right end of a row sits 35 px lower than its left end
    lines = [
        TextLine(line.text, (x0, y0 + slope * x0, x1, y1 + slope * x0))
        for line in header_a() + grid(rows, LAYOUT_A, [60, 60])
        for x0, y0, x1, y1 in [line.box]
    ]
    (table,) = find_tables(lines)
    assert [(row[("from", None)], row[("to", None)]) for row in table.rows] == [
        ("40人", "60人"),
        ("中级", "高级"),
    ]


def test_unruled_cells_ocr_ran_together_are_cut_at_the_column_border():
    rows = [
        ["Web前端开发", "中级", "人数规模", "80人", "120人"],
        ["物流管理", "初级", "考核专业", "护理", "电子商务"],
    ]
    lines = grid([HEADERS_C], LAYOUT_C, [60], top=340) + grid(rows, LAYOUT_C, [60, 60])
    level, field = (
        next(ln for ln in lines if ln.text == t and ln.box[1] < 460) for t in ("中级", "人数规模")
    )
    lines = [ln for ln in lines if ln not in (level, field)]
    lines.append(TextLine("中级人数规模", (level.box[0], level.box[1], field.box[2], field.box[3])))
    (table,) = find_tables(lines)
    assert [(row.get(("level", None)), row[("field", None)]) for row in table.rows] == [
        ("中级", "人数规模"), ("初级", "考核专业"),
    ]  # fmt: skip


def test_a_lone_line_astride_the_columns_below_the_table_ends_it():
    rows = [["1", "物流管理（初级）", "人数规模", "40人", "60人", "x"]]
    sign_off = TextLine("徐州财经高等职业技术学校", (1150, 560, 1500, 590))
    (table,) = find_tables(header_a() + grid(rows, LAYOUT_A, [60]) + [sign_off])
    assert table.rows[0][("to", None)] == "60人"


def test_tight_rows_without_serial_numbers_open_on_their_own_values():
    """Rows closer than half a line: each line of values side by side is a row, even with one value lost."""
    columns = [(150, 650), (650, 850), (850, 1150), (1150, 1450)]
    header = grid([["证书名称", "等级", "原申报入数", "调整后人数"]], columns, [60], top=300)
    rows = [
        ["Web前端开发", "中级", "80", "120"],
        ["物流管理", "初级", "50", None],
        ["老年照护", "初级", "40", "60"],
    ]
    (table,) = find_tables(header + grid(rows, columns, [42, 42, 42], top=360))
    assert table.roles[2] == ("from", "headcount")
    assert [row[("cert", None)] for row in table.rows] == ["Web前端开发", "物流管理", "老年照护"]


def test_tight_rows_of_the_same_field_stay_apart():
    rows = [
        ["物流管理", "初级", "人数规模", "40人", "60人"],
        ["老年照护", "中级", "人数规模", "70人", "80人"],
    ]
    lines = grid([HEADERS_C], LAYOUT_C, [60], top=340) + grid(rows, LAYOUT_C, [42, 42])
    (table,) = find_tables(lines)
    assert [row[("to", None)] for row in table.rows] == ["60人", "80人"]


def test_a_short_field_name_over_a_longer_one_in_tight_rows_is_two_rows():
    """copygen seed 129: 人数 over 试点人数 in a borderless table's tight rows is no name wrapped over two
    lines (a wrap's next line is no wider than its first, which filled the cell): two rows."""
    rows = [
        ["老年照护", "初级", "人数", "80人", "60人"],
        ["药物制剂生产", "初级", "试点人数", "30人", "45人"],
    ]
    lines = grid([HEADERS_C], LAYOUT_C, [60], top=340) + grid(rows, LAYOUT_C, [36, 36])
    (table,) = find_tables(lines)
    assert [row[("to", None)] for row in table.rows] == ["60人", "45人"]


def test_a_field_name_under_one_ending_in_it_in_tight_rows_is_two_rows():
    """copygen seed 1106: 等级 under 考核等级 in a borderless table's tight rows restates the field; a
    wrapped name's next line goes on with it (人数 / 规模), never repeats its end: two rows."""
    rows = [
        ["药物制剂生产", "初级", "考核等级", "初级", "高级"],
        ["数据采集证书", "初级", "等级", "初级", "高级"],
    ]
    lines = grid([HEADERS_C], LAYOUT_C, [60], top=340) + grid(rows, LAYOUT_C, [36, 36])
    (table,) = find_tables(lines)
    assert [row[("cert", None)] for row in table.rows] == ["药物制剂生产", "数据采集证书"]


def test_a_tight_first_row_of_plain_words_is_no_second_header_line():
    header = grid([HEADERS_C], LAYOUT_C, [50], top=340)
    rows = [["智能财税", "高级", "考核专业", "计算机应用", "会计事务"]]
    (table,) = find_tables(header + grid(rows, LAYOUT_C, [44], top=392))
    assert table.roles == [("cert", None), ("level", None), ("field", None), ("from", None), ("to", None)]
    assert table.rows[0][("to", None)] == "会计事务"


WIDE = [(110, 190), (190, 420), (420, 620), (620, 720), (720, 820), (820, 1020), (1020, 1120), (1120, 1220)]
WIDE_HEADERS = ["序号", "证书名称", "原专业", "原等级", "原人数", "调整后专业", "调整后等级", "调整后人数"]


def test_a_text_layer_run_of_certificate_and_major_is_two_cells():
    """A Word table's long certificate name reaches into 原专业, and the text layer gives one box
    over three column borders: beside the row's other cells it is still a row, cut at the border."""
    header = grid([WIDE_HEADERS], WIDE, [60], top=300)
    body = grid([["1", "物流管理", "现代物流管理", "初级", "35", None, None, "90"]], WIDE, [56], top=360)
    y = 360 + 56 + 13
    body += [TextLine("2", (140, y, 153, y + 30), 1.0), TextLine("大数据财务分析证书大数据与财务管理", (196, y, 638, y + 30), 1.0),
             TextLine("70", (757, y, 783, y + 30), 1.0), TextLine("电子商务", (868, y, 972, y + 30), 1.0)]
    (table,) = find_tables(header + body)
    assert [row.get(("cert", None)) for row in table.rows] == ["物流管理", "大数据财务分析证书"]
    assert table.rows[1][("from", "major")] == "大数据与财务管理"
    assert table.rows[1][("to", "major")] == "电子商务"


def test_a_row_whose_serial_number_ocr_lost_is_still_a_row():
    """序号 1 unread: the value cells, one line each, still open three rows, not two."""
    header = grid([WIDE_HEADERS], WIDE, [60], top=300)
    body = grid(
        [
            [None, "Web前端开发", "计算机应用", "初级", "60人", "会计事务", "不变", "不变"],
            ["2", "数控车铣加工", "数控技术应用", "初级", "40人", "不变", "不变", "45人"],
            ["3", "物流管理", "物流服务与管理", "初级", "45人", "不变", "不变", "50人"],
        ],
        WIDE,
        [46, 46, 46],
        top=360,
    )
    (table,) = find_tables(header + body)
    assert [row[("cert", None)] for row in table.rows] == ["Web前端开发", "数控车铣加工", "物流管理"]
    assert [row[("to", "headcount")] for row in table.rows] == ["不变", "45人", "50人"]


def test_the_next_certificate_line_ends_a_per_certificate_table():
    """证书名称：Web前端开发（初级） opens the next table; its （初级） is no value of the one above."""
    columns = [(200, 500), (500, 850), (850, 1200)]
    lines = [TextLine("证书名称：物流管理", (200, 240, 460, 270), 0.98)]
    lines += grid([["调整项目", "原申报", "拟调整为"]], columns, [50], top=290)
    lines += grid([["试点专业", "物流服务与管理", "计算机应用"]], columns, [50], top=340)
    lines += [TextLine("证书名称：Web前端开发", (200, 410, 490, 440), 0.98), TextLine("（初级）", (520, 410, 610, 440), 0.98)]
    lines += grid([["调整项目", "原申报", "拟调整为"]], columns, [50], top=460)
    lines += grid([["人数规模", "60人", "65人"]], columns, [50], top=510)
    first, second = find_tables(lines)
    assert first.rows == [{("field", None): "试点专业", ("from", None): "物流服务与管理", ("to", None): "计算机应用"}]
    assert first.certificate == "物流管理" and second.certificate.startswith("Web前端开发")


def test_a_last_row_whose_serial_number_ocr_lost_is_still_a_row():
    """序号 2 unread in the last of two tight rows: its full line of cells opens the row, while a wrapped
    cell's second line under row 1 would not."""
    header = grid([WIDE_HEADERS], WIDE, [60], top=300)
    body = grid(
        [
            ["1", "建筑信息模型（BIM）", "建筑工程技术", "初级", "90", "/", "/", "120"],
            [None, "建筑信息模型（BIM）", "工程造价", "中级", "40", "机电一体化技术", "/", "/"],
        ],
        WIDE,
        [40, 40],
        top=360,
    )
    (table,) = find_tables(header + body)
    assert [row.get(("from", "headcount")) for row in table.rows] == ["90", "40"]
    assert table.rows[1][("to", "major")] == "机电一体化技术"


def test_a_field_name_run_into_the_old_value_is_cut_after_the_field_name():
    rows = [
        ["工业机器人操作与运维", "中级", "考核专业", "工业机器人技术", "数字媒体技术"],
        ["物流管理", "初级", "人数规模", "60人", "70人"],
    ]
    lines = grid([HEADERS_C], LAYOUT_C, [60], top=340) + grid(rows, LAYOUT_C, [60, 60])
    field, old = (next(ln for ln in lines if ln.text == t) for t in ("考核专业", "工业机器人技术"))
    lines = [ln for ln in lines if ln not in (field, old)]
    lines.append(TextLine("考核专业工业机器人技术", (field.box[0], field.box[1], old.box[2], old.box[3])))
    (table,) = find_tables(lines)
    assert [(row[("field", None)], row[("from", None)]) for row in table.rows] == [
        ("考核专业", "工业机器人技术"), ("人数规模", "60人"),
    ]  # fmt: skip


def test_a_certificate_label_that_names_the_level_too_is_no_part_of_the_name():
    columns = [(200, 500), (500, 850), (850, 1200)]
    lines = [TextLine("证书名称（等级）：智能财税（中级）", (200, 240, 660, 270), 0.98)]
    lines += grid([["调整项目", "原申报", "拟调整为"]], columns, [50], top=290)
    lines += grid([["试点人数", "40人", "60人"]], columns, [50], top=340)
    (table,) = find_tables(lines)
    assert table.certificate == "智能财税(中级)"


def test_a_two_row_header_gives_each_major_column_under_its_group_its_own_cells():
    """专业名称 under 原申报 / 拟调整为 is a major column, not a second 证书名称: the certificate cell
    must not take the majors beside it (Web前端开发 | 软件技术 | … | 不变)."""
    columns = [(100, 200), (200, 460), (460, 600), (600, 820), (820, 960), (960, 1100), (1100, 1320), (1320, 1460)]
    lines = grid([["原申报"]], [(460, 960)], [56], top=300) + grid([["拟调整为"]], [(960, 1460)], [56], top=300)
    lines += grid([["序号", "证书名称"]], columns[:2], [112], top=300)
    lines += grid([["等级", "专业名称", "申报人数", "等级", "专业名称", "申报人数"]], columns[2:], [56], top=356)
    lines += grid([["1", "Web前端开发", "中级", "软件技术", "40", "不变", "不变", "55"],
                   ["2", "物流管理", "中级", "现代物流管理", "60", "不变", "不变", "100"]],
                  columns, [60, 60], top=412)  # fmt: skip
    (table,) = find_tables(lines)
    assert [row[("cert", None)] for row in table.rows] == ["Web前端开发", "物流管理"]
    assert [row[("from", "major")] for row in table.rows] == ["软件技术", "现代物流管理"]
    assert [row[("to", "headcount")] for row in table.rows] == ["55", "100"]


def test_a_caption_over_the_header_cells_of_an_approval_grid_is_no_column():
    """申请调整内容 over 调整内容 | 原申报 must not join them into one column; the opinion block's
    同意 below the grid, astride two columns, is no part of the last row."""
    lines = grid([["申请调整内容"]], [(500, 1000)], [56], top=250)
    lines += grid([["序号", "证书名称（等级）", "调整内容", "原申报", "拟调整为", "调整理由"]], LAYOUT_A, [60], top=306)
    lines += grid([["1", "物流管理（初级）", "人数规模", "40", "25", "实际参训人数减少"]], LAYOUT_A, [60], top=366)
    lines += [TextLine("同意", (560, 440, 660, 470), 0.98)]
    (table,) = find_tables(lines)
    assert table.rows == [{("seq", None): "1", ("cert", None): "物流管理（初级）", ("field", None): "人数规模",
                           ("from", None): "40", ("to", None): "25", ("reason", None): "实际参训人数减少"}]  # fmt: skip


def test_a_caption_over_two_header_groups_leaves_each_group_its_own_columns():
    """申请调整内容 over 调整前 | 调整后, each over 考核等级 | 考核专业 | 试点人数: the caption is no third group."""
    columns = [(100, 200), (200, 460), (460, 620), (620, 860), (860, 1000), (1000, 1140), (1140, 1380), (1380, 1520)]
    lines = grid([["申请调整内容"]], [(460, 1520)], [40], top=224)
    lines += grid([["调整前"]], [(460, 1000)], [56], top=256) + grid([["调整后"]], [(1000, 1520)], [56], top=256)
    lines += grid([["序号", "证书名称"]], columns[:2], [112], top=256)
    lines += grid([["考核等级", "考核专业", "试点人数"] * 2], columns[2:], [56], top=312)
    lines += grid([["1", "建筑信息模型（BIM）", "初级", "建筑工程施工", "30", "初级", "不变", "40"]], columns, [60], top=368)
    (table,) = find_tables(lines)
    assert (table.rows[0][("from", "headcount")], table.rows[0][("to", "headcount")]) == ("30", "40")


def test_a_first_row_of_levels_under_a_per_certificate_header_is_a_row_of_values():
    """证书等级 | 初级 | 中级 tight under 调整事项 | 调整前 | 调整后 is the first change, not the header's
    second line (证书等级 would read as a 证书名称 column, and 试点人数 as the certificate)."""
    columns = [(200, 560), (560, 1020), (1020, 1480)]
    lines = [TextLine("证书名称：幼儿照护职业技能等级证书（初级）", (190, 620, 880, 668), 0.98)]
    lines += grid([["调整事项", "调整前", "调整后"]], columns, [38], top=690)
    lines += grid([["证书等级", "初级", "中级"], ["试点专业", "幼儿保育", "/"], ["试点人数", "60", "/"]],
                  columns, [38, 38, 38], top=728)  # fmt: skip
    (table,) = find_tables(lines)
    assert table.roles == [("field", None), ("from", None), ("to", None)]
    assert [row[("field", None)] for row in table.rows] == ["证书等级", "试点专业", "试点人数"]
    assert table.rows[0][("to", None)] == "中级"


def test_an_approval_label_under_the_table_ends_it():
    """1+X证书试点管理部门意见：同意 under the last row, over two columns, is the approval block, not a
    wrapped second line of 证书等级 | 初级 | 不变."""
    columns = [(560, 900), (900, 1350), (1350, 1800)]
    lines = [TextLine("证书名称（等级）：Web前端开发（初级）", (570, 960, 1160, 1016), 0.98)]
    lines += grid([["项目", "原申报内容", "调整后内容"]], columns, [70], top=1030)
    lines += grid([["试点专业", "计算机应用", "软件工程"], ["证书等级", "初级", "不变"]], columns, [70, 70], top=1100)
    lines += [TextLine("1+X证书试点管理部门意见：同意", (560, 1262, 1046, 1300), 0.97)]
    (table,) = find_tables(lines)
    assert table.rows[-1] == {("field", None): "证书等级", ("from", None): "初级", ("to", None): "不变"}


def test_a_narrow_header_cell_wrapped_over_three_lines_is_no_caption():
    """调整 / 后等 / 级 is one header cell over its own column, not a caption over two cells."""
    columns = [(150, 500), (500, 600), (600, 700), (700, 800), (800, 900)]
    header = grid([["证书名称", ["原等", "级"], ["调整", "后等", "级"], ["原人", "数"], ["调整", "后人", "数"]]],
                  columns, [130], top=250)  # fmt: skip
    body = grid([["Web前端开发", "初级", "高级", "60人", "120人"]], columns, [60], top=380)
    (table,) = find_tables(header + body)
    assert table.rows[0][("to", "level")] == "高级" and table.rows[0][("to", "headcount")] == "120人"


def _vertical_block(title: str, top: float, rows: list[list[str]]) -> list[TextLine]:
    """One certificate's block of an 申请表: its title row, 调整项目 | 原申报信息 | 调整后信息, its rows, 调整原因."""
    columns = [(150, 500), (500, 1050), (1050, 1600)]
    lines = [TextLine(title, (130, top, 130 + CHAR_W * len(title), top + TEXT_H), 0.98)]
    lines += grid([["调整项目", "原申报信息", "调整后信息"]], columns, [46], top=top + TEXT_H + 4)
    lines += grid(rows, columns, [46] * len(rows), top=top + TEXT_H + 50)
    reason_top = top + TEXT_H + 50 + 46 * len(rows)
    return lines + grid([["调整原因", "学生报名人数增加", ""]], [(150, 500), (500, 1600), (1600, 1601)], [46], top=reason_top)


def test_a_per_certificate_block_titled_by_the_bare_name_takes_it_as_its_certificate():
    """A title row with no 证书名称： label (网络安全运维（初级）, …职业技能等级证书) names the block's
    certificate, even tight above its header; the 调整原因 row closes the block's rows."""
    lines = _vertical_block("网店运营推广职业技能等级证书", 600, [["申报人数", "50人", "60"], ["考核等级", "初级", ""]])
    lines += _vertical_block("网络安全运维（初级）", 900, [["申报人数", "30", ""], ["试点专业", "网络信息安全", "汽车运用与维修"]])
    first, second = find_tables(lines)
    assert (first.certificate, second.certificate) == ("网店运营推广职业技能等级证书", "网络安全运维(初级)")
    assert second.rows[-1] == {("field", None): "试点专业", ("from", None): "网络信息安全", ("to", None): "汽车运用与维修"}


def test_a_long_certificate_label_names_the_block():
    lines = _vertical_block("职业技能等级证书名称：智能财税", 600, [["试点人数", "40", "50"]])
    (table,) = find_tables(lines)
    assert table.certificate == "智能财税"


def test_a_page_number_under_a_table_cut_by_the_page_break_is_no_cell():
    """第1页 in the page's footer falls under the 原申报内容 column; it ends the table instead."""
    lines = header_a() + grid([["1", "物流管理（中级）", "试点人数", "40", "90", "扩招"]], LAYOUT_A, [60], top=400)
    lines += [TextLine("第1页", (900, 1500, 980, 1530), 0.99)]
    (table,) = find_tables(lines)
    assert table.rows[0][("from", None)] == "40"


def test_a_two_row_header_whose_narrow_cells_wrap_their_words_keeps_its_groups():
    """原申报 | 拟调整 over 申报人 / 数 | 考核 / 等级 | 试点专业: the wrapped words are read whole, so
    申报人 is no group of its own and neither group is taken for a caption; blank cells are no values."""
    columns = [(100, 180), (180, 440), (440, 560), (560, 680), (680, 880), (880, 1000), (1000, 1120), (1120, 1320)]
    lines = grid([["原申报"]], [(440, 880)], [50], top=250) + grid([["拟调整"]], [(880, 1320)], [50], top=250)
    lines += grid([["序号", "证书名称"]], columns[:2], [120], top=250)
    lines += grid([[["申报人", "数"], ["考核", "等级"], "试点专业"] * 2], columns[2:], [70], top=300)
    lines += grid([["1", "电子商务数据分析", "60", "初级", "电子商务", "55", "", ""],
                   ["2", "网络安全运维", "45", "初级", "计算机网络技术", "", "中级", ""]],
                  columns, [56, 56], top=370)  # fmt: skip
    (table,) = find_tables(lines)
    assert table.roles[2:] == [("from", "headcount"), ("from", "level"), ("from", "major"),
                               ("to", "headcount"), ("to", "level"), ("to", "major")]  # fmt: skip
    assert [(row[("from", "headcount")], row.get(("to", "headcount"))) for row in table.rows] == [("60", "55"), ("45", None)]


def test_a_wide_header_whose_cells_wrap_in_tight_ocr_boxes_keeps_each_column_whole():
    """原考核 / 等级, 调整后考 / 核等级 …: OCR's boxes of a wrapped cell's two lines overlap; the first
    line is no group over the columns beside it."""
    columns = [(100, 180), (180, 420), (420, 560), (560, 700), (700, 860), (860, 1020), (1020, 1160), (1160, 1300)]
    words = [["序号"], ["证书名称"], ["原考核", "等级"], ["调整后考", "核等级"], ["原考核", "专业"], ["调整后考", "核专业"],
             ["原申报", "人数"], ["调整后申", "报人数"]]  # fmt: skip
    first_tops = [316, 316, 302, 306, 310, 290, 304, 296]  # a scan's boxes are a few px apart, cell to cell
    lines = []
    for (x0, x1), cell, first_top in zip(columns, words, first_tops, strict=True):
        for i, text in enumerate(cell):
            left = (x0 + x1 - CHAR_W * len(text)) / 2
            top = 343 if i else first_top  # the second lines line up, overlapping the first ones
            lines.append(TextLine(text, (left, top, left + CHAR_W * len(text), top + 50 + i * 4), 0.98))
    lines += grid([["1", "物流管理", "初级", "中级", "物流服务与管理", "电子商务", "50", "不变"]], columns, [60], top=400)
    (table,) = find_tables(lines)
    assert table.roles[2:] == [("from", "level"), ("to", "level"), ("from", "major"), ("to", "major"),
                               ("from", "headcount"), ("to", "headcount")]  # fmt: skip
    assert table.rows[0][("to", "major")] == "电子商务"


def test_a_wide_header_whose_cells_wrap_over_unequal_lines_keeps_each_column_whole():
    """调整前 / 考核专 / 业 beside 调整前 / 人数, each centred in its cell: the two-line cell's first
    line starts lower than its neighbours', and is neither a group nor under one."""
    columns = [(100, 180), (180, 420), (420, 540), (540, 660), (660, 780), (780, 900), (900, 1020), (1020, 1140)]
    words = [["序号"], ["证书名称"], ["调整前", "考核专", "业"], ["调整前", "考核等", "级"], ["调整前", "人数"],
             ["拟调整", "考核专", "业"], ["拟调整", "考核等", "级"], ["拟调整", "人数"]]  # fmt: skip
    lines = []
    for (x0, x1), cell in zip(columns, words, strict=True):
        for i, text in enumerate(cell):
            left = (x0 + x1 - CHAR_W * len(text)) / 2
            top = 340 - 23 * len(cell) + 46 * i  # centred: a three-line cell starts half a line higher
            lines.append(TextLine(text, (left, top, left + CHAR_W * len(text), top + 30), 0.98))
    lines += grid([["1", "物流管理", "物流服务与管理", "初级", "40", "", "中级", "85"]], columns, [60], top=420)
    (table,) = find_tables(lines)
    assert table.roles[2:] == [("from", "major"), ("from", "level"), ("from", "headcount"),
                               ("to", "major"), ("to", "level"), ("to", "headcount")]  # fmt: skip


@pytest.mark.parametrize("sign_off", [("填表人：高峰", "填表日期：2024年3月9日"),
                                      ("联系人：林红", "联系电话：0510-79767602")])  # realgen seed 710006
def test_the_sign_off_under_a_table_ends_it(sign_off):
    """填表人：高峰 and 填表日期：…, or the contact's name and telephone, under the last row are the form's
    sign-off, not wrapped cells of it."""
    lines = header_a() + grid([["1", "物流管理（中级）", "试点人数", "50", "105", "扩招"]], LAYOUT_A, [60], top=400)
    lines += [TextLine(sign_off[0], (120, 470, 300, 500), 0.99), TextLine(sign_off[1], (300, 470, 640, 500), 0.99)]
    (table,) = find_tables(lines)
    assert (table.rows[0][("seq", None)], table.rows[0][("cert", None)]) == ("1", "物流管理（中级）")


def test_a_continued_tables_mark_tight_above_its_header_is_no_header_line():
    """Page 2 of a table opens with （续表） just above the repeated header: kept with it, the mark joins
    the 序号 cell under it and the numbers no longer tell the rows apart (a 不调整 row fell into the row above)."""
    mark = [TextLine("（续表）", (110, 310, 214, 340), 0.99)]
    body = grid(
        [
            ["5", ["“工业机器人操作与运维”", "(中级)"], "试点人数", "60人", "100人", "学生报考意愿较强"],
            ["6", ["建筑信息模型（BIM）", "(高级)"], "不调整", "40人", None, None],
        ],
        LAYOUT_A,
        [110, 110],
    )
    (table,) = find_tables(mark + header_a() + body)
    assert [row.get(("seq", None)) for row in table.rows] == ["5", "6"]
    assert table.rows[0][("from", None)] == "60人" and table.rows[0][("to", None)] == "100人"


def test_the_last_glyph_of_a_wrapped_reason_astride_a_border_does_not_end_the_table():
    """A reason cell wrapped down to one glyph (定), which OCR boxes left of the column's header, astride
    the border: a glyph is no sign-off line under the table, and the rows below it are still read."""
    body = grid(
        [
            ["1", "智能财税（初级）", "申报人数", "55人", "90人", None],
            ["2", "界面设计（初级）", "申报人数", "40人", "15人", None],
        ],
        LAYOUT_A,
        [120, 60],
    )
    last_glyph = TextLine("定", (1355, 490, 1385, 518), 0.99)
    (table,) = find_tables(header_a() + body + [last_glyph])
    assert [row[("cert", None)] for row in table.rows] == ["智能财税（初级）", "界面设计（初级）"]


def test_a_table_on_its_side_gives_one_change_per_column():
    """The header down the first column, one change per column, a title row over them (调整一…), a
    name wrapped in its narrow cell, a level only where it is stated, and the approval rows below."""
    columns = [(110, 400), (400, 720), (720, 1040), (1040, 1360)]
    lines = grid(
        [
            ["项目", "调整一", "调整二", "调整三"],
            ["证书名称", ["建筑信息模型", "（BIM）"], "智能财税", ["装配式建筑构件", "制作与安装"]],
            ["考核等级", "初级", None, None],
            ["调整事项", "考核专业", "试点人数", "申报人数"],
            ["原申报内容", "工程造价", "50人", "40"],
            ["调整后内容", "建筑工程技术", "75", "70人"],
            ["调整原因", "学生意愿变化", None, None],
            ["证书试点管理部门意见", "同意。", None, None],
        ],
        columns,
        [60, 100, 60, 60, 60, 60, 60, 120],
    )
    (table,) = find_tables(lines)
    assert table.rows == [
        {("cert", None): "建筑信息模型（BIM）", ("level", None): "初级", ("field", None): "考核专业",
         ("from", None): "工程造价", ("to", None): "建筑工程技术", ("reason", None): "学生意愿变化"},
        {("cert", None): "智能财税", ("field", None): "试点人数", ("from", None): "50人", ("to", None): "75"},
        {("cert", None): "装配式建筑构件制作与安装", ("field", None): "申报人数", ("from", None): "40",
         ("to", None): "70人"},
    ]


def test_a_value_wrapped_in_its_cell_of_a_table_on_its_side_stays_one_column():
    """原申报内容's major wrapped over two lines beside its label, both on the label's row: one column."""
    columns = [(110, 400), (400, 720), (720, 1040), (1040, 1360)]
    lines = grid(
        [
            ["证书名称", "网络安全运维", "智能财税", "物流管理"],
            ["调整事项", "试点专业", "考核等级", "试点人数"],
            ["原申报内容", ["080911TK 网络空间", "安全"], "中级", "40人"],
            ["调整后内容", "物流管理", "初级", "65人"],
        ],
        columns,
        [60, 60, 90, 60],
    )
    (table,) = find_tables(lines)
    assert table.rows == [
        {("cert", None): "网络安全运维", ("field", None): "试点专业", ("from", None): "080911TK 网络空间安全",
         ("to", None): "物流管理"},
        {("cert", None): "智能财税", ("field", None): "考核等级", ("from", None): "中级", ("to", None): "初级"},
        {("cert", None): "物流管理", ("field", None): "试点人数", ("from", None): "40人", ("to", None): "65人"},
    ]


def test_a_table_on_its_side_with_one_change_and_its_level_row_left_blank():
    """One change in the form's first column: its 考核等级 row blank, its label rows stacked tight enough
    to pass for one header (证书名称 over 考核等级 over 调整事项), which has no column of changes."""
    columns = [(110, 400), (400, 720)]
    lines = grid(
        [
            ["证书名称", "酒店运营管理"],
            ["考核等级", None],
            ["调整事项", "试点人数"],
            ["原申报内容", "45人"],
            ["调整后内容", "65人"],
        ],
        columns,
        [44, 44, 44, 44, 44],
    )
    (table,) = find_tables(lines)
    assert table.rows == [{("cert", None): "酒店运营管理", ("field", None): "试点人数", ("from", None): "45人",
                           ("to", None): "65人"}]


def test_a_vertical_form_s_rows_are_no_table_on_its_side():
    """调整项目 | 原申报 | 拟调整为 under a certificate's title is read as that certificate's form."""
    lines = place(["证书名称：智能财税（中级）"], 110, 300, 900, 360) + grid(
        [["调整项目", "原申报", "拟调整为"], ["试点人数", "40", "60"], ["考核专业", "会计事务", "大数据与会计"]],
        [(110, 400), (400, 700), (700, 1000)],
        [60, 60, 60],
    )
    (table,) = find_tables(lines)
    assert table.certificate == "智能财税(中级)"
    assert [row.get(("to", None)) for row in table.rows] == ["60", "大数据与会计"]


def test_a_spreadsheet_screenshot_s_row_numbers_and_sheet_tab_are_no_cells():
    """An Excel screenshot as OCR boxed it: column letters over the header, row numbers left of every
    row (1 before the header), rows as tight as their text (a level's box touches the next row's),
    empty numbered rows, and the Sheet1 tab under the grid. Level changes hold no figure to open a
    row by: the row numbers, like 序号, do."""
    boxes = [
        ("A", (137, 98, 167, 129)), ("B", (312, 98, 340, 129)), ("C", (472, 98, 500, 130)),
        ("D", (631, 98, 660, 130)), ("E", (789, 96, 820, 131)), ("F", (1031, 99, 1054, 128)),
        ("1", (11, 139, 36, 175)), ("证书名称", (57, 137, 179, 179)), ("考核等级", (248, 138, 365, 180)),
        ("调整内容", (407, 138, 526, 180)), ("原申报", (565, 134, 661, 181)), ("调整为", (725, 136, 819, 179)),
        ("调整原因", (888, 138, 1004, 176)),
        ("2", (10, 185, 36, 219)), ("Web前端开发", (62, 187, 229, 221)), ("初级", (244, 182, 316, 228)),
        ("考核等级", (409, 184, 525, 226)), ("初级", (566, 182, 636, 228)), ("中级", (726, 182, 796, 228)),
        ("原申报时填报有误", (891, 189, 1107, 221)),
        ("3", (10, 231, 36, 265)), ("智能财税", (59, 230, 178, 272)), ("初级", (246, 228, 316, 274)),
        ("等级", (407, 228, 476, 274)), ("初级", (566, 228, 637, 274)), ("中级", (726, 227, 796, 274)),
        ("根据专业实际在校生人数", (891, 235, 1184, 267)),
        ("4", (11, 277, 36, 311)), ("5", (10, 323, 36, 357)), ("6", (11, 369, 36, 403)),
        ("Sheet1", (60, 420, 160, 450)),
    ]
    (table,) = find_tables([TextLine(text, box, 0.99) for text, box in boxes])
    assert [(row[("cert", None)], row[("to", None)]) for row in table.rows] == [("Web前端开发", "中级"), ("智能财税", "中级")]


def test_a_first_row_of_words_after_its_number_is_a_row_not_a_header():
    """A major's change holds no figure: 1 | “网络安全运维”证书（初级） | 专业 | … | 专业调整后对应关系变化 names
    a certificate and says 调整后, yet it is the first row under the header, not a second header."""
    body = grid(
        [["1", "“网络安全运维”证书（初级）", "专业", "710207 网络信息安全", "730701电子商务", "专业调整后对应关系变化"]],
        LAYOUT_A,
        [60],
    )
    (table,) = find_tables(grid([["序号", "证书名称", "调整项目", "调整前内容", "调整为", "调整原因"]], LAYOUT_A, [60], top=340) + body)
    assert [row[("to", None)] for row in table.rows] == ["730701电子商务"]


def test_a_table_on_its_side_whose_names_say_zhengshu_ends_at_the_approval_rows():
    """Names that end in 证书 are values, not headers; an approval row under the table (its label no
    header) is not part of the last change."""
    columns = [(110, 400), (400, 720), (720, 1040), (1040, 1360)]
    lines = grid(
        [
            ["证书名称", "智能财税证书", "网店运营推广", "汽车运用与维修证书"],
            ["调整事项", "试点人数", "专业", "试点人数"],
            ["原申报内容", "50人", "电子商务运营", "40人"],
            ["调整后内容", "80", "740104酒店服务与管理", "60人"],
            ["调整原因", "论证意见", "论证意见", "站点容量调整"],
            ["试点管理部门意见", "同意上述调整", None, None],
        ],
        columns,
        [60] * 6,
    )
    (table,) = find_tables(lines)
    assert [row[("cert", None)] for row in table.rows] == ["智能财税证书", "网店运营推广", "汽车运用与维修证书"]
    assert [row[("reason", None)] for row in table.rows] == ["论证意见", "论证意见", "站点容量调整"]


def test_a_field_merged_over_its_before_and_after_under_a_title_row():
    """deskgen seed 230018 (an 审批表): 调整内容 is a grid row of its own over the table; 考核专业 and
    人数规模 are each merged over 原申报 | 现申报. Each pair is that field's before and after."""
    boxes = [("调整内容", (745, 539, 922, 607)), ("序号", (136, 627, 210, 678)), ("证书名称", (320, 628, 446, 680)),
             ("考核专业", (917, 610, 1037, 655)), ("人数规模", (1331, 614, 1451, 660)), ("考核等级", (563, 630, 687, 681)),
             ("原申报", (792, 658, 888, 705)), ("现申报", (1063, 658, 1165, 711)), ("原申报", (1273, 659, 1369, 713)),
             ("现申报", (1408, 661, 1510, 714)), ("1", (155, 714, 190, 761)), ("Web前端开发", (291, 714, 471, 767)),
             ("初级", (589, 720, 659, 771)), ("710203 网站建设与管理", (707, 707, 969, 751)), ("/", (1098, 731, 1131, 774)),
             ("70", (1296, 727, 1346, 777)), ("95", (1432, 728, 1484, 778))]
    (table,) = find_tables([TextLine(text, box, 0.99) for text, box in boxes])
    (row,) = table.rows
    assert (row[("from", "major")], row[("from", "headcount")], row[("to", "headcount")]) == (
        "710203 网站建设与管理", "70", "95")


def test_one_glyph_before_under_a_field_and_a_level_column_named_jibie():
    """deskgen seed 230026: 原 | 调整后 under 考核专业 and under 人数规模, and the level's column headed 级别."""
    boxes = [("调整事项", (731, 453, 905, 511)), ("考核专业", (880, 515, 1029, 577)), ("人数规模", (1276, 514, 1421, 570)),
             ("序号", (152, 555, 240, 621)), ("证书名称", (317, 555, 465, 614)), ("级别", (576, 550, 666, 615)),
             ("原", (795, 577, 853, 635)), ("调整后", (1028, 574, 1144, 634)), ("原", (1259, 574, 1309, 627)),
             ("调整后", (1354, 570, 1475, 628)), ("1", (179, 665, 216, 716)), ("母婴护理", (320, 655, 469, 720)),
             ("初级", (578, 654, 668, 718)), ("助产", (781, 647, 872, 714)), ("不变", (1043, 647, 1134, 712)),
             ("50", (1253, 647, 1315, 705)), ("160", (1377, 645, 1454, 705))]
    (table,) = find_tables([TextLine(text, box, 0.99) for text, box in boxes])
    (row,) = table.rows
    assert (row[("level", None)], row[("from", "major")], row[("to", "major")]) == ("初级", "助产", "不变")
    assert (row[("from", "headcount")], row[("to", "headcount")]) == ("50", "160")


def test_a_title_row_that_reads_like_an_after_column_is_a_caption():
    """deskgen seed 210014: 申请调整内容 (申请调整 reads as an "after" column) is the grid's title row over
    变更前 | 变更后 under 考核专业 and 人数规模; stacked on the first 变更前 it made that column an "after"."""
    boxes = [("申请调整内容", (718, 520, 960, 584)), ("序号", (164, 610, 242, 667)), ("证书名称", (338, 612, 471, 671)),
             ("等级", (598, 617, 675, 674)), ("考核专业", (912, 599, 1040, 650)), ("人数规模", (1312, 608, 1437, 654)),
             ("变更前", (792, 645, 892, 692)), ("变更后", (1056, 648, 1157, 701)), ("变更前", (1259, 654, 1357, 701)),
             ("变更后", (1390, 654, 1492, 707)), ("1", (188, 704, 217, 745)), ("物流管理", (336, 704, 465, 754)),
             ("中级", (597, 704, 674, 761)), ("530802 现代物流管", (714, 694, 963, 741)), ("理", (814, 733, 863, 778)),
             ("45", (1279, 721, 1333, 771)), ("70", (1414, 721, 1464, 774))]
    (table,) = find_tables([TextLine(text, box, 0.99) for text, box in boxes])
    (row,) = table.rows
    assert row[("from", "major")] == "530802 现代物流管理" and ("to", "major") not in row


def test_narrow_columns_headed_yuan_and_xian_are_before_and_after():
    """deskgen seed 210018: 序号 | 证书名称 | 调整项目 | 原 | 现 | 调整原因."""
    boxes = [("序号", (100, 405, 162, 448)), ("证书名称", (253, 398, 363, 446)), ("调整项目", (464, 399, 569, 442)),
             ("原", (663, 400, 700, 438)), ("现", (854, 394, 895, 437)), ("调整原因", (999, 390, 1106, 434)),
             ("1", (122, 468, 143, 499)), ("建筑信息模型(BIM)", (169, 461, 379, 500)), ("考核等级", (468, 459, 569, 499)),
             ("中级", (653, 455, 714, 499)), ("初级", (846, 452, 906, 497)), ("人数变化", (999, 447, 1108, 495))]
    (table,) = find_tables([TextLine(text, box, 0.99) for text, box in boxes])
    (row,) = table.rows
    assert (row[("field", None)], row[("from", None)], row[("to", None)]) == ("考核等级", "中级", "初级")


def test_a_level_wrapped_under_a_certificate_name_left_of_its_header_stays_in_the_table():
    """deskgen seed 230005: 工业机器人操作与运 / 维职业技能等级证书 / (初级) fills a cell wider than its
    header, so its last line stands astride the border of 序号; the next row is still the table's."""
    boxes = [("序号", (200, 705, 297, 769)), ("证书名称", (383, 708, 550, 766)), ("变更事项", (642, 708, 808, 768)),
             ("原申报", (864, 708, 995, 769)), ("拟调整为", (1085, 708, 1250, 768)), ("原因", (1342, 712, 1435, 769)),
             ("工业机器人操作与运", (298, 789, 632, 844)), ("报考意愿变", (1292, 816, 1484, 867)), ("1", (230, 839, 266, 888)),
             ("维职业技能等级证书", (297, 838, 631, 888)), ("人数", (676, 832, 775, 895)), ("100", (890, 838, 969, 895)),
             ("245", (1128, 839, 1210, 895)), ("(初级)", (298, 882, 408, 937)), ("化", (1355, 858, 1421, 923)),
             ("云计算平台运维与开", (297, 946, 631, 996)), ("云计算技术应", (818, 950, 1051, 1000)),
             ("电气自动化技", (1046, 950, 1288, 1000)), ("报考意愿变", (1280, 950, 1483, 1000)), ("2", (225, 973, 270, 1026)),
             ("发(中级)", (293, 991, 444, 1050)), ("专业", (676, 967, 775, 1030)), ("用", (900, 994, 957, 1050)),
             ("术", (1135, 991, 1203, 1052)), ("化", (1359, 994, 1418, 1052))]
    (table,) = find_tables([TextLine(text, box, 0.99) for text, box in boxes])
    assert [(row[("cert", None)], row[("from", None)], row[("to", None)]) for row in table.rows] == [
        ("工业机器人操作与运维职业技能等级证书(初级)", "100", "245"),
        ("云计算平台运维与开发(中级)", "云计算技术应用", "电气自动化技术")]


def test_the_letter_s_closing_line_under_a_table_is_no_cell():
    """deskgen seed 230003: 恳请批准为盼！ right under the last row, in the certificate's column."""
    boxes = [("序号", (435, 923, 512, 977)), ("证书名称", (587, 923, 722, 973)), ("调整事项", (800, 923, 935, 973)),
             ("原申报", (984, 921, 1090, 973)), ("拟调整为", (1162, 921, 1298, 970)), ("调整原因", (1345, 920, 1482, 969)),
             ("1", (460, 1009, 488, 1048)), ("失智老年人照护(初", (516, 984, 797, 1030)), ("人数规模", (803, 1002, 935, 1052)),
             ("60 人", (991, 1000, 1085, 1052)), ("425", (1200, 997, 1268, 1049)), ("专业调整", (1346, 998, 1482, 1048)),
             ("级)", (513, 1024, 569, 1071)), ("恳请批准为盼！", (512, 1087, 772, 1139))]
    (table,) = find_tables([TextLine(text, box, 0.99) for text, box in boxes])
    assert [row[("cert", None)] for row in table.rows] == ["失智老年人照护(初级)"]


def test_a_wrapped_reason_s_short_last_line_left_of_its_header_stays_in_the_table():
    """changegen seed 9700000026 (150 dpi): the first row's reason wraps over four lines, the last (实到位)
    short, set at the cell's left edge and so astride the border drawn between the headers. It carries
    on the cell above it; the rows after it are the table's."""
    lines = [
        TextLine("序号", (146, 1557, 203, 1652), 0.99), TextLine("证书名称", (281, 1575, 429, 1632), 0.99),
        TextLine("等级", (497, 1575, 585, 1630), 0.99), TextLine("调整项目", (589, 1577, 734, 1628), 0.99),
        TextLine("原申报内容", (772, 1577, 946, 1628), 0.99), TextLine("调整后内容", (973, 1577, 1147, 1628), 0.99),
        TextLine("调整原因", (1263, 1577, 1405, 1628), 0.99),
        TextLine("扩大试点覆盖面，相关专", (1156, 1667, 1502, 1708), 0.99),
        TextLine("1", (157, 1721, 196, 1771), 0.99), TextLine("智能财税职业技能", (226, 1705, 482, 1748), 0.99),
        TextLine("等级证书（初级）", (226, 1744, 468, 1793), 0.99), TextLine("初级", (497, 1720, 584, 1777), 0.99),
        TextLine("人数", (620, 1720, 711, 1777), 0.99), TextLine("60人", (814, 1720, 907, 1777), 0.99),
        TextLine("65", (1034, 1724, 1089, 1771), 0.99),
        TextLine("业在校生人数满足试点要", (1157, 1707, 1502, 1748), 0.99),
        TextLine("求，实训设备和师资已落", (1154, 1744, 1506, 1793), 0.99),
        TextLine("实到位", (1152, 1780, 1264, 1833), 0.99),
        TextLine("物流管理职业技能", (223, 1906, 482, 1950), 0.99),
        TextLine("学生基础较好，申请提高", (1156, 1886, 1506, 1933), 0.99),
        TextLine("2", (157, 1926, 196, 1971), 0.99), TextLine("等级证书（初级）", (223, 1944, 468, 1994), 0.99),
        TextLine("初级", (493, 1919, 585, 1981), 0.99), TextLine("等级", (620, 1923, 708, 1977), 0.99),
        TextLine("初级", (816, 1920, 902, 1979), 0.99), TextLine("中级", (1018, 1920, 1105, 1979), 0.99),
        TextLine("等级，调整后更符合专业", (1157, 1926, 1506, 1974), 0.99),
        TextLine("人才培养方案和课程设置", (1157, 1966, 1506, 2014), 0.99),
    ]
    rows = find_tables(lines)[0].rows
    assert [(row[("cert", None)], row[("from", None)], row[("to", None)]) for row in rows] == [
        ("智能财税职业技能等级证书（初级）", "60人", "65"), ("物流管理职业技能等级证书（初级）", "初级", "中级")]


def test_a_spreadsheet_s_column_letters_over_its_header_are_no_header_line():
    """wildgen seed 970015, an Excel screenshot: the column letters A–H stand tight over the header; merged
    into it they made E申报时, no header word, and the 申报时 column was lost."""
    letters = [TextLine(ch, (x, 411, x + 18, 432), 0.99) for ch, x in zip("ABCDEFGH", (185, 336, 494, 566, 677, 799, 936, 1052), strict=True)]
    header = [TextLine("序号", (172, 434, 215, 462), 0.99), TextLine("证书名称", (309, 433, 383, 462), 0.99),
              TextLine("等级", (482, 434, 522, 460), 0.99), TextLine("调整项目", (541, 433, 613, 462), 0.99),
              TextLine("申报时", (655, 433, 714, 462), 0.99), TextLine("调整为", (776, 433, 836, 462), 0.99),
              TextLine("备注", (922, 432, 967, 463), 0.99)]
    row = [TextLine("2", (145, 471, 158, 486), 0.99), TextLine("1", (199, 469, 217, 489), 0.99),
           TextLine("业财一体信息化应用", (273, 467, 417, 491), 0.99), TextLine("中级", (482, 465, 522, 492), 0.99),
           TextLine("考核等级", (544, 466, 613, 491), 0.99), TextLine("中级", (664, 465, 707, 492), 0.99),
           TextLine("初级", (786, 465, 829, 492), 0.99)]
    rows = find_tables(letters + header + row)[0].rows
    assert [(r[("from", None)], r[("to", None)]) for r in rows] == [("中级", "初级")]


def test_a_sectioned_form_s_next_heading_ends_the_table_above_it():
    """wildgen seed 1030029, a 申请表 in sections: 二、考核专业调整 right under the 考核等级 table is the next
    section's heading, no line of the certificate cell above it."""
    lines = grid([HEADERS_A], LAYOUT_A, [60], top=300)
    lines += grid([["1", "城市轨道交通车站运营管理", "考核等级", "中级", "高级", "岗位需要"]], LAYOUT_A, [60], top=360)
    lines += [TextLine("二、考核专业调整", (200, 440, 460, 480), 0.99)]
    lines += grid([HEADERS_A], LAYOUT_A, [60], top=500)
    lines += grid([["1", "网络系统建设与运维", "考核专业", "计算机网络技术", "网络信息安全", "专业调整"]], LAYOUT_A, [60], top=560)
    tables = find_tables(lines)
    assert [row[("cert", None)] for table in tables for row in table.rows] == ["城市轨道交通车站运营管理", "网络系统建设与运维"]


def test_a_wide_table_headed_原_and_新_pairs_reads_each_pair_as_old_and_new():
    """kindgen seed 1070003: a check-box form's table, 原考核等级 | 新考核等级 | 原考核专业 | 新考核专业 |
    原人数规模 | 新人数规模, the pairs left blank where nothing changes. 新增人数 is a change's size instead."""
    layout = [(110, 190), (190, 500), (500, 640), (640, 780), (780, 1000), (1000, 1220), (1220, 1360), (1360, 1500)]
    header = grid([["序号", "证书名称", "原考核等级", "新考核等级", "原考核专业", "新考核专业", "原人数规模", "新人数规模"]],
                  layout, [60], top=340)
    body = grid([["1", "幼儿照护（中级）", None, None, None, None, "50", "20"],
                 ["2", "传感网应用开发（初级）", "初级", "中级", None, None, None, None]], layout, [60, 60])
    (table,) = find_tables(header + body)
    assert table.rows[0][("from", "headcount")] == "50" and table.rows[0][("to", "headcount")] == "20"
    assert table.rows[1][("from", "level")] == "初级" and table.rows[1][("to", "level")] == "中级"
    assert classify_header("新增人数") != ("to", "headcount")


def test_a_handwritten_拟同意_beside_a_label_under_the_table_ends_it():
    """inboxgen seed 10700000026: the form's grid runs on into its opinion boxes; the first holds the label
    学校证书试点 / 管理部门意见 and, beside it and taller, a handwritten 拟同意: that row is no changes' row."""
    body = grid([["1", "智能财税（中级）", "考核专业", "大数据与会计", "跨境电子商务", "x"],
                 ["2", "无人机驾驶（初级）", "人数规模", "65人", "75人", "x"]], LAYOUT_A, [60, 60])
    opinion = [TextLine("学校证书试点", (112, 610, 280, 650), 0.99), TextLine("拟同意", (330, 572, 520, 644), 0.9),
               TextLine("管理部门意见", (112, 650, 280, 690), 0.99), TextLine("负责人签字：", (640, 665, 790, 705), 0.99)]
    (table,) = find_tables(header_a() + body + opinion)
    assert [row.get(("cert", None)) for row in table.rows] == ["智能财税（中级）", "无人机驾驶（初级）"]
    assert table.rows[1][("seq", None)] == "2"


def test_a_borderless_tables_run_on_header_and_cells_are_cut_by_what_their_words_are():
    """copygen seed 139, a borderless table OCR read across its columns: the header 等级原申报人数调整后人数
    is three headers (原申报 qualified by 人数 is one), and a long name run on into its level and old
    headcount (…职业技能等级证书中级60) overflows its column, so it is cut where its words change kind."""
    lines = [
        TextLine("证书名称", (194, 637, 407, 715), 1.0), TextLine("等级原申报人数调整后人数", (1058, 644, 1785, 716), 1.0),
        TextLine("数字创意建模", (197, 732, 495, 801), 1.0), TextLine("初级30", (1054, 732, 1310, 817), 1.0),
        TextLine("60", (1532, 744, 1608, 811), 1.0),
        TextLine("工业机器人集成应用职业技能等级证书中级60", (197, 911, 1305, 992), 1.0),
        TextLine("20", (1531, 922, 1608, 989), 1.0),
    ]
    (table,) = find_tables(lines)
    assert table.roles == [("cert", None), ("level", None), ("from", "headcount"), ("to", "headcount")]
    assert [(row[("cert", None)], row[("level", None)], row[("from", "headcount")], row[("to", "headcount")])
            for row in table.rows] == [("数字创意建模", "初级", "30", "60"),
                                       ("工业机器人集成应用职业技能等级证书", "中级", "60", "20")]


def test_a_reasons_first_line_tight_under_its_header_is_no_header_of_its_own():
    """formgen seed 1170007, a 续表: a reason top-aligned in its cell, 原申报专业 / 与证书对应…, stands tight
    under 调整原因; read with it, it is no 原申报专业 column."""
    header = ["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"]
    boxes = [(178, 256), (381, 513), (649, 781), (830, 994), (1053, 1212), (1272, 1402)]
    lines = [TextLine(text, (x0, 225, x1, 270), 1.0) for text, (x0, x1) in zip(header, boxes, strict=True)]
    lines += [TextLine("原申报专业", (1259, 295, 1417, 339), 1.0), TextLine("与证书对应", (1260, 339, 1417, 384), 1.0),
              TextLine("4", (204, 414, 234, 452), 1.0), TextLine("Web前端开发（初级）", (291, 411, 583, 452), 1.0),
              TextLine("考核专业", (648, 409, 781, 455), 1.0), TextLine("计算机应用", (832, 409, 991, 452), 1.0),
              TextLine("软件技术", (1039, 409, 1227, 452), 1.0), TextLine("关系不够紧密", (1259, 385, 1417, 429), 1.0)]
    (table,) = find_tables(lines)
    assert table.roles == [("seq", None), ("cert", None), ("field", None), ("from", None), ("to", None),
                           ("reason", None)]


def test_a_statement_column_ends_where_the_next_columns_cells_begin():
    """wildgen seed 134: the 调整原因 cells are wider than their header; the 调整内容 column ends in the
    gap before them, not at the header's start."""
    header = ["序号", "证书名称", "等级", "调整类型", "调整内容", "调整原因"]
    boxes = [(174, 276), (454, 622), (813, 916), (925, 1096), (1256, 1430), (1646, 1816)]
    lines = [TextLine(text, (x0, 676, x1, 748), 1.0) for text, (x0, x1) in zip(header, boxes, strict=True)]
    lines += [TextLine("1", (201, 802, 245, 864), 1.0), TextLine("智能财税", (457, 802, 620, 860), 1.0),
              TextLine("初级", (815, 802, 912, 867), 1.0), TextLine("人数规模", (932, 805, 1093, 861), 1.0),
              TextLine("120人→90人", (1222, 810, 1463, 864), 1.0), TextLine("部分学生已取证", (1599, 810, 1868, 864), 1.0)]
    (table,) = find_tables(lines)
    assert table.rows[0][("field", "content")] == "120人→90人"
    assert table.rows[0][("reason", None)] == "部分学生已取证"


def test_two_qualified_headers_ocr_ran_together_are_two_columns():
    """原申报人数调整后人数 in one box is two headers, each qualified by 人数 (not one header's two lines)."""
    lines = [TextLine("证书名称", (194, 637, 407, 715), 1.0), TextLine("等级", (700, 644, 800, 716), 1.0),
             TextLine("原申报人数调整后人数", (1058, 644, 1785, 716), 1.0),
             TextLine("数字创意建模", (197, 732, 495, 801), 1.0), TextLine("初级", (700, 732, 800, 801), 1.0),
             TextLine("30", (1200, 732, 1310, 817), 1.0), TextLine("60", (1532, 744, 1608, 811), 1.0)]
    (table,) = find_tables(lines)
    assert table.rows[0][("from", "headcount")] == "30" and table.rows[0][("to", "headcount")] == "60"


def test_a_certificate_column_whose_header_went_unread_is_still_the_certificates():
    """othergen seed 7010003, 100 dpi: OCR lost the bold 证书名称 over the first column; the header reads
    等级 | 试点专业 | 原申报人数 | 调整后人数 | 增减, and each row opens with a name written as a certificate's
    left of it. Those names are the table's certificate column. A row title that names no certificate
    (调整内容) beside such a header is no column."""
    header = [TextLine("等级", (287, 328, 326, 354)), TextLine("试点专业", (377, 326, 447, 358)),
              TextLine("原申报人数", (502, 329, 585, 359)), TextLine("调盛后人数", (603, 330, 686, 360)),
              TextLine("增减", (703, 333, 744, 359))]
    body = [TextLine("界面设计证书", (133, 367, 227, 394)), TextLine("初", (293, 371, 316, 395)),
            TextLine("数字媒体技术应用", (351, 370, 472, 396)), TextLine("45", (530, 375, 553, 397)),
            TextLine("55", (632, 376, 656, 398)), TextLine("+10", (708, 376, 739, 399)),
            TextLine("智能财税职业技能等级证书", (90, 455, 267, 480)), TextLine("会计事务", (379, 458, 443, 483)),
            TextLine("60", (529, 461, 552, 484)), TextLine("80", (631, 463, 655, 486)), TextLine("+20", (707, 464, 738, 487))]
    [table] = find_tables(header + body)
    assert [(row[("cert", None)], row[("from", "headcount")], row[("to", "headcount")]) for row in table.rows] == [
        ("界面设计证书", "45", "55"), ("智能财税职业技能等级证书", "60", "80")]
    titled = [TextLine("调整内容", (133, 367, 227, 394)), *body[1:6]]
    assert find_tables(header + titled) == []


def test_a_certificate_column_whose_header_went_unread_beside_field_before_after_columns():
    """othergen seed 9010006, a 100-dpi 会签表: OCR lost 证书名称 over the first column; the rest reads
    等级 | 黄盛项目 | 调盛前 | 黄盛后 | 备注 (调整项目, 调整前, 调整后), a header a form made per certificate
    also has. The names that open the rows left of it are the certificate column, not a row title."""
    vocabulary = Vocabulary(("城市轨道交通运营服务", "工业机器人集成应用"))
    header = [TextLine("等级", (272, 281, 310, 308)), TextLine("黄盛项目", (328, 281, 396, 309)),
              TextLine("调盛前", (445, 283, 495, 308)), TextLine("黄盛后", (563, 283, 614, 309)),
              TextLine("备注", (681, 281, 724, 312))]
    body = [TextLine("城市轨道交通运营服务", (93, 331, 240, 353)), TextLine("中级", (269, 329, 309, 355)),
            TextLine("申报人数", (328, 329, 398, 356)), TextLine("55人", (450, 330, 489, 357)),
            TextLine("85", (575, 332, 601, 356)),
            TextLine("工业机器人集成应用证书", (85, 383, 248, 409)), TextLine("中级", (269, 385, 309, 411)),
            TextLine("人数规模", (329, 384, 397, 412)), TextLine("60", (457, 388, 481, 410)),
            TextLine("70人", (568, 385, 607, 413))]
    [table] = find_tables(header + body, vocabulary)
    assert [(row[("cert", None)], row[("from", None)], row[("to", None)]) for row in table.rows] == [
        ("城市轨道交通运营服务", "55人", "85"), ("工业机器人集成应用证书", "60", "70人")]


def test_a_row_marked_not_adjusted_keeps_its_own_certificate_lines():
    """formgen seed 7010010: under the last change, a row 云计算平台运维与开发（初级） | 不调整 whose certificate wraps
    over two lines like the row's above. 不调整 opens its row as a field's name would: the row above keeps
    its own name (云计算平台运维与开发（中级）), not this row's first line run on to it."""
    lines = [TextLine("序号", (331, 322, 390, 360)), TextLine("证书名称", (488, 323, 589, 357)),
             TextLine("调整事项", (691, 319, 794, 359)), TextLine("原申报内容", (830, 323, 950, 357)),
             TextLine("调整后内容", (995, 322, 1115, 355)),
             TextLine("云计算平台运维与开发（", (406, 581, 667, 623)), TextLine("试点人数", (687, 599, 793, 638)),
             TextLine("30", (872, 604, 905, 632)), TextLine("35", (1033, 599, 1071, 633)),
             TextLine("中级)", (495, 619, 563, 656)),
             TextLine("云计算平台运维与开发（", (404, 723, 666, 765)), TextLine("不调整", (700, 738, 780, 779)),
             TextLine("初级)", (494, 759, 562, 796))]
    [table] = find_tables(lines)
    assert [row.get(("cert", None)) for row in table.rows] == ["云计算平台运维与开发（中级)", "云计算平台运维与开发（初级)"]


def test_a_speck_beside_a_cell_s_text_leaves_the_text():
    """roundgen seed 919: a seal's remnant read as 七, half a line tall, beside 数控车铣加工 in its cell. Two
    boxes are too few to extrapolate a print height from: the name is no watermark, the row keeps it."""
    lines = [TextLine("数控车铣加工", (194, 291, 326, 329), 1.0), TextLine("七", (352, 302, 374, 318), 0.55)]
    assert [[f.text for f in row] for row in visual_rows(lines)] == [["数控车铣加工", "七"]]
