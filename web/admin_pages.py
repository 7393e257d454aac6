"""Administration: the authority directory as loaded (with its validation), the
deliveries (all by default, with the channels that are off), and the audit log (users
and API tokens: :mod:`web.user_admin_pages`).

Admins only, except the directory and deliveries, which reviewers also read. Runs in
the web process.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from rogatory.review import DeliveryStatus
from storage.audit import list_audit
from storage.deliveries import list_deliveries, retry_failed
from web.auth import Admin, Reviewer, signed_in
from web.dependencies import AppDb, AppDirectory, AppSettings, Deliver
from web.notices import deliveries_banner
from web.pages import render, request_translator
from workers.directory_check import directory_problem

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])


@router.get("/admin/authorities")
def authorities_page(
    request: Request, settings: AppSettings, directory: AppDirectory, principal: Reviewer
) -> Response:
    """The directory the service routes by, and whether the file on disk still validates.

    The file is read again on purpose: the page says whether an edit would load at the next start.
    """
    problem = directory_problem(settings.authorities_path)
    return render(
        request,
        "admin_authorities.html",
        principal,
        directory=directory,
        path=str(settings.authorities_path),
        problem=problem,
        section="authorities",
    )


@router.get("/admin/deliveries")
def deliveries_page(
    request: Request, db: AppDb, settings: AppSettings, principal: Reviewer, status: str = "all"
) -> Response:
    """Every delivery (or those of one status), and which channels are off."""
    chosen = DeliveryStatus(status) if status in set(DeliveryStatus) else None
    listed = list_deliveries(db, status=chosen, limit=500)
    return render(
        request,
        "admin_deliveries.html",
        principal,
        deliveries=listed,
        shown=status if chosen else "all",
        banner=deliveries_banner(settings, request_translator(request, principal)),
        section="deliveries",
    )


@router.post("/admin/deliveries/{number}/retry")
def retry_delivery(db: AppDb, deliver: Deliver, principal: Reviewer, number: str) -> Response:
    """A fresh round of attempts for the failed deliveries of one request."""
    retry_failed(db, number)
    deliver(number)
    return RedirectResponse("/admin/deliveries?status=pending", status_code=303)


@router.get("/admin/audit")
def audit_page(
    request: Request, db: AppDb, principal: Admin, page: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> Response:
    entries = list_audit(db, limit=200, offset=(page - 1) * 200)
    return render(request, "admin_audit.html", principal, entries=entries, page=page, section="audit")
