"""Offence words of each legal system mapped onto the taxonomy ids."""

from __future__ import annotations

import pytest

from extract.engines import load_entity_models
from extract.entities import find_entities
from extract.offences import OffenceLexicon, find_offences, load_offence_lexicon
from extract.structure import read_structure
from rogatory.records import DocumentText, EntityKind, PageText, TextSource


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


def test_an_offence_in_an_unticked_option_of_a_form_is_not_named() -> None:
    text = (
        "Nature and legal classification of the offence(s):\n"
        "The facts constitute embezzlement by an employee under the law of the Republic of Cyprus.\n"
        "Tick the offences punishable by a custodial sentence of a maximum of at least three years:\n"
        "[X] corruption\n"
        "[ ] laundering of the proceeds of crime\n"
        "[ ] fraud\n"
    )
    page = PageText(number=1, text=text, source=TextSource.TEXT_LAYER, confidence=1.0, language="en")
    document = DocumentText(pages=(page,), language="en")
    document = document.model_copy(update={"structure": read_structure(document)})
    found = find_entities(document, models=load_entity_models(use_ner_models=False))
    # the ticked "corruption" names no article; the unticked laundering and fraud name nothing
    assert sorted({e.value for e in found.of_kind(EntityKind.OFFENCE)}) == ["art22"]


@pytest.mark.parametrize(
    ("language", "text", "offence"),
    [
        ("en", "charged with attempted bribery of the mayor", "art15"),
        ("en", "for conspiracy to launder the proceeds of the contract", "art23"),
        ("en", "concerning corruptly giving a secret commission to an agent", "art21"),
        ("en", "theft by a company director", "art22"),
        ("fr", "du chef de soustraction de biens publics", "art17"),
        ("fr", "du chef d'entrave à l'exercice de la justice", "art25"),
        ("es", "por cohecho de funcionario público extranjero", "art16"),
        ("pt", "pela prática de corrupção ativa de funcionário estrangeiro", "art16"),
        ("de", "wegen Beeinflussung von Zeugen", "art25"),
        ("ar", "بتهمة إخفاء المتحصلات الإجرامية", "art24"),
    ],
)
def test_offence_phrasings(lexicon: OffenceLexicon, language: str, text: str, offence: str) -> None:
    assert _ids(text, language, lexicon) == [offence]
