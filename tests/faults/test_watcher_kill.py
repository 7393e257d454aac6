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
from storage.registry import list_rejections, list_requests
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
