"""A PDF's text layer is trusted only where it reads: a page whose font has no ToUnicode map is OCRed.

The PDFs are made by reportlab; the map is then dropped from one embedded font with pypdf, as some
PDF writers never write it (the glyphs come out of pdfminer as "(cid:12)").
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from parsers.attachments import load_documents
from parsers.limits import Limits
from parsers.model import Attachment, DocumentClass, ParsedMessage
from parsers.ocr import make_engine
from parsers.read import read_evidence

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

FONTS = {"Body": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "Unmapped": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"}
UNMAPPED_FONT = "WenQuanYiMicroHei"
LETTER = [
    ("Body", "连云港中等专业学校关于2024年证书申报调整的申请"),
    ("Body", "申请单位：连云港中等专业学校"),
    ("Body", "Web前端开发（中级） 人数规模 由80人调整为120人"),
    ("Unmapped", "证书试点管理部门意见：同意调整"),
    ("Unmapped", "校级分管领导意见：同意"),
]


def letter_pdf(lines: list[tuple[str, str]], *, drop_map: bool) -> bytes:
    """One A4 page, each line in its font; with `drop_map`, the Unmapped font loses its ToUnicode map."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for name, path in FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    y = A4[1] - 72
    for font, text in lines:
        pdf.setFont(font, 16)
        pdf.drawString(72, y, text)
        y -= 40
    pdf.showPage()
    pdf.save()
    if not drop_map:
        return out.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    for font in writer.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        if UNMAPPED_FONT in str(font.get("/BaseFont")):
            del font[NameObject("/ToUnicode")]
    mapless = io.BytesIO()
    writer.write(mapless)
    return mapless.getvalue()


def only_page(data: bytes):  # type: ignore[no-untyped-def]
    (document,) = load_documents([Attachment("申请.pdf", "application/pdf", data)])
    assert document.kind is DocumentClass.READABLE
    (page,) = document.pages
    return page


def test_a_text_layer_that_reads_is_used() -> None:
    page = only_page(letter_pdf(LETTER, drop_map=False))
    assert page.text_source == "text"
    assert "证书试点管理部门意见：同意调整" in page.text


def test_a_word_processor_s_page_is_typeset_and_a_scan_under_its_text_layer_is_not() -> None:
    """A picture covering most of the page is a scan (a scanner app's OCR layer lies over pen and print
    alike); a small picture on a typed page (a pasted signature) leaves the page typeset."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    def with_picture(width: float, height: float) -> bytes:
        typed = PdfReader(io.BytesIO(letter_pdf(LETTER, drop_map=False)))
        out = io.BytesIO()
        pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
        pdf.drawImage(ImageReader(Image.new("RGB", (60, 30), (40, 40, 40))), 72, 72, width, height)
        pdf.showPage()
        pdf.save()
        writer = PdfWriter(clone_from=typed)
        writer.pages[0].merge_page(PdfReader(io.BytesIO(out.getvalue())).pages[0])
        merged = io.BytesIO()
        writer.write(merged)
        return merged.getvalue()

    assert only_page(letter_pdf(LETTER, drop_map=False)).typeset
    assert only_page(with_picture(90, 40)).typeset
    scan = only_page(with_picture(A4[0] - 100, A4[1] - 150))
    assert scan.text_source == "text" and not scan.typeset


def test_a_page_with_glyphs_without_unicode_map_is_left_to_ocr() -> None:
    page = only_page(letter_pdf(LETTER, drop_map=True))
    assert (page.text_source, page.lines) == (None, [])  # its approval lines would read "(cid:1)(cid:2)…"


def test_a_page_whose_layer_has_no_chinese_at_all_is_left_to_ocr() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    # no Chinese at all: junk from a font without a Unicode map, or an English page OCR reads as well
    pdf.setFont("Helvetica", 14)
    pdf.drawString(72, A4[1] - 72, "Application for adjusting the 2024 certificate pilot declarations")
    pdf.save()
    assert only_page(out.getvalue()).text_source is None


@pytest.mark.slow
def test_approval_lines_in_a_font_without_unicode_map_are_read_by_ocr() -> None:
    attachment = Attachment("申请.pdf", "application/pdf", letter_pdf(LETTER, drop_map=True))
    parsed = ParsedMessage(message_id="<a@b>", subject="", sender="", from_display="", reply_to=[], to=[],
                           cc=[], date=None, received=None, references=[], headers={}, body_text="",
                           body_html="", content_type="multipart/mixed", attachments=[attachment])
    evidence = read_evidence(parsed, engine=make_engine("rapidocr"), limits=Limits())
    (document,) = evidence.documents
    assert document.text_source == "ocr"
    assert evidence.department is not None and evidence.department.found and evidence.department.affirmative
    assert evidence.leader is not None and evidence.leader.found and evidence.leader.affirmative
    assert "同意调整" in evidence.department.opinion


def table_row_texts(draw_row: Callable[[Canvas], None]) -> list[str]:
    """The text-layer lines of an A4 page with a title and what `draw_row` draws in Body 10.5 pt."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "Body" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Body", FONTS["Body"], subfontIndex=0))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    pdf.setFont("Body", 10.5)
    pdf.drawString(72, 700, "连云港中等专业学校关于2024年证书申报调整的申请")
    draw_row(pdf)
    pdf.showPage()
    pdf.save()
    return [line.text for line in only_page(out.getvalue()).lines]


def test_cells_a_glyph_apart_stay_apart_in_the_text_layer() -> None:
    """A Word table's wrapped cells end and begin about one glyph apart: two cells, not one run."""
    def row(pdf: Canvas) -> None:
        left = "730701电子商"
        pdf.drawString(150, 660, left)
        pdf.drawString(150 + pdf.stringWidth(left, "Body", 10.5) + 10.5, 660, "700206汽车运")  # one glyph on

    texts = table_row_texts(row)
    assert "730701电子商" in texts and "700206汽车运" in texts


def test_cells_filled_up_to_the_rule_between_them_stay_apart_in_the_text_layer() -> None:
    """A Word table's cells whose text runs up to the drawn rule between them (less than a glyph apart)
    are two cells: the rule cuts the run, where a gap alone would not."""
    cells = ["考核专业", "智慧健康养", "婴幼儿托育"]

    def row(pdf: Canvas) -> None:
        x = 150.0
        for text in cells:
            pdf.drawString(x, 660, text)
            x += pdf.stringWidth(text, "Body", 10.5) + 2  # the next cell begins 2 pt after this one's text
            pdf.line(x - 1, 650, x - 1, 675)
        pdf.drawString(150, 620, "考核专业智慧健康养")  # the same glyphs with no rule between: one run

    texts = table_row_texts(row)
    assert all(text in texts for text in cells)
    assert "考核专业智慧健康养" in texts
