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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rogatory.records import Entity, PageText, Word
from web.languages import N_


@dataclass(frozen=True)
class Box:
    """A rectangle in the pixels of the page the OCR read."""

    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class KindKey:
    """How one kind of entity is told apart without colour: a letter badge and a border pattern.

    ``dashes`` is the SVG ``stroke-dasharray`` of its boxes in page pixels ("" is solid);
    the legend shows the same pattern, the letter and ``name``.
    """

    kind: str
    letter: str
    name: str
    dashes: str


KIND_KEYS: dict[str, KindKey] = {
    key.kind: key
    for key in (
        KindKey("person", "P", N_("Person"), ""),
        KindKey("organisation", "O", N_("Organisation"), "30 10"),
        KindKey("account", "A", N_("Bank account"), "12 8"),
        KindKey("bic", "B", N_("BIC / SWIFT"), "3 7"),
        KindKey("offence", "C", N_("Offence (crime)"), "30 8 4 8"),
        KindKey("date", "D", N_("Date"), "18 5 3 5 3 5 3 5"),
        KindKey("state", "S", N_("State"), "20 6 4 6 4 6"),
        KindKey("authority", "Au", N_("Authority"), "40 6 12 6"),
        KindKey("case_reference", "R", N_("Case or file reference"), "8 4"),
    )
}


def kind_key(kind: str) -> KindKey:
    """The key of ``kind``; a kind without one (added later) gets its first letter and a solid border."""
    return KIND_KEYS.get(kind) or KindKey(kind, kind[:1].upper(), kind.replace("_", " ").capitalize(), "")


def legend(kinds: Iterable[str]) -> list[KindKey]:
    """The keys of ``kinds``, each once, in the order of :data:`KIND_KEYS` (unknown kinds last)."""
    order = list(KIND_KEYS)

    def place(kind: str) -> tuple[int, str]:
        return (order.index(kind) if kind in order else len(order), kind)

    return [kind_key(kind) for kind in sorted(set(kinds), key=place)]


@dataclass(frozen=True)
class Highlight:
    """One entity of the page, ``index`` its place in the analysis' entities."""

    index: int
    kind: str
    value: str
    boxes: tuple[Box, ...]

    @property
    def key(self) -> KindKey:
        return kind_key(self.kind)

    def badge(self) -> Box:
        """Where the letter badge stands: a tab on the top-left corner of the first box, above it."""
        first = self.boxes[0]
        side = max(24, min(64, round(first.height * 1.1)))
        width = round(side * (0.4 + 0.6 * len(self.key.letter)))
        return Box(left=first.left - 4, top=first.top - 3 - side, width=width, height=side)


@dataclass(frozen=True)
class Segment:
    """A stretch of page text, marked with an entity when ``index`` is set."""

    text: str
    index: int | None = None
    kind: str = ""

    @property
    def key(self) -> KindKey:
        return kind_key(self.kind)


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
