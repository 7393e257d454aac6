"""Thin Celery tasks: a registration number in, the processing step called, nothing returned.

Runs in the worker processes. Each process builds its :class:`WorkerContext`
(database, object store, engines) once, on its first task.
"""

from __future__ import annotations

import logging

from celery import Celery, Task

from rogatory.errors import TransientError
from rogatory.settings import Settings
from workers.celery_app import PROCESS_TASK
from workers.context import WorkerContext
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
        process_registration(number, context())
