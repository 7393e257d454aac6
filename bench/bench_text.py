"""Benchmark of text extraction on a labelled corpus: CER, language accuracy, speed.

Usage: ``python bench/bench_text.py [CORPUS] [--kind K] [--language L] [--limit N]
[--ids dev-001,dev-002] [--verbose]``. CORPUS defaults to the shared dev corpus.
CER is the edit distance between the extracted text and the manifest ``text``,
both with runs of white space collapsed to one space, over the length of the truth
(summed over the documents of a group, so long documents weigh more). Speed is
given by wall clock and per CPU second (this process's threads and its tesseract
processes), which a machine shared with other work does not distort.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from extract.engines import load_text_engines
from extract.text import TextOptions, extract_text
from rogatory.scoring import score_text
from rogatory.sources import SourceFile
from workers.evaluation import media_type_of

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")


@dataclass
class Tally:
    """Sums of one group of documents."""

    docs: int = 0
    pages: int = 0
    errors: int = 0
    truth_chars: int = 0
    language_right: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0

    def add(
        self,
        *,
        pages: int,
        errors: int,
        truth_chars: int,
        language_right: bool,
        seconds: float,
        cpu_seconds: float,
    ) -> None:
        self.docs += 1
        self.pages += pages
        self.errors += errors
        self.truth_chars += truth_chars
        self.language_right += language_right
        self.seconds += seconds
        self.cpu_seconds += cpu_seconds

    def row(self, name: str) -> str:
        cer = self.errors / self.truth_chars if self.truth_chars else 0.0
        accuracy = self.language_right / self.docs if self.docs else 0.0
        speed = self.pages / self.seconds if self.seconds else 0.0
        cpu_speed = self.pages / self.cpu_seconds if self.cpu_seconds else 0.0
        figures = f"{cer:>9.4f}{accuracy:>9.3f}{speed:>9.2f}{cpu_speed:>11.2f}"
        return f"{name:<16}{self.docs:>5}{self.pages:>6}{figures}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--kind")
    parser.add_argument("--language")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--ids", help="comma-separated document ids")
    parser.add_argument("--verbose", action="store_true", help="one line per document")
    args = parser.parse_args()

    rows = [json.loads(line) for line in (args.corpus / "manifest.jsonl").read_text().splitlines() if line]
    rows = [
        row
        for row in rows
        if (not args.kind or row["kind"] == args.kind)
        and (not args.language or row["language"] == args.language)
        and (not args.ids or row["id"] in args.ids.split(","))
    ][: args.limit]
    engines = load_text_engines()
    options = TextOptions()
    groups: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        path = args.corpus / row["file"]
        data = path.read_bytes()
        source = SourceFile(data=data, media_type=media_type_of(data), name=path.name)
        start, cpu_start = time.perf_counter(), _cpu_seconds()
        document = extract_text(source, engines=engines, options=options)
        seconds, cpu_seconds = time.perf_counter() - start, _cpu_seconds() - cpu_start
        text_score = score_text(document.text, row["text"])
        errors, truth_chars = text_score.errors, text_score.length
        right = document.language == row["language"]
        for name in ("all", f"kind {row['kind']}", f"lang {row['language']}"):
            groups[name].add(
                pages=len(document.pages),
                errors=errors,
                truth_chars=truth_chars,
                language_right=right,
                seconds=seconds,
                cpu_seconds=cpu_seconds,
            )
        if args.verbose:
            print(
                f"{row['id']} {row['kind']:<12} {row['language']} pages={len(document.pages)} "
                f"cer={errors / max(truth_chars, 1):.4f} lang={document.language} {seconds:.1f}s "
                f"{' | '.join(issue.message for page in document.pages for issue in page.issues)}",
                flush=True,
            )
    print(f"{'group':<16}{'docs':>5}{'pages':>6}{'CER':>9}{'lang acc':>9}{'pages/s':>9}{'pages/CPU-s':>11}")
    for name in sorted(groups, key=lambda key: (key != "all", key)):
        print(groups[name].row(name))


def _cpu_seconds() -> float:
    """CPU time of this process (all its threads) and of its reaped children (tesseract)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
