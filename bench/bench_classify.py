"""Classification, completeness and routing figures on a labelled corpus.

Input per document: the manifest's own ``text`` (pages split on form feeds, as text
layers) and language, and OFFENCE entities built from the manifest's offences, so that
classify/ is measured on its own. DATE entities come from extract.dates when it is
installed (the entity engineer's date rules), else there are none.

    .venv/bin/python bench/bench_classify.py [CORPUS] [--errors] [--by-family]
"""

from __future__ import annotations

import argparse
import functools
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from classify.completeness import check_completeness
from classify.directory import Directory, load_directory
from classify.request import classify_request
from classify.resources import ClassifyResources, load_classify_resources
from classify.routing import route
from extract.structure import read_structure
from rogatory.records import DocumentText, Entities, Entity, EntityKind, PageText, Span, TextSource
from rogatory.settings import DEFAULT_AUTHORITIES

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")
ACCURACY = ("request_type", "proceeding_type", "requesting_state", "urgent", "route_to", "deadline")
SETS = ("measures", "legal_basis", "missing_elements", "notify")


def document_text(entry: dict[str, object]) -> DocumentText:
    pages = str(entry["text"]).split("\f")
    text = DocumentText(
        pages=tuple(
            PageText(number=i, text=page, source=TextSource.TEXT_LAYER, confidence=1.0)
            for i, page in enumerate(pages, start=1)
        ),
        language=str(entry["language"]),
    )
    return text.model_copy(update={"structure": read_structure(text)})


def entities_for(entry: dict[str, object], text: DocumentText) -> Entities:
    offences = [
        Entity(
            kind=EntityKind.OFFENCE,
            value=str(value),
            span=Span(page=1, start=0, end=0, text=""),
            method="manifest",
            confidence=1.0,
        )
        for value in entry.get("offences") or []  # type: ignore[attr-defined]
    ]
    return Entities(items=(*offences, *dates_for(text)))


@functools.cache
def _date_rules() -> object:
    try:
        from extract.dates import load_date_rules
    except ImportError:
        return None
    return load_date_rules()


def dates_for(text: DocumentText) -> list[Entity]:
    rules = _date_rules()
    if rules is None:
        return []
    from extract.dates import find_dates

    return [
        entity
        for page in text.pages
        for entity in find_dates(page.text, page=page.number, language=text.language, rules=rules)
    ]


def predict(
    entry: dict[str, object], directory: Directory, resources: ClassifyResources
) -> dict[str, object]:
    text = document_text(entry)
    entities = entities_for(entry, text)
    classification = classify_request(text, entities, resources=resources)
    completeness = check_completeness(
        text,
        entities,
        classification,
        accepted_languages=directory.accepted_languages,
        lexicons=resources.lexicons,
    )
    decision = route(classification, completeness, directory, text=text, review_threshold=0.5)
    return {
        "request_type": classification.request_type.value,
        "proceeding_type": classification.proceeding_type.value,
        "requesting_state": classification.requesting_state.value
        if classification.requesting_state
        else None,
        "urgent": classification.urgent.value == "true",
        "deadline": classification.deadline.isoformat() if classification.deadline else None,
        "measures": classification.values("measures"),
        "legal_basis": classification.values("legal_basis"),
        "missing_elements": completeness.missing,
        "route_to": decision.route_to,
        "notify": sorted(decision.notify),
        "needs_review": decision.needs_review,
    }


@dataclass
class Tally:
    """Right and wrong predictions of one group of documents (a corpus or one family)."""

    documents: int = 0
    reviews: int = 0
    auto_right: int = 0
    right: Counter[str] = field(default_factory=Counter)
    counted: Counter[str] = field(default_factory=Counter)
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, entry: dict[str, object], predicted: dict[str, object]) -> list[str]:
        """Count one document; return its errors as printable lines."""
        errors: list[str] = []
        self.documents += 1
        self.reviews += bool(predicted["needs_review"])
        self.auto_right += not predicted["needs_review"] and predicted["route_to"] == entry.get("route_to")
        for key in ACCURACY:
            if key not in entry or (entry[key] is None and key != "deadline"):
                continue
            self.counted[key] += 1
            if predicted[key] == entry[key]:
                self.right[key] += 1
            else:
                errors.append(f"{entry['id']} {key}: predicted {predicted[key]!r}, true {entry[key]!r}")
        for key in SETS:
            if entry.get(key) is None:
                continue
            truth, guess = set(entry[key]), set(predicted[key])  # type: ignore[call-overload]
            self.tp[key] += len(truth & guess)
            self.fp[key] += len(guess - truth)
            self.fn[key] += len(truth - guess)
            if truth != guess:
                errors.append(
                    f"{entry['id']} {key}: extra {sorted(guess - truth)}, missed {sorted(truth - guess)}"
                )
        return errors

    def auto(self) -> str:
        auto = self.documents - self.reviews
        accuracy = self.auto_right / auto if auto else 0.0
        return (
            f"share {auto / self.documents:.3f}  accuracy {accuracy:.3f}  ({self.auto_right}/{auto}); "
            f"review share {self.reviews / self.documents:.3f}"
        )

    def accuracy(self, key: str) -> float | None:
        return self.right[key] / self.counted[key] if self.counted[key] else None

    def prf(self, key: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[key], self.fp[key], self.fn[key]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def print(self) -> None:
        print(f"auto-routed        {self.auto()}")
        for key in ACCURACY:
            value = self.accuracy(key)
            if value is not None:
                print(f"{key:18} accuracy {value:.3f}  ({self.right[key]}/{self.counted[key]})")
        for key in SETS:
            precision, recall, f1 = self.prf(key)
            print(f"{key:18} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")

    def line(self, name: str) -> str:
        """One row: documents, route, proceeding, urgent, missing F1 (P), auto share/accuracy."""
        cells = [f"{name:22} {self.documents:3}"]
        for key in ("route_to", "proceeding_type", "urgent", "deadline"):
            value = self.accuracy(key)
            cells.append(f"{value:.3f}" if value is not None else "  -  ")
        precision, _, f1 = self.prf("missing_elements")
        auto = self.documents - self.reviews
        cells.append(f"{f1:.3f} ({precision:.3f})")
        cells.append(f"{auto / self.documents:.3f} / {self.auto_right / auto if auto else 0.0:.3f}")
        return "  ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", action="store_true", help="print every wrong prediction")
    parser.add_argument(
        "--by-family", action="store_true", help="one row per manifest `family` (or `kind` when absent)"
    )
    args = parser.parse_args()
    entries = [json.loads(line) for line in (args.corpus / "manifest.jsonl").read_text().splitlines() if line]
    total = Tally()
    families: dict[str, Tally] = {}
    directory = load_directory(DEFAULT_AUTHORITIES)
    resources = load_classify_resources()
    started = time.perf_counter()
    for entry in entries:
        predicted = predict(entry, directory, resources)
        errors = total.add(entry, predicted)
        families.setdefault(str(entry.get("family") or entry.get("kind")), Tally()).add(entry, predicted)
        if args.errors:
            for error in errors:
                print(error)
    seconds = time.perf_counter() - started
    print(f"{len(entries)} documents, {seconds:.1f} s, {total.reviews} sent to review")
    total.print()
    if args.by_family:
        print(f"{'family':22}   n  route  proc.  urgent deadl. missing F1 (P)  auto share / acc.")
        for name in sorted(families):
            print(families[name].line(name))


if __name__ == "__main__":
    main()
