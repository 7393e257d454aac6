"""Heartbeats and the supervision of ``rogatory run``'s children.

:class:`Heartbeat` beats for one part (a worker, a watcher) from a daemon thread
until stopped (storage/heartbeats.py; ``/health`` reads them). :class:`Supervisor`
runs in ``rogatory run``: it restarts the worker child when it dies and the watcher
thread when it ends, with a back-off doubling from ``restart_delay_seconds`` up to a
minute, logged; before a new worker starts, the dead worker's process group is
killed (its pool processes), its claims released (the embedded service has that one
worker) and what it took from the queue queued again: the claims make sure nothing
is analysed twice.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from contextlib import suppress

from rogatory.errors import TransientError
from storage.database import Database
from storage.heartbeats import beat, forget

log = logging.getLogger(__name__)

#: The longest wait before a restart; a child that ran this long restarts at the first delay again.
MAX_DELAY = 60.0


def part_name(kind: str, pid: int | None = None) -> str:
    """The heartbeat name of a part: ``worker@host:pid``."""
    return f"{kind}@{socket.gethostname()}:{pid or os.getpid()}"


class Heartbeat:
    """Beats for ``name`` every ``period`` seconds while ``healthy()`` holds, from a daemon thread."""

    def __init__(
        self,
        db: Database,
        name: str,
        *,
        kind: str,
        period: float,
        healthy: Callable[[], bool] = lambda: True,
    ) -> None:
        self.db, self.name, self.kind, self.period, self.healthy = db, name, kind, period, healthy
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{kind}", daemon=True)

    def start(self) -> Heartbeat:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop beating and remove the heartbeat (a part stopped on purpose is not alive)."""
        self._stop.set()
        self._thread.join(timeout=10)
        with suppress(TransientError):
            forget(self.db, self.name)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self.healthy():
                    beat(self.db, self.name, kind=self.kind)
                else:
                    forget(self.db, self.name)
            except TransientError as error:
                log.warning("heartbeat of %s not written: %s", self.name, error)
            self._stop.wait(self.period)


class Backoff:
    """The delay before the next restart: doubles on each quick death, resets after a long run."""

    def __init__(self, first: float) -> None:
        self.first, self.delay, self.started = first, first, time.monotonic()

    def next(self) -> float:
        if time.monotonic() - self.started > MAX_DELAY:
            self.delay = self.first
        delay, self.delay = self.delay, min(self.delay * 2, MAX_DELAY)
        return delay

    def restarted(self) -> None:
        self.started = time.monotonic()


class Supervisor:
    """Keeps ``rogatory run``'s worker child and watcher thread alive (one thread, polling)."""

    def __init__(
        self,
        db: Database,
        *,
        start_worker: Callable[[], subprocess.Popen[bytes]],
        start_watcher: Callable[[], threading.Thread],
        worker_died: Callable[[], None],
        first_delay: float,
        heartbeat_seconds: float,
    ) -> None:
        self.db = db
        self._start_worker, self._start_watcher, self._worker_died = start_worker, start_watcher, worker_died
        self._stop = threading.Event()
        self.worker = start_worker()
        self.watcher = start_watcher()
        self._worker_backoff, self._watcher_backoff = Backoff(first_delay), Backoff(first_delay)
        self._beat = Heartbeat(
            db, part_name("watcher"), kind="watcher", period=heartbeat_seconds, healthy=self.watcher_alive
        )
        self._thread = threading.Thread(target=self._run, name="supervisor", daemon=True)

    def watcher_alive(self) -> bool:
        return self.watcher.is_alive()

    def start(self) -> None:
        self._beat.start()
        self._thread.start()

    def stop(self) -> None:
        """Stop supervising (the children are then stopped by the caller)."""
        self._stop.set()
        self._thread.join(timeout=10)
        self._beat.stop()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            if self.worker.poll() is not None:
                self._restart_worker()
            if not self.watcher.is_alive() and not self._stop.is_set():
                self._restart_watcher()

    def _restart_worker(self) -> None:
        dead = self.worker
        delay = self._worker_backoff.next()
        log.warning(
            "the worker (pid %d) died with status %s; restarting it in %.1f s",
            dead.pid,
            dead.returncode,
            delay,
        )
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(dead.pid, signal.SIGKILL)  # its pool processes, still running its tasks
        with suppress(TransientError):
            forget(self.db, part_name("worker", dead.pid))
        if self._stop.wait(delay):
            return
        try:
            self._worker_died()
        except TransientError as error:
            log.warning("the tasks of the dead worker are not queued again yet: %s", error)
        self.worker = self._start_worker()
        self._worker_backoff.restarted()
        log.warning("the worker was restarted (pid %d)", self.worker.pid)

    def _restart_watcher(self) -> None:
        delay = self._watcher_backoff.next()
        log.warning("the inbox watcher stopped; restarting it in %.1f s", delay)
        if self._stop.wait(delay):
            return
        self.watcher = self._start_watcher()
        self._watcher_backoff.restarted()
        log.warning("the inbox watcher was restarted")
