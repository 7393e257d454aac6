"""Records of the registry as the web app lists it: filters, one row per request, facets.

Read through :mod:`storage.listing`. A listing is always for one user: an authority
user's listing holds only the requests routed or notified to their authority.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from rogatory.records import Record
from rogatory.registration import Status, UtcDatetime


class Flag(StrEnum):
    """What the registry marks on a request."""

    INCOMPLETE = "incomplete"
    URGENT = "urgent"
    DUPLICATE = "duplicate"
    NEEDS_REVIEW = "needs_review"


class SortKey(StrEnum):
    RECEIVED = "received"
    NUMBER = "number"
    DEADLINE = "deadline"
    STATUS = "status"
    AUTHORITY = "authority"
    STATE = "state"


class RegistryFilter(Record):
    """Which requests to list; every field left empty does not filter."""

    status: Status | None = None
    language: str | None = None
    requesting_state: str | None = None
    route_to: str | None = None
    offence: str | None = None
    measure: str | None = None
    legal_basis: str | None = None
    flag: Flag | None = None
    received_from: date | None = None
    received_to: date | None = None
    deadline_before: date | None = None
    numbers: tuple[str, ...] | None = None
    """Only these numbers (the hits of a search), when given."""


class RegistryEntry(Record):
    """One request as the registry lists it."""

    number: str
    received_at: UtcDatetime
    filename: str
    status: Status
    status_reason: str | None = None
    language: str | None = None
    requesting_state: str | None = None
    request_type: str | None = None
    route_to: str | None = None
    notify: tuple[str, ...] = ()
    offences: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    deadline: date | None = None
    urgent: bool = False
    needs_review: bool = False
    duplicates: int = Field(default=0, ge=0)
    #: The accepted annexes registered with the main document.
    annexes: int = Field(default=0, ge=0)

    @property
    def flags(self) -> tuple[Flag, ...]:
        found = (
            (Flag.INCOMPLETE, bool(self.missing)),
            (Flag.URGENT, self.urgent),
            (Flag.DUPLICATE, self.duplicates > 0),
            (Flag.NEEDS_REVIEW, self.needs_review or self.status is Status.NEEDS_REVIEW),
        )
        return tuple(flag for flag, present in found if present)


class RegistryPage(Record):
    """One page of a listing and how many requests match in all."""

    entries: tuple[RegistryEntry, ...]
    total: int
    exact: bool = True
    """Whether ``total`` is the count; else more than ``total`` match (counting stopped there)."""
    limit: int
    offset: int


class FacetValue(Record):
    value: str
    count: int


class Facets(Record):
    """How many of the listed requests have each value, per facet (largest first)."""

    status: tuple[FacetValue, ...] = ()
    language: tuple[FacetValue, ...] = ()
    requesting_state: tuple[FacetValue, ...] = ()
    route_to: tuple[FacetValue, ...] = ()
    offence: tuple[FacetValue, ...] = ()
    measure: tuple[FacetValue, ...] = ()
    legal_basis: tuple[FacetValue, ...] = ()
    flag: tuple[FacetValue, ...] = ()


class SavedFilter(Record):
    """A user's named registry filter (issue 18): ``query`` is the registry's query string
    of its filters (``status=routed&offence=art23``), kept per user."""

    id: int
    name: str = Field(min_length=1, max_length=100)
    query: str
    created_at: UtcDatetime
