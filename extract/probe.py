"""Where the language probe reads: a few lines of body text, found by a projection profile.

Runs in the worker process, on the page images of :mod:`extract.text`, before any
tesseract pass: Pillow only, a few milliseconds a page. Tesseract's time follows the
number of characters it reads, so the probe reads just enough lines of body text
for lingua to name the language (150 letters or more), not a fixed share of the page.
Raises nothing for any image: a page without clear text lines gets the fixed band.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PIL import Image, ImageOps

#: The profile is taken on a copy this many times smaller (a 300 dpi A4 page: 620 x 877).
SCALE = 4
#: A pixel of the small copy is ink below this grey level.
INK_LEVEL = 128
#: A row is part of a text line when at least this share of its pixels is ink.
MIN_ROW_INK = 0.01
#: Text lines are between these heights, as shares of the image width (at 300 dpi on
#: A4: 10 to 175 pixels; shorter is a rule or a speck, taller a picture or lines a skew merged).
MIN_LINE_HEIGHT, MAX_LINE_HEIGHT = 0.004, 0.07
#: A run of ink rows shorter than this share of the median run, this share of it or
#: less from the next (or previous) run, is part of that run's line (an ascender's top).
FRAGMENT_HEIGHT, FRAGMENT_GAP = 0.5, 0.5
#: A line of body text spans at least this share of the page width (not a heading or a number).
MIN_BODY_WIDTH = 0.4
#: The probe starts at the first body line below this share of the height (past the letterhead).
PROBE_TOP = 0.2
#: Lines the probe reads: about 300 letters of a typed request.
PROBE_LINES = 5
#: Without clear lines: this band, as shares of the page height from PROBE_TOP.
FALLBACK_HEIGHT = 0.3


@dataclass(frozen=True)
class TextLine:
    """A run of ink rows of a page image, in pixels of the page (not of the small copy)."""

    top: int
    bottom: int
    left: int
    right: int

    @property
    def width(self) -> int:
        return self.right - self.left


def text_lines(image: Image.Image) -> list[TextLine]:
    """The text lines of a page image, top to bottom, by the ink of its rows."""
    small = image.convert("L").reduce(SCALE)
    ink = ImageOps.invert(small).point(lambda value: 255 if value > 255 - INK_LEVEL else 0)
    profile = list(ink.resize((1, ink.height), Image.Resampling.BOX).tobytes())
    lines: list[TextLine] = []
    for start, end in merge_fragments(ink_runs(profile, threshold=255 * MIN_ROW_INK)):
        box = ink.crop((0, start, ink.width, end)).getbbox()
        if box is not None:
            lines.append(
                TextLine(top=start * SCALE, bottom=end * SCALE, left=box[0] * SCALE, right=box[2] * SCALE)
            )
    low, high = image.width * MIN_LINE_HEIGHT, image.width * MAX_LINE_HEIGHT
    return [line for line in lines if low <= line.bottom - line.top <= high]


def ink_runs(profile: list[int], *, threshold: float) -> list[tuple[int, int]]:
    """The runs of rows at or above ``threshold``, as (first row, row after the last)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for row, value in enumerate([*profile, 0]):
        if value >= threshold and start is None:
            start = row
        elif value < threshold and start is not None:
            runs.append((start, row))
            start = None
    return runs


def merge_fragments(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs with a line's fragments joined to the line they belong to.

    In a light or small font the thin strokes between the ascenders' tops and the
    x-height fall below the row ink share, so a line's ascender (or descender) rows
    are a run of their own (OCRmyPDF's francais.pdf: 4 px runs 4 px above each line,
    a "pitch" of 8 px). A run shorter than ``FRAGMENT_HEIGHT`` of the median run,
    nearer to its neighbour than ``FRAGMENT_GAP`` of it, is joined to that neighbour;
    two runs of a line's height are never joined, however close.
    """
    if len(runs) < 2:
        return runs
    heights = sorted(end - start for start, end in runs)
    median = heights[len(heights) // 2]
    merged = [runs[0]]
    for start, end in runs[1:]:
        before_start, before_end = merged[-1]
        shortest = min(before_end - before_start, end - start)
        if start - before_end <= median * FRAGMENT_GAP and shortest < median * FRAGMENT_HEIGHT:
            merged[-1] = (before_start, end)
        else:
            merged.append((start, end))
    return merged


def probe_band(image: Image.Image, *, lines: int = PROBE_LINES) -> Image.Image:
    """The part of a page the language probe reads: about ``lines`` lines of body text.

    The band starts half a line above the first body line below ``PROBE_TOP`` (the
    first body line of the page when there is none there) and is ``lines`` times the
    page's line pitch tall, across the whole width. A page without such lines gets
    the band of ``FALLBACK_HEIGHT`` below ``PROBE_TOP``.
    """
    found = text_lines(image)
    body = [line for line in found if line.width >= image.width * MIN_BODY_WIDTH]
    pitch = line_pitch(found)
    below = [line for line in body if line.top >= image.height * PROBE_TOP] or body
    if not below or pitch is None:
        top = round(image.height * PROBE_TOP)
        return image.crop((0, top, image.width, top + round(image.height * FALLBACK_HEIGHT)))
    top = max(below[0].top - pitch // 2, 0)
    return image.crop((0, top, image.width, min(top + lines * pitch, image.height)))


def line_pitch(lines: list[TextLine]) -> int | None:
    """The median distance from one line's top to the next's, over neighbouring lines.

    Two lines are neighbours when the next starts within two line heights (a gap
    between paragraphs or sections is not a pitch); ``None`` without any.
    """
    steps = sorted(
        after.top - before.top
        for before, after in pairwise(lines)
        if after.top - before.top <= 2 * (before.bottom - before.top)
    )
    return steps[len(steps) // 2] if steps else None
