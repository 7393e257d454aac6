"""Tests of extract/codes.py: codes in Cyrillic text read again with the English model."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.codes import CODE_LANGUAGES, better_code, reread_codes
from extract.line_models import WORD_PSM
from extract.tesseract import OcrResult, recognise
from rogatory.records import Word

TESSERACT = "/usr/bin/tesseract"
CODE = "40817810099910004312"


def typeface(size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        pytest.skip("DejaVu Sans is not installed")


def line_image(text: str) -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """A line of words and each word's box."""
    font = typeface(40)
    image = Image.new("L", (1500, 140), 255)
    draw = ImageDraw.Draw(image)
    x, boxes = 40, []
    for word in text.split():
        left, top, right, bottom = draw.textbbox((x, 50), word, font=font)
        draw.text((x, 50), word, fill=0, font=font)
        boxes.append((left, top, right - left, bottom - top))
        x = right + 24
    return image, boxes


def english_word(image: Image.Image) -> OcrResult:
    return recognise(image, executable=TESSERACT, languages=CODE_LANGUAGES, timeout_seconds=60, psm=WORD_PSM)


def test_a_code_read_through_cyrillic_letters_is_read_again_as_digits() -> None:
    image, boxes = line_image(f"Счёт {CODE} открыт")
    misread = ["Счёт", "4О8178100999100О4З12", "открыт"]  # Cyrillic О and З among the digits
    words = tuple(
        Word(text=text, left=box[0], top=box[1], width=box[2], height=box[3], confidence=conf)
        for text, box, conf in zip(misread, boxes, (0.95, 0.55, 0.93), strict=True)
    )
    result = OcrResult(text=" ".join(misread), words=words, confidence=0.8)
    again = reread_codes(result, image, english_word)
    assert again.text == f"Счёт {CODE} открыт"
    assert [word.text for word in again.words] == ["Счёт", CODE, "открыт"]
    assert again.words[1].confidence > 0.55


def test_words_without_digits_are_not_read_again() -> None:
    image, boxes = line_image("Иванов Иван")
    words = tuple(
        Word(text=text, left=b[0], top=b[1], width=b[2], height=b[3], confidence=0.5)
        for text, b in zip(["Иванов", "Иван"], boxes, strict=True)
    )
    result = OcrResult(text="Иванов Иван", words=words, confidence=0.5)
    calls: list[Image.Image] = []

    def read(crop: Image.Image) -> OcrResult:
        calls.append(crop)
        return english_word(crop)

    assert reread_codes(result, image, read) is result
    assert calls == []


def test_the_english_reading_must_be_a_surer_code() -> None:
    old = Word(text="1О23", left=0, top=0, width=10, height=10, confidence=0.6)
    assert better_code(old, "1023", 0.9)
    assert not better_code(old, "1023", 0.5), "less sure"
    assert not better_code(old, "IOZE", 0.9), "no digit"
    assert not better_code(old, "1О23", 0.9), "the same"
    assert not better_code(old, "10 23", 0.9), "two words"
