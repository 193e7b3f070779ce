"""RapidOCR (PP-OCR models shipped in the wheel, ONNX Runtime, offline); one model load per process."""

from __future__ import annotations

import functools
import logging

import numpy as np
from PIL.Image import Image

from parsers.model import TextLine
from parsers.ocr import OcrFailed, OcrUnavailable, reading_order

log = logging.getLogger(__name__)


@functools.cache
def shared_rapidocr() -> object:
    """The one RapidOCR instance of this process; orientation and seal reading reuse its models."""
    try:
        from rapidocr import RapidOCR

        return RapidOCR(params={"Global.log_level": "error"})
    except Exception as e:  # import errors, missing model files, ONNX Runtime failures
        raise OcrUnavailable(f"RapidOCR 无法加载：{e}") from e


class RapidOcrEngine:
    name = "rapidocr"

    def __init__(self) -> None:
        self._ocr = shared_rapidocr()

    def recognize(self, image: Image) -> list[TextLine]:
        arr = np.asarray(image.convert("RGB"))[:, :, ::-1]  # RapidOCR wants BGR like OpenCV
        try:
            # Pages reach us upright (parsers.orientation), so the per-line 180° classifier is skipped.
            out = self._ocr(np.ascontiguousarray(arr), use_cls=False)
        except Exception as e:
            raise OcrFailed(f"RapidOCR 识别失败：{e}") from e
        boxes = getattr(out, "boxes", None)
        if boxes is None or len(boxes) == 0:
            return []
        lines = [
            TextLine(text=str(text), box=_bbox(box), confidence=float(score))
            for box, text, score in zip(boxes, out.txts, out.scores, strict=True)
            if str(text).strip()
        ]
        return reading_order(lines)

    def read_strip(self, image: np.ndarray) -> tuple[str, float]:
        """Recognise one text strip without detection (used for a seal's unwrapped arc)."""
        rec = self._ocr._load_rec_model()  # noqa: SLF001 - reuse the loaded recogniser
        from rapidocr.ch_ppocr_rec import TextRecInput

        out = rec(TextRecInput(img=[image]))
        if not out.txts:
            return "", 0.0
        return str(out.txts[0]), float(out.scores[0])


def _bbox(poly: np.ndarray) -> tuple[float, float, float, float]:
    xs, ys = poly[:, 0], poly[:, 1]
    return (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))
