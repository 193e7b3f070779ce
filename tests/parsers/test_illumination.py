"""Lighting: a photo's hard shadow is divided out; an evenly lit scan is left untouched."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from parsers.illumination import even_lighting


def _page() -> Image.Image:
    page = Image.new("RGB", (1240, 1754), (250, 250, 248))
    draw = ImageDraw.Draw(page)
    for y in range(200, 1600, 60):
        draw.rectangle((150, y, 1090, y + 6), fill=(20, 20, 20))  # lines of print
    draw.ellipse((800, 1200, 1040, 1440), outline=(210, 30, 35), width=6)  # a red seal's ring
    return page


def test_a_hard_shadow_across_a_photo_is_divided_out():
    page = np.asarray(_page()).astype(float)
    page[:, :600] *= 0.55  # the phone's shadow over the left of the page
    evened = np.asarray(even_lighting(Image.fromarray(page.astype(np.uint8))))
    assert evened[100, 300].min() >= 225 and evened[100, 900].min() >= 225  # paper white in both halves
    assert evened[203, 300].max() <= 110  # print in the shadow stays dark
    red = evened[1205, 920]
    assert red[0] > 150 and red[1] < 90  # the seal stays red


def test_an_evenly_lit_scan_is_the_same_image():
    page = _page()
    assert even_lighting(page) is page


def test_a_washed_out_scan_is_levelled_so_its_print_is_black_and_its_colours_kept():
    """Lifted blacks: print at grey 165 on grey-white paper, a blue pen at (150, 160, 215). After levelling
    the print is ink (< 150) and the pen is still blue; a well-exposed scan is left as it is."""
    import numpy as np
    from PIL import Image, ImageDraw

    from parsers.illumination import level_ink

    page = Image.new("RGB", (1000, 1400), (236, 236, 236))
    draw = ImageDraw.Draw(page)
    for y in range(100, 1300, 40):
        draw.rectangle((100, y, 900, y + 12), fill=(165, 165, 165))
    draw.rectangle((300, 1320, 500, 1340), fill=(150, 160, 215))
    levelled = np.asarray(level_ink(page)).astype(int)
    assert levelled[106, 500].max() < 150 and levelled[90, 500].min() >= 250
    pen = levelled[1330, 400]
    assert pen[2] - pen[0] > 60
    crisp = Image.new("RGB", (1000, 1400), "white")
    ImageDraw.Draw(crisp).rectangle((100, 100, 900, 400), fill=(30, 30, 30))
    assert level_ink(crisp) is crisp
