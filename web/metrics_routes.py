"""``/metrics``: the Prometheus exposition of the deployment (see :mod:`workers.metrics`).

Admins only: Prometheus scrapes it with an admin's API token (``bearer_token`` in its
scrape configuration).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from ingest.intake import IntakeContext
from web.auth import Admin
from workers.celery_app import QUEUE, create_celery
from workers.metrics import ArchiveCollector, metrics_registry

router = APIRouter()


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request, principal: Admin) -> Response:
    """Documents by status, queue depth, task durations, pages by source and OCR pages."""
    state = request.app.state
    if not hasattr(state, "metrics_registry"):
        intake: IntakeContext = state.intake
        collector = ArchiveCollector(intake.db, create_celery(intake.settings), QUEUE)
        state.metrics_registry = metrics_registry(collector)
    return Response(generate_latest(state.metrics_registry), media_type=CONTENT_TYPE_LATEST)
