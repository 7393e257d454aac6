"""The request for additional information: language choice, exact list of what is missing."""

from __future__ import annotations

from datetime import date

import pytest

from classify.letters import draft_letter, letter_language, letter_languages
from rogatory.records import Completeness, ElementCheck
from rogatory.taxonomy import COMPLETENESS_ELEMENTS

ACCEPTED = ("en", "fr", "es")
ALL_LANGUAGES = ("ar", "de", "en", "es", "fr", "it", "pt", "ru")

#: One phrase per element and language that the letter must carry when the element is missing.
PHRASES = {
    "en": {"facts_summary": "summary of the relevant facts", "purpose": "purpose for which"},
    "fr": {"facts_summary": "résumé des faits pertinents", "purpose": "le but dans lequel"},
    "es": {"facts_summary": "resumen de los hechos pertinentes", "purpose": "la finalidad"},
    "pt": {"facts_summary": "resumo dos factos", "purpose": "a finalidade"},
    "de": {"facts_summary": "Zusammenfassung des maßgeblichen Sachverhalts", "purpose": "den Zweck"},
    "it": {"facts_summary": "riassunto dei fatti", "purpose": "lo scopo"},
    "ru": {"facts_summary": "краткое изложение", "purpose": "цель, для которой"},
    "ar": {"facts_summary": "ملخص للوقائع", "purpose": "الغرض الذي"},
}


def _completeness(*missing: str) -> Completeness:
    return Completeness(
        checks=tuple(ElementCheck(element=e, present=e not in missing) for e in COMPLETENESS_ELEMENTS)
    )


def _draft(language: str | None, *missing: str, accepted: tuple[str, ...] = ACCEPTED) -> str:
    return draft_letter(
        _completeness(*missing),
        number="RQ-2026-000042",
        received=date(2026, 3, 4),
        request_language=language,
        accepted_languages=accepted,
        sender="Department of International Legal Cooperation",
    ).body


def test_every_language_of_the_corpus_has_a_template() -> None:
    assert letter_languages() == ALL_LANGUAGES


@pytest.mark.parametrize(
    ("request_language", "expected"),
    [("fr", "fr"), ("es", "es"), ("en", "en"), ("ru", "en"), ("de", "en"), (None, "en")],
)
def test_the_letter_is_in_the_request_language_when_accepted(
    request_language: str | None, expected: str
) -> None:
    assert letter_language(request_language, ACCEPTED) == expected


def test_a_deployment_accepting_german_writes_in_german() -> None:
    assert letter_language("de", ("de", "en")) == "de"


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_the_letter_lists_exactly_what_is_missing(language: str) -> None:
    body = _draft(language, "facts_summary", "purpose", accepted=ALL_LANGUAGES)
    phrases = PHRASES[language]
    assert phrases["facts_summary"] in body
    assert phrases["purpose"] in body
    assert "RQ-2026-000042" in body
    assert "2026-03-04" in body
    numbered = [line for line in body.splitlines() if line[:2] in {"1.", "2.", "3."}]
    assert [line[:2] for line in numbered] == ["1.", "2."]


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_every_element_has_a_wording_in_every_language(language: str) -> None:
    body = _draft(language, *COMPLETENESS_ELEMENTS, accepted=ALL_LANGUAGES)
    assert f"{len(COMPLETENESS_ELEMENTS)}." in body
    assert "en, fr, es" not in body  # the accepted list is this deployment's
    assert ", ".join(ALL_LANGUAGES) in body


def test_a_request_in_a_language_not_accepted_gets_english_asking_for_a_translation() -> None:
    letter = draft_letter(
        _completeness("acceptable_language"),
        number="RQ-2026-000001",
        received=date(2026, 1, 5),
        request_language="ru",
        accepted_languages=ACCEPTED,
        sender="Central authority",
    )
    assert letter.language == "en"
    assert letter.missing == ("acceptable_language",)
    assert "translation into one of the languages we accept: en, fr, es" in letter.body


def test_nothing_missing_means_no_letter() -> None:
    with pytest.raises(ValueError, match="lacks nothing"):
        _draft("en")
