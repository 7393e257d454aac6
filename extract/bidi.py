"""Logical order of a line of a PDF text layer that holds right-to-left script.

pdfium gives the characters of a text layer in content-stream order, which for
mixed right-to-left and left-to-right runs is unreliable; each character's box
is reliable. :func:`logical_line` reads a line from the boxes' positions.
Pure functions, no pdfium.
"""

from __future__ import annotations

import re
import unicodedata

_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_CLOSING = frozenset(".,;:!?\u060c\u061b\u061f")
#: A number as it reads inside right-to-left text: digits and the separators between them.
_NUMBER = re.compile(r"\d+(?:[.,/:-]\d+)*")


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (Arabic, Hebrew...)."""
    return any(_is_rtl(char) for char in text)


def logical_line(chars: list[tuple[str, float | None]]) -> str:
    """Logical order of one line of characters given with their x centres.

    pdfium orders mixed right-to-left and left-to-right runs unreliably, so a line
    with Arabic or Hebrew letters is re-read by position. Writers lay out each line
    in the direction of its first strong letter, and the layout alone does not always
    tell which it was: the line is read as right-to-left unless that reading would
    start with a Latin letter or closing punctuation, which a right-to-left line
    does not. Lines without right-to-left letters are kept in pdfium's order. A
    character without a box (``None``: a space pdfium added) stands between its
    neighbours in pdfium's order.
    """
    if not any(_is_rtl(char) for char, _ in chars):
        return "".join(char for char, _ in chars)
    clusters = _clusters(chars)
    clusters.sort(key=lambda cluster: -cluster[1])
    right_to_left = _read_right_to_left([text for text, _ in clusters])
    if unicodedata.bidirectional(clusters[0][0][0]) == "L" or right_to_left[:1] in _CLOSING:
        return _read_left_to_right([text for text, _ in reversed(clusters)])
    return right_to_left


def _read_right_to_left(clusters: list[str]) -> str:
    """Clusters from the right margin leftwards: left-to-right runs turned back, brackets un-mirrored."""
    out: list[str] = []
    index = 0
    while index < len(clusters):
        if not _is_ltr(clusters[index][0]):
            out.append(clusters[index].translate(_MIRRORED))
            index += 1
            continue
        last = end = index
        while end + 1 < len(clusters) and not _is_rtl(clusters[end + 1][0]):
            end += 1
            if _is_ltr(clusters[end][0]):
                last = end
        out.extend(reversed(clusters[index : last + 1]))
        index = last + 1
    return "".join(out)


def _read_left_to_right(clusters: list[str]) -> str:
    """Clusters from the left margin rightwards: right-to-left runs turned back, numbers in them kept."""
    out: list[str] = []
    index = 0
    while index < len(clusters):
        end = index
        while end < len(clusters) and unicodedata.bidirectional(clusters[end][0]) != "L":
            end += 1
        span = clusters[index:end]
        inside = [position for position, text in enumerate(span) if _is_rtl(text[0]) or text[0].isdigit()]
        if inside and any(_is_rtl(text[0]) for text in span):
            first, last = inside[0], inside[-1]
            out.extend(span[:first])
            out.append(
                _NUMBER.sub(
                    lambda match: match.group(0)[::-1],
                    "".join(reversed(span[first : last + 1])).translate(_MIRRORED),
                )
            )
            out.extend(span[last + 1 :])
        else:
            out.extend(span)
        if end < len(clusters):
            out.append(clusters[end])
        index = end + 1
    return "".join(out)


def _clusters(chars: list[tuple[str, float | None]]) -> list[tuple[str, float]]:
    """Base characters with their combining marks; characters without a box between neighbours."""
    clusters: list[tuple[str, float]] = []
    for index, (char, centre) in enumerate(chars):
        if clusters and unicodedata.combining(char):
            base = len(clusters) - 1
            if base > 0 and clusters[base][0].isspace():
                base -= 1
            clusters[base] = (clusters[base][0] + char, clusters[base][1])
            continue
        clusters.append((char, centre if centre is not None else _between(chars, index)))
    return clusters


def _between(chars: list[tuple[str, float | None]], index: int) -> float:
    """The mean x centre of the nearest boxed characters before and after ``index``."""
    before = next((c for _, c in reversed(chars[:index]) if c is not None), None)
    after = next((c for _, c in chars[index + 1 :] if c is not None), None)
    known = [centre for centre in (before, after) if centre is not None]
    return sum(known) / len(known) if known else 0.0


def _is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in {"R", "AL"}


def _is_ltr(char: str) -> bool:
    return unicodedata.bidirectional(char) in {"L", "EN", "AN"}
