"""Administration, Users: accounts, their API tokens, and the sign-in lock-outs.

An admin adds users, disables and enables them (disabling ends their sessions and
revokes their tokens for good), issues a token (shown once, valid the days asked),
revokes one token or all of a user's access, and unlocks a locked account or address.
Each change is audited under the admin's name. Admins only; runs in the web process.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from rogatory.errors import InputError
from rogatory.users import ApiToken, Role
from storage.credentials import create_token, list_tokens, revoke_access, revoke_token
from storage.sign_in_limits import ACCOUNT, ADDRESS, SignInPolicy, current_locks, unlock
from storage.users import create_user, list_users, set_active
from web.auth import Admin, signed_in
from web.dependencies import AppDb, AppDirectory, AppSettings
from web.error_words import explained
from web.pages import render, request_translator

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])
_BACK = "/admin/users"


@router.get("/admin/users")
def users_page(
    request: Request,
    db: AppDb,
    directory: AppDirectory,
    settings: AppSettings,
    principal: Admin,
    *,
    error: str = "",
    token: str = "",
) -> Response:
    now = datetime.now(UTC)
    tokens: dict[str, list[ApiToken]] = defaultdict(list)
    for issued in list_tokens(db):
        tokens[issued.username].append(issued)
    locks = current_locks(db, SignInPolicy.of(settings), now=now)
    return render(
        request,
        "admin_users.html",
        principal,
        users=list_users(db),
        tokens=tokens,
        locked_users={lock.name: lock for lock in locks if lock.kind == ACCOUNT},
        locked_addresses=[lock for lock in locks if lock.kind == ADDRESS],
        now=now,
        token_days=settings.api_token_days,
        roles=[role.value for role in Role],
        authorities=list(directory.authorities.values()),
        error=error[:300],
        token=token,
        section="users",
    )


@router.post("/admin/users")
def add_user(
    request: Request,
    db: AppDb,
    directory: AppDirectory,
    settings: AppSettings,
    principal: Admin,
    *,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1000)],
    role: Annotated[str, Form(max_length=20)],
    display_name: Annotated[str, Form(max_length=200)] = "",
    authority: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    try:
        if role not in set(Role):
            raise InputError(f"unknown role {role!r}", code="bad_role")
        if authority and authority not in directory.authorities:
            raise InputError(f"unknown authority {authority!r}", code="bad_authority")
        create_user(
            db,
            username=username,
            password=password,
            role=Role(role),
            display_name=display_name,
            authority=authority if role == Role.AUTHORITY.value else None,
            actor=principal.actor,
        )
    except InputError as error:
        detail, technical = explained(error.code, str(error), request_translator(request, principal))
        shown = f"{detail} ({technical})" if technical else detail
        return users_page(request, db, directory, settings, principal, error=shown)
    return RedirectResponse(_BACK, status_code=303)


@router.post("/admin/users/{username}/active")
def toggle_user(
    request: Request,
    *,
    db: AppDb,
    directory: AppDirectory,
    settings: AppSettings,
    principal: Admin,
    username: str,
    active: Annotated[str, Form(max_length=5)],
) -> Response:
    if username == principal.user.username and active != "true":
        error = "you cannot disable your own account"
        return users_page(request, db, directory, settings, principal, error=error)
    set_active(db, username, active=active == "true", actor=principal.actor)
    return RedirectResponse(_BACK, status_code=303)


@router.post("/admin/users/{username}/token")
def new_token(
    request: Request,
    *,
    db: AppDb,
    directory: AppDirectory,
    settings: AppSettings,
    principal: Admin,
    username: str,
    name: Annotated[str, Form(min_length=1, max_length=200)],
    days: Annotated[int | None, Form(ge=1, le=3650)] = None,
) -> Response:
    user = next((user for user in list_users(db) if user.username == username), None)
    if user is None:
        return users_page(request, db, directory, settings, principal, error=f"no user {username!r}")
    lifetime = timedelta(days=days or settings.api_token_days)
    try:
        token = create_token(db, user, name=name, actor=principal.actor, lifetime=lifetime)
    except InputError as error:
        detail, technical = explained(error.code, str(error), request_translator(request, principal))
        shown = f"{detail} ({technical})" if technical else detail
        return users_page(request, db, directory, settings, principal, error=shown)
    return users_page(request, db, directory, settings, principal, token=token)


@router.post("/admin/users/{username}/tokens/{token_id}/revoke")
def revoke_one_token(db: AppDb, principal: Admin, username: str, token_id: int) -> Response:
    """Revoke one API token (``NotFoundError``, 404, when it is not that user's)."""
    revoke_token(db, username, token_id, actor=principal.actor)
    return RedirectResponse(_BACK, status_code=303)


@router.post("/admin/users/{username}/revoke")
def revoke_all(db: AppDb, principal: Admin, username: str) -> Response:
    """End every session and revoke every API token of the user."""
    revoke_access(db, username, actor=principal.actor)
    return RedirectResponse(_BACK, status_code=303)


@router.post("/admin/users/{username}/unlock")
def unlock_user(db: AppDb, principal: Admin, username: str) -> Response:
    unlock(db, kind=ACCOUNT, name=username, actor=principal.actor)
    return RedirectResponse(_BACK, status_code=303)


@router.post("/admin/sign-in-locks/unlock")
def unlock_address(
    db: AppDb, principal: Admin, address: Annotated[str, Form(min_length=1, max_length=64)]
) -> Response:
    unlock(db, kind=ADDRESS, name=address, actor=principal.actor)
    return RedirectResponse(_BACK, status_code=303)
