"""A European arrest warrant or a request for extradition is extradition in every language, by its title."""

from __future__ import annotations

import pytest

from classify.request import classify_request
from classify.resources import ClassifyResources
from tests.classify.conftest import NO_ENTITIES, document

TITLES = [
    ("en", "EUROPEAN ARREST WARRANT\nThis warrant has been issued by a competent judicial authority."),
    (
        "de",
        "EUROPÄISCHER HAFTBEFEHL\nDieser Haftbefehl ist von einer zuständigen Justizbehörde ausgestellt.",
    ),
    (
        "it",
        "MANDATO D'ARRESTO EUROPEO\nIl presente mandato è stato emesso da un giudice.",
    ),
    ("fr", "MANDAT D'ARRÊT EUROPÉEN\nLe présent mandat a été émis par une autorité judiciaire compétente."),
    (
        "es",
        "ORDEN EUROPEA DE DETENCIÓN Y ENTREGA\nLa presente orden ha sido dictada por una autoridad judicial.",
    ),
    (
        "pt",
        "MANDADO DE DETENÇÃO EUROPEU\nO presente mandado foi emitido por um juiz.",
    ),
    ("ru", "ЗАПРОС О ВЫДАЧЕ\nГенеральная прокуратура направляет настоящий запрос."),
    ("ar", "طلب تسليم\nتتشرف النيابة العامة بإحالة هذا الطلب."),
]


@pytest.mark.parametrize(("language", "text"), TITLES, ids=[language for language, _ in TITLES])
def test_the_title_alone_makes_it_extradition(language: str, text: str, resources: ClassifyResources) -> None:
    classification = classify_request(document(text, language=language), NO_ENTITIES, resources=resources)
    assert classification.request_type.value == "extradition"
    assert classification.request_type.confidence >= 0.9


def test_a_unit_named_extradition_is_not_enough(resources: ClassifyResources) -> None:
    text = "International Cooperation and Extradition Unit\nREQUEST FOR MUTUAL LEGAL ASSISTANCE"
    classification = classify_request(document(text), NO_ENTITIES, resources=resources)
    assert classification.request_type.value == "mla"
