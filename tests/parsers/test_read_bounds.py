"""The per-message time bound: a document not read in time is unreadable and nothing from it is used."""

from __future__ import annotations

import io

from PIL import Image

from parsers.limits import Limits
from parsers.model import Attachment, DocumentClass, ParsedMessage, TextLine
from parsers.read import read_evidence


class SlowEngine:
    """The bound is zero, so no page may reach OCR."""

    name = "never"

    def recognize(self, image: Image.Image) -> list[TextLine]:
        raise AssertionError("OCR ran past the time bound")


def scan_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 1600), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def message_with(attachment: Attachment) -> ParsedMessage:
    return ParsedMessage(message_id="<a@b>", subject="", sender="", from_display="", reply_to=[], to=[], cc=[],
                         date=None, received=None, references=[], headers={}, body_text="", body_html="",
                         content_type="multipart/mixed", attachments=[attachment])


def test_document_past_the_time_bound_is_unreadable() -> None:
    parsed = message_with(Attachment("scan.png", "image/png", scan_png()))
    evidence = read_evidence(parsed, engine=SlowEngine(), limits=Limits(max_seconds=0.0))
    (document,) = evidence.documents
    assert document.kind is DocumentClass.UNREADABLE
    assert "超时" in (document.error or "")
    assert document.pages == [] and evidence.changes == [] and evidence.seals == []
