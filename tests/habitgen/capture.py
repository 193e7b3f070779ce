"""How a drawn page reaches the mailbox: a flatbed scan (tone, tilt, noise, greyscale at 150 dpi), a phone
photo on a desk (perspective, uneven light, blur), and the files that carry them (JPEG, PNG, image PDF)."""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
from PIL import Image


def jpeg(img: Image.Image, quality: int = 85) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=False)
    return buf.getvalue()


def png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=6)
    return buf.getvalue()


def image_pdf(pages: list[Image.Image], dpi: int, quality: int = 82) -> bytes:
    """An image-only PDF, one page per image at `dpi`, as scanner software writes it."""
    placed = []
    for img in pages:
        w_pt, h_pt = img.width * 72 / dpi, img.height * 72 / dpi
        placed.append(((w_pt, h_pt), [(img, (0.0, 0.0, w_pt, h_pt))]))
    return pdf_with_images(placed, quality)


def pdf_with_images(pages: list[tuple[tuple[float, float], list[tuple[Image.Image, tuple[float, float, float, float]]]]],
                    quality: int = 82, producer: str = "Scanner") -> bytes:
    """A PDF whose pages (size in pt, images placed at (x, y, w, h) in pt from the bottom left) hold only
    JPEG images; a valid xref and trailer, no dates, so equal input gives equal bytes."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    pages_obj = add(b"")
    kids = []
    for (w_pt, h_pt), images in pages:
        xobjects, ops = [], []
        for k, (img, (x, y, w, h)) in enumerate(images):
            data = jpeg(img, quality)
            space = b"/DeviceGray" if img.mode == "L" else b"/DeviceRGB"
            ref = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8"
                      b" /Filter /DCTDecode /Length %d >>\nstream\n" % (img.width, img.height, space, len(data))
                      + data + b"\nendstream")
            xobjects.append(b"/Im%d %d 0 R" % (k, ref))
            ops.append(b"q %.2f 0 0 %.2f %.2f %.2f cm /Im%d Do Q" % (w, h, x, y, k))
        content = b"\n".join(ops)
        cref = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << %s >> >>"
                        b" /Contents %d 0 R >>" % (pages_obj, w_pt, h_pt, b" ".join(xobjects), cref)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    info = add(b"<< /Producer (%s) >>" % producer.encode("ascii"))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    return bytes(out)


def _rng_np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def scan(img: Image.Image, rng: random.Random, src_dpi: int, out_dpi: int = 200, grey: bool = False,
         tilt: float = 0.6) -> Image.Image:
    """A flatbed scan of the page: slightly tilted, paper tone, soft optics, sensor noise, at out_dpi."""
    gen = _rng_np(rng)
    arr = np.asarray(img, dtype=np.float32)
    base = rng.uniform(238, 250)
    tone = np.array([base, base - rng.uniform(0, 3), base - rng.uniform(2, 10)], dtype=np.float32)
    arr = arr / 255 * tone
    h, w = arr.shape[:2]
    angle = rng.uniform(-tilt, tilt)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m[:, 2] += (rng.uniform(-8, 8), rng.uniform(-8, 8))
    arr = cv2.warpAffine(arr, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                         borderValue=tuple(float(t) for t in tone))
    scale = out_dpi / src_dpi
    if scale != 1:
        arr = cv2.resize(arr, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    arr = cv2.GaussianBlur(arr, (0, 0), rng.uniform(0.35, 0.7))
    arr += gen.normal(0, rng.uniform(2.5, 5), arr.shape).astype(np.float32)
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    return out.convert("L") if grey else out


def desk_photo(img: Image.Image, rng: random.Random, long_side: int = 3000, angle: float = 0.0,
               rotate: int = 0) -> Image.Image:
    """A phone photo of the page lying on a desk: perspective, the desk around it, light falling off
    to one side, a soft shadow, slight blur and noise. `angle` adds in-plane rotation (degrees);
    `rotate` turns the whole photo by 90° steps (a photo whose orientation flag was lost)."""
    gen = _rng_np(rng)
    page = np.asarray(img.convert("RGB"))
    ph, pw = page.shape[:2]
    landscape = pw > ph
    out_w, out_h = (long_side, round(long_side * 0.75)) if landscape else (round(long_side * 0.75), long_side)
    # where the page's corners land (a margin of desk round it, pulled towards a trapezoid)
    fill = rng.uniform(0.8, 0.88)
    cx, cy = out_w / 2 + rng.uniform(-0.02, 0.02) * out_w, out_h / 2 + rng.uniform(-0.02, 0.02) * out_h
    scale = min(out_w * fill / pw, out_h * fill / ph)
    hw, hh = pw * scale / 2, ph * scale / 2
    a = math_rad(angle)
    corners = []
    for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        x, y = sx * hw, sy * hh
        corners.append((cx + x * np.cos(a) - y * np.sin(a), cy + x * np.sin(a) + y * np.cos(a)))
    keystone = rng.uniform(0.02, 0.07) * hw
    side = rng.choice((0, 1))
    dst = np.array(corners, dtype=np.float32)
    if side == 0:  # far edge (top) narrower
        dst[0, 0] += keystone
        dst[1, 0] -= keystone
    else:  # one side further away
        dst[1, 1] += keystone * 0.7
        dst[2, 1] -= keystone * 0.7
    dst += gen.uniform(-0.006, 0.006, dst.shape).astype(np.float32) * out_w
    src = np.array([(0, 0), (pw, 0), (pw, ph), (0, ph)], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    desk_colour = rng.choice(((118, 86, 60), (150, 150, 146), (92, 94, 100), (176, 160, 130), (60, 62, 66)))
    small = (out_w // 8, out_h // 8)
    grain = cv2.GaussianBlur(gen.normal(0, 9, (small[1], small[0])).astype(np.float32), (0, 0), 1.2)
    grain = cv2.resize(grain, (out_w, out_h), interpolation=cv2.INTER_LINEAR)
    desk = np.empty((out_h, out_w, 3), dtype=np.float32)
    desk[:] = desk_colour
    desk += grain[..., None]
    warped = cv2.warpPerspective(page, matrix, (out_w, out_h), flags=cv2.INTER_AREA).astype(np.float32)
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), matrix, (out_w, out_h), flags=cv2.INTER_LINEAR)
    # a soft shadow under the sheet and the light across it, both smooth, so computed small and enlarged
    mask_small = cv2.resize(mask, small, interpolation=cv2.INTER_AREA)
    shadow = cv2.GaussianBlur(np.roll(mask_small, (max(1, small[1] // 160), max(1, small[0] // 160)), (0, 1)),
                              (0, 0), max(1.0, small[0] / 150))
    yy, xx = np.mgrid[0:small[1], 0:small[0]].astype(np.float32)
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    norm = max(1e-3, abs(gx) + abs(gy))
    grad = ((xx / small[0] - 0.5) * gx + (yy / small[1] - 0.5) * gy) / norm
    light = 0.93 - rng.uniform(0.1, 0.22) * grad
    if rng.random() < 0.5:  # the phone's shadow
        sx, sy = rng.uniform(0.2, 0.8) * small[0], rng.uniform(0.6, 1.0) * small[1]
        light -= 0.12 * np.exp(-(((xx - sx) / (small[0] * 0.3)) ** 2 + ((yy - sy) / (small[1] * 0.25)) ** 2))
    light = light * (1 - 0.45 * shadow * (1 - mask_small))
    light = cv2.resize(light, (out_w, out_h), interpolation=cv2.INTER_LINEAR)
    arr = desk * (1 - mask[..., None]) + warped * mask[..., None]
    warm = np.array([1.0, rng.uniform(0.96, 1.0), rng.uniform(0.88, 0.97)], dtype=np.float32)
    arr *= light[..., None] * warm
    arr = cv2.GaussianBlur(arr, (0, 0), rng.uniform(0.6, 1.1))
    arr += gen.standard_normal((out_h, out_w, 1), dtype=np.float32) * 3.5
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if rotate:
        out = out.rotate(90 * rotate, expand=True)
    return out


def math_rad(degrees: float) -> float:
    return degrees * np.pi / 180
