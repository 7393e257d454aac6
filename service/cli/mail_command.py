"""``rogatory mail``: the mail intake process, reading the configured IMAP mailboxes.

Also started by ``rogatory run`` when mailboxes are configured (:func:`start_mail`).
Each mailbox is read by a thread of its own (IDLE or polling); numbers that cannot be
queued while the broker is down wait in a backlog, like the watcher's.
"""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from rogatory.errors import ConfigurationError
from rogatory.settings import Settings
from service.cli.invocation import settings_from

if TYPE_CHECKING:
    from ingest.intake import IntakeContext
    from ingest.mail.mailbox import MailPass


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mail = subparsers.add_parser(
        "mail", help="read the configured mailboxes (IMAP) and register their messages"
    )
    mail.add_argument("--once", action="store_true", help="one pass over each mailbox, then exit")
    mail.set_defaults(handler=run_mail)


def run_mail(args: argparse.Namespace) -> int:
    from service.supervision import Heartbeat, part_name

    settings = settings_from(args)
    if not settings.mailboxes:
        raise ConfigurationError(
            "no mailbox is configured: add a [[rogatory.mailboxes]] table to the settings file "
            "or set ROGATORY_MAILBOXES (see README, 'Mail intake')"
        )
    settings.ensure_dirs()
    context, after_pass = _open_context(settings)
    try:
        if args.once:
            return _read_once(context, after_pass)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        threads = start_mail(context, stop, after_pass)
        heartbeat = Heartbeat(
            context.db,
            part_name("mail"),
            kind="mail",
            period=settings.heartbeat_seconds,
            healthy=lambda: all(thread.is_alive() for thread in threads),
        ).start()
        print(f"Reading {len(threads)} mailbox(es) (Ctrl-C to stop)", flush=True)
        try:
            while not stop.wait(1.0):
                pass
        except KeyboardInterrupt:
            stop.set()
        finally:
            heartbeat.stop()
            for thread in threads:
                thread.join(timeout=settings.mail_timeout_seconds)
    finally:
        context.db.dispose()
    return 0


def start_mail(
    context: IntakeContext, stop: threading.Event, after_pass: Callable[[MailPass], None]
) -> list[threading.Thread]:
    """Start reading every configured mailbox; the threads end when ``stop`` is set."""
    from ingest.mail.mailbox import watch_mailboxes

    return watch_mailboxes(context, stop=stop, on_pass=after_pass)


def start_mail_intake(settings: Settings, stop: threading.Event) -> list[threading.Thread]:
    """``rogatory run``'s mail intake: its own context, a thread per mailbox (none without mailboxes)."""
    if not settings.mailboxes:
        return []
    context, after_pass = _open_context(settings)
    return start_mail(context, stop, after_pass)


def _open_context(settings: Settings) -> tuple[IntakeContext, Callable[[MailPass], None]]:
    """The intake context, its numbers queued through a backlog; after each pass the backlog is flushed."""
    from ingest.backlog import QueueBacklog
    from service.bootstrap import open_intake, task_sender

    backlog = QueueBacklog(
        task_sender(settings).enqueue_processing, retry_seconds=settings.queue_retry_seconds
    )

    def after_pass(done: MailPass) -> None:
        _report(done)
        backlog.flush()

    return open_intake(settings, enqueue=backlog.enqueue), after_pass


def _read_once(context: IntakeContext, after_pass: Callable[[MailPass], None]) -> int:
    from ingest.mail.imap import mailbox_password, open_mailbox
    from ingest.mail.mailbox import read_mailbox

    for mailbox_settings in context.settings.mailboxes:
        password = mailbox_password(mailbox_settings)
        with open_mailbox(
            mailbox_settings, password=password, timeout=context.settings.mail_timeout_seconds
        ) as mailbox:
            after_pass(read_mailbox(mailbox, context=context))
    return 0


def _report(done: MailPass) -> None:
    for record in done.records:
        headers = record.arrival.headers
        what = {
            "registered": f"registered as {record.number}",
            "duplicate": f"duplicate of {record.number}",
            "refused": f"refused ({record.code}): {record.reason}",
        }.get(record.outcome, record.outcome)
        print(f"{record.arrival.mailbox}: {headers.subject!r} from {headers.sender}: {what}", flush=True)
