"""Tests of extract/arabic_glyphs.py: the Arabic models' comma, final ya and brackets put right."""

from __future__ import annotations

from extract.arabic_glyphs import fix_line, fix_lines, fix_word, is_maqsura_word
from extract.tesseract import OcrResult
from rogatory.records import Word


def words(text: str) -> list[Word]:
    return [
        Word(text=part, left=20 * index, top=0, width=15, height=10, confidence=0.9)
        for index, part in enumerate(text.split())
    ]


def line(text: str) -> str:
    return " ".join(word.text for word in fix_line(words(text)))


def test_the_comma_read_as_a_guillemet_or_a_latin_comma_is_the_arabic_comma() -> None:
    assert line("وزارة العدل» الدوحة") == "وزارة العدل، الدوحة"
    assert line("الحساب, رقم 58»") == "الحساب، رقم 58،"
    assert line("«العقد» المذكور") == "«العقد» المذكور", "a quotation keeps its guillemets"
    assert line("Walk, Port العنوان") == "Walk, Port العنوان", "Latin words keep their comma"


def test_a_final_alif_maqsura_is_a_ya_but_in_the_words_written_with_it() -> None:
    assert line("التعاون الدولى فى القانونى") == "التعاون الدولي في القانوني"
    assert line("على إلى الدعوى وإلى يرجى مستوى") == "على إلى الدعوى وإلى يرجى مستوى"
    assert fix_word("العتيبى»") == "العتيبي،"
    assert is_maqsura_word("بالدعوى")
    assert not is_maqsura_word("الدولى")


def test_brackets_of_arabic_words_are_turned_as_they_stand() -> None:
    assert line("دولة الإمارات المتحدة(") == "دولة الإمارات المتحدة)"
    assert line(") الشخص المطلوب (") == "(الشخص المطلوب)"
    assert line("الشمري ( مشتبه به(") == "الشمري (مشتبه به)"
    assert line("(AED 100) المبلغ") == "(AED 100) المبلغ", "a Latin run's brackets are as read"


def test_a_list_number_gets_its_full_stop_after_it() -> None:
    assert line(".1 المتهم") == "1. المتهم"
    assert line("رقم 7,700,000.50") == "رقم 7,700,000.50"


def test_lines_without_arabic_letters_are_left_as_they_are() -> None:
    result = OcrResult(text="Walk, Port (x\n.1 فى", words=tuple(words("Walk, Port (x .1 فى")), confidence=0.9)
    fixed = fix_lines(result)
    assert fixed.text == "Walk, Port (x\n1. في"
    assert [word.text for word in fixed.words] == ["Walk,", "Port", "(x", "1.", "في"]
