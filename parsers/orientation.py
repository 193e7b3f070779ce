"""Page orientation: which way a scan is turned (0/90/180/270) and turning it upright, cheaply.

One text detection on a small copy of the page (the OCR engine's detector sized for
thumbnails) tells horizontal from vertical text lines; the engine's 0/180 line
classifier on a dozen of those lines then tells up from down. That costs a few
percent of a full OCR pass, which then runs once, on the upright page.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from parsers.ocr import THUMBNAIL_SIDE as SMALL_SIDE  # the copy orientation is judged on
from parsers.ocr import OcrEngine, selected_engine

MAX_LINES = 8  # lines given to the classifier; the longest are the most telling

_UPRIGHT = {
    90: Image.Transpose.ROTATE_90,  # content turned 90° clockwise: turn it back anticlockwise
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_270,
}


@dataclass(frozen=True)
class Orientation:
    angle: int  # clockwise degrees the content is turned: 0, 90, 180 or 270
    confidence: float  # 0..1; 0 when the page shows no text lines
    skew: float = 0.0  # clockwise degrees the upright page's lines slope (a photo, a crooked scan)


MIN_SKEW, MAX_SKEW = 0.3, 10.0  # degrees: below, not worth a resample; above, not a skew but a layout


def correct_orientation(image: Image.Image, engine: OcrEngine | None = None) -> tuple[Image.Image, Orientation]:
    """The page turned upright and straightened, and what was found; a page without text lines is left
    as it is.

    Straightening matters for phone photos: OCR boxes, table rows and form rules are all
    axis-aligned. `engine` judges the lines; None is the process's selected engine
    (`parsers.ocr.select_engine`)."""
    found = detect_orientation(image, engine)
    if found.confidence == 0:
        return image, found
    if found.angle:
        image = image.transpose(_UPRIGHT[found.angle])
    if MIN_SKEW <= abs(found.skew) <= MAX_SKEW:
        image = image.rotate(found.skew, resample=Image.BILINEAR, expand=True, fillcolor="white")
    return image, found


def detect_orientation(image: Image.Image, engine: OcrEngine | None = None) -> Orientation:
    engine = engine or selected_engine()
    small, scale = _small_bgr(image)
    quads = _detect_lines(small, engine)
    if not quads:
        return Orientation(0, 0.0)
    widths = np.array([_side_lengths(q) for q in quads])  # (n, 2): along x, along y
    horizontal = widths[:, 0] >= widths[:, 1]
    weight = np.maximum(widths[:, 0], widths[:, 1])
    share_h = float(weight[horizontal].sum() / weight.sum())
    vertical = share_h < 0.5
    chosen = [q for q, h in zip(quads, horizontal, strict=True) if h != vertical]
    chosen.sort(key=lambda q: -max(_side_lengths(q)))
    # Classify crops of the full-resolution page: small glyphs make the classifier unsure.
    # One contiguous copy: OpenCV would otherwise copy the whole reversed-channel view for every crop.
    full = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])
    crops = [chunk for q in chosen[:MAX_LINES] for chunk in _chunks(_crop(full, q / scale, vertical))]
    up, certainty = _vote_up(crops, engine)
    base = 90 if vertical else 0
    angle = base if up else (base + 180) % 360
    axis_confidence = abs(share_h - 0.5) * 2
    return Orientation(angle, round(min(axis_confidence, certainty), 3), _skew(chosen, angle))


def _skew(quads: list[np.ndarray], angle: int) -> float:
    """Clockwise slope in degrees of the text lines once the page is turned upright by `angle`:
    the length-weighted median over the detector's rotated line boxes."""
    slopes, weights = [], []
    for quad in quads:
        corners = _ordered(quad.astype(np.float32))
        top, side = corners[1] - corners[0], corners[3] - corners[0]
        dx, dy = top if np.hypot(*top) >= np.hypot(*side) else side
        if angle == 90:  # the upright page is this one turned anticlockwise: (dx, dy) → (dy, −dx)
            dx, dy = dy, -dx
        elif angle == 270:
            dx, dy = -dy, dx
        slope = float(np.degrees(np.arctan2(dy, dx)))
        slopes.append((slope + 90) % 180 - 90)  # a line has no direction: fold into (−90, 90]
        weights.append(float(np.hypot(dx, dy)))
    if not slopes:
        return 0.0
    order = np.argsort(slopes)
    cumulative = np.cumsum(np.asarray(weights)[order])
    return round(float(np.asarray(slopes)[order][np.searchsorted(cumulative, cumulative[-1] / 2)]), 2)


def _small_bgr(image: Image.Image) -> tuple[np.ndarray, float]:
    scale = min(1.0, SMALL_SIDE / max(image.size))
    small = image.convert("RGB")
    if scale < 1:
        small = small.resize((round(image.width * scale), round(image.height * scale)), Image.BILINEAR)
    return np.ascontiguousarray(np.asarray(small)[:, :, ::-1]), scale


def _detect_lines(bgr: np.ndarray, engine: OcrEngine) -> list[np.ndarray]:
    """Text line quadrilaterals from the engine's detector, run once at SMALL_SIDE."""
    return [q for q in engine.detect_lines(bgr) if min(_side_lengths(q)) >= 4]


def _side_lengths(quad: np.ndarray) -> tuple[float, float]:
    xs, ys = quad[:, 0], quad[:, 1]
    return float(xs.max() - xs.min()), float(ys.max() - ys.min())


def _crop(bgr: np.ndarray, quad: np.ndarray, vertical: bool) -> np.ndarray:
    """The line's pixels, straightened: a crooked photo's lines are warped level, since the
    classifier misjudges sloping text."""
    corners = _ordered(quad.astype(np.float32))
    w = int(round(max(np.linalg.norm(corners[1] - corners[0]), np.linalg.norm(corners[2] - corners[3]))))
    h = int(round(max(np.linalg.norm(corners[3] - corners[0]), np.linalg.norm(corners[2] - corners[1]))))
    if w < 2 or h < 2:
        return np.zeros((0, 0, 3), np.uint8)
    target = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    crop = cv2.warpPerspective(bgr, cv2.getPerspectiveTransform(corners, target), (w, h),
                               borderMode=cv2.BORDER_REPLICATE)
    # A line turned 90° clockwise reads top to bottom; turning the crop back anticlockwise
    # makes it horizontal, upright if the page was at 90° and upside down if at 270°.
    return np.ascontiguousarray(np.rot90(crop, 1)) if vertical else crop


def _ordered(quad: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left (for slopes under 45°)."""
    total, diff = quad.sum(axis=1), quad[:, 1] - quad[:, 0]
    return np.float32([quad[total.argmin()], quad[diff.argmin()], quad[total.argmax()], quad[diff.argmax()]])


def _chunks(line: np.ndarray, parts: int = 3) -> list[np.ndarray]:
    """Pieces about four heights wide: the classifier squeezes long lines to 192×48 and loses them."""
    h, w = line.shape[:2]
    step = 4 * h
    if h == 0 or w < step:
        return [line] if line.size else []
    starts = np.linspace(0, w - step, min(parts, w // step)).astype(int)
    return [np.ascontiguousarray(line[:, x : x + step]) for x in starts]


def _vote_up(crops: list[np.ndarray], engine: OcrEngine) -> tuple[bool, float]:
    """Whether the lines read upright (not upside down), and how sure the classifier is, 0..1."""
    verdicts = engine.classify_upright([c for c in crops if c.size])
    score = 0.0
    total = 0.0
    for label, conf in verdicts:
        sign = 1.0 if str(label) == "0" else -1.0
        score += sign * float(conf)
        total += float(conf)
    if total == 0:
        return True, 0.0
    return score >= 0, abs(score) / total
