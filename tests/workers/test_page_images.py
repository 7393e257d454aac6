"""Page images for the document view: rendered for the screen, turned as the OCR turned them."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from rogatory.errors import InputError
from tests.scans import scan
from workers.page_images import SCREEN_WIDTH, render_page

LIMITS = {"max_pages": 100, "max_image_pixels": 50_000_000}


def _size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        return image.size


def test_an_image_page_is_rendered_at_screen_width() -> None:
    width, height = _size(render_page(scan(["Page one"]), "image/png", 1, **LIMITS))
    assert width == SCREEN_WIDTH
    assert height > width  # a portrait page stays portrait


def test_a_page_turned_for_ocr_is_shown_turned() -> None:
    upright = _size(render_page(scan(["Page one"]), "image/png", 1, **LIMITS))
    sideways = _size(render_page(scan(["Page one"]), "image/png", 1, **LIMITS, rotation=90))
    assert sideways[0] == SCREEN_WIDTH
    assert sideways[1] < upright[1]  # now landscape


def test_a_pdf_page_and_a_missing_page() -> None:
    pdf = scan(["Page one", "Page two"], "PDF")
    assert _size(render_page(pdf, "application/pdf", 2, **LIMITS))[0] == SCREEN_WIDTH
    with pytest.raises(InputError, match="not 3"):
        render_page(pdf, "application/pdf", 3, **LIMITS)
    with pytest.raises(InputError):
        render_page(scan(["x"]), "image/png", 2, **LIMITS)
