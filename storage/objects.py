"""The object store: originals and derived files, addressed by their SHA-256.

Objects are write-once: :meth:`ObjectStore.put` of the same bytes twice stores them
once and returns the same digest, so intake and every retried stage can call it
freely. :meth:`ObjectStore.get` verifies the digest on every read, so a file damaged
on disk is reported, never handed on. Runs in intake, the workers and the web app;
:func:`storage.object_stores.open_object_store` chooses this store or the S3 one.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

from rogatory.errors import NotFoundError, RogatoryError, TransientError

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_OBJECT_MODE = 0o440


class CorruptObjectError(RogatoryError):
    """A stored object no longer has the digest it is stored under (damaged storage)."""

    code = "corrupt_object"


class ObjectStore(Protocol):
    """Content-addressed, write-once storage of bytes."""

    def put(self, data: bytes) -> str:
        """Store ``data`` and return its SHA-256 (hex). Raises ``TransientError``."""
        ...

    def get(self, sha256: str) -> bytes:
        """The bytes stored under ``sha256``.

        Raises ``NotFoundError``, ``CorruptObjectError`` or ``TransientError``.
        """
        ...

    def exists(self, sha256: str) -> bool:
        """Whether an object is stored under ``sha256``. Raises ``TransientError``."""
        ...


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of ``data`` as 64 lower-case hex digits."""
    return hashlib.sha256(data).hexdigest()


class FilesystemObjectStore:
    """Objects as files under ``root``, laid out as ``root/ab/cd/abcd...``.

    A put writes a temporary file in the target folder, fsyncs it, renames it into
    place with ``os.replace`` (atomic on POSIX) and fsyncs the folder, so a crash
    leaves either no object or a whole one. Files are made read-only.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        """Where the object ``sha256`` lives. Raises ``NotFoundError`` for a malformed digest."""
        if not _SHA256.fullmatch(sha256):
            raise NotFoundError(f"not a SHA-256 digest: {sha256[:80]!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        """Store ``data`` once; repair an existing damaged copy. Raises ``TransientError``."""
        digest = sha256_hex(data)
        path = self.path_of(digest)
        try:
            if path.is_file() and sha256_hex(path.read_bytes()) == digest:
                return digest
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(path, data)
        except OSError as error:
            raise TransientError(f"cannot store object {digest} under {self.root}: {error}") from error
        return digest

    def get(self, sha256: str) -> bytes:
        """The verified bytes of ``sha256``.

        Raises ``NotFoundError`` (absent or malformed digest), ``CorruptObjectError``
        (content does not match the digest) or ``TransientError`` (cannot read).
        """
        path = self.path_of(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError as error:
            raise NotFoundError(f"no object {sha256} in the store", code="missing_object") from error
        except OSError as error:
            raise TransientError(f"cannot read object {sha256}: {error}") from error
        actual = sha256_hex(data)
        if actual != sha256:
            raise CorruptObjectError(f"object {sha256} is damaged: its content hashes to {actual} ({path})")
        return data

    def exists(self, sha256: str) -> bool:
        """Whether a file is stored under ``sha256`` (not verified). Raises ``TransientError``."""
        if not _SHA256.fullmatch(sha256):
            return False
        try:
            return self.path_of(sha256).is_file()
        except OSError as error:
            raise TransientError(f"cannot check object {sha256}: {error}") from error


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a fsynced temporary file. Raises ``OSError``."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _OBJECT_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
