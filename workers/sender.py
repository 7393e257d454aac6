"""The task names, the queue and the one sender of tasks by name.

Imported by whatever queues work (the watcher's bootstrap, the web app, the CLI, the
tasks themselves). It sends with Celery's ``send_task`` on an app configured for the
broker only (``workers.celery_app.create_celery``): no task is registered, so a sender
never builds the worker's tasks or opens their resources.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from celery import Celery
from kombu.exceptions import OperationalError

from rogatory.errors import TransientError

if TYPE_CHECKING:
    from workers.page_jobs import PageJob

PROCESS_TASK = "rogatory.process_document"
OCR_PAGE_TASK = "rogatory.ocr_page"
FINISH_TASK = "rogatory.finish_document"
DELIVER_TASK = "rogatory.deliver_request"
QUEUE = "rogatory"


class TaskSender:
    """Queues the service's tasks by name on ``app``'s broker (any thread, any process).

    Every method raises ``TransientError`` when the broker is unavailable.
    """

    def __init__(self, app: Celery) -> None:
        self.app = app

    def enqueue_processing(self, number: str) -> None:
        """Queue the pipeline for one registration."""
        self._send(PROCESS_TASK, [number], what=f"cannot queue {number}")

    def enqueue_pages(self, jobs: Sequence[PageJob]) -> None:
        """Queue one OCR task per page job."""
        what = "cannot queue the pages of a document"
        for job in jobs:
            self._send(OCR_PAGE_TASK, [job.number, job.run, job.page, job.languages], what=what)

    def enqueue_finish(self, number: str, run: str) -> None:
        """Queue the finish of a document whose pages are all read."""
        self._send(FINISH_TASK, [number, run], what=f"cannot queue the finish of {number}")

    def enqueue_delivery(self, number: str) -> None:
        """Queue the deliveries of a routed request."""
        self._send(DELIVER_TASK, [number], what=f"cannot queue the deliveries of {number}")

    def _send(self, name: str, args: list[object], *, what: str) -> None:
        try:
            self.app.send_task(name, args=args, queue=QUEUE)
        except (OperationalError, OSError) as error:
            raise TransientError(f"{what}: the broker is unavailable ({error})") from error
