"""Deadlines for the central authority: requests overdue and requests due soon.

Reads the ``deadline`` column the analysis keeps. Requests that failed are left out.
Raises ``TransientError`` when the database is unavailable.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from rogatory.deadlines import days_left
from rogatory.registration import Status
from rogatory.review import DeadlineItem, DeadlineList
from rogatory.users import User
from storage.database import Database
from storage.models import AnalysisRow, RegistrationRow
from storage.visibility import visible_condition


def list_deadlines(
    db: Database, *, today: date, due_soon_days: int, viewer: User | None = None
) -> DeadlineList:
    """Overdue requests (most overdue first) and those due within ``due_soon_days``; with a
    ``viewer``, only those that user may see."""
    statement = (
        select(RegistrationRow.number, RegistrationRow.status, AnalysisRow.deadline, AnalysisRow.route_to)
        .join(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
        .where(AnalysisRow.deadline.is_not(None))
        .where(RegistrationRow.status != Status.FAILED.value)
        .order_by(AnalysisRow.deadline, RegistrationRow.number)
    )
    visible = visible_condition(viewer) if viewer is not None else None
    if visible is not None:
        statement = statement.where(visible)
    overdue: list[DeadlineItem] = []
    due_soon: list[DeadlineItem] = []
    with db.session() as session:
        for number, status, deadline, route_to in session.execute(statement):
            if deadline is None:
                continue
            left = days_left(deadline, today)
            item = DeadlineItem(
                number=number, deadline=deadline, days_left=left, route_to=route_to, status=Status(status)
            )
            if left < 0:
                overdue.append(item)
            elif left <= due_soon_days:
                due_soon.append(item)
    return DeadlineList(
        today=today, due_soon_days=due_soon_days, overdue=tuple(overdue), due_soon=tuple(due_soon)
    )
