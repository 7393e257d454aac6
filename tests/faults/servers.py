"""Servers and service processes the fault tests start, stop and kill themselves.

The shared PostgreSQL (5432) and Redis (6379) of this machine serve other tests at
the same time, so a test that stops its broker or restarts its database gets its
own: a ``redis-server`` on a free port (appending every write to its file, as the
production stack's Redis does) and a PostgreSQL cluster made with ``initdb`` in a
temporary folder. ``rogatory`` processes are started as the deployment starts them,
configured by ``ROGATORY_*`` variables only.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for_port(port: int, *, up: bool, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            if up:
                return
        except OSError:
            if not up:
                return
        time.sleep(0.1)
    raise AssertionError(f"port {port} still {'down' if up else 'up'} after {timeout}s")


@dataclass
class RedisServer:
    """A private redis-server that the test may stop and start again (same port, same data)."""

    folder: Path
    requirepass: str = ""
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = [
            "redis-server",
            "--bind", "127.0.0.1",
            "--port", str(self.port),
            "--save", "",
            "--appendonly", "yes",
            "--appendfsync", "always",
            "--dir", str(self.folder),
            "--logfile", str(self.folder / "redis.log"),
            *(["--requirepass", self.requirepass] if self.requirepass else []),
        ]  # fmt: skip
        self.process = subprocess.Popen(command)
        _wait_for_port(self.port, up=True)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        _wait_for_port(self.port, up=False)


@contextmanager
def redis_server(folder: Path) -> Iterator[RedisServer]:
    folder.mkdir(parents=True, exist_ok=True)
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def postgres_available() -> bool:
    return (PG_BIN / "initdb").exists() and shutil.which("runuser") is not None


@dataclass
class PostgresCluster:
    """A private PostgreSQL cluster (trust authentication) that the test may restart."""

    folder: Path
    port: int = field(default_factory=free_port)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _pg_ctl(self, *args: str) -> None:
        command = [str(PG_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-w", "-t", "60", *args]
        subprocess.run(
            _as_postgres(command), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def init(self) -> None:
        command = [str(PG_BIN / "initdb"), "-D", str(self.folder / "data"), "-A", "trust", "-U", "postgres"]
        subprocess.run(_as_postgres(command), check=True, stdout=subprocess.DEVNULL)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._pg_ctl("-l", str(self.folder / "postgres.log"), "-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        self._pg_ctl("-m", mode, "stop")


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    # Not under pytest's tmp_path: its folders are private to root, and the server runs as postgres.
    folder = Path(tempfile.mkdtemp(prefix="rogatory-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    cluster = PostgresCluster(folder)
    cluster.init()
    cluster.start()
    try:
        yield cluster
    finally:
        with suppress(subprocess.CalledProcessError):  # already stopped by the test
            cluster.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class ServiceProcess:
    """One ``rogatory`` process (worker, watch, run) with its log file."""

    name: str
    command: list[str]
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the process and every process of its session (a worker's pool children)."""
        if self.process is not None:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self, how: signal.Signals = signal.SIGTERM) -> int:
        """SIGTERM, as a deployment stops it (SIGINT: Ctrl-C, as a user stops ``rogatory run``);
        returns the exit status."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(how)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.process.returncode

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def rogatory(name: str, arguments: list[str], env: dict[str, str], log_path: Path) -> ServiceProcess:
    """A ``python -m service ARGUMENTS`` process with only ``env``'s ROGATORY_* settings."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith("ROGATORY_")}
    clean.update(env, OMP_THREAD_LIMIT="1")
    return ServiceProcess(name, [sys.executable, "-m", "service", *arguments], clean, log_path)


def children(pid: int) -> list[int]:
    """The direct child processes of ``pid`` (from /proc)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def peak_memory_kib(pid: int) -> int | None:
    """The peak resident memory of ``pid`` (VmHWM), or None once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None
