"""Measure entity extraction on a labelled corpus, from the manifest's exact text (no OCR).

    .venv/bin/python bench/bench_entities.py [CORPUS] [--no-models] [--predictions FILE]
        [--errors] [--language CODE] [--strip-roles]

With ``--predictions`` (the predictions.jsonl of a ``rogatory eval`` run) the text is
the one that run read (OCR on scanned and image documents) instead of the manifest's.

Prints, per language and overall: persons, accounts and offences precision / recall /
F1 (persons matched as rogatory.scoring does), and the accuracy of a deadline
candidate: the earliest date with a deadline, hearing, limitation or detention role
(no such date means no deadline). Then the seconds spent in find_entities.
``--errors`` also prints, per document, the persons, accounts and offences predicted
but not true (+) and true but not predicted (-); ``--language`` keeps one language.
``--strip-roles`` deletes every bracket that ends a line ("Name SURNAME (suspect)")
before extraction, as a scan may lose it: what the other person rules find alone.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from extract.engines import load_entity_models
from extract.entities import find_entities
from extract.structure import read_structure
from rogatory.records import DocumentText, Entities, EntityKind, PageText, TextSource
from rogatory.scoring import SetScore, match_names, names_match, normalise_account, score_sets

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")
DEADLINE_ROLES = frozenset({"deadline", "hearing", "limitation", "detention"})
#: A bracket at the end of a line, nested brackets of up to five characters inside.
LINE_END_BRACKET = re.compile(r"[ \t]*\((?:[^()\n]|\([^()\n]{0,5}\))+\)(?=[ \t]*\n)")


def document_text(entry: dict[str, object], read: dict[str, object] | None = None) -> DocumentText:
    """The text as the text stage would give it: one page per form feed, with its structure.

    The manifest's text, or with ``read`` (a prediction of an eval run) the text that
    run read, as OCR text unless the document is born digital.
    """
    pages = str((read or entry)["text"]).split("\f")
    language = str(entry["language"]) if entry.get("language") else None
    source = (
        TextSource.OCR if read is not None and entry.get("kind") != "born_digital" else TextSource.TEXT_LAYER
    )
    document = DocumentText(
        pages=tuple(
            PageText(number=number, text=page, source=source, confidence=1.0, language=language)
            for number, page in enumerate(pages, start=1)
        ),
        language=language,
    )
    return document.model_copy(update={"structure": read_structure(document)})


def deadline_candidate(entities: Entities) -> str | None:
    """The earliest date whose role bounds the execution, in ISO form."""
    dates = [e.value for e in entities.of_kind(EntityKind.DATE) if e.attributes.get("role") in DEADLINE_ROLES]
    return min(dates, default=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-models", action="store_true", help="rules only, no spaCy")
    parser.add_argument("--predictions", type=Path, help="read text of a rogatory eval run")
    parser.add_argument("--errors", action="store_true", help="print each document's misses")
    parser.add_argument("--language", help="only the documents of this language")
    parser.add_argument("--strip-roles", action="store_true", help="delete brackets that end a line")
    args = parser.parse_args()
    entries = [json.loads(line) for line in (args.corpus / "manifest.jsonl").read_text().splitlines() if line]
    if args.language:
        entries = [entry for entry in entries if entry["language"] == args.language]
    reads: dict[str, dict[str, object]] = {}
    if args.predictions is not None:
        lines = args.predictions.read_text(encoding="utf-8").splitlines()
        reads = {read["id"]: read for read in map(json.loads, lines) if read.get("text") is not None}
        entries = [entry for entry in entries if entry["id"] in reads]
    models = load_entity_models(use_ner_models=not args.no_models)
    scores: dict[str, dict[str, SetScore]] = defaultdict(lambda: defaultdict(SetScore))
    deadline: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    seconds = 0.0
    for entry in entries:
        text = document_text(entry, reads.get(entry["id"]))
        if args.strip_roles:
            text = _without_line_end_brackets(text)
        started = time.perf_counter()
        entities = find_entities(text, models=models)
        seconds += time.perf_counter() - started
        persons = {e.value for e in entities.of_kind(EntityKind.PERSON)}
        accounts = {
            normalise_account(e.value)
            for e in entities.of_kind(EntityKind.ACCOUNT)
            if e.attributes.get("valid") != "false"
        }
        offences = {e.value for e in entities.of_kind(EntityKind.OFFENCE)}
        if args.errors:
            _print_errors(entry, persons, accounts, offences)
        for language in (entry["language"], "all"):
            bucket = scores[language]
            bucket["persons"] += match_names(persons, entry["persons"])
            bucket["accounts"] += score_sets(accounts, {normalise_account(a) for a in entry["accounts"]})
            bucket["offences"] += score_sets(offences, entry["offences"])
            deadline[language][0] += deadline_candidate(entities) == entry.get("deadline")
            deadline[language][1] += 1
    headings = ("persons P/R/F1", "accounts P/R/F1", "offences P/R/F1")
    print(f"{'lang':<5} {'docs':>4}  " + " ".join(f"{heading:<20}" for heading in headings) + " deadline")
    for language in sorted(scores, key=lambda name: (name == "all", name)):
        cells = [_cell(scores[language][key]) for key in ("persons", "accounts", "offences")]
        right, total = deadline[language]
        print(f"{language:<5} {total:>4}  {cells[0]:<20} {cells[1]:<20} {cells[2]:<20} {right / total:.3f}")
    print(f"find_entities: {seconds:.2f} s for {len(entries)} documents")


def _without_line_end_brackets(text: DocumentText) -> DocumentText:
    pages = tuple(
        page.model_copy(update={"text": LINE_END_BRACKET.sub("", page.text)}) for page in text.pages
    )
    return text.model_copy(update={"pages": pages})


def _print_errors(entry: dict[str, Any], persons: set[str], accounts: set[str], offences: set[str]) -> None:
    """One line per kind with a miss: "+" predicted, not true; "-" true, not predicted."""
    true_accounts = {normalise_account(a) for a in entry["accounts"]}
    misses = {
        "persons": (
            sorted(p for p in persons if not any(names_match(p, t) for t in entry["persons"])),
            sorted(t for t in entry["persons"] if not any(names_match(p, t) for p in persons)),
        ),
        "accounts": (sorted(accounts - true_accounts), sorted(true_accounts - accounts)),
        "offences": (sorted(offences - set(entry["offences"])), sorted(set(entry["offences"]) - offences)),
    }
    for kind, (extra, missed) in misses.items():
        if extra or missed:
            print(f"{entry['id']} {entry['language']} {entry.get('kind', '')} {kind}: +{extra} -{missed}")


def _cell(score: SetScore) -> str:
    return "/".join(
        "-" if value is None else f"{value:.3f}" for value in (score.precision, score.recall, score.f1)
    )


if __name__ == "__main__":
    main()
