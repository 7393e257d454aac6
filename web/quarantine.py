"""The files refused at intake, as the quarantine folder keeps them, for the clerks' page.

Intake moves a refused original to ``quarantine/`` and writes ``<file>.reason.txt``
beside it (ingest/filing.py: reason, code, sha256, time, file). This module reads that
folder (no database: the folder is the record of what is kept) and does the clerk's
two actions: *retry* moves the file back into the inbox, where the watcher takes it
again (after a limit was raised, say), and *discard* deletes it and its reason. Names
come from the folder's own listing, never from the request path. Runs in the web
process, which shares the data folder in the embedded deployment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rogatory.errors import InputError, NotFoundError

REASON_SUFFIX = ".reason.txt"


@dataclass(frozen=True, slots=True)
class RefusedFile:
    """One refused original kept in quarantine."""

    name: str
    size: int
    refused_at: datetime | None
    code: str
    reason: str


def list_refused(folder: Path, *, limit: int = 500) -> list[RefusedFile]:
    """The refused files with their reasons, newest first (at most ``limit``)."""
    if not folder.is_dir():
        return []
    found: list[RefusedFile] = []
    for entry in os.scandir(folder):
        if not entry.is_file(follow_symlinks=False) or entry.name.endswith(REASON_SUFFIX):
            continue
        fields = _reason_fields(folder / (entry.name + REASON_SUFFIX))
        found.append(
            RefusedFile(
                name=entry.name,
                size=entry.stat(follow_symlinks=False).st_size,
                refused_at=_time(fields.get("time", ""))
                or _mtime(entry.stat(follow_symlinks=False).st_mtime),
                code=fields.get("code", ""),
                reason=fields.get("reason", "no reason file beside it"),
            )
        )
    found.sort(key=lambda item: item.refused_at or datetime.min.replace(tzinfo=UTC), reverse=True)
    return found[:limit]


def retry_refused(folder: Path, inbox: Path, name: str) -> Path:
    """Move a refused file back into the inbox (the watcher takes it in again); its reason goes.

    Raises ``NotFoundError`` for a name not in quarantine, ``InputError`` when the inbox
    already holds a file of that name.
    """
    source = _kept(folder, name)
    inbox.mkdir(parents=True, exist_ok=True)
    target = inbox / source.name
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError as error:
        raise InputError(f"the inbox already holds a file named {name!r}", code="exists") from error
    except OSError:  # another file system: copy without replacing
        with source.open("rb") as data, target.open("xb") as copy:
            copy.write(data.read())
    source.unlink()
    (folder / (source.name + REASON_SUFFIX)).unlink(missing_ok=True)
    return target


def discard_refused(folder: Path, name: str) -> None:
    """Delete a refused file and its reason. Raises ``NotFoundError``."""
    source = _kept(folder, name)
    source.unlink()
    (folder / (source.name + REASON_SUFFIX)).unlink(missing_ok=True)


def _kept(folder: Path, name: str) -> Path:
    """The quarantined file of this exact name, found in the folder's listing."""
    if name.endswith(REASON_SUFFIX) or not folder.is_dir():
        raise NotFoundError(f"no refused file {name!r}")
    with os.scandir(folder) as entries:
        if any(entry.name == name and entry.is_file(follow_symlinks=False) for entry in entries):
            return folder / name
    raise NotFoundError(f"no refused file {name!r}")


def _reason_fields(path: Path) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, _, value = line.partition(": ")
        if key and key not in fields:
            fields[key] = value
    return fields


def _time(text: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _mtime(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)
