"""tesseract in process (tesserocr) against the tesseract CLI, on the same page images.

tesserocr is not a dependency of the project: this measures whether it should be.
Run it with an interpreter that has tesserocr and Pillow, from the repository root::

    python -m venv /tmp/tesserocr-venv
    /tmp/tesserocr-venv/bin/pip install --no-binary tesserocr tesserocr pillow  # Debian's libtesseract
    /tmp/tesserocr-venv/bin/python -m bench.bench_tesserocr [CORPUS] [--pages N] [--rounds R]

(``--no-binary`` builds it against Debian's libtesseract, the library behind
``/usr/bin/tesseract``: it needs ``libtesseract-dev libleptonica-dev pkg-config``;
the binary wheel bundles a newer tesseract of its own, which is a different engine.)

The pages are the frames of the corpus's ``image`` documents (Pillow only), in
grayscale. Both sides read them one at a time with one OpenMP thread, the model of
the document's language and ``--psm 6``, with TSV output: the CLI as the stage runs
it (PNM on stdin, one process a page), tesserocr with one ``PyTessBaseAPI`` per
language kept open. Prints CPU seconds per page of each (the CLI's children, this
process for tesserocr), wall seconds, the TSV rows each produced and the load average.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import resource
import subprocess
import time
from pathlib import Path
from typing import Any

from PIL import Image, ImageSequence

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")
TESSERACT = "/usr/bin/tesseract"
TESSDATA = "/usr/share/tesseract-ocr/5/tessdata/"
#: The stage's models per language (extract/language.py's tesseract_languages).
MODELS = {
    "en": "eng",
    "fr": "fra",
    "es": "spa",
    "pt": "por",
    "de": "deu",
    "it": "ita",
    "ru": "rus+eng",
    "ar": "ara+eng",
}


def image_pages(corpus: Path, *, limit: int) -> list[tuple[Image.Image, str]]:
    """Up to ``limit`` grayscale frames of the corpus's image documents, with their models."""
    rows = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines() if line]
    pages: list[tuple[Image.Image, str]] = []
    for row in rows:
        if row["kind"] != "image":
            continue
        with Image.open(corpus / row["file"]) as image:
            for frame in ImageSequence.Iterator(image):
                if len(pages) < limit:
                    pages.append((frame.convert("L"), MODELS[row["language"]]))
    return pages


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_cli(pages: list[tuple[Image.Image, str]]) -> tuple[float, float, int]:
    """CPU seconds of the tesseract processes, wall seconds, TSV rows."""
    before, start, rows = cpu_seconds(resource.RUSAGE_CHILDREN), time.perf_counter(), 0
    for image, models in pages:
        buffer = io.BytesIO()
        image.save(buffer, format="PPM")
        command = [TESSERACT, "stdin", "stdout", "--dpi", "300", "-l", models, "--psm", "6", "tsv"]
        output = subprocess.run(
            command,
            input=buffer.getvalue(),
            capture_output=True,
            check=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        ).stdout
        rows += output.count(b"\n") - 1
    return cpu_seconds(resource.RUSAGE_CHILDREN) - before, time.perf_counter() - start, rows


def run_in_process(tesserocr: Any, pages: list[tuple[Image.Image, str]]) -> tuple[float, float, int]:
    """CPU seconds of this process, wall seconds, TSV rows; one open API per model set."""
    apis: dict[str, Any] = {}
    before, start, rows = cpu_seconds(resource.RUSAGE_SELF), time.perf_counter(), 0
    try:
        for image, models in pages:
            if models not in apis:
                apis[models] = tesserocr.PyTessBaseAPI(
                    path=TESSDATA, lang=models, psm=tesserocr.PSM.SINGLE_BLOCK
                )
            api = apis[models]
            api.SetImage(image)
            api.SetSourceResolution(300)
            rows += api.GetTSVText(0).count("\n")
    finally:
        for api in apis.values():
            api.End()
    return cpu_seconds(resource.RUSAGE_SELF) - before, time.perf_counter() - start, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"  # before libtesseract starts OpenMP in this process
    tesserocr = importlib.import_module("tesserocr")
    print(tesserocr.tesseract_version().splitlines()[0], "in process;", TESSERACT, "as the CLI")
    pages = image_pages(args.corpus, limit=args.pages)
    for round_number in range(1, args.rounds + 1):
        for label, result in (
            ("tesseract CLI", run_cli(pages)),
            ("tesserocr", run_in_process(tesserocr, pages)),
        ):
            cpu, wall, rows = result
            print(
                f"round {round_number} {label:<14}{len(pages):>4} pages {cpu / len(pages):6.2f} CPU s/page"
                f" {wall:7.1f} s wall {rows:6d} TSV rows   load {os.getloadavg()[0]:.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
