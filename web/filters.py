"""The registry's filters as a query string (``?status=routed&offence=art23&received_from=...``),
shared by the registry page, the search page and the search API; :func:`filter_query` writes
them back (the form a saved filter is kept in)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from urllib.parse import urlencode

from fastapi import Request

from rogatory.listing import Flag, RegistryFilter
from rogatory.registration import Status


def filter_from_query(request: Request) -> RegistryFilter:
    """The filters of the query string; unknown or malformed values are ignored."""
    return filter_from_params(request.query_params)


def filter_from_params(query: Mapping[str, str]) -> RegistryFilter:
    """The filters of these parameters (a query string's); unknown or malformed values are ignored."""
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


#: The registry's filters in the order of its form (and of a saved filter's query string).
FILTER_FIELDS = (
    "status",
    "flag",
    "language",
    "route_to",
    "offence",
    "measure",
    "legal_basis",
    "requesting_state",
    "received_from",
    "received_to",
    "deadline_before",
)


def filter_query(filters: RegistryFilter) -> str:
    """The canonical query string of ``filters`` (empty ones left out): ``status=routed&offence=art23``."""
    values = filters.model_dump(mode="json", include=set(FILTER_FIELDS), exclude_none=True)
    return urlencode([(name, values[name]) for name in FILTER_FIELDS if values.get(name)])
