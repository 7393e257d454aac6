"""Actions on many requests at once (issue 18): confirm, assign, export the registry's selection.

Each request goes through the same check and the same storage call as its one-document
action: :func:`web.access.check_visible`, then :func:`storage.review.confirm_routing` or
:func:`storage.review.reassign_routing` (one review row and its audit lines, in one
transaction per request) and its deliveries queued; an export reads each original through
:func:`web.access.visible_request` (audited as a ``download``). One request that cannot
be done (not visible, not analysed yet) is reported and the others go on. Runs in the
web process.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from tempfile import SpooledTemporaryFile
from typing import IO

from rogatory.errors import InputError, NotFoundError
from rogatory.listing import RegistryFilter
from rogatory.records import Record
from storage.database import Database
from storage.listing import list_registry
from storage.objects import CorruptObjectError, ObjectStore
from storage.review import MAX_REASON, confirm_routing, reassign_routing
from web.access import check_visible, visible_request
from web.auth import Principal
from web.download_names import download_name
from web.error_words import explained
from web.languages import Translator

#: Most requests one bulk action takes (two pages of the registry).
MAX_SELECTED = 100
#: An export is kept in memory up to this size, on disk beyond it.
_IN_MEMORY_BYTES = 16 * 1024 * 1024
_CHUNK = 1024 * 1024
_FORMULA_STARTS = frozenset("=+-@\t\r")
_MANIFEST_COLUMNS = ("number", "file", "received_at", "status", "language", "requesting_state", "route_to")


class BulkAction(StrEnum):
    CONFIRM = "confirm"
    ASSIGN = "assign"
    EXPORT = "export"


class BulkOutcome(Record):
    """What became of one request of a bulk action: done, or why not."""

    number: str
    done: bool
    detail: str = ""
    code: str = ""  # the error's stable code when not done (STYLE.md 7), for the reader's language


def selected_numbers(raw: Iterable[str]) -> list[str]:
    """The distinct numbers chosen, in their order. Raises ``InputError`` for none or too many."""
    numbers = list(dict.fromkeys(value.strip()[:40] for value in raw if value.strip()))
    if not numbers:
        raise InputError("select at least one request first", code="nothing_selected")
    if len(numbers) > MAX_SELECTED:
        raise InputError(f"select at most {MAX_SELECTED} requests at once", code="too_many_selected")
    return numbers


def confirm_each(
    db: Database, principal: Principal, numbers: Iterable[str], *, reason: str, deliver: Callable[[str], None]
) -> list[BulkOutcome]:
    """Confirm the routing of each request, as the document page's *Confirm routing* does."""

    def confirm(number: str) -> str:
        action = confirm_routing(db, number, actor=principal.actor, reason=reason)
        return action.authority

    return [_each(db, principal, number, confirm, deliver) for number in numbers]


def assign_each(
    db: Database,
    principal: Principal,
    numbers: Iterable[str],
    *,
    authority: str,
    reason: str,
    known_authorities: Collection[str],
    deliver: Callable[[str], None],
) -> list[BulkOutcome]:
    """Send each request to ``authority`` with one reason, as the document page's *Reassign* does.

    Raises ``InputError`` before anything is done for an unknown authority or no reason.
    """
    if authority not in known_authorities:
        raise InputError(f"unknown authority {authority!r}", code="unknown_authority")
    if not reason.strip():
        raise InputError(
            "give the reason for sending the requests to another authority", code="reason_required"
        )

    def assign(number: str) -> str:
        action = reassign_routing(
            db, number, authority, actor=principal.actor, reason=reason, known_authorities=known_authorities
        )
        return action.authority

    return [_each(db, principal, number, assign, deliver) for number in numbers]


def _each(
    db: Database,
    principal: Principal,
    number: str,
    act: Callable[[str], str],
    deliver: Callable[[str], None],
) -> BulkOutcome:
    try:
        check_visible(db, principal, number)
        decided = act(number)
    except (NotFoundError, InputError) as error:
        return BulkOutcome(number=number, done=False, detail=str(error), code=error.code)
    deliver(number)
    return BulkOutcome(number=number, done=True, detail=decided)


def bulk_reason(reason: str) -> str:
    return reason.strip()[:MAX_REASON]


def export_originals(
    db: Database, store: ObjectStore, principal: Principal, numbers: Iterable[str], tr: Translator
) -> tuple[IO[bytes], list[BulkOutcome]]:
    """A ZIP of the originals the caller may see, each under ``<number> <original name>``, with
    ``registry.csv`` (one line per exported request) and ``not-exported.txt`` (what was left
    out, and why, in ``tr``'s language with the English detail); each original is audited as
    a download.

    The file is positioned at its start. A request not visible or unknown, or whose original
    is missing or damaged in the store, is left out and reported. Raises ``TransientError``
    when the store or the database fails (the file is then closed).
    """
    archive: IO[bytes] = SpooledTemporaryFile(max_size=_IN_MEMORY_BYTES)  # noqa: SIM115 - returned open
    try:
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as bundle:
            outcomes = [_add_original(bundle, db, store, principal, number) for number in numbers]
            done = tuple(outcome.number for outcome in outcomes if outcome.done)
            bundle.writestr("registry.csv", _manifest(db, principal, done))
            left_out = [outcome for outcome in outcomes if not outcome.done]
            if left_out:
                bundle.writestr("not-exported.txt", not_exported_note(left_out, tr))
    except BaseException:
        archive.close()
        raise
    archive.seek(0)
    return archive, outcomes


def not_exported_note(left_out: Iterable[BulkOutcome], tr: Translator) -> str:
    """The text of ``not-exported.txt``: a heading, then one line per request left out and why."""
    lines = [tr.gettext("These selected requests are not in the export, and why:"), ""]
    for outcome in left_out:
        reason, detail = explained(outcome.code, outcome.detail, tr)
        line = tr.gettext("%(number)s: %(reason)s", number=outcome.number, reason=reason)
        lines.append(line + (f" ({detail})" if detail else ""))
    return "\n".join(lines) + "\n"


def _add_original(
    bundle: zipfile.ZipFile, db: Database, store: ObjectStore, principal: Principal, number: str
) -> BulkOutcome:
    try:
        registration = visible_request(db, principal, number, action="download").registration
        data = store.get(registration.sha256)
    except (NotFoundError, CorruptObjectError) as error:
        return BulkOutcome(number=number, done=False, detail=str(error), code=error.code)
    name = download_name(registration.filename, number, registration.media_type)
    bundle.writestr(f"{number} {name}", data)
    return BulkOutcome(number=number, done=True, detail=name)


def _manifest(db: Database, principal: Principal, numbers: tuple[str, ...]) -> str:
    listing = list_registry(db, principal.user, RegistryFilter(numbers=numbers), limit=max(len(numbers), 1))
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(_MANIFEST_COLUMNS)
    for entry in sorted(listing.entries, key=lambda item: numbers.index(item.number)):
        values = (
            entry.number,
            entry.filename,
            entry.received_at.isoformat(),
            entry.status.value,
            entry.language or "",
            entry.requesting_state or "",
            entry.route_to or "",
        )
        writer.writerow([_cell(value) for value in values])
    return text.getvalue()


def _cell(value: str) -> str:
    """A received name that a spreadsheet would run as a formula is kept as text (``'=...``)."""
    return "'" + value if value[:1] in _FORMULA_STARTS else value


def export_name(now: datetime | None = None) -> str:
    """The ZIP's file name: ``rogatory-export-20261203-1530.zip`` (UTC)."""
    return f"rogatory-export-{(now or datetime.now(UTC)).strftime('%Y%m%d-%H%M')}.zip"


def chunks(archive: IO[bytes]) -> Iterator[bytes]:
    """The export's bytes in pieces, the file closed at the end."""
    with archive:
        while piece := archive.read(_CHUNK):
            yield piece
