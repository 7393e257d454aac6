"""The registry: official numbers, duplicates, rejections, status, analyses and search.

Every function takes a :class:`~storage.database.Database` and runs one
transaction; what it changes and its audit line commit together. Numbers are
``{prefix}-{year}-{sequence}``, sequential per UTC year, gap-free and unique across
processes: the year's counter row is incremented in the same transaction as the
insert, with the write lock taken up front (SQLite ``BEGIN IMMEDIATE``; PostgreSQL
``SELECT ... FOR UPDATE``), so a failed registration rolls its number back. The
unique ``sha256`` column makes de-duplication race-free. Used by intake, the
workers and the web app; every function may raise ``TransientError`` when the
database is unreachable or locked for too long.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rogatory.annexes import Annex
from rogatory.errors import ConfigurationError, NotFoundError
from rogatory.records import Analysis
from rogatory.registration import (
    IntakeSource,
    RegisterResult,
    Registration,
    Rejection,
    RequestView,
    SearchHit,
    Status,
)
from rogatory.sources import MediaType
from rogatory.users import User
from storage.annexes import add_annexes, annexes_of
from storage.audit import audit, list_audit, write_audit
from storage.database import Database
from storage.models import AnalysisRow, DuplicateRow, NumberCounter, RegistrationRow, RejectionRow
from storage.processing import analysis_detail, latest_decision, locked_registration, write_analysis
from storage.rows import duplicate_from_row, registration_from_row, rejection_from_row
from storage.search import search_pages
from storage.visibility import visible_condition

__all__ = [
    "audit",
    "format_number",
    "get_request",
    "list_audit",
    "list_rejections",
    "list_requests",
    "record_rejection",
    "register",
    "registration_of",
    "save_analysis",
    "search",
    "set_status",
]

_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,15}$")
_MAX_DIGITS = 12
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def format_number(prefix: str, year: int, sequence: int, digits: int = 6) -> str:
    """The official number: ``format_number("RQ", 2026, 1) == "RQ-2026-000001"``.

    Raises ``ConfigurationError`` for a prefix that is not 1-16 letters and digits
    starting with a letter, or digits outside 1..12.
    """
    _check_number_format(prefix, digits)
    return f"{prefix}-{year}-{sequence:0{digits}d}"


def _check_number_format(prefix: str, digits: int) -> None:
    if not _PREFIX.fullmatch(prefix):
        raise ConfigurationError(f"number prefix must be 1-16 letters or digits, got {prefix!r}")
    if not 1 <= digits <= _MAX_DIGITS:
        raise ConfigurationError(f"number digits must be 1..{_MAX_DIGITS}, got {digits}")


def register(
    db: Database,
    *,
    sha256: str,
    filename: str,
    size: int,
    media_type: MediaType,
    source: IntakeSource,
    prefix: str = "RQ",
    digits: int = 6,
    now: datetime | None = None,
    annexes: Sequence[Annex] = (),
) -> RegisterResult:
    """Register an original under the next number of its year, or record it as a duplicate.

    Content already registered (same ``sha256``) gets no new number: the attempt is
    recorded as a duplicate event and the existing registration returned with
    ``created=False``. ``annexes`` (the other files of the request) are written in the
    same transaction as a new registration, and not at all for a duplicate. Raises
    ``ConfigurationError`` (bad prefix/digits), ``ValueError`` (malformed ``sha256``,
    naive ``now``, repeated annex positions), ``TransientError``.
    """
    _check_number_format(prefix, digits)
    _check_sha256(sha256)
    received_at = _utc(now)
    arrival = _Arrival(
        sha256=sha256,
        filename=filename,
        size=size,
        source=source,
        received_at=received_at,
        annexes=tuple(annexes),
    )
    try:
        return _register_once(db, arrival, media_type, prefix, digits)
    except IntegrityError:
        # Another process registered the same content concurrently (PostgreSQL); now a duplicate.
        return _register_once(db, arrival, media_type, prefix, digits)


@dataclass(frozen=True)
class _Arrival:
    """What is known of one arrival of an original."""

    sha256: str
    filename: str
    size: int
    source: str
    received_at: datetime
    annexes: tuple[Annex, ...] = ()


def _register_once(
    db: Database, arrival: _Arrival, media_type: MediaType, prefix: str, digits: int
) -> RegisterResult:
    with db.session(write=True) as session:
        existing = session.scalar(select(RegistrationRow).where(RegistrationRow.sha256 == arrival.sha256))
        if existing is not None:
            session.add(
                DuplicateRow(
                    registration_id=existing.id,
                    sha256=arrival.sha256,
                    filename=arrival.filename,
                    size=arrival.size,
                    source=arrival.source,
                    received_at=arrival.received_at,
                )
            )
            detail = f"duplicate received by {arrival.source}: {arrival.filename}"
            write_audit(
                session, action="duplicate", number=existing.number, detail=detail, now=arrival.received_at
            )
            return RegisterResult(registration=registration_from_row(existing), created=False)
        year = arrival.received_at.year
        sequence = _next_sequence(session, year)
        row = RegistrationRow(
            number=format_number(prefix, year, sequence, digits),
            year=year,
            sequence=sequence,
            sha256=arrival.sha256,
            filename=arrival.filename,
            size=arrival.size,
            media_type=str(media_type),
            source=arrival.source,
            received_at=arrival.received_at,
            status=Status.REGISTERED.value,
            status_reason=None,
            updated_at=arrival.received_at,
        )
        session.add(row)
        session.flush()
        add_annexes(session, row, arrival.annexes)
        detail = f"registered from {arrival.source}: {arrival.filename} ({arrival.sha256})"
        if arrival.annexes:
            detail += f" with {_annex_summary(arrival.annexes)}"
        write_audit(session, action="register", number=row.number, detail=detail, now=arrival.received_at)
        return RegisterResult(registration=registration_from_row(row), created=True)


def _annex_summary(annexes: Sequence[Annex]) -> str:
    accepted = sum(annex.status == "accepted" for annex in annexes)
    refused = sum(annex.status == "refused" for annex in annexes)
    return f"{accepted} annex(es)" + (f", {refused} file(s) refused" if refused else "")


def _next_sequence(session: Session, year: int) -> int:
    """Increment and return the year's counter, locking its row until the transaction ends."""
    locked = select(NumberCounter).where(NumberCounter.year == year).with_for_update()
    counter = session.scalar(locked)
    if counter is None:
        try:
            with session.begin_nested():
                session.add(NumberCounter(year=year, last=0))
        except IntegrityError:
            pass  # another transaction created the year's row first; lock that one
        counter = session.scalar(locked)
    if counter is None:  # pragma: no cover - the row was just inserted or found
        raise RuntimeError(f"number counter for {year} vanished")
    counter.last += 1
    return counter.last


def record_rejection(
    db: Database,
    *,
    sha256: str,
    filename: str,
    size: int,
    code: str,
    reason: str,
    now: datetime | None = None,
) -> Rejection:
    """Record an original refused at intake.

    Raises ``ValueError`` (malformed ``sha256``, naive ``now``), ``TransientError``.
    """
    _check_sha256(sha256)
    received_at = _utc(now)
    with db.session(write=True) as session:
        row = RejectionRow(
            sha256=sha256, filename=filename, size=size, code=code, reason=reason, received_at=received_at
        )
        session.add(row)
        session.flush()
        write_audit(
            session, action="reject", detail=f"{code}: {filename} ({sha256}): {reason}", now=received_at
        )
        return rejection_from_row(row)


def set_status(
    db: Database,
    number: str,
    status: Status,
    reason: str | None = None,
    *,
    actor: str = "system",
    now: datetime | None = None,
) -> Registration:
    """Move a registration to ``status``. Raises ``NotFoundError``, ``TransientError``."""
    with db.session(write=True) as session:
        row = _registration_row(session, number)
        previous = row.status
        row.status = Status(status).value
        row.status_reason = reason
        row.updated_at = _utc(now)
        detail = f"{previous} -> {row.status}" + (f": {reason}" if reason else "")
        write_audit(session, action="status", number=number, actor=actor, detail=detail, now=row.updated_at)
        session.flush()
        return registration_from_row(row)


def save_analysis(db: Database, number: str, analysis: Analysis, *, now: datetime | None = None) -> None:
    """Store the analysis of a registration, replacing any earlier one (idempotent).

    Keeps the Analysis JSON, the decided labels as filter columns and the page texts
    (which the search index follows). A clerk's review decision stands: ``route_to``
    stays the decided authority (the JSON keeps the pipeline's proposal). The status
    is not changed (the workers use :func:`storage.processing.record_analysis`).
    Raises ``NotFoundError``, ``TransientError``.
    """
    with db.session(write=True) as session:
        registration = locked_registration(session, number)
        decision = latest_decision(session, registration.id)
        write_analysis(session, registration.id, analysis, _utc(now), decision=decision)
        detail = analysis_detail(analysis.routing.route_to, decision)
        write_audit(session, action="analysis", number=number, detail=detail)


def get_request(db: Database, number: str) -> RequestView:
    """A registration with its analysis and duplicates. Raises ``NotFoundError``, ``TransientError``."""
    with db.session() as session:
        row = _registration_row(session, number)
        stored = session.get(AnalysisRow, row.id)
        duplicates = session.scalars(
            select(DuplicateRow).where(DuplicateRow.registration_id == row.id).order_by(DuplicateRow.id)
        )
        return RequestView(
            registration=registration_from_row(row),
            analysis=Analysis.model_validate_json(stored.analysis_json) if stored else None,
            duplicates=tuple(duplicate_from_row(duplicate, row.number) for duplicate in duplicates),
            decision=latest_decision(session, row.id),
            annexes=annexes_of(session, row.id),
        )


def registration_of(db: Database, sha256: str) -> Registration | None:
    """The registration of the original with this digest, if any. Raises ``TransientError``."""
    with db.session() as session:
        row = session.scalar(select(RegistrationRow).where(RegistrationRow.sha256 == sha256))
        return registration_from_row(row) if row is not None else None


def list_requests(
    db: Database,
    *,
    status: Status | None = None,
    route_to: str | None = None,
    needs_review: bool | None = None,
    viewer: User | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Registration]:
    """Registrations, newest first, filtered by status and by the analysis' decisions.

    Filtering on ``route_to`` or ``needs_review`` leaves out requests not yet
    analysed; with a ``viewer``, only the requests that user may see are listed.
    Raises ``TransientError``.
    """
    statement = select(RegistrationRow).order_by(RegistrationRow.id.desc()).limit(limit).offset(offset)
    if status is not None:
        statement = statement.where(RegistrationRow.status == Status(status).value)
    visible = visible_condition(viewer) if viewer is not None else None
    if visible is not None:
        statement = statement.outerjoin(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
        statement = statement.where(visible)
    if route_to is not None or needs_review is not None:
        if visible is None:
            statement = statement.join(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
        if route_to is not None:
            statement = statement.where(AnalysisRow.route_to == route_to)
        if needs_review is not None:
            statement = statement.where(AnalysisRow.needs_review == needs_review)
    with db.session() as session:
        return [registration_from_row(row) for row in session.scalars(statement)]


def list_rejections(db: Database, *, limit: int = 100, offset: int = 0) -> list[Rejection]:
    """Rejected originals, newest first. Raises ``TransientError``."""
    statement = select(RejectionRow).order_by(RejectionRow.id.desc()).limit(limit).offset(offset)
    with db.session() as session:
        return [rejection_from_row(row) for row in session.scalars(statement)]


def search(db: Database, query: str, limit: int = 20) -> list[SearchHit]:
    """Pages of analysed requests containing every word of ``query``, best first.

    Case- and accent-insensitive on SQLite. Raises ``TransientError``.
    """
    with db.session() as session:
        return search_pages(session, query, limit=limit)


# --- rows to records -----------------------------------------------------------


def _check_sha256(sha256: str) -> None:
    if not _SHA256.fullmatch(sha256):
        raise ValueError(f"not a SHA-256 digest (64 lower-case hex digits): {sha256[:80]!r}")


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("naive datetime: give a timezone-aware one")
    return now.astimezone(UTC)


def _registration_row(session: Session, number: str) -> RegistrationRow:
    row = session.scalar(select(RegistrationRow).where(RegistrationRow.number == number))
    if row is None:
        raise NotFoundError(f"no registration {number!r}")
    return row
