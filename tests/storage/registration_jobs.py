"""Work done by the processes of the concurrency tests (importable by spawned children)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from multiprocessing.synchronize import Barrier

from rogatory.sources import MediaType
from storage.database import open_database
from storage.registry import register

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def digest(label: str) -> str:
    return hashlib.sha256(label.encode()).hexdigest()


def register_labels(url: str, labels: list[str], barrier: Barrier) -> None:
    """Open the database, wait for the other processes, then register each label's hash."""
    db = open_database(url)
    barrier.wait(timeout=60)
    for label in labels:
        register(
            db,
            sha256=digest(label),
            filename=f"{label}.pdf",
            size=len(label),
            media_type=MediaType.PDF,
            source="watcher",
            now=NOW,
        )
    db.dispose()
