"""A page as a display list in millimetres, rendered to a PIL image at any dpi or to a PDF text page.

Laying pages out once in millimetres lets one layout become a 100 dpi scan, a 300 dpi scan or a
born-digital PDF page (text and rules only) without drawing it twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_FILES: dict[str, tuple[str, int]] = {
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "serif_bold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "sans_bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}
# reportlab reads only TrueType outlines, so digital pages use these (Noto CJK is CFF).
PDF_FONTS: dict[str, str] = {"serif": "ming", "serif_bold": "hei", "sans": "hei", "sans_bold": "hei",
                             "ming": "ming", "kai": "kai", "hei": "hei"}

BLACK = (20, 20, 20)
RED = (215, 30, 35)
MM_PER_INCH = 25.4
PT_TO_MM = MM_PER_INCH / 72


@cache
def font(name: str, size_px: int) -> ImageFont.FreeTypeFont:
    path, index = FONT_FILES[name]
    return ImageFont.truetype(path, max(size_px, 4), index=index)


def text_width_mm(text: str, size_pt: float, font_name: str = "serif") -> float:
    """Width of `text` set at `size_pt`, measured at a fixed reference size."""
    reference = font(font_name, 100)
    return reference.getlength(text) / 100 * size_pt * PT_TO_MM


@dataclass
class Text:
    x: float
    y: float  # top of the line box, mm
    text: str
    size: float  # pt
    font: str = "serif"
    color: tuple[int, int, int] = BLACK


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.3  # mm
    color: tuple[int, int, int] = BLACK


@dataclass
class Mark:
    """Ink that is not typesetting (seal, name stamp, signature): an RGBA image multiplied onto the page."""

    x: float  # centre, mm
    y: float
    width: float  # mm
    image: Image.Image
    angle: float = 0.0


@dataclass
class Sheet:
    width: float = 210.0
    height: float = 297.0
    ops: list[Text | Line | Mark] = field(default_factory=list)

    def text(self, x: float, y: float, text: str, size: float = 12, font_name: str = "serif",
             color: tuple[int, int, int] = BLACK) -> None:
        self.ops.append(Text(x, y, text, size, font_name, color))

    def centred(self, y: float, text: str, size: float, font_name: str = "serif",
                color: tuple[int, int, int] = BLACK, left: float = 0.0, right: float | None = None) -> None:
        right = self.width if right is None else right
        width = text_width_mm(text, size, font_name)
        self.text(left + (right - left - width) / 2, y, text, size, font_name, color)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.3,
             color: tuple[int, int, int] = BLACK) -> None:
        self.ops.append(Line(x1, y1, x2, y2, width, color))

    def rect(self, x: float, y: float, w: float, h: float, width: float = 0.3) -> None:
        self.line(x, y, x + w, y, width)
        self.line(x, y + h, x + w, y + h, width)
        self.line(x, y, x, y + h, width)
        self.line(x + w, y, x + w, y + h, width)

    def mark(self, x: float, y: float, width: float, image: Image.Image, angle: float = 0.0) -> None:
        self.ops.append(Mark(x, y, width, image, angle))

    @property
    def has_marks(self) -> bool:
        return any(isinstance(op, Mark) for op in self.ops)


def render(sheet: Sheet, dpi: int) -> Image.Image:
    """The sheet as an RGB image at `dpi`; marks are multiplied so text under a seal stays visible."""
    scale = dpi / MM_PER_INCH
    size = (round(sheet.width * scale), round(sheet.height * scale))
    page = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(page)
    marks: list[Mark] = []
    for op in sheet.ops:
        if isinstance(op, Text):
            px = round(op.size * PT_TO_MM * scale)
            draw.text((op.x * scale, op.y * scale), op.text, fill=op.color, font=font(op.font, px))
        elif isinstance(op, Line):
            draw.line([(op.x1 * scale, op.y1 * scale), (op.x2 * scale, op.y2 * scale)],
                      fill=op.color, width=max(1, round(op.width * scale)))
        else:
            marks.append(op)
    canvas = np.asarray(page, dtype=np.float32) / 255
    for mark in marks:
        canvas = _multiply(canvas, mark, scale)
    return Image.fromarray((canvas * 255).clip(0, 255).astype(np.uint8))


def _multiply(canvas: np.ndarray, mark: Mark, scale: float) -> np.ndarray:
    image = mark.image.convert("RGBA")
    width_px = max(2, round(mark.width * scale))
    height_px = max(2, round(image.height * width_px / image.width))
    image = image.resize((width_px, height_px), Image.Resampling.LANCZOS)
    if mark.angle:
        image = image.rotate(mark.angle, resample=Image.Resampling.BICUBIC, expand=True)
    ink = np.asarray(image, dtype=np.float32) / 255
    left = round(mark.x * scale - image.width / 2)
    top = round(mark.y * scale - image.height / 2)
    x0, y0 = max(left, 0), max(top, 0)
    x1, y1 = min(left + image.width, canvas.shape[1]), min(top + image.height, canvas.shape[0])
    if x0 >= x1 or y0 >= y1:
        return canvas
    patch = ink[y0 - top:y1 - top, x0 - left:x1 - left]
    alpha = patch[..., 3:4]
    tint = 1 - alpha * (1 - patch[..., :3])
    canvas[y0:y1, x0:x1] *= tint
    return canvas


def digital_pdf_page(pdf_canvas: object, sheet: Sheet) -> None:
    """Draw the sheet's text and rules onto a reportlab canvas page (marks are left to the scan)."""
    from reportlab.lib.units import mm

    for op in sheet.ops:
        if isinstance(op, Text):
            pdf_canvas.setFillColorRGB(*(c / 255 for c in op.color))
            pdf_canvas.setFont(_pdf_font(PDF_FONTS[op.font]), op.size)
            baseline = sheet.height - op.y - op.size * PT_TO_MM * 0.88
            pdf_canvas.drawString(op.x * mm, baseline * mm, op.text)
        elif isinstance(op, Line):
            pdf_canvas.setStrokeColorRGB(*(c / 255 for c in op.color))
            pdf_canvas.setLineWidth(op.width * mm)
            pdf_canvas.line(op.x1 * mm, (sheet.height - op.y1) * mm, op.x2 * mm, (sheet.height - op.y2) * mm)


@cache
def _pdf_font(name: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path, index = FONT_FILES[name]
    pdfmetrics.registerFont(TTFont(f"formgen-{name}", path, subfontIndex=index))
    return f"formgen-{name}"

