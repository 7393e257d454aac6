"""The statistics kept up to date: ``statistic_figures``, changed in the transaction that
changes a request.

Each request contributes a few figures (:func:`contributions`: its status and channel,
its analysis's labels, its processing and routing times' buckets) to the day and the
month it was received. :func:`keep_figures` hooks a session factory: before a flush
touches a request (its row, its analysis, a review decision, a status line of its audit)
the request's figures as they stand are read once per transaction; before the commit its
figures are read again and the difference is added to the kept rows. Whatever path changed
the request, the kept figures follow (a bulk ``UPDATE`` that bypasses the session does not:
none of the registry's writes does). :func:`rebuild_figures` writes them afresh from
:func:`storage.statistic_counts.count_figures` (``rogatory statistics --rebuild``; after a
bulk load). Runs wherever the database is written; raises ``TransientError``.

The kept rows are hot (every request of a day adds to its month's ``status`` row): the
difference is written in key order, so that two transactions never wait on each other in
a cycle; on PostgreSQL concurrent writers of the same day queue on those rows until commit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, event, func, insert, inspect, select, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from rogatory.registration import Status
from storage.models import AnalysisRow, AuditRow, FigureRow, RegistrationRow, ReviewRow
from storage.statistic_counts import (
    ANALYSED,
    CHANNELS,
    Key,
    bucket,
    count_figures,
    label_values,
    whole_seconds,
)

_BEFORE = "figures_before"
"""``session.info`` key: registration id -> its figures before this transaction changed it."""

_WATCHED_COLUMNS = ("status", "received_at", "source")


def keep_figures(sessions: sessionmaker[Session]) -> None:
    """Keep ``statistic_figures`` up to date in every transaction of ``sessions``."""
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_rollback", _forget)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    ids: set[int] = set()
    numbers: set[str] = set()
    for row in (*session.new, *session.dirty, *session.deleted):
        if isinstance(row, RegistrationRow) and row.id is not None and _changed(row):
            ids.add(row.id)
        elif isinstance(row, AnalysisRow | ReviewRow) and row.registration_id is not None:
            ids.add(row.registration_id)
        elif isinstance(row, AuditRow) and row.action == "status" and row.number:
            numbers.add(row.number)
    connection = session.connection()
    if numbers:
        found = select(RegistrationRow.id).where(RegistrationRow.number.in_(numbers))
        ids.update(connection.scalars(found))
    before: dict[int, Counter[Key]] = session.info.setdefault(_BEFORE, {})
    unseen = sorted(ids - before.keys())
    if unseen:
        now = contributions(connection, unseen)
        before.update({ident: now.get(ident, Counter()) for ident in unseen})


def _changed(row: RegistrationRow) -> bool:
    state = inspect(row)
    return any(state.attrs[name].history.has_changes() for name in _WATCHED_COLUMNS)


def _after_flush(session: Session, _context: Any) -> None:
    """A request registered in this transaction counted nothing before it."""
    before: dict[int, Counter[Key]] = session.info.setdefault(_BEFORE, {})
    for row in session.new:
        if isinstance(row, RegistrationRow) and row.id is not None:
            before.setdefault(row.id, Counter())


def _before_commit(session: Session) -> None:
    session.flush()  # what is still pending is captured by its flush
    if not session.info.get(_BEFORE):
        return
    before: dict[int, Counter[Key]] = session.info.pop(_BEFORE, {})
    connection = session.connection()
    after = contributions(connection, sorted(before))
    change: Counter[Key] = Counter()
    for ident, old in before.items():
        change.update(after.get(ident, Counter()))
        change.subtract(old)
    add_figures(connection, change)


def _forget(session: Session) -> None:
    session.info.pop(_BEFORE, None)


def contributions(connection: Connection, ids: Iterable[int]) -> dict[int, Counter[Key]]:
    """The figures each of the registrations ``ids`` counts in, as the database holds them now
    (read one by one: what :func:`storage.statistic_counts.count_figures` counts in bulk)."""
    wanted = list(ids)
    if not wanted:
        return {}
    columns = [getattr(AnalysisRow, column) for _, column, _ in ANALYSED]
    statement = (
        select(
            RegistrationRow.id,
            RegistrationRow.number,
            RegistrationRow.received_at,
            RegistrationRow.status,
            RegistrationRow.source,
            AnalysisRow.saved_at,
            *columns,
        )
        .outerjoin(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
        .where(RegistrationRow.id.in_(wanted))
    )
    rows = connection.execute(statement).all()
    first = dict(
        connection.execute(
            select(ReviewRow.registration_id, func.min(ReviewRow.at))
            .where(ReviewRow.registration_id.in_(wanted))
            .group_by(ReviewRow.registration_id)
        ).all()
    )
    reviewed_numbers = [row.number for row in rows if row.id in first]
    went = set(
        connection.scalars(
            select(AuditRow.number).where(
                AuditRow.number.in_(reviewed_numbers),
                AuditRow.action == "status",
                AuditRow.detail.like(f"% -> {Status.NEEDS_REVIEW.value}%"),
            )
        )
        if reviewed_numbers
        else ()
    )
    return {row.id: _contribution(row, first.get(row.id), row.number in went) for row in rows}


def _contribution(row: Any, decided_at: Any, went_to_review: bool) -> Counter[Key]:
    received = row.received_at
    day = received.date()
    figures: Counter[Key] = Counter()
    figures[(day, "status", str(row.status))] += 1
    figures[(day, "channel", CHANNELS.get(str(row.source), str(row.source)))] += 1
    if row.saved_at is None:  # not analysed
        return figures
    for name, column, multi in ANALYSED:
        for value in label_values(name, getattr(row, column), multi):
            figures[(day, name, value)] += 1
    figures[(day, "processing", str(bucket(whole_seconds(received, row.saved_at))))] += 1
    routed_at = None
    if decided_at is not None and (
        row.status == Status.NEEDS_REVIEW.value or (row.status == Status.ROUTED.value and went_to_review)
    ):
        routed_at = decided_at
    elif row.status == Status.ROUTED.value:
        routed_at = row.saved_at
    if routed_at is not None:
        figures[(day, "routing", str(bucket(whole_seconds(received, routed_at))))] += 1
    return figures


def add_figures(connection: Connection, change: Counter[Key]) -> None:
    """Add ``change`` to the kept rows of each day and of its month, in key order (a row
    brought to zero is deleted)."""
    upsert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    for (month, day_of_month, dimension, value), count in sorted(_by_row(change).items()):
        statement = upsert(FigureRow).values(
            month=month, day=day_of_month, dimension=dimension, value=value, count=count
        )
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=["month", "day", "dimension", "value"],
                set_={"count": FigureRow.count + statement.excluded.count},
            )
        )
        if count < 0:
            connection.execute(
                delete(FigureRow).where(
                    FigureRow.month == month,
                    FigureRow.day == day_of_month,
                    FigureRow.dimension == dimension,
                    FigureRow.value == value,
                    FigureRow.count == 0,
                )
            )


def _by_row(change: Counter[Key]) -> Counter[tuple[str, int, str, str]]:
    """The figures by kept row: each day's, and its month's (``day`` 0); no zeros."""
    rows: Counter[tuple[str, int, str, str]] = Counter()
    for (day, dimension, value), count in change.items():
        month = day.isoformat()[:7]
        rows[(month, day.day, dimension, value)] += count
        rows[(month, 0, dimension, value)] += count
    return Counter({key: count for key, count in rows.items() if count})


def rebuild_figures(session: Session) -> int:
    """Replace every kept figure by the counts of the whole archive; returns the rows written.

    Takes the GROUP BY of the archive (seconds at a million requests); run it after a bulk
    load or an upgrade, or to check (the figures of a running service stay equal to it).
    """
    connection = session.connection()
    rows = sorted(_by_row(count_figures(session)).items())
    postgresql = connection.dialect.name == "postgresql"
    connection.execute(text("TRUNCATE statistic_figures") if postgresql else delete(FigureRow))
    if postgresql:  # COPY: an INSERT a row took most of a minute at 100k
        driver: Any = connection.connection.driver_connection
        columns = "month, day, dimension, value, count"
        with driver.cursor().copy(f"COPY statistic_figures ({columns}) FROM STDIN") as copy:
            for (month, day, dimension, value), count in rows:
                copy.write_row((month, day, dimension, value, count))
    elif rows:
        connection.execute(
            insert(FigureRow),
            [
                {"month": month, "day": day, "dimension": dimension, "value": value, "count": count}
                for (month, day, dimension, value), count in rows
            ],
        )
    return len(rows)


def kept_figures(session: Session) -> Counter[Key]:
    """The kept figures by day (the rows of days, not of months): to compare with the counts."""
    rows = session.execute(
        select(FigureRow.month, FigureRow.day, FigureRow.dimension, FigureRow.value, FigureRow.count).where(
            FigureRow.day > 0
        )
    )
    return Counter(
        {
            (date.fromisoformat(f"{month}-{day:02d}"), dimension, value): count
            for month, day, dimension, value, count in rows
        }
    )
