"""The schema and the locking queries compile for PostgreSQL too (no server needed)."""

from __future__ import annotations

import pytest
from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

from storage.models import Base, NumberCounter


@pytest.mark.parametrize("table", list(Base.metadata.sorted_tables), ids=lambda table: table.name)
def test_tables_compile_for_postgresql(table: Table) -> None:
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    assert f"CREATE TABLE {table.name}" in str(CreateTable(table).compile(dialect=dialect))
    for index in table.indexes:
        assert "CREATE INDEX" in str(CreateIndex(index).compile(dialect=dialect))


def test_counter_is_locked_with_select_for_update_on_postgresql() -> None:
    statement = select(NumberCounter).where(NumberCounter.year == 2026).with_for_update()
    assert str(statement.compile(dialect=postgresql.dialect())).endswith("FOR UPDATE")  # type: ignore[no-untyped-call]


def test_timestamps_keep_their_time_zone_on_postgresql() -> None:
    registrations = Base.metadata.tables["registrations"]
    ddl = str(CreateTable(registrations).compile(dialect=postgresql.dialect()))  # type: ignore[no-untyped-call]
    assert "received_at TIMESTAMP WITH TIME ZONE NOT NULL" in ddl
