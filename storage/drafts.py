"""The clerk's edited request for additional information, one per registration.

The drafted text is computed from the analysis each time it is asked for; once a clerk
edits it, the edit is kept here and returned instead. Each save adds an audit line.
Every function may raise ``TransientError`` when the database is unavailable.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from classify.directory import Directory
from classify.letters import DraftLetter, draft_letter
from rogatory.errors import InputError, NotFoundError
from rogatory.records import Record
from rogatory.registration import RequestView, UtcDatetime
from storage.audit import write_audit
from storage.database import Database
from storage.models import DraftRow, RegistrationRow
from storage.registry import get_request

#: Longest letter kept, in characters.
MAX_BODY = 100_000


class EditedDraft(Record):
    """A letter as the clerk last saved it."""

    number: str
    language: str
    body: str
    actor: str
    updated_at: UtcDatetime


def save_draft(
    db: Database, number: str, *, language: str, body: str, actor: str, now: datetime | None = None
) -> EditedDraft:
    """Keep the clerk's text. Raises ``InputError`` (empty or too long), ``NotFoundError``."""
    if not body.strip():
        raise InputError("the letter is empty", code="empty_draft")
    if len(body) > MAX_BODY:
        raise InputError(f"the letter is longer than {MAX_BODY} characters", code="draft_too_long")
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        registration = session.scalar(select(RegistrationRow).where(RegistrationRow.number == number))
        if registration is None:
            raise NotFoundError(f"no registration {number!r}")
        row = session.get(DraftRow, registration.id) or DraftRow(registration_id=registration.id)
        row.language, row.body, row.actor, row.updated_at = language, body, actor, at
        session.add(row)
        write_audit(session, action="draft_edit", number=number, actor=actor, detail=language, now=at)
        return EditedDraft(number=number, language=language, body=body, actor=actor, updated_at=at)


def get_draft(db: Database, number: str) -> EditedDraft | None:
    """The clerk's last saved letter, or ``None`` when no one edited it."""
    statement = (
        select(DraftRow)
        .join(RegistrationRow, RegistrationRow.id == DraftRow.registration_id)
        .where(RegistrationRow.number == number)
    )
    with db.session() as session:
        row = session.scalar(statement)
        if row is None:
            return None
        return EditedDraft(
            number=number, language=row.language, body=row.body, actor=row.actor, updated_at=row.updated_at
        )


def draft_for(db: Database, number: str, directory: Directory) -> DraftLetter:
    """Draft the letter of ``number`` from its analysis, signed by the directory's fallback.

    Raises ``NotFoundError``; ``InputError`` when the request is not analysed yet
    (``not_analysed``) or lacks nothing (``nothing_missing``).
    """
    return draft_for_view(get_request(db, number), directory)


def draft_for_view(view: RequestView, directory: Directory) -> DraftLetter:
    """Like :func:`draft_for`, for a request already read. Raises ``InputError``."""
    number = view.registration.number
    if view.analysis is None:
        raise InputError(f"{number} is not analysed yet", code="not_analysed")
    try:
        return draft_letter(
            view.analysis.completeness,
            number=number,
            received=view.registration.received_at.date(),
            request_language=view.analysis.text.language,
            accepted_languages=directory.accepted_languages,
            sender=directory.authorities[directory.fallback].name,
            extradition=view.analysis.classification.request_type.value == "extradition",
        )
    except ValueError as error:
        raise InputError(str(error), code="nothing_missing") from error
