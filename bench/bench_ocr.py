"""OCR throughput on the same page images: raw tesseract CLI, this project's stage, OCRmyPDF.

Usage: ``python bench/bench_ocr.py [CORPUS] [--pages N] [--jobs J] [--skip-ocrmypdf]``.

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
  case, as in the per-page fan-out), engines loaded once per worker process;
- ``OCRmyPDF``: the same PNGs in one PDF per language (img2pdf, lossless), then
  ``ocrmypdf -j J -l <lang>+eng --rasterizer pypdfium --output-type pdf -O 0
  --sidecar`` (time to a text layer; no ghostscript or pngquant needed).

Prints pages per minute for each and the ratios the targets are set on. Accuracy
is not measured here (pages are not aligned with the manifest text): use
bench_text.py or ``rogatory eval`` for CER.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from extract.engines import TextEngines, load_text_engines
from extract.images import PageImage, read_image_pages
from extract.language import tesseract_languages
from extract.pdf import read_pdf_pages
from extract.text import TextOptions, extract_text
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


def run_cli(page: BenchPage) -> None:
    """Raw tesseract on one page, one thread, the stage's settings."""
    subprocess.run(
        [TESSERACT, str(page.path), "stdout", "-l", tesseract_languages(page.language), "--psm", "6", "tsv"],
        check=True,
        capture_output=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )


_ENGINES: dict[str, TextEngines] = {}


def _load_engines() -> None:
    _ENGINES["text"] = load_text_engines(tesseract=TESSERACT)


def run_stage(page: BenchPage) -> str:
    """The project's stage on one page image; returns the language it found."""
    source = SourceFile(data=page.path.read_bytes(), media_type=MediaType.PNG, name=page.path.name)
    document = extract_text(source, engines=_ENGINES["text"], options=TextOptions())
    return document.language or "-"


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


def timed(label: str, pages: int, action: Callable[[], object]) -> float:
    """Run ``action``, print and return pages per minute."""
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    rate = pages / seconds * 60
    print(f"{label:<16}{pages:>6}{seconds:>10.1f}{rate:>12.1f}", flush=True)
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=16, help="page images to OCR")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-ocrmypdf", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        folder = Path(tmp)
        pages = collect_pages(args.corpus, folder, limit=args.pages)
        print(f"{len(pages)} page images, {args.jobs} in flight")
        print(f"{'tool':<16}{'pages':>6}{'seconds':>10}{'pages/min':>12}")
        with ThreadPoolExecutor(args.jobs) as threads:
            cli = timed("tesseract CLI", len(pages), lambda: list(threads.map(run_cli, pages)))
        with ProcessPoolExecutor(args.jobs, initializer=_load_engines) as processes:
            list(processes.map(_warm, range(args.jobs)))
            found: list[str] = []
            stage = timed("rogatory stage", len(pages), lambda: found.extend(processes.map(run_stage, pages)))
        right = sum(code == page.language for code, page in zip(found, pages, strict=True))
        print(f"stage language right on {right}/{len(pages)} single pages")
        print(f"stage / tesseract CLI = {stage / cli:.2f} (target >= 0.9)")
        if not args.skip_ocrmypdf:
            ocrmypdf = timed("OCRmyPDF", len(pages), lambda: run_ocrmypdf(pages, folder, jobs=args.jobs))
            print(f"stage / OCRmyPDF = {stage / ocrmypdf:.2f} (target >= 1.5)")


def _warm(_: int) -> None:
    """Keep a worker busy a moment so that every worker process starts (and loads engines)."""
    time.sleep(2)


if __name__ == "__main__":
    main()
