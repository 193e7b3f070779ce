"""The two approval blocks: the certificate department's and the school leader's opinion and signature.

A block is found by its printed label (…意见), never by the letter body's "经…同意".
Its opinion is the text after the label (or the first line of the block); it is
affirmative when it says 同意 and not 不同意. It is signed when ink that is not
printed text stands right of its 签字/签名 label: printed lines that OCR read
(about as tall as the label, confidently read) and red seal ink are removed
first, so a typed name leaves nothing behind, while a handwritten name or a
pasted signature image does.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from parsers.model import ApprovalEvidence, Box, Crop, Role, TextLine
from parsers.seal import red_mask

# Tolerant of OCR slips seen in practice (部门 read as 部内, 意见 as 意兄); anchored at the line
# start, so the body's "经学校证书试点管理部门和校级分管领导同意" never matches.
LABELS: dict[Role, re.Pattern[str]] = {
    "department": re.compile(
        r"^.{0,3}?(证书|试点|教务|管理)[^，。,领导]{0,8}?(部门|部内|部門|部|处|室)意[见兄贝]"
    ),
    "leader": re.compile(r"^.{0,3}?(校级|分管|学校|校)[^，。,]{0,4}?领导意[见兄贝]"),
}
SIGN = re.compile(r"签\s*[字名]")
DATE = re.compile(r"\d{4}\s*年|日期|年\s*\d{1,2}\s*月")
PRINTED_HEIGHT = 1.35  # a printed line is at most this many label heights tall


@dataclass
class _Label:
    box: Box
    rest: str  # text after the label on the same line
    lines: list[TextLine]

    @property
    def height(self) -> float:
        return min(ln.box[3] - ln.box[1] for ln in self.lines)

    @property
    def glyph(self) -> float:
        """Width of one printed character, from the label's own line."""
        first = self.lines[0]
        return (first.box[2] - first.box[0]) / max(1, len(_clean(first.text)))


def find_approvals(
    lines: list[TextLine],
    image: Image.Image | None,
    *,
    document: str,
    page: int,
    exclude: list[Box] | None = None,
) -> dict[Role, ApprovalEvidence]:
    """The approval blocks found on one page, by role; `exclude` are areas to ignore (grey seals)."""
    labels = {role: _find_label(lines, pattern) for role, pattern in LABELS.items()}
    found: dict[Role, ApprovalEvidence] = {}
    for role, label in labels.items():
        if label is None:
            continue
        others = [
            o.box[1] for r, o in labels.items() if o is not None and r != role and o.box[1] > label.box[1]
        ]
        bottom = min([label.box[3] + 6 * label.height, *others])
        found[role] = _read_block(role, label, lines, bottom, image, document, page, exclude or [])
    return found


def _find_label(lines: list[TextLine], pattern: re.Pattern[str]) -> _Label | None:
    """The label on one line, or wrapped over two lines in a narrow table cell."""
    for line in lines:
        match = pattern.search(_clean(line.text))
        if match:
            return _Label(line.box, _clean(line.text)[match.end() :], [line])
    for upper in lines:
        for lower in lines:
            if lower is upper or not _stacked(upper, lower):
                continue
            joined = _clean(upper.text) + _clean(lower.text)
            match = pattern.search(joined)
            if match and match.end() > len(_clean(upper.text)):
                return _Label(_union(upper.box, lower.box), joined[match.end() :], [upper, lower])
    return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _stacked(upper: TextLine, lower: TextLine) -> bool:
    h = upper.box[3] - upper.box[1]
    gap = lower.box[1] - upper.box[3]
    return -0.3 * h < gap < 1.2 * h and abs(lower.box[0] - upper.box[0]) < 1.5 * h


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _read_block(
    role: Role,
    label: _Label,
    lines: list[TextLine],
    bottom: float,
    image: Image.Image | None,
    document: str,
    page: int,
    exclude: list[Box],
) -> ApprovalEvidence:
    h = label.height
    top = label.box[1] - 1.5 * h
    block = [
        ln
        for ln in lines
        if ln not in label.lines and top <= (ln.box[1] + ln.box[3]) / 2 < bottom and ln.box[2] > label.box[0]
    ]
    opinion = _opinion(label, block)
    affirmative = "同意" in opinion and "不同意" not in opinion
    sign_line = next((ln for ln in block if SIGN.search(ln.text)), None)
    signed, region = False, None
    if image is not None:
        region, ref = _signature_region(label, sign_line, image.size)
        signed = _has_signature(image, region, ref, lines, h, exclude)
    crops = [] if image is None else [_crop(image, _union(label.box, region or label.box), document, page)]
    return ApprovalEvidence(
        role=role, found=True, opinion=opinion, affirmative=affirmative, signed=signed, crops=crops
    )


def _opinion(label: _Label, block: list[TextLine]) -> str:
    rest = label.rest.lstrip("：:").strip()
    rest = SIGN.split(rest)[0].strip()
    if rest:
        return rest
    for ln in sorted(block, key=lambda ln: ln.box[1]):
        text = _clean(ln.text)
        if text and not SIGN.search(text) and not DATE.search(text):
            return text
    return ""


def _signature_region(
    label: _Label, sign_line: TextLine | None, size: tuple[int, int]
) -> tuple[Box, Box | None]:
    """Where a signature would stand (right of 签字：), and where the printed 签字 glyphs are."""
    h = label.height
    ref = None
    if sign_line is not None:
        text = _clean(sign_line.text)
        idx = SIGN.search(text).start()  # type: ignore[union-attr]
        glyph = label.glyph
        x = sign_line.box[0] + (idx + 3) * glyph  # "签字：" is three glyphs
        cy = (sign_line.box[1] + sign_line.box[3]) / 2
        lx = sign_line.box[0] + idx * glyph
        ref = (lx, sign_line.box[1], lx + 2.2 * glyph, sign_line.box[3])
    else:  # no 签字 label read: look beside and below the opinion label itself
        x, cy = label.box[2], label.box[3] + 1.5 * h
    region = (x, max(0.0, cy - 1.4 * h), min(float(size[0]), x + 7 * h), min(float(size[1]), cy + 1.4 * h))
    return region, ref


@dataclass
class _Ink:
    height: float  # px, top of the highest stroke to the bottom of the lowest
    stroke: float  # mean stroke width, px
    blue: float  # share of ink pixels in blue pen colour
    area: int


def _ink(image: Image.Image, box: Box, erase: list[Box], h: float, speck: float = 0.02) -> _Ink | None:
    """Ink strokes in `box` (red seal ink and `erase` areas removed, specks dropped), or None."""
    x0, y0, x1, y1 = (int(v) for v in box)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    bgr = np.ascontiguousarray(np.asarray(image.convert("RGB").crop((x0, y0, x1, y1)))[:, :, ::-1])
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    ink = ((grey < 150) & (red_mask(bgr) == 0)).astype(np.uint8)
    ink &= ~_rules(ink, h)
    for e in erase:
        bx0, by0 = max(0, int(e[0]) - x0 - 3), max(0, int(e[1]) - y0 - 3)
        if e[2] - x0 + 3 > 0 and e[3] - y0 + 3 > 0:
            ink[by0 : int(e[3]) - y0 + 3, bx0 : int(e[2]) - x0 + 3] = 0
    n, labels, stats, _c = cv2.connectedComponentsWithStats(ink, connectivity=8)
    keep = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= max(6.0, speck * h * h)]
    if not keep:
        return None
    mask = np.isin(labels, keep)
    ys = np.nonzero(mask.any(axis=1))[0]
    dist = cv2.distanceTransform(mask.astype(np.uint8), cv2.DIST_L2, 3)
    b, r = bgr[..., 0].astype(int), bgr[..., 2].astype(int)
    return _Ink(
        height=float(ys[-1] - ys[0] + 1),
        stroke=float(2 * dist[mask].mean()),
        blue=float(((b - r) > 40)[mask].mean()),
        area=int(mask.sum()),
    )


def _rules(ink: np.ndarray, h: float) -> np.ndarray:
    """Table rules and underlines: straight runs far longer than any stroke of a character."""
    n = max(8, int(1.5 * h))
    flat = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, n), np.uint8))
    tall = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((n, 1), np.uint8))
    return cv2.dilate(flat | tall, np.ones((3, 3), np.uint8))


def _has_signature(
    image: Image.Image, region: Box, ref_box: Box | None, lines: list[TextLine], h: float, exclude: list[Box]
) -> bool:
    """Signed when the ink right of 签字 is not just more of the same printed type."""
    printed = [ln.box for ln in lines if _printed(ln, h) and not SIGN.search(ln.text)]
    found = _ink(image, region, printed + exclude, h)
    if found is None or found.area < 0.25 * h * h or found.height < 0.4 * h:
        return False
    if found.blue >= 0.3:  # pen ink; printers print black
        return True
    ref = _ink(image, ref_box, exclude, h, speck=0.0) if ref_box else None
    if ref is None:
        return found.height > 1.3 * h
    same_type = abs(found.height / ref.height - 1) < 0.3 and abs(found.stroke / ref.stroke - 1) < 0.4
    return not same_type


def _printed(line: TextLine, h: float) -> bool:
    return line.box[3] - line.box[1] <= PRINTED_HEIGHT * h and line.confidence >= 0.75


def _crop(image: Image.Image, box: Box, document: str, page: int) -> Crop:
    box = (
        max(0.0, box[0]),
        max(0.0, box[1]),
        min(float(image.width), box[2]),
        min(float(image.height), box[3]),
    )
    buf = io.BytesIO()
    image.crop(tuple(int(v) for v in box)).save(buf, "PNG")
    return Crop(document=document, page=page, box=box, png=buf.getvalue())
