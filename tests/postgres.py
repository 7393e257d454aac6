"""A fresh PostgreSQL database per test session, on the server of this machine.

The server is 127.0.0.1:5432 with trust authentication for ``postgres``
(``ROGATORY_TEST_POSTGRES`` overrides the server URL). The database gets a unique
name, is migrated by ``open_database`` and dropped at the end of the session.
Tests empty its tables between them with :func:`empty_tables`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import text

from storage.database import Database
from storage.models import Base

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"


def server_url() -> str:
    return os.environ.get("ROGATORY_TEST_POSTGRES", SERVER)


@contextmanager
def fresh_database() -> Iterator[str]:
    """Create an empty database, yield its SQLAlchemy URL, drop it afterwards."""
    name = f"rogatory_test_{uuid.uuid4().hex[:12]}"
    admin = server_url().replace("+psycopg", "") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server_url()}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def empty_tables(db: Database) -> None:
    """Delete every row and restart the identities (a clean slate between tests)."""
    names = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with db.session() as session:
        session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
