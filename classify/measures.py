"""The assistance sought: measure phrases of the assistance section mapped to taxonomy ids.

Requests list the assistance sought in a section ("Assistance requested", "MESURES
SOLLICITÉES", "Запрашиваемая помощь"); only that section is read, so that the facts
("bank records obtained in Uganda show ...") do not count as requests. Without such a
section the whole text is read, and the measures found are firm evidence only when one
of them stands in a sentence that asks for something ("we request", "sollicite",
"просит": the lexicon's ``asking`` words); when nothing asks for them they are weak
evidence, below the review threshold. (Keeping only the asked-for measures lost more
true measures than it dropped false ones on the letters rogatory: F1 0.926 -> 0.897.)
Within one item of the list, a hearing by videoconference is the videoconference
measure, not also taking evidence. A measure phrase alone in brackets is a person's role
("(account holder)"), not a measure.
"""

from __future__ import annotations

import re

from classify.document import FoldedDocument, Hit, Region
from classify.evidence import labels_from_hits, longest_hits
from classify.lexicon import ASKING
from classify.phrases import PhraseTable
from classify.sections import Section, sections_of
from rogatory.records import Label

IN_SECTION = 0.9
#: Measures of a sentence that asks, in a request without an assistance section.
IN_ASKING_SENTENCE = 0.8
#: Measures found anywhere in a request where nothing asks for them: weak evidence.
WITHOUT_SECTION = 0.4
#: A measure that, in the same item of the list, absorbs the other.
ABSORBS: dict[str, tuple[str, ...]] = {"videoconference": ("taking_evidence",)}
_ITEM_BREAK = re.compile(r"\n\s*(?:\(?(?:\d{1,2}|[a-z])[.)]|[-–•])\s")
#: Where a sentence ends: a full stop (or ? ! ؟) before a space, or a blank line (";" parts a list).
#: A line that is an item of a list: "1. ", "(b) ", "ii) ", "- ", "• ", Arabic "أولاً: " (folded).
_LIST_ITEM = re.compile(
    r"\s*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|[-–•]"
    r"|(?:اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا)\s*[:.\-]?)\s"
)
#: Where a sentence ends (a blank line, or . ! ? ؟ before a space), not at the dot of a
#: one-letter abbreviation ("S.c.a.r.l. e", "J. Smith").
_SENTENCE_END = re.compile(r"(?<![\s.]\w)[.!?؟]\s|\n\s*\n")


def find_measures(document: FoldedDocument, sections: list[Section], table: PhraseTable) -> tuple[Label, ...]:
    """The measures sought, one Label per taxonomy id, in order of first mention."""
    wanted = sections_of(sections, "assistance_sought")
    if wanted:
        region = Region(tuple(stretch for section in wanted for stretch in section.body.stretches))
        hits = _measure_hits(document, document.find(table, region))
        return labels_from_hits(hits, confidence=IN_SECTION, field="measures")
    found = document.find(table)
    hits = _measure_hits(document, found)
    asking = [hit for hit in found if hit.key == ASKING]
    asked = [hit for hit in hits if _asked(document, hit, asking)]
    if asked:
        return labels_from_hits(asked, confidence=IN_ASKING_SENTENCE, field="measures (a sentence asks)")
    return labels_from_hits(hits, confidence=WITHOUT_SECTION, field="measures (nothing asks for them)")


def _measure_hits(document: FoldedDocument, found: list[Hit]) -> list[Hit]:
    hits = [hit for hit in found if hit.key != ASKING and not _role(document, hit)]
    return _absorb(document, longest_hits(hits))


def _role(document: FoldedDocument, hit: Hit) -> bool:
    """The phrase alone in brackets, a person's role after the name ("Amaka GALEA (account
    holder)"), describes the person; it asks for nothing."""
    text = document.pages[hit.index].text
    return text[: hit.start].rstrip().endswith("(") and text[hit.end :].lstrip().startswith(")")


def _asked(document: FoldedDocument, hit: Hit, asking: list[Hit]) -> bool:
    """The measure is asked for: a ticked option, an item of a list, or a sentence that asks."""
    if hit.ticked or _in_list_item(document, hit):
        return True
    return any(_same_sentence(document, hit, cue) for cue in asking)


def _in_list_item(document: FoldedDocument, hit: Hit) -> bool:
    text = document.pages[hit.index].text
    line_start = text.rfind("\n", 0, hit.start) + 1
    return _LIST_ITEM.match(text, line_start) is not None


def _same_sentence(document: FoldedDocument, first: Hit, second: Hit) -> bool:
    if first.index != second.index:
        return False
    start, end = sorted((first.start, second.start))
    return _SENTENCE_END.search(document.pages[first.index].text, start, end) is None


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
