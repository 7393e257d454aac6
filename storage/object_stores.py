"""The object store a deployment's settings name: the filesystem store or the S3 one.

Runs at the start of each process (intake, the workers, the web app), where the
settings are built; no connection is made here.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from rogatory.errors import ConfigurationError
from rogatory.settings import Settings
from storage.objects import FilesystemObjectStore, ObjectStore
from storage.s3_objects import S3ObjectStore, s3_client


def open_object_store(settings: Settings) -> ObjectStore:
    """The object store the settings name (no connection is made here).

    An empty ``object_store_url`` means the filesystem store under
    ``settings.objects_dir``; ``file:///path`` a filesystem store elsewhere;
    ``s3://bucket/optional/prefix`` the S3 store at ``settings.s3_endpoint``.
    Raises ``ConfigurationError`` for any other URL or an invalid ``s3_endpoint``.
    """
    url = settings.object_store_url
    if not url:
        return FilesystemObjectStore(settings.objects_dir)
    parts = urlsplit(url)
    if parts.scheme == "file" and parts.netloc in ("", "localhost") and parts.path:
        return FilesystemObjectStore(Path(unquote(parts.path)))
    if parts.scheme == "s3" and parts.netloc:
        return _s3_store(settings, bucket=parts.netloc, prefix=unquote(parts.path))
    raise ConfigurationError(
        f"unsupported object_store_url {url!r}: "
        "use file:///absolute/path, s3://bucket[/prefix] or leave it empty"
    )


def _s3_store(settings: Settings, *, bucket: str, prefix: str) -> S3ObjectStore:
    """The S3 store of ``bucket``/``prefix`` at the settings' endpoint. Raises ``ConfigurationError``."""
    try:
        client = s3_client(
            endpoint=settings.s3_endpoint,
            access_key=settings.s3_access_key,
            secret_key=settings.s3_secret_key,
            region=settings.s3_region,
            secure=settings.s3_secure,
        )
    except ValueError as error:
        raise ConfigurationError(f"invalid s3_endpoint {settings.s3_endpoint!r}: {error}") from error
    return S3ObjectStore(client, bucket, prefix)
