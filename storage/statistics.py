"""The figures a central authority reports (UNCAC Conference, Italy's Watson): requests
received per month and by requesting state, offence, legal basis, measure and executing
authority; processing and routing times; refusals at intake and missing elements.

Computed over the registry in one pass; used by the web app's statistics page and
its CSV export. Raises ``TransientError``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import median

from sqlalchemy import func, select

from rogatory.registration import Status
from storage.database import Database
from storage.models import AnalysisRow, RegistrationRow, RejectionRow, ReviewRow


@dataclass(frozen=True)
class Statistics:
    """Counts per dimension (largest first, months in order) and times in hours."""

    received: int
    by_dimension: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    processing_hours: tuple[float, float] | None = None
    """(median, 90th percentile) from receipt to the analysis."""
    routing_hours: tuple[float, float] | None = None
    """(median, 90th percentile) from receipt to routed (by the rules or a reviewer)."""
    rejected: int = 0


DIMENSIONS = (
    "month",
    "status",
    "requesting_state",
    "offence",
    "legal_basis",
    "measure",
    "route_to",
    "request_type",
    "missing",
)


def compute_statistics(db: Database, *, since: date | None = None, until: date | None = None) -> Statistics:
    """Figures over the requests received between ``since`` and ``until`` (inclusive)."""
    first_decision = (
        select(func.min(ReviewRow.at))
        .where(ReviewRow.registration_id == RegistrationRow.id)
        .scalar_subquery()
    )
    statement = select(
        RegistrationRow.received_at,
        RegistrationRow.status,
        AnalysisRow.saved_at,
        AnalysisRow.requesting_state,
        AnalysisRow.offences,
        AnalysisRow.legal_basis,
        AnalysisRow.measures,
        AnalysisRow.route_to,
        AnalysisRow.request_type,
        AnalysisRow.missing,
        AnalysisRow.needs_review,
        first_decision,
    ).outerjoin(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
    counters: dict[str, Counter[str]] = {name: Counter() for name in DIMENSIONS}
    processing: list[float] = []
    routing: list[float] = []
    received = 0
    with db.session() as session:
        rows = session.execute(statement).all()
        rejected = int(session.scalar(select(func.count(RejectionRow.id))) or 0)
    for row in rows:
        received_at, status = row[0], row[1]
        if (since and received_at.date() < since) or (until and received_at.date() > until):
            continue
        received += 1
        counters["month"][received_at.strftime("%Y-%m")] += 1
        counters["status"][status] += 1
        saved_at = row[2]
        if saved_at is None:
            continue
        _count_analysis(counters, row[3:11])
        processing.append(_hours(received_at, saved_at))
        decided = row[11]
        if decided is not None:
            routing.append(_hours(received_at, decided))
        elif status == Status.ROUTED.value:
            routing.append(_hours(received_at, saved_at))
    by_dimension = {name: counter.most_common() for name, counter in counters.items()}
    by_dimension["month"] = sorted(counters["month"].items())
    return Statistics(
        received=received,
        by_dimension=by_dimension,
        processing_hours=_spread(processing),
        routing_hours=_spread(routing),
        rejected=rejected,
    )


def _count_analysis(counters: dict[str, Counter[str]], values: tuple[object, ...]) -> None:
    state, offences, bases, measures, route_to, request_type, missing, _ = values
    counters["requesting_state"][str(state or "unknown")] += 1
    counters["route_to"][str(route_to)] += 1
    counters["request_type"][str(request_type)] += 1
    for name, column in (
        ("offence", offences),
        ("legal_basis", bases),
        ("measure", measures),
        ("missing", missing),
    ):
        counters[name].update(str(column or "").split())


def _hours(start: datetime, end: datetime) -> float:
    return max(0.0, (end - start).total_seconds() / 3600)


def _spread(hours: list[float]) -> tuple[float, float] | None:
    if not hours:
        return None
    ordered = sorted(hours)
    return round(median(ordered), 4), round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 4)
