"""The review queue: a clerk confirms a routing or reassigns it, and the history is kept.

Each action adds a row (never updated) and an audit line in the same transaction, and
moves the request to ``routed`` with the decided authority, the registration's row
locked as the pipeline's save locks it (storage/processing.py): the decision stands
against any later analysis. Reassignments and
confirmations are the training data of the suggestion model (:func:`list_corrections`,
with the model's features given by the caller: ``workers/suggestions.py``).
Every function may raise ``TransientError`` when the database is unavailable.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rogatory.errors import InputError, NotFoundError
from rogatory.records import Analysis, Classification
from rogatory.registration import Status
from rogatory.review import Correction, ReviewAction, ReviewKind
from storage.audit import write_audit
from storage.database import Database
from storage.models import AnalysisRow, RegistrationRow, ReviewRow
from storage.processing import locked_registration

#: Longest reason kept (a reason is a sentence or two, not a memo).
MAX_REASON = 2000


def confirm_routing(
    db: Database, number: str, *, actor: str, reason: str = "", now: datetime | None = None
) -> ReviewAction:
    """Confirm the proposed authority. Raises ``NotFoundError`` (no request or no analysis)."""
    return _record(db, number, "confirm", None, actor=actor, reason=reason, now=now)


def reassign_routing(
    db: Database,
    number: str,
    authority: str,
    *,
    actor: str,
    reason: str,
    known_authorities: Collection[str],
    now: datetime | None = None,
) -> ReviewAction:
    """Send the request to ``authority`` instead.

    Raises ``InputError`` for an unknown authority or an empty reason, ``NotFoundError``.
    """
    if authority not in known_authorities:
        raise InputError(
            f"unknown authority {authority!r} (known: {', '.join(sorted(known_authorities))})",
            code="unknown_authority",
        )
    if not reason.strip():
        raise InputError("a reassignment needs a reason", code="reason_required")
    return _record(db, number, "reassign", authority, actor=actor, reason=reason, now=now)


def review_history(db: Database, number: str) -> list[ReviewAction]:
    """Every review action on a request, oldest first. Raises ``NotFoundError``."""
    with db.session() as session:
        registration = _registration(session, number)
        rows = session.scalars(
            select(ReviewRow).where(ReviewRow.registration_id == registration.id).order_by(ReviewRow.id)
        )
        return [_action(row, number) for row in rows]


def list_corrections(
    db: Database, *, features: Callable[[Classification], tuple[str, ...]]
) -> list[Correction]:
    """The clerks' latest decision on each reviewed request, with its text and the
    ``features`` of its classification (the suggestion model's, computed by the caller)."""
    latest = select(ReviewRow.registration_id, ReviewRow.authority, ReviewRow.id).order_by(
        ReviewRow.registration_id, ReviewRow.id.desc()
    )
    with db.session() as session:
        decided: dict[int, str] = {}
        for registration_id, authority, _ in session.execute(latest):
            decided.setdefault(registration_id, authority)
        corrections = []
        for registration_id, authority in sorted(decided.items()):
            row = session.get(AnalysisRow, registration_id)
            registration = session.get(RegistrationRow, registration_id)
            if row is None or registration is None:
                continue
            analysis = Analysis.model_validate_json(row.analysis_json)
            corrections.append(
                Correction(
                    number=registration.number,
                    text=analysis.text.text,
                    features=features(analysis.classification),
                    authority=authority,
                )
            )
        return corrections


def _record(
    db: Database,
    number: str,
    action: ReviewKind,
    authority: str | None,
    *,
    actor: str,
    reason: str,
    now: datetime | None,
) -> ReviewAction:
    if not actor.strip():
        raise InputError("a review action needs the clerk's name", code="actor_required")
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        registration = locked_registration(session, number)  # the lock the pipeline's save takes
        analysis = session.get(AnalysisRow, registration.id)
        if analysis is None:
            raise NotFoundError(f"{number} has no analysis yet: nothing to review", code="not_analysed")
        previous = analysis.route_to
        decided = authority or previous
        analysis.route_to = decided
        analysis.needs_review = False
        row = ReviewRow(
            registration_id=registration.id,
            action=action,
            previous_authority=previous,
            authority=decided,
            reason=reason.strip()[:MAX_REASON],
            actor=actor,
            at=at,
        )
        session.add(row)
        old_status = registration.status
        registration.status = Status.ROUTED.value
        registration.status_reason = f"{action} by {actor}: {decided}"
        registration.updated_at = at
        detail = f"{previous} -> {decided}" + (f": {row.reason}" if row.reason else "")
        write_audit(session, action=f"review_{action}", number=number, actor=actor, detail=detail, now=at)
        if old_status != Status.ROUTED.value:
            write_audit(
                session, action="status", number=number, actor=actor, detail=f"{old_status} -> routed", now=at
            )
        session.flush()
        return _action(row, number)


def _registration(session: Session, number: str) -> RegistrationRow:
    row = session.scalar(select(RegistrationRow).where(RegistrationRow.number == number))
    if row is None:
        raise NotFoundError(f"no registration {number!r}", code="no_such_request")
    return row


def _action(row: ReviewRow, number: str) -> ReviewAction:
    return ReviewAction.model_validate(
        {
            "id": row.id,
            "number": number,
            "action": row.action,
            "previous_authority": row.previous_authority,
            "authority": row.authority,
            "reason": row.reason,
            "actor": row.actor,
            "at": row.at,
        }
    )


def current_routing(db: Database, number: str) -> tuple[str, bool] | None:
    """The authority a request stands routed to now and whether it still needs review.

    ``None`` before the analysis. A clerk's decision replaces the pipeline's.
    Raises ``NotFoundError``.
    """
    with db.session() as session:
        registration = _registration(session, number)
        row = session.get(AnalysisRow, registration.id)
        return (row.route_to, row.needs_review) if row else None


def latest_review_id(db: Database) -> int:
    """The id of the newest review action (0 when none): changes whenever a clerk decides."""
    with db.session() as session:
        return session.scalar(select(func.max(ReviewRow.id))) or 0
