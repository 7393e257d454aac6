"""Tests of extract/ocr_process.py and extract/libtesseract.py: tesseract's library in a child.

Real libtesseract and a real child process throughout: the TSV must be the CLI's
byte for byte, a crash or a timeout must fail one page and leave the next to a new
child, bad models or images give a clear error and keep the child, and the child
never outlives the process that started it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from extract.engines import load_text_engines
from extract.libtesseract import LibraryError, load_library
from extract.ocr_process import OcrProcess, OcrProcessError
from extract.tesseract import TesseractError, detect_orientation, parse_osd, recognise
from rogatory.errors import ConfigurationError
from rogatory.settings import load_settings
from tests.extract.test_tesseract import TESSERACT, text_image

LINES = ["Request for mutual legal assistance", "Account IBAN MT84 MALT 0110 0001 2345", "Viktor PETROV"]


@pytest.fixture
def process() -> Iterator[OcrProcess]:
    ocr = OcrProcess()
    yield ocr
    ocr.close()


@pytest.fixture
def page(tmp_path: Path) -> str:
    path = tmp_path / "page.tif"
    text_image(LINES).save(path, format="TIFF", compression="raw", dpi=(300, 300))
    return str(path)


def _tsv(ocr: OcrProcess, path: str, *, languages: str = "eng", timeout: float = 60.0) -> str:
    return ocr.tsv(path, languages=languages, psm=6, dpi=None, timeout_seconds=timeout)


def _cli_tsv(path: str, languages: str, *, psm: int = 6, dpi: int | None = None) -> str:
    command = [TESSERACT, path, "stdout", "-l", languages, "--psm", str(psm)]
    command += ["--dpi", str(dpi)] if dpi else []
    completed = subprocess.run(
        [*command, "tsv"], capture_output=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}
    )
    return completed.stdout.decode("utf-8")


@pytest.mark.parametrize(
    ("languages", "psm", "dpi"), [("eng", 6, None), ("fra+eng", 6, 200), ("eng", 3, None)]
)
def test_the_tsv_is_the_clis_byte_for_byte(
    process: OcrProcess, page: str, languages: str, psm: int, dpi: int | None
) -> None:
    library = process.tsv(page, languages=languages, psm=psm, dpi=dpi, timeout_seconds=60)
    assert library == _cli_tsv(page, languages, psm=psm, dpi=dpi)
    assert "PETROV" in library


def test_the_child_keeps_its_models_between_pages(process: OcrProcess, page: str) -> None:
    _tsv(process, page)
    first = process.pid
    _tsv(process, page, languages="fra+eng")
    _tsv(process, page)
    assert first is not None
    assert process.pid == first


def test_a_crash_fails_the_page_and_the_next_page_gets_a_new_child(process: OcrProcess, page: str) -> None:
    _tsv(process, page)
    crashed = process.pid
    assert crashed is not None
    big = Path(page).with_name("big.tif")
    text_image(LINES * 30).save(big, format="TIFF", compression="raw")  # several seconds of OCR
    # A segmentation fault of the library, from the outside, while it reads the page:
    # nothing else makes tesseract crash on cue.
    threading.Timer(0.5, os.kill, (crashed, signal.SIGSEGV)).start()
    with pytest.raises(OcrProcessError, match=r"tesseract stopped \(SIGSEGV\)"):
        _tsv(process, str(big))
    assert "PETROV" in _tsv(process, page)
    assert process.pid not in {None, crashed}


def test_a_child_that_died_between_pages_is_replaced_without_an_error(process: OcrProcess, page: str) -> None:
    _tsv(process, page)
    gone = process.pid
    assert gone is not None
    os.kill(gone, signal.SIGKILL)
    time.sleep(0.2)
    assert "PETROV" in _tsv(process, page)
    assert process.pid not in {None, gone}


def test_a_page_past_its_timeout_is_stopped_and_the_next_one_is_read(process: OcrProcess, page: str) -> None:
    _tsv(process, page)
    slow = process.pid
    big = Path(page).with_name("big.tif")
    text_image(LINES * 30).save(big, format="TIFF", compression="raw")
    started = time.monotonic()
    with pytest.raises(OcrProcessError, match=r"took longer than 0\.2 s") as raised:
        _tsv(process, str(big), timeout=0.2)
    assert raised.value.timeout
    assert time.monotonic() - started < 5
    assert slow is not None
    assert not Path(f"/proc/{slow}").exists()
    assert "PETROV" in _tsv(process, page)


def test_models_that_do_not_exist_are_a_clear_error_and_the_child_stays(
    process: OcrProcess, page: str
) -> None:
    _tsv(process, page)
    child = process.pid
    with pytest.raises(OcrProcessError, match="the tesseract models xxx cannot be loaded"):
        _tsv(process, page, languages="xxx")
    assert process.pid == child
    assert "PETROV" in _tsv(process, page)


def test_an_image_it_cannot_read_is_a_clear_error(process: OcrProcess, tmp_path: Path) -> None:
    broken = tmp_path / "broken.tif"
    broken.write_bytes(b"II*\x00 not a tiff")
    with pytest.raises(OcrProcessError, match="leptonica cannot read"):
        _tsv(process, str(broken))


def test_the_thread_limit_is_the_childs_environment(process: OcrProcess, page: str) -> None:
    process.tsv(page, languages="eng", psm=6, dpi=None, timeout_seconds=60, threads=1)
    one = process.pid
    process.tsv(page, languages="eng", psm=6, dpi=None, timeout_seconds=60, threads=2)
    two = process.pid
    assert one != two
    environ = Path(f"/proc/{two}/environ").read_bytes().split(b"\0")
    assert b"OMP_THREAD_LIMIT=2" in environ


def _pid_after_fork(ocr: OcrProcess, page: str, answers: multiprocessing.Queue[int | None]) -> None:
    answers.put(ocr.pid)  # the parent's child is not this process's
    _tsv(ocr, page)
    answers.put(ocr.pid)


def test_a_forked_worker_starts_its_own_child(process: OcrProcess, page: str) -> None:
    _tsv(process, page)
    parent_child = process.pid
    context = multiprocessing.get_context("fork")  # as Celery's prefork pool forks its workers
    answers: multiprocessing.Queue[int | None] = context.Queue()
    forked = context.Process(target=_pid_after_fork, args=(process, page, answers))
    forked.start()
    assert answers.get(timeout=60) is None
    forked_child = answers.get(timeout=60)
    forked.join(timeout=60)
    assert forked.exitcode == 0
    assert forked_child not in {None, parent_child}
    assert process.pid == parent_child
    assert "PETROV" in _tsv(process, page)
    assert forked_child is not None
    assert _ends(forked_child)  # the forked worker's child ended with it


def test_the_child_ends_with_the_process_that_started_it(page: str) -> None:
    script = (
        "from extract.ocr_process import OcrProcess\n"
        "ocr = OcrProcess()\n"
        f"ocr.tsv({page!r}, languages='eng', psm=6, dpi=None, timeout_seconds=60)\n"
        "print(ocr.pid, flush=True)\n"
        "import os; os._exit(0)\n"  # no close(), no clean-up: the worker killed
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True, timeout=120)
    assert _ends(int(completed.stdout))


def _ends(pid: int, *, within: float = 10.0) -> bool:
    """Whether process ``pid`` exits within ``within`` seconds (a zombie has exited)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


def test_recognise_in_the_child_gives_the_text_and_maps_a_timeout(process: OcrProcess) -> None:
    image = text_image(LINES)
    result = recognise(image, executable=TESSERACT, languages="eng", timeout_seconds=60, process=process)
    cli = recognise(image, executable=TESSERACT, languages="eng", timeout_seconds=60)
    assert result == cli
    assert "PETROV" in result.text
    with pytest.raises(TesseractError, match="OCR took longer than") as raised:
        recognise(
            text_image(LINES * 30),
            executable=TESSERACT,
            languages="eng",
            timeout_seconds=0.1,
            process=process,
        )
    assert raised.value.code == "ocr_timeout"


def test_a_missing_library_is_named() -> None:
    with pytest.raises(LibraryError, match=r"libtesseract-none\.so cannot be used"):
        load_library(tesseract="libtesseract-none.so")
    assert load_library().version.startswith("5.")


def test_an_image_of_no_text_gives_a_tsv_of_no_words(process: OcrProcess, tmp_path: Path) -> None:
    blank = tmp_path / "blank.tif"
    Image.new("L", (800, 600), 255).save(blank, format="TIFF", compression="raw")
    tsv = _tsv(process, str(blank))
    assert tsv == _cli_tsv(str(blank), "eng")
    assert all(not row.startswith("5\t") for row in tsv.splitlines())


def test_a_forked_process_does_not_keep_the_parents_child_alive(process: OcrProcess, page: str) -> None:
    _tsv(process, page)
    child = process.pid
    assert child is not None
    forked = multiprocessing.get_context("fork").Process(target=time.sleep, args=(20,))
    forked.start()  # holds copies of this process's descriptors while it sleeps
    try:
        started = time.monotonic()
        process.close()  # the child's stdin closes: it must see the end of it now
        assert _ends(child, within=2)
        assert time.monotonic() - started < 3
    finally:
        forked.kill()
        forked.join()


def test_the_engine_is_a_setting_and_cli_runs_the_executable() -> None:
    assert load_settings(environ={}).ocr_engine == "library"
    assert load_settings(environ={"ROGATORY_OCR_ENGINE": "cli"}).ocr_engine == "cli"
    with pytest.raises(ConfigurationError, match="ocr_engine"):
        load_settings(environ={"ROGATORY_OCR_ENGINE": "gpu"})
    assert load_text_engines(ocr_engine="cli").ocr is None
    library = load_text_engines(ocr_engine="library")
    assert isinstance(library.ocr, OcrProcess)
    assert library.ocr.pid is None  # started on the first page, not at load


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_orientation_is_the_clis(process: OcrProcess, tmp_path: Path, turn: int) -> None:
    path = tmp_path / f"turned-{turn}.tif"
    text_image(LINES * 8).rotate(turn, expand=True).save(
        path, format="TIFF", compression="raw", dpi=(300, 300)
    )
    found = process.orientation(str(path), dpi=None, timeout_seconds=60)
    cli = subprocess.run(
        [TESSERACT, str(path), "stdout", "--psm", "0"],
        capture_output=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    expected = parse_osd(cli.stdout.decode("utf-8"))
    assert expected is not None
    assert found == (
        expected.rotate,
        expected.orientation_confidence,
        expected.script,
        expected.script_confidence,
    )
    assert found[0] == turn  # Pillow turned it counter-clockwise: clockwise back upright


def test_orientation_of_a_page_without_text_is_none_as_with_the_cli(
    process: OcrProcess, tmp_path: Path
) -> None:
    blank = tmp_path / "blank.tif"
    Image.new("L", (800, 600), 255).save(blank, format="TIFF", compression="raw")
    assert process.orientation(str(blank), dpi=None, timeout_seconds=60) is None
    assert detect_orientation(Image.open(blank), executable=TESSERACT, timeout_seconds=60) is None
    image = text_image(LINES * 8).rotate(90, expand=True)
    in_child = detect_orientation(image, executable=TESSERACT, timeout_seconds=60, process=process)
    assert in_child == detect_orientation(image, executable=TESSERACT, timeout_seconds=60)
    assert in_child is not None
    assert in_child.rotate == 90
