"""A long-lived OCR child process: tesseract's library with its models loaded once.

The tesseract CLI starts a process and loads its models for every page (0.12 to
0.27 CPU s a call on dev pages, more than the page itself for a probe band).
:class:`OcrProcess` keeps one child, ``python -m extract.ocr_process``, that holds
libtesseract (:mod:`extract.libtesseract`) with the models of recent calls, and
sends it one page at a time over pipes: a JSON line with the path of the page's TIFF,
the models, the page segmentation and the resolution (or a request for orientation
and script detection); a JSON line back with the TSV (or the orientation) or the
error.

The library runs in the child, not the worker, for the two things a process buys:
a crash of tesseract (a signal) fails that one page and a new child is started for
the next; a page that takes longer than its timeout is stopped by killing the child.
The child ends when its stdin closes, so it never outlives the worker. A worker
forked after the child was started (Celery prefork) starts its own.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
import weakref
from dataclasses import dataclass
from typing import IO, Any

from extract.libtesseract import LibraryError, Recogniser, load_library


class OcrProcessError(Exception):
    """One call failed. ``timeout`` is true when the page took longer than allowed."""

    def __init__(self, message: str, *, timeout: bool = False) -> None:
        super().__init__(message)
        self.timeout = timeout


@dataclass
class _Child:
    """A running child and the two ends of its pipes."""

    process: subprocess.Popen[bytes]
    requests: IO[bytes]
    answers: IO[bytes]
    owner: int  # the process that started it (a forked worker must not use it)
    threads: int


@dataclass
class _Slot:
    """Where an :class:`OcrProcess` keeps its child (apart, for the finalizer)."""

    child: _Child | None = None

    def close(self) -> None:
        child, self.child = self.child, None
        if child is None or child.owner != os.getpid():
            return
        child.requests.close()
        try:
            child.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.process.kill()
            child.process.wait()
        child.answers.close()


class OcrProcess:
    """The worker's side: starts the child on first use, sends it pages, restarts it.

    Calls are serialised; one worker process OCRs one page at a time.
    """

    def __init__(self, *, python: str = sys.executable) -> None:
        self._python = python
        self._slot = _Slot()
        self._lock = threading.Lock()
        # When this object goes, or the interpreter exits, the child is stopped and reaped.
        weakref.finalize(self, self._slot.close)
        # A forked process lets go of the inherited pipes, or the child would never see EOF.
        os.register_at_fork(after_in_child=functools.partial(_let_go, weakref.ref(self._slot)))

    def tsv(
        self,
        image_path: str,
        *,
        languages: str,
        psm: int,
        dpi: int | None,
        timeout_seconds: float,
        threads: int = 1,
    ) -> str:
        """The TSV of one page image file. Raises ``OcrProcessError``.

        ``threads`` is the child's ``OMP_THREAD_LIMIT`` (see :mod:`extract.tesseract`):
        a child started with another limit is replaced.
        """
        request = {"image": image_path, "languages": languages, "psm": psm, "dpi": dpi}
        return str(self._call(request, timeout_seconds=timeout_seconds, threads=threads)["tsv"])

    def orientation(
        self, image_path: str, *, dpi: int | None, timeout_seconds: float, threads: int = 1
    ) -> tuple[int, float, str, float] | None:
        """Orientation and script of one page image file, as ``--psm 0`` gives them
        (:meth:`extract.libtesseract.Recogniser.orientation`); ``None`` for too little text.

        Raises ``OcrProcessError``.
        """
        request = {"image": image_path, "osd": True, "dpi": dpi}
        found = self._call(request, timeout_seconds=timeout_seconds, threads=threads)["osd"]
        if found is None:
            return None
        rotate, confidence, script, script_confidence = found
        return int(rotate), float(confidence), str(script), float(script_confidence)

    def _call(self, request: dict[str, Any], *, timeout_seconds: float, threads: int) -> dict[str, Any]:
        """Send one request to the child and return its answer. Raises ``OcrProcessError``."""
        with self._lock:
            child = self._running_child(threads)
            try:
                child.requests.write(json.dumps(request).encode("utf-8") + b"\n")
                child.requests.flush()
            except OSError:
                raise self._stopped(child) from None
            line = _read_line(child.answers, deadline=time.monotonic() + timeout_seconds)
            if line is None:
                self._kill(child)
                raise OcrProcessError(f"took longer than {timeout_seconds:g} s", timeout=True)
            if not line:
                raise self._stopped(child)
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise OcrProcessError(str(answer["error"]))
        return answer

    def close(self) -> None:
        """Stop the child (it exits when its stdin closes)."""
        with self._lock:
            self._slot.close()

    @property
    def pid(self) -> int | None:
        """The running child's process id, if one runs for this process."""
        child = self._slot.child
        return child.process.pid if child is not None and child.owner == os.getpid() else None

    def _running_child(self, threads: int) -> _Child:
        child = self._slot.child
        if child is not None and child.owner == os.getpid():
            if child.threads == threads and child.process.poll() is None:
                return child
            self._kill(child)
        env = {**os.environ, "OMP_THREAD_LIMIT": str(threads)}
        process = subprocess.Popen(
            [self._python, "-m", "extract.ocr_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # tesseract's notes ("Estimating resolution as ...")
            env=env,
        )
        if process.stdin is None or process.stdout is None:  # pragma: no cover - PIPE was asked
            raise OcrProcessError("the OCR child has no pipes")
        self._slot.child = _Child(process, process.stdin, process.stdout, os.getpid(), threads)
        return self._slot.child

    def _stopped(self, child: _Child) -> OcrProcessError:
        status = child.process.wait()
        self._forget(child)
        if status < 0:
            try:
                reason = signal.Signals(-status).name
            except ValueError:
                reason = f"signal {-status}"
        else:
            reason = f"exit status {status}"
        return OcrProcessError(f"tesseract stopped ({reason})")

    def _kill(self, child: _Child) -> None:
        child.process.kill()
        child.process.wait()
        self._forget(child)

    def _forget(self, child: _Child) -> None:
        for pipe in (child.requests, child.answers):
            with contextlib.suppress(OSError):  # a broken pipe cannot flush what it held
                pipe.close()
        self._slot.child = None


def _let_go(slot: weakref.ref[_Slot]) -> None:
    """In a forked process: close the inherited ends of the parent's child's pipes.

    By descriptor, not by file object: a file object's close would flush into the
    parent's child; the child process itself stays the parent's.
    """
    held = slot()
    if held is not None and held.child is not None:
        for pipe in (held.child.requests, held.child.answers):
            with contextlib.suppress(OSError):
                os.close(pipe.fileno())
        held.child = None


def _read_line(stream: IO[bytes], *, deadline: float) -> bytes | None:
    """One line from the child; ``b""`` at end of file, ``None`` past the deadline."""
    descriptor = stream.fileno()
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([descriptor], [], [], remaining)[0]:
            return None
        chunk = os.read(descriptor, 1 << 20)
        if not chunk:
            return b""
        chunks.append(chunk)
        if chunk.endswith(b"\n"):
            return b"".join(chunks)


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    """The child's loop: one JSON request line in, one JSON answer line out, until EOF."""
    try:
        recogniser: Recogniser | None = Recogniser(load_library())
        failure = ""
    except LibraryError as error:
        recogniser, failure = None, str(error)
    for line in requests:
        answer: dict[str, Any]
        try:
            request = json.loads(line)
            if recogniser is None:
                raise LibraryError(failure)
            answer = _answer(recogniser, request)
        except (LibraryError, ValueError, KeyError, TypeError) as error:
            answer = {"error": str(error) or type(error).__name__}
        answers.write(json.dumps(answer).encode("utf-8") + b"\n")
        answers.flush()
    if recogniser is not None:
        recogniser.close()


def _answer(recogniser: Recogniser, request: dict[str, Any]) -> dict[str, Any]:
    if request.get("osd"):
        return {"osd": recogniser.orientation(request["image"], dpi=request["dpi"])}
    tsv = recogniser.tsv(
        request["image"], languages=request["languages"], psm=request["psm"], dpi=request["dpi"]
    )
    return {"tsv": tsv}


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker decides when the child stops
    serve(sys.stdin.buffer, sys.stdout.buffer)
