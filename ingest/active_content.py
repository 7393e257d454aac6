"""Actions a PDF runs by itself: its ``/OpenAction`` and every ``/AA`` (additional actions).

Part of the one rule for active content (docs/decisions.md): a PDF may carry a link
to a web address that a reader clicks (letterheads and signatures do), but not one it
opens by itself when the file or a page is opened. Program and outside actions
(JavaScript, /Launch, /SubmitForm...) are refused wherever they are, by
:func:`ingest.compression.scan_pdf_streams`. Runs in intake; pure functions over
bytes, nothing here raises.
"""

from __future__ import annotations

import re

_TRIGGER = re.compile(rb"/(OpenAction|AA)(?![A-Za-z0-9#])\s*")
_REFERENCE = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+R(?![A-Za-z0-9])")
_ACTION_TYPE = re.compile(rb"/S\s*/([A-Za-z0-9]+)")
#: How far a trigger's dictionary is read, and how many references deep it is followed.
_WINDOW = 4096
_DEPTH = 3
#: What a file may do by itself: go to one of its own pages, run a viewer's menu item.
_HARMLESS = frozenset({"GoTo", "Named"})


def automatic_action(data: bytes) -> str | None:
    """The type of the first action ``data`` runs by itself that is not harmless, or None.

    Only objects in the file's plain syntax are followed (an action kept in a
    compressed object stream is found by the program-action scan if it runs a
    program, not here if it opens a web address).
    """
    for trigger in _TRIGGER.finditer(data):
        start = trigger.end()
        if data[start : start + 1] == b"[":
            continue  # an explicit destination: a page of this file
        for kind in _action_types(data, _dictionary_at(data, start), _DEPTH):
            if kind not in _HARMLESS:
                return kind
    return None


def _action_types(data: bytes, text: bytes, depth: int) -> list[str]:
    kinds = [match.group(1).decode("ascii") for match in _ACTION_TYPE.finditer(text)]
    if depth > 0:
        for reference in _REFERENCE.finditer(text):
            body = _object(data, reference.group(1), reference.group(2))
            if body is not None:
                kinds += _action_types(data, body, depth - 1)
    return kinds


def _dictionary_at(data: bytes, start: int) -> bytes:
    """The dictionary (balanced ``<< >>``) or the single reference at ``start``."""
    if data[start : start + 2] != b"<<":
        reference = _REFERENCE.match(data, start)
        return reference.group(0) if reference else b""
    level = 0
    position = start
    end = min(len(data), start + _WINDOW)
    while position < end:
        pair = data[position : position + 2]
        if pair == b"<<":
            level += 1
            position += 2
            continue
        if pair == b">>":
            level -= 1
            position += 2
            if level == 0:
                break
            continue
        position += 1
    return data[start:position]


def _object(data: bytes, number: bytes, generation: bytes) -> bytes | None:
    found = re.search(rb"(?<![0-9])" + number + rb"\s+" + generation + rb"\s+obj", data)
    if found is None:
        return None
    end = data.find(b"endobj", found.end(), found.end() + _WINDOW)
    return data[found.end() : end if end >= 0 else found.end() + _WINDOW]
