"""Where the entities of a page stand: boxes on the page image and marks in the page text.

An OCR'd page's text is its words joined in reading order (see
:func:`extract.tesseract.parse_tsv`), so each word's character offsets are found
by reading the text and the words together; an entity's span then covers the words
it overlaps, and their boxes, in the pixels of the page the OCR read, are drawn on an
SVG laid over the page image with that page's size as its viewBox (so the screen
image may have any size of the same shape). A page
from a PDF text layer has no word boxes: its entities are marked in the text only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rogatory.records import Entity, PageText, Word


@dataclass(frozen=True)
class Box:
    """A rectangle in the pixels of the page the OCR read."""

    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class Highlight:
    """One entity of the page, ``index`` its place in the analysis' entities."""

    index: int
    kind: str
    value: str
    boxes: tuple[Box, ...]


@dataclass(frozen=True)
class Segment:
    """A stretch of page text, marked with an entity when ``index`` is set."""

    text: str
    index: int | None = None
    kind: str = ""


def word_spans(page: PageText) -> list[tuple[int, int, Word]]:
    """Each word of the page with its (start, end) in the page text; words not found are left out."""
    spans: list[tuple[int, int, Word]] = []
    cursor = 0
    for word in page.words:
        start = page.text.find(word.text, cursor)
        if start < 0:
            continue
        end = start + len(word.text)
        spans.append((start, end, word))
        cursor = end
    return spans


def page_highlights(page: PageText, entities: Sequence[Entity]) -> list[Highlight]:
    """The boxes of every entity of ``page`` (entities of other pages are ignored)."""
    if not page.words or page.width <= 0 or page.height <= 0:
        return []
    spans = word_spans(page)
    found: list[Highlight] = []
    for index, entity in enumerate(entities):
        if entity.span.page != page.number:
            continue
        boxes = tuple(
            Box(left=word.left, top=word.top, width=word.width, height=word.height)
            for start, end, word in spans
            if start < entity.span.end and end > entity.span.start
        )
        if boxes:
            found.append(Highlight(index=index, kind=entity.kind.value, value=entity.value, boxes=boxes))
    return found


def page_segments(page: PageText, entities: Sequence[Entity]) -> list[Segment]:
    """The page text cut into plain and marked stretches.

    An entity overlapping one marked before it is not marked (it stays in the list).
    """
    marks = sorted(
        (
            (entity.span.start, entity.span.end, index, entity.kind.value)
            for index, entity in enumerate(entities)
            if entity.span.page == page.number and 0 <= entity.span.start < entity.span.end <= len(page.text)
        ),
        key=lambda mark: (mark[0], -mark[1]),
    )
    segments: list[Segment] = []
    cursor = 0
    for start, end, index, kind in marks:
        if start < cursor:
            continue
        if start > cursor:
            segments.append(Segment(text=page.text[cursor:start]))
        segments.append(Segment(text=page.text[start:end], index=index, kind=kind))
        cursor = end
    if cursor < len(page.text):
        segments.append(Segment(text=page.text[cursor:]))
    return segments
