"""The figures a central authority reports (UNCAC Conference, Italy's Watson): requests
received per month, by channel (mail, inbox, upload) and by requesting state, offence,
legal basis, measure and executing authority; processing and routing times; refusals at
intake and missing elements.

Read from the figures kept up to date by every transaction that changes a request
(:mod:`storage.figures`; counted afresh by :mod:`storage.statistic_counts`): a few
thousand rows for the whole archive, not a scan of it. Used by the web app's statistics
page and its CSV export. Raises ``TransientError``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from storage.database import Database
from storage.figure_reads import read_figures
from storage.listing import received_between
from storage.models import RejectionRow
from storage.statistic_counts import TIMES, bucket_middle


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


def compute_statistics(db: Database, *, since: date | None = None, until: date | None = None) -> Statistics:
    """Figures over the requests received between ``since`` and ``until`` (inclusive, UTC days).

    Read from the kept figures (:mod:`storage.figures`): the rows of the whole months in
    the window and of the days at its ends, summed by the database. The times are kept to
    two significant figures of their seconds (:func:`storage.statistic_counts.bucket`).
    """
    with db.session() as session:
        figures = read_figures(session, since, until)
        rejected = int(
            session.scalar(
                select(func.count(RejectionRow.id)).where(
                    *received_between(RejectionRow.received_at, since, until)
                )
            )
            or 0
        )
    return statistics_of(figures, rejected=rejected)


def statistics_of(figures: Counter[tuple[str, str]], *, rejected: int) -> Statistics:
    """The page's figures from the counts by (dimension, value) (times: buckets of seconds)."""
    counters: dict[str, Counter[str]] = {name: Counter() for name in DIMENSIONS}
    times: dict[str, Counter[int]] = {name: Counter() for name in TIMES}
    for (name, value), count in figures.items():
        if name in times:
            times[name][int(value)] += count
        elif name in counters:
            counters[name][value] += count
    by_dimension = {name: _ordered(counter) for name, counter in counters.items() if name != "month"}
    return Statistics(
        received=sum(counters["status"].values()),
        by_dimension={"month": sorted(_months(figures).items()), **by_dimension},
        processing_hours=_spread(times["processing"]),
        routing_hours=_spread(times["routing"]),
        rejected=rejected,
    )


def _months(figures: Counter[tuple[str, str]]) -> Counter[str]:
    return Counter({value: count for (name, value), count in figures.items() if name == "month"})


def _ordered(counter: Counter[str]) -> list[tuple[str, int]]:
    """Largest first, ties by value (the order does not depend on how the database grouped)."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def _spread(histogram: Counter[int]) -> tuple[float, float] | None:
    """(median, 90th percentile) in hours of a histogram of seconds (each bucket's middle)."""
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
            return bucket_middle(value)
    return bucket_middle(values[-1])
