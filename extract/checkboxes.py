"""Tick boxes drawn on a scanned page: found on the page image beside their words, with their state.

Runs in the worker process, where a page is OCR'd (:class:`extract.text.OcrReader`), on
the image tesseract read and its word boxes (the same pixels). OCR reads a drawn box
unpredictably ("O", "0", "D", "[]", "©" or nothing), so the picture decides: a square
outline about the size of a text line, with a word on its right (or on its left, on a
right-to-left line), whose inside (its border excluded) is empty (unticked), or holds a
tick, a cross or is filled (ticked); ink in between is ``unknown``.

The dark pixels of the page are grouped into connected parts on a copy half as large
(a 300 dpi page; about 10 ms), the parts of a box's size are checked on the page itself:
all four sides inked along most of their length, the sides about as long as each other.
A letter "O" or "D" has no straight sides, "[" and "]" are two parts, a table's cells
are one part far larger than a box. numpy and scipy only; raises nothing for any image.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image
from scipy import ndimage

from extract.bidi import has_rtl
from rogatory.records import BoxState, DrawnBox, Word

#: A box's side against the page's median word height (a word box holds ascenders and
#: descenders: a 10 pt line is about 3.5 mm, the boxes of forms 2.5 to 5 mm).
MIN_SIDE, MAX_SIDE = 0.6, 2.0
#: The median word height assumed of a page without words: its width over this.
WIDTH_PER_WORD_HEIGHT = 60
#: A part this much larger than a box's largest side is not a box (a tick that overshoots
#: the box's corner is part of it).
MAX_OVERSHOOT = 1.6
#: Pages at least this wide (pixels; 250 dpi A4) are grouped into parts on a half-size copy.
HALF_SIZE_WIDTH = 2000
#: Each side must be inked along at least this share of its length (a scan's noise and a
#: skew of up to 2 degrees allowed for by a band a few pixels wide).
MIN_SIDE_COVER = 0.85
#: Sides of a box differ by at most this ratio.
MAX_ASPECT = 1.35
#: The band (share of the side, plus a pixel) either side of a side's line its ink is looked for in.
SIDE_BAND = 0.04
#: The outer edge of a side may wander this share of the side (noise, a skew of 2 degrees).
STRAIGHT_SHARE = 0.08
#: The share of a side's rows or columns whose edge may stray further (a speck, a broken stroke).
MAX_CROOKED = 0.05
#: A filled box is at least this share dark.
MIN_FILLED = 0.85
#: A side's stroke thicker than this share of the side is a filled box.
FILLED_STROKE = 0.3
#: Inside ink (share of pixels) below which a box is empty and above which it is ticked.
EMPTY_INK, TICKED_INK = 0.04, 0.09
#: Letters a word must have for a square inside it to be one of its letters.
MIN_WORD_LETTERS = 4
#: A word this close to a box (in box sides) on its reading side is the option's first word.
MAX_WORD_GAP = 3.0


@dataclass(frozen=True)
class _Part:
    """A connected dark part of the page: its own pixels in a crop, and the crop's place."""

    pixels: NDArray[np.bool_]
    top: int
    left: int


@dataclass(frozen=True)
class _Square:
    left: int
    top: int
    right: int
    bottom: int
    stroke: int

    @property
    def side(self) -> int:
        return max(self.right - self.left, self.bottom - self.top)


def find_boxes(image: Image.Image, words: Sequence[Word]) -> tuple[DrawnBox, ...]:
    """The tick boxes drawn on ``image``, in reading order, each with the word it stands before.

    ``words`` are the page's OCR words in the image's pixels; a box's ``word`` is its
    index in them. Never raises for the image's content.
    """
    ink = ink_mask(image)
    if not ink.any():
        return ()
    height = _word_height(words, image.width)
    low, high = max(6, round(MIN_SIDE * height)), max(8, round(MAX_SIDE * height))
    squares = [
        square
        for part in _parts(ink, low=low, high=round(high * MAX_OVERSHOOT))
        if (square := _square(ink, part, low=low, high=high)) is not None
    ]
    squares = [square for square in squares if not _letter_of_a_word(square, words)]
    boxes = [_box(ink, square, words) for square in _distinct(squares)]
    return tuple(sorted(boxes, key=lambda box: (box.top // max(box.height, 1), box.left)))


def ink_mask(image: Image.Image) -> NDArray[np.bool_]:
    """The dark pixels of a page image: below a threshold between its ink and paper (Otsu's)."""
    if image.mode == "1":
        return ~np.asarray(image, dtype=bool)
    gray = np.asarray(image.convert("L"))
    return gray < _threshold(gray)


def _threshold(gray: NDArray[np.uint8]) -> int:
    """Otsu's threshold of a sample of the page's pixels, kept between 96 and 192."""
    counts = np.bincount(gray[::4, ::4].ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(counts)
    total = weight[-1]
    mean = np.cumsum(counts * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1.0)
    return int(min(max(int(np.argmax(between)), 96), 192))


def _word_height(words: Sequence[Word], width: int) -> float:
    heights = [word.height for word in words if sum(char.isalpha() for char in word.text) >= 3]
    return float(np.median(heights)) if heights else width / WIDTH_PER_WORD_HEIGHT


def _parts(ink: NDArray[np.bool_], *, low: int, high: int) -> list[_Part]:
    """The connected dark parts of the page that are of a box's size (``low`` to ``high`` pixels)."""
    scale = 2 if ink.shape[1] >= HALF_SIZE_WIDTH else 1
    small = _half(ink) if scale == 2 else ink
    labels, _ = ndimage.label(small, structure=np.ones((3, 3), dtype=bool))
    found = []
    for label, part in enumerate(ndimage.find_objects(labels), start=1):
        if part is None:
            continue
        rows, cols = part
        tall, wide = (rows.stop - rows.start) * scale, (cols.stop - cols.start) * scale
        if not (low <= tall <= high and low <= wide <= high):
            continue
        mine = labels[part] == label
        if scale == 2:
            mine = mine.repeat(2, axis=0).repeat(2, axis=1)
        top, left = rows.start * scale, cols.start * scale
        crop = ink[top : top + mine.shape[0], left : left + mine.shape[1]]
        found.append(_Part(crop & mine[: crop.shape[0], : crop.shape[1]], top, left))
    return found


def _half(ink: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """A copy half as wide and high: a pixel is dark if any of its four is."""
    rows, cols = ink.shape[0] // 2 * 2, ink.shape[1] // 2 * 2
    return ink[:rows:2, :cols:2] | ink[1:rows:2, :cols:2] | ink[:rows:2, 1:cols:2] | ink[1:rows:2, 1:cols:2]


def _square(ink: NDArray[np.bool_], part: _Part, *, low: int, high: int) -> _Square | None:
    """The box outline of a part, if it has one: four straight sides of about one length, inked
    along their length and at their corners; a filled box is solid ink."""
    crop = part.pixels
    tall, wide = crop.shape
    cols, rows = crop.sum(axis=0), crop.sum(axis=1)
    left, right = _outer_edge(cols), wide - 1 - _outer_edge(cols[::-1])
    top, bottom = _outer_edge(rows), tall - 1 - _outer_edge(rows[::-1])
    across, down = right - left, bottom - top
    if (
        min(across, down) < low
        or max(across, down) > high
        or max(across, down) > MAX_ASPECT * min(across, down)
    ):
        return None
    band = 1 + round(SIDE_BAND * max(across, down))
    sides = (
        crop[top : bottom + 1, max(left - band, 0) : left + band + 1].any(axis=1),
        crop[top : bottom + 1, max(right - band, 0) : right + band + 1].any(axis=1),
        crop[max(top - band, 0) : top + band + 1, left : right + 1].any(axis=0),
        crop[max(bottom - band, 0) : bottom + band + 1, left : right + 1].any(axis=0),
    )
    if min(float(side.mean()) for side in sides) < MIN_SIDE_COVER:
        return None
    if not _straight(crop[top : bottom + 1, left : right + 1], reach=band + 1):
        return None
    if not _sharp_corners(crop[top : bottom + 1, left : right + 1], reach=band + 1):
        return None
    third_across, third_down = max(across // 3, 1), max(down // 3, 1)
    stroke = max(
        _stroke(crop[top + third_down : bottom + 1 - third_down, left : right + 1].sum(axis=0)),
        _stroke(crop[top : bottom + 1, left + third_across : right + 1 - third_across].sum(axis=1)),
    )
    if stroke >= FILLED_STROKE * across and crop[top : bottom + 1, left : right + 1].mean() < MIN_FILLED:
        return None
    return _Square(part.left + left, part.top + top, part.left + right, part.top + bottom, stroke)


def _outer_edge(profile: NDArray[np.int_]) -> int:
    """The first column (or row) of a side: the outermost of the first two fifths of the part
    whose ink is at least half the most any of them has (a tick's overshoot has less)."""
    window = profile[: max(len(profile) * 2 // 5, 1)]
    return int(np.argmax(window >= 0.5 * window.max()))


def _straight(square: NDArray[np.bool_], *, reach: int) -> bool:
    """Whether the outer edge of each side is a straight line up to ``reach`` pixels of its corners:
    the first dark pixel met from the side lies within a few pixels of it for nearly every row or
    column ("D", "O" and "0" curve away towards their corners)."""
    tall, wide = square.shape
    tolerance = max(2, round(STRAIGHT_SHARE * max(tall, wide)))
    rows, cols = square[reach : tall - reach], square[:, reach : wide - reach]
    for edge in (rows, rows[:, ::-1], cols.T, cols.T[:, ::-1]):
        hit = edge.any(axis=1)
        if not hit.size or hit.mean() < MIN_SIDE_COVER:
            return False
        first = np.argmax(edge[hit], axis=1)
        if np.mean(first > tolerance) > MAX_CROOKED:
            return False
    return True


def _sharp_corners(square: NDArray[np.bool_], *, reach: int) -> bool:
    """Whether each side runs straight into its corners: ``reach`` pixels from each corner, the
    row and the column are dark within ``reach`` of the side (a round letter's corners are not)."""
    for turned in (square, square[:, ::-1], square[::-1, :], square[::-1, ::-1]):
        row, col = turned[min(reach, turned.shape[0] - 1)], turned[:, min(reach, turned.shape[1] - 1)]
        if not (row[: reach + 1].any() and col[: reach + 1].any()):
            return False
    return True


def _stroke(profile: NDArray[np.int_]) -> int:
    """How thick a side is: the run of columns (or rows) from its outer edge inked nearly as much
    as the most inked of them (all of them in a filled box)."""
    strong = profile >= 0.5 * profile[: max(len(profile) * 2 // 5, 1)].max()
    return int(np.argmin(strong)) if not strong.all() else len(profile)


def _distinct(squares: list[_Square]) -> list[_Square]:
    """The squares without those inside another (a box's tick found as a part of its own)."""
    kept: list[_Square] = []
    for square in sorted(squares, key=lambda item: -item.side):
        inside = any(
            other.left - 2 <= square.left
            and square.right <= other.right + 2
            and other.top - 2 <= square.top
            and square.bottom <= other.bottom + 2
            for other in kept
        )
        if not inside:
            kept.append(square)
    return kept


def _letter_of_a_word(square: _Square, words: Sequence[Word]) -> bool:
    """The square lies inside a word OCR read, with the word's letters on both sides: a
    letter of a bold heading ("Д" of "РАЗДЕЛ", an "O"), not a box. A box OCR glued to its
    option ("DJa") stands at the word's start, one glued to the option before at its end."""
    middle = (square.top + square.bottom) / 2
    margin = square.side / 2
    return any(
        word.top <= middle <= word.top + word.height
        and word.left < square.left - margin
        and square.right + margin < word.left + word.width
        and sum(char.isalpha() for char in word.text) >= MIN_WORD_LETTERS
        for word in words
    )


def _box(ink: NDArray[np.bool_], square: _Square, words: Sequence[Word]) -> DrawnBox:
    """The box of a square, its state from the ink inside and the word it stands before."""
    side = square.side
    if square.stroke >= FILLED_STROKE * side:
        share = 1.0
    else:
        margin = square.stroke + max(1, side // 12)
        inside = ink[
            square.top + margin : square.bottom - margin + 1, square.left + margin : square.right - margin + 1
        ]
        share = float(inside.mean()) if inside.size else 0.0
    state = (
        BoxState.UNTICKED
        if share < EMPTY_INK
        else BoxState.TICKED
        if share >= TICKED_INK
        else BoxState.UNKNOWN
    )
    return DrawnBox(
        left=square.left,
        top=square.top,
        width=square.right - square.left + 1,
        height=square.bottom - square.top + 1,
        state=state,
        ink=round(min(max(share, 0.0), 1.0), 4),
        word=option_word(square, words),
    )


def option_word(square: _Square, words: Sequence[Word]) -> int | None:
    """The index of the word the box stands before: on its right, or its left on a right-to-left line.

    Words that lie mostly on the box are OCR's reading of the box itself, never its option.
    """
    side = square.side
    middle = (square.top + square.bottom) / 2
    right: tuple[float, int] | None = None
    left: tuple[float, int] | None = None
    rtl = ltr = 0
    for index, word in enumerate(words):
        if abs(word.top + word.height / 2 - middle) > max(side, word.height) * 0.6:
            continue
        letters = [char for char in word.text if char.isalpha()]
        rtl += sum(1 for char in letters if has_rtl(char))
        ltr += sum(1 for char in letters if not has_rtl(char))
        end = word.left + word.width
        covered = max(0, min(end, square.right) - max(word.left, square.left))
        if covered > 0.5 * word.width:
            continue
        gap_right, gap_left = word.left - square.right, square.left - end
        if -side <= gap_right <= MAX_WORD_GAP * side and end > square.right + side / 2:
            right = min(right or (gap_right, index), (gap_right, index))
        if -side <= gap_left <= MAX_WORD_GAP * side and word.left < square.left - side / 2:
            left = min(left or (gap_left, index), (gap_left, index))
    chosen = left if rtl > ltr else right
    return chosen[1] if chosen else None
