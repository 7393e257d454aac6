"""The archive's JSON API: find a person, organisation or account; requests related to one."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ingest.intake import IntakeContext
from storage.parties import find_parties, related_requests
from storage.registry import get_request

router = APIRouter()


def _context(request: Request) -> IntakeContext:
    context: IntakeContext = request.app.state.intake
    return context


@router.get("/api/parties")
def search_parties(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=300)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    """Registrations naming a person, organisation or account like ``q``, across scripts and
    spellings, best first, each with the reason it matched."""
    return [asdict(match) for match in find_parties(_context(request).db, q, limit=limit)]


@router.get("/api/requests/{number}/related")
def related(request: Request, number: str) -> list[dict[str, Any]]:
    """Other registrations sharing a person, organisation or account with ``number``."""
    db = _context(request).db
    get_request(db, number)  # 404 for an unknown number
    return [asdict(item) for item in related_requests(db, number)]
