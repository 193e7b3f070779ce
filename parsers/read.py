"""Read a parsed message's documents: pages (text layer or OCR) → seals, approvals, 申请单位, changes."""

from __future__ import annotations

import io

from parsers.attachments import load_documents
from parsers.changes import extract_changes
from parsers.fields import applicant_unit
from parsers.limits import Limits
from parsers.model import ApprovalEvidence, DocumentClass, Evidence, ExtractedChange, Page, ParsedMessage
from parsers.ocr import OcrEngine
from parsers.pagework import read_page

PREVIEW_WIDTH = 1240  # what reviewers see; boxes stay in the page's own pixels


def read_evidence(parsed: ParsedMessage, *, engine: OcrEngine, limits: Limits) -> Evidence:
    """Classify the message's documents and read every readable page once."""
    evidence = Evidence(documents=load_documents(parsed.attachments, limits))
    readable = [d for d in evidence.documents if d.kind is DocumentClass.READABLE]
    for document in readable:
        for page in document.pages:
            findings = read_page(page, engine=engine, document=document.filename)
            evidence.seals.extend(findings.seals)
            evidence.department = _better(evidence.department, findings.department)
            evidence.leader = _better(evidence.leader, findings.leader)
            _keep_preview(page)
    evidence.applicant_unit = next((unit for d in readable if (unit := applicant_unit(d.pages))), None)
    evidence.changes = _unique(
        change for d in readable for change in _tagged(extract_changes(d.pages), d.filename)
    )
    return evidence


def _better(current: ApprovalEvidence | None, new: ApprovalEvidence | None) -> ApprovalEvidence | None:
    """Keep the strongest reading of an approval block across pages: signed and affirmative first."""
    def rank(a: ApprovalEvidence | None) -> tuple[bool, bool, bool]:
        return (False, False, False) if a is None else (a.found, a.affirmative, a.signed)
    return new if rank(new) > rank(current) else current


def _keep_preview(page: Page) -> None:
    """Swap the full render for a small JPEG preview, so a long document does not pile up in memory."""
    if page.image is None:
        return
    image = page.image
    page.width, page.height = image.size
    scale = min(1.0, PREVIEW_WIDTH / image.width)
    preview = image.resize((round(image.width * scale), round(image.height * scale))) if scale < 1 else image
    buffer = io.BytesIO()
    preview.convert("RGB").save(buffer, format="JPEG", quality=80)
    page.preview_jpeg = buffer.getvalue()
    page.image = None


def _tagged(changes: list[ExtractedChange], filename: str) -> list[ExtractedChange]:
    for change in changes:
        change.document = change.document or filename
    return changes


def _unique(changes) -> list[ExtractedChange]:  # type: ignore[no-untyped-def]
    """The same change read from several pages or documents is listed once."""
    seen: dict[tuple, ExtractedChange] = {}
    for change in changes:
        key = (change.certificate, change.field, change.level, change.from_value, change.to_value)
        seen.setdefault(key, change)
    return list(seen.values())
