"""The JSON API: list, get, upload, download and search registered requests.

Every route needs a signed-in caller (session or API token); an authority user gets
only the requests routed or notified to their authority (see :mod:`web.access`).
"""

from __future__ import annotations

import asyncio
import functools
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response

from rogatory.errors import InputError, NotFoundError
from rogatory.listing import Facets, RegistryFilter
from rogatory.registration import IntakeResult, Registration, RequestView, SearchHit, Status
from rogatory.settings import Settings
from rogatory.submissions import Submission, SubmittedFile
from storage.audit import audit
from storage.database import Database
from storage.listing import count_facets, list_registry
from storage.registry import list_requests, search
from storage.search import check_query
from web.access import only_visible, visible_request
from web.auth import Registrar, SignedIn, signed_in
from web.context import SubmissionIntake
from web.dependencies import AppDb, AppSettings, AppStore, Submit, Upload
from web.download_names import content_disposition
from web.filters import filter_from_query
from web.health import check_health

router = APIRouter(dependencies=[Depends(signed_in)])
open_router = APIRouter()

#: Search asks the index for this many times the hits wanted when some may be invisible.
_OVERFETCH = 5
_CHUNK = 1024 * 1024
#: Pages of hits over which facets are counted.
_FACET_HITS = 2000


@open_router.get("/health", response_model=None)
def health(db: AppDb, settings: AppSettings) -> dict[str, object] | JSONResponse:
    """Whether the service works: 200 ``ok``, else 503 with what is missing.

    Missing: the database, a worker (a heartbeat fresher than three beats), the inbox
    watcher, or a task waiting longer than ``health_max_queue_age_seconds``. Says
    nothing of the registry but the age of its oldest waiting task.
    """
    report = check_health(db, settings)
    if report["status"] == "ok":
        return report
    return JSONResponse(report, status_code=503)


@router.get("/api/requests")
def list_all(
    db: AppDb,
    principal: SignedIn,
    status: Status | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[Registration]:
    """Registered requests the caller may see, newest first."""
    return list_requests(db, status=status, viewer=principal.user, limit=limit, offset=offset)


@router.get("/api/requests/{number}")
def get_one(db: AppDb, principal: SignedIn, number: str) -> RequestView:
    """One request with its analysis (text, entities, classification, routing)."""
    return visible_request(db, principal, number)


@router.get("/api/requests/{number}/original")
def download_original(db: AppDb, store: AppStore, principal: SignedIn, number: str) -> Response:
    """The original file, byte for byte as received, under its original name (audited as a download)."""
    registration = visible_request(db, principal, number, action="download").registration
    data = store.get(registration.sha256)
    return Response(
        content=data,
        media_type=registration.media_type,
        headers={
            "Content-Disposition": content_disposition(
                registration.filename, number, registration.media_type
            ),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )


@router.get("/api/requests/{number}/annexes/{position}")
def download_annex(
    db: AppDb, store: AppStore, principal: SignedIn, number: str, position: Annotated[int, Path(ge=2)]
) -> Response:
    """An annex of the request, byte for byte as received, under its name (audited as a download).

    A refused annex was not kept in the store (its envelope or the quarantine folder has
    it): 404, like an annex that does not exist.
    """
    view = visible_request(db, principal, number, action="download")
    annex = next((item for item in view.annexes if item.position == position), None)
    if annex is None or annex.status == "refused":
        raise NotFoundError(f"{number} has no annex {position} to download")
    media_type = str(annex.media_type) if annex.media_type is not None else "application/octet-stream"
    return Response(
        content=store.get(annex.sha256),
        media_type=media_type,
        headers={
            "Content-Disposition": content_disposition(annex.name, f"{number}-annex-{position}", media_type),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )


@router.post("/api/requests", status_code=201)
async def upload(
    request: Request,
    *,
    db: AppDb,
    settings: AppSettings,
    intake: Upload,
    principal: Registrar,
    files: list[UploadFile],
    submit: Submit,
    one_request: Annotated[bool, Form()] = False,
) -> list[IntakeResult]:
    """Register uploaded files through the same intake as the watched folder.

    Each file is its own request, or with ``one_request`` the files are one request:
    the first good one its main document, the others its annexes (each accepted file's
    result then carries the request's number; the files taken out of a ZIP or a PDF
    follow it). A file larger than ``max_file_bytes`` is
    refused (413) before it is read whole.
    """
    limit = settings.max_file_bytes
    declared = int(request.headers.get("content-length") or 0)
    if declared > limit * len(files) + _CHUNK:
        raise InputError(f"the upload is larger than {limit} bytes per file", code="too_large")
    if one_request:
        return await _upload_together(files, limit, db=db, submit=submit, actor=principal.actor)
    results = []
    for upload_file in files:
        data = await _read_limited(upload_file, limit)
        name = upload_file.filename or "upload"
        result = await asyncio.to_thread(functools.partial(intake, data, filename=name))
        detail = f"{result.status}: {name}" + (f" ({result.reason})" if result.reason else "")
        number = result.number or result.duplicate_of
        audit(db, action="upload", number=number, actor=principal.actor, detail=detail)
        results.append(result)
    return results


@router.get("/api/search")
def search_text(
    request: Request,
    *,
    db: AppDb,
    settings: AppSettings,
    principal: SignedIn,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[SearchHit]:
    """Full-text search over the text of every page the caller may see.

    The registry's filters narrow the hits: ``status``, ``language``, ``requesting_state``,
    ``route_to``, ``offence``, ``measure``, ``legal_basis``, ``flag``, ``received_from``,
    ``received_to``, ``deadline_before`` (ISO dates).
    """
    check_search(q, settings)
    filters = filter_from_query(request)
    narrowed = filters != RegistryFilter()
    wanted = limit if principal.user.role.sees_registry and not narrowed else max(limit * _OVERFETCH, 200)
    hits = only_visible(db, principal, search(db, q, limit=wanted), lambda hit: hit.number)
    if narrowed:
        numbers = tuple(dict.fromkeys(hit.number for hit in hits))
        kept = list_registry(
            db, principal.user, filters.model_copy(update={"numbers": numbers}), limit=len(numbers) or 1
        )
        allowed = {entry.number for entry in kept.entries}
        hits = [hit for hit in hits if hit.number in allowed]
    return hits[:limit]


@router.get("/api/search/facets")
def search_facets(
    db: AppDb,
    settings: AppSettings,
    principal: SignedIn,
    q: Annotated[str, Query(min_length=1, max_length=500)],
) -> Facets:
    """How many of the requests a search finds have each status, language, state,
    authority, offence, measure, legal basis and flag (the caller's requests only)."""
    check_search(q, settings)
    hits = only_visible(db, principal, search(db, q, limit=_FACET_HITS), lambda hit: hit.number)
    numbers = tuple(dict.fromkeys(hit.number for hit in hits))
    return count_facets(db, principal.user, RegistryFilter(numbers=numbers))


async def _upload_together(
    files: list[UploadFile], limit: int, *, db: Database, submit: SubmissionIntake, actor: str
) -> list[IntakeResult]:
    """The uploaded files registered as one request; one result per file in order (the files
    taken out of a ZIP or a PDF after it)."""
    submitted = [
        SubmittedFile(name=upload_file.filename or "upload", data=await _read_limited(upload_file, limit))
        for upload_file in files
    ]
    outcome = await asyncio.to_thread(
        functools.partial(submit, Submission(source="upload", files=tuple(submitted)))
    )
    result = outcome.request
    names = ", ".join(item.name for item in submitted)
    detail = f"{result.status}: {names} as one request" + (f" ({result.reason})" if result.reason else "")
    audit(db, action="upload", number=result.number or result.duplicate_of, actor=actor, detail=detail)
    return list(outcome.files)


async def _read_limited(upload_file: UploadFile, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := await upload_file.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise InputError(
                f"{upload_file.filename or 'the file'} is larger than {limit} bytes", code="too_large"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def check_search(query: str, settings: Settings) -> None:
    """Refuse (422) a search with too many or too long words (storage.search.check_query)."""
    check_query(query, max_terms=settings.search_max_terms, max_term_chars=settings.search_max_term_chars)
