"""Tests of extract/codes.py: codes in Cyrillic text read again with the English model."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.codes import (
    CODE_LANGUAGES,
    CYRILLIC_STRAY_LATIN,
    better_code,
    fix_legal_forms,
    is_cyrillic_code,
    reread_codes,
)
from extract.line_models import LINE_PSM, WORD_PSM, reread_stray_latin
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


def test_a_code_in_cyrillic_capitals_takes_an_english_reading_nearly_as_sure() -> None:
    cyrillic = Word(text="РТ50", left=0, top=0, width=10, height=10, confidence=0.92)
    assert is_cyrillic_code("РТ50")
    assert is_cyrillic_code("К736")
    assert not is_cyrillic_code("5-го"), "a Russian ordinal"
    assert not is_cyrillic_code("1983"), "no letter"
    assert better_code(cyrillic, "PT50", 0.85, slack=0.15)
    assert not better_code(cyrillic, "PT50", 0.85, slack=0.0)
    assert not better_code(cyrillic, "PT50", 0.7, slack=0.15), "far less sure"
    assert better_code(cyrillic, "Pt50", 0.95, slack=0.15), "surer: taken as before"
    assert not better_code(cyrillic, "Pt50", 0.9, slack=0.15), "a small letter: no slack"


def test_a_legal_form_read_in_latin_letters_or_digits_is_put_back_in_cyrillic() -> None:
    texts = ["переведены", "(000", "«Вектор»,", "AO", "«Банк»", "и", "1", "000", "рублей"]
    words = tuple(Word(text=text, left=0, top=0, width=5, height=5, confidence=0.9) for text in texts)
    result = OcrResult(text=" ".join(texts[:5]) + "\n" + " ".join(texts[5:]), words=words, confidence=0.9)
    fixed = fix_legal_forms(result)
    assert fixed.text == "переведены (ООО «Вектор», АО «Банк»\nи 1 000 рублей"
    assert all("\u0400" <= char <= "\u04ff" for char in fixed.words[1].text[1:])


def test_a_russian_word_read_as_latin_is_read_again_with_the_russian_model() -> None:
    image, boxes = line_image("Адрес: улица Ленина")
    read_as = [("Anpec:", 0.62), ("улица", 0.93), ("Ленина", 0.94)]
    words = tuple(
        Word(text=text, left=box[0], top=box[1], width=box[2], height=box[3], confidence=conf)
        for (text, conf), box in zip(read_as, boxes, strict=True)
    )
    result = OcrResult(text="Anpec: улица Ленина", words=words, confidence=0.85)

    def russian_word(crop: Image.Image, languages: str) -> OcrResult:
        return recognise(crop, executable=TESSERACT, languages=languages, timeout_seconds=60, psm=LINE_PSM)

    fixed = reread_stray_latin(result, image, russian_word, CYRILLIC_STRAY_LATIN)
    assert fixed.text == "Адрес: улица Ленина"
