"""Tick boxes in classification: an option not ticked is evidence against, never for."""

from __future__ import annotations

import pytest

from classify.request import classify_request
from classify.resources import ClassifyResources
from extract.structure import read_structure
from rogatory.records import Classification, Entities
from tests.classify.conftest import document

NO_ENTITIES = Entities()


def classify(text: str, language: str, resources: ClassifyResources) -> Classification:
    plain = document(text, language=language)
    return classify_request(
        plain.model_copy(update={"structure": read_structure(plain)}), NO_ENTITIES, resources=resources
    )


SPANISH_FORM = """SOLICITUD DE ASISTENCIA JUDICIAL
1. Autoridad requirente
Nombre: Fiscalía Anticorrupción, Madrid
2. Tipo de procedimiento
[X] procedimiento penal   [ ] procedimiento civil   [ ] procedimiento administrativo
3. Asistencia solicitada
[ ] información bancaria
[X] declaración testimonial de testigos
4. Urgencia
[ ] Urgente   [X] No urgente
"""

SPANISH_LETTER = """SOLICITUD DE ASISTENCIA JUDICIAL
La presente solicitud emana de la Fiscalía Anticorrupción, Madrid.
La Fiscalía Anticorrupción instruye un procedimiento penal por cohecho.
Se solicita la declaración testimonial de testigos.
"""


def test_an_unticked_civil_proceeding_does_not_make_a_request_civil(resources: ClassifyResources) -> None:
    assert classify(SPANISH_FORM, "es", resources).proceeding_type.value == "criminal"


def test_unticked_measures_are_not_sought(resources: ClassifyResources) -> None:
    measures = {label.value for label in classify(SPANISH_FORM, "es", resources).measures}
    assert "bank_records" not in measures
    assert "taking_evidence" in measures


def test_a_ticked_no_urgente_is_not_urgent(resources: ClassifyResources) -> None:
    assert classify(SPANISH_FORM, "es", resources).urgent.value == "false"


@pytest.mark.parametrize(
    ("line", "language", "urgent"),
    [
        ("Urgent: ☐ Yes   ☒ No", "en", "false"),
        ("Urgent: ☒ Yes   ☐ No", "en", "true"),
        ("Urgence : ( ) oui   (x) non", "fr", "false"),
        ("Urgente: [ ] Sim   [x] Não", "pt", "false"),
        ("Dringend: ☐ Ja   ☒ Nein", "de", "false"),
        ("Срочно: [ ] Да   [X] Нет", "ru", "false"),
        ("[X] No urgente", "es", "false"),
        ("☐ Urgent   ☒ For review   ☐ Please reply", "en", "false"),
    ],
)
def test_urgency_boxes(line: str, language: str, urgent: str, resources: ClassifyResources) -> None:
    text = f"Request for mutual legal assistance\n{line}\n"
    assert classify(text, language, resources).urgent.value == urgent


def test_the_same_request_as_a_form_and_as_a_letter(resources: ClassifyResources) -> None:
    form, letter = classify(SPANISH_FORM, "es", resources), classify(SPANISH_LETTER, "es", resources)
    assert form.proceeding_type.value == letter.proceeding_type.value == "criminal"
    assert form.request_type.value == letter.request_type.value
    assert {m.value for m in form.measures} == {m.value for m in letter.measures}
    assert form.urgent.value == letter.urgent.value == "false"


@pytest.mark.parametrize(
    ("part", "language", "urgent"),
    [
        ("SECTION B: Urgency\n( ) Evidence may be destroyed\n( ) Imminent trial date", "en", "false"),
        ("B. Urgence\n[ ] Risque de disparition des preuves\n[ ] Date de procès imminente", "fr", "false"),
        ("SECTION B: Urgency\n( ) Evidence may be destroyed\n(x) Imminent trial date", "en", "true"),
        ("3. This request is urgent because the trial opens next month.", "en", "true"),
    ],
)
def test_a_title_naming_urgency_asks_nothing_by_itself(
    part: str, language: str, urgent: str, resources: ClassifyResources
) -> None:
    text = f"Request for mutual legal assistance\n1. Requesting authority\n{part}\n"
    assert classify(text, language, resources).urgent.value == urgent
