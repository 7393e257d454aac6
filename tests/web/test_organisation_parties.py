"""An organisation named in a request is found by the party search (/api/parties), as issue 15 asks."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from extract.engines import load_entity_models
from extract.entities import find_entities
from rogatory.records import DocumentText, EntityKind, PageText, TextSource
from rogatory.settings import load_settings
from rogatory.sources import MediaType
from service.web_process import open_web_context
from storage.database import open_database
from storage.registry import register, save_analysis
from tests.storage.sample_analysis import make_analysis
from tests.web.users import act_as, add_people
from web.app import create_app
from web.dependencies import context_of

REQUEST = (
    "El Juzgado Central de Instrucción n.º 3 investiga la transferencia de 250.000 EUR de la sociedad\n"
    "Inversiones Costa Azul S.L. a una cuenta del Banco Bilbao Vizcaya Argentaria.\n"
)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = load_settings(environ={}, data_dir=tmp_path / "data", allowed_hosts=["testserver"])
    page = PageText(number=1, text=REQUEST, source=TextSource.TEXT_LAYER, confidence=1.0, language="es")
    entities = find_entities(
        DocumentText(pages=(page,), language="es"), models=load_entity_models(use_ner_models=False)
    )
    with TestClient(create_app(open_web_context(settings, enqueue=lambda number: None))) as test_client:
        db = open_database(settings.database)
        number = register(
            db,
            sha256=hashlib.sha256(b"es").hexdigest(),
            filename="es",
            size=1,
            media_type=MediaType.PDF,
            source="cli",
        ).registration.number
        save_analysis(db, number, make_analysis(["Request"]).model_copy(update={"entities": entities}))
        db.dispose()
        test_client.number = number  # type: ignore[attr-defined]
        test_client.organisations = [e.value for e in entities.of_kind(EntityKind.ORGANISATION)]  # type: ignore[attr-defined]
        yield act_as(test_client, add_people(context_of(test_client.app).db)["clerk"])


def test_the_organisations_of_a_request_are_extracted(client: TestClient) -> None:
    assert client.organisations == [  # type: ignore[attr-defined]
        "Inversiones Costa Azul S.L.",
        "Banco Bilbao Vizcaya Argentaria",
    ]


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("inversiones costa azul", "Inversiones Costa Azul S.L."),
        ("INVERSIONES COSTA AZUL S.L.", "Inversiones Costa Azul S.L."),
        ("Banco Bilbao Vizcaya", "Banco Bilbao Vizcaya Argentaria"),
    ],
)
def test_an_organisation_is_found_as_a_party(client: TestClient, query: str, value: str) -> None:
    found = client.get("/api/parties", params={"q": query}).json()
    assert (found[0]["number"], found[0]["kind"], found[0]["value"]) == (
        client.number,  # type: ignore[attr-defined]
        "organisation",
        value,
    )
