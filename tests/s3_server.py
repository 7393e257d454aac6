"""An S3-protocol server on loopback for the tests: moto's server mode, in a thread.

MinIO is not installable on this machine; moto speaks the same S3 protocol over a
real HTTP socket, so the minio client in :mod:`storage.s3_objects` is exercised
end to end (signing, streaming, errors), not mocked.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from moto.server import ThreadedMotoServer

from rogatory.settings import Settings
from storage.object_stores import open_object_store
from storage.s3_objects import S3ObjectStore

ACCESS_KEY = "rogatory-test"
SECRET_KEY = "rogatory-test-secret"


def open_s3_store(endpoint: str, url: str) -> S3ObjectStore:
    """The service's S3 store at ``url`` (``s3://bucket/prefix``) on the server at
    ``endpoint``, its bucket made."""
    settings = Settings(
        object_store_url=url,
        s3_endpoint=endpoint,
        s3_access_key=ACCESS_KEY,
        s3_secret_key=SECRET_KEY,
        s3_region="us-east-1",
    )
    store = open_object_store(settings)
    assert isinstance(store, S3ObjectStore)
    store.ensure_bucket()
    return store


class S3Server:
    """A moto server on loopback that a test can stop (an outage) and start again.

    moto keeps its buckets in the test process, not in the server: a server started
    again on the same port finds the buckets and objects the stopped one had.
    """

    def __init__(self) -> None:
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint = f"{host}:{port}"
        self._port = port
        self._running = True

    def stop(self) -> None:
        """Stop answering: connections to the endpoint are refused."""
        if self._running:
            self._server.stop()
            self._running = False

    def start(self) -> None:
        """Answer again on the same port, with the same buckets and objects."""
        if not self._running:
            self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self._port, verbose=False)
            self._server.start()
            self._running = True


@contextmanager
def controlled_s3_server() -> Iterator[S3Server]:
    """Start moto on 127.0.0.1 on a free port with no buckets; stop it afterwards.

    moto's buckets are reset at each start, so a bucket another test made
    (``originals``) is not there for the next one.
    """
    server = S3Server()
    try:
        reset = urllib.request.Request(f"http://{server.endpoint}/moto-api/reset", method="POST")
        with urllib.request.urlopen(reset, timeout=10):  # noqa: S310 - the loopback server just started
            pass
        yield server
    finally:
        server.stop()


@contextmanager
def s3_server() -> Iterator[str]:
    """Start moto on 127.0.0.1 on a free port; yield ``host:port``; stop it afterwards."""
    with controlled_s3_server() as server:
        yield server.endpoint
