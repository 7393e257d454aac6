"""Case and file references in every language, normalised so that two requests quoting one match."""

from __future__ import annotations

import pytest

from extract.references import find_references, load_reference_rules
from rogatory.references import normalise_reference


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our ref.: 729/26/INT\nCase No.: RC.80/2024", ["729/26/INT", "RC.80/2024"]),
        ("Your reference MLA/2025/955 of 3 May", ["MLA/2025/955"]),
        ("N/Réf. : 2025/PJ/118 — Affaire n° 24/0345", ["2025/PJ/118", "24/0345"]),
        ("Expediente n.º 55/2024-B, causa núm. 1071-2024", ["55/2024-B", "1071-2024"]),
        ("Processo n.º 1234/22.3TELSB", ["1234/22.3TELSB"]),
        ("Уголовное дело № 307/2023 возбуждено", ["307/2023"]),
        ("Исх. № 8567/2025-СЛ", ["8567/2025-СЛ"]),
        ("رقم القضية: رقم 289 لسنة 2023", ["289/2023"]),
        ("Aktenzeichen: 4 Js 123/24", ["123/24"]),
        ("procedimento penale n. 4567/2024 R.G.N.R.", ["4567/2024"]),
    ],
)
def test_references_after_their_cue_words(text: str, expected: list[str]) -> None:
    found = find_references(text, page=1, rules=load_reference_rules())
    assert [entity.value for entity in found] == expected
    for entity in found:
        assert text[entity.span.start : entity.span.end] == entity.span.text


@pytest.mark.parametrize(
    "text",
    [
        "the Reference State and its central authority",
        "with reference to article 46 of the Convention",  # a word, then no reference
        "Case No. 12",  # too short to link two requests
        "our ref. pending",  # no digit
    ],
)
def test_words_that_are_no_references(text: str) -> None:
    assert find_references(text, page=1, rules=load_reference_rules()) == []


def test_one_reference_written_two_ways_normalises_to_one_value() -> None:
    assert normalise_reference("rc.80/2024") == normalise_reference("RC.80/2024") == "RC.80/2024"
    assert normalise_reference("289 لسنة 2023") == "289/2023"
