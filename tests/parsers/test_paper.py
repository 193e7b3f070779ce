"""Where the sheet lies in a photo: the desk round it, and the white a turned photo is padded with, are not paper."""

from __future__ import annotations

from PIL import Image, ImageDraw

from parsers.paper import paper_box


def test_a_scan_is_paper_to_its_edges():
    page = Image.new("RGB", (1240, 1754), "white")
    ImageDraw.Draw(page).rectangle((100, 100, 1100, 300), outline="black", width=3)
    assert paper_box(page) == (0.0, 0.0, 1240.0, 1754.0)


def test_a_photo_on_a_desk_turned_upright_is_the_sheet_alone():
    photo = Image.new("RGB", (1600, 2100), (150, 60, 90))  # a plum-coloured desk
    photo.paste(Image.new("RGB", (1240, 1754), (246, 244, 238)), (180, 170))
    upright = photo.rotate(4, expand=True, fillcolor="white")  # what setting the page upright leaves
    x0, y0, x1, y1 = paper_box(upright)
    # the sheet's middle 1,100 px across stay inside; the desk's strips and the white corners do not
    assert 180 < x0 < 330 and 1330 < x1 < 1500
    assert 150 < y0 < 330 and 1850 < y1 < 2060


def test_yellowish_paper_on_a_pale_desk_is_not_mistaken_for_desk():
    """deskgen seed 4700000011: yellow paper (too saturated to pass for paper) on a pale grey desk (which
    does) in a corner: the box found holds none of the page's print, so the sheet is the whole photo."""
    photo = Image.new("RGB", (1600, 2100), (205, 205, 200))  # a pale grey desk
    photo.paste(Image.new("RGB", (1240, 1900), (250, 240, 170)), (180, 100))  # yellowish paper over most of it
    text = [(300, 300 + 120 * i, 1100, 360 + 120 * i) for i in range(6)]
    found = paper_box(photo)
    assert not found[1] <= 330 <= found[3]  # without the print, the desk strip below the sheet is taken
    assert paper_box(photo, text) == (0.0, 0.0, 1600.0, 2100.0)
