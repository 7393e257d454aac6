"""Tesseract in process: the C API of libtesseract (and leptonica's image reader) by ctypes.

Runs only in the OCR child process of :mod:`extract.ocr_process`, never in a worker:
a crash of the library must not take the worker with it. The calls are those the
tesseract CLI makes for ``tesseract page.tif stdout -l LANGS --psm N [--dpi D] tsv``
(leptonica reads the file, ``SetImage``, ``Recognize``, ``GetTSVText``), so the TSV
is the CLI's, byte for byte, without starting a process and loading the models for
every page; and those of ``tesseract page.tif stdout --psm 0`` (the ``osd`` models,
``DetectOrientationScript``): the same orientation, script and confidences. One
initialised API is kept per set of models (``"fra+eng"``, ``"osd"``), the least
recently used closed beyond ``max_models``: about 29 MB each (Debian's models; the
dictionaries are shared), 243 MB for the eight sets of the service's languages.

Nothing is loaded at import; :func:`load_library` opens the shared libraries and
raises ``LibraryError`` when they are missing or lack a function.
"""

from __future__ import annotations

import ctypes
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

#: The shared libraries of Debian's tesseract-ocr 5 (libtesseract5, liblept5).
TESSERACT_LIBRARY = "libtesseract.so.5"
LEPTONICA_LIBRARY = "liblept.so.5"
#: The header row the CLI's TSV renderer writes before the rows of the first page.
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"

_HANDLE = ctypes.c_void_p
_FUNCTIONS: dict[str, tuple[list[type], type | None]] = {
    "TessVersion": ([], ctypes.c_char_p),
    "TessBaseAPICreate": ([], _HANDLE),
    "TessBaseAPIInit3": ([_HANDLE, ctypes.c_char_p, ctypes.c_char_p], ctypes.c_int),
    "TessBaseAPISetPageSegMode": ([_HANDLE, ctypes.c_int], None),
    "TessBaseAPISetVariable": ([_HANDLE, ctypes.c_char_p, ctypes.c_char_p], ctypes.c_int),
    "TessBaseAPISetImage2": ([_HANDLE, _HANDLE], None),
    "TessBaseAPIRecognize": ([_HANDLE, _HANDLE], ctypes.c_int),
    "TessBaseAPIGetTsvText": ([_HANDLE, ctypes.c_int], _HANDLE),
    "TessBaseAPIDetectOrientationScript": (
        [
            _HANDLE,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_float),
            ctypes.POINTER(ctypes.c_char_p),
            ctypes.POINTER(ctypes.c_float),
        ],
        ctypes.c_int,
    ),
    "TessDeleteText": ([_HANDLE], None),
    "TessBaseAPIClear": ([_HANDLE], None),
    "TessBaseAPIEnd": ([_HANDLE], None),
    "TessBaseAPIDelete": ([_HANDLE], None),
}
_LEPTONICA_FUNCTIONS: dict[str, tuple[list[type], type | None]] = {
    "pixRead": ([ctypes.c_char_p], _HANDLE),
    "pixDestroy": ([ctypes.POINTER(_HANDLE)], None),
}


class LibraryError(Exception):
    """libtesseract cannot be used: missing library or function, models that do not load,
    an image it cannot read, a recognition that fails."""


@dataclass(frozen=True)
class Library:
    """The opened shared libraries, their functions typed."""

    tesseract: ctypes.CDLL
    leptonica: ctypes.CDLL

    @property
    def version(self) -> str:
        return bytes(self.tesseract.TessVersion()).decode("ascii", "replace")


def load_library(tesseract: str = TESSERACT_LIBRARY, leptonica: str = LEPTONICA_LIBRARY) -> Library:
    """Open libtesseract and leptonica. Raises ``LibraryError`` if either cannot be used."""
    libraries = []
    for name, functions in ((tesseract, _FUNCTIONS), (leptonica, _LEPTONICA_FUNCTIONS)):
        try:
            library = ctypes.CDLL(name)
            for function, (argtypes, restype) in functions.items():
                symbol = getattr(library, function)
                symbol.argtypes = argtypes
                symbol.restype = restype
        except (OSError, AttributeError) as error:
            raise LibraryError(f"{name} cannot be used: {error}") from error
        libraries.append(library)
    return Library(tesseract=libraries[0], leptonica=libraries[1])


class Recogniser:
    """Initialised tesseract APIs, one per set of models, and the page OCR they run."""

    def __init__(self, library: Library, *, max_models: int = 9) -> None:
        self._library = library
        self._max_models = max_models
        self._apis: OrderedDict[str, int] = OrderedDict()

    def tsv(self, image_path: str, *, languages: str, psm: int, dpi: int | None) -> str:
        """The CLI's TSV output (header included) for the image file, with these models.

        Raises ``LibraryError`` when the models do not load, the image cannot be read
        or recognition fails.
        """
        api = self._api(languages)
        tess = self._library.tesseract
        with self._image(api, image_path, psm=psm, dpi=dpi):
            if tess.TessBaseAPIRecognize(api, None) != 0:
                raise LibraryError("recognition failed")
            text = tess.TessBaseAPIGetTsvText(api, 0)
            if not text:
                raise LibraryError("recognition gave no TSV")
            try:
                rows = ctypes.string_at(text).decode("utf-8")
            except UnicodeDecodeError as error:
                raise LibraryError("the TSV is not UTF-8") from error
            finally:
                tess.TessDeleteText(text)
        return f"{TSV_HEADER}\n{rows}"

    def orientation(self, image_path: str, *, dpi: int | None) -> tuple[int, float, str, float] | None:
        """What ``--psm 0`` prints: rotate (degrees clockwise to upright), its confidence,
        the script and its confidence; ``None`` when the page has too few characters.

        Raises ``LibraryError`` when the OSD models do not load or the image cannot be read.
        """
        api = self._api("osd")
        degrees, confidence = ctypes.c_int(), ctypes.c_float()
        script, script_confidence = ctypes.c_char_p(), ctypes.c_float()
        with self._image(api, image_path, psm=0, dpi=dpi):
            found = self._library.tesseract.TessBaseAPIDetectOrientationScript(
                api,
                ctypes.byref(degrees),
                ctypes.byref(confidence),
                ctypes.byref(script),
                ctypes.byref(script_confidence),
            )
            name = (script.value or b"").decode("ascii", "replace")
        if not found:
            return None
        # The page's orientation counter-clockwise, as the CLI turns it into "Rotate"; the
        # confidences as the CLI prints them (two decimals).
        return (
            (360 - degrees.value) % 360,
            _printed(confidence.value),
            name,
            _printed(script_confidence.value),
        )

    @contextmanager
    def _image(self, api: int, image_path: str, *, psm: int, dpi: int | None) -> Iterator[None]:
        """The image file set on ``api`` (with the segmentation and resolution) while in the block."""
        tess, lept = self._library.tesseract, self._library.leptonica
        tess.TessBaseAPISetPageSegMode(api, psm)
        tess.TessBaseAPISetVariable(api, b"user_defined_dpi", str(dpi or 0).encode())
        pix = _HANDLE(lept.pixRead(image_path.encode()))
        if not pix.value:
            raise LibraryError(f"leptonica cannot read {image_path}")
        try:
            tess.TessBaseAPISetImage2(api, pix)
            yield
        finally:
            tess.TessBaseAPIClear(api)
            lept.pixDestroy(ctypes.byref(pix))

    def close(self) -> None:
        """End every API (their models are freed)."""
        while self._apis:
            _, api = self._apis.popitem()
            self._end(api)

    def _api(self, languages: str) -> int:
        api = self._apis.get(languages)
        if api is not None:
            self._apis.move_to_end(languages)
            return api
        tess = self._library.tesseract
        api = tess.TessBaseAPICreate()
        if tess.TessBaseAPIInit3(api, None, languages.encode()) != 0:
            self._end(api)
            raise LibraryError(f"the tesseract models {languages} cannot be loaded")
        self._apis[languages] = api
        while len(self._apis) > self._max_models:
            _, oldest = self._apis.popitem(last=False)
            self._end(oldest)
        return int(api)

    def _end(self, api: int) -> None:
        self._library.tesseract.TessBaseAPIEnd(api)
        self._library.tesseract.TessBaseAPIDelete(api)


def _printed(value: float) -> float:
    return float(f"{value:.2f}")
