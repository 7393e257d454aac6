"""The registry's filters as a query string (``?status=routed&offence=art23&received_from=...``),
shared by the registry page, the search page and the search API."""

from __future__ import annotations

from datetime import date

from fastapi import Request

from rogatory.listing import Flag, RegistryFilter
from rogatory.registration import Status


def filter_from_query(request: Request) -> RegistryFilter:
    """The filters of the query string; unknown or malformed values are ignored."""
    query = request.query_params
    values: dict[str, object] = {}
    for name in ("language", "requesting_state", "route_to", "offence", "measure", "legal_basis"):
        if query.get(name):
            values[name] = query[name][:100]
    if query.get("status") in set(Status):
        values["status"] = Status(query["status"])
    if query.get("flag") in set(Flag):
        values["flag"] = Flag(query["flag"])
    for name in ("received_from", "received_to", "deadline_before"):
        try:
            values[name] = date.fromisoformat(query[name]) if query.get(name) else None
        except ValueError:
            continue
    return RegistryFilter.model_validate(values)
