"""Mail intake against a real IMAP server (dovecot on loopback): messages in, requests out."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from ingest.intake import IntakeContext
from ingest.mail.imap import mailbox_password, open_mailbox
from ingest.mail.mailbox import read_mailbox, watch_mailbox, watch_mailboxes
from rogatory.errors import ConfigurationError
from rogatory.mail import MailRecord
from rogatory.registration import Registration
from rogatory.settings import MailboxSettings, Settings
from storage.mail import list_mail, mail_of
from storage.objects import sha256_hex
from storage.registry import get_request, list_requests
from tests.ingest import originals
from tests.mail import messages
from tests.mail.dovecot import PASSWORD, Dovecot

PROCESSED = "Rogatory-processed"
REFUSED = "Rogatory-refused"


def _read(dovecot: Dovecot, context: IntakeContext, *, tls: bool = False) -> list[str]:
    return [record.outcome for record in _records(dovecot, context, tls=tls)]


def _records(dovecot: Dovecot, context: IntakeContext, *, tls: bool = False) -> list[MailRecord]:
    with open_mailbox(dovecot.mailbox(tls=tls), password=PASSWORD, timeout=30) as mailbox:
        return list(read_mailbox(mailbox, context=context).records)


def _registration(context: IntakeContext, record: MailRecord) -> Registration:
    """The registration a message became (its other files are its annexes, or, until the
    annexes are merged, registrations of their own: the tests do not count those)."""
    assert record.number is not None
    return get_request(context.db, record.number).registration


def test_a_request_over_imaps_is_registered_once_with_its_headers_and_filed_away(
    dovecot: Dovecot, context: IntakeContext, queued: list[str]
) -> None:
    sent = messages.request_message(message_id="<r-imaps@giustizia.example>").as_bytes()
    dovecot.deliver(sent)

    (taken,) = _records(dovecot, context, tls=True)

    assert taken.outcome == "registered"
    registration = _registration(context, taken)
    assert (registration.source, registration.filename) == ("mail", "richiesta.pdf")
    assert queued[0] == registration.number
    record = mail_of(context.db, registration.number)
    assert record == taken
    headers = record.arrival.headers
    assert (headers.message_id, headers.sender, headers.subject) == (
        "<r-imaps@giustizia.example>",
        messages.SENDER,
        "Richiesta di assistenza giudiziaria",
    )
    assert headers.mailbox == "central"
    assert record.arrival.body.strip() == "Si trasmette la richiesta in allegato."
    assert dovecot.messages_in("INBOX") == []
    (filed,) = dovecot.messages_in(PROCESSED)
    assert sha256_hex(filed) == record.arrival.envelope_sha256
    assert context.store.get(sha256_hex(filed)) == filed  # the .eml kept untouched


def test_a_certified_message_registers_the_inner_request(dovecot: Dovecot, context: IntakeContext) -> None:
    inner = messages.request_message(message_id="<pec-inner@giustizia.example>", subject="Rogatoria 7/2026")
    dovecot.deliver(messages.certified(inner).as_bytes())

    (record,) = _records(dovecot, context)

    assert record.outcome == "registered"
    registration = _registration(context, record)
    assert record.arrival.headers.certified is True
    assert record.arrival.headers.subject == "Rogatoria 7/2026"
    assert registration.filename == "richiesta.pdf"


def test_a_message_without_attachment_is_refused_with_its_reason_kept_beside_it(
    dovecot: Dovecot, context: IntakeContext, settings: Settings
) -> None:
    dovecot.deliver(messages.message(body="We ask for the bank records of Mr X.").as_bytes())

    assert _read(dovecot, context) == ["refused"]

    assert list_requests(context.db) == []
    (record,) = list_mail(context.db)
    assert record.code == "unsupported_type"
    assert record.reason is not None
    assert "attachment-0.txt" in record.reason
    assert len(dovecot.messages_in(REFUSED)) == 1
    assert dovecot.messages_in("INBOX") == []
    kept = sorted(path.name for path in (settings.quarantine_dir / "mail").iterdir())
    assert len(kept) == 2
    assert kept[1] == kept[0] + ".reason.txt"
    assert "unsupported_type" in (settings.quarantine_dir / "mail" / kept[1]).read_text()


def test_a_message_over_the_limit_is_refused_unread_and_kept_on_the_server(
    dovecot: Dovecot, settings: Settings, queued: list[str], tmp_path: Path
) -> None:
    from storage.database import open_database
    from storage.objects import FilesystemObjectStore

    small = settings.model_copy(update={"mail_max_message_bytes": 50_000})
    db = open_database(small.database)
    context = IntakeContext(
        settings=small, db=db, store=FilesystemObjectStore(small.objects_dir), enqueue=queued.append
    )
    large = messages.message(
        attachments=[("big.tif", originals.image("TIFF", size=(400, 300)), "image/tiff")]
    )
    dovecot.deliver(large.as_bytes())

    assert _read(dovecot, context) == ["refused"]

    (record,) = list_mail(db)
    assert (record.code, record.arrival.envelope_sha256) == ("too_large", None)
    assert record.arrival.headers.subject == "Richiesta di assistenza giudiziaria"
    assert len(dovecot.messages_in(REFUSED)) == 1
    assert list_requests(db) == []
    db.dispose()


def test_a_message_seen_twice_is_a_duplicate_by_content_and_by_message_id(
    dovecot: Dovecot, context: IntakeContext
) -> None:
    first = messages.request_message(message_id="<twice@giustizia.example>")
    resent = messages.message(
        message_id="<twice@giustizia.example>",
        attachments=[("other.jpg", originals.image("JPEG", size=(60, 50)), "image/jpeg")],
    )
    dovecot.deliver(first.as_bytes(), first.as_bytes(), resent.as_bytes())

    records = _records(dovecot, context)

    assert [record.outcome for record in records] == ["registered", "duplicate", "duplicate"]
    assert {record.number for record in records} == {records[0].number}
    view = get_request(context.db, _registration(context, records[0]).number)
    assert len(view.duplicates) == 2
    assert {event.source for event in view.duplicates} == {"mail"}
    assert len(dovecot.messages_in(PROCESSED)) == 3


def test_thirty_two_messages_at_once_get_numbers_without_a_gap(
    dovecot: Dovecot, context: IntakeContext
) -> None:
    sent = [
        messages.message(
            subject=f"Request {index}",
            attachments=[(f"scan-{index}.png", originals.image("PNG", size=(40 + index, 30)), "image/png")],
        ).as_bytes()
        for index in range(32)
    ]
    dovecot.deliver(*sent)

    assert _read(dovecot, context) == ["registered"] * 32

    registrations = sorted(list_requests(context.db, limit=100), key=lambda registration: registration.number)
    numbers = [int(registration.number.rsplit("-", 1)[1]) for registration in registrations]
    assert numbers == list(range(1, 33))
    assert [registration.filename for registration in registrations] == [
        f"scan-{index}.png" for index in range(32)
    ]
    assert dovecot.messages_in("INBOX") == []


def test_idle_wakes_the_reader_when_a_message_arrives(dovecot: Dovecot, context: IntakeContext) -> None:
    slow_poll = context.settings.model_copy(update={"mail_idle_seconds": 120, "mail_poll_seconds": 120})
    idle_context = IntakeContext(
        settings=slow_poll, db=context.db, store=context.store, enqueue=context.enqueue
    )
    stop = threading.Event()
    passes: list[int] = []
    reader = threading.Thread(
        target=watch_mailbox,
        kwargs={
            "settings": dovecot.mailbox(tls=True),
            "context": idle_context,
            "stop": stop,
            "on_pass": lambda done: passes.append(len(done.records)),
        },
    )
    reader.start()
    try:
        _wait_until(lambda: passes == [0])  # the first pass found nothing; now it idles
        dovecot.deliver(messages.request_message().as_bytes())
        _wait_until(lambda: sum(passes) == 1, timeout=20)
    finally:
        stop.set()
        reader.join(timeout=10)
    assert not reader.is_alive()
    assert [record.outcome for record in list_mail(context.db)] == ["registered"]


def test_a_refused_login_is_a_configuration_error(dovecot: Dovecot) -> None:
    with (
        pytest.raises(ConfigurationError, match="refused the login"),
        open_mailbox(dovecot.mailbox(), password="wrong", timeout=30),
    ):
        pass


def test_an_untrusted_certificate_says_which_setting_to_give(dovecot: Dovecot) -> None:
    with (
        pytest.raises(ConfigurationError, match="ca_file"),
        open_mailbox(dovecot.mailbox(tls=True, ca_file=None), password=PASSWORD, timeout=30),
    ):
        pass


def test_the_password_comes_from_its_file_or_its_variable(tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("from-file\n")
    base = {"host": "127.0.0.1", "user": "u", "password": "inline"}

    assert mailbox_password(MailboxSettings.model_validate({**base, "password_file": secret})) == "from-file"
    assert (
        mailbox_password(MailboxSettings.model_validate({**base, "password_env": "BOX"}), {"BOX": "env"})
        == "env"
    )
    assert mailbox_password(MailboxSettings.model_validate(base)) == "inline"
    with pytest.raises(ConfigurationError, match="BOX"):
        mailbox_password(MailboxSettings.model_validate({**base, "password_env": "BOX"}), {})


def _wait_until(condition, timeout: float = 10) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


def test_without_move_the_message_is_copied_then_expunged_by_uid(
    dovecot: Dovecot, context: IntakeContext
) -> None:
    dovecot.deliver(messages.request_message().as_bytes(), messages.message().as_bytes())

    with open_mailbox(dovecot.mailbox(), password=PASSWORD, timeout=30) as mailbox:
        assert {"MOVE", "UIDPLUS"} <= mailbox.capabilities
        mailbox.capabilities = mailbox.capabilities - {"MOVE"}  # a server of RFC 3501 and UIDPLUS only
        done = read_mailbox(mailbox, context=context)

    assert [record.outcome for record in done.records] == ["registered", "refused"]
    assert dovecot.messages_in("INBOX") == []
    assert len(dovecot.messages_in(PROCESSED)) == 1
    assert len(dovecot.messages_in(REFUSED)) == 1


def test_two_mailboxes_are_read_each_by_its_own_thread(dovecot: Dovecot, context: IntakeContext) -> None:
    second = dovecot.client()
    second.create("Requests-pec")
    second.logout()
    dovecot.deliver(messages.request_message(message_id="<one@x>").as_bytes())
    dovecot.deliver(
        messages.request_message(message_id="<two@x>", subject="PEC").as_bytes(), folder="Requests-pec"
    )
    boxes = (dovecot.mailbox(), dovecot.mailbox(tls=True, name="pec", folder="Requests-pec"))
    both = context.settings.model_copy(update={"mailboxes": boxes, "mail_poll_seconds": 0.2})
    stop = threading.Event()
    threads = watch_mailboxes(
        IntakeContext(settings=both, db=context.db, store=context.store, enqueue=context.enqueue), stop=stop
    )
    try:
        # Both finished (the machine is shared: two TLS logins and six files may take a while).
        _wait_until(
            lambda: sorted(r.outcome for r in list_mail(context.db)) == ["registered"] * 2, timeout=90
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
    assert {(record.arrival.mailbox, record.outcome) for record in list_mail(context.db)} == {
        ("central", "registered"),
        ("pec", "registered"),
    }


def test_a_bug_met_by_one_message_leaves_it_for_the_next_pass_and_the_others_go_on(
    dovecot: Dovecot, context: IntakeContext, caplog: pytest.LogCaptureFixture
) -> None:
    letters = [
        messages.message(
            subject=f"Request {index}",
            attachments=[(f"{index}.pdf", originals.pdf(index + 1), "application/pdf")],
        )
        for index in range(3)
    ]
    dovecot.deliver(*(letter.as_bytes() for letter in letters))
    queued: list[str] = []

    def enqueue(number: str) -> None:  # a queue that fails once with a bug (not a TransientError)
        if not queued:
            queued.append("failed")
            raise RuntimeError("a bug in the queue")
        queued.append(number)

    buggy = IntakeContext(settings=context.settings, db=context.db, store=context.store, enqueue=enqueue)

    assert _read(dovecot, buggy) == ["registered", "registered"]
    assert "could not be taken in" in caplog.text
    assert len(dovecot.messages_in("INBOX")) == 1
    assert _read(dovecot, buggy) == ["registered"]  # registered in the failed pass: finished, not doubled

    registrations = list_requests(context.db)
    assert len(registrations) == 3
    assert all(get_request(context.db, r.number).duplicates == () for r in registrations)
    assert dovecot.messages_in("INBOX") == []


def test_names_in_eight_scripts_reach_the_registry_as_sent_through_the_server(
    dovecot: Dovecot, context: IntakeContext
) -> None:
    names = [messages.NAMES_IN_SCRIPTS[language] for language in sorted(messages.NAMES_IN_SCRIPTS)]
    dovecot.deliver(
        *(
            messages.message(
                subject=name, attachments=[(name, originals.pdf(index + 1), "application/pdf")]
            ).as_bytes()
            for index, name in enumerate(names)
        )
    )

    records = _records(dovecot, context, tls=True)

    assert [record.outcome for record in records] == ["registered"] * 8
    assert [_registration(context, record).filename for record in records] == names
    assert [record.arrival.headers.subject for record in records] == names
