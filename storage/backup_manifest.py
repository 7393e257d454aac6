"""The manifest of a backup folder: what it holds, each file with its SHA-256 and size.

A backup folder (written by :mod:`storage.backup`) is laid out as::

    manifest.json          this record, written last: a folder without it is incomplete
    manifest.sha256        the SHA-256 of manifest.json, so a damaged manifest is noticed
    database.sqlite3       the SQLite snapshot, or database.pgdump (pg_dump's custom format)
    objects/ab/cd/abcd...  every original, under its digest

:func:`verify_backup` reads every file back and compares it with the manifest
before anything is restored. Used by the ``rogatory backup`` and ``restore`` commands.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from rogatory.errors import RogatoryError

FORMAT = "rogatory-backup/1"
MANIFEST = "manifest.json"
MANIFEST_DIGEST = "manifest.sha256"
_CHUNK = 1 << 20
_SHOWN_PROBLEMS = 5


class BackupError(RogatoryError):
    """A backup that cannot be taken or restored: damaged, incomplete, or a target not empty."""

    code = "backup"


class DatabaseFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["sqlite", "postgresql"]
    file: str
    sha256: str
    size: int
    schema_revision: str | None


class BackedUpObject(BaseModel):
    """One object of the store: an original registered, or a refused file kept (``refused``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sha256: str
    size: int
    role: Literal["original", "refused"]


class Manifest(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["rogatory-backup/1"] = "rogatory-backup/1"
    created_at: datetime
    database: DatabaseFile
    #: Rows of each table in the snapshot, checked again after a restore.
    counts: dict[str, int]
    objects: tuple[BackedUpObject, ...]


def object_path(folder: Path, sha256: str) -> Path:
    """Where the object ``sha256`` is kept in the backup ``folder``."""
    return folder / "objects" / sha256[:2] / sha256[2:4] / sha256


def file_digest(path: Path) -> tuple[str, int]:
    """The SHA-256 (hex) and size of the file at ``path``, read in chunks. Raises ``OSError``."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Write the manifest and its digest (last, so a folder with a manifest is complete)."""
    data = manifest.model_dump_json(indent=1).encode()
    _write_synced(folder / MANIFEST_DIGEST, (hashlib.sha256(data).hexdigest() + "\n").encode())
    _write_synced(folder / MANIFEST, data)


def read_manifest(folder: Path) -> Manifest:
    """The manifest of the backup in ``folder``, its digest checked. Raises ``BackupError``."""
    try:
        data = (folder / MANIFEST).read_bytes()
        expected = (folder / MANIFEST_DIGEST).read_text().strip()
    except FileNotFoundError as error:
        raise BackupError(
            f"{folder} is not a complete backup: {Path(error.filename or '').name} is missing"
        ) from error
    except OSError as error:
        raise BackupError(f"cannot read the backup in {folder}: {error}") from error
    if hashlib.sha256(data).hexdigest() != expected:
        raise BackupError(f"the backup in {folder} is damaged: {MANIFEST} does not match {MANIFEST_DIGEST}")
    try:
        return Manifest.model_validate_json(data)
    except ValidationError as error:
        raise BackupError(f"the backup in {folder} has an unreadable {MANIFEST}: {error}") from error


def verify_backup(folder: Path, *, progress: Callable[[str], None] | None = None) -> Manifest:
    """Read every file of the backup and compare it with the manifest.

    Returns the manifest; raises ``BackupError`` naming the damaged or missing files.
    """
    manifest = read_manifest(folder)
    expected = [(folder / manifest.database.file, manifest.database.sha256, manifest.database.size)]
    expected += [(object_path(folder, item.sha256), item.sha256, item.size) for item in manifest.objects]
    problems: list[str] = []
    for index, (path, sha256, size) in enumerate(expected, start=1):
        problem = _check_file(path, sha256, size)
        if problem:
            problems.append(f"{path.relative_to(folder)} {problem}")
        if progress and index % 500 == 0:
            progress(f"verified {index}/{len(expected)} files")
    if problems:
        shown = "; ".join(problems[:_SHOWN_PROBLEMS])
        more = f" (and {len(problems) - _SHOWN_PROBLEMS} more)" if len(problems) > _SHOWN_PROBLEMS else ""
        raise BackupError(
            f"the backup in {folder} is damaged, nothing was restored: "
            f"{len(problems)} of {len(expected)} files fail their check: {shown}{more}"
        )
    return manifest


def _check_file(path: Path, sha256: str, size: int) -> str | None:
    """Why the file does not match (``None`` when it does)."""
    try:
        actual, actual_size = file_digest(path)
    except FileNotFoundError:
        return "is missing"
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if actual != sha256:
        return f"hashes to {actual[:12]}..., the manifest says {sha256[:12]}..."
    if actual_size != size:
        return f"has {actual_size} bytes, the manifest says {size}"
    return None


def _write_synced(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".part")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
