"""Who is calling: a browser session (cookie + CSRF token) or an API token (Bearer).

Every route of the app except ``/health``, the sign-in page and the static files
depends on :func:`signed_in` or on one of the role checks below. A session cookie is
HTTP-only, SameSite=Lax and Secure when the deployment is served over HTTPS; a
request that changes something with a session cookie must carry the session's CSRF
token (``X-CSRF-Token`` header, or a ``csrf_token`` form field). API tokens are sent
by scripts, not by browsers, so they need no CSRF token. Runs in the web process.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from rogatory.errors import RogatoryError
from rogatory.users import Role, User
from storage.credentials import session_user, token_user
from storage.database import Database
from web.dependencies import AppDb

SESSION_COOKIE = "rogatory_session"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class NotSignedInError(RogatoryError):
    """No valid session or token: the API answers 401, a page sends to the sign-in form."""

    code = "not_signed_in"


class ForbiddenError(RogatoryError):
    """Signed in, but the role does not allow this (403), or the CSRF token is missing (403)."""

    code = "forbidden"


@dataclass(frozen=True)
class Principal:
    """The signed-in user of one request; ``csrf_token`` is None for an API token."""

    user: User
    csrf_token: str | None

    @property
    def actor(self) -> str:
        return self.user.label


async def signed_in(request: Request, db: AppDb) -> Principal:
    """The caller. Raises ``NotSignedInError`` and, for a write without its CSRF token, ``ForbiddenError``."""
    cached: Principal | None = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    principal = _from_token(db, request) or _from_cookie(db, request)
    if principal is None:
        raise NotSignedInError("sign in first (or send an API token as 'Authorization: Bearer ...')")
    if principal.csrf_token is not None and request.method not in _SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER) or await _form_token(request)
        if not sent or not hmac.compare_digest(sent, principal.csrf_token):
            raise ForbiddenError("the form is out of date or was not sent by this app: reload the page")
    request.state.principal = principal
    return principal


def optional_principal(request: Request, db: Database) -> Principal | None:
    """The caller if signed in (for the sign-in page), without the CSRF check; None for a bad token."""
    try:
        return _from_token(db, request) or _from_cookie(db, request)
    except NotSignedInError:
        return None


def _from_token(db: Database, request: Request) -> Principal | None:
    scheme, _, credential = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not credential.strip():
        return None
    user = token_user(db, credential.strip())
    if user is None:
        raise NotSignedInError("the API token is unknown, expired or revoked, or its user is disabled")
    return Principal(user=user, csrf_token=None)


def _from_cookie(db: Database, request: Request) -> Principal | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    found = session_user(db, token)
    return Principal(user=found.user, csrf_token=found.csrf_token) if found else None


async def _form_token(request: Request) -> str | None:
    if not request.headers.get("content-type", "").startswith(_FORM_TYPES):
        return None
    value = (await request.form()).get(CSRF_FIELD)
    return value if isinstance(value, str) else None


def _role_check(allowed: Callable[[Role], bool], what: str) -> Callable[..., object]:
    async def check(principal: Annotated[Principal, Depends(signed_in)]) -> Principal:
        if not allowed(principal.user.role):
            raise ForbiddenError(f"your role ({principal.user.role.value}) may not {what}")
        return principal

    return check


SignedIn = Annotated[Principal, Depends(signed_in)]
"""Any signed-in user."""
CentralStaff = Annotated[Principal, Depends(_role_check(lambda role: role.sees_registry, "see the registry"))]
"""An admin, clerk or reviewer of the central authority."""
Registrar = Annotated[Principal, Depends(_role_check(lambda role: role.registers, "register requests"))]
"""May upload requests."""
Reviewer = Annotated[Principal, Depends(_role_check(lambda role: role.reviews, "review routings"))]
"""May confirm, reassign, edit letters, retry deliveries."""
Admin = Annotated[Principal, Depends(_role_check(lambda role: role.administers, "administer the service"))]
"""May manage users and read metrics."""
