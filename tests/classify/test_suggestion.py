"""The suggestion model learnt from the clerks' decisions."""

from __future__ import annotations

from classify.suggestion import features_of, train_suggestion
from rogatory.records import Classification, Label
from rogatory.review import Correction


def _correction(index: int, authority: str, words: str, features: tuple[str, ...]) -> Correction:
    return Correction(number=f"RQ-2026-{index:06d}", text=words, features=features, authority=authority)


def _corrections() -> list[Correction]:
    customs = [
        _correction(i, "customs", f"goods seized at the border shipment {i} container", ("type=mla",))
        for i in range(8)
    ]
    tax = [
        _correction(100 + i, "tax_office", f"undeclared income tax return assessment year {i}", ("type=mla",))
        for i in range(8)
    ]
    return customs + tax


def test_too_few_corrections_or_one_authority_means_no_model() -> None:
    corrections = _corrections()
    assert train_suggestion(corrections[:5], min_corrections=10) is None
    assert train_suggestion(corrections[:8], min_corrections=2) is None  # only "customs"


def test_the_model_suggests_the_authority_the_clerks_chose_for_similar_requests() -> None:
    model = train_suggestion(_corrections(), min_corrections=10)
    assert model is not None
    suggestion = model.suggest("a container of goods was seized at the border", ("type=mla",))
    assert suggestion.authority == "customs"
    assert 0.5 < suggestion.confidence <= 1.0
    assert suggestion.trained_on == 16
    other = model.suggest("the tax return of the year shows undeclared income", ("type=mla",))
    assert other.authority == "tax_office"


def test_features_are_the_decided_labels() -> None:
    classification = Classification(
        request_type=Label(value="mla", confidence=0.9),
        proceeding_type=Label(value="criminal", confidence=0.9),
        measures=(Label(value="freezing", confidence=0.8), Label(value="bank_records", confidence=0.8)),
        urgent=Label(value="false", confidence=0.7),
    )
    assert features_of(classification) == (
        "type=mla",
        "proceeding=criminal",
        "urgent=false",
        "measure=bank_records",
        "measure=freezing",
    )
