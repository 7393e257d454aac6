"""A consistent copy of the database while the service writes to it, and its restore.

SQLite: the online backup API copies the file in one step under a read transaction
(WAL lets intake and the workers go on writing meanwhile), then the copy is made a
self-contained file (journal mode DELETE). PostgreSQL: a REPEATABLE READ transaction
exports its snapshot; ``pg_dump --snapshot`` dumps exactly what that transaction
sees, and the contents (row counts, the objects referenced) are read in the same
transaction, so the dump and the list of originals agree. Restores go only into an
empty target. Every function raises ``BackupError``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, Connection, create_engine, func, inspect, make_url, select
from sqlalchemy.exc import SQLAlchemyError

from storage.backup_manifest import BackupError
from storage.integrity import check_sqlite_file
from storage.models import Base, DuplicateRow, RegistrationRow, RejectionRow
from storage.schema import current_revision

_DUMP_TIMEOUT = 6 * 3600.0


@dataclass(frozen=True)
class Contents:
    """What a database holds: rows per table, the originals it references, the refused files."""

    counts: dict[str, int]
    originals: frozenset[str]
    refused: frozenset[str]
    schema_revision: str | None


def read_contents(connection: Connection) -> Contents:
    """The contents seen by ``connection``'s transaction."""
    counts = {
        table.name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
        for table in Base.metadata.sorted_tables
    }
    originals = frozenset(connection.scalars(select(RegistrationRow.sha256))) | frozenset(
        connection.scalars(select(DuplicateRow.sha256))
    )
    refused = frozenset(connection.scalars(select(RejectionRow.sha256))) - originals
    return Contents(counts, originals, refused, current_revision(connection))


def kind_of(url: str) -> str:
    """``sqlite`` or ``postgresql``. Raises ``BackupError`` for another database."""
    backend = make_url(url).get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise BackupError(f"backup supports SQLite and PostgreSQL, not {backend}")
    return backend


def snapshot_database(url: str, target: Path) -> Contents:
    """Copy the database at ``url`` into the file ``target``; the contents of that copy."""
    if kind_of(url) == "sqlite":
        return _snapshot_sqlite(_sqlite_path(url), target)
    return _snapshot_postgresql(url, target)


def restore_database(url: str, source: Path) -> None:
    """Load the copy ``source`` into the empty database at ``url`` (refused if not empty)."""
    if kind_of(url) == "sqlite":
        _restore_sqlite(source, _sqlite_path(url))
    else:
        _restore_postgresql(source, url)


def database_contents(url: str) -> Contents:
    """The contents of the database at ``url`` now (to check a restore)."""
    with _connection(url) as connection, connection.begin():
        return read_contents(connection)


def ensure_empty_database(url: str) -> None:
    """Refuse (``BackupError``) a target database that already has tables."""
    if kind_of(url) == "sqlite":
        path = _sqlite_path(url)
        if not path.exists() or path.stat().st_size == 0:
            return
    with _connection(url) as connection:
        tables = inspect(connection).get_table_names()
    if tables:
        shown = make_url(url).render_as_string(hide_password=True)
        raise BackupError(
            f"the target database {shown} is not empty ({len(tables)} tables, e.g. {sorted(tables)[0]}): "
            "restore only into a new, empty database"
        )


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if database in (None, "", ":memory:"):
        raise BackupError(f"an in-memory SQLite database cannot be backed up or restored: {url}")
    return Path(str(database))


def _snapshot_sqlite(source: Path, target: Path) -> Contents:
    if not source.is_file():
        raise BackupError(f"no SQLite database at {source}")
    check_sqlite_file(source)  # a damaged file is said so (what to do), not copied
    try:
        with (
            _closing(sqlite3.connect(source, timeout=60.0)) as live,
            _closing(sqlite3.connect(target)) as copy,
        ):
            live.backup(copy)  # one step: a consistent read of the whole file
            copy.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise BackupError(f"cannot copy the SQLite database {source}: {error}") from error
    with _connection(f"sqlite:///{target}") as connection, connection.begin():
        return read_contents(connection)


def _restore_sqlite(source: Path, target: Path) -> None:
    ensure_empty_database(f"sqlite:///{target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".restoring")
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"cannot write the database {target}: {error}") from error


def _snapshot_postgresql(url: str, target: Path) -> Contents:
    with _connection(url) as connection:
        repeatable = connection.execution_options(isolation_level="REPEATABLE READ")
        with repeatable.begin():
            snapshot = repeatable.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
            contents = read_contents(repeatable)
            _run_client(
                "pg_dump",
                ["--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
                make_url(url),
            )
    return contents


def _restore_postgresql(source: Path, url: str) -> None:
    ensure_empty_database(url)
    _run_client(
        "pg_restore",
        ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", str(source)],
        make_url(url),
    )


def _run_client(program: str, arguments: list[str], url: URL) -> None:
    """Run a PostgreSQL client against ``url`` (the password through the environment)."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} is not installed: install postgresql-client (the server's major version)"
        )
    environment = dict(os.environ)
    if url.password is not None:
        environment["PGPASSWORD"] = str(url.password)
    connection = [f"--dbname={url.database}"]
    connection += [f"--host={url.host}"] if url.host else []
    connection += [f"--port={url.port}"] if url.port else []
    connection += [f"--username={url.username}"] if url.username else []
    try:
        subprocess.run(
            [executable, *connection, *arguments],
            check=True,
            capture_output=True,
            text=True,
            env=environment,
            timeout=_DUMP_TIMEOUT,
        )
    except subprocess.CalledProcessError as error:
        message = (error.stderr or "").strip().splitlines()
        raise BackupError(f"{program} failed: {' / '.join(message[-3:]) or error}") from error
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BackupError(f"{program} failed: {error}") from error


@contextmanager
def _connection(url: str) -> Iterator[Connection]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            yield connection
    except SQLAlchemyError as error:
        raise BackupError(f"cannot read the database: {getattr(error, 'orig', error)}") from error
    finally:
        engine.dispose()


@contextmanager
def _closing(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    try:
        yield connection
    finally:
        connection.close()
