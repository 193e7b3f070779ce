"""Drawing a paper page: print in several CJK faces, ruled tables, round/oval unit seals, 名章, handwriting.

Everything is placed in millimetres on a Pillow page rendered at `dpi`; ink (seals, stamps, pens) is
multiplied onto the print the way ink lies over toner.
"""

from __future__ import annotations

import functools
import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

_NOTO = "/usr/share/fonts/opentype/noto/"
FONT_FILES = {
    "song": (_NOTO + "NotoSerifCJK-Regular.ttc", 2),     # 宋体
    "songb": (_NOTO + "NotoSerifCJK-Bold.ttc", 2),       # 宋体 bold (titles)
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # a lighter 宋/仿宋-like face
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),    # 楷体
    "hei": (_NOTO + "NotoSansCJK-Regular.ttc", 2),       # 黑体
    "heib": (_NOTO + "NotoSansCJK-Bold.ttc", 2),
    "yahei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
}
BODY_FACES = ["song", "ming", "song", "hei", "yahei"]

INKS = {"blue": (28, 48, 150), "blueblack": (30, 38, 80), "black": (25, 25, 30), "redbrown": (125, 45, 35)}


@functools.lru_cache(maxsize=256)
def font(face: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = FONT_FILES[face]
    return ImageFont.truetype(path, max(6, px), index=index)


class Page:
    def __init__(self, w_mm: float, h_mm: float, dpi: int, paper: tuple[int, int, int] = (255, 255, 255)):
        self.dpi, self.w, self.h = dpi, w_mm, h_mm
        self.img = Image.new("RGB", (self.px(w_mm), self.px(h_mm)), paper)
        self.draw = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def fpx(self, pt: float) -> int:
        return int(round(pt * self.dpi / 72))

    # print -----------------------------------------------------------------------------------------
    def width(self, text: str, face: str, pt: float) -> float:
        return font(face, self.fpx(pt)).getlength(text) * 25.4 / self.dpi

    def text(self, x: float, y: float, text: str, face: str = "song", pt: float = 12, fill=(20, 20, 20),
             anchor: str = "ls") -> float:
        """Print `text` with its baseline at y (mm); returns the x where it ends."""
        f = font(face, self.fpx(pt))
        if anchor[0] == "m":
            x -= self.width(text, face, pt) / 2
        elif anchor[0] == "r":
            x -= self.width(text, face, pt)
        self.draw.text((self.px(x), self.px(y)), text, font=f, fill=fill, anchor="l" + anchor[1])
        return x + self.width(text, face, pt)

    def wrap(self, text: str, face: str, pt: float, width: float) -> list[str]:
        lines, line = [], ""
        for ch in text:
            if ch == "\n":
                lines.append(line)
                line = ""
                continue
            if self.width(line + ch, face, pt) > width and line:
                if ch in "，。；：、）”":
                    line += ch
                    continue
                lines.append(line)
                line = ch
            else:
                line += ch
        if line:
            lines.append(line)
        return lines

    def para(self, x: float, y: float, text: str, face: str, pt: float, width: float, lead: float = 1.7,
             indent: bool = True) -> float:
        """A paragraph from baseline y; returns the baseline after its last line."""
        step = pt * 25.4 / 72 * lead
        body = ("\u3000\u3000" if indent else "") + text
        for line in self.wrap(body, face, pt, width):
            self.text(x, y, line, face, pt)
            y += step
        return y

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25, fill=(20, 20, 20)) -> None:
        self.draw.line([(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))], fill=fill,
                       width=max(1, self.px(w)))

    def table(self, x: float, y: float, widths: list[float], rows: list[list[str]], face: str, pt: float,
              heights: list[float] | None = None, head_face: str | None = None, lw: float = 0.3) -> float:
        """A ruled grid, cells wrapped and centred; returns the bottom y."""
        pad = 1.2
        step = pt * 25.4 / 72 * 1.35
        xs = [x]
        for w in widths:
            xs.append(xs[-1] + w)
        top = y
        ys = [y]
        for r, row in enumerate(rows):
            cell_face = head_face if (r == 0 and head_face) else face
            wrapped = [self.wrap(str(c), cell_face, pt, widths[i] - 2 * pad) for i, c in enumerate(row)]
            need = max(len(w) for w in wrapped) * step + 2 * pad + 1.2
            h = max(need, heights[r] if heights else 0)
            for i, lines in enumerate(wrapped):
                block = len(lines) * step
                by = y + (h - block) / 2 + step * 0.78
                for line in lines:
                    self.text((xs[i] + xs[i + 1]) / 2, by, line, cell_face, pt, anchor="ms")
                    by += step
            y += h
            ys.append(y)
        for yy in ys:
            self.line(xs[0], yy, xs[-1], yy, lw)
        for xx in xs:
            self.line(xx, top, xx, y, lw)
        return y

    # ink -------------------------------------------------------------------------------------------
    def ink(self, mask: np.ndarray, x0: int, y0: int, color: tuple[int, int, int]) -> None:
        """Multiply an ink coverage mask (0..1 float, h×w) in `color` onto the page at pixel (x0, y0)."""
        h, w = mask.shape
        W, H = self.img.size
        cx0, cy0, cx1, cy1 = max(0, x0), max(0, y0), min(W, x0 + w), min(H, y0 + h)
        if cx1 <= cx0 or cy1 <= cy0:
            return
        m = mask[cy0 - y0:cy1 - y0, cx0 - x0:cx1 - x0, None]
        col = np.array(color, dtype=np.float32)[None, None, :] / 255.0
        layer = 1.0 - m * (1.0 - col)
        region = np.asarray(self.img.crop((cx0, cy0, cx1, cy1)), dtype=np.float32)
        self.img.paste(Image.fromarray(np.clip(region * layer, 0, 255).astype(np.uint8)), (cx0, cy0))
        self.draw = ImageDraw.Draw(self.img)


def _glyph(ch: str, face: str, px: int, sx: float = 1.0) -> Image.Image:
    f = font(face, px)
    im = Image.new("L", (int(px * 1.6), int(px * 1.6)), 0)
    ImageDraw.Draw(im).text((im.width // 2, im.height // 2), ch, font=f, fill=255, anchor="mm")
    if sx != 1.0:
        im = im.resize((max(1, int(im.width * sx)), im.height), Image.LANCZOS)
    return im


def _texture(mask: np.ndarray, rng: random.Random, strength: float = 0.35, blob: float = 6.0) -> np.ndarray:
    """Uneven stamp ink: a smooth random density field and a few bare spots."""
    h, w = mask.shape
    nr = np.random.default_rng(rng.randrange(2 ** 32))
    field = nr.random((max(2, int(h / blob)), max(2, int(w / blob)))).astype(np.float32)
    field = cv2.resize(field, (w, h), interpolation=cv2.INTER_CUBIC)
    fine = nr.random((h, w)).astype(np.float32)
    dens = np.clip(1.0 - strength * field - 0.15 * fine, 0.15, 1.0)
    dens[field > 0.93] *= 0.35
    return mask * dens


def seal(page: Page, cx: float, cy: float, unit: str, rng: random.Random, oval: bool = False,
         color: tuple[int, int, int] | None = None, serial: bool | None = None) -> None:
    """A unit's official seal: the name round the upper arc, a star, an optional serial at the foot."""
    a_mm, b_mm = (22.5, 15.5) if oval else (21.0 + rng.uniform(-0.6, 0.6),) * 2
    ring = rng.uniform(1.0, 1.4)
    A, B = page.px(a_mm), page.px(b_mm)
    size = 2 * max(A, B) + page.px(6)
    c = size // 2
    im = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(im)
    d.ellipse([c - A, c - B, c + A, c + B], outline=255, width=page.px(ring))
    if not oval or rng.random() < 0.5:
        r = page.px(5.5 if oval else 7.0)
        pts = []
        for k in range(10):
            ang = -math.pi / 2 + k * math.pi / 5
            rr = r if k % 2 == 0 else r * 0.382
            pts.append((c + rr * math.cos(ang), c + (B * 0.0) + rr * math.sin(ang)))
        d.polygon(pts, fill=255)
    face = rng.choice(["songb", "heib", "song"])
    n = len(unit)
    ch_mm = min(6.2, max(3.8, 56 / max(n, 1))) if not oval else min(4.6, max(3.2, 46 / max(n, 1)))
    cpx = page.px(ch_mm)
    span = math.radians(min(250, 30 * n) if not oval else min(230, 26 * n))
    inner_a, inner_b = A - page.px(ring) - cpx * 0.75, B - page.px(ring) - cpx * (0.75 if not oval else 0.8)
    ts = np.linspace(-span / 2, span / 2, 721)
    arc = np.concatenate([[0.0], np.cumsum(np.hypot(np.diff(inner_a * np.sin(ts)), np.diff(inner_b * np.cos(ts))))])
    for i, ch in enumerate(unit):
        t = float(np.interp(arc[-1] * (i + 0.5) / n, arc, ts))   # equal spacing along the arc
        px_, py_ = c + inner_a * math.sin(t), c - inner_b * math.cos(t)
        nx, ny = inner_b * math.sin(t), inner_a * math.cos(t)   # outward normal of the ellipse
        ang = math.degrees(math.atan2(nx, ny))
        g = _glyph(ch, face, cpx, sx=0.78).rotate(-ang, resample=Image.BICUBIC, expand=True)
        im.paste(255, (int(px_ - g.width / 2), int(py_ - g.height / 2)), g)
    if serial if serial is not None else rng.random() < 0.4:
        digits = "".join(str(rng.randint(0, 9)) for _ in range(13))
        f = font("hei", page.px(2.2))
        d.text((c, c + B * 0.62), digits, font=f, fill=255, anchor="mm")
    im = im.rotate(rng.uniform(-18, 18), resample=Image.BICUBIC)
    mask = np.asarray(im, dtype=np.float32) / 255.0
    mask = _texture(mask, rng)
    mask = cv2.GaussianBlur(mask, (0, 0), page.dpi / 300)
    color = color or (rng.randint(200, 228), rng.randint(20, 55), rng.randint(30, 60))
    page.ink(mask * rng.uniform(0.8, 0.95), page.px(cx) - c, page.px(cy) - c, color)


def name_stamp(page: Page, x: float, y: float, name: str, rng: random.Random, side: float | None = None) -> float:
    """A personal 名章: a small red square, the name (+印/之印) in a 2×2 or 1×2 arrangement. Returns its right x."""
    glyphs = list(name) + (["印"] if len(name) == 3 else (["之", "印"] if len(name) == 2 and rng.random() < 0.6
                                                           else []))
    side = side or rng.uniform(11, 15)
    s = page.px(side)
    im = Image.new("L", (s, s), 0)
    d = ImageDraw.Draw(im)
    negative = rng.random() < 0.35          # 白文: white glyphs on a red ground
    if negative:
        d.rectangle([0, 0, s - 1, s - 1], fill=255)
    else:
        d.rectangle([0, 0, s - 1, s - 1], outline=255, width=max(2, page.px(0.7)))
    face = rng.choice(["songb", "kai", "heib"])
    if len(glyphs) == 4:
        cells = [(0.72, 0.28), (0.72, 0.72), (0.28, 0.28), (0.28, 0.72)]   # right column first
        gpx = int(s * 0.40)
    else:
        cells = [(0.5, 0.28), (0.5, 0.72)]
        gpx = int(s * 0.40)
    for ch, (fx, fy) in zip(glyphs, cells, strict=False):
        g = _glyph(ch, face, gpx)
        pos = (int(fx * s - g.width / 2), int(fy * s - g.height / 2))
        im.paste(0 if negative else 255, pos, g)
    im = im.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, expand=True)
    mask = _texture(np.asarray(im, dtype=np.float32) / 255.0, rng, 0.3, 4)
    page.ink(mask * rng.uniform(0.8, 0.95), page.px(x), page.px(y) - im.height // 2,
             (rng.randint(195, 225), rng.randint(25, 60), rng.randint(35, 60)))
    return x + im.width * 25.4 / page.dpi


def _elastic(mask: np.ndarray, rng: random.Random, amp: float, scale: float) -> np.ndarray:
    h, w = mask.shape
    nr = np.random.default_rng(rng.randrange(2 ** 32))
    dx = cv2.GaussianBlur(nr.standard_normal((h, w)).astype(np.float32), (0, 0), scale) * amp * scale
    dy = cv2.GaussianBlur(nr.standard_normal((h, w)).astype(np.float32), (0, 0), scale) * amp * scale
    gx, gy = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    return cv2.remap(mask, gx + dx, gy + dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)


def _thin(mask: np.ndarray) -> np.ndarray:
    """Zhang–Suen thinning of a boolean mask: the centre line of each stroke."""
    img = np.pad(mask.astype(np.uint8), 1)
    for _ in range(60):
        changed = False
        for step in (0, 1):
            p2, p3, p4 = img[:-2, 1:-1], img[:-2, 2:], img[1:-1, 2:]
            p5, p6, p7 = img[2:, 2:], img[2:, 1:-1], img[2:, :-2]
            p8, p9 = img[1:-1, :-2], img[:-2, :-2]
            ring = [p2, p3, p4, p5, p6, p7, p8, p9, p2]
            b = sum(ring[:8])
            a = sum(((ring[k] == 0) & (ring[k + 1] == 1)).astype(np.uint8) for k in range(8))
            c = img[1:-1, 1:-1] == 1
            if step == 0:
                cond = (p2 * p4 * p6 == 0) & (p4 * p6 * p8 == 0)
            else:
                cond = (p2 * p4 * p8 == 0) & (p2 * p6 * p8 == 0)
            kill = c & (b >= 2) & (b <= 6) & (a == 1) & cond
            if kill.any():
                img[1:-1, 1:-1][kill] = 0
                changed = True
        if not changed:
            break
    return img[1:-1, 1:-1].astype(bool)


def _ballpoint(mask: np.ndarray, pen_px: int) -> np.ndarray:
    """Re-ink the glyph outlines as a ballpoint line of even width along their centre lines."""
    core = _thin(mask > 0.5)
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (pen_px, pen_px))
    return cv2.dilate(core.astype(np.float32), k)


def hand(page: Page, x: float, y: float, text: str, h_mm: float, ink: str, rng: random.Random,
         signature: bool = False) -> float:
    """Pen writing with its baseline near y (mm): uneven glyphs, slant, wobble, pressure. Returns the end x."""
    size = page.px(h_mm)
    fast = signature
    W = int(size * (len(text) + 2) * 1.3) + size
    H = int(size * 2.6)
    im = Image.new("L", (W, H), 0)
    cur = size * 0.5
    base = H * 0.62
    for ch in text:
        sc = rng.uniform(0.82, 1.18) * (rng.uniform(0.9, 1.25) if fast else 1.0)
        gpx = int(size * sc)
        if ch in "，。、：；":
            gpx = int(size * 0.6)
        g = _glyph(ch, "kai", gpx, sx=rng.uniform(0.8, 1.05) if fast else rng.uniform(0.9, 1.05))
        g = g.rotate(rng.uniform(-9, 9) if fast else rng.uniform(-5, 5), resample=Image.BICUBIC)
        off = rng.uniform(-0.12, 0.12) * size
        top = int(base - gpx * 0.85 + off) if ch not in "，。、" else int(base - gpx * 0.7)
        im.paste(255, (int(cur - g.width * 0.18), top), g)
        adv = gpx * (rng.uniform(0.62, 0.82) if fast else rng.uniform(0.85, 1.02))
        if ord(ch) < 128:
            adv = font("kai", gpx).getlength(ch) * rng.uniform(1.0, 1.2)
        if ch in "，。、：；":
            adv = gpx * 0.55
        cur += adv
    mask = np.asarray(im, dtype=np.float32) / 255.0
    slant = rng.uniform(0.12, 0.35) if fast else rng.uniform(-0.05, 0.2)
    M = np.float32([[1, -slant, slant * base], [0, 1, 0]])
    mask = cv2.warpAffine(mask, M, (W, H))
    mask = _elastic(mask, rng, 0.9 if fast else 0.6, max(2.0, size / 9))
    weight = rng.choice([0, 0, 1, 1, 2]) if size > 40 else rng.choice([0, 1])
    if rng.random() < 0.55:                              # a ballpoint: even strokes along the glyphs' spines
        mask = _ballpoint(mask, max(2, int(round(page.dpi * rng.uniform(0.35, 0.55) / 25.4))))
    elif weight:
        mask = cv2.dilate(mask, np.ones((weight + 1, weight + 1), np.uint8))
    elif size > 80 and rng.random() < 0.3:
        mask = cv2.erode(mask, np.ones((2, 2), np.uint8))
    if fast and rng.random() < 0.7:                      # a trailing flourish under the name
        pts = []
        x0, x1 = size * 0.4, cur + size * rng.uniform(0.0, 0.6)
        yb = base + size * rng.uniform(0.05, 0.3)
        for k in range(30):
            t = k / 29
            pts.append((x0 + (x1 - x0) * t, yb + math.sin(t * math.pi * rng.uniform(0.8, 1.6)) * size * 0.15
                        - t * size * rng.uniform(0.0, 0.4)))
        cv2.polylines(mask, [np.int32(pts)], False, 1.0, max(1, size // 18), lineType=cv2.LINE_AA)
    mask = cv2.GaussianBlur(mask, (0, 0), 0.6)
    pressure = cv2.resize(np.random.default_rng(rng.randrange(2 ** 32)).random((3, 8)).astype(np.float32),
                          (W, H), interpolation=cv2.INTER_CUBIC)
    mask = np.clip(mask, 0, 1) * (0.72 + 0.28 * pressure)
    page.ink(mask, page.px(x) - int(size * 0.3), page.px(y) - int(base), INKS[ink])
    return x + (cur + size * 0.3) * 25.4 / page.dpi


def typed_name(page: Page, x: float, y: float, name: str, rng: random.Random, pt: float) -> float:
    """A name set in type (not a signature): Song, bold, 黑体 or 楷体."""
    face = rng.choice(["song", "songb", "kai", "heib", "hei"])
    return page.text(x, y, name, face, pt)


def sign(page: Page, x: float, y: float, kind: str, name: str, rng: random.Random, ink: str, h_mm: float,
         pt: float) -> float:
    """The approver's mark at baseline y: hand / stamp / stamp_hand / typed / none. Returns the end x."""
    if kind == "hand":
        return hand(page, x, y, name, h_mm, ink, rng, signature=True)
    if kind == "stamp":
        return name_stamp(page, x, y - 2.0, name, rng)
    if kind == "stamp_hand":
        end = hand(page, x, y, name, h_mm, ink, rng, signature=True)
        return name_stamp(page, end + 1, y - 3.0, name, rng)
    if kind == "typed":
        return typed_name(page, x, y, name, rng, pt)
    return x


CN_DIGITS = "〇一二三四五六七八九"


def cn_date(d) -> str:
    """二〇二四年三月五日"""
    year = "".join(CN_DIGITS[int(c)] for c in str(d.year))

    def small(n: int) -> str:
        if n < 10:
            return CN_DIGITS[n]
        if n == 10:
            return "十"
        if n < 20:
            return "十" + CN_DIGITS[n - 10]
        return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")

    return f"{year}年{small(d.month)}月{small(d.day)}日"


def date_text(d, style: str) -> str:
    if style == "cn":
        return cn_date(d)
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    return f"{d.year}年{d.month}月{d.day}日"
