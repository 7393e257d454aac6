"""How many requests wait in the caller's queue (issue 18): the count the pages' badge polls.

An authority user's queue is the requests routed or notified to their authority; the
central authority's staff's is the review queue. Counted by :func:`storage.listing.list_registry`,
so the count obeys the one visibility rule. Small on purpose (polled every few seconds by
``static/queue_badge.js``); nothing is audited, no request is opened. Runs in the web process.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from rogatory.listing import RegistryFilter
from rogatory.records import Record
from rogatory.registration import Status
from storage.listing import list_registry
from web.auth import SignedIn, signed_in
from web.dependencies import AppDb

router = APIRouter(dependencies=[Depends(signed_in)])


class QueueCount(Record):
    """``path``: the queue's page; ``newest``: its latest request's number (None when empty);
    ``exact`` False when more than ``count`` wait (the listing counts up to a bound)."""

    path: str
    count: int
    newest: str | None
    exact: bool = True


@router.get("/api/queue/count")
def queue_count(db: AppDb, principal: SignedIn) -> JSONResponse:
    """The caller's queue: its page, how many requests wait in it, the newest one."""
    central = principal.user.role.sees_registry
    status = Status.NEEDS_REVIEW if central else Status.ROUTED
    listing = list_registry(db, principal.user, RegistryFilter(status=status), limit=1)
    newest = listing.entries[0].number if listing.entries else None
    count = QueueCount(
        path="/review" if central else "/queue", count=listing.total, newest=newest, exact=listing.exact
    )
    return JSONResponse(count.model_dump(), headers={"Cache-Control": "no-store"})
