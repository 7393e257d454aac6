from __future__ import annotations

import pytest

from classify.request import aggregate_offences, classify_request
from classify.resources import ClassifyResources
from rogatory.records import Entities
from tests.classify.conftest import NO_ENTITIES, date_entity, document, offence_entity

ENGLISH = """REPUBLIC OF KENYA
OFFICE OF THE DIRECTOR OF PUBLIC PROSECUTIONS
Nairobi, 3 March 2026
To: Central Authority of the Reference State
The Office presents its compliments and requests assistance pursuant to the United Nations
Convention against Corruption and the principle of reciprocity.
1. Subject matter and nature of the proceedings
A criminal investigation is conducted against J. Doe.
2. Summary of the facts
Bank records obtained in Kenya show transfers to Cyprus. Witnesses were heard by video link.
3. Assistance requested
(a) Freeze the funds held in account 123 pending a confiscation decision.
(b) Arrange the hearing of A. Roe as a witness by videoconference.
(c) Take a statement from B. Poe.
4. Purpose of the request
The evidence is needed for trial.
5. Urgency
This request is urgent."""

FRENCH = """RÉPUBLIQUE DU SÉNÉGAL
PARQUET GÉNÉRAL
Dakar, le 2 mai 2026
DEMANDE D'ENTRAIDE JUDICIAIRE
Fondement juridique
La présente demande est fondée sur la Convention des Nations Unies contre la criminalité
transnationale organisée.
Objet et nature de la procédure
Le parquet a engagé une action civile en recouvrement d'avoirs.
Mesures sollicitées
1. Perquisitionner les locaux et saisir tous documents.
2. Localiser M. X et communiquer son adresse actuelle.
Finalité de la demande
Établir le circuit des fonds."""

EXTRADITION = """REQUEST FOR THE EXTRADITION OF J. DOE
The Republic of Ghana requests the extradition of J. Doe for prosecution.
Person sought
J. Doe, date of birth 1 May 1970.
Request
Pending the formal request, the provisional arrest of J. Doe is requested. Ghana gives the
assurance of the rule of speciality."""


def test_english_request(resources: ClassifyResources) -> None:
    result = classify_request(document(ENGLISH), NO_ENTITIES, resources=resources)
    assert result.request_type.value == "mla"
    assert result.proceeding_type.value == "criminal"
    assert result.values("measures") == ["freezing", "taking_evidence", "videoconference"]
    assert result.values("legal_basis") == ["reciprocity", "uncac"]
    assert result.requesting_state is not None
    assert result.requesting_state.value == "KE"
    assert result.urgent.value == "true"
    assert result.deadline is None


def test_measure_labels_carry_evidence_and_rule(resources: ClassifyResources) -> None:
    result = classify_request(document(ENGLISH), NO_ENTITIES, resources=resources)
    freezing = next(label for label in result.measures if label.value == "freezing")
    span = freezing.evidence[0]
    assert span.page == 1
    assert ENGLISH[span.start : span.end] == span.text == "Freeze"
    assert "'freeze'" in freezing.rule


def test_french_civil_request(resources: ClassifyResources) -> None:
    result = classify_request(document(FRENCH, language="fr"), NO_ENTITIES, resources=resources)
    assert result.request_type.value == "mla"
    assert result.proceeding_type.value == "civil"
    assert result.values("measures") == ["locate_persons", "search_and_seizure"]
    assert result.values("legal_basis") == ["untoc"]
    assert result.requesting_state is not None
    assert result.requesting_state.value == "SN"
    assert result.urgent.value == "false"


def test_extradition_request(resources: ClassifyResources) -> None:
    result = classify_request(document(EXTRADITION), NO_ENTITIES, resources=resources)
    assert result.request_type.value == "extradition"
    assert result.values("measures") == []
    assert result.requesting_state is not None
    assert result.requesting_state.value == "GH"


def test_one_extradition_word_is_not_an_extradition_request(resources: ClassifyResources) -> None:
    text = "From: International Cooperation and Extradition Unit\nRequest for mutual legal assistance."
    assert classify_request(document(text), NO_ENTITIES, resources=resources).request_type.value == "mla"


@pytest.mark.parametrize(
    ("text", "language", "state"),
    [
        ("ГЕНЕРАЛЬНАЯ ПРОКУРАТУРА РЕСПУБЛИКИ КАЗАХСТАН\nАстана, 1 мая 2026 г.", "ru", "KZ"),
        ("Прокуратура\nГражданин Казахстана, проживает в Казахстане.", "ru", "KZ"),
        ("دولة ليبيا\nمكتب النائب العام\nطرابلس 2026", "ar", "LY"),
        ("REPUBBLICA DI SAN MARINO\nTribunale\nLugano 2026; Svizzera", "it", "SM"),
        ("Staatsanwaltschaft Wien\nÖsterreich\nTransfer nach Zypern.", "de", "AT"),
    ],
)
def test_requesting_state(text: str, language: str, state: str, resources: ClassifyResources) -> None:
    label = classify_request(
        document(text, language=language), NO_ENTITIES, resources=resources
    ).requesting_state
    assert label is not None
    assert label.value == state


def test_the_reference_state_is_never_the_requesting_state(resources: ClassifyResources) -> None:
    text = "Ministry of Justice\nCentral Authority of the Reference State\nNo country named."
    assert classify_request(document(text), NO_ENTITIES, resources=resources).requesting_state is None


@pytest.mark.parametrize(
    ("entities", "urgent", "deadline"),
    [
        (
            (date_entity("2026-06-19", "detention"), date_entity("2026-07-01", "hearing")),
            "true",
            "2026-06-19",
        ),
        ((date_entity("2026-06-19", "birth"),), "false", None),
        ((date_entity("2026-06-19", None),), "false", None),
        ((date_entity("2026-09-01", "limitation"),), "true", "2026-09-01"),
    ],
)
def test_deadline_from_dated_entities(
    entities: tuple[object, ...], urgent: str, deadline: str | None, resources: ClassifyResources
) -> None:
    text = "Request for mutual legal assistance.\nUrgency and time limits\nSee the dates."
    result = classify_request(document(text), Entities(items=entities), resources=resources)
    assert result.urgent.value == urgent
    assert (result.deadline.isoformat() if result.deadline else None) == deadline


@pytest.mark.parametrize(
    ("text", "urgent"),
    [
        ("Urgency and time limits\nNone.", "false"),
        ("The offences are not time-barred.", "false"),
        ("La présente demande revêt un caractère urgent.", "true"),
        ("Expéditeur : Parquet", "false"),
    ],
)
def test_urgent_wording(text: str, urgent: str, *, resources: ClassifyResources) -> None:
    language = "fr" if "Exp" in text or "revêt" in text else "en"
    assert (
        classify_request(document(text, language=language), NO_ENTITIES, resources=resources).urgent.value
        == urgent
    )


def test_offences_are_aggregated_one_label_per_id() -> None:
    entities = Entities(
        items=(offence_entity("art15"), offence_entity("art23", start=9), offence_entity("art15", start=20))
    )
    labels = aggregate_offences(entities)
    assert [(label.value, len(label.evidence)) for label in labels] == [("art15", 2), ("art23", 1)]
    assert labels[0].confidence == 0.8
