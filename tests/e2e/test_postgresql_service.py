"""End to end with the registry on PostgreSQL: the same service, its database chosen by settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.service import RunningService, start_service
from tests.postgres import fresh_database
from tests.scans import FREEZING_REQUEST, scan

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture
def service(tmp_path: Path) -> Iterator[RunningService]:
    with fresh_database() as url:
        running = start_service(tmp_path / "data", settings={"ROGATORY_DATABASE_URL": url})
        yield running
        assert running.stop() == 0, running.log()[-4000:]


def test_a_dropped_scan_is_registered_and_routed_on_postgresql(service: RunningService) -> None:
    temporary = service.inbox / ".pg-request.png.part"
    temporary.write_bytes(scan([FREEZING_REQUEST]))
    temporary.rename(service.inbox / "pg-request.png")

    def routed() -> dict[str, object] | None:
        found = [r for r in service.requests() if r["filename"] == "pg-request.png"]
        return found[0] if found and found[0]["status"] in {"routed", "needs_review", "failed"} else None

    registration = service.wait_for(routed, timeout=180, what="the scan to be processed on PostgreSQL")
    assert registration["status"] == "routed", registration
    assert registration["number"].endswith("-000001")
    assert "postgresql" in service.log()
    assert not (service.data_dir / "rogatory.db").exists()  # no SQLite file beside it
    hits = service.get("/api/search?q=ASANTE")
    assert [hit["number"] for hit in hits] == [registration["number"]]
