"""End to end (issue 19's done-means): a message sent to the mailbox `rogatory run` reads is
registered once with its annexes, read by the service's Celery worker and routed; the message is
filed in the processed folder and its headers are kept with the registration."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.database import open_database
from storage.mail import mail_of
from tests.e2e.service import RunningService, start_service
from tests.faults.hostile import text_pdf
from tests.mail.dovecot import Dovecot, running_dovecot
from tests.mail.messages import message
from tests.scans import FREEZING_REQUEST

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

_TRANSLATION_OF_THE_ORDER = (
    "Order of the High Court of Accra",
    "The High Court orders the freezing of the account of Mr Kwame ASANTE",
    "DE89 3704 0044 0532 0130 00 held at a bank in the Reference State.",
)


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    with running_dovecot() as server:
        yield server


@pytest.fixture
def service(dovecot: Dovecot, tmp_path: Path) -> Iterator[RunningService]:
    mailbox = dovecot.mailbox().model_dump(mode="json")
    settings = {"ROGATORY_MAILBOXES": json.dumps([mailbox]), "ROGATORY_MAIL_POLL_SECONDS": "1"}
    running = start_service(tmp_path / "data", settings=settings)
    yield running
    assert running.stop() == 0, running.log()[-4000:]


def _done(service: RunningService) -> dict[str, Any] | None:
    found = next(iter(service.requests()), None)
    if found and found["status"] in ("routed", "needs_review", "failed"):
        return found
    return None


def test_a_message_is_registered_once_with_its_annexes_and_routed(
    service: RunningService, dovecot: Dovecot
) -> None:
    sent = message(
        subject="Request for mutual legal assistance: freezing of an account",
        message_id="<mla-2026-77@justice.example>",
        attachments=[
            ("letter.pdf", text_pdf(FREEZING_REQUEST.splitlines()), "application/pdf"),
            ("order-translation.pdf", text_pdf(_TRANSLATION_OF_THE_ORDER), "application/pdf"),
        ],
    )
    dovecot.deliver(bytes(sent))

    registration = service.wait_for(lambda: _done(service), timeout=240, what="the message to be processed")

    assert registration["status"] == "routed", registration
    assert registration["filename"] == "letter.pdf"
    view = service.get(f"/api/requests/{registration['number']}")
    assert [(a["name"], a["status"]) for a in view["annexes"]] == [("order-translation.pdf", "accepted")]
    (annex,) = view["analysis"]["annexes"]
    accounts = {e["value"] for e in annex["entities"]["items"] if e["kind"] == "account"}
    assert accounts == {"DE89370400440532013000"}
    assert len(service.requests()) == 1
    db = open_database(f"sqlite:///{service.data_dir / 'rogatory.db'}")
    try:
        mail = mail_of(db, registration["number"])
    finally:
        db.dispose()
    assert mail is not None
    assert mail.arrival.headers.message_id == "<mla-2026-77@justice.example>"
    assert mail.arrival.headers.subject == "Request for mutual legal assistance: freezing of an account"
    assert dovecot.messages_in("INBOX") == []
    assert len(dovecot.messages_in("Rogatory-processed")) == 1
