"""Which entries of the watched folder are candidate originals, and their current state.

Only regular files directly inside the inbox count: not symlinks (which could point
anywhere on the machine), not folders (even one named ``scan.pdf``), not hidden or
temporary names that scanners, browsers and office programs write while a file is
still being produced. Runs in the watcher.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass
from pathlib import Path

IGNORED_PATTERNS: tuple[str, ...] = (".*", "~$*", "*.part", "*.tmp", "*.crdownload")
"""Hidden files, Office lock files and partial downloads or copies."""


@dataclass(frozen=True)
class FileState:
    """What tells that a file is still changing: its size and modification time."""

    size: int
    mtime_ns: int


def is_ignored_name(name: str) -> bool:
    """Whether ``name`` is hidden or temporary (compared case-insensitively)."""
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern) for pattern in IGNORED_PATTERNS)


def candidate_state(inbox: Path, path: Path) -> FileState | None:
    """The state of ``path`` if it is a candidate original in ``inbox``, else None.

    Checked with ``os.lstat``, so a symlink is never followed. Raises nothing: a file
    that vanished or cannot be examined is not a candidate.
    """
    if path.parent != inbox or is_ignored_name(path.name):
        return None
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return FileState(size=info.st_size, mtime_ns=info.st_mtime_ns)


def scan_inbox(inbox: Path) -> dict[Path, FileState]:
    """Every candidate original directly inside ``inbox`` with its state.

    Raises ``OSError`` when the inbox itself cannot be listed.
    """
    found: dict[Path, FileState] = {}
    with os.scandir(inbox) as entries:
        for entry in entries:
            path = inbox / entry.name
            state = candidate_state(inbox, path)
            if state is not None:
                found[path] = state
    return found
