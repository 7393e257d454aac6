"""Light checks of an original before it is registered: is it a scan we can process?

Runs in intake (watcher, upload, CLI), once per arriving file. The checks read only
headers and structure (PDF cross-reference and page count with pdfium, image size from
the header with Pillow, without decoding full pages), so a bad file is refused in
milliseconds with a reason a registry clerk can act on. Each refusal is an
:class:`~rogatory.errors.InputError` whose ``code`` is one of :class:`RejectionCode`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum

import pypdfium2
import pypdfium2.raw as pdfium_c
from PIL import ImageFile, JpegImagePlugin, PngImagePlugin, TiffImagePlugin

from ingest.active_content import automatic_action
from ingest.compression import MAX_TEXT_BYTES, scan_pdf_streams, scan_png
from ingest.media_types import describe_unsupported, sniff_media_type
from ingest.polyglots import hidden_content
from rogatory.errors import InputError
from rogatory.settings import Settings
from rogatory.sources import MediaType, SourceFile

__all__ = [
    "RejectionCode",
    "ValidationLimits",
    "sniff_media_type",
    "validate_original",
]

_PDFIUM_PASSWORD_ERROR = 4
_PDF_TAIL = 4096
_ACCEPTED = "Rogatory accepts PDF, TIFF, PNG and JPEG scans"


class RejectionCode(StrEnum):
    """The stable codes of refused originals (stored with each rejection)."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNSUPPORTED_TYPE = "unsupported_type"
    CORRUPT_PDF = "corrupt_pdf"
    TRUNCATED_PDF = "truncated_pdf"
    ENCRYPTED = "encrypted"
    NO_PAGES = "no_pages"
    TOO_MANY_PAGES = "too_many_pages"
    IMAGE_TOO_LARGE = "image_too_large"
    CORRUPT_IMAGE = "corrupt_image"
    COMPRESSION_BOMB = "compression_bomb"
    ACTIVE_CONTENT = "active_content"
    EMBEDDED_FILES = "embedded_files"
    POLYGLOT = "polyglot"


@dataclass(frozen=True)
class ValidationLimits:
    """How large an original may be: bytes, pages (PDF pages or TIFF frames), pixels per page."""

    max_file_bytes: int
    max_pages: int
    max_image_pixels: int
    #: A PDF whose attached files were taken out as annexes (:mod:`ingest.unpacking`) is
    #: not refused for carrying them; active content still is.
    allow_attachments: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> ValidationLimits:
        """The limits a deployment configured."""
        return cls(
            max_file_bytes=settings.max_file_bytes,
            max_pages=settings.max_pages,
            max_image_pixels=settings.max_image_pixels,
        )


def validate_original(data: bytes, *, name: str, limits: ValidationLimits) -> SourceFile:
    """Check that ``data`` is a readable scan within ``limits`` and return it as a source file.

    The type comes from the content: a ``.pdf`` that is really a PNG is accepted as a
    PNG (see :func:`ingest.media_types.media_type_of_name` to notice the mismatch).
    Raises ``InputError`` with a :class:`RejectionCode` and a message saying what is
    wrong and what to do.
    """
    if not data:
        raise InputError(
            f"{name!r} is empty (0 bytes): the scan or copy did not finish. Scan or copy it again.",
            code=RejectionCode.EMPTY,
        )
    if len(data) > limits.max_file_bytes:
        raise InputError(
            f"{name!r} is {_megabytes(len(data))}, more than the limit of "
            f"{_megabytes(limits.max_file_bytes)}. Split it into several files or scan it "
            "at a lower resolution.",
            code=RejectionCode.TOO_LARGE,
        )
    media_type = sniff_media_type(data)
    if media_type is None:
        raise InputError(
            f"{name!r} is {describe_unsupported(data)}, not a scan. {_ACCEPTED}: "
            "save or print it as PDF and submit it again.",
            code=RejectionCode.UNSUPPORTED_TYPE,
        )
    hidden = hidden_content(data, media_type)
    if hidden is not None:
        raise InputError(
            f"{name!r} is a {media_type.name} file with {hidden}: different programs would show "
            "different documents. Ask the sender for the document alone, saved again as PDF.",
            code=RejectionCode.POLYGLOT,
        )
    if media_type is MediaType.PDF:
        _check_pdf(data, name=name, limits=limits)
    else:
        _check_image(data, media_type, name=name, limits=limits)
    return SourceFile(data=data, media_type=media_type, name=name)


def _check_pdf(data: bytes, *, name: str, limits: ValidationLimits) -> None:
    """Open the PDF with pdfium and count its pages. Raises ``InputError``."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        # pdfium's last error outlives the call that set it: a damaged file read after an
        # encrypted one reports the password error too, so the file must also declare encryption.
        if getattr(error, "err_code", None) == _PDFIUM_PASSWORD_ERROR and b"/Encrypt" in data:
            raise InputError(
                f"{name!r} is a password-protected PDF and cannot be read. Ask the sender "
                "for a copy without a password, or remove the protection and submit it again.",
                code=RejectionCode.ENCRYPTED,
            ) from error
        code, what = (
            (RejectionCode.TRUNCATED_PDF, "incomplete (its end is missing)")
            if b"%%EOF" not in data[-_PDF_TAIL:]
            else (RejectionCode.CORRUPT_PDF, "damaged")
        )
        raise InputError(
            f"{name!r} is a PDF file that is {what} and cannot be opened. Copy or scan "
            "it again, or ask the sender for a new copy.",
            code=code,
        ) from error
    try:
        pages = len(document)
        scripts = pdfium_c.FPDFDoc_GetJavaScriptActionCount(document.raw)
        attachments = pdfium_c.FPDFDoc_GetAttachmentCount(document.raw)
    finally:
        document.close()
    if limits.allow_attachments:
        attachments = 0
    _check_active_content(data, scripts=scripts, attachments=attachments, name=name, limits=limits)
    if b"%%EOF" not in data[-_PDF_TAIL:]:
        raise InputError(
            f"{name!r} is an incomplete PDF (its end is missing; pages may be lost). "
            "Copy or scan it again, or ask the sender for a new copy.",
            code=RejectionCode.TRUNCATED_PDF,
        )
    _check_page_count(pages, name=name, limits=limits)


def _check_active_content(
    data: bytes, *, scripts: int, attachments: int, name: str, limits: ValidationLimits
) -> None:
    """Refuse active content, attached files, bombs and over-large images inside a PDF.

    Active content (one rule, docs/decisions.md): JavaScript and program or outside
    actions anywhere; any action but going to a page that the file runs by itself.
    Raises ``InputError``.
    """
    streams = scan_pdf_streams(data)
    if streams.bomb_offset is not None:
        raise InputError(
            f"{name!r} holds a compressed part (at byte {streams.bomb_offset:,}) that unpacks to more "
            f"than {_megabytes(streams.bomb_bound)}: a compression bomb, not a scan. "
            "Ask the sender for a new copy, printed to PDF again.",
            code=RejectionCode.COMPRESSION_BOMB,
        )
    if streams.largest_image[0] * streams.largest_image[1] > limits.max_image_pixels:
        width, height = streams.largest_image
        raise InputError(
            f"{name!r} holds an image of {width} x {height} pixels, more than the limit of "
            f"{limits.max_image_pixels:,} pixels per page. Scan it again at 300 dpi or less.",
            code=RejectionCode.IMAGE_TOO_LARGE,
        )
    active = "JavaScript" if scripts > 0 or streams.active in ("JavaScript", "JS") else streams.active
    automatic = None if active else automatic_action(data)
    if active or automatic:
        what = _ACTIVE_WHAT.get(active or "", f"a {active} action") if active else _automatic_what(automatic)
        raise InputError(
            f"{name!r} contains {what}, which Rogatory does not accept. "
            "Ask the sender to print it to a plain PDF, or scan the paper copy.",
            code=RejectionCode.ACTIVE_CONTENT,
        )
    if attachments > 0:
        raise InputError(
            f"{name!r} carries {attachments} attached file(s) inside the PDF, which would not be "
            "registered or read. Ask the sender to send each attachment as its own PDF.",
            code=RejectionCode.EMBEDDED_FILES,
        )


_ACTIVE_WHAT = {
    "JavaScript": "JavaScript (programs that run when it is opened)",
    "Launch": "an action that starts a program or opens another file (/Launch)",
    "SubmitForm": "an action that sends data out of the file (/SubmitForm)",
    "ImportData": "an action that reads data from another file (/ImportData)",
    "GoToR": "an action that opens another file (/GoToR)",
    "GoToE": "an action that opens an embedded file (/GoToE)",
    "RichMediaExecute": "an action that runs embedded media (/RichMediaExecute)",
}


def _automatic_what(kind: str | None) -> str:
    if kind == "URI":
        return "an action that opens a web address by itself when it is opened (/URI)"
    return f"an action that runs by itself when it is opened (/{kind})"


def _check_image(data: bytes, media_type: MediaType, *, name: str, limits: ValidationLimits) -> None:
    """Read the image header(s) and check sizes and integrity without decoding full pages.

    The plugin classes are used directly rather than ``Image.open`` so that Pillow's
    process-wide decompression-bomb limit does not override ``limits``. Raises
    ``InputError``.
    """
    try:
        image = _open_image(data, media_type)
        with image:
            frames = getattr(image, "n_frames", 1)
            _check_page_count(frames, name=name, limits=limits)
            for frame in range(frames):
                image.seek(frame)
                _check_pixels(image.size, name=name, limits=limits)
            image.seek(0)
            _verify(image, media_type, data, name=name)
    except InputError:
        raise
    except Exception as error:
        # The boundary of Pillow's parsers on untrusted bytes: besides OSError and
        # SyntaxError they raise TypeError, IndexError, struct.error... on damaged files.
        raise InputError(
            f"{name!r} looks like a {media_type.name} image but cannot be read (it is damaged "
            f"or incomplete: {error}). Scan or copy it again.",
            code=RejectionCode.CORRUPT_IMAGE,
        ) from error


def _open_image(data: bytes, media_type: MediaType) -> ImageFile.ImageFile:
    """Parse the header only. Raises ``OSError``, ``SyntaxError`` or ``ValueError``."""
    stream = io.BytesIO(data)
    if media_type is MediaType.TIFF:
        return TiffImagePlugin.TiffImageFile(stream)
    if media_type is MediaType.PNG:
        return PngImagePlugin.PngImageFile(stream)
    return JpegImagePlugin.JpegImageFile(stream)


def _verify(image: ImageFile.ImageFile, media_type: MediaType, data: bytes, *, name: str) -> None:
    """Check integrity cheaply: PNG chunk checksums and image data against the header, a JPEG
    decoded at 1/8 scale.

    TIFF frames are only parsed (their headers), not decoded. Raises ``OSError`` or
    ``SyntaxError``.
    """
    if media_type is MediaType.PNG:
        image.verify()
        png = scan_png(data)
        if png.text_bomb:
            raise InputError(
                f"{name!r} holds a compressed text or colour profile that unpacks to more than "
                f"{_megabytes(MAX_TEXT_BYTES)}: a compression bomb, not a scan. Scan or save it again.",
                code=RejectionCode.COMPRESSION_BOMB,
            )
        if png.expected and png.decoded != png.expected:
            held = "less" if png.decoded < png.expected else "more"
            raise OSError(f"its header says {image.size[0]} x {image.size[1]} pixels, its data holds {held}")
    elif media_type is MediaType.JPEG:
        width, height = image.size
        image.draft("L", (max(1, width // 8), max(1, height // 8)))
        image.load()


def _check_pixels(size: tuple[int, int], *, name: str, limits: ValidationLimits) -> None:
    width, height = size
    if width * height > limits.max_image_pixels:
        raise InputError(
            f"{name!r} is an image of {width} x {height} pixels, more than the limit of "
            f"{limits.max_image_pixels:,} pixels per page. Scan it again at 300 dpi or less.",
            code=RejectionCode.IMAGE_TOO_LARGE,
        )


def _check_page_count(pages: int, *, name: str, limits: ValidationLimits) -> None:
    if pages < 1:
        raise InputError(
            f"{name!r} has no pages. Check the scan and submit it again.",
            code=RejectionCode.NO_PAGES,
        )
    if pages > limits.max_pages:
        raise InputError(
            f"{name!r} has {pages} pages, more than the limit of {limits.max_pages}. "
            "Split it into several files.",
            code=RejectionCode.TOO_MANY_PAGES,
        )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"
