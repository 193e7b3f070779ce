"""Plain data the parsers produce: the message, its documents and pages, and the evidence read from them.

These types are the contract between `parsers` and `workflow`: everything the
checks know about a message is in a `ParsedMessage` and an `Evidence`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal

from PIL.Image import Image

Box = tuple[float, float, float, float]
"""x0, y0, x1, y1 in pixels of the page image (top-left origin)."""

TextSource = Literal["text", "ocr"]
Field = Literal["level", "major", "headcount"]
Role = Literal["department", "leader"]


@dataclass
class Attachment:
    """A non-body MIME leaf (attached or inline), before any classification."""

    filename: str  # decoded name as the sender gave it; data, never a path; "" if none
    content_type: str  # declared type, lower case; informative only, never trusted
    data: bytes
    inline: bool = False


@dataclass
class ParsedMessage:
    """Everything read from the raw bytes of one message."""

    message_id: str | None  # with angle brackets, as in the header; None if absent
    subject: str  # decoded, CR/LF folded to spaces; "" if none
    sender: str  # bare lower-case address of From; "" if none
    from_display: str
    reply_to: list[str]  # bare lower-case addresses
    to: list[str]
    cc: list[str]
    date: datetime | None  # Date: header as an aware instant
    received: datetime | None  # date of the topmost Received: header, aware
    references: list[str]  # message ids with brackets, oldest first
    headers: dict[str, str]  # first value of every header, decoded, keys lower case
    body_text: str  # text/plain body, or text extracted from the HTML body
    body_html: str
    content_type: str  # top-level content type, lower case
    attachments: list[Attachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)  # what was malformed, in English


class DocumentClass(StrEnum):
    READABLE = "readable"
    OFFICE = "office"
    UNREADABLE = "unreadable"


@dataclass
class TextLine:
    """One line of text on a page with its box, from OCR or the PDF text layer."""

    text: str
    box: Box
    confidence: float = 1.0


@dataclass
class Page:
    number: int  # 1-based within its document
    text_source: TextSource | None = None  # None until read
    lines: list[TextLine] = field(default_factory=list)
    # A PDF page made by a word processor: all its print is in its text layer, and no scan lies under it,
    # so ink outside the layer's glyphs was drawn or pasted on (a signature image).
    typeset: bool = False
    image: Image | None = None  # RGB render; dropped after evidence is gathered
    width: int = 0  # of the render, the coordinate space of every box on the page
    height: int = 0
    preview_jpeg: bytes = b""  # a small view for reviewers, kept once `image` is dropped
    render: Callable[[], Image] | None = field(default=None, repr=False)  # a PDF or image page renders on demand

    def load_image(self) -> Image | None:
        """The page image, rendered now if the page was loaded lazily (a long document is never all in memory).

        Raises DocumentError when the render finds the file broken or past a bound.
        """
        if self.image is None and self.render is not None:
            self.image, self.render = self.render(), None
            self.width, self.height = self.image.size
        return self.image

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass
class Document:
    filename: str  # "archive.zip/member.pdf" for ZIP members
    sha256: str
    kind: DocumentClass
    mime: str  # detected from content (magic bytes)
    pages: list[Page] = field(default_factory=list)
    error: str | None = None  # why it is unreadable, or which of its pages could not be read; in Chinese

    @property
    def text_source(self) -> TextSource | None:
        sources = {page.text_source for page in self.pages if page.text_source}
        if not sources:
            return None
        return "ocr" if "ocr" in sources else "text"


@dataclass
class Crop:
    """A region of a page kept as evidence for reviewers."""

    document: str
    page: int
    box: Box
    png: bytes

    @classmethod
    def of(cls, image: Image, box: Box, *, document: str, page: int) -> Crop:
        """Cut `box` (clamped to the page) out of `image` as a PNG."""
        x0, y0 = max(0.0, box[0]), max(0.0, box[1])
        box = (x0, y0, max(x0, min(float(image.width), box[2])), max(y0, min(float(image.height), box[3])))
        buffer = io.BytesIO()
        # the fastest zlib level: crops are small and encoding them is on every page's path
        image.crop(tuple(int(v) for v in box)).save(buffer, "PNG", compress_level=1)
        return cls(document=document, page=page, box=box, png=buffer.getvalue())


@dataclass
class SealEvidence:
    crop: Crop
    colour: Literal["red", "grey"]
    text: str  # arc text as read; "" when unreadable
    text_confidence: float  # 0..1; seal_mismatch only counts text read with confidence


@dataclass
class ApprovalEvidence:
    role: Role
    found: bool  # the opinion line exists
    opinion: str  # the opinion text as read, e.g. "同意调整"
    affirmative: bool
    signed: bool  # a handwritten signature or signature image beside 签字
    crops: list[Crop] = field(default_factory=list)


@dataclass
class ExtractedChange:
    """One requested change as the document states it, before linking to the registry."""

    certificate: str  # normalised name as read (spec §2)
    field: Field
    level: str | None  # the level the document states for the certificate
    from_value: str | int | None
    to_value: str | int | None
    document: str = ""
    page: int = 0


@dataclass
class Evidence:
    documents: list[Document]
    seals: list[SealEvidence] = field(default_factory=list)
    department: ApprovalEvidence | None = None
    leader: ApprovalEvidence | None = None
    applicant_unit: str | None = None  # 申请单位 as read from the first readable document
    changes: list[ExtractedChange] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # "file 第 N 页：Error: text" of each page that broke
