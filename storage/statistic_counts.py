"""The statistics' figures counted from the registry itself, by GROUP BY over every row.

What :mod:`storage.figures` keeps up to date, counted afresh: its rebuild writes these
counts, and the tests prove the kept figures equal them after any mix of registrations,
analyses, status changes and review decisions. A scan of the two largest tables (seconds
at a million requests): never on a page. Raises ``TransientError``.

A figure is keyed by the UTC day the request was received, a dimension and a value
(:data:`Key`); the times are dimensions too (``processing``, ``routing``), their value the
duration's :func:`bucket`.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Integer, cast, exists, func, or_, select
from sqlalchemy.orm import Session

from rogatory.registration import Status
from storage.models import AnalysisRow, AuditRow, RegistrationRow, ReviewRow

Key = tuple[date, str, str]
"""(UTC day received, dimension, value)."""

#: How a request reached the service, by the source of its registration (issue 19).
CHANNELS = {"mail": "mail", "watcher": "inbox", "upload": "upload", "cli": "command line"}

ANALYSED: tuple[tuple[str, str, bool], ...] = (
    ("requesting_state", "requesting_state", False),
    ("route_to", "route_to", False),
    ("request_type", "request_type", False),
    ("offence", "offences", True),
    ("legal_basis", "legal_basis", True),
    ("measure", "measures", True),
    ("missing", "missing", True),
)
"""The dimensions of an analysed request: its column of ``analyses``, and whether it holds
several labels (space-separated)."""

TIMES = ("processing", "routing")


def bucket(seconds: int) -> int:
    """A duration in whole seconds to two significant figures, rounded down (below 100: exact).

    Keeps the kept time figures to at most 90 values a decade per day and month, so that
    the whole archive's times are a few thousand rows: a bucket is narrower than a tenth of
    its lower bound, so the median and 90th percentile read at its middle are off by under 5 %.
    """
    seconds = max(0, seconds)
    if seconds < 100:
        return seconds
    scale: int = 10 ** (len(str(seconds)) - 2)
    return seconds // scale * scale


def bucket_middle(kept: int) -> float:
    """The middle of the durations a :func:`bucket` holds (itself below 100 s): what the
    statistics read, so that the median and 90th percentile are off by half a bucket at most."""
    if kept < 100:
        return float(kept)
    width: int = 10 ** (len(str(kept)) - 2)
    return kept + width / 2


def whole_seconds(start: datetime, end: datetime) -> int:
    """Whole seconds from ``start`` to ``end``: the difference of their whole-second times
    (what the databases compute in :func:`count_figures`, exactly)."""
    return _whole(end) - _whole(start)


def _whole(moment: datetime) -> int:
    return int(moment.astimezone(UTC).replace(microsecond=0).timestamp())


def label_values(name: str, value: object, multi: bool) -> list[str]:
    """The values a label column counts under (several for a multi-valued column)."""
    if multi:
        return str(value or "").split()
    return [str(value or "unknown") if name == "requesting_state" else str(value)]


def count_figures(session: Session) -> Counter[Key]:
    """Every figure of the archive, counted by the database (a scan: the rebuild and the tests)."""
    dialect = session.get_bind().dialect.name
    day = _day(RegistrationRow.received_at, dialect)
    figures: Counter[Key] = Counter()
    counted = select(day, RegistrationRow.status, RegistrationRow.source, func.count()).group_by(
        day, RegistrationRow.status, RegistrationRow.source
    )
    for value, status, source, count in session.execute(counted):
        received = date.fromisoformat(value)
        figures[(received, "status", str(status))] += count
        figures[(received, "channel", CHANNELS.get(str(source), str(source)))] += count
    for name, column_name, multi in ANALYSED:
        column = getattr(AnalysisRow, column_name)
        grouped = _joined().add_columns(day, column, func.count()).group_by(day, column)
        for value, label, count in session.execute(grouped):
            for shown in label_values(name, label, multi):
                figures[(date.fromisoformat(value), name, shown)] += count
    for name, histogram in (
        ("processing", _processing(session, dialect)),
        ("routing", _routing(session, dialect)),
    ):
        for (value, seconds), count in histogram.items():
            figures[(date.fromisoformat(value), name, str(bucket(seconds)))] += count
    return +figures


def _day(column: Any, dialect: str) -> Any:
    """The UTC day ``YYYY-MM-DD`` of a received-at column (SQLite keeps naive UTC text)."""
    if dialect == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD")
    return func.substr(column, 1, 10)


def _epoch(column: Any, dialect: str) -> Any:
    """A datetime column's whole seconds since 1970, the fraction dropped (SQLite's own
    ``strftime('%s')`` would round it to milliseconds first: the text is cut instead)."""
    if dialect == "postgresql":
        return cast(func.floor(func.extract("epoch", column)), Integer)
    return cast(func.strftime("%s", func.substr(column, 1, 19)), Integer)


def _seconds(start: Any, end: Any, dialect: str) -> Any:
    return _epoch(end, dialect) - _epoch(start, dialect)


def _joined() -> Any:
    """The analysed requests with their registration."""
    return (
        select()
        .select_from(AnalysisRow)
        .join(RegistrationRow, RegistrationRow.id == AnalysisRow.registration_id)
    )


def _processing(session: Session, dialect: str) -> Counter[tuple[str, int]]:
    """Seconds from receipt to the analysis of every analysed request, by day received."""
    seconds = _seconds(RegistrationRow.received_at, AnalysisRow.saved_at, dialect)
    return _histogram(session, _joined(), seconds, dialect)


def _routing(session: Session, dialect: str) -> Counter[tuple[str, int]]:
    """Seconds from receipt to routed: to the analysis for a request the rules routed, to the
    first reviewer's decision for one that went to review (one still waiting is not counted).

    Counted as every routed request at its analysis, then corrected by the few a reviewer
    decided (a probe of the audit log for each of those only: it is the largest table).
    """
    received = RegistrationRow.received_at
    routed = _seconds(received, AnalysisRow.saved_at, dialect)
    hours = _histogram(
        session, _joined().where(RegistrationRow.status == Status.ROUTED.value), routed, dialect
    )
    first = (
        select(ReviewRow.registration_id, func.min(ReviewRow.at).label("decided_at"))
        .group_by(ReviewRow.registration_id)
        .subquery()
    )
    decided = _seconds(received, first.c.decided_at, dialect)
    reviewed = (
        select()
        .select_from(first)
        .join(RegistrationRow, RegistrationRow.id == first.c.registration_id)
        .join(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
    )
    waiting = RegistrationRow.status == Status.NEEDS_REVIEW.value
    was_routed = RegistrationRow.status == Status.ROUTED.value
    hours.update(
        _histogram(session, reviewed.where(or_(waiting, was_routed & went_to_review())), decided, dialect)
    )
    hours.subtract(_histogram(session, reviewed.where(was_routed, went_to_review()), routed, dialect))
    return +hours


def went_to_review() -> Any:
    """The registration's audit holds a move to review (its routing time is its decision's)."""
    return exists().where(
        AuditRow.number == RegistrationRow.number,
        AuditRow.action == "status",
        AuditRow.detail.like(f"% -> {Status.NEEDS_REVIEW.value}%"),
    )


def _histogram(session: Session, statement: Any, seconds: Any, dialect: str) -> Counter[tuple[str, int]]:
    """How many rows of ``statement`` took each whole number of ``seconds``, by day received."""
    day = _day(RegistrationRow.received_at, dialect)
    grouped = (
        statement.add_columns(day, seconds, func.count()).where(seconds.is_not(None)).group_by(day, seconds)
    )
    return Counter({(str(value), int(spent)): int(count) for value, spent, count in session.execute(grouped)})
