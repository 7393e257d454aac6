"""A real Celery worker on the production parts: Redis broker, PostgreSQL, S3 (moto on loopback).

The worker is ``rogatory worker`` in a child process, configured only through
``ROGATORY_*`` environment variables, as docker-compose runs it. Checks: a scan is
processed end to end; a store outage (the S3 server stopped) is retried with backoff until it recovers; a
bad file fails once, with its reason, and is not retried.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

from rogatory.registration import Status
from rogatory.settings import Settings, load_settings
from service.bootstrap import task_sender
from storage.database import Database, open_database
from storage.object_stores import open_object_store
from storage.registry import get_request, register
from storage.s3_objects import S3ObjectStore
from tests.postgres import fresh_database
from tests.s3_server import ACCESS_KEY, SECRET_KEY, S3Server, controlled_s3_server
from tests.scans import FREEZING_REQUEST, scan

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres, pytest.mark.s3]

REDIS = "redis://127.0.0.1:6379"


@dataclass
class Stack:
    settings: Settings
    env: dict[str, str]
    db: Database
    store: S3ObjectStore
    log: Path
    s3: S3Server


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    redis_db = random.randint(1, 15)
    redis.Redis.from_url(f"{REDIS}/{redis_db}").flushdb()
    with fresh_database() as database_url, controlled_s3_server() as s3:
        endpoint = s3.endpoint
        env = {
            "ROGATORY_DATA_DIR": str(tmp_path / "data"),
            "ROGATORY_DATABASE_URL": database_url,
            "ROGATORY_BROKER_URL": f"{REDIS}/{redis_db}",
            "ROGATORY_OBJECT_STORE_URL": "s3://originals/rq",
            "ROGATORY_S3_ENDPOINT": endpoint,
            "ROGATORY_S3_ACCESS_KEY": ACCESS_KEY,
            "ROGATORY_S3_SECRET_KEY": SECRET_KEY,
            "ROGATORY_S3_REGION": "us-east-1",
            "ROGATORY_WORKER_CONCURRENCY": "1",
            "ROGATORY_LOG_FORMAT": "json",
        }
        settings = load_settings(environ=env)
        store = open_object_store(settings)
        assert isinstance(store, S3ObjectStore)
        db = open_database(settings.database)
        yield Stack(settings, env, db, store, tmp_path / "worker.log", s3)
        db.dispose()
    redis.Redis.from_url(f"{REDIS}/{redis_db}").flushdb()


@pytest.fixture
def worker(stack: Stack) -> Iterator[subprocess.Popen[bytes]]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ROGATORY_")}
    env.update(stack.env, OMP_THREAD_LIMIT="1")
    with stack.log.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "service", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
    yield process
    process.terminate()
    assert process.wait(timeout=60) == 0, stack.log.read_text()[-3000:]


def _register(stack: Stack, data: bytes, media_type: str, *, queue: bool = True) -> str:
    sha256 = stack.store.put(data)
    result = register(
        stack.db, sha256=sha256, filename="request", size=len(data), media_type=media_type, source="cli"
    )
    if queue:
        task_sender(stack.settings).enqueue_processing(result.registration.number)
    return result.registration.number


def _wait_for(stack: Stack, number: str, statuses: set[Status], timeout: float = 180) -> Status:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = get_request(stack.db, number).registration.status
        if status in statuses:
            return status
        time.sleep(0.5)
    raise AssertionError(f"{number} still {status} after {timeout}s:\n{stack.log.read_text()[-3000:]}")


def test_a_scan_is_processed_and_a_store_outage_is_retried(
    stack: Stack, worker: subprocess.Popen[bytes]
) -> None:
    data = scan([FREEZING_REQUEST], "TIFF")
    stack.store.ensure_bucket()
    number = _register(stack, data, "image/tiff", queue=False)
    # The store stops answering before the request is queued: the worker's read of
    # the original is refused, a transient error, and retried until the store is back.
    stack.s3.stop()
    task_sender(stack.settings).enqueue_processing(number)
    deadline = time.monotonic() + 120
    while "Retry in" not in stack.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert get_request(stack.db, number).registration.status in {Status.REGISTERED, Status.PROCESSING}
    stack.s3.start()
    assert _wait_for(stack, number, {Status.ROUTED, Status.NEEDS_REVIEW, Status.FAILED}) == Status.ROUTED
    view = get_request(stack.db, number)
    assert view.analysis is not None
    assert view.analysis.routing.route_to == "asset_recovery_office"
    log = stack.log.read_text()
    entries = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    processing = [entry for entry in entries if entry["message"].startswith(f"processing {number}")]
    assert len(processing) >= 2  # the first attempt and the retry
    assert {entry["number"] for entry in processing} == {number}


def test_bad_input_fails_once_with_its_reason(stack: Stack, worker: subprocess.Popen[bytes]) -> None:
    stack.store.ensure_bucket()
    number = _register(stack, b"%PDF-1.7 this is not really a PDF", "application/pdf")
    assert _wait_for(stack, number, {Status.FAILED, Status.ROUTED, Status.NEEDS_REVIEW}) == Status.FAILED
    reason = get_request(stack.db, number).registration.status_reason
    assert reason
    time.sleep(2)
    assert "Retry in" not in stack.log.read_text()
