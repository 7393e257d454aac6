"""The messages of the mailboxes: their headers and what became of each (issue 19).

A message's row is begun (``pending``) before intake and finished after, in separate
transactions: a mail process stopped in between finds the row again by mailbox,
UIDVALIDITY and UID, and so the same arrival, not a second one. Every function may
raise ``TransientError`` when the database is unavailable.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from rogatory.errors import NotFoundError
from rogatory.mail import MailArrival, MailOutcome, MailRecord
from rogatory.submissions import MailHeaders
from storage.audit import write_audit
from storage.database import Database
from storage.models import DuplicateRow, MailMessageRow, RegistrationRow

_FINISHED = ("registered", "duplicate")


def begin_arrival(db: Database, arrival: MailArrival, *, now: datetime | None = None) -> MailRecord:
    """The row of this message: the one begun earlier for the same UID, else a new ``pending`` one."""
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        if arrival.uid is not None:
            existing = session.scalar(
                select(MailMessageRow).where(
                    MailMessageRow.mailbox == arrival.mailbox,
                    MailMessageRow.uidvalidity == arrival.uidvalidity,
                    MailMessageRow.uid == arrival.uid,
                )
            )
            if existing is not None:
                return _record(session, existing)
        headers = arrival.headers
        row = MailMessageRow(
            mailbox=_text(arrival.mailbox),
            uidvalidity=arrival.uidvalidity,
            uid=arrival.uid,
            envelope_sha256=arrival.envelope_sha256,
            size=arrival.size,
            message_id=_text(headers.message_id or "")[:1000] or None,
            sender=_text(headers.sender),
            recipients=json.dumps([_text(address) for address in headers.recipients], ensure_ascii=False),
            subject=_text(headers.subject),
            sent_at=headers.date,
            certified=headers.certified,
            body=_text(arrival.body),
            outcome="pending",
            received_at=at,
            updated_at=at,
        )
        session.add(row)
        session.flush()
        return _record(session, row)


def earlier_message(db: Database, record: MailRecord) -> MailRecord | None:
    """The first finished message with the same Message-ID or the same ``.eml`` as ``record``."""
    arrival = record.arrival
    conditions = []
    if arrival.headers.message_id:
        conditions.append(MailMessageRow.message_id == _text(arrival.headers.message_id)[:1000])
    if arrival.envelope_sha256:
        conditions.append(MailMessageRow.envelope_sha256 == arrival.envelope_sha256)
    if not conditions:
        return None
    with db.session() as session:
        row = session.scalar(
            select(MailMessageRow)
            .where(or_(*conditions), MailMessageRow.outcome.in_(_FINISHED), MailMessageRow.id != record.id)
            .order_by(MailMessageRow.id)
            .limit(1)
        )
        return None if row is None else _record(session, row)


def finish_arrival(
    db: Database,
    record: MailRecord,
    *,
    outcome: MailOutcome,
    number: str | None = None,
    code: str | None = None,
    reason: str | None = None,
    now: datetime | None = None,
) -> MailRecord:
    """Record what became of a message; a duplicate is also a duplicate event of ``number``.

    Raises ``NotFoundError`` for a number that is not registered.
    """
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        row = session.get(MailMessageRow, record.id)
        if row is None:
            raise NotFoundError(f"no message {record.id}")
        registration = _registration(session, number) if number else None
        row.outcome = outcome
        row.registration_id = registration.id if registration else None
        row.code, row.reason, row.updated_at = code, reason, at
        label = _label(row)
        if outcome == "duplicate" and registration is not None:
            session.add(
                DuplicateRow(
                    registration_id=registration.id,
                    sha256=row.envelope_sha256 or registration.sha256,
                    filename=label,
                    size=row.size,
                    source="mail",
                    received_at=at,
                )
            )
            write_audit(
                session,
                action="duplicate",
                number=number,
                detail=f"duplicate received by mail: {label}",
                now=at,
            )
        elif outcome == "registered":
            write_audit(
                session,
                action="mail",
                number=number,
                detail=f"registered from {row.mailbox}: {label}",
                now=at,
            )
        elif outcome == "refused":
            write_audit(
                session, action="reject", detail=f"{code}: {label} from {row.mailbox}: {reason}", now=at
            )
        session.flush()
        return _record(session, row)


def unclaimed_registration(db: Database, sha256s: Sequence[str]) -> str | None:
    """A registration from mail of one of ``sha256s`` that no message row claims, else None.

    Such a registration was made by a mail process that stopped before it finished the
    message's row: it is that message's own registration, not an earlier one.
    """
    if not sha256s:
        return None
    with db.session() as session:
        claimed = select(MailMessageRow.registration_id).where(
            MailMessageRow.outcome == "registered", MailMessageRow.registration_id.is_not(None)
        )
        rows = session.scalars(
            select(RegistrationRow).where(
                RegistrationRow.sha256.in_(list(sha256s)),
                RegistrationRow.source == "mail",
                RegistrationRow.id.not_in(claimed),
            )
        ).all()
        by_hash = {row.sha256: row.number for row in rows}
        return next((by_hash[sha] for sha in sha256s if sha in by_hash), None)


def mail_of(db: Database, number: str) -> MailRecord | None:
    """The message a registration came by, or None (it came by another channel)."""
    with db.session() as session:
        row = session.scalar(
            select(MailMessageRow)
            .join(RegistrationRow, RegistrationRow.id == MailMessageRow.registration_id)
            .where(RegistrationRow.number == number, MailMessageRow.outcome == "registered")
            .limit(1)
        )
        return None if row is None else _record(session, row)


def list_mail(db: Database, *, outcome: MailOutcome | None = None, limit: int = 100) -> list[MailRecord]:
    """Messages, newest first (those of ``outcome`` only, when given)."""
    query = select(MailMessageRow).order_by(MailMessageRow.id.desc()).limit(limit)
    if outcome is not None:
        query = query.where(MailMessageRow.outcome == outcome)
    with db.session() as session:
        return [_record(session, row) for row in session.scalars(query).all()]


def _registration(session: Session, number: str) -> RegistrationRow:
    row = session.scalar(select(RegistrationRow).where(RegistrationRow.number == number))
    if row is None:
        raise NotFoundError(f"no request {number}")
    return row


def _text(value: str) -> str:
    """``value`` as text every database takes: NUL (PostgreSQL refuses it) and lone surrogates
    (undecodable bytes of a raw 8-bit header) become U+FFFD."""
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        raw = value.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace").replace("\x00", "\ufffd")


def _label(row: MailMessageRow) -> str:
    return f"message {row.message_id or '(no Message-ID)'} «{row.subject}» from {row.sender}"


def _record(session: Session, row: MailMessageRow) -> MailRecord:
    number = None
    if row.registration_id is not None:
        number = session.scalar(
            select(RegistrationRow.number).where(RegistrationRow.id == row.registration_id)
        )
    headers = MailHeaders(
        message_id=row.message_id,
        sender=row.sender,
        recipients=tuple(json.loads(row.recipients)),
        subject=row.subject,
        date=row.sent_at,
        mailbox=row.mailbox,
        certified=row.certified,
    )
    arrival = MailArrival(
        mailbox=row.mailbox,
        uidvalidity=row.uidvalidity,
        uid=row.uid,
        envelope_sha256=row.envelope_sha256,
        size=row.size,
        headers=headers,
        body=row.body,
    )
    return MailRecord(
        id=row.id,
        arrival=arrival,
        outcome=row.outcome,
        number=number,
        code=row.code,
        reason=row.reason,
        received_at=row.received_at,
    )


def record_reply(
    db: Database,
    number: str,
    *,
    actor: str,
    to: str,
    subject: str,
    message_id: str,
    now: datetime | None = None,
) -> None:
    """Write a reply sent to the requesting authority into the request's history.

    Raises ``NotFoundError``.
    """
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        _registration(session, number)
        write_audit(
            session,
            action="reply",
            number=number,
            actor=actor,
            detail=f"request for additional information sent to {to}: «{subject}» ({message_id})",
            now=at,
        )
