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
