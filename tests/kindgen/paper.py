"""Drawing on a sheet of A4 in millimetres: typed and handwritten text, ruled tables with merged cells,
check boxes, signatures, name stamps and red seals; then the scanner (skew, noise, blur, grey) and the
files a school attaches (PDF, JPEG, PNG, TIFF)."""

from __future__ import annotations

import datetime as dt
import io
import math
import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = {
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "sansbold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "serifbold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}
BODY_FONTS = ["serif", "sans", "ming", "hei", "serif", "kai"]
INKS = {"black": (28, 28, 34), "blue": (24, 48, 150), "darkblue": (20, 30, 95)}
RED = (214, 30, 36)


@lru_cache(maxsize=256)
def font(kind: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = FONTS[kind]
    return ImageFont.truetype(path, max(6, px), index=index)


class Page:
    def __init__(self, dpi: int, landscape: bool = False, paper: int = 255):
        self.dpi = dpi
        w, h = (297, 210) if landscape else (210, 297)
        self.w_mm, self.h_mm = w, h
        self.img = Image.new("RGB", (self.px(w), self.px(h)), (paper, paper, paper - 2))
        self.draw = ImageDraw.Draw(self.img)
        self.seals: list[tuple[float, float]] = []

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def fpx(self, pt: float) -> int:
        return int(round(pt * self.dpi / 72))

    def text_w(self, s: str, pt: float, kind: str) -> float:
        return font(kind, self.fpx(pt)).getlength(s) * 25.4 / self.dpi

    def text(self, x: float, y: float, s: str, pt: float = 12, kind: str = "serif", fill=INKS["black"],
             anchor: str = "la") -> float:
        self.draw.text((self.px(x), self.px(y)), s, font=font(kind, self.fpx(pt)), fill=fill, anchor=anchor)
        return self.text_w(s, pt, kind)

    def wrap(self, s: str, width: float, pt: float, kind: str) -> list[str]:
        lines, cur = [], ""
        for ch in s:
            if ch == "\n":
                lines.append(cur)
                cur = ""
                continue
            if cur and self.text_w(cur + ch, pt, kind) > width:
                if ch in "，。、；：）」》”" and len(cur) > 1:
                    lines.append(cur[:-1])
                    cur = cur[-1]
                else:
                    lines.append(cur)
                    cur = ""
            cur += ch
        if cur:
            lines.append(cur)
        return lines

    def para(self, x: float, y: float, width: float, s: str, pt: float = 12, kind: str = "serif",
             indent: bool = True, spacing: float = 1.6, fill=INKS["black"]) -> float:
        s = ("\u3000\u3000" if indent else "") + s
        for line in self.wrap(s, width, pt, kind):
            self.text(x, y, line, pt, kind, fill)
            y += pt * 0.3528 * spacing
        return y

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.25, fill=INKS["black"]) -> None:
        self.draw.line([(self.px(x1), self.px(y1)), (self.px(x2), self.px(y2))], fill=fill,
                       width=max(1, self.px(width)))

    def rect(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.25, fill=INKS["black"]) -> None:
        self.draw.rectangle([self.px(x1), self.px(y1), self.px(x2), self.px(y2)], outline=fill,
                            width=max(1, self.px(width)))

    def checkbox(self, x: float, y: float, size: float, checked: bool, rng: random.Random) -> None:
        """A printed □ at (x, y) top-left; a ticked one carries a hand-drawn √ (or a printed one)."""
        self.rect(x, y, x + size, y + size, 0.25)
        if checked:
            if rng.random() < 0.5:
                pts = [(x + size * 0.15, y + size * 0.5), (x + size * 0.42, y + size * 0.85),
                       (x + size * 1.05, y - size * 0.15)]
                self.draw.line([(self.px(a), self.px(b)) for a, b in pts], fill=INKS["blue"],
                               width=max(2, self.px(0.45)), joint="curve")
            else:
                self.text(x + size / 2, y + size / 2, "√", size * 2.4, "sans", anchor="mm")

    def table(self, x: float, y: float, widths: list[float], rows: list[list[str | None]], pt: float = 10.5,
              kind: str = "serif", min_h: float = 8.0, spans: dict | None = None, bold_rows: int = 1,
              width: float = 0.3, align_left: set | None = None) -> tuple[float, dict]:
        """Ruled table; `spans[(r, c)] = k` merges cell (r, c) down over k rows (covered cells are None).
        Text wraps inside its cell. Returns the bottom y and each cell's box."""
        spans = spans or {}
        align_left = align_left or set()
        pad = 1.2
        heights = []
        for r, row in enumerate(rows):
            h = min_h
            for c, cell in enumerate(row):
                if cell is None or spans.get((r, c), 1) > 1:
                    continue
                k = kind + ("bold" if r < bold_rows and kind in ("sans", "serif") else "")
                n = len(self.wrap(cell, widths[c] - 2 * pad, pt, k))
                h = max(h, n * pt * 0.3528 * 1.35 + 2 * pad + 1)
            heights.append(h)
        tops = [y]
        for h in heights:
            tops.append(tops[-1] + h)
        lefts = [x]
        for w in widths:
            lefts.append(lefts[-1] + w)
        boxes = {}
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                k = spans.get((r, c), 1)
                box = (lefts[c], tops[r], lefts[c + 1], tops[r + k])
                boxes[(r, c)] = box
                self.rect(*box, width)
                k_font = kind + ("bold" if r < bold_rows and kind in ("sans", "serif") else "")
                lines = self.wrap(cell, widths[c] - 2 * pad, pt, k_font)
                lh = pt * 0.3528 * 1.35
                ty = (box[1] + box[3]) / 2 - lh * len(lines) / 2 + lh / 2
                for line in lines:
                    if c in align_left and r >= bold_rows:
                        self.text(box[0] + pad, ty, line, pt, k_font, anchor="lm")
                    else:
                        self.text((box[0] + box[2]) / 2, ty, line, pt, k_font, anchor="mm")
                    ty += lh
        return tops[-1], boxes

    # ---- ink laid on the sheet ------------------------------------------------------------------------

    def _paste_layer(self, layer: Image.Image, x: float, y: float, anchor_center: bool = False) -> None:
        px, py = self.px(x), self.px(y)
        if anchor_center:
            px -= layer.width // 2
            py -= layer.height // 2
        self.img.paste(layer, (px, py), layer)

    def hand(self, x: float, y: float, s: str, pt: float, rng: random.Random, ink=INKS["blue"],
             rotate: float | None = None, kind: str = "kai") -> float:
        """Handwriting: a brush-script font, a little larger and uneven, sheared and turned; (x, y) top-left.
        Returns the width drawn in mm."""
        f = font(kind, self.fpx(pt))
        w = int(f.getlength(s) * 1.15) + self.fpx(pt)
        h = int(self.fpx(pt) * 1.8)
        layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(layer)
        cx = self.fpx(pt) // 4
        for ch in s:
            size = self.fpx(pt * rng.uniform(0.9, 1.12))
            d.text((cx, h // 2 + rng.randint(-size // 12, size // 12)), ch, font=font(kind, size),
                   fill=ink + (rng.randint(215, 250),), anchor="lm")
            cx += int(font(kind, size).getlength(ch) * rng.uniform(0.86, 1.02))
        shear = rng.uniform(-0.25, 0.05)
        layer = layer.transform(layer.size, Image.Transform.AFFINE, (1, shear, -shear * h / 2, 0, 1, 0),
                                resample=Image.Resampling.BICUBIC)
        angle = rotate if rotate is not None else rng.uniform(-4, 4)
        layer = layer.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        self._paste_layer(layer, x, y - pt * 0.3528 * 0.4)
        return cx * 25.4 / self.dpi

    def stroke_signature(self, x: float, y: float, width: float, rng: random.Random, ink=INKS["black"]) -> None:
        """A fast cursive scrawl: a tall opening stroke, joined peaks and loops, a trailing flourish;
        (x, y) the left middle."""
        pts = [(x, y + rng.uniform(1, 3)), (x + rng.uniform(1, 3), y - rng.uniform(4, 7))]
        cx = pts[-1][0]
        up = True
        while cx < x + width:
            cx += rng.uniform(1.2, 3.8)
            amp = rng.uniform(1.2, 5.0)
            pts.append((cx, y + (-amp if up else amp * 0.6)))
            if rng.random() < 0.2:  # a small loop
                r = rng.uniform(0.8, 1.8)
                pts += [(cx + r, y - amp + r), (cx, y - amp + 2 * r), (cx - r * 0.7, y - amp + r)]
            up = not up
        pts += [(x + width + rng.uniform(2, 6), y + rng.uniform(-1, 2)), (x + rng.uniform(0, width * 0.4),
                                                                            y + rng.uniform(2, 4))]
        for _ in range(3):  # Chaikin smoothing
            smooth = [pts[0]]
            for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
                smooth += [(0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by), (0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by)]
            pts = smooth + [pts[-1]]
        self.draw.line([(self.px(a), self.px(b)) for a, b in pts], fill=ink,
                       width=max(2, self.px(rng.uniform(0.3, 0.55))), joint="curve")

    def name_stamp(self, x: float, y: float, name: str, rng: random.Random) -> None:
        """A 名章: small square red stamp of a person's name (two columns, read right to left)."""
        chars = list(name + ("印" if len(name) in (2, 3) else ""))[:4]
        while len(chars) < 4:
            chars.insert(1, chars[0])
        size = rng.uniform(11, 14)
        layer = Image.new("RGBA", (self.px(size), self.px(size)), (0, 0, 0, 0))
        d = ImageDraw.Draw(layer)
        s = self.px(size)
        d.rectangle([1, 1, s - 2, s - 2], outline=RED + (225,), width=max(2, s // 18))
        f = font("kai", int(s * 0.42))
        order = [(1, 0), (1, 1), (0, 0), (0, 1)]  # right column first
        for ch, (col, row) in zip(chars, order, strict=False):
            d.text((s * (0.28 + 0.44 * col), s * (0.28 + 0.44 * row)), ch, font=f, fill=RED + (225,), anchor="mm")
        layer = layer.rotate(rng.uniform(-6, 6), expand=True, resample=Image.Resampling.BICUBIC)
        self._paste_layer(layer, x, y - size / 2)

    def signature(self, x: float, y: float, name: str, how: str, rng: random.Random, ink=None) -> None:
        """What stands by a 签字 label: hand (the name in a brush hand), stroke (a scrawl), stamp (名章),
        typed (the name in print — not a signature), none. (x, y) left, text middle."""
        ink = ink or INKS[rng.choice(["black", "blue", "darkblue"])]
        if how == "hand":
            self.hand(x, y - 3, name, rng.uniform(17, 24), rng, ink, rotate=rng.uniform(-7, 5))
        elif how == "stroke":
            self.stroke_signature(x, y, rng.uniform(16, 26), rng, ink)
        elif how == "stamp":
            self.name_stamp(x, y, name, rng)
        elif how == "typed":
            self.text(x, y, name, 12, "serif", anchor="lm")

    def seal(self, cx: float, cy: float, name: str, rng: random.Random, radius: float | None = None,
             bottom: str = "") -> None:
        """A round red official seal: the unit's name along the upper arc, a star in the middle, an optional
        bottom line; laid over whatever is below (multiplied, not pasted)."""
        r = radius or rng.uniform(19, 21)
        size = self.px(2 * r + 4)
        layer = Image.new("L", (size, size), 0)
        d = ImageDraw.Draw(layer)
        c = size / 2
        rp = self.px(r)
        d.ellipse([c - rp, c - rp, c + rp, c + rp], outline=255, width=max(2, self.px(rng.uniform(0.9, 1.3))))
        chars = list(name)
        span = min(280.0, 21.0 * len(chars) + 25)
        rt_mm = r * 0.8
        ch_mm = min(r * 0.3, 2 * math.pi * rt_mm * span / 360 / max(1, len(chars)) * 0.95)
        ch_px = self.px(ch_mm)
        f = font("sansbold" if rng.random() < 0.5 else "serifbold", ch_px)
        rt = self.px(r - 1.3 - ch_mm * 0.55)
        for i, ch in enumerate(chars):
            theta = -span / 2 + span * (i + 0.5) / len(chars)
            glyph = Image.new("L", (ch_px * 2, ch_px * 2), 0)
            ImageDraw.Draw(glyph).text((ch_px, ch_px), ch, font=f, fill=255, anchor="mm")
            glyph = glyph.resize((int(ch_px * 2 * 0.82), ch_px * 2)).crop((0, 0, ch_px * 2, ch_px * 2))
            glyph = glyph.transform(glyph.size, Image.Transform.AFFINE, (1, 0, -ch_px * 0.18, 0, 1, 0))
            glyph = glyph.rotate(-theta, resample=Image.Resampling.BICUBIC)
            gx = c + rt * math.sin(math.radians(theta)) - ch_px
            gy = c - rt * math.cos(math.radians(theta)) - ch_px
            layer.paste(255, (int(gx), int(gy)), glyph)
        star_r = self.px(r * 0.3)
        pts = []
        for k in range(10):
            a = math.radians(-90 + 36 * k)
            rr = star_r if k % 2 == 0 else star_r * 0.4
            pts.append((c + rr * math.cos(a), c + rr * math.sin(a)))
        d.polygon(pts, fill=255)
        if bottom:
            fb = font("sansbold", int(ch_px * 0.8))
            d.text((c, c + rp * 0.55), bottom, font=fb, fill=255, anchor="mm")
        layer = layer.rotate(rng.uniform(-20, 20), resample=Image.Resampling.BICUBIC)
        strength = rng.uniform(0.65, 0.95)
        mask = np.asarray(layer, dtype=np.float32) / 255 * strength
        noise = np.random.default_rng(rng.randrange(1 << 30)).uniform(0.75, 1.0, mask.shape)
        mask *= noise
        x0, y0 = self.px(cx) - size // 2, self.px(cy) - size // 2
        base = np.asarray(self.img, dtype=np.float32).copy()
        h, w = base.shape[:2]
        xs, ys = max(0, x0), max(0, y0)
        xe, ye = min(w, x0 + size), min(h, y0 + size)
        m = mask[ys - y0:ye - y0, xs - x0:xe - x0, None]
        colour = np.array(RED, dtype=np.float32) / 255
        base[ys:ye, xs:xe] = base[ys:ye, xs:xe] * (1 - m * (1 - colour))
        self.img = Image.fromarray(base.clip(0, 255).astype(np.uint8))
        self.draw = ImageDraw.Draw(self.img)
        self.seals.append((cx, cy))


# ---- the scanner and the files ---------------------------------------------------------------------------

def scan(img: Image.Image, rng: random.Random, skew: float | None = None, grey: bool = False,
         noise: float | None = None) -> Image.Image:
    """A flatbed/copier scan: slight skew, paper tint, blur, sensor noise, optional greyscale."""
    angle = skew if skew is not None else rng.uniform(-1.5, 1.5)
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=(245, 245, 243), expand=False)
    arr = np.asarray(img, dtype=np.float32)
    tint = np.array([rng.uniform(-10, 0), rng.uniform(-10, 0), rng.uniform(-14, -2)], dtype=np.float32)
    arr = arr + tint
    g = np.random.default_rng(rng.randrange(1 << 30))
    arr = arr + g.normal(0, noise if noise is not None else rng.uniform(2, 7), arr.shape[:2])[..., None]
    specks = g.random(arr.shape[:2]) < rng.uniform(0, 0.0004)
    arr[specks] = rng.uniform(40, 120)
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.7)))
    if grey:
        img = img.convert("L")
    return img


def to_pdf(pages: list[Image.Image], dpi: int, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    first, rest = pages[0], pages[1:]
    # JPEG-compressed pages, as scanner software writes them
    q = rng.randint(70, 90)
    when = dt.datetime(2024, 3, rng.randint(1, 20), rng.randint(8, 18), rng.randint(0, 59), rng.randint(0, 59))
    first.save(buf, "PDF", resolution=dpi, save_all=True, append_images=rest, quality=q, creationDate=when.timetuple(),
               modDate=when.timetuple(), producer=rng.choice(["Scanner PDF", "CamScanner", "Canon iR-ADV C5535", "KONICA MINOLTA bizhub"]))
    return buf.getvalue()


def to_image(img: Image.Image, fmt: str, dpi: int, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.save(buf, "JPEG", quality=rng.randint(72, 92), dpi=(dpi, dpi))
    elif fmt == "PNG":
        img.save(buf, "PNG", dpi=(dpi, dpi))
    else:
        img.save(buf, "TIFF", compression="tiff_lzw", dpi=(dpi, dpi))
    return buf.getvalue()


def to_tiff(pages: list[Image.Image], dpi: int) -> bytes:
    buf = io.BytesIO()
    pages[0].save(buf, "TIFF", compression="tiff_lzw", dpi=(dpi, dpi), save_all=True, append_images=pages[1:])
    return buf.getvalue()
