"""The figures a central authority reports (UNCAC Conference, Italy's Watson): requests
received per month, by channel (mail, inbox, upload) and by requesting state, offence,
legal basis, measure and executing authority; processing and routing times; refusals at
intake and missing elements.

Counted by the database (GROUP BY per dimension, a histogram of whole seconds for the
times); used by the web app's statistics page and
its CSV export. Raises ``TransientError``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from rogatory.registration import Status
from storage.database import Database
from storage.listing import received_between
from storage.models import AnalysisRow, AuditRow, RegistrationRow, RejectionRow, ReviewRow


@dataclass(frozen=True)
class Statistics:
    """Counts per dimension (largest first, months in order) and times in hours."""

    received: int
    by_dimension: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    processing_hours: tuple[float, float] | None = None
    """(median, 90th percentile) from receipt to the analysis."""
    routing_hours: tuple[float, float] | None = None
    """(median, 90th percentile) from receipt to routed: to the analysis for a request the
    rules routed (a later confirmation or reassignment does not move it), to the first
    reviewer's decision for one that went to review; one still waiting is not counted."""
    rejected: int = 0


DIMENSIONS = (
    "month",
    "channel",
    "status",
    "requesting_state",
    "offence",
    "legal_basis",
    "measure",
    "route_to",
    "request_type",
    "missing",
)


#: How a request reached the service, by the source of its registration (issue 19).
CHANNELS = {"mail": "mail", "watcher": "inbox", "upload": "upload", "cli": "command line"}


def compute_statistics(db: Database, *, since: date | None = None, until: date | None = None) -> Statistics:
    """Figures over the requests received between ``since`` and ``until`` (inclusive).

    Counted by the database (GROUP BY), not row by row here: at a million requests reading
    every row into the web process took seconds and its memory. The times are counted in
    whole seconds (a histogram), their median and 90th percentile read from it.
    """
    window = received_between(RegistrationRow.received_at, since, until)
    counters: dict[str, Counter[str]] = {name: Counter() for name in DIMENSIONS}
    with db.session() as session:
        dialect = session.get_bind().dialect.name
        month = _month(RegistrationRow.received_at, dialect)
        counted = (
            select(month, RegistrationRow.status, func.count())
            .where(*window)
            .group_by(month, RegistrationRow.status)
        )
        for value, status, count in session.execute(counted):
            counters["month"][str(value)] += count
            counters["status"][str(status)] += count
        by_source = (
            select(RegistrationRow.source, func.count()).where(*window).group_by(RegistrationRow.source)
        )
        for source, count in session.execute(by_source):
            counters["channel"][CHANNELS.get(str(source), str(source))] += count
        for name, column, multi in _ANALYSED:
            for value, count in session.execute(_grouped(column, window)):
                if multi:
                    for label in str(value or "").split():
                        counters[name][label] += count
                else:
                    counters[name][str(value or "unknown") if name == "requesting_state" else str(value)] += (
                        count
                    )
        processing = _processing(session, window, dialect)
        routing = _routing(session, window, dialect)
        rejected = int(
            session.scalar(
                select(func.count(RejectionRow.id)).where(
                    *received_between(RejectionRow.received_at, since, until)
                )
            )
            or 0
        )
    by_dimension = {name: _ordered(counter) for name, counter in counters.items()}
    by_dimension["month"] = sorted(counters["month"].items())
    return Statistics(
        received=sum(counters["status"].values()),
        by_dimension=by_dimension,
        processing_hours=_spread(processing),
        routing_hours=_spread(routing),
        rejected=rejected,
    )


_ANALYSED: tuple[tuple[str, Any, bool], ...] = (
    ("requesting_state", AnalysisRow.requesting_state, False),
    ("route_to", AnalysisRow.route_to, False),
    ("request_type", AnalysisRow.request_type, False),
    ("offence", AnalysisRow.offences, True),
    ("legal_basis", AnalysisRow.legal_basis, True),
    ("measure", AnalysisRow.measures, True),
    ("missing", AnalysisRow.missing, True),
)
"""The dimensions of an analysed request: its label column, and whether it holds several labels."""


def _ordered(counter: Counter[str]) -> list[tuple[str, int]]:
    """Largest first, ties by value (the order does not depend on how the database grouped)."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def _analysed(statement: Any, window: list[Any]) -> Any:
    """``statement`` over the analysed requests received in the window (the join only when it filters)."""
    if window:
        statement = statement.join(RegistrationRow, RegistrationRow.id == AnalysisRow.registration_id).where(
            *window
        )
    return statement


def _grouped(column: Any, window: list[Any]) -> Any:
    return _analysed(select(column, func.count()).select_from(AnalysisRow), window).group_by(column)


def _month(column: Any, dialect: str) -> Any:
    """The UTC month ``YYYY-MM`` of a received-at column (SQLite keeps naive UTC text)."""
    if dialect == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM")
    return func.substr(column, 1, 7)


def _seconds(start: Any, end: Any, dialect: str) -> Any:
    if dialect == "postgresql":
        return func.extract("epoch", end - start)
    return (func.julianday(end) - func.julianday(start)) * 86400


def _processing(session: Session, window: list[Any], dialect: str) -> Counter[int]:
    """Seconds from receipt to the analysis, as a histogram, of every analysed request."""
    seconds = _seconds(RegistrationRow.received_at, AnalysisRow.saved_at, dialect)
    return _histogram(session, _joined(), seconds, window)


def _routing(session: Session, window: list[Any], dialect: str) -> Counter[int]:
    """Seconds from receipt to routed, as a histogram: to the analysis for a request the rules
    routed, to the first reviewer's decision for one that went to review (one still waiting
    is not counted).

    Counted as every routed request at its analysis, then corrected by the few a reviewer
    decided (a probe of the audit log for each of those only: it is the largest table).
    """
    received = RegistrationRow.received_at
    routed = _seconds(received, AnalysisRow.saved_at, dialect)
    hours = _histogram(
        session, _joined().where(RegistrationRow.status == Status.ROUTED.value), routed, window
    )
    first = (
        select(ReviewRow.registration_id, func.min(ReviewRow.at).label("decided_at"))
        .group_by(ReviewRow.registration_id)
        .subquery()
    )
    decided = _seconds(received, first.c.decided_at, dialect)
    went_to_review = exists().where(
        AuditRow.number == RegistrationRow.number,
        AuditRow.action == "status",
        AuditRow.detail.like(f"% -> {Status.NEEDS_REVIEW.value}%"),
    )
    reviewed = (
        select()
        .select_from(first)
        .join(RegistrationRow, RegistrationRow.id == first.c.registration_id)
        .join(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
    )
    waiting = RegistrationRow.status == Status.NEEDS_REVIEW.value
    was_routed = RegistrationRow.status == Status.ROUTED.value
    hours.update(
        _histogram(session, reviewed.where(or_(waiting, was_routed & went_to_review)), decided, window)
    )
    hours.subtract(_histogram(session, reviewed.where(was_routed, went_to_review), routed, window))
    return +hours


def _joined() -> Any:
    """The analysed requests with their registration."""
    return (
        select()
        .select_from(AnalysisRow)
        .join(RegistrationRow, RegistrationRow.id == AnalysisRow.registration_id)
    )


def _histogram(session: Session, statement: Any, seconds: Any, window: list[Any]) -> Counter[int]:
    """How many rows of ``statement`` took each whole number of ``seconds`` (NULL not counted)."""
    bucket = func.floor(seconds).label("bucket")
    grouped = (
        statement.add_columns(bucket, func.count()).where(*window, seconds.is_not(None)).group_by(bucket)
    )
    return Counter({max(0, int(value)): int(count) for value, count in session.execute(grouped)})


def _spread(histogram: Counter[int]) -> tuple[float, float] | None:
    """(median, 90th percentile) in hours of a histogram of seconds."""
    total = sum(histogram.values())
    if not total:
        return None
    values = sorted(histogram)
    middle = (_rank(histogram, values, (total - 1) // 2) + _rank(histogram, values, total // 2)) / 2
    ninetieth = _rank(histogram, values, min(total - 1, int(0.9 * total)))
    return round(middle / 3600, 4), round(ninetieth / 3600, 4)


def _rank(histogram: Counter[int], values: list[int], rank: int) -> float:
    """The value at 0-based ``rank`` of the sorted durations."""
    seen = 0
    for value in values:
        seen += histogram[value]
        if rank < seen:
            return float(value)
    return float(values[-1])
