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

ACCESS_KEY = "rogatory-test"
SECRET_KEY = "rogatory-test-secret"


@contextmanager
def s3_server() -> Iterator[str]:
    """Start moto on 127.0.0.1 on a free port; yield ``host:port``; stop it afterwards.

    moto keeps its buckets in the test process, not in the server: they are reset at each
    start, so a bucket another test made (``originals``) is not there for the next one.
    """
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        reset = urllib.request.Request(f"http://{host}:{port}/moto-api/reset", method="POST")
        with urllib.request.urlopen(reset, timeout=10):  # noqa: S310 - the loopback server just started
            pass
        yield f"{host}:{port}"
    finally:
        server.stop()
