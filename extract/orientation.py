"""Turning a page image upright: by tesseract's orientation detection (quarter turns)
and by a projection profile of its text lines (a skew of a few degrees).

Runs in the worker process before OCR (and in the web process, which turns a page on
screen as the OCR turned it). Pillow only; raises nothing for any image.
"""

from __future__ import annotations

import math
from typing import TypeVar

import numpy as np
from PIL import Image

from extract.probe import INK_LEVEL, MAX_LINE_HEIGHT, MIN_ROW_INK, ink_runs, merge_fragments
from extract.tesseract import Orientation
from rogatory.records import DrawnBox, Word

_Boxed = TypeVar("_Boxed", Word, DrawnBox)

#: Below this OSD orientation confidence, a page is left as it is.
MIN_ORIENTATION_CONFIDENCE = 3.0
#: The skew is measured on a copy this many times smaller (a 300 dpi A4 page: 620 x 877).
SKEW_SCALE = 4
#: The small copy's row profile is taken in this many vertical strips, sheared for each angle.
SKEW_STRIPS = 32
#: Skews searched, in degrees either way, and the coarse and fine steps of the search.
MAX_SKEW, COARSE_STEP, FINE_STEP = 5.0, 0.5, 0.1
#: Below this skew (degrees) a page is not turned: tesseract reads it as well. A generated
#: page lost no character up to 1.5 degrees (2 to 5 of 800 at 2 to 4, none deskewed); dev
#: scans of 0.3 to 1.5 degrees read no better deskewed (7 documents: CER 0.020 as they are,
#: 0.022 / 0.021 / 0.020 turned bicubic / nearest / bilinear), and dev-023's near-blank
#: second page (1.7 degrees, 87 characters of truth) read worse turned (30 to 45 errors).
MIN_DESKEW = 2.0
#: Resampling of the turn: bilinear, 0.19 CPU s on a 300 dpi A4 page (bicubic 0.37, and no better).
DESKEW_RESAMPLE = Image.Resampling.BILINEAR
#: A page with less ink than this share of its pixels is blank: no skew is measured.
MIN_SKEW_INK = 0.002
#: At the best angle the profile must show this many separate lines (not a picture).
MIN_SKEW_LINES = 3


def needs_turn(orientation: Orientation | None) -> bool:
    """Whether the page is sideways or upside down, confidently enough to turn it."""
    return (
        orientation is not None
        and orientation.rotate != 0
        and orientation.orientation_confidence >= MIN_ORIENTATION_CONFIDENCE
    )


def turn_upright(image: Image.Image, orientation: Orientation) -> Image.Image:
    """The image turned clockwise by ``orientation.rotate`` degrees (a multiple of 90)."""
    return turn_clockwise(image, orientation.rotate)


def turn_clockwise(image: Image.Image, degrees: int) -> Image.Image:
    """The image turned clockwise by ``degrees`` (a multiple of 90; other values leave it)."""
    turns = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
    transpose = turns.get(degrees % 360)
    return image if transpose is None else image.transpose(transpose)


def estimate_skew(image: Image.Image) -> float | None:
    """The degrees (counter-clockwise) that make the text lines of a page level, if they can be told.

    A projection profile on a binarised copy ``SKEW_SCALE`` times smaller, cut into
    ``SKEW_STRIPS`` vertical strips whose row profiles are shifted against each other
    (a shear: for a few degrees, the rows of the turned page): the angle among
    -``MAX_SKEW`` to ``MAX_SKEW`` whose rows' ink varies most (level lines give full
    rows and empty gaps), first in ``COARSE_STEP`` steps, then in ``FINE_STEP`` steps
    around the best. ``None`` when the page has almost no ink (blank) or its best
    profile does not show ``MIN_SKEW_LINES`` separate lines (a picture, a page turned
    sideways). Pillow only; about 0.02 CPU s on a 300 dpi A4 page.
    """
    small = image.convert("L").reduce(SKEW_SCALE)
    ink = small.point(lambda value: 255 if value < INK_LEVEL else 0)
    strips = ink.resize((SKEW_STRIPS, ink.height), Image.Resampling.BOX)
    if not ink.height or sum(_profile(strips, 0.0, width=ink.width)) < MIN_SKEW_INK * 255 * ink.height:
        return None
    steps = round(MAX_SKEW / COARSE_STEP)
    coarse = [step * COARSE_STEP for step in range(-steps, steps + 1)]
    best = max(coarse, key=lambda angle: (_variance(_profile(strips, angle, width=ink.width)), -abs(angle)))
    steps = round(COARSE_STEP / FINE_STEP)
    fine = [round(best + step * FINE_STEP, 2) for step in range(-steps, steps + 1)]
    best = max(fine, key=lambda angle: (_variance(_profile(strips, angle, width=ink.width)), -abs(angle)))
    lines = _separate_lines(_profile(strips, best, width=ink.width), width=ink.width)
    return best if lines >= MIN_SKEW_LINES else None


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """The page with its text lines levelled, and the degrees it was turned counter-clockwise.

    Turned about its centre, same size (the corners a turn brings in are white), only
    when :func:`estimate_skew` is sure and the skew is at least ``MIN_DESKEW`` degrees;
    otherwise the image itself and 0.0. Word boxes read on the turned image are put
    back on the page with :func:`unskew_words`.
    """
    angle = estimate_skew(image)
    if angle is None or abs(angle) < MIN_DESKEW:
        return image, 0.0
    white: int | tuple[int, int, int] = (255, 255, 255) if image.mode == "RGB" else 255
    return image.rotate(angle, DESKEW_RESAMPLE, fillcolor=white), angle


def unskew_words(words: tuple[Word, ...], *, angle: float, width: int, height: int) -> tuple[Word, ...]:
    """Word boxes read on an image :func:`deskew` turned by ``angle``, on the page before the turn.

    Each box keeps its size and its centre is turned back about the page's centre
    (``width`` x ``height``, the same before and after): for a few degrees the
    upright box of a slanted word, a few pixels off at its ends.
    """
    return unskew_boxes(words, angle=angle, width=width, height=height)


def unskew_boxes(boxes: tuple[_Boxed, ...], *, angle: float, width: int, height: int) -> tuple[_Boxed, ...]:
    """Records with a box in pixels (words, drawn tick boxes) put back as :func:`unskew_words` does."""
    if not angle:
        return boxes
    radians = math.radians(angle)
    cos, sin = math.cos(radians), math.sin(radians)
    cx, cy = width / 2, height / 2

    def back(box: _Boxed) -> _Boxed:
        x, y = box.left + box.width / 2 - cx, box.top + box.height / 2 - cy
        left = round(cx + cos * x - sin * y - box.width / 2)
        top = round(cy + sin * x + cos * y - box.height / 2)
        return box.model_copy(update={"left": max(left, 0), "top": max(top, 0)})

    return tuple(back(box) for box in boxes)


def _profile(strips: Image.Image, angle: float, *, width: int) -> list[int]:
    """The row profile of the page turned ``angle`` degrees counter-clockwise, from its strips.

    Turning by a few degrees raises a column at ``x`` from the centre by ``x * tan(angle)``:
    each strip's profile is shifted by that much (with interpolation) before they are added.
    """
    if angle:
        shear = math.tan(math.radians(angle)) * width / strips.width
        matrix = (1.0, 0.0, 0.0, shear, 1.0, -shear * strips.width / 2)
        strips = strips.transform(strips.size, Image.Transform.AFFINE, matrix, Image.Resampling.BILINEAR)
    return list(strips.resize((1, strips.height), Image.Resampling.BOX).tobytes())


def _variance(profile: list[int]) -> float:
    """The variance of a profile of byte values, from exact integer sums (a C loop, not Python's)."""
    values = np.frombuffer(bytes(profile), dtype=np.uint8).astype(np.int64)
    count = len(values)
    return float(count * int(values @ values) - int(values.sum()) ** 2) / (count * count)


def _separate_lines(profile: list[int], *, width: int) -> int:
    """How many runs of inked rows, each no taller than a text line, the profile has."""
    runs = merge_fragments(ink_runs(profile, threshold=255 * MIN_ROW_INK))
    return sum(1 for start, end in runs if end - start <= width * MAX_LINE_HEIGHT)
