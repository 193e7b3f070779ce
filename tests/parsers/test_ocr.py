"""OCR engines on generated scans: real RapidOCR and real tesseract, no mocks."""

from __future__ import annotations

import pytest

from parsers.ocr import OcrEngine, OcrUnavailable, make_engine
from tests.scangen import make_scan


@pytest.fixture(scope="module")
def clean_scan():
    return make_scan(101, style="clean")


def test_rapidocr_reads_title_and_applicant(clean_scan):
    engine = make_engine("rapidocr")
    text = "\n".join(line.text for line in engine.recognize(clean_scan.image))
    assert "2024年证书申报调整的申请" in text
    assert f"申请单位：{clean_scan.truth.school}" in text.replace(":", "：")


def test_rapidocr_lines_have_boxes_inside_the_page(clean_scan):
    lines = make_engine("rapidocr").recognize(clean_scan.image)
    width, height = clean_scan.image.size
    assert lines
    for line in lines:
        x0, y0, x1, y1 = line.box
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        assert 0 < line.confidence <= 1


def test_make_engine_loads_each_engine_once():
    assert make_engine("rapidocr") is make_engine("rapidocr")


def test_engines_satisfy_the_protocol():
    assert isinstance(make_engine("rapidocr"), OcrEngine)
    assert isinstance(make_engine("tesseract"), OcrEngine)


def test_tesseract_engine_selectable_and_reads_chinese(clean_scan):
    engine = make_engine("tesseract")
    assert engine.name == "tesseract"
    top = clean_scan.image.crop((0, 0, clean_scan.image.width, 420))  # title and addressee: quick
    text = "".join(line.text for line in engine.recognize(top))
    assert "证书申报调整" in text
    assert "申请单位" in text


def test_unknown_engine_is_unavailable_with_a_clear_message():
    with pytest.raises(OcrUnavailable, match="未知的 OCR 引擎"):
        make_engine("abbyy")


def test_traditional_glyph_forms_come_back_simplified():
    """A label whose glyphs RapidOCR reads as their traditional forms (as in a blurred photo) comes back as
    written. (tesseract's chi_sim model has no traditional glyphs to read.)"""
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("RGB", (1240, 400), "white")
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 36)
    ImageDraw.Draw(page).text((100, 150), "校級分管領導意見：同意上報。", font=font, fill="black")
    text = "".join(line.text for line in make_engine("rapidocr").recognize(page))
    assert "校级分管领导意见" in text and "同意上报" in text
