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
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from storage.database import Database
from storage.listing import received_between
from storage.models import FigureRow, RejectionRow
from storage.statistic_counts import TIMES


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


def read_figures(session: Session, since: date | None, until: date | None) -> Counter[tuple[str, str]]:
    """The kept figures of the window by (dimension, value), and the requests per month."""
    window = or_(*_window_rows(since, until))
    summed = func.sum(FigureRow.count)
    grouped = select(FigureRow.dimension, FigureRow.value, summed).where(window)
    figures = Counter(
        {
            (str(name), str(value)): int(count)
            for name, value, count in session.execute(grouped.group_by(FigureRow.dimension, FigureRow.value))
        }
    )
    monthly = select(FigureRow.month, summed).where(window, FigureRow.dimension == "status")
    for month, count in session.execute(monthly.group_by(FigureRow.month)):
        figures[("month", str(month))] += int(count)
    return figures


def _window_rows(since: date | None, until: date | None) -> list[ColumnElement[bool]]:
    """Conditions on the kept rows for the days ``since`` .. ``until``: a month's row for each
    whole month inside, the days' rows for the parts of the months at the ends."""
    whole_from = None if since is None else (since if since.day == 1 else _month_after(since))
    whole_to = (
        None if until is None else (until.replace(day=1) if not _last_day(until) else _month_after(until))
    )
    conditions: list[ColumnElement[bool]] = []
    days: list[tuple[date, date]] = []
    if whole_from is not None and whole_to is not None and whole_from >= whole_to:
        days.append((since or whole_from, until or whole_to))  # no whole month inside
    else:
        whole = [FigureRow.day == 0]
        if whole_from is not None:
            whole.append(FigureRow.month >= whole_from.isoformat()[:7])
        if whole_to is not None:
            whole.append(FigureRow.month < whole_to.isoformat()[:7])
        conditions.append(and_(*whole))
        if since is not None and whole_from is not None and since < whole_from:
            days.append((since, whole_from - timedelta(days=1)))
        if until is not None and whole_to is not None and until >= whole_to:
            days.append((whole_to, until))
    for first, last in days:
        begin = first
        while begin <= last:
            end = min(last, _month_after(begin) - timedelta(days=1))
            conditions.append(
                and_(FigureRow.month == begin.isoformat()[:7], FigureRow.day.between(begin.day, end.day))
            )
            begin = end + timedelta(days=1)
    return conditions or [false()]


def _month_after(day: date) -> date:
    """The first day of the month after ``day``'s."""
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _last_day(day: date) -> bool:
    return _month_after(day) - timedelta(days=1) == day


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
