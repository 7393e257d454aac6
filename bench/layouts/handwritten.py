"""Requests written by hand (handwritten/*.yaml), rendered into the corpus format.

Each file holds `text` (the request as a foreign authority wrote it; a line
holding only `---page---` starts a new page), `layout` (letter, form or fax:
only the typography changes) and the labels of FORMAT.md. route_to and notify
are not written by hand: they follow from the labels by bench.layouts.routing.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import yaml

from . import routing
from .doc import Document, PageBreak, Rule, Text
from .generate import LABEL_KEYS, write_document

HERE = Path(__file__).parent / "handwritten"


def to_document(h: dict) -> Document:
    layout = h.get("layout", "letter")
    d = Document(
        font={"letter": "serif", "form": "sans", "fax": "mono"}.get(layout, "sans")
        if h["language"] != "ar"
        else "sans",
        rtl=h["language"] == "ar",
    )
    for line in h["text"].rstrip("\n").split("\n"):
        if line.strip() == "---page---":
            d.add(PageBreak())
        elif line.strip() == "":
            continue
        elif line.strip() == "----":
            d.add(Rule())
        else:
            bold = line.isupper() and len(line) < 90
            d.add(Text(line, 10.5 if bold else 9.8, bold, gap=1.2))
    return d


def generate_handwritten(out: Path, seed: int = 14, scanned_share: float = 0.5) -> int:
    out.mkdir(parents=True, exist_ok=True)
    (out / "files").mkdir(exist_ok=True)
    directory = routing.load()
    n = 0
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as man:
        for path in sorted(HERE.glob("*.yaml")):
            h = yaml.safe_load(path.read_text(encoding="utf-8"))
            rid = "hw-" + path.stem
            rng = random.Random(f"{seed}/hw/{path.stem}")
            share = {"scanned": 1.0, "born_digital": 0.0}.get(h.get("render"), scanned_share)
            file, kind, text = write_document(
                out, rid, to_document(h), rng, share, fax_like=h.get("layout") == "fax"
            )
            lab = {k: h.get(k) for k in LABEL_KEYS if k not in ("route_to", "notify")}
            lab["deadline"] = str(lab["deadline"]) if lab.get("deadline") else None
            lab["route_to"], lab["notify"] = routing.route(lab, directory)
            man.write(
                json.dumps(
                    {
                        "id": rid,
                        "file": file,
                        "kind": kind,
                        **{k: lab[k] for k in LABEL_KEYS},
                        "text": text,
                        "family": h.get("family", "handwritten"),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            n += 1
    return n
