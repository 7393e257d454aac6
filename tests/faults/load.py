"""Many small files dropped into a running service at once, measured.

Shared by the slow test (tests/faults/test_load.py, 100 files) and the benchmark
(``python -m bench.bench_load``, 1,000 files). ``rogatory run`` is started on the
embedded default as a user starts it; the files (one-page text-layer requests, each
its own content) are written in a staging folder on the same disk and renamed into
the inbox one after the other, as fast as the disk allows. Then the registry is
read directly (the web API may ask for a sign-in): every file registered once,
numbers without gap, every request processed. The peak resident memory (VmHWM) of
every process of the service is sampled from /proc while it runs.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rogatory.registration import Registration, Status
from rogatory.settings import load_settings
from storage.database import Database, open_database
from storage.registry import list_rejections, list_requests
from tests.faults.hostile import text_pdf
from tests.faults.servers import ServiceProcess, children, free_port, peak_memory_kib, rogatory
from tests.scans import FREEZING_REQUEST

FINAL = {Status.ROUTED, Status.NEEDS_REVIEW, Status.FAILED}


@dataclass
class LoadReport:
    files: int
    drop_seconds: float
    registered_seconds: float
    processed_seconds: float
    registrations: list[Registration]
    rejections: int
    peak_kib: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        statuses: dict[str, int] = {}
        for registration in self.registrations:
            statuses[registration.status.value] = statuses.get(registration.status.value, 0) + 1
        out = [
            f"files dropped: {self.files} in {self.drop_seconds:.1f} s",
            f"all registered after {self.registered_seconds:.1f} s "
            f"({self.files / self.registered_seconds:.1f} files/s)",
            f"all processed after {self.processed_seconds:.1f} s "
            f"({self.files / self.processed_seconds * 60:.0f} documents/min)",
            f"registrations: {len(self.registrations)}, rejections: {self.rejections}, statuses: {statuses}",
        ]
        out += [f"peak memory {name}: {kib / 1024:.0f} MiB" for name, kib in sorted(self.peak_kib.items())]
        return out


def request_document(index: int) -> bytes:
    lines = [line.replace("(", "").replace(")", "") for line in FREEZING_REQUEST.splitlines()]
    return text_pdf([*lines, f"Reference LOAD-{index:05d}"])


class MemorySampler:
    """Samples the peak memory of a process and all its descendants every ``interval`` seconds."""

    def __init__(self, root: ServiceProcess, interval: float = 0.5) -> None:
        self.root = root
        self.interval = interval
        self.peaks: dict[int, tuple[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        pending = [(self.root.pid, "rogatory run (web app + watcher)")]
        while pending:
            pid, name = pending.pop()
            peak = peak_memory_kib(pid)
            if peak is not None:
                known = self.peaks.get(pid, (name, 0))
                self.peaks[pid] = (known[0], max(known[1], peak))
            kids = children(pid)
            role = "worker" if "rogatory run" in name else "worker pool process"
            pending += [(kid, self.peaks.get(kid, (role, 0))[0]) for kid in kids]

    def by_process(self) -> dict[str, int]:
        named: dict[str, int] = {}
        for pid, (name, peak) in sorted(self.peaks.items()):
            label = f"{name} [{pid}]"
            named[label] = peak
        return named


def run_load(files: int, work: Path, *, timeout: float) -> LoadReport:
    """Start ``rogatory run`` in ``work``, drop ``files`` files at once, wait, measure, stop."""
    data_dir = work / "data"
    env = {
        "ROGATORY_DATA_DIR": str(data_dir),
        "ROGATORY_STABLE_SECONDS": "0.5",
        "ROGATORY_WATCH_INTERVAL_SECONDS": "0.5",
        "ROGATORY_WEB_PORT": str(free_port()),
    }
    settings = load_settings(environ=env)
    settings.ensure_dirs()
    staging = work / "staging"
    staging.mkdir()
    names = [f"load-{index:05d}.pdf" for index in range(files)]
    for index, name in enumerate(names):
        (staging / name).write_bytes(request_document(index))
    service = rogatory("run", ["run"], env, work / "service.log")
    service.start()
    db = open_database(settings.database)
    try:
        _wait(lambda: "Rogatory is running" in service.log(), 120, service)
        with MemorySampler(service) as sampler:
            started = time.monotonic()
            for name in names:
                os.rename(staging / name, settings.inbox / name)
            dropped = time.monotonic() - started
            _wait(lambda: len(list_requests(db, limit=files + 10)) >= files, timeout, service)
            registered = time.monotonic() - started
            _wait(lambda: _finished(db, files), timeout, service)
            processed = time.monotonic() - started
            sampler.sample()
        registrations = list_requests(db, limit=files + 10)
        rejections = len(list_rejections(db, limit=files + 10))
    finally:
        status = service.stop(signal.SIGINT)
        db.dispose()
    assert status == 0, service.log()[-3000:]
    return LoadReport(files, dropped, registered, processed, registrations, rejections, sampler.by_process())


def _finished(db: Database, files: int) -> bool:
    registrations = list_requests(db, limit=files + 10)
    return len(registrations) >= files and all(r.status in FINAL for r in registrations)


def _wait(condition: Callable[[], bool], timeout: float, service: ServiceProcess) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if not service.alive():
            raise AssertionError(f"the service exited:\n{service.log()[-3000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s:\n{service.log()[-3000:]}")
        time.sleep(0.5)
