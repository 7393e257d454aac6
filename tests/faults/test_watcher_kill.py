"""The watcher killed (SIGKILL) while files are being copied into the inbox.

``rogatory watch`` and ``rogatory worker`` on the embedded default (SQLite, the
filesystem store and queue). A copier writes files straight under their final
names, in chunks, as ``cp`` onto a share does; meanwhile the watcher is killed at
random moments and started again. Every complete file must be registered once, with
the hash of its whole content (a file taken half-written would be a truncated PDF,
refused), and processed.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from rogatory.registration import Status
from rogatory.settings import load_settings
from storage.database import open_database
from storage.registry import get_request, list_rejections, list_requests
from tests.faults.hostile import REQUEST_LINES, text_pdf
from tests.faults.servers import rogatory
from tests.ingest.originals import pdf_from_objects

pytestmark = [pytest.mark.slow, pytest.mark.faults]

FILES = 12
CHUNK = 10_000


def _large_request(index: int) -> bytes:
    """A valid text-layer request of about 200 kB (an unused stream object pads it)."""
    small = text_pdf([*REQUEST_LINES, f"Reference WK-{index}"])
    objects = [
        part.split(b" obj\n", 1)[1].rsplit(b"\nendobj", 1)[0] for part in small.split(b"endobj\n")[:-1]
    ]
    padding = b"<< /Length 200000 >>\nstream\n" + b"0" * 200_000 + b"\nendstream"
    return pdf_from_objects([*objects, padding])


def test_files_copied_in_while_the_watcher_is_killed_are_each_taken_once_and_whole(tmp_path: Path) -> None:
    env = {
        "ROGATORY_DATA_DIR": str(tmp_path / "data"),
        "ROGATORY_STABLE_SECONDS": "0.5",
        "ROGATORY_WATCH_INTERVAL_SECONDS": "0.2",
        "ROGATORY_WORKER_CONCURRENCY": "1",
    }
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    documents = {f"copied-{index:02d}.pdf": _large_request(index) for index in range(FILES)}
    log = tmp_path / "watch.log"
    watcher = rogatory("watch", ["watch"], env, log)
    worker = rogatory("worker", ["worker"], env, tmp_path / "worker.log")
    watcher.start()
    worker.start()
    copier = threading.Thread(target=_copy_in, args=(settings.inbox, documents))
    chooser = random.Random(8)
    kills = 0
    try:
        copier.start()
        copy_started = time.monotonic()
        for moment in sorted(chooser.uniform(1.0, FILES * 0.9) for _ in range(4)):
            while copier.is_alive() and time.monotonic() - copy_started < moment:
                time.sleep(0.05)
            watcher.kill()
            kills += 1
            time.sleep(chooser.uniform(0.1, 1.0))
            watcher = rogatory("watch", ["watch"], env, log)
            watcher.start()
        copier.join()
        _wait(lambda: not list(settings.inbox.iterdir()), 60, watcher.log)
        db = open_database(settings.database)
        final = {Status.ROUTED, Status.NEEDS_REVIEW, Status.FAILED}
        _wait(lambda: all(r.status in final for r in list_requests(db, limit=1000)), 180, worker.log)
    finally:
        watcher.stop()
        worker.stop()

    registrations = list_requests(db, limit=1000)
    assert kills == 4
    assert sorted((r.filename, r.sha256) for r in registrations) == sorted(
        (name, hashlib.sha256(data).hexdigest()) for name, data in documents.items()
    )
    assert sorted(r.number[-6:] for r in registrations) == [f"{index:06d}" for index in range(1, FILES + 1)]
    assert {r.status for r in registrations} <= {Status.ROUTED, Status.NEEDS_REVIEW}
    assert list_rejections(db) == []
    db.dispose()


FOLDERS = 6


def test_folders_copied_in_while_the_watcher_is_killed_are_each_one_request_once(tmp_path: Path) -> None:
    """Each folder (a letter and its annex) is registered once with its annex, never a
    duplicate of itself, whatever moment the watcher was killed at (issue 19)."""
    env = {
        "ROGATORY_DATA_DIR": str(tmp_path / "data"),
        "ROGATORY_STABLE_SECONDS": "0.5",
        "ROGATORY_WATCH_INTERVAL_SECONDS": "0.2",
    }
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    folders = {
        f"request-{index:02d}": {
            "1-letter.pdf": _large_request(100 + index),
            "2-annex.pdf": _large_request(200 + index),
        }
        for index in range(FOLDERS)
    }
    log = tmp_path / "watch.log"
    watcher = rogatory("watch", ["watch"], env, log)
    watcher.start()
    copier = threading.Thread(target=_copy_folders_in, args=(settings.inbox, folders))
    chooser = random.Random(19)
    try:
        copier.start()
        copy_started = time.monotonic()
        for moment in sorted(chooser.uniform(1.0, FOLDERS * 1.8) for _ in range(4)):
            while copier.is_alive() and time.monotonic() - copy_started < moment:
                time.sleep(0.05)
            watcher.kill()
            time.sleep(chooser.uniform(0.1, 1.0))
            watcher = rogatory("watch", ["watch"], env, log)
            watcher.start()
        copier.join()
        _wait(lambda: not list(settings.inbox.iterdir()), 60, watcher.log)
    finally:
        watcher.stop()

    db = open_database(settings.database)
    registrations = list_requests(db, limit=1000)
    expected = sorted(
        (hashlib.sha256(files["1-letter.pdf"]).hexdigest(), hashlib.sha256(files["2-annex.pdf"]).hexdigest())
        for files in folders.values()
    )
    found = []
    for registration in registrations:
        view = get_request(db, registration.number)
        assert view.duplicates == (), registration.number
        found.append((registration.sha256, *(annex.sha256 for annex in view.annexes)))
    assert sorted(found) == expected
    assert sorted(r.number[-6:] for r in registrations) == [f"{index:06d}" for index in range(1, FOLDERS + 1)]
    assert sorted(path.name.split("__", 1)[1] for path in settings.processed_dir.iterdir()) == sorted(folders)
    assert list_rejections(db) == []
    db.dispose()


def test_a_folder_registered_by_a_watcher_killed_before_the_move_is_filed_at_the_next_start(
    tmp_path: Path,
) -> None:
    """The exact moment, made to last: processed/ is replaced by a file, so the move fails and
    the registered folder stays in the inbox; the watcher is then killed, processed/ put back
    and the watcher started again. One registration, no duplicate of itself (issue 19)."""
    env = {
        "ROGATORY_DATA_DIR": str(tmp_path / "data"),
        "ROGATORY_STABLE_SECONDS": "0.5",
        "ROGATORY_WATCH_INTERVAL_SECONDS": "0.2",
    }
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    log = tmp_path / "watch.log"
    watcher = rogatory("watch", ["watch"], env, log)
    watcher.start()
    db = open_database(settings.database)
    try:
        _wait(lambda: "watching" in watcher.log(), 60, watcher.log)
        settings.processed_dir.rmdir()
        settings.processed_dir.write_bytes(b"not a folder")  # the move out of the inbox fails
        folder = settings.inbox / "request"
        folder.mkdir()
        _copy_in(folder, {"1-letter.pdf": _large_request(1), "2-annex.pdf": _large_request(2)})
        _wait(lambda: len(list_requests(db)) == 1, 60, watcher.log)
        _wait(lambda: "could not be moved out of the inbox" in watcher.log(), 30, watcher.log)
        watcher.kill()
        assert folder.is_dir()
        settings.processed_dir.unlink()
        settings.processed_dir.mkdir()
        watcher = rogatory("watch", ["watch"], env, log)
        watcher.start()
        _wait(lambda: not folder.exists(), 60, watcher.log)
    finally:
        watcher.stop()

    (registration,) = list_requests(db)
    view = get_request(db, registration.number)
    assert view.duplicates == ()
    assert [annex.name for annex in view.annexes] == ["2-annex.pdf"]
    assert [path.name for path in settings.processed_dir.iterdir()] == [f"{registration.number}__request"]
    db.dispose()


def _copy_folders_in(inbox: Path, folders: dict[str, dict[str, bytes]]) -> None:
    """Make each folder and copy its files in, a chunk every 40 ms."""
    for folder, documents in folders.items():
        (inbox / folder).mkdir()
        _copy_in(inbox / folder, documents)


def _copy_in(inbox: Path, documents: dict[str, bytes]) -> None:
    """Write each file under its final name, a chunk every 40 ms (about 0.8 s a file)."""
    for name, data in documents.items():
        with (inbox / name).open("wb") as handle:
            for start in range(0, len(data), CHUNK):
                handle.write(data[start : start + CHUNK])
                handle.flush()
                time.sleep(0.04)


def _wait(condition: Callable[[], bool], timeout: float, log: Callable[[], str]) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, log()[-3000:]
        time.sleep(0.3)
