"""A folder dropped into the inbox: taken once its content stops changing, registered as one
request with its annexes, moved whole to processed/ (or quarantine/ with its reason)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.folders import intake_folder
from ingest.intake import IntakeContext, intake_file
from ingest.submission import intake_submission
from ingest.watcher import InboxWatcher
from rogatory.submissions import Submission, SubmittedFile
from storage.objects import sha256_hex
from storage.registry import get_request, list_requests
from tests.ingest import originals
from tests.ingest.clock import FakeClock


def _watcher(context: IntakeContext, clock: FakeClock) -> InboxWatcher:
    return InboxWatcher(
        context.settings,
        handle=lambda path: intake_file(path, context=context),
        handle_folder=lambda path: intake_folder(path, context=context),
        poll=True,
        clock=clock,
    )


def test_a_folder_is_one_request_once_its_content_stops_changing(context: IntakeContext) -> None:
    clock, inbox = FakeClock(), context.settings.inbox
    folder = inbox / "request-from-ghana"
    (folder / "annexes").mkdir(parents=True)
    letter, order = originals.pdf(1), originals.pdf(2)
    (folder / "1-letter.pdf").write_bytes(letter)
    watcher = _watcher(context, clock)

    assert watcher.scan_once() == []
    clock.now += 1.5
    (folder / "annexes" / "order.pdf").write_bytes(order)  # still arriving
    (folder / "annexes" / "order.pdf.part").write_bytes(b"partial")
    assert watcher.scan_once() == []
    clock.now += 1.5
    assert watcher.scan_once() == []  # changed 1.5 s ago
    clock.now += 2.0
    assert watcher.scan_once() == [folder]

    (registration,) = list_requests(context.db)
    assert (registration.filename, registration.source, registration.sha256) == (
        "1-letter.pdf",
        "watcher",
        sha256_hex(letter),
    )
    view = get_request(context.db, registration.number)
    assert [(a.position, a.name, a.origin, a.status) for a in view.annexes] == [
        (2, "annexes/order.pdf", "folder_member", "accepted")
    ]
    assert not folder.exists()
    moved = context.settings.processed_dir / f"{registration.number}__request-from-ghana"
    assert (moved / "annexes" / "order.pdf").read_bytes() == order
    assert list(context.settings.quarantine_dir.iterdir()) == []


def test_a_folder_without_a_good_file_goes_to_quarantine_with_its_reason(context: IntakeContext) -> None:
    folder = context.settings.inbox / "notes"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"not a scan")
    outside = context.settings.data_dir / "outside"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(originals.pdf(1))
    (folder / "link.pdf").symlink_to(outside / "secret.pdf")
    (folder / "linked-folder").symlink_to(outside, target_is_directory=True)
    os.link(outside / "secret.pdf", folder / "hardlink.pdf")
    os.mkfifo(folder / "pipe.pdf")

    result = intake_folder(folder, context=context)

    assert result.request.status == "rejected"
    # Links, the linked folder and the pipe are not read: nothing from outside is registered.
    assert [file.status for file in result.files] == ["rejected"]
    quarantined = context.settings.quarantine_dir / "notes"
    assert (quarantined / "a.txt").exists()
    reason = (context.settings.quarantine_dir / "notes.reason.txt").read_text()
    assert "a.txt" in reason
    assert list_requests(context.db) == []


def test_a_watcher_without_folder_intake_leaves_folders_alone(context: IntakeContext) -> None:
    clock = FakeClock()
    folder = context.settings.inbox / "dir.pdf"
    folder.mkdir()
    (folder / "inner.pdf").write_bytes(originals.pdf(1))
    watcher = InboxWatcher(
        context.settings, handle=lambda path: intake_file(path, context=context), poll=True, clock=clock
    )
    watcher.scan_once()
    clock.now += 5
    assert watcher.scan_once() == []
    assert folder.exists()


def _folder(context: IntakeContext, name: str, letter: bytes, order: bytes) -> Path:
    folder = context.settings.inbox / name
    folder.mkdir()
    (folder / "1-letter.pdf").write_bytes(letter)
    (folder / "2-order.pdf").write_bytes(order)
    return folder


def test_a_folder_registered_before_the_watcher_stopped_is_filed_not_a_duplicate_of_itself(
    context: IntakeContext, queued: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    letter, order = originals.pdf(1), originals.pdf(2)
    folder = _folder(context, "request-from-ghana", letter, order)
    # The watcher registers the folder and stops before it is moved: it is still in the inbox.
    with monkeypatch.context() as patched:
        patched.setattr("ingest.folders.move_folder_into", _fail_to_move)
        first = intake_folder(folder, context=context).request
    assert first.status == "registered"
    assert first.number is not None
    assert folder.is_dir()

    again = intake_folder(folder, context=context).request

    assert (again.status, again.number) == ("registered", first.number)
    assert [r.number for r in list_requests(context.db)] == [first.number]
    view = get_request(context.db, first.number)
    assert view.duplicates == ()
    assert [(a.position, a.name) for a in view.annexes] == [(2, "2-order.pdf")]
    assert not folder.exists()
    assert sorted(p.name for p in context.settings.processed_dir.iterdir()) == [
        f"{first.number}__request-from-ghana"
    ]
    assert queued == [first.number, first.number]  # queued after each move, as a resumed file is


def test_a_folder_with_the_same_files_after_the_first_was_filed_is_a_duplicate(
    context: IntakeContext,
) -> None:
    letter, order = originals.pdf(1), originals.pdf(2)
    first = intake_folder(_folder(context, "request", letter, order), context=context).request
    assert first.number is not None

    second = intake_folder(_folder(context, "request-again", letter, order), context=context).request

    assert (second.status, second.duplicate_of) == ("duplicate", first.number)
    assert [event.filename for event in get_request(context.db, first.number).duplicates] == ["1-letter.pdf"]
    assert sorted(p.name for p in context.settings.processed_dir.iterdir()) == [
        f"{first.number}__request",
        f"duplicate-of-{first.number}__request-again",
    ]


def test_a_folder_holding_more_than_the_registered_request_is_not_taken_for_it(
    context: IntakeContext,
) -> None:
    letter, order = originals.pdf(1), originals.pdf(2)
    # The letter alone was registered from the watcher and never filed under its number.
    registered = intake_submission(
        Submission(source="watcher", files=(SubmittedFile(name="1-letter.pdf", data=letter),)),
        context=context,
    ).request
    assert registered.number is not None

    second = intake_folder(_folder(context, "request", letter, order), context=context).request

    assert (second.status, second.duplicate_of) == ("duplicate", registered.number)


def _fail_to_move(source: Path, folder: Path, name: str) -> Path:
    raise OSError(5, "Input/output error")
