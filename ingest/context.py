"""What every intake path shares: its context, the name as the database keeps it, the note on
a name that claims another type, the reason beside a quarantined file, the queueing of a new
registration.

Used by :mod:`ingest.intake` (one file) and :mod:`ingest.submission` (a request of several
files); kept apart so that single-file intake can hand a file that carries files (a ZIP, a
PDF with attached files) to the submission path without an import cycle.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ingest.filing import write_reason
from ingest.media_types import media_type_of_name
from rogatory.errors import TransientError
from rogatory.registration import IntakeResult
from rogatory.settings import Settings
from rogatory.sources import SourceFile
from storage.database import Database
from storage.objects import ObjectStore
from storage.processing import mark_queued

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IntakeContext:
    """What intake needs, opened once at the entry point (CLI, watcher, web app)."""

    settings: Settings
    db: Database
    store: ObjectStore
    enqueue: Callable[[str], None]


def write_quarantine_reason(quarantined: Path, result: IntakeResult, now: datetime) -> None:
    """Write the reason file beside a quarantined original. Raises ``OSError``."""
    write_reason(
        quarantined, reason=result.reason or "", code=result.code or "", sha256=result.sha256, at=now
    )


def enqueue(result: IntakeResult, context: IntakeContext) -> None:
    """Queue a new registration; if the queue is down, say so (the watcher's backlog queues it later)."""
    if result.status != "registered" or result.number is None:
        return
    try:
        context.enqueue(result.number)
        mark_queued(context.db, [result.number])  # `rogatory run` does not queue it again
    except TransientError as error:
        logger.warning(
            "%s registered but not queued (%s); it is queued when the broker answers again, "
            "or at the next start",
            result.number,
            error,
        )


def name_note(original: SourceFile) -> str | None:
    """A note when the name's extension claims another type than the content."""
    claimed = media_type_of_name(original.name)
    if claimed == original.media_type:
        return None
    kind = original.media_type.name
    return f"the name {original.name!r} does not match its content; it was accepted as {kind}"


def database_name(filename: str) -> str:
    """The name as received, as text every database takes.

    A name that is not UTF-8 on disk reaches Python with surrogate escapes, which
    SQLite and PostgreSQL refuse: its undecodable bytes are written ``\\xff``.
    NUL characters (which PostgreSQL refuses) become U+FFFD.
    """
    try:
        raw = filename.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that came as text (an upload's name)
        raw = filename.encode("utf-8", "replace")
    return raw.decode("utf-8", "backslashreplace").replace("\x00", "\ufffd")
