"""The request for additional information: language choice, exact list of what is missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from classify.letters import LetterTemplates, draft_letter, letter_language, load_letter_templates
from rogatory.errors import ConfigurationError
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


@pytest.fixture(scope="module")
def templates() -> LetterTemplates:
    """The shipped letter templates, loaded once per module (as at process start)."""
    return load_letter_templates()


def _completeness(*missing: str) -> Completeness:
    return Completeness(
        checks=tuple(ElementCheck(element=e, present=e not in missing) for e in COMPLETENESS_ELEMENTS)
    )


def _draft(
    templates: LetterTemplates, language: str | None, *missing: str, accepted: tuple[str, ...] = ACCEPTED
) -> str:
    return draft_letter(
        _completeness(*missing),
        templates=templates,
        number="RQ-2026-000042",
        received=date(2026, 3, 4),
        request_language=language,
        accepted_languages=accepted,
        sender="Department of International Legal Cooperation",
    ).body


def test_every_language_of_the_corpus_has_a_template(templates: LetterTemplates) -> None:
    assert templates.languages == ALL_LANGUAGES


@pytest.mark.parametrize(
    ("request_language", "expected"),
    [("fr", "fr"), ("es", "es"), ("en", "en"), ("ru", "en"), ("de", "en"), (None, "en")],
)
def test_the_letter_is_in_the_request_language_when_accepted(
    request_language: str | None, expected: str, templates: LetterTemplates
) -> None:
    assert letter_language(request_language, ACCEPTED, templates) == expected


def test_a_deployment_accepting_german_writes_in_german(templates: LetterTemplates) -> None:
    assert letter_language("de", ("de", "en"), templates) == "de"


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_the_letter_lists_exactly_what_is_missing(language: str, templates: LetterTemplates) -> None:
    body = _draft(templates, language, "facts_summary", "purpose", accepted=ALL_LANGUAGES)
    phrases = PHRASES[language]
    assert phrases["facts_summary"] in body
    assert phrases["purpose"] in body
    assert "RQ-2026-000042" in body
    assert "2026-03-04" in body
    numbered = [line for line in body.splitlines() if line[:2] in {"1.", "2.", "3."}]
    assert [line[:2] for line in numbered] == ["1.", "2."]


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_every_element_has_a_wording_in_every_language(language: str, templates: LetterTemplates) -> None:
    body = _draft(templates, language, *COMPLETENESS_ELEMENTS, accepted=ALL_LANGUAGES)
    assert f"{len(COMPLETENESS_ELEMENTS)}." in body
    assert "en, fr, es" not in body  # the accepted list is this deployment's
    assert ", ".join(ALL_LANGUAGES) in body


def test_a_request_in_a_language_not_accepted_gets_english_asking_for_a_translation(
    templates: LetterTemplates,
) -> None:
    letter = draft_letter(
        _completeness("acceptable_language"),
        templates=templates,
        number="RQ-2026-000001",
        received=date(2026, 1, 5),
        request_language="ru",
        accepted_languages=ACCEPTED,
        sender="Central authority",
    )
    assert letter.language == "en"
    assert letter.missing == ("acceptable_language",)
    assert "translation into one of the languages we accept: en, fr, es" in letter.body


def test_nothing_missing_means_no_letter(templates: LetterTemplates) -> None:
    with pytest.raises(ValueError, match="lacks nothing"):
        _draft(templates, "en")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("letter.en.txt", "Dear {% if %}", "letter.en.txt, line 1:"),
        ("letter.en.txt", "Our reference {{ nubmer }}", "unknown variable(s) nubmer"),
        ("letter.fr.txt", "Notre référence {{ number }}", "no letter.en.txt"),
    ],
    ids=["syntax", "variable", "no-english"],
)
def test_a_broken_template_names_the_file_and_the_problem(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ConfigurationError) as raised:
        load_letter_templates(tmp_path)
    assert message in str(raised.value)
    assert str(tmp_path) in str(raised.value)
