"""Saved registry filters (issue 18): per user, replaced by name, bounded, removed only by their owner,
in the table revision 0010 creates; on SQLite and PostgreSQL (the ``db`` fixture of conftest)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from rogatory.errors import InputError, NotFoundError
from rogatory.users import Role
from storage.database import Database
from storage.saved_filters import MAX_PER_USER, list_filters, remove_filter, save_filter
from storage.users import create_user


def _user(db: Database, name: str) -> int:
    return create_user(db, username=name, password="a long enough password", role=Role.CLERK).id


def test_filters_are_kept_per_user_by_name(db: Database) -> None:
    ana, ben = _user(db, "ana"), _user(db, "ben")
    save_filter(db, ana, "  French   waiting ", "status=needs_review&language=fr")
    save_filter(db, ana, "Bank", "measure=bank_records")
    save_filter(db, ben, "Bank", "measure=freezing")
    assert [(f.name, f.query) for f in list_filters(db, ana)] == [
        ("Bank", "measure=bank_records"),
        ("French waiting", "status=needs_review&language=fr"),
    ]
    assert [f.query for f in list_filters(db, ben)] == ["measure=freezing"]
    replaced = save_filter(db, ana, "Bank", "measure=bank_records&status=routed")
    assert [f.query for f in list_filters(db, ana) if f.name == "Bank"] == [replaced.query]
    assert len(list_filters(db, ana)) == 2


def test_only_the_owner_removes_a_filter(db: Database) -> None:
    ana, ben = _user(db, "ana"), _user(db, "ben")
    kept = save_filter(db, ana, "Mine", "status=routed")
    with pytest.raises(NotFoundError):
        remove_filter(db, ben, kept.id)
    assert list_filters(db, ana) == [kept]
    remove_filter(db, ana, kept.id)
    assert list_filters(db, ana) == []
    with pytest.raises(NotFoundError):
        remove_filter(db, ana, kept.id)


def test_bad_filters_are_refused_with_a_reason(db: Database) -> None:
    ana = _user(db, "ana")
    for name, query, code in (
        ("", "status=routed", "bad_filter_name"),
        ("x" * 101, "a=b", "bad_filter_name"),
        ("empty", "", "empty_filter"),
    ):
        with pytest.raises(InputError) as refused:
            save_filter(db, ana, name, query)
        assert refused.value.code == code
    for index in range(MAX_PER_USER):
        save_filter(db, ana, f"f{index}", "status=routed")
    with pytest.raises(InputError) as full:
        save_filter(db, ana, "one more", "status=routed")
    assert full.value.code == "too_many_filters"
    save_filter(db, ana, "f0", "status=failed")  # replacing one is still allowed


def test_the_table_comes_from_the_migration(db: Database) -> None:
    with db.session() as session:
        inspector = inspect(session.connection())
        assert "saved_filters" in inspector.get_table_names()
        assert {"user_id", "name", "query", "created_at"} <= {
            c["name"] for c in inspector.get_columns("saved_filters")
        }
