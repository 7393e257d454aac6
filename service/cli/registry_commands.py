"""``rogatory ingest | reprocess | show | list | search``: the registry from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from service.cli.invocation import prepared_settings
from service.cli.report import format_request
from service.cli.reprocess_selection import add_selection_arguments, reprocess_selection

if TYPE_CHECKING:
    from storage.database import Database


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ingest = subparsers.add_parser("ingest", help="register files without the watcher")
    ingest.add_argument("files", nargs="+", type=Path)
    ingest.add_argument(
        "--now", action="store_true", help="process here and now instead of queueing for a worker"
    )
    ingest.set_defaults(handler=ingest_files)
    reprocess = subparsers.add_parser(
        "reprocess", help="analyse registered requests again (after a model or rule change); decisions stand"
    )
    reprocess.add_argument("numbers", nargs="*", help="registration numbers")
    reprocess.add_argument("--now", action="store_true", help="analyse here and now instead of queueing")
    reprocess.add_argument("--actor", default="cli", help="who asks (for the audit log)")
    add_selection_arguments(reprocess)
    reprocess.set_defaults(handler=reprocess_requests)
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
    from service.bootstrap import open_intake, open_worker_context
    from workers.processing import process_registration

    settings = prepared_settings(args)
    worker = open_worker_context(settings) if args.now else None
    queued: list[str] = []
    context = (
        IntakeContext(settings=settings, db=worker.db, store=worker.store, enqueue=queued.append)
        if worker
        else open_intake(settings, enqueue=queued.append)
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
    if worker is not None:
        for number in queued:
            print(f"{number}: {process_registration(number, worker).value}")
    elif queued:
        from service.bootstrap import task_sender

        sender = task_sender(settings)
        for number in queued:
            sender.enqueue_processing(number)
    if queued and worker is None:
        print(f"{len(queued)} queued; a running worker (rogatory run) processes them.")
    return 1 if failures else 0


def reprocess_requests(args: argparse.Namespace) -> int:
    """Ask for a new analysis of each number (queued, or here with ``--now``); every review
    decision stands, and the new proposal is printed beside it when they differ."""
    if args.all or args.since or args.status or args.language:
        return reprocess_selection(args)
    if not args.numbers:
        print("rogatory reprocess: give registration numbers, or --all (with --since/--status/--language)")
        return 2
    from rogatory.errors import NotFoundError
    from service.bootstrap import open_worker_context, task_sender
    from storage.database import open_database
    from storage.processing import mark_queued, request_analysis
    from workers.processing import run_registration

    settings = prepared_settings(args)
    worker = open_worker_context(settings) if args.now else None
    db = worker.db if worker is not None else open_database(settings.database)
    failures = 0
    for number in args.numbers:
        try:
            generation = request_analysis(db, number, actor=args.actor)
        except NotFoundError as error:
            print(f"{number}: {error}")
            failures += 1
            continue
        if worker is None:
            task_sender(settings).enqueue_processing(number)
            mark_queued(db, [number])
            print(f"{number}: analysis {generation} queued; a running worker analyses it")
            continue
        recorded = run_registration(number, worker).recorded
        if recorded is None:
            print(f"{number}: {get_status(db, number)} (no new analysis saved)")
        elif recorded.differs:
            stands = f"new proposal {recorded.proposal}, decision {recorded.decision} stands"
            print(f"{number}: {recorded.status.value}; {stands}")
        elif recorded.decision is not None:
            print(f"{number}: {recorded.status.value}; proposal {recorded.proposal} = decision")
        else:
            print(f"{number}: {recorded.status.value}; proposal {recorded.proposal}")
    return 1 if failures else 0


def get_status(db: Database, number: str) -> str:
    from storage.registry import get_request

    return get_request(db, number).registration.status.value


def show_request(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.registry import get_request

    view = get_request(open_database(prepared_settings(args).database), args.number)
    print(view.model_dump_json(indent=2) if args.json else format_request(view))
    return 0


def list_registry(args: argparse.Namespace) -> int:
    from rogatory.registration import Status
    from rogatory.shown import shown
    from storage.database import open_database
    from storage.registry import list_requests

    status = Status(args.status) if args.status else None
    for registration in list_requests(
        open_database(prepared_settings(args).database), status=status, limit=args.limit
    ):
        print(
            f"{registration.number}  {registration.status.value:<13} "
            f"{registration.received_at:%Y-%m-%d %H:%M}  {shown(registration.filename)}"
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
