"""The assistance sought: measure phrases of the assistance section mapped to taxonomy ids.

Requests list the assistance sought in a section ("Assistance requested", "MESURES
SOLLICITÉES", "Запрашиваемая помощь"); only that section is read, so that the facts
("bank records obtained in Uganda show ...") do not count as requests. Without such a
section the whole text is read with a lower confidence. Within one item of the list, a
hearing by videoconference is the videoconference measure, not also taking evidence.
"""

from __future__ import annotations

import re

from classify.document import FoldedDocument, Hit, Region
from classify.evidence import labels_from_hits, longest_hits
from classify.phrases import PhraseTable
from classify.sections import Section, sections_of
from rogatory.records import Label

IN_SECTION = 0.9
WITHOUT_SECTION = 0.5
#: A measure that, in the same item of the list, absorbs the other.
ABSORBS: dict[str, tuple[str, ...]] = {"videoconference": ("taking_evidence",)}
_ITEM_BREAK = re.compile(r"\n\s*(?:\(?(?:\d{1,2}|[a-z])[.)]|[-–•])\s")


def find_measures(document: FoldedDocument, sections: list[Section], table: PhraseTable) -> tuple[Label, ...]:
    """The measures sought, one Label per taxonomy id, in order of first mention."""
    wanted = sections_of(sections, "assistance_sought")
    if wanted:
        region = Region(tuple(stretch for section in wanted for stretch in section.body.stretches))
        confidence = IN_SECTION
    else:
        region = document.whole()
        confidence = WITHOUT_SECTION
    hits = _absorb(document, longest_hits(document.find(table, region)))
    return labels_from_hits(hits, confidence=confidence, field="measures")


def _absorb(document: FoldedDocument, hits: list[Hit]) -> list[Hit]:
    """Drop hits absorbed by another measure of the same item (see :data:`ABSORBS`)."""
    return [
        hit for hit in hits if not any(_same_item(document, hit, other) for other in _absorbers(hit, hits))
    ]


def _absorbers(hit: Hit, hits: list[Hit]) -> list[Hit]:
    return [other for other in hits if hit.key in ABSORBS.get(other.key, ())]


def _same_item(document: FoldedDocument, first: Hit, second: Hit) -> bool:
    if first.index != second.index:
        return False
    start, end = sorted((first.start, second.start))
    return _ITEM_BREAK.search(document.pages[first.index].text, start, end) is None
