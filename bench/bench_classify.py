"""Classification, completeness and routing figures on a labelled corpus.

Input per document: the manifest's own ``text`` (pages split on form feeds, as text
layers) and language, and OFFENCE entities built from the manifest's offences, so that
classify/ is measured on its own. DATE entities come from extract.dates when it is
installed (the entity engineer's date rules), else there are none.

    .venv/bin/python bench/bench_classify.py [CORPUS] [--errors]
"""

from __future__ import annotations

import argparse
import functools
import json
import time
from collections import Counter
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", action="store_true", help="print every wrong prediction")
    args = parser.parse_args()
    entries = [json.loads(line) for line in (args.corpus / "manifest.jsonl").read_text().splitlines() if line]
    right: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    reviews = 0
    auto_right = 0
    directory = load_directory(DEFAULT_AUTHORITIES)
    resources = load_classify_resources()
    started = time.perf_counter()
    for entry in entries:
        predicted = predict(entry, directory, resources)
        reviews += bool(predicted["needs_review"])
        auto_right += not predicted["needs_review"] and predicted["route_to"] == entry.get("route_to")
        for key in ACCURACY:
            if key not in entry or (entry[key] is None and key != "deadline"):
                continue
            counted[key] += 1
            if predicted[key] == entry[key]:
                right[key] += 1
            elif args.errors:
                print(f"{entry['id']} {key}: predicted {predicted[key]!r}, true {entry[key]!r}")
        for key in SETS:
            if entry.get(key) is None:
                continue
            truth, guess = set(entry[key]), set(predicted[key])  # type: ignore[arg-type]
            tp[key] += len(truth & guess)
            fp[key] += len(guess - truth)
            fn[key] += len(truth - guess)
            if args.errors and truth != guess:
                print(f"{entry['id']} {key}: extra {sorted(guess - truth)}, missed {sorted(truth - guess)}")
    seconds = time.perf_counter() - started
    print(f"{len(entries)} documents, {seconds:.1f} s, {reviews} sent to review")
    auto = len(entries) - reviews
    print(
        f"auto-routed        share {auto / len(entries):.3f}  accuracy "
        f"{auto_right / auto if auto else 0.0:.3f}  ({auto_right}/{auto}); "
        f"review share {reviews / len(entries):.3f}"
    )
    for key in ACCURACY:
        if counted[key]:
            print(f"{key:18} accuracy {right[key] / counted[key]:.3f}  ({right[key]}/{counted[key]})")
    for key in SETS:
        precision = tp[key] / (tp[key] + fp[key]) if tp[key] + fp[key] else 1.0
        recall = tp[key] / (tp[key] + fn[key]) if tp[key] + fn[key] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{key:18} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
