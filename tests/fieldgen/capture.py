"""How pages reach the mailbox: image PDFs, JPEG/PNG files, fax TIFFs (Group 4, non-square pixels, header
line), phone screenshots of a document viewer, WPS 长图 exports, and the paper/scan effects on the way."""

from __future__ import annotations

import io
import random
from datetime import datetime

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from tests.fieldgen.draw import font


def jpeg(img: Image.Image, quality: int = 85, dpi: int | None = None, subsampling: int = 2) -> bytes:
    out = io.BytesIO()
    kwargs = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(out, "JPEG", quality=quality, subsampling=subsampling, optimize=False, progressive=False, **kwargs)
    return out.getvalue()


def png(img: Image.Image, dpi: int | None = None) -> bytes:
    out = io.BytesIO()
    kwargs = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(out, "PNG", compress_level=6, **kwargs)
    return out.getvalue()


def image_pdf(pages: list[Image.Image], dpi: int, made: datetime, producer: str, quality: int = 80) -> bytes:
    """A scanner's image PDF: one DCT image per page, fixed metadata, valid xref."""
    objs: list[bytes] = []
    kids = []
    for i, img in enumerate(pages):
        img = img if img.mode in ("RGB", "L") else img.convert("RGB")
        data = jpeg(img, quality)
        w_pt, h_pt = img.width * 72 / dpi, img.height * 72 / dpi
        page_no, img_no, content_no = 3 + 3 * i, 4 + 3 * i, 5 + 3 * i
        kids.append(f"{page_no} 0 R")
        content = f"q {w_pt:.2f} 0 0 {h_pt:.2f} 0 0 cm /Im{i} Do Q".encode()
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w_pt:.2f} {h_pt:.2f}] /Resources << "
                    f"/XObject << /Im{i} {img_no} 0 R >> >> /Contents {content_no} 0 R >>".encode())
        space = "/DeviceGray" if img.mode == "L" else "/DeviceRGB"
        objs.append(f"<< /Type /XObject /Subtype /Image /Width {img.width} /Height {img.height} "
                    f"/ColorSpace {space} /BitsPerComponent 8 /Filter /DCTDecode /Length {len(data)} >>\nstream\n"
                    .encode() + data + b"\nendstream")
        objs.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    stamp = made.strftime("D:%Y%m%d%H%M%S+08'00'")
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()]
    info = f"<< /Producer ({producer}) /CreationDate ({stamp}) /ModDate ({stamp}) >>".encode()
    allobjs = head + objs + [info]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(allobjs, start=1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(allobjs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(allobjs) + 1} /Root 1 0 R /Info {len(allobjs)} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def _noise(shape: tuple[int, ...], rng: random.Random) -> np.ndarray:
    return np.random.default_rng(rng.randrange(1 << 30)).normal(0, 1, shape).astype(np.float32)


def flatbed(img: Image.Image, rng: random.Random, grey: bool = False, tint: tuple[int, int, int] = (250, 249, 245),
            skew: float = 0.6, noise: float = 3.0) -> Image.Image:
    """A flatbed scan: slight skew, paper tint, sensor noise, a faint darker edge."""
    arr = np.asarray(img, dtype=np.float32)
    arr = arr * (np.array(tint, dtype=np.float32) / 255)
    arr += _noise(arr.shape[:2], rng)[..., None] * noise
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    out = out.rotate(rng.uniform(-skew, skew), resample=Image.BICUBIC, fillcolor=tint)
    return out.convert("L") if grey else out


def punch_holes(img: Image.Image, rng: random.Random) -> Image.Image:
    """Two binder holes in the left margin and a staple at the top-left corner, as they scan."""
    out = img.copy()
    d = ImageDraw.Draw(out)
    w, h = out.size
    r = w // 70
    x = w // 28
    for cy in (h // 2 - h // 7, h // 2 + h // 7):
        d.ellipse([x - r, cy - r, x + r, cy + r], fill=(70, 70, 72))
    sx, sy = w // 22 + rng.randint(0, 20), h // 40 + rng.randint(0, 20)
    d.line([(sx, sy), (sx + w // 30, sy - w // 60)], fill=(120, 120, 125), width=max(3, w // 400))
    return out


def fax_pages(pages: list[Image.Image], rng: random.Random, fine: bool, sender: str, when: datetime,
              station: str) -> bytes:
    """Group 4 multi-page TIFF at 204×196 (fine) or 204×98 dpi: each page resampled to fax pixels
    (1728 wide), thresholded, speckled, with the sending machine's header line on top."""
    vres = 196 if fine else 98
    frames = []
    for k, page in enumerate(pages):
        g = page.convert("L")
        w = 1728
        h = round(g.height * w / g.width * vres / 204)  # non-square pixels: fewer rows per inch
        g = g.resize((w, h), Image.LANCZOS).filter(ImageFilter.GaussianBlur(0.4))
        arr = np.asarray(g, dtype=np.float32) + _noise((h, w), rng) * 10
        bw = arr > rng.uniform(150, 175)
        nr = np.random.default_rng(rng.randrange(1 << 30))
        bw &= nr.random((h, w)) > 0.0007  # black speckle
        img = Image.fromarray((bw * 255).astype(np.uint8)).convert("1")
        header = Image.new("L", (w, 30 if fine else 16), 255)
        hd = ImageDraw.Draw(header)
        line = f"{when:%Y-%m-%d %H:%M}   FROM: {sender}   {station}        P.{k + 1}/{len(pages)}"
        hd.text((24, 2), line, font=font("wqy", 24 if fine else 13), fill=0)
        if not fine:
            header = header.resize((w, 16))
        img.paste(header.point(lambda v: 255 if v > 128 else 0).convert("1"), (0, 4))
        frames.append(img)
    out = io.BytesIO()
    frames[0].save(out, "TIFF", compression="group4", dpi=(204, vres), save_all=True, append_images=frames[1:])
    return out.getvalue()


def status_bar(d: ImageDraw.ImageDraw, w: int, clock: str, dark: bool) -> None:
    fg = (240, 240, 240) if dark else (20, 20, 20)
    d.text((60, 38), clock, font=font("heib", 40), fill=fg, anchor="lm")
    x = w - 60
    d.rectangle([x - 62, 24, x, 52], outline=fg, width=3)  # battery
    d.rectangle([x - 58, 28, x - 20, 48], fill=fg)
    for k in range(4):  # signal bars
        bx = x - 170 + k * 16
        d.rectangle([bx, 50 - 8 - k * 7, bx + 9, 50], fill=fg)
    d.text((x - 100, 38), "5G", font=font("heib", 28), fill=fg, anchor="lm")


def screenshots(doc: Image.Image, rng: random.Random, title: str, clock: list[str]) -> list[Image.Image]:
    """WeChat's file viewer on a 1080×2340 phone, the document fit to width, scrolled so consecutive
    shots overlap; one screenshot per entry of `clock`."""
    w, h = 1080, 2340
    top, bottom = 230, 2340 - 190
    view = bottom - top
    scaled = doc.resize((w - 24, round(doc.height * (w - 24) / doc.width)), Image.LANCZOS)
    total = scaled.height
    n = len(clock)
    step = (total - view) / (n - 1) if n > 1 else 0
    shots = []
    for k in range(n):
        off = round(step * k)
        shot = Image.new("RGB", (w, h), (237, 237, 237))
        shot.paste(scaled.crop((0, off, scaled.width, off + view)), (12, top))
        d = ImageDraw.Draw(shot)
        d.rectangle([0, 0, w, top - 1], fill=(247, 247, 247))
        status_bar(d, w, clock[k], dark=False)
        d.line([(48, 150), (72, 126), (48, 150), (72, 174)], fill=(30, 30, 30), width=5)
        d.text((w // 2, 150), title if len(title) <= 17 else title[:16] + "…", font=font("hei", 38),
               fill=(25, 25, 25), anchor="mm")
        for j in range(3):
            d.ellipse([w - 90 + j * 20, 144, w - 80 + j * 20, 154], fill=(30, 30, 30))
        d.rectangle([0, bottom, w, h], fill=(247, 247, 247))
        for j, label in enumerate(["分享", "收藏", "用其他应用打开"]):
            d.text(((j * 2 + 1) * w // 6, bottom + 80), label, font=font("hei", 32), fill=(60, 60, 60),
                   anchor="mm")
        pct = round(100 * (off + view) / total)
        d.rounded_rectangle([w - 200, top + 30, w - 40, top + 90], 26, fill=(60, 60, 60))
        d.text((w - 120, top + 60), f"{min(pct, 100)}%", font=font("hei", 30), fill=(250, 250, 250), anchor="mm")
        shots.append(shot)
    return shots


def phone_photo(img: Image.Image, rng: random.Random, size: tuple[int, int] = (3000, 4000)) -> Image.Image:
    """A handheld photo of a page on a desk: mild perspective, warm uneven light, soft focus."""
    w, h = size
    page = img.resize((round(w * 0.86), round(w * 0.86 * img.height / img.width)), Image.LANCZOS)
    canvas = Image.new("RGB", (w, h), (rng.randint(90, 140), rng.randint(80, 120), rng.randint(60, 100)))
    ox, oy = (w - page.width) // 2, (h - page.height) // 2
    canvas.paste(page, (ox, oy))
    j = w // 50
    quad = [rng.randint(-j, j) for _ in range(8)]
    src = (quad[0], quad[1], quad[2], h + quad[3], w + quad[4], h + quad[5], w + quad[6], quad[7])
    canvas = canvas.transform((w, h), Image.QUAD, src, resample=Image.BICUBIC)
    yy, xx = np.mgrid[0:h:8, 0:w:8]
    light = 1.0 - 0.16 * ((xx / w - rng.uniform(0.2, 0.8)) ** 2 + (yy / h - rng.uniform(0.1, 0.5)) ** 2)
    light = np.asarray(Image.fromarray((light * 255).astype(np.uint8)).resize((w, h), Image.BILINEAR),
                       dtype=np.float32) / 255
    arr = np.asarray(canvas, dtype=np.float32) * light[..., None] * np.array([1.0, 0.98, 0.93])
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))
    return out


def long_image(pages: list[Image.Image], width: int = 1242, gap: int = 24) -> Image.Image:
    """WPS 输出为图片（长图）: pages stacked at a fixed width with grey gaps and a small footer mark."""
    scaled = [p.resize((width - 2 * gap, round(p.height * (width - 2 * gap) / p.width)), Image.LANCZOS)
              for p in pages]
    h = sum(p.height for p in scaled) + gap * (len(scaled) + 1) + 60
    out = Image.new("RGB", (width, h), (226, 226, 226))
    y = gap
    for p in scaled:
        out.paste(p.convert("RGB"), (gap, y))
        y += p.height + gap
    ImageDraw.Draw(out).text((width // 2, y + 22), "由 WPS Office 生成", font=font("hei", 22), fill=(150, 150, 150),
                             anchor="mm")
    return out
