"""Even out a phone photo's lighting: a hard shadow or a dim corner divided out, colours kept.

Every ink test on a page (print, pen, rules, stamp ink) compares grey levels with
paper white; under a shadow the paper itself is darker than ink elsewhere. The
paper's brightness is estimated as a heavily smoothed maximum of the page (ink
is thin, paper is everywhere), and each pixel divided by it: the standard
background-normalisation of document imaging. A scan, evenly lit, is left as it is.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

WORK_SIDE = 400  # px: the paper's brightness varies slowly; a small copy estimates it
UNEVEN = 18  # grey levels between the brightest and dimmest paper that call for correction
PRINT_BLACK = 40  # grey level the core of printed strokes reaches on a well-exposed scan
WASHED_OUT = 110  # a page whose darkest print stays lighter than this is levelled
INK_SHARE = 0.5  # percentile (%) of a page's pixels that lies in the core of its print
MIN_CONTRAST = 40  # grey levels the print core must lie below the paper to be print at all
SAMPLE_STEP = 3  # px between the pixels a page's levels are measured on


def even_lighting(image: Image.Image) -> Image.Image:
    """`image` (RGB) with its paper made evenly white, or `image` itself when it is evenly lit."""
    rgb = np.asarray(image.convert("RGB"))
    paper = _paper_brightness(rgb)
    if float(np.percentile(paper, 95) - np.percentile(paper, 5)) < UNEVEN:
        return image
    full = cv2.resize(paper, (rgb.shape[1], rgb.shape[0]), interpolation=cv2.INTER_LINEAR)
    gain = np.float32(255.0) / np.maximum(full, np.float32(40.0))
    # float32 and one bound (products are never negative): a 300-dpi photo's page is 25 M values
    return Image.fromarray(np.minimum(rgb * gain[:, :, None], np.float32(255.0)).astype(np.uint8))


def _paper_brightness(rgb: np.ndarray) -> np.ndarray:
    """Brightness of the paper at each point of a small copy (float32, 0..255)."""
    scale = WORK_SIDE / max(rgb.shape[:2])
    small = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    grey = small.max(axis=2)  # a stamp's red or a pen's blue is bright in one channel: not a shadow
    # Closing (max then min) over more than a stroke's width removes ink and keeps the paper.
    paper = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    return cv2.GaussianBlur(paper, (0, 0), 3).astype(np.float32)


def level_ink(image: Image.Image) -> Image.Image:
    """`image` (RGB) with a washed-out scan's levels stretched so its print is black again, or `image` itself.

    A scanner's auto-exposure, a light toner or lifted blacks leave the darkest print at grey 150–190 on
    grey paper, where every ink threshold of the reader (rules, pen, stamps) sees nothing. The print's
    core (the darkest INK_SHARE % of pixels) is mapped to PRINT_BLACK and the paper (the median) to white,
    linearly and per channel, so red stays red and blue stays blue. A page with no ink clearly darker than
    its paper is left as it is: stretching it would only raise its noise.
    """
    rgb = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))
    # Levels are a statistic of the whole page: every SAMPLE_STEP-th pixel each way tells them as well.
    grey = cv2.cvtColor(np.ascontiguousarray(rgb[::SAMPLE_STEP, ::SAMPLE_STEP]), cv2.COLOR_RGB2GRAY)
    black, paper = float(np.percentile(grey, INK_SHARE)), float(np.median(grey))
    if black < WASHED_OUT or paper - black < MIN_CONTRAST:
        return image
    gain = np.float32((255.0 - PRINT_BLACK) / (paper - black))
    levelled = np.float32(255.0) - (np.float32(paper) - rgb.astype(np.float32)) * gain
    return Image.fromarray(np.clip(levelled, 0, 255).astype(np.uint8))
