"""Read a parsed message's documents: pages (text layer or OCR) → seals, approvals, 申请单位, changes."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterator

from parsers.attachments import load_documents
from parsers.changes import extract_document_changes
from parsers.fields import applicant_unit
from parsers.limits import DocumentError, Limits
from parsers.model import ApprovalEvidence, Document, DocumentClass, Evidence, Page, ParsedMessage
from parsers.ocr import OcrEngine, OcrFailed, OcrUnavailable
from parsers.pagework import PageFindings, read_page
from parsers.sheets import split_page
from parsers.vocabulary import Vocabulary

log = logging.getLogger(__name__)
PREVIEW_WIDTH = 1240  # what reviewers see; boxes stay in the page's own pixels


def read_evidence(
    parsed: ParsedMessage, *, engine: OcrEngine, limits: Limits, vocabulary: Vocabulary | None = None
) -> Evidence:
    """Classify the message's documents and read every readable page once, within the time bound.

    `vocabulary` holds the registry's certificate names, which anchor changes named in prose.
    A page that cannot be read is that page's problem: its document stays readable and listed, notes
    in `Document.error` which page could not be read and why, and the other pages are read as usual.
    An engine failure or an unexpected error on a page is also listed in `Evidence.failures`, so the
    caller can retry the message. A document that hits a bound (time, pages, pixels), or whose file
    turns out broken as a page of it is decoded, is unreadable as a whole. Raises OcrUnavailable when
    the engine cannot run at all.
    """
    deadline = time.monotonic() + limits.max_seconds
    evidence = Evidence(documents=load_documents(parsed.attachments, limits))
    for document in [d for d in evidence.documents if d.kind is DocumentClass.READABLE]:
        findings = _read_pages(document, engine=engine, deadline=deadline, limits=limits,
                               failures=evidence.failures)
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


def _read_pages(document: Document, *, engine: OcrEngine, deadline: float, limits: Limits,
                failures: list[str]) -> list[PageFindings]:
    """The findings of each page that could be read; the others are noted on the document."""
    findings: list[PageFindings] = []
    notes: list[str] = []
    try:
        for page in _sheets(document):
            if time.monotonic() > deadline:
                _give_up(document, f"处理超时（每封邮件最多 {limits.max_seconds:.0f} 秒），未能读完")
                return []
            try:
                page.load_image()  # a page `_sheets` could not decode fails here again, as this page's error
                findings.append(read_page(page, engine=engine, document=document.filename))
            except OcrUnavailable:
                raise
            except Exception as e:  # noqa: BLE001 - one broken page must not take the others down
                log.exception("page %s of %r could not be read", page.number, document.filename)
                notes.append(f"第 {page.number} 页{_cannot_read(e)}")
                failures.append(f"{document.filename} 第 {page.number} 页：{type(e).__name__}: {e}")
            else:
                if not page.lines:
                    notes.append(f"第 {page.number} 页未读到任何文字（空白页？）")
            _keep_preview(page)
    except DocumentError as e:  # a page that cannot be loaded (`_sheets`): the document is not read
        _give_up(document, str(e))
        return []
    document.error = "；".join(notes) or None
    return findings


def _sheets(document: Document) -> Iterator[Page]:
    """The document's pages loaded one at a time, a photo of two sheets side by side as two pages.

    The split is made once a page's image is loaded (a PDF page renders only then), and the
    document's pages are renumbered 1, 2, ... as they come, so every later page moves up by one.
    Raises DocumentError for a file found broken as a page is decoded; a page that fails otherwise is
    yielded unloaded, and fails again when it is read.
    """
    pending = list(document.pages)
    document.pages = []
    for page in pending:
        try:
            page.load_image()
            sheets = split_page(page)
        except DocumentError:
            raise
        except Exception:  # noqa: BLE001 - a decoding or geometry failure leaves the page whole, to be read
            log.exception("page %s of %r could not be loaded or looked at for two sheets", page.number,
                          document.filename)
            sheets = [page]
        for sheet in sheets:
            sheet.number = len(document.pages) + 1
            document.pages.append(sheet)
            yield sheet


def _cannot_read(error: Exception) -> str:
    """Why a page could not be read, for officers: the engine's own words, or a plain statement."""
    if isinstance(error, OcrFailed):
        return f"无法识别：{error}"
    return "读取时程序出错，未能读取"


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
