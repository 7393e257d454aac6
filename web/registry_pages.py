"""Pages of the registry: the list with filters, upload, the review queue, an authority's
queue, and the deadlines.

The list refreshes itself while a request on it is still being processed: the
page's script asks for the same URL with ``partial=rows`` and swaps the table body.
Runs in the web process.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from rogatory.directory import Directory
from rogatory.listing import Flag, RegistryFilter, RegistryPage, SortKey
from rogatory.registration import Status
from rogatory.taxonomy import LANGUAGES, LEGAL_BASES, MEASURES, OFFENCES
from storage.database import Database
from storage.deadlines import list_deadlines
from storage.listing import list_registry
from storage.saved_filters import list_filters
from web.auth import CentralStaff, Principal, Registrar, SignedIn, signed_in
from web.dependencies import AppDb, AppDirectory, AppSettings
from web.filters import filter_from_query, filter_query
from web.pages import render, request_translator
from web.routing_words import threshold_sentence

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])

PAGE_SIZE = 50


def _listing(
    db: Database,
    principal: Principal,
    filters: RegistryFilter,
    *,
    sort: str,
    order: str,
    page: int,
    after: str | None,
) -> RegistryPage:
    """The page: after the entry ``after`` (the "Older" link: keyset), else by page number."""
    key = SortKey(sort) if sort in set(SortKey) else SortKey.RECEIVED
    return list_registry(
        db,
        principal.user,
        filters,
        sort=key,
        descending=order != "asc",
        limit=PAGE_SIZE,
        offset=0 if after else (max(page, 1) - 1) * PAGE_SIZE,
        after=after or None,
    )


def _list_page(
    request: Request,
    db: Database,
    directory: Directory,
    principal: Principal,
    *,
    title: str,
    intro: str,
    filters: RegistryFilter,
    show_filters: bool,
    sort: str,
    order: str,
    page: int,
    partial: str,
    bulk: bool = False,
) -> Response:
    after = request.query_params.get("after")
    listing = _listing(db, principal, filters, sort=sort, order=order, page=page, after=after)
    template = "_registry_rows.html" if partial == "rows" else "registry.html"
    tools = _registry_tools(db, directory, principal, filters, bulk=bulk, saved=show_filters)
    return render(
        request,
        template,
        principal,
        title=title,
        intro=intro,
        listing=listing,
        filters=filters,
        show_filters=show_filters,
        sort=sort,
        order=order,
        page=max(page, 1),
        pages=max(1, -(-listing.total // PAGE_SIZE)) + (0 if listing.exact else 1),
        query=request.query_params,
        options={
            "status": [status.value for status in Status],
            "language": LANGUAGES,
            "route_to": sorted(directory.authorities),
            "offence": OFFENCES,
            "measure": MEASURES,
            "legal_basis": LEGAL_BASES,
            "flag": [flag.value for flag in Flag],
        },
        live=any(entry.status in {Status.REGISTERED, Status.PROCESSING} for entry in listing.entries),
        **tools,
    )


def _registry_tools(
    db: Database,
    directory: Directory,
    principal: Principal,
    filters: RegistryFilter,
    *,
    bulk: bool,
    saved: bool,
) -> dict[str, Any]:
    """What the bulk bar and the saved filters of a list page need (issue 18)."""
    return {
        "bulk": bulk and principal.user.role.sees_registry,
        "can_review": principal.user.role.reviews,
        "assignable": sorted(directory.authorities.values(), key=lambda authority: authority.name),
        "saved_filters": list_filters(db, principal.user.id) if saved else [],
        "current_query": filter_query(filters),
    }


@router.get("/")
def registry(
    request: Request,
    db: AppDb,
    directory: AppDirectory,
    principal: SignedIn,
    *,
    sort: str = "received",
    order: str = "desc",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    partial: str = "",
) -> Response:
    """The registry: every request, with filters and sorting (authority users go to their queue)."""
    if not principal.user.role.sees_registry:
        return RedirectResponse("/queue", status_code=303)
    tr = request_translator(request, principal)
    return _list_page(
        request,
        db,
        directory,
        principal,
        title=tr.gettext("Registry"),
        intro=tr.gettext("Every request received, newest first."),
        filters=filter_from_query(request),
        show_filters=True,
        sort=sort,
        order=order,
        page=page,
        partial=partial,
        bulk=True,
    )


@router.get("/review")
def review_queue(
    request: Request,
    *,
    db: AppDb,
    directory: AppDirectory,
    settings: AppSettings,
    principal: CentralStaff,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    partial: str = "",
) -> Response:
    """Requests waiting for a reviewer's routing decision (the threshold said in words)."""
    tr = request_translator(request, principal)
    return _list_page(
        request,
        db,
        directory,
        principal,
        title=tr.gettext("Review queue"),
        intro=tr.gettext(
            "Requests the rules could not route with confidence. Open one to confirm or reassign it."
        )
        + " "
        + threshold_sentence(settings.review_threshold, tr),
        filters=RegistryFilter(status=Status.NEEDS_REVIEW),
        show_filters=False,
        sort="received",
        order="asc",
        page=page,
        partial=partial,
        bulk=True,
    )


@router.get("/queue")
def authority_queue(
    request: Request,
    *,
    db: AppDb,
    directory: AppDirectory,
    principal: SignedIn,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    partial: str = "",
) -> Response:
    """An authority's queue: the requests routed or notified to it, earliest deadline first."""
    authority = principal.user.authority
    name = directory.authorities.get(authority) if authority else None
    tr = request_translator(request, principal)
    return _list_page(
        request,
        db,
        directory,
        principal,
        title=tr.gettext("Queue of %(name)s", name=name.name) if name else tr.gettext("Routed requests"),
        intro=tr.gettext("Requests routed or notified to your authority, earliest deadline first."),
        filters=filter_from_query(request).model_copy(update={"status": Status.ROUTED}),
        show_filters=False,
        sort="deadline",
        order="asc",
        page=page,
        partial=partial,
    )


@router.get("/upload")
def upload_page(request: Request, settings: AppSettings, principal: Registrar) -> Response:
    """Drag and drop files; each shows its progress, then its registration number."""
    return render(request, "upload.html", principal, max_bytes=settings.max_file_bytes)


@router.get("/deadlines")
def deadlines_page(request: Request, db: AppDb, settings: AppSettings, principal: SignedIn) -> Response:
    """Overdue requests and requests due soon (of the caller's authority for authority users)."""
    listed = list_deadlines(
        db,
        today=datetime.now(UTC).date(),
        due_soon_days=settings.due_soon_days,
        viewer=principal.user,
    )
    return render(request, "deadlines.html", principal, deadlines=listed)
