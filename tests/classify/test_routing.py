from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from classify.directory import Condition, load_directory
from classify.routing import evaluate, route
from rogatory.records import Classification, Completeness, ElementCheck, Label, Span
from rogatory.settings import DEFAULT_AUTHORITIES
from rogatory.taxonomy import MEASURES
from tests.classify.conftest import document

DIRECTORY = load_directory(DEFAULT_AUTHORITIES)
COMPLETE = Completeness(checks=(ElementCheck(element="purpose", present=True),))
READ = document("Freeze the accounts.", "Freeze")


def label(value: str, confidence: float = 0.9) -> Label:
    return Label(value=value, confidence=confidence, evidence=(Span(page=2, start=0, end=6, text="Freeze"),))


def classification(
    measures: tuple[str, ...] = (),
    *,
    request_type: str = "mla",
    proceeding: str = "criminal",
    offences: tuple[str, ...] = (),
    confidence: float = 0.9,
) -> Classification:
    return Classification(
        request_type=label(request_type),
        proceeding_type=label(proceeding),
        measures=tuple(label(value, confidence) for value in measures),
        offences=tuple(label(value) for value in offences),
        urgent=label("false"),
    )


def decide(result: Classification, threshold: float = 0.5) -> tuple[str, tuple[str, ...], str | None, bool]:
    decision = route(result, COMPLETE, DIRECTORY, text=READ, review_threshold=threshold)
    return decision.route_to, decision.notify, decision.rule, decision.needs_review


def test_reference_policy() -> None:
    assert decide(classification(("freezing",), request_type="extradition"))[0] == "extradition_unit"
    assert decide(classification(("freezing",), proceeding="civil"))[0] == "civil_authority"
    assert decide(classification(("taking_evidence", "freezing")))[0] == "asset_recovery_office"
    assert decide(classification(("bank_records", "search_and_seizure")))[0] == "fiu"
    assert decide(classification(("service_of_documents", "videoconference")))[0] == "courts"
    assert decide(classification(("service_of_documents", "taking_evidence")))[0] == "prosecutor_general"
    assert decide(classification(("locate_persons",)))[0] == "police"
    assert decide(classification(("locate_persons", "taking_evidence")))[0] == "prosecutor_general"


def test_no_rule_goes_to_fallback_for_review() -> None:
    assert decide(classification(())) == ("central_authority", (), None, True)


def test_notify_corruption_offences() -> None:
    assert decide(classification(("freezing",), offences=("art23", "art15")))[1] == (
        "anti_corruption_agency",
    )
    assert decide(classification(("freezing",), offences=("art23",)))[1] == ()


def test_low_confidence_keeps_the_proposal_and_asks_for_review() -> None:
    assert decide(classification(("bank_records",), confidence=0.4)) == (
        "fiu",
        (),
        "bank records and tracing of proceeds",
        True,
    )
    assert decide(classification(("bank_records",), confidence=0.6)) == (
        "fiu",
        (),
        "bank records and tracing of proceeds",
        False,
    )


def test_decision_explains_itself() -> None:
    decision = route(classification(("freezing",)), COMPLETE, DIRECTORY, text=READ, review_threshold=0.5)
    assert decision.reasons[0] == "measures include freezing (page 2: 'Freeze')"
    assert [rule.held for rule in decision.rules] == [False, False, True, False]
    assert decision.rules[2].conditions[0].actual == ("freezing",)
    assert decision.confidence == 0.9


measure_sets = st.sets(st.sampled_from(MEASURES), max_size=6)


@given(measure_sets, measure_sets.filter(bool))
def test_any_of_holds_when_one_value_is_shared(actual: set[str], expected: set[str]) -> None:
    condition = Condition(field="measures", operator="any_of", values=tuple(sorted(expected)))
    held = evaluate(condition, tuple(label(value) for value in sorted(actual))).result.held
    assert held == bool(actual & expected)


@given(measure_sets, measure_sets.filter(bool))
def test_only_holds_when_every_value_is_listed(actual: set[str], expected: set[str]) -> None:
    condition = Condition(field="measures", operator="only", values=tuple(sorted(expected)))
    held = evaluate(condition, tuple(label(value) for value in sorted(actual))).result.held
    assert held == (bool(actual) and actual <= expected)


@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=4))
def test_only_confidence_is_the_weakest_label(confidences: list[float]) -> None:
    labels = tuple(label("freezing", value) for value in confidences)
    condition = Condition(field="measures", operator="only", values=("freezing",))
    assert evaluate(condition, labels).confidence == min(confidences)


def test_each_condition_of_the_fired_rule_carries_its_evidence() -> None:
    decision = route(classification(("freezing",)), COMPLETE, DIRECTORY, text=READ, review_threshold=0.5)
    fired = next(rule for rule in decision.rules if rule.held and rule.name == decision.rule)
    [condition] = fired.conditions
    assert condition.evidence == (Span(page=2, start=0, end=6, text="Freeze"),)
    failed = next(rule for rule in decision.rules if not rule.held)
    assert all(c.evidence == () for c in failed.conditions if not c.held)


def test_a_tie_at_the_threshold_goes_to_review() -> None:
    """Two equally likely readings give 0.50: at a threshold of 0.50 that is a tie, and a tie
    is reviewed; just above it the request is routed."""
    tie = route(
        classification(("freezing",), confidence=0.5), COMPLETE, DIRECTORY, text=READ, review_threshold=0.5
    )
    assert tie.route_to == "asset_recovery_office"
    assert tie.needs_review
    assert any("a tie is reviewed" in reason for reason in tie.reasons)
    assert not decide(classification(("freezing",), confidence=0.51))[3]
    assert decide(classification(("freezing",), confidence=0.49))[3]
