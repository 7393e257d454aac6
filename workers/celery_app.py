"""The Celery application, configured from settings at the entry point.

On the embedded default the broker is kombu's filesystem transport in the data
folder, so no server is needed; with ``broker_url`` set (Redis, RabbitMQ) the same
code runs on production parts. Tasks carry JSON arguments only, acknowledge late
(every stage is idempotent, keyed by the registration) and keep no results.

:func:`create_celery` registers no task: a sender (workers/sender.py) uses the app as
it is, the worker's bootstrap registers the tasks on it (workers/tasks.py).
"""

from __future__ import annotations

from celery import Celery

from rogatory.settings import Settings
from workers.sender import QUEUE


def create_celery(settings: Settings) -> Celery:
    """Build the Celery app for these settings, without tasks (runs in any process)."""
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
    return app
