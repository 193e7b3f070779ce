"""A4 pages drawn with PIL: office fonts, wrapped text, Excel-style grids, handwriting."""

from __future__ import annotations

import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

DPI = 150
A4 = (1240, 1754)  # 150 dpi

FONT_FILES = {
    "fangsong": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # AR PL UMing as 仿宋 stand-in
    "song": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "song_bold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "hei": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "hei_light": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
}
PT = DPI / 72  # pixels per point
SIZE_3HAO = round(16 * PT)  # 三号
SIZE_2HAO = round(22 * PT)
SIZE_XIAO4 = round(12 * PT)


@lru_cache(maxsize=128)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    path, index = FONT_FILES[name]
    return ImageFont.truetype(path, size, index=index)


class Page:
    """One white A4 page with a cursor-free drawing API (all coordinates in pixels at 150 dpi)."""

    def __init__(self, size: tuple[int, int] = A4) -> None:
        self.image = Image.new("RGB", size, "white")
        self.draw = ImageDraw.Draw(self.image)

    @property
    def width(self) -> int:
        return self.image.width

    def text(self, xy: tuple[float, float], s: str, face: str = "fangsong", size: int = SIZE_3HAO,
             fill: str | tuple = "black", anchor: str = "la") -> tuple[int, int, int, int]:
        self.draw.text(xy, s, font=font(face, size), fill=fill, anchor=anchor)
        return tuple(int(v) for v in self.draw.textbbox(xy, s, font=font(face, size), anchor=anchor))

    def centred(self, y: float, s: str, face: str = "song_bold", size: int = SIZE_2HAO,
                fill: str | tuple = "black") -> int:
        return self.text((self.width / 2, y), s, face, size, fill, anchor="ma")[3]

    def paragraph(self, x: int, y: int, s: str, width: int, face: str = "fangsong", size: int = SIZE_3HAO,
                  indent: bool = True, spacing: float = 1.6) -> int:
        """Wrap CJK text char by char inside `width`; returns the y below the paragraph."""
        f = font(face, size)
        line, lines = ("\u3000\u3000" if indent else ""), []
        for ch in s:
            if f.getlength(line + ch) > width:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
        for ln in lines:
            self.draw.text((x, y), ln, font=f, fill="black")
            y += int(size * spacing)
        return y

    def rule(self, y: int, x0: int, x1: int, fill: str | tuple = "black", width: int = 2) -> None:
        self.draw.line([(x0, y), (x1, y)], fill=fill, width=width)

    def grid(self, x: int, y: int, widths: list[int], rows: list[list[str]], row_h: int = 56,
             face: str = "song", size: int = SIZE_XIAO4, shade_header: bool = True,
             right_cols: frozenset[int] = frozenset(), line: int = 1, bold_rows: frozenset[int] = frozenset()
             ) -> int:
        """An Excel-printed table: thin grid, grey header, numbers right-aligned; returns its bottom."""
        total = sum(widths)
        for r, row in enumerate(rows):
            top = y + r * row_h
            if r == 0 and shade_header:
                self.draw.rectangle([x, top, x + total, top + row_h], fill=(217, 217, 217))
            cx = x
            for c, cell in enumerate(row):
                w = widths[c]
                f = font("hei_light" if (r == 0 or r in bold_rows) else face, size)
                text = _fit(cell, f, w - 10)
                if r > 0 and c in right_cols:
                    self.draw.text((cx + w - 8, top + row_h / 2), text, font=f, fill="black", anchor="rm")
                else:
                    self.draw.text((cx + w / 2, top + row_h / 2), text, font=f, fill="black", anchor="mm")
                cx += w
        bottom = y + len(rows) * row_h
        for r in range(len(rows) + 1):
            self.draw.line([(x, y + r * row_h), (x + total, y + r * row_h)], fill="black", width=line)
        cx = x
        for w in [0, *widths]:
            cx += w
            self.draw.line([(cx, y), (cx, bottom)], fill="black", width=line)
        return bottom

    def paste_ink(self, layer: Image.Image, cx: float, cy: float) -> None:
        """Multiply an RGBA ink layer (seal, stamp, handwriting) onto the page centred at (cx, cy)."""
        x, y = int(cx - layer.width / 2), int(cy - layer.height / 2)
        multiply(self.image, layer, x, y)


def _fit(text: str, f: ImageFont.FreeTypeFont, width: int) -> str:
    while text and f.getlength(text) > width:
        text = text[:-1]
    return text


def multiply(base: Image.Image, layer: Image.Image, x: int, y: int) -> None:
    """Multiply-blend `layer` (RGBA) onto `base` (RGB) at (x, y), clipped to the page."""
    x0, y0 = max(x, 0), max(y, 0)
    x1, y1 = min(x + layer.width, base.width), min(y + layer.height, base.height)
    if x1 <= x0 or y1 <= y0:
        return
    region = np.asarray(base.crop((x0, y0, x1, y1)), dtype=np.float32)
    ink = np.asarray(layer.crop((x0 - x, y0 - y, x1 - x, y1 - y)), dtype=np.float32)
    alpha = ink[..., 3:4] / 255.0
    mixed = region * (1 - alpha) + region * (ink[..., :3] / 255.0) * alpha
    base.paste(Image.fromarray(mixed.clip(0, 255).astype(np.uint8)), (x0, y0))


INKS = {"blue": (28, 45, 140), "black": (25, 25, 30), "navy": (20, 30, 80)}


def handwriting(rng: random.Random, s: str, size: int = 46, ink: str = "blue", slant: float = 0.0
                ) -> Image.Image:
    """A word written by hand: 楷 glyphs jittered in place, size and angle, thickened; RGBA."""
    f = font("kai", size)
    w = int(size * (len(s) * 0.95 + 0.8))
    layer = Image.new("L", (w, int(size * 1.8)), 0)
    x = size * 0.3
    for ch in s:
        glyph = Image.new("L", (int(size * 1.5), int(size * 1.5)), 0)
        ImageDraw.Draw(glyph).text((size * 0.2, size * 0.1), ch, font=f, fill=255,
                                   stroke_width=rng.choice((1, 1, 2)), stroke_fill=255)
        glyph = glyph.rotate(rng.uniform(-12, 12) + slant, resample=Image.BICUBIC, expand=False)
        scale = rng.uniform(0.85, 1.15)
        glyph = glyph.resize((max(1, int(glyph.width * scale)), max(1, int(glyph.height * scale))))
        layer.paste(glyph, (int(x), int(size * 0.15 + rng.uniform(-6, 6))), glyph)
        x += size * rng.uniform(0.72, 0.95)
    layer = layer.crop((0, 0, min(w, int(x + size * 0.6)), layer.height))
    colour = INKS[ink]
    out = Image.new("RGBA", layer.size, colour + (0,))
    out.putalpha(layer.point(lambda v: int(v * 0.92)))
    return out
