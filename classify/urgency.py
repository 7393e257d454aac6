"""Urgency and deadline: urgent wording, or a date before which the request must be executed.

The dates are the DATE entities of the entity stage, whose ``role`` attribute says what
the text makes of them; a deadline, hearing, limitation or detention date is a date the
request must be executed before, and the earliest of them is the deadline. Urgent
wording is read outside headings (a heading "Urgency and time limits" asks nothing by
itself), and a negated phrase ("not time-barred", "not urgent") cancels what it covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from classify.document import FoldedDocument, Hit
from classify.phrases import PhraseTable
from classify.sections import Section
from rogatory.records import Entities, Entity, EntityKind, Label, Span

DEADLINE_ROLES: tuple[str, ...] = ("deadline", "hearing", "limitation", "detention")


@dataclass(frozen=True)
class Urgency:
    """Whether the request is urgent, and the date it must be executed before."""

    urgent: Label
    deadline: date | None
    deadline_evidence: tuple[Span, ...]


def decide_urgency(
    document: FoldedDocument, sections: list[Section], table: PhraseTable, entities: Entities
) -> Urgency:
    """Decide urgency from wording and dated entities."""
    wording = _urgent_wording(document, sections, table)
    dated = _deadline_entities(entities)
    deadline = min(dated, key=lambda item: item[0]) if dated else None
    if deadline is not None:
        when, entity = deadline
        role = entity.attributes.get("role", "")
        rule = f"{role} date {when.isoformat()}"
        evidence = (entity.span, *(hit.span for hit in wording[:2]))
        label = Label(value="true", confidence=0.9, evidence=evidence, rule=rule)
        return Urgency(urgent=label, deadline=when, deadline_evidence=(entity.span,))
    if wording:
        phrases = ", ".join(dict.fromkeys(f"'{hit.phrase}'" for hit in wording))
        label = Label(
            value="true",
            confidence=0.8,
            evidence=tuple(hit.span for hit in wording[:3]),
            rule=f"urgency lexicon: {phrases}",
        )
        return Urgency(urgent=label, deadline=None, deadline_evidence=())
    label = Label(value="false", confidence=0.7, rule="no urgent wording and no deadline date")
    return Urgency(urgent=label, deadline=None, deadline_evidence=())


def _urgent_wording(document: FoldedDocument, sections: list[Section], table: PhraseTable) -> list[Hit]:
    hits = document.find(table)
    negations = [hit for hit in hits if hit.key == "not_urgent"]
    headings = [section.heading for section in sections]
    return [
        hit
        for hit in hits
        if hit.key == "urgent"
        and not any(_overlaps(hit, other) for other in negations)
        and not any(_overlaps(hit, heading) for heading in headings)
    ]


def _overlaps(first: Hit, second: Hit) -> bool:
    return first.index == second.index and first.start < second.end and second.start < first.end


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
