"""Delivery through a real Celery worker on the embedded default (filesystem broker, SQLite):
``rogatory worker`` in a child process sends the e-mails to an aiosmtpd server on loopback
and retries a webhook that first refuses (HTTP 503) until it accepts."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rogatory.review import Channel, Delivery, DeliveryStatus
from rogatory.settings import load_settings
from rogatory.sources import MediaType
from service.bootstrap import task_sender
from storage.database import open_database
from storage.deliveries import list_deliveries
from storage.object_stores import open_object_store
from storage.registry import register, save_analysis
from tests.storage.sample_analysis import make_analysis
from tests.workers.test_delivery import Inbox, Receiver, receiver, smtp  # noqa: F401 - fixtures

pytestmark = pytest.mark.slow


@pytest.fixture
def env(tmp_path: Path, smtp: tuple[Inbox, int], receiver: Receiver) -> dict[str, str]:  # noqa: F811
    return {
        "ROGATORY_DATA_DIR": str(tmp_path / "data"),
        "ROGATORY_SMTP_HOST": "127.0.0.1",
        "ROGATORY_SMTP_PORT": str(smtp[1]),
        "ROGATORY_WEBHOOK_URL": receiver.url,
        "ROGATORY_WEBHOOK_SECRET": "s3cret",
        "ROGATORY_DELIVERY_RETRY_SECONDS": "1",
        "ROGATORY_WORKER_CONCURRENCY": "1",
    }


@pytest.fixture
def worker(env: dict[str, str], tmp_path: Path) -> Iterator[Path]:
    log_path = tmp_path / "worker.log"
    child_env = {key: value for key, value in os.environ.items() if not key.startswith("ROGATORY_")}
    child_env.update(env)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "service", "worker"], env=child_env, stdout=log, stderr=subprocess.STDOUT
        )
    yield log_path
    process.terminate()
    assert process.wait(timeout=60) == 0, log_path.read_text()[-3000:]


def _wait(db_url: str, number: str, done: int, log: Path, timeout: float = 60) -> list[Delivery]:
    db = open_database(db_url)
    try:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            deliveries = list_deliveries(db, number=number)
            if sum(d.status == DeliveryStatus.SENT for d in deliveries) >= done:
                return deliveries
            time.sleep(0.3)
        raise AssertionError(f"{deliveries}\n{log.read_text()[-3000:]}")
    finally:
        db.dispose()


def test_a_worker_delivers_and_retries_a_refused_webhook(
    env: dict[str, str],
    worker: Path,
    smtp: tuple[Inbox, int],  # noqa: F811
    receiver: Receiver,  # noqa: F811
) -> None:
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    db = open_database(settings.database)
    sha256 = open_object_store(settings).put(b"%PDF-1.4 request")
    number = register(
        db, sha256=sha256, filename="r.pdf", size=16, media_type=MediaType.PDF, source="cli"
    ).registration.number
    save_analysis(db, number, make_analysis(["Request"], needs_review=False))
    db.dispose()
    receiver.status = 503
    task_sender(settings).enqueue_delivery(number)
    deliveries = _wait(settings.database, number, done=1, log=worker)  # the e-mail goes through
    webhook = next(d for d in deliveries if d.channel == Channel.WEBHOOK)
    assert webhook.status == DeliveryStatus.RETRYING
    assert "HTTP 503" in (webhook.last_error or "")
    receiver.status = 200
    final = _wait(settings.database, number, done=2, log=worker)
    webhook = next(d for d in final if d.channel == Channel.WEBHOOK)
    assert webhook.attempts >= 2
    assert [message["To"] for message in smtp[0].messages] == ["intl@prosecutor.example"]
    assert len(receiver.received) == webhook.attempts
