"""Which entries of the watched folder are candidate originals, and their current state.

Only regular files directly inside the inbox count: not symlinks (which could point
anywhere on the machine), not hard links (a second name of a file kept elsewhere),
not folders (even one named ``scan.pdf``), not hidden or temporary names that
scanners, browsers and office programs write while a file is still being produced.
Runs in the watcher.
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
    if not_taken_because(info) is not None:
        return None
    return FileState(size=info.st_size, mtime_ns=info.st_mtime_ns)


def not_taken_because(info: os.stat_result) -> str | None:
    """Why an inbox entry with this ``lstat`` is not an original ("a symbolic link"), or None."""
    if stat.S_ISLNK(info.st_mode):
        return "a symbolic link"
    if stat.S_ISDIR(info.st_mode):
        return "a folder"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_nlink > 1:
        return f"a hard link (one of {info.st_nlink} names of a file kept elsewhere)"
    return None


def left_alone(inbox: Path) -> dict[Path, str]:
    """Entries of ``inbox`` with a name that is not ignored but that are never taken, and why.

    Raises ``OSError`` when the inbox itself cannot be listed.
    """
    found: dict[Path, str] = {}
    for path in _entries(inbox):
        if is_ignored_name(path.name):
            continue
        try:
            reason = not_taken_because(os.lstat(path))
        except OSError:
            continue
        if reason is not None:
            found[path] = reason
    return found


def _entries(inbox: Path) -> list[Path]:
    """The entries directly inside ``inbox``. Raises ``OSError`` when it cannot be listed."""
    with os.scandir(inbox) as entries:
        return [inbox / entry.name for entry in entries]


def scan_inbox(inbox: Path) -> dict[Path, FileState]:
    """Every candidate original directly inside ``inbox`` with its state.

    Raises ``OSError`` when the inbox itself cannot be listed.
    """
    found: dict[Path, FileState] = {}
    for path in _entries(inbox):
        state = candidate_state(inbox, path)
        if state is not None:
            found[path] = state
    return found


def scan_folders(inbox: Path) -> dict[Path, FileState]:
    """Every folder directly inside ``inbox`` that holds a file, with the state of its content.

    A folder dropped into the inbox is one request (issue 19): its state sums the sizes
    of the files in it and takes the newest modification time of them and of its
    folders, so it changes while anything is still being copied in. Hidden and
    temporary names, and symlinks, are not folders to take. Raises ``OSError`` when
    the inbox itself cannot be listed.
    """
    found: dict[Path, FileState] = {}
    for path in _entries(inbox):
        if is_ignored_name(path.name):
            continue
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode) and (state := folder_state(path)) is not None:
            found[path] = state
    return found


def folder_state(folder: Path) -> FileState | None:
    """The summed size and newest modification time of what ``folder`` holds; None if no file."""
    size, newest, files = 0, 0, 0
    for root, folders, names in os.walk(folder, followlinks=False):
        try:
            newest = max(newest, os.lstat(root).st_mtime_ns)
        except OSError:
            continue
        folders[:] = [name for name in folders if not is_ignored_name(name)]
        for name in names:
            try:
                info = os.lstat(Path(root) / name)
            except OSError:
                continue
            size += info.st_size
            newest = max(newest, info.st_mtime_ns)
            files += 0 if is_ignored_name(name) else 1
    return FileState(size=size, mtime_ns=newest) if files else None
