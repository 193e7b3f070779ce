"""A real OCR engine that breaks on some of the pages it is given, as a crashing or timed-out engine does."""

from __future__ import annotations

from PIL.Image import Image

from parsers.model import TextLine
from parsers.ocr.rapid import RapidOcrEngine


class BreaksEveryNthPage(RapidOcrEngine):
    """RapidOCR, except that every `every`-th page it is asked to read raises `error` (2: page 2 of a 2-page scan)."""

    def __init__(self, error: Exception, every: int = 2) -> None:
        super().__init__()
        self.error, self.every = error, every
        self.pages = 0

    def recognize(self, image: Image) -> list[TextLine]:
        self.pages += 1
        if self.pages % self.every == 0:
            raise self.error
        return super().recognize(image)
