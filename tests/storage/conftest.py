"""Fixtures of the storage tests: every test that takes ``db`` runs on SQLite and on PostgreSQL.

SQLite gets a new file per test; PostgreSQL one fresh database per session (see
:mod:`tests.postgres`), its tables emptied before each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.database import Database, open_database
from tests.postgres import empty_tables, fresh_database


@pytest.fixture(scope="session")
def postgres_db() -> Iterator[Database]:
    with fresh_database() as url:
        database = open_database(url)
        yield database
        database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "postgresql":
        database: Database = request.getfixturevalue("postgres_db")
        empty_tables(database)
        yield database
        return
    database = open_database(f"sqlite:///{tmp_path / 'registry.db'}")
    yield database
    database.dispose()
