"""The search page: full text over every page, or persons, companies and accounts across
scripts and spellings, with facets over the requests found.

Only the requests the caller may see are searched, counted and shown. Runs in the
web process.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from rogatory.listing import RegistryFilter
from storage.listing import count_facets, list_registry
from storage.parties import find_parties
from storage.registry import search
from web.access import only_visible
from web.auth import SignedIn, signed_in
from web.dependencies import AppDb, AppSettings
from web.filters import filter_from_query
from web.pages import render
from web.routes import check_search

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])

#: Hits asked of the index; facets and results are computed over the visible ones.
MAX_HITS = 200
_MARKED = re.compile(r"\[([^\[\]]*)\]")


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet cut into (text, matched) parts: matched words are between ``[`` and ``]``."""
    parts: list[tuple[str, bool]] = []
    cursor = 0
    for match in _MARKED.finditer(snippet):
        if match.start() > cursor:
            parts.append((snippet[cursor : match.start()], False))
        parts.append((match.group(1), True))
        cursor = match.end()
    if cursor < len(snippet):
        parts.append((snippet[cursor:], False))
    return parts


@router.get("/search")
def search_page(
    request: Request,
    *,
    db: AppDb,
    settings: AppSettings,
    principal: SignedIn,
    q: Annotated[str, Query(max_length=500)] = "",
    mode: str = "text",
) -> Response:
    """Search, then narrow the requests found by facet."""
    query = q.strip()
    mode = "party" if mode == "party" else "text"
    hits: list[dict[str, object]] = []
    if query:
        check_search(query, settings)
        if mode == "party":
            matches = only_visible(db, principal, find_parties(db, query, limit=MAX_HITS), lambda m: m.number)
            hits = [
                {"number": m.number, "title": f"{m.kind}: {m.value}", "reason": m.reason, "score": m.score}
                for m in matches
            ]
        else:
            pages = only_visible(db, principal, search(db, query, limit=MAX_HITS), lambda hit: hit.number)
            hits = [
                {
                    "number": hit.number,
                    "page": hit.page,
                    "parts": snippet_parts(hit.snippet),
                    "score": hit.score,
                }
                for hit in pages
            ]
    numbers = tuple(dict.fromkeys(str(hit["number"]) for hit in hits))
    narrowed = filter_from_query(request).model_copy(update={"numbers": numbers})
    facets = (
        count_facets(db, principal.user, narrowed.model_copy(update=_without_facets())) if query else None
    )
    kept = {
        entry.number: entry for entry in list_registry(db, principal.user, narrowed, limit=MAX_HITS).entries
    }
    return render(
        request,
        "search.html",
        principal,
        q=query,
        mode=mode,
        hits=[hit for hit in hits if hit["number"] in kept],
        entries=kept,
        facets=facets,
        query=request.query_params,
    )


def _without_facets() -> dict[str, None]:
    """Facet counts are taken over the search's requests before any facet narrows them."""
    return {name: None for name in RegistryFilter.model_fields if name != "numbers"}
