"""Putting originals away after intake: into the processed or the quarantine folder.

Nothing is ever overwritten: a name already taken gets ``-2``, ``-3``... before its
extension. Each placement is atomic (a hard link, which fails if the name exists,
then removing the inbox entry; a copy through a temporary file when the folders are
on different file systems). Runs in intake.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePath

from ingest.filenames import safe_filename

_MAX_ATTEMPTS = 10_000


def move_into(source: Path, folder: Path, name: str) -> Path:
    """Move ``source`` into ``folder`` under ``name`` (made safe, made unique); return the new path.

    Raises ``OSError`` (the file is then still at ``source``).
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = _claim(folder, name, lambda path: _link_or_copy(source, path))
    source.unlink()
    return target


def move_folder_into(source: Path, folder: Path, name: str) -> Path:
    """Move the folder ``source`` into ``folder`` under ``name`` (made safe, made unique).

    The name is claimed with an empty folder first, then ``source`` renamed onto it
    (atomic on one file system; across file systems copied, then removed). Raises
    ``OSError`` (the folder is then still at ``source``).
    """
    folder.mkdir(parents=True, exist_ok=True)

    def place(target: Path) -> None:
        target.mkdir()
        try:
            os.rename(source, target)
        except OSError as error:
            if error.errno != errno.EXDEV:
                target.rmdir()
                raise
            shutil.copytree(source, target, symlinks=True, dirs_exist_ok=True)
            shutil.rmtree(source)

    return _claim(folder, name, place)


def filed_under(folder: Path, number: str) -> bool:
    """Whether anything was put into ``folder`` under the registration ``number``
    (``<number>__<name>``, whatever the name and its ``-2`` suffix). Raises ``OSError``."""
    prefix = safe_filename(f"{number}__")
    try:
        with os.scandir(folder) as entries:
            return any(entry.name.startswith(prefix) for entry in entries)
    except FileNotFoundError:
        return False


def write_into(data: bytes, folder: Path, name: str) -> Path:
    """Write ``data`` as a new file in ``folder`` under ``name`` (made safe and unique).

    Raises ``OSError``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    return _claim(folder, name, lambda path: _publish(data, path))


def write_reason(beside: Path, *, reason: str, code: str, sha256: str, at: datetime) -> Path:
    """Write ``<file>.reason.txt`` next to a quarantined file; return its path. Raises ``OSError``."""
    text = f"reason: {reason}\ncode: {code}\nsha256: {sha256}\ntime: {at.isoformat()}\nfile: {beside.name}\n"
    reason_path = beside.with_name(beside.name + ".reason.txt")
    _publish(text.encode("utf-8"), reason_path)
    return reason_path


def _claim(folder: Path, name: str, place: Callable[[Path], None]) -> Path:
    """Call ``place`` with the first free name; ``place`` raises ``FileExistsError`` if taken."""
    safe = safe_filename(name)
    suffix = PurePath(safe).suffix
    stem = safe[: len(safe) - len(suffix)] if suffix else safe
    for attempt in range(1, _MAX_ATTEMPTS + 1):
        candidate = folder / (safe if attempt == 1 else f"{stem}-{attempt}{suffix}")
        try:
            place(candidate)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(errno.EEXIST, f"no free name for {safe!r} in {folder}")


def _link_or_copy(source: Path, target: Path) -> None:
    """Hard-link ``source`` as ``target``; copy when across file systems. Raises ``OSError``."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.EPERM, errno.ENOTSUP):
            raise
        _publish_copy(source, target)


def _publish(data: bytes, target: Path) -> None:
    """Create ``target`` with ``data`` atomically; ``FileExistsError`` if it exists."""
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(temporary, target)
    finally:
        os.unlink(temporary)


def _publish_copy(source: Path, target: Path) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
    os.close(descriptor)
    try:
        shutil.copy2(source, temporary)
        os.link(temporary, target)
    finally:
        os.unlink(temporary)
