"""The kept statistic figures (storage/figures.py) of a window of days, summed by the database.

A window is read as the rows of the whole months inside it and the rows of the days of
the months at its ends: the whole archive is a few thousand rows (times by bucket, labels
by value, per month), whatever the number of requests. Used by the statistics page and the
registry's totals. Raises ``TransientError``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from storage.models import FigureRow


def read_figures(session: Session, since: date | None, until: date | None) -> Counter[tuple[str, str]]:
    """The kept figures of the window by (dimension, value), and the requests per month."""
    window = or_(*window_rows(since, until))
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


def window_rows(since: date | None, until: date | None) -> list[ColumnElement[bool]]:
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


def count_in_window(
    session: Session, since: date | None, until: date | None, dimension: str, value: str | None
) -> int:
    """How many requests received in the window have ``value`` in ``dimension`` (any value: None)."""
    statement = select(func.sum(FigureRow.count)).where(
        or_(*window_rows(since, until)), FigureRow.dimension == dimension
    )
    if value is not None:
        statement = statement.where(FigureRow.value == value)
    return int(session.scalar(statement) or 0)
