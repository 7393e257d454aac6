"""Records of the registry: what the web, the CLI and intake read and write through storage.

A registration is the official entry of one original (one SHA-256) in the registry,
with its number (``RQ-2026-000001``), where it came from and where it stands. These
are frozen pydantic models like :mod:`rogatory.records`, so they serialise to JSON for
the API without custom code. Every datetime is timezone-aware and normalised to UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, Field

from rogatory.annexes import Annex
from rogatory.records import Analysis, Record
from rogatory.sources import MediaType

IntakeSource = Literal["watcher", "upload", "cli", "mail"]
"""How an original reached the service (``mail``: a message of a watched mailbox)."""


def _to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


UtcDatetime = Annotated[AwareDatetime, AfterValidator(_to_utc)]
"""An aware datetime, converted to UTC; a naive datetime is refused."""

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
"""A SHA-256 digest as 64 lower-case hexadecimal digits."""


class Status(StrEnum):
    """Where a registered request stands in the service."""

    REGISTERED = "registered"
    PROCESSING = "processing"
    ROUTED = "routed"
    NEEDS_REVIEW = "needs_review"
    FAILED = "failed"


class Registration(Record):
    """One original entered in the registry under its official number."""

    number: str
    year: int
    sha256: Sha256
    filename: str
    size: int = Field(ge=0)
    media_type: MediaType
    source: IntakeSource
    received_at: UtcDatetime
    status: Status = Status.REGISTERED
    status_reason: str | None = None
    updated_at: UtcDatetime
    #: The files registered with the main document (accepted ones; refused ones are listed
    #: with the request but not counted).
    annex_count: int = Field(default=0, ge=0)


class Rejection(Record):
    """An original refused at intake (kept in the object store, quarantined on disk)."""

    id: int
    sha256: Sha256
    filename: str
    size: int = Field(ge=0)
    code: str
    reason: str
    received_at: UtcDatetime


class DuplicateEvent(Record):
    """A later arrival of content already registered under ``number``."""

    id: int
    number: str
    sha256: Sha256
    filename: str
    size: int = Field(ge=0)
    source: IntakeSource
    received_at: UtcDatetime


class AuditEntry(Record):
    """One line of the audit log: who did what, to which request, when."""

    id: int
    at: UtcDatetime
    actor: str
    action: str
    number: str | None = None
    detail: str = ""


class RequestView(Record):
    """A registration with its analysis (None until the pipeline has run) and duplicates."""

    registration: Registration
    analysis: Analysis | None = None
    duplicates: tuple[DuplicateEvent, ...] = ()
    #: The authority a clerk's latest review decided (it stands; ``analysis.routing`` keeps
    #: the pipeline's proposal, which may differ after a re-analysis). None before any review.
    decision: str | None = None
    #: The files registered with the main document, accepted and refused, by position.
    annexes: tuple[Annex, ...] = ()


class SearchHit(Record):
    """A page of a registered request that matches a search, best first.

    ``snippet`` is plain text around the match with the matched words between
    ``[`` and ``]``; ``score`` is higher for better matches (only comparable within
    one search).
    """

    number: str
    page: int = Field(ge=1)
    snippet: str
    score: float
    #: The document of the request the page is of: 1 the main one, else an annex's position.
    document: int = Field(default=1, ge=1)


class RegisterResult(Record):
    """The outcome of registering an original.

    ``created`` is False when the content hash was already registered: then
    ``registration`` is the existing entry and the attempt was recorded as a
    :class:`DuplicateEvent` of it.
    """

    registration: Registration
    created: bool


class IntakeResult(Record):
    """What became of one arriving original (returned as JSON by the upload API).

    ``number`` is set for a new registration, ``duplicate_of`` for content already
    registered, ``reason`` and ``code`` for a refusal. ``note`` says what a clerk may
    want to know about an accepted file (its name claims another type, it could not be
    moved out of the inbox).
    """

    status: Literal["registered", "duplicate", "rejected"]
    sha256: str
    number: str | None = None
    duplicate_of: str | None = None
    reason: str | None = None
    code: str | None = None
    note: str | None = None
