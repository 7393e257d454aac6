"""Mailbox settings: from the TOML file or the environment, checked at start."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from rogatory.errors import ConfigurationError
from rogatory.settings import Settings, load_settings
from service.cli.mail_command import start_mail_intake
from storage.database import open_database
from storage.mail import list_mail
from tests.mail import messages
from tests.mail.dovecot import Dovecot


def test_mailboxes_come_from_the_toml_file_or_as_json_from_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "rogatory.toml"
    config.write_text(
        '[rogatory]\n[[rogatory.mailboxes]]\nname = "pec"\nhost = "imaps.pec.example"\nuser = "mla"\n'
        'password_env = "PEC_PASSWORD"\n[[rogatory.mailboxes]]\nhost = "imap.lan"\ntls = false\nuser = "u"\n'
    )
    from_file = load_settings(environ={}, config_path=config)
    from_env = load_settings(
        environ={"ROGATORY_MAILBOXES": '[{"host": "imap.lan", "tls": false, "user": "u"}]'}
    )

    assert [(box.label, box.server_port) for box in from_file.mailboxes] == [
        ("pec", 993),
        ("u@imap.lan/INBOX", 143),
    ]
    assert from_env.mailboxes[0] == from_file.mailboxes[1]
    assert load_settings(environ={}).mailboxes == ()


@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        ("not json", "not a JSON list"),
        ('[{"host": "h"}]', "user"),
        ('[{"host": "h", "user": "u", "folder": "Posta in arrivo\\u00e8"}]', "plain ASCII folder"),
        ('[{"host": "h", "user": "u", "port": 0}]', "port"),
    ],
)
def test_a_wrong_mailbox_is_refused_at_start_naming_what_is_wrong(value: str, complaint: str) -> None:
    with pytest.raises(ConfigurationError, match=complaint):
        load_settings(environ={"ROGATORY_MAILBOXES": value})


def test_rogatory_run_starts_no_mail_intake_without_mailboxes(tmp_path: Path) -> None:
    assert start_mail_intake(Settings(data_dir=tmp_path), threading.Event()) == []


def test_rogatory_run_reads_the_configured_mailboxes_until_stopped(dovecot: Dovecot, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", mailboxes=(dovecot.mailbox(),), mail_poll_seconds=0.2)
    settings.ensure_dirs()
    dovecot.deliver(messages.request_message().as_bytes())
    stop = threading.Event()

    threads = start_mail_intake(settings, stop)
    db = open_database(settings.database)
    try:
        deadline = time.monotonic() + 30
        while not list_mail(db) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
    assert [record.outcome for record in list_mail(db)] == ["registered"]
    assert not any(thread.is_alive() for thread in threads)
    db.dispose()
