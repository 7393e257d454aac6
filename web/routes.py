"""The JSON API: list, get, upload, download and search registered requests."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Query, Request, UploadFile
from fastapi.responses import Response

from ingest.intake import IntakeContext, IntakeResult, intake_bytes
from rogatory.registration import Registration, RequestView, SearchHit, Status
from storage.registry import get_request, list_requests, search

router = APIRouter()


def _context(request: Request) -> IntakeContext:
    context: IntakeContext = request.app.state.intake
    return context


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/api/requests")
def list_all(
    request: Request,
    status: Status | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[Registration]:
    """Registered requests, newest first."""
    return list_requests(_context(request).db, status=status, limit=limit, offset=offset)


@router.get("/api/requests/{number}")
def get_one(request: Request, number: str) -> RequestView:
    """One request with its analysis (text, entities, classification, routing)."""
    return get_request(_context(request).db, number)


@router.get("/api/requests/{number}/original")
def download_original(request: Request, number: str) -> Response:
    """The original file, byte for byte as received."""
    context = _context(request)
    registration = get_request(context.db, number).registration
    data = context.store.get(registration.sha256)
    return Response(
        content=data,
        media_type=registration.media_type,
        headers={"Content-Disposition": f'attachment; filename="{number}{_suffix(registration.media_type)}"'},
    )


@router.post("/api/requests", status_code=201)
async def upload(request: Request, files: list[UploadFile]) -> list[IntakeResult]:
    """Register uploaded files through the same intake as the watched folder."""
    context = _context(request)
    results = []
    for upload_file in files:
        data = await upload_file.read()
        name = upload_file.filename or "upload"
        results.append(
            await asyncio.to_thread(intake_bytes, data, filename=name, source="upload", context=context)
        )
    return results


@router.get("/api/search")
def search_text(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[SearchHit]:
    """Full-text search over the text of every page."""
    return search(_context(request).db, q, limit=limit)


def _suffix(media_type: str) -> str:
    return {"application/pdf": ".pdf", "image/tiff": ".tif", "image/png": ".png", "image/jpeg": ".jpg"}.get(
        media_type, ""
    )
