"""Users of every role for the web tests, the app with them, and how a test client acts as one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from rogatory.settings import load_settings
from rogatory.users import Role
from service.web_process import open_web_context
from storage.credentials import create_token
from storage.database import Database
from storage.users import create_user
from web.app import create_app
from web.dependencies import context_of

PASSWORD = "a long enough password"

#: username -> (role, authority)
PEOPLE: dict[str, tuple[Role, str | None]] = {
    "admin": (Role.ADMIN, None),
    "clerk": (Role.CLERK, None),
    "reviewer": (Role.REVIEWER, None),
    "fiu-officer": (Role.AUTHORITY, "fiu"),
    "police-officer": (Role.AUTHORITY, "police"),
}


def add_people(db: Database) -> dict[str, str]:
    """Create every user of ``PEOPLE``; returns an API token per username."""
    tokens: dict[str, str] = {}
    for username, (role, authority) in PEOPLE.items():
        user = create_user(db, username=username, password=PASSWORD, role=role, authority=authority)
        tokens[username] = create_token(db, user, name="tests", actor="tests")
    return tokens


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def act_as(client: TestClient, token: str) -> TestClient:
    """Make every later request of ``client`` carry this API token."""
    client.headers.update(bearer(token))
    return client


@contextmanager
def app_with_people(data_dir: Path, **settings: object) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """The app over a new SQLite database in ``data_dir`` (queueing and delivery go nowhere),
    with every user of ``PEOPLE``: the client and an API token per username."""
    # Starlette's test client names the Host "testserver": allowed like a deployment's own name.
    settings = {"allowed_hosts": ["testserver"], **settings}
    app = create_app(
        open_web_context(
            load_settings(environ={}, data_dir=data_dir, **settings), enqueue=_nowhere, deliver=_nowhere
        )
    )
    with TestClient(app) as client:
        yield client, add_people(context_of(client.app).db)


def _nowhere(number: str) -> None:
    """Queueing in tests that do not process: the number goes nowhere."""
