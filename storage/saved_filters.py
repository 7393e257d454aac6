"""A user's named registry filters: saved, listed, removed; each user sees only their own.

The filters are kept as the registry's query string, made canonical by the web
(:func:`web.filters.filter_query`), so a saved filter opens as the registry with that
query. Saving a name the user already has replaces its filters. Runs in the web
process; every function may raise ``TransientError``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, func, select

from rogatory.errors import InputError, NotFoundError
from rogatory.listing import SavedFilter
from storage.database import Database
from storage.models import SavedFilterRow

#: Longest name of a saved filter.
MAX_NAME = 100
#: Most filters one user keeps (a menu, not a store).
MAX_PER_USER = 50
#: Longest query string kept (the registry's filters are a few hundred characters at most).
MAX_QUERY = 2000


def save_filter(db: Database, user_id: int, name: str, query: str) -> SavedFilter:
    """Keep ``query`` under ``name`` for the user (replacing a filter of that name).

    Raises ``InputError`` for an empty or too long name, an empty or too long query, or
    the user's ``MAX_PER_USER``-th filter.
    """
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise InputError(f"a saved filter needs a name of 1 to {MAX_NAME} characters", code="bad_filter_name")
    if not query or len(query) > MAX_QUERY:
        raise InputError("choose at least one filter before saving it", code="empty_filter")
    with db.session(write=True) as session:
        row = session.scalar(
            select(SavedFilterRow).where(SavedFilterRow.user_id == user_id, SavedFilterRow.name == name)
        )
        if row is None:
            count = session.scalar(
                select(func.count()).select_from(SavedFilterRow).where(SavedFilterRow.user_id == user_id)
            )
            if (count or 0) >= MAX_PER_USER:
                raise InputError(
                    f"you keep {MAX_PER_USER} saved filters already: remove one first",
                    code="too_many_filters",
                )
            row = SavedFilterRow(user_id=user_id, name=name, query=query, created_at=datetime.now(UTC))
            session.add(row)
        else:
            row.query = query
        session.flush()
        return _record(row)


def list_filters(db: Database, user_id: int) -> list[SavedFilter]:
    """The user's saved filters, by name."""
    statement = select(SavedFilterRow).where(SavedFilterRow.user_id == user_id).order_by(SavedFilterRow.name)
    with db.session() as session:
        return [_record(row) for row in session.scalars(statement)]


def remove_filter(db: Database, user_id: int, filter_id: int) -> None:
    """Remove one of the user's filters. Raises ``NotFoundError`` (also for another user's)."""
    with db.session(write=True) as session:
        removed = session.execute(
            delete(SavedFilterRow).where(SavedFilterRow.id == filter_id, SavedFilterRow.user_id == user_id)
        )
        if getattr(removed, "rowcount", 0) != 1:
            raise NotFoundError(f"no saved filter {filter_id}")


def _record(row: SavedFilterRow) -> SavedFilter:
    return SavedFilter(id=row.id, name=row.name, query=row.query, created_at=row.created_at)
