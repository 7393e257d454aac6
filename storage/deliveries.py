"""The deliveries table: one row per authority and channel, with attempts and the last error.

:func:`plan_deliveries` is idempotent (an existing row for the same authority and
channel is kept); :func:`record_attempt` counts an attempt and moves the row to
``sent``, ``retrying`` or, after the last attempt, ``failed``. Failures stay visible
through :func:`list_deliveries`. Every function may raise ``TransientError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from rogatory.errors import NotFoundError
from rogatory.review import Channel, Delivery, DeliveryStatus
from storage.audit import write_audit
from storage.database import Database
from storage.models import DeliveryRow, RegistrationRow

#: Characters of an error message kept.
MAX_ERROR = 1000


@dataclass(frozen=True)
class Target:
    """Whom to tell, how: an authority id, its role, the channel and the address or URL."""

    authority: str
    role: str
    channel: Channel
    address: str


def plan_deliveries(
    db: Database, number: str, targets: Sequence[Target], *, now: datetime | None = None
) -> list[Delivery]:
    """Add a pending row per new target; return every delivery of the request. Raises ``NotFoundError``."""
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        registration = session.scalar(select(RegistrationRow).where(RegistrationRow.number == number))
        if registration is None:
            raise NotFoundError(f"no registration {number!r}")
        existing = {
            (row.authority, row.channel)
            for row in session.scalars(
                select(DeliveryRow).where(DeliveryRow.registration_id == registration.id)
            )
        }
        for target in targets:
            if (target.authority, target.channel.value) in existing:
                continue
            existing.add((target.authority, target.channel.value))
            session.add(
                DeliveryRow(
                    registration_id=registration.id,
                    authority=target.authority,
                    role=target.role,
                    channel=target.channel.value,
                    target=target.address,
                    status=DeliveryStatus.PENDING.value,
                    attempts=0,
                    created_at=at,
                    updated_at=at,
                )
            )
        session.flush()
    return list_deliveries(db, number=number)


def record_attempt(
    db: Database, delivery_id: int, *, error: str | None, max_attempts: int, now: datetime | None = None
) -> Delivery:
    """Count one attempt: ``error=None`` means sent. Raises ``NotFoundError``."""
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        row = session.get(DeliveryRow, delivery_id)
        if row is None:
            raise NotFoundError(f"no delivery {delivery_id}")
        row.attempts += 1
        row.updated_at = at
        if error is None:
            row.status, row.last_error = DeliveryStatus.SENT.value, None
        else:
            exhausted = row.attempts >= max_attempts
            row.status = (DeliveryStatus.FAILED if exhausted else DeliveryStatus.RETRYING).value
            row.last_error = error[:MAX_ERROR]
        number = _number(session, row.registration_id)
        detail = f"{row.channel} to {row.authority} ({row.target}): {row.status}"
        write_audit(
            session, action="delivery", number=number, detail=detail + (f": {error}" if error else ""), now=at
        )
        session.flush()
        return _delivery(row, number)


def retry_failed(db: Database, number: str, *, now: datetime | None = None) -> list[Delivery]:
    """Give a request's failed deliveries a fresh round of attempts (status back to ``pending``)."""
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        registration = session.scalar(select(RegistrationRow).where(RegistrationRow.number == number))
        if registration is None:
            raise NotFoundError(f"no registration {number!r}")
        for row in session.scalars(
            select(DeliveryRow)
            .where(DeliveryRow.registration_id == registration.id)
            .where(DeliveryRow.status == DeliveryStatus.FAILED.value)
        ):
            row.status, row.attempts, row.updated_at = DeliveryStatus.PENDING.value, 0, at
    return list_deliveries(db, number=number)


def list_deliveries(
    db: Database, *, number: str | None = None, status: DeliveryStatus | None = None, limit: int = 200
) -> list[Delivery]:
    """Deliveries, newest first, of one request and/or in one status."""
    statement = (
        select(DeliveryRow, RegistrationRow.number)
        .join(RegistrationRow, RegistrationRow.id == DeliveryRow.registration_id)
        .order_by(DeliveryRow.id.desc())
        .limit(limit)
    )
    if number is not None:
        statement = statement.where(RegistrationRow.number == number)
    if status is not None:
        statement = statement.where(DeliveryRow.status == DeliveryStatus(status).value)
    with db.session() as session:
        return [_delivery(row, row_number) for row, row_number in session.execute(statement)]


def _number(session: Session, registration_id: int) -> str:
    registration = session.get(RegistrationRow, registration_id)
    return registration.number if registration else ""


def _delivery(row: DeliveryRow, number: str) -> Delivery:
    return Delivery.model_validate(
        {
            "id": row.id,
            "number": number,
            "authority": row.authority,
            "role": row.role,
            "channel": row.channel,
            "target": row.target,
            "status": row.status,
            "attempts": row.attempts,
            "last_error": row.last_error,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
        }
    )
