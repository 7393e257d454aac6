"""Urgency and deadline: urgent wording, or a date before which the request must be executed.

The dates are the DATE entities of the entity stage, whose ``role`` attribute says what
the text makes of them; a deadline, hearing, limitation or detention date is a date the
request must be executed before, and the earliest of them is the deadline. A date that
cannot be one (before the document's own date, or more than :data:`MAX_YEARS_AHEAD` years
after it: an OCR'd 2626 for 2026) is refused and named in the label's rule; the
document's own date is the latest date the text gives no role. Urgent
wording is read outside headings (a heading "Urgency and time limits" asks nothing by
itself), and a negated phrase ("not time-barred", "not urgent") or a form label naming
urgency as its topic ("Reasons for urgency:", "Motivos de la urgencia:") cancels what it covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from classify.document import FoldedDocument, Hit
from classify.phrases import PhraseTable
from classify.sections import Section
from classify.tick_boxes import denied_spans
from rogatory.folding import fold
from rogatory.records import DocumentStructure, Entities, Entity, EntityKind, Label, Span

DEADLINE_ROLES: tuple[str, ...] = ("deadline", "hearing", "limitation", "detention")
#: How far after the document's own date a deadline may lie.
MAX_YEARS_AHEAD = 3
#: The urgency's confidence when a form's box and the wording disagree (below the review threshold).
DISAGREEING = 0.4


@dataclass(frozen=True)
class Urgency:
    """Whether the request is urgent, and the date it must be executed before."""

    urgent: Label
    deadline: date | None
    deadline_evidence: tuple[Span, ...]


def decide_urgency(
    document: FoldedDocument,
    sections: list[Section],
    table: PhraseTable,
    entities: Entities,
    structure: DocumentStructure | None = None,
) -> Urgency:
    """Decide urgency from wording and dated entities; a form's box answering "not urgent"
    against urgent wording or a deadline leaves the label at :data:`DISAGREEING` (review)."""
    urgency = _decided_urgency(document, sections, table, entities)
    denied = _denied(structure, table)
    if urgency.urgent.value == "true" and denied:
        label = urgency.urgent
        why = f"; signals disagree: the form answers '{denied[0].text}' no"
        label = label.model_copy(
            update={"confidence": min(label.confidence, DISAGREEING), "rule": label.rule + why}
        )
        return Urgency(urgent=label, deadline=urgency.deadline, deadline_evidence=urgency.deadline_evidence)
    return urgency


def _denied(structure: DocumentStructure | None, table: PhraseTable) -> list[Span]:
    """The form's answers that the request is not urgent (a ticked "[X] No urgente", a
    ticked "No" to "Urgent:")."""
    if structure is None:
        return []
    return [span for span in denied_spans(structure) if table.find(fold(span.text).text)]


def _decided_urgency(
    document: FoldedDocument, sections: list[Section], table: PhraseTable, entities: Entities
) -> Urgency:
    wording = _urgent_wording(document, sections, table)
    written = _document_date(entities)
    dated, refused = _plausible(_deadline_entities(entities), written)
    note = "".join(
        f"; {entity.attributes.get('role')} date {when.isoformat()} refused: {why}"
        for when, entity, why in refused
    )
    deadline = min(dated, key=lambda item: item[0]) if dated else None
    if deadline is not None:
        when, entity = deadline
        role = entity.attributes.get("role", "")
        rule = f"{role} date {when.isoformat()}{note}"
        evidence = (entity.span, *(hit.span for hit in wording[:2]))
        label = Label(value="true", confidence=0.9, evidence=evidence, rule=rule)
        return Urgency(urgent=label, deadline=when, deadline_evidence=(entity.span,))
    # A limit refused as years ahead is a misread deadline (OCR's 2626): urgent all the same.
    # One before the document's date is a past date the text called a limit: no urgency.
    ahead = [item for item in refused if written is not None and item[0] > written]
    wording = wording or _ticked_urgency_options(document, sections)
    if wording or ahead:
        phrases = ", ".join(dict.fromkeys(f"'{hit.phrase}'" for hit in wording))
        evidence = tuple(hit.span for hit in wording[:3]) + tuple(entity.span for _, entity, _ in ahead[:1])
        label = Label(
            value="true",
            confidence=0.8 if wording else 0.6,
            evidence=evidence,
            rule=f"urgency lexicon: {phrases}{note}" if wording else f"a dated limit, unreadable{note}",
        )
        return Urgency(urgent=label, deadline=None, deadline_evidence=())
    label = Label(value="false", confidence=0.7, rule=f"no urgent wording and no deadline date{note}")
    return Urgency(urgent=label, deadline=None, deadline_evidence=())


def _urgent_wording(document: FoldedDocument, sections: list[Section], table: PhraseTable) -> list[Hit]:
    hits = document.find(table)
    negations = [hit for hit in hits if hit.key in ("not_urgent", "urgency_topic")]
    headings = [section.heading for section in sections if not _ticked_under(document, section)]
    return [
        hit
        for hit in hits
        if hit.key == "urgent"
        and not any(_overlaps(hit, other) for other in negations)
        and not any(_overlaps(hit, heading) for heading in headings)
        and not document.in_title(hit)
    ]


def _ticked_urgency_options(document: FoldedDocument, sections: list[Section]) -> list[Hit]:
    """The ticked options right under an urgency heading ("SECTION B: Dringlichkeit" over
    "(x) Die Vermögensgegenstände drohen beiseitegeschafft zu werden"): a form's reason for
    urgency, whatever its words."""
    return [
        hit
        for section in sections
        if section.kind == "urgency"
        for hit in _ticked_right_under(document, section)
    ]


def _ticked_right_under(document: FoldedDocument, section: Section) -> list[Hit]:
    """The ticked options that follow the section's heading (after at most one question
    line), not a later part's boxes the section runs over (a part whose heading no
    lexicon names: "РАЗДЕЛ C: Имущество" under "РАЗДЕЛ B: Срочность")."""
    if not section.body.stretches:
        return []
    found: list[Hit] = []
    first = section.body.stretches[0]
    text = document.pages[first.index].text
    start, questions = first.start, 0
    while start < first.end:
        end = text.find("\n", start)
        end = first.end if end == -1 or end > first.end else end
        line = text[start:end]
        if line.strip() and not document.in_option(first.index, start, end):
            questions += 1
            if questions > 1 or not line.rstrip().endswith(":"):
                break
        elif any(t.index == first.index and t.start < end and start < t.end for t in document.ticked):
            found.append(document.hit("urgent", "a ticked reason for urgency", first.index, start, end))
        start = end + 1
    return found


def _ticked_under(document: FoldedDocument, section: Section) -> bool:
    """A ticked option stands right under the heading ("SECTION B: Urgency" over "(x) Imminent
    trial date" asks for urgency; over empty boxes it is a title only)."""
    return bool(_ticked_right_under(document, section))


def _overlaps(first: Hit, second: Hit) -> bool:
    return first.index == second.index and first.start < second.end and second.start < first.end


def _document_date(entities: Entities) -> date | None:
    """The document's own date: the latest date the text gives no role (a letter's date,
    a form's signature date; the facts' dates come before it)."""
    dates = []
    for entity in entities.of_kind(EntityKind.DATE):
        if entity.attributes.get("role"):
            continue
        try:
            dates.append(date.fromisoformat(entity.value))
        except ValueError:
            continue
    return max(dates, default=None)


def _plausible(
    dated: list[tuple[date, Entity]], written: date | None
) -> tuple[list[tuple[date, Entity]], list[tuple[date, Entity, str]]]:
    """The dates that can be a deadline, and those refused with the reason."""
    kept: list[tuple[date, Entity]] = []
    refused: list[tuple[date, Entity, str]] = []
    for when, entity in dated:
        if written is not None and when < written:
            refused.append((when, entity, f"before the document's date {written.isoformat()}"))
        elif written is not None and when.year - written.year > MAX_YEARS_AHEAD:
            refused.append((when, entity, f"more than {MAX_YEARS_AHEAD} years after {written.isoformat()}"))
        else:
            kept.append((when, entity))
    return kept, refused


def _deadline_entities(entities: Entities) -> list[tuple[date, Entity]]:
    found: list[tuple[date, Entity]] = []
    for entity in entities.of_kind(EntityKind.DATE):
        if entity.attributes.get("role") not in DEADLINE_ROLES:
            continue
        try:
            found.append((date.fromisoformat(entity.value), entity))
        except ValueError:
            continue
    return found
