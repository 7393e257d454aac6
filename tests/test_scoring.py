"""Scoring of predictions against a manifest: tables of exact figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rogatory.scoring import (
    Accuracy,
    ManifestEntry,
    Prediction,
    SetScore,
    TextScore,
    edit_distance,
    match_names,
    names_match,
    normalise_account,
    score_corpus,
    score_document,
    score_text,
)


def naive_distance(first: str, second: str) -> int:
    previous = list(range(len(second) + 1))
    for i, left in enumerate(first, start=1):
        current = [i]
        for j, right in enumerate(second, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left != right)))
        previous = current
    return previous[-1]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Ana Ruiz", "Ana Ruiz", True),
        ("ana  ruiz", "ANA RUIZ", True),
        ("Straße Weiß", "STRASSE WEISS", True),  # full case folding
        ("Carlos Eduardo CÁRDENAS SÁNCHEZ", "Carlos CÁRDENAS SÁNCHEZ", True),  # middle name left out
        ("Carlos Eduardo CÁRDENAS SÁNCHEZ", "Carlos Eduardo Cárdenas", True),  # second surname left out
        ("Carlos Eduardo Cárdenas Sánchez", "Carlos Cárdenas", True),  # both left out
        ("Carlos Cárdenas", "Carlos Eduardo Cárdenas Sánchez", True),  # symmetric
        ("АБЕНОВА Малика Рахимовна", "Абенова Малика", True),  # patronymic left out
        ("محمد ناصر سعيد الشريف", "محمد الشريف", True),
        ("Carlos Eduardo Cárdenas", "Eduardo Cárdenas", False),  # first token must stay
        ("Carlos Cárdenas Sánchez", "Carlos Sánchez Cárdenas", False),  # order kept
        ("Carlos Cárdenas", "Carlos", False),  # a lone given name is not a name
        ("Ana Ruiz", "Ana Ruiz Díaz Ruiz Ruiz", True),
        ("Ana Ruiz", "Ana Ruis", False),
        ("Ana María Ruiz", "Ana José Ruiz", False),  # same length, different tokens
        ("", "Ana Ruiz", False),
    ],
)
def test_names_match(first: str, second: str, expected: bool) -> None:
    assert names_match(first, second) is expected


@pytest.mark.parametrize(
    ("predicted", "truth", "expected"),
    [
        ([], [], SetScore(0, 0, 0)),
        (["Ana Ruiz"], [], SetScore(0, 1, 0)),
        ([], ["Ana Ruiz"], SetScore(0, 0, 1)),
        (["ana ruiz", "Ana  Ruiz"], ["Ana Ruiz"], SetScore(1, 0, 0)),  # duplicates count once
        # One short name could match two true names, but only one of them.
        (["Giulia Mancini"], ["Giulia Maria Mancini", "Giulia Anna Mancini"], SetScore(1, 0, 1)),
        # The matching is maximal: "Ana Ruiz" must take the name "Ana Ruiz Díaz" cannot.
        (["Ana Ruiz Díaz", "Ana Ruiz"], ["Ana Ruiz Díaz", "Ana Luisa Ruiz"], SetScore(2, 0, 0)),
        (["Pedro Gil", "Luis Paz"], ["Pedro Gil", "Luisa Paz"], SetScore(1, 1, 1)),
    ],
)
def test_match_names(predicted: list[str], truth: list[str], expected: SetScore) -> None:
    assert match_names(predicted, truth) == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("kitten", "sitting", 3),
        ("flaw", "lawn", 2),
        ("same text", "same text", 0),
        ("Ğüç", "Guc", 3),
        ("Ğüç", "Ğuç", 1),
        ("a" * 200 + "x" + "b" * 200, "a" * 200 + "y" + "b" * 200, 1),
        ("a" * 300, "b" * 300, 300),
        ("x" * 100 + "abc", "abc", 100),
        ("ab" * 100, "ba" * 100, 2),
    ],
)
def test_edit_distance_table(first: str, second: str, expected: int) -> None:
    assert edit_distance(first, second) == expected
    assert edit_distance(second, first) == expected


@given(st.text(alphabet="abcé \n", max_size=40), st.text(alphabet="abcé \n", max_size=40))
def test_edit_distance_equals_the_plain_dynamic_programme(first: str, second: str) -> None:
    assert edit_distance(first, second) == naive_distance(first, second)


@given(st.text(alphabet="ab", min_size=60, max_size=150), st.text(alphabet="ab", min_size=60, max_size=150))
def test_edit_distance_on_patterns_longer_than_a_machine_word(first: str, second: str) -> None:
    assert edit_distance(first, second) == naive_distance(first, second)


@pytest.mark.parametrize(
    ("predicted", "truth", "expected"),
    [
        ("Hello  world\n\nend", "Hello world end", TextScore(0, 15, 1)),
        ("page one\fpage two", "page one \f page two", TextScore(0, 17, 1)),
        ("Helo world", "Hello world", TextScore(1, 11, 1)),
        ("", "abcd", TextScore(4, 4, 1)),
    ],
)
def test_score_text_collapses_white_space(predicted: str, truth: str, expected: TextScore) -> None:
    assert score_text(predicted, truth) == expected


def test_normalise_account() -> None:
    assert normalise_account(" de89 3704 0044\n0532 0130 00 ") == "DE89370400440532013000"


TRUTH = ManifestEntry(
    id="d1",
    file="files/d1.pdf",
    kind="born_digital",
    language="es",
    request_type="mla",
    proceeding_type="criminal",
    measures=["freezing", "bank_records"],
    offences=["art15"],
    legal_basis=["uncac"],
    requesting_state="CL",
    persons=["Ana María RUIZ DÍAZ", "Pedro Gil"],
    accounts=["ES9121000418450200051332", "123-456"],
    urgent=True,
    deadline=None,
    missing_elements=[],
    route_to="prosecutor_general",
    notify=["fiu"],
    text="Uno dos\ftres",
)

GOOD = Prediction(
    id="d1",
    file="files/d1.pdf",
    language="es",
    request_type="mla",
    proceeding_type="civil",
    measures=["freezing", "search_and_seizure"],
    offences=["art15"],
    legal_basis=[],
    requesting_state=None,
    persons=["Ana RUIZ", "Juan Paz"],
    accounts=["es91 2100 0418 4502 0005 1332"],
    urgent=True,
    deadline=None,
    missing_elements=["purpose"],
    route_to="prosecutor_general",
    notify=["fiu"],
    text="Uno  dos\ftre",
    pages=2,
    seconds=1.5,
)


def test_score_document_every_key() -> None:
    figures = score_document(TRUTH, GOOD)
    assert dict(figures.scores) == {
        "language": Accuracy(1, 1),
        "request_type": Accuracy(1, 1),
        "proceeding_type": Accuracy(0, 1),
        "requesting_state": Accuracy(0, 1),
        "urgent": Accuracy(1, 1),
        "route_to": Accuracy(1, 1),
        "measures": SetScore(1, 1, 1),
        "offences": SetScore(1, 0, 0),
        "legal_basis": SetScore(0, 0, 1),
        "notify": SetScore(1, 0, 0),
        "missing_elements": SetScore(0, 1, 0),
        "persons": SetScore(1, 1, 1),
        "accounts": SetScore(1, 0, 1),
        "deadline": Accuracy(1, 1),
        "text": TextScore(1, 12, 1),
    }
    assert (figures.speed.documents, figures.speed.failed, figures.speed.pages) == (1, 0, 2)


@pytest.mark.parametrize(
    "prediction", [None, Prediction(id="d1", file="files/d1.pdf", error="bad", seconds=0.5)]
)
def test_a_failed_document_is_wrong_and_misses_everything(prediction: Prediction | None) -> None:
    figures = score_document(TRUTH, prediction)
    assert figures.scores["language"] == Accuracy(0, 1)
    assert figures.scores["urgent"] == Accuracy(0, 1)
    assert figures.scores["deadline"] == Accuracy(0, 1)
    assert figures.scores["measures"] == SetScore(0, 0, 2)
    assert figures.scores["persons"] == SetScore(0, 0, 2)
    assert figures.scores["missing_elements"] == SetScore(0, 0, 0)
    assert figures.scores["text"] == TextScore(12, 12, 1)
    assert (figures.speed.failed, figures.speed.pages) == (1, 0)


@pytest.mark.parametrize(
    ("truth", "predicted", "expected"),
    [
        (None, None, Accuracy(1, 1)),
        (None, "2026-01-01", Accuracy(0, 1)),
        ("2026-01-01", None, Accuracy(0, 1)),
        ("2026-01-01", "2026-01-01", Accuracy(1, 1)),
    ],
)
def test_deadline(truth: str | None, predicted: str | None, expected: Accuracy) -> None:
    entry = ManifestEntry(id="d", file="f", deadline=truth)
    prediction = Prediction(id="d", file="f", deadline=predicted)
    assert score_document(entry, prediction).scores["deadline"] == expected


def test_absent_keys_are_not_scored() -> None:
    entry = ManifestEntry(id="d", file="f", language="en", persons=None)
    assert set(score_document(entry, Prediction(id="d", file="f", language="en")).scores) == {"language"}


def test_score_corpus_sums_micro_counts_per_group() -> None:
    second = ManifestEntry(id="d2", file="f2", kind="image", language="es", measures=["freezing"], text="ab")
    third = ManifestEntry(id="d3", file="f3", kind="image", language="fr", measures=[], text="abcd")
    predictions = [
        GOOD,
        Prediction(id="d2", file="f2", measures=["freezing"], text="ab", pages=3, seconds=2.5),
        Prediction(id="d3", file="f3", error="unreadable"),
        Prediction(id="other", file="x", language="en"),
    ]
    report = score_corpus([TRUTH, second, third], predictions, wall_seconds=2.0)
    assert report.overall.scores["measures"] == SetScore(2, 1, 1)
    assert report.overall.scores["text"] == TextScore(1 + 0 + 4, 12 + 2 + 4, 3)
    assert report.overall.scores["language"] == Accuracy(1, 3)  # d2 predicted none, d3 failed
    assert list(report.by_kind) == ["born_digital", "image"]
    assert report.by_kind["image"].scores["measures"] == SetScore(1, 0, 0)
    assert report.by_language["es"].scores["text"] == TextScore(1, 14, 2)
    assert report.by_language["fr"].speed.failed == 1
    speed = report.overall.speed.as_dict()
    assert speed == {
        "documents": 3,
        "failed": 1,
        "pages": 5,
        "seconds": 4.0,
        "seconds_per_document": 4.0 / 3,
        "pages_per_second": 1.25,
    }
    assert report.wall_clock() == {"seconds": 2.0, "seconds_per_document": 2.0 / 3, "pages_per_second": 2.5}


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (SetScore(0, 0, 0), (None, None, None)),
        (SetScore(0, 2, 0), (0.0, None, 0.0)),
        (SetScore(3, 1, 2), (0.75, 0.6, 6 / 9)),
    ],
)
def test_set_score_ratios(score: SetScore, expected: tuple[float | None, ...]) -> None:
    assert (score.precision, score.recall, score.f1) == expected


def test_report_json_shape() -> None:
    report = score_corpus([TRUTH], [GOOD])
    data = report.as_dict()
    overall = data["overall"]
    assert isinstance(overall, dict)
    assert overall["language"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    assert overall["text"] == {"cer": 1 / 12, "errors": 1, "length": 12, "documents": 1}
    assert "wall_clock" not in overall
    assert list(data) == ["overall", "by_kind", "by_language"]
