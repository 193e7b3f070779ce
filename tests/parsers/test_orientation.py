"""Page orientation: every quarter turn of a scan is detected and corrected."""

from __future__ import annotations

import pytest
from PIL import Image

from parsers.orientation import correct_orientation, detect_orientation
from tests.scangen import Distortion, make_scan


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_each_rotation_is_detected(rotation):
    scan = make_scan(202, distortion=Distortion(rotation=rotation, noise=6, skew=1.0))
    assert detect_orientation(scan.image).angle == rotation


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_each_rotation_is_corrected_to_the_upright_page(rotation):
    upright = make_scan(203, distortion=Distortion())
    turned = make_scan(203, distortion=Distortion(rotation=rotation))
    fixed, found = correct_orientation(turned.image)
    assert found.angle == rotation
    assert fixed.size == upright.image.size
    assert detect_orientation(fixed).angle == 0


def test_rotated_greyscale_low_dpi_scan_is_detected():
    scan = make_scan(204, distortion=Distortion(rotation=270, greyscale=True, dpi=110, noise=8, blur=0.6))
    assert detect_orientation(scan.image).angle == 270


def test_blank_page_is_left_alone_with_no_confidence():
    blank = Image.new("RGB", (1240, 1754), "white")
    fixed, found = correct_orientation(blank)
    assert found.angle == 0 and found.confidence == 0
    assert fixed is blank


@pytest.mark.parametrize(("rotation", "tilt"), [(0, -4.0), (0, 5.0), (90, 3.0), (180, -3.0)])
def test_a_crooked_page_is_straightened_whichever_way_it_is_turned(rotation, tilt):
    """A phone photo held a few degrees off: lines slope `tilt` degrees anticlockwise."""
    upright = make_scan(205, distortion=Distortion())
    crooked = upright.image.rotate(tilt, expand=True, fillcolor="white").rotate(-rotation, expand=True)
    fixed, found = correct_orientation(crooked)
    assert found.angle == rotation
    assert abs(found.skew + tilt) < 1.0  # the slope found is clockwise, undone by turning back
    assert abs(detect_orientation(fixed).skew) < 0.6
