"""The Celery application, built from settings at the entry point.

On the embedded default the broker is kombu's filesystem transport in the data
folder, so no server is needed; with ``broker_url`` set (Redis, RabbitMQ) the same
code runs on production parts. Tasks carry JSON arguments only, acknowledge late
(every stage is idempotent, keyed by the registration) and keep no results.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from celery import Celery
from celery.signals import task_postrun, task_prerun
from kombu.exceptions import OperationalError

from rogatory.errors import TransientError
from rogatory.logs import set_number
from rogatory.settings import Settings

if TYPE_CHECKING:
    from workers.page_jobs import PageJob

PROCESS_TASK = "rogatory.process_document"
OCR_PAGE_TASK = "rogatory.ocr_page"
FINISH_TASK = "rogatory.finish_document"
DELIVER_TASK = "rogatory.deliver_request"
QUEUE = "rogatory"


def create_celery(settings: Settings) -> Celery:
    """Build the Celery app for these settings and register the tasks on it."""
    app = Celery("rogatory", set_as_current=False)
    app.conf.update(
        broker_url=settings.broker,
        task_serializer="json",
        accept_content=["json"],
        result_backend=None,
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=QUEUE,
        task_time_limit=int(settings.ocr_timeout_seconds * 20),
        task_soft_time_limit=int(settings.ocr_timeout_seconds * 19),
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        enable_utc=True,
    )
    if settings.broker.startswith("filesystem://"):
        folder = str(settings.queue_dir / "in")
        app.conf.broker_transport_options = {
            "data_folder_in": folder,
            "data_folder_out": folder,
            "data_folder_processed": str(settings.queue_dir / "processed"),
            "control_folder": str(settings.queue_dir / "control"),
            "store_processed": False,
        }
        # The filesystem transport has no fan-out: no remote control, events or gossip.
        app.conf.worker_enable_remote_control = False
    elif settings.broker.startswith(("redis://", "rediss://")):
        # Redis redelivers an unacknowledged task after the visibility timeout: it must
        # outlast the hard time limit, or a long OCR job would run twice at once.
        app.conf.broker_transport_options = {"visibility_timeout": app.conf.task_time_limit + 600}
    from workers.metrics import instrument_tasks

    instrument_tasks()
    task_prerun.connect(_bind_number, weak=False, dispatch_uid="rogatory-bind-number")
    task_postrun.connect(_unbind_number, weak=False, dispatch_uid="rogatory-unbind-number")
    from workers.tasks import register_tasks

    register_tasks(app, settings)
    return app


def enqueue_processing(app: Celery, number: str) -> None:
    """Queue the pipeline for one registration. Raises ``TransientError`` if the broker is down."""
    try:
        app.send_task(PROCESS_TASK, args=[number], queue=QUEUE)
    except (OperationalError, OSError) as error:
        raise TransientError(f"cannot queue {number}: the broker is unavailable ({error})") from error


def enqueue_pages(app: Celery, jobs: Sequence[PageJob]) -> None:
    """Queue one OCR task per page job. Raises ``TransientError`` if the broker is down."""
    try:
        for job in jobs:
            app.send_task(OCR_PAGE_TASK, args=[job.number, job.run, job.page, job.languages], queue=QUEUE)
    except (OperationalError, OSError) as error:
        raise TransientError(
            f"cannot queue the pages of a document: the broker is unavailable ({error})"
        ) from error


def enqueue_finish(app: Celery, number: str, run: str) -> None:
    """Queue the finish of a document whose pages are all read. Raises ``TransientError``."""
    try:
        app.send_task(FINISH_TASK, args=[number, run], queue=QUEUE)
    except (OperationalError, OSError) as error:
        raise TransientError(
            f"cannot queue the finish of {number}: the broker is unavailable ({error})"
        ) from error


def enqueue_delivery(app: Celery, number: str) -> None:
    """Queue the deliveries of a routed request. Raises ``TransientError`` if the broker is down."""
    try:
        app.send_task(DELIVER_TASK, args=[number], queue=QUEUE)
    except (OperationalError, OSError) as error:
        raise TransientError(
            f"cannot queue the deliveries of {number}: the broker is unavailable ({error})"
        ) from error


def _bind_number(*, args: tuple[object, ...] | None = None, **_: object) -> None:
    """Every task of ours takes the registration number first: log lines of the task carry it."""
    set_number(str(args[0]) if args else None)


def _unbind_number(**_: object) -> None:
    set_number(None)
