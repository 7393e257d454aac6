"""The pages of one original read apart: counted, planned, and each page to OCR read alone.

Runs in the worker processes. What :func:`extract.text.page_sources` does for a
whole document in one process, split so that the pages to OCR can be read by
other processes: :func:`plan_pages` reads the text layers and names the pages to
OCR without rendering them, :func:`read_page` renders (or decodes) one of them.
The limits and per-page failures are those of :mod:`extract.pdf` and
:mod:`extract.images`.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.images import PageImage, PendingPage, count_image_pages, read_image_page
from extract.pdf import TextLayerPage, open_pdf, plan_pdf_pages, read_pdf_page
from extract.text import TextOptions
from rogatory.sources import MediaType, SourceFile


def count_pages(source: SourceFile, options: TextOptions) -> int:
    """The number of pages of an original, read without rendering or decoding any.

    Raises ``InputError`` for a file that cannot be read at all (as
    :func:`extract.text.extract_text` does).
    """
    if source.media_type is MediaType.PDF:
        document = open_pdf(source.data, max_pages=options.max_pages, name=source.name)
        try:
            return len(document)
        finally:
            document.close()
    return count_image_pages(source.data, max_image_pixels=options.max_image_pixels, name=source.name)


def plan_pages(source: SourceFile, options: TextOptions) -> Iterator[TextLayerPage | PageImage | PendingPage]:
    """Each page in order: its text layer, an unreadable page (with its issue), or a page to OCR.

    Raises ``InputError`` as :func:`count_pages` does.
    """
    if source.media_type is MediaType.PDF:
        return plan_pdf_pages(
            source.data,
            dpi=options.dpi,
            max_pages=options.max_pages,
            max_image_pixels=options.max_image_pixels,
            name=source.name,
        )
    pages = count_image_pages(source.data, max_image_pixels=options.max_image_pixels, name=source.name)
    return iter([PendingPage(index=index) for index in range(pages)])


def read_page(source: SourceFile, index: int, options: TextOptions) -> TextLayerPage | PageImage:
    """Page ``index`` (from 0), as :func:`extract.text.page_sources` would give it.

    Raises ``InputError`` for a file that cannot be read at all (for an image file:
    also when its first page cannot be decoded), ``IndexError`` for a page it lacks.
    """
    if source.media_type is MediaType.PDF:
        return read_pdf_page(
            source.data,
            index,
            dpi=options.dpi,
            max_pages=options.max_pages,
            max_image_pixels=options.max_image_pixels,
            name=source.name,
        )
    return read_image_page(source.data, index, max_image_pixels=options.max_image_pixels, name=source.name)
