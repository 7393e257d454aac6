"""python -m bench.layouts.merge OUT_DIR CORPUS... [--score]

Merges per-family corpora into one (manifest lines concatenated, files hard-linked),
which is the corpus `generate OUT_DIR` writes for the same seed. With --score, also
concatenates each CORPUS's sibling CORPUS.pred.jsonl into OUT_DIR.pred.jsonl and
scores it with the service's own scorer (rogatory.scoring), writing OUT_DIR.eval.json:
the figures of the merged corpus without running the pipeline twice.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("corpora", type=Path, nargs="+")
    ap.add_argument("--score", action="store_true")
    a = ap.parse_args(argv)
    (a.out / "files").mkdir(parents=True, exist_ok=True)
    lines, preds = [], []
    for c in a.corpora:
        for line in (c / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            src, dst = c / row["file"], a.out / row["file"]
            if not dst.exists():
                try:
                    os.link(src, dst)
                except OSError:
                    shutil.copy2(src, dst)
            lines.append(line)
        p = c.parent / f"{c.name}.pred.jsonl"
        if a.score and p.exists():
            preds += p.read_text(encoding="utf-8").splitlines()
    (a.out / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} documents in {a.out}")
    if a.score:
        from rogatory.scoring import ManifestEntry, Prediction, score_corpus

        pred_path = a.out.parent / f"{a.out.name}.pred.jsonl"
        pred_path.write_text("\n".join(preds) + "\n", encoding="utf-8")
        report = score_corpus(
            [ManifestEntry.model_validate_json(l) for l in lines],
            [Prediction.model_validate_json(l) for l in preds],
        )
        (a.out.parent / f"{a.out.name}.eval.json").write_text(
            json.dumps(report.as_dict(), indent=1), encoding="utf-8"
        )
        print(f"scored {len(preds)} predictions into {a.out.parent / (a.out.name + '.eval.json')}")


if __name__ == "__main__":
    main()
