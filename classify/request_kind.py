"""Request type (MLA or extradition) and proceeding type (criminal, civil, administrative).

Extradition is decided by distinct extradition cues ("provisional arrest", "person
sought", "rule of speciality", ...): one alone is not enough, since an MLA request may
come from an "International Cooperation and Extradition Unit"; but one phrase naming the
document itself ("European arrest warrant", "Europäischer Haftbefehl", "demande
d'extradition": the lexicons' ``extradition_document``) is. The proceeding type is
the first civil or administrative cue of the text (titles and the subject-matter section
come first; a later "civil or administrative proceedings" in the purpose names both),
and criminal otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable

from classify.document import FoldedDocument, Hit
from classify.lexicon import EXTRADITION_DOCUMENT
from classify.phrases import PhraseTable
from rogatory.records import Label

#: Distinct extradition phrases needed to call a request an extradition request.
EXTRADITION_CUES = 2


def decide_request_type(document: FoldedDocument, table: PhraseTable) -> Label:
    """``extradition`` or ``mla``, with the cues that decided it."""
    hits = document.find(table)
    named = _distinct(hit for hit in hits if hit.key == EXTRADITION_DOCUMENT)
    extradition = _distinct(hit for hit in hits if hit.key in ("extradition", EXTRADITION_DOCUMENT))
    mla = _distinct(hit for hit in hits if hit.key == "mla")
    if named:
        return _label(
            "extradition", 0.95, list(named.values()), "the document is a warrant or request for surrender"
        )
    if len(extradition) >= EXTRADITION_CUES:
        confidence = min(0.95, 0.6 + 0.1 * len(extradition))
        return _label("extradition", confidence, list(extradition.values()), "extradition cues")
    confidence = 0.9 if mla and not extradition else 0.7
    return _label("mla", confidence, list(mla.values()), "mutual legal assistance (default)")


def decide_proceeding_type(document: FoldedDocument, table: PhraseTable) -> Label:
    """``civil`` or ``administrative`` from the first such cue, ``criminal`` otherwise."""
    hits = sorted(document.find(table), key=lambda hit: hit.position)
    for hit in hits:
        if hit.key in ("civil", "administrative"):
            return _label(hit.key, 0.8, [hit], f"first {hit.key} cue")
    criminal = [hit for hit in hits if hit.key == "criminal"]
    return _label("criminal", 0.9 if criminal else 0.6, criminal, "criminal (no civil or administrative cue)")


def _distinct(hits: Iterable[Hit]) -> dict[str, Hit]:
    found: dict[str, Hit] = {}
    for hit in hits:
        found.setdefault(hit.phrase, hit)
    return found


def _label(value: str, confidence: float, hits: list[Hit], rule: str) -> Label:
    phrases = ", ".join(dict.fromkeys(f"'{hit.phrase}'" for hit in hits))
    return Label(
        value=value,
        confidence=confidence,
        evidence=tuple(hit.span for hit in hits[:3]),
        rule=f"{rule}: {phrases}" if phrases else rule,
    )
