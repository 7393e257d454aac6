"""Records of the people who use the service: roles and users.

A user signs in to the web app (or calls the JSON API with a token). What a user
may see and do follows from the role; an authority user belongs to one authority of
the directory and sees only the requests routed or notified to it.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from rogatory.records import Record
from rogatory.registration import UtcDatetime


class Role(StrEnum):
    """What a user does in the central authority or an executing authority."""

    ADMIN = "admin"
    CLERK = "clerk"
    REVIEWER = "reviewer"
    AUTHORITY = "authority"

    @property
    def sees_registry(self) -> bool:
        """Admins, clerks and reviewers see every registered request; authority users do not."""
        return self is not Role.AUTHORITY

    @property
    def registers(self) -> bool:
        """May upload requests (the central authority's registry)."""
        return self is not Role.AUTHORITY

    @property
    def reviews(self) -> bool:
        """May confirm or reassign a routing, edit the letter, retry deliveries."""
        return self in {Role.ADMIN, Role.REVIEWER}

    @property
    def administers(self) -> bool:
        """May manage users and read the deployment's metrics."""
        return self is Role.ADMIN


USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._@-]{1,63}$"


class User(Record):
    """A user of the web app and the API; ``authority`` is set for authority users only."""

    id: int
    username: str = Field(pattern=USERNAME_PATTERN)
    display_name: str
    role: Role
    authority: str | None = None
    active: bool = True
    created_at: UtcDatetime
    # The interface language the user chose (web/languages.py); None follows the browser.
    language: str | None = None

    @property
    def label(self) -> str:
        """How the user is named in the audit log and on decisions."""
        return self.username


class ApiToken(Record):
    """An API token as the administrators see it (never its secret): ``id`` names it in
    ``rogatory users revoke NAME --token ID``."""

    id: int
    username: str
    name: str
    created_at: UtcDatetime
    expires_at: UtcDatetime
    last_used_at: UtcDatetime | None = None
    revoked_at: UtcDatetime | None = None

    def state(self, now: datetime) -> str:
        """``revoked``, ``expired`` or ``valid`` at ``now``."""
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.expires_at <= now else "valid"
