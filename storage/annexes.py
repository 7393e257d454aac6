"""The annexes of a registration in the database: written with it, read with it (issue 19).

Runs inside the transaction of the caller (:func:`storage.registry.register` writes them
with the registration they belong to, :func:`storage.registry.get_request` reads them),
so a request and its annexes are committed together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from rogatory.annexes import Annex
from storage.models import AnnexRow, RegistrationRow


def add_annexes(session: Session, registration: RegistrationRow, annexes: Sequence[Annex]) -> None:
    """Add the rows of ``annexes`` to ``registration`` and count its accepted ones.

    Raises ``ValueError`` when two annexes share a position (or one takes the main
    document's).
    """
    positions = [annex.position for annex in annexes]
    if len(set(positions)) != len(positions):
        raise ValueError(f"annex positions repeat: {positions}")
    for annex in annexes:
        session.add(
            AnnexRow(
                registration_id=registration.id,
                position=annex.position,
                parent=annex.parent,
                sha256=annex.sha256,
                filename=annex.name,
                size=annex.size,
                media_type=str(annex.media_type) if annex.media_type is not None else None,
                origin=annex.origin,
                status=annex.status,
                code=annex.code,
                reason=annex.reason,
            )
        )
    registration.annex_count = sum(annex.status == "accepted" for annex in annexes)


def annexes_of(session: Session, registration_id: int) -> tuple[Annex, ...]:
    """The annexes of a registration, by position."""
    rows = session.scalars(
        select(AnnexRow).where(AnnexRow.registration_id == registration_id).order_by(AnnexRow.position)
    )
    return tuple(annex_from_row(row) for row in rows)


def annex_from_row(row: AnnexRow) -> Annex:
    return Annex.model_validate(
        {
            "position": row.position,
            "name": row.filename,
            "origin": row.origin,
            "status": row.status,
            "sha256": row.sha256,
            "size": row.size,
            "media_type": row.media_type,
            "code": row.code,
            "reason": row.reason,
            "parent": row.parent,
        }
    )
