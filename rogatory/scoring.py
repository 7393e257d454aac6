"""Scoring of predictions against a labelled corpus manifest (../shared/corpus/FORMAT.md).

Pure: no pipeline, no files. The evaluation command (``rogatory eval``) feeds it the
manifest entries and the predictions it wrote; any other scorer can do the same from
``manifest.jsonl`` and ``predictions.jsonl`` alone.

Rules, per key of the manifest (a key absent or null in an entry is not scored for it,
except ``deadline``, whose null is a label: "no deadline"):

- accuracy keys: the predicted value equals the true one;
- set keys, ``persons``, ``accounts``: micro precision, recall and F1 over the sets
  (true positives, false positives and false negatives summed over documents);
- ``persons``: names match by :func:`names_match`, one predicted name for one true name;
- ``accounts``: identifiers compared without white space, upper case;
- ``deadline``: accuracy; an absent or null prediction is right for a null truth;
- ``text``: CER, edit distance over the length of the truth after collapsing runs
  of white space to one space, summed over documents before dividing;
- auto-routing, over the documents with a true ``route_to``: the share routed
  automatically (``needs_review`` false), the accuracy of ``route_to`` among those,
  and the share sent to review (``needs_review`` true); a failed document is in
  neither, and a prediction without ``needs_review`` (an older file) is not counted.

A failed document (a prediction with ``error``, or no prediction at all) is wrong for
every accuracy key (``deadline`` included), contributes every true item as a false
negative and no false positive, and its text counts as empty (CER 1 for it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

ACCURACY_KEYS = ("language", "request_type", "proceeding_type", "requesting_state", "urgent", "route_to")
SET_KEYS = ("measures", "offences", "legal_basis", "notify", "missing_elements")
SCORED_KEYS = (*ACCURACY_KEYS, *SET_KEYS, "persons", "accounts", "deadline", "text")

_WHITESPACE = re.compile(r"\s+")


class DocumentLabels(BaseModel):
    """The label keys of FORMAT.md for one document, each absent (None) unless given."""

    id: str
    file: str
    language: str | None = None
    request_type: str | None = None
    proceeding_type: str | None = None
    measures: list[str] | None = None
    offences: list[str] | None = None
    legal_basis: list[str] | None = None
    requesting_state: str | None = None
    persons: list[str] | None = None
    accounts: list[str] | None = None
    urgent: bool | None = None
    deadline: str | None = None
    missing_elements: list[str] | None = None
    route_to: str | None = None
    notify: list[str] | None = None
    text: str | None = None


class ManifestEntry(DocumentLabels):
    """One line of ``manifest.jsonl``: the ground truth of one document."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    kind: str | None = None


class Prediction(DocumentLabels):
    """One line of ``predictions.jsonl``: what the service decided about one document.

    A failed document has ``error`` and no label keys.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    needs_review: bool | None = None
    pages: int | None = None
    seconds: float | None = None
    error: str | None = None


# --- figures ----------------------------------------------------------------------


@dataclass(frozen=True)
class Accuracy:
    """Right answers out of scored documents."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {"accuracy": self.accuracy, "correct": self.correct, "total": self.total}


@dataclass(frozen=True)
class SetScore:
    """Micro counts over sets; a ratio with a zero denominator is ``None``."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: SetScore) -> SetScore:
        return SetScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class TextScore:
    """Edit distance summed over documents, and the summed length of the truths."""

    errors: int = 0
    length: int = 0
    documents: int = 0

    def __add__(self, other: TextScore) -> TextScore:
        return TextScore(
            self.errors + other.errors, self.length + other.length, self.documents + other.documents
        )

    @property
    def cer(self) -> float | None:
        return self.errors / self.length if self.length else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {"cer": self.cer, "errors": self.errors, "length": self.length, "documents": self.documents}


@dataclass(frozen=True)
class Speed:
    """Pages and per-document seconds of the documents that were analysed."""

    documents: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0

    def __add__(self, other: Speed) -> Speed:
        return Speed(
            self.documents + other.documents,
            self.failed + other.failed,
            self.pages + other.pages,
            self.seconds + other.seconds,
        )

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "documents": self.documents,
            "failed": self.failed,
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "seconds_per_document": self.seconds / self.documents if self.documents else None,
            "pages_per_second": self.pages / self.seconds if self.seconds else None,
        }


@dataclass(frozen=True)
class AutoRouting:
    """Where documents with a true ``route_to`` went: routed automatically (right or not), to review, failed.

    A document neither ``auto`` nor ``review`` failed. Shares are of ``documents``; the
    accuracy is of the automatically routed ones (``None`` when there are none).
    """

    documents: int = 0
    auto: int = 0
    auto_correct: int = 0
    review: int = 0

    def __add__(self, other: AutoRouting) -> AutoRouting:
        return AutoRouting(
            self.documents + other.documents,
            self.auto + other.auto,
            self.auto_correct + other.auto_correct,
            self.review + other.review,
        )

    @property
    def auto_share(self) -> float | None:
        return self.auto / self.documents if self.documents else None

    @property
    def auto_accuracy(self) -> float | None:
        return self.auto_correct / self.auto if self.auto else None

    @property
    def review_share(self) -> float | None:
        return self.review / self.documents if self.documents else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "auto_share": self.auto_share,
            "auto_accuracy": self.auto_accuracy,
            "review_share": self.review_share,
            "documents": self.documents,
            "auto": self.auto,
            "auto_correct": self.auto_correct,
            "review": self.review,
            "failed": self.documents - self.auto - self.review,
        }


Score = Accuracy | SetScore | TextScore


@dataclass(frozen=True)
class Figures:
    """The scores of a group of documents, per manifest key, how fast they went and where they were routed."""

    scores: Mapping[str, Score]
    speed: Speed
    routing: AutoRouting = AutoRouting()

    def __add__(self, other: Figures) -> Figures:
        merged: dict[str, Score] = dict(self.scores)
        for key, score in other.scores.items():
            merged[key] = _add_scores(merged[key], score) if key in merged else score
        return Figures(merged, self.speed + other.speed, self.routing + other.routing)

    def as_dict(self) -> dict[str, object]:
        ordered: dict[str, object] = {
            key: self.scores[key].as_dict() for key in SCORED_KEYS if key in self.scores
        }
        if self.routing.documents:
            ordered["auto_routed"] = self.routing.as_dict()
        return {**ordered, "throughput": self.speed.as_dict()}


@dataclass(frozen=True)
class Report:
    """Figures for the whole corpus, per ``kind`` and per ``language`` of the truth."""

    overall: Figures
    by_kind: Mapping[str, Figures]
    by_language: Mapping[str, Figures]
    wall_seconds: float | None = None

    def wall_clock(self) -> dict[str, float | None] | None:
        """Seconds of the whole run, per document and pages per second; ``None`` if unknown."""
        if not self.wall_seconds:
            return None
        speed = self.overall.speed
        return {
            "seconds": round(self.wall_seconds, 3),
            "seconds_per_document": self.wall_seconds / speed.documents if speed.documents else None,
            "pages_per_second": speed.pages / self.wall_seconds,
        }

    def as_dict(self) -> dict[str, object]:
        overall = self.overall.as_dict()
        clock = self.wall_clock()
        if clock is not None:
            overall["wall_clock"] = clock
        return {
            "overall": overall,
            "by_kind": {key: figures.as_dict() for key, figures in self.by_kind.items()},
            "by_language": {key: figures.as_dict() for key, figures in self.by_language.items()},
        }


def _add_scores(left: Score, right: Score) -> Score:
    if isinstance(left, Accuracy) and isinstance(right, Accuracy):
        return left + right
    if isinstance(left, SetScore) and isinstance(right, SetScore):
        return left + right
    if isinstance(left, TextScore) and isinstance(right, TextScore):
        return left + right
    raise TypeError(f"cannot add {type(left).__name__} and {type(right).__name__}")


# --- names ------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """NFC, Unicode case-folding, white space runs to one space, trimmed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", name).casefold()).strip()


def names_match(first: str, second: str) -> bool:
    """Whether two names of a person match after :func:`normalise_name`.

    They match when equal, or when the shorter keeps at least two tokens and is the
    longer with one or more tokens other than the first left out, order kept: a middle
    name ("Carlos Cárdenas" for "Carlos Eduardo Cárdenas"), a second surname ("Ana Ruiz"
    for "Ana Ruiz Díaz"), a patronymic ("Иванов Иван" for "Иванов Иван Иванович").
    A lone given name never matches a full name.
    """
    left, right = normalise_name(first).split(), normalise_name(second).split()
    if left == right:
        return True
    short, long = (left, right) if len(left) < len(right) else (right, left)
    if len(short) < 2 or len(short) == len(long) or short[0] != long[0]:
        return False
    remaining = iter(long[1:])
    return all(token in remaining for token in short[1:])


def match_names(predicted: Iterable[str], truth: Iterable[str]) -> SetScore:
    """Counts of one document's names: the largest one-to-one matching by :func:`names_match`.

    Duplicates (after normalisation) count once on each side.
    """
    pred = sorted({normalise_name(name) for name in predicted if name.strip()})
    true = sorted({normalise_name(name) for name in truth if name.strip()})
    edges = [[j for j, name in enumerate(true) if names_match(candidate, name)] for candidate in pred]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    matched = sum(1 for i in range(len(pred)) if augment(i, set()))
    return SetScore(tp=matched, fp=len(pred) - matched, fn=len(true) - matched)


# --- sets and text ----------------------------------------------------------------


def score_sets(predicted: Iterable[str], truth: Iterable[str]) -> SetScore:
    """Counts of one document's set of identifiers, compared exactly."""
    pred, true = set(predicted), set(truth)
    return SetScore(tp=len(pred & true), fp=len(pred - true), fn=len(true - pred))


def normalise_account(identifier: str) -> str:
    """An account identifier without white space, upper case."""
    return _WHITESPACE.sub("", identifier).upper()


def collapse_whitespace(text: str) -> str:
    """Runs of white space (form feeds and newlines included) to one space."""
    return _WHITESPACE.sub(" ", text)


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance (unit insert, delete, substitute) between two strings.

    Strips the common prefix and suffix, then runs Myers' bit-parallel algorithm
    (Hyyrö's formulation for the global distance) with Python integers as bit
    vectors: one pass over the longer string, O(n * m / 64) word operations.
    """
    start = 0
    limit = min(len(first), len(second))
    while start < limit and first[start] == second[start]:
        start += 1
    end_first, end_second = len(first), len(second)
    while end_first > start and end_second > start and first[end_first - 1] == second[end_second - 1]:
        end_first -= 1
        end_second -= 1
    text, pattern = first[start:end_first], second[start:end_second]
    if len(pattern) > len(text):
        text, pattern = pattern, text
    if not pattern:
        return len(text)
    return _bit_parallel_distance(text, pattern)


def _bit_parallel_distance(text: str, pattern: str) -> int:
    size = len(pattern)
    full = (1 << size) - 1
    top = 1 << (size - 1)
    peq: dict[str, int] = {}
    for position, char in enumerate(pattern):
        peq[char] = peq.get(char, 0) | (1 << position)
    plus, minus, score = full, 0, size
    for char in text:
        eq = peq.get(char, 0)
        xv = eq | minus
        xh = (((eq & plus) + plus) ^ plus) | eq
        hplus = minus | (~(xh | plus) & full)
        hminus = plus & xh
        if hplus & top:
            score += 1
        elif hminus & top:
            score -= 1
        hplus = ((hplus << 1) | 1) & full
        hminus = (hminus << 1) & full
        plus = hminus | (~(xv | hplus) & full)
        minus = hplus & xv
    return score


def score_text(predicted: str, truth: str) -> TextScore:
    """Edit distance of the collapsed texts, and the collapsed truth's length."""
    pred, true = collapse_whitespace(predicted), collapse_whitespace(truth)
    return TextScore(errors=edit_distance(pred, true), length=len(true), documents=1)


# --- documents and corpora ----------------------------------------------------------


def score_document(entry: ManifestEntry, prediction: Prediction | None) -> Figures:
    """The figures of one document; ``None`` or a prediction with ``error`` is a failure."""
    failed = prediction is None or prediction.error is not None
    pred = Prediction(id=entry.id, file=entry.file) if prediction is None or failed else prediction
    scores: dict[str, Score] = {}
    for key in ACCURACY_KEYS:
        true_value = getattr(entry, key)
        if true_value is not None:
            scores[key] = Accuracy(int(not failed and getattr(pred, key) == true_value), 1)
    for key in SET_KEYS:
        true_items = getattr(entry, key)
        if true_items is not None:
            scores[key] = score_sets(getattr(pred, key) or [], true_items)
    if entry.persons is not None:
        scores["persons"] = match_names(pred.persons or [], entry.persons)
    if entry.accounts is not None:
        scores["accounts"] = score_sets(
            {normalise_account(item) for item in pred.accounts or []},
            {normalise_account(item) for item in entry.accounts},
        )
    if "deadline" in entry.model_fields_set:
        scores["deadline"] = Accuracy(int(not failed and pred.deadline == entry.deadline), 1)
    if entry.text is not None:
        scores["text"] = score_text(pred.text or "", entry.text)
    seconds = prediction.seconds if prediction is not None and prediction.seconds is not None else 0.0
    speed = Speed(documents=1, failed=int(failed), pages=pred.pages or 0, seconds=seconds)
    return Figures(scores, speed, score_auto_routing(entry, None if failed else pred))


def score_auto_routing(entry: ManifestEntry, prediction: Prediction | None) -> AutoRouting:
    """Where one document went; ``None`` is a failed document.

    Not counted (all zero) without a true ``route_to`` or when the prediction does not
    say whether it ``needs_review``.
    """
    if entry.route_to is None:
        return AutoRouting()
    if prediction is None:
        return AutoRouting(documents=1)
    if prediction.needs_review is None:
        return AutoRouting()
    if prediction.needs_review:
        return AutoRouting(documents=1, review=1)
    return AutoRouting(documents=1, auto=1, auto_correct=int(prediction.route_to == entry.route_to))


def score_corpus(
    entries: Sequence[ManifestEntry],
    predictions: Iterable[Prediction],
    *,
    wall_seconds: float | None = None,
) -> Report:
    """Score every manifest entry against the prediction with its id (none: failed).

    Predictions whose id is not in ``entries`` are ignored.
    """
    by_id = {prediction.id: prediction for prediction in predictions}
    overall = Figures({}, Speed())
    by_kind: dict[str, Figures] = {}
    by_language: dict[str, Figures] = {}
    for entry in entries:
        figures = score_document(entry, by_id.get(entry.id))
        overall = overall + figures
        kind, language = entry.kind or "unknown", entry.language or "unknown"
        by_kind[kind] = by_kind.get(kind, Figures({}, Speed())) + figures
        by_language[language] = by_language.get(language, Figures({}, Speed())) + figures
    return Report(
        overall=overall,
        by_kind=dict(sorted(by_kind.items())),
        by_language=dict(sorted(by_language.items())),
        wall_seconds=wall_seconds,
    )
