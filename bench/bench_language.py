"""Language detectors compared on short and long texts: accuracy, speed, determinism.

Usage: ``python bench/bench_language.py [CORPUS] [--per-length N]``.

Texts are cut from the manifest ``text`` of the corpus documents (the truth, not
OCR output) at several lengths, from a phrase to a whole request, starting at
evenly spaced offsets. Each detector is restricted to the service languages
where it allows it (lingua, py3langid); langdetect, which cannot be restricted,
is read as the most probable service language among its answers and is seeded
(it is random otherwise). "rogatory" is lingua as the stage calls it: no answer
below 20 letters, long texts sampled. "stable" is the share of texts given the same answer
by a second run in reverse order.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from extract.engines import TEXT_LANGUAGES, load_text_engines
from extract.language import detect_language

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")
LENGTHS = (20, 50, 150, 500, 3000)
CODES = ("en", "fr", "es", "pt", "ru", "ar", "de", "it")


def samples(corpus: Path, *, per_length: int) -> dict[int, list[tuple[str, str]]]:
    """``(language, text)`` pairs per length, cut at word boundaries."""
    rows = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines() if line]
    out: dict[int, list[tuple[str, str]]] = {length: [] for length in LENGTHS}
    for length in LENGTHS:
        for row in rows:
            text = " ".join(row["text"].split())
            if len(text) < length:
                continue
            for index in range(per_length):
                start = (len(text) - length) * index // max(per_length, 1)
                start = text.find(" ", start) + 1 if start else 0
                out[length].append((row["language"], text[start : start + length]))
    return out


def lingua_detectors() -> tuple[Callable[[str], str | None], Callable[[str], str | None]]:
    """The project's detection (no answer under 20 letters) and lingua's own answer."""
    engines = load_text_engines()
    codes = {language: code for code, language in TEXT_LANGUAGES.items()}

    def project(text: str) -> str | None:
        guess = detect_language(text, detector=engines.detector)
        return guess.code if guess else None

    def raw(text: str) -> str | None:
        language = engines.detector.detect_language_of(text)
        return codes.get(language) if language else None

    return project, raw


def langdetect_detector() -> Callable[[str], str | None]:
    from langdetect import DetectorFactory, detect_langs  # type: ignore[import-untyped]
    from langdetect.lang_detect_exception import LangDetectException  # type: ignore[import-untyped]

    DetectorFactory.seed = 0

    def detect(text: str) -> str | None:
        try:
            answers = detect_langs(text)
        except LangDetectException:
            return None
        return next((answer.lang for answer in answers if answer.lang in CODES), None)

    return detect


def py3langid_detector() -> Callable[[str], str | None]:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CODES))

    def detect(text: str) -> str | None:
        code, _ = identifier.classify(text)
        return str(code)

    return detect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--per-length", type=int, default=3)
    args = parser.parse_args()
    texts = samples(args.corpus, per_length=args.per_length)
    project, raw = lingua_detectors()
    detectors = {
        "rogatory": project,
        "lingua": raw,
        "langdetect": langdetect_detector(),
        "py3langid": py3langid_detector(),
    }
    print(f"{'detector':<12}{'chars':>6}{'texts':>6}{'accuracy':>10}{'ms/text':>9}{'stable':>8}")
    for name, detect in detectors.items():
        for length, pairs in texts.items():
            start = time.perf_counter()
            answers = [detect(text) for _, text in pairs]
            seconds = time.perf_counter() - start
            again = [detect(text) for _, text in reversed(pairs)][::-1]
            right = sum(answer == code for answer, (code, _) in zip(answers, pairs, strict=True))
            stable = sum(a == b for a, b in zip(answers, again, strict=True))
            count = max(len(pairs), 1)
            print(
                f"{name:<12}{length:>6}{len(pairs):>6}{right / count:>10.3f}"
                f"{seconds / count * 1000:>9.2f}{stable / count:>8.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
