"""Official seals: red round/oval stamps by colour and shape, grey rings in greyscale scans, arc text.

A seal counts when a closed ring stands around its centre: a red blob must be
ringed on most of its circumference, a grey candidate from the Hough transform
must be dark along most of its circle and light just outside it. Red
handwriting, red lines and table corners do not make rings.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import cv2
import numpy as np
from PIL import Image

from parsers.model import Crop, SealEvidence
from parsers.ocr import selected_engine

WORK_SIDE = 1000  # longer side of the copy seals are searched on
MIN_D, MAX_D = 0.07, 0.45  # seal diameter as a share of the page's shorter side
RING_COVERAGE = 0.6  # share of the circumference that must carry ink
MIN_GREY_D = 0.13  # a grey outline must be at least this share of the shorter side (a seal is ~4 cm of 21)
PRINT_GREY, PAPER_GREY = 90, 205  # stamp ink in a greyscale scan lies between print and paper
RING_GAP = 11  # px of the work copy (~3 mm of A4): widest break in a ring that is bridged
WIDE_RING_GAP = 25  # px of the work copy (~7 mm of A4): widest break bridged in a ring of red ink
SQUARE_FILL = 0.9  # share of its bounding rectangle a stamp's outline encloses when it is square
PALE_SAT, PALE_VAL = 15, 170  # a faded stamp's pink: barely tinted, light (print's colour fringes are darker)
PALE_SHARE = 0.3  # share of a work-copy pixel that pale ink must cover to count
MIN_PALE_D = 0.13  # a pale ring, weaker evidence than red ink, must be an official seal's size (~3 cm of 21)
CENTRE_SLACK = 0.08  # a Hough centre on the small copy may be off by this share of the radius
FAINT_SLACK = 0.12  # or by this much for a faint or broken ring, whose few edges pull the centre further off
FAINT_KERNEL = 9  # px: wider than a seal ring's stroke, so a closing fills the ring and the black-hat keeps it
FAINT_INK = 10  # levels a stroke lies below the paper round it to be stamp ink: a faint grey ring's lightest arcs
FAINT_GAIN = 2  # contrast the faint strokes of the small copy are stretched by before rings are searched on it
FAINT_EDGE = 100  # gradient threshold on the stretched copy: faint rings' edges are far weaker than print's
RING_BESIDE = 0.55  # a grey ring's ink a few px inside and outside it, as a share of the ring's own
FAINT_BESIDE = 0.4  # the same where faint strokes count as ink: the halos of light print and grey rules
# spread over every radius of a table or a block of text, while a faint ring stands out of bare paper
FAINT_BUMP = 0.3  # share of directions by which a faint ring's radius is inked more than radii inside or outside it
OUTLINE_BESIDE = 0.7  # a grey outline's ink 10 to 12 px (work copy) inside and outside it, as a share of its own
FAINT_OUTLINE_BESIDE = 0.4  # the same where faint strokes count: light print's halo fills a table's cells
FAINT_OUTSIDE = 0.5  # ink outside a faint outline's ring, as a share of the ring's own
FAINT_CANDIDATES = 6  # circles of faint strokes tried per page beyond those found on the page as it is
ARC_BAND = (0.5, 0.95)  # radii of a seal's lettering, as shares of the ring's radius
ARC_SPAN = (140, 400)  # degrees clockwise from +x (the top is 270) that every seal's name lies in
ARC_LIMIT = (100, 440)  # a long name runs round further, but leaves the foot of the ring to serials
ARC_GAP, ARC_PAD = 8, 3  # degrees without ink that end the lettering; degrees kept beyond its last ink
PALE_TINT = 4  # levels by which red outweighs green and blue in the palest stamp ink
INK_FLOOR = {"red": 8.0, "grey": 12.0}  # paper's own tint or noise, below any stamp ink

StripReader = Callable[[np.ndarray], tuple[str, float]]


@dataclass(frozen=True)
class Ring:
    cx: float  # full-resolution page pixels
    cy: float
    rx: float
    ry: float
    colour: Literal["red", "grey"]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.cx - self.rx, self.cy - self.ry, self.cx + self.rx, self.cy + self.ry)


def red_mask(bgr: np.ndarray, min_sat: int = 60) -> np.ndarray:
    """Pixels of red stamp ink: red hue, saturated (`min_sat` of 255), not dark (black text under a seal
    stays text)."""
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    return (((hue <= 12) | (hue >= 155)) & (sat >= min_sat) & (val >= 70)).astype(np.uint8) * 255


def remove_grey_seal_ink(image: Image.Image, seals: list[tuple[float, float, float, float]],
                         scan: Image.Image | None = None) -> Image.Image:
    """`image` with grey seals' ink turned to paper white within each seal's ellipse (`seals` are crop
    boxes, page pixels), so OCR reads the print beneath, as `remove_red_ink` does for red: a greyscale
    scan's stamp ink is lighter than print. The levels are measured on `scan` (the same page in the
    scan's own levels, before any contrast stretch darkened the stamp; default `image`). Print under
    the seal, darker than the seal's ink, stays with a pixel of its anti-aliased edge. A seal whose ink
    is not clearly lighter than the page's print (a bilevel fax, a washed-out scan) is left."""
    scan = scan or image
    if not seals:
        return image
    grey = np.asarray(scan.convert("L"))
    off_seals = np.ones(grey.shape, bool)
    for box in seals:
        off_seals[max(0, int(box[1])) : max(0, int(box[3])), max(0, int(box[0])) : max(0, int(box[2]))] = False
    printed = grey[off_seals & (grey < INK)]
    if printed.size == 0:
        return image
    print_level = float(np.percentile(printed, 25))  # the darker strokes of the page's print
    clear = np.zeros(grey.shape, bool)
    for box in seals:
        level = grey_ink_level(scan, box)
        if level < print_level + PRINT_BELOW_SEAL:
            continue  # print as light as the seal's ink (a washed-out scan) would go with it
        disc = ellipse_mask(grey.shape, box, (0, 0), 1.0)
        print_core = cv2.dilate(((grey < level) & (disc > 0)).astype(np.uint8), np.ones((3, 3), np.uint8))
        clear |= (disc > 0) & (print_core == 0)
    if not clear.any():
        return image
    rgb = np.array(image.convert("RGB"))
    rgb[clear] = 255
    return Image.fromarray(rgb)


def ellipse_mask(shape: tuple[int, ...], box: tuple[float, float, float, float], origin: tuple[int, int],
                 share: float) -> np.ndarray:
    """A filled ellipse (uint8 mask of `shape`, a crop whose corner is `origin` in page pixels) inscribed
    in `box` (page pixels), its axes scaled by `share`."""
    disc = np.zeros(shape[:2], np.uint8)
    centre = (round((box[0] + box[2]) / 2) - origin[0], round((box[1] + box[3]) / 2) - origin[1])
    axes = (round((box[2] - box[0]) / 2 * share), round((box[3] - box[1]) / 2 * share))
    cv2.ellipse(disc, centre, axes, 0, 0, 360, 1, thickness=-1)
    return disc


INK = 150  # grey level below which a pixel is ink on paper
SEAL_BELOW_PRINT = 30  # grey levels a grey seal's median ink lies above (lighter than) the pen or print on it
# Grey levels the darker quarter of a page's print must lie below a seal's ink level for print under the
# seal to be told from the seal's ink (not so in a bilevel fax, a dark press or a washed-out scan).
PRINT_BELOW_SEAL = 25


def grey_ink_level(image: Image.Image, seal: tuple[float, float, float, float]) -> float:
    """A grey level between a grey seal's ink and the darker pen ink or print on it (`seal` a crop box,
    page pixels): pen strokes and print are darker than stamp ink."""
    grey = np.asarray(image.crop(tuple(int(v) for v in seal)).convert("L"))
    inked = grey[grey < INK]
    if inked.size == 0:
        return INK
    return float(min(INK, np.percentile(inked, 50) - SEAL_BELOW_PRINT))


def ring_stroke(image: Image.Image, seal: tuple[float, float, float, float], band: tuple[float, float]) -> float | None:
    """Half the width (px) of a seal's boldest ring strokes: the 90th percentile of the distance to paper
    over the ink in its ring `band` (shares of the crop box `seal`, page pixels); None with no ring ink."""
    x0, y0 = int(seal[0]), int(seal[1])
    grey = np.asarray(image.crop(tuple(int(v) for v in seal)).convert("L"))
    ink = (grey < INK).astype(np.uint8)
    ring = (ellipse_mask(ink.shape, seal, (x0, y0), band[1]) > 0) & (ellipse_mask(ink.shape, seal, (x0, y0), band[0]) == 0)
    dist = cv2.distanceTransform(ink, cv2.DIST_L2, 3)
    inked = dist[ring & (ink > 0)]
    return float(np.percentile(inked, 90)) if inked.size >= MIN_RING_PIXELS else None


MIN_RING_PIXELS = 50


def ring_extent(image: Image.Image, seal: tuple[float, float, float, float],
                band: tuple[float, float]) -> tuple[float, float] | None:
    """(inner, outer) shares of the crop box `seal` (page pixels) between which its ring's stroke lies:
    the radius in the ring `band` that most ink lies on, ± the ring's boldest half stroke and RING_SLACK
    px; None with no ring ink. Narrower than the band, so ink crossing the ring keeps all but the ring."""
    half = ring_stroke(image, seal, band)
    if half is None:
        return None
    x0, y0, x1, y1 = (int(v) for v in seal)
    grey = np.asarray(image.crop((x0, y0, x1, y1)).convert("L"))
    semi = ((seal[2] - seal[0]) / 2, (seal[3] - seal[1]) / 2)
    ys, xs = np.nonzero(grey < INK)
    share = np.hypot((xs + x0 - (seal[0] + seal[2]) / 2) / semi[0], (ys + y0 - (seal[1] + seal[3]) / 2) / semi[1])
    share = share[(share >= band[0]) & (share <= band[1])]
    if share.size < MIN_RING_PIXELS:
        return None
    step = 1 / max(semi)  # a pixel, as a share
    counts, edges = np.histogram(share, bins=max(1, int((band[1] - band[0]) / step)), range=band)
    peak = int(np.argmax(np.convolve(counts, np.ones(3), mode="same")))
    centre, reach = (edges[peak] + edges[peak + 1]) / 2, (half + RING_SLACK) * step
    return centre - reach, centre + reach


RING_SLACK = 2.0  # px past the ring's half stroke: its ragged edge and an ellipse fit a little off


def remove_red_ink(image: Image.Image) -> Image.Image:
    """The page with red stamp ink turned to paper white, so OCR reads the text beneath it."""
    bgr = np.asarray(image.convert("RGB"))[:, :, ::-1]
    mask = cv2.dilate(red_mask(bgr), np.ones((3, 3), np.uint8)) > 0
    if not mask.any():
        return image
    rgb = np.array(image.convert("RGB"))
    # Keep the darkest channel where ink overlapped: black strokes through red stay black.
    rgb[mask] = np.where(rgb[mask].min(axis=1, keepdims=True) < 90, rgb[mask].min(axis=1, keepdims=True), 255)
    return Image.fromarray(rgb)


def find_rings(image: Image.Image) -> list[Ring]:
    """Seal rings on the page: red ones by colour; grey ones only where no red seal is found."""
    rgb = np.asarray(image.convert("RGB"))
    scale = min(1.0, WORK_SIDE / max(rgb.shape[:2]))
    small = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else rgb
    bgr = np.ascontiguousarray(small[:, :, ::-1])
    red_ink = _without_fills(red_mask(bgr))
    red = _ringed_outlines(red_ink, "red", MIN_D)
    if not red:
        red_ink = _without_fills(_pale_red(rgb, scale))
        red = _ringed_outlines(red_ink, "red", MIN_PALE_D)
    # Red is a stamp's own colour, so its arcs are also bridged over wider gaps: a photo's glare or a
    # fold takes whole stretches out of a ring. Such a ring, weaker evidence, must be an official
    # seal's size, and adds to the rings found; it replaces only rings that are pieces of it: two or
    # more smaller ones centred inside it (arcs of one seal, each fitted on its own).
    for ring in _ringed_outlines(red_ink, "red", MIN_PALE_D, gaps=(WIDE_RING_GAP,)):
        pieces = [r for r in red if r.rx + r.ry < ring.rx + ring.ry and _overlap(r, ring)]
        if len(pieces) >= 2:
            red = [r for r in red if r not in pieces] + [ring]
        elif not any(_overlap(ring, r) for r in red):
            red.append(ring)
    red = [_full_size(r, scale) for r in red if not _glyph_in_a_row(red_ink, r)]
    if red:
        return red
    # Round grey rings are searched at full resolution, where a 3 px ring is still 3 px; ovals (and
    # rings a Hough circle misses) as outlines of the lighter grey that stamp ink scans to, and of that
    # grey with the faint strokes of a ring pressed unevenly.
    full = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    faint = faint_strokes(full)
    ovals = _grey_ovals(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY))
    rings = _distinct(_grey_rings(full, faint) + [_full_size(r, scale) for r in ovals])
    # A colour page's red 名章 is dark enough to pass for a grey ring: a square of red ink is none; nor is
    # a greyscale scan's 名章, whose square frame the circle is fitted in.
    red_squares = red_mask(bgr)
    rings = [r for r in rings if not _red_square(red_squares, r, scale) and not _framed(full, r)]
    # A faint outline is the weakest evidence, and its fit the roughest: it counts only where no other
    # ring was found.
    faint_ovals = [_full_size(r, scale) for r in _faint_ovals(full, faint, scale)]
    faint_ovals = [o for o in _distinct(faint_ovals) if not any(_overlap(o, r) for r in rings)]
    if not faint_ovals:
        return rings
    ink = _with_faint(full, faint)
    return rings + [r for o in faint_ovals if (r := _outlined_ring(ink, o))]


ROW_REACH = 3  # ring widths beside a ring searched for the rest of a row of red print
ROW_COLUMNS = 0.6  # share of those columns inked where the ring is one glyph of a row (a 红头's title)
ROW_HEIGHT = 0.5  # share of the ring's rows that ink beside it must span to be glyphs, not a red rule


def _glyph_in_a_row(mask: np.ndarray, ring: Ring) -> bool:
    """Whether the ring (work-copy pixels of `mask`) is one glyph of a line of large red print: a bold
    红头 title's 南 or 国 is closed round by its own strokes, and glyphs as tall as it carry on, a small
    gap apart, for ROW_REACH ring widths on one side. Beside a seal lies paper, print in another colour,
    a red rule (too thin) or at most one more seal (a few widths' worth of columns, not most)."""
    top, bottom = max(0, int(ring.cy - ring.ry)), int(ring.cy + ring.ry) + 1
    width = 2 * ring.rx
    band = mask[top:bottom] > 0
    for start, end in ((ring.cx - ring.rx - ROW_REACH * width, ring.cx - ring.rx),
                       (ring.cx + ring.rx, ring.cx + ring.rx + ROW_REACH * width)):
        side = band[:, max(0, int(start)) : max(0, int(end))]
        if side.shape[1] < ROW_REACH * width / 2:
            continue  # the page's edge: too little beside the ring to tell
        if side.any(axis=0).mean() >= ROW_COLUMNS and side.any(axis=1).mean() >= ROW_HEIGHT:
            return True
    return False


def _with_faint(grey: np.ndarray, faint: np.ndarray) -> np.ndarray:
    """Ink of a grey page: all that is darker than paper, and faint strokes not beside print (there
    they are its anti-aliased edges, and print is ink already)."""
    beside_print = cv2.dilate((grey < PRINT_GREY).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    return (cv2.GaussianBlur(grey, (3, 3), 0) < 200) | ((faint >= FAINT_INK) & ~beside_print)


def _outlined_ring(ink: np.ndarray, ring: Ring) -> Ring | None:
    """The ring of a faint outline, checked at full resolution: ink runs round most of an ellipse within
    a few px of the outline's, and outside it lies paper. A table's cells or a block of light print
    fitted with an ellipse are inked about as much at every radius."""
    offsets = np.arange(-16, 17)
    cover = _profile(ink, ring.cx, ring.cy, ring.rx, ring.ry, offsets)
    best = 4 + int(np.argmax(cover[4:-4]))  # within 12 px of the outline's ellipse
    outside = cover[best + 8 : best + 17]  # past the ring's stroke, and the smear of a rough fit
    if cover[best] < RING_COVERAGE or outside.mean() > FAINT_OUTSIDE * cover[best]:
        return None
    d = float(offsets[best])
    return Ring(ring.cx, ring.cy, ring.rx + d, ring.ry + d, ring.colour)


def _full_size(ring: Ring, scale: float) -> Ring:
    return Ring(ring.cx / scale, ring.cy / scale, ring.rx / scale, ring.ry / scale, ring.colour)


def _overlap(a: Ring, b: Ring) -> bool:
    """Whether either ring's centre lies inside the other."""
    return any(((p.cx - q.cx) / q.rx) ** 2 + ((p.cy - q.cy) / q.ry) ** 2 < 1 for p, q in ((a, b), (b, a)))


def faint_strokes(grey: np.ndarray) -> np.ndarray:
    """How much darker than the paper right round it each pixel of a grey page is, for strokes up to
    FAINT_KERNEL px wide (a black-hat): a ring's lightest arcs stand out from paper here though they
    are lighter than any fixed level for ink."""
    return cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, np.ones((FAINT_KERNEL, FAINT_KERNEL), np.uint8))


def _faint_ovals(grey: np.ndarray, faint: np.ndarray, scale: float) -> list[Ring]:
    """Grey seal rings, oval or round, as outlines of stamp ink on the work copy where that ink takes in
    the faint strokes of an unevenly pressed ring: found at full resolution, away from print, and
    kept where they cover a share of a work-copy pixel (a thin light ring blends into paper when
    the page is shrunk)."""
    beside_print = cv2.dilate((grey < PRINT_GREY).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    ink = (((faint >= FAINT_INK) | ((grey >= PRINT_GREY) & (grey < PAPER_GREY))) & ~beside_print).astype(np.float32)
    if scale < 1:
        ink = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    mask = cv2.morphologyEx((ink >= PALE_SHARE).astype(np.uint8) * 255, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return _ringed_outlines(mask, "grey", MIN_GREY_D, FAINT_OUTLINE_BESIDE)


def _size_ok(d: float, shape: tuple[int, ...], min_d: float = MIN_D) -> bool:
    short = min(shape[:2])
    return min_d * short <= d <= MAX_D * short


def _pale_red(rgb: np.ndarray, scale: float) -> np.ndarray:
    """Stamp ink of a faded or thinly inked seal, on the work copy: at full resolution the lightest
    pink (a ring a few px wide that shrinking would blend into paper), away from dark print, whose
    JPEG colour fringes are tinted too."""
    hsv = cv2.cvtColor(np.ascontiguousarray(rgb[:, :, ::-1]), cv2.COLOR_BGR2HSV)
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    beside_print = cv2.dilate((val < 100).astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    pale = ((hue <= 12) | (hue >= 155)) & (sat >= PALE_SAT) & (val >= PALE_VAL) & ~beside_print
    ink = (pale | (red_mask(np.ascontiguousarray(rgb[:, :, ::-1])) > 0)).astype(np.float32)
    if scale < 1:
        ink = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return (ink >= PALE_SHARE).astype(np.uint8) * 255


def _without_fills(mask: np.ndarray) -> np.ndarray:
    """The mask less broad solid areas and their fringe: a red or wooden desk round a phone photo, a
    red banner. Seal ink is strokes (ring, lettering, a star) far narrower than ~7 mm of the page."""
    k = max(9, int(0.025 * max(mask.shape)))
    fills = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((k, k), np.uint8))
    if not fills.any():
        return mask
    return cv2.bitwise_and(mask, cv2.bitwise_not(cv2.dilate(fills, np.ones((k, k), np.uint8))))


def _grey_ovals(grey: np.ndarray) -> list[Ring]:
    """Grey seal rings as outlines of mid-grey ink: stamp ink scans lighter than print, and the
    pixels right beside print (its anti-aliased edges) are left out. A grey outline must be the
    size of an official seal, not of a name stamp or a signature's loop."""
    return _ringed_outlines(_grey_stamp_ink(grey), "grey", MIN_GREY_D)


def _grey_stamp_ink(grey: np.ndarray) -> np.ndarray:
    """Pixels (255) of stamp ink in a greyscale scan: lighter than print, darker than paper, and not
    the anti-aliased edge of print."""
    beside_print = cv2.dilate((grey < PRINT_GREY).astype(np.uint8), np.ones((3, 3), np.uint8))
    mask = ((grey >= PRINT_GREY) & (grey < PAPER_GREY) & (beside_print == 0)).astype(np.uint8) * 255
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))


def _ringed_outlines(
    mask: np.ndarray,
    colour: Literal["red", "grey"],
    min_d: float,
    beside_share: float = OUTLINE_BESIDE,
    gaps: tuple[int, ...] = (RING_GAP,),
) -> list[Ring]:
    """Round or oval outlines in a mask of stamp ink that are ringed on most of their circumference
    (and, grey, with at most `beside_share` of that ink a few px inside and outside them)."""
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    # A ring broken where print crossed it or the stamp took no ink falls apart into arcs: bridged
    # wider (over each of `gaps`), they are one outline again. The outlines as they are are tried too,
    # since bridging may also join a ring to ink beside it.
    bridged = [cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((gap, gap), np.uint8)) for gap in gaps]
    contours = [
        contour
        for outlines in (closed, *bridged)
        for contour in cv2.findContours(outlines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)[0]
    ]
    rings = []
    for contour in contours:
        if len(contour) < 20 or _square(contour):
            continue
        # The outline is fitted, and its hull: an outline dips in at each gap of a broken ring and
        # flattens the fit, but a hull is pulled out of shape by a rule the ring touches. Last, the
        # outline less its straight stretches: the frame of a 名章 stamped against the ring.
        for points in (contour, cv2.convexHull(contour), _off_straight_runs(contour)):
            ring = _ring_fitted(points, closed, colour, min_d, beside_share) if len(points) >= 5 else None
            if ring is not None:
                rings.append(ring)
                break
    return _distinct(rings)


STRAIGHT_SPAN, STRAIGHT_SLACK = 0.08, 1.5  # share of an outline's points; px off the chord


def _off_straight_runs(contour: np.ndarray) -> np.ndarray:
    """The outline's points less those on straight stretches (STRAIGHT_SPAN of its points within
    STRAIGHT_SLACK px of their chord): a ring bends all along, a square stamp's frame joined to it does not."""
    points = contour.reshape(-1, 2).astype(np.float32)
    count = len(points)
    span = max(8, int(STRAIGHT_SPAN * count))
    if count < 3 * span:
        return contour
    start, end = points, np.roll(points, -span, axis=0)
    chord = end - start
    length = np.maximum(np.hypot(chord[:, 0], chord[:, 1]), 1e-6)
    off = np.zeros(count, np.float32)
    for k in range(1, span):
        mid = np.roll(points, -k, axis=0) - start
        off = np.maximum(off, np.abs(chord[:, 0] * mid[:, 1] - chord[:, 1] * mid[:, 0]) / length)
    straight = np.zeros(count, bool)
    for i in np.flatnonzero(off <= STRAIGHT_SLACK):
        straight[(i + np.arange(span + 1)) % count] = True
    return points[~straight].reshape(-1, 1, 2)


def _ring_fitted(
    points: np.ndarray, closed: np.ndarray, colour: Literal["red", "grey"], min_d: float, beside_share: float
) -> Ring | None:
    """The ellipse fitted to `points` when ink rings it in `closed` as a seal's ring does, else None."""
    (cx, cy), (w, h), angle = cv2.fitEllipse(points)
    if not _size_ok(max(w, h), closed.shape, min_d) or min(w, h) < 0.55 * max(w, h):
        return None
    # An oval seal is set down at any angle: its ring is followed as fitted, turned. The Ring is the
    # upright ellipse spanning the same box, so the whole seal's ink is known as the seal's.
    # A red ring is looked for on a photo's desk too, whose grain may ring a stretch of the image's edge:
    # only a grey one (a fax's or scan's seal pressed across the sheet's edge) is judged on the page's part.
    if _coverage(closed, cx, cy, w / 2, h / 2, band=4, turn=angle, on_page=colour == "grey") < RING_COVERAGE:
        return None
    if colour == "grey" and not _stands_alone(closed, cx, cy, w / 2, h / 2, beside_share, angle):
        return None  # a table's grid or a block of print: as much ink beside the "ring" as on it
    if colour == "red" and _cornered(closed, points):
        return None  # a square 名章 whose broken frame was fitted: its corners are inked, a ring's are not
    turn = math.radians(angle)
    return Ring(cx, cy, math.hypot(w / 2 * math.cos(turn), h / 2 * math.sin(turn)),
                math.hypot(w / 2 * math.sin(turn), h / 2 * math.cos(turn)), colour)


def _cornered(mask: np.ndarray, points: np.ndarray) -> bool:
    """Ink at three or more corners of the outline's bounding box, where a ring leaves paper."""
    x, y, w, h = cv2.boundingRect(points)
    d = max(2, int(0.1 * min(w, h)))
    corners = ((x, y), (x + w - 1, y), (x, y + h - 1), (x + w - 1, y + h - 1))
    inked = sum(bool(mask[max(0, cy - d) : cy + d + 1, max(0, cx - d) : cx + d + 1].any()) for cx, cy in corners)
    return inked >= 3


def _red_square(red: np.ndarray, ring: Ring, scale: float) -> bool:
    """Whether the ink of `ring` (full-size pixels) is a square of red stamp ink in `red` (a mask at
    `scale`): a personal name stamp, never an official seal."""
    x0, y0, x1, y1 = (int(round(v * scale)) for v in ring.box)
    crop = red[max(0, y0 - 2) : y1 + 3, max(0, x0 - 2) : x1 + 3]
    if crop.size == 0:
        return False
    closed = cv2.morphologyEx(crop, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    contours = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)[0]
    largest = max(contours, key=cv2.contourArea, default=None)
    # Red ink already takes the square for a stamp, and a round seal's ink fills π/4 of its box: a
    # tilted, photocopied square, whose outline frays, is still well above that.
    return (largest is not None and cv2.contourArea(largest) >= 0.5 * crop.size
            and _square(largest, RED_SQUARE_FILL))


RED_SQUARE_FILL = 0.85


def _framed(grey: np.ndarray, ring: Ring) -> bool:
    """Whether ink runs straight along all four sides of the ring's bounding box, each within FRAME_SLACK
    of the radius of where the box has it (`grey` the full page): the frame of a square stamp, a circle
    fitted inside it and a little off its centre. A round seal touches its box only at the sides'
    middles; print under it, or a table rule it sits on, inks a side or two, not all four."""
    x0, y0, x1, y1 = (int(round(v)) for v in ring.box)
    slack = max(3, int(FRAME_SLACK * min(ring.rx, ring.ry)))
    if x0 - slack < 1 or y0 - slack < 1 or x1 + slack + 2 > grey.shape[1] or y1 + slack + 2 > grey.shape[0]:
        return False
    # Ink against the paper right round it: a photo's paper is greyer than a scan's, and a shadow across
    # it is no line.
    window = grey[y0 - slack : y1 + slack + 1, x0 - slack : x1 + slack + 1].astype(int)
    dark = window < cv2.dilate(window.astype(np.uint8), np.ones((FRAME_PAPER, FRAME_PAPER), np.uint8)) - FRAME_CONTRAST
    across, far = 2 * slack + 1, slice(slack, slack + x1 - x0 + 1)

    def straight(band: np.ndarray) -> bool:  # some 3 px line along the band (its axis 1) mostly ink
        return any(band[i - 1 : i + 2].any(axis=0).mean() >= FRAMED_SIDE for i in range(1, across - 1))

    along = slice(slack, slack + y1 - y0 + 1)
    return (straight(dark[:across, far]) and straight(dark[-across:, far])
            and straight(dark[along, :across].T) and straight(dark[along, -across:].T))


# Of the radius: how far a stamp's frame may lie off the fitted circle's box. Share of its side's length
# that a frame's least inked side covers: 名章s 0.75–1.0 (less where the circle is fitted off its centre),
# round seals, over print, on rules, in shadow, at most 0.55 (192 messages of six generators).
FRAME_SLACK, FRAMED_SIDE = 0.3, 0.7
FRAME_CONTRAST = 40  # grey levels below the paper round it that a frame's ink lies
FRAME_PAPER = 15  # px: wider than a frame's stroke, so the brightest within is the paper beside it


def _square(contour: np.ndarray, fill: float = SQUARE_FILL) -> bool:
    """A square or rectangular stamp (a personal 名章) fills its bounding rectangle; a round or
    oval seal fills about π/4 of it."""
    (_c, (w, h), _a) = cv2.minAreaRect(contour)
    return cv2.contourArea(contour) > fill * w * h


def _distinct(rings: list[Ring]) -> list[Ring]:
    """One ring per seal: a piece whose centre lies inside a larger ring is part of that seal."""
    kept: list[Ring] = []
    for ring in sorted(rings, key=lambda r: -(r.rx + r.ry)):
        if not any(((ring.cx - k.cx) / k.rx) ** 2 + ((ring.cy - k.cy) / k.ry) ** 2 < 1 for k in kept):
            kept.append(ring)
    return kept


def _grey_rings(grey: np.ndarray, faint: np.ndarray) -> list[Ring]:
    """Grey seal rings: Hough candidates on a small copy, kept when ink peaks sharply at the radius.

    A grey seal's ink is uneven: where the stamp took little of it, its ring scans barely darker than
    paper, lighter than any fixed threshold for ink, and its edges are too weak for a circle to be found.
    So candidates are also searched on the page's `faint` strokes (see faint_strokes), stretched, and those strokes count as ink on the ring too. That is weaker evidence, so a
    ring that needs them must be an official seal's size (MIN_GREY_D), not a name stamp's or a loop's."""
    f = min(1.0, 600 / max(grey.shape))
    small = cv2.resize(grey, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    small_faint = cv2.resize(faint, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    found = _hough(small, edge=200, min_d=MIN_D)
    faint_found = _hough(cv2.convertScaleAbs(small_faint, alpha=FAINT_GAIN), edge=FAINT_EDGE, min_d=MIN_GREY_D)
    # Candidates both searches found are tried once; of the rest only the surest few, as a page of print
    # gives many weak circles and each costs a search for its centre.
    found += [c for c in faint_found if not _near_any(c, found)][:FAINT_CANDIDATES]
    if not found:
        return []
    # Ink is what is darker than RING_DARK; then, against the page's own paper, what lies well below it (on
    # a photocopy's grey paper, where all is darker than on white: a thick dark ring) and what lies a little
    # below it (a ring pressed so lightly that most of it is lighter than RING_DARK).
    blurred = cv2.GaussianBlur(grey, (3, 3), 0)
    paper = float(np.percentile(grey, 90))
    levels = [RING_DARK, min(RING_DARK, paper - RING_BELOW_PAPER), max(RING_DARK, paper - RING_LIGHT_BELOW_PAPER)]
    darks = [blurred < level for level in dict.fromkeys(levels)]
    with_faint = _with_faint(grey, faint)
    rings: list[Ring] = []
    for x, y, r in found:
        cx, cy, r = x / f, y / f, r / f
        if any(math.hypot(cx - o.cx, cy - o.cy) < o.rx for o in rings):
            continue
        refined = None
        for dark in darks:
            x0, y0 = _centred(dark, cx, cy, r, CENTRE_SLACK)
            if refined := _sharp_ring(dark, x0, y0, r, RING_BESIDE):
                break
        if not refined and 2 * r >= MIN_GREY_D * min(grey.shape) and _stands_out(with_faint, cx, cy, r):
            x0, y0 = _centred(with_faint, cx, cy, r, FAINT_SLACK)
            refined = _sharp_ring(with_faint, x0, y0, r, FAINT_BESIDE)
            if refined and 2 * refined < MIN_GREY_D * min(grey.shape):
                refined = None
        if refined:
            rings.append(Ring(x0, y0, refined, refined, "grey"))
    return rings


# A grey ring's ink: darker than this; or this far below the paper, well or a little (a light press).
RING_DARK, RING_BELOW_PAPER, RING_LIGHT_BELOW_PAPER = 200, 55, 35


def _stands_out(ink: np.ndarray, cx: float, cy: float, r: float) -> bool:
    """Whether ink at some radius near `r` runs round the candidate clearly more than 9 to 12 px inside
    or outside it, as a ring's does about a centre near its own (a coarse grid of centres over
    FAINT_SLACK is tried); in a block of print or a table every radius is about as inked, and such a
    candidate is not worth a finer search for its centre."""
    half = FAINT_SLACK * r / 2
    for dx in (-half, 0.0, half):
        for dy in (-half, 0.0, half):
            cover = _profile(ink, cx + dx, cy + dy, r, r, np.arange(-12, 13))
            if cover.max() - min(cover[:4].mean(), cover[-4:].mean()) >= FAINT_BUMP:
                return True
    return False


def _near_any(c: tuple[float, float, float], others: list[tuple[float, float, float]]) -> bool:
    """Whether circle `c` is, give or take the slack of a centre and radius found on the small copy, one of `others`."""
    return any(math.hypot(c[0] - o[0], c[1] - o[1]) <= FAINT_SLACK * o[2] and abs(c[2] - o[2]) <= 0.1 * o[2] for o in others)


def _hough(small: np.ndarray, edge: int, min_d: float) -> list[tuple[float, float, float]]:
    """Circle candidates (x, y, r) of the small copy at least `min_d` of its shorter side across, surest first."""
    short = min(small.shape)
    found = cv2.HoughCircles(
        cv2.GaussianBlur(small, (5, 5), 1.2),
        cv2.HOUGH_GRADIENT_ALT,
        dp=1.5,
        minDist=short * MIN_D,
        param1=edge,
        param2=0.3,
        minRadius=int(short * min_d / 2),
        maxRadius=int(short * MAX_D / 2),
    )
    return [] if found is None else [tuple(c) for c in found[0][:25]]


def _centred(ink: np.ndarray, cx: float, cy: float, r: float, slack_share: float) -> tuple[float, float]:
    """The centre within `slack_share` of the radius of a Hough candidate's about which the ring's ink
    lines up best. The candidate is found on a copy a quarter the size: a few px off, a thin ring
    spreads over several radii and no radius seems inked round most of the circle."""
    offsets = np.arange(-12, 13)
    if _profile(ink, cx, cy, r, r, offsets).max() < RING_COVERAGE / 2:
        return cx, cy  # no ring there: print or a table's corner that a few px will not make one
    slack = max(2, int(slack_share * r))
    step = max(1, slack // 6)
    shifts = np.arange(-slack, slack + 1, step)
    # The ring's sample points about the candidate's centre, shifted by every dy at once for each dx.
    t = np.linspace(0, 2 * math.pi, 180, endpoint=False)
    ring_x = (r + offsets[:, None]) * np.cos(t)
    ring_y = (r + offsets[:, None]) * np.sin(t)[None, :] + shifts[:, None, None]
    best = (-1.0, cx, cy)
    for dx in shifts:
        xs = np.rint(cx + dx + ring_x).astype(int)[None].repeat(len(shifts), axis=0)
        ys = np.rint(cy + ring_y).astype(int)
        inside = (xs >= 0) & (xs < ink.shape[1]) & (ys >= 0) & (ys < ink.shape[0])
        hits = np.zeros(xs.shape, bool)
        hits[inside] = ink[ys[inside], xs[inside]] > 0
        peaks = hits.mean(axis=2).max(axis=1)
        i = int(np.argmax(peaks))  # the first of equal peaks, as dy runs upward
        if peaks[i] > best[0]:
            best = (float(peaks[i]), cx + float(dx), cy + float(shifts[i]))
    return best[1], best[2]


def _stands_alone(mask: np.ndarray, cx: float, cy: float, rx: float, ry: float, beside_share: float,
                  turn: float = 0.0) -> bool:
    """Ink runs round the ellipse and thins out a few px inside and outside it, as a seal's ring does."""
    offsets = np.arange(-12, 13)
    cover = _profile(mask, cx, cy, rx, ry, offsets, turn)
    peak = cover[8:17].max()  # within 4 px of the fitted ellipse
    beside = np.concatenate([cover[:3], cover[-3:]])  # 10 to 12 px inside and outside
    return bool(beside.mean() <= beside_share * peak)


def _sharp_ring(ink: np.ndarray, cx: float, cy: float, r: float, beside_share: float) -> float | None:
    """The ring's radius if ink runs round most of it and thins out a few px to either side, to at
    most `beside_share` of the ring's cover."""
    offsets = np.arange(-12, 13)
    cover = _profile(ink, cx, cy, r, r, offsets)
    best = int(np.argmax(cover))
    peak = cover[max(0, best - 1) : best + 2].max()
    beside = np.concatenate([cover[: max(0, best - 6)], cover[best + 7 :]])
    if not beside.size:
        return None
    if ((peak >= RING_COVERAGE and beside.mean() <= beside_share * peak)
            or (peak >= CLEAN_RING_COVERAGE and beside.mean() <= CLEAN_RING_BESIDE * peak)):
        return float(r + offsets[best])
    return None


# A ring that faded over part of its round (a photocopied grey seal, print across its foot) still counts
# where next to nothing lies beside it: a circle that clean is no print's. Such a ring measured 0.54 round
# at 0.09 beside (othergen seed 7900000017).
CLEAN_RING_COVERAGE, CLEAN_RING_BESIDE = 0.5, 0.2


def _profile(mask: np.ndarray, cx: float, cy: float, rx: float, ry: float, offsets: np.ndarray,
             turn: float = 0.0) -> np.ndarray:
    """For each radial offset, the share of 180 directions where `mask` is set on the ellipse."""
    return _on_ellipse(mask, cx, cy, rx, ry, offsets, turn).mean(axis=1)


def _coverage(mask: np.ndarray, cx: float, cy: float, rx: float, ry: float, band: int, turn: float = 0.0,
              on_page: bool = True) -> float:
    """Share of directions in which `mask` has ink within `band` px of the ellipse (rx, ry); of all its
    directions, not only those on the page, unless `on_page`."""
    hits = _on_ellipse(mask, cx, cy, rx, ry, np.arange(-band, band + 1), turn, on_page)
    return float(hits.any(axis=0).mean())


def _on_ellipse(mask: np.ndarray, cx: float, cy: float, rx: float, ry: float, offsets: np.ndarray,
                turn: float, on_page: bool = True) -> np.ndarray:
    """Whether `mask` is set (bool, offsets × directions) on the ellipse (rx, ry) grown by each offset,
    its rx axis turned `turn` degrees clockwise (image y down, as cv2.fitEllipse gives it). With
    `on_page`, a seal pressed across the page's edge is judged on the directions whose ring is on the
    page, if at least ON_PAGE of them are (with fewer, no direction counts); else off the page is unset."""
    t = np.linspace(0, 2 * math.pi, 180, endpoint=False)
    u, v = (rx + offsets[:, None]) * np.cos(t), (ry + offsets[:, None]) * np.sin(t)
    c, s = math.cos(math.radians(turn)), math.sin(math.radians(turn))
    xs, ys = np.rint(cx + u * c - v * s).astype(int), np.rint(cy + u * s + v * c).astype(int)
    inside = (xs >= 0) & (xs < mask.shape[1]) & (ys >= 0) & (ys < mask.shape[0])
    hits = np.zeros(xs.shape, bool)
    hits[inside] = mask[ys[inside], xs[inside]] > 0
    if not on_page:
        return hits
    shown = inside.all(axis=0)
    if shown.mean() < ON_PAGE:
        return np.zeros((len(offsets), 1), bool)
    return hits[:, shown]


ON_PAGE = 0.5  # least share of a ring's circumference on the page for it to be judged at all


def arc_strips(polar: np.ndarray, r: float) -> list[np.ndarray]:
    """The seal's upper arc (`polar`: its stamp ink made round to radius `r` and unwrapped, see `_polar`)
    unrolled into straight lines of text (dark ink on white, BGR): over ARC_SPAN, and over the span the
    lettering's ink covers when that is wider (a long name runs round more of the circle; so may an
    inscription at the seal's foot or its serial number, which is why both are read)."""
    twice = np.vstack([polar, polar])  # wrap past 360°
    lettering = _lettering_span(twice[:, int(r * 0.55) : int(r * 0.9)], polar.shape[0])
    spans = [ARC_SPAN] if lettering == ARC_SPAN else [ARC_SPAN, lettering]
    return [_unrolled(twice, polar.shape[0], span, r) for span in spans]


def _unrolled(twice: np.ndarray, n_angle: int, span: tuple[float, float], r: float) -> np.ndarray:
    a0, a1 = (int(n_angle * a / 360) for a in span)
    band = twice[a0:a1, int(r * ARC_BAND[0]) : int(r * ARC_BAND[1])]
    return _as_strip(np.flipud(band.T))  # the seal's outside on top


def _as_strip(ink: np.ndarray) -> np.ndarray:
    """Stamp ink (0 to 1) as a line of text for the strip reader: dark on white, bordered, BGR."""
    strip = (255 - np.clip(ink * 255, 0, 255)).astype(np.uint8)
    strip = cv2.copyMakeBorder(strip, 6, 6, 6, 6, cv2.BORDER_CONSTANT, value=255)
    return cv2.cvtColor(np.ascontiguousarray(strip), cv2.COLOR_GRAY2BGR)


def _round_disc(image: Image.Image, ring: Ring, r: float) -> np.ndarray:
    """The seal's stamp ink (0 to 1) scaled round to radius `r`, centred in a 2.2·r square."""
    pad = 0.1 * r
    x0, y0 = max(0, int(ring.cx - ring.rx - pad)), max(0, int(ring.cy - ring.ry - pad))
    crop = np.asarray(image.convert("RGB").crop((x0, y0, int(ring.cx + ring.rx + pad) + 1, int(ring.cy + ring.ry + pad) + 1)))
    ink = ink_strength(crop, ring.colour)
    m = np.float32([[r / ring.rx, 0, 0], [0, r / ring.ry, 0]])
    m[:, 2] = [1.1 * r - (ring.cx - x0) * r / ring.rx, 1.1 * r - (ring.cy - y0) * r / ring.ry]
    return cv2.warpAffine(ink, m, (int(2.2 * r), int(2.2 * r)))


def _polar(disc: np.ndarray, r: float) -> np.ndarray:
    """The disc's ink at each angle (rows, clockwise from +x) and radius (columns)."""
    n_angle = max(64, int(2 * math.pi * r * 0.75))
    return cv2.warpPolar(disc, (int(r), n_angle), (1.1 * r, 1.1 * r), r, cv2.WARP_POLAR_LINEAR)


FOOT_ROWS = (0.3, 0.85)  # of the radius below the centre: a department's name set straight under the star
FOOT_HALF_WIDTH = 0.62  # of the radius each side of the centre: inside the ring at the foot's lowest row


def _foot_strip(disc: np.ndarray, polar: np.ndarray, r: float) -> np.ndarray:
    """The line under the seal's star (dark ink on white, BGR; `disc` the seal made round, `polar` it
    unwrapped), turned upright by the arc lettering's tilt: where a department's seal sets its own name
    (教务处) straight across, below the school's arc."""
    tilt = _lettering_tilt(np.vstack([polar, polar])[:, int(r * 0.55) : int(r * 0.9)], polar.shape[0])
    upright = cv2.warpAffine(disc, cv2.getRotationMatrix2D((1.1 * r, 1.1 * r), tilt, 1.0), disc.shape[::-1])
    rows = slice(int(r * (1.1 + FOOT_ROWS[0])), int(r * (1.1 + FOOT_ROWS[1])))
    columns = slice(int(r * (1.1 - FOOT_HALF_WIDTH)), int(r * (1.1 + FOOT_HALF_WIDTH)))
    return _as_strip(upright[rows, columns])


def ink_strength(rgb: np.ndarray, colour: Literal["red", "grey"]) -> np.ndarray:
    """Stamp ink (float32, the RGB crop's height × width, 0 paper to 1 ink) of a crop round a stamp,
    scaled to the stamp's own ink: a pale pink or light grey press reads as dark as a full one. Red:
    how much red outweighs green and blue (black print and paper have none); grey: how much darker
    than the paper."""
    px = rgb.astype(np.float32)
    grey = px @ np.float32([0.299, 0.587, 0.114])
    darker = np.percentile(grey, 75) - grey  # most of a seal's disc is paper
    if colour == "red":
        depth = px[..., 0] - px[..., 1:].max(axis=2)
        # Pale ink is a greyed pink, tinted by a few levels only but well darker than paper; print's
        # colour fringes are tinted too, so nothing beside print counts.
        beside_print = cv2.dilate((grey < 100).astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
        depth = np.maximum(depth, np.where((depth >= PALE_TINT) & ~beside_print, darker, 0))
    else:
        depth = darker
    full = max(INK_FLOOR[colour] * 3, float(np.percentile(depth, 99)))
    floor = INK_FLOOR[colour]
    return np.clip((depth - floor) / (0.45 * (full - floor)), 0, 1).astype(np.float32)


def _lettering_span(band: np.ndarray, n_angle: int) -> tuple[float, float]:
    """The arc (degrees clockwise from +x, past 360 on the right) the lettering covers: at least
    ARC_SPAN, grown on each side while inked angles follow with gaps under ARC_GAP, up to ARC_LIMIT."""
    per_degree = n_angle / 360
    inked = _inked(band)

    def reach(start: float, limit: float, step: int) -> float:
        last = start
        a = start
        while (a - limit) * step < 0:
            a += step
            if inked[int(a * per_degree) % len(inked)]:
                last = a
            elif abs(a - last) > ARC_GAP:
                break
        return start if last == start else last + step * ARC_PAD

    a0 = max(ARC_LIMIT[0], reach(ARC_SPAN[0], ARC_LIMIT[0], -1))
    a1 = min(ARC_LIMIT[1], reach(ARC_SPAN[1], ARC_LIMIT[1], 1))
    return a0, a1


def _lettering_tilt(band: np.ndarray, n_angle: int) -> float:
    """Degrees a seal was set down turned clockwise: its name is centred on the top (270°), so the
    middle of the inked angles within ARC_SPAN lies off it by the turn."""
    angles = np.arange(*ARC_SPAN)
    inked = angles[_inked(band)[(angles * n_angle / 360).astype(int)]]
    return 0.0 if len(inked) == 0 else (float(inked[0]) + float(inked[-1])) / 2 - 270


def _inked(band: np.ndarray) -> np.ndarray:
    """Per angle (row) of an unrolled lettering band: whether lettering inks it."""
    return (band > 0.3).mean(axis=1) > 0.04


def _read_arc(image: Image.Image, ring: Ring, reader: StripReader) -> tuple[str, float]:
    """The arc text and its confidence; ("", 0.0) when it cannot be read, so no mismatch is claimed.
    Of the strips read, the surest reading is kept; serial numbers and Latin letters at its ends
    (read off the seal's foot) are left off. A department's name set straight under the star
    (教务处) is added after the arc's, as a department's seal with its name on the arc reads."""
    best = ("", 0.0)
    try:
        r = (ring.rx + ring.ry) / 2
        disc = _round_disc(image, ring, r)  # made round once: the arc and the line under the star are read off it
        polar = _polar(disc, r)
        for strip in arc_strips(polar, r):
            text, conf = reader(strip)
            text = _SERIAL_ENDS.sub("", text.strip())
            if text and float(conf) > best[1]:
                best = (text, max(0.0, min(1.0, float(conf))))
        if best[0]:
            foot, sure = reader(_foot_strip(disc, polar, r))
            foot = re.sub(r"\s", "", foot)
            if float(sure) >= FOOT_SURE and _FOOT_UNIT.fullmatch(foot):
                best = (best[0] + foot, min(best[1], float(sure)))
    except Exception:  # noqa: BLE001 - unreadable arc text means no text, not no seal
        return "", 0.0
    return best


FOOT_SURE = 0.8  # the line under the star must be read this surely to name a department
# A department's or office's own name: never the unit's official seal. A purpose (教学专用章) is not
# added: it names what the unit's own seal is for, and the unit it names is still the school.
_FOOT_UNIT = re.compile(r"[\u4e00-\u9fff]{1,8}(?:处|办公室|办|部|室|中心|科|系|学院)")


_SERIAL_ENDS = re.compile(r"^[\sA-Za-z0-9.,:;'\"()\-]+|[\sA-Za-z0-9.,:;'\"()\-]+$")


def find_seals(
    image: Image.Image, *, document: str, page: int, reader: StripReader | None = None
) -> list[SealEvidence]:
    """Every seal on the page with a PNG crop and its arc text, read by `reader` (default: the selected
    OCR engine's `read_strip`, see `parsers.ocr.select_engine`)."""
    seals = []
    for ring in find_rings(image):
        text, conf = _read_arc(image, ring, reader or selected_engine().read_strip)
        seals.append(
            SealEvidence(
                crop=_crop(image, ring, document, page),
                colour=ring.colour,
                text=text,
                text_confidence=round(conf, 3),
            )
        )
    return seals


CROP_PAD = 0.08  # of the ring's two radii together, added round it on each side of a seal's crop


def _crop(image: Image.Image, ring: Ring, document: str, page: int) -> Crop:
    x0, y0, x1, y1 = ring.box
    pad = CROP_PAD * (ring.rx + ring.ry)
    return Crop.of(image, (x0 - pad, y0 - pad, x1 + pad, y1 + pad), document=document, page=page)
