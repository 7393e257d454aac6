"""A user's saved registry filters (issue 18): saved from the registry's filter form, listed
above it, removed there; the same through the JSON API (``/api/filters``).

The filters are kept in the canonical query string of :func:`web.filters.filter_query`, so
whatever is posted is read as the registry reads its query string (unknown fields dropped).
Only central staff have the registry; each user sees and removes only their own filters.
Runs in the web process.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse, Response
from pydantic import Field

from rogatory.listing import SavedFilter
from rogatory.records import Record
from storage.saved_filters import MAX_NAME, MAX_QUERY, list_filters, remove_filter, save_filter
from web.auth import CentralStaff, signed_in
from web.dependencies import AppDb
from web.filters import filter_from_params, filter_query

router = APIRouter(dependencies=[Depends(signed_in)])


class SavedFilterBody(Record):
    name: str = Field(min_length=1, max_length=MAX_NAME)
    query: str = Field(max_length=MAX_QUERY)
    """The registry's query string, e.g. ``status=needs_review&language=fr``."""


def canonical_query(query: str) -> str:
    """``query`` read as the registry reads it, written back in its canonical form."""
    return filter_query(filter_from_params(dict(parse_qsl(query.lstrip("?")))))


@router.get("/api/filters")
def my_filters(db: AppDb, principal: CentralStaff) -> list[SavedFilter]:
    """The caller's saved filters, by name."""
    return list_filters(db, principal.user.id)


@router.post("/api/filters", status_code=201)
def add_filter(db: AppDb, principal: CentralStaff, body: SavedFilterBody) -> SavedFilter:
    """Keep a filter under a name (a name the caller has already is replaced)."""
    return save_filter(db, principal.user.id, body.name, canonical_query(body.query))


@router.delete("/api/filters/{filter_id}", status_code=204)
def delete_filter(db: AppDb, principal: CentralStaff, filter_id: int) -> Response:
    """Remove one of the caller's filters (404 for another user's)."""
    remove_filter(db, principal.user.id, filter_id)
    return Response(status_code=204)


@router.post("/filters", include_in_schema=False)
def save_from_form(
    db: AppDb,
    principal: CentralStaff,
    name: Annotated[str, Form(max_length=MAX_NAME)],
    query: Annotated[str, Form(max_length=MAX_QUERY)] = "",
) -> Response:
    saved = save_filter(db, principal.user.id, name, canonical_query(query))
    return RedirectResponse(f"/?{saved.query}", status_code=303)


@router.post("/filters/{filter_id}/delete", include_in_schema=False)
def delete_from_form(db: AppDb, principal: CentralStaff, filter_id: int) -> Response:
    remove_filter(db, principal.user.id, filter_id)
    return RedirectResponse("/", status_code=303)
