"""The compressed parts of an original, inflated with a bound: PDF Flate streams, PNG image data.

Runs in intake, before an original is registered. The worker's PDF library inflates
a content stream whole into memory, so a 500 kB stream that inflates to gigabytes
(a compression bomb) would take the worker down; a PNG whose header claims more or
fewer pixels than its data holds fails only when decoded. Here every stream is
inflated a megabyte at a time and counted, never kept, and scanned for JavaScript
and other active content on the way (object streams hide it from a search of the raw bytes). Pure functions
over bytes; nothing here raises.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass

MAX_STREAM_BYTES = 100 * 1024 * 1024
"""A content, font or object stream larger than this once inflated is a bomb, not a page."""

_STEP = 1024 * 1024
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_DICTIONARY_WINDOW = 4096
_FLATE = re.compile(rb"/FlateDecode(?![A-Za-z0-9])")
_IMAGE = re.compile(rb"/Subtype\s*/Image(?![A-Za-z0-9])")
_WIDTH = re.compile(rb"/Width\s+(\d{1,9})(?![\d.])")
_HEIGHT = re.compile(rb"/Height\s+(\d{1,9})(?![\d.])")
# Actions that run a program, reach outside the file or send data: refused wherever they are
# (docs/decisions.md, "One rule for active content"). /URI is refused only when the file
# opens it by itself (ingest/active_content.py): a link a reader must click is kept.
_SCRIPT = re.compile(
    rb"/(JavaScript|JS|Launch|SubmitForm|ImportData|GoToR|GoToE|RichMediaExecute)(?![A-Za-z0-9#])"
)
_SCRIPT_OVERLAP = 16


@dataclass(frozen=True)
class StreamScan:
    """What inflating a PDF's streams found.

    ``bomb_offset`` is the byte offset of the first stream that inflates beyond its
    bound ``bomb_bound`` (None and 0: none does); ``largest_image`` the declared pixels of its largest
    image; ``active`` the name of the first program or outside action (``JavaScript``,
    ``Launch``, ``SubmitForm``...) found in the raw bytes or in an inflated stream, or None.
    """

    bomb_offset: int | None
    bomb_bound: int
    largest_image: tuple[int, int]
    active: str | None


def scan_pdf_streams(data: bytes, *, max_stream_bytes: int = MAX_STREAM_BYTES) -> StreamScan:
    """Inflate every Flate stream of ``data`` within its bound and report what was found.

    An image stream may inflate to its declared width x height at 4 bytes per pixel
    (plus a predictor byte per row and 1 MB of slack); any other stream to
    ``max_stream_bytes``. A stream that does not inflate cleanly is left to the
    PDF reader (it is damage, not a bomb).
    """
    active: str | None = None
    largest = (0, 0)
    position = 0
    while (match := _STREAM.search(data, position)) is not None:
        # Outside streams, a JavaScript action is plain PDF syntax; inside one it may be
        # any encoded byte run (ASCII85 text holds "/JS" by chance).
        active = active or _found(_SCRIPT.search(data, position, match.start()))
        dictionary = data[max(position, match.start() - _DICTIONARY_WINDOW) : match.start()]
        dictionary = dictionary[dictionary.rfind(b"obj") + 1 :] if b"obj" in dictionary else dictionary
        bound = max_stream_bytes
        if _IMAGE.search(dictionary):
            size = _declared_size(dictionary)
            if size[0] * size[1] > largest[0] * largest[1]:
                largest = size
            if size != (0, 0):
                bound = min(bound, size[0] * size[1] * 4 + size[1] + _STEP)
        end = data.find(b"endstream", match.end())
        position = len(data) if end < 0 else end + len(b"endstream")
        if not _FLATE.search(dictionary):
            continue
        inflated = _inflate(data, match.end(), bound)
        active = active or inflated.active
        if inflated.decoded > bound:
            return StreamScan(match.start(), bound, largest, active)
    active = active or _found(_SCRIPT.search(data, position))
    return StreamScan(None, 0, largest, active)


def _found(match: re.Match[bytes] | None) -> str | None:
    return None if match is None else match.group(1).decode("ascii")


@dataclass(frozen=True)
class _Inflated:
    decoded: int
    active: str | None


def _inflate(data: bytes, start: int, bound: int) -> _Inflated:
    """Inflate from ``start`` until the stream ends, it fails, or it passes ``bound``."""
    inflater = zlib.decompressobj()
    decoded = 0
    position = start
    tail = b""
    active: str | None = None
    try:
        pending = data[position : position + _STEP]
        position += len(pending)
        while pending and not inflater.eof:
            out = inflater.decompress(pending, _STEP)
            decoded += len(out)
            if active is None:
                active = _found(_SCRIPT.search(tail + out))
            tail = out[-_SCRIPT_OVERLAP:]
            if decoded > bound:
                break
            pending = inflater.unconsumed_tail
            if not pending and not inflater.eof:
                pending = data[position : position + _STEP]
                position += len(pending)
    except zlib.error:
        pass
    return _Inflated(decoded=decoded, active=active)


def _declared_size(dictionary: bytes) -> tuple[int, int]:
    width, height = _WIDTH.search(dictionary), _HEIGHT.search(dictionary)
    if width is None or height is None:
        return (0, 0)
    return (int(width.group(1)), int(height.group(1)))


MAX_TEXT_BYTES = 1024 * 1024
"""Pillow's own limit on an inflated PNG text chunk (``PngImagePlugin.MAX_TEXT_CHUNK``)."""

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COMPRESSED_TEXT = {b"zTXt": 2, b"iCCP": 2, b"iTXt": 0}
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


@dataclass(frozen=True)
class PngScan:
    """What walking a PNG's chunks found.

    ``end`` is the offset just after the IEND chunk (None: there is none);
    ``expected`` and ``decoded`` the image data's bytes by the header and as
    inflated (``decoded`` stops one past ``expected``; both 0 for an interlaced
    image, which is not checked); ``text_bomb`` whether a compressed text or colour
    profile chunk inflates beyond ``MAX_TEXT_BYTES`` (Pillow refuses it when decoding).
    """

    end: int | None
    expected: int
    decoded: int
    text_bomb: bool = False


def scan_png(data: bytes) -> PngScan:
    """Walk the chunks of a PNG and inflate its image data up to what the header declares."""
    position = len(_PNG_SIGNATURE)
    header: tuple[int, ...] | None = None
    inflater = zlib.decompressobj()
    decoded = 0
    expected = 0
    text_bomb = False
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR" and len(body) == 13:
            header = struct.unpack(">IIBBBBB", body)
            expected = _png_data_bytes(header)
        elif kind == b"IDAT" and expected and decoded <= expected:
            decoded += _inflate_bounded(inflater, body, expected + 1 - decoded)
        elif kind in _COMPRESSED_TEXT:
            text_bomb = text_bomb or _text_inflates_beyond(kind, body, MAX_TEXT_BYTES)
        elif kind == b"IEND":
            return PngScan(min(position, len(data)), expected, decoded, text_bomb)
    return PngScan(None, expected, decoded, text_bomb)


def _text_inflates_beyond(kind: bytes, body: bytes, limit: int) -> bool:
    """Whether a zTXt, iCCP or compressed iTXt chunk inflates to more than ``limit`` bytes."""
    keyword_end = body.find(b"\x00")
    if keyword_end < 0:
        return False
    start = keyword_end + _COMPRESSED_TEXT[kind]
    if kind == b"iTXt":
        if body[keyword_end + 1 : keyword_end + 2] != b"\x01":
            return False  # not compressed
        language_end = body.find(b"\x00", keyword_end + 3)
        translated_end = body.find(b"\x00", language_end + 1) if language_end >= 0 else -1
        if translated_end < 0:
            return False
        start = translated_end + 1
    return _inflate_bounded(zlib.decompressobj(), body[start:], limit + 1) > limit


def _inflate_bounded(inflater: zlib._Decompress, chunk: bytes, room: int) -> int:
    """Bytes inflated from ``chunk`` (at most ``room``); 0 once the data is damaged."""
    produced = 0
    try:
        pending = chunk
        while pending and produced < room and not inflater.eof:
            out = inflater.decompress(pending, min(_STEP, room - produced))
            produced += len(out)
            pending = inflater.unconsumed_tail
    except zlib.error:
        return produced
    return produced


def _png_data_bytes(header: tuple[int, ...]) -> int:
    """Inflated bytes of a non-interlaced PNG's image data (a filter byte per row); 0 if unknown."""
    width, height, bit_depth, colour_type, _compression, _filter, interlace = header
    channels = _CHANNELS.get(colour_type)
    if channels is None or interlace != 0 or width == 0 or height == 0:
        return 0
    return height * (1 + (width * channels * bit_depth + 7) // 8)
