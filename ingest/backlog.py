"""Registrations that could not be queued because the broker was down, queued once it is back.

Intake registers an original before it queues it (a number is never lost to a queue
outage), and logs a queue failure instead of raising it. The watcher wraps its
``enqueue`` in a :class:`QueueBacklog`: a number that fails to queue is kept, and
:meth:`QueueBacklog.flush` (called at every scan of the watcher) queues the kept
numbers in order once the broker answers again, at most every ``retry_seconds``
while it does not (each attempt waits for the broker's connection timeout).
Runs in the watcher's thread; the numbers live in memory only, so a watcher that
is restarted queues again what is still ``registered`` when it starts.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from rogatory.errors import TransientError

logger = logging.getLogger(__name__)


class QueueBacklog:
    """An ``enqueue`` that keeps what it could not queue and queues it later."""

    def __init__(
        self,
        enqueue: Callable[[str], None],
        *,
        retry_seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._enqueue = enqueue
        self._retry_seconds = retry_seconds
        self._clock = clock
        self._waiting: list[str] = []
        self._next_attempt = 0.0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._waiting)

    def enqueue(self, number: str) -> None:
        """Queue ``number``, behind any already waiting; raises ``TransientError`` if it is kept."""
        with self._lock:
            waiting = bool(self._waiting)
            if waiting:
                self._waiting.append(number)
        if waiting:
            self.flush()
            if number in self._snapshot():
                raise TransientError(f"the broker is still unavailable; {number} waits to be queued")
            return
        try:
            self._enqueue(number)
        except TransientError:
            with self._lock:
                self._waiting.append(number)
                self._next_attempt = self._clock() + self._retry_seconds
            raise

    def flush(self) -> int:
        """Queue the waiting numbers in order until one fails; return how many were queued. Never raises."""
        queued = 0
        with self._lock:
            if not self._waiting or self._clock() < self._next_attempt:
                return 0
            while self._waiting:
                try:
                    self._enqueue(self._waiting[0])
                except TransientError as error:
                    self._next_attempt = self._clock() + self._retry_seconds
                    logger.warning(
                        "%d registered request(s) wait for the broker: %s", len(self._waiting), error
                    )
                    break
                self._waiting.pop(0)
                queued += 1
        if queued:
            logger.info("queued %d registered request(s) that waited for the broker", queued)
        return queued

    def _snapshot(self) -> list[str]:
        with self._lock:
            return list(self._waiting)
