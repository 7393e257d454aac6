"""Signs of life of the long-running parts: each worker and watcher writes its heartbeat.

A worker (``rogatory worker``, or the worker child of ``rogatory run``) beats from a
thread of its main process, under its name (``worker@host:pid``); the watcher's
supervisor beats for the watcher. The database is the one place every process of a
deployment shares (SQLite on one machine, PostgreSQL across several), so the web
app's ``/health`` reads them there. Every function may raise ``TransientError``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select

from storage.database import Database
from storage.models import HeartbeatRow


def beat(db: Database, name: str, *, kind: str, now: datetime | None = None) -> None:
    """Record that ``name`` (of ``kind``: worker, watcher) is alive now."""
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        row = session.get(HeartbeatRow, name) or HeartbeatRow(name=name, kind=kind)
        row.kind, row.beat_at = kind, at
        session.add(row)


def forget(db: Database, name: str) -> None:
    """Remove ``name``'s heartbeat (it stopped, or its supervisor saw it die)."""
    with db.session(write=True) as session:
        session.execute(delete(HeartbeatRow).where(HeartbeatRow.name == name))


def alive(db: Database, kind: str, *, within: float, now: datetime | None = None) -> int:
    """How many parts of ``kind`` beat within the last ``within`` seconds."""
    since = (now or datetime.now(UTC)) - timedelta(seconds=within)
    with db.session() as session:
        counted = session.scalar(
            select(func.count())
            .select_from(HeartbeatRow)
            .where(HeartbeatRow.kind == kind, HeartbeatRow.beat_at >= since)
        )
        return int(counted or 0)
