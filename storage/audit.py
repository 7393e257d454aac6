"""The audit log: who did what to which request, and when. Rows are only ever added.

:func:`write_audit` adds a row inside a caller's transaction, so the change and its
audit line commit together; :func:`audit` is the same in a transaction of its own,
for actions that change nothing else (a view, a download).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from rogatory.registration import AuditEntry
from storage.database import Database
from storage.models import AuditRow

SYSTEM_ACTOR = "system"
#: The action of a refused attempt to see a request (kept apart from its history).
DENIED = "denied"


def write_audit(
    session: Session,
    *,
    action: str,
    number: str | None = None,
    actor: str = SYSTEM_ACTOR,
    detail: str = "",
    now: datetime | None = None,
) -> None:
    """Add an audit row to the session's transaction."""
    session.add(
        AuditRow(at=now or datetime.now(UTC), actor=actor, action=action, number=number, detail=detail)
    )


def audit(
    db: Database,
    *,
    action: str,
    number: str | None = None,
    actor: str = SYSTEM_ACTOR,
    detail: str = "",
) -> None:
    """Record an action in its own transaction. Raises ``TransientError``."""
    with db.session(write=True) as session:
        write_audit(session, action=action, number=number, actor=actor, detail=detail)


def list_audit(
    db: Database,
    *,
    number: str | None = None,
    limit: int = 100,
    offset: int = 0,
    denials: bool | None = None,
) -> list[AuditEntry]:
    """Audit entries, newest first, optionally of one request. Raises ``TransientError``.

    ``denials``: None, every entry; False, none of the refused attempts (a request's
    history); True, only those (the administrators' view of denials).
    """
    statement = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit).offset(offset)
    if number is not None:
        statement = statement.where(AuditRow.number == number)
    if denials is True:
        statement = statement.where(AuditRow.action == DENIED)
    elif denials is False:
        statement = statement.where(AuditRow.action != DENIED)
    with db.session() as session:
        return [
            AuditEntry(
                id=row.id, at=row.at, actor=row.actor, action=row.action, number=row.number, detail=row.detail
            )
            for row in session.scalars(statement)
        ]
