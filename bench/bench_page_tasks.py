"""One long scan, queued to routed, by one worker and by two: its pages OCR'd by page tasks.

A 20-page scan (a multi-page TIFF at 300 dpi: the request letter, then annex pages
of about 30 lines of text each, rendered with PIL) is registered and queued on
real parts, as in bench/bench_workers.py: a fresh PostgreSQL database, a Redis
database and a filesystem store each run, ``rogatory worker --concurrency 1``
processes (one, then two). The workers first process a warm-up scan of six pages
(so that each has loaded its engines and models once, as a running service has);
the timed part is the long scan alone, from queued to routed. Beside the wall
clock: the CPU seconds of the worker processes and their tesseract children over
that part (read from /proc), the cores they got, the load average before, and how
many pages each worker OCR'd. Side by side, the raw ``tesseract`` command on the
same 20 pages one after another (``-l eng --psm 6``, one thread), with
:func:`bench.bench_workers.tesseract_alone`.

    .venv/bin/python -m bench.bench_page_tasks [--pages 20] [--rounds 1] [--one-task]

The machine is shared: run it when ``uptime`` shows the least load, and read the
CPU seconds beside the wall clock (two workers can only scale on free cores).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import redis
from PIL import Image, ImageDraw, ImageFont

from bench.bench_workers import DONE, Run, environments, tesseract_alone
from rogatory.registration import Status
from rogatory.settings import Settings, load_settings
from service.bootstrap import task_sender
from storage.database import Database, open_database
from storage.object_stores import open_object_store
from storage.registry import get_request, register
from tests.postgres import fresh_database
from tests.scans import FREEZING_REQUEST

REDIS = "redis://127.0.0.1:6379/15"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PAGE = (2480, 3508)  # A4 at 300 dpi
STATEMENT = (
    "the witness stated that payments were made by the contractor to the official through "
    "accounts held abroad in the name of companies controlled by his brother and that the "
    "invoices for consulting services were false the bank records show transfers between "
    "march and october of each year to the account of the company registered in the state"
)


def render(text: str) -> Image.Image:
    """One page at 300 dpi: ``text`` in 11-point DejaVu Sans, wrapped to the page."""
    image = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 46)
    y = 250
    for paragraph in text.split("\n"):
        for line in textwrap.wrap(paragraph, width=72) or [""]:
            draw.text((250, y), line, fill=0, font=font)
            y += 80
    return image


def annex(page: int) -> str:
    """About 30 lines of statement text, different on every page (seeded by the page number)."""
    rng, words = random.Random(page), STATEMENT.split()
    sentences = [
        " ".join(rng.choice(words) for _ in range(rng.randint(12, 20))).capitalize() + "." for _ in range(24)
    ]
    return f"ANNEX PAGE {page}\n" + " ".join(sentences)


def scan_pages(pages: int) -> list[Image.Image]:
    return [render(FREEZING_REQUEST)] + [render(annex(page)) for page in range(2, pages + 1)]


def tiff(images: list[Image.Image]) -> bytes:
    buffer, images = io.BytesIO(), [image.copy() for image in images]  # no saved-with options kept
    images[0].save(
        buffer,
        format="TIFF",
        save_all=True,
        append_images=images[1:],
        compression="tiff_deflate",
        dpi=(300, 300),
    )
    return buffer.getvalue()


@dataclass(frozen=True)
class Timed:
    """The long scan through ``workers`` workers: its run, its status and the pages each worker read.

    ``handed_out`` is the time from queued until its pages were handed out (the part
    no second worker can share: the first page read and the models chosen);
    ``finishing`` from the finish task's start to routed.
    """

    workers: int
    run: Run
    status: Status
    pages_per_worker: tuple[int, ...]
    handed_out: float | None = None
    finishing: float | None = None


def _tree_cpu(pids: list[int]) -> float:
    """CPU seconds of these processes and their descendants, reaped children included (/proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0, list(pids)
    while todo:
        pid = todo.pop()
        todo.extend(parents.get(pid, []))
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


def _submit(settings: Settings, db: Database, data: bytes, name: str) -> str:
    digest = open_object_store(settings).put(data)
    number = register(
        db, sha256=digest, filename=name, size=len(data), media_type="image/tiff", source="cli"
    ).registration.number
    task_sender(settings).enqueue_processing(number)
    return number


def _until_done(db: Database, number: str, timeout: float = 1800) -> Status:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = get_request(db, number).registration.status
        if status in DONE:
            return status
        time.sleep(0.1)
    raise TimeoutError(f"{number} not done after {timeout} s")


def _logged_at(logs: list[Path], pattern: str) -> float | None:
    """The time (epoch seconds) of the first log line matching ``pattern``, in any log."""
    found = []
    for log in logs:
        for line in log.read_text(errors="replace").splitlines():
            if re.search(pattern, line):
                stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").astimezone()
                found.append(stamp.timestamp())
                break
    return min(found) if found else None


def _pages_read(log: Path, number: str) -> int:
    return len(re.findall(rf"reading page \d+ of {re.escape(number)}", log.read_text(errors="replace")))


def run(workers: int, document: bytes, warmup: bytes, *, page_tasks: bool = True) -> Timed:
    """Warm ``workers`` workers up on the warm-up scan, then time the long scan alone.

    ``page_tasks=False`` raises ``page_task_min_pages`` above the page count: the
    document is read in its own task, as before page tasks.
    """
    redis.Redis.from_url(REDIS).flushdb()
    with fresh_database() as url, tempfile.TemporaryDirectory() as folder:
        overrides = {} if page_tasks else {"ROGATORY_PAGE_TASK_MIN_PAGES": "100000"}
        env, child_env = environments(url, folder, REDIS)
        env.update(overrides)
        child_env.update(overrides)
        settings = load_settings(environ=env)
        db = open_database(url)
        logs = [Path(folder) / f"worker-{index}.log" for index in range(workers)]
        processes = []
        for log in logs:
            with log.open("wb") as out:
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "service", "worker"], env=child_env, stdout=out, stderr=out
                    )
                )
        try:
            warm = _submit(settings, db, warmup, "warmup.tif")
            _until_done(db, warm)
            cold = [log.name for log in logs if warm not in log.read_text(errors="replace")]
            if cold:
                print(f"  (warm-up: {', '.join(cold)} ran no task of it; its models load in the timed part)")
            pids = [process.pid for process in processes]
            load, cpu_before, started = os.getloadavg()[0], _tree_cpu(pids), time.perf_counter()
            queued_at = time.time()
            number = _submit(settings, db, document, "long.tif")
            status = _until_done(db, number)
            seconds, done_at = time.perf_counter() - started, time.time()
            handed_out = _logged_at(logs, rf"{re.escape(number)}: \d+ of \d+ pages handed out")
            finishing = _logged_at(logs, rf"finishing {re.escape(number)}")
            cpu = _tree_cpu(pids) - cpu_before
            per_worker = tuple(_pages_read(log, number) for log in logs)
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=120)
            db.dispose()
    redis.Redis.from_url(REDIS).flushdb()
    return Timed(
        workers,
        Run(seconds=seconds, cpu_seconds=cpu, load=load),
        status,
        per_worker,
        handed_out=handed_out - queued_at if handed_out else None,
        finishing=done_at - finishing if finishing else None,
    )


def report(label: str, result: Run, pages: int, extra: str = "") -> None:
    print(
        f"  {label:<16}{result.seconds:7.1f} s {60 * pages / result.seconds:6.1f} pages/min"
        f" {result.cpu_seconds:7.1f} CPU s ({result.cpu_seconds / pages:4.2f} a page)"
        f" {result.cpu_seconds / result.seconds:5.2f} cores used   load {result.load:4.1f}{extra}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1, help="one then two workers, this many times")
    parser.add_argument(
        "--one-task",
        action="store_true",
        help="also one worker with page tasks off (the document in one task)",
    )
    args = parser.parse_args()
    images = scan_pages(args.pages)
    document, warmup = tiff(images), tiff(scan_pages(6)[::-1])
    singles = [tiff([image]) for image in images]
    print(
        f"{args.pages}-page scan ({PAGE[0]}x{PAGE[1]} TIFF, 300 dpi), {os.cpu_count()} cores;"
        " queued to routed, workers warmed up first"
    )
    ratios = []
    for _ in range(args.rounds):
        one = run(1, document, warmup)
        two = run(2, document, warmup)
        alone = tesseract_alone(singles)
        for timed in (one, two):
            extra = f"   {timed.status.value}, pages OCR'd per worker {list(timed.pages_per_worker)}"
            if timed.handed_out is not None and timed.finishing is not None:
                extra += f"; pages out after {timed.handed_out:.1f} s, finish {timed.finishing:.1f} s"
            report(f"{timed.workers} worker{'s' if timed.workers > 1 else ''}", timed.run, args.pages, extra)
        if args.one_task:
            single = run(1, document, warmup, page_tasks=False)
            report("1 worker, 1 task", single.run, args.pages, f"   {single.status.value}, page tasks off")
        report("tesseract CLI", alone, args.pages, "   the pages one after another, eng --psm 6")
        ratios.append(one.run.seconds / two.run.seconds)
        if one.handed_out is not None and one.finishing is not None:
            shared = one.run.seconds - one.handed_out - one.finishing
            ideal = one.run.seconds / (one.handed_out + shared / 2 + one.finishing)
            print(f"  two / one with two free cores, from the one-worker run's parts: {ideal:.2f}x at most")
        print(
            f"  two / one: {ratios[-1]:.2f}x (target >= 1.8); one worker / CLI:"
            f" {one.run.seconds / alone.seconds:.2f}x the time,"
            f" {one.run.cpu_seconds / alone.cpu_seconds:.2f}x the CPU"
        )
    if len(ratios) > 1:
        print(f"two / one over {len(ratios)} rounds: " + ", ".join(f"{ratio:.2f}x" for ratio in ratios))


if __name__ == "__main__":
    main()
