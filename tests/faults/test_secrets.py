"""Secrets come from settings and are never written to a log, a reason file or a repr.

``rogatory run`` is started with a password in every URL and key that can carry one:
the database (the shared PostgreSQL, trust authentication, ignores it), the broker (a
private Redis started with ``requirepass``), the S3 store (moto accepts any key), the
webhook's signing secret. A good and a bad file are dropped and processed, the
broker is stopped for a moment (connection errors are where URLs get logged), then
the service is stopped. No secret may appear in its output or in any file it wrote
outside the database.
"""

from __future__ import annotations

import secrets
import signal
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from rogatory.settings import Settings, load_settings
from storage.database import open_database
from storage.object_stores import open_object_store
from storage.registry import list_rejections, list_requests
from storage.s3_objects import S3ObjectStore
from tests.faults.servers import RedisServer, free_port, rogatory
from tests.faults.test_broker_outage import drop, request_pdf
from tests.postgres import fresh_database
from tests.s3_server import ACCESS_KEY, s3_server

pytestmark = [pytest.mark.slow, pytest.mark.faults, pytest.mark.postgres, pytest.mark.s3, pytest.mark.e2e]


def test_no_secret_reaches_a_log_or_a_file(tmp_path: Path) -> None:
    secret = {name: f"{name}-{secrets.token_hex(8)}" for name in ("pg", "redis", "s3", "webhook")}
    broker = RedisServer(tmp_path / "redis", requirepass=secret["redis"])
    broker.folder.mkdir()
    broker.start()
    try:
        with fresh_database() as database_url, s3_server() as endpoint:
            env = {
                "ROGATORY_DATA_DIR": str(tmp_path / "data"),
                "ROGATORY_DATABASE_URL": database_url.replace("postgres@", f"postgres:{secret['pg']}@"),
                "ROGATORY_BROKER_URL": f"redis://:{secret['redis']}@127.0.0.1:{broker.port}/0",
                "ROGATORY_OBJECT_STORE_URL": "s3://fault-secrets/rq",  # a bucket of its own
                "ROGATORY_S3_ENDPOINT": endpoint,
                "ROGATORY_S3_ACCESS_KEY": ACCESS_KEY,
                "ROGATORY_S3_SECRET_KEY": secret["s3"],
                "ROGATORY_S3_REGION": "us-east-1",
                "ROGATORY_WEBHOOK_URL": f"http://127.0.0.1:{free_port()}/hook",
                "ROGATORY_WEBHOOK_SECRET": secret["webhook"],
                "ROGATORY_DELIVERY_MAX_ATTEMPTS": "1",
                "ROGATORY_WEB_PORT": str(free_port()),
                "ROGATORY_STABLE_SECONDS": "0.3",
                "ROGATORY_WATCH_INTERVAL_SECONDS": "0.3",
                "ROGATORY_WORKER_CONCURRENCY": "1",
            }
            settings = load_settings(environ=env)
            _assert_no_secret(repr(settings) + str(settings), secret, "the settings' repr")
            try:
                _run_service(env, settings, tmp_path, broker)
            finally:
                # moto's buckets live in this process, beyond the server: leave none for later tests.
                urllib.request.urlopen(
                    urllib.request.Request(f"http://{endpoint}/moto-api/reset", method="POST"), timeout=10
                ).close()
    finally:
        broker.stop()

    output = (tmp_path / "service.log").read_text(errors="replace")
    assert "Rogatory is running" in output
    _assert_no_secret(output, secret, "the service's output")
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file() and "objects" not in path.parts and path.suffix != ".db":
            _assert_no_secret(path.read_text(errors="replace"), secret, str(path))


def _run_service(env: dict[str, str], settings: Settings, tmp_path: Path, broker: RedisServer) -> None:
    settings.ensure_dirs()
    store = open_object_store(settings)
    assert isinstance(store, S3ObjectStore)
    store.ensure_bucket()  # what the production stack's one-shot minio-bucket service does
    service = rogatory("run", ["run"], env, tmp_path / "service.log")
    service.start()
    db = open_database(settings.database)
    try:
        _wait(lambda: "Rogatory is running" in service.log(), 120, service.log)
        drop(settings.inbox, "good.pdf", request_pdf("secrets"))
        drop(settings.inbox, "bad.pdf", b"%PDF-1.7 not really")
        _wait(lambda: len(list_requests(db)) == 1 and len(list_rejections(db)) == 1, 60, service.log)
        _wait(lambda: list_requests(db)[0].status.value in {"routed", "needs_review"}, 120, service.log)
        broker.stop()
        drop(settings.inbox, "during-outage.pdf", request_pdf("broker down"))
        time.sleep(6)  # the watcher and the worker try the broker and log the failures
        broker.start()
        _wait(lambda: len(list_requests(db)) == 2, 60, service.log)
    finally:
        service.stop(signal.SIGINT)
        db.dispose()


def _wait(condition: Callable[[], bool], timeout: float, log: Callable[[], str]) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, log()[-3000:]
        time.sleep(0.3)


def _assert_no_secret(text: str, secret: dict[str, str], where: str) -> None:
    leaked = [name for name, value in secret.items() if value in text]
    assert not leaked, f"{leaked} appear in {where}"
