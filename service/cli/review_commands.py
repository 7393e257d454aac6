"""``rogatory review | draft | deadlines | deliveries``: the central authority's work
from the command line (the same storage functions as the JSON API)."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path

from rogatory.settings import Settings
from service.cli.invocation import prepared_settings


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = subparsers.add_parser("review", help="the review queue; confirm or reassign a routing")
    actions = review.add_subparsers(dest="review_command", required=True)
    actions.add_parser("queue", help="requests waiting for review").set_defaults(handler=review_queue)
    history = actions.add_parser("history", help="the review history of a request")
    history.add_argument("number")
    history.set_defaults(handler=review_history_command)
    confirm = actions.add_parser("confirm", help="confirm the proposed authority")
    confirm.add_argument("number")
    confirm.add_argument("--actor", required=True, help="the clerk's name")
    confirm.add_argument("--reason", default="")
    confirm.set_defaults(handler=confirm_command)
    reassign = actions.add_parser("reassign", help="send the request to another authority")
    reassign.add_argument("number")
    reassign.add_argument("authority", help="authority id of the directory")
    reassign.add_argument("--actor", required=True, help="the clerk's name")
    reassign.add_argument("--reason", required=True)
    reassign.set_defaults(handler=reassign_command)
    draft = subparsers.add_parser("draft", help="print the request for additional information")
    draft.add_argument("number")
    draft.add_argument("-o", "--output", type=Path, help="write the letter to this file")
    draft.set_defaults(handler=draft_command)
    deadlines = subparsers.add_parser("deadlines", help="overdue and due-soon requests")
    deadlines.add_argument("--today", type=date.fromisoformat, help="ISO date (default: today, UTC)")
    deadlines.set_defaults(handler=deadlines_command)
    deliveries = subparsers.add_parser("deliveries", help="notices to authorities and their state")
    deliveries.add_argument("--status", choices=["pending", "sent", "retrying", "failed"])
    deliveries.add_argument("--number")
    deliveries.set_defaults(handler=deliveries_command)


def review_queue(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.registry import list_requests

    db = open_database(prepared_settings(args).database)
    for registration in list_requests(db, needs_review=True, limit=1000):
        print(
            f"{registration.number}  {registration.received_at:%Y-%m-%d}  {registration.status_reason or ''}"
        )
    return 0


def review_history_command(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.review import review_history

    for action in review_history(open_database(prepared_settings(args).database), args.number):
        print(
            f"{action.at:%Y-%m-%d %H:%M} {action.actor}: {action.action} "
            f"{action.previous_authority} -> {action.authority}"
            + (f" ({action.reason})" if action.reason else "")
        )
    return 0


def confirm_command(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.review import confirm_routing

    settings = prepared_settings(args)
    action = confirm_routing(
        open_database(settings.database), args.number, actor=args.actor, reason=args.reason
    )
    _queue_delivery(settings, args.number)
    print(f"{args.number}: confirmed {action.authority}")
    return 0


def reassign_command(args: argparse.Namespace) -> int:
    from service.bootstrap import load_authorities
    from storage.database import open_database
    from storage.review import reassign_routing

    settings = prepared_settings(args)
    directory = load_authorities(settings)
    action = reassign_routing(
        open_database(settings.database),
        args.number,
        args.authority,
        actor=args.actor,
        reason=args.reason,
        known_authorities=directory.authorities.keys(),
    )
    _queue_delivery(settings, args.number)
    print(f"{args.number}: {action.previous_authority} -> {action.authority}")
    return 0


def draft_command(args: argparse.Namespace) -> int:
    from service.bootstrap import load_authorities, load_drafter
    from storage.database import open_database
    from storage.drafts import get_draft

    settings = prepared_settings(args)
    db = open_database(settings.database)
    edited = get_draft(db, args.number)
    body = edited.body if edited else load_drafter(load_authorities(settings)).draft_for(db, args.number).body
    if args.output:
        args.output.write_text(body, encoding="utf-8")
    else:
        print(body, end="")
    return 0


def deadlines_command(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.deadlines import list_deadlines

    settings = prepared_settings(args)
    today = args.today or datetime.now(UTC).date()
    listed = list_deadlines(
        open_database(settings.database), today=today, due_soon_days=settings.due_soon_days
    )
    for title, items in (
        ("overdue", listed.overdue),
        (f"due within {listed.due_soon_days} days", listed.due_soon),
    ):
        print(f"{title}: {len(items)}")
        for item in items:
            print(
                f"  {item.number}  {item.deadline}  {item.days_left:+d} days  {item.route_to}  {item.status}"
            )
    return 0


def deliveries_command(args: argparse.Namespace) -> int:
    from rogatory.review import DeliveryStatus
    from storage.database import open_database
    from storage.deliveries import list_deliveries

    settings = prepared_settings(args)
    if not settings.email_enabled:
        print("e-mail delivery is off (no smtp_host set)")
    status = DeliveryStatus(args.status) if args.status else None
    for d in list_deliveries(open_database(settings.database), number=args.number, status=status):
        error = f"  {d.last_error}" if d.last_error else ""
        print(
            f"{d.number}  {d.authority} ({d.role})  {d.channel} {d.target}  {d.status} x{d.attempts}{error}"
        )
    return 0


def _queue_delivery(settings: Settings, number: str) -> None:
    from service.bootstrap import task_sender

    task_sender(settings).enqueue_delivery(number)
