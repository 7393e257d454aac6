from __future__ import annotations

from classify.completeness import check_completeness
from classify.request import classify_request
from classify.resources import ClassifyResources
from rogatory.records import Entities
from tests.classify.conftest import NO_ENTITIES, date_entity, document

FULL = """INSPECTORATE OF GOVERNMENT
Kampala, 1 May 2026
Subject matter and nature of the proceedings
An investigation.
Summary of the facts
Payments were made.
Assistance requested
1. Locate X.
Persons concerned
X, nationality: Uganda.
Purpose of the request
Trial."""

BARE = """REQUEST FOR MUTUAL LEGAL ASSISTANCE
To: Central Authority of the Reference State
Assistance requested
We would be grateful for any assistance.
Persons concerned
X (suspect)"""


def missing(
    resources: ClassifyResources, text: str, language: str = "en", entities: Entities = NO_ENTITIES
) -> list[str]:
    doc = document(text, language=language)
    classification = classify_request(doc, entities, resources=resources)
    return check_completeness(
        doc, entities, classification, accepted_languages=("en", "fr", "es"), lexicons=resources.lexicons
    ).missing


def test_complete_request(resources: ClassifyResources) -> None:
    assert missing(resources, FULL) == []


def test_bare_request(resources: ClassifyResources) -> None:
    assert missing(resources, BARE) == [
        "assistance_sought",
        "facts_summary",
        "person_identity",
        "purpose",
        "requesting_authority",
        "subject_matter",
    ]


def test_language_not_accepted(resources: ClassifyResources) -> None:
    assert missing(resources, FULL, language="de") == ["acceptable_language"]


def test_birth_date_entity_identifies_a_person(resources: ClassifyResources) -> None:
    assert "person_identity" not in missing(
        resources, BARE, entities=Entities(items=(date_entity("1970-05-01", "birth"),))
    )


def test_sender_line_names_the_requesting_authority(resources: ClassifyResources) -> None:
    assert "requesting_authority" not in missing(resources, "From: Prosecutor General, Valmont\n" + BARE)


def test_checks_follow_taxonomy_order_with_evidence(resources: ClassifyResources) -> None:
    doc = document(FULL)
    result = check_completeness(
        doc,
        NO_ENTITIES,
        classify_request(doc, NO_ENTITIES, resources=resources),
        accepted_languages=["en"],
        lexicons=resources.lexicons,
    )
    assert [check.element for check in result.checks][:3] == [
        "requesting_authority",
        "subject_matter",
        "facts_summary",
    ]
    assert result.checks[0].evidence[0].text == "INSPECTORATE"
