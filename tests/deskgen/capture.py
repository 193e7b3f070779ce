"""How paper becomes pixels in a school office: phone photos on a desk (keystone, skew, uneven light, a hard
shadow, slight blur), flatbed scans at 100–300 dpi in colour, greyscale or bilevel, photocopies of
photocopies, yellowed paper, fold creases, staple and punch holes — and the files they are saved as
(JPEG, PNG, multi-page TIFF, image PDFs)."""

from __future__ import annotations

import io
import math
import random
from datetime import datetime

import cv2
import numpy as np
from PIL import Image

from tests.deskgen.page import DPI


def _np_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def age_paper(page: np.ndarray, rng: random.Random, notes: list[str]) -> np.ndarray:
    """Yellowish paper, a fold crease, staple and punch holes, each sometimes."""
    out = page.astype(np.float32)
    h, w = page.shape[:2]
    if rng.random() < 0.3:
        out *= np.array([1.0, 0.97, 0.88], np.float32)
        notes.append("yellowish")
    if rng.random() < 0.3:  # a horizontal or vertical fold: a thin dark/light line pair
        notes.append("fold")
        if rng.random() < 0.6:
            y = int(h * rng.uniform(0.3, 0.7))
            out[y - 2:y, :] *= 0.86
            out[y:y + 3, :] = np.minimum(out[y:y + 3, :] * 1.03, 255)
        else:
            x = int(w * rng.uniform(0.4, 0.6))
            out[:, x - 2:x] *= 0.88
    if rng.random() < 0.25:  # staple in the top-left corner
        notes.append("staple")
        x, y = int(w * 0.06), int(h * 0.04)
        angle = math.radians(rng.uniform(20, 60))
        dx, dy = int(70 * math.cos(angle)), int(70 * math.sin(angle))
        cv2.line(out, (x, y), (x + dx, y + dy), (120, 120, 125), 5, cv2.LINE_AA)
    if rng.random() < 0.2:  # two punch holes on the left edge
        notes.append("punch")
        for fy in (0.38, 0.62):
            cv2.circle(out, (int(w * 0.035), int(h * fy)), 22, (70, 70, 70), -1, cv2.LINE_AA)
    return np.clip(out, 0, 255).astype(np.uint8)


def phone_photo(page: np.ndarray, rng: random.Random, notes: list[str], long_side: int = 2400) -> np.ndarray:
    """The sheet on a desk photographed by hand: perspective, up to 6° turn, light falloff, a shadow."""
    g = _np_rng(rng)
    h, w = page.shape[:2]
    scale = long_side / max(h, w) * rng.uniform(0.8, 0.9)
    pw, ph = int(w * scale), int(h * scale)
    small = cv2.resize(page, (pw, ph), interpolation=cv2.INTER_AREA)
    out_w, out_h = int(long_side * 0.75), long_side
    desk = np.array(rng.choice(((120, 96, 70), (150, 140, 128), (88, 70, 52), (200, 198, 190), (60, 62, 66))),
                    np.float32)
    bg = np.empty((out_h, out_w, 3), np.float32)
    bg[:] = desk
    grain = cv2.resize(g.normal(0, 1, (out_h // 24, out_w // 24)).astype(np.float32), (out_w, out_h),
                       interpolation=cv2.INTER_CUBIC)
    fine = cv2.GaussianBlur(g.normal(0, 1, (out_h, out_w)).astype(np.float32), (0, 0), 1.2)
    bg += (grain * 8 + fine * 6)[..., None]
    turn = math.radians(rng.uniform(-6, 6))
    cx, cy = out_w / 2 + rng.uniform(-30, 30), out_h / 2 + rng.uniform(-30, 30)
    corners = np.array([[-pw / 2, -ph / 2], [pw / 2, -ph / 2], [pw / 2, ph / 2], [-pw / 2, ph / 2]], np.float32)
    rot = np.array([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]], np.float32)
    dst = corners @ rot.T + [cx, cy]
    keystone = rng.uniform(0.0, 0.06) * pw
    if rng.random() < 0.5:  # top narrower (phone tilted back)
        dst[0, 0] += keystone
        dst[1, 0] -= keystone
    else:
        dst[3, 0] += keystone
        dst[2, 0] -= keystone
    dst += g.uniform(-12, 12, dst.shape).astype(np.float32)
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    warped = cv2.warpPerspective(small, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR)
    inside = cv2.warpPerspective(np.full((ph, pw), 255, np.uint8), matrix, (out_w, out_h)) > 128
    img = np.where(inside[..., None], warped.astype(np.float32), bg)
    # uneven lighting: a smooth gradient, brighter toward one corner
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    a = rng.uniform(0, 2 * math.pi)
    light = 1.0 - rng.uniform(0.08, 0.25) * (0.5 + 0.5 * ((xx / out_w - 0.5) * math.cos(a) +
                                                        (yy / out_h - 0.5) * math.sin(a)) * 2)
    img *= light[..., None]
    if rng.random() < 0.45:  # a hard shadow of the phone or a hand from one edge
        notes.append("shadow")
        poly = np.array([[0, int(out_h * rng.uniform(0.55, 0.85))], [int(out_w * rng.uniform(0.3, 0.6)), out_h],
                         [0, out_h]], np.int32)
        if rng.random() < 0.5:
            poly[:, 0] = out_w - poly[:, 0]
        shade = np.zeros((out_h, out_w), np.float32)
        cv2.fillPoly(shade, [poly], 1.0)
        shade = cv2.GaussianBlur(shade, (0, 0), 9)
        img *= (1.0 - 0.35 * shade)[..., None]
    img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.4, 1.1))
    img += g.normal(0, 3.0, img.shape).astype(np.float32)
    # a phone's warm or cool white balance
    img *= np.array(rng.choice(((1.0, 0.98, 0.93), (0.95, 0.98, 1.02), (1.0, 1.0, 1.0))), np.float32)
    notes.append("phone")
    return np.clip(img, 0, 255).astype(np.uint8)


def flatbed(page: np.ndarray, rng: random.Random, notes: list[str], dpi: int | None = None,
            mode: str | None = None) -> np.ndarray:
    """A flatbed or copier scan: resampled to `dpi`, turned up to 1.5°, colour / grey / bilevel."""
    dpi = dpi or rng.choice((150, 200, 200, 300))
    mode = mode or rng.choice(("color", "color", "gray"))
    h, w = page.shape[:2]
    scale = dpi / DPI
    img = cv2.resize(page, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA if scale < 1
                     else cv2.INTER_CUBIC)
    angle = rng.uniform(-1.5, 1.5)
    hh, ww = img.shape[:2]
    img = cv2.warpAffine(img, cv2.getRotationMatrix2D((ww / 2, hh / 2), angle, 1.0), (ww, hh),
                         borderValue=(250, 250, 250))
    img = cv2.GaussianBlur(img, (0, 0), 0.5)
    img = np.clip(img.astype(np.float32) + _np_rng(rng).normal(0, 2.5, img.shape), 0, 255).astype(np.uint8)
    if mode == "gray":
        img = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    elif mode == "bilevel":
        gray = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
        img = np.where(gray > rng.randrange(150, 185), 255, 0).astype(np.uint8)
    notes.append(f"scan{dpi}{mode}")
    return img


def photocopy(page: np.ndarray, rng: random.Random, notes: list[str], generations: int = 2) -> np.ndarray:
    """A copy of a copy: grey, contrast pushed each time, toner specks and edge shading; the red seal
    ends as a grey ring."""
    g = _np_rng(rng)
    img = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY).astype(np.float32)
    for _ in range(generations):
        img = cv2.GaussianBlur(img, (0, 0), 0.8)
        img = np.clip((img - 255) * rng.uniform(1.15, 1.3) + 255 - rng.uniform(4, 12), 0, 255)
        specks = g.random(img.shape) < 0.0006
        img[specks] = g.uniform(40, 120, int(specks.sum()))
    h, w = img.shape
    xx = np.abs(np.linspace(-1, 1, w, dtype=np.float32))
    img *= (1.0 - 0.1 * xx ** 6)[None, :]
    notes.append(f"photocopy×{generations}")
    return np.clip(img, 0, 255).astype(np.uint8)


def jpeg(img: np.ndarray, quality: int) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()


def png(img: np.ndarray) -> bytes:
    """A PNG as scanner apps save it: bilevel as 1-bit, otherwise an adaptive 32-colour palette."""
    buf = io.BytesIO()
    image = Image.fromarray(img)
    if img.ndim == 2 and set(np.unique(img[::7, ::7]).tolist()) <= {0, 255}:
        image = image.convert("1")
    elif img.ndim == 2:
        image = Image.fromarray((cv2.medianBlur(img, 3) // 16 * 17).astype(np.uint8))
    else:
        image = Image.fromarray(cv2.medianBlur(img, 3)).quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def _pil(img: np.ndarray) -> Image.Image:
    image = Image.fromarray(img)
    if img.ndim == 2 and set(np.unique(img[::7, ::7]).tolist()) <= {0, 255}:
        return image.convert("1")
    return image


def tiff(images: list[np.ndarray], dpi: int) -> bytes:
    """A multi-page TIFF as scanner software writes it: G4 for bilevel pages, JPEG otherwise."""
    pages = [_pil(img) for img in images]
    if len({p.mode for p in pages}) > 1:  # one compression per file: bilevel pages go grey then
        mode = "RGB" if any(p.mode == "RGB" for p in pages) else "L"
        pages = [p.convert(mode) for p in pages]
    buf = io.BytesIO()
    first = pages[0]
    compression = "group4" if first.mode == "1" else "tiff_jpeg"
    kw = {"quality": 55} if compression == "tiff_jpeg" else {}
    first.save(buf, "TIFF", save_all=True, append_images=pages[1:], compression=compression,
               dpi=(dpi, dpi), **kw)
    return buf.getvalue()


def image_pdf(images: list[np.ndarray], dpi: int, quality: int = 70, when: datetime | None = None) -> bytes:
    """Scanned pages in a PDF, one image per page (as a scanner's 'scan to PDF' writes)."""
    pages = []
    for img in images:
        image = _pil(img)
        if image.mode != "1":
            image = Image.open(io.BytesIO(jpeg(img, quality)))
        pages.append(image)
    buf = io.BytesIO()
    when = when or datetime(2024, 3, 1, 9, 0)
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi), creationDate=when.timetuple(),
                  modDate=when.timetuple(), producer="Scanner PDF")
    return buf.getvalue()
