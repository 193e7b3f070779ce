"""A small, strict PDF writer: image pages (DCT) and 'Word export' pages whose glyphs are filled paths.

Word pages come in two kinds of unusable text layer: glyphs as outlines only (no text at all), or outlines plus
an invisible text layer in a non-embedded font with no ToUnicode map whose bytes are the GBK codes of the lines,
which extracts as Latin-1 mojibake. Output is deterministic: no dates, fixed IDs from the seed.
"""

from __future__ import annotations

import hashlib
import zlib

import numpy as np
from PIL import Image

from . import draw as D


class Writer:
    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def reserve(self) -> int:
        self.objects.append(b"")
        return len(self.objects)

    def set(self, num: int, body: bytes) -> None:
        self.objects[num - 1] = body

    def stream(self, dictionary: str, data: bytes) -> int:
        return self.add(f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream")

    def output(self, root: int, info: int, ident: str) -> bytes:
        out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
        out += (f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R /Info {info} 0 R "
                f"/ID [<{ident}> <{ident}>] >>\nstartxref\n{xref}\n%%EOF\n").encode()
        return bytes(out)


def _runs(img: Image.Image) -> bytes:
    """Dark pixels as filled rectangles, rows merged where a run repeats; 1 px = 72/150 pt."""
    a = np.asarray(img.convert("L")) < 150
    h, w = a.shape
    s = 72 / D.DPI
    ops: list[str] = []
    open_runs: dict[tuple[int, int], int] = {}
    for y in range(h + 1):
        row = a[y] if y < h else np.zeros(w, bool)
        padded = np.concatenate(([False], row, [False]))
        edges = np.flatnonzero(padded[1:] != padded[:-1])
        runs = set(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=False))
        for run in list(open_runs):
            if run not in runs:
                y0 = open_runs.pop(run)
                x0, x1 = run
                ops.append(f"{x0 * s:.2f} {(h - y) * s:.2f} {(x1 - x0) * s:.2f} {(y - y0) * s:.2f} re")
        for run in runs:
            open_runs.setdefault(run, y)
    return ("0.086 g\n" + "\n".join(ops) + "\nf\n").encode()


def _mojibake_text(lines: list, height_px: int) -> bytes:
    """An invisible (Tr 3) text layer: each printed line as its GBK bytes shown in a WinAnsi font."""
    s = 72 / D.DPI
    out = ["BT", "3 Tr"]
    for x, y, text, size in lines:
        data = text.encode("gbk", "replace")
        esc = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        pt = size * s
        out.append(f"/F1 {pt:.1f} Tf 50 Tz 1 0 0 1 {x * s:.2f} {(height_px - y - size * 1.1) * s:.2f} Tm")
        out.append("(" + esc.decode("latin-1") + ") Tj")
    out.append("ET")
    return "\n".join(out).encode("latin-1")


def build(pages: list[tuple], *, producer: str, creator: str, seed: int) -> bytes:
    """pages: ("image", PIL image, dpi, jpeg quality) or ("word", PIL image, recorded lines or None)."""
    w = Writer()
    catalog = w.reserve()
    tree = w.reserve()
    kids = []
    font = None
    for spec in pages:
        kind, img = spec[0], spec[1]
        if kind == "image":
            dpi, quality = spec[2], spec[3]
            from .capture import jpeg
            data = jpeg(img, quality)
            cs = "/DeviceGray" if img.mode == "L" else "/DeviceRGB"
            xo = w.stream(f"/Type /XObject /Subtype /Image /Width {img.width} /Height {img.height} "
                          f"/ColorSpace {cs} /BitsPerComponent 8 /Filter /DCTDecode", data)
            pw, ph = img.width * 72 / dpi, img.height * 72 / dpi
            content = f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode()
            cref = w.stream("/Filter /FlateDecode", zlib.compress(content, 6))
            resources = f"<< /XObject << /Im0 {xo} 0 R >> >>"
        else:
            lines = spec[2]
            pw, ph = img.width * 72 / D.DPI, img.height * 72 / D.DPI
            content = _runs(img)
            res_font = ""
            if lines:
                if font is None:
                    font = w.add(b"<< /Type /Font /Subtype /TrueType /BaseFont /SimSun /FirstChar 32 /LastChar 255 "
                                 b"/Widths [" + b" ".join([b"500"] * 224) + b"] /Encoding /WinAnsiEncoding "
                                 b"/FontDescriptor " + str(len(w.objects) + 2).encode() + b" 0 R >>")
                    w.add(b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [-8 -145 1000 859] "
                          b"/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>")
                content += _mojibake_text(lines, img.height)
                res_font = f" /Font << /F1 {font} 0 R >>"
            cref = w.stream("/Filter /FlateDecode", zlib.compress(content, 6))
            resources = f"<< /ProcSet [/PDF /Text]{res_font} >>"
        page = w.add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] "
                     f"/Resources {resources} /Contents {cref} 0 R >>".encode())
        kids.append(page)
    w.set(tree, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode())
    w.set(catalog, f"<< /Type /Catalog /Pages {tree} 0 R >>".encode())
    info = w.add(f"<< /Producer ({producer}) /Creator ({creator}) >>".encode("latin-1"))
    ident = hashlib.md5(f"copygen-pdf-{seed}".encode()).hexdigest()
    return w.output(catalog, info, ident)
