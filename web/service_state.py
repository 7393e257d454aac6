"""What the pages say about the service itself: a worker still loading its models, or none.

A worker writes a ``worker-starting`` heartbeat while it loads its models (OCR, NER,
language detection: about a minute on a loaded machine) and its ``worker`` heartbeat
once it takes tasks (service/cli/service_commands.py). Requests registered meanwhile
wait in the queue; the pages say so instead of leaving the clerk to wonder. Runs in
the web process, once per rendered page (one small query).
"""

from __future__ import annotations

from datetime import UTC, datetime

from rogatory.errors import TransientError
from rogatory.settings import Settings
from storage.database import Database
from storage.heartbeats import alive
from web.health import BEATS
from web.languages import Translator

STARTING = "worker-starting"


def state_notice(db: Database, settings: Settings, tr: Translator, *, now: datetime | None = None) -> str:
    """A sentence for the top of the page when requests are not being analysed; else ``""``."""
    if not settings.health_requires_worker:
        return ""
    at = now or datetime.now(UTC)
    within = BEATS * settings.heartbeat_seconds
    try:
        if alive(db, "worker", within=within, now=at):
            return ""
        if alive(db, STARTING, within=within, now=at):
            return tr.gettext(
                "The worker is starting: it is loading its OCR and language models (about a minute). "
                "New requests are registered and will be analysed as soon as it is ready."
            )
    except TransientError:
        return tr.gettext("The database does not answer: the pages may be out of date.")
    return tr.gettext(
        "No worker is running: new requests are registered but wait in the queue until a worker "
        "starts (see /health)."
    )
