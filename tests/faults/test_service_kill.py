"""The embedded service (``rogatory run``) killed with SIGKILL, worker and all, mid-processing.

On the embedded default the filesystem transport removes a message when a worker
takes it, so a killed worker loses it; ``rogatory run`` queues again every request
still registered or processing when it starts (docs/decisions.md). The whole service
(its process and the worker's own process group) is killed three times while a
request is processing, and started again each time; at the end every request is
analysed once and numbered without a gap.
"""

from __future__ import annotations

import os
import random
import signal
import time
from contextlib import suppress
from pathlib import Path

import pytest
from sqlalchemy import func, select

from rogatory.registration import Status
from rogatory.settings import load_settings
from storage.database import open_database
from storage.models import AnalysisRow, DuplicateRow, PageRow
from storage.registry import list_requests
from tests.faults.servers import ServiceProcess, children, free_port, rogatory
from tests.faults.test_broker_outage import drop, request_pdf

pytestmark = [pytest.mark.slow, pytest.mark.faults, pytest.mark.e2e]

FILES = 8
FINAL = {Status.ROUTED, Status.NEEDS_REVIEW, Status.FAILED}


def _kill_all(service: ServiceProcess) -> None:
    """SIGKILL the service and its worker (which runs in its own session)."""
    for child in children(service.pid):
        with suppress(ProcessLookupError):
            os.killpg(child, signal.SIGKILL)
    service.kill()


def test_the_service_killed_while_processing_finishes_every_request_once_after_restarts(
    tmp_path: Path,
) -> None:
    env = {
        "ROGATORY_DATA_DIR": str(tmp_path / "data"),
        "ROGATORY_STABLE_SECONDS": "0.3",
        "ROGATORY_WATCH_INTERVAL_SECONDS": "0.3",
        "ROGATORY_WORKER_CONCURRENCY": "1",
        "ROGATORY_WEB_PORT": str(free_port()),
    }
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    db = open_database(settings.database)
    for index in range(FILES):
        drop(settings.inbox, f"request-{index}.pdf", request_pdf(f"service kill {index}"))
    chooser = random.Random(8)
    log = tmp_path / "service.log"
    kills = 0
    service = rogatory("run", ["run"], env, log)
    service.start()
    try:
        while kills < 3:
            deadline = time.monotonic() + 120
            while not list_requests(db, status=Status.PROCESSING):
                assert time.monotonic() < deadline, service.log()[-3000:]
                time.sleep(0.05)
            # A text-layer request is analysed in well under a second now that the engines
            # load before the pool forks: kill within its first tenth of a second.
            time.sleep(chooser.uniform(0.0, 0.1))
            _kill_all(service)
            kills += 1
            service = rogatory("run", ["run"], env, log)
            service.start()
        deadline = time.monotonic() + 240
        while not (
            len(requests := list_requests(db, limit=100)) == FILES
            and all(r.status in FINAL for r in requests)
        ):
            assert time.monotonic() < deadline, service.log()[-3000:]
            time.sleep(0.5)
    finally:
        service.stop(signal.SIGINT)

    requests = list_requests(db, limit=100)
    assert sorted(r.filename for r in requests) == sorted(f"request-{index}.pdf" for index in range(FILES))
    assert sorted(r.number[-6:] for r in requests) == [f"{index:06d}" for index in range(1, FILES + 1)]
    assert {r.status for r in requests} <= {Status.ROUTED, Status.NEEDS_REVIEW}
    assert service.log().count("unfinished request(s) again") >= 1
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(AnalysisRow)) == FILES
        assert session.scalar(select(func.count()).select_from(PageRow)) == FILES
        assert session.scalar(select(func.count()).select_from(DuplicateRow)) == 0
    db.dispose()
