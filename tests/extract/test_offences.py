"""Offence words of each legal system mapped onto the taxonomy ids."""

from __future__ import annotations

import pytest

from extract.offences import OffenceLexicon, find_offences, load_offence_lexicon


@pytest.fixture(scope="module")
def lexicon() -> OffenceLexicon:
    return load_offence_lexicon()


def _ids(text: str, language: str | None, lexicon: OffenceLexicon) -> list[str]:
    return [entity.value for entity in find_offences(text, page=1, language=language, lexicon=lexicon)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "the offences of bribery of a public official", ["art15"]),
        ("en", "bribery of a foreign public official and money laundering", ["art16", "art23"]),
        ("en", "trading in influence", ["art18"]),
        ("en", "embezzlement of public funds and laundering of the proceeds of crime", ["art17", "art23"]),
        ("en", "corrupt transactions with agents and tax evasion", ["art21", "other"]),
        # English verbs and gerunds name the offence too
        ("en", "charged with receiving a bribe and with money-laundering", ["art15", "art23"]),
        ("en", "he laundered the proceeds through shell companies", ["art23"]),
        ("en", "bribing a foreign public official", ["art16"]),
        ("en", "abuse of public office and obstructing the course of justice", ["art19", "art25"]),
        ("en", "illegal enrichment", ["art20"]),
        ("fr", "corruption d'agent public étranger", ["art16"]),
        (
            "fr",
            "abus de biens sociaux, blanchiment et recel de détournement de deniers publics",
            ["art22", "art23", "art24"],
        ),
        ("es", "los delitos de cohecho, peculado y lavado de activos", ["art15", "art17", "art23"]),
        ("es", "obstrucción de la investigación y asociación ilícita", ["art25", "other"]),
        ("pt", "corrupção passiva e branqueamento de capitais", ["art15", "art23"]),
        ("pt", "tráfico de influência e estelionato", ["art18", "other"]),
        ("it", "peculato, riciclaggio e favoreggiamento", ["art17", "art23", "art25"]),
        ("de", "als Bestechlichkeit und Geldwäsche strafbar", ["art15", "art23"]),
        ("de", "wegen Betrug und Strafvereitelung", ["other", "art25"]),
        ("ru", "по признакам получения взятки", ["art15"]),
        ("ru", "легализация (отмывание) денежных средств", ["art23"]),
        ("ru", "подкупа иностранного должностного лица", ["art16"]),
        ("ar", "جرائم الرشوة وغسل الأموال", ["art15", "art23"]),
        ("ar", "الإثراء غير المشروع", ["art20"]),
    ],
)
def test_offence_words(lexicon: OffenceLexicon, language: str, text: str, expected: list[str]) -> None:
    assert _ids(text, language, lexicon) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "punishable under the Anti-Money Laundering Act, 2013"),
        ("en", "The Commission to Investigate Allegations of Bribery or Corruption"),
        ("fr", "la Commission nationale de lutte contre l'enrichissement illicite"),
        ("es", "la Ley contra la Delincuencia Organizada"),
        ("ru", "Агентство по противодействию коррупции"),
        ("ar", "قانون مكافحة غسل الأموال"),
    ],
)
def test_names_of_laws_and_authorities_are_not_offences(
    lexicon: OffenceLexicon, language: str, text: str
) -> None:
    assert _ids(text, language, lexicon) == []


def test_matched_words_and_span(lexicon: OffenceLexicon) -> None:
    text = "Los hechos constituyen\nLAVADO DE ACTIVOS."
    (entity,) = find_offences(text, page=2, language="es", lexicon=lexicon)
    assert entity.attributes == {"matched": "LAVADO DE ACTIVOS"}
    assert (entity.span.page, text[entity.span.start : entity.span.end]) == (2, "LAVADO DE ACTIVOS")


def test_without_language_every_lexicon_applies(lexicon: OffenceLexicon) -> None:
    assert _ids("Geldwäsche; cohecho", None, lexicon) == ["art23", "art15"]
