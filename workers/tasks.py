"""Thin Celery tasks: a registration number in, the processing step called, nothing returned.

``process_document`` analyses a document, or hands the pages of a long one out to
``ocr_page`` tasks (one a page, in parallel on the workers); the page task that saves
the last missing page queues ``finish_document``, which analyses the document's text.

Runs in the worker processes. Each process builds its :class:`WorkerContext`
(database, object store, engines) once, on its first task.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import Celery, Task
from celery.signals import worker_process_shutdown

from classify.directory import Directory, load_directory
from rogatory.errors import TransientError
from rogatory.registration import Status
from rogatory.settings import Settings
from storage.page_runs import PageSave, end_page_run, release_finish
from workers.celery_app import (
    DELIVER_TASK,
    FINISH_TASK,
    OCR_PAGE_TASK,
    PROCESS_TASK,
    enqueue_delivery,
    enqueue_finish,
    enqueue_pages,
)
from workers.context import WorkerContext
from workers.delivery import deliver_request, raise_if_retrying
from workers.page_jobs import PageJob
from workers.page_jobs import ocr_page as ocr_page_job
from workers.processing import finish_registration, start_registration

log = logging.getLogger(__name__)
#: The options of the pipeline's tasks: late acknowledgement (each step is idempotent),
#: retries with backoff for transient errors only.
_PIPELINE_TASK: dict[str, Any] = {
    "bind": True,
    "acks_late": True,
    "autoretry_for": (TransientError,),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 8,
}


def register_tasks(app: Celery, settings: Settings) -> None:
    """Register the tasks on ``app``; the settings are captured, not read globally."""
    holder: dict[str, WorkerContext] = {}

    def context() -> WorkerContext:
        if "context" not in holder:
            holder["context"] = WorkerContext.open(settings)
        return holder["context"]

    @worker_process_shutdown.connect(weak=False)  # type: ignore[untyped-decorator]
    def close_context(**_: object) -> None:
        # A pool process stops its OCR child itself: reaped here, its CPU time is the worker's.
        if "context" in holder:
            holder["context"].close()

    @app.task(  # type: ignore[untyped-decorator]
        name=PROCESS_TASK,
        **_PIPELINE_TASK,
    )
    def process_document(self: Task, number: str) -> None:
        log.info("processing %s (attempt %d)", number, self.request.retries + 1)
        started = start_registration(number, context())
        if started.jobs:
            enqueue_pages(app, started.jobs)
        elif started.status == Status.ROUTED:
            enqueue_delivery(app, number)

    @app.task(  # type: ignore[untyped-decorator]
        name=OCR_PAGE_TASK,
        **_PIPELINE_TASK,
    )
    def ocr_page(self: Task, number: str, run: str, page: int, languages: str) -> None:
        log.info("reading page %d of %s (attempt %d)", page, number, self.request.retries + 1)
        job = PageJob(number=number, run=run, page=page, languages=languages)
        if ocr_page_job(job, context()) != PageSave.FINISH:
            return
        try:
            enqueue_finish(app, number, run)
        except TransientError:
            release_finish(context().db, number, run=run)  # the retry saves the page again and claims it
            raise

    @app.task(  # type: ignore[untyped-decorator]
        name=FINISH_TASK,
        **_PIPELINE_TASK,
    )
    def finish_document(self: Task, number: str, run: str) -> None:
        log.info("finishing %s (attempt %d)", number, self.request.retries + 1)
        status = finish_registration(number, run, context())
        if status == Status.ROUTED:
            enqueue_delivery(app, number)
        if status is not None:
            end_page_run(context().db, number, run=run)  # after the delivery is queued: a retry redoes both

    directories: dict[str, Directory] = {}

    @app.task(  # type: ignore[untyped-decorator]
        name=DELIVER_TASK,
        bind=True,
        acks_late=True,
        autoretry_for=(TransientError,),
        retry_backoff=settings.delivery_retry_seconds,
        retry_backoff_max=settings.delivery_retry_seconds * 60,
        max_retries=settings.delivery_max_attempts - 1,
    )
    def deliver(self: Task, number: str) -> None:
        log.info("delivering %s (round %d)", number, self.request.retries + 1)
        if "directory" not in directories:
            directories["directory"] = load_directory(settings.authorities_path)
        shared = context()
        deliveries = deliver_request(
            number, db=shared.db, store=shared.store, directory=directories["directory"], settings=settings
        )
        raise_if_retrying(deliveries)
