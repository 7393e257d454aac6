"""Load a synthetic archive (:mod:`bench.synthetic_archive`) into a migrated database, fast.

The rows go through the real schema, triggers included (the SQLite FTS5 index, the
PostgreSQL search vector), the way a bulk restore does it: the secondary indexes are
dropped first and built again once at the end (one sort instead of a million random
inserts), the rows are written in large transactions (PostgreSQL ``COPY``; SQLite
``executemany`` with the journal off and a large cache), and the statistics are
gathered at the end (``ANALYZE``; on PostgreSQL ``VACUUM ANALYZE`` also sets hint bits
and merges the GIN pending lists, which autovacuum would do to an archive); the kept
statistic figures are rebuilt (the rows bypassed the sessions that keep them) after the name
tokens are added to the vocabulary (they bypassed ``index_parties``), and PostgreSQL's
``VACUUM ANALYZE`` comes after both. PostgreSQL
builds the indexes with ``maintenance_work_mem`` raised for the session (the pages' GIN
index is most of the build) and parallel workers for the B-trees. Constraint indexes
(primary keys, unique numbers and digests) stay: they are what keeps the loaded rows valid.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from bench.synthetic_archive import COLUMNS, Shape, batches, copy_statements
from storage.database import Database
from storage.figures import rebuild_figures
from storage.parties import fill_vocabulary

_BATCH = 20_000  # registrations a transaction
_INDEX_MEMORY = "1GB"  # PostgreSQL's maintenance_work_mem for the index builds after COPY
_INDEX_WORKERS = 2
Progress = Callable[[int], None]


class Phases:
    """Seconds spent generating rows, writing them, and building indexes (printed by the bench)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {
            "generate": 0.0,
            "write": 0.0,
            "copy": 0.0,
            "index": 0.0,
            "vacuum": 0.0,
            "vocabulary": 0.0,
            "figures": 0.0,
        }
        self.index_seconds: dict[str, float] = {}  # PostgreSQL: each index's build
        self._mark = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.seconds[phase] += now - self._mark
        self._mark = now

    def __str__(self) -> str:
        text = ", ".join(f"{phase} {seconds:.0f} s" for phase, seconds in self.seconds.items())
        slowest = sorted(self.index_seconds.items(), key=lambda item: -item[1])[:5]
        if slowest:
            text += " (slowest indexes: " + ", ".join(f"{name} {s:.0f} s" for name, s in slowest) + ")"
        return text


def load_archive(
    db: Database, shape: Shape, progress: Progress | None = None, *, drawn_present: bool = False
) -> Phases:
    """Insert ``shape.count`` synthetic registrations into an empty, migrated ``db``, or with
    ``drawn_present`` the copies into one holding the drawn registrations (a clone of the smaller archive)."""
    raw = db.engine.raw_connection()
    phases = Phases()
    try:
        connection: Any = raw.driver_connection
        if db.is_sqlite:
            _load_sqlite(connection, shape, progress, phases, drawn_present)
        else:
            _load_postgresql(connection, shape, progress, phases, drawn_present)
    finally:
        raw.close()
    with db.session(write=True) as session:  # the name tokens went in past index_parties
        fill_vocabulary(session)
    phases.lap("vocabulary")
    with db.session(write=True) as session:  # the rows went in past the session: count them
        rebuild_figures(session)
    phases.lap("figures")
    if not db.is_sqlite:
        _vacuum_postgresql(db)
        phases.lap("vacuum")
    return phases


def _vacuum_postgresql(db: Database) -> None:
    """``VACUUM ANALYZE`` once every table is written, the vocabulary and the figures too: the
    vocabulary's trigram index got its 110,944 tokens in GIN's pending list, unsorted, and the
    planner, finding no statistics, read the vocabulary by a scan of every token (368 ms a
    person query at 100k instead of 2 ms)."""
    raw = db.engine.raw_connection()
    try:
        connection: Any = raw.driver_connection
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE")
    finally:
        raw.close()


def _load_sqlite(
    connection: Any, shape: Shape, progress: Progress | None, phases: Phases, drawn_present: bool
) -> None:
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA cache_size = -524288")  # 512 MB
    tables = list(COLUMNS)
    indexes = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "  # noqa: S608
        f"AND tbl_name IN ({', '.join('?' for _ in tables)})",
        tables,
    ).fetchall()
    for name, _ in indexes:
        connection.execute(f'DROP INDEX "{name}"')
    done = 0
    for rows in [] if drawn_present else batches(shape, _BATCH):
        phases.lap("generate")
        connection.execute("BEGIN")
        for table, values in rows.items():
            columns = COLUMNS[table]
            placeholders = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",  # noqa: S608
                [tuple(_sqlite_value(value) for value in row) for row in values],
            )
        connection.execute("COMMIT")
        phases.lap("write")
        done += len(rows["registrations"])
        if progress:
            progress(done)
    connection.execute("BEGIN")
    for statement in copy_statements(shape, postgresql=False):
        connection.execute(statement)
    connection.execute("COMMIT")
    phases.lap("copy")
    for _, sql in indexes:
        connection.execute(sql)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("ANALYZE")
    phases.lap("index")


def _sqlite_value(value: object) -> object:
    """What SQLAlchemy's ``UtcDateTime`` stores on SQLite: naive UTC, ISO with a space."""
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")  # type: ignore[attr-defined]
    if hasattr(value, "isoformat"):
        return value.isoformat()  # a date
    return value


def _load_postgresql(
    connection: Any, shape: Shape, progress: Progress | None, phases: Phases, drawn_present: bool
) -> None:
    connection.autocommit = True
    tables = list(COLUMNS)
    indexes = connection.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i "
        "WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s) AND NOT EXISTS ("
        "SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
        (tables,),
    ).fetchall()
    for name, _ in indexes:
        connection.execute(f'DROP INDEX "{name}"')
    connection.execute("SET synchronous_commit = off")
    done = 0
    for rows in [] if drawn_present else batches(shape, _BATCH):
        phases.lap("generate")
        with connection.transaction(), connection.cursor() as cursor:
            for table, values in rows.items():
                with cursor.copy(f"COPY {table} ({', '.join(COLUMNS[table])}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
        phases.lap("write")
        done += len(rows["registrations"])
        if progress:
            progress(done)
    with connection.transaction():
        for statement in copy_statements(shape, postgresql=True):
            connection.execute(statement)
    phases.lap("copy")
    # One sort in memory per index (a GIN build flushes its accumulator each time this fills),
    # and B-trees sorted by parallel workers; a session setting, the server's stays as it is.
    connection.execute(f"SET maintenance_work_mem = '{_INDEX_MEMORY}'")
    connection.execute(f"SET max_parallel_maintenance_workers = {_INDEX_WORKERS}")
    for name, sql in indexes:
        started = time.perf_counter()
        connection.execute(sql)
        phases.index_seconds[name] = time.perf_counter() - started
    connection.execute(
        "SELECT setval(pg_get_serial_sequence('registrations', 'id'), max(id)) FROM registrations"
    )
    phases.lap("index")


def timed_load(db: Database, shape: Shape, *, drawn_present: bool = False) -> tuple[float, Phases]:
    """Load and return the seconds it took and their phases, printing progress every tenth."""
    started = time.perf_counter()
    step = max(1, shape.count // 10)

    def report(done: int) -> None:
        if done % step < _BATCH:
            print(f"    {done:>9,} registrations loaded, {time.perf_counter() - started:6.0f} s", flush=True)

    phases = load_archive(db, shape, report, drawn_present=drawn_present)
    return time.perf_counter() - started, phases
