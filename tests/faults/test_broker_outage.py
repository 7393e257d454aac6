"""The broker stopped for 30 seconds while files keep arriving: nothing is lost.

``rogatory watch`` and ``rogatory worker`` run as the production stack runs them, on
a private Redis (the shared one serves other tests) that keeps its data in an
append-only file, the shared PostgreSQL (a fresh database) and the filesystem store.
A file is dropped every second; after ten seconds Redis is stopped for 30 s, then
started again. Every file must be registered once and processed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rogatory.registration import Status
from rogatory.settings import load_settings
from storage.database import open_database
from storage.registry import list_rejections, list_requests
from tests.faults.hostile import text_pdf
from tests.faults.servers import RedisServer, ServiceProcess, redis_server, rogatory
from tests.postgres import fresh_database
from tests.scans import FREEZING_REQUEST

pytestmark = [pytest.mark.slow, pytest.mark.faults, pytest.mark.postgres]

OUTAGE_SECONDS = 30
FINAL = {Status.ROUTED, Status.NEEDS_REVIEW, Status.FAILED}


def request_pdf(tag: str) -> bytes:
    """A one-page text-layer request (fast to process); ``tag`` gives it its own content."""
    lines = [line.replace("(", "").replace(")", "") for line in FREEZING_REQUEST.splitlines()]
    return text_pdf([*lines, f"Reference {tag}"])


def drop(inbox: Path, name: str, data: bytes) -> None:
    """Drop a file as a copy does: a temporary name, then renamed."""
    temporary = inbox / f".{name}.part"
    temporary.write_bytes(data)
    temporary.rename(inbox / name)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[tuple[RedisServer, dict[str, str]]]:
    with redis_server(tmp_path / "redis") as broker, fresh_database() as database_url:
        yield (
            broker,
            {
                "ROGATORY_DATA_DIR": str(tmp_path / "data"),
                "ROGATORY_DATABASE_URL": database_url,
                "ROGATORY_BROKER_URL": broker.url,
                "ROGATORY_WORKER_CONCURRENCY": "1",
                "ROGATORY_STABLE_SECONDS": "0.5",
                "ROGATORY_WATCH_INTERVAL_SECONDS": "0.5",
            },
        )


def test_files_dropped_while_the_broker_is_down_are_registered_and_processed_after_it_returns(
    stack: tuple[RedisServer, dict[str, str]], tmp_path: Path
) -> None:
    broker, env = stack
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    watcher = rogatory("watch", ["watch"], env, tmp_path / "watch.log")
    worker = rogatory("worker", ["worker"], env, tmp_path / "worker.log")
    watcher.start()
    worker.start()
    dropped: list[str] = []
    try:
        started = time.monotonic()
        stopped_at = restarted_at = None
        while time.monotonic() - started < 10 + OUTAGE_SECONDS + 10:
            elapsed = time.monotonic() - started
            if stopped_at is None and elapsed >= 10:
                broker.stop()
                stopped_at = elapsed
            if stopped_at is not None and restarted_at is None and elapsed >= 10 + OUTAGE_SECONDS:
                broker.start()
                restarted_at = elapsed
            name = f"request-{len(dropped):03d}.pdf"
            drop(settings.inbox, name, request_pdf(name))
            dropped.append(name)
            time.sleep(1.0)
        _wait_until_processed(env, dropped, [watcher, worker])
    finally:
        for process in (watcher, worker):
            process.stop()
    db = open_database(settings.database)
    registrations = list_requests(db, limit=10_000)
    assert sorted(registration.filename for registration in registrations) == sorted(dropped)
    assert sorted(registration.number for registration in registrations) == [
        f"RQ-{registrations[0].number[3:7]}-{index:06d}" for index in range(1, len(dropped) + 1)
    ]
    assert {registration.status for registration in registrations} <= {Status.ROUTED, Status.NEEDS_REVIEW}
    assert list_rejections(db) == []
    assert not list(settings.inbox.iterdir())
    db.dispose()


def _wait_until_processed(env: dict[str, str], dropped: list[str], processes: list[ServiceProcess]) -> None:
    db = open_database(load_settings(environ=env).database)
    deadline = time.monotonic() + 120
    try:
        while True:
            registrations = list_requests(db, limit=10_000)
            done = [registration for registration in registrations if registration.status in FINAL]
            if len(done) == len(dropped):
                return
            for process in processes:
                assert process.alive(), process.log()[-3000:]
            if time.monotonic() > deadline:
                stuck = [
                    (r.number, r.status, r.status_reason) for r in registrations if r.status not in FINAL
                ]
                raise AssertionError(
                    f"{len(done)} of {len(dropped)} processed, {len(registrations)} registered; "
                    f"stuck {stuck[:5]}\n--- watch ---\n{processes[0].log()[-3000:]}"
                )
            time.sleep(1.0)
    finally:
        db.dispose()
