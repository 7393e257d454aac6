"""Typed records that pass between the stages of the pipeline.

Every stage is a function from records to records (DESIGN.md, principle 1). Records
are frozen pydantic models so that they serialise to JSON for Celery, the database
and the evaluation command without custom code. Identifiers (measures, offences,
authorities, ...) are the strings of ../shared/reference/taxonomy.md.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Record(BaseModel):
    """Base of every record: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --- issues ---------------------------------------------------------------------


class IssueStage(StrEnum):
    """The stage that reported an issue."""

    TEXT = "text"
    """Reading the pages: text layers, rendering, decoding, OCR (extract/)."""
    LANGUAGE = "language"
    """Language detection of the whole document (extract/)."""
    PAGE_TASK = "page_task"
    """A page OCR'd by a task of its own, when the task cannot read it (workers/page_jobs.py)."""
    UNKNOWN = "unknown"
    """An issue saved as a plain string, before issues were records."""


class IssueCode(StrEnum):
    """What went wrong, as a stable code (the message says it to the clerk)."""

    PAGE_DAMAGED = "page_damaged"
    PAGE_TOO_LARGE = "page_too_large"
    PAGE_UNRENDERABLE = "page_unrenderable"
    PAGE_UNREADABLE = "page_unreadable"
    OCR_FAILED = "ocr_failed"
    OCR_TIMEOUT = "ocr_timeout"
    NO_TEXT = "no_text"
    ORIGINAL_UNUSABLE = "original_unusable"
    INTERNAL_ERROR = "internal_error"
    LANGUAGE_UNKNOWN = "language_unknown"
    LEGACY = "legacy"
    """A plain-string issue of an analysis saved before issues were records."""


#: The codes of a page that could not be read: it is empty, its text is lost to every stage.
UNREADABLE_PAGE_CODES = frozenset(
    {
        IssueCode.PAGE_DAMAGED,
        IssueCode.PAGE_TOO_LARGE,
        IssueCode.PAGE_UNRENDERABLE,
        IssueCode.PAGE_UNREADABLE,
        IssueCode.OCR_FAILED,
        IssueCode.OCR_TIMEOUT,
        IssueCode.NO_TEXT,
        IssueCode.ORIGINAL_UNUSABLE,
        IssueCode.INTERNAL_ERROR,
    }
)


class Issue(Record):
    """A problem a stage met and carried on past: partial success as data (STYLE.md, 7).

    ``page`` counts from 1 (``None`` for the whole document); ``message`` is shown to
    the clerk as it is. A plain string (an analysis or page saved before issues were
    records) loads as an issue of stage ``unknown``, code ``legacy``, that message.
    """

    stage: IssueStage
    code: IssueCode
    page: int | None = Field(default=None, ge=1)
    message: str

    @model_validator(mode="before")
    @classmethod
    def _from_legacy_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"stage": IssueStage.UNKNOWN, "code": IssueCode.LEGACY, "message": data}
        return data

    @property
    def unreadable_page(self) -> bool:
        """Whether this issue says its page could not be read (:data:`UNREADABLE_PAGE_CODES`)."""
        return self.page is not None and self.code in UNREADABLE_PAGE_CODES


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


class Span(Record):
    """A stretch of text on one page: character offsets into that page's text."""

    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class BoxState(StrEnum):
    """The state of a tick box: an option that is not ticked is evidence against, never for."""

    TICKED = "ticked"
    UNTICKED = "unticked"
    UNKNOWN = "unknown"


class DrawnBox(Record):
    """A tick box found on a page image (a scan), in page-image pixels, with its state.

    ``word`` is the index in the page's ``words`` of the first word of the option the box
    stands before (``None`` when no word is beside it).
    """

    left: int
    top: int
    width: int
    height: int
    state: BoxState
    ink: float = Field(ge=0.0, le=1.0)
    """Share of dark pixels inside the box (its border excluded)."""
    word: int | None = None


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
    issues: tuple[Issue, ...] = ()
    boxes: tuple[DrawnBox, ...] = ()
    """Tick boxes drawn on the page image (OCR pages only; printed glyphs are read from the text)."""
    rotation: int = Field(default=0, ge=0, lt=360)
    """Degrees the page image was turned clockwise before OCR (its word boxes are of the turned page)."""


class TickBox(Record):
    """One option of a form with its box: the option's words and whether it is ticked.

    ``span`` covers the option's label (not the box); ``question`` is the label or heading the
    option answers ("Type of proceedings", "Urgent"), empty when none is found. ``method``:
    ``glyph`` (a printed ☐ ☒ [X] ...) or ``image`` (a box drawn on a scan).
    """

    span: Span
    state: BoxState
    method: str
    question: str = ""
    question_span: Span | None = None
    """Where ``question`` stands (the text before the line's first box, or the line above)."""


class FormField(Record):
    """A label-value field ("Name: ...", "Nom :", "Фамилия:", "الاسم:")."""

    label: Span
    value: Span


class SectionHeading(Record):
    """A heading of a part of the request, numbered ("3.", "B.", "(e)", "III") or not."""

    span: Span
    number: str = ""


class DocumentStructure(Record):
    """The parts of a request recovered from its text and word boxes (extract/structure.py)."""

    headings: tuple[SectionHeading, ...] = ()
    fields: tuple[FormField, ...] = ()
    boxes: tuple[TickBox, ...] = ()

    def unticked(self) -> tuple[TickBox, ...]:
        return tuple(box for box in self.boxes if box.state == BoxState.UNTICKED)

    def ticked(self) -> tuple[TickBox, ...]:
        return tuple(box for box in self.boxes if box.state == BoxState.TICKED)


class DocumentText(Record):
    """The text of a whole document, page by page, and its main language."""

    pages: tuple[PageText, ...]
    language: str | None = None
    language_confidence: float = 0.0
    issues: tuple[Issue, ...] = ()
    structure: DocumentStructure = DocumentStructure()

    @property
    def text(self) -> str:
        """All pages joined by form feeds, as the corpus format has it."""
        return "\f".join(page.text for page in self.pages)

    @property
    def unreadable_pages(self) -> tuple[int, ...]:
        """The numbers of the pages that could not be read (an issue of :data:`UNREADABLE_PAGE_CODES`)."""
        return tuple(
            page.number for page in self.pages if any(issue.unreadable_page for issue in page.issues)
        )


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


class AnnexReading(Record):
    """One annex of a request read like a document: its text, language and entities (issue 19).

    ``position`` is the annex's place in the request (2 and after; 1 is the main
    document) and the document its entities' spans and pages belong to. An annex that
    cannot be read at all has no pages and the reason in ``issues``.
    """

    position: int = Field(ge=2)
    name: str
    text: DocumentText
    entities: Entities = Entities()
    issues: tuple[Issue, ...] = ()


class Analysis(Record):
    """Everything the pipeline decided about one request: its main document, and its annexes.

    ``text`` and ``entities`` are the main document's; ``annexes`` holds what was read in
    each accepted annex (the completeness check counts them: a translation annexed gives
    the acceptable language). Spans point into the main document's pages, an annex's
    entities' into that annex's.
    """

    text: DocumentText
    entities: Entities
    classification: Classification
    completeness: Completeness
    routing: RoutingDecision
    annexes: tuple[AnnexReading, ...] = ()

    def all_entities(self) -> tuple[tuple[int, Entity], ...]:
        """Every entity of the request with the position of its document (1: the main one)."""
        found = [(1, entity) for entity in self.entities.items]
        for annex in self.annexes:
            found.extend((annex.position, entity) for entity in annex.entities.items)
        return tuple(found)
