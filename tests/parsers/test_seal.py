"""Seals: red stamps, grey rings in greyscale scans, no false seals, arc text naming the school."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz

from parsers.seal import find_seals, red_mask, remove_red_ink
from tests.scangen import Distortion, make_scan


def _seals(scan):
    return find_seals(scan.image, document="申请.pdf", page=1)


def test_red_seal_found_with_png_crop():
    seals = _seals(make_scan(301, style="scan", seal=True))
    assert len(seals) == 1
    assert seals[0].colour == "red"
    assert seals[0].crop.png.startswith(b"\x89PNG")
    assert seals[0].crop.document == "申请.pdf" and seals[0].crop.page == 1


def test_red_seal_text_names_the_school():
    scan = make_scan(302, style="clean", seal=True)
    seal = _seals(scan)[0]
    assert fuzz.ratio(seal.text, scan.truth.school) >= 85
    assert seal.text_confidence >= 0.8


def test_seal_of_another_school_reads_as_that_school():
    scan = make_scan(303, style="clean", seal=True, school="无锡职业技术学院", seal_text="连云港中等专业学校")
    assert fuzz.ratio(_seals(scan)[0].text, "连云港中等专业学校") >= 85


def test_grey_ring_seal_found_in_greyscale_scan():
    scan = make_scan(304, distortion=Distortion(greyscale=True, noise=6, skew=0.8), seal=True)
    seals = _seals(scan)
    assert len(seals) == 1
    assert seals[0].colour == "grey"
    assert fuzz.partial_ratio(seals[0].text, scan.truth.school) >= 70


def test_no_seal_gives_none_in_colour_scan():
    assert _seals(make_scan(305, style="scan", seal=False)) == []


def test_no_seal_gives_none_in_greyscale_scan():
    assert _seals(make_scan(306, distortion=Distortion(greyscale=True, noise=6), seal=False)) == []


def test_remove_red_ink_clears_the_seal_but_keeps_black_text():
    scan = make_scan(307, style="clean", seal=True)
    before = np.asarray(scan.image)
    after = np.asarray(remove_red_ink(scan.image))
    assert red_mask(before[:, :, ::-1].copy()).sum() > 0
    assert red_mask(after[:, :, ::-1].copy()).sum() == 0
    dark = before.max(axis=2) < 60  # black print, including where the seal overlaps it
    assert (after[dark].max(axis=1) < 90).mean() > 0.99
