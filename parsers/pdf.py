"""Read a PDF: strict structure checks, password detection, page renders and the text layer.

pdfium is lenient (it rebuilds broken files), so before trusting it we check
the structure ourselves: a startxref that points at a real xref table or
stream, and every stream at least as long as its /Length says.
"""

from __future__ import annotations

import functools
import io
import math
import re
import unicodedata

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from PIL.Image import Image

from parsers.limits import Budget, DocumentError
from parsers.model import Page, TextLine

BROKEN_XREF = "PDF 文件已损坏：缺少交叉引用表"
SHORT_STREAM = "PDF 文件已损坏：数据流短于其声明的长度（文件可能被截断）"
ENCRYPTED = "PDF 文件已加密，需要密码才能打开"
UNOPENABLE = "PDF 文件已损坏，无法打开"
MIN_TEXT_CHARS = 20  # fewer meaningful characters than this: treat the page as a scan
MAX_JUNK_SHARE = 0.02  # more glyphs than this without a Unicode meaning: the layer does not read, OCR it
RUN_GAP = 0.9  # a gap wider than this many character heights ends a run (a table cell, a field)

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s*%%EOF")
_XREF_AT = re.compile(rb"\s*(xref|\d+\s+\d+\s+obj)")
_STREAM_START = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?:\s+(\d+)\s+R)?")
_INT_OBJECT = re.compile(rb"(?<!\d)(\d+)\s+(\d+)\s+obj\s*(\d+)\s*endobj")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = re.compile(f"[{_HAN}]")
_MEANINGFUL = re.compile(f"[{_HAN}A-Za-z0-9\u3000-\u303f\uff01-\uff5e]")
_NO_MEANING = {"Cc", "Co", "Cs", "Cn"}  # Unicode categories: controls, private use, surrogates, unassigned


def read_pdf(data: bytes, budget: Budget) -> list[Page]:
    """Every page, rendered on demand at the budget's dpi, with text lines where the PDF has a real text layer.

    The pages keep the open document; it is closed when the last of them is dropped.
    """
    check_structure(data)
    document = _open(data)
    count = len(document)
    if count == 0:
        document.close()
        raise DocumentError("PDF 文件没有页面")
    budget.check_pages(count)
    pages = _lazy_pages(document, budget)
    _add_text_layer(data, pages)
    budget.charge(len(pages), sum(page.width * page.height for page in pages))
    return pages


def check_structure(data: bytes) -> None:
    """Raise DocumentError unless the xref/trailer is valid and no stream is shorter than its /Length."""
    base = data.find(b"%PDF-", 0, 1024)
    matches = list(_STARTXREF.finditer(data, max(0, len(data) - 4096)))
    if base < 0 or not matches:
        raise DocumentError(BROKEN_XREF)
    offset = base + int(matches[-1].group(1))
    found = _XREF_AT.match(data, offset) if offset < len(data) else None
    if not found:
        raise DocumentError(BROKEN_XREF)
    if found.group(1) == b"xref" and data.find(b"trailer", found.end()) < 0:
        raise DocumentError(BROKEN_XREF)
    _check_stream_lengths(data)


def _check_stream_lengths(data: bytes) -> None:
    lengths: dict[tuple[int, int], int] | None = None  # indirect /Length values, built on first need
    pos = 0
    while match := _STREAM_START.search(data, pos):
        start = match.end()
        header = data[max(0, data.rfind(b"obj", max(0, match.start() - 4096), match.start())) : match.start()]
        length = _LENGTH.search(header)
        expected: int | None = None
        if length and length.group(2) is None:
            expected = int(length.group(1))
        elif length:
            if lengths is None:
                lengths = {(int(n), int(g)): int(v) for n, g, v in _INT_OBJECT.findall(data)}
            expected = lengths.get((int(length.group(1)), int(length.group(2))))
        pos = _stream_end(data, start, expected)


def _stream_end(data: bytes, start: int, expected: int | None) -> int:
    """Position after this stream; raise if the stream is shorter than it declares."""
    marker = data.find(b"endstream", start)
    if expected is None:  # unknown length: trust the endstream keyword
        if marker < 0:
            raise DocumentError(SHORT_STREAM)
        return marker + 9
    end = start + expected
    if end > len(data) or marker < 0:
        raise DocumentError(SHORT_STREAM)
    if data[end : end + 40].lstrip(b"\r\n \t\f\x00").startswith(b"endstream"):
        return end
    if marker < end:
        raise DocumentError(SHORT_STREAM)
    return marker + 9  # longer than declared: readers cope, and nothing is missing


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)  # empty user password: owner-only restrictions open fine
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_raw.FPDF_ERR_PASSWORD:
            raise DocumentError(ENCRYPTED) from exc
        raise DocumentError(UNOPENABLE) from exc


def _lazy_pages(document: pdfium.PdfDocument, budget: Budget) -> list[Page]:
    pages: list[Page] = []
    pixels = 0
    for index in range(len(document)):
        budget.check_time()
        page = document[index]
        try:
            scale = _scale(page, budget)
            width, height = (math.ceil(side * scale) for side in page.get_size())
        finally:
            page.close()
        pixels += width * height
        budget.check_pixels(pixels)
        render = functools.partial(_render, document, index, scale)
        pages.append(Page(number=index + 1, width=width, height=height, render=render))
    return pages


def _scale(page: pdfium.PdfPage, budget: Budget) -> float:
    limits = budget.limits
    width, height = page.get_size()
    scale = limits.dpi / 72
    area = max(width * scale, 1) * max(height * scale, 1)
    if area > limits.max_page_pixels:  # a poster-sized page is downscaled, not refused
        scale *= math.sqrt(limits.max_page_pixels / area) * 0.995  # pdfium rounds the bitmap size up
    return scale


def _render(document: pdfium.PdfDocument, index: int, scale: float) -> Image:
    page = document[index]
    try:
        bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
        return bitmap.to_pil().convert("RGB")
    except pdfium.PdfiumError as exc:
        raise DocumentError(UNOPENABLE) from exc
    finally:
        page.close()


def _add_text_layer(data: bytes, pages: list[Page]) -> None:
    """Fill lines from the text layer where it is real; a PDF pdfminer cannot read is left to OCR."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page, plumber_page in zip(pages, pdf.pages, strict=False):
                page.lines = _page_lines(plumber_page, page)
                page.text_source = "text" if page.lines else None
                page.typeset = bool(page.lines) and not _scanned(plumber_page)
                plumber_page.close()
    except Exception:  # pdfminer on hostile input: the rendered images are still good for OCR
        for page in pages:
            page.lines, page.text_source = [], None


def _scanned(plumber_page: pdfplumber.page.Page) -> bool:
    """Whether a picture covers most of the page: a scan, whose text layer (a scanner app's OCR) lies over
    the print and the pen alike."""
    x0, top, x1, bottom = (float(v) for v in plumber_page.cropbox)
    area = max((x1 - x0) * (bottom - top), 1e-6)
    return any((image["x1"] - image["x0"]) * (image["bottom"] - image["top"]) >= SCAN_SHARE * area
               for image in plumber_page.images)


SCAN_SHARE = 0.5  # of the page a picture covers that makes the page a scan


def _page_lines(plumber_page: pdfplumber.page.Page, page: Page) -> list[TextLine]:
    if not _reads([char.get("text", "") for char in plumber_page.chars]):
        return []  # a scan for our purpose: OCR reads it
    x0, top, x1, bottom = (float(v) for v in plumber_page.cropbox)
    sx = page.width / max(x1 - x0, 1e-6)
    sy = page.height / max(bottom - top, 1e-6)
    walls = _vertical_rules(plumber_page)
    lines = []
    for line in plumber_page.extract_text_lines(strip=True, return_chars=True):
        for run in _runs(line["chars"], walls):
            text = "".join(char["text"] for char in run).strip()
            if text:
                left, right = (run[0]["x0"] - x0) * sx, (run[-1]["x1"] - x0) * sx
                upper = (min(c["top"] for c in run) - top) * sy
                lower = (max(c["bottom"] for c in run) - top) * sy
                lines.append(TextLine(text=text, box=(left, upper, right, lower)))
    return lines


def _reads(chars: list[str]) -> bool:
    """Whether a page's text layer can be trusted: enough real characters, some Chinese, little junk.

    `chars` are pdfminer's texts, one per glyph. A font without a ToUnicode map gives "(cid:12)" or
    private-use characters for its glyphs (often only the approval blocks' font), or Latin junk for
    the whole page; no layer at all gives too few characters.
    """
    shown = [text for text in chars if text.strip()]
    junk = sum(1 for text in shown if text.startswith("(cid:") or _without_meaning(text))
    meaningful = sum(1 for text in shown if len(text) == 1 and _MEANINGFUL.match(text))
    if meaningful < MIN_TEXT_CHARS or junk > MAX_JUNK_SHARE * len(shown):
        return False
    return any(_CJK.match(text) for text in shown)  # a school's request is in Chinese


def _without_meaning(text: str) -> bool:
    return any(char == "\ufffd" or unicodedata.category(char) in _NO_MEANING for char in text)


def _vertical_rules(plumber_page: pdfplumber.page.Page) -> list[tuple[float, float, float]]:
    """The page's drawn vertical rules (lines, rectangle sides) as (x, top, bottom) in PDF points."""
    return [(float(edge["x0"]), float(edge["top"]), float(edge["bottom"]))
            for edge in plumber_page.edges if edge.get("orientation") == "v"]


def _runs(chars: list[dict], walls: list[tuple[float, float, float]] = ()) -> list[list[dict]]:
    """A text-layer line cut at wide gaps and at drawn vertical rules, as OCR boxes are: the cells of a
    table row stay apart, also where their text fills each cell up to its rule (智慧健康养|婴幼儿托育).

    `chars` are pdfplumber's glyph dicts (x0, x1, top, bottom in points); `walls` are (x, top, bottom).
    """
    runs: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: c["x0"]):
        height = max(char["bottom"] - char["top"], 1.0)
        if runs and char["x0"] - runs[-1][-1]["x1"] <= RUN_GAP * height and not _ruled_apart(runs[-1][-1], char,
                                                                                              walls):
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def _ruled_apart(left: dict, right: dict, walls: list[tuple[float, float, float]]) -> bool:
    """Whether a vertical rule runs between two neighbouring glyphs' centres, across their middle."""
    start, end = (left["x0"] + left["x1"]) / 2, (right["x0"] + right["x1"]) / 2
    middle = (min(left["top"], right["top"]) + max(left["bottom"], right["bottom"])) / 2
    return any(start < x < end and top <= middle <= bottom for x, top, bottom in walls)
