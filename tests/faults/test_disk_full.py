"""The data folder's disk full: a clear error, the file left in the inbox, nothing half-written.

The data folder (database, object store, processed and quarantine folders) is a
small tmpfs that the test mounts (root is needed; skipped otherwise) and fills to
the last byte; the inbox is on another disk, as a network share would be. Intake
runs on the real SQLite database and filesystem store.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.intake import IntakeContext, intake_bytes, intake_file
from rogatory.errors import TransientError
from rogatory.settings import Settings
from storage.database import open_database
from storage.objects import FilesystemObjectStore
from storage.registry import list_rejections, list_requests
from tests.faults.test_broker_outage import request_pdf

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root"),
]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace')}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=True)


def _fill(folder: Path) -> Path:
    """Write a file that takes every free byte of ``folder``'s disk; return it."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for block in (b"\0" * 65536, b"\0" * 512, b"\0"):
            assert _write_until_full(descriptor, block) == errno.ENOSPC
    finally:
        os.close(descriptor)
    return filler


def _write_until_full(descriptor: int, block: bytes) -> int | None:
    """Write ``block`` until the disk refuses; return the error number."""
    try:
        while True:
            os.write(descriptor, block)
    except OSError as error:
        return error.errno


def _leftovers(data_dir: Path) -> list[str]:
    """Temporary or half-written files intake or the store may have left."""
    return sorted(
        str(path.relative_to(data_dir))
        for path in data_dir.rglob("*")
        if path.is_file() and (path.name.startswith(".tmp-") or path.suffix == ".part")
    )


@pytest.fixture
def context(small_disk: Path, tmp_path: Path) -> Iterator[IntakeContext]:
    """Intake with its data folder on the small disk and its inbox on another."""
    settings = Settings(data_dir=small_disk / "data", inbox_dir=tmp_path / "inbox")
    settings.ensure_dirs()
    db = open_database(settings.database)
    yield IntakeContext(
        settings=settings, db=db, store=FilesystemObjectStore(settings.objects_dir), enqueue=lambda _: None
    )
    db.dispose()


def test_a_full_data_disk_leaves_the_file_in_the_inbox_with_a_clear_error_then_recovers(
    small_disk: Path, context: IntakeContext
) -> None:
    settings, db = context.settings, context.db
    first = settings.inbox / "before.pdf"
    first.write_bytes(request_pdf("before the disk is full"))
    assert intake_file(first, context=context).status == "registered"
    filler = _fill(small_disk)

    data = request_pdf("on a full disk") + b"%" * 300_000 + b"\n%%EOF\n"
    dropped = settings.inbox / "on-full-disk.pdf"
    dropped.write_bytes(data)
    with pytest.raises(TransientError) as caught:
        intake_file(dropped, context=context)
    assert "No space left on device" in str(caught.value)
    assert "cannot store" in str(caught.value)
    assert dropped.read_bytes() == data
    with pytest.raises(TransientError):
        intake_bytes(data, filename="upload.pdf", source="upload", context=context)
    assert _leftovers(settings.data_dir) == []
    assert [request.filename for request in list_requests(db)] == ["before.pdf"]
    assert list_rejections(db) == []

    filler.unlink()
    result = intake_file(dropped, context=context)
    assert result.status == "registered"
    assert not dropped.exists()
    assert context.store.get(result.sha256) == data
    assert _leftovers(settings.data_dir) == []


def test_a_refusal_that_cannot_be_recorded_on_a_full_disk_fails_visibly_and_leaves_nothing(
    small_disk: Path, context: IntakeContext
) -> None:
    settings, db, store = context.settings, context.db, context.store
    refused = b"this is not a scan " * 20_000
    store.put(refused)  # stored before the disk filled: intake's store step needs no space now
    list_rejections(db)  # the database is open and its files made
    _fill(small_disk)

    with pytest.raises(TransientError, match="database or disk is full"):
        intake_bytes(refused, filename="notes.pdf", source="upload", context=context)
    assert list_rejections(db) == []
    assert _leftovers(settings.data_dir) == []
    assert not list(settings.quarantine_dir.iterdir())
