"""Sign-in limits, forwarded headers and Host names against real running web apps (issue 17,
points 3 and 6).

Two ``rogatory web`` processes (uvicorn on loopback) share one database, SQLite or
PostgreSQL, as a deployment with several web processes does; process B is configured with
``trusted_proxies = 127.0.0.1`` (a reverse proxy on the same machine), A with none. Forty
wrong passwords for one account are sent at once, half to each process: exactly the
limit (5) are checked (401), the others refused unchecked (429). The administrator then
signs in from the same address; ``rogatory users unlock`` lets the clerk in again. A
forged ``X-Forwarded-For`` sent to A is ignored (the audit log names 127.0.0.1), the same
header through B is believed; a sign-in under another site's Host and Origin (DNS
rebinding) is refused by both.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from rogatory.users import Role
from storage.audit import list_audit
from storage.database import Database, open_database
from storage.users import create_user
from tests.faults.servers import ServiceProcess, free_port, rogatory
from tests.postgres import fresh_database

pytestmark = [pytest.mark.slow, pytest.mark.faults, pytest.mark.e2e]

PASSWORD = "a long enough password"
TRIES = 40
LIMIT = 5


@dataclass
class WebApps:
    db: Database
    env: dict[str, str]
    plain: str  # base URL of A (trusts no proxy)
    behind_proxy: str  # base URL of B (trusts 127.0.0.1)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def apps(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[WebApps]:
    with _database_url(request.param, tmp_path) as url:
        env = {
            "ROGATORY_DATA_DIR": str(tmp_path / "data"),
            "ROGATORY_DATABASE_URL": url,
            "ROGATORY_SIGN_IN_MAX_FAILURES": str(LIMIT),
            "ROGATORY_HEALTH_REQUIRES_WORKER": "false",
            "ROGATORY_HEALTH_REQUIRES_WATCHER": "false",
        }
        db = open_database(url)
        for username, role in (("clerk", Role.CLERK), ("admin", Role.ADMIN), ("reviewer", Role.REVIEWER)):
            create_user(db, username=username, password=PASSWORD, role=role)
        ports = free_port(), free_port()
        processes = [
            rogatory(
                f"web-{index}",
                ["web", "--port", str(port)],
                {**env, **({"ROGATORY_TRUSTED_PROXIES": "127.0.0.1"} if index else {})},
                tmp_path / f"web-{index}.log",
            )
            for index, port in enumerate(ports)
        ]
        try:
            for process, port in zip(processes, ports, strict=True):
                process.start()
                _wait_until_up(process, port)
            yield WebApps(db, env, *(f"http://127.0.0.1:{port}" for port in ports))
        finally:
            for process in processes:
                process.stop()
            db.dispose()


@contextmanager
def _database_url(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "postgresql":
        with fresh_database() as url:
            yield url
    else:
        yield f"sqlite:///{tmp_path / 'rogatory.db'}"


def _wait_until_up(process: ServiceProcess, port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.alive(), process.log()[-4000:]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"the web app never answered:\n{process.log()[-4000:]}")


def _sign_in(
    base: str, username: str, password: str, headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.post(
        f"{base}/sign-in",
        data={"username": username, "password": password, "next": "/"},
        headers=headers or {},
        timeout=120,
        follow_redirects=False,
    )


def test_parallel_wrong_passwords_are_counted_exactly_and_lock_only_that_account(apps: WebApps) -> None:
    start = threading.Barrier(TRIES)
    bases = [apps.plain, apps.behind_proxy]

    def attempt(index: int) -> int:
        start.wait()
        return _sign_in(bases[index % 2], "clerk", f"wrong password {index}").status_code

    with ThreadPoolExecutor(max_workers=TRIES) as pool:
        answers = Counter(pool.map(attempt, range(TRIES)))
    checked = [entry for entry in list_audit(apps.db, limit=1000) if entry.action == "sign_in_failed"]
    print(
        f"{TRIES} concurrent wrong passwords over 2 processes: {answers[401]} checked, {answers[429]} refused"
    )
    assert answers == {401: LIMIT, 429: TRIES - LIMIT}, answers
    assert len(checked) == LIMIT
    assert _sign_in(apps.plain, "clerk", PASSWORD).status_code == 429, "the right password waits too"
    admin = _sign_in(apps.plain, "admin", PASSWORD)
    assert admin.status_code == 303, "another account from the same address is not locked out"
    unlocked = subprocess.run(
        [sys.executable, "-m", "service", "users", "unlock", "clerk"],
        env={**_clean_environment(), **apps.env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert unlocked.returncode == 0, unlocked.stderr
    assert "clerk unlocked" in unlocked.stdout
    assert _sign_in(apps.behind_proxy, "clerk", PASSWORD).status_code == 303
    unlocks = [entry for entry in list_audit(apps.db) if entry.action == "sign_in_unlock"]
    assert [(entry.actor, entry.detail) for entry in unlocks] == [
        ("command line", "user clerk unlocked (was locked or counted)")
    ]


def test_forwarded_addresses_only_from_the_proxy_and_no_foreign_host(apps: WebApps) -> None:
    forged = {"X-Forwarded-For": "203.0.113.7"}
    assert _sign_in(apps.plain, "reviewer", "wrong", forged).status_code == 401
    assert (
        _sign_in(apps.behind_proxy, "reviewer", "wrong", {"X-Forwarded-For": "198.51.100.9"}).status_code
        == 401
    )
    failed = [entry.detail for entry in list_audit(apps.db) if entry.action == "sign_in_failed"]
    assert sorted(failed) == ["from 127.0.0.1", "from 198.51.100.9"]
    rebinding = {"Host": "evil.example:8000", "Origin": "http://evil.example:8000"}
    for base in (apps.plain, apps.behind_proxy):
        refused = _sign_in(base, "reviewer", PASSWORD, rebinding)
        assert refused.status_code == 400
        assert "set-cookie" not in refused.headers
    assert _sign_in(apps.plain, "reviewer", PASSWORD, {"Host": "localhost"}).status_code == 303


def _clean_environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if not key.startswith("ROGATORY_")}
