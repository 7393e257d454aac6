"""Thin Celery tasks: a registration number in, the processing step called, nothing returned.

Runs in the worker processes. Each process builds its :class:`WorkerContext`
(database, object store, engines) once, on its first task.
"""

from __future__ import annotations

import logging

from celery import Celery, Task

from classify.directory import Directory, load_directory
from rogatory.errors import TransientError
from rogatory.registration import Status
from rogatory.settings import Settings
from workers.celery_app import DELIVER_TASK, PROCESS_TASK, enqueue_delivery
from workers.context import WorkerContext
from workers.delivery import deliver_request, raise_if_retrying
from workers.processing import process_registration

log = logging.getLogger(__name__)


def register_tasks(app: Celery, settings: Settings) -> None:
    """Register the tasks on ``app``; the settings are captured, not read globally."""
    holder: dict[str, WorkerContext] = {}

    def context() -> WorkerContext:
        if "context" not in holder:
            holder["context"] = WorkerContext.open(settings)
        return holder["context"]

    @app.task(  # type: ignore[untyped-decorator]
        name=PROCESS_TASK,
        bind=True,
        acks_late=True,
        autoretry_for=(TransientError,),
        retry_backoff=True,
        retry_backoff_max=300,
        max_retries=8,
    )
    def process_document(self: Task, number: str) -> None:
        log.info("processing %s (attempt %d)", number, self.request.retries + 1)
        if process_registration(number, context()) == Status.ROUTED:
            enqueue_delivery(app, number)

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
