"""Tests of extract/orientation.py: the skew of a page by projection profile, and deskewing it.

Tests that run the real tesseract are marked slow.
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extract.orientation import MIN_DESKEW, deskew, estimate_skew, unskew_words
from extract.tesseract import recognise
from rogatory.records import Word
from rogatory.scoring import score_text
from tests.scans import FREEZING_REQUEST, PAGE_SIZE, render_page, skewed_page


@pytest.mark.parametrize("degrees", [-4.0, -2.5, -1.0, 0.7, 1.8, 3.0])
def test_skew_of_a_crooked_text_page_is_found(degrees: float) -> None:
    angle = estimate_skew(skewed_page(FREEZING_REQUEST, degrees))
    assert angle is not None
    assert abs(angle + degrees) <= 0.2


def test_an_upright_page_is_left_alone() -> None:
    page = render_page(FREEZING_REQUEST)
    assert estimate_skew(page) == 0.0
    assert deskew(page) == (page, 0.0)


def test_a_page_skewed_less_than_tesseract_minds_is_left_alone() -> None:
    page = skewed_page(FREEZING_REQUEST, MIN_DESKEW - 0.6)
    assert deskew(page) == (page, 0.0)


def test_a_blank_page_a_picture_and_a_sideways_page_are_left_alone() -> None:
    blank = Image.new("L", PAGE_SIZE, 255)
    picture = Image.new("L", PAGE_SIZE, 255)
    ImageDraw.Draw(picture).ellipse((200, 300, 1500, 1900), fill=60)
    sideways = skewed_page(FREEZING_REQUEST, 2.0).rotate(90, expand=True)
    for page in (blank, picture, picture.convert("1")):
        assert estimate_skew(page) is None
        assert deskew(page) == (page, 0.0)
    # Its lines are columns: no angle of a few degrees makes rows of them (OSD turns it).
    assert deskew(sideways) == (sideways, 0.0)


def test_deskew_keeps_the_size_and_mode_and_fills_white() -> None:
    for mode in ("1", "L", "RGB"):
        page = skewed_page(FREEZING_REQUEST, 2.5).convert(mode)
        straight, angle = deskew(page)
        assert angle <= -MIN_DESKEW
        assert (straight.size, straight.mode) == (page.size, page.mode)
        assert straight.convert("L").getpixel((2, 2)) == 255


def test_word_boxes_of_the_deskewed_image_land_on_the_page() -> None:
    page = Image.new("L", PAGE_SIZE, 255)
    ImageDraw.Draw(page).rectangle((1300, 300, 1400, 340), fill=0)  # a "word" far from the centre
    turned = page.rotate(-2.5, Image.Resampling.BICUBIC, fillcolor=255)
    left, top, right, bottom = turned.point(lambda value: 255 if value < 128 else 0).getbbox() or (0, 0, 0, 0)
    word = Word(text="x", left=left, top=top, width=right - left, height=bottom - top, confidence=1.0)
    (back,) = unskew_words((word,), angle=-2.5, width=PAGE_SIZE[0], height=PAGE_SIZE[1])
    centre = (back.left + back.width / 2, back.top + back.height / 2)
    assert abs(centre[0] - 1350.5) <= 2
    assert abs(centre[1] - 320.5) <= 2
    assert unskew_words((word,), angle=0.0, width=PAGE_SIZE[0], height=PAGE_SIZE[1]) == (word,)


@pytest.mark.slow
def test_a_crooked_page_reads_better_deskewed() -> None:
    crooked = skewed_page(FREEZING_REQUEST, 2.5)
    straight, angle = deskew(crooked)
    assert abs(angle + 2.5) <= 0.2

    def errors(image: Image.Image) -> int:
        result = recognise(image, executable="tesseract", languages="eng", timeout_seconds=60.0, dpi=200)
        return score_text(result.text, FREEZING_REQUEST).errors

    assert errors(straight) < errors(crooked)
