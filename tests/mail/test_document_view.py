"""The document view of a request that came by e-mail: its headers shown, the reply sent.

The reply goes through a real SMTP server on loopback (aiosmtpd), as the notices do.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient

from rogatory.mail import MailArrival
from rogatory.records import Completeness, ElementCheck
from rogatory.submissions import MailHeaders
from storage.audit import list_audit
from storage.database import Database
from storage.mail import begin_arrival, finish_arrival
from tests.storage.sample_analysis import add_request, make_analysis
from tests.web.users import app_with_people, bearer
from web.dependencies import context_of

SENDER = "Procura di Milano <procura.milano@giustizia.example>"


class Inbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def app(tmp_path: Path, smtp: tuple[Inbox, int]) -> Iterator[tuple[TestClient, dict[str, str]]]:
    with app_with_people(
        tmp_path / "data", smtp_host="127.0.0.1", smtp_port=smtp[1], smtp_from="mla@justice.example"
    ) as started:
        yield started


def _mailed_request(db: Database, *, incomplete: bool) -> str:
    analysis = make_analysis(["Rossi Mario, conto corrente", "seconda pagina"], language="it")
    if incomplete:
        checks = (
            ElementCheck(element="authority", present=True),
            ElementCheck(element="facts_summary", present=False),
        )
        analysis = analysis.model_copy(update={"completeness": Completeness(checks=checks)})
    number = add_request(db, f"mailed-{incomplete}", analysis)
    headers = MailHeaders(
        message_id="<rogatoria-12@giustizia.example>",
        sender=SENDER,
        recipients=("central.authority@justice.example",),
        subject="Rogatoria 12/2026 — richiesta di assistenza",
        mailbox="pec",
        certified=True,
    )
    record = begin_arrival(
        db,
        MailArrival(mailbox="pec", uidvalidity=1, uid=7, headers=headers, body="Si trasmette la richiesta."),
    )
    finish_arrival(db, record, outcome="registered", number=number)
    return number


def test_the_page_shows_the_headers_and_the_reply_goes_to_the_sender_and_into_the_history(
    app: tuple[TestClient, dict[str, str]], smtp: tuple[Inbox, int]
) -> None:
    client, tokens = app
    db = context_of(client.app).db
    number = _mailed_request(db, incomplete=True)

    page = client.get(f"/requests/{number}", headers=bearer(tokens["reviewer"]))

    assert page.status_code == 200
    assert "Rogatoria 12/2026 — richiesta di assistenza" in page.text
    assert "procura.milano@giustizia.example" in page.text
    assert "certified mail, unwrapped" in page.text
    assert f"/requests/{number}/reply" in page.text

    sent = client.post(
        f"/requests/{number}/reply", headers=bearer(tokens["reviewer"]), follow_redirects=False
    )

    assert sent.status_code == 303
    (reply,) = smtp[0].messages
    assert reply["To"] == "procura.milano@giustizia.example"
    assert reply["In-Reply-To"] == "<rogatoria-12@giustizia.example>"
    assert reply["Subject"] == "Re: Rogatoria 12/2026 — richiesta di assistenza"
    history = [entry for entry in list_audit(db, number=number) if entry.action == "reply"]
    assert len(history) == 1
    assert history[0].actor == "reviewer"
    assert "procura.milano@giustizia.example" in history[0].detail


def test_a_complete_request_has_no_letter_to_send(
    app: tuple[TestClient, dict[str, str]], smtp: tuple[Inbox, int]
) -> None:
    client, tokens = app
    db = context_of(client.app).db
    number = _mailed_request(db, incomplete=False)

    page = client.get(f"/requests/{number}", headers=bearer(tokens["reviewer"]))
    refused = client.post(
        f"/requests/{number}/reply", headers=bearer(tokens["reviewer"]), follow_redirects=False
    )

    assert "Rogatoria 12/2026" in page.text
    assert f"/requests/{number}/reply" not in page.text
    assert refused.status_code == 422  # an InputError, with its message
    assert smtp[0].messages == []


def test_refused_messages_are_listed_with_their_reason_beside_the_refused_files(
    app: tuple[TestClient, dict[str, str]],
) -> None:
    client, tokens = app
    db = context_of(client.app).db
    headers = MailHeaders(
        message_id="<big@x>", sender=SENDER, subject="Allegati troppo grandi", mailbox="pec"
    )
    record = begin_arrival(
        db, MailArrival(mailbox="pec", uidvalidity=1, uid=9, size=90_000_000, headers=headers)
    )
    finish_arrival(
        db, record, outcome="refused", code="too_large", reason="The message is 90.0 MB, more than the limit."
    )

    page = client.get("/refused", headers=bearer(tokens["clerk"]))

    assert page.status_code == 200
    assert "Refused messages" in page.text
    assert "Allegati troppo grandi" in page.text
    assert "The message is 90.0 MB, more than the limit." in page.text
