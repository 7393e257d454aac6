"""The clerk's edited request for additional information, one per registration.

The drafted text is computed from the analysis each time it is asked for
(``workers/letters.py``); once a clerk edits it, the edit is kept here and returned
instead. Each save adds an audit line.
Every function may raise ``TransientError`` when the database is unavailable.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from rogatory.errors import InputError, NotFoundError
from rogatory.records import Record
from rogatory.registration import UtcDatetime
from storage.audit import write_audit
from storage.database import Database
from storage.models import DraftRow, RegistrationRow

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
