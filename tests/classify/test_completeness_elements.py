"""Completeness element by element: a request that lacks exactly one element reports exactly
that one, with headings written in other phrasings than the dev corpus uses."""

from __future__ import annotations

import pytest

from classify.completeness import check_completeness
from classify.request import classify_request
from classify.resources import ClassifyResources
from tests.classify.conftest import NO_ENTITIES, document

PARTS = {
    "en": {
        "requesting_authority": "OFFICE OF THE DIRECTOR OF PUBLIC PROSECUTIONS",
        "subject_matter": "1. Nature and subject matter of the proceedings\nA bribery investigation.",
        "facts_summary": "2. Summary of the relevant facts\nPayments were made to an official in 2024.",
        "assistance_sought": "3. Assistance required\nPlease obtain the bank statements of the account.",
        "person_identity": "4. Details of the persons concerned\nJohn Smith, date of birth 1 May 1970.",
        "purpose": "5. Purpose for which the evidence is sought\nThe evidence will be used at trial.",
    },
    "fr": {
        "requesting_authority": "PARQUET NATIONAL FINANCIER",
        "subject_matter": "1. Nature et objet de la procédure\nUne information judiciaire pour corruption.",
        "facts_summary": "2. Bref exposé des faits\nDes paiements ont été versés à un agent public.",
        "assistance_sought": "3. Mesures requises\nObtenir les relevés bancaires du compte.",
        "person_identity": "4. Identité des personnes concernées\nJean Martin, né le 1er mai 1970.",
        "purpose": "5. But de l'entraide\nLes pièces seront versées au dossier.",
    },
    "es": {
        "requesting_authority": "FISCALÍA ANTICORRUPCIÓN",
        "subject_matter": "1. Naturaleza y objeto del procedimiento\nUna investigación penal por cohecho.",
        "facts_summary": "2. Breve exposición de los hechos\nSe pagaron sobornos a un funcionario.",
        "assistance_sought": "3. Diligencias requeridas\nObtener los extractos bancarios de la cuenta.",
        "person_identity": "4. Identidad de las personas involucradas\nJuan Pérez, nacido el 1 de mayo.",
        "purpose": "5. Motivo de la solicitud\nLas pruebas se utilizarán en el juicio.",
    },
}

CASES = [(language, element) for language, parts in PARTS.items() for element in parts]


def _missing(resources: ClassifyResources, language: str, leave_out: str | None) -> list[str]:
    text = "\n".join(part for element, part in PARTS[language].items() if element != leave_out)
    doc = document(text, language=language)
    classification = classify_request(doc, NO_ENTITIES, resources=resources)
    return check_completeness(
        doc, NO_ENTITIES, classification, accepted_languages=("en", "fr", "es"), lexicons=resources.lexicons
    ).missing


@pytest.mark.parametrize("language", sorted(PARTS))
def test_the_whole_request_lacks_nothing(language: str, resources: ClassifyResources) -> None:
    assert _missing(resources, language, None) == []


@pytest.mark.parametrize(("language", "element"), CASES)
def test_one_element_left_out_is_the_one_reported(
    language: str, element: str, resources: ClassifyResources
) -> None:
    assert _missing(resources, language, element) == [element]


def _missing_in(resources: ClassifyResources, language: str, text: str) -> list[str]:
    doc = document(text, language=language)
    classification = classify_request(doc, NO_ENTITIES, resources=resources)
    return check_completeness(
        doc, NO_ENTITIES, classification, accepted_languages=("en", "fr", "es"), lexicons=resources.lexicons
    ).missing


def _form(language: str, element: str, part: str) -> str:
    """The request of :data:`PARTS` with ``element``'s part replaced by ``part``."""
    return "\n".join(part if name == element else text for name, text in PARTS[language].items())


# A part that holds no content of its element: the legal qualification under a facts
# heading narrates no fact; a part left empty at the end of a page runs over its number.
EMPTY_PARTS = [
    (
        "en",
        "facts_summary",
        "2. Summary of the relevant facts\n—\nThe facts constitute bribery under the law of Malta.",
    ),
    (
        "fr",
        "facts_summary",
        "2. Bref exposé des faits\nCes faits sont susceptibles de recevoir la qualification de corruption.",
    ),
    (
        "es",
        "facts_summary",
        "2. Breve exposición de los hechos\nLos hechos son constitutivos del delito de cohecho.",
    ),
    ("en", "purpose", "5. Purpose for which the evidence is sought\n\nPage 1"),
    ("fr", "purpose", "5. But de l'entraide\nPage 1 de 2"),
    ("es", "purpose", "5. Motivo de la solicitud\n\nPágina 1"),
]


@pytest.mark.parametrize(("language", "element", "part"), EMPTY_PARTS)
def test_a_part_without_its_content_lacks_the_element(
    language: str, element: str, part: str, resources: ClassifyResources
) -> None:
    assert _missing_in(resources, language, _form(language, element, part)) == [element]


def test_a_from_field_naming_a_person_is_no_requesting_authority(resources: ClassifyResources) -> None:
    """A fax's "From: L. Ortega" names who sent it, not the authority that makes the request;
    "From: Fiscalía Anticorrupción" names it."""
    parts = dict(PARTS["es"])
    del parts["requesting_authority"]
    body = "\n".join(parts.values())
    assert _missing_in(resources, "es", f"De: L. Ortega\n{body}") == ["requesting_authority"]
    assert _missing_in(resources, "es", f"De: Fiscalía Anticorrupción de Madrid\n{body}") == []
