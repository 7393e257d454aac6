"""A deployment's own country (``Directory.country``) never counts as the requesting state."""

from __future__ import annotations

import pytest

from classify.request import classify_request
from classify.resources import ClassifyResources
from classify.states import country_code
from rogatory.records import Entities
from tests.classify.conftest import document

LETTERS = {
    "en": (
        "Ministry of Justice of Spain\nTo the Ministry of Justice of France\n"
        "REQUEST FOR MUTUAL LEGAL ASSISTANCE\nThe authorities of France are requested to provide "
        "bank records held in France. Spain thanks France.",
    ),
    "fr": (
        "Ministère de la Justice d'Espagne\nAu Ministère de la Justice de la République française\n"
        "DEMANDE D'ENTRAIDE JUDICIAIRE\nLes autorités de la France sont priées de fournir les relevés "
        "bancaires tenus en France. L'Espagne remercie la France.",
    ),
}


@pytest.mark.parametrize("language", sorted(LETTERS))
def test_the_requested_state_is_excluded_by_name_and_code(
    language: str, resources: ClassifyResources
) -> None:
    text = document(*LETTERS[language], language=language)
    assert classify_request(text, Entities(), resources=resources).requesting_state is not None
    decided = classify_request(
        text, Entities(), requested_state="France", resources=resources
    ).requesting_state
    assert decided is not None
    assert decided.value == "ES"


def test_without_a_country_the_mentions_decide(resources: ClassifyResources) -> None:
    text = document(*LETTERS["en"], language="en")
    decided = classify_request(text, Entities(), requested_state="", resources=resources).requesting_state
    assert decided is not None
    assert decided.value == "FR"  # France is named most: the deployment must name its country


@pytest.mark.parametrize(
    ("name", "code"), [("France", "FR"), ("DE", "DE"), ("Reference State", None), ("", None)]
)
def test_country_code(name: str, code: str | None) -> None:
    assert country_code(name) == code
