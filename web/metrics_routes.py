"""``/metrics``: the Prometheus exposition of the deployment (see :mod:`workers.metrics`).

Admins only: Prometheus scrapes it with an admin's API token (``bearer_token`` in its
scrape configuration). The registry is the web context's, built at start.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from web.auth import Admin
from web.dependencies import Metrics

router = APIRouter()


@router.get("/metrics", include_in_schema=False)
def metrics(registry: Metrics, principal: Admin) -> Response:
    """Documents by status, queue depth, task durations, pages by source and OCR pages."""
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
