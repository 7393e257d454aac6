"""What ``/health`` checks: the database, a live worker and watcher, the oldest waiting task.

Runs in the web process. Workers and watchers write heartbeats in the database
(storage/heartbeats.py) wherever they run (``rogatory run``'s children, ``rogatory
worker`` on other machines), so the web app sees them the same in every deployment.
"""

from __future__ import annotations

from datetime import UTC, datetime

from rogatory.errors import TransientError
from rogatory.settings import Settings
from storage.database import Database
from storage.heartbeats import alive
from storage.processing import oldest_waiting

#: A part counts as alive when it beat within this many of its heartbeat periods.
BEATS = 3


def check_health(db: Database, settings: Settings, *, now: datetime | None = None) -> dict[str, object]:
    """``{"status": "ok" | "unavailable", "missing": [...], "queue_age_seconds": ...}``."""
    at = now or datetime.now(UTC)
    within = BEATS * settings.heartbeat_seconds
    missing: list[str] = []
    age: float | None = None
    try:
        wanted = [
            kind
            for kind, required in (
                ("worker", settings.health_requires_worker),
                ("watcher", settings.health_requires_watcher),
            )
            if required
        ]
        missing += [f"no live {kind}" for kind in wanted if alive(db, kind, within=within, now=at) == 0]
        queued = oldest_waiting(db)
        age = round((at - queued).total_seconds(), 1) if queued is not None else 0.0
        if age > settings.health_max_queue_age_seconds:
            missing.append(f"the oldest waiting task was queued {age:.0f} s ago")
    except TransientError as error:
        missing.append(f"the database: {error}")
    report: dict[str, object] = {"status": "unavailable" if missing else "ok"}
    if missing:
        report["missing"] = missing
    if age is not None:
        report["queue_age_seconds"] = age
    return report
