"""The evaluation runner: every document of a labelled corpus through the pipeline.

Runs in the ``rogatory eval`` process and in a pool of worker processes, each of
which loads the engines once (the pool initializer). Reads the corpus format of
../shared/corpus/FORMAT.md; scoring itself is :mod:`rogatory.scoring`.

The pipeline functions are parameters (``load``, built by the evaluation's bootstrap
in service/bootstrap.py, and ``analyse``, the real one by default) so that tests and
benchmarks can run the runner on a fake pipeline. With
more than one job they must be picklable: module-level functions.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rogatory.errors import InputError
from rogatory.records import Analysis, EntityKind
from rogatory.scoring import ManifestEntry, Prediction
from rogatory.settings import Settings
from rogatory.sources import MediaType, SourceFile, sniff_media_type

LoadFunction = Callable[[Settings], Any]
AnalyseFunction = Callable[[SourceFile, Any], Analysis]
ProgressFunction = Callable[[Prediction], None]


@dataclass(frozen=True)
class EvaluationRun:
    """The predictions of a run, in manifest order, and how long the run took."""

    entries: tuple[ManifestEntry, ...]
    predictions: tuple[Prediction, ...]
    wall_seconds: float


def read_manifest(corpus: Path, *, limit: int | None = None) -> tuple[ManifestEntry, ...]:
    """The entries of ``corpus/manifest.jsonl`` (the first ``limit`` of them).

    Raises ``InputError`` when the manifest is missing, not JSON lines, or an entry
    lacks ``id`` or ``file`` or has a value of the wrong type.
    """
    path = corpus / "manifest.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"cannot read the corpus manifest {path}: {error}") from error
    entries: list[ManifestEntry] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entries.append(ManifestEntry.model_validate_json(line))
        except ValidationError as error:
            raise InputError(f"{path}, line {number}: not a valid manifest entry: {error}") from error
        if limit is not None and len(entries) >= limit:
            break
    return tuple(entries)


def media_type_of(data: bytes) -> MediaType:
    """The media type of a document from its magic bytes. Raises ``InputError``."""
    media_type = sniff_media_type(data)
    if media_type is None:
        raise InputError("not a PDF, TIFF, PNG or JPEG file")
    return media_type


def predictions_from_analysis(entry: ManifestEntry, analysis: Analysis, *, seconds: float) -> Prediction:
    """What the pipeline decided, in the form of the manifest's label keys."""
    classification = analysis.classification
    return Prediction(
        id=entry.id,
        file=entry.file,
        language=analysis.text.language,
        request_type=classification.request_type.value,
        proceeding_type=classification.proceeding_type.value,
        measures=classification.values("measures"),
        offences=classification.values("offences"),
        legal_basis=classification.values("legal_basis"),
        requesting_state=classification.requesting_state.value if classification.requesting_state else None,
        persons=sorted({entity.value for entity in analysis.entities.of_kind(EntityKind.PERSON)}),
        accounts=sorted(
            {
                entity.value
                for entity in analysis.entities.of_kind(EntityKind.ACCOUNT)
                if entity.attributes.get("valid") != "false"  # an IBAN failing its check digits
            }
        ),
        urgent=classification.urgent.value == "true",
        deadline=classification.deadline.isoformat() if classification.deadline else None,
        missing_elements=analysis.completeness.missing,
        route_to=analysis.routing.route_to,
        notify=sorted(analysis.routing.notify),
        needs_review=analysis.routing.needs_review,
        text=analysis.text.text,
        pages=len(analysis.text.pages),
        seconds=round(seconds, 3),
    )


def evaluate_document(
    entry: ManifestEntry, corpus: Path, engines: object, analyse: AnalyseFunction
) -> Prediction:
    """Read one document, run ``analyse`` on it, and map the result to a prediction.

    Never raises for a document: a file that cannot be read, an ``InputError`` and
    any other exception of the pipeline (a bug, which the run must report rather than
    stop on) become a prediction with ``error``.
    """
    started = time.perf_counter()
    try:
        data = (corpus / entry.file).read_bytes()
        source = SourceFile(data=data, media_type=media_type_of(data), name=Path(entry.file).name)
        analysis = analyse(source, engines)
    except (OSError, InputError) as error:
        return _failure(entry, f"{type(error).__name__}: {error}", started)
    except Exception as error:
        return _failure(entry, f"internal error: {type(error).__name__}: {error}", started)
    return predictions_from_analysis(entry, analysis, seconds=time.perf_counter() - started)


def _failure(entry: ManifestEntry, reason: str, started: float) -> Prediction:
    return Prediction(
        id=entry.id, file=entry.file, error=reason, seconds=round(time.perf_counter() - started, 3)
    )


def prediction_line(prediction: Prediction) -> str:
    """One line of ``predictions.jsonl``: label keys with nulls, or ``error`` without them."""
    if prediction.error is not None:
        fields = {"id", "file", "error", "seconds"}
        return json.dumps(prediction.model_dump(include=fields), ensure_ascii=False)
    return json.dumps(prediction.model_dump(exclude={"error"}), ensure_ascii=False)


def run_corpus(
    corpus: Path,
    settings: Settings,
    *,
    load: LoadFunction,
    jobs: int | None = None,
    limit: int | None = None,
    analyse: AnalyseFunction | None = None,
    progress: ProgressFunction | None = None,
) -> EvaluationRun:
    """Run every document of ``corpus`` through the pipeline on ``jobs`` processes.

    ``jobs`` defaults to ``os.cpu_count()``; with one job everything runs in this
    process. ``progress`` is called with each prediction as it is made. Raises
    ``InputError`` for a bad manifest and re-raises whatever ``load`` raises
    (``ConfigurationError`` for bad settings).
    """
    if analyse is None:
        from workers.pipeline import analyse as real_analyse

        analyse = real_analyse
    entries = read_manifest(corpus, limit=limit)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(entries) or 1))
    started = time.perf_counter()
    if workers == 1:
        engines = load(settings)
        in_process = (evaluate_document(entry, corpus, engines, analyse) for entry in entries)
        predictions = tuple(_report(in_process, progress))
    else:
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_start_worker, initargs=(load, analyse, settings)
        ) as pool:
            in_pool = pool.map(_evaluate_in_worker, entries, [corpus] * len(entries))
            predictions = tuple(_report(in_pool, progress))
    return EvaluationRun(entries, predictions, time.perf_counter() - started)


def _report(results: Iterator[Prediction], progress: ProgressFunction | None) -> Iterator[Prediction]:
    for prediction in results:
        if progress is not None:
            progress(prediction)
        yield prediction


@dataclass
class _WorkerState:
    """What a pool process loaded in its initializer."""

    analyse: AnalyseFunction | None = None
    engines: object = None
    load_error: BaseException | None = None


_WORKER = _WorkerState()


def _start_worker(load: LoadFunction, analyse: AnalyseFunction, settings: Settings) -> None:
    """Pool initializer: load the engines once for this process (a failure is kept)."""
    _WORKER.analyse = analyse
    try:
        _WORKER.engines = load(settings)
    except Exception as error:
        _WORKER.load_error = error


def _evaluate_in_worker(entry: ManifestEntry, corpus: Path) -> Prediction:
    if _WORKER.load_error is not None:
        raise _WORKER.load_error
    if _WORKER.analyse is None:
        raise RuntimeError("evaluation worker used before its initializer ran")
    return evaluate_document(entry, corpus, _WORKER.engines, _WORKER.analyse)


def write_predictions(path: Path, predictions: Sequence[Prediction]) -> None:
    """Write ``predictions.jsonl``. Raises ``OSError``."""
    with path.open("w", encoding="utf-8") as handle:
        for prediction in predictions:
            handle.write(prediction_line(prediction) + "\n")
