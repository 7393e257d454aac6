"""Tests of extract/cleanup.py (uneven light, specks, enlarging) and of the OCR stage reading such pages."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.cleanup import TARGET_DPI, despeckle, enlarge, flatten_light, shrink_box
from extract.engines import TextEngines, load_text_engines
from extract.images import PageImage
from extract.text import OcrReader, TextOptions


@pytest.fixture(scope="module")
def text_engines() -> TextEngines:
    return load_text_engines(ocr_engine="cli")


LINES = [
    "The requesting authority asks for the bank records",
    "of the account held by the company in Valmont and",
    "for the hearing of two witnesses before the court.",
]


def page(lines: list[str], *, size: int = 36, width: int = 1400) -> Image.Image:
    font = ImageFont.load_default(size=size)
    image = Image.new("L", (width, 160 + len(lines) * size * 2), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((60, 80 + index * size * 2), line, fill=20, font=font)
    return image


def shaded(image: Image.Image) -> Image.Image:
    """The page under a light that falls from 100 % on the left to 35 % on the right."""
    pixels = np.asarray(image, dtype=np.float32)
    light = np.linspace(1.0, 0.35, image.width)[None, :]
    return Image.fromarray((pixels * light).astype(np.uint8), mode="L")


def test_an_evenly_lit_page_is_left_as_it_is() -> None:
    image = page(LINES)
    assert flatten_light(image) is image
    bilevel = image.convert("1")
    assert flatten_light(bilevel) is bilevel


def test_uneven_light_is_flattened_and_the_ink_kept() -> None:
    image = shaded(page(LINES))
    flat = np.asarray(flatten_light(image), dtype=np.float32)
    paper = flat[:40, :]
    assert paper.min() > 200, "the dark side's paper is white again"
    before = np.asarray(image, dtype=np.float32)
    assert before[:40, -200:].mean() < 120
    assert (flat < 100).sum() > 0.5 * (np.asarray(page(LINES)) < 100).sum(), "the text's ink stays"


ITALIAN = ["La società è già in città: più di un reato.", "Sequestro di beni, perquisizione e audizione."]


def fax(lines: list[str], *, specks: int, seed: int = 7) -> tuple[Image.Image, Image.Image]:
    """A bilevel page of ``lines`` at about 150 dpi, and the same page with one-pixel specks."""
    clean = page(lines, size=22, width=900).point(lambda value: 255 if value > 128 else 0).convert("1")
    pixels = np.asarray(clean.convert("L")).copy()
    rows = np.random.default_rng(seed).integers(0, pixels.shape, size=(specks, 2))
    pixels[rows[:, 0], rows[:, 1]] = 0
    return clean, Image.fromarray(pixels, mode="L").convert("1")


def test_specks_of_a_fax_are_removed_and_its_dots_and_accents_kept() -> None:
    clean, speckled = fax(ITALIAN, specks=400)
    cleaned = despeckle(speckled)
    assert cleaned.mode == "1"
    ink = np.asarray(cleaned.convert("L")) < 128
    text = np.asarray(clean.convert("L")) < 128
    assert ink[text].all(), "every pixel of the letters, their accents and full stops stays"
    assert (ink & ~text).sum() <= 20, "the specks are gone but those that touch a letter"
    assert (np.asarray(speckled.convert("L")) < 128).sum() - text.sum() > 300


def test_a_rendered_fax_stays_grayscale_and_a_page_without_specks_as_it_is() -> None:
    clean, speckled = fax(ITALIAN, specks=400)
    rendered = speckled.convert("L")
    assert despeckle(rendered).mode == "L"
    assert (np.asarray(despeckle(rendered)) < 128).sum() < (np.asarray(rendered) < 128).sum()
    assert despeckle(clean) is clean
    noise = np.random.default_rng(3).normal(0, 8, (page(LINES).height, page(LINES).width))
    pixels = np.clip(np.asarray(page(LINES), dtype=np.float64) - 20 + noise, 0, 255).astype(np.uint8)
    pixels[::97, ::89] = 0
    gray = Image.fromarray(pixels, mode="L")
    assert despeckle(gray) is gray, "a grayscale scan's dark pixels are not a fax's specks"


def test_low_resolution_pages_are_enlarged_and_boxes_brought_back() -> None:
    image = Image.new("1", (1000, 1400), 1)
    big = enlarge(image, 150)
    assert big.dpi == TARGET_DPI
    assert big.image.size == (2000, 2800)
    assert big.image.mode == "L"
    assert shrink_box(200, 400, 60, 30, big.scale) == (100, 200, 30, 15)
    same = enlarge(image, 300)
    assert same.image is image
    assert same.scale == 1.0


def test_a_shaded_page_reads_better_flattened(text_engines: TextEngines) -> None:
    image = shaded(page(LINES))
    flat = OcrReader(engines=text_engines, options=TextOptions(), languages="eng")
    plain = OcrReader(engines=text_engines, options=TextOptions(flatten_light=False), languages="eng")
    truth = " ".join(LINES).split()
    read_flat = flat.read(1, PageImage(image=image, dpi=300)).text.split()
    read_plain = plain.read(1, PageImage(image=image, dpi=300)).text.split()
    right_flat = sum(word in truth for word in read_flat)
    assert right_flat >= len(truth) - 2
    assert right_flat > sum(word in truth for word in read_plain)


def test_an_enlarged_page_keeps_its_own_size_and_boxes(text_engines: TextEngines) -> None:
    small = page(LINES, size=36).resize((700, 188), Image.Resampling.BOX)
    reader = OcrReader(engines=text_engines, options=TextOptions(enlarge=True), languages="eng")
    result = reader.read(1, PageImage(image=small, dpi=150))
    assert (result.width, result.height) == small.size
    assert "requesting" in result.text
    assert result.words
    assert all(word.left + word.width <= small.width + 2 for word in result.words)
    assert all(word.top + word.height <= small.height + 2 for word in result.words)


def test_a_speckled_fax_reads_better_despeckled(text_engines: TextEngines) -> None:
    unspeckled, speckled = fax(ITALIAN, specks=1500)
    clean = OcrReader(engines=text_engines, options=TextOptions(), languages="ita")
    plain = OcrReader(engines=text_engines, options=TextOptions(despeckle=False), languages="ita")
    truth = " ".join(ITALIAN).split()

    def right(reader: OcrReader, image: Image.Image) -> int:
        return sum(word in truth for word in reader.read(1, PageImage(image=image, dpi=150)).text.split())

    despeckled = right(clean, speckled)
    assert despeckled >= right(plain, unspeckled) - 1, "about as well as the page without specks"
    assert despeckled > right(plain, speckled)
