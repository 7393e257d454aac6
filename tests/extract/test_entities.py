"""The entity stage over a whole document: pages, languages, spans and merging."""

from __future__ import annotations

import pytest

from extract.engines import EntityModels, load_entity_models
from extract.entities import find_entities
from rogatory.records import DocumentText, EntityKind, PageText, TextSource

PAGE_ONE = (
    "Kampala, 1 May 2026\n"
    "The Inspectorate is investigating Achieng MWAKYUSA in respect of bribery of a public official.\n"
    "On 29 June 2019 funds were transferred from account 3073911124 at Coastal Savings Bank Ltd\n"
    "to account DE89 3704 0044 0532 0130 00 held by Otieno MUTUA."
)
PAGE_TWO = (
    "1. Achieng MWAKYUSA (suspect)\n"
    "Date of birth: 16 November 1988\n"
    "URGENT: Achieng MWAKYUSA is in pre-trial detention, which expires on 19 June 2026.\n"
    "Musa Ochieng\n"
    "Director, Special Investigations"
)


@pytest.fixture(scope="module")
def models() -> EntityModels:
    return load_entity_models(use_ner_models=False)


def _document(*pages: str, language: str | None = "en") -> DocumentText:
    return DocumentText(
        pages=tuple(
            PageText(number=number, text=text, source=TextSource.TEXT_LAYER, confidence=1.0)
            for number, text in enumerate(pages, start=1)
        ),
        language=language,
    )


def test_every_kind_with_page_spans(models: EntityModels) -> None:
    entities = find_entities(_document(PAGE_ONE, PAGE_TWO), models=models)
    summary = [(e.kind.value, e.value, e.span.page, e.attributes.get("role", "")) for e in entities.items]
    assert summary == [
        ("date", "2026-05-01", 1, ""),
        ("person", "Achieng MWAKYUSA", 1, ""),
        ("offence", "art15", 1, ""),
        ("date", "2019-06-29", 1, ""),
        ("account", "3073911124", 1, ""),
        ("organisation", "Coastal Savings Bank Ltd", 1, ""),
        ("account", "DE89370400440532013000", 1, ""),
        ("person", "Otieno MUTUA", 1, ""),
        ("person", "Achieng MWAKYUSA", 2, "suspect"),
        ("date", "1988-11-16", 2, "birth"),
        ("person", "Achieng MWAKYUSA", 2, ""),
        ("date", "2026-06-19", 2, "detention"),
    ]
    pages = {1: PAGE_ONE, 2: PAGE_TWO}
    for entity in entities.items:
        assert pages[entity.span.page][entity.span.start : entity.span.end] == entity.span.text


def test_account_carries_its_bank(models: EntityModels) -> None:
    entities = find_entities(_document(PAGE_ONE), models=models)
    banks = {e.value: e.attributes.get("bank") for e in entities.of_kind(EntityKind.ACCOUNT)}
    assert banks == {"3073911124": "Coastal Savings Bank Ltd", "DE89370400440532013000": None}


def test_page_language_wins_over_document_language(models: EntityModels) -> None:
    page = PageText(number=1, text="delitos de cohecho", source=TextSource.OCR, confidence=0.9, language="es")
    entities = find_entities(DocumentText(pages=(page,), language="en"), models=models)
    assert [e.value for e in entities.of_kind(EntityKind.OFFENCE)] == ["art15"]


def test_no_language_uses_every_lexicon(models: EntityModels) -> None:
    entities = find_entities(_document("Geldwäsche und Betrug", language=None), models=models)
    assert [e.value for e in entities.of_kind(EntityKind.OFFENCE)] == ["art23", "other"]


def test_empty_document(models: EntityModels) -> None:
    assert find_entities(_document("", "  \n"), models=models).items == ()


@pytest.mark.slow
def test_spacy_models_add_repeated_person_names() -> None:
    models = load_entity_models()
    text = (
        "The prosecutor interviewed Robert Garside on the contract.\n"
        "Robert Garside then left the country with the documents."
    )
    entities = find_entities(_document(text), models=models)
    persons = entities.of_kind(EntityKind.PERSON)
    assert [(e.value, e.method) for e in persons] == [("Robert Garside", "model:spacy")] * 2
