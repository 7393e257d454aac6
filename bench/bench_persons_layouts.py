"""Persons F1 per language on the generated layout corpora, from their stored text.

    PYTHONPATH=. .venv/bin/python bench/bench_persons_layouts.py [FAMILY ...] [--json OUT]

For each family (``/work/data/layouts/<family>``: ``manifest.jsonl`` the truth,
``<family>.pred.jsonl`` the service's predictions with each document's text, pages
joined by form feeds), ``find_entities`` is run again on that stored text (the OCR is
not redone: the text stage does not change with the entity rules) and persons are
scored as ``rogatory eval`` scores them (:func:`rogatory.scoring.match_names`).
Printed: persons P, R, F1 per family and language, and the stored predictions' F1.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from extract.engines import load_entity_models
from extract.entities import find_entities
from rogatory.records import DocumentText, EntityKind, PageText, TextSource
from rogatory.scoring import SetScore, match_names

ROOT = Path("/work/data/layouts")
FAMILIES = ("eio", "eaw", "model_form", "letter_rogatory", "note_verbale", "fax", "translation")


def _document(prediction: dict[str, object], kind: str) -> DocumentText:
    source = TextSource.TEXT_LAYER if kind == "born_digital" else TextSource.OCR
    language = str(prediction["language"]) if prediction.get("language") else None
    pages = tuple(
        PageText(number=number, text=text, source=source, confidence=1.0, language=language)
        for number, text in enumerate(str(prediction["text"]).split("\f"), start=1)
    )
    return DocumentText(pages=pages, language=language)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("families", nargs="*", default=list(FAMILIES))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show", action="store_true", help="print each document's errors")
    args = parser.parse_args()
    models = load_entity_models()
    figures: dict[str, dict[str, dict[str, float | int | None]]] = {}
    overall: dict[str, SetScore] = defaultdict(SetScore)
    for family in args.families:
        truth = {row["id"]: row for row in map(json.loads, (ROOT / family / "manifest.jsonl").open())}
        now: dict[str, SetScore] = defaultdict(SetScore)
        stored: dict[str, SetScore] = defaultdict(SetScore)
        for prediction in map(json.loads, (ROOT / f"{family}.pred.jsonl").open()):
            entry = truth[prediction["id"]]
            language = entry["language"]
            entities = find_entities(_document(prediction, entry["kind"]), models=models)
            persons = sorted({e.value for e in entities.of_kind(EntityKind.PERSON)})
            score = match_names(persons, entry["persons"])
            for key in (language, "all"):
                now[key] += score
                stored[key] += match_names(prediction["persons"], entry["persons"])
            overall[language] += score
            overall["all"] += score
            if args.show and (score.fp or score.fn):
                print(f"  {prediction['id']}: found {persons}, true {entry['persons']}")
        figures[family] = {key: now[key].as_dict() for key in sorted(now)}
        for key in sorted(now):
            print(f"{family:16} {key:4} {_line(now[key])}   stored F1 {_f1(stored[key])}")
    figures["overall"] = {key: overall[key].as_dict() for key in sorted(overall)}
    for key in sorted(overall):
        print(f"{'overall':16} {key:4} {_line(overall[key])}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


def _f1(score: SetScore) -> str:
    return "-" if score.f1 is None else f"{score.f1:.3f}"


def _line(score: SetScore) -> str:
    return f"F1 {_f1(score)}  (tp {score.tp}, fp {score.fp}, fn {score.fn})"


if __name__ == "__main__":
    main()
