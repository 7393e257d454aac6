"""``rogatory mail``: the mail intake process as an operator runs it, in process, on dovecot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.cli import main
from tests.ingest import originals
from tests.mail import messages
from tests.mail.dovecot import PASSWORD, Dovecot


def test_without_a_mailbox_it_says_how_to_configure_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "mail", "--once"]) == 2
    error = capsys.readouterr().err
    assert "no mailbox is configured" in error
    assert "ROGATORY_MAILBOXES" in error


def test_once_reads_each_mailbox_and_says_what_became_of_each_message(
    dovecot: Dovecot, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "mailbox-password"
    secret.write_text(PASSWORD + "\n")
    box = dovecot.mailbox(tls=True).model_dump(mode="json", exclude={"password"})
    box["password_file"] = str(secret)
    monkeypatch.setenv("ROGATORY_MAILBOXES", json.dumps([box]))
    letter = [("Запрос.pdf", originals.pdf(1), "application/pdf")]
    dovecot.deliver(
        messages.message(subject="Запрос о правовой помощи", attachments=letter).as_bytes(),
        messages.message(subject="no attachment").as_bytes(),
    )

    assert main(["--data-dir", str(tmp_path / "data"), "mail", "--once"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("central: 'Запрос о правовой помощи' from Procura di Milano")
    assert out[0].split(": ")[-1].startswith("registered as RQ-")
    assert "refused (unsupported_type)" in out[1]
    assert dovecot.messages_in("INBOX") == []
