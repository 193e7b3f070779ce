"""Synthetic scans of schools' adjustment requests, with ground truth, for tests and benchmarks.

    scan = make_scan(7, style="rotated", seal=False)
    scan.image      # PIL RGB page as the office receives it
    scan.truth      # Truth: school, changes, seal, approvals, distortion, body text
    to_pdf([scan.image]); to_eml([("申请.pdf", pdf)], school=scan.truth.school)
    make_scan(7, variety=True).documents   # annex pages, second attachments, born-digital PDFs

Everything is deterministic in the seed. `python -m tests.scangen.corpus OUT_DIR` writes a corpus
of request emails with a registry and truth that `python -m bench.reading` scores black-box.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from PIL import Image

from .digital import digital_documents
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
    image: Image.Image  # the letter's first page
    truth: Truth
    clean: Image.Image  # the undamaged first page, upright, 150 dpi
    annex: list[Image.Image] = field(default_factory=list)  # the 附表 page, damaged alike
    digital: list[tuple[str, bytes]] = field(default_factory=list)  # born-digital PDFs, if truth.digital

    @property
    def documents(self) -> list[tuple[str, bytes]]:
        """(filename, bytes) as the school attaches them: PDFs, the annex in the letter or on its own."""
        if self.digital:
            return self.digital
        if self.truth.annex == "attachment" and self.annex:
            return [("调整申请.pdf", to_pdf([self.image])), ("附件2.pdf", to_pdf(self.annex))]
        return [("调整申请.pdf", to_pdf([self.image, *self.annex]))]


def render_clean(truth: Truth, seed: int = 0) -> Image.Image:
    """The typeset first page for `truth` with no damage."""
    return render_letter(truth, random.Random(seed))[0]


def make_scan(
    seed: int,
    *,
    style: str | None = None,
    distortion: Distortion | None = None,
    variety: bool = False,
    **truth_overrides: object,
) -> Scan:
    """A damaged page for a random request; `style` picks a damage style, `distortion` sets it exactly.

    `variety` also draws the less common presentations (see random_truth) from a
    generator of their own. `truth_overrides` set fields of Truth, e.g. seal=False.
    """
    rng = random.Random(seed)
    truth = random_truth(rng, random.Random(f"variety-{seed}") if variety else None, **truth_overrides)
    truth.distortion = distortion or random_distortion(rng, style)
    if truth.digital:
        truth.distortion = Distortion()  # nothing is scanned
    if truth.distortion.greyscale:
        truth.seal_colour = "grey"
    clean, *annex = render_letter(truth, rng)
    box = truth.body_box
    image, truth.body_box = apply(clean, truth.distortion, rng, box)
    scan = Scan(image=image, truth=truth, clean=clean)
    scan.annex = [apply(page, truth.distortion, rng, box)[0] for page in annex]
    if truth.digital:
        scan.digital = digital_documents(truth, rng)
    return scan
