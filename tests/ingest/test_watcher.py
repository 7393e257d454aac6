"""InboxWatcher: hands on stable originals only, ignores the rest, survives failing files."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from ingest.watcher import MIN_RETRY_SECONDS, InboxWatcher
from rogatory.settings import Settings


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Recorder:
    """A handle that records each path and moves it out of the inbox, like intake does."""

    def __init__(self, done: Path, failing: frozenset[str] = frozenset()) -> None:
        self.done = done
        self.failing = failing
        self.handled: list[str] = []

    def __call__(self, path: Path) -> None:
        self.handled.append(path.name)
        if path.name in self.failing:
            raise RuntimeError(f"cannot take {path.name}")
        path.rename(self.done / path.name)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings(data_dir=tmp_path, stable_seconds=2.0)
    settings.ensure_dirs()
    return settings


def _watcher(settings: Settings, handle: Recorder, clock: FakeClock) -> InboxWatcher:
    return InboxWatcher(settings, handle=handle, poll=True, clock=clock)


def test_existing_files_are_taken_once_stable_and_temporary_or_hidden_names_never(settings: Settings) -> None:
    inbox, clock = settings.inbox, FakeClock()
    recorder = Recorder(settings.processed_dir)
    for name in ("a.pdf", ".hidden.pdf", "~$lock.pdf", "b.pdf.part", "c.tmp", "d.pdf.crdownload"):
        (inbox / name).write_bytes(b"%PDF-1.7")
    watcher = _watcher(settings, recorder, clock)

    assert watcher.scan_once() == []
    clock.now += 2.0
    assert [path.name for path in watcher.scan_once()] == ["a.pdf"]
    clock.now += 10.0
    assert watcher.scan_once() == []
    assert recorder.handled == ["a.pdf"]


def test_a_growing_file_waits_until_it_stops_changing(settings: Settings) -> None:
    clock = FakeClock()
    recorder = Recorder(settings.processed_dir)
    watcher = _watcher(settings, recorder, clock)
    path = settings.inbox / "scan.pdf"
    with path.open("wb") as handle:
        for _ in range(4):
            handle.write(b"x" * 1000)
            handle.flush()
            watcher.scan_once()
            clock.now += 1.5
    watcher.scan_once()
    assert recorder.handled == []
    clock.now += 2.0
    watcher.scan_once()
    assert recorder.handled == ["scan.pdf"]


def test_a_symlink_or_a_folder_named_like_a_pdf_is_never_taken(settings: Settings, tmp_path: Path) -> None:
    clock = FakeClock()
    recorder = Recorder(settings.processed_dir)
    target = tmp_path / "elsewhere.pdf"
    target.write_bytes(b"%PDF-1.7")
    (settings.inbox / "link.pdf").symlink_to(target)
    (settings.inbox / "dir.pdf").mkdir()
    (settings.inbox / "dir.pdf" / "inner.pdf").write_bytes(b"%PDF-1.7")
    watcher = _watcher(settings, recorder, clock)
    for _ in range(3):
        watcher.scan_once()
        clock.now += 5.0
    assert recorder.handled == []
    assert target.exists()


def test_a_failing_file_is_logged_does_not_stop_the_others_and_is_retried_later(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock()
    recorder = Recorder(settings.processed_dir, failing=frozenset({"bad.pdf"}))
    for name in ("bad.pdf", "good.pdf"):
        (settings.inbox / name).write_bytes(b"%PDF-1.7")
    watcher = _watcher(settings, recorder, clock)
    watcher.scan_once()
    clock.now += 2.0
    watcher.scan_once()
    assert sorted(recorder.handled) == ["bad.pdf", "good.pdf"]
    assert "intake of" in caplog.text
    assert "bad.pdf failed" in caplog.text
    clock.now += 5.0
    watcher.scan_once()
    assert sorted(recorder.handled) == ["bad.pdf", "good.pdf"]
    clock.now += MIN_RETRY_SECONDS
    watcher.scan_once()
    clock.now += 2.0
    watcher.scan_once()
    assert sorted(recorder.handled) == ["bad.pdf", "bad.pdf", "good.pdf"]


@pytest.mark.parametrize("poll", [True, False], ids=["polling", "inotify"])
def test_run_takes_a_dropped_file_and_stops_when_asked(tmp_path: Path, poll: bool) -> None:
    settings = Settings(data_dir=tmp_path, stable_seconds=0.2, watch_interval_seconds=0.1)
    settings.ensure_dirs()
    recorder = Recorder(settings.processed_dir)
    stop = threading.Event()
    thread = threading.Thread(target=InboxWatcher(settings, handle=recorder, poll=poll).run, args=(stop,))
    thread.start()
    try:
        time.sleep(0.1)
        partial = settings.inbox / "scan.pdf.part"
        partial.write_bytes(b"%PDF-1.7 ...")
        os.rename(partial, settings.inbox / "scan.pdf")
        deadline = time.monotonic() + 5.0
        while not recorder.handled and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(timeout=5.0)
    assert not thread.is_alive()
    assert recorder.handled == ["scan.pdf"]
