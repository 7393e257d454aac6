"""The database restarted while files arrive: no file lost, no number skipped or used twice.

``rogatory watch`` registers into a private PostgreSQL cluster that the test made with
``initdb`` (restarting the shared server would break the other tests running on it).
A file is dropped every 0.3 s; meanwhile the server is stopped (fast shutdown: open
transactions rolled back, connections cut) for 3 s and started again, twice, the
second time as a crash (immediate shutdown).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage.database import open_database
from storage.models import DuplicateRow, RegistrationRow
from storage.registry import list_rejections, list_requests
from tests.faults.servers import PostgresCluster, postgres_available, postgres_cluster, rogatory
from tests.faults.test_broker_outage import drop, request_pdf

pytestmark = [
    pytest.mark.slow,
    pytest.mark.faults,
    pytest.mark.skipif(not postgres_available(), reason="PostgreSQL 15's initdb is not installed"),
]


@pytest.fixture
def cluster() -> Iterator[PostgresCluster]:
    with postgres_cluster() as started:
        yield started


def test_files_arriving_across_database_restarts_are_each_registered_once_without_gaps(
    cluster: PostgresCluster, tmp_path: Path
) -> None:
    env = {
        "ROGATORY_DATA_DIR": str(tmp_path / "data"),
        "ROGATORY_DATABASE_URL": cluster.url,
        "ROGATORY_STABLE_SECONDS": "0.3",
        "ROGATORY_WATCH_INTERVAL_SECONDS": "0.3",
        "ROGATORY_WATCH_RETRY_SECONDS": "2",
    }
    inbox = tmp_path / "data" / "inbox"
    inbox.mkdir(parents=True)
    watcher = rogatory("watch", ["watch"], env, tmp_path / "watch.log")
    watcher.start()
    # The restarts are to fall during ingestion, not during start-up (the watcher opens the
    # database when it starts, and exits if it cannot: a supervisor starts it again).
    up_by = time.monotonic() + 120
    while "ingest.watcher" not in watcher.log() or " watching " not in watcher.log():
        assert watcher.alive(), watcher.log()[-3000:]
        assert time.monotonic() < up_by, watcher.log()[-3000:]
        time.sleep(0.2)
    dropped: list[str] = []
    restarts = [(4.0, "fast"), (12.0, "immediate")]
    try:
        started = time.monotonic()
        while time.monotonic() - started < 20:
            if restarts and time.monotonic() - started >= restarts[0][0]:
                cluster.stop(restarts.pop(0)[1])
                down_until = time.monotonic() + 3
                while time.monotonic() < down_until:
                    _drop_next(inbox, dropped)
                    time.sleep(0.3)
                cluster.start()
            _drop_next(inbox, dropped)
            time.sleep(0.3)
        deadline = time.monotonic() + 60
        while list(inbox.iterdir()) and time.monotonic() < deadline:
            assert watcher.alive(), watcher.log()[-3000:]
            time.sleep(0.5)
        assert not list(inbox.iterdir()), watcher.log()[-3000:]
    finally:
        watcher.stop()

    log = watcher.log()
    assert "database unavailable" in log  # the restarts were felt, not slept through
    db = open_database(cluster.url)
    registrations = list_requests(db, limit=10_000)
    assert sorted(registration.filename for registration in registrations) == sorted(dropped)
    with db.session() as session:
        sequences = sorted(session.scalars(select(RegistrationRow.sequence)))
        duplicates = session.scalar(select(func.count()).select_from(DuplicateRow))
    assert sequences == list(range(1, len(dropped) + 1))
    assert duplicates == 0
    assert list_rejections(db) == []
    processed = sorted(path.name.partition("__")[2] for path in (tmp_path / "data" / "processed").iterdir())
    assert processed == sorted(dropped)
    db.dispose()


def _drop_next(inbox: Path, dropped: list[str]) -> None:
    name = f"request-{len(dropped):03d}.pdf"
    drop(inbox, name, request_pdf(name))
    dropped.append(name)
