"""QueueBacklog: numbers that could not be queued wait, in order, and are queued once the broker is back."""

from __future__ import annotations

import pytest

from ingest.backlog import QueueBacklog
from rogatory.errors import TransientError


class Broker:
    """A queue that can be taken down (the seam intake queues through)."""

    def __init__(self) -> None:
        self.up = True
        self.queued: list[str] = []
        self.attempts = 0

    def __call__(self, number: str) -> None:
        self.attempts += 1
        if not self.up:
            raise TransientError("broker unreachable")
        self.queued.append(number)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_numbers_wait_while_the_broker_is_down_and_are_queued_in_order_when_it_returns() -> None:
    broker, clock = Broker(), Clock()
    backlog = QueueBacklog(broker, retry_seconds=5, clock=clock)
    backlog.enqueue("RQ-1")
    broker.up = False
    for number in ("RQ-2", "RQ-3"):
        with pytest.raises(TransientError):
            backlog.enqueue(number)
    assert len(backlog) == 2
    attempts = broker.attempts
    assert backlog.flush() == 0  # within retry_seconds of the failure: the broker is not asked
    assert broker.attempts == attempts
    broker.up = True
    with pytest.raises(TransientError):
        backlog.enqueue("RQ-4")  # still within retry_seconds: waits behind the others
    clock.now += 5
    assert backlog.flush() == 3
    assert broker.queued == ["RQ-1", "RQ-2", "RQ-3", "RQ-4"]
    backlog.enqueue("RQ-5")
    assert broker.queued[-1] == "RQ-5"
    assert len(backlog) == 0


def test_a_flush_stops_at_the_first_failure_and_keeps_the_rest() -> None:
    broker, clock = Broker(), Clock()
    backlog = QueueBacklog(broker, retry_seconds=1, clock=clock)
    broker.up = False
    for number in ("RQ-1", "RQ-2"):
        with pytest.raises(TransientError):
            backlog.enqueue(number)
    clock.now += 1
    attempts = broker.attempts
    assert backlog.flush() == 0
    assert broker.attempts == attempts + 1
    assert len(backlog) == 2
