"""Tests of extract/dashes.py: a lone dash made an en or an em dash by its width."""

from __future__ import annotations

from extract.dashes import EM_DASH, EN_DASH, fix_dashes, fix_line
from extract.tesseract import OcrResult
from rogatory.records import Word


def word(text: str, left: int, width: int, height: int = 36) -> Word:
    return Word(text=text, left=left, top=10, width=width, height=height, confidence=0.9)


def test_a_lone_dash_is_an_en_dash_when_it_is_half_an_em_wide() -> None:
    words = [word("счёт", 0, 80), word("—", 90, 22, height=5), word("АО", 120, 40)]
    assert [w.text for w in fix_line(words)] == ["счёт", EN_DASH, "АО"]
    hyphen = [word("счёт", 0, 80), word("-", 90, 18, height=4), word("АО", 120, 40)]
    assert fix_line(hyphen)[1].text == EN_DASH


def test_a_lone_dash_as_wide_as_an_em_or_more_is_an_em_dash() -> None:
    words = [word("Москва", 0, 120), word("-", 130, 44, height=4), word("столица", 180, 140)]
    assert fix_line(words)[1].text == EM_DASH


def test_hyphens_inside_words_and_dashes_not_between_words_are_left_alone() -> None:
    words = [
        word("Инжиниринг-Центр", 0, 300),
        word("-", 310, 18, height=4),
        word("1", 340, 20),
        word("-", 370, 18),
    ]
    out = [w.text for w in fix_line(words)]
    assert out == ["Инжиниринг-Центр", EN_DASH, "1", "-"], "the last dash ends the line"
    assert [w.text for w in fix_line([word("-", 0, 18)])] == ["-"]


def test_the_text_is_laid_again_line_by_line() -> None:
    words = (word("а", 0, 20), word("—", 30, 20, height=5), word("б", 60, 20), word("в", 0, 20))
    result = OcrResult(text="а — б\nв", words=words, confidence=0.9)
    assert fix_dashes(result).text == f"а {EN_DASH} б\nв"
    plain = OcrResult(text="а б", words=(word("а", 0, 20), word("б", 30, 20)), confidence=0.9)
    assert fix_dashes(plain) is plain
