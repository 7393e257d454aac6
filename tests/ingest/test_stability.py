"""StabilityTracker: ready only after size and mtime stop changing; no re-handing of the same state."""

from __future__ import annotations

from pathlib import Path

from ingest.inbox import FileState
from ingest.stability import StabilityTracker

A, B = Path("/inbox/a.pdf"), Path("/inbox/b.pdf")


def _state(size: int, mtime: int = 1) -> FileState:
    return FileState(size=size, mtime_ns=mtime)


def test_a_growing_file_is_taken_only_once_it_has_been_still_for_stable_seconds() -> None:
    tracker = StabilityTracker(stable_seconds=2.0, retry_seconds=30.0)
    steps = [
        (0.0, _state(100, 1), []),
        (1.5, _state(200, 2), []),
        (3.0, _state(300, 3), []),
        (4.9, _state(300, 3), []),
        (5.0, _state(300, 3), [A]),
    ]
    for now, state, expected in steps:
        assert tracker.update({A: state}, now) == expected, now


def test_a_file_handed_on_is_not_handed_on_again_unless_it_changes() -> None:
    tracker = StabilityTracker(stable_seconds=1.0, retry_seconds=30.0)
    tracker.update({A: _state(10)}, 0.0)
    assert tracker.update({A: _state(10)}, 1.0) == [A]
    tracker.mark_done(A)
    assert tracker.update({A: _state(10)}, 100.0) == []
    assert tracker.update({A: _state(11, 2)}, 101.0) == []
    assert tracker.update({A: _state(11, 2)}, 102.0) == [A]


def test_a_failed_file_is_retried_after_retry_seconds() -> None:
    tracker = StabilityTracker(stable_seconds=1.0, retry_seconds=30.0)
    tracker.update({A: _state(10)}, 0.0)
    assert tracker.update({A: _state(10)}, 1.0) == [A]
    tracker.mark_failed(A, 1.0)
    assert tracker.seconds_to_next(1.0) == 30.0
    assert tracker.update({A: _state(10)}, 30.0) == []
    assert tracker.update({A: _state(10)}, 31.0) == []
    assert tracker.update({A: _state(10)}, 32.0) == [A]


def test_ready_files_come_oldest_first_and_vanished_files_are_forgotten() -> None:
    tracker = StabilityTracker(stable_seconds=1.0, retry_seconds=30.0)
    tracker.update({B: _state(1)}, 0.0)
    tracker.update({A: _state(1), B: _state(1)}, 0.5)
    assert tracker.update({A: _state(1), B: _state(1)}, 2.0) == [B, A]
    assert tracker.update({}, 3.0) == []
    assert tracker.seconds_to_next(3.0) is None
    tracker.update({A: _state(1)}, 4.0)
    assert tracker.seconds_to_next(4.25) == 0.75
