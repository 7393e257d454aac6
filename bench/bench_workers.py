"""Documents processed per minute by real Celery workers: one worker, then two.

Each run gets a fresh PostgreSQL database, a Redis database and a filesystem store;
N one-page scans (OCR-bound: TIFF images, no text layer) are registered and queued,
then ``rogatory worker --concurrency 1`` processes are started (one, then two) and
timed from start until every document is routed. Side by side: the same pages
through the ``tesseract`` command alone, one after another (what OCR costs without
the rest of the pipeline). Model loading is inside the overall timing, once per
worker; "steady" is the rate once every worker has finished its first document.
Beside the wall clock: the CPU seconds the workers and their tesseract processes
used (counted when they are reaped; the OCR child of each worker process is stopped at
its shutdown), the cores they got (CPU seconds over wall seconds) and the load
average before each run: on a shared 2-core machine another program's work takes the
second core, and two workers can only scale on free cores.

    .venv/bin/python -m bench.bench_workers [--docs 12] [--ocr-engine library|cli]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import redis
from PIL import Image, ImageDraw, ImageFont

from rogatory.registration import Status
from rogatory.settings import load_settings
from service.bootstrap import task_sender
from storage.database import open_database
from storage.object_stores import open_object_store
from storage.registry import list_requests, register
from tests.postgres import fresh_database

REDIS = "redis://127.0.0.1:6379/14"
TEXT = """MINISTRY OF JUSTICE
Central Authority for International Cooperation
Request for mutual legal assistance in criminal matters, reference {n}
The competent authority requests the freezing of the bank account
held by the suspect and the production of bank records for the period
from January 2024 to March 2025, in connection with the laundering of
the proceeds of bribery of a foreign public official."""
DONE = {Status.ROUTED, Status.NEEDS_REVIEW, Status.FAILED}


def page(serial: int) -> bytes:
    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 34)
    draw.multiline_text((120, 160), TEXT.format(n=serial), fill=0, font=font, spacing=18)
    path = Path(tempfile.mkstemp(suffix=".tif")[1])
    image.save(path, format="TIFF", compression="tiff_lzw", dpi=(200, 200))
    data = path.read_bytes()
    path.unlink()
    return data


@dataclass(frozen=True)
class Run:
    """One timed run: wall-clock seconds, CPU seconds of what it started, load before it.

    ``steady_seconds`` is the time from the moment every worker has finished its
    first document (models loaded, the first task done) to the last document, over
    ``steady_docs`` documents: the throughput once running, without start-up.
    """

    seconds: float
    cpu_seconds: float
    load: float
    steady_seconds: float = 0.0
    steady_docs: int = 0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def environments(
    url: str, folder: str, broker: str, *, ocr_engine: str = "library"
) -> tuple[dict[str, str], dict[str, str]]:
    """The settings of a run (database ``url``, data and store in ``folder``) and the workers' environment.

    The workers get no ``OMP_THREAD_LIMIT`` from here: the thread limit of their
    tesseract processes is the one the OCR wrapper sets (``ocr_threads``).
    """
    env = {
        "ROGATORY_DATA_DIR": folder,
        "ROGATORY_DATABASE_URL": url,
        "ROGATORY_BROKER_URL": broker,
        "ROGATORY_OBJECT_STORE_URL": f"file://{folder}/objects",
        "ROGATORY_WORKER_CONCURRENCY": "1",
        "ROGATORY_OCR_ENGINE": ocr_engine,
    }
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("ROGATORY_") and key != "OMP_THREAD_LIMIT"
    }
    return env, {**inherited, **env}


def run(workers: int, pages: list[bytes], *, ocr_engine: str = "library") -> Run:
    """Time ``workers`` one-process workers processing every page.

    The workers get no ``OMP_THREAD_LIMIT`` from here: the thread limit of their
    tesseract processes is the one the OCR wrapper sets (``ocr_threads``).
    """
    redis.Redis.from_url(REDIS).flushdb()
    with fresh_database() as url, tempfile.TemporaryDirectory() as folder:
        env, child_env = environments(url, folder, REDIS, ocr_engine=ocr_engine)
        settings = load_settings(environ=env)
        db, store = open_database(url), open_object_store(settings)
        sender = task_sender(settings)
        for data in pages:
            digest = store.put(data)
            number = register(
                db, sha256=digest, filename="scan.tif", size=len(data), media_type="image/tiff", source="cli"
            ).registration.number
            sender.enqueue_processing(number)
        load = os.getloadavg()[0]
        cpu_before = _children_cpu()
        started = time.perf_counter()
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "service", "worker"],
                env=child_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        done_at: list[float] = []
        try:
            while len(done_at) < len(pages):
                done = sum(r.status in DONE for r in list_requests(db, limit=len(pages) + 1))
                done_at.extend([time.perf_counter() - started] * (done - len(done_at)))
                time.sleep(0.2)
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=120)
        cpu = _children_cpu() - cpu_before
        db.dispose()
    redis.Redis.from_url(REDIS).flushdb()
    first_round = min(workers, len(pages)) - 1
    return Run(
        seconds=done_at[-1],
        cpu_seconds=cpu,
        load=load,
        steady_seconds=done_at[-1] - done_at[first_round],
        steady_docs=len(pages) - 1 - first_round,
    )


def tesseract_alone(pages: list[bytes]) -> Run:
    load = os.getloadavg()[0]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for index, data in enumerate(pages):
            path = Path(folder) / f"{index}.tif"
            path.write_bytes(data)
            subprocess.run(
                ["tesseract", str(path), "stdout", "-l", "eng", "--psm", "6"],
                check=True,
                capture_output=True,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
    return Run(seconds=time.perf_counter() - started, cpu_seconds=_children_cpu() - cpu_before, load=load)


def report(label: str, result: Run, docs: int) -> float:
    """Print a run's figures; returns its steady docs/min (its overall docs/min without one)."""
    steady = 60 * result.steady_docs / result.steady_seconds if result.steady_seconds else 0.0
    print(
        f"  {label:<18}{result.seconds:7.1f} s {60 * docs / result.seconds:7.1f} docs/min"
        f"{steady:8.1f} steady {result.cpu_seconds / docs:6.2f} CPU s/doc"
        f" {result.cpu_seconds / result.seconds:5.2f} cores used   load {result.load:4.1f}"
    )
    return steady or 60 * docs / result.seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=12)
    parser.add_argument(
        "--ocr-engine", choices=["library", "cli"], default="library", help="the workers' ocr_engine"
    )
    args = parser.parse_args()
    pages = [page(serial) for serial in range(args.docs)]
    assert len({hashlib.sha256(p).hexdigest() for p in pages}) == len(pages)
    one = run(1, pages, ocr_engine=args.ocr_engine)
    two = run(2, pages, ocr_engine=args.ocr_engine)
    alone = tesseract_alone(pages)
    print(
        f"{args.docs} one-page scans (OCR-bound), {os.cpu_count()} cores, ocr_engine {args.ocr_engine},"
        " load average before each run"
    )
    one_rate = report("one worker", one, args.docs)
    two_rate = report("two workers", two, args.docs)
    report("tesseract alone", alone, args.docs)
    print(
        f"  two / one: {one.seconds / two.seconds:.2f}x overall, {two_rate / one_rate:.2f}x steady"
        " (target >= 1.8)"
    )


if __name__ == "__main__":
    main()
