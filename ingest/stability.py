"""Deciding when a file in the inbox has finished arriving.

A scanner or a network copy writes a file over seconds; taking it too early registers
half a document. A file is ready when its size and modification time have not changed
for ``stable_seconds`` (the approach of Paperless-ngx's consumer). After it is handed
on, the tracker remembers the state it was handed on in, so a file that is still there
(its intake failed, or it could not be moved) is not handed on again until it changes
or ``retry_seconds`` have passed. Pure bookkeeping: no file system access, no clock
of its own (the caller passes ``now``), so it is tested without sleeping.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.inbox import FileState


@dataclass
class _Pending:
    state: FileState
    since: float


@dataclass(frozen=True)
class _Handled:
    state: FileState
    retry_at: float | None


class StabilityTracker:
    """Tracks candidate files between scans and says which are ready to take."""

    def __init__(self, *, stable_seconds: float, retry_seconds: float) -> None:
        self.stable_seconds = stable_seconds
        self.retry_seconds = retry_seconds
        self._pending: dict[Path, _Pending] = {}
        self._handled: dict[Path, _Handled] = {}

    def update(self, seen: dict[Path, FileState], now: float) -> list[Path]:
        """Record the files ``seen`` at time ``now``; return those ready to hand on, oldest first."""
        for gone in set(self._pending) - set(seen):
            del self._pending[gone]
        for gone in set(self._handled) - set(seen):
            del self._handled[gone]
        ready: list[tuple[float, Path]] = []
        for path, state in seen.items():
            if self._is_settled_handled(path, state, now):
                continue
            pending = self._pending.get(path)
            if pending is None or pending.state != state:
                self._pending[path] = pending = _Pending(state=state, since=now)
            if now - pending.since >= self.stable_seconds:
                ready.append((pending.since, path))
        return [path for _since, path in sorted(ready)]

    def mark_done(self, path: Path) -> None:
        """``path`` was handed on successfully: do not hand it on again unless it changes."""
        self._settle(path, retry_at=None)

    def mark_failed(self, path: Path, now: float) -> None:
        """Handing ``path`` on failed: try again after ``retry_seconds`` (or once it changes)."""
        self._settle(path, retry_at=now + self.retry_seconds)

    def seconds_to_next(self, now: float) -> float | None:
        """How long until a pending or failed file may become ready; None if there is none."""
        due = [pending.since + self.stable_seconds for pending in self._pending.values()]
        due += [handled.retry_at for handled in self._handled.values() if handled.retry_at is not None]
        return max(0.0, min(due) - now) if due else None

    def _settle(self, path: Path, *, retry_at: float | None) -> None:
        pending = self._pending.pop(path, None)
        if pending is not None:
            self._handled[path] = _Handled(state=pending.state, retry_at=retry_at)

    def _is_settled_handled(self, path: Path, state: FileState, now: float) -> bool:
        handled = self._handled.get(path)
        if handled is None:
            return False
        if handled.state == state and (handled.retry_at is None or now < handled.retry_at):
            return True
        del self._handled[path]
        return False
