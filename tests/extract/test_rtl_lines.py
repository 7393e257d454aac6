"""Reading order of Latin and number runs in Arabic OCR lines (extract/rtl_lines.py).

The lines are tesseract's words and boxes as it gave them for lines of dev-050's first
page (ara+eng, psm 6), with the text the manifest has for them.
"""

from __future__ import annotations

import pytest

from extract.rtl_lines import is_code, logical_line, order_lines
from extract.tesseract import OcrResult
from rogatory.records import Word


def _words(*pairs: tuple[int, str]) -> list[Word]:
    return [Word(text=text, left=left, top=10, width=40, height=30, confidence=0.9) for left, text in pairs]


def _text(words: list[Word]) -> str:
    return " ".join(word.text for word in words)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(
            [
                (1070, "رقم"),
                (1018, "49"),
                (921, "1350"),
                (817, "4099"),
                (716, "9238"),
                (487, "GB50"),
                (594, "WJNB"),
                (417, "لدى"),
            ],
            "رقم GB50 WJNB 9238 4099 1350 49 لدى",
            id="iban-tail-after-its-letters",
        ),
        pytest.param(
            [(1482, "مجموعها"), (1279, "886,000.00"), (1183, "QAR"), (1130, "من")],
            "مجموعها QAR 886,000.00 من",
            id="amount-after-its-currency",
        ),
        pytest.param(
            [
                (1682, "فى"),
                (1610, "176"),
                (1133, "Marine"),
                (1279, "Parade"),
                (1416, "Eastbridge"),
                (1085, "تم"),
            ],
            "فى 176 Marine Parade Eastbridge تم",
            id="house-number-before-street",
        ),
        pytest.param(
            [(921, "بمبلغ"), (685, "8,378,000.00"), (582, ".QAR"), (518, "فتح")],
            "بمبلغ QAR 8,378,000.00. فتح",
            id="full-stop-after-amount",
        ),
        pytest.param(
            [
                (1676, "الحساب"),
                (1610, "رقم"),
                (884, "CY70"),
                (995, "2286"),
                (1093, "0729"),
                (1491, "HHHS"),
                (804, "العائد"),
            ],
            "الحساب رقم CY70 2286 0729 HHHS العائد",
            id="whole-code-unchanged",
        ),
        pytest.param(
            [(1070, "رقم"), (1018, "995"), (900, "لسنة"), (800, "2024")],
            "رقم 995 لسنة 2024",
            id="numbers-alone-unchanged",
        ),
    ],
)
def test_logical_line(given: list[tuple[int, str]], expected: str) -> None:
    assert _text(logical_line(_words(*given))) == expected


def test_line_without_arabic_keeps_tesseract_order() -> None:
    words = _words((300, "49"), (100, "GB50"), (200, "WJNB"))
    assert logical_line(words) == words


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("QAR", True),
        ("WJNB", True),
        ("M1T6", True),
        (".QAR", True),
        ("Parade", False),
        ("Ltd", False),
        ("1234", False),
    ],
)
def test_is_code(word: str, code: bool) -> None:
    assert is_code(word) is code


def test_order_lines_keeps_boxes_with_their_words() -> None:
    first = _words((1482, "مجموعها"), (1279, "886,000.00"), (1183, "QAR"))
    second = _words((500, "رقم"), (400, "12"))
    result = OcrResult(text=_text(first) + "\n" + _text(second), words=tuple(first + second), confidence=0.8)
    ordered = order_lines(result)
    assert ordered.text == "مجموعها QAR 886,000.00\nرقم 12"
    assert [word.left for word in ordered.words] == [1482, 1183, 1279, 500, 400]
    assert ordered.confidence == result.confidence


def test_order_lines_leaves_a_result_whose_words_do_not_match_its_text() -> None:
    words = tuple(_words((1279, "886,000.00"), (1183, "QAR")))
    result = OcrResult(text="مجموعها 886,000.00 QAR", words=words, confidence=0.8)
    assert order_lines(result) is result
