"""Text extraction on files no one here made: public projects' test PDFs and page photos.

Usage: ``python -m bench.bench_outside FOLDER [--truth bench/outside/truth.jsonl]
[--files a.pdf,b.png] [--cli] [--ocrmypdf]``.

Every PDF, PNG, JPEG and TIFF of FOLDER goes through :func:`extract.text.extract_text`
(engines loaded once, default ``TextOptions``); one line per page says where its text
came from (``text_layer``, ``ocr``, ``none``), its language, confidence, the rotation
applied, its length and its issues, and one line per file its CPU seconds (this process
and its tesseract children) or the error it raised: an ``InputError`` is a clear refusal,
anything else is a crash (a defect). With a truth file (JSON Lines of ``file``, ``page``,
``text`` and ``tesseract``, the models the page needs, e.g. ``"fra"``) the transcribed
pages are scored with :func:`rogatory.scoring.score_text`, the CER of ``bench_text``;
``--cli`` scores the raw tesseract CLI on the same page image (the stage's image, before
any turn; ``--psm 3``, its default, and ``--psm 6``, the stage's) with the right models,
``--ocrmypdf`` OCRmyPDF's sidecar text (``--rotate-pages --deskew --force-ocr``).

Nothing is downloaded here. The files of bench/outside/README.md come from source
distributions, fetched once with the registries' own client, for instance::

    pip download --no-deps --no-binary :all: ocrmypdf==17.13.0 pikepdf==10.18.0 \\
        pypdf==7.1.1 img2pdf==0.6.3 -d /tmp/dl
    # unpack, then copy the files the README names to FOLDER as <package>__<name>

Run it under ``nice -n 10`` on a shared machine; its figures are CPU seconds.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from bench.bench_text import _cpu_seconds
from extract.engines import TextEngines, load_text_engines
from extract.images import PageImage
from extract.pdf import TextLayerPage
from extract.text import TextOptions, extract_text, page_sources
from rogatory.errors import InputError
from rogatory.records import DocumentText
from rogatory.scoring import TextScore, score_text
from rogatory.sources import MediaType, SourceFile, sniff_media_type

SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
DEFAULT_TRUTH = Path(__file__).parent / "outside" / "truth.jsonl"


@dataclass(frozen=True)
class Truth:
    """A hand transcription of one page (1-based) of one file of the folder."""

    file: str
    page: int
    text: str
    tesseract: str


def load_truth(path: Path) -> list[Truth]:
    """The rows of a JSON Lines (or JSON list) truth file."""
    raw = path.read_text(encoding="utf-8")
    rows = (
        json.loads(raw)
        if raw.lstrip().startswith("[")
        else [json.loads(line) for line in raw.splitlines() if line.strip()]
    )
    return [Truth(row["file"], int(row["page"]), row["text"], row.get("tesseract", "eng")) for row in rows]


def read_file(
    path: Path, engines: TextEngines, options: TextOptions
) -> tuple[DocumentText | None, str, float]:
    """The document of one file, the error it raised ('' if none) and the CPU seconds taken."""
    start = _cpu_seconds()
    data = path.read_bytes()
    media_type = sniff_media_type(data)
    if media_type is None:
        return None, "not a PDF or image", 0.0
    try:
        document = extract_text(
            SourceFile(data=data, media_type=media_type, name=path.name), engines=engines, options=options
        )
    except InputError as error:
        return None, f"refused [{error.code}]: {error}", _cpu_seconds() - start
    except Exception as error:  # a crash is what this benchmark looks for
        return None, f"CRASH {type(error).__name__}: {error}", _cpu_seconds() - start
    return document, "", _cpu_seconds() - start


def print_document(name: str, document: DocumentText | None, error: str, cpu: float) -> None:
    if document is None:
        print(f"{name:<44} {'-':>3} {error}  cpu={cpu:.1f}s", flush=True)
        return
    issues = "; ".join(issue.message for issue in document.issues)
    print(f"{name:<44} {len(document.pages):>3} lang={document.language} cpu={cpu:.1f}s {issues}", flush=True)
    for page in document.pages:
        page_issues = "; ".join(issue.message for issue in page.issues)
        print(
            f"    p{page.number:<3} {page.source.value:<10} lang={page.language or '-':<3} "
            f"conf={page.confidence:.2f} rot={page.rotation:<3} chars={len(page.text):<5} {page_issues}",
            flush=True,
        )


def page_image(path: Path, number: int, options: TextOptions) -> Image.Image:
    """Page ``number`` as the stage would OCR it (a text-layer page rendered at the same dpi)."""
    data = path.read_bytes()
    media_type = sniff_media_type(data) or MediaType.PNG
    source = SourceFile(data=data, media_type=media_type, name=path.name)
    for index, item in enumerate(page_sources(source, options), start=1):
        if index != number:
            continue
        if isinstance(item, PageImage) and item.image is not None:
            return item.image
        if isinstance(item, TextLayerPage):
            document = pdfium.PdfDocument(data)
            return document[index - 1].render(scale=options.dpi / 72, grayscale=True).to_pil().convert("L")
    raise ValueError(f"{path.name} has no page image {number}")


def cli_text(image: Image.Image, languages: str, *, psm: int, dpi: int) -> str:
    """The raw tesseract CLI's text of one page image."""
    with tempfile.TemporaryDirectory() as folder:
        png = Path(folder) / "page.png"
        image.save(png, dpi=(dpi, dpi))
        command = ["tesseract", str(png), "stdout", "-l", languages, "--psm", str(psm), "--dpi", str(dpi)]
        return subprocess.run(command, capture_output=True, check=True, text=True).stdout


@functools.cache
def ocrmypdf_pages(path: Path, languages: str) -> tuple[str, ...]:
    """OCRmyPDF's sidecar text of a file, page by page (none when OCRmyPDF fails)."""
    with tempfile.TemporaryDirectory() as folder:
        sidecar, output = Path(folder) / "side.txt", Path(folder) / "out.pdf"
        command = [str(Path(sys.executable).parent / "ocrmypdf"), "-q", "-l", languages, "--rotate-pages"]
        command += ["--deskew", "--force-ocr", "--rasterizer", "pypdfium", "--output-type", "pdf", "-O", "0"]
        command += ["--sidecar", str(sidecar), "-j", "1"]
        if path.suffix.lower() != ".pdf":
            command += ["--image-dpi", "300"]
        done = subprocess.run([*command, str(path), str(output)], capture_output=True, check=False, text=True)
        if done.returncode != 0:
            print(f"ocrmypdf failed on {path.name}: {done.stderr.strip()[-300:]}")
            return ()
        return tuple(sidecar.read_text(encoding="utf-8").split("\f"))


def score_truth(
    folder: Path, truths: list[Truth], documents: dict[str, DocumentText | None], args: argparse.Namespace
) -> None:
    """Print the CER of each transcribed page for the stage and the chosen comparisons."""
    options = TextOptions()
    tools = (
        ["stage"] + (["cli psm3", "cli psm6"] if args.cli else []) + (["ocrmypdf"] if args.ocrmypdf else [])
    )
    totals = {tool: TextScore() for tool in tools}
    cpu = dict.fromkeys(tools, 0.0)
    print(f"\n{'file':<44}{'page':>5}{'chars':>6}" + "".join(f"{tool:>10}" for tool in tools))
    for truth in truths:
        document = documents.get(truth.file)
        texts = {"stage": _page_text(document, truth.page)}
        if args.cli:
            image = page_image(folder / truth.file, truth.page, options)
            for psm in (3, 6):
                start = _cpu_seconds()
                texts[f"cli psm{psm}"] = cli_text(image, truth.tesseract, psm=psm, dpi=options.dpi)
                cpu[f"cli psm{psm}"] += _cpu_seconds() - start
        if args.ocrmypdf:
            start = _cpu_seconds()
            pages = ocrmypdf_pages(folder / truth.file, truth.tesseract)
            cpu["ocrmypdf"] += _cpu_seconds() - start
            texts["ocrmypdf"] = pages[truth.page - 1] if truth.page <= len(pages) else ""
        scores = {tool: score_text(texts[tool], truth.text) for tool in tools}
        for tool in tools:
            totals[tool] = totals[tool] + scores[tool]
        cells = "".join(f"{(scores[tool].cer or 0.0):>10.4f}" for tool in tools)
        print(f"{truth.file:<44}{truth.page:>5}{scores['stage'].length:>6}{cells}", flush=True)
    cells = "".join(f"{(totals[tool].cer or 0.0):>10.4f}" for tool in tools)
    print(f"{'all (summed errors / summed chars)':<49}{totals['stage'].length:>6}{cells}")
    print(
        "CPU s of the comparisons (ocrmypdf: whole files, its workers included): "
        + ", ".join(f"{tool} {cpu[tool]:.1f}" for tool in tools[1:])
    )


def _page_text(document: DocumentText | None, number: int) -> str:
    if document is None or number > len(document.pages):
        return ""
    return document.pages[number - 1].text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--truth", type=Path, help=f"JSONL of file, page, text, tesseract (e.g. {DEFAULT_TRUTH})"
    )
    parser.add_argument("--files", help="comma-separated file names (default: all)")
    parser.add_argument("--cli", action="store_true", help="score the raw tesseract CLI too")
    parser.add_argument("--ocrmypdf", action="store_true", help="score OCRmyPDF's sidecar too")
    args = parser.parse_args()
    truths = load_truth(args.truth) if args.truth else []
    names = sorted(path.name for path in args.folder.iterdir() if path.suffix.lower() in SUFFIXES)
    if args.files:
        names = [name for name in names if name in args.files.split(",")]
    engines, options = load_text_engines(), TextOptions()
    documents: dict[str, DocumentText | None] = {}
    total_cpu, started = 0.0, time.perf_counter()
    for name in names:
        document, error, cpu = read_file(args.folder / name, engines, options)
        documents[name] = document
        total_cpu += cpu
        print_document(name, document, error, cpu)
    pages = sum(len(document.pages) for document in documents.values() if document)
    wall = time.perf_counter() - started
    print(f"{len(names)} files, {pages} pages, {total_cpu:.1f} CPU s, {wall:.0f} s wall")
    truths = [truth for truth in truths if truth.file in documents]
    if truths:
        score_truth(args.folder, truths, documents, args)


if __name__ == "__main__":
    main()
