"""A long scan's pages OCR'd by page tasks on real Celery workers, as ``rogatory worker`` runs them.

Production parts: two worker processes (``--concurrency 1`` each) on Redis and
PostgreSQL; the embedded default: one worker of two pool processes on the
filesystem broker and SQLite. Checks: the document ends routed with every page in
order and the text the in-process path gives; the page tasks ran in both processes;
a duplicated page task does not duplicate its page; an oversized page becomes an
empty page with its issue, the others are kept.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
import redis
from sqlalchemy import select

from extract.engines import load_text_engines
from extract.text import extract_text
from rogatory.records import DocumentText
from rogatory.registration import Status
from rogatory.settings import Settings, load_settings
from rogatory.sources import MediaType, SourceFile
from service.bootstrap import load_authorities, task_sender
from storage.database import Database, open_database
from storage.models import PageResultRow, PageRunRow
from storage.object_stores import open_object_store
from storage.registry import get_request, register
from tests.postgres import fresh_database
from tests.scans import long_scan
from workers.celery_app import create_celery
from workers.pipeline import load_engines
from workers.sender import OCR_PAGE_TASK, QUEUE

pytestmark = pytest.mark.slow

REDIS = "redis://127.0.0.1:6379"
DONE = {Status.ROUTED, Status.NEEDS_REVIEW, Status.FAILED}
PIXEL_LIMIT = "10000000"


def _start_workers(env: dict[str, str], logs: list[Path], stack: ExitStack) -> None:
    child_env = {key: value for key, value in os.environ.items() if not key.startswith("ROGATORY_")}
    child_env.update(env, ROGATORY_LOG_FORMAT="json")
    for log in logs:
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "service", "worker"],
                env=child_env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        stack.callback(_stop, process, log)


def _stop(process: subprocess.Popen[bytes], log: Path) -> None:
    process.terminate()
    assert process.wait(timeout=60) == 0, log.read_text()[-3000:]


def _register(settings: Settings, db: Database, data: bytes) -> str:
    digest = open_object_store(settings).put(data)
    number = register(
        db, sha256=digest, filename="long.tif", size=len(data), media_type="image/tiff", source="cli"
    ).registration.number
    task_sender(settings).enqueue_processing(number)
    return number


def _wait(db: Database, number: str, logs: list[Path], timeout: float = 420) -> Status:
    deadline = time.monotonic() + timeout
    status = Status.REGISTERED
    while time.monotonic() < deadline:
        status = get_request(db, number).registration.status
        if status in DONE:
            return status
        time.sleep(0.5)
    tails = "\n".join(log.read_text()[-3000:] for log in logs)
    raise AssertionError(f"{number} still {status} after {timeout}s:\n{tails}")


def _in_process(data: bytes, settings: Settings) -> DocumentText:
    options = load_engines(settings, load_authorities(settings)).text_options
    source = SourceFile(data=data, media_type=MediaType.TIFF, name="long.tif")
    return extract_text(source, engines=load_text_engines(), options=options)


def _page_lines(logs: list[Path], number: str) -> list[tuple[int, str]]:
    """(process id, message) of every "reading page" line of the workers' logs."""
    lines = []
    for log in logs:
        for raw in log.read_text().splitlines():
            if raw.startswith("{"):
                entry = json.loads(raw)
                if entry["message"].startswith("reading page") and entry["number"] == number:
                    lines.append((entry["process"], entry["message"]))
    return lines


def _check_document(db: Database, number: str, expected: DocumentText, pages: int, oversized: int) -> None:
    view = get_request(db, number)
    assert view.registration.status == Status.ROUTED
    assert view.analysis is not None
    assert view.analysis.routing.route_to == "asset_recovery_office"
    text = view.analysis.text
    assert [page.number for page in text.pages] == list(range(1, pages + 1))
    for page in text.pages[1:]:
        assert (f"ANNEX PAGE {page.number}" in page.text) == (page.number != oversized), page
    assert text.pages[oversized - 1].text == ""
    assert "4000x3000" in text.pages[oversized - 1].issues[0].message
    assert text == expected


def _wait_for_no_page_rows(db: Database) -> None:
    """The working rows go once the document is finished (just after its status is set)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with db.session() as session:
            left = len(
                session.scalars(select(PageResultRow)).all() + session.scalars(select(PageRunRow)).all()
            )
        if not left:
            return
        time.sleep(0.2)
    raise AssertionError(f"{left} page rows left")


@pytest.fixture
def production(tmp_path: Path) -> Iterator[dict[str, str]]:
    redis_db = random.randint(1, 13)
    redis.Redis.from_url(f"{REDIS}/{redis_db}").flushdb()
    with fresh_database() as database_url:
        yield {
            "ROGATORY_DATA_DIR": str(tmp_path / "data"),
            "ROGATORY_DATABASE_URL": database_url,
            "ROGATORY_BROKER_URL": f"{REDIS}/{redis_db}",
            "ROGATORY_OBJECT_STORE_URL": f"file://{tmp_path / 'objects'}",
            "ROGATORY_WORKER_CONCURRENCY": "1",
            "ROGATORY_MAX_IMAGE_PIXELS": PIXEL_LIMIT,
        }
    redis.Redis.from_url(f"{REDIS}/{redis_db}").flushdb()


@pytest.mark.redis
@pytest.mark.postgres
def test_two_workers_share_the_pages_of_a_long_scan(production: dict[str, str], tmp_path: Path) -> None:
    settings = load_settings(environ=production)
    db = open_database(settings.database)
    data = long_scan(8, oversized=5)
    logs = [tmp_path / "worker-a.log", tmp_path / "worker-b.log"]
    with ExitStack() as stack:
        _start_workers(production, logs, stack)
        number = _register(settings, db, data)
        expected = _in_process(data, settings)  # while the workers read it
        deadline = time.monotonic() + 300
        run = None
        while run is None and time.monotonic() < deadline:
            with db.session() as session:
                run = session.scalar(select(PageRunRow.run))
            time.sleep(0.2)
        assert run is not None, "no page run started"
        # The same page task twice more (as a redelivery would), while the pages are out.
        celery = create_celery(settings)
        for _ in range(2):
            celery.send_task(OCR_PAGE_TASK, args=[number, run, 3, "eng"], queue=QUEUE)
        assert _wait(db, number, logs) == Status.ROUTED
        lines = _page_lines(logs, number)
        _check_document(db, number, expected, pages=8, oversized=5)
        deadline = time.monotonic() + 60
        while len(lines) < 9 and time.monotonic() < deadline:  # the duplicates may come last
            time.sleep(0.5)
            lines = _page_lines(logs, number)
    assert sorted(message.split(" of ")[0] for _, message in lines) == sorted(
        [f"reading page {page}" for page in range(2, 9)] + ["reading page 3"] * 2
    )
    assert len({process for process, _ in lines}) == 2, lines
    _check_document(db, number, expected, pages=8, oversized=5)  # the late duplicates changed nothing
    _wait_for_no_page_rows(db)
    db.dispose()


def test_the_embedded_filesystem_broker_runs_the_page_tasks(tmp_path: Path) -> None:
    env = {
        "ROGATORY_DATA_DIR": str(tmp_path / "data"),
        "ROGATORY_WORKER_CONCURRENCY": "2",
        "ROGATORY_MAX_IMAGE_PIXELS": PIXEL_LIMIT,
    }
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    db = open_database(settings.database)
    data = long_scan(6, oversized=2)
    logs = [tmp_path / "worker.log"]
    with ExitStack() as stack:
        _start_workers(env, logs, stack)
        number = _register(settings, db, data)
        expected = _in_process(data, settings)
        assert _wait(db, number, logs) == Status.ROUTED
        _check_document(db, number, expected, pages=6, oversized=2)
        _wait_for_no_page_rows(db)
    lines = _page_lines(logs, number)
    assert sorted(message.split(" of ")[0] for _, message in lines) == [
        f"reading page {page}" for page in range(2, 7)
    ]
    assert len({process for process, _ in lines}) == 2, lines
    db.dispose()
