"""The database connection: an engine, sessions, and the schema migrated to head on open.

SQLite (the embedded default) is set up for many processes on one file: WAL
journal, a busy timeout, foreign keys on, and transactions begun by SQLAlchemy
itself so that a writing session can take the write lock up front
(``BEGIN IMMEDIATE``) instead of failing when it upgrades a read lock. PostgreSQL
needs none of that. One :class:`Database` per process; open it at the entry point.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from rogatory.errors import ConfigurationError, TransientError
from storage.figures import keep_figures
from storage.integrity import check_sqlite_file
from storage.schema import upgrade_schema

_BEGIN_OPTION = "rogatory_sqlite_begin"


class Database:
    """An engine and its session factory. Safe to share between threads, not across ``fork``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        keep_figures(self._sessions)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session committed when the block ends, rolled back if it raises.

        ``write=True`` takes the database write lock at the start of the transaction
        on SQLite (``BEGIN IMMEDIATE``), so read-then-write sequences such as number
        allocation are serialised between processes. Raises ``TransientError`` when
        the database is unreachable or stays locked longer than the busy timeout.
        """
        with self._sessions() as session:
            try:
                if write and self.is_sqlite:
                    session.connection(execution_options={_BEGIN_OPTION: "IMMEDIATE"})
                yield session
                session.commit()
            except OperationalError as error:
                session.rollback()
                raise TransientError(f"database unavailable: {error.orig}") from error
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        """Close every pooled connection (call at process exit or after a fork)."""
        self.engine.dispose()


def open_database(url: str, *, busy_timeout_seconds: float = 30.0) -> Database:
    """Connect to ``url`` (an SQLAlchemy URL) and migrate it to the newest schema (Alembic head).

    For an SQLite file the parent folder is created and the file checked first
    (:mod:`storage.integrity`: ``DatabaseDamagedError``). Raises ``ConfigurationError``
    for a malformed URL or a driver that is not installed, ``TransientError`` when
    the database cannot be reached.
    """
    try:
        parsed = make_url(url)
        is_sqlite = parsed.get_backend_name() == "sqlite"
        if is_sqlite and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            check_sqlite_file(Path(parsed.database))
        engine = create_engine(parsed)
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise ConfigurationError(f"invalid database_url {url!r}: {error}") from error
    except OSError as error:
        raise ConfigurationError(f"cannot create the folder of database {url!r}: {error}") from error
    if is_sqlite:
        _configure_sqlite(engine, busy_timeout_seconds)
    try:
        _create_schema(engine)
    except OperationalError as error:
        engine.dispose()
        raise TransientError(f"cannot open database {parsed!r}: {error.orig}") from error
    return Database(engine)


def _create_schema(engine: Engine) -> None:
    """Upgrade to head; on SQLite under the write lock, so processes starting together agree."""
    options = {_BEGIN_OPTION: "IMMEDIATE"} if engine.dialect.name == "sqlite" else {}
    with engine.connect().execution_options(**options) as connection, connection.begin():
        upgrade_schema(connection)


def _configure_sqlite(engine: Engine, busy_timeout_seconds: float) -> None:
    """Per-connection pragmas, and BEGIN issued by us (pysqlite's own would be deferred)."""
    timeout_ms = int(busy_timeout_seconds * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {timeout_ms}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
