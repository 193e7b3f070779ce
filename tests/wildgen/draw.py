"""Drawing a page in millimetres: typefaces, text, paragraphs, ruled / three-line tables, an Excel
screenshot, handwriting and cursive signatures, round seals with a star and arc text, name stamps, a QR code."""

from __future__ import annotations

import datetime as dt
import math
import random
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

NOTO = "/usr/share/fonts/opentype/noto/"
FACES = {
    "song": (NOTO + "NotoSerifCJK-Regular.ttc", 2),
    "songb": (NOTO + "NotoSerifCJK-Bold.ttc", 2),
    "hei": (NOTO + "NotoSansCJK-Regular.ttc", 2),
    "heib": (NOTO + "NotoSansCJK-Bold.ttc", 2),
    "fang": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),      # thin strokes: the nearest to 仿宋_GB2312
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "yahei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "zenhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}
INKS = {"blue": (28, 48, 150), "black": (24, 24, 30), "blueblack": (22, 32, 88), "darkblue": (16, 30, 110)}
RED = (208, 28, 36)
CN_DIGITS = "〇一二三四五六七八九"


@lru_cache(maxsize=256)
def font(face: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = FACES[face]
    return ImageFont.truetype(path, max(4, px), index=index)


def date_text(d: dt.date, style: str) -> str:
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "cn":
        tens = {1: "十", 2: "二十", 3: "三十"}

        def num(n: int) -> str:
            return CN_DIGITS[n] if n < 10 else tens[n // 10] + (CN_DIGITS[n % 10] if n % 10 else "")
        return "".join(CN_DIGITS[int(c)] for c in str(d.year)) + f"年{num(d.month)}月{num(d.day)}日"
    if style == "dash":
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if style == "short":
        return f"{d.month}.{d.day}"
    return f"{d.year}年{d.month}月{d.day}日"


class Page:
    """A white sheet `w`×`h` mm at `dpi`; every coordinate is in mm, text `y` is the baseline."""

    def __init__(self, w: float, h: float, dpi: int = 200, paper: tuple[int, int, int] = (255, 255, 255)) -> None:
        self.w, self.h, self.dpi = w, h, dpi
        self.img = Image.new("RGB", (self.px(w), self.px(h)), paper)
        self.d = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def pt(self, pt: float) -> int:
        return int(round(pt * self.dpi / 72))

    def width(self, text: str, face: str, pt: float) -> float:
        return font(face, self.pt(pt)).getlength(text) * 25.4 / self.dpi

    def text(self, x: float, y: float, s: str, face: str, pt: float, fill=(20, 20, 20), anchor: str = "ls",
             spacing: float = 0.0) -> float:
        """Draw `s`; returns the x (mm) where it ends. `spacing` adds mm between characters."""
        f = font(face, self.pt(pt))
        if spacing:
            total = self.width(s, face, pt) + spacing * (len(s) - 1)
            x0 = x - total / 2 if anchor[0] == "m" else x - total if anchor[0] == "r" else x
            for ch in s:
                self.d.text((self.px(x0), self.px(y)), ch, font=f, fill=fill, anchor="l" + anchor[1])
                x0 += self.width(ch, face, pt) + spacing
            return x0
        self.d.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)
        w = self.width(s, face, pt)
        return x + w if anchor[0] == "l" else x + w / 2 if anchor[0] == "m" else x

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.25, fill=(30, 30, 30)) -> None:
        self.d.line([(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))], fill=fill,
                    width=max(1, self.px(width)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill) -> None:
        self.d.rectangle([self.px(x0), self.px(y0), self.px(x1), self.px(y1)], fill=fill)

    def wrap(self, text: str, face: str, pt: float, width: float, first: float = 0.0) -> list[str]:
        lines, cur, avail = [], "", width - first
        for ch in text:
            if self.width(cur + ch, face, pt) > avail and cur:
                if ch in "，。；、：）”":          # no punctuation at a line's start
                    cur += ch
                    continue
                lines.append(cur)
                cur, avail = ch, width
            else:
                cur += ch
        if cur:
            lines.append(cur)
        return lines

    def para(self, x: float, y: float, text: str, face: str, pt: float, width: float, lead: float | None = None,
             indent: bool = True, fill=(20, 20, 20)) -> float:
        """A paragraph from baseline `y`; returns the baseline after it."""
        lead = lead or pt * 0.3528 * 1.75
        first = self.width("　　", face, pt) if indent else 0.0
        for i, ln in enumerate(self.wrap(text, face, pt, width, first)):
            self.text(x + (first if i == 0 else 0), y, ln, face, pt, fill)
            y += lead
        return y

    def cell_text(self, x0: float, y0: float, x1: float, y1: float, s: str, face: str, pt: float,
                  align: str = "c", fill=(20, 20, 20)) -> None:
        lines = self.wrap(s, face, pt, x1 - x0 - 2.0) if s else []
        lead = pt * 0.3528 * 1.3
        top = (y0 + y1) / 2 - lead * len(lines) / 2 + pt * 0.3528 * 0.95
        for i, ln in enumerate(lines):
            if align == "c":
                self.text((x0 + x1) / 2, top + i * lead, ln, face, pt, fill, anchor="ms")
            else:
                self.text(x0 + 1.5, top + i * lead, ln, face, pt, fill)

    def grid(self, x: float, y: float, widths: list[float], rows: list[list[str]], face: str, pt: float,
             heights: list[float] | None = None, head_face: str | None = None, rule: float = 0.25,
             aligns: str | None = None) -> float:
        """A fully ruled table; returns its bottom y."""
        heights = heights or [max(9.0, pt * 0.3528 * 2.6)] * len(rows)
        xs = [x]
        for w in widths:
            xs.append(xs[-1] + w)
        yy = y
        self.line(x, y, xs[-1], y, rule)
        for r, (row, h) in enumerate(zip(rows, heights, strict=True)):
            for c, s in enumerate(row):
                al = aligns[c] if aligns and r else "c"
                self.cell_text(xs[c], yy, xs[c + 1], yy + h, s, head_face if (r == 0 and head_face) else face, pt, al)
            yy += h
            self.line(x, yy, xs[-1], yy, rule)
        for xx in xs:
            self.line(xx, y, xx, yy, rule)
        return yy

    def three_line(self, x: float, y: float, widths: list[float], rows: list[list[str]], face: str, pt: float,
                   head_face: str | None = None, row_h: float = 9.0) -> float:
        """A 三线表: thick top and bottom rules, a thin rule under the header, no vertical rules."""
        right = x + sum(widths)
        self.line(x, y, right, y, 0.6)
        yy = y
        for r, row in enumerate(rows):
            xx = x
            for c, s in enumerate(row):
                self.cell_text(xx, yy, xx + widths[c], yy + row_h, s, head_face if r == 0 and head_face else face, pt)
                xx += widths[c]
            yy += row_h
            if r == 0:
                self.line(x, yy, right, yy, 0.3)
        self.line(x, yy, right, yy, 0.6)
        return yy

    def paste(self, im: Image.Image, x: float, y: float, w: float) -> float:
        """Paste `im` scaled to `w` mm wide at (x, y); returns its bottom y."""
        h = w * im.height / im.width
        scaled = im.resize((self.px(w), self.px(h)), Image.LANCZOS)
        self.img.paste(scaled, (self.px(x), self.px(y)))
        return y + h

    # -- ink ------------------------------------------------------------------------------------------
    def ink(self, mask: Image.Image, x: float, y: float, colour, strength: float = 0.92) -> None:
        """Multiply-blend a colour through an L mask whose top-left lands at (x, y) mm."""
        ox, oy = self.px(x), self.px(y)
        box = (max(0, ox), max(0, oy), min(self.img.width, ox + mask.width), min(self.img.height, oy + mask.height))
        if box[2] <= box[0] or box[3] <= box[1]:
            return
        m = np.asarray(mask.crop((box[0] - ox, box[1] - oy, box[2] - ox, box[3] - oy)), dtype=np.float32)
        a = (m / 255.0 * strength)[..., None]
        region = np.asarray(self.img.crop(box), dtype=np.float32)
        tint = np.array(colour, dtype=np.float32) / 255.0
        out = region * (1 - a) + region * tint * a
        self.img.paste(Image.fromarray(out.clip(0, 255).astype(np.uint8)), box[:2])


# -- handwriting ------------------------------------------------------------------------------------
def _hand_mask(text: str, px: int, rng: random.Random, slant: float, squeeze: float, cursive: bool) -> Image.Image:
    """Characters in 楷体, each jittered in size, angle and baseline, sheared, thickened like a pen."""
    f_cache = {}
    W = int(px * (len(text) + 2) * 1.1)
    H = int(px * 2.2)
    layer = Image.new("L", (W, H), 0)
    x = px * 0.3
    prev_end = None
    d = ImageDraw.Draw(layer)
    for ch in text:
        if ch in ".．":               # a pen's dot sits on the baseline
            r = max(2, px // 10)
            cx, cy = x + px * 0.12, H / 2 + px * rng.uniform(0.3, 0.4)
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=255)
            x += px * 0.3
            prev_end = None
            continue
        size = int(px * rng.uniform(0.85, 1.15))
        f = f_cache.setdefault(size, font("kai", size))
        glyph = Image.new("L", (int(size * 1.6), int(size * 1.6)), 0)
        ImageDraw.Draw(glyph).text((size * 0.8, size * 0.8), ch, font=f, fill=255, anchor="mm")
        glyph = glyph.rotate(rng.uniform(-9, 9), resample=Image.BICUBIC)
        adv = f.getlength(ch) * (squeeze if ch not in "，。、.：:" else 0.5)
        gy = int(H / 2 - glyph.height / 2 + rng.uniform(-0.08, 0.08) * px)
        layer.paste(255, (int(x - size * 0.3), gy), glyph)
        if cursive and prev_end is not None and rng.random() < 0.55:   # a ligature from the last stroke
            sx, sy = prev_end
            ex, ey = x - size * 0.05, H / 2 - size * rng.uniform(0.1, 0.35)
            d.line([(sx, sy), ((sx + ex) / 2, max(sy, ey) + size * 0.15), (ex, ey)], fill=255,
                   width=max(1, px // 22))
        prev_end = (x + adv * 0.75, H / 2 + size * rng.uniform(0.05, 0.3))
        x += adv * rng.uniform(0.9, 1.05)
    if cursive and rng.random() < 0.6:     # a flourish under the name
        y0 = H / 2 + px * 0.45
        pts = [(px * 0.2 + t * (x - px * 0.2), y0 + math.sin(t * math.pi * rng.uniform(1, 2.5)) * px * 0.12)
               for t in np.linspace(0, 1, 12)]
        d.line(pts, fill=255, width=max(1, px // 20))
    layer = layer.crop((0, 0, int(x + px * 0.6), H))
    shear = math.tan(math.radians(slant))
    layer = layer.transform(layer.size, Image.AFFINE, (1, shear, -shear * H / 2, 0, 1, 0), resample=Image.BICUBIC)
    return _wobble(layer, px, rng, 0.06 if cursive else 0.035).filter(ImageFilter.GaussianBlur(0.55))


def _wobble(mask: Image.Image, px: int, rng: random.Random, amount: float) -> Image.Image:
    """A smooth random displacement field: the hand's unsteadiness that type never has."""
    h, w = mask.height, mask.width
    g = np.random.default_rng(rng.randint(0, 2 ** 31))
    step = max(4, px // 3)
    gh, gw = h // step + 2, w // step + 2
    dx = cv2.resize(g.normal(0, 1, (gh, gw)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC) * px * amount
    dy = cv2.resize(g.normal(0, 1, (gh, gw)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC) * px * amount
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    out = cv2.remap(np.asarray(mask), xx + dx, yy + dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return Image.fromarray(out)


def hand(page: Page, x: float, y: float, text: str, height: float, colour, rng: random.Random,
         cursive: bool = False, slant: float | None = None, right: bool = False) -> float:
    """Handwritten `text`, `height` mm tall, its middle on baseline `y` − height/3, starting at `x`
    (ending there when `right`); returns the end x."""
    px = page.px(height)
    slant = rng.uniform(6, 16) if slant is None else slant
    mask = _hand_mask(text, px, rng, slant, rng.uniform(0.7, 0.85) if cursive else rng.uniform(0.88, 1.0), cursive)
    if right:
        x -= mask.width * 25.4 / page.dpi
    top = y - height * 0.33 - mask.height * 25.4 / page.dpi / 2
    page.ink(mask, x, top, colour, rng.uniform(0.82, 0.95))
    return x + mask.width * 25.4 / page.dpi


def signature(page: Page, x: float, y: float, name: str, colour, rng: random.Random, height: float = 8.0) -> float:
    """A quick cursive signature: the name squeezed, slanted, joined, with a flourish."""
    return hand(page, x, y, name, height * rng.uniform(0.9, 1.2), colour, rng, cursive=True,
                slant=rng.uniform(12, 24))


def name_stamp(page: Page, x: float, y: float, name: str, rng: random.Random, size: float = 12.0) -> float:
    """A small square red 名章: the name (with 印 to fill four cells) in a red border."""
    chars = list(name if len(name) != 2 else name + "之印")
    if len(chars) == 3:
        chars.append("印")
    px = page.px(size)
    m = Image.new("L", (px, px), 0)
    d = ImageDraw.Draw(m)
    d.rectangle([1, 1, px - 2, px - 2], outline=255, width=max(2, px // 14))
    f = font("songb", int(px * 0.4))
    order = [(1, 0), (1, 1), (0, 0), (0, 1)]            # read right column first, top to bottom
    for ch, (col, row) in zip(chars, order, strict=False):
        d.text((px * (0.29 + 0.42 * col), px * (0.29 + 0.42 * row)), ch, font=f, fill=255, anchor="mm")
    m = m.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC, expand=True)
    noise = np.asarray(m, dtype=np.float32) * np.random.default_rng(rng.randint(0, 2 ** 31)).uniform(0.6, 1.0, (m.height, m.width))
    page.ink(Image.fromarray(noise.astype(np.uint8)), x, y - size * 0.8, RED, rng.uniform(0.75, 0.9))
    return x + size


def seal(page: Page, cx: float, cy: float, arc: str, rng: random.Random, bottom: str = "", diameter: float = 42.0,
         strength: float = 0.85, serial: bool = False) -> None:
    """A round red official seal: ring, five-pointed star, the unit's name along the upper arc, an
    optional horizontal line under the star (a department's name) and an optional serial number."""
    scale = 4
    D = page.px(diameter) * scale
    m = Image.new("L", (D, D), 0)
    d = ImageDraw.Draw(m)
    ring = int(D * 0.035)
    d.ellipse([ring // 2, ring // 2, D - ring // 2, D - ring // 2], outline=255, width=ring)
    c = D / 2
    r_star = D * 0.17
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rr = r_star if k % 2 == 0 else r_star * 0.382
        pts.append((c + rr * math.cos(ang), c + rr * math.sin(ang)))
    d.polygon(pts, fill=255)
    n = len(arc)
    span = min(250.0, 20.0 * n + 40) if n > 4 else 150.0
    ch_px = int(min(D * 0.13, (2 * math.pi * D * 0.36) * span / 360 / max(n, 1) * 0.95))
    f = font(rng.choice(["songb", "heib"]), ch_px)
    radius = D / 2 - ring - ch_px * 0.62
    for i, ch in enumerate(arc):
        theta = -90 - span / 2 + span * (i + 0.5) / n
        g = Image.new("L", (int(ch_px * 1.4), int(ch_px * 1.4)), 0)
        ImageDraw.Draw(g).text((g.width / 2, g.height / 2), ch, font=f, fill=255, anchor="mm")
        g = g.resize((int(g.width * 0.78), g.height))          # seal characters are tall and narrow
        g = g.rotate(-(theta + 90), resample=Image.BICUBIC, expand=True)
        gx = c + radius * math.cos(math.radians(theta)) - g.width / 2
        gy = c + radius * math.sin(math.radians(theta)) - g.height / 2
        m.paste(255, (int(gx), int(gy)), g)
    if bottom:
        fb = font("songb", int(ch_px * 0.95))
        d.text((c, c + D * 0.28), bottom, font=fb, fill=255, anchor="mm")
    if serial:
        fs = font("hei", int(ch_px * 0.5))
        digits = "".join(str(rng.randint(0, 9)) for _ in range(13))
        d.text((c, D - ring - ch_px * 0.75), digits, font=fs, fill=255, anchor="mm")
    m = m.resize((D // scale, D // scale), Image.LANCZOS).rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    arr = np.asarray(m, dtype=np.float32)
    g = np.random.default_rng(rng.randint(0, 2 ** 31))
    blotch = Image.fromarray((g.uniform(0, 255, (D // scale // 12 + 1, D // scale // 12 + 1))).astype(np.uint8))
    blotch = np.asarray(blotch.resize(m.size, Image.BICUBIC), dtype=np.float32) / 255.0
    arr = arr * (0.55 + 0.45 * blotch) * g.uniform(0.8, 1.0, arr.shape)
    mask = Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
    r = diameter / 2
    page.ink(mask, cx - r, cy - r, RED, strength)


def fake_qr(rng: random.Random, modules: int = 25, box: int = 8) -> Image.Image:
    """A QR-code-looking matrix (finder patterns, timing, random data modules) — decoration, not data."""
    g = np.zeros((modules, modules), dtype=bool)
    for i in range(modules):
        for j in range(modules):
            g[i, j] = rng.random() < 0.5
    for oy, ox in ((0, 0), (0, modules - 7), (modules - 7, 0)):
        g[max(0, oy - 1):oy + 8, max(0, ox - 1):ox + 8] = False
        g[oy:oy + 7, ox:ox + 7] = True
        g[oy + 1:oy + 6, ox + 1:ox + 6] = False
        g[oy + 2:oy + 5, ox + 2:ox + 5] = True
    g[6, 8:modules - 8] = [k % 2 == 0 for k in range(8, modules - 8)]
    g[8:modules - 8, 6] = [k % 2 == 0 for k in range(8, modules - 8)]
    img = Image.new("L", ((modules + 8) * box, (modules + 8) * box), 255)
    d = ImageDraw.Draw(img)
    for i in range(modules):
        for j in range(modules):
            if g[i, j]:
                d.rectangle([(j + 4) * box, (i + 4) * box, (j + 5) * box - 1, (i + 5) * box - 1], fill=0)
    return img.convert("RGB")


def excel_shot(rows: list[list[str]], widths: list[int], rng: random.Random, total_row: bool) -> Image.Image:
    """A screenshot of an Excel/WPS sheet at screen resolution: column letters, row numbers, grey
    gridlines, a tinted bold header row, an optional 合计 row, the active cell's green border."""
    f = font("yahei", 15)
    fb = font("zenhei", 15)
    rh, hh, rw = 30, 22, 34
    total_w = rw + sum(widths)
    n_rows = len(rows) + rng.randint(2, 4)
    img = Image.new("RGB", (total_w + rng.randint(30, 90), hh + rh * n_rows + 4), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, img.width, hh], fill=(240, 240, 240))
    d.rectangle([0, 0, rw, img.height], fill=(240, 240, 240))
    x = rw
    letters = "ABCDEFGHIJK"
    for k, w in enumerate(widths + [img.width - total_w]):
        d.text((x + w / 2, hh / 2), letters[k], font=font("yahei", 13), fill=(60, 60, 60), anchor="mm")
        d.line([(x, 0), (x, img.height)], fill=(212, 212, 212))
        x += w
    for r in range(n_rows):
        y = hh + r * rh
        d.text((rw / 2, y + rh / 2), str(r + 1), font=font("yahei", 13), fill=(60, 60, 60), anchor="mm")
        d.line([(0, y), (img.width, y)], fill=(212, 212, 212))
    head_fill = rng.choice([(221, 235, 247), (226, 239, 218), (255, 242, 204), (242, 242, 242)])
    for r, row in enumerate(rows):
        y = hh + r * rh
        if r == 0:
            d.rectangle([rw + 1, y + 1, total_w - 1, y + rh - 1], fill=head_fill)
        x = rw
        for c, s in enumerate(row):
            ff = fb if r == 0 or (total_row and r == len(rows) - 1) else f
            if s:
                numeric = s.replace("人", "").isdigit()
                if numeric and r:
                    d.text((x + widths[c] - 5, y + rh / 2), s, font=ff, fill=(0, 0, 0), anchor="rm")
                else:
                    while ff.getlength(s) > widths[c] - 6 and len(s) > 2:
                        ff = font("yahei" if ff is f else "zenhei", ff.size - 1)
                    d.text((x + widths[c] / 2, y + rh / 2), s, font=ff, fill=(0, 0, 0), anchor="mm")
            x += widths[c]
    # the printable block has thin black borders on every cell
    for r in range(len(rows) + 1):
        y = hh + r * rh
        d.line([(rw, y), (total_w, y)], fill=(0, 0, 0))
    x = rw
    for w in [0] + widths:
        x += w
        d.line([(x, hh), (x, hh + rh * len(rows))], fill=(0, 0, 0))
    d.line([(rw, hh), (rw, hh + rh * len(rows))], fill=(0, 0, 0))
    ar = rng.randint(1, len(rows))
    ac = rng.randrange(len(widths))
    ax = rw + sum(widths[:ac])
    d.rectangle([ax, hh + ar * rh, ax + widths[ac], hh + (ar + 1) * rh], outline=(33, 115, 70), width=2)
    return img
