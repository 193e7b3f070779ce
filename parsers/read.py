"""Read a parsed message's documents: pages (text layer or OCR) → seals, approvals, 申请单位, changes."""

from __future__ import annotations

import io
import time

from parsers.attachments import load_documents
from parsers.changes import extract_document_changes
from parsers.fields import applicant_unit
from parsers.limits import DocumentError, Limits
from parsers.model import ApprovalEvidence, Document, DocumentClass, Evidence, Page, ParsedMessage
from parsers.ocr import OcrEngine
from parsers.pagework import read_page
from parsers.vocabulary import Vocabulary

PREVIEW_WIDTH = 1240  # what reviewers see; boxes stay in the page's own pixels


def read_evidence(
    parsed: ParsedMessage, *, engine: OcrEngine, limits: Limits, vocabulary: Vocabulary | None = None
) -> Evidence:
    """Classify the message's documents and read every readable page once, within the time bound.

    `vocabulary` holds the registry's certificate names, which anchor changes named in prose.
    """
    deadline = time.monotonic() + limits.max_seconds
    evidence = Evidence(documents=load_documents(parsed.attachments, limits))
    for document in [d for d in evidence.documents if d.kind is DocumentClass.READABLE]:
        findings = []
        for page in document.pages:
            if time.monotonic() > deadline:
                _give_up(document, f"处理超时（每封邮件最多 {limits.max_seconds:.0f} 秒），未能读完")
                break
            try:
                page.load_image()
            except DocumentError as e:
                _give_up(document, str(e))
                break
            findings.append(read_page(page, engine=engine, document=document.filename))
            _keep_preview(page)
        if document.kind is not DocumentClass.READABLE:
            continue
        for found in findings:
            evidence.seals.extend(found.seals)
            evidence.department = _better(evidence.department, found.department)
            evidence.leader = _better(evidence.leader, found.leader)
    readable = [d for d in evidence.documents if d.kind is DocumentClass.READABLE]
    evidence.applicant_unit = next((unit for d in readable if (unit := applicant_unit(d.pages))), None)
    evidence.changes = extract_document_changes(readable, vocabulary)
    return evidence


def _give_up(document: Document, reason: str) -> None:
    """A document not read to its end is unreadable: nothing half-read from it is used."""
    document.kind = DocumentClass.UNREADABLE
    document.error = reason
    document.pages = []


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
