"""Typed records that pass between the stages of the pipeline.

Every stage is a function from records to records (DESIGN.md, principle 1). Records
are frozen pydantic models so that they serialise to JSON for Celery, the database
and the evaluation command without custom code. Identifiers (measures, offences,
authorities, ...) are the strings of ../shared/reference/taxonomy.md.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base of every record: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --- extraction -----------------------------------------------------------------


class TextSource(StrEnum):
    """Where the text of a page came from."""

    TEXT_LAYER = "text_layer"
    OCR = "ocr"
    NONE = "none"


class Word(Record):
    """One recognised word with its box in page-image pixels (OCR pages only)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float = Field(ge=0.0, le=1.0)


class PageText(Record):
    """The text of one page. ``number`` counts from 1."""

    number: int = Field(ge=1)
    text: str
    source: TextSource
    confidence: float = Field(ge=0.0, le=1.0)
    language: str | None = None
    width: int = 0
    height: int = 0
    words: tuple[Word, ...] = ()
    issues: tuple[str, ...] = ()
    rotation: int = Field(default=0, ge=0, lt=360)
    """Degrees the page image was turned clockwise before OCR (its word boxes are of the turned page)."""


class DocumentText(Record):
    """The text of a whole document, page by page, and its main language."""

    pages: tuple[PageText, ...]
    language: str | None = None
    language_confidence: float = 0.0
    issues: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """All pages joined by form feeds, as the corpus format has it."""
        return "\f".join(page.text for page in self.pages)


class EntityKind(StrEnum):
    PERSON = "person"
    ACCOUNT = "account"
    BIC = "bic"
    OFFENCE = "offence"
    DATE = "date"
    STATE = "state"
    AUTHORITY = "authority"
    ORGANISATION = "organisation"
    CASE_REFERENCE = "case_reference"


class Span(Record):
    """A stretch of text on one page: character offsets into that page's text."""

    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(Record):
    """Something found in the text, with its normalised value and where it stands.

    ``value`` is normalised per kind: a person's name as written (whitespace
    collapsed), an account in electronic form (IBAN upper case without spaces,
    other numbers as written without spaces), an offence's taxonomy id, a date in
    ISO 8601, a state's ISO 3166-1 alpha-2 code. ``attributes`` holds kind-specific
    facts as strings: ``latin`` (transliteration), ``valid`` ("true"/"false" for
    IBANs), ``bank``, ``role`` (for dates), ``matched`` (lexicon words), ...
    """

    kind: EntityKind
    value: str
    span: Span
    method: str
    confidence: float = Field(ge=0.0, le=1.0)
    attributes: dict[str, str] = Field(default_factory=dict)


class Entities(Record):
    """Every entity found in a document."""

    items: tuple[Entity, ...] = ()

    def of_kind(self, kind: EntityKind) -> tuple[Entity, ...]:
        return tuple(entity for entity in self.items if entity.kind == kind)


# --- classification -------------------------------------------------------------


class Label(Record):
    """One decided label value, with the evidence that decided it."""

    value: str
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: tuple[Span, ...] = ()
    rule: str = ""


class Classification(Record):
    """What kind of request this is and what it asks for."""

    request_type: Label
    proceeding_type: Label
    measures: tuple[Label, ...] = ()
    offences: tuple[Label, ...] = ()
    legal_basis: tuple[Label, ...] = ()
    requesting_state: Label | None = None
    urgent: Label
    deadline: date | None = None
    deadline_evidence: tuple[Span, ...] = ()

    def values(self, field: str) -> list[str]:
        """The values of a multi-valued field, sorted: ``values("measures")``."""
        labels: tuple[Label, ...] = getattr(self, field)
        return sorted({label.value for label in labels})


class ElementCheck(Record):
    """One completeness element (taxonomy.md ids) and whether the request has it."""

    element: str
    present: bool
    evidence: tuple[Span, ...] = ()
    note: str = ""


class Completeness(Record):
    checks: tuple[ElementCheck, ...]

    @property
    def missing(self) -> list[str]:
        return sorted(check.element for check in self.checks if not check.present)


class ConditionResult(Record):
    """How one condition of a routing rule was evaluated."""

    field: str
    operator: str
    expected: tuple[str, ...]
    actual: tuple[str, ...]
    held: bool
    evidence: tuple[Span, ...] = ()


class RuleResult(Record):
    name: str
    authority: str
    held: bool
    conditions: tuple[ConditionResult, ...] = ()


class RoutingDecision(Record):
    """Where the request goes, why, and how sure the service is."""

    route_to: str
    notify: tuple[str, ...] = ()
    rule: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    needs_review: bool = False
    reasons: tuple[str, ...] = ()
    rules: tuple[RuleResult, ...] = ()


class Analysis(Record):
    """Everything the pipeline decided about one document."""

    text: DocumentText
    entities: Entities
    classification: Classification
    completeness: Completeness
    routing: RoutingDecision
