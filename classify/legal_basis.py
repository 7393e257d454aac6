"""The legal basis of a request: conventions, treaties, reciprocity.

Requests state their basis in the opening paragraph or a "Legal basis" section; later
mentions ("hearing by videoconference under Article 46(18) UNCAC") cite a provision for
a measure, not the basis of the request, and are not read. Without any section the
whole text is read. Reciprocity is the basis only where no treaty or convention is named
(taxonomy.md: "reciprocity or international comity, no treaty"): beside a convention,
"Gegenseitigkeit wird zugesichert" or "con assicurazione di reciprocità" is the letter's
courtesy, not its basis; "under the Convention and the principle of reciprocity" names both.
"""

from __future__ import annotations

import re

from classify.document import FoldedDocument, Hit, Region, Stretch
from classify.evidence import labels_from_hits, longest_hits
from classify.phrases import PhraseTable
from classify.sections import Section
from rogatory.records import Label

CONFIDENCE = 0.85
RECIPROCITY = "reciprocity"
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")
#: Sections that may stand before or hold the statement of the legal basis.
OPENING_KINDS: tuple[str, ...] = ("other", "requesting_authority", "legal_basis")


def find_legal_basis(
    document: FoldedDocument, sections: list[Section], table: PhraseTable
) -> tuple[Label, ...]:
    """One Label per legal basis id the request rests on, in order of first mention."""
    hits = longest_hits(document.find(table, basis_region(document, sections)))
    treaties = [hit for hit in hits if hit.key != RECIPROCITY]
    hits = [
        hit
        for hit in hits
        if hit.key != RECIPROCITY or not treaties or any(_same_sentence(document, hit, t) for t in treaties)
    ]
    return labels_from_hits(hits, confidence=CONFIDENCE, field="legal_basis")


def _same_sentence(document: FoldedDocument, first: Hit, second: Hit) -> bool:
    """Both hits stand in one sentence ("under the Convention and the principle of reciprocity")."""
    if first.index != second.index:
        return False
    low, high = sorted((first, second), key=lambda hit: hit.start)
    return _SENTENCE_END.search(document.pages[first.index].text, low.end, high.start) is None


def basis_region(document: FoldedDocument, sections: list[Section]) -> Region:
    """The opening of the request (up to its first substantive section) and legal-basis sections."""
    body = next((s for s in sections if s.kind not in OPENING_KINDS), None)
    if body is None:
        return document.whole()
    opening = [Stretch(i, 0, len(document.pages[i].text)) for i in range(body.heading.index)]
    opening.append(Stretch(body.heading.index, 0, body.heading.start))
    stretches = list(opening)
    for section in sections:
        if section.kind == "legal_basis" and section.heading.position >= body.heading.position:
            stretches.extend(section.body.stretches)
    return Region(tuple(stretches))
