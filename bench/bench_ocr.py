"""OCR throughput on the same page images: raw tesseract CLI, this project's stage, OCRmyPDF.

Usage: ``python -m bench.bench_ocr [CORPUS] [--pages N] [--jobs J] [--rounds R] [--skip-ocrmypdf]``.

The page images are the pages of the corpus's scanned documents (scanned PDFs
rendered at 300 dpi by the stage's own reader, TIFF/JPEG/PNG frames as they are),
written once as grayscale PNG files with their dpi. All three tools then read the
same files, with ``J`` pages in flight at once (default: every core), one thread per
tesseract process:

- ``tesseract CLI``: ``tesseract page.png stdout -l <lang>+eng --psm 6 tsv``, the
  settings the stage uses, with the language known in advance (the stage must
  find it, which is the cost it adds);
- ``rogatory stage``: :func:`extract.text.extract_text` on each page as a one-page
  PNG (so every page pays for its own orientation and language decision: the worst
  case; in a document the decision is made once), ``J`` threads, each with its own
  engines as each worker process has its own (the OCR child of the ``library``
  engine, :mod:`extract.ocr_process`); and ``stage, by doc``: the same pages put
  back into their documents as multi-page TIFFs, ``J`` documents in flight, as the
  workers process them (one decision per document). The OCR children are started
  and their models loaded before the first round, as a worker does once in its
  life; their CPU time is read from ``/proc`` while they run. With ``--cli-engine``
  ``stage by doc, cli`` runs the same documents with the ``cli`` engine (a
  tesseract process a call): the choice between the two, measured in one run;
- ``OCRmyPDF``: the same PNGs in one PDF per language (img2pdf, lossless), then
  ``ocrmypdf -j J -l <lang>+eng --rasterizer pypdfium --output-type pdf -O 0
  --sidecar`` (time to a text layer; no ghostscript or pngquant needed).

With ``--calls`` the documents are read once more, untimed, with every tesseract
call logged (band probe, full pass or OSD, its CPU seconds): where the stage's time
goes beyond one pass a page, and how many later pages were checked again.

First it times rendering PDF pages at 300 dpi in grayscale with pypdfium2 (what
the stage uses) against poppler's ``pdftoppm``. Prints pages per minute and CPU
seconds per page for each tool, with the load average as it starts (the machine
is shared), and the ratios the targets are set on; with ``--rounds R`` the tools
take turns R times, so a burst of other work does not fall on one tool only. Accuracy is
not measured here (pages are not aligned with the manifest text): use
bench_text.py or ``rogatory eval`` for CER.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import queue
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PIL import Image

import extract.tesseract
from extract.engines import OcrEngine, TextEngines, load_text_engines
from extract.images import PageImage, read_image_pages
from extract.language import tesseract_languages
from extract.ocr_process import OcrProcess
from extract.pdf import read_pdf_pages
from extract.text import SCRIPT_PROBES, TextOptions, extract_text
from rogatory.sources import MediaType, SourceFile

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")
TESSERACT = "/usr/bin/tesseract"


@dataclass(frozen=True)
class BenchPage:
    """One page image on disk and the language of its document."""

    path: Path
    language: str


def collect_pages(corpus: Path, folder: Path, *, limit: int) -> list[BenchPage]:
    """Write up to ``limit`` scanned page images of the corpus into ``folder``."""
    rows = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines() if line]
    pages: list[BenchPage] = []
    for row in rows:
        if row["kind"] == "born_digital" or len(pages) >= limit:
            continue
        path = corpus / row["file"]
        data = path.read_bytes()
        items: list[object]
        if path.suffix.lower() == ".pdf":
            items = list(read_pdf_pages(data, dpi=300, max_pages=2000, max_image_pixels=120_000_000))
        else:
            items = list(read_image_pages(data, max_image_pixels=120_000_000))
        for number, item in enumerate(items, start=1):
            if not isinstance(item, PageImage) or item.image is None or len(pages) >= limit:
                continue
            out = folder / f"{row['id']}-{number:03d}.png"
            dpi = item.dpi or 300
            item.image.convert("L").save(out, dpi=(dpi, dpi))
            pages.append(BenchPage(path=out, language=row["language"]))
    return pages


def compare_renderers(corpus: Path, folder: Path, *, limit: int) -> None:
    """Time pypdfium2 (the stage's renderer) against pdftoppm at 300 dpi, grayscale, one core."""
    rows = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines() if line]
    paths = [corpus / row["file"] for row in rows if row["file"].endswith(".pdf")][:limit]
    start = time.perf_counter()
    pages = 0
    for path in paths:
        document = pdfium.PdfDocument(path.read_bytes())
        for index in range(len(document)):
            page = document[index]
            page.render(scale=300 / 72, grayscale=True).to_pil().convert("L").tobytes()
            page.close()
            pages += 1
        document.close()
    pdfium_rate = pages / (time.perf_counter() - start)
    start = time.perf_counter()
    for number, path in enumerate(paths):
        subprocess.run(
            ["pdftoppm", "-r", "300", "-gray", str(path), str(folder / f"render-{number}")], check=True
        )
    poppler_rate = pages / (time.perf_counter() - start)
    print(f"render 300 dpi gray, {pages} pages of {len(paths)} PDFs: pypdfium2 {pdfium_rate:.2f} pages/s, ")
    print(f"  pdftoppm {poppler_rate:.2f} pages/s (files written, as a user of it would)")


def run_cli(page: BenchPage) -> None:
    """Raw tesseract on one page, one thread, the stage's settings."""
    subprocess.run(
        [TESSERACT, str(page.path), "stdout", "-l", tesseract_languages(page.language), "--psm", "6", "tsv"],
        check=True,
        capture_output=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )


class EnginePool:
    """One set of text engines per job in flight, as each worker process has its own."""

    def __init__(self, jobs: int, *, ocr_engine: OcrEngine) -> None:
        first = load_text_engines(tesseract=TESSERACT, ocr_engine=ocr_engine)
        self.engines = [first] + [replace(first, ocr=first.ocr and OcrProcess()) for _ in range(jobs - 1)]
        self._free: queue.SimpleQueue[TextEngines] = queue.SimpleQueue()
        for engines in self.engines:
            self._free.put(engines)

    def run(self, read: Callable[[BenchPage, TextEngines], str]) -> Callable[[BenchPage], str]:
        """``read`` with a set of engines no other job is using while it runs."""

        def call(item: BenchPage) -> str:
            engines = self._free.get()
            try:
                return read(item, engines)
            finally:
                self._free.put(engines)

        return call

    def warm_up(self, languages: set[str]) -> None:
        """Start each OCR child and load the models the stage will ask for (OSD's too)."""
        band = Image.new("L", (600, 80), 255)
        models = {"eng", *SCRIPT_PROBES, *(tesseract_languages(code) for code in languages)}
        for engines in self.engines:
            if engines.ocr is None:
                continue
            for languages_ in sorted(models):
                extract.tesseract.recognise(
                    band, executable=TESSERACT, languages=languages_, timeout_seconds=60, process=engines.ocr
                )
            extract.tesseract.detect_orientation(
                band, executable=TESSERACT, timeout_seconds=60, process=engines.ocr
            )

    def ocr_cpu_seconds(self) -> float:
        """CPU seconds of the running OCR children so far (not yet reaped: not in rusage)."""
        total = 0.0
        for engines in self.engines:
            pid = engines.ocr.pid if engines.ocr is not None else None
            if pid is not None:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total


def run_stage(page: BenchPage, engines: TextEngines) -> str:
    """The project's stage on one page image; returns the language it found."""
    source = SourceFile(data=page.path.read_bytes(), media_type=MediaType.PNG, name=page.path.name)
    document = extract_text(source, engines=engines, options=TextOptions())
    return document.language or "-"


def documents_of(pages: list[BenchPage], folder: Path) -> list[BenchPage]:
    """The pages put back into their documents: one multi-page TIFF per source document."""
    groups: dict[str, list[BenchPage]] = defaultdict(list)
    for page in pages:
        groups[page.path.name.rsplit("-", 1)[0]].append(page)
    documents = []
    for name, group in groups.items():
        images = [Image.open(page.path) for page in group]
        path = folder / f"{name}.tif"
        images[0].save(path, save_all=True, append_images=images[1:], compression="tiff_lzw", dpi=(300, 300))
        documents.append(BenchPage(path=path, language=group[0].language))
    return documents


def run_stage_document(document: BenchPage, engines: TextEngines) -> str:
    """The project's stage on one multi-page TIFF; returns the language it found."""
    source = SourceFile(data=document.path.read_bytes(), media_type=MediaType.TIFF, name=document.path.name)
    return extract_text(source, engines=engines, options=TextOptions()).language or "-"


def run_ocrmypdf(pages: list[BenchPage], folder: Path, *, jobs: int) -> None:
    """OCRmyPDF over one PDF per language made of the same PNGs."""
    import img2pdf  # type: ignore[import-untyped]

    by_language: dict[str, list[BenchPage]] = defaultdict(list)
    for page in pages:
        by_language[page.language].append(page)
    for language, group in by_language.items():
        source = folder / f"ocrmypdf-{language}.pdf"
        source.write_bytes(img2pdf.convert([str(page.path) for page in group]))
        subprocess.run(
            [
                str(Path(sys.executable).parent / "ocrmypdf"),
                "-q",
                "-j",
                str(jobs),
                "-l",
                tesseract_languages(language),
                "--rasterizer",
                "pypdfium",
                "--output-type",
                "pdf",
                "-O",
                "0",
                "--sidecar",
                str(folder / f"ocrmypdf-{language}.txt"),
                str(source),
                str(folder / f"ocrmypdf-{language}-out.pdf"),
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )


@contextlib.contextmanager
def logged_calls(log: list[tuple[str, float]], pool: EnginePool) -> Iterator[None]:
    """Log every tesseract call of the stage as (kind, child CPU seconds) while in the block.

    The kind is ``osd`` for ``--psm 0``, ``band`` for an image wider than tall (the
    language probes), ``page`` otherwise. Calls must not overlap (one thread).
    """
    run_cli, run_in_process = extract.tesseract._run, extract.tesseract._run_in_process
    osd_in_process = extract.tesseract._orientation_in_process

    def cpu() -> float:
        return _child_cpu_seconds() + pool.ocr_cpu_seconds()

    def logged(run: Callable[..., Any], *, osd: bool = False) -> Callable[..., Any]:
        def call(image: Image.Image, *args: Any, **kwargs: Any) -> Any:
            before = cpu()
            try:
                return run(image, *args, **kwargs)
            finally:
                kind = (
                    "osd"
                    if osd or "0" in kwargs.get("args", ())
                    else "band"
                    if image.width > image.height
                    else "page"
                )
                log.append((kind, cpu() - before))

        return call

    extract.tesseract._run = logged(run_cli)
    extract.tesseract._run_in_process = logged(run_in_process)
    extract.tesseract._orientation_in_process = logged(osd_in_process, osd=True)
    try:
        yield
    finally:
        extract.tesseract._run, extract.tesseract._run_in_process = run_cli, run_in_process
        extract.tesseract._orientation_in_process = osd_in_process


def print_calls(documents: list[BenchPage], pool: EnginePool) -> None:
    """Read each document once more, untimed, and print its tesseract calls."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    print("tesseract calls per document (kind x count, CPU s):")
    for document in documents:
        log: list[tuple[str, float]] = []
        with logged_calls(log, pool):
            source = SourceFile(
                data=document.path.read_bytes(), media_type=MediaType.TIFF, name=document.path.name
            )
            pages = extract_text(source, engines=pool.engines[0], options=TextOptions()).pages
        kinds: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
        for kind, cpu in log:
            for tally in (kinds[kind], totals[kind]):
                tally[0] += 1
                tally[1] += cpu
        first_pass = next((index for index, (kind, _) in enumerate(log) if kind == "page"), len(log))
        checked = sum(kind == "osd" for kind, _ in log[first_pass:])
        calls = ", ".join(f"{kind} x{int(n)} {cpu:.2f}" for kind, (n, cpu) in sorted(kinds.items()))
        print(f"  {document.path.stem}: {len(pages)} pages, {calls}; later pages checked again: {checked}")
    print("  all: " + ", ".join(f"{kind} x{int(n)} {cpu:.2f} s" for kind, (n, cpu) in sorted(totals.items())))


@dataclass(frozen=True)
class Timing:
    """Wall-clock pages per minute, and CPU seconds per page (this process and its children)."""

    pages_per_minute: float
    cpu_per_page: float


def timed(
    label: str, pages: int, action: Callable[[], object], *, running: Callable[[], float] = lambda: 0.0
) -> Timing:
    """Run ``action`` and print its figures.

    CPU time counts the tool's own processes (tesseract, OCRmyPDF and their workers,
    once reaped; ``running`` gives the CPU seconds of those still running, the OCR
    children) and this process: on a machine shared with other work it says what
    the tool costs when wall-clock time does not.
    """
    load = os.getloadavg()[0]
    before = _cpu_seconds() + running()
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() + running() - before
    timing = Timing(pages_per_minute=pages / seconds * 60, cpu_per_page=cpu / pages)
    figures = f"{seconds:>10.1f}{timing.pages_per_minute:>12.1f}{timing.cpu_per_page:>12.2f}"
    print(f"{label:<20}{pages:>6}{figures}{load:>8.1f}")
    return timing


def _child_cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def ratio(label: str, first: Timing, second: Timing, target: float) -> None:
    """Print the throughput ratio by wall clock and by CPU time."""
    wall = first.pages_per_minute / second.pages_per_minute
    cpu = second.cpu_per_page / first.cpu_per_page
    print(f"{label}: {wall:.2f} by wall clock, {cpu:.2f} by CPU time (target >= {target})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=16, help="page images to OCR")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-ocrmypdf", action="store_true")
    parser.add_argument(
        "--render-pdfs", type=int, default=10, help="PDFs for the renderer comparison (0: none)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="times each tool runs, taking turns")
    parser.add_argument("--calls", action="store_true", help="log the stage's tesseract calls per document")
    parser.add_argument(
        "--cli-engine", action="store_true", help="also time the stage by document with the cli engine"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        folder = Path(tmp)
        if args.render_pdfs and shutil.which("pdftoppm"):
            compare_renderers(args.corpus, folder, limit=args.render_pdfs)
        elif args.render_pdfs:
            print("renderers not compared: pdftoppm is not installed (Debian's poppler-utils)")
        pages = collect_pages(args.corpus, folder, limit=args.pages)
        documents = documents_of(pages, folder)
        pool = EnginePool(args.jobs, ocr_engine="library")
        pool.warm_up({page.language for page in pages})
        cli_pool = EnginePool(args.jobs, ocr_engine="cli") if args.cli_engine else None
        print(f"{len(pages)} page images of {len(documents)} documents, {args.jobs} in flight")
        for round_number in range(1, args.rounds + 1):
            print(f"round {round_number}")
            print(f"{'tool':<20}{'pages':>6}{'seconds':>10}{'pages/min':>12}{'CPU s/page':>12}{'load':>8}")
            ocrmypdf = not args.skip_ocrmypdf
            run_round(pages, documents, folder, pool, cli_pool, jobs=args.jobs, ocrmypdf=ocrmypdf)
        if args.calls:
            print_calls(documents, pool)


def run_round(
    pages: list[BenchPage],
    documents: list[BenchPage],
    folder: Path,
    pool: EnginePool,
    cli_pool: EnginePool | None,
    *,
    jobs: int,
    ocrmypdf: bool,
) -> None:
    """Every tool once over the same pages, ``jobs`` at a time, then the ratios."""
    found: list[str] = []
    with ThreadPoolExecutor(jobs) as threads:
        cli = timed("tesseract CLI", len(pages), lambda: list(threads.map(run_cli, pages)))
        stage = timed(
            "rogatory stage",
            len(pages),
            lambda: found.extend(threads.map(pool.run(run_stage), pages)),
            running=pool.ocr_cpu_seconds,
        )
        whole = timed(
            "stage, by doc",
            len(pages),
            lambda: list(threads.map(pool.run(run_stage_document), documents)),
            running=pool.ocr_cpu_seconds,
        )
        if cli_pool is not None:
            by_cli = timed(
                "stage by doc, cli",
                len(pages),
                lambda: list(threads.map(cli_pool.run(run_stage_document), documents)),
            )
    right = sum(code == page.language for code, page in zip(found, pages, strict=True))
    print(f"stage language right on {right}/{len(pages)} single pages")
    ratio("stage / tesseract CLI", stage, cli, 0.9)
    ratio(f"stage by document ({len(documents)} docs) / tesseract CLI", whole, cli, 0.9)
    if cli_pool is not None:
        ratio("stage by document, cli engine / tesseract CLI", by_cli, cli, 0.9)
    if ocrmypdf:
        other = timed("OCRmyPDF", len(pages), lambda: run_ocrmypdf(pages, folder, jobs=jobs))
        ratio("stage / OCRmyPDF", stage, other, 1.5)
        ratio("stage by document / OCRmyPDF", whole, other, 1.5)


if __name__ == "__main__":
    main()
