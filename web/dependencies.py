"""The typed dependencies of the routes: the parts of the app's :class:`WebContext`.

Runs in the web process. :func:`create_app` keeps the context it was given; this module
is the one place that reads it from the app, and routes declare what they need with the
``Annotated`` aliases below (``db: AppDb``, ``directory: AppDirectory`` ...).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from prometheus_client import CollectorRegistry
from starlette.types import ASGIApp

from rogatory.directory import Directory
from rogatory.settings import Settings
from storage.database import Database
from storage.objects import ObjectStore
from web.context import ReviewContext, SubmissionIntake, UploadIntake, WebContext
from workers.letters import Drafter


def keep_context(app: FastAPI, context: WebContext) -> None:
    """Give ``app`` its context (at build time, by :func:`web.app.create_app`)."""
    app.state.context = context


def context_of(app: ASGIApp | FastAPI) -> WebContext:
    """The context of ``app``. Raises ``RuntimeError`` for an app that was not built with one."""
    context = getattr(getattr(app, "state", None), "context", None)
    if not isinstance(context, WebContext):
        raise RuntimeError("the web app was built without its context (web.app.create_app)")
    return context


def directory_of(app: ASGIApp | FastAPI) -> Directory | None:
    """The directory of ``app`` (for the names of authorities on every page); None without a context."""
    context = getattr(getattr(app, "state", None), "context", None)
    return context.directory if isinstance(context, WebContext) else None


def web_context(request: Request) -> WebContext:
    """The context of the app serving ``request``."""
    return context_of(request.app)


Context = Annotated[WebContext, Depends(web_context)]


def _db(context: Context) -> Database:
    return context.db


def _settings(context: Context) -> Settings:
    return context.settings


def _store(context: Context) -> ObjectStore:
    return context.store


def _directory(context: Context) -> Directory:
    return context.directory


def _drafter(context: Context) -> Drafter:
    return context.drafter


def _review(context: Context) -> ReviewContext:
    return context.review


def _deliver(context: Context) -> Callable[[str], None]:
    return context.review.deliver


def _upload(context: Context) -> UploadIntake:
    return context.upload


def _submit(context: Context) -> SubmissionIntake:
    return context.submit


def _metrics(context: Context) -> CollectorRegistry:
    return context.metrics


AppDb = Annotated[Database, Depends(_db)]
"""The database, opened at start."""
AppSettings = Annotated[Settings, Depends(_settings)]
AppStore = Annotated[ObjectStore, Depends(_store)]
"""The object store of the originals and page images."""
AppDirectory = Annotated[Directory, Depends(_directory)]
"""The authority directory, loaded and validated at start."""
AppDrafter = Annotated[Drafter, Depends(_drafter)]
"""Drafts the letters, with the templates loaded and checked at start."""
Review = Annotated[ReviewContext, Depends(_review)]
Deliver = Annotated[Callable[[str], None], Depends(_deliver)]
"""Queues the deliveries of a request (raises ``TransientError`` when the broker is down)."""
Upload = Annotated[UploadIntake, Depends(_upload)]
Submit = Annotated[SubmissionIntake, Depends(_submit)]
"""Takes in several uploaded files as one request."""
Metrics = Annotated[CollectorRegistry, Depends(_metrics)]
