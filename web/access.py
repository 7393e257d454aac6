"""What the caller may see of one request, checked on the server for every route.

A request that the caller may not see answers exactly like one that does not exist
(404 ``not_found``), so guessing numbers tells an authority user nothing; the
attempt is written to the audit log. Every view and download is audited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from rogatory.errors import NotFoundError
from rogatory.registration import RequestView
from storage.audit import DENIED, audit
from storage.database import Database
from storage.registry import get_request
from storage.visibility import may_see, visible_numbers
from web.auth import Principal

T = TypeVar("T")


def check_visible(db: Database, principal: Principal, number: str) -> None:
    """Raises ``NotFoundError`` (and audits the attempt) when the caller may not see ``number``."""
    with db.session() as session:
        allowed = may_see(session, principal.user, number)
    if not allowed:
        if not principal.user.role.sees_registry:
            audit(db, action=DENIED, number=number[:40], actor=principal.actor, detail="not routed to them")
        raise NotFoundError(f"no registration {number!r}", code="no_such_request")


def visible_request(db: Database, principal: Principal, number: str, *, action: str = "view") -> RequestView:
    """The request, if the caller may see it; the view is audited. Raises ``NotFoundError``."""
    check_visible(db, principal, number)
    view = get_request(db, number)
    audit(db, action=action, number=number, actor=principal.actor)
    return view


def only_visible(
    db: Database, principal: Principal, items: Iterable[T], number: Callable[[T], str]
) -> list[T]:
    """The items (search hits, matches) whose request the caller may see, in their order."""
    kept = list(items)
    if principal.user.role.sees_registry:
        return kept
    with db.session() as session:
        allowed = visible_numbers(session, principal.user, {number(item) for item in kept})
    return [item for item in kept if number(item) in allowed]
