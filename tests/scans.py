"""Scans made in the test: text rendered to page images, saved as PNG, JPEG, TIFF or PDF.

No binary fixtures: every test document is generated from the text it should yield.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

PAGE_SIZE = (1700, 2200)  # A4-ish at 200 dpi


def render_page(text: str, *, size: tuple[int, int] = PAGE_SIZE, font_size: int = 34) -> Image.Image:
    """One white page with ``text`` in black, wrapped to the page width."""
    page = Image.new("L", size, color=255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=font_size)
    y = 120
    for paragraph in text.split("\n"):
        for line in textwrap.wrap(paragraph, width=70) or [""]:
            draw.text((120, y), line, fill=0, font=font)
            y += int(font_size * 1.5)
    return page


def save_pages(pages: Sequence[Image.Image], image_format: str) -> bytes:
    """The pages as one file: ``PDF`` or ``TIFF`` (multi-page), ``PNG`` or ``JPEG`` (first page)."""
    buffer = io.BytesIO()
    first, rest = pages[0], list(pages[1:])
    if image_format in ("PDF", "TIFF"):
        first.save(buffer, format=image_format, save_all=True, append_images=rest, resolution=200.0)
    else:
        first.save(buffer, format=image_format)
    return buffer.getvalue()


def scan(texts: Sequence[str], image_format: str = "PNG") -> bytes:
    """A scanned document with one page per text."""
    return save_pages([render_page(text) for text in texts], image_format)


FREEZING_REQUEST = """REPUBLIC OF GHANA
OFFICE OF THE SPECIAL PROSECUTOR
Accra, 3 March 2026
Re: Request for mutual legal assistance
The Office of the Special Prosecutor of Ghana requests assistance pursuant to the
United Nations Convention against Corruption, article 46.
Subject matter: criminal investigation against Mr Kwame ASANTE for bribery of a public
official and money laundering.
Summary of the facts: Kwame ASANTE received bribes from a contractor and transferred
the money to account GB82 WEST 1234 5698 7654 32 at a bank in the Reference State.
Assistance requested: please freeze the account GB82 WEST 1234 5698 7654 32 and provide
the bank records of that account.
Purpose: the evidence is needed for the prosecution of the suspect in Ghana."""


def annex_text(page: int) -> str:
    """The text of page ``page`` of an annex: a few lines that say which page they are on."""
    return (
        f"ANNEX PAGE {page}\n"
        f"Statement of witness number {page} taken in Accra on {page} February 2026.\n"
        "The witness described the payments made by the contractor to the official\n"
        f"and the transfers to the account abroad, listed in table {page} of the file."
    )


def long_scan(pages: int, image_format: str = "TIFF", *, oversized: int | None = None) -> bytes:
    """A request of ``pages`` pages: the freezing request, then annex pages 2 to ``pages``.

    Page ``oversized`` (if given) is a blank page of 4000 x 3000 pixels: in a TIFF, over a limit
    of 10 million pixels, so that it fails alone.
    """
    images = [render_page(FREEZING_REQUEST)]
    for page in range(2, pages + 1):
        images.append(
            Image.new("L", (4000, 3000), 255) if page == oversized else render_page(annex_text(page))
        )
    return save_pages(images, image_format)


def skewed_page(text: str, degrees: float) -> Image.Image:
    """The page of ``text`` turned ``degrees`` counter-clockwise about its centre, as a crooked scan."""
    return render_page(text).rotate(degrees, Image.Resampling.BICUBIC, fillcolor=255)
