"""The embedded service started as a user starts it (``rogatory run``), for end-to-end tests."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class RunningService:
    process: subprocess.Popen[bytes]
    data_dir: Path
    port: int
    log_path: Path
    token: str = ""
    """An API token of the clerk the service was started with."""

    @property
    def inbox(self) -> Path:
        return self.data_dir / "inbox"

    def get(self, path: str) -> Any:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - http://127.0.0.1 only
            return json.load(response)

    def wait_for(self, condition: Any, *, timeout: float, what: str) -> Any:
        """Poll ``condition()`` until it returns something truthy; fail with the log otherwise."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"service exited ({self.process.returncode}):\n{self.log()}")
            result = condition()
            if result:
                return result
            time.sleep(0.5)
        raise AssertionError(f"timed out waiting for {what}\n--- service log ---\n{self.log()[-6000:]}")

    def requests(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.get("/api/requests?limit=1000")
        return result

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> int:
        """Ctrl-C, as a user stops it; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


USER_PASSWORD = "end to end user password"


def add_user(
    data_dir: Path,
    username: str,
    role: str = "clerk",
    authority: str | None = None,
    *,
    settings: dict[str, str] | None = None,
) -> str:
    """Add a user with ``rogatory users`` (as an operator does); returns an API token of it.

    ``settings`` are ``ROGATORY_*`` variables of the service (its database, say).
    """
    env = dict(os.environ, **(settings or {}))
    base = [sys.executable, "-m", "service", "--data-dir", str(data_dir), "users"]
    options = ["--authority", authority] if authority else []
    added = subprocess.run(
        [*base, "add", username, "--role", role, *options, "--password-stdin"],
        input=USER_PASSWORD + "\n",
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if added.returncode != 0 and "taken" not in added.stderr:
        raise AssertionError(f"rogatory users add failed: {added.stderr}")
    issued = subprocess.run([*base, "token", username], capture_output=True, text=True, check=True, env=env)
    return issued.stdout.strip()


def start_service(
    data_dir: Path, *, poll: bool = False, settings: dict[str, str] | None = None
) -> RunningService:
    """``rogatory run`` on ``data_dir``; ``settings``: more ``ROGATORY_*`` variables (a database)."""
    token = add_user(data_dir, "clerk", settings=settings)
    port = free_port()
    log_path = data_dir.parent / f"{data_dir.name}-service.log"
    command = [sys.executable, "-m", "service", "--data-dir", str(data_dir), "run", "--port", str(port)]
    if poll:
        command.append("--poll")
    env = dict(
        os.environ, ROGATORY_STABLE_SECONDS="0.5", ROGATORY_WATCH_INTERVAL_SECONDS="0.3", **(settings or {})
    )
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    service = RunningService(process=process, data_dir=data_dir, port=port, log_path=log_path, token=token)

    def healthy() -> bool:
        try:
            return bool(service.get("/health"))
        except (urllib.error.URLError, ConnectionError):
            return False

    try:  # the worker loads its models first: on a loaded machine that takes over a minute
        service.wait_for(healthy, timeout=180, what="the web app to answer")
    except AssertionError:
        service.stop()  # not left running behind a failed fixture
        raise
    return service
