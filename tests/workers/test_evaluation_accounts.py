"""The accounts of a prediction leave out IBANs whose check digits fail (they stay entities)."""

from __future__ import annotations

from rogatory.records import Entities, Entity, EntityKind, Span
from rogatory.scoring import ManifestEntry
from tests.workers.test_evaluation import fake_analysis
from workers.evaluation import predictions_from_analysis


def test_invalid_iban_is_not_an_account_of_the_prediction() -> None:
    analysis = fake_analysis(("page",))
    span = Span(page=1, start=0, end=1, text="x")
    invalid = Entity(
        kind=EntityKind.ACCOUNT,
        value="GB00WEST12345698765432",
        span=span,
        method="rule:iban",
        confidence=0.6,
        attributes={"valid": "false"},
    )
    analysis = analysis.model_copy(update={"entities": Entities(items=(*analysis.entities.items, invalid))})
    prediction = predictions_from_analysis(ManifestEntry(id="d", file="d.pdf"), analysis, seconds=0.1)
    assert prediction.accounts == ["DE89370400440532013000"]
