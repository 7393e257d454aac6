"""End to end on the embedded default: a folder dropped into the inbox of `rogatory run` is one
request with its annexes, read by the service's Celery worker and routed, visible in the API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.service import RunningService
from tests.faults.hostile import text_pdf
from tests.scans import FREEZING_REQUEST

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

_TRANSLATION_OF_THE_ORDER = (
    "Order of the High Court of Accra",
    "The High Court orders the freezing of the account of Mr Kwame ASANTE",
    "DE89 3704 0044 0532 0130 00 held at a bank in the Reference State.",
)


def _request(service: RunningService, filename: str) -> dict[str, Any] | None:
    found = next((r for r in service.requests() if r["filename"] == filename), None)
    if found and found["status"] in ("routed", "needs_review", "failed"):
        return found
    return None


def test_a_dropped_folder_is_one_request_with_its_annexes_read_and_routed(
    service: RunningService, tmp_path: Path
) -> None:
    staging = tmp_path / "ghana-request"
    staging.mkdir()
    (staging / "1-letter.pdf").write_bytes(text_pdf(FREEZING_REQUEST.splitlines()))
    (staging / "2-order.pdf").write_bytes(text_pdf(_TRANSLATION_OF_THE_ORDER))
    (staging / "3-notes.txt").write_bytes(b"not a scan")
    staging.rename(service.inbox / "ghana-request")  # the folder arrives whole

    registration = service.wait_for(
        lambda: _request(service, "1-letter.pdf"), timeout=240, what="the folder to be processed"
    )
    assert registration["status"] == "routed", registration
    view = service.get(f"/api/requests/{registration['number']}")
    assert [(a["position"], a["name"], a["status"]) for a in view["annexes"]] == [
        (2, "2-order.pdf", "accepted"),
        (3, "3-notes.txt", "refused"),
    ]
    (annex,) = view["analysis"]["annexes"]
    accounts = {e["value"] for e in annex["entities"]["items"] if e["kind"] == "account"}
    assert accounts == {"DE89370400440532013000"}
    assert view["analysis"]["routing"]["route_to"] == "asset_recovery_office"
    assert len(service.requests()) == 1  # one registration for the folder
    processed = {path.name for path in (service.data_dir / "processed").iterdir()}
    assert f"{registration['number']}__ghana-request" in processed
