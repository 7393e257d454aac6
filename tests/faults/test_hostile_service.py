"""Every kind of hostile file dropped at once into the running service (``rogatory run``).

The same table as tests/faults/test_hostile_files.py, plus the odd-but-readable
files, dropped together into the inbox of the embedded service: each bad file ends
in quarantine beside a ``.reason.txt`` with its code, the readable ones are
registered and processed, and afterwards the service still answers and processes a
good request.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rogatory.registration import Status
from rogatory.settings import load_settings
from storage.database import open_database
from storage.registry import list_rejections, list_requests
from tests.e2e.service import RunningService, start_service
from tests.faults.test_broker_outage import drop, request_pdf
from tests.faults.test_hostile_files import ACCEPTED, CASES

pytestmark = [pytest.mark.slow, pytest.mark.faults, pytest.mark.e2e]

FINAL = {Status.ROUTED, Status.NEEDS_REVIEW, Status.FAILED}


@pytest.fixture
def service(tmp_path: Path) -> Iterator[RunningService]:
    running = start_service(tmp_path / "data")
    yield running
    assert running.stop() == 0, running.log()[-4000:]


def test_hostile_files_dropped_together_are_each_quarantined_with_their_reason_and_the_service_goes_on(
    service: RunningService,
) -> None:
    cases = [case for case in CASES if case[2] != "too_large"]  # the service keeps its 200 MB limit
    for name, make, _code, _phrase in cases:
        drop(service.inbox, name, make())
    for name, make, _media_type in ACCEPTED:
        drop(service.inbox, name, make())
    service.wait_for(lambda: not list(service.inbox.iterdir()), timeout=120, what="the inbox to empty")

    quarantine = service.data_dir / "quarantine"
    codes = {}
    for reason_file in quarantine.glob("*.reason.txt"):
        fields = dict(line.split(": ", 1) for line in reason_file.read_text(encoding="utf-8").splitlines())
        codes[fields["file"]] = fields["code"]
        assert (quarantine / fields["file"]).is_file()
    assert codes == {name: str(code) for name, _make, code, _phrase in cases}

    settings = load_settings(environ={}, data_dir=service.data_dir)
    db = open_database(settings.database)
    try:
        assert len(list_rejections(db, limit=100)) == len(cases)
        drop(service.inbox, "after.pdf", request_pdf("after the hostile files"))

        def finished() -> bool:
            requests = list_requests(db, limit=100)
            return len(requests) == len(ACCEPTED) + 1 and all(r.status in FINAL for r in requests)

        service.wait_for(finished, timeout=240, what="the readable files to be processed")
        requests = {request.filename: request for request in list_requests(db, limit=100)}
        assert requests["after.pdf"].status == Status.ROUTED
        for name, _make, _media_type in ACCEPTED:
            # Odd files end visibly: analysed, or failed with a reason; never stuck.
            assert requests[name].status != Status.FAILED or requests[name].status_reason
        assert service.get("/health")
    finally:
        db.dispose()
