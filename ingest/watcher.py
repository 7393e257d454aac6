"""The watched folder: hand every original that finishes arriving in the inbox to intake.

Runs in its own thread of the service (``rogatory run``) until its ``stop`` event is
set. The inbox is scanned at start (files dropped while the service was down) and
again whenever inotify reports a change (watchdog's native observer) or, with
``poll=True`` (``settings.watch_poll``, for network shares where inotify sees
nothing), every ``watch_interval_seconds``. A file is handed on once it is stable
(:mod:`ingest.stability`); errors from one file are logged and never stop the watcher.
With ``handle_folder``, a folder dropped into the inbox is handed to it once its content
has stopped changing (one request with its annexes: :mod:`ingest.folders`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from ingest.backlog import QueueBacklog
from ingest.inbox import left_alone, scan_folders, scan_inbox
from ingest.stability import StabilityTracker
from rogatory.settings import Settings

logger = logging.getLogger(__name__)

MIN_RETRY_SECONDS = 30.0
"""A file whose intake failed (store or database down) is tried again after this long, by default
(``settings.watch_retry_seconds``)."""

_MAX_WAIT_SECONDS = 0.5
"""How often the stop event is looked at while waiting."""


class _WakeOnChange(FileSystemEventHandler):
    """Sets an event on any change in the inbox; the scan decides what it means."""

    def __init__(self, wake: threading.Event) -> None:
        self._wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        self._wake.set()


class InboxWatcher:
    """Watches ``settings.inbox`` and calls ``handle(path)`` for each stable original."""

    def __init__(
        self,
        settings: Settings,
        *,
        handle: Callable[[Path], object],
        poll: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        backlog: QueueBacklog | None = None,
        handle_folder: Callable[[Path], object] | None = None,
    ) -> None:
        self.inbox = settings.inbox
        self._handle_folder = handle_folder
        self.poll = settings.watch_poll if poll is None else poll
        self.interval = settings.watch_interval_seconds
        self._handle = handle
        self._clock = clock
        self._tracker = StabilityTracker(
            stable_seconds=settings.stable_seconds,
            retry_seconds=max(settings.watch_retry_seconds, settings.stable_seconds),
        )
        self._wake = threading.Event()
        self._warned: dict[Path, str] = {}
        self._backlog = backlog

    def run(self, stop: threading.Event) -> None:
        """Watch until ``stop`` is set. Raises ``OSError`` if the inbox cannot be created."""
        self.inbox.mkdir(parents=True, exist_ok=True)
        observer = None if self.poll else self._start_observer()
        logger.info("watching %s (%s)", self.inbox, "polling" if observer is None else "inotify")
        try:
            while not stop.is_set():
                self.scan_once()
                self._wait(stop)
        finally:
            if observer is not None:
                observer.stop()
                observer.join()

    def scan_once(self) -> list[Path]:
        """Scan the inbox once and hand on the files that are ready; return them. Never raises.

        First the registrations that waited for the broker are queued (``backlog``).
        """
        if self._backlog is not None:
            self._backlog.flush()
        try:
            seen = scan_inbox(self.inbox)
            if self._handle_folder is not None:
                seen.update(scan_folders(self.inbox))
            self._warn_left_alone(left_alone(self.inbox))
        except OSError as error:
            logger.error("cannot list the inbox %s: %s", self.inbox, error)
            return []
        ready = self._tracker.update(seen, self._clock())
        for path in ready:
            self._hand_on(path)
        return ready

    def _warn_left_alone(self, entries: dict[Path, str]) -> None:
        """Say once per entry why something in the inbox is never taken (a link, a folder
        when folders are not taken)."""
        if self._handle_folder is not None:
            entries = {path: reason for path, reason in entries.items() if reason != "a folder"}
        for path, reason in entries.items():
            if self._warned.get(path) != reason:
                logger.warning("%s is %s: it is left in the inbox and not taken in", path, reason)
        self._warned = entries

    def _hand_on(self, path: Path) -> None:
        handle = self._handle_folder if self._handle_folder is not None and path.is_dir() else self._handle
        try:
            handle(path)
        except Exception:
            # The boundary of the watcher: one bad file must not stop the others.
            logger.exception("intake of %s failed; it stays in the inbox and is tried again later", path)
            self._tracker.mark_failed(path, self._clock())
        else:
            self._tracker.mark_done(path)

    def _start_observer(self) -> BaseObserver | None:
        """Start inotify watching; fall back to polling (None) when it is unavailable."""
        observer = Observer()
        observer.schedule(_WakeOnChange(self._wake), str(self.inbox), recursive=False)
        try:
            observer.start()
        except OSError as error:
            logger.warning("inotify unavailable for %s (%s); polling instead", self.inbox, error)
            return None
        return observer

    def _wait(self, stop: threading.Event) -> None:
        """Sleep until a change, the next file may be ready, the poll interval, or stop."""
        due = self._tracker.seconds_to_next(self._clock())
        timeout = self.interval if due is None else min(self.interval, max(due, 0.05))
        deadline = self._clock() + timeout
        while not stop.is_set():
            remaining = deadline - self._clock()
            if remaining <= 0 or self._wake.wait(min(remaining, _MAX_WAIT_SECONDS)):
                break
        self._wake.clear()
