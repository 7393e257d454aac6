"""Delivery over real parts: an aiosmtpd SMTP server and an HTTP receiver on loopback.

The receivers run in this process on free ports; a failing receiver is a real one that
refuses (HTTP 503) or a port where nothing listens, never a patched function.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import socket
import threading
from collections.abc import Iterator
from datetime import date
from email import message_from_bytes, policy
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from classify.directory import Directory, load_directory
from rogatory.errors import TransientError
from rogatory.records import Label
from rogatory.review import Channel, DeliveryStatus
from rogatory.settings import DEFAULT_AUTHORITIES, Settings, load_settings
from rogatory.sources import MediaType
from storage.database import Database, open_database
from storage.object_stores import open_object_store
from storage.objects import ObjectStore
from storage.registry import register, save_analysis
from storage.review import confirm_routing
from tests.storage.sample_analysis import make_analysis
from web.languages import translator
from workers.delivery import deliver_request, raise_if_retrying
from workers.notice import SIGNATURE_HEADER, verify

SECRET = "s3cret"
WORDING = functools.partial(translator, time_zone="Europe/Paris")
_deliver = functools.partial(deliver_request, wording=WORDING)


class Inbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # headers decoded
        return "250 OK"


class Receiver:
    """A local webhook receiver: answers ``status`` and keeps bodies and headers."""

    def __init__(self) -> None:
        self.status = 200
        self.received: list[tuple[bytes, dict[str, str]]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((body, dict(self.headers.items())))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    thread = threading.Thread(target=receiver.server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def directory() -> Directory:
    return load_directory(DEFAULT_AUTHORITIES)


def _setup(tmp_path: Path, **overrides: object) -> tuple[Settings, Database, ObjectStore]:
    settings = load_settings(environ={}, data_dir=tmp_path / "data", **overrides)
    settings.ensure_dirs()
    return settings, open_database(settings.database), open_object_store(settings)


def _routed(db: Database, store: ObjectStore, *, needs_review: bool = False) -> str:
    data = b"%PDF-1.4 request"
    sha256 = store.put(data)
    number = register(
        db, sha256=sha256, filename="r.pdf", size=len(data), media_type=MediaType.PDF, source="upload"
    ).registration.number
    analysis = make_analysis(["Request"], needs_review=needs_review)
    routing = analysis.routing.model_copy(update={"notify": ("anti_corruption_agency",)})
    classification = analysis.classification.model_copy(
        update={"urgent": Label(value="true", confidence=0.9), "deadline": date(2026, 6, 1)}
    )
    save_analysis(
        db, number, analysis.model_copy(update={"routing": routing, "classification": classification})
    )
    return number


def test_email_to_the_executing_and_the_notified_authority(
    tmp_path: Path, smtp: tuple[Inbox, int], directory: Directory
) -> None:
    inbox, port = smtp
    settings, db, store = _setup(tmp_path, smtp_host="127.0.0.1", smtp_port=port)
    number = _routed(db, store)
    deliveries = _deliver(number, db=db, store=store, directory=directory, settings=settings)
    assert {(d.authority, d.role, d.status) for d in deliveries} == {
        ("prosecutor_general", "execute", DeliveryStatus.SENT),
        ("anti_corruption_agency", "notify", DeliveryStatus.SENT),
    }
    by_to = {message["To"]: message for message in inbox.messages}
    assert set(by_to) == {"intl@prosecutor.example", "cooperation@anticorruption.example"}
    executing = by_to["intl@prosecutor.example"]
    body = executing.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert f"URGENT {number}" in executing["Subject"]
    assert executing["Content-Language"] == "en"
    assert "Requesting state: France" in body
    assert "Measures sought: Bank records" in body
    assert "Deadline: Jun 1, 2026 (urgent)" in body
    assert f"/api/requests/{number}/original" in body
    assert not executing.is_multipart()  # the document is not attached by default
    again = _deliver(number, db=db, store=store, directory=directory, settings=settings)
    assert [d.attempts for d in again] == [1, 1]
    assert len(inbox.messages) == 2


@pytest.mark.parametrize(
    ("language", "subject", "lines"),
    [
        (
            "fr",
            "URGENT {number} : Entraide judiciaire, demande à exécuter",
            ["État requérant : France", "Mesures demandées : Documents bancaires", "Échéance : 1 juin 2026"],
        ),
        ("ar", "عاجل", ["الدولة الطالبة: فرنسا"]),
        ("de", "DRINGEND", ["Ersuchender Staat: Frankreich"]),
    ],
)
def test_an_authority_is_written_to_in_its_language(  # noqa: PLR0917 - the table's three columns
    tmp_path: Path,
    smtp: tuple[Inbox, int],
    directory: Directory,
    language: str,
    subject: str,
    lines: list[str],
) -> None:
    inbox, port = smtp
    settings, db, store = _setup(tmp_path, smtp_host="127.0.0.1", smtp_port=port)
    executing = dataclasses.replace(directory.authorities["prosecutor_general"], language=language)
    in_language = dataclasses.replace(
        directory, authorities={**directory.authorities, "prosecutor_general": executing}
    )
    number = _routed(db, store)
    _deliver(number, db=db, store=store, directory=in_language, settings=settings)
    by_to = {message["To"]: message for message in inbox.messages}
    message = by_to["intl@prosecutor.example"]
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert message["Content-Language"] == language
    assert subject.format(number=number) in str(message["Subject"])
    for line in lines:
        assert line in body
    assert "Requesting state" not in body
    assert "bank_records" not in body
    # the notified authority has no language of its own: the deployment's interface_language
    notified = by_to["cooperation@anticorruption.example"].get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert "Requesting state: France" in notified


def test_the_deployment_language_words_the_authorities_without_one(
    tmp_path: Path, smtp: tuple[Inbox, int], directory: Directory
) -> None:
    inbox, port = smtp
    settings, db, store = _setup(tmp_path, smtp_host="127.0.0.1", smtp_port=port, interface_language="es")
    number = _routed(db, store)
    _deliver(number, db=db, store=store, directory=directory, settings=settings)
    bodies = [m.get_payload(decode=True).decode() for m in inbox.messages]  # type: ignore[union-attr]
    assert len(bodies) == 2
    assert all("Estado requirente: Francia" in body for body in bodies)
    assert all(m["Content-Language"] == "es" for m in inbox.messages)


def test_the_original_is_attached_only_when_the_settings_say_so(
    tmp_path: Path, smtp: tuple[Inbox, int], directory: Directory
) -> None:
    inbox, port = smtp
    settings, db, store = _setup(tmp_path, smtp_host="127.0.0.1", smtp_port=port, smtp_attach_original=True)
    number = _routed(db, store)
    _deliver(number, db=db, store=store, directory=directory, settings=settings)
    attachments = [part.get_payload(decode=True) for part in inbox.messages[0].walk() if part.get_filename()]
    assert attachments == [b"%PDF-1.4 request"]


def test_signed_webhook(tmp_path: Path, receiver: Receiver, directory: Directory) -> None:
    settings, db, store = _setup(tmp_path, webhook_url=receiver.url, webhook_secret=SECRET)
    number = _routed(db, store)
    deliveries = _deliver(number, db=db, store=store, directory=directory, settings=settings)
    assert {(d.channel, d.status) for d in deliveries} == {(Channel.WEBHOOK, DeliveryStatus.SENT)}
    assert len(receiver.received) == 2
    body, headers = receiver.received[0]
    assert verify(body, SECRET, headers[SIGNATURE_HEADER])
    assert not verify(body + b" ", SECRET, headers[SIGNATURE_HEADER])
    payload = json.loads(body)
    assert payload["number"] == number
    assert payload["measures"] == ["bank_records"]


def test_failures_are_retried_and_visible_until_the_last_attempt(
    tmp_path: Path, receiver: Receiver, directory: Directory
) -> None:
    settings, db, store = _setup(
        tmp_path, webhook_url=receiver.url, webhook_secret=SECRET, delivery_max_attempts=3
    )
    number = _routed(db, store)
    receiver.status = 503
    first = _deliver(number, db=db, store=store, directory=directory, settings=settings)
    assert {d.status for d in first} == {DeliveryStatus.RETRYING}
    assert all("HTTP 503" in (d.last_error or "") for d in first)
    with pytest.raises(TransientError, match="2 deliveries to retry"):
        raise_if_retrying(first)
    receiver.status = 200
    second = _deliver(number, db=db, store=store, directory=directory, settings=settings)
    assert {(d.status, d.attempts, d.last_error) for d in second} == {(DeliveryStatus.SENT, 2, None)}
    raise_if_retrying(second)


def test_an_unreachable_smtp_server_fails_after_the_last_attempt(
    tmp_path: Path, directory: Directory
) -> None:
    settings, db, store = _setup(
        tmp_path,
        smtp_host="127.0.0.1",
        smtp_port=_free_port(),
        delivery_max_attempts=2,
        smtp_timeout_seconds=2,
    )
    number = _routed(db, store)
    _deliver(number, db=db, store=store, directory=directory, settings=settings)
    final = _deliver(number, db=db, store=store, directory=directory, settings=settings)
    assert {(d.status, d.attempts) for d in final} == {(DeliveryStatus.FAILED, 2)}
    assert all("ConnectionRefusedError" in (d.last_error or "") for d in final)
    raise_if_retrying(final)  # given up: visible as failed, not retried forever


def test_nothing_is_delivered_while_the_request_awaits_review(
    tmp_path: Path, receiver: Receiver, directory: Directory
) -> None:
    settings, db, store = _setup(tmp_path, webhook_url=receiver.url)
    number = _routed(db, store, needs_review=True)
    assert _deliver(number, db=db, store=store, directory=directory, settings=settings) == []
    confirm_routing(db, number, actor="clerk")
    sent = _deliver(number, db=db, store=store, directory=directory, settings=settings)
    assert len(sent) == 2
    assert len(receiver.received) == 2


def test_delivery_is_off_without_smtp_host_or_webhook(tmp_path: Path, directory: Directory) -> None:
    settings, db, store = _setup(tmp_path)
    assert not settings.email_enabled
    number = _routed(db, store)
    assert _deliver(number, db=db, store=store, directory=directory, settings=settings) == []
