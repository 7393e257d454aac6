"""python -m bench.bench_checkboxes LAYOUTS_DIR [FAMILY ...]

Tick boxes drawn on the scans of the layouts corpora (bench/layouts): the boxes each
document was drawn with (its blocks regenerated from the seed) against those
extract/checkboxes.py finds on its page images, without OCR (the word height is taken
from the page's width). Count-based per document and state: a found box of the right
state matches a drawn one. Prints precision, recall and milliseconds per page; scans
without drawn boxes count their false boxes.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from bench.layouts.doc import Boxes
from bench.layouts.families import RENDER
from bench.layouts.model import sample
from extract.checkboxes import find_boxes
from extract.text import TextOptions, page_sources
from rogatory.records import BoxState
from rogatory.sources import MediaType, SourceFile

STATES = {
    "empty": BoxState.UNTICKED,
    "ticked": BoxState.TICKED,
    "crossed": BoxState.TICKED,
    "filled": BoxState.TICKED,
}


def drawn_states(row: dict[str, object], seed: int = 14, scanned_share: float = 0.5) -> Counter[BoxState]:
    """The states of the boxes drawn on a document, as bench/layouts/generate.py drew them."""
    fam, lang, index = str(row["family"]), str(row["language"]), int(str(row["id"]).rsplit("-", 1)[1]) - 1
    rng = random.Random(f"{seed}/{fam}/{lang}/{index}")
    kw: dict[str, object] = {}
    if fam in ("eio", "eaw"):
        kw["eu_only"] = True
    if fam == "eaw":
        kw["request_type"] = "extradition"
    if fam in ("eio", "letter_rogatory", "translation"):
        kw["request_type"] = "mla"
    req = sample(rng, str(row["id"]), lang, fam, **kw)
    if fam == "eio" and req.proceeding_type == "civil":
        req.proceeding_type = "administrative"
    if fam in ("eio", "eaw"):
        req.legal_basis = sorted({"regional"} | ({"uncac"} if rng.random() < 0.3 else set()))
    if fam == "translation":
        req.translated_to = rng.choice([code for code in ("en", "fr", "es") if code != lang])
    rng.random()
    rng.random()
    doc = RENDER[fam](req, rng, drawn=True)
    return Counter(
        STATES[state] for b in doc.blocks if isinstance(b, Boxes) and b.drawn for _, state in b.options
    )


def main(argv: list[str]) -> None:
    root, families = Path(argv[0]), argv[1:] or ["eio", "eaw", "model_form", "fax"]
    truth_total = found_total = matched_total = pages = false_boxes = 0
    seconds = 0.0
    for family in families:
        for line in (root / family / "manifest.jsonl").read_text().splitlines():
            row = json.loads(line)
            if row["kind"] == "born_digital":
                continue
            path = root / family / row["file"]
            media = {".pdf": MediaType.PDF, ".png": MediaType.PNG, ".jpg": MediaType.JPEG}.get(
                path.suffix, MediaType.TIFF
            )
            found: Counter[BoxState] = Counter()
            for page in page_sources(
                SourceFile(data=path.read_bytes(), media_type=media, name=path.name), TextOptions()
            ):
                if page.image is None:
                    continue
                page.image.load()
                start = time.perf_counter()
                found.update(box.state for box in find_boxes(page.image, []))
                seconds += time.perf_counter() - start
                pages += 1
            truth = drawn_states(row) if row["drawn_boxes"] else Counter()
            matched = sum((truth & found).values())
            truth_total, found_total, matched_total = (
                truth_total + sum(truth.values()),
                found_total + sum(found.values()),
                matched_total + matched,
            )
            false_boxes += 0 if row["drawn_boxes"] else sum(found.values())
            print(row["id"], dict(truth), dict(found), file=sys.stderr)
    print(f"drawn {truth_total} found {found_total} matched (box and state) {matched_total}")
    print(
        f"precision {matched_total / max(found_total, 1):.3f}",
        f"recall {matched_total / max(truth_total, 1):.3f}",
    )
    print(
        f"boxes on scans without drawn boxes: {false_boxes};",
        f"{1000 * seconds / max(pages, 1):.1f} ms a page ({pages} pages)",
    )


if __name__ == "__main__":
    main(sys.argv[1:])
