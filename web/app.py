"""The FastAPI application factory: the JSON API of the registry.

Built at the entry point with the settings (``create_app(settings)``); uvicorn
serves it. Pages for the clerks come later; the OpenAPI schema is at
``/openapi.json`` and the interactive docs at ``/docs``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from classify.directory import load_directory
from ingest.intake import IntakeContext
from rogatory.errors import InputError, NotFoundError, TransientError
from rogatory.settings import Settings
from storage.database import open_database
from storage.objects import open_object_store
from web.archive_routes import router as archive_router
from web.metrics_routes import router as metrics_router
from web.review_routes import ReviewContext
from web.review_routes import router as review_router
from web.routes import router


def create_app(
    settings: Settings,
    *,
    enqueue: Callable[[str], None] | None = None,
    deliver: Callable[[str], None] | None = None,
) -> FastAPI:
    """Build the app. ``enqueue`` and ``deliver`` default to sending the Celery tasks.

    Raises ``ConfigurationError`` (at start) for an invalid authority directory.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings.ensure_dirs()
        db = open_database(settings.database)
        queue_processing, queue_delivery = (
            (enqueue, deliver) if enqueue and deliver else _celery_senders(settings)
        )
        app.state.intake = IntakeContext(
            settings=settings, db=db, store=open_object_store(settings), enqueue=enqueue or queue_processing
        )
        app.state.review = ReviewContext(
            settings=settings,
            directory=load_directory(settings.authorities_path),
            deliver=deliver or queue_delivery,
        )
        try:
            yield
        finally:
            db.dispose()

    app = FastAPI(
        title="Rogatory",
        version="0.1.0",
        summary="Intake of international requests for mutual legal assistance and extradition",
        lifespan=lifespan,
    )
    app.include_router(router)
    app.include_router(review_router)
    app.include_router(archive_router)
    app.include_router(metrics_router)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(InputError, _bad_input)
    app.add_exception_handler(TransientError, _unavailable)
    return app


def _celery_senders(settings: Settings) -> tuple[Callable[[str], None], Callable[[str], None]]:
    """Queueing of processing and of delivery through one Celery app for the settings' broker."""
    from workers.celery_app import create_celery, enqueue_delivery, enqueue_processing

    celery = create_celery(settings)
    return (
        lambda number: enqueue_processing(celery, number),
        lambda number: enqueue_delivery(celery, number),
    )


async def _not_found(request: Request, error: Exception) -> JSONResponse:
    return JSONResponse({"error": "not_found", "detail": str(error)}, status_code=404)


async def _bad_input(request: Request, error: Exception) -> JSONResponse:
    code = getattr(error, "code", "bad_input")
    return JSONResponse({"error": code, "detail": str(error)}, status_code=422)


async def _unavailable(request: Request, error: Exception) -> JSONResponse:
    return JSONResponse({"error": "unavailable", "detail": str(error)}, status_code=503)
