"""Database rows turned into the records of :mod:`rogatory.registration`."""

from __future__ import annotations

from rogatory.registration import DuplicateEvent, Registration, Rejection
from storage.models import DuplicateRow, RegistrationRow, RejectionRow


def registration_from_row(row: RegistrationRow) -> Registration:
    return Registration.model_validate(
        {
            "number": row.number,
            "year": row.year,
            "sha256": row.sha256,
            "filename": row.filename,
            "size": row.size,
            "media_type": row.media_type,
            "source": row.source,
            "received_at": row.received_at,
            "status": row.status,
            "status_reason": row.status_reason,
            "updated_at": row.updated_at,
            "annex_count": row.annex_count or 0,
        }
    )


def rejection_from_row(row: RejectionRow) -> Rejection:
    return Rejection(
        id=row.id,
        sha256=row.sha256,
        filename=row.filename,
        size=row.size,
        code=row.code,
        reason=row.reason,
        received_at=row.received_at,
    )


def duplicate_from_row(row: DuplicateRow, number: str) -> DuplicateEvent:
    return DuplicateEvent.model_validate(
        {
            "id": row.id,
            "number": number,
            "sha256": row.sha256,
            "filename": row.filename,
            "size": row.size,
            "source": row.source,
            "received_at": row.received_at,
        }
    )
