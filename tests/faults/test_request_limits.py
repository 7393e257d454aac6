"""Limits of one request on the real web process (``rogatory web``, uvicorn, h11), over a socket.

* An upload announcing more than its limit is answered 413 before any of its body is
  sent, and nothing of it is written to a temporary folder.
* A chunked upload (no announced length) is answered 413 as soon as it passes the
  limit; the client is not made to send the rest.
* A client that sends its request head too slowly, or stops in the middle of a body,
  has its connection closed.
* A refused upload is kept once: in the quarantine folder, not also in the object store.

The web process runs with a 2 MB file limit and 1-2 s client timeouts so that each
case takes seconds; ``TMPDIR`` points into the test's folder, where Starlette's form
parser spools upload bodies.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.service import add_user
from tests.faults.servers import ServiceProcess, free_port, rogatory
from tests.faults.test_broker_outage import request_pdf

pytestmark = pytest.mark.faults

LIMIT = 2_000_000
BOUNDARY = "limitsboundary"


class Web:
    def __init__(self, process: ServiceProcess, port: int, token: str, data_dir: Path, spool: Path) -> None:
        self.process, self.port, self.token, self.data_dir, self.spool = process, port, token, data_dir, spool

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=10)

    def head(self, method: str, path: str, headers: dict[str, str]) -> bytes:
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Authorization: Bearer {self.token}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode()


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Web]:
    data_dir = tmp_path / "data"
    token = add_user(data_dir, "clerk")
    spool = tmp_path / "spool"
    spool.mkdir()
    port = free_port()
    env = {
        "ROGATORY_DATA_DIR": str(data_dir),
        "ROGATORY_MAX_FILE_BYTES": str(LIMIT),
        "ROGATORY_CLIENT_HEADER_TIMEOUT_SECONDS": "1",
        "ROGATORY_CLIENT_IDLE_TIMEOUT_SECONDS": "2",
        "ROGATORY_BROKER_URL": "redis://127.0.0.1:1/0",
        "TMPDIR": str(spool),
    }
    process = rogatory("web", ["web", "--port", str(port)], env, tmp_path / "web.log")
    process.start()
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            assert process.alive(), process.log()
            assert time.monotonic() < deadline, process.log()
            time.sleep(0.2)
    yield Web(process, port, token, data_dir, spool)
    assert process.stop() in {0, -15}, process.log()[-3000:]  # uvicorn ends by its SIGTERM


def _answer(sock: socket.socket, timeout: float) -> bytes:
    sock.settimeout(timeout)
    received = b""
    try:
        while chunk := sock.recv(65536):
            received += chunk
            if b"\r\n\r\n" in received and b'"detail"' in received:
                break
    except (TimeoutError, ConnectionResetError):
        pass
    return received


def _spooled(web: Web) -> int:
    return sum(path.stat().st_size for path in web.spool.rglob("*") if path.is_file())


def test_an_upload_announcing_more_than_the_limit_is_refused_before_its_body_is_read(web: Web) -> None:
    with web.connect() as sock:
        sock.sendall(
            web.head(
                "POST",
                "/api/requests",
                {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", "Content-Length": str(2**30)},
            )
        )
        started = time.monotonic()
        answer = _answer(sock, timeout=5)  # no byte of the 1 GiB body is sent
    assert answer.startswith(b"HTTP/1.1 413"), answer[:300]
    assert time.monotonic() - started < 5
    assert b"too_large" in answer
    assert _spooled(web) == 0


def test_a_chunked_upload_is_cut_off_once_it_passes_the_limit(web: Web) -> None:
    part = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    chunk = b"%" * 65536
    sent = 0
    answer = b""
    with web.connect() as sock:
        head = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", "Transfer-Encoding": "chunked"}
        sock.sendall(web.head("POST", "/api/requests", head))
        sock.sendall(b"%x\r\n%s\r\n" % (len(part), part))
        sock.setblocking(False)
        try:
            while sent < 50 * LIMIT:
                with contextlib.suppress(BlockingIOError):
                    answer += sock.recv(65536)
                if answer:
                    break
                try:
                    sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                except BlockingIOError:
                    time.sleep(0.01)
                    continue
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        if not answer:
            answer = _answer(sock, timeout=5)
    assert answer.startswith(b"HTTP/1.1 413"), (sent, answer[:300])
    # Stopped near the limit, not made to send all 100 MB (the socket buffers of loopback
    # hold several MB that were "sent" before the answer could be read).
    assert sent < 20 * LIMIT
    assert _spooled(web) <= LIMIT + 1024 * 1024


def test_a_client_too_slow_to_send_its_request_head_is_disconnected(web: Web) -> None:
    with web.connect() as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and the rest never comes
        started = time.monotonic()
        sock.settimeout(10)
        assert sock.recv(1024) == b""  # closed by the server
    assert time.monotonic() - started < 5


def test_a_client_that_stops_in_the_middle_of_a_body_is_disconnected(web: Web) -> None:
    head = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", "Content-Length": "100000"}
    with web.connect() as sock:
        sock.sendall(web.head("POST", "/api/requests", head))
        sock.sendall(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n'.encode()
        )
        started = time.monotonic()
        sock.settimeout(15)
        with contextlib.suppress(ConnectionResetError, TimeoutError):
            while sock.recv(1024):
                pass
    assert time.monotonic() - started < 8  # the idle limit is 2 s


def test_a_refused_upload_is_kept_once_in_quarantine(web: Web) -> None:
    body = (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="letter.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + request_pdf("cut short")[:-200]
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"http://127.0.0.1:{web.port}/api/requests",
        data=body,
        headers={
            "Authorization": f"Bearer {web.token}",
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - http://127.0.0.1 only
        [result] = json.load(response)
    assert result["status"] == "rejected"
    quarantine = web.data_dir / "quarantine"
    assert (quarantine / "letter.pdf").is_file()
    assert not [path for path in (web.data_dir / "objects").rglob("*") if path.is_file()]
