"""OCR engines behind one protocol; `make_engine` picks one by its configured name.

Each engine checks its external program the first time it is asked for, and turns
failures into `OcrUnavailable` (cannot run at all) or `OcrFailed` (this image failed).
"""

from __future__ import annotations

import threading
from typing import Protocol, runtime_checkable

from PIL.Image import Image

from parsers.model import TextLine

ENGINES = ("rapidocr", "tesseract")


class OcrError(RuntimeError):
    """Base of the OCR errors; `str()` is one line for the user, in Chinese."""


class OcrUnavailable(OcrError):
    """The configured engine cannot run here (program or model missing)."""


class OcrFailed(OcrError):
    """The engine ran but gave up on one image (timeout, crash)."""


@runtime_checkable
class OcrEngine(Protocol):
    name: str

    def recognize(self, image: Image) -> list[TextLine]:
        """Text lines of an upright page image, boxes in its pixels, roughly in reading order."""
        ...


_engines: dict[str, OcrEngine] = {}
_lock = threading.Lock()


def make_engine(name: str) -> OcrEngine:
    """The process-wide engine called `name` ("rapidocr" or "tesseract"), created and checked once."""
    with _lock:
        if name not in _engines:
            _engines[name] = _create(name)
        return _engines[name]


def _create(name: str) -> OcrEngine:
    if name == "rapidocr":
        from parsers.ocr.rapid import RapidOcrEngine

        return RapidOcrEngine()
    if name == "tesseract":
        from parsers.ocr.tesseract import TesseractEngine

        return TesseractEngine()
    raise OcrUnavailable(f"未知的 OCR 引擎 {name!r}，可选：{'、'.join(ENGINES)}")


def reading_order(lines: list[TextLine]) -> list[TextLine]:
    """Sort lines top to bottom, and left to right within a visual row."""
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.box[1] + ln.box[3]) / 2):
        mid = (line.box[1] + line.box[3]) / 2
        if rows:
            last = rows[-1][0]
            half = (last.box[3] - last.box[1]) / 2
            if abs(mid - (last.box[1] + last.box[3]) / 2) < half:
                rows[-1].append(line)
                continue
        rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda ln: ln.box[0])]
