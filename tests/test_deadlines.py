"""Days left and the due-soon window."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from rogatory.deadlines import days_left, is_due_soon

TODAY = date(2026, 5, 10)


def test_days_left() -> None:
    assert days_left(date(2026, 5, 17), TODAY) == 7
    assert days_left(TODAY, TODAY) == 0
    assert days_left(date(2026, 5, 1), TODAY) == -9


def test_due_soon_is_inclusive_and_excludes_overdue() -> None:
    assert is_due_soon(date(2026, 5, 17), TODAY, window_days=7)
    assert not is_due_soon(date(2026, 5, 18), TODAY, window_days=7)
    assert not is_due_soon(date(2026, 5, 9), TODAY, window_days=7)


@given(st.integers(min_value=-1000, max_value=1000))
def test_days_left_inverts_adding_days(offset: int) -> None:
    assert days_left(TODAY + timedelta(days=offset), TODAY) == offset
