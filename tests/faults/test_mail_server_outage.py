"""The IMAP server going away, and the mail process killed, while ``rogatory mail`` reads.

``rogatory mail`` runs as a deployment runs it (ROGATORY_* variables only, the embedded
default) against a private dovecot (tests/mail/dovecot.py) holding 24 requests. Meanwhile
the server is killed (SIGKILL to all its processes) and started again three times, and
the mail process once. Every request must be registered once, with numbers that leave no
gap, every message moved to the processed folder, and no duplicate recorded.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rogatory.settings import load_settings
from storage.database import open_database
from storage.mail import list_mail
from storage.registry import get_request, list_requests
from tests.faults.servers import rogatory
from tests.ingest import originals
from tests.mail import messages
from tests.mail.dovecot import PASSWORD, USER, Dovecot, running_dovecot

pytestmark = [pytest.mark.slow, pytest.mark.faults]

MESSAGES = 24


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    with running_dovecot() as server:
        yield server


def _request(index: int) -> bytes:
    """A request with a scan of about 300 kB, so that fetching it takes a moment."""
    scan = originals.image("TIFF", size=(400 + index, 250))
    return messages.message(
        subject=f"Request {index}", attachments=[(f"scan-{index}.tif", scan, "image/tiff")]
    ).as_bytes()


def test_the_server_going_away_and_the_process_killed_lose_nothing_and_double_nothing(
    dovecot: Dovecot, tmp_path: Path
) -> None:
    mailbox = {
        "name": "central",
        "host": "127.0.0.1",
        "port": dovecot.imaps_port,
        "tls": True,
        "ca_file": str(dovecot.cert),
        "user": USER,
        "password_env": "MAILBOX_PASSWORD",
    }
    env = {
        "ROGATORY_DATA_DIR": str(tmp_path / "data"),
        "ROGATORY_MAILBOXES": json.dumps([mailbox]),
        "ROGATORY_MAIL_RETRY_SECONDS": "0.5",
        "ROGATORY_MAIL_POLL_SECONDS": "0.5",
        "ROGATORY_MAIL_TIMEOUT_SECONDS": "5",
        "MAILBOX_PASSWORD": PASSWORD,
    }
    settings = load_settings(
        environ={key: value for key, value in env.items() if key.startswith("ROGATORY_")}
    )
    dovecot.deliver(*(_request(index) for index in range(MESSAGES)))
    log = tmp_path / "mail.log"
    reader = rogatory("mail", ["mail"], env, log)
    reader.start()
    chooser = random.Random(19)
    try:
        for round_ in range(4):
            # Each time once the reader has taken in a few more messages: mid-pass (a fast reader
            # may have taken them all by then: the last rounds then restart an idle reader's server).
            target = min(MESSAGES, _taken(log) + chooser.randint(1, 3))
            _wait(lambda target=target: _taken(log) >= target, 120, reader.log)
            time.sleep(chooser.uniform(0.0, 0.3))
            if round_ == 2:
                reader.kill()
                reader = rogatory("mail", ["mail"], env, log)
                reader.start()
            else:
                dovecot.kill()
                time.sleep(chooser.uniform(0.2, 1.0))
                dovecot.start()
        _wait(lambda: len(dovecot.messages_in("Rogatory-processed")) == MESSAGES, 180, reader.log)
    finally:
        reader.stop()
    db = open_database(settings.database)
    try:
        registrations = sorted(list_requests(db, limit=1000), key=lambda registration: registration.number)
        assert [int(r.number.rsplit("-", 1)[1]) for r in registrations] == list(range(1, MESSAGES + 1))
        assert sorted(r.filename for r in registrations) == sorted(
            f"scan-{index}.tif" for index in range(MESSAGES)
        )
        assert all(get_request(db, r.number).duplicates == () for r in registrations)
        assert sorted(record.outcome for record in list_mail(db, limit=1000)) == ["registered"] * MESSAGES
    finally:
        db.dispose()
    assert dovecot.messages_in("INBOX") == []
    assert reader.log().count("trying again") >= 3  # the server did go away while it read


def _taken(log: Path) -> int:
    """How many messages intake logged as registered so far (one line each, as they are taken in)."""
    return log.read_text(errors="replace").count("]: registered '") if log.exists() else 0


def _wait(condition: Callable[[], bool], timeout: float, log: Callable[[], str]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass  # the server is being restarted
        time.sleep(0.2)
    raise AssertionError(f"not done in {timeout}s; log:\n{log()[-4000:]}")
