"""Tests of extract/line_models.py: low-confidence lines read again with another model."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.line_models import (
    LINE_PSM,
    STRAY_LATIN_LANGUAGES,
    LineChoice,
    line_box,
    line_spans,
    reread_lines,
    reread_stray_latin,
)
from extract.tesseract import OcrResult, recognise
from rogatory.records import Word

TESSERACT = "/usr/bin/tesseract"


def typeface(size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        pytest.skip("DejaVu Sans is not installed")


def page(lines: list[str]) -> Image.Image:
    """Lines of text one under the other on a white page."""
    font = typeface(36)
    image = Image.new("L", (1400, 110 * len(lines) + 80), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((50, 50 + 110 * number), line, fill=0, font=font)
    return image


def read(image: Image.Image, languages: str, psm: int = 6) -> OcrResult:
    return recognise(image, executable=TESSERACT, languages=languages, timeout_seconds=60, psm=psm)


def test_a_line_read_with_the_wrong_model_is_replaced_by_the_surer_reading() -> None:
    image = page(["The account was opened in 2019"])
    wrong = read(image, "rus")  # Latin text through the Cyrillic model: low confidence
    assert len(line_spans(wrong)) == 1
    assert wrong.confidence < 0.8
    calls: list[str] = []

    def again(crop: Image.Image, languages: str) -> OcrResult:
        calls.append(languages)
        return read(crop, languages, LINE_PSM)

    better = reread_lines(wrong, image, again, LineChoice(languages="eng", below=0.99))
    assert better.text == "The account was opened in 2019"
    assert calls == ["eng"]
    assert better.confidence > wrong.confidence
    first = better.words[0]
    assert 30 < first.left < 80, "boxes are on the page, not on the crop"
    assert 30 < first.top < 110


def test_lines_read_confidently_are_not_read_again() -> None:
    words = (
        Word(text="one", left=10, top=10, width=40, height=20, confidence=0.95),
        Word(text="two", left=60, top=10, width=40, height=20, confidence=0.93),
    )
    result = OcrResult(text="one two", words=words, confidence=0.94)
    calls: list[str] = []

    def again(crop: Image.Image, languages: str) -> OcrResult:
        calls.append(languages)
        return OcrResult(text="", words=(), confidence=0.0)

    image = Image.new("L", (200, 50), 255)
    assert reread_lines(result, image, again, LineChoice("Arabic", below=0.9)) is result
    assert calls == []


def test_the_other_reading_must_be_surer_by_the_margin() -> None:
    old = (Word(text="abc", left=10, top=10, width=40, height=20, confidence=0.6),)
    result = OcrResult(text="abc", words=old, confidence=0.6)
    word = Word(text="xyz", left=2, top=3, width=40, height=20, confidence=0.65)
    new = OcrResult(text="xyz", words=(word,), confidence=0.65)
    image = Image.new("L", (200, 50), 255)
    kept = reread_lines(result, image, lambda crop, models: new, LineChoice("Arabic", below=0.9, margin=0.1))
    assert kept is result
    taken = reread_lines(result, image, lambda crop, models: new, LineChoice("Arabic", below=0.9, margin=0.0))
    assert taken.text == "xyz"
    assert (taken.words[0].left, taken.words[0].top) == (6, 7), "the crop starts 6 px before the word: (4, 4)"


def test_the_line_box_keeps_a_margin_inside_the_image() -> None:
    words = [
        Word(text="a", left=5, top=8, width=30, height=20, confidence=0.5),
        Word(text="b", left=50, top=4, width=30, height=24, confidence=0.5),
    ]
    assert line_box(words, width=90, height=40) == (0, 0, 87, 35)


def test_a_result_whose_text_does_not_match_its_words_has_no_lines() -> None:
    words = (Word(text="a", left=0, top=0, width=5, height=5, confidence=0.5),)
    assert line_spans(OcrResult(text="a b", words=words, confidence=0.5)) == []


def stray_page() -> tuple[Image.Image, OcrResult]:
    """An Arabic line drawn on a page, read as if its middle word had been taken for Latin."""
    font = typeface(44)
    image = Image.new("L", (900, 160), 255)
    draw = ImageDraw.Draw(image)
    boxes = []
    for text, right in (("وزارة", 820), ("العدل", 600), ("والتعاون", 380)):
        left = right - round(draw.textlength(text, font=font, direction="rtl"))
        draw.text((left, 50), text, fill=0, font=font, direction="rtl")
        top, bottom = draw.textbbox((left, 50), text, font=font, direction="rtl")[1::2]
        boxes.append((left, top, right - left, bottom - top))
    read = (("وزارة", 0.93), ("ollie", 0.53), ("والتعاون", 0.91))
    words = tuple(
        Word(text=text, left=box[0], top=box[1], width=box[2], height=box[3], confidence=confidence)
        for (text, confidence), box in zip(read, boxes, strict=True)
    )
    return image, OcrResult(text="وزارة ollie والتعاون", words=words, confidence=0.8)


def test_a_stray_latin_word_of_an_arabic_line_is_read_again_with_the_arabic_model() -> None:
    image, result = stray_page()
    calls: list[str] = []

    def again(crop: Image.Image, languages: str) -> OcrResult:
        calls.append(languages)
        return read(crop, languages, LINE_PSM)

    fixed = reread_stray_latin(result, image, again)
    assert calls == [STRAY_LATIN_LANGUAGES]
    assert fixed.text == "وزارة العدل والتعاون"
    assert fixed.words[1].left == result.words[1].left, "the word keeps its box"


def test_latin_words_read_confidently_or_outside_arabic_lines_are_not_read_again() -> None:
    image, result = stray_page()
    sure = result.words[1].model_copy(update={"confidence": 0.95})
    confident = OcrResult(text=result.text, words=(result.words[0], sure, result.words[2]), confidence=0.9)
    latin_word = result.words[1]
    latin_line = OcrResult(text="ollie", words=(latin_word,), confidence=0.53)

    def again(crop: Image.Image, languages: str) -> OcrResult:
        raise AssertionError("read again")

    assert reread_stray_latin(confident, image, again) is confident
    assert reread_stray_latin(latin_line, image, again) is latin_line


def test_a_line_read_enlarged_has_its_boxes_brought_back_to_the_page() -> None:
    old = (Word(text="abc", left=10, top=10, width=40, height=20, confidence=0.6),)
    result = OcrResult(text="abc", words=old, confidence=0.6)
    sizes: list[tuple[int, int]] = []

    def again(crop: Image.Image, languages: str) -> OcrResult:
        sizes.append(crop.size)
        word = Word(text="xyz", left=8, top=12, width=80, height=40, confidence=0.9)
        return OcrResult(text="xyz", words=(word,), confidence=0.9)

    image = Image.new("1", (200, 50), 1)
    taken = reread_lines(result, image, again, LineChoice("ara", below=0.9, scale=2.0))
    assert sizes == [(104, 64)], "the crop (4, 4, 56, 36) read twice as large"
    word = taken.words[0]
    assert (word.left, word.top, word.width, word.height) == (8, 10, 40, 20)
