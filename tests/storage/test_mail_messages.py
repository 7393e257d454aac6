"""The messages of the mailboxes (storage/mail.py) on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError

from rogatory.mail import MailArrival
from rogatory.sources import MediaType
from rogatory.submissions import MailHeaders
from storage.database import Database
from storage.mail import (
    begin_arrival,
    earlier_message,
    finish_arrival,
    list_mail,
    mail_of,
    unclaimed_registration,
)
from storage.models import MailMessageRow
from storage.registry import get_request, register

ENVELOPE = hashlib.sha256(b"message").hexdigest()


def _arrival(uid: int, *, message_id: str = "<a@example.org>", envelope: str = ENVELOPE) -> MailArrival:
    headers = MailHeaders(
        message_id=message_id,
        sender="Ministério Público <mp@pgr.example>",
        recipients=("ca@justice.example", "Реестр <registry@justice.example>"),
        subject="Carta rogatória n.º 12 — 北京",
        date=datetime(2026, 11, 30, 9, 15, tzinfo=UTC),
        mailbox="central",
        certified=True,
    )
    return MailArrival(
        mailbox="central",
        uidvalidity=99,
        uid=uid,
        envelope_sha256=envelope,
        size=1234,
        headers=headers,
        body="Texto",
    )


def _register(db: Database, content: bytes, source: str = "mail") -> str:
    return register(
        db,
        sha256=hashlib.sha256(content).hexdigest(),
        filename="carta.pdf",
        size=len(content),
        media_type=MediaType.PDF,
        source=source,  # type: ignore[arg-type]
    ).registration.number


def test_a_message_keeps_its_headers_in_any_script_and_its_registration(db: Database) -> None:
    number = _register(db, b"letter")
    record = begin_arrival(db, _arrival(1))

    finished = finish_arrival(db, record, outcome="registered", number=number)

    assert finished.arrival == _arrival(1)
    assert (finished.outcome, finished.number) == ("registered", number)
    assert mail_of(db, number) == finished
    assert list_mail(db) == [finished]


def test_the_same_uid_is_the_same_row_and_the_uid_is_unique(db: Database) -> None:
    first = begin_arrival(db, _arrival(1))
    again = begin_arrival(db, _arrival(1))

    assert again.id == first.id
    with pytest.raises(IntegrityError), db.session(write=True) as session:
        session.add(
            MailMessageRow(
                mailbox="central", uidvalidity=99, uid=1, size=0, sender="", recipients="[]", subject="",
                certified=False, body="", outcome="pending",
                received_at=datetime.now(UTC), updated_at=datetime.now(UTC),
            )
        )  # fmt: skip


def test_an_earlier_message_is_found_by_message_id_or_by_content_and_a_duplicate_is_an_event(
    db: Database,
) -> None:
    number = _register(db, b"letter")
    first = finish_arrival(db, begin_arrival(db, _arrival(1)), outcome="registered", number=number)
    same_id = begin_arrival(db, _arrival(2, envelope=hashlib.sha256(b"other").hexdigest()))
    same_content = begin_arrival(db, _arrival(3, message_id="<b@example.org>"))
    unrelated = begin_arrival(db, _arrival(4, message_id="<c@example.org>", envelope="0" * 64))

    assert earlier_message(db, same_id) == first
    assert earlier_message(db, same_content) == first
    assert earlier_message(db, unrelated) is None
    finish_arrival(db, same_id, outcome="duplicate", number=number)
    (event,) = get_request(db, number).duplicates
    assert (event.source, event.sha256) == ("mail", same_id.arrival.envelope_sha256)


def test_a_mail_registration_no_row_claims_is_the_unfinished_arrivals_own(db: Database) -> None:
    claimed = _register(db, b"claimed")
    finish_arrival(db, begin_arrival(db, _arrival(1)), outcome="registered", number=claimed)
    unclaimed = _register(db, b"unclaimed")
    _register(db, b"from the inbox", source="watcher")
    hashes = [
        hashlib.sha256(content).hexdigest() for content in (b"claimed", b"from the inbox", b"unclaimed")
    ]

    assert unclaimed_registration(db, hashes) == unclaimed
    assert unclaimed_registration(db, hashes[:2]) is None
    assert unclaimed_registration(db, []) is None


def test_headers_with_nul_and_undecodable_bytes_are_kept_as_text_every_database_takes(db: Database) -> None:
    hostile = _arrival(5, message_id="<\x00\udcff@x>").model_copy(
        update={
            "headers": _arrival(5).headers.model_copy(
                update={"subject": "caf\udce9 \x00 x", "sender": "a\x00@b", "message_id": "<\x00@x>"}
            ),
            "body": "body \x00 end",
        }
    )

    record = begin_arrival(db, hostile)

    assert record.arrival.headers.subject == "caf\ufffd \ufffd x"
    assert record.arrival.headers.message_id == "<\ufffd@x>"
    assert record.arrival.body == "body \ufffd end"
    assert earlier_message(db, record) is None
