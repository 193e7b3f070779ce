"""Tesseract (chi_sim) through pytesseract: line-level boxes from image_to_data, with a timeout."""

from __future__ import annotations

import re

import numpy as np
from PIL import Image

from parsers.model import TextLine
from parsers.ocr import OcrFailed, OcrUnavailable, reading_order

TIMEOUT_S = 60
LANG = "chi_sim"
OSD_CONFIDENT = 10.0  # tesseract's orientation confidence at which we call the verdict certain
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f]) +|  +(?=[^\x00-\x7f])| +(?=[^\x00-\x7f])")


def check_tesseract(lang: str = LANG) -> None:
    """The tesseract program runs and has the `lang` and `osd` data; else `OcrUnavailable`, one line."""
    try:
        import pytesseract

        version = pytesseract.get_tesseract_version()
        langs = pytesseract.get_languages(config="")
    except Exception as e:  # TesseractNotFoundError, broken install
        raise OcrUnavailable(f"未找到可用的 tesseract 程序：{str(e).splitlines()[0] if str(e) else type(e).__name__}") from e
    for needed in (lang, "osd"):
        if needed not in langs:
            raise OcrUnavailable(f"tesseract {version} 缺少语言包 {needed}")


class TesseractEngine:
    name = "tesseract"

    def __init__(self, lang: str = LANG, timeout: int = TIMEOUT_S) -> None:
        check_tesseract(lang)
        import pytesseract

        self._tess, self.lang, self.timeout = pytesseract, lang, timeout

    def recognize(self, image: Image.Image) -> list[TextLine]:
        # one block: psm 3 drops the first glyph of margin lines
        return reading_order(_lines(self._data(image.convert("RGB"), "--psm 6")))

    def detect_lines(self, bgr: np.ndarray) -> list[np.ndarray]:
        """Line boxes of tesseract's layout analysis on the thumbnail, as quadrilaterals."""
        data = self._data(Image.fromarray(np.ascontiguousarray(bgr[:, :, ::-1])), "--psm 3")
        return [np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32)
                for line in _lines(data) for x0, y0, x1, y1 in [line.box]]

    def classify_upright(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """One verdict for all the lines: tesseract's orientation detection (OSD) on them stacked."""
        if not crops:
            return []
        stacked = _stack([np.ascontiguousarray(c[:, :, ::-1]) for c in crops])
        try:
            osd = self._tess.image_to_osd(Image.fromarray(stacked), config="--psm 0",
                                          output_type=self._tess.Output.DICT, timeout=self.timeout)
        except Exception:  # noqa: BLE001 - too few characters to tell: no verdict, the page stays as it is
            return []
        label = "180" if int(osd.get("rotate", 0)) == 180 else "0"
        return [(label, min(1.0, float(osd.get("orientation_conf", 0.0)) / OSD_CONFIDENT))]

    def reread(self, image: Image.Image) -> list[TextLine]:
        return self.recognize(image)  # tesseract keeps faint lines already: there is no threshold to ease

    def read_strip(self, strip: np.ndarray) -> tuple[str, float]:
        """The strip as one line of text (page segmentation mode 7)."""
        lines = _lines(self._data(Image.fromarray(np.ascontiguousarray(strip[:, :, ::-1])), "--psm 7"))
        if not lines:
            return "", 0.0
        return "".join(line.text for line in lines), sum(line.confidence for line in lines) / len(lines)

    def _data(self, image: Image.Image, config: str) -> dict[str, list]:
        try:
            return self._tess.image_to_data(image, lang=self.lang, config=config,
                                            output_type=self._tess.Output.DICT, timeout=self.timeout)
        except RuntimeError as e:
            raise OcrFailed(f"tesseract 识别超时（{self.timeout} 秒）") from e
        except Exception as e:
            raise OcrFailed(f"tesseract 识别失败：{e}") from e


def _lines(data: dict[str, list]) -> list[TextLine]:
    """Group tesseract's words by (block, paragraph, line) into TextLines."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if str(word).strip() and float(data["conf"][i]) >= 0:
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            groups.setdefault(key, []).append(i)
    lines = []
    for idx in groups.values():
        text = _CJK_GAP.sub("", " ".join(str(data["text"][i]).strip() for i in idx))
        x0 = min(data["left"][i] for i in idx)
        y0 = min(data["top"][i] for i in idx)
        x1 = max(data["left"][i] + data["width"][i] for i in idx)
        y1 = max(data["top"][i] + data["height"][i] for i in idx)
        conf = sum(float(data["conf"][i]) for i in idx) / len(idx) / 100
        lines.append(TextLine(text=text, box=(float(x0), float(y0), float(x1), float(y1)), confidence=conf))
    return lines


def _stack(rows: list[np.ndarray], gap: int = 8) -> np.ndarray:
    """RGB crops one under another on white, each at the left."""
    width = max(r.shape[1] for r in rows)
    height = sum(r.shape[0] + gap for r in rows) + gap
    canvas = np.full((height, width + 2 * gap, 3), 255, np.uint8)
    y = gap
    for row in rows:
        canvas[y:y + row.shape[0], gap:gap + row.shape[1]] = row
        y += row.shape[0] + gap
    return canvas
