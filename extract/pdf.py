"""Pages of a PDF: the text layer where it is real text, else the page rendered for OCR.

Runs in the worker process, one document at a time (pdfium is not thread-safe). A
document's pages can also be planned first (text layers read, pages to OCR not yet
rendered) and each page to OCR read alone, in another process.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.bidi import Glyph, has_rtl, logical_line, page_is_right_to_left
from extract.images import PageImage, PendingPage
from rogatory.errors import InputError
from rogatory.records import IssueCode

POINTS_PER_INCH = 72
#: A page that the pixel limit would render below this resolution is not OCR'd.
MIN_RENDER_DPI = 100
#: A text layer with fewer visible characters than this, on a page mostly covered by
#: an image, is a stamp or a page number over a scan: the page is OCR'd instead.
MIN_LAYER_CHARS_OVER_IMAGE = 200
#: Share of the page area an image must cover to count as a scan of the page.
MIN_SCAN_COVERAGE = 0.5
#: Below this share of letters and digits among visible characters, a layer is glyph garbage.
MIN_WORD_CHAR_SHARE = 0.6
#: Above this share of replacement, private-use or control characters, it is garbage too.
MAX_BAD_CHAR_SHARE = 0.02
_BAD_CATEGORIES = {"Co", "Cc", "Cs", "Cn"}
_DROPPED = str.maketrans({"\ufffe": None, "\ufeff": None, "\x02": "-", "\x00": None})


@dataclass(frozen=True)
class TextLayerPage:
    """A page whose embedded text is used as it is; size in pixels at the render dpi."""

    text: str
    width: int
    height: int


#: What a page reader gives for a page (:func:`_each_page` is generic over it).
_Page = TypeVar("_Page", TextLayerPage | PageImage, TextLayerPage | PageImage | PendingPage)


def read_pdf_pages(
    data: bytes, *, dpi: int, max_pages: int, max_image_pixels: int, name: str = ""
) -> Iterator[TextLayerPage | PageImage]:
    """Yield each page of a PDF as its text layer or as an image rendered at ``dpi``.

    Raises ``InputError`` for a corrupt or password-protected PDF, or one with more
    than ``max_pages`` pages. A page that is damaged, cannot be rendered, or is so
    large that ``max_image_pixels`` allows less than ``MIN_RENDER_DPI`` becomes a
    :class:`PageImage` without image, with an issue; the other pages are read.
    """
    return _each_page(
        data, max_pages=max_pages, name=name, read=partial(_read, dpi=dpi, max_image_pixels=max_image_pixels)
    )


def plan_pdf_pages(
    data: bytes, *, dpi: int, max_pages: int, max_image_pixels: int, name: str = ""
) -> Iterator[TextLayerPage | PageImage | PendingPage]:
    """Like :func:`read_pdf_pages`, without rendering: a page to OCR is a :class:`PendingPage`.

    Text layers are read (and judged) as :func:`read_pdf_pages` reads them; a page to
    OCR is rendered later by :func:`read_pdf_page`, in whichever process OCRs it.
    """
    return _each_page(
        data, max_pages=max_pages, name=name, read=partial(_plan, dpi=dpi, max_image_pixels=max_image_pixels)
    )


def read_pdf_page(
    data: bytes, index: int, *, dpi: int, max_pages: int, max_image_pixels: int, name: str = ""
) -> TextLayerPage | PageImage:
    """Page ``index`` (from 0) of a PDF, read as :func:`read_pdf_pages` reads each page.

    Raises ``InputError`` as :func:`read_pdf_pages` does, ``IndexError`` for a page
    the PDF does not have.
    """
    document = open_pdf(data, max_pages=max_pages, name=name)
    try:
        if not 0 <= index < len(document):
            raise IndexError(f"{name or 'the PDF'} has no page {index + 1}")
        return _read(document, index, dpi=dpi, max_image_pixels=max_image_pixels)
    finally:
        document.close()


def open_pdf(data: bytes, *, max_pages: int, name: str = "") -> pdfium.PdfDocument:
    """Open a PDF from its bytes. Raises ``InputError`` (corrupt, encrypted, too long)."""
    label = name or "the PDF"
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        # pdfium's last error outlives the call that set it: a damaged file read after an
        # encrypted one reports "password" too, so the file must also declare encryption.
        if "password" in str(error).lower() and b"/Encrypt" in data:
            raise InputError(
                f"{label} is protected by a password; ask the sender for an unprotected copy",
                code="encrypted_pdf",
            ) from error
        raise InputError(
            f"{label} is damaged and cannot be opened ({error}); ask the sender for a new copy",
            code="corrupt_pdf",
        ) from error
    pages = len(document)
    if pages > max_pages:
        document.close()
        raise InputError(
            f"{label} has {pages} pages, more than the {max_pages} allowed; split it into parts",
            code="too_many_pages",
        )
    if pages == 0:
        document.close()
        raise InputError(f"{label} has no pages", code="corrupt_pdf")
    return document


def layer_is_text(text: str) -> bool:
    """Whether an extracted text layer is real text rather than empty or glyph garbage."""
    visible = [char for char in text if not char.isspace()]
    if not visible:
        return False
    word_chars = sum(char.isalnum() for char in visible)
    bad = sum(unicodedata.category(char) in _BAD_CATEGORIES or char == "\ufffd" for char in visible)
    return word_chars / len(visible) >= MIN_WORD_CHAR_SHARE and bad / len(visible) <= MAX_BAD_CHAR_SHARE


def clean_layer_text(text: str) -> str:
    """Normalise pdfium's text: ``\\n`` line ends, no trailing spaces, no marker characters, NFC.

    NFC puts combining marks in their canonical order (a text layer lists an Arabic
    letter's shadda and fatha in the order they were drawn) and composes accents.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").translate(_DROPPED))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _each_page(
    data: bytes, *, max_pages: int, name: str, read: Callable[[pdfium.PdfDocument, int], _Page]
) -> Iterator[_Page]:
    """Open the PDF (raising ``InputError``), yield ``read(document, index)`` of each page, close it."""
    document = open_pdf(data, max_pages=max_pages, name=name)
    try:
        for index in range(len(document)):
            yield read(document, index)
    finally:
        document.close()


def _read(
    document: pdfium.PdfDocument, index: int, *, dpi: int, max_image_pixels: int
) -> TextLayerPage | PageImage:
    page = _open_page(document, index)
    if isinstance(page, PageImage):
        return page
    try:
        found = _layer_or_scale(page, index=index, dpi=dpi, max_image_pixels=max_image_pixels)
        return _render(page, index=index, scale=found) if isinstance(found, float) else found
    finally:
        page.close()


def _plan(
    document: pdfium.PdfDocument, index: int, *, dpi: int, max_image_pixels: int
) -> TextLayerPage | PageImage | PendingPage:
    page = _open_page(document, index)
    if isinstance(page, PageImage):
        return page
    try:
        found = _layer_or_scale(page, index=index, dpi=dpi, max_image_pixels=max_image_pixels)
        return PendingPage(index=index) if isinstance(found, float) else found
    finally:
        page.close()


def _open_page(document: pdfium.PdfDocument, index: int) -> pdfium.PdfPage | PageImage:
    """The page, or a page without image saying it is damaged."""
    try:
        return document[index]
    except pdfium.PdfiumError as error:
        return PageImage.unreadable(
            index + 1, IssueCode.PAGE_DAMAGED, f"page {index + 1} is damaged and cannot be read ({error})"
        )


def _layer_or_scale(
    page: pdfium.PdfPage, *, index: int, dpi: int, max_image_pixels: int
) -> TextLayerPage | PageImage | float:
    """The page's real text layer; else the scale to render it at for OCR, or why it cannot be."""
    scale = _scale(page, dpi=dpi, max_image_pixels=max_image_pixels)
    width, height = (round(side * scale) for side in page.get_size())
    try:
        text = clean_layer_text(_layer_text(page))
    except pdfium.PdfiumError:
        text = ""
    if layer_is_text(text) and _layer_is_seen(page, text):
        return TextLayerPage(text=text, width=width, height=height)
    if scale * POINTS_PER_INCH < MIN_RENDER_DPI:
        inches = " x ".join(f"{side / POINTS_PER_INCH:.0f}" for side in page.get_size())
        return PageImage.unreadable(
            index + 1,
            IssueCode.PAGE_TOO_LARGE,
            f"page {index + 1} is {inches} inches, too large to OCR: within the limit of "
            f"{max_image_pixels:,} pixels it renders below {MIN_RENDER_DPI} dpi; "
            "ask the sender for the page at a normal paper size",
        )
    return scale


def _render(page: pdfium.PdfPage, *, index: int, scale: float) -> PageImage:
    try:
        bitmap = page.render(scale=scale, grayscale=True)
        image = bitmap.to_pil().convert("L")
    except (pdfium.PdfiumError, OSError, ValueError) as error:
        return PageImage.unreadable(
            index + 1, IssueCode.PAGE_UNRENDERABLE, f"page {index + 1} cannot be rendered: {error}"
        )
    return PageImage(image=image, dpi=round(scale * POINTS_PER_INCH))


def _layer_text(page: pdfium.PdfPage) -> str:
    """The text layer in reading order; lines holding right-to-left script are re-read visually.

    Raises ``PdfiumError`` when the layer cannot be read.
    """
    textpage = page.get_textpage()
    try:
        text = str(textpage.get_text_range())
        if not has_rtl(text):
            return text
        lines: list[list[Glyph]] = [[]]
        for index, char in enumerate(text):
            if char == "\n":
                lines.append([])
            elif char != "\r":
                left, _, right, _ = textpage.get_charbox(index)
                lines[-1].append((char, left, right))
        right_to_left = page_is_right_to_left(text)
        read: list[str] = []
        for line in lines:
            read.append(logical_line(line, right_to_left_page=right_to_left, before=read[-1] if read else ""))
        return "\n".join(read)
    finally:
        textpage.close()


def _scale(page: pdfium.PdfPage, *, dpi: int, max_image_pixels: int) -> float:
    """Render scale for ``dpi``, lowered so the page image stays within the pixel limit."""
    width, height = page.get_size()
    scale = dpi / POINTS_PER_INCH
    while math.ceil(width * scale) * math.ceil(height * scale) > max_image_pixels > 0:
        scale *= 0.98 * min(1.0, (max_image_pixels / (width * height * scale * scale)) ** 0.5)
    return scale


def _layer_is_seen(page: pdfium.PdfPage, text: str) -> bool:
    """Whether the text layer is what a reader of the page sees, or an OCR layer over a scan of it.

    A few characters over a scan are a stamp or a page number: the scan is read
    instead. Text drawn invisible (render mode 3) is an OCR layer when a scan lies
    under it; on a page without one nobody sees it, and the page is read as it looks.
    """
    scan = _is_scan(page)
    if scan and len(text.strip()) < MIN_LAYER_CHARS_OVER_IMAGE:
        return False
    return scan or not _all_invisible(page)


def _all_invisible(page: pdfium.PdfPage) -> bool:
    """Whether every text object of the page is drawn in render mode 3 (invisible)."""
    modes = [
        pdfium_c.FPDFTextObj_GetTextRenderMode(text.raw)
        for text in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,), max_depth=2)
    ]
    return bool(modes) and all(mode == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE for mode in modes)


def _is_scan(page: pdfium.PdfPage) -> bool:
    """Whether one image covers most of the page (a scan under a text layer)."""
    width, height = page.get_size()
    area = width * height
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = image.get_bounds()
        if area > 0 and (right - left) * (top - bottom) / area >= MIN_SCAN_COVERAGE:
            return True
    return False
