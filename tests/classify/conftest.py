"""Builders of records for the classify tests, and classify's resources loaded once per module."""

from __future__ import annotations

import pytest

from classify.resources import ClassifyResources, load_classify_resources
from rogatory.records import DocumentText, Entities, Entity, EntityKind, PageText, Span, TextSource


@pytest.fixture(scope="module")
def resources() -> ClassifyResources:
    """The shipped lexicons and country names, loaded once per test module (as at process start)."""
    return load_classify_resources()


def document(*pages: str, language: str | None = "en") -> DocumentText:
    """A DocumentText of text-layer pages."""
    return DocumentText(
        pages=tuple(
            PageText(number=i, text=text, source=TextSource.TEXT_LAYER, confidence=1.0)
            for i, text in enumerate(pages, start=1)
        ),
        language=language,
    )


def date_entity(value: str, role: str | None, *, page: int = 1) -> Entity:
    """A DATE entity as the entity stage makes it."""
    return Entity(
        kind=EntityKind.DATE,
        value=value,
        span=Span(page=page, start=0, end=10, text=value),
        method="test",
        confidence=0.95,
        attributes={"role": role} if role else {},
    )


def offence_entity(value: str, *, start: int = 0) -> Entity:
    return Entity(
        kind=EntityKind.OFFENCE,
        value=value,
        span=Span(page=1, start=start, end=start + 5, text="xxxxx"),
        method="test",
        confidence=0.8,
    )


NO_ENTITIES = Entities()
