"""The filesystem object store: content addressing, idempotence, corruption detection."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rogatory.errors import ConfigurationError, NotFoundError, TransientError
from rogatory.settings import Settings
from storage.object_stores import open_object_store
from storage.objects import CorruptObjectError, FilesystemObjectStore

DATA = b"%PDF-1.7 request for mutual legal assistance"
DIGEST = hashlib.sha256(DATA).hexdigest()


def test_put_returns_the_sha256_and_lays_out_by_prefix(tmp_path: Path) -> None:
    store = FilesystemObjectStore(tmp_path)
    assert store.put(DATA) == DIGEST
    path = tmp_path / DIGEST[:2] / DIGEST[2:4] / DIGEST
    assert path.read_bytes() == DATA
    assert store.get(DIGEST) == DATA
    assert store.exists(DIGEST)


def test_put_is_idempotent_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = FilesystemObjectStore(tmp_path)
    store.put(DATA)
    path = store.path_of(DIGEST)
    before = path.stat()
    assert store.put(DATA) == DIGEST
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [DIGEST]


def test_stored_objects_are_read_only(tmp_path: Path) -> None:
    store = FilesystemObjectStore(tmp_path)
    store.put(DATA)
    assert store.path_of(DIGEST).stat().st_mode & 0o222 == 0


def test_empty_content_is_an_object_too(tmp_path: Path) -> None:
    store = FilesystemObjectStore(tmp_path)
    empty = store.put(b"")
    assert empty == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert store.get(empty) == b""


def test_missing_object(tmp_path: Path) -> None:
    store = FilesystemObjectStore(tmp_path)
    assert not store.exists(DIGEST)
    with pytest.raises(NotFoundError):
        store.get(DIGEST)


@pytest.mark.parametrize("name", ["../../etc/passwd", "", "ab", DIGEST.upper(), DIGEST + "0", "z" * 64])
def test_malformed_digest_is_not_found_and_never_a_path(tmp_path: Path, name: str) -> None:
    store = FilesystemObjectStore(tmp_path)
    assert not store.exists(name)
    with pytest.raises(NotFoundError, match="not a SHA-256"):
        store.get(name)


def test_corruption_is_detected_and_a_new_put_repairs_it(tmp_path: Path) -> None:
    store = FilesystemObjectStore(tmp_path)
    store.put(DATA)
    path = store.path_of(DIGEST)
    path.chmod(0o600)
    path.write_bytes(DATA[:-1] + b"!")
    with pytest.raises(CorruptObjectError, match=DIGEST):
        store.get(DIGEST)
    assert store.put(DATA) == DIGEST
    assert store.get(DIGEST) == DATA


@settings(max_examples=40, deadline=None)
@given(st.lists(st.binary(max_size=2048), max_size=5))
def test_every_put_reads_back(contents: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as root:
        store = FilesystemObjectStore(Path(root))
        digests = [store.put(data) for data in contents]
        assert [store.get(digest) for digest in digests] == contents
        assert digests == [hashlib.sha256(data).hexdigest() for data in contents]


def test_open_object_store_defaults_to_the_data_folder(tmp_path: Path) -> None:
    store = open_object_store(Settings(data_dir=tmp_path))
    assert isinstance(store, FilesystemObjectStore)
    assert store.root == tmp_path / "objects"


def test_open_object_store_file_url(tmp_path: Path) -> None:
    store = open_object_store(Settings(object_store_url=f"file://{tmp_path}/elsewhere"))
    assert isinstance(store, FilesystemObjectStore)
    assert store.root == tmp_path / "elsewhere"


@pytest.mark.parametrize("url", ["s3://", "http://minio:9000/x", "file://host/x", "objects"])
def test_open_object_store_refuses_unknown_urls(url: str) -> None:
    with pytest.raises(ConfigurationError, match="object_store_url"):
        open_object_store(Settings(object_store_url=url))


def test_unusable_root_is_transient(tmp_path: Path) -> None:
    root = tmp_path / "objects"
    root.write_bytes(b"a file where the store's folder should be")
    with pytest.raises(TransientError, match="cannot store object"):
        FilesystemObjectStore(root).put(DATA)
