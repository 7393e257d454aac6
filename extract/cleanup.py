"""Page clean-up before OCR: uneven light flattened, fax specks removed, low-resolution pages enlarged.

Runs wherever a page is OCR'd. Each step leaves a page that does not need them as it
is (the same image object), so clean scans read exactly as before:

- :func:`flatten_light` divides a grayscale page by an estimate of its background
  (the page's brightest pixels around each point, smoothed) when that background
  varies across the page (a shadow from the binding, a dark corner, a photo of a page
  under a lamp). Tesseract's own binarisation (Otsu, one threshold a page) otherwise
  loses the text in the dark part or fills the light part with noise.
- :func:`despeckle` removes the specks of a bilevel page (a fax, a page thresholded by
  its scanner): parts of ink of a quarter of a stroke's square or less, which
  tesseract reads as accents and stray marks.
- :func:`enlarge` scales a page scanned below ``MIN_DPI`` to ``TARGET_DPI``:
  tesseract's models were trained on text of about 20 to 30 pixels x-height, which
  a 150 to 200 dpi page of 10 to 11 point text does not reach.

Pillow, numpy and scipy only; no settings are read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageFilter
from scipy import ndimage

#: The background is estimated on a copy this many times smaller (text strokes vanish in it).
BACKGROUND_SCALE = 8
#: The max filter (in pixels of the small copy) that replaces text by the paper around it.
BACKGROUND_WINDOW = 7
#: A page is flattened when its background's 95th and 5th percentiles differ by more than
#: this (grey levels of 255); a flatbed scan's paper varies by a few levels.
UNEVEN_LIGHT = 24
#: A part of ink of at most this share of a stroke's square (a stroke as thick as it is
#: wide) is a speck: one pixel of a 150 dpi fax (strokes of 2), two at 200 to 300 dpi
#: (strokes of 3; a colon's dot there is 2 x 2), a 2 x 2 dot of one rendered at 300 dpi.
SPECK_SHARE = 0.25
#: The stroke is measured on every this many rows of the page, on the parts of ink of at
#: least this many pixels (letters: a fax's specks, rendered at 300 dpi, are 2 x 2 and
#: can outnumber the strokes' runs).
STROKE_ROWS, LETTER_PIXELS = 4, 30
#: A grayscale page is bilevel (a fax rendered from a PDF) when this share of its pixels
#: or more is pure black or pure white.
BILEVEL_SHARE = 0.9
#: Pages scanned below this resolution are enlarged ...
MIN_DPI = 250
#: ... to this one.
TARGET_DPI = 300


@dataclass(frozen=True)
class Enlarged:
    """A page image for OCR, the resolution it stands for and its scale to the page as given."""

    image: Image.Image
    dpi: int
    scale: float


def flatten_light(image: Image.Image) -> Image.Image:
    """The page divided by its background when the light across it is uneven, else itself.

    Only grayscale and colour pages (a colour page comes back grayscale when flattened);
    a bilevel page (a fax) has no light to flatten.
    """
    if image.mode not in {"L", "RGB"} or min(image.size) < BACKGROUND_SCALE * BACKGROUND_WINDOW:
        return image
    gray = image.convert("L") if image.mode != "L" else image
    small = gray.reduce(BACKGROUND_SCALE).filter(ImageFilter.MaxFilter(BACKGROUND_WINDOW))
    small = small.filter(ImageFilter.GaussianBlur(BACKGROUND_WINDOW))
    levels = np.asarray(small, dtype=np.float32)
    low, high = np.percentile(levels, [5, 95])
    if high - low <= UNEVEN_LIGHT:
        return image
    background = np.asarray(small.resize(gray.size, Image.Resampling.BILINEAR), dtype=np.float32)
    page = np.asarray(gray, dtype=np.float32)
    flat = np.clip(page * 255.0 / np.maximum(background, 1.0), 0.0, 255.0)
    return Image.fromarray(flat.astype(np.uint8), mode="L")


def despeckle(image: Image.Image) -> Image.Image:
    """The bilevel page without its specks, else the page itself.

    A speck is a connected part of ink of at most ``SPECK_SHARE`` of a square as wide as
    the page's strokes are thick (the commonest run of ink along the rows of its letters):
    a dot over an i, a colon's, an accent or a full stop is about that square, a fax's
    stray pixel is not. Tesseract reads the specks beside a letter as its accent
    ("rischiò", "statà" on Italian faxes) and the others as stray marks. A page is
    bilevel in mode ``1``, or in mode ``L`` when nearly all its pixels are black or white
    (a fax page of a PDF, rendered); it comes back in its own mode. Any other page, and a
    page without specks, is returned as it is.
    """
    if not _bilevel(image):
        return image
    gray = np.asarray(image.convert("L"))
    ink = gray < 128
    labels, count = ndimage.label(ink, structure=np.ones((3, 3), dtype=bool))
    sizes = np.bincount(labels[ink], minlength=count + 1)
    sizes[0] = 0
    letters = (sizes >= LETTER_PIXELS)[labels[::STROKE_ROWS]]
    stroke = _stroke_width(letters)
    small = (sizes > 0) & (sizes <= stroke * stroke * SPECK_SHARE)
    specks = small[labels]
    if not specks.any():
        return image
    page = gray.copy()
    page[specks] = 255
    cleaned = Image.fromarray(page, mode="L")
    return cleaned.convert("1") if image.mode == "1" else cleaned


def _stroke_width(ink: NDArray[np.bool_]) -> int:
    """The most common length of the runs of ink along the rows, of two pixels or more; 0 without."""
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    edges = np.diff(padded, axis=1)
    starts, ends = np.nonzero(edges == 1), np.nonzero(edges == -1)
    runs = ends[1] - starts[1]
    runs = runs[runs >= 2]
    return int(np.argmax(np.bincount(runs))) if runs.size else 0


def _bilevel(image: Image.Image) -> bool:
    if image.mode == "1":
        return True
    if image.mode != "L":
        return False
    histogram = image.histogram()
    return histogram[0] + histogram[255] >= BILEVEL_SHARE * image.width * image.height


def enlarge(image: Image.Image, dpi: int) -> Enlarged:
    """The page at ``TARGET_DPI`` when it was scanned below ``MIN_DPI``, else as it is.

    A bilevel page is enlarged as grayscale (smooth edges instead of doubled stair
    steps). Word boxes read on the enlarged image are brought back with
    :func:`shrink_box`.
    """
    if dpi >= MIN_DPI or dpi <= 0:
        return Enlarged(image=image, dpi=dpi, scale=1.0)
    scale = TARGET_DPI / dpi
    size = (round(image.width * scale), round(image.height * scale))
    source = image.convert("L") if image.mode == "1" else image
    return Enlarged(image=source.resize(size, Image.Resampling.BICUBIC), dpi=TARGET_DPI, scale=scale)


def shrink_box(left: int, top: int, width: int, height: int, scale: float) -> tuple[int, int, int, int]:
    """A box read on an image enlarged ``scale`` times, in the pixels of the page as given."""
    if scale == 1.0:
        return left, top, width, height
    return (
        round(left / scale),
        round(top / scale),
        max(round(width / scale), 1),
        max(round(height / scale), 1),
    )
