"""The object store unavailable: a dropped file stays in the inbox until its original is stored.

``rogatory watch`` stores originals in S3 (moto's server on loopback, see
tests/s3_server.py), the embedded SQLite database and queue. The S3 server is
stopped, a file is dropped: it must stay in the inbox, nothing registered or
refused, the log saying why. When the server answers again the file is stored,
registered and filed away.
"""

from __future__ import annotations

import hashlib
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

import pytest
from moto.server import ThreadedMotoServer

from rogatory.settings import load_settings
from storage.database import open_database
from storage.object_stores import open_object_store
from storage.registry import list_rejections, list_requests
from storage.s3_objects import S3ObjectStore
from tests.faults.servers import free_port, rogatory
from tests.faults.test_broker_outage import drop, request_pdf
from tests.s3_server import ACCESS_KEY, SECRET_KEY

pytestmark = [pytest.mark.slow, pytest.mark.faults, pytest.mark.s3]


def test_a_file_waits_in_the_inbox_while_the_store_is_down_and_is_taken_when_it_returns(
    tmp_path: Path,
) -> None:
    port = free_port()
    env = {
        "ROGATORY_DATA_DIR": str(tmp_path / "data"),
        "ROGATORY_OBJECT_STORE_URL": "s3://fault-store-outage/rq",  # a bucket of its own
        "ROGATORY_S3_ENDPOINT": f"127.0.0.1:{port}",
        "ROGATORY_S3_ACCESS_KEY": ACCESS_KEY,
        "ROGATORY_S3_SECRET_KEY": SECRET_KEY,
        "ROGATORY_S3_REGION": "us-east-1",
        "ROGATORY_STABLE_SECONDS": "0.3",
        "ROGATORY_WATCH_INTERVAL_SECONDS": "0.3",
        "ROGATORY_WATCH_RETRY_SECONDS": "2",
    }
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    # moto keeps its buckets in this process: a server started again on the port finds them.
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    store = open_object_store(settings)
    assert isinstance(store, S3ObjectStore)
    store.ensure_bucket()
    watcher = rogatory("watch", ["watch"], env, tmp_path / "watch.log")
    watcher.start()
    db = open_database(settings.database)
    data = request_pdf("while the store is down")
    try:
        time.sleep(2)  # the watcher is up
        server.stop()
        drop(settings.inbox, "request.pdf", data)
        time.sleep(8)  # several attempts
        assert watcher.alive(), watcher.log()[-3000:]
        assert [path.name for path in settings.inbox.iterdir()] == ["request.pdf"]
        assert (settings.inbox / "request.pdf").read_bytes() == data
        assert list_requests(db) == []
        assert list_rejections(db) == []
        log = watcher.log()
        assert log.count("cannot store object") >= 2, log[-3000:]
        assert "it stays in the inbox and is tried again later" in log

        server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        server.start()
        deadline = time.monotonic() + 30
        while list(settings.inbox.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert not list(settings.inbox.iterdir()), watcher.log()[-3000:]
        sha256 = hashlib.sha256(data).hexdigest()
        assert [(request.filename, request.sha256) for request in list_requests(db)] == [
            ("request.pdf", sha256)
        ]
        assert store.get(sha256) == data
    finally:
        watcher.stop()
        # moto's buckets live in this process, beyond the server: leave none for later tests.
        with suppress(OSError):
            urllib.request.urlopen(
                urllib.request.Request(f"http://127.0.0.1:{port}/moto-api/reset", method="POST"), timeout=10
            ).close()
        server.stop()
        db.dispose()
