"""Turn attachments into documents: classify by content (magic bytes), read the readable ones.

The filename and declared content type are never trusted. Every failure
becomes an UNREADABLE document with a Chinese reason; nothing raises.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile

from parsers import archive, images, pdf
from parsers.limits import Budget, DocumentError, Limits
from parsers.model import Attachment, Document, DocumentClass

log = logging.getLogger(__name__)

PDF, JPEG, PNG, TIFF, ZIP = "application/pdf", "image/jpeg", "image/png", "image/tiff", "application/zip"
OLE2 = "application/x-ole-storage"
OTHER = "application/octet-stream"
_OOXML = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
_MAGIC = [  # (prefix, mime); checked in order
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE2),
    (b"PK\x03\x04", ZIP),
    (b"PK\x05\x06", ZIP),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
]
_IMAGES = {JPEG, PNG, TIFF}
UNSUPPORTED = "不支持的文件类型，请提交 PDF、JPG、PNG 或 TIFF 格式的扫描件"


def load_documents(attachments: list[Attachment], limits: Limits | None = None) -> list[Document]:
    """One Document per attachment or ZIP member; small images (logos) are dropped. Never raises."""
    budget = Budget(limits or Limits())
    documents: list[Document] = []
    for index, attachment in enumerate(attachments, start=1):
        name = attachment.filename or f"未命名附件{index}"
        documents.extend(_load(name, attachment.data, budget, 0))
    return documents


def sniff(data: bytes) -> str:
    """The MIME type the content proves; OLE2 and ZIP are refined to office types where they are.

    A signature at the start wins over "%PDF-" further in: a ZIP whose members are stored
    uncompressed has a member's "%PDF-" within its first kilobyte and is still a ZIP.
    """
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    mime = next((mime for magic, mime in _MAGIC if data.startswith(magic)), None)
    if mime is None:
        return PDF if b"%PDF-" in data[:1024] else OTHER  # readers accept junk before the header, so do we
    if mime == ZIP:
        return _zip_kind(data)
    if mime == OLE2:
        return _ole_kind(data)
    return mime


_OFFICE_PREFIXES = (
    "application/vnd.openxmlformats",
    "application/msword",
    "application/vnd.ms-",
    "application/vnd.oasis.opendocument",
)


def is_office(mime: str) -> bool:
    return mime == OLE2 or mime.startswith(_OFFICE_PREFIXES)


def _zip_kind(data: bytes) -> str:
    if data.count(b"PK\x01\x02") > 10_000:
        return ZIP  # too many entries to index here; archive.expand refuses it cheaply
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as opened:
            names = opened.namelist()[:10_000]
            mimetype = opened.read("mimetype")[:100] if "mimetype" in names else b""
    except Exception:
        return ZIP  # broken ZIPs are reported by archive.expand
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return mimetype.decode("ascii", "replace")
    for prefix, mime in _OOXML.items():
        if any(name.startswith(prefix) for name in names):
            return mime
    return _OOXML["word/"] if "[Content_Types].xml" in names else ZIP


def _ole_kind(data: bytes) -> str:
    """Word, Excel or WPS by the stream names in the compound file directory (UTF-16LE)."""
    if "WordDocument".encode("utf-16-le") in data:
        return "application/msword"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "application/vnd.ms-excel"
    return OLE2


def _load(name: str, data: bytes, budget: Budget, depth: int) -> list[Document]:
    digest = hashlib.sha256(data).hexdigest()
    mime = sniff(data)
    try:
        return _classify(name, data, mime, digest, budget, depth)
    except DocumentError as exc:
        return [_unreadable(name, digest, mime, str(exc))]
    except MemoryError:
        return [_unreadable(name, digest, mime, "文件过大，处理时内存不足")]
    except Exception:  # a library bug on hostile input must not take the message down
        log.exception("document %r could not be read", name)
        return [_unreadable(name, digest, mime, "文件无法解析")]


def _classify(name: str, data: bytes, mime: str, digest: str, budget: Budget, depth: int) -> list[Document]:
    if len(data) > budget.limits.max_document_bytes:
        raise DocumentError("文件过大，未处理")
    if is_office(mime):
        return [Document(filename=name, sha256=digest, kind=DocumentClass.OFFICE, mime=mime)]
    if mime == ZIP:
        return archive.expand(name, data, budget, depth, _load)
    if mime == PDF:
        pages = pdf.read_pdf(data, budget)
    elif mime in _IMAGES:
        pages = images.read_image(data, budget)
        if not pages:
            return []  # a logo or signature banner, not a document
    elif mime.startswith("image/"):
        size = images.image_size(data)
        if size is not None and images.is_small(size):
            return []
        raise DocumentError(f"{images.UNSUPPORTED}，请提交 JPG、PNG 或 TIFF 格式")
    else:
        raise DocumentError(UNSUPPORTED)
    return [Document(filename=name, sha256=digest, kind=DocumentClass.READABLE, mime=mime, pages=pages)]


def _unreadable(name: str, digest: str, mime: str, error: str) -> Document:
    return Document(filename=name, sha256=digest, kind=DocumentClass.UNREADABLE, mime=mime, error=error)
