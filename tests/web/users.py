"""Users of every role for the web tests, and how a test client acts as one of them."""

from __future__ import annotations

from fastapi.testclient import TestClient

from rogatory.users import Role
from storage.credentials import create_token
from storage.database import Database
from storage.users import create_user

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
