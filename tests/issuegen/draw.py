"""Drawing a page the way a school office prints, signs and stamps it: typed text in 宋体/黑体/仿宋-like faces,
ruled tables, ballpoint handwriting, personal name stamps and the unit's red seal with ink texture."""

from __future__ import annotations

import math
import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FACES = {
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "serif_bold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "sans_bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "wqy": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "zen": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}

INKS = {"blue": (28, 48, 150), "blueblack": (30, 36, 80), "black": (25, 25, 30)}
RED = (206, 32, 38)


@lru_cache(maxsize=512)
def font(face: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = FACES[face]
    return ImageFont.truetype(path, max(6, px), index=index)


class Page:
    """An A4 sheet (portrait or landscape) drawn in millimetres at `dpi`."""

    def __init__(self, dpi: int, landscape: bool = False, body_face: str = "serif"):
        self.dpi = dpi
        self.w_mm, self.h_mm = (297.0, 210.0) if landscape else (210.0, 297.0)
        self.img = Image.new("RGB", (self.px(self.w_mm), self.px(self.h_mm)), (255, 255, 255))
        self.d = ImageDraw.Draw(self.img)
        self.face = body_face

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def fpx(self, pt: float) -> int:
        return max(6, int(round(pt * self.dpi / 72)))

    # ---- typed text ----
    def width(self, s: str, pt: float, face: str | None = None) -> float:
        f = font(face or self.face, self.fpx(pt))
        return f.getlength(s) * 25.4 / self.dpi

    def text(self, x: float, y: float, s: str, pt: float = 12, face: str | None = None, anchor: str = "ls",
             fill=(20, 20, 20)) -> float:
        f = font(face or self.face, self.fpx(pt))
        self.d.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)
        return x + self.width(s, pt, face)

    def center(self, y: float, s: str, pt: float, face: str | None = None, x0: float = 0, x1: float | None = None,
               fill=(20, 20, 20)) -> None:
        x1 = self.w_mm if x1 is None else x1
        self.text((x0 + x1) / 2, y, s, pt, face, anchor="ms", fill=fill)

    def wrap(self, s: str, pt: float, width: float, face: str | None = None, first_indent: float = 0) -> list[str]:
        lines, cur, avail = [], "", width - first_indent
        for ch in s:
            if ch == "\n":
                lines.append(cur)
                cur, avail = "", width
                continue
            if self.width(cur + ch, pt, face) > avail and cur:
                if ch in "，。；：、）》”" and self.width(cur + ch, pt, face) < avail + pt * 0.4:
                    cur += ch  # 避头点: punctuation stays on the line
                    continue
                lines.append(cur)
                cur, avail = ch, width
            else:
                cur += ch
        if cur:
            lines.append(cur)
        return lines

    def para(self, x: float, y: float, width: float, s: str, pt: float = 12, face: str | None = None,
             indent: bool = True, leading: float = 1.75) -> float:
        """A paragraph with a two-character first-line indent; returns the baseline y after it."""
        ind = self.width("国国", pt, face) if indent else 0
        step = pt * 0.3528 * leading
        for i, line in enumerate(self.wrap(s, pt, width, face, ind)):
            self.text(x + (ind if i == 0 else 0), y, line, pt, face)
            y += step
        return y

    # ---- rules ----
    def line(self, x1: float, y1: float, x2: float, y2: float, w: float = 0.25, fill=(20, 20, 20)) -> None:
        self.d.line((self.px(x1), self.px(y1), self.px(x2), self.px(y2)), fill=fill, width=max(1, self.px(w)))

    def rect(self, x1: float, y1: float, x2: float, y2: float, w: float = 0.25, fill=(20, 20, 20)) -> None:
        for a in ((x1, y1, x2, y1), (x2, y1, x2, y2), (x1, y2, x2, y2), (x1, y1, x1, y2)):
            self.line(*a, w=w, fill=fill)

    def cell_text(self, x1: float, y1: float, x2: float, y2: float, s: str, pt: float, face: str | None = None,
                  align: str = "c", valign: str = "m", lines: list[str] | None = None, leading: float = 1.35) -> None:
        """Text wrapped inside a cell, centred (or left) horizontally and vertically."""
        lines = lines if lines is not None else self.wrap(s, pt, (x2 - x1) - 2.0, face)
        step = pt * 0.3528 * leading
        total = step * len(lines)
        if valign == "m":
            y = (y1 + y2) / 2 - total / 2 + step * 0.78
        elif valign == "t":
            y = y1 + step * 0.95
        else:
            y = y2 - total + step * 0.7
        for line in lines:
            if align == "c":
                self.text((x1 + x2) / 2, y, line, pt, face, anchor="ms")
            else:
                self.text(x1 + 1.5, y, line, pt, face)
            y += step

    # ---- ink ----
    def hand(self, x: float, y: float, s: str, rng: random.Random, ink: str = "blue", pt: float = 15,
             slant: float | None = None, tight: float | None = None) -> float:
        """Ballpoint handwriting in a kai face: per-glyph size, rotation, slant, baseline jitter and ink weight."""
        colour = INKS[ink]
        slant = rng.uniform(-0.05, 0.32) if slant is None else slant
        tight = rng.uniform(0.74, 0.95) if tight is None else tight
        base = self.fpx(pt)
        cx, cy = self.px(x), self.px(y)
        drift = rng.uniform(-0.04, 0.04)
        heavy = rng.random() < 0.6  # a ballpoint pressed hard, or a gel pen
        for ch in s:
            if ch == " ":
                cx += int(base * 0.45)
                continue
            size = max(8, int(base * rng.uniform(0.86, 1.14) * (0.7 if ch in "，。、：" else 1.0)))
            tile = Image.new("L", (size * 2, size * 2), 0)
            ImageDraw.Draw(tile).text((size // 2, size // 2 + size), ch, font=font("kai", size), fill=255,
                                      anchor="ls")
            if heavy and size >= 36:
                tile = tile.filter(ImageFilter.MaxFilter(3))
            sh = slant + rng.uniform(-0.06, 0.06)
            tile = tile.transform(tile.size, Image.AFFINE, (1, sh, -sh * size, 0, 1, 0), resample=Image.BILINEAR)
            tile = tile.rotate(rng.uniform(-7, 7), resample=Image.BILINEAR)
            arr = np.asarray(tile).astype(np.float32) * rng.uniform(0.78, 1.0)
            mask = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
            dy = int(size * rng.uniform(-0.08, 0.08)) + int(drift * (cx - self.px(x)))
            self.img.paste(Image.new("RGB", tile.size, colour), (cx - size // 2, cy - size * 3 // 2 + dy), mask)
            adv = font("kai", size).getlength(ch)
            cx += int(adv * tight * rng.uniform(0.92, 1.08))
        return cx * 25.4 / self.dpi

    def signature(self, x: float, y: float, name: str, rng: random.Random, ink: str = "blue",
                  pt: float | None = None) -> float:
        """A signed name: larger, slanted, cramped glyphs, sometimes a trailing flourish."""
        pt = pt or rng.uniform(17, 24)
        end = self.hand(x, y, name, rng, ink, pt, slant=rng.uniform(0.15, 0.45), tight=rng.uniform(0.6, 0.8))
        if rng.random() < 0.5:
            pts = []
            x0, x1 = self.px(x + 2), self.px(end + rng.uniform(2, 8))
            yy = self.px(y + rng.uniform(0.5, 2.0))
            for k in range(12):
                t = k / 11
                pts.append((x0 + (x1 - x0) * t, yy - math.sin(t * math.pi * rng.uniform(0.8, 1.6)) * self.px(2.2)))
            self.d.line(pts, fill=INKS[ink], width=max(1, self.px(0.3)), joint="curve")
        return end

    def _stamp_layer(self, mask: Image.Image, ox: int, oy: int, rng: random.Random, colour=RED,
                     strength: float = 1.0) -> None:
        """Press a red mask onto the page: ink texture, uneven pressure, multiply blending."""
        m = np.asarray(mask).astype(np.float32) / 255.0
        h, w = m.shape
        noise = np.asarray(Image.fromarray((np.random.default_rng(rng.randrange(1 << 30)).random(
            (max(2, h // 6), max(2, w // 6))) * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC),
            dtype=np.float32) / 255.0
        grad = np.linspace(rng.uniform(0.6, 1.0), rng.uniform(0.8, 1.0), w)[None, :]
        speck = np.random.default_rng(rng.randrange(1 << 30)).random((h, w)) > rng.uniform(0.03, 0.12)
        alpha = m * (0.62 + 0.38 * noise) * grad * speck * strength
        alpha = np.asarray(Image.fromarray((alpha.clip(0, 1) * 255).astype(np.uint8)).filter(
            ImageFilter.GaussianBlur(0.6)), dtype=np.float32) / 255.0
        box = (ox, oy, ox + w, oy + h)
        region = np.asarray(self.img.crop(box)).astype(np.float32)
        c = np.array(colour, dtype=np.float32)
        tinted = region * (1 - alpha[..., None]) + (region * c / 255.0) * alpha[..., None]
        self.img.paste(Image.fromarray(tinted.clip(0, 255).astype(np.uint8)), box)

    def seal(self, cx: float, cy: float, name: str, rng: random.Random, diameter: float = 42.0,
             bottom: str = "", oval: bool = False, english: str = "", serial: str = "") -> None:
        """The unit's round seal (圆形公章): ring, the name on the upper arc, a star, optional lower line; or an
        oval seal with the Chinese name above, the English name below and a serial number."""
        rx = self.px(diameter / 2 * (1.2 if oval else 1.0))
        ry = self.px(diameter / 2 * (0.8 if oval else 1.0))
        size = (2 * rx + 8, 2 * ry + 8)
        mask = Image.new("L", size, 0)
        md = ImageDraw.Draw(mask)
        mcx, mcy = size[0] // 2, size[1] // 2
        ring = max(2, self.px(1.1))
        md.ellipse((mcx - rx, mcy - ry, mcx + rx, mcy + ry), outline=255, width=ring)
        if oval:
            inner = self.px(0.4)
            md.ellipse((mcx - rx + ring * 2, mcy - ry + ring * 2, mcx + rx - ring * 2, mcy + ry - ring * 2),
                       outline=255, width=max(1, inner))
        # name on the upper arc: narrow glyphs, evenly spread, tops toward the ring
        n = len(name)
        span = min(272.0, 150 + n * 9.0) if not oval else min(210.0, 110 + n * 8.0)
        r_text = min(rx, ry) - ring * (3.2 if oval else 1.2)
        arc = r_text * math.radians(span) / n
        gp = max(8, int(min(min(rx, ry) * 0.3, arc * 0.95)))
        r_mid = r_text - gp * 0.55
        gface = rng.choice(("sans_bold", "serif_bold", "zen", "sans"))
        squeeze = rng.uniform(0.72, 0.9)
        for i, ch in enumerate(name):
            t = -span / 2 + span * (i + 0.5) / n
            rad = math.radians(t)
            kx, ky = (rx / min(rx, ry), ry / min(rx, ry)) if oval else (1.0, 1.0)
            px_, py_ = mcx + r_mid * kx * math.sin(rad), mcy - r_mid * ky * math.cos(rad)
            tile = Image.new("L", (gp * 2, gp * 2), 0)
            ImageDraw.Draw(tile).text((gp, gp), ch, font=font(gface, int(gp * 1.05)), fill=255, anchor="mm")
            tile = tile.resize((max(2, int(gp * 2 * squeeze)), gp * 2), Image.BICUBIC)
            tile = tile.rotate(-t, resample=Image.BICUBIC, expand=True)
            mask.paste(255, (int(px_ - tile.size[0] / 2), int(py_ - tile.size[1] / 2)), tile)
        # star
        sr = min(rx, ry) * (0.28 if not oval else 0.18)
        sy = mcy - (0 if not oval else ry * 0.05)
        pts = []
        for k in range(10):
            ang = math.pi / 2 + k * math.pi / 5
            r = sr if k % 2 == 0 else sr * 0.4
            pts.append((mcx + r * math.cos(ang), sy - r * math.sin(ang)))
        md.polygon(pts, fill=255)
        if bottom:
            bp = max(8, int(gp * 0.9))
            md.text((mcx, mcy + ry * 0.55), bottom, font=font(gface, bp), fill=255, anchor="mm")
        if english:
            ep = max(6, int(gp * 0.5))
            m = len(english)
            espan = min(150.0, 20 + m * 3.2)
            for i, ch in enumerate(english):
                t = -espan / 2 + espan * (i + 0.5) / m
                rad = math.radians(t)
                r_x, r_y = rx - ring * 3 - ep * 0.8, ry - ring * 3 - ep * 0.8
                px_, py_ = mcx + r_x * math.sin(rad), mcy + r_y * math.cos(rad)
                tile = Image.new("L", (ep * 2, ep * 2), 0)
                ImageDraw.Draw(tile).text((ep, ep), ch, font=font("sans_bold", ep), fill=255, anchor="mm")
                tile = tile.rotate(t, resample=Image.BICUBIC)
                mask.paste(255, (int(px_ - ep), int(py_ - ep)), tile)
        if serial:
            sp = max(6, int(gp * 0.55))
            md.text((mcx, mcy + ry * 0.32), serial, font=font("sans", sp), fill=255, anchor="mm")
        mask = mask.rotate(rng.uniform(-14, 14), resample=Image.BICUBIC)
        self._stamp_layer(mask, self.px(cx) - size[0] // 2, self.px(cy) - size[1] // 2, rng,
                          strength=rng.uniform(0.8, 1.0))

    def name_stamp(self, x: float, y: float, name: str, rng: random.Random) -> float:
        """A personal 名章: a small square, the name in two or four glyphs (…之印 / …印), 阳文 or 阴文."""
        glyphs = name if len(name) == 2 else (name + "印" if len(name) == 3 else name[:4])
        if len(name) == 2 and rng.random() < 0.5:
            glyphs = name + "之印"
        side = rng.uniform(11, 15)
        s = self.px(side)
        mask = Image.new("L", (s, s), 0)
        md = ImageDraw.Draw(mask)
        yin = rng.random() < 0.4
        if yin:
            md.rectangle((0, 0, s - 1, s - 1), fill=255)
        else:
            md.rectangle((0, 0, s - 1, s - 1), outline=255, width=max(2, s // 14))
        fill = 0 if yin else 255
        face = rng.choice(("ming", "serif_bold", "kai"))
        if len(glyphs) == 2:
            g = int(s * 0.62)
            md.text((s // 2, s * 0.28), glyphs[0], font=font(face, g), fill=fill, anchor="mm")
            md.text((s // 2, s * 0.74), glyphs[1], font=font(face, g), fill=fill, anchor="mm")
            mask = mask.resize((s, s))
        else:
            # read right column top-down first, like a seal: [0][1] on the right, [2][3] on the left
            g = int(s * 0.44)
            for (cx, cy), ch in zip(((0.73, 0.28), (0.73, 0.74), (0.27, 0.28), (0.27, 0.74)), glyphs, strict=False):
                md.text((s * cx, s * cy), ch, font=font(face, g), fill=fill, anchor="mm")
        mask = mask.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC, expand=True)
        self._stamp_layer(mask, self.px(x), self.px(y) - mask.size[1] // 2 - self.px(2), rng,
                          strength=rng.uniform(0.75, 0.95))
        return x + side

    def paste_rotated(self, other: Image.Image) -> None:
        self.img = other
        self.d = ImageDraw.Draw(self.img)


def multiply(a: Image.Image, b: Image.Image) -> Image.Image:
    return ImageChops.multiply(a, b)
