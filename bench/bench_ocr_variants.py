"""Compare the OCR stage's choices (page clean-up, code re-reading, Arabic models) by CER.

Usage: ``python -m bench.bench_ocr_variants CORPUS [CORPUS ...] [--sample N] [--seed S]
[--variants a,b] [--language L]``. Each corpus is a directory in the format of
``../shared/corpus/FORMAT.md`` (the dev corpus, or one written by ``python -m
bench.layouts.generate OUT --harsh``); its scanned documents (``scanned_pdf`` and
``image``) are sampled with a fixed seed, the same sample for every variant, and each
variant reads them all. CER as in ``bench/bench_text.py`` (edit distance over the
truth's length, summed over the documents), overall, by language and by kind, with CPU
seconds of this process and its OCR child.

Variants: ``lines:PAGE=OTHER:BELOW:MARGIN[:SCALE]`` (the lines of pages read with the
models PAGE whose confidence is below BELOW read again with OTHER, enlarged SCALE times,
kept when surer by MARGIN: ``lines:ara+eng=Arabic:0.8:0``, ``lines:ara+eng=ara+eng:0.8:0:1.5``;
:mod:`extract.line_models`), ``none`` (no clean-up,
no code re-reading: the stage before issue 16),
``flatten``, ``enlarge``, ``codes``, ``despeckle`` (each alone), ``default`` (the stage's
options: flatten, despeckle, codes and the reading order of Latin runs in Arabic lines),
``speckled`` (the default without despeckling), ``unordered`` (the default without that
order), ``nostray`` / ``noglyphs`` (without the stray Latin words of Arabic
lines read again / the Arabic glyphs put right), ``stray-rus`` (those of Cyrillic
lines too), ``noslack`` (codes in Cyrillic capitals replaced only by a surer reading),
``noforms`` (legal forms of Russian pages as read), ``codes-ara`` (the codes of
Arabic pages read again too), ``nodashes`` (lone dashes of Russian pages as read),
``before`` (without stray words, glyphs, slack, forms and dashes), ``all`` (the four
clean-ups), and for Arabic documents the models: ``ara`` (alone), ``ara+eng`` (the stage's),
and where the Arabic script model is installed ``Arabic``, ``Arabic+eng``, ``ara+Arabic``;
those force the models of every page of an Arabic document, with the default clean-up.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

import extract.tesseract
import extract.text
from extract.engines import TextEngines, load_text_engines
from extract.line_models import LineChoice
from extract.pdf import TextLayerPage
from extract.tesseract import OcrResult
from extract.text import OcrReader, TextOptions, assemble_document, layer_page, page_sources
from rogatory.scoring import score_text
from rogatory.sources import SourceFile
from workers.evaluation import media_type_of

OPTIONS = {
    "none": TextOptions(flatten_light=False, enlarge=False, reread_codes=False, despeckle=False),
    "flatten": TextOptions(flatten_light=True, enlarge=False, reread_codes=False, despeckle=False),
    "enlarge": TextOptions(flatten_light=False, enlarge=True, reread_codes=False, despeckle=False),
    "codes": TextOptions(flatten_light=False, enlarge=False, reread_codes=True, despeckle=False),
    "despeckle": TextOptions(flatten_light=False, enlarge=False, reread_codes=False, despeckle=True),
    "default": TextOptions(),
    "speckled": TextOptions(despeckle=False),
    "unordered": TextOptions(order_rtl_runs=False),
    "nostray": TextOptions(stray_latin=()),
    "stray-rus": TextOptions(stray_latin=("ara", "rus")),
    "noglyphs": TextOptions(fix_arabic_glyphs=False),
    "before": TextOptions(
        stray_latin=(), fix_arabic_glyphs=False, code_slack=0.0, fix_legal_forms=False, fix_dashes=False
    ),
    "noslack": TextOptions(code_slack=0.0),
    "noforms": TextOptions(fix_legal_forms=False),
    "codes-ara": TextOptions(code_pages=("rus", "ara")),
    "nodashes": TextOptions(fix_dashes=False),
    "all": TextOptions(flatten_light=True, enlarge=True, reread_codes=True, despeckle=True),
}
ARABIC_MODELS = ("ara", "ara+eng", "Arabic", "Arabic+eng", "ara+Arabic")


@dataclass
class Tally:
    errors: int = 0
    chars: int = 0
    cpu: float = 0.0
    docs: int = 0

    def cer(self) -> float:
        return self.errors / self.chars if self.chars else 0.0


def read_document(path: Path, *, engines: TextEngines, options: TextOptions, languages: str | None) -> str:
    """The text of one document with these options (and these models, if given)."""
    data = path.read_bytes()
    source = SourceFile(data=data, media_type=media_type_of(data), name=path.name)
    reader = OcrReader(engines=engines, options=options, languages=languages)
    pages = [
        layer_page(number, item) if isinstance(item, TextLayerPage) else reader.read(number, item)
        for number, item in enumerate(page_sources(source, options), start=1)
    ]
    return assemble_document(pages, engines=engines).text


def sample_rows(corpus: Path, *, sample: int, seed: int, language: str | None) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines() if line]
    rows = [
        row
        for row in rows
        if row["kind"] in {"scanned_pdf", "image"} and (not language or row["language"] == language)
    ]
    rows.sort(key=lambda row: row["id"])
    return random.Random(seed).sample(rows, min(sample, len(rows))) if sample else rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--sample", type=int, default=12, help="documents per corpus (0: all)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--variants", default="none,flatten,enlarge,codes,default,all")
    parser.add_argument("--language", help="only documents in this language")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--dump", type=Path, help="write each reading to DUMP/CORPUS/VARIANT/ID.txt")
    parser.add_argument(
        "--reuse-readings",
        action="store_true",
        help="keep each tesseract reading (same pixels, models, mode) for the later variants: for "
        "variants that differ after OCR only; their CPU seconds are then not comparable",
    )
    args = parser.parse_args()
    engines = load_text_engines()
    if args.reuse_readings:
        # the stage calls tesseract through this name: every variant's calls go through the memory
        setattr(extract.text, "recognise", _remembered(extract.tesseract.recognise))  # noqa: B010
    variants = [name for name in args.variants.split(",") if name]
    unknown = {name for name in variants if not name.startswith("lines:")} - set(OPTIONS) - set(ARABIC_MODELS)
    if unknown:
        parser.error(f"unknown variants {sorted(unknown)}")
    tallies: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    for corpus in args.corpora:
        rows = sample_rows(corpus, sample=args.sample, seed=args.seed, language=args.language)
        print(f"{corpus}: {len(rows)} documents: {' '.join(row['id'] for row in rows)}", flush=True)
        for variant in variants:
            for row in rows:
                models = variant if variant in ARABIC_MODELS else None
                if models is not None and row["language"] != "ar":
                    continue
                options = (
                    line_options(variant)
                    if variant.startswith("lines:")
                    else OPTIONS.get(variant, TextOptions())
                )
                start = _cpu_seconds(engines)
                wall = time.perf_counter()
                text = read_document(corpus / row["file"], engines=engines, options=options, languages=models)
                cpu = _cpu_seconds(engines) - start
                score = score_text(text, row["text"])
                if args.dump is not None:
                    _dump(args.dump / corpus.name / variant.replace(":", "_") / f"{row['id']}.txt", text)
                for group in ("all", f"lang {row['language']}", f"kind {row['kind']}"):
                    tally = tallies[(corpus.name, variant, group)]
                    tally.errors += score.errors
                    tally.chars += score.length
                    tally.cpu += cpu
                    tally.docs += 1
                if args.verbose:
                    cer = score.errors / max(score.length, 1)
                    print(
                        f"  {variant:<11} {row['id']:<24} cer={cer:.4f} cpu={cpu:.1f}s "
                        f"wall={time.perf_counter() - wall:.1f}s",
                        flush=True,
                    )
    print(f"{'corpus':<14}{'variant':<12}{'group':<18}{'docs':>5}{'CER':>9}{'CPU s':>9}")
    for (corpus_name, variant, group), tally in sorted(tallies.items()):
        print(f"{corpus_name:<14}{variant:<12}{group:<18}{tally.docs:>5}{tally.cer():>9.4f}{tally.cpu:>9.1f}")
    if engines.ocr is not None:
        engines.ocr.close()


def line_options(variant: str) -> TextOptions:
    """The options of a ``lines:PAGE=OTHER:BELOW:MARGIN`` variant (several joined by ``;``)."""
    choices = []
    for part in variant.removeprefix("lines:").split(";"):
        models, below, margin, *scale = part.split(":")
        page, other = models.split("=")
        choice = LineChoice(
            languages=other, below=float(below), margin=float(margin), scale=float(scale[0]) if scale else 1.0
        )
        choices.append((page, choice))
    return TextOptions(line_choices=tuple(choices))


def _dump(path: Path, text: str) -> None:
    """Write one document's reading (for word diffs against the truth)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _remembered(recognise: Callable[..., OcrResult]) -> Callable[..., OcrResult]:
    """``recognise`` that reads the same image with the same arguments once."""
    readings: dict[tuple[str, str], OcrResult] = {}

    def read(image: Image.Image, **kwargs: Any) -> OcrResult:
        key = (
            hashlib.sha256(image.tobytes()).hexdigest() + image.mode + str(image.size),
            repr(sorted(kwargs.items(), key=str)),
        )
        if key not in readings:
            readings[key] = recognise(image, **kwargs)
        return readings[key]

    return read


def _cpu_seconds(engines: TextEngines) -> float:
    """CPU time of this process, its reaped children and the live OCR child."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    pid = engines.ocr.pid if engines.ocr is not None else None
    child = 0.0
    if pid is not None:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        child = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime + child


if __name__ == "__main__":
    main()
