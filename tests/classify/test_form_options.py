"""A form's options and a person's role are what they are: an option is never a heading,
a role in brackets is never a measure, and a form's part titles with an optional plural
("Measure(s)") are headings."""

from __future__ import annotations

import pytest

from classify.document import fold_document
from classify.request import classify_request
from classify.resources import ClassifyResources
from classify.sections import read_sections
from extract.structure import read_structure
from rogatory.records import DocumentText
from tests.classify.conftest import NO_ENTITIES, document


def _with_structure(text: DocumentText) -> DocumentText:
    return text.model_copy(update={"structure": read_structure(text)})


def test_an_option_naming_suspects_opens_no_section(resources: ClassifyResources) -> None:
    text = _with_structure(
        document(
            "Investigative measures requested:\n"
            "☒ taking statements from witnesses or suspects\n"
            "☐ search and seizure\n"
            "Describe the assistance required:\n"
            "1. interview Mr Brown about the payments"
        )
    )
    kinds = [section.kind for section in read_sections(fold_document(text), resources.lexicons)]
    assert "person_identity" not in kinds
    assert classify_request(text, NO_ENTITIES, resources=resources).values("measures") == ["taking_evidence"]


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "SECTION C: Investigative measure(s) to be carried out"),
        ("fr", "SECTION C : Mesure(s) d'enquête à exécuter"),
        ("es", "SECCIÓN C: Medida(s) de investigación que deben llevarse a cabo"),
        ("pt", "SECÇÃO C: Medida(s) de investigação a executar"),
        ("de", "ABSCHNITT C: Durchzuführende Ermittlungsmaßnahme(n)"),
        ("it", "SEZIONE C: Atti di indagine da compiere"),
    ],
)
def test_an_eio_measures_part_is_the_assistance_sought(
    language: str, line: str, resources: ClassifyResources
) -> None:
    folded = fold_document(document(f"{line}\nThe text of the section.", language=language))
    assert [section.kind for section in read_sections(folded, resources.lexicons)] == ["assistance_sought"]


def test_a_role_in_brackets_is_not_a_measure(resources: ClassifyResources) -> None:
    text = document(
        "We respectfully request that you take a witness statement from Mr Brown.\n"
        "The persons concerned are:\n"
        "Amaka GALEA (account holder) date of birth: 19 October 1975; nationality: British"
    )
    assert classify_request(text, NO_ENTITIES, resources=resources).values("measures") == ["taking_evidence"]


def test_account_holder_identification_asked_is_a_measure(resources: ClassifyResources) -> None:
    text = document("We request that you identify the account holder of account 12345678.")
    assert classify_request(text, NO_ENTITIES, resources=resources).values("measures") == ["bank_records"]
