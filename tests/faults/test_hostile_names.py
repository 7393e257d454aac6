"""Hostile names and inbox entries: links out of the inbox, folders, pipes, names that are no
plain file name, a file still growing, a file gone before it is read.

The real watcher runs in a thread (polling) and hands on to the real intake function,
on SQLite and the filesystem store; uploads go through ``intake_bytes``. What is
checked: nothing outside the data folder is read, moved or written; every entry that
is not taken says why in the log; every name lands inside its folder as one safe
component; the watcher keeps going.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from ingest.filenames import MAX_NAME_BYTES
from ingest.intake import IntakeContext, intake_bytes, intake_file
from ingest.watcher import InboxWatcher
from rogatory.errors import InputError, TransientError
from rogatory.settings import Settings
from rogatory.sources import MediaType
from storage.database import open_database
from storage.objects import FilesystemObjectStore
from storage.registry import get_request, list_rejections, list_requests, register
from tests.faults.hostile import REQUEST_LINES, text_pdf
from tests.postgres import fresh_database

pytestmark = pytest.mark.faults


def _document(tag: str) -> bytes:
    """A valid one-page request; ``tag`` makes its content (and hash) its own."""
    return text_pdf([*REQUEST_LINES, f"Reference {tag}"])


def _context(tmp_path: Path, database_url: str = "") -> IntakeContext:
    settings = Settings(
        data_dir=tmp_path / "data", database_url=database_url, stable_seconds=0.3, watch_interval_seconds=0.1
    )
    settings.ensure_dirs()
    return IntakeContext(
        settings=settings,
        db=open_database(settings.database),
        store=FilesystemObjectStore(settings.objects_dir),
        enqueue=lambda _: None,
    )


@pytest.fixture
def context(tmp_path: Path) -> Iterator[IntakeContext]:
    made = _context(tmp_path)
    yield made
    made.db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def named_context(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IntakeContext]:
    """Names go to both databases: each refuses other text (NUL, surrogates) differently."""
    if request.param == "sqlite":
        made = _context(tmp_path)
        yield made
        made.db.dispose()
        return
    with fresh_database() as url:
        made = _context(tmp_path, url)
        yield made
        made.db.dispose()


def _watch(
    context: IntakeContext, until: Callable[[], bool], handle: Callable[[Path], object] | None = None
) -> None:
    """Run the watcher until ``until()`` holds (at most 15 s); fail if it never does."""
    stop = threading.Event()
    watcher = InboxWatcher(
        context.settings, handle=handle or (lambda path: intake_file(path, context=context)), poll=True
    )
    thread = threading.Thread(target=watcher.run, args=(stop,))
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while not until() and time.monotonic() < deadline:
            time.sleep(0.05)
        # A few more scans: what is left alone stays alone.
        time.sleep(0.5)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
    assert until()


def _inbox(context: IntakeContext) -> list[str]:
    return sorted(path.name for path in context.settings.inbox.iterdir())


def test_links_folders_and_pipes_are_left_in_the_inbox_with_a_reason_and_nothing_outside_is_read(
    context: IntakeContext, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = context.settings.inbox
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.pdf"
    secret.write_bytes(_document("secret"))
    linked = outside / "linked.pdf"
    linked.write_bytes(_document("linked"))
    before = {path.name: (path.read_bytes(), os.stat(path).st_mtime_ns) for path in (secret, linked)}
    (inbox / "symlink.pdf").symlink_to(secret)
    (inbox / "dangling.pdf").symlink_to(outside / "missing.pdf")
    (inbox / "up.pdf").symlink_to("../../outside/secret.pdf")
    os.link(linked, inbox / "hardlink.pdf")
    (inbox / "folder.pdf").mkdir()
    (inbox / "folder.pdf" / "inside.pdf").write_bytes(_document("in a folder"))
    os.mkfifo(inbox / "pipe.pdf")
    (inbox / "good.pdf").write_bytes(_document("good"))

    with caplog.at_level(logging.WARNING, logger="ingest.watcher"):
        _watch(context, until=lambda: "good.pdf" not in _inbox(context))

    assert [request.filename for request in list_requests(context.db)] == ["good.pdf"]
    assert list_rejections(context.db) == []
    assert _inbox(context) == [
        "dangling.pdf",
        "folder.pdf",
        "hardlink.pdf",
        "pipe.pdf",
        "symlink.pdf",
        "up.pdf",
    ]
    assert {path.name: (path.read_bytes(), os.stat(path).st_mtime_ns) for path in (secret, linked)} == before
    stored = {path.name for path in context.settings.objects_dir.rglob("*") if path.is_file()}
    assert stored == {hashlib.sha256(_document("good")).hexdigest()}
    reasons = {
        record.getMessage().split(" is ", 1)[0].rsplit("/", 1)[-1]: record.getMessage()
        for record in caplog.records
    }
    assert "a symbolic link" in reasons["symlink.pdf"]
    assert "a symbolic link" in reasons["dangling.pdf"]
    assert "a symbolic link" in reasons["up.pdf"]
    assert "a hard link" in reasons["hardlink.pdf"]
    assert "a folder" in reasons["folder.pdf"]
    assert "not a regular file" in reasons["pipe.pdf"]
    # Said once per entry, not at every scan.
    assert len(caplog.records) == 6


def test_intake_refuses_a_hard_link_even_when_handed_one_directly(
    context: IntakeContext, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "kept-elsewhere.pdf"
    elsewhere.write_bytes(_document("elsewhere"))
    os.link(elsewhere, context.settings.inbox / "second-name.pdf")
    with pytest.raises(InputError) as caught:
        intake_file(context.settings.inbox / "second-name.pdf", context=context)
    assert caught.value.code == "not_a_file"
    assert "hard link" in caught.value.message
    assert elsewhere.read_bytes() == _document("elsewhere")
    assert list_requests(context.db) == []


def _raw_name(name: bytes) -> str:
    return os.fsdecode(name)


INBOX_NAMES = [
    # (name on disk, what the registry keeps)
    ("up\\..\\..\\escape.pdf", "up\\..\\..\\escape.pdf"),
    ("C:\\Windows\\System32\\x.pdf", "C:\\Windows\\System32\\x.pdf"),
    ("a" * 250 + ".pdf", "a" * 250 + ".pdf"),
    ("request\u202efdp.exe", "request\u202efdp.exe"),
    ("zero\u200bwidth.pdf", "zero\u200bwidth.pdf"),
    (_raw_name(b"scan-\xff\xfe-latin1-\xe9.pdf"), "scan-\\xff\\xfe-latin1-\\xe9.pdf"),
    ("line\nbreak\rcarriage.pdf", "line\nbreak\rcarriage.pdf"),
    ("- .pdf", "- .pdf"),
    ("-rf .pdf", "-rf .pdf"),
    ("ملف الطلب.pdf", "ملف الطلب.pdf"),
]


def test_hostile_names_in_the_inbox_are_registered_as_received_and_filed_under_a_safe_name(
    named_context: IntakeContext,
) -> None:
    context = named_context
    inbox = context.settings.inbox
    for index, (name, _kept) in enumerate(INBOX_NAMES):
        (inbox / name).write_bytes(_document(f"name {index}"))

    _watch(context, until=lambda: not _inbox(context))  # ("..." would be a hidden name: left alone)

    kept = sorted(request.filename for request in list_requests(context.db))
    assert kept == sorted(expected for _name, expected in INBOX_NAMES)
    numbers = {request.number for request in list_requests(context.db)}
    filed = list(context.settings.processed_dir.iterdir())
    assert len(filed) == len(INBOX_NAMES)
    for path in filed:
        assert path.parent == context.settings.processed_dir
        number, _, rest = path.name.partition("__")
        assert number in numbers
        assert len(path.name.encode("utf-8", "surrogateescape")) <= MAX_NAME_BYTES + len(number) + 2
        assert rest
        assert not any(char in rest for char in "/\\\n\r\u202e\u200b")
        assert not rest.startswith(".")
        path.name.encode("utf-8")  # no undecodable byte left in a filed name


UPLOAD_NAMES = [
    "../../../../etc/passwd.pdf",
    "/etc/cron.d/evil.pdf",
    "..",
    "scan\x00.pdf.exe",
    "",
    "\ud800lone-surrogate.pdf",
    "x" * 5000 + ".pdf",
]


@pytest.mark.parametrize("rejected", [False, True], ids=["accepted", "rejected"])
def test_upload_names_never_leave_their_folder(
    named_context: IntakeContext, tmp_path: Path, rejected: bool
) -> None:
    context = named_context
    data_dir = context.settings.data_dir.resolve()
    for index, name in enumerate(UPLOAD_NAMES):
        data = b"not a scan %d" % index if rejected else _document(f"upload {index}")
        result = intake_bytes(data, filename=name, source="upload", context=context)
        assert result.status == ("rejected" if rejected else "registered"), (name, result)
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert all(path.resolve().is_relative_to(data_dir) for path in written)
    quarantined = [path for path in context.settings.quarantine_dir.iterdir() if path.is_file()]
    assert len(quarantined) == (2 * len(UPLOAD_NAMES) if rejected else 0)
    names = [
        entry.filename for entry in (list_rejections(context.db) if rejected else list_requests(context.db))
    ]
    assert len(names) == len(UPLOAD_NAMES)
    assert all("\x00" not in name for name in names)


def test_a_growing_file_is_taken_once_whole(context: IntakeContext) -> None:
    noise = Image.frombytes("L", (600, 400), random.Random(8).randbytes(600 * 400))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG")
    data = buffer.getvalue()  # about 240 kB; taken early, it would be a damaged PNG
    growing = context.settings.inbox / "growing.png"
    stop_writing = threading.Event()

    def write_slowly() -> None:
        with growing.open("wb") as handle:
            for start in range(0, len(data), 20_000):
                handle.write(data[start : start + 20_000])
                handle.flush()
                if stop_writing.wait(0.15):
                    return

    writer = threading.Thread(target=write_slowly)
    writer.start()
    try:
        _watch(context, until=lambda: not writer.is_alive() and not _inbox(context))
    finally:
        stop_writing.set()
        writer.join()
    requests = list_requests(context.db)
    assert [request.sha256 for request in requests] == [hashlib.sha256(data).hexdigest()]
    assert list_rejections(context.db) == []


def test_a_file_removed_between_detection_and_intake_leaves_no_trace_and_the_watcher_goes_on(
    context: IntakeContext, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = context.settings.inbox
    (inbox / "vanishing.pdf").write_bytes(_document("vanishing"))
    (inbox / "after.pdf").write_bytes(_document("after"))
    outcomes: list[str] = []

    def remove_then_take(path: Path) -> object:
        if path.name == "vanishing.pdf":
            path.unlink()  # the clerk deletes it just after the watcher decided to take it
        try:
            result = intake_file(path, context=context)
        except TransientError as error:
            outcomes.append(f"{path.name}: {error}")
            raise
        outcomes.append(f"{path.name}: {result.status}")
        return result

    with caplog.at_level(logging.ERROR, logger="ingest.watcher"):
        _watch(context, until=lambda: not _inbox(context), handle=remove_then_take)

    assert [request.filename for request in list_requests(context.db)] == ["after.pdf"]
    assert list_rejections(context.db) == []
    assert sorted(outcome.split(":")[0] for outcome in outcomes) == ["after.pdf", "vanishing.pdf"]
    assert "No such file" in next(outcome for outcome in outcomes if outcome.startswith("vanishing"))


def test_a_file_registered_just_before_the_watcher_died_is_filed_not_recorded_as_a_duplicate(
    context: IntakeContext,
) -> None:
    # The state a watcher killed between registering and moving leaves: the original stored
    # and registered from the watcher under its name, the file still in the inbox.
    data = _document("interrupted")
    inbox_file = context.settings.inbox / "interrupted.pdf"
    inbox_file.write_bytes(data)
    earlier = register(
        context.db,
        sha256=context.store.put(data),
        filename="interrupted.pdf",
        size=len(data),
        media_type=MediaType.PDF,
        source="watcher",
    ).registration
    queued: list[str] = []
    context = replace(context, enqueue=queued.append)

    result = intake_file(inbox_file, context=context)

    assert (result.status, result.number) == ("registered", earlier.number)
    assert queued == [earlier.number]
    assert get_request(context.db, earlier.number).duplicates == ()
    assert [path.name for path in context.settings.processed_dir.iterdir()] == [
        f"{earlier.number}__interrupted.pdf"
    ]
    # The same file dropped again later is a duplicate, as before.
    inbox_file.write_bytes(data)
    again = intake_file(inbox_file, context=context)
    assert (again.status, again.duplicate_of) == ("duplicate", earlier.number)
    assert len(get_request(context.db, earlier.number).duplicates) == 1
