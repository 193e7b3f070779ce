"""A real OCR engine that breaks on every second page it is given, as a crashing or timed-out engine does."""

from __future__ import annotations

from PIL.Image import Image

from parsers.model import TextLine
from parsers.ocr.rapid import RapidOcrEngine


class BreaksOnSecondPages(RapidOcrEngine):
    """RapidOCR, except that every second page it is asked to read raises `error` (a 2-page scan: page 2)."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error
        self.pages = 0

    def recognize(self, image: Image) -> list[TextLine]:
        self.pages += 1
        if self.pages % 2 == 0:
            raise self.error
        return super().recognize(image)
