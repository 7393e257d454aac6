"""Days left before a request's deadline: pure date arithmetic (storage's lists, the web app)."""

from __future__ import annotations

from datetime import date


def days_left(deadline: date, today: date) -> int:
    """Whole days from ``today`` to ``deadline``: 0 on the day, negative once overdue."""
    return (deadline - today).days


def is_due_soon(deadline: date, today: date, *, window_days: int) -> bool:
    """Not overdue and due within ``window_days`` (inclusive)."""
    return 0 <= days_left(deadline, today) <= window_days
