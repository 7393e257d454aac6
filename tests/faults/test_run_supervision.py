"""``rogatory run``'s worker child killed with SIGKILL: restarted, /health says so meanwhile,
and every file is analysed exactly once (issue 17, point 2).

The embedded service (filesystem transport: a message is gone once a worker takes it)
with ten text-layer requests dropped in its inbox; the worker child (its own process
group, its pool with it) is killed while a request is processing. The supervisor
restarts it with a back-off; /health answers 503 naming the missing worker until the
new worker beats; the dead worker's claims are released and what it took is queued
again; each number has one "analysis" audit line in the end.
"""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.error
import urllib.request
from contextlib import suppress
from pathlib import Path

import pytest
from sqlalchemy import func, select

from rogatory.registration import Status
from rogatory.settings import load_settings
from storage.database import open_database
from storage.models import AuditRow
from storage.registry import list_requests
from tests.faults.servers import children, free_port, rogatory
from tests.faults.test_broker_outage import drop, request_pdf

pytestmark = [pytest.mark.slow, pytest.mark.faults, pytest.mark.e2e]

FILES = 10
FINAL = {Status.ROUTED, Status.NEEDS_REVIEW, Status.FAILED}


def _health(port: int) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _wait(condition: object, what: str, log: object, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"{what}:\n{log()[-4000:]}"  # type: ignore[operator]
        time.sleep(0.1)


def test_a_killed_worker_child_is_restarted_and_every_file_analysed_once(tmp_path: Path) -> None:
    port = free_port()
    env = {
        "ROGATORY_DATA_DIR": str(tmp_path / "data"),
        "ROGATORY_STABLE_SECONDS": "0.3",
        "ROGATORY_WATCH_INTERVAL_SECONDS": "0.3",
        "ROGATORY_WORKER_CONCURRENCY": "1",
        "ROGATORY_WEB_PORT": str(port),
        "ROGATORY_HEARTBEAT_SECONDS": "0.5",
        "ROGATORY_RESTART_DELAY_SECONDS": "3",
    }
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    db = open_database(settings.database)
    service = rogatory("run", ["run"], env, tmp_path / "service.log")
    service.start()
    try:

        def healthy() -> bool:
            with suppress(OSError, ValueError):
                return _health(port)[0] == 200
            return False

        _wait(healthy, "the service never became healthy", service.log)
        for index in range(FILES):
            drop(settings.inbox, f"request-{index}.pdf", request_pdf(f"supervision {index}"))
        _wait(lambda: list_requests(db, status=Status.PROCESSING), "nothing processing", service.log)
        (worker,) = children(service.pid)
        os.killpg(worker, signal.SIGKILL)
        seen: list[dict[str, object]] = []

        def reported_missing() -> bool:
            code, body = _health(port)
            if code == 503:
                seen.append(body)
            return bool(seen)

        _wait(reported_missing, "/health never said the worker was missing", service.log, timeout=20)
        assert any("no live worker" in str(body.get("missing")) for body in seen), seen

        def finished() -> bool:
            requests = list_requests(db, limit=100)
            return len(requests) == FILES and all(r.status in FINAL for r in requests)

        _wait(finished, "not every file was analysed", service.log, timeout=300)
        _wait(healthy, "/health did not come back to ok", service.log, timeout=30)
        assert worker not in children(service.pid)
    finally:
        assert service.stop(signal.SIGINT) == 0, service.log()[-4000:]
    log = service.log()
    assert "died with status" in log
    assert "the worker was restarted" in log
    requests = list_requests(db, limit=100)
    assert {r.status for r in requests} <= {Status.ROUTED, Status.NEEDS_REVIEW}
    with db.session() as session:
        counts = dict(
            session.execute(
                select(AuditRow.number, func.count())
                .where(AuditRow.action == "analysis")
                .group_by(AuditRow.number)
            ).all()
        )
    assert counts == {r.number: 1 for r in requests}, counts
    db.dispose()
