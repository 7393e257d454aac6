"""The figures a central authority reports (UNCAC Conference, Italy's Watson): requests
received per month, by channel (mail, inbox, upload) and by requesting state, offence,
legal basis, measure and executing authority; processing and routing times; refusals at
intake and missing elements.

Computed over the registry in one pass; used by the web app's statistics page and
its CSV export. Raises ``TransientError``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import median
from typing import Any

from sqlalchemy import exists, func, select

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
    """Figures over the requests received between ``since`` and ``until`` (inclusive)."""
    first_decision = (
        select(func.min(ReviewRow.at))
        .where(ReviewRow.registration_id == RegistrationRow.id)
        .scalar_subquery()
        .label("decided_at")
    )
    # The pipeline sent it to review: its status once moved to needs_review (the audit log).
    went_to_review = (
        exists()
        .where(
            AuditRow.number == RegistrationRow.number,
            AuditRow.action == "status",
            AuditRow.detail.like(f"% -> {Status.NEEDS_REVIEW.value}%"),
        )
        .label("went_to_review")
    )
    statement = select(
        RegistrationRow.received_at,
        RegistrationRow.source,
        RegistrationRow.status,
        AnalysisRow.saved_at,
        AnalysisRow.requesting_state,
        AnalysisRow.offences,
        AnalysisRow.legal_basis,
        AnalysisRow.measures,
        AnalysisRow.route_to,
        AnalysisRow.request_type,
        AnalysisRow.missing,
        first_decision,
        went_to_review,
    ).outerjoin(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
    statement = statement.where(*received_between(RegistrationRow.received_at, since, until))
    rejections = select(func.count(RejectionRow.id)).where(
        *received_between(RejectionRow.received_at, since, until)
    )
    with db.session() as session:
        rows = session.execute(statement).all()
        rejected = int(session.scalar(rejections) or 0)
    counters: dict[str, Counter[str]] = {name: Counter() for name in DIMENSIONS}
    processing: list[float] = []
    routing: list[float] = []
    for row in rows:
        counters["month"][row.received_at.strftime("%Y-%m")] += 1
        counters["channel"][CHANNELS.get(row.source, row.source)] += 1
        counters["status"][row.status] += 1
        if row.saved_at is None:
            continue
        _count_analysis(counters, row)
        processing.append(_hours(row.received_at, row.saved_at))
        if row.went_to_review or row.status == Status.NEEDS_REVIEW.value:
            if row.decided_at is not None:
                routing.append(_hours(row.received_at, row.decided_at))
        elif row.status == Status.ROUTED.value:
            routing.append(_hours(row.received_at, row.saved_at))
    by_dimension = {name: counter.most_common() for name, counter in counters.items()}
    by_dimension["month"] = sorted(counters["month"].items())
    return Statistics(
        received=len(rows),
        by_dimension=by_dimension,
        processing_hours=_spread(processing),
        routing_hours=_spread(routing),
        rejected=rejected,
    )


def _count_analysis(counters: dict[str, Counter[str]], row: Any) -> None:
    """Count one analysed request (a row of the statement above) in each of its dimensions."""
    counters["requesting_state"][str(row.requesting_state or "unknown")] += 1
    counters["route_to"][str(row.route_to)] += 1
    counters["request_type"][str(row.request_type)] += 1
    for name, column in (
        ("offence", row.offences),
        ("legal_basis", row.legal_basis),
        ("measure", row.measures),
        ("missing", row.missing),
    ):
        counters[name].update(str(column or "").split())


def _hours(start: datetime, end: datetime) -> float:
    return max(0.0, (end - start).total_seconds() / 3600)


def _spread(hours: list[float]) -> tuple[float, float] | None:
    if not hours:
        return None
    ordered = sorted(hours)
    return round(median(ordered), 4), round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 4)
