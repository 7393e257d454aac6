"""Administration's *Denials*: the refused attempts to see a request, kept apart from its history.

An authority user who asks for a request not routed to them gets 404, and the attempt
is audited as ``denied`` (:func:`web.access.check_visible`). Those lines are not shown in
the request's history (:mod:`web.history`); administrators read them here, newest
first, paged. Runs in the web process.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from storage.audit import list_audit
from web.auth import Admin, signed_in
from web.dependencies import AppDb
from web.pages import render

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])

DENIALS_PAGE = 200


@router.get("/admin/denials")
def denials_page(
    request: Request, db: AppDb, principal: Admin, page: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> Response:
    """Refused attempts to see requests (who, when, which number)."""
    entries = list_audit(db, limit=DENIALS_PAGE, offset=(page - 1) * DENIALS_PAGE, denials=True)
    return render(
        request, "admin_audit.html", principal, entries=entries, page=page, section="denials", label="Denials"
    )
