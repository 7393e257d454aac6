"""The bootstrap: Settings in, the typed context of each process out.

Runs at the entry point of each process (the command line, ``rogatory run``'s parts,
the worker, the web app, the evaluation), once. What a process needs is loaded and
validated here, so that a broken authority directory or model is a
``ConfigurationError`` at start (one line from the CLI), not at the first task.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from celery import Celery

from classify.directory import Directory, load_directory
from classify.letters import load_letter_templates
from ingest.intake import IntakeContext
from rogatory.settings import Settings
from storage.database import open_database
from storage.object_stores import open_object_store
from web.languages import translator
from workers.celery_app import create_celery
from workers.context import WorkerContext
from workers.evaluation import LoadFunction
from workers.letters import Drafter
from workers.pipeline import load_engines
from workers.sender import TaskSender
from workers.tasks import register_tasks


def load_authorities(settings: Settings) -> Directory:
    """The authority directory of these settings, validated. Raises ``ConfigurationError``."""
    return load_directory(settings.authorities_path)


def load_drafter(directory: Directory) -> Drafter:
    """The letter drafter of a process, its templates compiled and checked here, once.

    Runs at the start of the web process and of ``rogatory draft``. Raises
    ``ConfigurationError`` naming a broken template.
    """
    return Drafter(templates=load_letter_templates(), directory=directory)


def task_sender(settings: Settings) -> TaskSender:
    """The sender of tasks to the settings' broker: a Celery app without tasks (any process)."""
    return TaskSender(create_celery(settings))


def open_intake(settings: Settings, *, enqueue: Callable[[str], None]) -> IntakeContext:
    """What intake needs (the watcher, ``rogatory ingest``, the web app's uploads).

    ``enqueue`` queues a new registration (a backlog's ``enqueue``, a sender's
    ``enqueue_processing``, or a list's ``append`` to process in this process).
    """
    return IntakeContext(
        settings=settings,
        db=open_database(settings.database),
        store=open_object_store(settings),
        enqueue=enqueue,
    )


def open_worker_context(settings: Settings) -> WorkerContext:
    """Open the database and the object store and load the engines and the directory.

    Runs in a worker's main process (before Celery forks its pool) and in
    ``rogatory ingest --now``. Raises ``ConfigurationError`` for a bad directory or model.
    """
    engines = load_engines(settings, load_authorities(settings))
    db = open_database(settings.database)
    # A forked pool process opens connections of its own: the parent keeps none in its pool.
    db.dispose()
    return WorkerContext(
        settings=settings,
        db=db,
        store=open_object_store(settings),
        engines=engines,
        wording=functools.partial(translator, time_zone=settings.time_zone),
    )


def worker_app(context: WorkerContext) -> Celery:
    """The Celery app of a worker: configured for the context's settings, the tasks registered."""
    app = create_celery(context.settings)
    register_tasks(app, context)
    return app


def evaluation_loader(settings: Settings) -> LoadFunction:
    """The engine loader of ``rogatory eval``'s processes, with the directory loaded here, once.

    Raises ``ConfigurationError`` for a bad directory; the models load in each pool process.
    """
    return functools.partial(load_engines, directory=load_authorities(settings))
