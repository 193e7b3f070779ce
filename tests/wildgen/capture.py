"""How the signed paper became a file: flatbed scans (tilt, punched holes, staple), a copier's 1-bit
scan-to-mail, a phone photo on a wooden desk (perspective, EXIF orientation), a scanner app's enhanced
JPEGs; and deterministic JPEG / PNG / PDF / ZIP bytes."""

from __future__ import annotations

import datetime as dt
import io
import math
import random
import zipfile

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter


def _rng_np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randint(0, 2 ** 31))


def scan(img: Image.Image, rng: random.Random, tilt: float, grey: bool = False, tone: int = 250,
         out_scale: float = 1.0) -> Image.Image:
    """A flatbed scan: paper tone, tilt on a light lid, sensor noise, a little softness."""
    arr = np.asarray(img, dtype=np.float32) * (tone / 255.0)
    g = _rng_np(rng)
    arr += g.normal(0, 2.2, arr.shape)
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if tilt:
        out = out.rotate(tilt, resample=Image.BICUBIC, fillcolor=(tone, tone, tone))
    out = out.filter(ImageFilter.GaussianBlur(0.45))
    if out_scale != 1.0:
        out = out.resize((int(out.width * out_scale), int(out.height * out_scale)), Image.LANCZOS)
    return out.convert("L") if grey else out


def punch_and_staple(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Two punched holes in the left margin (the dark lid shows through) and a staple at the top left."""
    out = img.copy()
    d = ImageDraw.Draw(out)
    mm = dpi / 25.4
    r = 3.0 * mm
    cx = rng.uniform(9, 12) * mm
    mid = out.height / 2 + rng.uniform(-8, 8) * mm
    for cy in (mid - 40 * mm, mid + 40 * mm):
        d.ellipse([cx - r - 2, cy - r - 2, cx + r + 2, cy + r + 2], fill=(150, 150, 150))
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(rng.randint(25, 60),) * 3)
    x0, y0 = rng.uniform(6, 10) * mm, rng.uniform(8, 12) * mm
    ang = math.radians(rng.uniform(30, 55))
    length = 12 * mm
    x1, y1 = x0 + length * math.cos(ang), y0 - length * math.sin(ang) + 10 * mm
    d.line([(x0 + 3, y0 + 10 * mm + 3), (x1 + 3, y1 + 3)], fill=(170, 170, 170), width=int(1.2 * mm))
    d.line([(x0, y0 + 10 * mm), (x1, y1)], fill=(95, 98, 104), width=int(0.8 * mm))
    d.line([(x0, y0 + 10 * mm - 1), (x1, y1 - 1)], fill=(200, 204, 210), width=max(1, int(0.2 * mm)))
    return out


def copier_bw(img: Image.Image, rng: random.Random, threshold: int) -> Image.Image:
    """A multifunction copier's 文字 mode: 1-bit, thresholded, with toner specks and a dirty edge."""
    grey = img.convert("L").filter(ImageFilter.GaussianBlur(0.5))
    arr = np.asarray(grey, dtype=np.float32)
    g = _rng_np(rng)
    arr += g.normal(0, 10, arr.shape)
    specks = g.random(arr.shape) < 0.0004
    arr[specks] = 0
    edge = int(arr.shape[1] * rng.uniform(0.0, 0.012))
    if edge:
        arr[:, :edge] = np.where(g.random((arr.shape[0], edge)) < 0.6, 0, 255)
    return Image.fromarray((arr > threshold).astype(np.uint8) * 255).convert("1")


def _wood(w: int, h: int, rng: random.Random) -> np.ndarray:
    g = _rng_np(rng)
    base = np.array(rng.choice([(150, 100, 62), (120, 78, 45), (176, 128, 84), (98, 64, 40)]), dtype=np.float32)
    ys = np.linspace(0, 1, h)[:, None]
    xs = np.linspace(0, 1, w)[None, :]
    warp = np.sin(xs * rng.uniform(2, 5) + ys * rng.uniform(1, 3)) * 0.04
    grain = np.sin((ys + warp + g.normal(0, 0.002, (h, 1))) * rng.uniform(140, 260)) * 0.5 + 0.5
    fine = g.normal(0, 1, (h // 4 + 1, w // 4 + 1)).astype(np.float32)
    fine = cv2.resize(cv2.GaussianBlur(fine, (0, 0), 2), (w, h))
    shade = 0.78 + 0.16 * grain + 0.05 * fine
    return (base[None, None, :] * shade[..., None]).clip(0, 255)


def desk_photo(img: Image.Image, rng: random.Random, megapixels: float) -> Image.Image:
    """The page photographed on a wooden desk: perspective, the desk around it, warm uneven light,
    a soft shadow of the phone, a little blur."""
    total = megapixels * 1_000_000
    W = int(math.sqrt(total * 3 / 4))
    H = int(W * 4 / 3)
    canvas = _wood(W, H, rng)
    page = np.asarray(img.convert("RGB"), dtype=np.float32)
    ph, pw = page.shape[:2]
    fill = rng.uniform(0.72, 0.86)
    cw, ch = W * fill, W * fill * ph / pw
    if ch > H * 0.92:
        ch = H * 0.92
        cw = ch * pw / ph
    cx, cy = W / 2 + rng.uniform(-0.04, 0.04) * W, H / 2 + rng.uniform(-0.03, 0.03) * H
    k = rng.uniform(0.03, 0.08)                # the top edge is farther from the lens: narrower
    dst = np.float32([[cx - cw / 2 * (1 - k), cy - ch / 2], [cx + cw / 2 * (1 - k), cy - ch / 2],
                      [cx + cw / 2 * (1 + k * 0.3), cy + ch / 2], [cx - cw / 2 * (1 + k * 0.3), cy + ch / 2]])
    ang = math.radians(rng.uniform(-4, 4))
    rot = np.float32([[math.cos(ang), -math.sin(ang)], [math.sin(ang), math.cos(ang)]])
    dst = (dst - [cx, cy]) @ rot.T + [cx, cy]
    dst += np.float32([[rng.uniform(-0.01, 0.01) * W, rng.uniform(-0.01, 0.01) * H] for _ in range(4)])
    src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    M = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    warped = cv2.warpPerspective(page, M, (W, H), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), M, (W, H), flags=cv2.INTER_LINEAR)
    small = cv2.resize(mask, (W // 8, H // 8), interpolation=cv2.INTER_AREA)
    shadow = cv2.resize(cv2.GaussianBlur(small, (0, 0), W * 0.01 / 8), (W, H), interpolation=cv2.INTER_LINEAR)
    canvas *= (1 - 0.35 * np.roll(np.roll(shadow, int(W * 0.008), 1), int(W * 0.01), 0))[..., None]
    canvas = canvas * (1 - mask[..., None]) + warped * mask[..., None]
    sw, shh = max(8, W // 16), max(8, H // 16)           # the light field is smooth: draw it small
    yy, xx = np.mgrid[0:shh, 0:sw].astype(np.float32)
    lx, ly = rng.uniform(0.2, 0.8) * sw, rng.uniform(-0.2, 0.4) * shh
    light = 1.0 - 0.28 * np.sqrt(((xx - lx) / sw) ** 2 + ((yy - ly) / shh) ** 2)
    hand_shadow = cv2.GaussianBlur(((xx > sw * rng.uniform(0.55, 0.8)) & (yy > shh * rng.uniform(0.75, 0.9)))
                                   .astype(np.float32), (0, 0), sw * 0.05)
    light = cv2.resize((light * (1 - 0.25 * hand_shadow)).astype(np.float32), (W, H), interpolation=cv2.INTER_LINEAR)
    warm = np.array([1.04, 1.0, 0.9], dtype=np.float32)
    out = canvas * light[..., None] * warm
    out += _rng_np(rng).normal(0, 3.0, out.shape)
    result = Image.fromarray(out.clip(0, 255).astype(np.uint8))
    return result.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0)))


def app_enhance(img: Image.Image, rng: random.Random, tilt: float) -> Image.Image:
    """A scanner app's 增强 mode: cropped flat, whitened background, boosted contrast and colour."""
    out = img.rotate(tilt, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    out = ImageEnhance.Contrast(out).enhance(rng.uniform(1.3, 1.6))
    out = ImageEnhance.Color(out).enhance(rng.uniform(1.2, 1.5))
    arr = np.asarray(out, dtype=np.float32)
    arr = np.where(arr > 200, 255, arr)
    return Image.fromarray(arr.astype(np.uint8)).filter(ImageFilter.UnsharpMask(2, 80, 3))


def jpeg(img: Image.Image, quality: int, dpi: int | None = None, exif: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    kw: dict = {"quality": quality}
    if dpi:
        kw["dpi"] = (dpi, dpi)
    if exif:
        kw["exif"] = exif
    img.save(buf, "JPEG", **kw)
    return buf.getvalue()


def png(img: Image.Image, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", dpi=(dpi, dpi) if dpi else None, optimize=False)
    return buf.getvalue()


def pdf(pages: list[Image.Image], dpi: int, quality: int = 82, when: dt.datetime | None = None) -> bytes:
    """Image pages as a PDF; the dates are fixed (Pillow would write the wall clock)."""
    buf = io.BytesIO()
    when = when or dt.datetime(2024, 3, 8, 10, 30, 0)
    extra = {} if pages[0].mode == "1" else {"quality": quality}
    pages[0].save(buf, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:], creationDate=when.timetuple(),
                  modDate=when.timetuple(), **extra)
    return buf.getvalue()


def exif_rotated(img: Image.Image, rng: random.Random) -> tuple[Image.Image, bytes, int]:
    """The pixels as the sensor stored them plus an EXIF Orientation that turns them upright."""
    orientation = rng.choice([1, 6, 6, 8])
    stored = {1: img, 6: img.transpose(Image.ROTATE_90), 8: img.transpose(Image.ROTATE_270)}[orientation]
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F], exif[0x0110] = rng.choice([("HUAWEI", "ELS-AN00"), ("Xiaomi", "M2102J2SC"), ("Apple", "iPhone 12"),
                                             ("OPPO", "PEGM00"), ("vivo", "V2171A")])
    exif[0x0132] = "2024:03:08 10:12:31"
    return stored, exif.tobytes(), orientation


class _GbkInfo(zipfile.ZipInfo):
    """A member name stored in GBK without the UTF-8 flag, as Chinese Windows archivers write it."""

    def _encodeFilenameFlags(self):  # noqa: N802 - CPython's name
        return self.filename.encode("gbk"), self.flag_bits


def zip_bytes(members: list[tuple[str, bytes]], gbk: bool) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = (_GbkInfo if gbk else zipfile.ZipInfo)(name, date_time=(2024, 3, 8, 10, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()
