"""``rogatory backup`` and ``restore``: the archive (database and originals) copied and brought back.

:func:`take_backup` runs beside the live service. The database snapshot comes first
(:mod:`storage.database_snapshot`); the originals it references are then read from
the object store (each verified against its digest on the way) into the backup
folder: objects are written once and never removed, so every one the snapshot names
is there, and files registered later are simply not part of this backup. The
manifest is written last.

:func:`restore_backup` checks every file of the backup before touching the target,
refuses a target database or object store that is not empty, loads the database,
puts every object, migrates the schema to this version's head and checks that the
restored database has the rows the manifest counts and that every original it
references is in the store. Both raise ``BackupError`` (a clear message, no partial
restore of a damaged backup).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from rogatory.errors import NotFoundError, RogatoryError
from storage.audit import audit
from storage.backup_manifest import (
    BackedUpObject,
    BackupError,
    DatabaseFile,
    Manifest,
    file_digest,
    object_path,
    verify_backup,
    write_manifest,
)
from storage.database import open_database
from storage.database_snapshot import (
    database_contents,
    ensure_empty_database,
    kind_of,
    restore_database,
    snapshot_database,
)
from storage.object_listing import ensure_empty_store
from storage.objects import FilesystemObjectStore, ObjectStore

Progress = Callable[[str], None]
_DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
_EVERY = 200


def take_backup(
    database_url: str, store: ObjectStore, folder: Path, *, progress: Progress | None = None
) -> Manifest:
    """Write a backup of the database and the originals it references into ``folder``.

    ``folder`` must be absent or empty. Raises ``BackupError`` (a missing or damaged
    original in the store is one: the backup is not complete without it).
    """
    say = progress or (lambda _line: None)
    _prepare_folder(folder)
    kind = kind_of(database_url)
    database_file = folder / _DATABASE_FILES[kind]
    contents = snapshot_database(database_url, database_file)
    digest, size = file_digest(database_file)
    say(f"database snapshot: {size} bytes, {contents.counts.get('registrations', 0)} registrations")
    copies = FilesystemObjectStore(folder / "objects")
    wanted = [(sha, "original") for sha in sorted(contents.originals)]
    wanted += [(sha, "refused") for sha in sorted(contents.refused) if store.exists(sha)]
    objects: list[BackedUpObject] = []
    for index, (sha256, role) in enumerate(wanted, start=1):
        data = _read_original(store, sha256)
        copies.put(data)
        objects.append(BackedUpObject(sha256=sha256, size=len(data), role=role))
        if index % _EVERY == 0 or index == len(wanted):
            say(f"objects: {index}/{len(wanted)}")
    manifest = Manifest(
        created_at=datetime.now(UTC),
        database=DatabaseFile(
            kind=kind,
            file=database_file.name,
            sha256=digest,
            size=size,
            schema_revision=contents.schema_revision,
        ),
        counts=contents.counts,
        objects=tuple(objects),
    )
    write_manifest(folder, manifest)
    return manifest


def restore_backup(
    folder: Path, database_url: str, store: ObjectStore, *, progress: Progress | None = None
) -> Manifest:
    """Restore the backup in ``folder`` into an empty database and an empty object store.

    Raises ``BackupError`` for a damaged or incomplete backup, a target that is not
    empty, a backup of the other database kind, or a restored archive that does not
    check out.
    """
    say = progress or (lambda _line: None)
    manifest = verify_backup(folder, progress=say)
    say(f"backup verified: database and {len(manifest.objects)} objects match the manifest")
    kind = kind_of(database_url)
    if manifest.database.kind != kind:
        raise BackupError(f"this is a backup of a {manifest.database.kind} database; the target is {kind}")
    ensure_empty_database(database_url)
    ensure_empty_store(store)
    restore_database(database_url, folder / manifest.database.file)
    say("database restored")
    for index, item in enumerate(manifest.objects, start=1):
        _put_object(store, object_path(folder, item.sha256).read_bytes(), item.sha256)
        if index % _EVERY == 0 or index == len(manifest.objects):
            say(f"objects: {index}/{len(manifest.objects)}")
    _check_restored(database_url, store, manifest)
    db = open_database(database_url)  # migrated to this version's schema
    try:
        audit(db, action="restore", actor="cli", detail=f"backup of {manifest.created_at.isoformat()}")
    finally:
        db.dispose()
    return manifest


def _check_restored(database_url: str, store: ObjectStore, manifest: Manifest) -> None:
    contents = database_contents(database_url)
    differing = [
        f"{table} {contents.counts.get(table)} rows, the manifest says {count}"
        for table, count in manifest.counts.items()
        if contents.counts.get(table) != count
    ]
    if differing:
        raise BackupError(f"the restored database does not match the backup: {'; '.join(differing[:5])}")
    kept = {item.sha256 for item in manifest.objects}
    absent = sorted(sha for sha in contents.originals if sha not in kept or not store.exists(sha))
    if absent:
        raise BackupError(
            f"{len(absent)} originals of the restored database are not in the store, e.g. {absent[0]}"
        )


def _prepare_folder(folder: Path) -> None:
    try:
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise BackupError(f"{folder} is not an empty folder: back up into a new one")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"cannot create the backup folder {folder}: {error}") from error


def _read_original(store: ObjectStore, sha256: str) -> bytes:
    try:
        return store.get(sha256)
    except NotFoundError as error:
        raise BackupError(
            f"the original {sha256} the database references is not in the object store"
        ) from error
    except RogatoryError as error:
        raise BackupError(f"cannot back up the original {sha256}: {error}") from error


def _put_object(store: ObjectStore, data: bytes, sha256: str) -> None:
    try:
        stored = store.put(data)
    except RogatoryError as error:
        raise BackupError(f"cannot restore the object {sha256}: {error}") from error
    if stored != sha256:  # verified before, so only a disk changing under us gets here
        raise BackupError(f"the object {sha256} changed while it was restored (now {stored})")
