"""Reading mailboxes: each message fetched by UID, taken in, then filed away on the server.

Runs in ``rogatory mail`` and in ``rogatory run`` (a thread per mailbox). A pass over a
mailbox (:func:`read_mailbox`) takes its waiting messages in UID order: a message over the
size limit is refused unread, any other is fetched whole, taken in
(:func:`ingest.mail.arrival.take_in_message`) and, only once its row is finished, moved
to the processed folder (registered, duplicate) or the refused folder. Between passes the
mailbox waits with IDLE, or polls. When the server goes away the mailbox is opened again
after ``mail_retry_seconds``; what was not moved is found again and, by its row, never
registered twice. A refused login is logged and tried again too: the service keeps
running for the other mailboxes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ingest.intake import IntakeContext
from ingest.mail.arrival import MessagePlace, refuse_unread, take_in_message
from ingest.mail.imap import MessageSummary, mailbox_password, open_mailbox
from rogatory.errors import ConfigurationError, TransientError
from rogatory.mail import MailRecord
from rogatory.settings import MailboxSettings

logger = logging.getLogger(__name__)


class Mailbox(Protocol):
    """An open mailbox as :func:`read_mailbox` uses it (:class:`~ingest.mail.imap.ImapMailbox`)."""

    settings: MailboxSettings
    uidvalidity: int

    def uids(self) -> list[int]: ...
    def summary(self, uid: int) -> MessageSummary | None: ...
    def fetch(self, uid: int) -> bytes | None: ...
    def move(self, uid: int, folder: str) -> None: ...


@dataclass(frozen=True)
class MailPass:
    """What one pass over a mailbox did: the rows of the messages it filed away."""

    records: tuple[MailRecord, ...]


def read_mailbox(mailbox: Mailbox, *, context: IntakeContext) -> MailPass:
    """Take in every message waiting in ``mailbox``, oldest first. Raises ``TransientError``."""
    settings = mailbox.settings
    limit = context.settings.mail_message_limit
    records: list[MailRecord] = []
    for uid in mailbox.uids():
        place = MessagePlace(mailbox=settings.label, uidvalidity=mailbox.uidvalidity, uid=uid)
        summary = mailbox.summary(uid)
        if summary is None:
            continue  # another client moved it meanwhile
        if summary.size > limit:
            record = refuse_unread(
                place=place, size=summary.size, header=summary.header, limit=limit, context=context
            )
        else:
            data = mailbox.fetch(uid)
            if data is None:
                continue
            record = take_in_message(data, place=place, context=context)
        folder = settings.refused_folder if record.outcome == "refused" else settings.processed_folder
        mailbox.move(uid, folder)
        records.append(record)
    return MailPass(records=tuple(records))


def watch_mailbox(
    settings: MailboxSettings,
    *,
    context: IntakeContext,
    stop: threading.Event,
    on_pass: Callable[[MailPass], None] | None = None,
) -> None:
    """Read ``settings``'s mailbox until ``stop`` is set, opening it again whenever it fails."""
    app = context.settings
    while not stop.is_set():
        try:
            password = mailbox_password(settings)
            with open_mailbox(settings, password=password, timeout=app.mail_timeout_seconds) as mailbox:
                logger.info(
                    "reading mailbox %s (%s)", settings.label, "IDLE" if mailbox.can_idle else "polling"
                )
                while not stop.is_set():
                    done = read_mailbox(mailbox, context=context)
                    if on_pass is not None:
                        on_pass(done)
                    wait = app.mail_idle_seconds if mailbox.can_idle else app.mail_poll_seconds
                    mailbox.wait(wait, stop)
        except TransientError as error:
            logger.warning("%s; trying again in %g s", error, app.mail_retry_seconds)
        except ConfigurationError as error:
            logger.error("%s; trying again in %g s", error, app.mail_retry_seconds)
        stop.wait(app.mail_retry_seconds)


def watch_mailboxes(
    context: IntakeContext, *, stop: threading.Event, on_pass: Callable[[MailPass], None] | None = None
) -> list[threading.Thread]:
    """Start a thread reading each configured mailbox; they end when ``stop`` is set."""
    threads = []
    for settings in context.settings.mailboxes:
        thread = threading.Thread(
            target=watch_mailbox,
            kwargs={"settings": settings, "context": context, "stop": stop, "on_pass": on_pass},
            name=f"mailbox-{settings.label}",
            daemon=True,
        )
        thread.start()
        threads.append(thread)
    return threads
