"""End to end on the embedded default: drop a scan into the inbox, get a routed request."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.service import RunningService
from tests.scans import FREEZING_REQUEST, scan

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

Drop = Callable[[str, bytes], Path]
NUMBER = re.compile(r"^RQ-\d{4}-\d{6}$")


def _by_name(service: RunningService, name: str) -> dict[str, Any] | None:
    return next((r for r in service.requests() if r["filename"] == name), None)


def _finished(service: RunningService, name: str) -> dict[str, Any] | None:
    found = _by_name(service, name)
    if found and found["status"] in ("routed", "needs_review", "failed"):
        return found
    return None


def test_a_dropped_scan_is_registered_ocrd_and_routed(service: RunningService, drop: Drop) -> None:
    drop("ghana-request.png", scan([FREEZING_REQUEST]))
    registration = service.wait_for(
        lambda: _finished(service, "ghana-request.png"), timeout=180, what="the scan to be processed"
    )
    assert NUMBER.match(registration["number"])
    assert registration["status"] == "routed", registration
    view = service.get(f"/api/requests/{registration['number']}")
    analysis = view["analysis"]
    assert analysis["text"]["pages"][0]["source"] == "ocr"
    assert "ASANTE" in analysis["text"]["pages"][0]["text"]
    assert analysis["text"]["language"] == "en"
    accounts = {e["value"] for e in analysis["entities"]["items"] if e["kind"] == "account"}
    assert "GB82WEST12345698765432" in accounts
    assert analysis["routing"]["route_to"] == "asset_recovery_office"
    assert analysis["routing"]["rule"]
    assert not (service.inbox / "ghana-request.png").exists()
    processed = list((service.data_dir / "processed").iterdir())
    assert any(path.name.endswith("ghana-request.png") for path in processed)


def test_the_same_file_twice_is_registered_once(service: RunningService, drop: Drop) -> None:
    data = scan(["Request for assistance\nMs Maria ROSSI, witness"])
    drop("first.png", data)
    first = service.wait_for(lambda: _by_name(service, "first.png"), timeout=60, what="first copy")
    drop("second.png", data)
    service.wait_for(
        lambda: not (service.inbox / "second.png").exists(), timeout=60, what="the duplicate to be taken"
    )
    assert _by_name(service, "second.png") is None
    processed = {path.name for path in (service.data_dir / "processed").iterdir()}
    assert any(name.startswith(f"duplicate-of-{first['number']}") for name in processed), processed


def test_fifty_files_at_once_get_fifty_gap_free_numbers(service: RunningService, drop: Drop) -> None:
    before = {r["number"] for r in service.requests()}
    for index in range(50):
        drop(f"batch-{index:02d}.png", scan([f"Batch request number {index}"]))
    registered = service.wait_for(
        lambda: (
            [r for r in service.requests() if r["filename"].startswith("batch-")]
            if len([r for r in service.requests() if r["filename"].startswith("batch-")]) == 50
            else None
        ),
        timeout=120,
        what="50 registrations",
    )
    numbers = sorted(int(r["number"].rsplit("-", 1)[1]) for r in registered)
    everything = sorted(int(n.rsplit("-", 1)[1]) for n in before) + numbers
    assert numbers == list(range(numbers[0], numbers[0] + 50))
    assert sorted(everything) == list(range(1, len(everything) + 1))


BAD_INPUTS = [
    ("empty.pdf", b"", "empty"),
    ("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "truncated_pdf"),
    ("letter.docx", b"PK\x03\x04" + b"\x00" * 200, "unsupported_type"),
    ("notes.pdf", b"This is plain text, not a PDF at all.\n" * 20, "unsupported_type"),
]


@pytest.mark.parametrize(("name", "data", "code"), BAD_INPUTS)
def test_bad_input_is_quarantined_with_a_reason(
    service: RunningService, drop: Drop, name: str, data: bytes, code: str
) -> None:
    drop(name, data)
    quarantine = service.data_dir / "quarantine"
    reason_file = service.wait_for(
        lambda: next(iter(quarantine.glob(f"*{name}.reason.txt")), None), timeout=60, what="quarantine"
    )
    reason = reason_file.read_text()
    assert code in reason
    assert any(p.name.endswith(name) and not p.name.endswith(".txt") for p in quarantine.iterdir())
    assert service.get("/health")["status"] == "ok"
