"""End to end: the organisations find_entities takes from a request are found by a party search.

Requests in several languages go through the entity stage (rules and the trained models,
as a worker runs them), are saved, and a clerk's query in another spelling (case, accents,
legal form left out, Latin letters for a Cyrillic name) finds the registration. Runs on
SQLite and on PostgreSQL (``db`` of tests/storage/conftest.py).
"""

from __future__ import annotations

import hashlib

import pytest

from extract.engines import EntityModels, load_entity_models
from extract.entities import find_entities
from rogatory.records import DocumentText, Entities, EntityKind, PageText, TextSource
from rogatory.sources import MediaType
from storage.database import Database
from storage.parties import find_parties
from storage.registry import register, save_analysis
from tests.storage.sample_analysis import make_analysis

REQUESTS = {
    "es": "La sociedad Inversiones Costa Azul S.L. transfirió 250.000 EUR a una cuenta en el banco.\n",
    "de": "Die Zahlungen gingen an die Alpen Handels GmbH mit Sitz in Innsbruck.\n",
    "ru": "Денежные средства перечислены на счёт ООО «Северный Путь» в городе Пермь.\n",
    "fr": "Les fonds ont été versés à la société Transports Léger SARL, domiciliée à Lyon.\n",
    # a form's field, the name without a legal form
    "en": "Name of the company: Kestrel Engineering\nAddress: 3 Quay Street, Eastbridge\n",
    "ar": "اسم الشركة: النخبة للمقاولات\nالعنوان: بغداد\n",
}


@pytest.fixture(scope="module")
def models() -> EntityModels:
    return load_entity_models()


def _entities(language: str, models: EntityModels) -> Entities:
    page = PageText(
        number=1, text=REQUESTS[language], source=TextSource.TEXT_LAYER, confidence=1.0, language=language
    )
    return find_entities(DocumentText(pages=(page,), language=language), models=models)


@pytest.fixture
def numbers(db: Database, models: EntityModels) -> dict[str, str]:
    found = {}
    for language in REQUESTS:
        number = register(
            db,
            sha256=hashlib.sha256(language.encode()).hexdigest(),
            filename=f"{language}.pdf",
            size=1,
            media_type=MediaType.PDF,
            source="cli",
        ).registration.number
        analysis = make_analysis(["Request"]).model_copy(update={"entities": _entities(language, models)})
        save_analysis(db, number, analysis)
        found[language] = number
    return found


@pytest.mark.parametrize(
    ("language", "organisation"),
    [
        ("es", "Inversiones Costa Azul S.L."),
        ("de", "Alpen Handels GmbH"),
        ("ru", "ООО «Северный Путь»"),
        ("fr", "Transports Léger SARL"),
        ("en", "Kestrel Engineering"),
        ("ar", "النخبة للمقاولات"),
    ],
)
def test_the_entity_stage_takes_the_organisation(
    models: EntityModels, language: str, organisation: str
) -> None:
    assert organisation in [e.value for e in _entities(language, models).of_kind(EntityKind.ORGANISATION)]


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("Inversiones Costa Azul", "es"),
        ("INVERSIONES COSTA AZUL SL", "es"),
        ("alpen handels", "de"),
        ("Северный Путь", "ru"),
        ("Severny Put", "ru"),
        ("transports leger", "fr"),
        ("KESTREL ENGINEERING", "en"),
        ("النخبة للمقاولات", "ar"),
    ],
)
def test_a_party_search_finds_the_organisation_of_a_request(
    db: Database, numbers: dict[str, str], query: str, language: str
) -> None:
    matches = find_parties(db, query)
    assert matches, query
    assert (matches[0].number, matches[0].kind) == (numbers[language], "organisation")


def test_an_organisation_named_in_no_request_is_not_found(db: Database, numbers: dict[str, str]) -> None:
    assert [m for m in find_parties(db, "Pacific Holdings") if m.kind == "organisation"] == []
