"""RapidOCR (PP-OCR models shipped in the wheel, ONNX Runtime, offline); one model load per process.

Only RapidOCR's public call is used: single steps (detection, the 0/180 classifier,
recognition) are run through its `use_det`/`use_cls`/`use_rec` flags. The call stores
those flags on the instance, so `_step` passes all three and puts the defaults back.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import threading

import numpy as np
from PIL.Image import Image

from parsers.model import TextLine
from parsers.ocr import THUMBNAIL_SIDE, OcrFailed, OcrUnavailable, reading_order

log = logging.getLogger(__name__)
_step_lock = threading.Lock()

# Longer side (px) a page is shrunk to for the text detector. RapidOCR's default ("min" 736) keeps an
# A4 page whole, 1754 px at 150 dpi, 2339 at 200; at 1280 (≈110 dpi) body text is still ~15 px high,
# which the detector finds as well, in about half the time. Boxes come back in page pixels and lines
# are recognised from the full-size page, so only the detector sees the smaller copy. A thumbnail
# (THUMBNAIL_SIDE, orientation) is smaller still, so the same instance detects it at its own size.
PAGE_DETECTOR_SIDE = 1280
assert THUMBNAIL_SIDE <= PAGE_DETECTOR_SIDE
# The detector keeps a box whose mean text score reaches 0.5 (RapidOCR's default); a printed line with a
# signature written into it scores lower as one blob. A strip the page's reading missed is looked at
# again down to this score: the strip holds that line and little else to be mistaken for text.
REREAD_BOX_THRESH = 0.4
# Lines are recognised one at a time (RapidOCR batches 6): a batch pads each line to its widest line's
# width, and a request's short cells (中级, 80) batched with its long sentences are mostly padding. On
# the speed bench's scans recognition took 0.91 s/page against 1.30 (2026-12-02, in process); the 224
# messages of 17 generators at seed 901 read alike either way (2026-12-03).
REC_BATCH = 1
_threads: int | None = None  # ONNX Runtime threads per session; None: as many as cores


def check_rapidocr() -> None:
    """RapidOCR and ONNX Runtime are installed (their models load only when a page needs them)."""
    for module in ("rapidocr", "onnxruntime"):
        if importlib.util.find_spec(module) is None:
            raise OcrUnavailable(f"RapidOCR 无法使用：未安装 {module}")


def limit_threads(threads: int) -> None:
    """Give each ONNX session `threads` threads; call before the first page (workers sharing the cores)."""
    global _threads
    _threads = threads


@functools.cache
def shared_rapidocr() -> object:
    """The one RapidOCR instance of this process; orientation, seal reading and pages share its models."""
    try:
        from rapidocr import RapidOCR

        threads = {} if _threads is None else {"EngineConfig.onnxruntime.intra_op_num_threads": _threads,
                                                  "EngineConfig.onnxruntime.inter_op_num_threads": 1}
        return RapidOCR(params={"Global.log_level": "error", "Det.limit_type": "max",
                                "Det.limit_side_len": PAGE_DETECTOR_SIDE, "Rec.rec_batch_num": REC_BATCH, **threads})
    except Exception as e:  # import errors, missing model files, ONNX Runtime failures
        raise OcrUnavailable(f"RapidOCR 无法加载：{e}") from e


def _step(image: np.ndarray, *, det: bool, cls: bool, rec: bool, box_thresh: float | None = None) -> object:
    ocr = shared_rapidocr()
    with _step_lock:
        try:
            return ocr(image, use_det=det, use_cls=cls, use_rec=rec, box_thresh=box_thresh)  # type: ignore[operator]
        finally:
            ocr.update_params(use_det=True, use_cls=True, use_rec=True)  # type: ignore[attr-defined]


def read_strip(image: np.ndarray) -> tuple[str, float]:
    """Recognise one BGR text strip without detection (a seal's unrolled arc); ("", 0.0) if nothing."""
    out = _step(image, det=False, cls=False, rec=True)
    txts, scores = getattr(out, "txts", None), getattr(out, "scores", None)
    if not txts or not scores:
        return "", 0.0
    return str(txts[0]), float(scores[0])


def classify_upright(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """RapidOCR's 0/180 classifier on each BGR line crop: ("0" or "180", confidence)."""
    found = []
    for crop in crops:
        out = _step(crop, det=False, cls=True, rec=False)
        found.extend(getattr(out, "cls_res", None) or [])
    return found


def detect_small(bgr: np.ndarray) -> list[np.ndarray]:
    """Text line quadrilaterals (4×2, pixels of `bgr`) found by the detector on a thumbnail."""
    out = _step(bgr, det=True, cls=False, rec=False)
    boxes = getattr(out, "boxes", None)
    return [] if boxes is None else [np.asarray(b, np.float32) for b in boxes]


class RapidOcrEngine:
    name = "rapidocr"

    def __init__(self) -> None:
        self._ocr = shared_rapidocr()

    def recognize(self, image: Image) -> list[TextLine]:
        return self._lines(image)

    def reread(self, image: Image) -> list[TextLine]:
        return self._lines(image, box_thresh=REREAD_BOX_THRESH)

    def _lines(self, image: Image, box_thresh: float | None = None) -> list[TextLine]:
        arr = np.asarray(image.convert("RGB"))[:, :, ::-1]  # RapidOCR wants BGR like OpenCV
        try:
            # Pages reach us upright (parsers.orientation), so the per-line 180° classifier is skipped.
            out = _step(np.ascontiguousarray(arr), det=True, cls=False, rec=True, box_thresh=box_thresh)
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

    def read_strip(self, strip: np.ndarray) -> tuple[str, float]:
        return read_strip(strip)

    def detect_lines(self, bgr: np.ndarray) -> list[np.ndarray]:
        return detect_small(bgr)

    def classify_upright(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        return classify_upright(crops)


def _bbox(poly: np.ndarray) -> tuple[float, float, float, float]:
    xs, ys = poly[:, 0], poly[:, 1]
    return (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))
