"""Several processes registering at once (SQLite file, PostgreSQL server): numbers gap-free and unique."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select

from rogatory.sources import MediaType
from storage.database import open_database
from storage.models import DuplicateRow, NumberCounter, RegistrationRow
from storage.registry import register
from tests.postgres import fresh_database
from tests.storage.registration_jobs import NOW, digest, register_labels


def _run(url: str, batches: list[list[str]]) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(batches))
    processes = [context.Process(target=register_labels, args=(url, batch, barrier)) for batch in batches]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [process.exitcode for process in processes] == [0] * len(batches)


def test_four_processes_get_numbers_one_to_a_hundred(tmp_path: Path) -> None:
    """The processes also create the database file and its tables together."""
    _check_four_processes(f"sqlite:///{tmp_path / 'new' / 'registry.db'}")


@pytest.mark.postgres
def test_four_processes_on_postgresql_get_numbers_one_to_a_hundred() -> None:
    """The processes also migrate the empty database together (advisory lock)."""
    with fresh_database() as url:
        _check_four_processes(url)


def _check_four_processes(url: str) -> None:
    _run(url, [[f"p{worker}-{index}" for index in range(25)] for worker in range(4)])
    db = open_database(url)
    with db.session() as session:
        rows = session.execute(select(RegistrationRow.number, RegistrationRow.sequence)).all()
        counter = session.get(NumberCounter, 2026)
        last = counter.last if counter else None
    db.dispose()
    assert sorted(sequence for _, sequence in rows) == list(range(1, 101))
    assert sorted(number for number, _ in rows) == [f"RQ-2026-{n:06d}" for n in range(1, 101)]
    assert last == 100


def test_same_content_from_two_processes_is_registered_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    open_database(url).dispose()
    labels = [f"same-{index}" for index in range(10)]
    _run(url, [labels, labels])
    db = open_database(url)
    with db.session() as session:
        registrations = session.scalars(select(RegistrationRow)).all()
        duplicates = session.scalars(select(DuplicateRow)).all()
        by_id = {row.id: row.sha256 for row in registrations}
        duplicate_hashes = sorted(by_id[row.registration_id] for row in duplicates)
        duplicate_match = all(by_id[row.registration_id] == row.sha256 for row in duplicates)
    db.dispose()
    assert sorted(row.sequence for row in registrations) == list(range(1, 11))
    assert duplicate_hashes == sorted(by_id.values())
    assert duplicate_match


def test_threads_sharing_one_database_get_distinct_numbers(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'registry.db'}")
    barrier = threading.Barrier(4)

    def work(worker: int) -> list[str]:
        barrier.wait(timeout=30)
        return [
            register(
                db,
                sha256=digest(f"t{worker}-{index}"),
                filename="x.pdf",
                size=1,
                media_type=MediaType.PDF,
                source="upload",
                now=NOW,
            ).registration.number
            for index in range(10)
        ]

    with ThreadPoolExecutor(max_workers=4) as pool:
        numbers = [number for batch in pool.map(work, range(4)) for number in batch]
    db.dispose()
    assert sorted(numbers) == [f"RQ-2026-{n:06d}" for n in range(1, 41)]
