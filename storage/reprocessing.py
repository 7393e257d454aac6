"""``rogatory reprocess --all``: choose the requests to analyse again, ask for it in batches,
and count how many of those analyses are done.

Asking is :func:`storage.processing.request_analysis` for many numbers at once: one
more generation wanted per request and a ``reprocess`` audit line, in transactions of
:data:`BATCH` requests; a status and any review decision are left as they are (the
worker's :func:`storage.processing.record_analysis` keeps the decision). Raises
``TransientError``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from sqlalchemy import select

from rogatory.registration import Status
from storage.audit import write_audit
from storage.database import Database
from storage.models import AnalysisRow, RegistrationRow

BATCH = 200


def select_requests(
    db: Database,
    *,
    since: datetime | None = None,
    status: Status | None = None,
    language: str | None = None,
) -> list[str]:
    """Registration numbers received at or after ``since``, in ``status``, of ``language`` (oldest first)."""
    statement = select(RegistrationRow.number).order_by(RegistrationRow.id)
    if since is not None:
        statement = statement.where(RegistrationRow.received_at >= since)
    if status is not None:
        statement = statement.where(RegistrationRow.status == status.value)
    if language is not None:
        statement = statement.join(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id).where(
            AnalysisRow.language == language
        )
    with db.session() as session:
        return list(session.scalars(statement))


def request_analyses(
    db: Database, numbers: Sequence[str], *, actor: str, batch_size: int = BATCH
) -> Iterator[dict[str, int]]:
    """Ask for one more analysis of each number, a batch per transaction; yields each batch's
    generations wanted (number -> generation), so the caller can queue it and show progress."""
    for start in range(0, len(numbers), batch_size):
        batch = list(numbers[start : start + batch_size])
        at = datetime.now(UTC)
        wanted: dict[str, int] = {}
        with db.session(write=True) as session:
            rows = session.scalars(
                select(RegistrationRow).where(RegistrationRow.number.in_(batch)).with_for_update()
            )
            for row in rows:
                row.analyses_wanted = max(row.analyses_wanted, row.analyses_done) + 1
                row.updated_at = at
                wanted[row.number] = row.analyses_wanted
                detail = f"analysis {row.analyses_wanted}"
                write_audit(
                    session, action="reprocess", number=row.number, actor=actor, detail=detail, now=at
                )
        yield wanted


def analyses_done(db: Database, wanted: dict[str, int]) -> int:
    """How many of the ``wanted`` generations (number -> generation) are done (saved or failed)."""
    done = 0
    numbers = list(wanted)
    with db.session() as session:
        for start in range(0, len(numbers), BATCH):
            statement = select(RegistrationRow.number, RegistrationRow.analyses_done).where(
                RegistrationRow.number.in_(numbers[start : start + BATCH])
            )
            done += sum(
                1 for number, generation in session.execute(statement) if generation >= wanted[number]
            )
    return done
