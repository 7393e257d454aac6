"""What a form's tick boxes say: which stretches of its text count against, which count for.

Pure; used once, when a document is folded (classify/document.py ``fold_document``), so
that every lexicon search of every classifier sees the same thing. An option that is
not ticked is evidence against, never for: its label counts for nothing ("☐ civil
proceedings"). So does the question of a Yes/No pair answered no ("Urgent: ☐ Yes ☒ No",
"Urgence : ( ) oui (x) non") and a ticked option that is itself a negation
("[X] No urgente", "☒ Nicht dringend"). A ticked option counts, strongly.
"""

from __future__ import annotations

from collections import defaultdict

from rogatory.folding import fold
from rogatory.records import BoxState, DocumentStructure, Span, TickBox

#: The answers "yes" and "no" of a Yes/No pair, in the eight languages (folded).
YES: frozenset[str] = frozenset({"yes", "oui", "si", "sim", "да", "نعم", "ja", "y"})
NO: frozenset[str] = frozenset({"no", "non", "nao", "нет", "لا", "nein", "n"})
#: Words that open a negated option ("No urgente", "Non urgent", "Не срочно"), folded.
NEGATIONS: frozenset[str] = frozenset(
    {
        "no",
        "not",
        "non",
        "nao",
        "nicht",
        "kein",
        "keine",
        "не",
        "нет",
        "غير",
        "لا",
        "sin",
        "sans",
        "senza",
        "sem",
        "ohne",
        "без",
    }
)
_PUNCTUATION = " \t.,;:!?()[]"


def against_spans(structure: DocumentStructure) -> tuple[Span, ...]:
    """The spans of the text that count for nothing: see the module docstring."""
    spans = [box.span for box in structure.unticked()]
    spans.extend(box.span for box in structure.ticked() if _negated(box.span.text))
    for boxes in _pairs(structure.boxes):
        question = boxes[0].question_span
        if question is not None and _answered_no(boxes):
            spans.append(question)
    return tuple(spans)


def denied_spans(structure: DocumentStructure) -> tuple[Span, ...]:
    """What the form answers no to: ticked negated options ("[X] No urgente") and the
    questions of Yes/No pairs answered no ("Urgent: ( ) Yes (x) No"); an unticked option
    denies nothing (it is only no evidence)."""
    spans = [
        box.span for box in structure.ticked() if _negated(box.span.text) and len(box.span.text.split()) > 1
    ]
    for boxes in _pairs(structure.boxes):
        question = boxes[0].question_span
        if (
            question is not None
            and any(box.state == BoxState.TICKED for box in boxes)
            and _answered_no(boxes)
        ):
            spans.append(question)
    return tuple(spans)


def ticked_spans(structure: DocumentStructure) -> tuple[Span, ...]:
    """The labels of the ticked options (not negated) and the questions answered yes."""
    spans = [box.span for box in structure.ticked() if not _negated(box.span.text)]
    for boxes in _pairs(structure.boxes):
        question = boxes[0].question_span
        if question is not None and _answered_yes(boxes):
            spans.append(question)
    return tuple(spans)


def _pairs(boxes: tuple[TickBox, ...]) -> list[tuple[TickBox, ...]]:
    """The groups of boxes of one question whose options are all a yes or a no."""
    groups: dict[tuple[int, int], list[TickBox]] = defaultdict(list)
    for box in boxes:
        if box.question_span is not None:
            groups[(box.question_span.page, box.question_span.start)].append(box)
    return [
        tuple(group)
        for group in groups.values()
        if all(_answer(box) in YES | NO for box in group) and any(_answer(box) in NO for box in group)
    ]


def _answered_no(boxes: tuple[TickBox, ...]) -> bool:
    ticked = {_answer(box) for box in boxes if box.state == BoxState.TICKED}
    unticked = {_answer(box) for box in boxes if box.state == BoxState.UNTICKED}
    return (bool(ticked & NO) and not ticked & YES) or (not ticked and bool(unticked & YES))


def _answered_yes(boxes: tuple[TickBox, ...]) -> bool:
    ticked = {_answer(box) for box in boxes if box.state == BoxState.TICKED}
    return bool(ticked & YES) and not ticked & NO


def _answer(box: TickBox) -> str:
    return fold(box.span.text).text.strip(_PUNCTUATION)


def _negated(label: str) -> bool:
    """A negated option ("No urgente") or a bare "no" answer ("Nein"), which affirms nothing."""
    words = [word.strip(_PUNCTUATION) for word in fold(label).text.split()]
    if len(words) == 1:
        return words[0] in NO
    return len(words) > 1 and words[0] in NEGATIONS
