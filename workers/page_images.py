"""Page images for the document view: one page of an original, rendered to a PNG for the screen.

PDF pages are rendered by pypdfium2, image files read frame by frame, upright per
EXIF (as the OCR read them), under the same pixel limit as extraction. The OCR word
boxes are kept in the pixels of the page the OCR read; the view draws them on an SVG
whose viewBox is that page's size, so the screen image may have any size of that shape.
Here, beside the stages, because it reads the original with extract's PDF and image
readers; it runs in the web process (the document view) and raises ``InputError`` for
a page that cannot be rendered.
"""

from __future__ import annotations

import io
from itertools import islice

import pypdfium2 as pdfium
from PIL import Image

from extract.images import read_image_pages
from extract.orientation import turn_clockwise
from extract.pdf import open_pdf
from rogatory.errors import InputError
from rogatory.sources import MediaType

#: Width of a page image on screen, in pixels (about 130 dpi for an A4 page).
SCREEN_WIDTH = 1100


def render_page(
    data: bytes,
    media_type: MediaType | str,
    page: int,
    *,
    max_pages: int,
    max_image_pixels: int,
    rotation: int = 0,
) -> bytes:
    """The PNG of page ``page`` (from 1) of an original, ``SCREEN_WIDTH`` pixels wide at most,
    turned clockwise by ``rotation`` degrees as the OCR turned it (so its word boxes fit)."""
    if page < 1:
        raise InputError(f"no page {page}", code="no_such_page")
    image = (
        _pdf_page(data, page, max_pages=max_pages)
        if str(media_type) == MediaType.PDF.value
        else _image_page(data, page, max_image_pixels=max_image_pixels)
    )
    image = turn_clockwise(image, rotation)
    if image.width > SCREEN_WIDTH:
        image = image.resize((SCREEN_WIDTH, max(1, round(image.height * SCREEN_WIDTH / image.width))))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _pdf_page(data: bytes, page: int, *, max_pages: int) -> Image.Image:
    document = open_pdf(data, max_pages=max_pages)
    try:
        if page > len(document):
            raise InputError(f"the document has {len(document)} pages, not {page}", code="no_such_page")
        pdf_page = document[page - 1]
        try:
            width, _ = pdf_page.get_size()
            scale = min(SCREEN_WIDTH / width, 3.0) if width > 0 else 1.0
            image: Image.Image = pdf_page.render(scale=scale, grayscale=False).to_pil()
            return image.convert("RGB")
        finally:
            pdf_page.close()
    except pdfium.PdfiumError as error:
        raise InputError(f"page {page} cannot be rendered: {error}", code="unrenderable_page") from error
    finally:
        document.close()


def _image_page(data: bytes, page: int, *, max_image_pixels: int) -> Image.Image:
    frame = next(islice(read_image_pages(data, max_image_pixels=max_image_pixels), page - 1, None), None)
    if frame is None:
        raise InputError(f"the image has no page {page}", code="no_such_page")
    if frame.image is None:
        raise InputError(frame.issue.message if frame.issue else "", code="unrenderable_page")
    return frame.image if frame.image.mode in {"L", "RGB"} else frame.image.convert("L")
