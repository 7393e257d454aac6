"""The FastAPI application factory: the pages for clerks, reviewers and authorities, and the JSON API.

Built at the entry point with the context that the web's bootstrap opened from the
settings (``create_app(context)``, service/web_process.py); uvicorn serves it. Every
page and API route needs a signed-in user (``/health``, the sign-in page and the
static files excepted), and only under the configured host names
(:mod:`web.trusted_hosts`); the OpenAPI schema is at ``/openapi.json`` and the
interactive docs at ``/docs``, for signed-in users.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DatabaseError

from rogatory.errors import InputError, NotFoundError, TransientError
from rogatory.settings import Settings
from storage.integrity import damage_in
from web.admin_pages import router as admin_pages
from web.api_docs import add_docs
from web.archive_routes import router as archive_router
from web.auth import ForbiddenError, NotSignedInError
from web.bulk_routes import router as bulk_router
from web.context import WebContext
from web.denial_pages import router as denial_pages
from web.dependencies import keep_context
from web.document_pages import router as document_pages
from web.error_words import explained
from web.language_routes import router as language_router
from web.languages import N_
from web.limits import LimitRequests, RequestLimits
from web.mail_replies import router as mail_replies
from web.metrics_routes import router as metrics_router
from web.pages import render_error, request_translator
from web.queue_routes import router as queue_router
from web.refused_pages import router as refused_pages
from web.registry_pages import router as registry_pages
from web.review_routes import router as review_router
from web.routes import open_router, router
from web.saved_filter_routes import router as saved_filter_router
from web.search_pages import router as search_pages
from web.sign_in_routes import router as sign_in_router
from web.statistics_pages import router as statistics_pages
from web.trusted_hosts import TrustedHosts
from web.user_admin_pages import router as user_admin_pages

STATIC = Path(__file__).resolve().parent / "static"
_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def create_app(context: WebContext) -> FastAPI:
    """Build the app on ``context`` (opened at start: database, store, directory, senders).

    While the app runs, a thread queues the uploads that wait for the broker; when it
    stops, the database's connections are closed.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()
        flusher = threading.Thread(
            target=_flush_until, args=(context.flush_uploads, stop), name="upload-backlog", daemon=True
        )
        flusher.start()
        try:
            yield
        finally:
            stop.set()
            flusher.join(timeout=10)
            context.db.dispose()

    app = FastAPI(
        title="Rogatory",
        version="0.1.0",
        summary="Intake of international requests for mutual legal assistance and extradition",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    for part in (
        open_router,
        sign_in_router,
        language_router,
        router,
        review_router,
        archive_router,
        metrics_router,
        registry_pages,
        document_pages,
        mail_replies,
        search_pages,
        statistics_pages,
        admin_pages,
        user_admin_pages,
        refused_pages,
        denial_pages,
        bulk_router,
        saved_filter_router,
        queue_router,
    ):
        app.include_router(part)
    keep_context(app, context)
    add_docs(app)  # Swagger UI served by the service itself (web/api_docs.py)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(InputError, _bad_input)
    app.add_exception_handler(TransientError, _unavailable)
    app.add_exception_handler(NotSignedInError, _not_signed_in)
    app.add_exception_handler(ForbiddenError, _forbidden)
    app.add_exception_handler(DatabaseError, _database_damaged)
    app.middleware("http")(_security_headers)
    settings = context.settings
    app.add_middleware(LimitRequests, limits=_request_limits(settings))
    app.add_middleware(TrustedHosts, host_names=settings.host_names, proxies=settings.trusted_proxies)
    return app


def _request_limits(settings: Settings) -> RequestLimits:
    return RequestLimits(
        max_upload_bytes=settings.upload_body_limit,
        max_form_bytes=settings.max_form_bytes,
        timeout_seconds=settings.request_timeout_seconds,
        upload_timeout_seconds=settings.upload_timeout_seconds,
    )


def _flush_until(flush: Callable[[], object], stop: threading.Event) -> None:
    """Queue the uploads that wait for the broker until ``stop`` is set (the backlog paces itself)."""
    while not stop.wait(0.2):
        flush()


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    for name, value in _SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/metrics", "/openapi.json")):
        return False
    return "text/html" in request.headers.get("accept", "") or request.method == "GET"


async def _not_found(request: Request, error: Exception) -> Response:
    if _wants_html(request):
        return render_error(request, 404, N_("Not found"), str(error))
    return JSONResponse({"error": "not_found", "detail": str(error)}, status_code=404)


async def _bad_input(request: Request, error: Exception) -> Response:
    code = getattr(error, "code", "bad_input")
    status = 413 if code == "too_large" else 422
    if _wants_html(request):
        detail, technical = explained(code, str(error), request_translator(request))
        return render_error(request, status, N_("Cannot do that"), detail, technical=technical)
    return JSONResponse({"error": code, "detail": str(error)}, status_code=status)


async def _unavailable(request: Request, error: Exception) -> Response:
    if _wants_html(request):
        return render_error(request, 503, N_("Service unavailable"), str(error))
    return JSONResponse({"error": "unavailable", "detail": str(error)}, status_code=503)


async def _not_signed_in(request: Request, error: Exception) -> Response:
    if _wants_html(request):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/sign-in?next={quote(target, safe='/')}", status_code=303)
    return JSONResponse(
        {"error": "not_signed_in", "detail": str(error)},
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


async def _database_damaged(request: Request, error: Exception) -> Response:
    """A database file damaged while the app runs: 503 saying so (other database errors are bugs)."""
    damage = damage_in(error)
    if damage is None:
        raise error
    if _wants_html(request):
        return render_error(request, 503, N_("The database is damaged"), damage)
    return JSONResponse({"error": "database_damaged", "detail": damage}, status_code=503)


async def _forbidden(request: Request, error: Exception) -> Response:
    if _wants_html(request):
        return render_error(request, 403, N_("Not allowed"), str(error))
    return JSONResponse({"error": "forbidden", "detail": str(error)}, status_code=403)
