"""Per-page evidence: turn a scan upright, OCR it once, then find its seals and approval blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.approvals import find_approvals
from parsers.illumination import even_lighting, level_ink
from parsers.missed_lines import missed_lines
from parsers.model import ApprovalEvidence, Page, SealEvidence
from parsers.ocr import OcrEngine, reading_order
from parsers.orientation import correct_orientation
from parsers.seal import find_seals, remove_grey_seal_ink, remove_red_ink
from parsers.strikes import struck_lines


@dataclass
class PageFindings:
    seals: list[SealEvidence] = field(default_factory=list)
    department: ApprovalEvidence | None = None
    leader: ApprovalEvidence | None = None
    rotation: int = 0  # clockwise degrees the scan was turned before it was set upright


def read_page(page: Page, *, engine: OcrEngine, document: str) -> PageFindings:
    """Fill `page.lines` by OCR if the page has no text yet, and gather its seal and approval evidence.

    A scanned page is set upright first (page.image is replaced by the upright image),
    its seals are found, their stamp ink (red, or grey lighter than print) is removed so the
    text under a seal reads, and the page is OCRed exactly once. Pages with a text layer are not
    OCRed; their seals' arc text still is read.
    """
    image = page.image
    if image is None:
        return PageFindings()
    findings = PageFindings()
    lit = image
    if page.text_source is None:
        image, orientation = correct_orientation(image, engine)
        lit = even_lighting(image)
        image = level_ink(lit)
        findings.rotation = orientation.angle
        page.image, page.width, page.height = image, image.width, image.height
    # Seals in the scan's own levels: grey stamp ink is told from print by being lighter than it.
    findings.seals = find_seals(lit, document=document, page=page.number, reader=engine.read_strip)
    seals = [s.crop.box for s in findings.seals]
    grey_seals = [s.crop.box for s in findings.seals if s.colour == "grey"]
    if page.text_source is None:
        read = remove_grey_seal_ink(remove_red_ink(image), grey_seals, lit)
        page.lines = engine.recognize(read)
        page.lines = reading_order(page.lines + missed_lines(read, page.lines, engine.reread))
        # A value struck through by hand is withdrawn: only its correction beside it is stated.
        # Judged on the image with its red ink, as a correction may be struck in red pen.
        struck = struck_lines(image, page.lines, keep_clear=seals)
        page.lines = [ln for ln in page.lines if ln not in struck]
        page.text_source = "ocr"
    approvals = find_approvals(
        page.lines,
        image,
        document=document,
        page=page.number,
        seals=seals,
        grey_seals=grey_seals,
        reader=engine.read_strip,
        typeset=page.typeset,
    )
    findings.department = approvals.get("department")
    findings.leader = approvals.get("leader")
    return findings
