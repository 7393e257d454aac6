"""Completeness by what the text says, urgency negated in every language, and deadlines that
cannot be one: elements given under other headings or none, identity in fields and in prose."""

from __future__ import annotations

import pytest

from classify.completeness import check_completeness
from classify.request import classify_request
from classify.resources import ClassifyResources
from extract.dates import find_dates, load_date_rules
from rogatory.records import DocumentText, Entities
from tests.classify.conftest import NO_ENTITIES, date_entity, document

LETTER = (
    "Office of the Attorney General\n"
    "Valletta, 4 March 2026\n"
    "LETTER OF REQUEST\n"
    "I, J. Smith, Director of Investigations of the Office of the Attorney General, have the honour "
    "to request the judicial authorities of the requested state to give their assistance.\n"
    "The Office of the Attorney General is conducting a criminal investigation (case No. 5746/2024) "
    "against John BLACK concerning bribery.\n"
    "John BLACK served as director of the Ports Agency from 2019 to 2023 and received "
    "USD 1,200,000.00 from a contractor in return for the award of a contract.\n"
    "John BLACK (suspect) Date of birth: 7 July 1985; Nationality: Maltese; Passport No.: X9611948\n"
    "I therefore request that you obtain the bank statements of account 1234-5678 held by John BLACK.\n"
    "The information will be used to decide whether charges should be brought.\n"
    "J. Smith\nDirector of Investigations"
)


def _checks(
    resources: ClassifyResources, text: DocumentText, entities: Entities = NO_ENTITIES
) -> dict[str, str]:
    classification = classify_request(text, entities, resources=resources)
    completeness = check_completeness(
        text, entities, classification, accepted_languages=("en", "fr", "es"), lexicons=resources.lexicons
    )
    return {check.element: check.note for check in completeness.checks if not check.present}


def test_a_letter_without_headings_lacks_nothing(resources: ClassifyResources) -> None:
    assert _checks(resources, document(LETTER)) == {}


@pytest.mark.parametrize(
    ("element", "cut"),
    [
        ("subject_matter", "The Office of the Attorney General is conducting"),
        ("facts_summary", "John BLACK served as"),
        ("purpose", "The information will be used"),
    ],
)
def test_a_sentence_left_out_is_the_element_reported(
    element: str, cut: str, resources: ClassifyResources
) -> None:
    text = "\n".join(line for line in LETTER.split("\n") if not line.startswith(cut))
    assert list(_checks(resources, document(text))) == [element]


def test_an_authority_that_names_only_itself_is_no_requesting_authority(resources: ClassifyResources) -> None:
    text = LETTER.replace("Office of the Attorney General", "this office").replace("this office\n", "", 1)
    assert "requesting_authority" in _checks(resources, document(text))


def test_the_authority_is_found_in_a_form_field(resources: ClassifyResources) -> None:
    body = LETTER.split("\n", 1)[1].replace("of the Office of the Attorney General", "")
    body = body.replace("The Office of the Attorney General is", "This service is")
    assert "requesting_authority" in _checks(resources, document(body))
    field = body + "\nName of the authority: Central Anti-Corruption Bureau"
    assert "requesting_authority" not in _checks(resources, document(field))


def test_identity_in_fields_and_prose_but_not_empty_fields(resources: ClassifyResources) -> None:
    fields = "Name: Ana LIMA\nNationality: Brazilian\nPassport No.: FA123456"
    prose = "The witness, Ana LIMA, of Brazilian nationality, born on 3 May 1980, lives in Lisbon."
    empty = "Name: Ana LIMA\nNationality: \nDate of birth: \nPassport No.: "
    assert "person_identity" not in _checks(resources, document(fields))
    assert "person_identity" not in _checks(resources, document(prose))
    assert "person_identity" in _checks(resources, document(empty))


NEGATED = [
    ("en", "There is no particular urgency."),
    ("en", "This request is not urgent."),
    ("es", "La presente solicitud no es urgente."),
    ("es", "Sin urgencia."),
    ("fr", "Il n'y a pas d'urgence."),
    ("fr", "Demande non urgente."),
    ("de", "Eine besondere Eilbedürftigkeit besteht nicht."),
    ("de", "Keine Frist."),
    ("it", "La richiesta non è urgente."),
    ("pt", "O pedido não é urgente."),
    ("pt", "Não há urgência."),
    ("ru", "Срочность: нет."),
    ("ru", "Запрос не является срочным."),
    ("ar", "الطلب غير عاجل."),
]


@pytest.mark.parametrize(("language", "sentence"), NEGATED)
def test_negated_urgency_is_not_urgent(language: str, sentence: str, resources: ClassifyResources) -> None:
    classification = classify_request(document(sentence, language=language), NO_ENTITIES, resources=resources)
    assert classification.urgent.value == "false"


def test_an_impossible_deadline_is_refused_and_flagged(resources: ClassifyResources) -> None:
    entities = Entities(items=(date_entity("2026-05-20", None), date_entity("2626-06-27", "hearing")))
    classification = classify_request(document("The hearing is set."), entities, resources=resources)
    assert classification.deadline is None
    assert "2626-06-27 refused" in classification.urgent.rule


def test_a_deadline_before_the_letter_is_refused(resources: ClassifyResources) -> None:
    entities = Entities(items=(date_entity("2026-05-20", None), date_entity("2026-01-02", "deadline")))
    classification = classify_request(document("Please execute it."), entities, resources=resources)
    assert classification.deadline is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Type: warrant of arrest issued by the investigating judge on 01/04/2026"),
        (
            "it",
            "Tipo: ordinanza di custodia cautelare del giudice per le indagini preliminari del 1° marzo 2026",
        ),
        ("de", "Art: Haftbefehl des Ermittlungsrichters vom 1. April 2026"),
        ("fr", "Type : mandat d'arrêt délivré par le juge d'instruction le 1er avril 2026"),
    ],
)
def test_the_date_of_a_warrant_is_no_deadline(language: str, text: str) -> None:
    (found,) = find_dates(text, page=1, language=language, rules=load_date_rules())
    assert found.attributes.get("role") == "decision"


def test_the_end_of_a_detention_stays_a_detention_limit() -> None:
    text = "Il est placé en détention provisoire jusqu'au 1er août 2026."
    (found,) = find_dates(text, page=1, language="fr", rules=load_date_rules())
    assert found.attributes.get("role") in ("deadline", "detention")
