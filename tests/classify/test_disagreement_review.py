"""Signals that disagree lower the confidence and send the request to review instead of routing it."""

from __future__ import annotations

from classify.directory import load_directory
from classify.request import classify_request
from classify.resources import ClassifyResources
from classify.routing import route
from rogatory.records import BoxState, Completeness, DocumentStructure, DocumentText, Span, TickBox
from rogatory.settings import DEFAULT_AUTHORITIES
from tests.classify.conftest import NO_ENTITIES, document

FORM = (
    "REQUEST FOR MUTUAL LEGAL ASSISTANCE\n"
    "Type of proceedings: [ ] civil proceedings [X] criminal proceedings\n"
    "Assistance requested\nObtain the bank statements of the account."
)
CIVIL = (
    "LETTER OF REQUEST\nThis request arises from civil forfeiture proceedings before the High Court.\n"
    "Assistance requested\nObtain the bank statements of the account."
)


def decide(text: str, resources: ClassifyResources) -> tuple[str, float, bool]:
    classification = classify_request(document(text), NO_ENTITIES, resources=resources)
    directory = load_directory(DEFAULT_AUTHORITIES)
    decision = route(
        classification, Completeness(checks=()), directory, text=document(text), review_threshold=0.5
    )
    return classification.proceeding_type.value, decision.confidence, decision.needs_review


def test_two_proceeding_types_send_the_request_to_review(resources: ClassifyResources) -> None:
    _, confidence, needs_review = decide(FORM, resources)
    assert confidence < 0.5
    assert needs_review


def test_one_proceeding_type_is_routed(resources: ClassifyResources) -> None:
    assert decide(CIVIL, resources) == ("civil", 0.8, False)


def test_measures_nothing_asks_for_are_weak(resources: ClassifyResources) -> None:
    facts = "The bank statements of the account show transfers to the suspect."
    _, confidence, needs_review = decide(facts, resources)
    assert (confidence, needs_review) == (0.4, True)


def test_measures_a_sentence_asks_for_are_routed(resources: ClassifyResources) -> None:
    asked = "We kindly request that you obtain the bank statements of the account."
    _, confidence, needs_review = decide(asked, resources)
    assert (confidence, needs_review) == (0.8, False)


def test_a_ticked_box_against_the_wording_lowers_the_confidence(resources: ClassifyResources) -> None:
    text = "This request arises from civil forfeiture proceedings.\nAdministrative proceedings"
    option = text.split("\n")[1]
    box = TickBox(
        span=Span(page=1, start=text.index(option), end=len(text), text=option),
        state=BoxState.TICKED,
        method="glyph",
    )
    page = document(text).pages[0]
    ticked = DocumentText(pages=(page,), language="en", structure=DocumentStructure(boxes=(box,)))
    label = classify_request(ticked, NO_ENTITIES, resources=resources).proceeding_type
    assert label.confidence < 0.5
    assert "a ticked box says administrative" in label.rule
