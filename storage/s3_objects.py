"""The S3 object store: originals and derived files in a bucket (MinIO in production), via minio.

Same contract as :class:`storage.objects.FilesystemObjectStore`: objects are keyed
by their SHA-256 (``prefix/ab/cd/abcd...``), written once (a put of bytes already
stored is a no-op), and verified against their digest on every read. Runs in
intake, the workers and the web app; one client per process.
"""

from __future__ import annotations

import io
import re

import urllib3
from minio import Minio
from minio.error import MinioException, S3Error

from rogatory.errors import NotFoundError, TransientError
from storage.objects import CorruptObjectError, sha256_hex

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_MISSING = {"NoSuchKey", "NoSuchObject", "NotFound", "ResourceNotFound"}
_CONNECT_TIMEOUT = 5.0
_READ_TIMEOUT = 60.0
_RETRIES = 2


def s3_client(*, endpoint: str, access_key: str, secret_key: str, region: str, secure: bool) -> Minio:
    """A minio client with short timeouts and few retries, so an outage surfaces quickly."""
    http = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=_CONNECT_TIMEOUT, read=_READ_TIMEOUT),
        retries=urllib3.Retry(total=_RETRIES, backoff_factor=0.2, status_forcelist=(500, 502, 503, 504)),
    )
    return Minio(
        endpoint,
        access_key=access_key or None,
        secret_key=secret_key or None,
        region=region or None,
        secure=secure,
        http_client=http,
    )


class S3ObjectStore:
    """Objects in ``bucket`` under ``prefix``. Create the bucket beforehand (or :meth:`ensure_bucket`)."""

    def __init__(self, client: Minio, bucket: str, prefix: str = "") -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""

    def key_of(self, sha256: str) -> str:
        """The object key of ``sha256``. Raises ``NotFoundError`` for a malformed digest."""
        if not _SHA256.fullmatch(sha256):
            raise NotFoundError(f"not a SHA-256 digest: {sha256[:80]!r}")
        return f"{self.prefix}{sha256[:2]}/{sha256[2:4]}/{sha256}"

    def ensure_bucket(self) -> None:
        """Create the bucket if it is missing. Raises ``TransientError``."""
        try:
            if not self.client.bucket_exists(self.bucket):
                self.client.make_bucket(self.bucket)
        except S3Error as error:
            if error.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                raise TransientError(f"cannot create bucket {self.bucket}: {error}") from error
        except (MinioException, urllib3.exceptions.HTTPError, OSError) as error:
            raise TransientError(f"cannot reach the S3 store for bucket {self.bucket}: {error}") from error

    def put(self, data: bytes) -> str:
        """Store ``data`` once and return its SHA-256. Raises ``TransientError``."""
        digest = sha256_hex(data)
        key = self.key_of(digest)
        try:
            if self._stored_digest(key) == digest:
                return digest
            self.client.put_object(
                self.bucket,
                key,
                io.BytesIO(data),
                len(data),
                content_type="application/octet-stream",
                metadata={"sha256": digest},
            )
        except (S3Error, MinioException, urllib3.exceptions.HTTPError, OSError) as error:
            raise TransientError(f"cannot store object {digest} in bucket {self.bucket}: {error}") from error
        return digest

    def get(self, sha256: str) -> bytes:
        """The verified bytes of ``sha256``.

        Raises ``NotFoundError`` (absent or malformed digest), ``CorruptObjectError``
        (content does not match) or ``TransientError`` (the store cannot be read).
        """
        key = self.key_of(sha256)
        try:
            response = self.client.get_object(self.bucket, key)
            try:
                data = response.read()
            finally:
                response.close()
                response.release_conn()
        except S3Error as error:
            if error.code in _MISSING:
                raise NotFoundError(
                    f"no object {sha256} in bucket {self.bucket}", code="missing_object"
                ) from error
            raise TransientError(f"cannot read object {sha256}: {error}") from error
        except (MinioException, urllib3.exceptions.HTTPError, OSError) as error:
            raise TransientError(f"cannot read object {sha256}: {error}") from error
        actual = sha256_hex(data)
        if actual != sha256:
            raise CorruptObjectError(
                f"object {sha256} is damaged: its content hashes to {actual} ({self.bucket}/{key})"
            )
        return data

    def exists(self, sha256: str) -> bool:
        """Whether an object is stored under ``sha256`` (not verified). Raises ``TransientError``."""
        if not _SHA256.fullmatch(sha256):
            return False
        try:
            return self._stored_digest(self.key_of(sha256)) is not None
        except (S3Error, MinioException, urllib3.exceptions.HTTPError, OSError) as error:
            raise TransientError(f"cannot check object {sha256}: {error}") from error

    def _stored_digest(self, key: str) -> str | None:
        """The digest recorded with the object at ``key`` ("" if none), ``None`` if absent."""
        try:
            stat = self.client.stat_object(self.bucket, key)
        except S3Error as error:
            if error.code in _MISSING:
                return None
            raise
        metadata = stat.metadata or {}
        return str(metadata.get("x-amz-meta-sha256") or metadata.get("X-Amz-Meta-Sha256") or "")
