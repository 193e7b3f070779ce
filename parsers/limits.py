"""Bounds on the work one message may cause: MIME structure, pages, pixels and decompressed bytes.

Hitting a bound makes the affected document unreadable (or the MIME part
ignored, with a defect recorded); it never raises.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

MIB = 1024 * 1024


@dataclass(frozen=True)
class MimeLimits:
    max_depth: int = 40  # nesting of multipart and message/rfc822 parts
    max_parts: int = 1000  # MIME parts walked per message
    max_header_chars: int = 16_384  # one decoded header value is cut here
    max_header_names: int = 500  # distinct header names kept in ParsedMessage.headers
    max_body_chars: int = 2_000_000  # decoded body text kept


@dataclass(frozen=True)
class Limits:
    dpi: int = 200  # render resolution of PDF pages
    max_pages: int = 60  # pages per message, all documents together
    max_page_pixels: int = 6_000_000  # a larger page image is downscaled (A4 at 200 dpi is 3.9 Mpx)
    max_total_pixels: int = 240_000_000  # page images of one message together (~720 MB RGB)
    max_image_pixels: int = 80_000_000  # an image still larger than this at its reduced decoding size is a bomb
    max_document_bytes: int = 100 * MIB  # one attachment or ZIP member
    max_decompressed_bytes: int = 200 * MIB  # ZIP members of one message together
    zip_max_entries: int = 200
    zip_max_member_bytes: int = 50 * MIB
    zip_max_ratio: int = 200  # uncompressed / compressed size of one member
    zip_max_depth: int = 2  # a ZIP inside a ZIP is read; deeper is not
    max_seconds: float = 300.0  # wall time for the documents of one message, checked between pages


class DocumentError(Exception):
    """This document cannot be used; `str()` is the reason in Chinese for officers and schools."""


@dataclass
class Budget:
    """What one message has used so far; documents charge it only when they load completely."""

    limits: Limits
    pages: int = 0
    pixels: int = 0
    decompressed: int = 0
    started: float = field(default_factory=time.monotonic)

    def check_pages(self, count: int) -> None:
        if self.pages + count > self.limits.max_pages:
            raise DocumentError(f"页数超过上限（每封邮件最多处理 {self.limits.max_pages} 页）")

    def check_pixels(self, pending: int) -> None:
        if self.pixels + pending > self.limits.max_total_pixels:
            raise DocumentError("图像总量超过上限，未处理")

    def check_time(self) -> None:
        if time.monotonic() - self.started > self.limits.max_seconds:
            raise DocumentError("处理超时，未处理")

    def charge(self, pages: int, pixels: int) -> None:
        self.pages += pages
        self.pixels += pixels
