"""``rogatory ingest | show | list | search``: the registry from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from service.cli.invocation import prepared_settings
from service.cli.report import format_request
from rogatory.settings import Settings


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ingest = subparsers.add_parser("ingest", help="register files without the watcher")
    ingest.add_argument("files", nargs="+", type=Path)
    ingest.add_argument(
        "--now", action="store_true", help="process here and now instead of queueing for a worker"
    )
    ingest.set_defaults(handler=ingest_files)
    show = subparsers.add_parser("show", help="print a registered request")
    show.add_argument("number", help="registration number, e.g. RQ-2026-000001")
    show.add_argument("--json", action="store_true", help="print the whole record as JSON")
    show.set_defaults(handler=show_request)
    listing = subparsers.add_parser("list", help="list registered requests, newest first")
    listing.add_argument("--status", help="only this status")
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(handler=list_registry)
    search = subparsers.add_parser("search", help="find requests by the words of their text")
    search.add_argument("words", nargs="+")
    search.add_argument("--limit", type=int, default=20)
    search.set_defaults(handler=search_text)


def ingest_files(args: argparse.Namespace) -> int:
    from ingest.intake import IntakeContext, intake_bytes
    from storage.database import open_database
    from storage.objects import open_object_store
    from workers.context import WorkerContext
    from workers.processing import process_registration

    settings = prepared_settings(args)
    worker = WorkerContext.open(settings) if args.now else None
    queued: list[str] = []
    context = IntakeContext(
        settings=settings,
        db=worker.db if worker else open_database(settings.database),
        store=worker.store if worker else open_object_store(settings),
        enqueue=queued.append,
    )
    failures = 0
    for path in args.files:
        try:
            data = path.read_bytes()
        except OSError as error:
            print(f"{path}: cannot read: {error}")
            failures += 1
            continue
        result = intake_bytes(data, filename=path.name, source="cli", context=context)
        if result.status == "rejected":
            failures += 1
            print(f"{path}: rejected ({result.code}): {result.reason}")
        elif result.status == "duplicate":
            print(f"{path}: already registered as {result.duplicate_of}")
        else:
            print(f"{path}: registered as {result.number}")
    for number in queued:
        if worker is not None:
            print(f"{number}: {process_registration(number, worker).value}")
        else:
            _enqueue(settings, number)
    if queued and worker is None:
        print(f"{len(queued)} queued; a running worker (rogatory run) processes them.")
    return 1 if failures else 0


def _enqueue(settings: Settings, number: str) -> None:
    from workers.celery_app import create_celery, enqueue_processing

    enqueue_processing(create_celery(settings), number)


def show_request(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.registry import get_request

    view = get_request(open_database(prepared_settings(args).database), args.number)
    print(view.model_dump_json(indent=2) if args.json else format_request(view))
    return 0


def list_registry(args: argparse.Namespace) -> int:
    from rogatory.registration import Status
    from storage.database import open_database
    from storage.registry import list_requests

    status = Status(args.status) if args.status else None
    for registration in list_requests(
        open_database(prepared_settings(args).database), status=status, limit=args.limit
    ):
        print(
            f"{registration.number}  {registration.status.value:<13} "
            f"{registration.received_at:%Y-%m-%d %H:%M}  {registration.filename}"
        )
    return 0


def search_text(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.registry import search

    hits = search(open_database(prepared_settings(args).database), " ".join(args.words), limit=args.limit)
    for hit in hits:
        print(f"{hit.number}  page {hit.page}: {hit.snippet}")
    if not hits:
        print("no match")
    return 0 if hits else 1
