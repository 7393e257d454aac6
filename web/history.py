"""A request's history as the caller may see it: paged, without the refused attempts.

Refused attempts to see a request (``denied``) used to fill its history: 210 refused
GETs by one authority pushed the register, analysis and routing lines off the page.
They are kept apart (the administrators' *Denials* page, :mod:`web.denial_pages`).
An authority user sees the lines of the central authority and of their own
authority; a line by another authority's user names no one ("another authority")
and shows no detail, and a central line's detail (which may name authorities, as a
reassignment does) is shown only to the central authority.
"""

from __future__ import annotations

from dataclasses import dataclass

from rogatory.registration import AuditEntry
from rogatory.users import User
from storage.audit import list_audit
from storage.database import Database
from storage.users import list_users

#: History lines on one page of a request.
HISTORY_PAGE = 50
OTHER_AUTHORITY = "another authority"


@dataclass(frozen=True)
class HistoryPage:
    """One page of a request's history, newest first."""

    entries: tuple[AuditEntry, ...]
    page: int
    has_next: bool


def history_page(db: Database, viewer: User, number: str, page: int = 1) -> HistoryPage:
    """Page ``page`` (from 1) of the history of ``number`` as ``viewer`` may see it."""
    offset = (page - 1) * HISTORY_PAGE
    rows = list_audit(db, number=number, limit=HISTORY_PAGE + 1, offset=offset, denials=False)
    entries = rows[:HISTORY_PAGE]
    if not viewer.role.sees_registry:
        entries = _for_authority(db, viewer, entries)
    return HistoryPage(entries=tuple(entries), page=page, has_next=len(rows) > HISTORY_PAGE)


def _for_authority(db: Database, viewer: User, entries: list[AuditEntry]) -> list[AuditEntry]:
    authority_of = {user.label: user.authority for user in list_users(db)}
    shown = []
    for entry in entries:
        authority = authority_of.get(entry.actor)
        if authority is None:  # the central authority's staff or the system: no names in the detail
            shown.append(entry.model_copy(update={"detail": ""}))
        elif authority == viewer.authority:
            shown.append(entry)
        else:
            shown.append(entry.model_copy(update={"actor": OTHER_AUTHORITY, "detail": ""}))
    return shown
