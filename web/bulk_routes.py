"""Bulk actions on the registry's selected rows (issue 18): the form of the registry and
review pages (``POST /bulk``) and the JSON API (``/api/requests/bulk/...``).

Confirming and assigning need a reviewer, as on the document page; an export needs what
a download needs (each request visible to the caller). The work is :mod:`web.bulk`'s.
Runs in the web process.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import Field

from rogatory.records import Record
from storage.database import Database
from storage.objects import ObjectStore
from storage.review import MAX_REASON
from web.auth import ForbiddenError, Principal, Reviewer, SignedIn, signed_in
from web.bulk import (
    MAX_SELECTED,
    BulkAction,
    BulkOutcome,
    assign_each,
    bulk_reason,
    chunks,
    confirm_each,
    export_name,
    export_originals,
    selected_numbers,
)
from web.dependencies import AppDb, AppDirectory, AppStore, Deliver
from web.error_words import explained
from web.languages import Translator
from web.pages import render, request_translator

router = APIRouter(dependencies=[Depends(signed_in)])


class BulkBody(Record):
    numbers: tuple[str, ...] = Field(min_length=1, max_length=MAX_SELECTED)
    reason: str = Field(default="", max_length=MAX_REASON)


class BulkAssignBody(BulkBody):
    authority: str = Field(max_length=100)
    reason: str = Field(min_length=1, max_length=MAX_REASON)


class BulkExportBody(Record):
    numbers: tuple[str, ...] = Field(min_length=1, max_length=MAX_SELECTED)


@router.post("/api/requests/bulk/confirm")
def confirm_many(db: AppDb, deliver: Deliver, principal: Reviewer, body: BulkBody) -> list[BulkOutcome]:
    """Confirm the proposed authority of each request (each audited; its deliveries queued)."""
    numbers = selected_numbers(body.numbers)
    return confirm_each(db, principal, numbers, reason=bulk_reason(body.reason), deliver=deliver)


@router.post("/api/requests/bulk/assign")
def assign_many(
    db: AppDb, directory: AppDirectory, deliver: Deliver, principal: Reviewer, body: BulkAssignBody
) -> list[BulkOutcome]:
    """Send each request to ``authority`` with the reason (each audited; its deliveries queued)."""
    return assign_each(
        db,
        principal,
        selected_numbers(body.numbers),
        authority=body.authority,
        reason=bulk_reason(body.reason),
        known_authorities=directory.authorities.keys(),
        deliver=deliver,
    )


@router.post("/api/requests/bulk/export", response_class=StreamingResponse)
def export_many(
    request: Request, db: AppDb, store: AppStore, principal: SignedIn, body: BulkExportBody
) -> Response:
    """A ZIP of the originals the caller may see, with ``registry.csv``; each download audited."""
    tr = request_translator(request, principal)
    return _export(db, store, principal, selected_numbers(body.numbers), tr)


@router.post("/bulk", include_in_schema=False)
def bulk_form(
    request: Request,
    *,
    db: AppDb,
    directory: AppDirectory,
    store: AppStore,
    deliver: Deliver,
    principal: SignedIn,
    action: Annotated[BulkAction, Form()],
    numbers: Annotated[list[str] | None, Form()] = None,
    authority: Annotated[str, Form(max_length=100)] = "",
    reason: Annotated[str, Form(max_length=MAX_REASON)] = "",
    back: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """The registry's bulk form: the export as a download, the decisions as a page of outcomes."""
    chosen = selected_numbers(numbers or [])
    if action is BulkAction.EXPORT:
        return _export(db, store, principal, chosen, request_translator(request, principal))
    if not principal.user.role.reviews:
        raise ForbiddenError(f"your role ({principal.user.role.value}) may not review routings")
    if action is BulkAction.CONFIRM:
        outcomes = confirm_each(db, principal, chosen, reason=bulk_reason(reason), deliver=deliver)
    else:
        outcomes = assign_each(
            db,
            principal,
            chosen,
            authority=authority,
            reason=bulk_reason(reason),
            known_authorities=directory.authorities.keys(),
            deliver=deliver,
        )
    return render(
        request,
        "bulk_result.html",
        principal,
        action=action.value,
        outcomes=outcomes,
        reasons=_reasons(outcomes, request_translator(request, principal)),
        done=sum(outcome.done for outcome in outcomes),
        back=_local_path(back),
    )


def _export(
    db: Database, store: ObjectStore, principal: Principal, numbers: list[str], tr: Translator
) -> Response:
    archive, _ = export_originals(db, store, principal, numbers, tr)
    return StreamingResponse(
        chunks(archive),
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="{export_name()}"',
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


def _reasons(outcomes: list[BulkOutcome], tr: Translator) -> dict[str, str]:
    """Why each request not done was not, in the reader's language when its code is known."""
    failed = (outcome for outcome in outcomes if not outcome.done)
    return {outcome.number: explained(outcome.code, outcome.detail, tr)[0] for outcome in failed}


def _local_path(back: str) -> str:
    """Where to go back to: a path of this site, never another site (``//host``)."""
    return back if back.startswith("/") and not back.startswith(("//", "/\\")) else "/"
