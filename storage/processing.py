"""Who analyses a registration, for which generation, and what the analysis may change.

A registration asks for analyses by generation: registering asks for the first
(``analyses_wanted`` 1), :func:`request_analysis` (``rogatory reprocess``) for one
more; the save of an analysis marks its generation done. A task claims the work
(:func:`claim_processing`) under its Celery task id, which a retry or a redelivery
of the same message keeps: a task finding every wanted analysis done does nothing,
one finding a fresh claim of another task waits (``BUSY``: the caller retries later).

:func:`record_analysis` saves an analysis and the status it leads to in one
transaction, the registration's row locked (``SELECT ... FOR UPDATE`` on PostgreSQL;
on SQLite the write session's ``BEGIN IMMEDIATE``), the lock the review actions of
storage/review.py take too. A clerk's decision (the latest review action) stands:
the analysis JSON keeps the pipeline's proposal, the ``route_to`` column and the
status keep the decision. Used by the workers and the CLI; every function raises
``NotFoundError`` (no such registration) and ``TransientError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from rogatory.errors import NotFoundError
from rogatory.records import Analysis, Entities
from rogatory.registration import Status
from storage.audit import write_audit
from storage.database import Database
from storage.models import AnalysisRow, PageRow, RegistrationRow, ReviewRow
from storage.parties import index_parties
from storage.visibility import label_column

#: The statuses of an analysed request; re-analysing it leaves them as they are.
ANALYSED = frozenset({Status.ROUTED.value, Status.NEEDS_REVIEW.value})


class ClaimState(StrEnum):
    """What :func:`claim_processing` found."""

    CLAIMED = "claimed"
    """The caller holds the claim: analyse for :attr:`Claim.generation`."""
    DONE = "done"
    """Every wanted analysis is done: nothing to do (a duplicated task)."""
    BUSY = "busy"
    """Another task holds a fresh claim: try again later."""


@dataclass(frozen=True)
class Claim:
    """The outcome of a claim; ``generation`` is the analysis to produce when claimed."""

    state: ClaimState
    generation: int = 0
    holder: str | None = None


@dataclass(frozen=True)
class Recorded:
    """What :func:`record_analysis` left: the status, the proposal and the standing decision."""

    status: Status
    proposal: str
    decision: str | None
    saved: bool = True

    @property
    def differs(self) -> bool:
        """The pipeline proposes another authority than the clerk decided."""
        return self.decision is not None and self.decision != self.proposal


def claim_processing(
    db: Database, number: str, *, task: str, stale_after: float, now: datetime | None = None
) -> Claim:
    """Claim the analysis of ``number`` for ``task`` (a fresh claim of another task is respected).

    A claim older than ``stale_after`` seconds is taken over (its task died). A request
    not yet analysed moves to ``processing``; an analysed one keeps its status.
    """
    at = _utc(now)
    with db.session(write=True) as session:
        row = locked_registration(session, number)
        if row.analyses_done >= row.analyses_wanted:
            return Claim(ClaimState.DONE, row.analyses_done)
        holder, since = row.claim_task, row.claimed_at
        if holder not in (None, task) and since is not None and since > at - timedelta(seconds=stale_after):
            return Claim(ClaimState.BUSY, row.analyses_wanted, holder)
        row.claim_task, row.claimed_at = task, at
        row.queued_at = None  # taken from the queue: nothing of it waits there any more
        if row.status not in ANALYSED:
            _move(session, row, Status.PROCESSING, None, at)
        return Claim(ClaimState.CLAIMED, row.analyses_wanted, task)


def record_analysis(
    db: Database,
    number: str,
    analysis: Analysis,
    *,
    generation: int,
    now: datetime | None = None,
) -> Recorded:
    """Save ``analysis`` as generation ``generation`` with its status, a review decision standing.

    An analysis of a generation already done (a slower duplicate) is not saved:
    ``saved`` is False and the stored state is returned. The claim is released.
    """
    at = _utc(now)
    with db.session(write=True) as session:
        row = locked_registration(session, number)
        decision = latest_decision(session, row.id)
        if row.analyses_done >= generation:
            stored = session.get(AnalysisRow, row.id)
            current = stored.route_to if stored else analysis.routing.route_to
            return Recorded(Status(row.status), analysis.routing.route_to, decision or current, saved=False)
        write_analysis(session, row.id, analysis, at, decision=decision)
        routing = analysis.routing
        reason: str | None
        if decision is not None:
            status = Status.ROUTED
            reason = f"review decision stands: {decision} (proposal {routing.route_to})"
        else:
            status = Status.NEEDS_REVIEW if routing.needs_review else Status.ROUTED
            reason = "; ".join(routing.reasons[:3]) or None
        write_audit(
            session,
            action="analysis",
            number=number,
            detail=analysis_detail(routing.route_to, decision),
            now=at,
        )
        _move(session, row, status, reason, at)
        row.analyses_done = generation
        row.claim_task = row.claimed_at = None
        return Recorded(status, routing.route_to, decision)


def record_failure(
    db: Database, number: str, reason: str, *, generation: int, now: datetime | None = None
) -> Status:
    """The analysis of ``generation`` failed for good (a bad file, a bug): mark it done.

    A request never analysed becomes ``failed``; an analysed one keeps its analysis and
    status (the failure is in its audit).
    """
    at = _utc(now)
    with db.session(write=True) as session:
        row = locked_registration(session, number)
        if row.status in ANALYSED:
            write_audit(session, action="analysis_failed", number=number, detail=reason, now=at)
        else:
            _move(session, row, Status.FAILED, reason, at)
        row.analyses_done = max(row.analyses_done, generation)
        row.claim_task = row.claimed_at = None
        return Status(row.status)


def release_claim(db: Database, number: str, *, task: str, reason: str | None = None) -> None:
    """Give up ``task``'s claim (a transient error: it is retried); a new request waits registered."""
    at = _utc(None)
    with db.session(write=True) as session:
        row = locked_registration(session, number)
        if row.claim_task == task:
            row.claim_task = row.claimed_at = None
        if row.status == Status.PROCESSING.value and row.analyses_done == 0:
            _move(session, row, Status.REGISTERED, reason, at)


def request_analysis(db: Database, number: str, *, actor: str, now: datetime | None = None) -> int:
    """Ask for one more analysis of ``number`` (``rogatory reprocess``); returns its generation.

    The status and any review decision are kept: the request stays where it is while
    it is analysed again.
    """
    at = _utc(now)
    with db.session(write=True) as session:
        row = locked_registration(session, number)
        row.analyses_wanted = max(row.analyses_wanted, row.analyses_done) + 1
        write_audit(
            session, action="reprocess", number=number, actor=actor, detail=f"analysis {row.analyses_wanted}"
        )
        row.updated_at = at
        return row.analyses_wanted


def mark_queued(
    db: Database, numbers: list[str], *, taken: bool = False, now: datetime | None = None
) -> None:
    """Record that a processing task of each of ``numbers`` was just queued, or (``taken``)
    that a worker just took it from the queue: nothing of it waits there any more."""
    if not numbers:
        return
    with db.session(write=True) as session:
        session.execute(
            update(RegistrationRow)
            .where(RegistrationRow.number.in_(numbers))
            .values(queued_at=None if taken else _utc(now))
        )


def to_requeue(db: Database, *, older_than: float, now: datetime | None = None) -> list[str]:
    """Numbers with an analysis wanted, unclaimed, whose task was never queued or not for
    ``older_than`` seconds (it may be lost), oldest first."""
    cutoff = _utc(now) - timedelta(seconds=older_than)
    statement = (
        select(RegistrationRow.number)
        .where(
            RegistrationRow.analyses_done < RegistrationRow.analyses_wanted,
            RegistrationRow.claim_task.is_(None),
            or_(RegistrationRow.queued_at.is_(None), RegistrationRow.queued_at < cutoff),
        )
        .order_by(RegistrationRow.id)
    )
    with db.session() as session:
        return list(session.scalars(statement))


def release_all_claims(db: Database) -> int:
    """Drop every processing claim (the embedded service starting: the previous run is dead)."""
    with db.session(write=True) as session:
        result = session.execute(
            update(RegistrationRow)
            .where(RegistrationRow.claim_task.is_not(None))
            .values(claim_task=None, claimed_at=None)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


def oldest_waiting(db: Database) -> datetime | None:
    """When the oldest task still waiting (queued, not claimed, not done) was queued."""
    statement = (
        select(RegistrationRow.queued_at)
        .where(
            RegistrationRow.analyses_done < RegistrationRow.analyses_wanted,
            RegistrationRow.claim_task.is_(None),
            RegistrationRow.queued_at.is_not(None),
        )
        .order_by(RegistrationRow.queued_at)
        .limit(1)
    )
    with db.session() as session:
        return session.scalar(statement)


def analysis_detail(proposal: str, decision: str | None) -> str:
    """The audit detail of a saved analysis."""
    return f"route_to={proposal}" + (f", decision={decision} stands" if decision else "")


def latest_decision(session: Session, registration_id: int) -> str | None:
    """The authority of the latest review action on the registration, if any."""
    return session.scalar(
        select(ReviewRow.authority)
        .where(ReviewRow.registration_id == registration_id)
        .order_by(ReviewRow.id.desc())
        .limit(1)
    )


def locked_registration(session: Session, number: str) -> RegistrationRow:
    """The registration's row, locked until the transaction ends (the review actions' lock too)."""
    row = session.scalar(select(RegistrationRow).where(RegistrationRow.number == number).with_for_update())
    if row is None:
        raise NotFoundError(f"no registration {number!r}", code="no_such_request")
    return row


def write_analysis(
    session: Session, registration_id: int, analysis: Analysis, at: datetime, *, decision: str | None
) -> AnalysisRow:
    """The analysis row, the page texts and the party keys, replaced; a clerk's ``decision``
    (when there is one) is the row's ``route_to``, the JSON keeps the pipeline's proposal."""
    row = session.get(AnalysisRow, registration_id) or AnalysisRow(registration_id=registration_id)
    classification = analysis.classification
    row.analysis_json = analysis.model_dump_json()
    row.language = analysis.text.language
    row.request_type = classification.request_type.value
    row.requesting_state = classification.requesting_state.value if classification.requesting_state else None
    row.route_to = decision or analysis.routing.route_to
    row.notify = label_column(analysis.routing.notify)
    row.offences = label_column(classification.values("offences"))
    row.measures = label_column(classification.values("measures"))
    row.legal_basis = label_column(classification.values("legal_basis"))
    row.missing = label_column(analysis.completeness.missing)
    row.urgent = classification.urgent.value == "true"
    row.needs_review = analysis.routing.needs_review and decision is None
    row.deadline = classification.deadline
    row.saved_at = at
    session.add(row)
    session.flush()  # the language first: PostgreSQL's search trigger reads it for the pages
    session.execute(delete(PageRow).where(PageRow.registration_id == registration_id))
    session.add_all(
        PageRow(registration_id=registration_id, document=1, page=page.number, text=page.text)
        for page in analysis.text.pages
    )
    session.add_all(  # the annexes' pages are searched too, each under its document
        PageRow(registration_id=registration_id, document=annex.position, page=page.number, text=page.text)
        for annex in analysis.annexes
        for page in annex.text.pages
    )
    # The parties of the annexes count too: a request is found by an account named in its annex.
    index_parties(
        session, registration_id, Entities(items=tuple(entity for _, entity in analysis.all_entities()))
    )
    return row


def _move(session: Session, row: RegistrationRow, status: Status, reason: str | None, at: datetime) -> None:
    previous = row.status
    row.status, row.status_reason, row.updated_at = status.value, reason, at
    detail = f"{previous} -> {row.status}" + (f": {reason}" if reason else "")
    write_audit(session, action="status", number=row.number, detail=detail, now=at)


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("naive datetime: give a timezone-aware one")
    return now.astimezone(UTC)
