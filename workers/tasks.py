"""Thin Celery tasks: a registration number in, the processing step called, nothing returned.

``process_document`` analyses a document, or hands the pages of a long one out to
``ocr_page`` tasks (one a page, in parallel on the workers); the page task that saves
the last missing page queues ``finish_document``, which analyses the document's text.

Runs in the worker processes. The worker's bootstrap (service/worker_process.py)
builds the :class:`WorkerContext` (database, object store, engines, directory) once,
before Celery forks its pool, and registers the tasks with it; each pool process lets go
of the database connections it inherited and closes its context when it stops.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import Any

from celery import Celery, Task
from celery.signals import (
    task_postrun,
    task_prerun,
    task_received,
    worker_process_init,
    worker_process_shutdown,
)

from rogatory.errors import TransientError
from rogatory.logs import set_number
from rogatory.registration import Status
from storage.page_runs import PageSave, end_page_run, release_finish
from storage.processing import mark_queued
from workers.context import WorkerContext
from workers.delivery import deliver_request, raise_if_retrying
from workers.metrics import instrument_tasks
from workers.page_jobs import PageJob
from workers.page_jobs import ocr_page as ocr_page_job
from workers.processing import finish_registration, start_registration
from workers.sender import DELIVER_TASK, FINISH_TASK, OCR_PAGE_TASK, PROCESS_TASK, TaskSender

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


def register_tasks(app: Celery, context: WorkerContext) -> None:
    """Register the tasks on ``app`` (the worker's bootstrap only), running them with ``context``.

    The tasks queue their next steps through ``app`` by name (:class:`TaskSender`).
    """
    sender = TaskSender(app)
    settings = context.settings
    instrument_tasks()
    task_prerun.connect(_bind_number, weak=False, dispatch_uid="rogatory-bind-number")
    task_postrun.connect(_unbind_number, weak=False, dispatch_uid="rogatory-unbind-number")

    @task_received.connect(weak=False)  # type: ignore[untyped-decorator]
    def taken_from_the_queue(*, request: Any = None, **_: object) -> None:
        # The message left the queue (the filesystem transport deletes it now): if this worker
        # dies before the task claims it, `rogatory run` queues it again at once.
        if request is not None and request.name == PROCESS_TASK and request.args:
            with suppress(TransientError):
                mark_queued(context.db, [str(request.args[0])], taken=True)

    @worker_process_init.connect(weak=False)  # type: ignore[untyped-decorator]
    def forget_inherited_connections(**_: object) -> None:
        # A forked pool process must not use (nor close) the connections of its parent.
        context.db.engine.dispose(close=False)

    @worker_process_shutdown.connect(weak=False)  # type: ignore[untyped-decorator]
    def close_context(**_: object) -> None:
        # A pool process stops its OCR child itself: reaped here, its CPU time is the worker's.
        context.close()

    @app.task(  # type: ignore[untyped-decorator]
        name=PROCESS_TASK,
        **_PIPELINE_TASK,
    )
    def process_document(self: Task, number: str) -> None:
        log.info("processing %s (attempt %d)", number, self.request.retries + 1)
        started = start_registration(number, context, task=str(self.request.id))
        if started.jobs:
            sender.enqueue_pages(started.jobs)
        elif started.recorded is not None and started.status == Status.ROUTED:
            sender.enqueue_delivery(number)

    @app.task(  # type: ignore[untyped-decorator]
        name=OCR_PAGE_TASK,
        **_PIPELINE_TASK,
    )
    def ocr_page(self: Task, number: str, run: str, page: int, languages: str) -> None:
        log.info("reading page %d of %s (attempt %d)", page, number, self.request.retries + 1)
        job = PageJob(number=number, run=run, page=page, languages=languages)
        if ocr_page_job(job, context) != PageSave.FINISH:
            return
        try:
            sender.enqueue_finish(number, run)
        except TransientError:
            release_finish(context.db, number, run=run)  # the retry saves the page again and claims it
            raise

    @app.task(  # type: ignore[untyped-decorator]
        name=FINISH_TASK,
        **_PIPELINE_TASK,
    )
    def finish_document(self: Task, number: str, run: str) -> None:
        log.info("finishing %s (attempt %d)", number, self.request.retries + 1)
        status = finish_registration(number, run, context)
        if status == Status.ROUTED:
            sender.enqueue_delivery(number)
        if status is not None:
            end_page_run(context.db, number, run=run)  # after the delivery is queued: a retry redoes both

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
        deliveries = deliver_request(
            number,
            db=context.db,
            store=context.store,
            directory=context.engines.directory,
            settings=settings,
            wording=context.wording,
        )
        raise_if_retrying(deliveries)


def _bind_number(*, args: tuple[object, ...] | None = None, **_: object) -> None:
    """Every task of ours takes the registration number first: log lines of the task carry it."""
    set_number(str(args[0]) if args else None)


def _unbind_number(**_: object) -> None:
    set_number(None)
