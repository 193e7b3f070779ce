"""Tesseract (chi_sim) through pytesseract: line-level boxes from image_to_data, with a timeout."""

from __future__ import annotations

import re

from PIL.Image import Image

from parsers.model import TextLine
from parsers.ocr import OcrFailed, OcrUnavailable, reading_order

TIMEOUT_S = 60
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f]) +|  +(?=[^\x00-\x7f])| +(?=[^\x00-\x7f])")


class TesseractEngine:
    name = "tesseract"

    def __init__(self, lang: str = "chi_sim", timeout: int = TIMEOUT_S) -> None:
        try:
            import pytesseract

            version = pytesseract.get_tesseract_version()
            langs = pytesseract.get_languages(config="")
        except Exception as e:  # TesseractNotFoundError, broken install
            raise OcrUnavailable(f"未找到可用的 tesseract 程序：{e}") from e
        if lang not in langs:
            raise OcrUnavailable(f"tesseract {version} 缺少语言包 {lang}")
        self._tess, self.lang, self.timeout = pytesseract, lang, timeout

    def recognize(self, image: Image) -> list[TextLine]:
        try:
            data = self._tess.image_to_data(
                image.convert("RGB"),
                lang=self.lang,
                config="--psm 6",  # one block: psm 3 drops the first glyph of margin lines
                output_type=self._tess.Output.DICT,
                timeout=self.timeout,
            )
        except RuntimeError as e:  # pytesseract raises RuntimeError on timeout
            raise OcrFailed(f"tesseract 识别超时（{self.timeout} 秒）") from e
        except Exception as e:
            raise OcrFailed(f"tesseract 识别失败：{e}") from e
        return reading_order(_lines(data))


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
