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
import zlib

_TRIGGER = re.compile(rb"/(OpenAction|AA)(?![A-Za-z0-9#])\s*")
_REFERENCE = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+R(?![A-Za-z0-9])")
_ACTION_TYPE = re.compile(rb"/S\s*/([A-Za-z0-9]+)")
#: How far a trigger's dictionary is read, and how many references deep it is followed.
_WINDOW = 4096
_DEPTH = 3
#: What a file may do by itself: go to one of its own pages, run a viewer's menu item.
_HARMLESS = frozenset({"GoTo", "Named"})


_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm(?![A-Za-z0-9])")
_INTEGER_KEY = {key: re.compile(rb"/" + key + rb"\s+(\d{1,10})") for key in (b"N", b"First")}
#: Bounds of the object streams read: how many, and how many bytes inflated in all.
_MAX_OBJECT_STREAMS = 2_000
_MAX_INFLATED = 32 * 1024 * 1024


def automatic_action(data: bytes) -> str | None:
    """The type of the first action ``data`` runs by itself that is not harmless, or None.

    Objects in the file's plain syntax and in its compressed object streams (PDF 1.5)
    are followed: the objects of each stream are written out as plain objects first.
    """
    data = with_object_streams(data)
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


def with_object_streams(data: bytes) -> bytes:
    """``data`` followed by the objects of its Flate object streams as plain ``N 0 obj``
    syntax (bounded in count and inflated size; a stream that does not inflate is skipped)."""
    extra: list[bytes] = []
    budget = _MAX_INFLATED
    for count, marker in enumerate(_OBJECT_STREAM.finditer(data)):
        if count >= _MAX_OBJECT_STREAMS or budget <= 0:
            break
        header_start = data.rfind(b"obj", max(0, marker.start() - _WINDOW), marker.start())
        stream = data.find(b"stream", marker.end(), marker.end() + _WINDOW)
        if header_start < 0 or stream < 0:
            continue
        dictionary = data[header_start:stream]
        numbers = {key: pattern.search(dictionary) for key, pattern in _INTEGER_KEY.items()}
        if b"FlateDecode" not in dictionary or None in numbers.values():
            continue
        body_start = stream + len(b"stream")
        body_start += 2 if data[body_start : body_start + 2] == b"\r\n" else 1
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data[body_start:], budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        first = int(numbers[b"First"].group(1))  # type: ignore[union-attr]
        try:
            pairs = [int(value) for value in inflated[:first].split()]
        except ValueError:
            continue  # not an object stream's header: left to the PDF reader
        entries = list(zip(pairs[0::2], pairs[1::2], strict=False))
        for index, (number, offset) in enumerate(entries):
            end = entries[index + 1][1] if index + 1 < len(entries) else len(inflated) - first
            body = inflated[first + offset : first + end]
            extra.append(b"\n%d 0 obj\n" % number + body + b"\nendobj\n")
    return data + b"".join(extra) if extra else data
