"""Load: 100 small files dropped at once into the running service (bench/bench_load.py drops 1,000)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rogatory.registration import Status
from tests.faults.load import run_load

pytestmark = [pytest.mark.slow, pytest.mark.faults, pytest.mark.e2e]

FILES = 100


def test_a_hundred_files_dropped_at_once_are_each_registered_once_without_gaps_and_processed(
    tmp_path: Path,
) -> None:
    report = run_load(FILES, tmp_path, timeout=300)
    print("\n".join(report.lines()))  # the figures, shown with -s
    registrations = report.registrations
    assert len(registrations) == FILES
    assert len({registration.sha256 for registration in registrations}) == FILES
    assert sorted(registration.filename for registration in registrations) == [
        f"load-{index:05d}.pdf" for index in range(FILES)
    ]
    year = registrations[0].number.split("-")[1]
    assert sorted(registration.number for registration in registrations) == [
        f"RQ-{year}-{index:06d}" for index in range(1, FILES + 1)
    ]
    assert report.rejections == 0
    assert {registration.status for registration in registrations} <= {Status.ROUTED, Status.NEEDS_REVIEW}
    assert not list((tmp_path / "data" / "inbox").iterdir())
    assert len(list((tmp_path / "data" / "processed").iterdir())) == FILES
    assert any("worker pool process" in name for name in report.peak_kib)
