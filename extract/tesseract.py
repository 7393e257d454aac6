"""The one wrapper around tesseract: OCR and orientation detection.

Runs in the worker process. OCR and orientation detection go to the worker's
long-lived OCR child (:class:`extract.ocr_process.OcrProcess`, tesseract's library
with its models kept loaded) when one is given, else to the tesseract executable,
with the same TSV and orientation out. Each call of the executable starts one
tesseract process limited to ``threads`` OpenMP threads (``OMP_THREAD_LIMIT``,
default one: documents and pages already run in parallel, and Debian's tesseract
links libgomp, whose threads spin for a core when they are not alone on the
machine), hands it the page image as an uncompressed TIFF in a private temporary
file (the child is handed the same file) and reads TSV or OSD output from stdout,
with a timeout. Failures become :class:`TesseractError`; a missing
executable is a ``ConfigurationError``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from PIL import Image

from extract.ocr_process import OcrProcess, OcrProcessError
from rogatory.errors import ConfigurationError, RogatoryError
from rogatory.records import Word

_TSV_COLUMNS = 12
#: OCR lines read with less mean confidence than this are noise (rules, smudges, stamps).
MIN_LINE_CONFIDENCE = 0.4
#: Invisible direction marks that tesseract puts around right-to-left words.
_BIDI_MARKS = str.maketrans(
    dict.fromkeys("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
#: What tesseract says (exiting with an error) when OSD finds too little text.
_TOO_FEW_CHARACTERS = "Too few characters"


class TesseractError(RogatoryError):
    """Tesseract crashed, timed out or produced output we cannot read (one page)."""

    code = "ocr_failed"

    def __init__(self, message: str, *, code: str | None = None, stderr: str = "") -> None:
        super().__init__(message, code=code)
        self.stderr = stderr


@dataclass(frozen=True)
class Orientation:
    """What tesseract's orientation and script detection (``--psm 0``) says of a page.

    ``rotate`` is how many degrees the page must turn clockwise to stand upright.
    """

    rotate: int
    orientation_confidence: float
    script: str
    script_confidence: float


@dataclass(frozen=True)
class OcrResult:
    """The recognised text of one page image, its words and mean word confidence (0..1)."""

    text: str
    words: tuple[Word, ...]
    confidence: float


def check_tesseract(*, executable: str) -> None:
    """Check that tesseract can be run. Raises ``ConfigurationError`` when it cannot."""
    if shutil.which(executable) is None or not os.access(executable, os.X_OK):
        raise ConfigurationError(f"tesseract is not installed at {executable}")


def recognise(
    image: Image.Image,
    *,
    executable: str,
    languages: str,
    timeout_seconds: float,
    dpi: int | None = None,
    psm: int = 6,
    threads: int = 1,
    process: OcrProcess | None = None,
) -> OcrResult:
    """OCR one page image with the given models (``"fra+eng"``), in ``process`` if given.

    The default page segmentation, 6 (one uniform block), keeps the rows of tables
    together and never drops paragraphs; on dev-corpus pages 3 and 4 each lost whole
    blocks or split tables into columns on some pages (CER 0.2 to 0.5) and were at
    most 0.01 better on the others.

    Raises ``TesseractError`` when tesseract fails or times out.
    """
    if process is not None:
        return parse_tsv(
            _run_in_process(
                image,
                process,
                languages=languages,
                psm=psm,
                dpi=dpi,
                timeout_seconds=timeout_seconds,
                threads=threads,
            )
        )
    args = ["-l", languages, "--psm", str(psm), "tsv"]
    output = _run(
        image, executable=executable, args=args, dpi=dpi, timeout_seconds=timeout_seconds, threads=threads
    )
    return parse_tsv(output)


def detect_orientation(
    image: Image.Image,
    *,
    executable: str,
    timeout_seconds: float,
    dpi: int | None = None,
    threads: int = 1,
    process: OcrProcess | None = None,
) -> Orientation | None:
    """Detect the orientation and script of a page (in ``process`` if given); ``None``
    when it has too little text.

    Raises ``TesseractError`` when tesseract fails or times out.
    """
    if process is not None:
        return _orientation_in_process(
            image, process, dpi=dpi, timeout_seconds=timeout_seconds, threads=threads
        )
    try:
        output = _run(
            image,
            executable=executable,
            args=["--psm", "0"],
            dpi=dpi,
            timeout_seconds=timeout_seconds,
            threads=threads,
        )
    except TesseractError as error:
        if _TOO_FEW_CHARACTERS in error.stderr:
            return None
        raise
    return parse_osd(output)


def parse_osd(output: str) -> Orientation | None:
    """Read the ``key: value`` lines of tesseract OSD output; ``None`` if they are absent."""
    values: dict[str, str] = {}
    for line in output.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            values[key.strip()] = value.strip()
    try:
        return Orientation(
            rotate=int(values["Rotate"]) % 360,
            orientation_confidence=float(values["Orientation confidence"]),
            script=values["Script"],
            script_confidence=float(values["Script confidence"]),
        )
    except (KeyError, ValueError):
        return None


def parse_tsv(output: str) -> OcrResult:
    """Turn tesseract TSV into text (lines in reading order) and words with boxes.

    Lines are separated by a newline, paragraphs and blocks too. A line whose mean
    word confidence is below ``MIN_LINE_CONFIDENCE`` is dropped with its words: it is
    a ruled line, a smudge or a stamp read as characters, not text. Confidence is the
    mean word confidence weighted by word length, 0 when there are no words.
    """
    lines: dict[tuple[int, int, int, int], list[Word]] = {}
    for row in output.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) != _TSV_COLUMNS or cells[0] != "5":
            continue
        text = cells[11].translate(_BIDI_MARKS).strip()
        if not text:
            continue
        page, block, par, line = (int(cell) for cell in cells[1:5])
        left, top, width, height = (int(cell) for cell in cells[6:10])
        confidence = min(max(float(cells[10]) / 100.0, 0.0), 1.0)
        word = Word(text=text, left=left, top=top, width=width, height=height, confidence=confidence)
        lines.setdefault((page, block, par, line), []).append(word)
    kept = [line for line in lines.values() if mean_confidence(line) >= MIN_LINE_CONFIDENCE]
    words = tuple(word for line in kept for word in line)
    text = "\n".join(" ".join(word.text for word in line) for line in kept)
    return OcrResult(text=text, words=words, confidence=mean_confidence(words))


def mean_confidence(words: Sequence[Word]) -> float:
    """Mean word confidence weighted by word length; 0 for no words."""
    total = sum(len(word.text) for word in words)
    return sum(word.confidence * len(word.text) for word in words) / total if total else 0.0


def _run(
    image: Image.Image,
    *,
    executable: str,
    args: list[str],
    dpi: int | None,
    timeout_seconds: float,
    threads: int,
) -> str:
    """Run tesseract on ``image`` and return its stdout.

    The image is written as an uncompressed TIFF to a temporary file (mode 0600,
    removed on return) that tesseract reads by name: on 300 dpi dev pages tesseract
    spent about 0.3 CPU s more on the same pixels sent as PNM on stdin, 0.2 s more
    on a PNM file and 0.05 s more on a PNG file (same TSV output). The
    child's environment is this process's with ``OMP_THREAD_LIMIT=threads``,
    whatever the caller's environment says.

    Raises ``ConfigurationError`` if the executable is missing, ``TesseractError``
    on a timeout, a non-zero exit or output that is not UTF-8.
    """
    env = {**os.environ, "OMP_THREAD_LIMIT": str(threads)}
    with tempfile.NamedTemporaryFile(prefix="rogatory-page-", suffix=".tif") as handle:
        _write_tiff(image, handle)
        command = [executable, handle.name, "stdout"]
        if dpi:
            command += ["--dpi", str(dpi)]
        try:
            completed = subprocess.run(
                command + args,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout_seconds,
                env=env,
                check=False,
            )
        except FileNotFoundError as error:
            raise ConfigurationError(f"tesseract is not installed at {executable}") from error
        except subprocess.TimeoutExpired as error:
            raise TesseractError(f"OCR took longer than {timeout_seconds:g} s", code="ocr_timeout") from error
    if completed.returncode != 0:
        stderr = completed.stderr.decode("utf-8", "replace")
        detail = stderr.strip().splitlines()
        reason = detail[-1] if detail else f"exit status {completed.returncode}"
        raise TesseractError(f"OCR failed: {reason}", stderr=stderr)
    try:
        return completed.stdout.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TesseractError("OCR output is not UTF-8") from error


def _run_in_process(
    image: Image.Image,
    process: OcrProcess,
    *,
    languages: str,
    psm: int,
    dpi: int | None,
    timeout_seconds: float,
    threads: int,
) -> str:
    """The TSV of ``image`` from the OCR child, handed the same TIFF file as the CLI.

    Raises ``TesseractError`` when the child fails, stops or times out.
    """
    with _page_file(image) as path, _child_errors():
        return process.tsv(
            path, languages=languages, psm=psm, dpi=dpi, timeout_seconds=timeout_seconds, threads=threads
        )


def _orientation_in_process(
    image: Image.Image, process: OcrProcess, *, dpi: int | None, timeout_seconds: float, threads: int
) -> Orientation | None:
    """What the OCR child's orientation and script detection says of ``image``.

    Raises ``TesseractError`` when the child fails, stops or times out.
    """
    with _page_file(image) as path, _child_errors():
        found = process.orientation(path, dpi=dpi, timeout_seconds=timeout_seconds, threads=threads)
    if found is None:
        return None
    rotate, confidence, script, script_confidence = found
    return Orientation(
        rotate=rotate % 360,
        orientation_confidence=confidence,
        script=script,
        script_confidence=script_confidence,
    )


@contextmanager
def _page_file(image: Image.Image) -> Iterator[str]:
    """The image as an uncompressed TIFF in a private temporary file, removed afterwards."""
    with tempfile.NamedTemporaryFile(prefix="rogatory-page-", suffix=".tif") as handle:
        _write_tiff(image, handle)
        yield handle.name


@contextmanager
def _child_errors() -> Iterator[None]:
    """The OCR child's errors as ``TesseractError`` (a timeout with its own code)."""
    try:
        yield
    except OcrProcessError as error:
        if error.timeout:
            raise TesseractError(f"OCR {error}", code="ocr_timeout") from error
        raise TesseractError(f"OCR failed: {error}") from error


def _write_tiff(image: Image.Image, handle: IO[bytes]) -> None:
    """Write an image as an uncompressed TIFF (not the compression of the file it came from)."""
    if image.mode not in {"1", "L", "RGB"}:
        image = image.convert("RGB")
    image.save(handle, format="TIFF", compression="raw")
    handle.flush()
