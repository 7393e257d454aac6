"""A worker process killed with SIGKILL at random points of processing, over and over.

A real ``rogatory worker`` (prefork, one pool process) on a private Redis, the
shared PostgreSQL (a fresh database) and the filesystem store. The pool process
that runs a task is killed with SIGKILL at a random moment while a request is
``processing`` (after its engines are loaded: the text layer, OCR, entities,
saving), at least 20 times; Celery starts a new pool process and, the task being
acknowledged late and rejected when its worker is lost, Redis hands it out again.
Afterwards every request is analysed once: all end routed or needing review,
nothing is registered twice, numbers have no gap, no page or party key is stored
twice.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from rogatory.registration import Status
from rogatory.settings import load_settings
from service.bootstrap import task_sender
from storage.database import Database, open_database
from storage.models import AnalysisRow, AuditRow, PageRow, PartyTermRow, RegistrationRow
from storage.object_stores import open_object_store
from storage.registry import list_requests, register
from tests.faults.hostile import text_pdf
from tests.faults.servers import children, redis_server, rogatory
from tests.postgres import fresh_database
from tests.scans import FREEZING_REQUEST, scan

pytestmark = [pytest.mark.slow, pytest.mark.faults, pytest.mark.postgres]

KILLS = 20
FINAL = {Status.ROUTED, Status.NEEDS_REVIEW, Status.FAILED}


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    with redis_server(tmp_path / "redis") as broker, fresh_database() as database_url:
        yield {
            "ROGATORY_DATA_DIR": str(tmp_path / "data"),
            "ROGATORY_DATABASE_URL": database_url,
            "ROGATORY_BROKER_URL": broker.url,
            "ROGATORY_WORKER_CONCURRENCY": "1",
        }


def _document(index: int) -> tuple[bytes, str]:
    """Every third document a scanned TIFF (OCR, the long stage), the others text-layer PDFs."""
    if index % 3 == 2:
        return scan([f"{FREEZING_REQUEST}\nReference FK-{index}"], "TIFF"), "image/tiff"
    lines = [line.replace("(", "").replace(")", "") for line in FREEZING_REQUEST.splitlines()]
    return text_pdf([*lines, f"Reference FK-{index}"]), "application/pdf"


def test_a_worker_killed_at_random_points_twenty_times_loses_and_duplicates_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    db = open_database(settings.database)
    store = open_object_store(settings)
    sender = task_sender(settings)
    numbers: list[str] = []

    def add_document() -> None:
        data, media_type = _document(len(numbers))
        outcome = register(
            db,
            sha256=store.put(data),
            filename=f"request-{len(numbers)}",
            size=len(data),
            media_type=media_type,
            source="cli",
        )
        numbers.append(outcome.registration.number)
        sender.enqueue_processing(outcome.registration.number)

    for _ in range(3):
        add_document()
    worker = rogatory("worker", ["worker"], env, tmp_path / "worker.log")
    worker.start()
    chooser = random.Random(8)
    kills: list[tuple[str, float]] = []
    last_seen = 0
    deadline = time.monotonic() + 420
    try:
        while len(kills) < KILLS:
            assert time.monotonic() < deadline, f"only {len(kills)} kills:\n{worker.log()[-4000:]}"
            assert worker.alive(), worker.log()[-4000:]
            if len(_unfinished(db, numbers)) < 2:
                add_document()
            started = _pipeline_started(db, after=last_seen)
            if started is None:
                time.sleep(0.05)
                continue
            last_seen, number = started
            # A random point of the pipeline (text layer, OCR, entities, saving): text-layer
            # requests take a few tenths of a second, OCR ones a second or two, the engines
            # being loaded before the pool forks; a kill after the end kills nothing and is
            # not counted.
            delay = chooser.uniform(0.0, 0.5)
            time.sleep(delay)
            pool = children(worker.pid)
            if number in _processing(db) and pool:
                os.kill(pool[0], signal.SIGKILL)
                kills.append((number, delay))
                _wait_for_new_pool_process(worker.pid, pool[0])
        _wait_until_finished(db, numbers, worker.log)
    finally:
        assert worker.stop() == 0, worker.log()[-4000:]

    log = worker.log()
    assert log.count("WorkerLostError") >= KILLS, log[-4000:]
    assert len(kills) >= KILLS
    assert len({number for number, _ in kills}) > 1  # the kills hit more than one request
    _assert_each_processed_once(db, numbers)
    db.dispose()
    print(  # the figures of the run, shown with -s
        f"{len(kills)} SIGKILLs over {len({number for number, _ in kills})} of {len(numbers)} requests, "
        f"delays {min(delay for _, delay in kills):.2f}-{max(delay for _, delay in kills):.2f} s"
    )


def _pipeline_started(db: Database, *, after: int) -> tuple[int, str] | None:
    """The first status change to processing after audit line ``after``: a pool process has its
    engines loaded and begins the pipeline of that request."""
    with db.session() as session:
        row = session.execute(
            select(AuditRow.id, AuditRow.number)
            .where(AuditRow.id > after, AuditRow.action == "status", AuditRow.detail.like("% -> processing%"))
            .order_by(AuditRow.id)
            .limit(1)
        ).first()
    return None if row is None or row.number is None else (row.id, row.number)


def _processing(db: Database) -> list[str]:
    return [registration.number for registration in list_requests(db, status=Status.PROCESSING)]


def _unfinished(db: Database, numbers: list[str]) -> list[str]:
    final = {
        registration.number
        for registration in list_requests(db, limit=10_000)
        if registration.status in FINAL
    }
    return [number for number in numbers if number not in final]


def _wait_for_new_pool_process(worker_pid: int, killed: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pool = children(worker_pid)
        if pool and killed not in pool:
            return
        time.sleep(0.05)
    raise AssertionError("the worker started no new pool process after the kill")


def _wait_until_finished(db: Database, numbers: list[str], log: Callable[[], str]) -> None:
    deadline = time.monotonic() + 300
    while _unfinished(db, numbers):
        assert time.monotonic() < deadline, f"unfinished {_unfinished(db, numbers)}:\n{log()[-4000:]}"
        time.sleep(0.5)


def _assert_each_processed_once(db: Database, numbers: list[str]) -> None:
    registrations = list_requests(db, limit=10_000)
    assert sorted(registration.number for registration in registrations) == sorted(numbers)
    assert {registration.status for registration in registrations} <= {Status.ROUTED, Status.NEEDS_REVIEW}, [
        (registration.number, registration.status, registration.status_reason)
        for registration in registrations
    ]
    with db.session() as session:
        sequences = sorted(session.scalars(select(RegistrationRow.sequence)))
        assert sequences == list(range(1, len(numbers) + 1))
        assert session.scalar(select(func.count()).select_from(AnalysisRow)) == len(numbers)
        pages = session.execute(
            select(PageRow.registration_id, func.count()).group_by(PageRow.registration_id)
        ).all()
        assert sorted(count for _, count in pages) == [1] * len(numbers)
        doubled = session.execute(
            select(PartyTermRow.registration_id, PartyTermRow.kind, PartyTermRow.value, PartyTermRow.term)
            .group_by(PartyTermRow.registration_id, PartyTermRow.kind, PartyTermRow.value, PartyTermRow.term)
            .having(func.count() > 1)
        ).all()
        assert doubled == []
        assert session.scalar(select(func.count(func.distinct(PartyTermRow.registration_id)))) == len(numbers)
