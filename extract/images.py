"""Page images of PNG, JPEG and TIFF files (each TIFF frame a page), upright per EXIF.

Runs in the worker process. A page can also be read alone (:func:`read_image_page`),
in whichever process OCRs it. The decompression-bomb limit of Pillow is set from the
caller's option for the duration of one ``Image.open`` only, under a lock, so that no
module-level global is changed at import time or left changed afterwards.
"""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from rogatory.errors import InputError
from rogatory.records import Issue, IssueCode, IssueStage

_LIMIT_LOCK = threading.Lock()
_OCR_MODES = {"1", "L", "RGB"}


@dataclass(frozen=True)
class PageImage:
    """One page as an image ready for OCR, or ``None`` with the reason it is unreadable."""

    image: Image.Image | None
    dpi: int | None = None
    issue: Issue | None = None

    @classmethod
    def unreadable(
        cls, page: int, code: IssueCode, message: str, *, stage: IssueStage = IssueStage.TEXT
    ) -> PageImage:
        """Page ``page`` (from 1) without image, with the issue saying why."""
        return cls(image=None, issue=Issue(stage=stage, code=code, page=page, message=message))


@dataclass(frozen=True)
class PendingPage:
    """A page to OCR that is not rendered (decoded) yet: its index, from 0, in the file."""

    index: int


def read_image_pages(data: bytes, *, max_image_pixels: int, name: str = "") -> Iterator[PageImage]:
    """Yield every page (frame) of an image file, turned upright per its EXIF orientation.

    Raises ``InputError`` when the file is not a readable image or its first page is
    larger than ``max_image_pixels``; a later frame that cannot be decoded or is too
    large becomes a :class:`PageImage` without image, with an issue.
    """
    label = name or "the image"
    image = _open(data, max_image_pixels=max_image_pixels, label=label)
    for index in range(getattr(image, "n_frames", 1)):
        yield _frame(image, index, max_image_pixels=max_image_pixels, label=label)


def count_image_pages(data: bytes, *, max_image_pixels: int, name: str = "") -> int:
    """The number of pages (frames) of an image file, without decoding them.

    Raises ``InputError`` as :func:`read_image_pages` does for the file as a whole.
    """
    image = _open(data, max_image_pixels=max_image_pixels, label=name or "the image")
    return int(getattr(image, "n_frames", 1))


def read_image_page(data: bytes, index: int, *, max_image_pixels: int, name: str = "") -> PageImage:
    """Page ``index`` (from 0) of an image file, read as :func:`read_image_pages` reads each page.

    Raises ``InputError`` as :func:`read_image_pages` does (the first page unreadable
    included), ``IndexError`` for a page the file does not have.
    """
    label = name or "the image"
    image = _open(data, max_image_pixels=max_image_pixels, label=label)
    if not 0 <= index < getattr(image, "n_frames", 1):
        raise IndexError(f"{label} has no page {index + 1}")
    return _frame(image, index, max_image_pixels=max_image_pixels, label=label)


def _frame(image: Image.Image, index: int, *, max_image_pixels: int, label: str) -> PageImage:
    """Frame ``index`` upright and ready for OCR. Raises ``InputError`` for the first frame only."""
    try:
        image.seek(index)
        _check_size(image, max_image_pixels=max_image_pixels, label=label)
        page = prepare_for_ocr(ImageOps.exif_transpose(image) or image)
    except (OSError, ValueError, EOFError, InputError) as error:
        if index == 0:
            raise _unreadable(label, error) from error
        code = IssueCode.PAGE_TOO_LARGE if _too_large(error) else IssueCode.PAGE_UNREADABLE
        return PageImage.unreadable(index + 1, code, f"page {index + 1} of {label} cannot be read: {error}")
    return PageImage(image=page, dpi=_dpi(image))


def prepare_for_ocr(image: Image.Image) -> Image.Image:
    """A loaded copy of ``image`` in a mode tesseract reads (``1``, ``L`` or ``RGB``).

    Raises ``OSError`` when the image data is truncated or damaged.
    """
    if image.mode in _OCR_MODES:
        return image.copy()
    if image.mode in {"I;16", "I;16B", "I;16L", "I", "F"}:
        return image.convert("L")
    if image.mode in {"LA", "La"}:
        return image.convert("L")
    return image.convert("RGB")


def _open(data: bytes, *, max_image_pixels: int, label: str) -> Image.Image:
    """Open (without decoding) the image. Raises ``InputError``."""
    try:
        with _pixel_limit(max_image_pixels):
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise InputError(
            f"{label} is too large to process (more than {max_image_pixels:,} pixels); "
            "scan it again at 300 dpi",
            code="image_too_large",
        ) from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise _unreadable(label, error) from error
    _check_size(image, max_image_pixels=max_image_pixels, label=label)
    return image


def _check_size(image: Image.Image, *, max_image_pixels: int, label: str) -> None:
    """Raise ``InputError`` when the current frame has more pixels than allowed."""
    width, height = image.size
    if width * height > max_image_pixels:
        raise InputError(
            f"{label} is too large to process ({width}x{height} pixels, more than "
            f"{max_image_pixels:,}); scan it again at 300 dpi",
            code="image_too_large",
        )


def _too_large(error: BaseException) -> bool:
    """Whether ``error`` is :func:`_check_size`'s: the frame has more pixels than allowed."""
    return isinstance(error, InputError) and error.code == "image_too_large"


def _unreadable(label: str, error: BaseException) -> InputError:
    if isinstance(error, InputError):
        return error
    return InputError(
        f"{label} cannot be read as an image (damaged or unsupported: {error}); "
        "ask the sender for a new copy or scan the paper again",
        code="unreadable_image",
    )


def _dpi(image: Image.Image) -> int | None:
    """The resolution the file declares, when it is plausible for a scan."""
    dpi = image.info.get("dpi")
    if not isinstance(dpi, tuple) or not dpi:
        return None
    try:
        value = round(float(dpi[0]))
    except (TypeError, ValueError):
        return None
    return value if 70 <= value <= 1200 else None


@contextmanager
def _pixel_limit(limit: int) -> Iterator[None]:
    """Apply Pillow's decompression-bomb check with ``limit`` for one open, as an error."""
    with _LIMIT_LOCK, warnings.catch_warnings():
        previous = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = limit
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        finally:
            Image.MAX_IMAGE_PIXELS = previous
