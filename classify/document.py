"""A document's pages folded once, and phrase search over the whole or over regions.

Built once per call of a classify stage from the :class:`~rogatory.records.DocumentText`.
A :class:`Region` is a run of stretches of folded page text (a section may cross a page
break). Hits carry :class:`~rogatory.records.Span` evidence in the original page text.

A form's tick boxes are read here, once for every classifier (classify/tick_boxes.py):
a phrase inside an option that is not ticked (or a question answered no) is no hit at
all, and a hit inside a ticked option is marked ``ticked``.
"""

from __future__ import annotations

from dataclasses import dataclass

from classify.phrases import PhraseTable
from classify.tick_boxes import against_spans, ticked_spans
from rogatory.folding import FoldedText, fold
from rogatory.records import DocumentStructure, DocumentText, Span


@dataclass(frozen=True)
class Stretch:
    """``[start, end)`` of the folded text of the page at ``index`` (0-based)."""

    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Region:
    """Stretches of folded text, in document order."""

    stretches: tuple[Stretch, ...]


@dataclass(frozen=True)
class Hit:
    """A phrase found in the document: its label key, the phrase and where it stands."""

    key: str
    phrase: str
    span: Span
    index: int
    start: int
    end: int
    ticked: bool = False
    """Inside a ticked option of a form (or a question answered yes)."""

    @property
    def position(self) -> tuple[int, int]:
        """Sort key in document order."""
        return self.index, self.start


@dataclass(frozen=True)
class FoldedDocument:
    """The folded text of every page, with the page numbers of the original."""

    pages: tuple[FoldedText, ...]
    numbers: tuple[int, ...]
    language: str | None
    against: tuple[Stretch, ...] = ()
    """Folded stretches that count for nothing: options not ticked, questions answered no."""
    ticked: tuple[Stretch, ...] = ()
    """Folded stretches of ticked options."""
    titles: tuple[Stretch, ...] = ()
    """Folded stretches of the short headings the structure found ("SECTION B: Urgency")."""
    options: tuple[Stretch, ...] = ()
    """Folded stretches of the labels of every tick box, ticked or not."""

    def whole(self) -> Region:
        """The region of every page, entire."""
        return Region(tuple(Stretch(i, 0, len(page.text)) for i, page in enumerate(self.pages)))

    def find(self, table: PhraseTable, region: Region | None = None) -> list[Hit]:
        """Every match of ``table`` inside ``region`` (the whole document by default)."""
        hits: list[Hit] = []
        for stretch in (region or self.whole()).stretches:
            folded = self.pages[stretch.index]
            for match in table.find(folded.text, stretch.start, stretch.end):
                if not _touches(self.against, stretch.index, match.start, match.end):
                    hits.append(self.hit(match.key, match.phrase, stretch.index, match.start, match.end))
        return hits

    def hit(self, key: str, phrase: str, index: int, start: int, end: int) -> Hit:
        """A :class:`Hit` for the folded stretch ``[start, end)`` of page ``index``."""
        folded = self.pages[index]
        first, last = folded.original_span(start, end)
        span = Span(page=self.numbers[index], start=first, end=last, text=folded.original[first:last])
        ticked = _touches(self.ticked, index, start, end)
        return Hit(key=key, phrase=phrase, span=span, index=index, start=start, end=end, ticked=ticked)

    def in_title(self, hit: Hit) -> bool:
        """The hit stands in a short heading of the structure: a title, which asks nothing."""
        return _touches(self.titles, hit.index, hit.start, hit.end)

    def in_option(self, index: int, start: int, end: int) -> bool:
        """The folded stretch ``[start, end)`` of page ``index`` is part of a tick box's label:
        an option of a form ("☒ taking statements from witnesses or suspects"), never a heading."""
        return _touches(self.options, index, start, end)


def fold_document(text: DocumentText) -> FoldedDocument:
    """Fold every page of ``text``, with the stretches its tick boxes count against and for."""
    pages = tuple(fold(page.text) for page in text.pages)
    numbers = tuple(page.number for page in text.pages)
    return FoldedDocument(
        pages=pages,
        numbers=numbers,
        language=text.language,
        against=_stretches(pages, numbers, against_spans(text.structure)),
        ticked=_stretches(pages, numbers, ticked_spans(text.structure)),
        titles=_stretches(pages, numbers, _titles(text.structure)),
        options=_stretches(pages, numbers, tuple(box.span for box in text.structure.boxes)),
    )


#: A heading of at most this many words is a title ("SECTION B: Urgency", "3. Urgence");
#: a longer numbered line is a sentence of the request ("3. This request is urgent ...").
TITLE_WORDS = 6


def _titles(structure: DocumentStructure) -> tuple[Span, ...]:
    """The short headings whose part holds no ticked option (a bare "No" ticked affirms nothing):
    a title over boxes none of which is ticked ("SECTION B: Urgency" above three empty
    reasons, "9. Eilbedürftigkeit" above "( ) Ja (x) Nein") says nothing of the request."""
    headings = sorted(structure.headings, key=lambda heading: (heading.span.page, heading.span.start))
    ticked = ticked_spans(structure)
    titles = []
    for position, heading in enumerate(headings):
        if len(heading.span.text.split()) > TITLE_WORDS:
            continue
        following = headings[position + 1].span if position + 1 < len(headings) else None
        if not any(_within_part(box, heading.span, following) for box in ticked):
            titles.append(heading.span)
    return tuple(titles)


def _within_part(span: Span, heading: Span, following: Span | None) -> bool:
    """``span`` stands after ``heading`` and before the ``following`` heading (if any)."""
    after = (span.page, span.start) >= (heading.page, heading.end)
    return after and (following is None or (span.page, span.start) < (following.page, following.start))


def _stretches(
    pages: tuple[FoldedText, ...], numbers: tuple[int, ...], spans: tuple[Span, ...]
) -> tuple[Stretch, ...]:
    """The folded stretches of ``spans`` (spans of pages not in the document are skipped)."""
    index = {number: i for i, number in enumerate(numbers)}
    return tuple(
        Stretch(
            index[span.page],
            pages[index[span.page]].folded_offset(span.start),
            pages[index[span.page]].folded_offset(span.end),
        )
        for span in spans
        if span.page in index
    )


def _touches(stretches: tuple[Stretch, ...], index: int, start: int, end: int) -> bool:
    return any(s.index == index and s.start < end and start < s.end for s in stretches)
