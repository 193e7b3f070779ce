"""Synthetic scans of schools' adjustment requests, with ground truth, for tests and benchmarks.

    scan = make_scan(7, style="rotated", seal=False)
    scan.image      # PIL RGB page as the office receives it
    scan.truth      # Truth: school, changes, seal, approvals, distortion, body text
    to_pdf([scan.image]); to_eml([("申请.pdf", pdf)], school=scan.truth.school)

Everything is deterministic in the seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image

from .distort import apply, random_distortion
from .package import to_eml, to_jpeg, to_pdf
from .render import render_letter
from .truth import (
    CERTIFICATES,
    SCHOOLS,
    ApprovalTruth,
    ChangeTruth,
    Distortion,
    Truth,
    random_truth,
)

STYLES = ("clean", "scan", "grey", "lowdpi", "rotated", "photo", "jpeg")

__all__ = [
    "CERTIFICATES",
    "SCHOOLS",
    "STYLES",
    "ApprovalTruth",
    "ChangeTruth",
    "Distortion",
    "Scan",
    "Truth",
    "make_scan",
    "random_truth",
    "render_clean",
    "to_eml",
    "to_jpeg",
    "to_pdf",
]


@dataclass
class Scan:
    image: Image.Image
    truth: Truth
    clean: Image.Image  # the undamaged page, upright, 150 dpi


def render_clean(truth: Truth, seed: int = 0) -> Image.Image:
    """The typeset page for `truth` with no damage."""
    return render_letter(truth, random.Random(seed))


def make_scan(
    seed: int,
    *,
    style: str | None = None,
    distortion: Distortion | None = None,
    **truth_overrides: object,
) -> Scan:
    """A damaged page for a random request; `style` picks a damage style, `distortion` sets it exactly.

    `truth_overrides` set fields of Truth, e.g. seal=False, department=ApprovalTruth(...).
    """
    rng = random.Random(seed)
    truth = random_truth(rng, **truth_overrides)
    truth.distortion = distortion or random_distortion(rng, style)
    if truth.distortion.greyscale:
        truth.seal_colour = "grey"
    clean = render_letter(truth, rng)
    image, body_box = apply(clean, truth.distortion, rng, truth.body_box)
    truth.body_box = body_box
    return Scan(image=image, truth=truth, clean=clean)
