"""A single file that carries files is one request with annexes (issue 19): a PDF with
attached files dropped into the inbox or uploaded, a ZIP archive alone. Everything else of
single-file intake stays: the move to processed/, quarantine with the reason, duplicates,
and the resume after a watcher stopped between the registration and the move."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingest.intake import IntakeContext, admit, intake_bytes, intake_file
from ingest.validation import RejectionCode
from ingest.watcher import InboxWatcher
from storage.objects import sha256_hex
from storage.registry import get_request, list_rejections, list_requests
from tests.faults import hostile
from tests.ingest import originals
from tests.ingest.clock import FakeClock


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_pdf_with_two_attached_files_dropped_into_the_inbox_is_one_request_with_two_annexes(
    context: IntakeContext, queued: list[str]
) -> None:
    order, accounts = originals.pdf(2), originals.image("PNG", size=(300, 200))
    letter = originals.pdf_with_attachments([("court-order.pdf", order), ("accounts.png", accounts)])
    clock, inbox = FakeClock(), context.settings.inbox
    (inbox / "letter.pdf").write_bytes(letter)
    watcher = InboxWatcher(
        context.settings, handle=lambda path: intake_file(path, context=context), poll=True, clock=clock
    )

    assert watcher.scan_once() == []
    clock.now += 3.0
    assert watcher.scan_once() == [inbox / "letter.pdf"]

    (registration,) = list_requests(context.db)
    assert (registration.filename, registration.source, registration.sha256, registration.annex_count) == (
        "letter.pdf",
        "watcher",
        sha256_hex(letter),
        2,
    )
    view = get_request(context.db, registration.number)
    assert [(a.position, a.name, a.origin, a.status, a.parent) for a in view.annexes] == [
        (2, "letter.pdf/accounts.png", "pdf_attachment", "accepted", 1),  # the PDF's name-tree order
        (3, "letter.pdf/court-order.pdf", "pdf_attachment", "accepted", 1),
    ]
    assert context.store.get(sha256_hex(order)) == order
    assert context.store.get(sha256_hex(accounts)) == accounts
    assert _names(inbox) == []
    assert _names(context.settings.processed_dir) == [f"{registration.number}__letter.pdf"]
    assert queued == [registration.number]  # once, after the move
    assert list_rejections(context.db) == []


def test_a_pdf_with_javascript_and_attached_files_is_still_refused_and_quarantined(
    context: IntakeContext, queued: list[str]
) -> None:
    path = context.settings.inbox / "script.pdf"
    path.write_bytes(hostile.pdf_with_javascript_and_embedded_files())

    result = intake_file(path, context=context)

    assert (result.status, result.code) == ("rejected", RejectionCode.ACTIVE_CONTENT)
    assert result.reason is not None
    assert "contains JavaScript" in result.reason
    assert list_requests(context.db) == []
    assert [(r.filename, r.code) for r in list_rejections(context.db)] == [("script.pdf", "active_content")]
    assert _names(context.settings.quarantine_dir) == ["script.pdf", "script.pdf.reason.txt"]
    assert not context.store.exists(sha256_hex(originals.pdf(1)))  # nothing taken out of it
    assert queued == []


def test_a_pdf_refused_for_its_own_pages_is_refused_for_them_not_for_its_attachments(
    context: IntakeContext,
) -> None:
    letter = originals.pdf_with_attachments([("order.pdf", originals.pdf(1))], pages=11)  # max_pages=10

    result = intake_bytes(letter, filename="long.pdf", source="upload", context=context)

    assert (result.status, result.code) == ("rejected", RejectionCode.TOO_MANY_PAGES)
    assert list_requests(context.db) == []
    assert _names(context.settings.quarantine_dir) == ["long.pdf", "long.pdf.reason.txt"]


def test_an_uploaded_pdf_with_an_attached_program_keeps_it_as_a_refused_annex(
    context: IntakeContext, queued: list[str]
) -> None:
    letter = hostile.pdf_with_embedded_file()

    result = intake_bytes(letter, filename="annex.pdf", source="upload", context=context)

    assert result.status == "registered"
    assert result.number is not None
    view = get_request(context.db, result.number)
    assert [(a.name, a.status, a.code) for a in view.annexes] == [
        ("annex.pdf/annex.exe", "refused", "unsupported_type")
    ]
    assert view.registration.annex_count == 0
    assert _names(context.settings.quarantine_dir) == []  # kept inside the registered PDF
    assert queued == [result.number]


def test_a_zip_uploaded_alone_is_one_request_with_its_members(
    context: IntakeContext, queued: list[str]
) -> None:
    letter, order = originals.pdf(1), originals.pdf(2)
    archive = originals.zip_of([("1-letter.pdf", letter), ("2-order.pdf", order), ("notes.txt", b"text")])

    result = intake_bytes(archive, filename="request.zip", source="upload", context=context)

    assert result.status == "registered"
    assert result.number is not None
    (registration,) = list_requests(context.db)
    assert (registration.filename, registration.sha256, registration.annex_count) == (
        "request.zip/1-letter.pdf",
        sha256_hex(letter),
        1,
    )
    view = get_request(context.db, result.number)
    assert [(a.position, a.name, a.status, a.parent) for a in view.annexes] == [
        (2, "request.zip", "unpacked", None),
        (3, "request.zip/2-order.pdf", "accepted", 2),
        (4, "request.zip/notes.txt", "refused", 2),
    ]
    assert context.store.get(sha256_hex(archive)) == archive
    assert _names(context.settings.quarantine_dir) == []
    assert queued == [result.number]


def test_a_zip_with_nothing_acceptable_is_refused_whole_and_quarantined_once(context: IntakeContext) -> None:
    archive = originals.zip_of([("notes.txt", b"plain text"), ("page.html", b"<html></html>")])
    path = context.settings.inbox / "request.zip"
    path.write_bytes(archive)

    result = intake_file(path, context=context)

    assert (result.status, result.code, result.sha256) == ("rejected", "no_document", sha256_hex(archive))
    assert result.reason is not None
    assert "notes.txt" in result.reason
    assert list_requests(context.db) == []
    assert _names(context.settings.inbox) == []
    assert _names(context.settings.quarantine_dir) == ["request.zip", "request.zip.reason.txt"]


def test_an_office_document_is_still_refused_as_what_it_is(context: IntakeContext) -> None:
    result = intake_bytes(originals.zip_archive(), filename="letter.docx", source="upload", context=context)

    assert (result.status, result.code) == ("rejected", RejectionCode.UNSUPPORTED_TYPE)


def test_the_same_pdf_with_attachments_dropped_again_is_a_duplicate(
    context: IntakeContext, queued: list[str]
) -> None:
    letter = originals.pdf_with_attachments([("order.pdf", originals.pdf(2))])
    inbox = context.settings.inbox
    (inbox / "letter.pdf").write_bytes(letter)
    first = intake_file(inbox / "letter.pdf", context=context)
    (inbox / "copy.pdf").write_bytes(letter)

    second = intake_file(inbox / "copy.pdf", context=context)

    assert (second.status, second.duplicate_of) == ("duplicate", first.number)
    assert first.number is not None
    assert [event.filename for event in get_request(context.db, first.number).duplicates] == ["copy.pdf"]
    assert _names(context.settings.processed_dir) == [
        f"{first.number}__letter.pdf",
        f"duplicate-of-{first.number}__copy.pdf",
    ]
    assert queued == [first.number]


@pytest.mark.parametrize("kind", ["zip", "pdf"])
def test_a_carrier_registered_before_the_watcher_stopped_is_filed_not_a_duplicate_of_itself(
    context: IntakeContext, queued: list[str], kind: str
) -> None:
    order = originals.pdf(2)
    if kind == "zip":
        data, name = originals.zip_of([("letter.pdf", originals.pdf(1)), ("order.pdf", order)]), "request.zip"
    else:
        data, name = originals.pdf_with_attachments([("order.pdf", order)]), "letter.pdf"
    path = context.settings.inbox / name
    path.write_bytes(data)
    # The watcher registered it, then was killed before moving it out of the inbox.
    before = admit(data, filename=name, source="watcher", context=context, now=datetime.now(UTC))
    assert before.status == "registered"
    assert before.number is not None

    result = intake_file(path, context=context)

    assert (result.status, result.number) == ("registered", before.number)
    assert len(list_requests(context.db)) == 1
    assert get_request(context.db, before.number).duplicates == ()
    assert _names(context.settings.processed_dir) == [f"{before.number}__{name}"]
    assert queued == [before.number]

    path.write_bytes(data)  # the same content dropped again later is a duplicate
    again = intake_file(path, context=context)
    assert (again.status, again.duplicate_of) == ("duplicate", before.number)
