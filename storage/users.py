"""Users of the web app and the API: created, listed, checked by password.

Passwords are kept only as argon2id hashes (argon2-cffi's defaults); a hash made with
older parameters is rehashed at the next successful sign-in. Used by the web app and
the ``rogatory users`` command; every function may raise ``TransientError``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from rogatory.errors import InputError, NotFoundError
from rogatory.users import USERNAME_PATTERN, Role, User
from storage.audit import write_audit
from storage.database import Database
from storage.models import ApiTokenRow, UserRow, WebSessionRow

MIN_PASSWORD_LENGTH = 12
_HASHER = PasswordHasher()
# Verified when the user name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


def create_user(
    db: Database,
    *,
    username: str,
    password: str,
    role: Role,
    display_name: str = "",
    authority: str | None = None,
    actor: str = "system",
) -> User:
    """Add a user. Raises ``InputError`` (bad name or password, name taken, authority
    missing for an authority user or given for another role)."""
    username = username.strip().lower()
    if not re.fullmatch(USERNAME_PATTERN, username):
        raise InputError("a user name is 2-64 lower-case letters, digits and . _ @ -", code="bad_username")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters", code="weak_password")
    role = Role(role)
    if (role is Role.AUTHORITY) != bool(authority):
        raise InputError("an authority user, and only one, belongs to an authority", code="bad_authority")
    with db.session(write=True) as session:
        if session.scalar(select(UserRow.id).where(UserRow.username == username)) is not None:
            raise InputError(f"the user name {username!r} is taken", code="username_taken")
        row = UserRow(
            username=username,
            display_name=display_name.strip() or username,
            role=role.value,
            authority=authority or None,
            password_hash=_HASHER.hash(password),
            active=True,
            created_at=datetime.now(UTC),
        )
        session.add(row)
        session.flush()
        detail = f"user {username} created, role {role.value}" + (f" of {authority}" if authority else "")
        write_audit(session, action="user", actor=actor, detail=detail)
        return user_from_row(row)


def check_password(db: Database, username: str, password: str) -> User | None:
    """The active user with this name and password, else None (same time for an unknown name)."""
    with db.session(write=True) as session:
        row = session.scalar(select(UserRow).where(UserRow.username == username.strip().lower()))
        if row is None or not row.active:
            _verify(_DUMMY_HASH, password)
            return None
        if not _verify(row.password_hash, password):
            return None
        if _HASHER.check_needs_rehash(row.password_hash):
            row.password_hash = _HASHER.hash(password)
        return user_from_row(row)


def set_active(db: Database, username: str, *, active: bool, actor: str) -> User:
    """Enable or disable a user (audited). Disabling ends the user's sessions and revokes
    their API tokens for good: enabling again revives none of them. Raises ``NotFoundError``."""
    with db.session(write=True) as session:
        row = session.scalar(select(UserRow).where(UserRow.username == username))
        if row is None:
            raise NotFoundError(f"no user {username!r}")
        row.active = active
        write_audit(
            session,
            action="user",
            actor=actor,
            detail=f"user {username} {'enabled' if active else 'disabled'}",
        )
        if not active:
            end_access(session, row.id, actor=actor)
        return user_from_row(row)


def end_access(session: Session, user_id: int, *, actor: str) -> tuple[int, int]:
    """In ``session``: delete the user's sessions and revoke their tokens (audited); returns the counts."""
    now = datetime.now(UTC)
    username = session.scalar(select(UserRow.username).where(UserRow.id == user_id))
    sessions = session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == user_id))
    tokens = session.execute(
        update(ApiTokenRow)
        .where(ApiTokenRow.user_id == user_id, ApiTokenRow.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    counts = (int(getattr(sessions, "rowcount", 0)), int(getattr(tokens, "rowcount", 0)))
    detail = f"access of {username} ended: {counts[0]} session(s) closed, {counts[1]} API token(s) revoked"
    write_audit(session, action="access_revoked", actor=actor, detail=detail)
    return counts


def set_language(db: Database, user_id: int, language: str | None) -> None:
    """Keep the interface language ``user_id`` chose (None: follow the browser). Raises ``NotFoundError``."""
    with db.session(write=True) as session:
        row = session.get(UserRow, user_id)
        if row is None:
            raise NotFoundError(f"no user {user_id}")
        row.language = language


def get_user(db: Database, user_id: int) -> User | None:
    with db.session() as session:
        row = session.get(UserRow, user_id)
        return user_from_row(row) if row is not None else None


def list_users(db: Database) -> list[User]:
    with db.session() as session:
        return [user_from_row(row) for row in session.scalars(select(UserRow).order_by(UserRow.username))]


def count_users(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(UserRow)) or 0)


def user_from_row(row: UserRow) -> User:
    return User(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        authority=row.authority,
        active=row.active,
        created_at=row.created_at,
        language=row.language,
    )


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
