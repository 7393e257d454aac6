from __future__ import annotations

import pytest

from classify.folding import fold
from classify.phrases import compile_phrase
from rogatory.errors import ConfigurationError


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("PERQUISITION", "perquisition"),
        ("Référence", "reference"),
        ("Счёт", "счет"),
        ("Straße", "strasse"),
        ("أُصدرت", "اصدرت"),
        ("مكتبة", "مكتبه"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text).text == folded


def test_fold_maps_back_to_the_original() -> None:
    folded = fold("Straße X")
    start = folded.text.index("x")
    assert folded.original_span(start, start + 1) == (7, 8)
    assert folded.original_span(0, len("strasse")) == (0, 6)


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("freeze", "2. Freeze the funds", "freeze"),
        ("freeze", "freezer", None),
        ("freez*", "freezing of assets", "freezing"),
        ("take a statement", "Take a\nstatement from", "take a\nstatement"),
        (
            "execute ... confiscation order",
            "execute the final confiscation order",
            "execute the final confiscation order",
        ),
        ("execute ... confiscation order", "execute a b c d e f confiscation order", None),
        ("seiz*", "seized", "seized"),
        ("perquisition*", "perquisitionner", "perquisitionner"),
    ],
)
def test_phrase_patterns(phrase: str, text: str, found: str | None) -> None:
    match = compile_phrase(phrase).search(fold(text).text)
    assert (match.group(0) if match else None) == found


def test_clitics_may_stand_before_arabic_words() -> None:
    pattern = compile_phrase("تجميد", clitics=("و", "ال"))
    assert pattern.search(fold("وتجميد الأموال").text) is not None
    assert compile_phrase("تجميد").search(fold("وتجميد الأموال").text) is None


def test_empty_phrase_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="lexicon x"):
        compile_phrase(" ... ", source="lexicon x")
