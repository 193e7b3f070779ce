"""Whether ink in an approval's signature area was written by hand (or pasted), not typeset.

The area's ink is compared with printed glyphs of the same page (the approval
label): a signature is blue or blue-black pen ink (bluer than the page's print, whatever
the colour cast of the scan), or clearly taller or bolder or thinner than
print, or runs its glyphs together as cursive writing does, or wanders off the
line. Printed lines OCR read with confidence, red seal ink, table rules and
specks are removed first, so a typed name or a date leaves only print-like ink.
In a greyscale scan a seal's ink is lighter than pen ink, so under a grey seal only
ink clearly darker than the seal's own counts: a signature under the seal stays.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from parsers.model import Box
from parsers.seal import CROP_PAD, INK, ellipse_mask, grey_ink_level, red_mask, ring_extent, ring_stroke

MIN_INK = 0.1  # least ink of a signature, in squared print heights: a thin pen's scribble at 300 dpi
PRINT_LINE = 1.25  # height of a print line's OCR box, in glyph heights


@dataclass
class Glyphs:
    height: float  # px, of the ink
    stroke: float  # mean stroke width, px
    tint: float = 0.0  # median blue minus red of the print's ink: the scan's colour cast, 0 in grey
    ink: float = INK  # grey level below which a pixel is ink, as these glyphs were measured
    faint: Glyphs | None = None  # the same print measured down to a faint page's own ink level


def printed_glyphs(image: Image.Image, box: Box, h: float, level: float = INK,
                   seals: list[Box] | None = None) -> Glyphs | None:
    """Height, stroke and tint of the printed glyphs in `box` (a label), the page's reference for
    print, measured as ink darker than `level`; on a faint page also down to its own ink level. Ink that
    touches the ring of one of `seals` is left out: a ring across the label is no glyph's height."""
    mask, bgr = _ink(image, box, [], [], h, speck=0.0, level=level)
    if mask is None:
        if level != INK:  # already measured down to the page's own level: nothing there either
            return None
        # Print lighter than INK all through (a photo of a page in two, a light toner): it is measured
        # down to its own ink level, or the glyphs are taken as OCR's box makes them, twice too tall.
        own = _ink_level(image, box)
        return printed_glyphs(image, box, h, own, seals) if own >= INK + FAINT_STEP else None
    ring = _rings(mask.shape, image, seals or [], box)
    if ring.any():
        _, labels = cv2.connectedComponents(mask.astype(np.uint8), connectivity=8)
        mask &= ~np.isin(labels, np.unique(labels[ring & mask]))
        if not mask.any():
            return None
    # Glyphs, not punctuation: measured against the line's own ink, not OCR's box of it, which at low
    # resolution is padded to twice the glyphs' height.
    rows = np.flatnonzero(mask.any(axis=1))
    tall = [g for g in _groups(mask, h) if g.height >= GLYPH_SHARE * (rows[-1] - rows[0] + 1)]
    if not tall:
        return None
    tint = float(np.median(blueness(bgr)[mask]))
    own = _ink_level(image, box) if level == INK else level
    faint = printed_glyphs(image, box, h, own, seals) if own >= INK + FAINT_STEP and own != level else None
    return Glyphs(float(np.median([g.height for g in tall])), float(np.median([g.stroke for g in tall])), tint,
                  level, faint)


GLYPH_SHARE = 0.6  # of a print line's ink height that a glyph spans; a colon's or comma's ink is less


# Where a page's print is faint (a light toner, a washed-out scan even after levelling), a pen's thin
# strokes are fainter still and hardly reach INK: ink is then what lies more than FAINT_SHARE of the
# print's depth below the paper, up to FAINTEST_INK (lighter than that, paper noise and JPEG haloes
# pass too). Well-printed pages keep INK.
FAINT_SHARE, FAINTEST_INK = 0.6, 185.0
FAINT_STEP = 10  # grey levels above INK a page's own level must be to be worth a second look


def _ink_level(image: Image.Image, box: Box) -> float:
    depth = _ink_depth(image, box)
    if depth is None:
        return INK
    paper = depth[0] + depth[1]
    return max(INK, min(FAINTEST_INK, paper - FAINT_SHARE * depth[0]))


BLUE_BLACK = 20  # blueness above the print's own that blue-black (蓝黑) pen ink shows; blue ink shows 40 and more


def blueness(bgr: np.ndarray) -> np.ndarray:
    """Blue minus red per pixel of a BGR array (int): pen ink shows it, print on white paper does not."""
    return bgr[..., 0].astype(int) - bgr[..., 2].astype(int)


def is_handwritten(
    image: Image.Image,
    region: Box,
    ref: Glyphs | None,
    erase: list[Box],
    seals: list[Box],
    h: float,
    written: list[Box] | None = None,
    hanging: list[Box] | None = None,
    stamps: list[Box] | None = None,
) -> bool:
    """True when `region` holds ink that print does not explain (see the module docstring).

    `erase` are boxes of print, `written` boxes of writing that is no signature (a date by hand);
    blue ink is a pen's even where OCR read it as print, but not in `written`. `hanging` are lines
    written above the region (the label, an opinion by hand), whose tall strokes OCR's boxes may not
    hold: a stroke mostly inside one of them is that line's wherever it reaches. `stamps` are the
    page's official seals (crop boxes): red ink on them is stamp ink however dark; elsewhere a stroke
    of dark red (a red-brown pen) is a pen's. None: all red ink is a stamp's."""
    written, hanging = written or [], hanging or []
    ref = ref or Glyphs(h / PRINT_LINE, max(1.5, h / 12))
    if _blue_pen(image, region, h, ref, written, hanging):  # printers print black: blue ink is a pen's
        return True
    # Ink is first what is darker than INK; on a faint page, what that misses (a light hand's thin
    # strokes) is looked at again down to the page's own ink level, against its print measured so too;
    # last, where the print above the field (the label, first of `hanging`) is dark, a hand lighter than
    # print's ink all along its strokes; a faint or washed-out page's print is light itself.
    return (any(_unlike_print_ink(image, region, glyphs, erase + written, hanging, seals, h, stamps)
                for glyphs in (ref, ref.faint) if glyphs is not None)
            or (ref.faint is None and bool(hanging) and _dark_print(image, hanging[0])
                and _light_hand(image, region, ref, erase + written, hanging, seals, h)))


def _dark_print(image: Image.Image, box: Box) -> bool:
    """Whether `box` holds dark print: the darkest tenth of its ink (what lies clearly below its paper)
    at DARK_PRINT or below."""
    grey = cv2.cvtColor(bgr_crop(image, box), cv2.COLOR_BGR2GRAY)
    if grey.size == 0:
        return False
    ink = grey[grey < np.percentile(grey, 90) - LIGHT_STEP]
    return ink.size >= 20 and float(np.percentile(ink, 10)) <= DARK_PRINT


DARK_PRINT = 100  # grey level that a dark-printed page's print reaches; washed-out print stays at 150


def _light_hand(image: Image.Image, region: Box, ref: Glyphs, erase: list[Box], hanging: list[Box],
                seals: list[Box], h: float) -> bool:
    """A signature in a light pen on a page whose print is dark: strokes mostly lighter than the print's
    ink level (see `_light_ink`; print is dark with a light fringe, a light pen light with a dark dot
    here and there), as much of them as a pen's signature once print, rules, seals and specks are left
    out, and no broader than a pen's (a watermark's large light glyphs are)."""
    x0, y0 = (max(0, int(v)) for v in region[:2])
    bgr = bgr_crop(image, region)
    if bgr.shape[0] < 4 or bgr.shape[1] < 4:
        return False
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    dark = grey < ref.ink
    ink = (_light_ink(grey, h).astype(bool) | dark) & (cv2.dilate(red_mask(bgr), np.ones((3, 3), np.uint8)) == 0)
    for seal in seals:
        ink[ellipse_mask(ink.shape, seal, (x0, y0), SEAL_RIM) > 0] = False
    ink &= ~((_rules(ink.astype(np.uint8), h, LIGHT_RULE) > 0) | _solid(ink.astype(np.uint8), h))
    _clear(ink, erase, region)
    _clear_hanging(ink, hanging, region)
    # A light stroke breaks into pieces a pixel or two apart: joined, they are weighed as one against a speck.
    n, labels, stats, _c = cv2.connectedComponentsWithStats(cv2.dilate(ink.astype(np.uint8), np.ones((5, 5), np.uint8)))
    weight, darker = np.bincount(labels[ink], minlength=n), np.bincount(labels[ink & dark], minlength=n)
    keep = [i for i in range(1, n) if weight[i] >= max(6.0, 0.02 * h * h) and darker[i] <= LIGHT_PEN_DARK * weight[i]]
    strokes = np.isin(labels, keep) & ink
    if strokes.sum() < MIN_INK * (PRINT_LINE * ref.height) ** 2:
        return False
    width = 2 * float(cv2.distanceTransform(strokes.astype(np.uint8), cv2.DIST_L2, 3)[strokes].mean())
    tall = max(stats[i, cv2.CC_STAT_HEIGHT] for i in keep)
    return bool(width <= LIGHT_PEN_BOLDER * ref.stroke and tall >= 0.6 * ref.height)


LIGHT_PEN_DARK = 0.3  # the most of a light pen's stroke that may reach print's ink level
LIGHT_PEN_BOLDER = 1.6  # a light pen's strokes are no broader than this many times the print's


def has_ink(image: Image.Image, region: Box, ref: Glyphs | None, erase: list[Box], seals: list[Box], h: float) -> bool:
    """Whether `region` holds a signature's worth of dark ink outside `erase` (the print), rules, seal
    ink and specks: on a page whose print is all known (a typeset PDF's text layer), any such ink."""
    ref = ref or Glyphs(h / PRINT_LINE, max(1.5, h / 12))
    mask, _ = _ink(image, region, erase, seals, h, level=ref.ink)
    return mask is not None and bool(mask.sum() >= MIN_INK * (PRINT_LINE * ref.height) ** 2)


def _unlike_print_ink(image: Image.Image, region: Box, ref: Glyphs, erase: list[Box], hanging: list[Box],
                      seals: list[Box], h: float, stamps: list[Box] | None = None) -> bool:
    mask, bgr = _ink(image, region, erase, seals, h, level=ref.ink, hanging=hanging, stamps=stamps)
    # In print heights of this page's glyphs, not of OCR's boxes: at low resolution a box's padding
    # is a large share of its height (a print line's box is about 1.25 glyphs tall at 200 dpi).
    if mask is None or mask.sum() < MIN_INK * (PRINT_LINE * ref.height) ** 2:
        return False
    if (blueness(bgr) - ref.tint > BLUE_BLACK)[mask].mean() >= 0.3:  # pen ink; printers print black
        return True
    return any(_unlike_print(g, ref) for g in _groups(mask, h, ref.height))


def is_other_ink(image: Image.Image, box: Box, print_box: Box, seals: list[Box] | None = None) -> bool:
    """Whether the writing in `box` (a name OCR read) is in another ink than the print in `print_box`;
    what lies on a grey seal's disc in `seals` (its ink, not the pen's) is left out of the writing.

    Far lighter: a thin or worn pen, a light hand in a scan, a grey pen in a photocopy. Far
    darker, where the print itself is washed out (a phone photo's grey print): a black pen. A typed
    name comes from the printer of the page's other print, so it is neither. Each box is measured
    against its own paper (a colour cast or a grey scan shifts both): the darker quarter of what is
    clearly darker than it."""
    writing, printed = _ink_depth(image, box, seals or []), _ink_depth(image, print_box)
    if writing is None or printed is None:
        return False
    # A grey pen in a photocopy reaches INK and is still far lighter than the copy's black print.
    if writing[0] <= LIGHT_SHARE * printed[0]:
        return True
    # A light blue-black hand: somewhat lighter and somewhat bluer, neither alone enough to tell (a thin
    # face's strokes scan lighter, a colour scan's fringes tint), but the page's printer gives neither.
    if writing[0] <= LIGHTER_SHARE * printed[0] and writing[2] - printed[2] >= BLUER:
        return True
    # A bold name's strokes reach black where small print's stay grey: a pen is far darker in strokes
    # no bolder than print's.
    bolder = writing[3] / max(printed[3], 1e-6)
    return printed[1] >= WASHED_PRINT and writing[0] >= DARK_SHARE * printed[0] and bolder <= BOLD_FACE


def is_hand_on_fax_seal(image: Image.Image, box: Box, ref: Glyphs | None, seals: list[Box], h: float) -> bool:
    """Whether a name OCR read in `box` (page pixels), on the disc of a bilevel fax's seal in `seals`, is
    written by hand. Stamp ink there is as black as the pen's, so `is_handwritten` keeps only strokes
    bolder than the ring and `is_other_ink` finds both inks alike; but what OCR read as a name is the
    pen's, not the seal's lettering: the box's ink, only the ring's own stroke taken out, is judged
    against print as any signature is (a typed name stays print-like)."""
    fax = [s for s in seals if overlaps_any(box, [s]) and grey_ink_level(image, s) <= 0]
    if not fax:
        return False
    ref = ref or Glyphs(h / PRINT_LINE, max(1.5, h / 12))
    mask, _ = _ink(image, box, [], [], h, level=ref.ink)
    if mask is None:
        return False
    mask &= ~_rings(mask.shape, image, fax, box)
    if mask.sum() < MIN_INK * (PRINT_LINE * ref.height) ** 2:
        return False
    return any(_unlike_print(g, ref) for g in _groups(mask, h, ref.height))


def _rings(shape: tuple[int, ...], image: Image.Image, seals: list[Box], origin: Box) -> np.ndarray:
    """Pixels (bool, of a crop of `shape` at `origin`'s corner) on a seal's ring stroke (`ring_extent`)."""
    corner = (max(0, int(origin[0])), max(0, int(origin[1])))
    ring = np.zeros(shape[:2], bool)
    for seal in seals:
        if overlaps_any(origin, [seal]) and (extent := ring_extent(image, seal, RING_BAND)) is not None:
            ring |= ((ellipse_mask(shape, seal, corner, extent[1]) > 0)
                     & (ellipse_mask(shape, seal, corner, extent[0]) == 0))
    return ring


def overlaps_any(box: Box, areas: list[Box]) -> bool:
    """Whether `box` (x0, y0, x1, y1, page pixels) shares any area with one of `areas`."""
    return any(box[0] < a[2] and a[0] < box[2] and box[1] < a[3] and a[1] < box[3] for a in areas)


def _ink_depth(image: Image.Image, box: Box, seals: list[Box] | None = None) -> tuple[float, float, float, float] | None:
    """(how far below its paper, grey level) of the darker quarter of the box's ink off the `seals`'
    discs, the median blueness (blue minus red) of all that ink, and its mean stroke width (px); None
    with no ink. Red ink is a seal's or a stamp's, never the writing's or the print's: a seal's
    lettering OCR read as a name (学校) is no lighter pen."""
    bgr = bgr_crop(image, box)
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    origin = (max(0, int(box[0])), max(0, int(box[1])))
    off = np.ones(grey.shape, bool)
    for seal in seals or []:
        off &= ellipse_mask(grey.shape, seal, origin, SEAL_DISC) == 0
    if not off.any():
        return None
    paper = float(np.percentile(grey[off], 90))
    blue = blueness(bgr)
    inked = off & (grey < paper - LIGHT_STEP) & (blue > -STAMP_REDNESS)
    ink = grey[inked]
    if ink.size < 20:
        return None
    level = float(np.percentile(ink, 25))
    stroke = 2 * float(cv2.distanceTransform(inked.astype(np.uint8), cv2.DIST_L2, 3)[inked].mean())
    return paper - level, level, float(np.median(blue[inked])), stroke


STAMP_REDNESS = 15  # red minus blue of stamp ink, however pale; print and pens are grey or bluer
LIGHT_STEP = 25  # grey levels below its paper that a pixel must be to be any ink at all, however light
# A light hand's darker strokes are at most this share as far below paper as print's: grey pens in
# photocopies and light hands measured 0.63–0.67, typed names 0.915–1.17 (deskgen, othergen, signgen).
LIGHT_SHARE = 0.75
# Strokes over BOLD_FACE of print's width are a bolder face's, which scans darker (a bold typed name:
# 1.9 as deep at 1.8). A thinner face scans lighter, but so does a thin pen: a typed 宋体 name (0.70 as
# deep at 0.68 of print's stroke) and a faint scan's pen (0.67 at 0.75) do not part by these two.
BOLD_FACE = 1.3
LIGHTER_SHARE, BLUER = 0.85, 10  # a hand both this much lighter and this much bluer (blue minus red) than print
# Print whose darker strokes are no darker than this grey is washed out (a photo, a worn toner): a pen
# may be far darker than it, twice as far below paper as such print is (a typed name in a larger or
# bolder face reaches black where small print's thin strokes stay grey, but not this far).
WASHED_PRINT, DARK_SHARE = 140, 1.8


def _blue_pen(image: Image.Image, region: Box, h: float, ref: Glyphs, written: list[Box], hanging: list[Box]) -> bool:
    """Enough blue ballpoint ink in the region, outside `written`, to be a signature: far bluer than
    the page's print (`ref`), and as much as `_unlike_print_ink` asks of a pen, in print heights of
    the page's glyphs, not of OCR's boxes (a glyph of a name beside a seal, the rest under its red)."""
    tint = ref.tint
    rgb = bgr_crop(image, region)[:, :, ::-1].astype(int)
    if rgb.shape[0] < 4 or rgb.shape[1] < 4:
        return False
    # A light ballpoint's blue (155, 159, 206) is ink though lighter than INK: its blue is what tells.
    blue = (rgb[..., 2] - rgb[..., 0] - tint > 40) & (rgb.min(axis=2) < LIGHT_INK) & (rgb[..., 2] > rgb[..., 1])
    blue &= ~_solid(blue.astype(np.uint8), h)
    _clear(blue, written, region)
    _clear_hanging(blue, hanging, region)
    return bool(blue.sum() >= MIN_INK * (PRINT_LINE * ref.height) ** 2)


def _solid(ink: np.ndarray, h: float) -> np.ndarray:
    """Ink too broad for any pen stroke: a photo's dark or blue background past the paper's edge,
    a shadow, a filled box. Pen and print strokes are a fraction of a glyph wide."""
    k = max(3, int(0.3 * h))
    broad = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((k, k), np.uint8))
    return cv2.dilate(broad, np.ones((k, k), np.uint8)).astype(bool)  # and its ragged fringe


@dataclass
class _Group:
    height: float
    width: float
    stroke: float
    widest_run: float  # widest stretch of columns that all hold ink: touching glyphs
    bottoms_spread: float  # spread of the glyphs' lower edges along the line
    feet: int = 0  # glyph-wide slices whose lower edge the spread was measured on


# A typed name has the height of the label it follows; a hand a fifth taller is no print (a
# typed name one font size up, 小四 after 五号, is 1.17 times as tall).
TALLER_THAN_PRINT = 1.2


def _unlike_print(g: _Group, ref: Glyphs) -> bool:
    if g.height < 0.6 * ref.height:  # punctuation, a stray dot
        return False
    if g.width < 0.5 * ref.height and g.height > 2.5 * ref.height:  # a cell's rule, tilted in a photo
        return False
    stroke = g.stroke / ref.stroke
    if _typed_in_another_face(g, ref, stroke):
        return False
    return (
        g.height > TALLER_THAN_PRINT * ref.height
        or not 0.6 <= stroke <= 1.6
        or g.widest_run > 2.2 * ref.height
        or g.bottoms_spread > 0.22 * ref.height
        or _crowded_off_line(g, ref)
    )


def _crowded_off_line(g: _Group, ref: Glyphs) -> bool:
    """A neat hand, as tall and bold as print: its glyphs run into each other (print sets them apart) and
    their feet leave the line (print's sit on it). Either alone is weak — a bold face at low resolution
    touches, a photo's curl lifts a glyph — but print does neither both at once."""
    return (g.feet >= 2 and g.widest_run > CROWDED * ref.height
            and g.bottoms_spread > max(FLAT_FEET * ref.height, OFF_LINE_PX))


CROWDED = 1.2  # print heights of unbroken ink across: more than a glyph, two glyphs touching
OFF_LINE_PX = 2.0  # feet a pixel apart are print at any resolution (a glyph 14 px tall at 100 dpi)


def _bolder_than_ring(ink: np.ndarray, image: Image.Image, seal: Box) -> np.ndarray:
    """Strokes of `ink` (a crop's mask) well bolder than the seal's ring strokes (BOLDER times), whole:
    a pen pressed through a fax, where the stamp's ring and lettering are thin lines of the same black."""
    half = ring_stroke(image, seal, RING_BAND)
    if half is None:
        return np.zeros(ink.shape, bool)
    core = (cv2.distanceTransform(ink, cv2.DIST_L2, 3) >= BOLDER * half).astype(np.uint8)
    reach = 2 * int(math.ceil(BOLDER * half)) + 1
    return (cv2.dilate(core, np.ones((reach, reach), np.uint8)) > 0) & (ink > 0)


BOLDER = 1.6


def _typed_in_another_face(g: _Group, ref: Glyphs, stroke: float) -> bool:
    """A name typed a font size or two up (≤ TYPED_TALLER × print) in a face up to bold (≤ TYPED_BOLDER ×
    its strokes), such as a 楷体 or 黑体 name after a 宋体 label: two glyphs or more, apart, whose feet sit
    on one line to within FLAT_FEET of a glyph. A hand's glyphs, however neat, do not line up so."""
    return (g.feet >= 2 and g.bottoms_spread <= FLAT_FEET * ref.height and g.width >= 1.5 * ref.height
            and g.height <= TYPED_TALLER * ref.height and stroke <= TYPED_BOLDER
            and g.widest_run <= TYPED_TALLER * ref.height)


FLAT_FEET, TYPED_TALLER, TYPED_BOLDER = 0.06, 1.35, 1.7


def _ink(
    image: Image.Image, box: Box, erase: list[Box], seals: list[Box], h: float, speck: float = 0.02,
    level: float = INK, hanging: list[Box] | None = None, stamps: list[Box] | None = None,
) -> tuple[np.ndarray | None, np.ndarray]:
    """Ink pixels (darker than `level`) in `box` (a bool mask) with its BGR crop; print (`erase`), writing
    hanging into the box from lines above it (`hanging`, see `is_handwritten`), rules, seal ink and specks
    removed. With `stamps` (official seals' crop boxes), dark red strokes off them stay: a pen's."""
    x0, y0 = (max(0, int(v)) for v in box[:2])
    bgr = bgr_crop(image, box)
    if bgr.shape[0] < 4 or bgr.shape[1] < 4:
        return None, bgr
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    # Red ink is a seal's, and so is the dark rim a scan leaves round its strokes, too grey for red: a
    # typed name touching a ring would grow by it into a pen's tall stroke.
    red = red_mask(bgr)
    if stamps is not None:
        red[_red_pen(bgr, red, stamps, (x0, y0))] = 0
    ink = ((grey < level) & (cv2.dilate(red, np.ones((3, 3), np.uint8)) == 0)).astype(np.uint8)
    light = _light_ink(grey, h)
    rim = np.zeros(ink.shape, bool)
    for seal in seals:  # within a grey seal's reach (not its box's corners), only what is darker than its ink
        reach = ellipse_mask(ink.shape, seal, (x0, y0), SEAL_RIM) > 0
        stamp = grey_ink_level(image, seal)
        if stamp > 0:
            ink[reach & (grey >= stamp)] = 0
        else:  # a bilevel fax: stamp ink is as black as the pen's, which only a bold stroke stands out from
            ink[reach & ~_bolder_than_ring(ink, image, seal)] = 0
        rim |= reach & (ellipse_mask(ink.shape, seal, (x0, y0), SEAL_DISC) == 0)
        # The seal's ring is light ink all round: it would join the ring's darkest specks into one
        # long stroke. A light pen's stroke across the ring is joined by its own light ink elsewhere.
        light[(ellipse_mask(light.shape, seal, (x0, y0), RING_BAND[1]) > 0)
              & (ellipse_mask(light.shape, seal, (x0, y0), RING_BAND[0]) == 0)] = 0
    if rim.any():  # the ring's darkest specks past the disc, where the seal's box is a little small: an arc
        n, labels = cv2.connectedComponents(ink, connectivity=8)  # that a name across the rim reaches out of
        ink[np.isin(labels, _mostly_in(labels, n, ink > 0, rim, RIM_SLIVER))] = 0
    # A thin grey rule reaches INK only in dashes, each shorter than a rule is long: with its lighter
    # stretches it is whole again. Such a rule is a field's underline, longer than a seal's ring or a
    # hand's stroke is straight.
    ink &= ~(_rules(ink, h) | _rules(ink | light, h, LIGHT_RULE))
    ink &= ~_solid(ink, h)
    _clear(ink, erase, box)
    _clear_hanging(ink, hanging or [], box)
    # A thin pen's stroke at low resolution, or a light hand, breaks into dots where it is lighter
    # than INK: pieces a pixel apart, or joined by lighter ink of the stroke, are one stroke, and are
    # weighed together against a speck.
    joined = cv2.dilate(ink, np.ones((3, 3), np.uint8)) | light
    n, labels = cv2.connectedComponents(joined, connectivity=8)
    weight = np.bincount(labels[ink > 0], minlength=n)
    keep = [i for i in range(1, n) if weight[i] >= max(6.0, speck * h * h)]
    if not keep:
        return None, bgr
    return np.isin(labels, keep) & (ink > 0), bgr


LIGHT_INK, LIGHT_CONTRAST = 200, 40  # a light stroke's grey level, and how much darker than its paper

# Stamp ink is bright: red seals' ink measured a median brightness (HSV value) of 208–235, its darker
# tenth 150 and up; a red-brown pen's strokes are darker red, medians 143–154 (realgen seeds 790007,
# 830029). A stroke whose mean brightness is under this is a pen's.
PEN_RED_VALUE = 175


def _red_pen(bgr: np.ndarray, red: np.ndarray, stamps: list[Box], origin: tuple[int, int]) -> np.ndarray:
    """Pixels (bool) of red strokes too dark for stamp ink, off every official seal in `stamps`: a red-brown
    pen's. On a seal all red is its own, however dark a shadow or a heavy pressing makes it."""
    n, labels = cv2.connectedComponents(red, connectivity=8)
    if n <= 1:
        return np.zeros(red.shape, bool)
    value = bgr.max(axis=2)
    on_stamp = np.zeros(red.shape, bool)
    for stamp in stamps:
        on_stamp |= ellipse_mask(red.shape, stamp, origin, SEAL_RIM) > 0
    ids, inked = labels[red > 0], red > 0
    size = np.maximum(np.bincount(ids, minlength=n), 1)
    brightness = np.bincount(ids, weights=value[inked], minlength=n) / size
    stamped = np.bincount(ids, weights=on_stamp[inked], minlength=n) > 0
    pen = (brightness < PEN_RED_VALUE) & ~stamped
    pen[0] = False
    return pen[labels]


def _light_ink(grey: np.ndarray, h: float) -> np.ndarray:
    """Pixels (uint8 0/1) of strokes too light to be ink on their own but clearly darker than the
    paper around them, so a photo's shadow is none: where a light hand's dark dots are joined."""
    k = max(3, int(h))
    paper = cv2.dilate(grey, np.ones((k, k), np.uint8))  # the brightest nearby, lit as here
    return ((grey < LIGHT_INK) & (grey.astype(int) < paper.astype(int) - LIGHT_CONTRAST)).astype(np.uint8)


def _clear(mask: np.ndarray, boxes: list[Box], origin: Box) -> None:
    """Zero `mask` (a crop at `origin`'s corner) over each box and 3 px round it, in place."""
    mask[_in_boxes(mask.shape, boxes, origin, margin=3)] = 0


def _in_boxes(shape: tuple[int, ...], boxes: list[Box], origin: Box | tuple[int, int], margin: int = 0) -> np.ndarray:
    """Pixels (bool, of a crop of `shape` at `origin`'s corner) inside any of `boxes` (page pixels),
    each grown by `margin` px."""
    inside = np.zeros(shape[:2], bool)
    x0, y0 = (max(0, int(v)) for v in origin[:2])
    for e in boxes:
        inside[max(0, int(e[1]) - y0 - margin) : max(0, int(e[3]) - y0 + margin),
               max(0, int(e[0]) - x0 - margin) : max(0, int(e[2]) - x0 + margin)] = True
    return inside


def _mostly_in(labels: np.ndarray, n: int, inked: np.ndarray, area: np.ndarray, share: float) -> np.ndarray:
    """Ids (1..n-1) of the connected pieces in `labels` with at least `share` of their `inked` pixels in
    `area` (a bool mask of the same shape)."""
    inside = np.bincount(labels[inked & area], minlength=n) / np.maximum(np.bincount(labels[inked], minlength=n), 1)
    ids = np.flatnonzero(inside >= share)
    return ids[ids > 0]


def _clear_hanging(mask: np.ndarray, boxes: list[Box], origin: Box) -> None:
    """Zero `mask` (a crop at `origin`'s corner) over each box of writing and over the strokes mostly
    inside one, in place: a hand's tall glyphs run past the box OCR gave its line (the 意 of an opinion
    hangs down into the 签字 field below). A signature that merely touches the writing stays."""
    if not boxes or not mask.any():
        return
    n, labels = cv2.connectedComponents(cv2.dilate(mask.astype(np.uint8), np.ones((3, 3), np.uint8)), connectivity=8)
    inside = _in_boxes(mask.shape, boxes, origin, margin=3)
    mask[np.isin(labels, _mostly_in(labels, n, mask > 0, inside, WRITING_INSIDE))] = 0
    mask[inside] = 0


WRITING_INSIDE = 0.6  # share of a stroke's ink inside a box of writing for the stroke to be that writing's


def bgr_crop(image: Image.Image, box: Box) -> np.ndarray:
    """The box's pixels as a BGR array (h, w, 3), clamped to the page; empty when the box is."""
    x0, y0 = (max(0, int(v)) for v in box[:2])
    x1, y1 = max(x0, min(image.width, int(box[2]))), max(y0, min(image.height, int(box[3])))
    return np.ascontiguousarray(np.asarray(image.crop((x0, y0, x1, y1)).convert("RGB"))[:, :, ::-1])


LIGHT_RULE = 3.0  # print heights a rule joined by its lighter stretches runs straight at least


def _rules(ink: np.ndarray, h: float, length: float = 1.5) -> np.ndarray:
    """Table rules and underlines: straight runs (`length` print heights) far longer than any stroke of
    a character."""
    n = max(8, int(length * h))
    flat = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, n), np.uint8))
    # A photo's upright rule leans a few pixels along its length (the lens; deskewing levels the text,
    # and the rows' rules with it): upright runs are looked for in ink thickened across them, which such a
    # rule fills unbroken. Not flat ones: a pen's flat stroke would pass for a rule.
    drift = np.ones((1, RULE_DRIFT), np.uint8)
    tall = cv2.morphologyEx(cv2.dilate(ink, drift), cv2.MORPH_OPEN, np.ones((n, 1), np.uint8)) & cv2.dilate(ink, drift)
    return cv2.dilate(flat | tall, np.ones((3, 3), np.uint8))


RULE_DRIFT = 5  # px an upright rule may lean over the run that makes it one


def _groups(mask: np.ndarray, h: float, glyph: float | None = None) -> list[_Group]:
    """Words of ink: components merged across gaps smaller than half a glyph. Their feet are measured in
    slices a print line wide: `h`, or where print's `glyph` height is known and OCR's boxes are padded
    past it (at low resolution a box is nearly twice a glyph's height), a line of such glyphs."""
    line = min(h, PRINT_LINE * glyph) if glyph else h
    kernel = np.ones((max(1, int(0.25 * h)), max(1, int(0.5 * h))), np.uint8)
    n, labels = cv2.connectedComponents(cv2.dilate(mask.astype(np.uint8), kernel))
    dist = cv2.distanceTransform(mask.astype(np.uint8), cv2.DIST_L2, 3)
    groups = []
    for i in range(1, n):
        part = mask & (labels == i)
        if part.sum() < 6:
            continue
        ys, xs = np.nonzero(part)
        cols = part.any(axis=0)[xs.min() : xs.max() + 1]
        spread, feet = _bottoms_spread(part[:, xs.min() : xs.max() + 1], line)
        groups.append(
            _Group(
                height=float(ys.max() - ys.min() + 1),
                width=float(xs.max() - xs.min() + 1),
                stroke=float(2 * dist[part].mean()),
                widest_run=float(_longest_true_run(cols)),
                bottoms_spread=spread,
                feet=feet,
            )
        )
    return groups


def _longest_true_run(flags: np.ndarray) -> int:
    best = run = 0
    for flag in flags:
        run = run + 1 if flag else 0
        best = max(best, run)
    return best


def _bottoms_spread(part: np.ndarray, h: float) -> tuple[float, int]:
    """Spread (max − min) of the lowest ink in each glyph-wide slice (print sits on one line), and how
    many slices it was measured on (0.0 on fewer than two)."""
    step = max(2, int(0.9 * h))
    bottoms = []
    for x in range(0, part.shape[1] - step // 2, step):
        rows = np.nonzero(part[:, x : x + step].any(axis=1))[0]
        if rows.size and rows[-1] - rows[0] >= 0.5 * h:
            bottoms.append(rows[-1])
    return (float(max(bottoms) - min(bottoms)) if len(bottoms) >= 2 else 0.0), len(bottoms)


def has_name_stamp(image: Image.Image, region: Box, seals: list[Box], h: float, written: list[Box] | None = None,
                   sign_line: Box | None = None) -> bool:
    """A personal name stamp (名章) in `region`: a compact square of stamp ink outside every official seal
    and outside `written` (an opinion by hand, whose bold strokes may be as dense as a solid stamp); or a
    stamp of a handwritten name (手签章) in stamp red, as wide as the name, on the line of `sign_line` (the
    签字 label's box, page pixels).

    A 名章 is a square of 1.5–2 cm, a few print lines high: red ink in a colour scan;
    in a greyscale scan a solid square (a stamp with white lettering) much denser than
    print, or a square frame. Ink of an official seal reaching into the region does not
    count, but a red stamp's frame is seen where it sits on the seal.
    """
    x0, y0 = (max(0, int(v)) for v in region[:2])
    bgr = bgr_crop(image, region)
    if bgr.shape[0] < 4 or bgr.shape[1] < 4:
        return False
    whole_red = red_mask(bgr)  # a stamp sitting on the seal is looked for in all of it
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    # A light stamp in a photo is pink, half its strokes paler than stamp red: with them its square is
    # whole. Print's JPEG colour fringes are as pink, right beside its dark strokes.
    beside_print = cv2.dilate((grey < PRINT_DARK).astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    pink = red_mask(bgr, min_sat=PINK_STAMP_SAT)
    pink[beside_print] = 0
    red, rim = whole_red | pink, whole_red.copy()
    dark = (grey < INK).astype(np.uint8) * 255
    # A fax or greyscale scan's stamp on the seal: its frame, as for red; a colour scan's red is the red's.
    whole_dark = dark & ~cv2.dilate(whole_red, np.ones((5, 5), np.uint8))  # and the red's paler rim
    # A greyscale scan's outlined stamp is light and pressed unevenly: its frame's lighter stretches too.
    frame = cv2.bitwise_or(dark, _light_ink(grey, h) * 255)
    for seal in seals:  # the seal's own ink: its ellipse, not its box, whose corners a 名章 may fill
        # SEAL_DISC of the crop box is the ring and a little; 0.6 of it holds the star, solid enough to
        # pass for a stamp, and no part of the ring.
        for masks, share in (((red, dark, frame), SEAL_DISC), ((rim,), 0.6)):
            disc = ellipse_mask(red.shape, seal, (x0, y0), share)
            if share == SEAL_DISC:  # an oval seal set down askew reaches past the upright ellipse: red
                _clear_seal_arcs(red, disc, seal, (x0, y0))
            for mask in masks:
                mask[disc > 0] = 0
    # A 手签章 (a stamp of a handwritten name) is as wide as the name it copies; an opinion stamped in red
    # (a framed 同意 审批章) is none.
    signature_red = red.copy()
    _clear(signature_red, written or [], region)
    for mask in (dark, frame, whole_dark):  # a pen writes black or blue: red over an opinion is still a stamp's
        _clear(mask, written or [], region)
    return (
        _stamp_square(red, h, min_fill=0.0)
        or (sign_line is not None and _signature_stamp(signature_red, h, (sign_line[1] - y0, sign_line[3] - y0)))
        or _stamp_square(dark, h, min_fill=SOLID_STAMP_FILL)
        or any(not _on_ring(box, seals, (x0, y0), 0.4 * h)
               for ink, star in ((whole_red, _solid(whole_red, h)), (whole_dark, None)) for box in _frames(ink, h, star))
        or _solid_square(rim, h)
        or _framed_square(frame, h)  # a greyscale scan's outlined stamp, clear of the seal
        or _askew_frame(frame, h)  # the same set down askew, or with a side broken
        # A worn red stamp whose frame is pale in stretches: its red pieces are a frame once joined.
        or _askew_frame(red, h, bridge=max(5, int(WORN_GAP * h)))
    )


# A seal's crop box is padded by about 16 % of its radius (seal.py): this share of it is the ring and a little.
SEAL_DISC = 0.9
SEAL_RIM = 1.0  # the share a seal's ring may reach (thickened in a bilevel scan, or its box found small)
RIM_SLIVER = 0.8  # share of a piece of ink between SEAL_DISC and SEAL_RIM for it to be the ring's edge
RING_BAND = (0.78, 0.93)  # shares of the crop box between which a seal's ring lies (at 1 / 1.16, about 0.86)


def _clear_seal_arcs(red: np.ndarray, disc: np.ndarray, seal: Box, origin: tuple[int, int]) -> None:
    """Zero, in place, the pieces of `red` (a crop at `origin`) that are the seal's own ink outside its
    disc: joined to the disc and lying within the seal's box. A 名章 pressed against the ring stands
    out of the box; one within it is seen by the tests that look at all the red."""
    n, labels = cv2.connectedComponents(red, connectivity=8)
    inked = red > 0
    touching = np.unique(labels[(disc > 0) & inked])
    within = _mostly_in(labels, n, inked, _in_boxes(red.shape, [seal], origin), ARC_IN_BOX)
    red[np.isin(labels, np.intersect1d(touching, within))] = 0


ARC_IN_BOX = 0.9  # share of a piece of red ink inside a seal's box for it to be the seal's own


def _solid_square(red: np.ndarray, h: float) -> bool:
    """A solid red 名章 (white lettering) where it sits on an official seal: a patch more than
    SOLID_DENSITY ink across a glyph and a fifth. The seal's ring, lettering and star never fill
    that much of such a patch (about 0.4 at most); a solid stamp, its white letters and all, does."""
    k = max(5, int(1.2 * h))
    density = cv2.boxFilter((red > 0).astype(np.float32), -1, (k, k), borderType=cv2.BORDER_CONSTANT)
    return bool(density.max(initial=0.0) >= SOLID_DENSITY)


SOLID_DENSITY = 0.6


PINK_STAMP_SAT, PRINT_DARK = 40, 100  # a light stamp's saturation (of 255; red_mask's is 60); print's grey

SOLID_STAMP_FILL = 0.45  # share of a solid stamp's square that is ink; print fills about a fifth of its box


def _framed_square(ink: np.ndarray, h: float) -> bool:
    """A 名章's frame in the mask (see `_frames`)."""
    return next(_frames(ink, h), None) is not None


def _on_ring(frame: Box, seals: list[Box], origin: tuple[int, int], slack: float) -> bool:
    """Whether a side of `frame` (in the pixels of a crop at `origin`) runs along a seal's ring, within
    `slack` px: the ring's leftmost, rightmost, top or bottom arc is straight enough over a stamp's
    height to pass for a frame's side, met by the seal's lettering. `seals` are seals' crop boxes. A
    名章 pressed against the ring elsewhere only touches it."""
    left, top, right, bottom = frame[0] + origin[0], frame[1] + origin[1], frame[2] + origin[0], frame[3] + origin[1]
    for seal in seals:
        cx, cy = (seal[0] + seal[2]) / 2, (seal[1] + seal[3]) / 2
        rx, ry = ((seal[2] - seal[0]) / 2 / (1 + 2 * CROP_PAD), (seal[3] - seal[1]) / 2 / (1 + 2 * CROP_PAD))
        # The ring runs along a side only where it is parallel to it: level with the seal's centre for
        # the left and right sides, above or below it for the top and bottom ones, and straight within
        # `slack` over the side's length (a stamp's side off to one side of the ring's lowest point runs
        # on straight where the ring curves away).
        if (abs((top + bottom) / 2 - cy) <= (bottom - top) / 2 and _bend(rx, ry, top - cy, bottom - cy) <= slack
                and min(abs(left - (cx - rx)), abs(right - (cx + rx))) <= slack):
            return True
        if (abs((left + right) / 2 - cx) <= (right - left) / 2 and _bend(ry, rx, left - cx, right - cx) <= slack
                and min(abs(top - (cy - ry)), abs(bottom - (cy + ry))) <= slack):
            return True
    return False


def _bend(across: float, along: float, start: float, end: float) -> float:
    """How far (px) an ellipse's arc at its extreme across one axis (semi-axis `across`) curves away
    from a straight line over `start`..`end` along the other axis (semi-axis `along`), measured from
    the centre; the span holds the extreme."""
    far = max(abs(start), abs(end))
    if far >= along:
        return float("inf")  # the ring does not reach that far
    return across * (1 - math.sqrt(1 - (far / along) ** 2))


def _frames(ink: np.ndarray, h: float, solid: np.ndarray | None = None) -> Iterator[Box]:
    """A 名章's frames (left, top, right, bottom in the mask's pixels) where the stamp sits on an official
    seal and their inks merge: straight stamp-ink sides of a stamp's size meeting at four corners. A
    seal's ring is straight only over short stretches that never meet as a box of a stamp's size; its
    lettering has no strokes that long. One upright side may lie hidden in `solid` ink (a mask of the
    seal's star, over which the stamp was pressed) instead."""
    side, gap = max(8, int(MIN_STAMP_SIDE * h)), max(3, int(0.25 * h))
    # Bridge the breaks a seal's star or serial number leaves in a side, and the one-pixel steps of a
    # stamp set down a little askew, before keeping long runs.
    flat = cv2.morphologyEx(cv2.morphologyEx(cv2.dilate(ink, np.ones((3, 1), np.uint8)), cv2.MORPH_CLOSE,
                                             np.ones((1, gap), np.uint8)), cv2.MORPH_OPEN, np.ones((1, side), np.uint8))
    tall = cv2.morphologyEx(cv2.morphologyEx(cv2.dilate(ink, np.ones((1, 3), np.uint8)), cv2.MORPH_CLOSE,
                                             np.ones((gap, 1), np.uint8)), cv2.MORPH_OPEN, np.ones((side, 1), np.uint8))
    flat_runs, tall_runs = _runs(flat, horizontal=True), _runs(tall, horizontal=False)
    corner = 0.4 * h
    for top in flat_runs:
        for bottom in flat_runs:
            # One side may run on into a table rule it was pressed against (a 名章 filling a signature
            # table's cell): the other, a stamp's width, then spans the box.
            if not (MIN_STAMP_SIDE * h <= bottom[2] - top[2] <= 6 * h
                    and min(top[1] - top[0], bottom[1] - bottom[0]) <= 6 * h):
                continue
            left, right = max(top[0], bottom[0]), min(top[1], bottom[1])
            if right - left < MIN_STAMP_SIDE * h:  # the top and bottom sides of one box span its width
                continue
            sides = [
                x for y0, y1, x in tall_runs if y0 <= top[2] + corner and y1 >= bottom[2] - corner
            ]  # vertical runs spanning from the top side to the bottom one
            seen = [any(abs(x - at) <= corner for x in sides) for at in (left, right)]
            hidden = [solid is not None and _covered(solid, at, top[2], bottom[2]) for at in (left, right)]
            if all(seen) or (any(seen) and seen[0] != seen[1] and hidden[seen.index(False)]):
                yield (left, top[2], right, bottom[2])


def _covered(solid: np.ndarray, x: float, y0: float, y1: float) -> bool:
    """Whether most of the upright line at `x` from `y0` to `y1` lies in `solid`."""
    column = solid[max(0, int(y0)) : max(0, int(y1)), min(solid.shape[1] - 1, max(0, int(x)))]
    return column.size > 0 and column.mean() >= HIDDEN_SIDE


HIDDEN_SIDE = 0.5  # share of a stamp's upright side a solid star must cover to hide it


def _runs(mask: np.ndarray, *, horizontal: bool) -> list[tuple[float, float, float]]:
    """Straight runs in a mask as (start, end, position across): x0, x1, y or y0, y1, x."""
    n, _labels, stats, _c = cv2.connectedComponentsWithStats(mask, connectivity=8)
    runs = []
    for i in range(1, n):
        x, y, w, hh = (float(v) for v in stats[i, :4])
        runs.append((x, x + w, y + hh / 2) if horizontal else (y, y + hh, x + w / 2))
    return runs


MIN_STAMP_SIDE = 1.2  # print heights: the shortest side of a name stamp's frame
FRAME_COVERAGE = 0.8  # share of a frame's outline that must carry ink


WORN_GAP = 0.4  # print heights: the longest pale stretch of a worn stamp's red frame


def _askew_frame(ink: np.ndarray, h: float, bridge: int = 5) -> bool:
    """An outlined 名章 set down askew or with a side broken, clear of the seal: an outline whose
    smallest enclosing rectangle has a stamp's size and shape and carries ink along most of its four
    sides, once breaks up to `bridge` px are closed. Print is too small to pass (even 回 is one glyph
    high), a scribble leaves most of its rectangle bare."""
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((bridge, bridge), np.uint8))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    near = cv2.dilate(closed, np.ones((7, 7), np.uint8)) > 0  # ink within 3 px
    for contour in contours:
        rect = cv2.minAreaRect(contour)
        w, hh = rect[1]
        if not (MIN_STAMP_SIDE * h <= min(w, hh) and max(w, hh) <= 6 * h and max(w, hh) <= 2 * min(w, hh)):
            continue
        corners = cv2.boxPoints(rect)
        points = np.concatenate([np.linspace(a, b, 40) for a, b in zip(corners, np.roll(corners, -1, axis=0), strict=True)])
        xs = points[:, 0].round().astype(int).clip(0, ink.shape[1] - 1)
        ys = points[:, 1].round().astype(int).clip(0, ink.shape[0] - 1)
        if near[ys, xs].mean() >= FRAME_COVERAGE:
            return True
    return False


# A 手签章's name, joined over its glyphs' gaps: from a print line to three tall, two to eight wide, with ink
# of a hand's strokes, not a solid fill.
SIGNATURE_STAMP_HEIGHT, SIGNATURE_STAMP_WIDTH, SIGNATURE_STAMP_FILL = (0.8, 3.0), (2.0, 8.0), 0.6


def _signature_stamp(red: np.ndarray, h: float, line: tuple[float, float]) -> bool:
    """A stamp of a handwritten name (手签章) in `red`, stamp ink off every seal: strokes that, joined
    over the gaps between a name's glyphs, make one piece a name's size, centred on the 签字 label's
    line (`line`: its top and bottom in the crop) — not a seal's arc cut off below it."""
    gap = max(3, int(0.5 * h))
    joined = cv2.morphologyEx(red, cv2.MORPH_CLOSE, np.ones((gap, gap), np.uint8))
    n, _labels, stats, _c = cv2.connectedComponentsWithStats(joined, connectivity=8)
    for x, y, w, hh, _area in stats[1:]:
        # A piece cut by the field's edge is no whole name (the top of a stamp below it).
        inside = x > 0 and y > 0 and x + w < red.shape[1] and y + hh < red.shape[0]
        on_line = line[0] - 0.5 * h <= y + hh / 2 <= line[1] + 0.5 * h
        if (inside and on_line and SIGNATURE_STAMP_HEIGHT[0] * h <= hh <= SIGNATURE_STAMP_HEIGHT[1] * h
                and SIGNATURE_STAMP_WIDTH[0] * h <= w <= SIGNATURE_STAMP_WIDTH[1] * h):
            ink = red[y : y + hh, x : x + w] > 0
            if ink.sum() >= MIN_STAMP_INK * h * h and ink.mean() <= SIGNATURE_STAMP_FILL and not _boxed(ink):
                return True
    return False


FRAME_SIDE = 0.7  # share of a side's length a stamp's frame inks; a hand's name touches its box in places


def _boxed(ink: np.ndarray) -> bool:
    """Ink (bool) with a frame round it: its top and bottom rows, or its outer columns, inked along most
    of their length — an oblong 审批章 (a framed 同意), not a name."""
    band = max(2, ink.shape[0] // 10), max(2, ink.shape[1] // 10)
    rows = ink[: band[0]].any(axis=0).mean(), ink[-band[0] :].any(axis=0).mean()
    columns = ink[:, : band[1]].any(axis=1).mean(), ink[:, -band[1] :].any(axis=1).mean()
    return min(rows) >= FRAME_SIDE or min(columns) >= FRAME_SIDE


MIN_STAMP_INK = 0.3  # squared print heights of ink, the least a stamp leaves


def _stamp_square(mask: np.ndarray, h: float, *, min_fill: float) -> bool:
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    n, labels, stats, _c = cv2.connectedComponentsWithStats(closed, connectivity=8)
    for i in range(1, n):
        x, y, w, hh = stats[i, :4]
        if not (0.8 * h <= min(w, hh) and max(w, hh) <= 6 * h and 0.5 <= w / hh <= 2):
            continue
        ink = mask[y : y + hh, x : x + w] > 0
        if ink.sum() >= MIN_STAMP_INK * h * h and ink.mean() >= min_fill:
            return True
    return False
