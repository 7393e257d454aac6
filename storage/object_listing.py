"""Whether an object store holds anything: a restore goes only into an empty one."""

from __future__ import annotations

import urllib3
from minio.error import MinioException

from storage.backup_manifest import BackupError
from storage.objects import FilesystemObjectStore, ObjectStore
from storage.s3_objects import S3ObjectStore


def ensure_empty_store(store: ObjectStore) -> None:
    """Refuse (``BackupError``) a store that already holds an object; create an S3 bucket if missing."""
    if isinstance(store, FilesystemObjectStore):
        if store.root.is_dir() and any(path.is_file() for path in store.root.rglob("*")):
            raise BackupError(f"the object store {store.root} is not empty: restore only into an empty one")
        return
    if isinstance(store, S3ObjectStore):
        store.ensure_bucket()
        try:
            first = next(
                iter(store.client.list_objects(store.bucket, prefix=store.prefix, recursive=True)), None
            )
        except (MinioException, urllib3.exceptions.HTTPError, OSError) as error:
            raise BackupError(f"cannot list the bucket {store.bucket}: {error}") from error
        if first is not None:
            raise BackupError(
                f"the object store {store.bucket}/{store.prefix} is not empty: restore only into an empty one"
            )
        return
    raise BackupError(f"cannot tell whether the object store {store!r} is empty")
