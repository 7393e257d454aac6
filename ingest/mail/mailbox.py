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
        record = _take_in(mailbox, place, uid, limit=limit, context=context)
        if record is None:
            continue
        folder = settings.refused_folder if record.outcome == "refused" else settings.processed_folder
        mailbox.move(uid, folder)
        records.append(record)
    return MailPass(records=tuple(records))


def _take_in(
    mailbox: Mailbox, place: MessagePlace, uid: int, *, limit: int, context: IntakeContext
) -> MailRecord | None:
    """The finished row of message ``uid``; None when it is gone, or when taking it in failed.

    A failure that is not the server's or the database's (a bug met by one message) is
    logged with its traceback and the message left where it is, for the next pass: the
    other messages are still taken in. Raises ``TransientError``.
    """
    summary = mailbox.summary(uid)
    if summary is None:
        return None  # another client moved it meanwhile
    try:
        if summary.size > limit:
            return refuse_unread(
                place=place, size=summary.size, header=summary.header, limit=limit, context=context
            )
        data = mailbox.fetch(uid)
        return None if data is None else take_in_message(data, place=place, context=context)
    except TransientError:
        raise
    except Exception:
        logger.exception(
            "message %s of %s could not be taken in; it stays in the mailbox", uid, place.mailbox
        )
        return None


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
        except Exception:  # a bug: said loudly, and the other mailboxes and this one go on
            logger.exception(
                "mailbox %s failed; trying again in %g s", settings.label, app.mail_retry_seconds
            )
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
