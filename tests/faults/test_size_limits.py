"""Size limits: a file over ``max_file_bytes`` is refused without being read into memory or stored.

The inbox file is sparse (300 MB that take no disk), taken by ``intake_file`` in a
child process whose peak memory is then read: refusing it must not load it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.intake import IntakeContext, intake_bytes
from rogatory.settings import Settings
from storage.database import open_database
from storage.objects import FilesystemObjectStore
from storage.registry import list_rejections, list_requests
from tests.faults.test_broker_outage import request_pdf

pytestmark = pytest.mark.faults

CHILD = """
import json, resource, sys
from pathlib import Path
from ingest.intake import IntakeContext, intake_file
from rogatory.settings import Settings
from storage.database import open_database
from storage.objects import FilesystemObjectStore
settings = Settings(data_dir=Path(sys.argv[1]))
db = open_database(settings.database)
context = IntakeContext(settings=settings, db=db, store=FilesystemObjectStore(settings.objects_dir),
                        enqueue=lambda number: None)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = intake_file(settings.inbox / "huge.pdf", context=context)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"status": result.status, "code": result.code, "reason": result.reason,
                  "grown_kib": after - before}))
"""


def test_an_inbox_file_over_the_limit_is_refused_without_reading_it_into_memory(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    settings.ensure_dirs()
    huge = settings.inbox / "huge.pdf"
    with huge.open("wb") as handle:
        handle.write(request_pdf("huge")[:-6])
        handle.truncate(300 * 1024 * 1024)  # sparse: over the 200 MiB default
    finished = subprocess.run(
        [sys.executable, "-c", CHILD, str(settings.data_dir)],
        capture_output=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    outcome = json.loads(finished.stdout.decode().strip().splitlines()[-1])
    assert (outcome["status"], outcome["code"]) == ("rejected", "too_large")
    assert "more than the limit of 209.7 MB" in outcome["reason"]
    assert outcome["grown_kib"] < 64 * 1024  # hashed in 1 MB chunks, never held whole
    assert not huge.exists()
    assert (settings.quarantine_dir / "huge.pdf").stat().st_size == 300 * 1024 * 1024
    assert (settings.quarantine_dir / "huge.pdf.reason.txt").is_file()
    assert not [path for path in settings.objects_dir.rglob("*") if path.is_file()]


def test_an_upload_over_the_limit_is_refused_and_recorded(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", max_file_bytes=1_000_000)
    settings.ensure_dirs()
    db = open_database(settings.database)
    store = FilesystemObjectStore(settings.objects_dir)
    context = IntakeContext(settings=settings, db=db, store=store, enqueue=lambda _: None)
    data = request_pdf("upload")[:-6] + b"%" * 1_000_000 + b"\n%%EOF\n"
    result = intake_bytes(data, filename="big.pdf", source="upload", context=context)
    assert (result.status, result.code) == ("rejected", "too_large")
    assert list_requests(db) == []
    assert [rejection.code for rejection in list_rejections(db)] == ["too_large"]
    db.dispose()
