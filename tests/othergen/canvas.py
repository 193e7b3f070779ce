"""Pages as lists of drawing operations in millimetres, rendered to a raster (for scans) or to a
born-digital PDF with a real text layer (reportlab)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_FILES: dict[str, tuple[str, int]] = {
    "song": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "notoserif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "notosans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "notoserif-bold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "notosans-bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
}
# Fonts reportlab can embed (TrueType outlines); the Noto CJK faces are CFF and only rasterised.
DIGITAL_FONTS = ("song", "hei", "kai")
PT_MM = 25.4 / 72


@lru_cache(maxsize=256)
def font(name: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = FONT_FILES[name]
    return ImageFont.truetype(path, max(4, px), index=index)


def text_width(text: str, name: str, size_pt: float) -> float:
    """Width in mm of `text` at `size_pt` in font `name`."""
    return font(name, 200).getlength(text) / 200 * size_pt * PT_MM


@dataclass
class Text:
    x: float
    y: float  # top of the em box, mm
    text: str
    size: float  # pt
    face: str = "song"
    color: tuple[int, int, int] = (0, 0, 0)
    bold: bool = False


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.25  # mm
    color: tuple[int, int, int] = (0, 0, 0)


@dataclass
class Fill:
    x: float
    y: float
    w: float
    h: float
    color: tuple[int, int, int]


@dataclass
class Picture:
    x: float
    y: float
    w: float
    h: float
    image: Image.Image  # RGBA
    multiply: bool = True  # ink and stamps darken what lies under them


@dataclass
class Page:
    width: float = 210.0
    height: float = 297.0
    ops: list = field(default_factory=list)
    song: str = "song"  # body face for this document
    hei: str = "hei"

    def text(self, x: float, y: float, text: str, size: float = 12, face: str | None = None, **kw) -> float:
        face = face or self.song
        self.ops.append(Text(x, y, text, size, face, **kw))
        return text_width(text, face, size)

    def center(self, y: float, text: str, size: float = 12, face: str | None = None, x0: float = 0,
               x1: float | None = None, **kw) -> None:
        face = face or self.song
        x1 = self.width if x1 is None else x1
        self.text(x0 + (x1 - x0 - text_width(text, face, size)) / 2, y, text, size, face, **kw)

    def right(self, x: float, y: float, text: str, size: float = 12, face: str | None = None, **kw) -> None:
        face = face or self.song
        self.text(x - text_width(text, face, size), y, text, size, face, **kw)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.25, color=(0, 0, 0)) -> None:
        self.ops.append(Line(x1, y1, x2, y2, width, color))

    def rect(self, x: float, y: float, w: float, h: float, width: float = 0.25) -> None:
        self.line(x, y, x + w, y, width)
        self.line(x, y + h, x + w, y + h, width)
        self.line(x, y, x, y + h, width)
        self.line(x + w, y, x + w, y + h, width)

    def fill(self, x: float, y: float, w: float, h: float, color) -> None:
        self.ops.append(Fill(x, y, w, h, color))

    def picture(self, x: float, y: float, w: float, image: Image.Image, multiply: bool = True) -> float:
        """Place `image` `w` mm wide at (x, y); returns its height in mm."""
        h = w * image.height / image.width
        self.ops.append(Picture(x, y, w, h, image, multiply))
        return h

    def paragraph(self, x: float, y: float, width: float, text: str, size: float = 12, indent: bool = True,
                  leading: float = 1.75, face: str | None = None) -> float:
        """Wrap `text` into lines within `width` mm; returns the y below it."""
        face = face or self.song
        line, lines = ("\u3000\u3000" if indent else ""), []
        for char in text:
            if text_width(line + char, face, size) > width:
                lines.append(line)
                line = ""
            line += char
        lines.append(line)
        step = size * PT_MM * leading
        for item in lines:
            self.text(x, y, item, size, face)
            y += step
        return y


def render(page: Page, dpi: float) -> Image.Image:
    """The page as an RGB raster at `dpi`."""
    k = dpi / 25.4
    size = (round(page.width * k), round(page.height * k))
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    pictures = []
    for op in page.ops:
        if isinstance(op, Fill):
            draw.rectangle([op.x * k, op.y * k, (op.x + op.w) * k, (op.y + op.h) * k], fill=op.color)
    for op in page.ops:
        if isinstance(op, Line):
            draw.line([op.x1 * k, op.y1 * k, op.x2 * k, op.y2 * k], fill=op.color,
                      width=max(1, round(op.width * k)))
        elif isinstance(op, Text):
            px = round(op.size * PT_MM * k)
            draw.text((op.x * k, op.y * k), op.text, font=font(op.face, px), fill=op.color,
                      stroke_width=max(1, px // 28) if op.bold else 0, stroke_fill=op.color)
        elif isinstance(op, Picture):
            pictures.append(op)
    if pictures:
        canvas = np.asarray(image, dtype=np.float32) / 255
        for op in pictures:
            w, h = max(1, round(op.w * k)), max(1, round(op.h * k))
            tile = np.asarray(op.image.convert("RGBA").resize((w, h), Image.LANCZOS), dtype=np.float32) / 255
            x0, y0 = round(op.x * k), round(op.y * k)
            xa, ya = max(0, x0), max(0, y0)
            xb, yb = min(size[0], x0 + w), min(size[1], y0 + h)
            if xa >= xb or ya >= yb:
                continue
            part = tile[ya - y0:yb - y0, xa - x0:xb - x0]
            alpha, rgb = part[..., 3:4], part[..., :3]
            under = canvas[ya:yb, xa:xb]
            canvas[ya:yb, xa:xb] = under * (1 - alpha + alpha * rgb) if op.multiply else \
                under * (1 - alpha) + rgb * alpha
        image = Image.fromarray((canvas * 255).clip(0, 255).astype(np.uint8))
    return image


_REGISTERED: set[str] = set()


def pdf_digital(pages: list[Page]) -> bytes:
    """A born-digital PDF: real text, vector lines, pasted signature and e-seal images."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas as rl

    for name in DIGITAL_FONTS:
        if name not in _REGISTERED:
            path, index = FONT_FILES[name]
            pdfmetrics.registerFont(TTFont(f"oth-{name}", path, subfontIndex=index))
            _REGISTERED.add(name)
    buffer = io.BytesIO()
    mm = 72 / 25.4
    pdf = rl.Canvas(buffer, pagesize=(pages[0].width * mm, pages[0].height * mm), invariant=1)
    for page in pages:
        pdf.setPageSize((page.width * mm, page.height * mm))
        top = page.height * mm
        for op in page.ops:
            if isinstance(op, Fill):
                pdf.setFillColorRGB(*(c / 255 for c in op.color))
                pdf.rect(op.x * mm, top - (op.y + op.h) * mm, op.w * mm, op.h * mm, stroke=0, fill=1)
        for op in page.ops:
            if isinstance(op, Line):
                pdf.setStrokeColorRGB(*(c / 255 for c in op.color))
                pdf.setLineWidth(op.width * mm)
                pdf.line(op.x1 * mm, top - op.y1 * mm, op.x2 * mm, top - op.y2 * mm)
            elif isinstance(op, Text):
                face = op.face if op.face in DIGITAL_FONTS else ("hei" if "sans" in op.face else "song")
                pdf.setFillColorRGB(*(c / 255 for c in op.color))
                pdf.setFont(f"oth-{face}", op.size)
                pdf.drawString(op.x * mm, top - op.y * mm - op.size * 0.86, op.text)
            elif isinstance(op, Picture):
                data = io.BytesIO()
                op.image.convert("RGBA").save(data, "PNG")
                data.seek(0)
                pdf.drawImage(ImageReader(data), op.x * mm, top - (op.y + op.h) * mm, op.w * mm, op.h * mm,
                              mask="auto")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
