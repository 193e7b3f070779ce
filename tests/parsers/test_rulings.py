"""Cells of a ruled form from its rules, also where a seal hides part of one."""

from __future__ import annotations

from dataclasses import replace

from parsers.model import TextLine
from parsers.rulings import Rule, Rulings

# Two rows of a two-column approval form: label cells 100..400, opinion cells 400..1500.
VERTICAL = [Rule(100, 600, 1400), Rule(400, 600, 1400), Rule(1500, 600, 1400)]


def test_a_cell_is_closed_by_the_rules_round_it():
    rulings = Rulings([Rule(600, 100, 1500), Rule(1000, 100, 1500), Rule(1400, 100, 1500)], VERTICAL, slack=10)
    assert rulings.cell_at(250, 1200) == (100, 1000, 400, 1400)


def test_a_bottom_rule_hidden_under_a_seal_is_where_both_side_rules_end():
    """The seal over the form's lower left corner hides the bottom rule under the label cell."""
    rulings = Rulings([Rule(600, 100, 1500), Rule(1000, 100, 1500), Rule(1400, 450, 1500)], VERTICAL, slack=10)
    assert rulings.cell_at(250, 1200) == (100, 1000, 400, 1400)


def test_a_rows_right_rule_hidden_under_a_seal_is_where_its_top_and_bottom_rules_end():
    """signgen seed 4700000004: the school's seal over the leader row's right end hides its right rule
    (and the rules' last stretch); the row runs on to where its top and bottom rules end. A row whose
    bottom rule stops at the label cell has no cell beside it."""
    horizontal = [Rule(600, 100, 1500), Rule(1000, 100, 1320), Rule(1400, 100, 1300)]
    vertical = [Rule(100, 600, 1400), Rule(400, 600, 1400), Rule(1500, 600, 990)]
    rulings = Rulings(horizontal, vertical, slack=10)
    assert rulings.row_right((100, 600, 400, 1000)) == 1500
    assert rulings.row_right((100, 1000, 400, 1400)) == 1300
    assert Rulings([*horizontal[:2], Rule(1400, 100, 400)], vertical, slack=10).row_right((100, 1000, 400, 1400)) is None


def test_a_short_stretch_of_a_photo_s_fold_is_no_wall_of_a_tall_cell():
    """formgen seed 9700000026, a folded letter photographed on a desk: the fold's shadow leaves a short
    upright stretch beside an approval label, between the table's last rule and the paper's lower edge.
    A cell's wall runs most of the way from its top rule to its bottom one; a stretch a tenth as long
    walls nothing, and the label stands in no cell."""
    horizontal = [Rule(949, 246, 1199), Rule(1854, 80, 1326)]
    vertical = [Rule(111, 149, 1845), Rule(774, 1154, 1262), Rule(1366, 145, 1871)]
    rulings = Rulings(horizontal, vertical, slack=10)
    assert rulings.cell_at(400, 1240) == (111, 949, 1366, 1854)
    assert Rulings(horizontal, [*vertical, Rule(774, 960, 1850)], slack=10).cell_at(400, 1240) == (111, 949, 774, 1854)


def test_an_open_cell_is_no_cell():
    """Side rules that end at different heights close nothing: a rule is missing, not hidden."""
    vertical = [Rule(100, 600, 1000), Rule(400, 600, 1400)]
    rulings = Rulings([Rule(600, 100, 1500), Rule(1000, 100, 1500)], vertical, slack=10)
    assert rulings.cell_at(250, 1200) is None


def test_a_last_column_cut_off_by_the_page_edge_ends_at_the_edge():
    """A photo or scan that cut off the table's right side: rules above and below that run off the
    page close the last column there; a rule that stops short of the edge closes nothing."""
    vertical = [Rule(100, 600, 1400), Rule(400, 600, 1400)]
    rulings = Rulings([Rule(600, 100, 1225), Rule(1000, 100, 1240), Rule(1400, 100, 1100)], vertical, slack=10, width=1240)
    assert rulings.cell_at(800, 800) == (400, 600, 1240, 1000)
    assert rulings.cell_at(800, 1200) is None


def test_a_washed_out_scans_light_rules_are_found():
    """A light scan prints rules and text at grey 160–190 on grey-white paper: its cells are still cells."""
    from PIL import Image, ImageDraw

    from parsers.rulings import find_rulings

    page = Image.new("L", (1240, 1754), 238)
    draw = ImageDraw.Draw(page)
    for y in (600, 900, 1200):
        draw.line((100, y, 1140, y), fill=172, width=2)
    for x in (100, 400, 1140):
        draw.line((x, 600, x, 1200), fill=172, width=2)
    for y in range(640, 1180, 40):  # text-like ink, a little darker than the rules, in the wide cells
        draw.rectangle((450, y, 1000, y + 14), fill=150)
    cell = find_rulings(page.convert("RGB")).cell_at(250, 750)
    assert cell is not None and abs(cell[0] - 100) < 4 and abs(cell[3] - 900) < 4


def test_a_rule_two_lines_of_text_run_across_is_no_rule():
    """A fold or a shadow's edge down a letter: text runs across it, as it never does across a form's rule."""
    rulings = Rulings([Rule(600, 100, 1500), Rule(1400, 100, 1500)], VERTICAL, slack=10)
    across = [TextLine("经核实，情况属实，同意调整。", (200, 700, 700, 740), 0.9),
              TextLine("负责人（签名）：廖桂刚", (300, 900, 800, 940), 0.9)]
    assert [r.at for r in rulings.uncrossed(across, 30).vertical] == [100, 1500]
    assert [r.at for r in rulings.uncrossed(across[:1], 30).vertical] == [100, 400, 1500]  # two cells OCR merged


def test_handwriting_past_a_form_s_border_leaves_the_rule():
    """Dates written by hand that run on past the form's right border, where its rows' rules end, in two
    rows; a little past it is a hand's overshoot even where no rule ends."""
    rulings = Rulings([Rule(600, 100, 1500), Rule(1400, 100, 1500)], VERTICAL, slack=10)
    dates = [TextLine("2024年3月7日", (1300, 900, 1630, 940), 0.9), TextLine("汪军翔2024年3月7日", (1150, 1200, 1635, 1240), 0.9)]
    assert [r.at for r in rulings.uncrossed(dates, 30).vertical] == [100, 400, 1500]
    overshoot = [replace(line, box=(*line.box[:2], 1530, line.box[3])) for line in dates]
    middle = Rulings([Rule(600, 100, 1700), Rule(1400, 100, 1700)], VERTICAL, slack=10)  # rows run on past 1500
    assert [r.at for r in middle.uncrossed(overshoot, 30).vertical] == [100, 400, 1500]


def test_a_wall_a_seal_s_ring_crosses_near_its_top_still_closes_the_header_cells():
    """The ring of a seal stamped over a signature table's header row crosses the wall between two
    columns a little under the row's top rule: red ink is no print, and the piece of wall above the ring
    is too short to pass for a rule. The wall still runs up to the rule it meets."""
    from PIL import Image, ImageDraw

    from parsers.rulings import find_rulings

    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    for y in (936, 1025, 1115, 1205):
        draw.line((100, y, 1140, y), fill="black", width=2)
    for x in (100, 580, 910, 1140):
        draw.line((x, 936, x, 1205), fill="black", width=2)
    draw.ellipse((760, 630, 1060, 985), outline=(220, 30, 40), width=9)  # the ring's foot at y 980, x 910
    rulings = find_rulings(page)
    left, right = rulings.cell_at(745, 970), rulings.cell_at(1025, 970)
    assert left is not None and right is not None and abs(left[2] - 910) < 4 and abs(right[0] - 910) < 4
