"""The archive's JSON API: find a person, organisation or account; requests related to one.

Matches and related requests are only those the caller may see.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from storage.parties import find_parties, related_requests
from web.access import check_visible, only_visible
from web.auth import SignedIn, signed_in
from web.dependencies import AppDb

router = APIRouter(dependencies=[Depends(signed_in)])

#: The archive is asked for this many times the matches wanted when some may be invisible.
_OVERFETCH = 5


@router.get("/api/parties")
def search_parties(
    db: AppDb,
    principal: SignedIn,
    q: Annotated[str, Query(min_length=1, max_length=300)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    """Registrations naming a person, organisation or account like ``q``, across scripts and
    spellings, best first, each with the reason it matched."""
    wanted = limit if principal.user.role.sees_registry else limit * _OVERFETCH
    matches = only_visible(db, principal, find_parties(db, q, limit=wanted), lambda match: match.number)
    return [asdict(match) for match in matches[:limit]]


@router.get("/api/requests/{number}/related")
def related(db: AppDb, principal: SignedIn, number: str) -> list[dict[str, Any]]:
    """Other registrations sharing a person, organisation or account with ``number``."""
    check_visible(db, principal, number)
    items = only_visible(db, principal, related_requests(db, number), lambda item: item.number)
    return [asdict(item) for item in items]
