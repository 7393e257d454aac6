"""``rogatory reprocess --all [--since DATE] [--status S] [--language L] [--follow | --now]``.

Every request chosen gets one more analysis, asked for in batches and queued for the
running workers (``--follow`` then prints their progress and rate until the last is
done; interrupting only stops the printing), or analysed here one after the other
(``--now``). Review decisions stand (storage/processing.py's ``record_analysis``).
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from service.cli.invocation import prepared_settings

if TYPE_CHECKING:
    from rogatory.settings import Settings
    from storage.database import Database


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--all", action="store_true", help="every registered request (or those the filters keep)"
    )
    parser.add_argument("--since", type=_day, help="only requests received on or after this day (YYYY-MM-DD)")
    parser.add_argument(
        "--status", "--state", dest="status", help="only requests in this status, e.g. routed"
    )
    parser.add_argument("--language", help="only requests whose text is in this language, e.g. fr")
    parser.add_argument(
        "--follow", action="store_true", help="print the workers' progress until all are done"
    )
    parser.add_argument(
        "--interval", type=float, default=10.0, help="seconds between progress lines (--follow)"
    )


def reprocess_selection(args: argparse.Namespace) -> int:
    from rogatory.registration import Status
    from storage.database import open_database
    from storage.reprocessing import select_requests

    if args.numbers:
        print(
            "rogatory reprocess: give numbers or a selection (--all, --since, --status, --language), not both"
        )
        return 2
    settings = prepared_settings(args)
    db = open_database(settings.database)
    status = Status(args.status) if args.status else None
    numbers = select_requests(db, since=args.since, status=status, language=args.language)
    if not numbers:
        print("no registered request matches")
        return 0
    print(f"{len(numbers)} requests to analyse again; review decisions stand")
    if args.now:
        return _analyse_here(args, settings, numbers)
    return _queue(args, settings, db, numbers)


def _queue(args: argparse.Namespace, settings: Settings, db: Database, numbers: list[str]) -> int:
    from service.bootstrap import task_sender
    from storage.processing import mark_queued
    from storage.reprocessing import analyses_done, request_analyses

    sender = task_sender(settings)
    wanted: dict[str, int] = {}
    started = time.monotonic()
    for batch in request_analyses(db, numbers, actor=args.actor):
        for number in batch:
            sender.enqueue_processing(number)
        mark_queued(db, list(batch))
        wanted.update(batch)
        print(f"queued {len(wanted)}/{len(numbers)}")
    if not args.follow:
        print("a running worker (rogatory run) analyses them; follow with --follow next time")
        return 0
    while True:
        done = analyses_done(db, wanted)
        print(_progress(done, len(wanted), time.monotonic() - started), flush=True)
        if done >= len(wanted):
            return 0
        time.sleep(max(args.interval, 0.1))


def _analyse_here(args: argparse.Namespace, settings: Settings, numbers: list[str]) -> int:
    from service.bootstrap import open_worker_context
    from storage.reprocessing import request_analyses
    from workers.processing import run_registration

    worker = open_worker_context(settings)
    started = time.monotonic()
    done = 0
    for batch in request_analyses(worker.db, numbers, actor=args.actor):
        for number in batch:
            recorded = run_registration(number, worker).recorded
            done += 1
            outcome = "no new analysis saved" if recorded is None else recorded.status.value
            print(f"{number}: {outcome}  ({_progress(done, len(numbers), time.monotonic() - started)})")
    return 0


def _progress(done: int, total: int, seconds: float) -> str:
    rate = done / seconds * 60 if seconds > 0 else 0.0
    return f"{done}/{total} analysed, {rate:.1f} documents/minute"


def _day(value: str) -> datetime:
    try:
        return datetime.combine(date.fromisoformat(value), datetime.min.time(), tzinfo=UTC)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a day (YYYY-MM-DD): {value!r}") from error
