"""Prometheus metrics: documents by status, queue depth, task and stage durations, OCR pages.

Two kinds. Read at scrape time by :class:`ArchiveCollector` from the database
(documents by status) and the broker (messages waiting), so any web process
reports the whole deployment. Counted where the work happens (task durations and
outcomes, OCR pages) in the worker processes: with ``PROMETHEUS_MULTIPROC_DIR``
set (a folder shared by the workers and the web app of one host) prometheus_client
writes them to files there and :func:`metrics_registry` merges them; without it
they stay in the process that counted them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from celery import Celery
from celery.signals import task_postrun, task_prerun
from kombu.connection import Connection
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from rogatory.records import Analysis, TextSource
from storage.database import Database
from storage.models import RegistrationRow

TASK_SECONDS = Histogram(
    "rogatory_task_seconds",
    "Duration of a Celery task (a document through the pipeline, a delivery)",
    ["task", "state"],
    buckets=(0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800),
)
STAGE_SECONDS = Histogram(
    "rogatory_stage_seconds",
    "Duration of one stage of the pipeline on one document",
    ["stage"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300),
)
OCR_PAGES = Counter("rogatory_ocr_pages", "Pages read by OCR (no usable text layer)")
PAGES = Counter("rogatory_pages", "Pages analysed, by where their text came from", ["source"])
_STARTED: dict[str, float] = {}


@contextmanager
def timed_stage(stage: str) -> Iterator[None]:
    """Observe how long the block (one stage on one document) takes, also when it raises."""
    started = time.perf_counter()
    try:
        yield
    finally:
        STAGE_SECONDS.labels(stage=stage).observe(time.perf_counter() - started)


def record_analysis(analysis: Analysis) -> None:
    """Count the pages of one analysis (called where the analysis is made)."""
    for page in analysis.text.pages:
        PAGES.labels(source=page.source.value).inc()
        if page.source == TextSource.OCR:
            OCR_PAGES.inc()


def _task_started(*, task_id: str | None = None, **_: Any) -> None:
    if task_id:
        _STARTED[task_id] = time.monotonic()


def _task_finished(
    *, task_id: str | None = None, task: Any = None, state: str | None = None, **_: Any
) -> None:
    started = _STARTED.pop(task_id or "", None)
    if started is not None:
        name = str(getattr(task, "name", "unknown"))
        TASK_SECONDS.labels(task=name, state=state or "unknown").observe(time.monotonic() - started)


def instrument_tasks() -> None:
    """Time every task of this worker process (idempotent)."""
    task_prerun.connect(_task_started, weak=False, dispatch_uid="rogatory-metrics-start")
    task_postrun.connect(_task_finished, weak=False, dispatch_uid="rogatory-metrics-finish")


class ArchiveCollector(Collector):
    """Gauges read when scraped: documents by status, messages waiting in the queue."""

    def __init__(self, db: Database, celery: Celery, queue: str) -> None:
        self.db = db
        self.celery = celery
        self.queue = queue

    def collect(self) -> Iterator[Metric]:
        documents = GaugeMetricFamily(
            "rogatory_documents", "Registered documents by status", labels=["status"]
        )
        for status, count in self._statuses():
            documents.add_metric([status], count)
        yield documents
        depth = self._queue_depth()
        if depth is not None:
            yield GaugeMetricFamily(
                "rogatory_queue_depth", "Tasks waiting in the broker's queue", value=depth
            )

    def _statuses(self) -> Iterable[tuple[str, int]]:
        statement = select(RegistrationRow.status, func.count()).group_by(RegistrationRow.status)
        with self.db.session() as session:
            return [(str(status), int(count)) for status, count in session.execute(statement)]

    def _queue_depth(self) -> int | None:
        """Messages waiting (Redis, RabbitMQ, filesystem transport); ``None`` if the broker is down."""
        try:
            with Connection(  # type: ignore[no-untyped-call]
                self.celery.conf.broker_url, transport_options=self.celery.conf.broker_transport_options
            ) as connection:
                declared = connection.default_channel.queue_declare(self.queue, passive=True)
        except Exception:  # a broker that is down or lacks the queue yet: no figure, not a failed scrape
            return None
        return int(declared.message_count)


def metrics_registry(collector: ArchiveCollector) -> CollectorRegistry:
    """A registry with the scrape-time gauges and the counted metrics (merged across processes)."""
    registry = CollectorRegistry()
    registry.register(collector)
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        MultiProcessCollector(registry, path=folder)  # type: ignore[no-untyped-call]
    else:
        for metric in (TASK_SECONDS, STAGE_SECONDS, OCR_PAGES, PAGES):
            registry.register(metric)
    return registry
