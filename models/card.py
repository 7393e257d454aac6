"""Score a trained pipeline on its development split and write its card into meta.json.

    /work/main/.venv/bin/python models/card.py LANG [--seconds N] [--data /work/data/ner]
    /work/main/.venv/bin/python models/card.py --score PIPELINE DEV.spacy [DEV.spacy ...]

Reads $DATA/out/LANG/model-best and $DATA/LANG/{dev.spacy,stats.json}; writes into
model-best/meta.json: name, version, sources (corpus, licence, repository commit, paths, split,
sentences, tokens, PER/ORG mentions), the label mapping, training time, size and the
development-split P/R/F1 per label (exact mention match, spaCy's scorer); prints the card as
JSON and writes it to $DATA/out/LANG.card.json with the pipeline's sha256 (a manifest hash:
sha256 over the lines "<sha256>  <relative path>" of every file, sorted by path, as
`find . -type f | sort | xargs sha256sum | sha256sum` gives in model-best).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).resolve().parent))
import convert


def manifest_sha256(root: Path) -> str:
    lines = []
    for p in sorted(root.rglob("*"), key=lambda p: "./" + p.relative_to(root).as_posix()):
        if p.is_file():
            h = hashlib.sha256(p.read_bytes()).hexdigest()
            lines.append(f"{h}  ./{p.relative_to(root).as_posix()}\n")
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def size_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def score_file(nlp, path: Path) -> dict:
    """P/R/F1 per label of ``nlp`` on a DocBin of gold documents, their text re-tokenised."""
    docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    sc = nlp.evaluate([Example(nlp.make_doc(d.text), d) for d in docs])
    return {
        k: {m: round(v[m], 4) for m in ("p", "r", "f")} for k, v in (sc.get("ents_per_type") or {}).items()
    }


def score_only(pipeline: Path, dev_files: list[Path]) -> int:
    """Print the scores of a kept pipeline on dev files of any language (no card is written):
    how far a pipeline reaches beyond the language it was trained for."""
    nlp = spacy.load(str(pipeline))  # a folder or an installed package name
    for path in dev_files:
        print(json.dumps({"pipeline": str(pipeline), "dev": str(path), "per_type": score_file(nlp, path)}))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("lang", nargs="?")
    ap.add_argument("--seconds", type=int, default=None)
    ap.add_argument("--data", default="/work/data/ner", type=Path)
    ap.add_argument("--score", nargs="+", type=Path, metavar=("PIPELINE", "DEV"),
                    help="only score PIPELINE on the DEV DocBins, write nothing")  # fmt: skip
    a = ap.parse_args(argv)
    if a.score:
        return score_only(a.score[0], a.score[1:])
    if not a.lang:
        ap.error("LANG is needed unless --score is given")
    best = a.data / "out" / a.lang / "model-best"
    stats = json.loads((a.data / a.lang / "stats.json").read_text())
    nlp = spacy.load(best)
    dev = list(DocBin().from_disk(a.data / a.lang / "dev.spacy").get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in dev]
    t0 = time.perf_counter()
    scores = nlp.evaluate(examples, batch_size=nlp.batch_size)
    secs = time.perf_counter() - t0
    words = sum(len(d) for d in dev)
    per_type = {
        k: {m: round(v[m], 4) for m in ("p", "r", "f")}
        for k, v in (scores.get("ents_per_type") or {}).items()
    }
    per_source = {}
    for name, fname in stats.get("dev_files", {}).items():
        per_source[name] = score_file(nlp, a.data / a.lang / fname)
    # sets read only to measure (never trained on, not a source of the pipeline): scored apart
    measured = {
        name: score_file(nlp, a.data / a.lang / fname)
        for name, fname in stats.get("measure_files", {}).items()
    }
    cfg_seed = nlp.config["system"]["seed"]
    labels_used = sorted({s["labels"] for s in convert.SOURCES[a.lang]})
    meta_path = best / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        {
            "name": f"rogatory_ner_{a.lang}",
            "version": "0.1.0",
            "description": (
                f"Persons (PER) and organisations (ORG) for {a.lang}: tok2vec CNN + ner, "
                "no pretrained vectors, trained by Rogatory (issue 15) from the "
                "permissively licensed corpora listed in 'sources'."
            ),
            "author": "Rogatory",
            "license": " + ".join(sorted({s["licence"] for s in stats["sources"] if s["used"]})),
            "sources": [
                {
                    "repeat": s.get("repeat", 1),
                    **{
                        k: s[k]
                        for k in (
                            "name",
                            "repo",
                            "commit",
                            "path",
                            "licence",
                            "split",
                            "from",
                            "sentences",
                            "tokens",
                            "PER",
                            "ORG",
                        )
                    },
                }
                for s in stats["sources"]
                if s["used"]
            ],
            "label_mapping": {k: convert.LABELS[k] for k in labels_used},
            "training": {
                "seed": cfg_seed,
                "seconds": a.seconds,
                "threads": 1,
                "command": f"models/train.sh {a.lang}",
                "train": stats["train"],
                "dev": stats["dev"],
            },
            "dev_scores": {
                "ents_p": round(scores["ents_p"], 4),
                "ents_r": round(scores["ents_r"], 4),
                "ents_f": round(scores["ents_f"], 4),
                "per_type": per_type,
                "per_type_by_corpus": per_source,
                "words_per_second_1_thread": round(words / secs),
            },
            "measure_scores": measured,
        }
    )
    meta.pop("performance", None)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    card = {"lang": a.lang, "size_bytes": size_bytes(best), "sha256": manifest_sha256(best), "meta": meta}
    (a.data / "out" / f"{a.lang}.card.json").write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n")
    print(
        json.dumps(
            {
                "lang": a.lang,
                "size_bytes": card["size_bytes"],
                "sha256": card["sha256"],
                "seconds": a.seconds,
                "dev": meta["dev_scores"],
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
