"""The IMAP server killed in the middle of a pass, then started again: nothing lost, nothing twice.

The server (dovecot) is killed through the seam of the mailbox read by
:func:`ingest.mail.mailbox.read_mailbox`: a wrapper of the real mailbox kills it just
before one of its fetches (the fetch then fails on the dead connection) or just before
one of its moves (the message is registered but still in the inbox). A mail process
stopped between intake and the finished row is replayed through the database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pytest

from ingest.intake import IntakeContext
from ingest.mail.arrival import MessagePlace, take_in_message
from ingest.mail.imap import ImapMailbox, MessageSummary, open_mailbox
from ingest.mail.mailbox import read_mailbox
from ingest.mail.message import parse_message
from ingest.submission import intake_submission
from rogatory.errors import TransientError
from rogatory.mail import MailArrival
from rogatory.settings import MailboxSettings
from storage.mail import begin_arrival, list_mail
from storage.registry import get_request, list_requests
from tests.ingest import originals
from tests.mail import messages
from tests.mail.dovecot import PASSWORD, Dovecot

PROCESSED = "Rogatory-processed"


@dataclass
class KillingMailbox:
    """The real mailbox, whose server is killed before the ``at``-th call of ``when``."""

    mailbox: ImapMailbox
    dovecot: Dovecot
    when: str
    at: int
    calls: int = 0

    @property
    def settings(self) -> MailboxSettings:
        return self.mailbox.settings

    @property
    def uidvalidity(self) -> int:
        return self.mailbox.uidvalidity

    def uids(self) -> list[int]:
        return self.mailbox.uids()

    def summary(self, uid: int) -> MessageSummary | None:
        return self.mailbox.summary(uid)

    def fetch(self, uid: int) -> bytes | None:
        self._maybe_kill("fetch")
        return self.mailbox.fetch(uid)

    def move(self, uid: int, folder: str) -> None:
        self._maybe_kill("move")
        self.mailbox.move(uid, folder)

    def _maybe_kill(self, call: str) -> None:
        if call == self.when:
            self.calls += 1
            if self.calls == self.at:
                self.dovecot.kill()


def _requests(count: int) -> list[bytes]:
    return [
        messages.message(
            subject=f"Request {index}",
            attachments=[(f"scan-{index}.png", originals.image("PNG", size=(50 + index, 40)), "image/png")],
        ).as_bytes()
        for index in range(count)
    ]


@pytest.mark.parametrize("when", ["fetch", "move"])
def test_the_server_killed_mid_pass_then_restarted_loses_nothing_and_doubles_nothing(
    dovecot: Dovecot, context: IntakeContext, when: str
) -> None:
    dovecot.deliver(*_requests(6))
    with (
        pytest.raises(TransientError),
        open_mailbox(dovecot.mailbox(), password=PASSWORD, timeout=10) as mailbox,
    ):
        read_mailbox(KillingMailbox(mailbox, dovecot, when=when, at=4), context=context)
    before = len(list_requests(context.db))
    dovecot.start()

    with open_mailbox(dovecot.mailbox(), password=PASSWORD, timeout=10) as mailbox:
        read_mailbox(mailbox, context=context)

    assert before == (3 if when == "fetch" else 4)  # the 4th was registered before its move failed
    registrations = sorted(list_requests(context.db, limit=100), key=lambda registration: registration.number)
    assert [int(r.number.rsplit("-", 1)[1]) for r in registrations] == [1, 2, 3, 4, 5, 6]
    assert all(not get_request(context.db, r.number).duplicates for r in registrations)
    assert sorted(record.outcome for record in list_mail(context.db)) == ["registered"] * 6
    assert dovecot.messages_in("INBOX") == []
    assert len(dovecot.messages_in(PROCESSED)) == 6


def test_a_message_registered_by_a_process_that_stopped_before_its_row_was_finished_is_not_doubled(
    context: IntakeContext,
) -> None:
    letter = [("letter.pdf", originals.pdf(1), "application/pdf")]
    data = messages.message(message_id="<stopped@giustizia.example>", attachments=letter).as_bytes()
    place = MessagePlace(mailbox="central", uidvalidity=7, uid=41)
    parsed = parse_message(data, mailbox="central")
    assert parsed.submission.headers is not None
    begin_arrival(
        context.db,
        MailArrival(
            mailbox="central",
            uidvalidity=7,
            uid=41,
            envelope_sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            headers=parsed.submission.headers,
        ),
    )
    first = intake_submission(parsed.submission, context=context).request  # ... and the process died here

    record = take_in_message(data, place=place, context=context)

    assert (record.outcome, record.number) == ("registered", first.number)
    assert len(list_requests(context.db)) == 1
    assert first.number is not None
    assert get_request(context.db, first.number).duplicates == ()


def test_a_message_taken_in_again_by_its_uid_is_the_same_arrival(context: IntakeContext) -> None:
    data = messages.message(attachments=[("letter.pdf", originals.pdf(1), "application/pdf")]).as_bytes()
    place = MessagePlace(mailbox="central", uidvalidity=7, uid=5)

    first = take_in_message(data, place=place, context=context)
    again = take_in_message(data, place=place, context=context)
    copy = take_in_message(data, place=MessagePlace(mailbox="central", uidvalidity=7, uid=6), context=context)

    assert (first.outcome, again.outcome, again.id) == ("registered", "registered", first.id)
    assert (copy.outcome, copy.number) == ("duplicate", first.number)
    assert first.number is not None
    assert len(get_request(context.db, first.number).duplicates) == 1
