"""Logical order of a line of a PDF text layer that holds right-to-left script.

pdfium gives the characters of a text layer in content-stream order, which for
mixed right-to-left and left-to-right runs is unreliable; each character's box
is reliable. :func:`logical_line` reads a line from the boxes' positions. Pure
functions, no pdfium.

How a line is read:

- **Cells.** pdfium puts a generated space, with an empty box, between text objects
  that lie apart on one line: a label and its value, a list number and its item,
  the cells of a table row. The line is cut there, and each cell is read alone,
  its own paragraph for the writer's bidirectional layout. Cells stand from the
  right margin leftwards. On a right-to-left page a line without right-to-left
  letters (a table row of numbers and IBANs) keeps each cell in pdfium's order and
  the cells from the right; cells of a row may overlap when their text overflows.
- **Direction.** A cell laid out right to left and one laid out left to right can
  look the same ("Bank" left of Arabic letters is either "Arabic Bank" read from
  the right or "Bank Arabic" read from the left). Each plausible reading is made
  (right to left; left to right, with brackets and numbers next to Latin text taken
  either way) and the one whose punctuation and brackets sit as written text has
  them wins. On a tie, what came before decides: after a label's colon, a list
  number or a word that introduces an identifier, the reading that starts with it;
  else the cell is right to left unless its rightmost character is a Latin letter
  or closing punctuation, which a right-to-left line does not start with.
- **Numbers and brackets.** Digit groups apart from Latin letters (a phone number)
  stand right to left as groups, each read left to right. A bracket glyph drawn
  mirrored cannot be told from its twin in the text layer, so each bracket of a
  line is made opening or closing by the characters around it.
- **Marks.** A combining mark (harakat, tanwin) goes with the base its box
  overlaps, next to it in pdfium's order, else the nearest base.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

#: A character of a text-layer line and its box's left and right edges (points).
#: A character whose right edge is not past its left is one pdfium generated.
Glyph = tuple[str, float, float]

_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_CLOSING = frozenset(".,;:!?\u060c\u061b\u061f")
_BRACKETS = frozenset("()[]{}")
_OPENING_OF = {"(": "(", ")": "(", "[": "[", "]": "[", "{": "{", "}": "{"}
_CLOSING_OF = {"(": ")", "[": "]", "{": "}"}
#: A number as it reads inside right-to-left text: digits and the separators between them.
_NUMBER = re.compile(r"\d+(?:[.,/:-]\d+)*")
#: Punctuation as written text does not have it: a space before a closing mark that
#: touches the next word, a line starting with one, a space inside a bracket.
_MISPLACED = (
    re.compile(r"\s[.,;:!?\u060c\u061b\u061f](?=\S)"),
    re.compile(r"^[.,;:!?\u060c\u061b\u061f]"),
    re.compile(r"[(\[{]\s"),
    re.compile(r"\s[)\]}]"),
)
#: Words after which a name, account or number follows: "number", "at", "in the name of".
INTRODUCERS = frozenset({"رقم", "لدى", "باسم"})
_LIST_LABEL = re.compile(r"\(?[0-9a-z]{1,3}[.)]")
#: A page is read as right to left when at least this share of its letters are.
MIN_RTL_SHARE = 0.1
#: A character starting this far (points) left of the previous one's right edge, in
#: pdfium's order, starts another text object (cells of a table row that overlap).
OVERLAP_POINTS = 1.5


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (Arabic, Hebrew...)."""
    return any(_is_rtl(char) for char in text)


def page_is_right_to_left(text: str) -> bool:
    """Whether a page's text is mostly right to left (``MIN_RTL_SHARE`` of its letters)."""
    rtl = sum(_is_rtl(char) for char in text)
    latin = sum(unicodedata.bidirectional(char) == "L" for char in text)
    return rtl > 0 and rtl >= MIN_RTL_SHARE * (rtl + latin)


def logical_line(chars: Sequence[Glyph], *, right_to_left_page: bool, before: str = "") -> str:
    """Logical order of one line of characters given in pdfium's order with their boxes.

    Lines without right-to-left letters keep pdfium's order, except on a
    right-to-left page, where their cells stand from the right (module docstring).
    ``before`` is the text read before this line (the page's previous line), which
    decides a cell that reads as well in both directions (:func:`_expects_latin`).
    """
    text = "".join(char for char, _, _ in chars)
    if not has_rtl(text):
        runs = _object_runs(chars)
        if not right_to_left_page or len(runs) < 2:
            return text
        runs.sort(key=lambda run: -max(right for _, _, right in run))
        return " ".join("".join(char for char, _, _ in run).strip() for run in runs)
    glyphs = [glyph for glyph in chars if not _generated(glyph)]
    cuts = sorted((glyph[1] for glyph in chars if _generated(glyph)), reverse=True)
    bases = sorted(_clusters(glyphs), key=lambda cluster: -cluster.centre)
    cells: list[list[str]] = [[]]
    for cluster in bases:
        while cuts and cluster.centre < cuts[0]:
            cuts.pop(0)
            if cells[-1]:
                cells.append([])
        cells[-1].append(cluster.text)
    readings: list[str] = []
    for cell in cells:
        if any(not text.isspace() for text in cell):
            readings.append(_read_cell(_strip(cell), before=readings[-1] if readings else before))
    return _pair_brackets(" ".join(readings))


@dataclass
class _Cluster:
    """A base character with its combining marks, and its box."""

    text: str
    left: float
    right: float

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


def _generated(glyph: Glyph) -> bool:
    """A space pdfium generated between text objects (no box of its own)."""
    char, left, right = glyph
    return right <= left and char.isspace()


def _object_runs(chars: Sequence[Glyph]) -> list[list[Glyph]]:
    """The characters split into pdfium's text objects: at generated spaces and backward jumps."""
    runs: list[list[Glyph]] = [[]]
    for glyph in chars:
        if _generated(glyph):
            runs.append([])
            continue
        if runs[-1] and glyph[1] < runs[-1][-1][2] - OVERLAP_POINTS:
            runs.append([])
        runs[-1].append(glyph)
    return [run for run in runs if run]


def _clusters(glyphs: Sequence[Glyph]) -> list[_Cluster]:
    """Base characters with their combining marks (module docstring, "Marks")."""
    bases: list[_Cluster] = []
    marks: list[tuple[str, float, float, int]] = []
    for char, left, right in glyphs:
        if unicodedata.combining(char):
            marks.append((char, left, right, len(bases)))
        else:
            bases.append(_Cluster(char, left, max(left, right)))
    for char, left, right, following in marks:
        neighbours = [bases[i] for i in (following - 1, following) if 0 <= i < len(bases)]
        overlapping = [
            base
            for base in neighbours
            if not base.text.isspace() and base.left <= right and left <= base.right
        ]
        if overlapping:
            overlapping[0].text += char
            continue
        centre = (left + right) / 2
        candidates = [base for base in bases if not base.text.isspace()]
        if candidates:
            min(candidates, key=lambda base: abs(base.centre - centre)).text += char
    return bases


def _strip(cell: list[str]) -> list[str]:
    start, end = 0, len(cell)
    while start < end and cell[start].isspace():
        start += 1
    while end > start and cell[end - 1].isspace():
        end -= 1
    return cell[start:end]


def _read_cell(clusters: list[str], *, before: str) -> str:
    """One cell, its clusters given from the right margin leftwards, after the text ``before``."""
    if not has_rtl("".join(clusters)):
        return "".join(reversed(clusters))
    right_to_left = _read_right_to_left(clusters)
    visual = clusters[::-1]
    left_to_right = _read_left_to_right(visual)
    starts_latin = unicodedata.bidirectional(clusters[0][0]) == "L" or right_to_left[:1] in _CLOSING
    readings = [
        left_to_right if starts_latin else right_to_left,
        right_to_left,
        _read_left_to_right(visual, numbers="before_rtl"),
        _read_left_to_right(visual, numbers="touching"),
        left_to_right,
        _read_left_to_right(visual, brackets_split=True, numbers="before_rtl"),
        _read_left_to_right(visual, brackets_split=True),
    ]
    scored = [(text, _misplaced(_pair_brackets(text))) for text in readings]
    fewest = min(score for _, score in scored)
    best = [text for text, score in scored if score == fewest]
    if _expects_latin(before):
        return next((text for text in best if _starts_latin_or_digit(text)), best[0])
    return best[0]


def _expects_latin(before: str) -> bool:
    """Whether the text read so far ends as text does before a name, number or identifier.

    A label's colon, a list number ("1.", "(a)") or a word that introduces one
    (``INTRODUCERS``).
    """
    words = before.split()
    if not words:
        return False
    last = words[-1]
    return last.endswith(":") or last in INTRODUCERS or _LIST_LABEL.fullmatch(last) is not None


def _starts_latin_or_digit(text: str) -> bool:
    return bool(text) and unicodedata.bidirectional(text[0]) in {"L", "EN"}


def _misplaced(text: str) -> int:
    """How many punctuation marks and brackets sit where written text does not have them."""
    depth = unmatched = 0
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth:
                depth -= 1
            else:
                unmatched += 1
    return sum(len(pattern.findall(text)) for pattern in _MISPLACED) + unmatched + depth


def _pair_brackets(text: str) -> str:
    """Each bracket made opening or closing by its neighbours: after a space, opening; before one, closing."""
    out = list(text)
    for index, char in enumerate(text):
        kind = _OPENING_OF.get(char)
        if kind is None:
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        opens = (before.isspace() or before in "([{") and not after.isspace()
        closes = not before.isspace() and (after.isspace() or after in _CLOSING or after in ")]}")
        if opens and not closes:
            out[index] = kind
        elif closes and not opens:
            out[index] = _CLOSING_OF[kind]
    return "".join(out)


def _read_right_to_left(clusters: list[str]) -> str:
    """Clusters from the right margin leftwards: left-to-right runs turned back, brackets un-mirrored.

    A run of digit groups without Latin letters (a phone number) keeps its groups
    right to left, each turned back on its own, as the bidirectional algorithm lays
    out numbers apart in right-to-left text.
    """
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
        run = clusters[index : last + 1]
        if any(unicodedata.bidirectional(text[0]) == "L" for text in run):
            out.extend(reversed(run))
        else:
            out.extend(_groups_turned_back(run))
        index = last + 1
    return "".join(out)


def _groups_turned_back(run: list[str]) -> list[str]:
    """Each group between spaces turned back, the groups and spaces left in place."""
    out: list[str] = []
    group: list[str] = []
    for text in run:
        if text.isspace():
            out.extend(reversed(group))
            out.append(text)
            group = []
        else:
            group.append(text)
    out.extend(reversed(group))
    return out


def _read_left_to_right(clusters: list[str], *, brackets_split: bool = False, numbers: str = "") -> str:
    """Clusters from the left margin rightwards: right-to-left runs turned back, numbers in them kept.

    ``brackets_split``: a bracket ends a right-to-left run, as a bracket pair
    around right-to-left words in left-to-right text does. ``numbers``: digits
    right after a Latin letter stay with it, either only those touching it
    (``"touching"``) or all before the next right-to-left letter (``"before_rtl"``).
    """
    out: list[str] = []
    index = 0
    while index < len(clusters):
        end = index
        while end < len(clusters) and not _ends_span(clusters[end], brackets_split=brackets_split):
            end += 1
        span = clusters[index:end]
        inside = [position for position, text in enumerate(span) if _is_rtl(text[0]) or text[0].isdigit()]
        if numbers and index > 0 and unicodedata.bidirectional(clusters[index - 1][0]) == "L":
            stop = (lambda text: text.isspace() or _is_rtl(text[0])) if numbers == "touching" else _starts_rtl
            first = next((position for position, text in enumerate(span) if stop(text)), len(span))
            inside = [position for position in inside if position >= first]
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


def _ends_span(text: str, *, brackets_split: bool) -> bool:
    return unicodedata.bidirectional(text[0]) == "L" or (brackets_split and text[0] in _BRACKETS)


def _starts_rtl(text: str) -> bool:
    return _is_rtl(text[0])


def _is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in {"R", "AL"}


def _is_ltr(char: str) -> bool:
    return unicodedata.bidirectional(char) in {"L", "EN", "AN"}
