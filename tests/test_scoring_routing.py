"""The auto-routed block of the scores: routed automatically, their accuracy, sent to review."""

from __future__ import annotations

import pytest

from rogatory.scoring import AutoRouting, ManifestEntry, Prediction, score_auto_routing, score_corpus
from service.cli.eval_command import format_report


def entry(number: int, route_to: str | None = "fiu") -> ManifestEntry:
    return ManifestEntry(id=f"d{number}", file=f"files/d{number}.pdf", kind="born_digital", route_to=route_to)


def predicted(number: int, route_to: str, *, needs_review: bool | None) -> Prediction:
    return Prediction(
        id=f"d{number}", file=f"files/d{number}.pdf", route_to=route_to, needs_review=needs_review
    )


@pytest.mark.parametrize(
    ("truth", "prediction", "expected"),
    [
        (entry(1), predicted(1, "fiu", needs_review=False), AutoRouting(1, 1, 1, 0)),
        (entry(1), predicted(1, "courts", needs_review=False), AutoRouting(1, 1, 0, 0)),
        (entry(1), predicted(1, "courts", needs_review=True), AutoRouting(1, 0, 0, 1)),
        (entry(1), None, AutoRouting(1, 0, 0, 0)),
        (entry(1), predicted(1, "fiu", needs_review=None), AutoRouting()),
        (entry(1, None), predicted(1, "fiu", needs_review=False), AutoRouting()),
    ],
    ids=["auto right", "auto wrong", "review", "failed", "not said", "no truth"],
)
def test_one_document(truth: ManifestEntry, prediction: Prediction | None, expected: AutoRouting) -> None:
    assert score_auto_routing(truth, prediction) == expected


def test_corpus_shares_and_accuracy_of_the_auto_routed() -> None:
    entries = [entry(n) for n in range(1, 6)]
    predictions = [
        predicted(1, "fiu", needs_review=False),
        predicted(2, "fiu", needs_review=False),
        predicted(3, "courts", needs_review=False),
        predicted(4, "courts", needs_review=True),
        Prediction(id="d5", file="files/d5.pdf", error="unreadable"),
    ]
    report = score_corpus(entries, predictions)
    routing = report.overall.routing
    assert (routing.auto_share, routing.auto_accuracy, routing.review_share) == (0.6, 2 / 3, 0.2)
    block = report.as_dict()["overall"]
    assert isinstance(block, dict)
    assert block["auto_routed"] == {
        "auto_share": 0.6,
        "auto_accuracy": 2 / 3,
        "review_share": 0.2,
        "documents": 5,
        "auto": 3,
        "auto_correct": 2,
        "review": 1,
        "failed": 1,
    }
    assert report.by_kind["born_digital"].routing == routing
    table = format_report(report)
    assert "Auto-routed" in table
    block_lines = table.split("Auto-routed", 1)[1].splitlines()
    assert ["overall", "5", "0.600", "0.667", "0.200", "3", "1", "1"] in [
        line.split() for line in block_lines
    ]


def test_nothing_to_count_prints_no_block() -> None:
    report = score_corpus([entry(1, None)], [predicted(1, "fiu", needs_review=False)])
    assert "auto_routed" not in report.as_dict()["overall"]  # type: ignore[operator]
    assert "Auto-routed" not in format_report(report)
