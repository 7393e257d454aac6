"""Request type (MLA or extradition) and proceeding type (criminal, civil, administrative).

Extradition is decided by distinct extradition cues ("provisional arrest", "person
sought", "rule of speciality", ...): one alone is not enough, since an MLA request may
come from an "International Cooperation and Extradition Unit"; but one phrase naming the
document itself ("European arrest warrant", "Europäischer Haftbefehl", "demande
d'extradition": the lexicons' ``extradition_document``) is. The proceeding type is
the first civil or administrative cue of the text (titles and the subject-matter section
come first; a later "civil or administrative proceedings" in the purpose names both),
and criminal otherwise. Signals that disagree lower the confidence below the review
threshold: cues of two proceeding types, or a ticked box of the form naming another
type than the wording.
"""

from __future__ import annotations

from collections.abc import Iterable

from classify.document import FoldedDocument, Hit
from classify.lexicon import EXTRADITION_DOCUMENT
from classify.phrases import PhraseTable
from rogatory.folding import fold
from rogatory.records import DocumentStructure, Label

#: Distinct extradition phrases needed to call a request an extradition request.
EXTRADITION_CUES = 2
#: The proceeding type's confidence when the signals disagree (below the review threshold).
DISAGREEING = 0.4
PROCEEDING_TYPES = ("civil", "administrative", "criminal")


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


def decide_proceeding_type(
    document: FoldedDocument, table: PhraseTable, structure: DocumentStructure | None = None
) -> Label:
    """``civil`` or ``administrative`` from the first such cue, ``criminal`` otherwise.

    The confidence is :data:`DISAGREEING` when the civil or administrative cues are
    no more than the cues of other types (a form listing "civil proceedings" and
    "criminal proceedings" as options), or a ticked box of ``structure`` names another type.
    """
    hits = sorted(document.find(table), key=lambda hit: hit.position)
    ticked = _ticked_types(structure, table)
    label = _decided_type(hits)
    own = [hit for hit in hits if hit.key == label.value]
    other_hits = [hit for hit in hits if hit.key in PROCEEDING_TYPES and hit.key != label.value]
    others = sorted({hit.key for hit in other_hits})
    if ticked and label.value not in ticked:
        return _disagreeing(label, f"a ticked box says {', '.join(sorted(ticked))}")
    if label.value != "criminal" and len(other_hits) >= len(own):
        return _disagreeing(label, f"cues of {', '.join(others)} too")
    return label


def _decided_type(hits: list[Hit]) -> Label:
    for hit in hits:
        if hit.key in ("civil", "administrative"):
            return _label(hit.key, 0.8, [hit], f"first {hit.key} cue")
    criminal = [hit for hit in hits if hit.key == "criminal"]
    return _label("criminal", 0.9 if criminal else 0.6, criminal, "criminal (no civil or administrative cue)")


def _ticked_types(structure: DocumentStructure | None, table: PhraseTable) -> set[str]:
    """The proceeding types named by the ticked options of a form."""
    if structure is None:
        return set()
    return {
        match.key
        for box in structure.ticked()
        for match in table.find(fold(box.span.text).text)
        if match.key in PROCEEDING_TYPES
    }


def _disagreeing(label: Label, why: str) -> Label:
    confidence = min(label.confidence, DISAGREEING)
    return label.model_copy(
        update={"confidence": confidence, "rule": f"{label.rule}; signals disagree: {why}"}
    )


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
