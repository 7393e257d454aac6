"""The S3 object store through the minio client, against an S3 server on loopback (moto)."""

from __future__ import annotations

import hashlib
import io
import socket
from collections.abc import Iterator

import pytest

from rogatory.errors import NotFoundError, TransientError
from storage.objects import CorruptObjectError
from storage.s3_objects import S3ObjectStore, s3_client
from tests.s3_server import ACCESS_KEY, SECRET_KEY, open_s3_store, s3_server

pytestmark = pytest.mark.s3

DATA = b"%PDF-1.7 request for mutual legal assistance"
DIGEST = hashlib.sha256(DATA).hexdigest()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with s3_server() as address:
        yield address


@pytest.fixture
def store(endpoint: str, request: pytest.FixtureRequest) -> S3ObjectStore:
    bucket = f"bucket-{request.node.name.lower().replace('_', '-')[:40]}"
    return open_s3_store(endpoint, f"s3://{bucket}/originals")


def test_put_get_exists_and_key_layout(store: S3ObjectStore) -> None:
    assert not store.exists(DIGEST)
    assert store.put(DATA) == DIGEST
    assert store.exists(DIGEST)
    assert store.get(DIGEST) == DATA
    keys = [item.object_name for item in store.client.list_objects(store.bucket, recursive=True)]
    assert keys == [f"originals/{DIGEST[:2]}/{DIGEST[2:4]}/{DIGEST}"]


def test_put_twice_writes_once(store: S3ObjectStore) -> None:
    store.put(DATA)
    first = store.client.stat_object(store.bucket, store.key_of(DIGEST))
    store.put(DATA)
    second = store.client.stat_object(store.bucket, store.key_of(DIGEST))
    assert (first.etag, first.last_modified) == (second.etag, second.last_modified)


def test_empty_and_large_objects(store: S3ObjectStore) -> None:
    large = bytes(range(256)) * 40_000  # 10 MB: more than one multipart chunk is not needed, one PUT
    for data in (b"", large):
        assert store.get(store.put(data)) == data


def test_missing_and_malformed(store: S3ObjectStore) -> None:
    with pytest.raises(NotFoundError, match="no object"):
        store.get("0" * 64)
    with pytest.raises(NotFoundError, match="not a SHA-256"):
        store.get("../etc/passwd")
    assert not store.exists("not-a-digest")


def test_damaged_object_is_reported_and_a_new_put_repairs_it(store: S3ObjectStore) -> None:
    store.put(DATA)
    damaged = b"%PDF-1.7 something else"
    key = store.key_of(DIGEST)
    store.client.put_object(store.bucket, key, io.BytesIO(damaged), len(damaged))  # no digest recorded
    with pytest.raises(CorruptObjectError, match="damaged"):
        store.get(DIGEST)
    assert store.put(DATA) == DIGEST
    assert store.get(DIGEST) == DATA


def test_missing_bucket_is_transient(endpoint: str) -> None:
    client = s3_client(
        endpoint=endpoint, access_key=ACCESS_KEY, secret_key=SECRET_KEY, region="us-east-1", secure=False
    )
    with pytest.raises(TransientError, match="cannot store object"):
        S3ObjectStore(client, "no-such-bucket").put(DATA)


def test_unreachable_server_is_transient() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = s3_client(
        endpoint=f"127.0.0.1:{port}",
        access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
        region="us-east-1",
        secure=False,
    )
    store = S3ObjectStore(client, "bucket")
    with pytest.raises(TransientError):
        store.put(DATA)
    with pytest.raises(TransientError):
        store.get(DIGEST)
