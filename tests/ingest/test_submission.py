"""intake_submission: a request handed over as a whole; the message kept first, then its files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.intake import IntakeContext
from ingest.submission import intake_submission
from rogatory.settings import Settings
from rogatory.submissions import MailHeaders, Submission, SubmittedFile
from storage.database import open_database
from storage.objects import FilesystemObjectStore, sha256_hex
from storage.registry import get_request
from tests.ingest import originals


@pytest.fixture
def context(tmp_path: Path) -> Iterator[IntakeContext]:
    settings = Settings(data_dir=tmp_path, max_file_bytes=2_000_000, max_pages=10)
    settings.ensure_dirs()
    db = open_database(settings.database)
    queued: list[str] = []
    yield IntakeContext(
        settings=settings, db=db, store=FilesystemObjectStore(settings.objects_dir), enqueue=queued.append
    )
    db.dispose()


def test_the_message_is_kept_first_and_the_first_good_file_is_the_request(context: IntakeContext) -> None:
    envelope = b"From: a@example.org\r\nSubject: request\r\n\r\nbody\r\n"
    letter = originals.pdf(1)
    submission = Submission(
        source="mail",
        files=(
            SubmittedFile(name="notes.txt", data=b"not a scan", origin="mail_attachment"),
            SubmittedFile(name="letter.pdf", data=letter, origin="mail_attachment"),
        ),
        envelope=envelope,
        headers=MailHeaders(message_id="<1@example.org>", sender="a@example.org"),
    )

    result = intake_submission(submission, context=context)

    assert result.envelope_sha256 == sha256_hex(envelope)
    assert context.store.get(sha256_hex(envelope)) == envelope
    assert [file.status for file in result.files] == ["rejected", "registered"]
    assert result.request.status == "registered"
    assert result.request.number is not None
    registration = get_request(context.db, result.request.number).registration
    assert (registration.filename, registration.source) == ("letter.pdf", "mail")


def test_a_submission_with_no_good_file_is_refused_with_the_reasons(context: IntakeContext) -> None:
    bad = Submission(source="upload", files=(SubmittedFile(name="a.txt", data=b"text"),))
    empty = Submission(source="upload", files=())

    refused = intake_submission(bad, context=context)
    nothing = intake_submission(empty, context=context)

    assert refused.request.status == "rejected"
    assert refused.request.reason is not None
    assert "a.txt" in refused.request.reason
    assert (nothing.request.status, nothing.request.code) == ("rejected", "no_document")
