"""Statistics for the central authority: charts on the page and the same figures as CSV.

Central staff only (the figures cover the whole registry). Runs in the web process.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from storage.audit import audit
from storage.statistics import DIMENSIONS, Statistics, compute_statistics
from web.auth import CentralStaff, signed_in
from web.dependencies import AppDb
from web.languages import N_
from web.pages import render

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])

TITLES = {
    "month": N_("Requests received per month"),
    "channel": N_("By channel (how the request arrived)"),
    "status": N_("By status"),
    "requesting_state": N_("By requesting state"),
    "offence": N_("By offence"),
    "legal_basis": N_("By legal basis"),
    "measure": N_("By measure sought"),
    "route_to": N_("By executing authority"),
    "request_type": N_("By type of request"),
    "missing": N_("Missing elements (UNCAC art. 46(15))"),
}

# The channels as storage.statistics names them (its CHANNELS), in the reader's language.
CHANNEL_NAMES = {
    "mail": N_("e-mail"),
    "inbox": N_("inbox folder"),
    "upload": N_("upload"),
    "command line": N_("command line"),
}


def _period(request: Request) -> tuple[date | None, date | None]:
    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(request.query_params.get(name, ""))
        except ValueError:
            return None

    return day("since"), day("until")


@router.get("/statistics")
def statistics_page(request: Request, db: AppDb, principal: CentralStaff) -> Response:
    since, until = _period(request)
    figures = compute_statistics(db, since=since, until=until)
    return render(
        request,
        "statistics.html",
        principal,
        figures=figures,
        titles=TITLES,
        channel_names=CHANNEL_NAMES,
        dimensions=DIMENSIONS,
        since=since,
        until=until,
        query=request.url.query,
    )


@router.get("/statistics.csv")
def statistics_csv(request: Request, db: AppDb, principal: CentralStaff) -> Response:
    """``dimension,value,count`` rows, then the times, for a spreadsheet or a report."""
    since, until = _period(request)
    figures = compute_statistics(db, since=since, until=until)
    audit(db, action="export_statistics", actor=principal.actor, detail=f"{since} .. {until}")
    return Response(
        statistics_as_csv(figures),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="rogatory-statistics.csv"'},
    )


def statistics_as_csv(figures: Statistics) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["dimension", "value", "count"])
    writer.writerow(["total", "received", figures.received])
    writer.writerow(["total", "rejected_at_intake", figures.rejected])
    for dimension in DIMENSIONS:
        for value, count in figures.by_dimension.get(dimension, []):
            writer.writerow([dimension, value, count])
    for name, spread in (
        ("processing_hours", figures.processing_hours),
        ("routing_hours", figures.routing_hours),
    ):
        if spread:
            writer.writerow([name, "median", spread[0]])
            writer.writerow([name, "p90", spread[1]])
    return buffer.getvalue()
