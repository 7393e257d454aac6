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
