"""Sign-in and sign-out of the pages: a session cookie, a CSRF token, limits on failed tries.

Every try is counted against its account and its address before the password is
checked (:mod:`storage.sign_in_limits`): after ``sign_in_max_failures`` failed tries an
account is locked, for ``sign_in_lockout_minutes`` and twice as long at each further
lock-out; an address after ``sign_in_address_max_failures``. A locked account or
address is refused (429) whatever the password, until the lock-out ends or an
administrator unlocks it. A sign-in form posted from another site (its ``Origin`` is
not this app) is refused. Runs in the web process.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from storage.credentials import close_session, open_session
from storage.sign_in_limits import ACCOUNT, Refusal, SignInPolicy, begin_try, try_failed, try_succeeded
from storage.users import check_password
from web.auth import SESSION_COOKIE, SignedIn, optional_principal
from web.dependencies import AppDb, AppSettings
from web.languages import N_, Translator
from web.pages import render, request_translator

router = APIRouter(include_in_schema=False)


@router.get("/sign-in")
def sign_in_form(request: Request, db: AppDb, next: str = "/") -> Response:
    if optional_principal(request, db) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "sign_in.html", None, next=safe_next(next), username="", error="")


@router.post("/sign-in")
def sign_in(
    request: Request,
    *,
    db: AppDb,
    settings: AppSettings,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    target = safe_next(next)
    if not _same_origin(request):
        return _form_again(request, username, target, N_("This sign-in form was not sent by this site."), 403)
    address = request.client.host if request.client else ""
    policy = SignInPolicy.of(settings)
    refusal = begin_try(db, policy, username=username, address=address)
    if refusal is not None:
        return _form_again(request, username, target, _refused(refusal, request_translator(request)), 429)
    user = check_password(db, username, password)
    if user is None:
        try_failed(db, policy, username=username, address=address)
        return _form_again(request, username, target, N_("The user name or the password is wrong."), 401)
    try_succeeded(db, username=username, address=address)
    lifetime = timedelta(hours=settings.session_hours)
    token, _ = open_session(db, user, lifetime=lifetime, address=address)
    if target == "/" and not user.role.sees_registry:
        target = "/queue"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(lifetime.total_seconds()),
        httponly=True,
        secure=settings.secure_cookies,
        samesite="lax",
        path="/",
    )
    return response


@router.post("/sign-out")
def sign_out(request: Request, db: AppDb, principal: SignedIn) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        close_session(db, token, actor=principal.actor)
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def _form_again(request: Request, username: str, target: str, error: str, status: int) -> Response:
    """The sign-in page again with ``error`` (a msgid or an already translated sentence)."""
    shown = request_translator(request).gettext(error)
    return render(request, "sign_in.html", None, status=status, next=target, username=username, error=shown)


def _refused(refusal: Refusal, tr: Translator) -> str:
    minutes = 1
    if refusal.until is not None:
        minutes = max(1, -int(-(refusal.until - datetime.now(UTC)).total_seconds() // 60))
    if refusal.kind == ACCOUNT:
        return tr.ngettext(
            "Too many failed attempts for this account. Try again in %(num)s minute "
            "or ask an administrator to unlock it.",
            "Too many failed attempts for this account. Try again in %(num)s minutes "
            "or ask an administrator to unlock it.",
            minutes,
        )
    return tr.ngettext(
        "Too many failed attempts from your address. Try again in %(num)s minute "
        "or ask an administrator to unlock it.",
        "Too many failed attempts from your address. Try again in %(num)s minutes "
        "or ask an administrator to unlock it.",
        minutes,
    )


def safe_next(target: str) -> str:
    """Only a path of this site: never another host (no open redirect)."""
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
    ):
        return "/"
    return target


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")
