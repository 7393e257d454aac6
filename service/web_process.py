"""The web process's bootstrap: Settings in, the :class:`~web.context.WebContext` out.

Runs once at the start of the web process (``rogatory web``, ``rogatory run``) and in
tests. The upload intake reaches the web app as a callable built here from ingest;
queueing goes through one :class:`~workers.sender.TaskSender`, never the worker's app.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from ingest.backlog import QueueBacklog
from ingest.intake import intake_bytes
from ingest.submission import intake_submission
from rogatory.settings import Settings
from service.bootstrap import load_authorities, load_drafter, open_intake, task_sender
from web.context import ReviewContext, WebContext
from workers.metrics import ArchiveCollector, metrics_registry
from workers.sender import QUEUE


def open_web_context(
    settings: Settings,
    *,
    enqueue: Callable[[str], None] | None = None,
    deliver: Callable[[str], None] | None = None,
) -> WebContext:
    """Create the data folders, open the database and the store, load directory and letters.

    ``enqueue`` and ``deliver`` default to sending the Celery tasks to the settings'
    broker. Raises ``ConfigurationError`` for an invalid authority directory or letter
    template.
    """
    settings.ensure_dirs()
    directory = load_authorities(settings)
    drafter = load_drafter(directory)
    sender = task_sender(settings)
    # An upload registered while the broker is down is queued when it answers again.
    backlog = QueueBacklog(enqueue or sender.enqueue_processing, retry_seconds=settings.queue_retry_seconds)
    intake = open_intake(settings, enqueue=backlog.enqueue)
    return WebContext(
        settings=settings,
        db=intake.db,
        store=intake.store,
        directory=directory,
        drafter=drafter,
        upload=functools.partial(intake_bytes, source="upload", context=intake),
        review=ReviewContext(
            settings=settings, directory=directory, deliver=deliver or sender.enqueue_delivery
        ),
        flush_uploads=backlog.flush,
        metrics=metrics_registry(ArchiveCollector(intake.db, sender.app, QUEUE)),
        submit=functools.partial(intake_submission, context=intake),
    )
