"""Analyses built by hand from the records, and requests registered with them, for storage and web
tests (the stages are not needed)."""

from __future__ import annotations

import hashlib

from rogatory.records import (
    Analysis,
    Classification,
    Completeness,
    DocumentText,
    ElementCheck,
    Entities,
    Entity,
    EntityKind,
    Label,
    PageText,
    RoutingDecision,
    Span,
    TextSource,
)
from rogatory.registration import Status
from rogatory.sources import MediaType
from storage.database import Database
from storage.registry import register, save_analysis, set_status


def make_analysis(
    pages: list[str],
    *,
    language: str = "fr",
    route_to: str = "prosecutor_general",
    needs_review: bool = False,
    requesting_state: str | None = "FR",
    notify: tuple[str, ...] = (),
) -> Analysis:
    """An analysis of a document with these page texts and these decisions."""
    text = DocumentText(
        pages=tuple(
            PageText(number=index, text=page, source=TextSource.TEXT_LAYER, confidence=1.0, language=language)
            for index, page in enumerate(pages, start=1)
        ),
        language=language,
        language_confidence=0.9,
    )
    first_word = pages[0].split()[0] if pages and pages[0].split() else "x"
    person = Entity(
        kind=EntityKind.PERSON,
        value=first_word,
        span=Span(page=1, start=0, end=len(first_word), text=first_word),
        method="test",
        confidence=0.8,
        attributes={"role": "suspect"},
    )
    classification = Classification(
        request_type=Label(value="mla", confidence=0.9, rule="test"),
        proceeding_type=Label(value="criminal", confidence=0.9),
        measures=(Label(value="bank_records", confidence=0.7),),
        offences=(Label(value="art23", confidence=0.6),),
        requesting_state=Label(value=requesting_state, confidence=0.9) if requesting_state else None,
        urgent=Label(value="false", confidence=0.5),
    )
    return Analysis(
        text=text,
        entities=Entities(items=(person,)),
        classification=classification,
        completeness=Completeness(checks=(ElementCheck(element="authority", present=True),)),
        routing=RoutingDecision(route_to=route_to, notify=notify, confidence=0.7, needs_review=needs_review),
    )


def add_request(
    db: Database,
    label: str,
    analysis: Analysis | None = None,
    *,
    status: Status | None = None,
    filename: str | None = None,
    content: bytes | None = None,
) -> str:
    """Register a request, then save its analysis and status; returns its number.

    The content is ``label``'s bytes unless ``content`` is given.
    """
    data = label.encode() if content is None else content
    number = register(
        db,
        sha256=hashlib.sha256(data).hexdigest(),
        filename=filename or label,
        size=len(data),
        media_type=MediaType.PDF,
        source="cli",
    ).registration.number
    if analysis is not None:
        save_analysis(db, number, analysis)
    if status is not None:
        set_status(db, number, status)
    return number
