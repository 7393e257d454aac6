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
``--by-family`` prints accounts and organisations per family of request (the id's
head: "eio-en-01" is an "eio") besides per language.

Organisations are scored against the manifest's ``organisations`` when it has them,
else against the companies and banks of the layouts generator (``bench.layouts.world``)
that the manifest's text names: a partial truth, since public bodies are not in it.
A predicted organisation is then a false one only when it is a true one with words cut
off or run on ("Lindmark National", "Lindmark National Bank Declan"); the others are
listed by ``--errors`` (as "?") but not scored.
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
from rogatory.folding import fold_plain
from rogatory.records import DocumentText, Entities, EntityKind, PageText, TextSource
from rogatory.scoring import SetScore, match_names, names_match, normalise_account, score_sets

try:
    from bench.layouts import world
except ModuleNotFoundError:  # run as a script: bench/ itself is on the path
    from layouts import world  # type: ignore[no-redef,import-not-found]

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")
DEADLINE_ROLES = frozenset({"deadline", "hearing", "limitation", "detention"})
#: A bracket at the end of a line, nested brackets of up to five characters inside.
LINE_END_BRACKET = re.compile(r"[ \t]*\((?:[^()\n]|\([^()\n]{0,5}\))+\)(?=[ \t]*\n)")
#: The generator's organisations, the truth of a manifest without ``organisations``.
KNOWN_ORGANISATIONS = tuple(world.BANKS) + tuple(name for names in world.COMPANIES.values() for name in names)
#: A generated request's id: its family, its language, its number ("freezing-ru-02").
FAMILY_ID = re.compile(r"(.+)-[a-z]{2}-\d+")


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
    parser.add_argument("--by-family", action="store_true", help="accounts and organisations per family")
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
    family_scores: dict[str, dict[str, SetScore]] = defaultdict(lambda: defaultdict(SetScore))
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
        organisations = {e.value for e in entities.of_kind(EntityKind.ORGANISATION)}
        true_organisations = true_organisations_of(entry)
        organisation_score, other_organisations = score_organisations(organisations, true_organisations)
        if args.errors:
            _print_errors(entry, persons, accounts, offences)
            _print_organisation_errors(entry, organisations, true_organisations, other_organisations)
        account_score = score_sets(accounts, {normalise_account(a) for a in entry["accounts"]})
        for language in (entry["language"], "all"):
            bucket = scores[language]
            bucket["persons"] += match_names(persons, entry["persons"])
            bucket["accounts"] += account_score
            bucket["offences"] += score_sets(offences, entry["offences"])
            bucket["organisations"] += organisation_score
            deadline[language][0] += deadline_candidate(entities) == entry.get("deadline")
            deadline[language][1] += 1
        family = FAMILY_ID.fullmatch(str(entry["id"]))
        family_scores[family.group(1) if family else "-"]["accounts"] += account_score
        family_scores[family.group(1) if family else "-"]["organisations"] += organisation_score
    _print_tables(scores, deadline, family_scores if args.by_family else None)
    print(f"find_entities: {seconds:.2f} s for {len(entries)} documents")


def _print_tables(
    scores: dict[str, dict[str, SetScore]],
    deadline: dict[str, list[int]],
    family_scores: dict[str, dict[str, SetScore]] | None,
) -> None:
    kinds = ("persons", "accounts", "offences", "organisations")
    print(f"{'lang':<5} {'docs':>4}  " + " ".join(f"{kind + ' P/R/F1':<20}" for kind in kinds) + " deadline")
    for language in sorted(scores, key=lambda name: (name == "all", name)):
        cells = " ".join(f"{_cell(scores[language][kind]):<20}" for kind in kinds)
        right, total = deadline[language]
        print(f"{language:<5} {total:>4}  {cells} {right / total:.3f}")
    if family_scores is not None:
        print(f"{'family':<22} {'accounts P/R/F1':<20} organisations P/R/F1")
        for family_name in sorted(family_scores):
            bucket = family_scores[family_name]
            print(f"{family_name:<22} {_cell(bucket['accounts']):<20} {_cell(bucket['organisations'])}")


def true_organisations_of(entry: dict[str, Any]) -> set[str]:
    """The organisations a manifest entry names (see the module docstring)."""
    if "organisations" in entry:
        return {str(name) for name in entry["organisations"]}
    text = _organisation_key(str(entry.get("text") or ""))
    return {name for name in KNOWN_ORGANISATIONS if f" {_organisation_key(name)} " in f" {text} "}


def score_organisations(predicted: set[str], truth: set[str]) -> tuple[SetScore, set[str]]:
    """Counts of one document's organisations, and the predicted ones left unscored.

    Names match after :func:`_organisation_key` (case, accents, punctuation). A
    prediction that is a true name cut or run on is false; any other is returned
    apart (a public body, a name outside the partial truth).
    """
    keys = {_organisation_key(name) for name in predicted}
    true = {_organisation_key(name) for name in truth}
    false = {key for key in keys - true if any(_cut_or_run_on(key, name) for name in true)}
    other = {name for name in predicted if _organisation_key(name) not in true | false}
    return SetScore(tp=len(keys & true), fp=len(false), fn=len(true - keys)), other


def _cut_or_run_on(key: str, true: str) -> bool:
    """Whether one of two names is the other with words cut off or run on."""
    return f" {key} " in f" {true} " or f" {true} " in f" {key} "


def _organisation_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold_plain(name).casefold()).split())


def _print_organisation_errors(
    entry: dict[str, Any], predicted: set[str], truth: set[str], other: set[str]
) -> None:
    keys = {_organisation_key(name) for name in truth}
    extra = sorted(name for name in predicted - other if _organisation_key(name) not in keys)
    found = {_organisation_key(name) for name in predicted}
    missed = sorted(name for name in truth if _organisation_key(name) not in found)
    if extra or missed or other:
        head = f"{entry['id']} {entry['language']} {entry.get('kind', '')}"
        print(f"{head} organisations: +{extra} -{missed} ?{sorted(other)}")


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
