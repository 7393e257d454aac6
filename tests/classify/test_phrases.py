from __future__ import annotations

import pytest

from rogatory.errors import ConfigurationError
from rogatory.folding import fold
from rogatory.phrases import compile_phrase


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
