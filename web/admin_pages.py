"""Administration: users and API tokens, the authority directory as loaded (with its
validation), failed deliveries, and the audit log.

Admins only, except the directory and deliveries, which reviewers also read. Runs in
the web process.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from rogatory.directory import Directory
from rogatory.errors import InputError
from rogatory.review import DeliveryStatus
from rogatory.users import Role
from storage.audit import list_audit
from storage.credentials import create_token
from storage.database import Database
from storage.deliveries import list_deliveries, retry_failed
from storage.users import create_user, list_users, set_active
from web.auth import Admin, Principal, Reviewer, signed_in
from web.dependencies import AppDb, AppDirectory, AppSettings, Deliver
from web.pages import render
from workers.directory_check import directory_problem

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])


@router.get("/admin/users")
def users_page(
    request: Request,
    db: AppDb,
    directory: AppDirectory,
    principal: Admin,
    *,
    error: str = "",
    token: str = "",
) -> Response:
    return _users_page(request, db, directory, principal, error=error, token=token)


def _users_page(
    request: Request,
    db: Database,
    directory: Directory,
    principal: Principal,
    *,
    error: str = "",
    token: str = "",
) -> Response:
    return render(
        request,
        "admin_users.html",
        principal,
        users=list_users(db),
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
        return _users_page(request, db, directory, principal, error=str(error))
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users/{username}/active")
def toggle_user(
    request: Request,
    *,
    db: AppDb,
    directory: AppDirectory,
    principal: Admin,
    username: str,
    active: Annotated[str, Form(max_length=5)],
) -> Response:
    if username == principal.user.username and active != "true":
        return _users_page(request, db, directory, principal, error="you cannot disable your own account")
    set_active(db, username, active=active == "true", actor=principal.actor)
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users/{username}/token")
def new_token(
    request: Request,
    *,
    db: AppDb,
    directory: AppDirectory,
    principal: Admin,
    username: str,
    name: Annotated[str, Form(min_length=1, max_length=200)],
) -> Response:
    user = next((user for user in list_users(db) if user.username == username), None)
    if user is None:
        return _users_page(request, db, directory, principal, error=f"no user {username!r}")
    token = create_token(db, user, name=name, actor=principal.actor)
    return _users_page(request, db, directory, principal, token=token)


@router.get("/admin/authorities")
def authorities_page(
    request: Request, settings: AppSettings, directory: AppDirectory, principal: Reviewer
) -> Response:
    """The directory the service routes by, and whether the file on disk still validates.

    The file is read again on purpose: the page says whether an edit would load at the next start.
    """
    problem = directory_problem(settings.authorities_path)
    return render(
        request,
        "admin_authorities.html",
        principal,
        directory=directory,
        path=str(settings.authorities_path),
        problem=problem,
        section="authorities",
    )


@router.get("/admin/deliveries")
def deliveries_page(request: Request, db: AppDb, principal: Reviewer, status: str = "failed") -> Response:
    chosen = DeliveryStatus(status) if status in set(DeliveryStatus) else None
    listed = list_deliveries(db, status=chosen, limit=500)
    return render(
        request, "admin_deliveries.html", principal, deliveries=listed, shown=status, section="deliveries"
    )


@router.post("/admin/deliveries/{number}/retry")
def retry_delivery(db: AppDb, deliver: Deliver, principal: Reviewer, number: str) -> Response:
    """A fresh round of attempts for the failed deliveries of one request."""
    retry_failed(db, number)
    deliver(number)
    return RedirectResponse("/admin/deliveries?status=pending", status_code=303)


@router.get("/admin/audit")
def audit_page(
    request: Request, db: AppDb, principal: Admin, page: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> Response:
    entries = list_audit(db, limit=200, offset=(page - 1) * 200)
    return render(request, "admin_audit.html", principal, entries=entries, page=page, section="audit")
