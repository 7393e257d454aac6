"""``rogatory run | worker | web | watch``: the long-running processes of the service."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from rogatory.settings import Settings
from service.cli.invocation import settings_from

if TYPE_CHECKING:
    from celery import Celery

    from storage.database import Database
    from workers.context import WorkerContext


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = subparsers.add_parser(
        "run", help="start the web app, the inbox watcher, a worker and mail intake (when mailboxes are set)"
    )
    run.add_argument("--poll", action="store_true", help="poll the inbox (network shares) instead of inotify")
    run.add_argument("--port", type=int, help="web port (default 8000)")
    run.add_argument("--host", help="web address (default 127.0.0.1)")
    run.set_defaults(handler=run_all)
    worker = subparsers.add_parser("worker", help="start a Celery worker")
    worker.add_argument("--concurrency", type=int, help="worker processes (default 2)")
    worker.set_defaults(handler=run_worker)
    web = subparsers.add_parser("web", help="start the web app only")
    web.add_argument("--port", type=int)
    web.add_argument("--host")
    web.set_defaults(handler=run_web)
    watch = subparsers.add_parser("watch", help="watch the inbox only")
    watch.add_argument("--poll", action="store_true", help="poll instead of inotify")
    watch.set_defaults(handler=run_watch)


def _settings(args: argparse.Namespace) -> Settings:
    settings = settings_from(args)
    updates = {
        key: value
        for key, value in (
            ("web_port", getattr(args, "port", None)),
            ("web_host", getattr(args, "host", None)),
            ("worker_concurrency", getattr(args, "concurrency", None)),
            ("watch_poll", True if getattr(args, "poll", False) else None),
        )
        if value is not None
    }
    return settings.model_copy(update=updates) if updates else settings


def _hint_first_user(settings: Settings) -> None:
    from storage.database import open_database
    from storage.users import count_users

    db = open_database(settings.database)
    try:
        if count_users(db) == 0:
            print(
                "No user can sign in yet: add the first administrator with\n"
                "  rogatory users add admin --role admin",
                flush=True,
            )
    finally:
        db.dispose()


def run_all(args: argparse.Namespace) -> int:
    """Start worker (a child process), watcher (a thread) and web app (this thread), supervised."""
    from service.cli.mail_command import start_mail_intake
    from service.metrics_files import use_metrics_folder
    from service.supervision import Supervisor
    from storage.database import open_database

    settings = _settings(args)
    settings.ensure_dirs()
    use_metrics_folder(settings)  # before the worker starts: its figures reach /metrics
    db = open_database(settings.database)
    stop = threading.Event()
    _requeue_unfinished(settings, db, starting=True)

    def start_worker() -> subprocess.Popen[bytes]:
        # The worker gets its own session: Ctrl-C reaches only this process, which
        # then stops the worker with one SIGTERM (Celery's warm shutdown).
        return subprocess.Popen(_worker_command(args, settings), start_new_session=True)

    def start_watcher() -> threading.Thread:
        watcher = threading.Thread(target=_watch, args=(settings, stop), name="inbox-watcher", daemon=True)
        watcher.start()
        return watcher

    supervisor = Supervisor(
        db,
        start_worker=start_worker,
        start_watcher=start_watcher,
        worker_died=lambda: _requeue_unfinished(settings, db, starting=True),
        first_delay=settings.restart_delay_seconds,
        heartbeat_seconds=settings.heartbeat_seconds,
    )
    supervisor.start()
    mail_threads = start_mail_intake(settings, stop)
    print(
        f"Rogatory is running.\n"
        f"  inbox (drop scans here): {settings.inbox.resolve()}\n"
        f"  web app:                 http://{settings.web_host}:{settings.web_port}/\n"
        f"  JSON API (signed in):    http://{settings.web_host}:{settings.web_port}/docs\n"
        f"  data kept in:            {settings.data_dir.resolve()}\n"
        f"  mailboxes read:          {', '.join(box.label for box in settings.mailboxes) or 'none'}\n"
        f"  database:                {_without_password(settings.database)}\n"
        f"Press Ctrl-C to stop.",
        flush=True,
    )
    _hint_first_user(settings)
    try:
        _serve(settings)
    except KeyboardInterrupt:
        pass  # uvicorn re-raises the Ctrl-C it handled; stopping is what the user asked for
    finally:
        print("Stopping: waiting for the worker to finish its current task...", flush=True)
        supervisor.stop()
        stop.set()
        _stop_child(supervisor.worker)
        supervisor.watcher.join(timeout=10)
        for thread in mail_threads:
            thread.join(timeout=10)
        db.dispose()
    print("Stopped.", flush=True)
    return 0


def run_worker(args: argparse.Namespace) -> int:
    from service.bootstrap import worker_app
    from service.supervision import Heartbeat, part_name

    settings = _settings(args)
    settings.ensure_dirs()
    context = _load_worker(settings)
    heartbeat = Heartbeat(
        context.db, part_name("worker"), kind="worker", period=settings.heartbeat_seconds
    ).start()
    try:
        _work(worker_app(context), settings)
    finally:
        heartbeat.stop()
        context.close()
    return 0


def _load_worker(settings: Settings) -> WorkerContext:
    """Load the worker's models, saying so meanwhile (a ``worker-starting`` heartbeat the pages read)."""
    from service.bootstrap import open_worker_context
    from service.supervision import Heartbeat, part_name
    from storage.database import open_database

    db = open_database(settings.database)
    starting = Heartbeat(
        db, part_name("worker") + ":loading", kind="worker-starting", period=settings.heartbeat_seconds
    ).start()
    try:
        return open_worker_context(settings)
    finally:
        starting.stop()
        db.dispose()


def _work(app: Celery, settings: Settings) -> None:
    """Run the Celery worker of ``app`` in this process until it is stopped."""
    from workers.sender import QUEUE

    app.worker_main(
        [
            "worker",
            "--loglevel=INFO",
            f"--concurrency={settings.worker_concurrency}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            f"--queues={QUEUE}",
            f"--hostname=rogatory-{os.getpid()}@%h",
        ]
    )


def run_web(args: argparse.Namespace) -> int:
    settings = _settings(args)
    settings.ensure_dirs()
    _serve(settings)
    return 0


def run_watch(args: argparse.Namespace) -> int:
    from service.supervision import Heartbeat, part_name
    from storage.database import open_database

    settings = _settings(args)
    settings.ensure_dirs()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(f"Watching {settings.inbox.resolve()} (Ctrl-C to stop)", flush=True)
    db = open_database(settings.database)
    heartbeat = Heartbeat(db, part_name("watcher"), kind="watcher", period=settings.heartbeat_seconds).start()
    try:
        _watch(settings, stop, requeue_registered=True)
    except KeyboardInterrupt:
        stop.set()
    finally:
        heartbeat.stop()
        db.dispose()
    return 0


def _serve(settings: Settings) -> None:
    import uvicorn

    from service.http_protocol import timed_protocol
    from service.web_process import open_web_context
    from web.app import create_app

    config = uvicorn.Config(
        create_app(open_web_context(settings)),
        host=settings.web_host,
        port=settings.web_port,
        log_level="info",
        # Forwarded headers are believed from settings.trusted_proxies only (web/trusted_hosts.py).
        proxy_headers=False,
        # Slow clients are cut off (service/http_protocol.py); request bodies and times: web/limits.py.
        http=timed_protocol(
            header_seconds=settings.client_header_timeout_seconds,
            idle_seconds=settings.client_idle_timeout_seconds,
        ),
        h11_max_incomplete_event_size=64 * 1024,
    )
    uvicorn.Server(config).run()


def _watch(settings: Settings, stop: threading.Event, *, requeue_registered: bool = False) -> None:
    """Run the watcher; numbers that cannot be queued wait in its backlog until the broker answers.

    ``requeue_registered`` (the watcher alone, ``rogatory watch``): first queue again what
    is still registered, which a watcher stopped between registering and queueing left.
    """
    from ingest.backlog import QueueBacklog
    from ingest.folders import intake_folder
    from ingest.intake import intake_file
    from ingest.watcher import InboxWatcher
    from rogatory.errors import TransientError
    from rogatory.registration import Status
    from service.bootstrap import open_intake, task_sender
    from storage.registry import list_requests

    backlog = QueueBacklog(task_sender(settings).enqueue_processing)
    context = open_intake(settings, enqueue=backlog.enqueue)
    if requeue_registered:
        registered = list_requests(context.db, status=Status.REGISTERED, limit=100_000)
        for registration in reversed(registered):  # oldest first
            with suppress(TransientError):  # kept in the backlog
                backlog.enqueue(registration.number)
        if registered:
            print(f"Queued {len(registered)} registered request(s) again.", flush=True)
    watcher = InboxWatcher(
        settings,
        handle=lambda path: intake_file(path, context=context),
        backlog=backlog,
        handle_folder=(lambda path: intake_folder(path, context=context)) if settings.watch_folders else None,
    )
    watcher.run(stop)


def _requeue_unfinished(settings: Settings, db: Database, *, starting: bool) -> None:
    """Queue again what waits for an analysis and is not waiting in the queue already.

    ``starting`` (``rogatory run`` starting, or its worker restarted): the claims of the
    previous worker are released first, it is dead. A task queued less than
    ``requeue_after_seconds`` ago still waits in the queue and is not queued again; a
    duplicate would do nothing anyway (the claims).
    """
    from service.bootstrap import task_sender
    from storage.processing import mark_queued, release_all_claims, to_requeue

    if starting and (released := release_all_claims(db)):
        print(f"Released {released} processing claim(s) of the previous worker.", flush=True)
    unfinished = to_requeue(db, older_than=settings.requeue_after_seconds)
    if unfinished:
        sender = task_sender(settings)
        for number in unfinished:
            sender.enqueue_processing(number)
            mark_queued(db, [number])
        print(f"Queued {len(unfinished)} unfinished request(s) again.", flush=True)


def _without_password(url: str) -> str:
    """The URL as it may be shown: a password in it becomes ``***``."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _worker_command(args: argparse.Namespace, settings: Settings) -> list[str]:
    command = [sys.executable, "-m", "service"]
    if args.config is not None:
        command += ["--config", str(Path(args.config).resolve())]
    return [*command, "--data-dir", str(settings.data_dir.resolve()), "worker"]


def _stop_child(process: subprocess.Popen[bytes]) -> None:
    """Ask a child to finish its current work, then make sure it is gone."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
