"""intake_submission: a request handed over as a whole; the message kept first, then its files
registered together: the first good one as the main document, every other as an annex."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.intake import IntakeContext
from ingest.submission import intake_submission
from rogatory.settings import Settings
from rogatory.submissions import MailHeaders, Submission, SubmittedFile
from storage.database import Database, open_database
from storage.objects import FilesystemObjectStore, sha256_hex
from storage.registry import get_request, list_rejections
from tests.ingest import originals
from tests.postgres import empty_tables, fresh_database


@pytest.fixture(scope="module")
def postgres_db() -> Iterator[Database]:
    with fresh_database() as url:
        database = open_database(url)
        yield database
        database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def context(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IntakeContext]:
    settings = Settings(data_dir=tmp_path, max_file_bytes=2_000_000, max_pages=10)
    settings.ensure_dirs()
    if request.param == "postgresql":
        db: Database = request.getfixturevalue("postgres_db")
        empty_tables(db)
    else:
        db = open_database(settings.database)
    queued: list[str] = []
    yield IntakeContext(
        settings=settings, db=db, store=FilesystemObjectStore(settings.objects_dir), enqueue=queued.append
    )
    if request.param == "sqlite":
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
    view = get_request(context.db, result.request.number)
    assert (view.registration.filename, view.registration.source) == ("letter.pdf", "mail")
    assert [(annex.position, annex.name, annex.status) for annex in view.annexes] == [
        (2, "notes.txt", "refused")
    ]
    assert view.registration.annex_count == 0


def test_every_other_accepted_file_is_an_annex_stored_by_its_hash(context: IntakeContext) -> None:
    letter, translation, photo = originals.pdf(2), originals.pdf(1) + b"\n", originals.image("JPEG")
    submission = Submission(
        source="upload",
        files=(
            SubmittedFile(name="letter.pdf", data=letter),
            SubmittedFile(name="translation.pdf", data=translation),
            SubmittedFile(name="empty.pdf", data=b""),
            SubmittedFile(name="photo.jpg", data=photo),
        ),
    )

    result = intake_submission(submission, context=context)

    assert result.request.status == "registered"
    number = result.request.number
    assert number is not None
    assert [file.status for file in result.files] == ["registered", "registered", "rejected", "registered"]
    assert {file.number for file in result.files if file.status == "registered"} == {number}
    view = get_request(context.db, number)
    assert view.registration.sha256 == sha256_hex(letter)
    assert view.registration.annex_count == 2
    rows = [(a.position, a.name, a.status, a.media_type, a.code) for a in view.annexes]
    assert rows == [
        (2, "translation.pdf", "accepted", "application/pdf", None),
        (3, "empty.pdf", "refused", None, "empty"),
        (4, "photo.jpg", "accepted", "image/jpeg", None),
    ]
    assert view.annexes[0].sha256 == sha256_hex(translation)
    assert context.store.get(sha256_hex(translation)) == translation
    assert context.store.get(sha256_hex(photo)) == photo
    assert result.annexes == view.annexes
    # The refused file of an upload is kept once, in quarantine, with its reason; not a rejection row.
    assert (context.settings.quarantine_dir / "empty.pdf").exists()
    assert (context.settings.quarantine_dir / "empty.pdf.reason.txt").exists()
    assert list_rejections(context.db) == []


def test_one_number_for_the_whole_request_and_the_next_request_gets_the_next(context: IntakeContext) -> None:
    first = intake_submission(
        Submission(
            source="upload",
            files=(
                SubmittedFile(name="a.pdf", data=originals.pdf(1)),
                SubmittedFile(name="b.pdf", data=originals.pdf(3)),
            ),
        ),
        context=context,
    )
    second = intake_submission(
        Submission(source="upload", files=(SubmittedFile(name="c.pdf", data=originals.pdf(4)),)),
        context=context,
    )

    assert first.request.number is not None
    assert second.request.number is not None
    assert int(second.request.number.rsplit("-", 1)[1]) == int(first.request.number.rsplit("-", 1)[1]) + 1


def test_a_submission_seen_before_is_a_duplicate_and_adds_no_annex(context: IntakeContext) -> None:
    files = (
        SubmittedFile(name="letter.pdf", data=originals.pdf(1)),
        SubmittedFile(name="b.png", data=originals.image("PNG")),
    )
    first = intake_submission(Submission(source="upload", files=files), context=context)
    again = intake_submission(
        Submission(source="mail", files=files, envelope=b"Subject: again\r\n\r\n"), context=context
    )

    assert again.request.status == "duplicate"
    assert again.request.duplicate_of == first.request.number
    assert again.annexes == ()
    assert [file.status for file in again.files] == ["duplicate", "duplicate"]
    assert first.request.number is not None
    view = get_request(context.db, first.request.number)
    assert len(view.annexes) == 1
    assert [duplicate.source for duplicate in view.duplicates] == ["mail"]


def test_the_same_file_twice_in_one_request_is_listed_once(context: IntakeContext) -> None:
    order = originals.pdf(2)
    files = (
        SubmittedFile(name="letter.pdf", data=originals.pdf(1)),
        SubmittedFile(name="order.pdf", data=order),
        SubmittedFile(name="order-copy.pdf", data=order),
    )
    result = intake_submission(Submission(source="upload", files=files), context=context)

    assert [annex.name for annex in result.annexes] == ["order.pdf"]


def test_a_submission_with_no_good_file_is_refused_with_the_reasons(context: IntakeContext) -> None:
    bad = Submission(source="upload", files=(SubmittedFile(name="a.txt", data=b"text"),))
    empty = Submission(source="upload", files=())

    refused = intake_submission(bad, context=context)
    nothing = intake_submission(empty, context=context)

    assert refused.request.status == "rejected"
    assert refused.request.reason is not None
    assert "a.txt" in refused.request.reason
    assert (nothing.request.status, nothing.request.code) == ("rejected", "no_document")
    assert [rejection.filename for rejection in list_rejections(context.db)] == ["a.txt"]


def test_a_zip_is_unpacked_into_annexes_and_kept(context: IntakeContext) -> None:
    order, photo = originals.pdf(2), originals.image("PNG")
    archive = originals.zip_of([("docs/order.pdf", order), ("photo.png", photo), ("../escape.pdf", order)])
    files = (
        SubmittedFile(name="letter.pdf", data=originals.pdf(1)),
        SubmittedFile(name="annexes.zip", data=archive),
    )

    result = intake_submission(Submission(source="upload", files=files), context=context)

    rows = [(a.position, a.name, a.status, a.origin, a.parent, a.code) for a in result.annexes]
    assert rows == [
        (2, "annexes.zip", "unpacked", "file", None, None),
        (3, "annexes.zip/docs/order.pdf", "accepted", "zip_member", 2, None),
        (4, "annexes.zip/photo.png", "accepted", "zip_member", 2, None),
        (5, "annexes.zip/../escape.pdf", "refused", "zip_member", 2, "path_outside_archive"),
    ]
    assert context.store.get(sha256_hex(archive)) == archive
    assert context.store.get(sha256_hex(order)) == order


def test_the_attached_files_of_a_pdf_become_annexes_instead_of_a_refusal(context: IntakeContext) -> None:
    order = originals.pdf(2)
    letter = originals.pdf_with_attachments([("court-order.pdf", order), ("notes.txt", b"plain text")])
    files = (SubmittedFile(name="letter.pdf", data=letter),)

    result = intake_submission(Submission(source="upload", files=files), context=context)

    assert result.request.status == "registered"
    rows = [(a.position, a.name, a.status, a.origin, a.parent) for a in result.annexes]
    assert rows == [
        (2, "letter.pdf/court-order.pdf", "accepted", "pdf_attachment", 1),
        (3, "letter.pdf/notes.txt", "refused", "pdf_attachment", 1),
    ]
    assert context.store.get(sha256_hex(order)) == order
