"""python -m bench.layouts.generate OUT_DIR [--families a,b] [--languages en,fr] [--per-cell N]
[--seed S] [--scanned-share 0.5] [--handwritten]

Writes a labelled corpus in ../shared/corpus/FORMAT.md's format: OUT_DIR/manifest.jsonl
and OUT_DIR/files/. Deterministic for a seed: each document's randomness comes from
(seed, family, language, index) only, so one family generated alone gives the same
documents as in the full run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from . import routing
from .doc import degrade, harsh, rasterize, render_pdf, save_scan
from .families import FAMILIES, FAMILY_LANGS, RENDER
from .freezing import EU as FREEZING_EU
from .freezing import prepare as prepare_freezing
from .hague import prepare as prepare_hague
from .model import sample

LABEL_KEYS = [
    "language",
    "request_type",
    "proceeding_type",
    "measures",
    "offences",
    "legal_basis",
    "requesting_state",
    "persons",
    "accounts",
    "urgent",
    "deadline",
    "missing_elements",
    "route_to",
    "notify",
]


def write_document(
    out: Path, rid: str, doc, rng: random.Random, scanned_share: float, fax_like=False, harsh_scan=False
):
    """Render doc to a born-digital PDF or a scan; returns (file relative to out, kind, text).

    ``harsh_scan``: scanned at 150 to 240 dpi and degraded by ``doc.harsh`` (uneven light,
    skew, fax thresholding or heavy JPEG) instead of ``degrade``."""
    pdf, text = render_pdf(doc)
    files = out / "files"
    if rng.random() >= scanned_share:
        p = files / f"{rid}.pdf"
        p.write_bytes(pdf)
        return f"files/{p.name}", "born_digital", text
    if harsh_scan:
        dpi = rng.choice([150, 200, 240])
        pages = [harsh(im, rng) for im in rasterize(pdf, dpi)]
        mode = "fax" if all(p.mode == "1" for p in pages) else "photo"
    else:
        dpi = rng.choice([200, 240, 300]) if not fax_like else 200
        mode = "fax" if fax_like and rng.random() < 0.8 else rng.choice(["office", "office", "photo", "fax"])
        pages = [degrade(im, rng, mode) for im in rasterize(pdf, dpi)]
    if rng.random() < 0.6:
        name = save_scan(pages, files / rid, "pdf", dpi)
        kind = "scanned_pdf"
    else:
        fmt = "tif" if len(pages) > 1 or mode == "fax" else rng.choice(["png", "jpg", "tif"])
        name = save_scan(pages, files / rid, fmt, dpi)
        kind = "image"
    return f"files/{Path(name).name}", kind, text


def generate(
    out: Path, families, languages, per_cell: int, seed: int, scanned_share: float, harsh_scan=False
) -> int:
    out.mkdir(parents=True, exist_ok=True)
    (out / "files").mkdir(exist_ok=True)
    directory = routing.load()
    n = 0
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as man:
        for fam in families:
            for lang in FAMILY_LANGS[fam]:
                if lang not in languages:
                    continue
                for i in range(per_cell):
                    rid = f"{fam}-{lang}-{i + 1:02d}"
                    rng = random.Random(f"{seed}/{fam}/{lang}/{i}")
                    kw = {}
                    if fam in ("eio", "eaw") or (fam == "freezing_certificate" and lang in FREEZING_EU):
                        kw["eu_only"] = True
                    if fam == "eaw":
                        kw["request_type"] = "extradition"
                    if fam in ("eio", "letter_rogatory", "translation", "coe_form", "hague_letter"):
                        kw["request_type"] = "mla"
                    req = sample(rng, rid, lang, fam, **kw)
                    if fam == "eio" and req.proceeding_type == "civil":
                        req.proceeding_type = "administrative"
                    if fam == "coe_form":
                        # the ticked nature of the proceedings and the offences part give it
                        req.missing.discard("subject_matter")
                    if fam in ("eio", "eaw"):
                        req.legal_basis = sorted({"regional"} | ({"uncac"} if rng.random() < 0.3 else set()))
                        req.missing.discard("subject_matter")
                    if fam == "freezing_certificate":
                        prepare_freezing(req, rng)
                    if fam == "hague_letter":
                        prepare_hague(req)
                    if fam == "translation":
                        req.translated_to = rng.choice([l for l in ("en", "fr", "es") if l != lang])
                    scanned = rng.random() < scanned_share
                    drawn = (
                        scanned
                        and fam
                        in (
                            "eio",
                            "eaw",
                            "model_form",
                            "fax",
                            "coe_form",
                            "freezing_certificate",
                            "hague_letter",
                        )
                        and rng.random() < 0.6
                    )
                    doc = RENDER[fam](req, rng, drawn=drawn)
                    file, kind, text = write_document(
                        out,
                        rid,
                        doc,
                        rng,
                        1.0 if scanned else 0.0,
                        fax_like=fam == "fax",
                        harsh_scan=harsh_scan,
                    )
                    lab = req.labels(directory)
                    row = {
                        "id": rid,
                        "file": file,
                        "kind": kind,
                        **{k: lab[k] for k in LABEL_KEYS},
                        "text": text,
                        "family": fam,
                        "drawn_boxes": drawn,
                    }
                    man.write(json.dumps(row, ensure_ascii=False) + "\n")
                    n += 1
                    print(f"{rid} {kind} {file}", file=sys.stderr)
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="python -m bench.layouts.generate", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--families", default=",".join(FAMILIES))
    ap.add_argument("--languages", default="en,fr,es,pt,ru,ar,de,it")
    ap.add_argument(
        "--per-cell", type=int, default=5, help="documents per family and language (default 5: 260 documents)"
    )
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--scanned-share", type=float, default=0.5)
    ap.add_argument(
        "--handwritten",
        action="store_true",
        help="render the hand-written requests of bench/layouts/handwritten instead",
    )
    ap.add_argument(
        "--harsh",
        action="store_true",
        help="harsher scans: 150-240 dpi, uneven light, skew to 3 degrees, fax thresholding or JPEG q15-35",
    )
    a = ap.parse_args(argv)
    if a.handwritten:
        from .handwritten import generate_handwritten

        n = generate_handwritten(a.out, a.seed, a.scanned_share)
    else:
        fams = [f for f in a.families.split(",") if f]
        bad = set(fams) - set(FAMILIES)
        if bad:
            ap.error(f"unknown families {sorted(bad)}; known: {FAMILIES}")
        n = generate(
            a.out, fams, set(a.languages.split(",")), a.per_cell, a.seed, a.scanned_share, harsh_scan=a.harsh
        )
    print(f"{n} documents in {a.out}")


if __name__ == "__main__":
    main()
