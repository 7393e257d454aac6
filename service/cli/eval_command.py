"""``rogatory eval CORPUS``: run a labelled corpus through the pipeline and print its figures.

Runs in the command's process and a pool of worker processes (workers/evaluation.py);
the figures are those of ../shared/corpus/FORMAT.md, computed by :mod:`rogatory.scoring`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path

from rogatory.scoring import (
    SCORED_KEYS,
    Accuracy,
    AutoRouting,
    Figures,
    Prediction,
    Report,
    Score,
    SetScore,
    score_corpus,
)
from rogatory.settings import load_settings
from service.bootstrap import evaluation_loader
from workers.evaluation import run_corpus, write_predictions


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``eval`` on the ``rogatory`` command's subparsers."""
    parser = subparsers.add_parser("eval", help="score the pipeline on a labelled corpus")
    parser.add_argument("corpus", type=Path, help="corpus folder holding manifest.jsonl and files/")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures as JSON")
    parser.add_argument(
        "--predictions", type=Path, metavar="PATH", help="write one JSON line of predictions per document"
    )
    parser.add_argument("--jobs", type=_positive, help="worker processes (default: number of CPUs)")
    parser.add_argument("--limit", type=_positive, help="only the first N documents of the manifest")
    parser.add_argument("--quiet", action="store_true", help="no line per document on stderr")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run the evaluation, print the tables, write the files asked for; 0 when done.

    Raises ``InputError`` for a bad corpus, ``ConfigurationError`` for bad settings
    (the entry point prints them); ``OSError`` when an output file cannot be written.
    """
    settings = load_settings(
        config_path=getattr(args, "config", None), data_dir=getattr(args, "data_dir", None)
    )
    run_result = run_corpus(
        args.corpus,
        settings,
        load=evaluation_loader(settings),
        jobs=args.jobs,
        limit=args.limit,
        progress=None if args.quiet else _print_progress,
    )
    report = score_corpus(run_result.entries, run_result.predictions, wall_seconds=run_result.wall_seconds)
    print(format_report(report, corpus=args.corpus))
    if args.json is not None:
        args.json.write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf-8")
    if args.predictions is not None:
        write_predictions(args.predictions, run_result.predictions)
    return 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _print_progress(prediction: Prediction) -> None:
    outcome = f"error: {prediction.error}" if prediction.error else f"{prediction.pages} pages"
    print(f"{prediction.id}  {prediction.seconds or 0.0:7.2f}s  {outcome}", file=sys.stderr)


# --- tables -------------------------------------------------------------------------


def format_report(report: Report, *, corpus: Path | None = None) -> str:
    """The human-readable tables: overall figures, per kind, per language, auto-routing, throughput."""
    speed = report.overall.speed
    title = f"Evaluation of {corpus}: " if corpus else "Evaluation: "
    sections = [
        title + f"{speed.documents} documents, {speed.failed} failed",
        _overall_table(report.overall),
        "By kind (accuracy, F1 or CER)\n" + _group_table(report.by_kind),
        "By language (accuracy, F1 or CER)\n" + _group_table(report.by_language),
        _auto_routed_table(report),
        _throughput_table(report),
    ]
    return "\n\n".join(section for section in sections if section)


def _overall_table(figures: Figures) -> str:
    rows = [["key", "figure", "value", "detail"]]
    for key in SCORED_KEYS:
        if key in figures.scores:
            score = figures.scores[key]
            rows.append([key, _figure_name(score), _number(_headline(score)), _detail(score)])
    return _table(rows)


def _group_table(groups: Mapping[str, Figures]) -> str:
    rows = [["key", *groups]]
    for key in SCORED_KEYS:
        cells = [groups[name].scores.get(key) for name in groups]
        if any(cell is not None for cell in cells):
            rows.append([key, *(_number(_headline(cell)) if cell else "-" for cell in cells)])
    return _table(rows)


def _auto_routed_table(report: Report) -> str:
    """Routed automatically, their route_to accuracy, sent to review; empty when nothing was counted."""
    groups = {"overall": report.overall, **report.by_kind}
    rows = [
        ["auto-routed", "docs", "auto share", "auto accuracy", "review share", "auto", "review", "failed"]
    ]
    for name, figures in groups.items():
        routing: AutoRouting = figures.routing
        if routing.documents:
            rows.append(
                [
                    name,
                    str(routing.documents),
                    _number(routing.auto_share),
                    _number(routing.auto_accuracy),
                    _number(routing.review_share),
                    str(routing.auto),
                    str(routing.review),
                    str(routing.documents - routing.auto - routing.review),
                ]
            )
    if len(rows) == 1:
        return ""
    return (
        "Auto-routed (needs_review false) and sent to review, of the documents with a true route_to\n"
        + _table(rows)
    )


def _throughput_table(report: Report) -> str:
    rows = [["throughput", "docs", "failed", "pages", "s/doc", "pages/s"]]
    groups = {"overall": report.overall, **report.by_kind}
    for name, figures in groups.items():
        speed = figures.speed.as_dict()
        rows.append(
            [
                name,
                str(speed["documents"]),
                str(speed["failed"]),
                str(speed["pages"]),
                _number(speed["seconds_per_document"], 2),
                _number(speed["pages_per_second"], 2),
            ]
        )
    text = "Throughput (per-document seconds, summed over workers)\n" + _table(rows)
    clock = report.wall_clock()
    if clock is not None:
        text += (
            f"\nWall clock: {_number(clock['seconds'], 1)} s, "
            f"{_number(clock['seconds_per_document'], 2)} s/doc, "
            f"{_number(clock['pages_per_second'], 2)} pages/s (engine loading included)"
        )
    return text


def _figure_name(score: Score) -> str:
    if isinstance(score, Accuracy):
        return "accuracy"
    return "F1" if isinstance(score, SetScore) else "CER"


def _headline(score: Score) -> float | None:
    if isinstance(score, Accuracy):
        return score.accuracy
    return score.f1 if isinstance(score, SetScore) else score.cer


def _detail(score: Score) -> str:
    if isinstance(score, Accuracy):
        return f"{score.correct}/{score.total}"
    if isinstance(score, SetScore):
        return (
            f"P {_number(score.precision)}  R {_number(score.recall)}  "
            f"(tp {score.tp}, fp {score.fp}, fn {score.fn})"
        )
    return f"{score.errors} edits / {score.length} chars in {score.documents} docs"


def _number(value: float | int | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
