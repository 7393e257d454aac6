"""The JSON API of the central authority's work: review queue, confirm/reassign, drafts,
deadlines, deliveries and the authority directory.

The actor of a decision is the signed-in reviewer. A reviewer's decision queues the
deliveries of the request. The suggestion model is retrained from the
corrections when a clerk has decided since it was last trained.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import PlainTextResponse
from pydantic import Field

from rogatory.deadlines import days_left
from rogatory.errors import InputError
from rogatory.records import Record
from rogatory.registration import Registration
from rogatory.review import DeadlineList, Delivery, DeliveryStatus, ReviewAction, Suggestion
from storage.database import Database
from storage.deadlines import list_deadlines
from storage.deliveries import list_deliveries, retry_failed
from storage.drafts import get_draft, save_draft
from storage.registry import list_requests
from storage.review import (
    confirm_routing,
    current_routing,
    reassign_routing,
    review_history,
)
from web.access import visible_request
from web.auth import CentralStaff, Reviewer, SignedIn, signed_in
from web.dependencies import AppDb, AppDrafter, Review
from workers.letters import Drafter

router = APIRouter(prefix="/api", dependencies=[Depends(signed_in)])


class ConfirmBody(Record):
    reason: str = Field(default="", max_length=2000)


class ReassignBody(Record):
    authority: str
    reason: str = Field(min_length=1, max_length=2000)


class DraftBody(Record):
    language: str = Field(min_length=2, max_length=16)
    body: str


class ReviewView(Record):
    """Where a request stands routed, the rules' proposal, the model's suggestion, the history."""

    number: str
    route_to: str
    needs_review: bool
    proposed: str
    rule: str | None
    confidence: float
    reasons: tuple[str, ...]
    notify: tuple[str, ...]
    suggestion: Suggestion | None
    deadline: date | None
    days_left: int | None
    history: tuple[ReviewAction, ...]


class DraftView(Record):
    """The letter: the clerk's edit when there is one, else freshly drafted from the analysis."""

    number: str
    language: str
    body: str
    missing: tuple[str, ...]
    edited_by: str | None = None


class AuthorityView(Record):
    id: str
    name: str
    email: str


@router.get("/authorities")
def authorities(review: Review, principal: SignedIn) -> list[AuthorityView]:
    """The authorities a request can be assigned to."""
    directory = review.directory
    return [AuthorityView(id=a.id, name=a.name, email=a.email) for a in directory.authorities.values()]


@router.get("/review/queue")
def review_queue(
    db: AppDb,
    principal: CentralStaff,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[Registration]:
    """Requests waiting for a clerk's routing decision, newest first."""
    return list_requests(db, needs_review=True, limit=limit, offset=offset)


@router.get("/requests/{number}/review")
def review_view(db: AppDb, review: Review, principal: SignedIn, number: str) -> ReviewView:
    """The routing of a request with its evidence, the suggestion and the review history."""
    view = visible_request(db, principal, number)
    if view.analysis is None:
        raise InputError(f"{number} is not analysed yet", code="not_analysed")
    routing = view.analysis.routing
    route_to, needs_review = current_routing(db, number) or (routing.route_to, routing.needs_review)
    suggestion = review.suggester.suggest(db, view.analysis) if needs_review or routing.needs_review else None
    deadline = view.analysis.classification.deadline
    return ReviewView(
        number=number,
        route_to=route_to,
        needs_review=needs_review,
        proposed=routing.route_to,
        rule=routing.rule,
        confidence=routing.confidence,
        reasons=routing.reasons,
        notify=routing.notify,
        suggestion=suggestion,
        deadline=deadline,
        days_left=days_left(deadline, datetime.now(UTC).date()) if deadline else None,
        history=tuple(review_history(db, number)),
    )


@router.post("/requests/{number}/review/confirm")
def confirm(db: AppDb, review: Review, principal: Reviewer, number: str, body: ConfirmBody) -> ReviewAction:
    """Confirm the proposed authority; the deliveries are queued."""
    action = confirm_routing(db, number, actor=principal.actor, reason=body.reason)
    review.deliver(number)
    return action


@router.post("/requests/{number}/review/reassign")
def reassign(db: AppDb, review: Review, principal: Reviewer, number: str, body: ReassignBody) -> ReviewAction:
    """Send the request to another authority, with a reason; the deliveries are queued."""
    action = reassign_routing(
        db,
        number,
        body.authority,
        actor=principal.actor,
        reason=body.reason,
        known_authorities=review.directory.authorities.keys(),
    )
    review.deliver(number)
    return action


@router.get("/requests/{number}/draft")
def get_letter(db: AppDb, drafter: AppDrafter, principal: CentralStaff, number: str) -> DraftView:
    """The request for additional information (422 when nothing is missing)."""
    return _letter(db, drafter, number)


@router.get("/requests/{number}/draft.txt", response_class=PlainTextResponse)
def download_letter(
    db: AppDb, drafter: AppDrafter, principal: CentralStaff, number: str
) -> PlainTextResponse:
    """The letter as a UTF-8 text file to download."""
    letter = _letter(db, drafter, number)
    return PlainTextResponse(
        letter.body,
        headers={"Content-Disposition": f'attachment; filename="{number}-request-for-information.txt"'},
    )


@router.put("/requests/{number}/draft")
def edit_letter(
    db: AppDb, drafter: AppDrafter, principal: Reviewer, number: str, body: DraftBody
) -> DraftView:
    """Keep the clerk's edited letter."""
    drafted = drafter.draft_for(db, number)
    saved = save_draft(db, number, language=body.language, body=body.body, actor=principal.actor)
    return DraftView(
        number=number,
        language=saved.language,
        body=saved.body,
        missing=drafted.missing,
        edited_by=saved.actor,
    )


@router.get("/deadlines")
def deadlines(db: AppDb, review: Review, principal: SignedIn, today: date | None = None) -> DeadlineList:
    """Overdue requests and requests due within the due-soon window that the caller may see."""
    return list_deadlines(
        db,
        today=today or datetime.now(UTC).date(),
        due_soon_days=review.settings.due_soon_days,
        viewer=principal.user,
    )


@router.get("/deliveries")
def deliveries(
    db: AppDb,
    principal: Reviewer,
    status: DeliveryStatus | None = None,
    number: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[Delivery]:
    """Deliveries, newest first: ``?status=failed`` lists the ones given up on."""
    return list_deliveries(db, number=number, status=status, limit=limit)


@router.post("/requests/{number}/deliveries/retry")
def retry_deliveries(db: AppDb, review: Review, principal: Reviewer, number: str) -> list[Delivery]:
    """Give the failed deliveries of a request a fresh round of attempts."""
    result = retry_failed(db, number)
    review.deliver(number)
    return result


def _letter(db: Database, drafter: Drafter, number: str) -> DraftView:
    drafted = drafter.draft_for(db, number)
    edited = get_draft(db, number)
    if edited is not None:
        return DraftView(
            number=number,
            language=edited.language,
            body=edited.body,
            missing=drafted.missing,
            edited_by=edited.actor,
        )
    return DraftView(number=number, language=drafted.language, body=drafted.body, missing=drafted.missing)
