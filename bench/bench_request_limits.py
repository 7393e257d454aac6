"""Limits of one request on a real ``rogatory web`` process: uploads over the size limit, a
166-word search, and /health while ten such searches run.

    .venv/bin/python -m bench.bench_request_limits upload [--tree PATH]
    .venv/bin/python -m bench.bench_request_limits search [--tree PATH] [--docs 20000]

``--tree`` runs the web process from another checkout (``git worktree add /tmp/before
COMMIT``) to measure before and after on the same machine; the client is this file.
``upload`` sends a 210 MB and a 1 GiB multipart upload with their Content-Length at
the default 200 MiB limit and reports the answer, its time, the web process's memory
(VmRSS before, VmHWM after) and the most bytes seen in its temporary folder.
``search`` loads ``--docs`` synthetic registrations (bench/bench_search.py), then
times one 166-word search and /health during ten of them at once.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOUNDARY = "benchboundary"


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _token(tree: Path, data_dir: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    base = [sys.executable, "-m", "service", "--data-dir", str(data_dir), "users"]
    subprocess.run(
        [*base, "add", "clerk", "--role", "clerk", "--password-stdin"],
        cwd=tree,
        input="bench password long enough\n",
        text=True,
        check=True,
        capture_output=True,
        env=env,
    )
    return subprocess.run(
        [*base, "token", "clerk"], cwd=tree, text=True, check=True, capture_output=True, env=env
    ).stdout.strip()


def _start_web(tree: Path, data_dir: Path, spool: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ROGATORY_")},
        "PYTHONPATH": str(tree),
        "TMPDIR": str(spool),
        "ROGATORY_BROKER_URL": "redis://127.0.0.1:1/0",
    }
    command = [sys.executable, "-m", "service", "--data-dir", str(data_dir), "web", "--port", str(port)]
    # cwd: ``python -m`` puts the working folder before PYTHONPATH.
    process = subprocess.Popen(
        command, env=env, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the web process did not start")


def _spooled(pid: int) -> int:
    """Bytes in the temporary files the web process holds open (unnamed ones too: O_TMPFILE)."""
    total = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
            if target.startswith(tempfile.gettempdir()) or "(deleted)" in target:
                total += fd.stat().st_size
        except OSError:
            continue
    return total


def _upload(port: int, token: str, size: int, pid: int) -> tuple[str, float, int]:
    """(answer, seconds, most spooled bytes) for a multipart upload of ``size`` bytes."""
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n"
    ).encode()
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()
    length = len(head) + size + len(tail)
    most = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.1):
            most[0] = max(most[0], _spooled(pid))

    watcher = threading.Thread(target=watch)
    watcher.start()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    started = time.monotonic()
    answer = "no answer"
    try:
        connection.putrequest("POST", "/api/requests")
        connection.putheader("Authorization", f"Bearer {token}")
        connection.putheader("Content-Type", f"multipart/form-data; boundary={BOUNDARY}")
        connection.putheader("Content-Length", str(length))
        connection.endheaders()
        connection.send(head)
        block = b"%" * (1024 * 1024)
        remaining = size
        try:
            while remaining > 0:
                connection.send(block[: min(len(block), remaining)])
                remaining -= min(len(block), remaining)
            connection.send(tail)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before the body was sent
        response = connection.getresponse()
        answer = f"{response.status} {response.read()[:80]!r}"
    except (OSError, http.client.HTTPException) as error:
        answer = f"connection ended: {error}"
    finally:
        seconds = time.monotonic() - started
        done.set()
        watcher.join()
        connection.close()
    return answer, seconds, most[0]


def measure_uploads(tree: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir, spool = Path(folder) / "data", Path(folder) / "spool"
        spool.mkdir()
        token = _token(tree, data_dir)
        port = _free_port()
        web = _start_web(tree, data_dir, spool, port)
        try:
            for size in (210 * 1_000_000, 2**30):
                before = _status_kib(web.pid, "VmRSS")
                answer, seconds, spooled = _upload(port, token, size, web.pid)
                time.sleep(0.5)
                after, peak = _status_kib(web.pid, "VmRSS"), _status_kib(web.pid, "VmHWM")
                print(
                    f"{size / 1e6:,.0f} MB upload: {answer} after {seconds:.2f} s; web RSS "
                    f"{before / 1024:.0f} -> {after / 1024:.0f} MB (peak {peak / 1024:.0f} MB); "
                    f"most spooled to temp {spooled / 1e6:,.1f} MB",
                    flush=True,
                )
        finally:
            web.terminate()
            web.wait(timeout=30)


def measure_search(tree: Path, docs: int) -> None:
    from bench.bench_search import load
    from storage.database import open_database
    from storage.search import query_words

    with tempfile.TemporaryDirectory() as folder:
        data_dir, spool = Path(folder) / "data", Path(folder) / "spool"
        spool.mkdir()
        token = _token(tree, data_dir)
        db = open_database(f"sqlite:///{data_dir / 'rogatory.db'}")
        corpus = load(db, docs)
        db.dispose()
        # As many common words as the API's 500 characters hold (the shortest of the most
        # frequent: every one is a long posting list).
        common = sorted((w for ws in corpus.vocabulary.values() for w in ws[:60]), key=len)
        text = ""
        for word in common:
            if len(text) + len(word) + 1 > 500:
                break
            text = f"{text} {word}".strip()
        count = len(query_words(text))
        query = urllib.parse.urlencode({"q": text, "limit": 20})
        port = _free_port()
        web = _start_web(tree, data_dir, spool, port)

        def get(path: str) -> tuple[int, float]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            started = time.monotonic()
            connection.request("GET", path, headers={"Authorization": f"Bearer {token}"})
            response = connection.getresponse()
            response.read()
            connection.close()
            return response.status, time.monotonic() - started

        try:
            get("/health")
            status, seconds = get(f"/api/search?{query}")
            print(f"one search of {count} words: {status} in {seconds:.3f} s", flush=True)
            quiet = min(get("/health")[1] for _ in range(5))
            threads = [threading.Thread(target=get, args=(f"/api/search?{query}",)) for _ in range(10)]
            for thread in threads:
                thread.start()
            time.sleep(0.05)
            busy = max(get("/health")[1] for _ in range(3))
            for thread in threads:
                thread.join()
            print(
                f"/health alone {quiet:.3f} s; during ten such searches, slowest of 3: {busy:.3f} s",
                flush=True,
            )
        finally:
            web.terminate()
            web.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", choices=["upload", "search"])
    parser.add_argument("--tree", type=Path, default=ROOT)
    parser.add_argument("--docs", type=int, default=20_000)
    args = parser.parse_args()
    print(f"tree {args.tree}; load average {os.getloadavg()[0]:.2f}", flush=True)
    if args.what == "upload":
        measure_uploads(args.tree)
    else:
        measure_search(args.tree, args.docs)


if __name__ == "__main__":
    main()
