"""OCR engines behind one protocol; `make_engine` picks one by its configured name.

The protocol is everything the pipeline asks of an engine: a page's text lines, the lines and their
0/180 verdicts that orientation is judged on, and a strip's text (a seal's arc). `check_engine` tells
at start-up whether the configured engine can run; the engine itself loads on its first use, and turns
failures into `OcrUnavailable` (cannot run at all) or `OcrFailed` (this image failed).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from parsers.model import TextLine

if TYPE_CHECKING:  # annotations only: commands that never OCR (`requests list`) skip importing numpy
    import numpy as np
    from PIL.Image import Image

ENGINES = ("rapidocr", "tesseract")


class OcrError(RuntimeError):
    """Base of the OCR errors; `str()` is one line for the user, in Chinese."""


class OcrUnavailable(OcrError):
    """The configured engine cannot run here (program or model missing)."""


class OcrFailed(OcrError):
    """The engine ran but gave up on one image (timeout, crash)."""


THUMBNAIL_SIDE = 640  # longer side of the page copy `detect_lines` is given (orientation)


@runtime_checkable
class OcrEngine(Protocol):
    """Everything the pipeline asks of an OCR engine; each engine answers all of it itself."""

    name: str

    def recognize(self, image: Image) -> list[TextLine]:
        """Text lines of an upright page image, boxes in its pixels, roughly in reading order."""
        ...

    def reread(self, image: Image) -> list[TextLine]:
        """Text lines of a strip of a page whose reading missed ink there, looked for more leniently than
        `recognize` looks (a line with a signature written into it is a weaker detection); boxes in the
        strip's pixels."""
        ...

    def detect_lines(self, bgr: np.ndarray) -> list[np.ndarray]:
        """Text line quadrilaterals (4×2, pixels of `bgr`) on a page thumbnail of at most THUMBNAIL_SIDE."""
        ...

    def classify_upright(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """Verdicts on BGR text-line crops: ("0" upright or "180" upside down, confidence 0..1)."""
        ...

    def read_strip(self, strip: np.ndarray) -> tuple[str, float]:
        """One BGR text strip without detection (a seal's unrolled arc): (text, confidence); ("", 0.0) if none."""
        ...


class LazyEngine:
    """The engine called `name`, created (and its program or models checked) on the first call that needs it,
    so a message without scans never loads it."""

    def __init__(self, name: str) -> None:
        if name not in ENGINES:
            raise OcrUnavailable(f"未知的 OCR 引擎 {name!r}，可选：{'、'.join(ENGINES)}")
        self.name = name
        self._engine: OcrEngine | None = None

    @property
    def loaded(self) -> bool:
        return self._engine is not None

    def _real(self) -> OcrEngine:
        with _lock:
            if self._engine is None:
                self._engine = _create(self.name)
            return self._engine

    def recognize(self, image: Image) -> list[TextLine]:
        return [TextLine(simplified(line.text), line.box, line.confidence) for line in self._real().recognize(image)]

    def reread(self, image: Image) -> list[TextLine]:
        return [TextLine(simplified(line.text), line.box, line.confidence) for line in self._real().reread(image)]

    def detect_lines(self, bgr: np.ndarray) -> list[np.ndarray]:
        return self._real().detect_lines(bgr)

    def classify_upright(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return self._real().classify_upright(crops)

    def read_strip(self, strip: np.ndarray) -> tuple[str, float]:
        text, confidence = self._real().read_strip(strip)
        return simplified(text), confidence


@functools.cache
def _to_simplified() -> Callable[[str], str]:
    import opencc  # loaded with the engine: commands that never OCR skip it

    return opencc.OpenCC("t2s").convert


def simplified(text: str) -> str:
    """`text` in simplified Chinese (OpenCC's t2s table); simplified text passes unchanged.

    The recognition models read both scripts, and in a blurred photo they take some simplified glyphs
    for their traditional forms (校級分管領導意見), which no label, opinion or registry name matches.
    Schools write simplified Chinese, so every OCR result is brought back to it.
    """
    return _to_simplified()(text) if text else text


_engines: dict[str, LazyEngine] = {}
_lock = threading.RLock()
_selected = "rapidocr"  # the engine page readers use when their caller names none


def make_engine(name: str) -> LazyEngine:
    """The process-wide engine called `name` ("rapidocr" or "tesseract"); it loads on first use."""
    with _lock:
        if name not in _engines:
            _engines[name] = LazyEngine(name)
        return _engines[name]


def select_engine(name: str) -> LazyEngine:
    """Make `name` this process's engine: the one page readers (orientation, seals) use when handed none."""
    global _selected
    engine = make_engine(name)
    _selected = name
    return engine


def selected_engine() -> LazyEngine:
    """The engine chosen with `select_engine` in this process; RapidOCR when none was."""
    return make_engine(_selected)


def check_engine(name: str) -> None:
    """Whether `name` can run here, without loading it: raises `OcrUnavailable` (one line) if not."""
    if name not in ENGINES:
        raise OcrUnavailable(f"未知的 OCR 引擎 {name!r}，可选：{'、'.join(ENGINES)}")
    if name == "tesseract":
        from parsers.ocr.tesseract import check_tesseract

        check_tesseract()
    else:
        from parsers.ocr.rapid import check_rapidocr

        check_rapidocr()


def _create(name: str) -> OcrEngine:
    if name == "rapidocr":
        from parsers.ocr.rapid import RapidOcrEngine

        return RapidOcrEngine()
    from parsers.ocr.tesseract import TesseractEngine

    return TesseractEngine()


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
