"""The slope taken out of a page's boxes (parsers.skew): from boxes side by side, checked against the
heights of its long lines."""

from parsers.model import TextLine
from parsers.skew import straighten, text_slope

PROSE = [TextLine("我校拟对已申报的部分证书考核等级、考核专业或人数规模作如下调整：", (170, 300 + 60 * i, 1450, 350 + 60 * i), 0.99)
         for i in range(5)]


def test_boxes_side_by_side_at_other_levels_for_their_layout_set_no_slope():
    """issuegen seed 614: an upright page whose only boxes side by side are the approval blocks', a label
    wrapped over two lines beside 同意。 and 负责人（签字）：. Their levels differ by the layout; the prose
    above, boxed no taller than print, is level. Straightened by their slope, a wrapped value's last line
    rose into the line above it (…调整为“7701 / 01幼儿保育”)."""
    approvals = [TextLine("证书试点管", (1091, 1287, 1243, 1331), 0.99), TextLine("同意。", (1309, 1261, 1409, 1321), 0.99),
                 TextLine("理部门意见", (1091, 1322, 1239, 1369), 0.99),
                 TextLine("负责人（签字）：", (1416, 1296, 1640, 1355), 0.99), TextLine("范荣静", (1650, 1287, 1786, 1349), 0.9),
                 TextLine("校级分管领导", (1070, 1452, 1251, 1506), 0.99), TextLine("原则同意。", (1287, 1418, 1466, 1485), 0.99),
                 TextLine("意见", (1127, 1494, 1197, 1537), 0.99), TextLine("负责人签字：武兰云", (1388, 1464, 1696, 1535), 0.95)]
    lines = PROSE + approvals
    assert text_slope(lines) == 0.0
    assert straighten(lines) == lines


def test_a_slope_the_long_lines_show_is_taken_out():
    """A page still askew by 2°: its table's cells stand lower to the right, and its prose lines, 1280 px
    wide, are boxed 45 px taller than print."""
    slope = 0.035
    prose = [TextLine(line.text, (line.box[0], line.box[1], line.box[2], line.box[3] + slope * 1280), 0.99)
             for line in PROSE]
    cells = [TextLine(text, (x, 700 + 80 * row + slope * x, x + 150, 745 + 80 * row + slope * x), 0.99)
             for row in range(3) for x, text in ((170, "物流管理"), (600, "初级"), (1000, "60人"))]
    assert abs(text_slope(prose + cells) - slope) < 0.002
