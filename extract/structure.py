"""The structure of a request read from its text: numbered headings, label-value fields, tick boxes.

Pure; runs at the end of text extraction (extract/text.py ``assemble_document``, which
both ``extract_text`` and the page tasks' assembly call), so every
:class:`~rogatory.records.DocumentText` leaving extract carries its structure.

Tick boxes come from printed glyphs (☐ ☒ ☑ □ ■ [ ] [X] ( ) (x) ...), from OCR's usual
misreadings of them (``O``, ``0``, ``C1``, ``[]``, ``(.)`` for an empty box, ``[/]``, ``IX]``,
``[X|``, ``|X|``, ``Ø`` and ``K`` (a ☒ read as a letter) for a ticked one), read as boxes only
beside other boxes since "O" and "0" are words and
numbers too, and from the boxes found on the page image (``PageText.boxes``, whose state
wins over a misreading). Each option's label runs from its box to the next box on the
line or the end of the line; its question is the text before the first box of the line
("Urgent:"), else the nearest line above without boxes ("3. Type of proceedings").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rogatory.records import (
    BoxState,
    DocumentStructure,
    DocumentText,
    DrawnBox,
    FormField,
    PageText,
    SectionHeading,
    Span,
    TickBox,
    Word,
)

_UNTICKED_GLYPHS = "☐□▢❏❑○"
_TICKED_GLYPHS = "☒☑■▣⊠☓✓✔✗✘●◼"
_TICK_MARKS = r"xX×✓✔✗✘/\\*+vV“”‘’\"'"
#: Printed boxes, always boxes.
_STRICT = re.compile(
    rf"(?P<off>[{_UNTICKED_GLYPHS}]|\[\s*\]|\(\s+\))"
    rf"|(?P<on>[{_TICKED_GLYPHS}]|\[\s*[{_TICK_MARKS}]\s*\]|\(\s*[xX×✓✔]\s*\))"
)
#: OCR's readings of printed boxes: boxes only at a word's start and beside other boxes.
_WEAK = re.compile(
    r"(?<!\S)(?:(?P<off>CO|C1|Ul|LI|QO|\(\)|\(\.\)|\[\]|\[\.\]|\[O|\[1|0\]|O\]|D\]|U\]"
    r"|CL\]|LC\)|CO\)|LL\)|QO\)|\{\)|\{\(\))|(?P<on>\{x\)|\[”\]|\[/\]|\[/|&|©"
    r"|[Il|1]\s?[xX×]\s?\]|\[\s?[xX×]\s?[Il|1]|\|[xX×]\||\[[xX×](?!\S)|[IlL(|][xX×]\)|[(\[]?[ØøK][)\]]?))(?=\s+\w)"
)
#: Misreadings that are also words or numbers: boxes only at the start of a line.
_WEAK_AT_START = re.compile(r"^[ \t]*(?P<box>O|0|D|DO|DI|OD)(?=[ \t]+\w)", re.MULTILINE)
_LINE = re.compile(r"[^\n]+")
_HEADING = re.compile(
    r"^[ \t]*(?P<number>(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[A-Z][.)]|\(?[a-z]\)|[IVX]{1,5}[.)])"
    r"|(?:SECTION|SECCIÓN|SEZIONE|SECÇÃO|SEÇÃO|ABSCHNITT|РАЗДЕЛ)\s+[A-Z0-9]{1,3}\s*[:.]?)"
    r"[ \t]+(?P<title>[^\W\d_][^\n]{1,90})$",
    re.MULTILINE,
)
_FIELD = re.compile(
    r"^[ \t]*(?:\(?[a-z0-9]{1,2}[.)][ \t]+)?(?P<label>[^\W\d_][^:\n]{0,40}?)[ \t]*:"
    r"(?:[ \t]+(?P<value>[^\n]*))?$",
    re.MULTILINE,
)
#: A second field on the same line ("INT-5834/26    Date: ..."): the value ends before it.
_NEXT_FIELD = re.compile(r"[ \t]{2,}(?=[^\W\d_][^:\n]{0,30}:)")
#: Where a question ends before the first option of a line whose boxes follow their options:
#: the last run of 2+ spaces, or a colon or question mark ("Urgent?   Yes ☐   No ☒").
_QUESTION_END = re.compile(r"(?:.*(?:[ \t]{2,}|[:?؟]\s*))")
#: The longest label a misread box may stand before.
MAX_OPTION_WORDS = 10
_TRAILING = " \t:;,.-–—"


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    state: BoxState
    method: str
    strict: bool
    #: A box drawn after its option, with no word on its right ("Yes ☐   No ☒" on a scan).
    last_on_line: bool = False


def read_structure(text: DocumentText) -> DocumentStructure:
    """The headings, fields and tick boxes of every page of ``text``. Raises nothing."""
    headings: list[SectionHeading] = []
    fields: list[FormField] = []
    boxes: list[TickBox] = []
    for page in text.pages:
        headings.extend(read_headings(page))
        fields.extend(read_fields(page))
        boxes.extend(read_boxes(page))
    return DocumentStructure(headings=tuple(headings), fields=tuple(fields), boxes=tuple(boxes))


def read_headings(page: PageText) -> list[SectionHeading]:
    """Numbered headings: short lines after a number or letter ("3. Background", "B.", "(e)")."""
    found: list[SectionHeading] = []
    for match in _HEADING.finditer(page.text):
        title = match.group("title")
        if len(title.split()) > 12 or title.rstrip().endswith((".", ";", ",")) or _has_box(match.group(0)):
            continue
        found.append(SectionHeading(span=_span(page, *match.span()), number=match.group("number").strip()))
    return found


def read_fields(page: PageText) -> list[FormField]:
    """Label-value lines ("Name: ...", "Nom :", "Фамилия:", "الاسم:"); the value may be empty."""
    found: list[FormField] = []
    for match in _FIELD.finditer(page.text):
        if _has_box(match.group(0)) or len(match.group("label").split()) > 6:
            continue
        label = _span(page, *match.span("label"))
        value = match.group("value") or ""
        value_start = match.start("value") if match.group("value") is not None else match.end()
        value = _NEXT_FIELD.split(value, maxsplit=1)[0]
        end = value_start + len(value.rstrip())
        found.append(FormField(label=label, value=_span(page, value_start, end)))
    return found


def read_boxes(page: PageText) -> list[TickBox]:
    """The tick boxes of one page with their labels and questions, in reading order."""
    lines = [(match.start(), match.end()) for match in _LINE.finditer(page.text)]
    drawn = _drawn_marks(page)
    per_line = [_marks(page.text, start, end, drawn) for start, end in lines]
    per_line = _confirmed(page.text, lines, per_line)
    boxes: list[TickBox] = []
    for number, marks in enumerate(per_line):
        if not marks:
            continue
        line_end = lines[number][1]
        if _boxes_after_options(page.text, line_end, marks):
            # a misreading at the line's start ("O pedido é urgente?") is a word here
            printed = [mark for mark in marks if mark.strict]
            boxes.extend(_after_options(page, lines, per_line, number, printed))
            continue
        question = _question(page, lines, per_line, number, marks[0])
        for mark, following in zip(marks, [*marks[1:], None], strict=True):
            label = _label(page, mark.end, following.start if following else line_end)
            if label is None:
                continue
            boxes.append(_tick_box(label, mark, question))
    return boxes


def _boxes_after_options(text: str, line_end: int, marks: list[_Mark]) -> bool:
    """A line whose boxes stand after their options ("Yes ☐   No ☒"): nothing follows its last box."""
    last = marks[-1]
    if last.last_on_line:
        return True
    return last.strict and last.method == "glyph" and _label_text(text[last.end : line_end]) == ""


def _after_options(
    page: PageText, lines: list[tuple[int, int]], per_line: list[list[_Mark]], number: int, marks: list[_Mark]
) -> list[TickBox]:
    """The options of a line whose boxes follow their words; the question is what precedes the
    first option after a run of spaces, a colon or a question mark, else the line above."""
    line_start = lines[number][0]
    first_start = line_start
    head = page.text[line_start : marks[0].start]
    split = _QUESTION_END.search(head.rstrip())
    question: Span | None = None
    if split is not None and _label_text(head[split.end() :]):
        question = _label(page, line_start, line_start + split.end())
        first_start = line_start + split.end()
    if question is None:
        question = _question(
            page, lines, per_line, number, _Mark(line_start, line_start, BoxState.UNTICKED, "", True)
        )
    found: list[TickBox] = []
    starts = [first_start, *(mark.end for mark in marks[:-1])]
    for mark, start in zip(marks, starts, strict=True):
        label = _label(page, start, mark.start)
        if label is None:
            continue
        found.append(_tick_box(label, mark, question))
    return found


def _tick_box(label: Span, mark: _Mark, question: Span | None) -> TickBox:
    """The box of ``mark`` with its option's words and the question it answers."""
    return TickBox(
        span=label,
        state=mark.state,
        method=mark.method,
        question=question.text if question else "",
        question_span=question,
    )


def _label_text(piece: str) -> str:
    stripped = piece.strip(_TRAILING)
    return stripped if any(char.isalnum() for char in stripped) else ""


def _marks(text: str, start: int, end: int, drawn: list[_Mark]) -> list[_Mark]:
    """The box marks of the line ``[start, end)``: printed, misread and drawn (drawn win)."""
    marks = [
        _Mark(m.start(), m.end(), _state(m), "glyph", strict)
        for pattern, strict in ((_STRICT, True), (_WEAK, False))
        for m in pattern.finditer(text, start, end)
    ]
    at_start = _WEAK_AT_START.match(text, start, end)
    if at_start is not None:
        marks.append(_Mark(at_start.start("box"), at_start.end("box"), _state(at_start), "glyph", False))
    marks = [
        mark
        for mark in marks
        if mark.strict or not any(_overlap(mark, other) for other in marks if other.strict)
    ]
    for box in (
        mark for mark in drawn if start <= mark.start < end or (mark.last_on_line and mark.start == end)
    ):
        marks = [mark for mark in marks if mark.strict or not _near(mark, box)]
        if not any(mark.strict and mark.method != "image" and _near(mark, box) for mark in marks):
            marks.append(box)
    return sorted(marks, key=lambda mark: mark.start)


def _confirmed(text: str, lines: list[tuple[int, int]], per_line: list[list[_Mark]]) -> list[list[_Mark]]:
    """Misread marks kept only before short labels, beside other marks (a form's options).

    A line whose marks are all misreadings keeps them when each label is short and no
    sentence ("O presente pedido é formulado ..." is Portuguese prose, not a box), and the
    line has two marks or a line beside it has marks.
    """
    kept: list[list[_Mark]] = []
    for number, marks in enumerate(per_line):
        if not marks or any(mark.strict for mark in marks):
            kept.append(marks)
            continue
        ends = [mark.start for mark in marks[1:]] + [lines[number][1]]
        options = all(_option_like(text[mark.end : end]) for mark, end in zip(marks, ends, strict=True))
        neighbours = per_line[max(0, number - 1) : number] + per_line[number + 1 : number + 2]
        beside = len(marks) >= 2 or any(neighbour for neighbour in neighbours)
        kept.append(marks if options and beside else [])
    return kept


def _option_like(label: str) -> bool:
    """A short label that is no sentence."""
    return 0 < len(label.split()) <= MAX_OPTION_WORDS and not label.rstrip().endswith(".")


def _drawn_marks(page: PageText) -> list[_Mark]:
    """The boxes found on the page image, at the offset of the word each stands before.

    The words OCR read on the box itself ("M", "OU", "NX]" for a drawn box) belong to the
    mark, not to the option before it: "Urgente: ☐ Sí ☒ No" read as "Sí M No" gives the
    options "Sí" and "No".
    """
    offsets = _word_offsets(page)
    marks: list[_Mark] = []
    for box in page.boxes:
        if box.word is None:
            marks.extend(_box_after_option(page, box, offsets))
            continue
        if not 0 <= box.word < len(offsets) or offsets[box.word] < 0:
            continue
        offset = offsets[box.word]
        start = _glyph_start(page, box, offsets, offset)
        marks.append(_Mark(start, offset, box.state, "image", True))
    return marks


def _box_after_option(page: PageText, box: DrawnBox, offsets: list[int]) -> list[_Mark]:
    """A drawn box with no word on its right, after the word on its left on the same line
    (a left-to-right line's last box: "No ☒"): marked at that word's end, or at what OCR read
    on the box."""
    left: tuple[int, int] | None = None
    for word, found in zip(page.words, offsets, strict=True):
        right_edge = word.left + word.width
        middle = word.top + word.height / 2
        if found < 0 or not box.top - box.height * 0.3 <= middle <= box.top + box.height * 1.3:
            continue
        if _on_box(word, box):
            return [_Mark(found, found + len(word.text), box.state, "image", True, last_on_line=True)]
        if right_edge <= box.left + box.width / 2 and (left is None or right_edge > left[0]):
            left = (right_edge, found + len(word.text))
    if left is None:
        return []
    return [_Mark(left[1], left[1], box.state, "image", True, last_on_line=True)]


def _glyph_start(page: PageText, box: DrawnBox, offsets: list[int], offset: int) -> int:
    """The offset of the words OCR read on ``box`` (lying mostly on it) right before the
    box's option word on its line; ``offset`` when there are none."""
    line_start = page.text.rfind("\n", 0, offset) + 1
    before = sorted(
        (
            (found, word)
            for word, found in zip(page.words, offsets, strict=True)
            if line_start <= found < offset
        ),
        key=lambda item: item[0],
        reverse=True,
    )
    start = offset
    for found, word in before:
        if not _on_box(word, box) or page.text[found + len(word.text) : start].strip():
            break
        start = found
    return start


def _on_box(word: Word, box: DrawnBox) -> bool:
    """The word lies mostly on the box: OCR's reading of its outline or its tick."""
    covered = max(0, min(word.left + word.width, box.left + box.width) - max(word.left, box.left))
    middle = word.top + word.height / 2
    return covered > 0.5 * word.width and box.top - box.height * 0.3 <= middle <= box.top + box.height * 1.3


def _word_offsets(page: PageText) -> list[int]:
    """The offset in ``page.text`` of each of ``page.words`` (-1 when not found)."""
    offsets: list[int] = []
    position = 0
    for word in page.words:
        found = page.text.find(word.text, position) if word.text else -1
        offsets.append(found)
        if found >= 0:
            position = found + len(word.text)
    return offsets


def _question(
    page: PageText, lines: list[tuple[int, int]], per_line: list[list[_Mark]], number: int, first: _Mark
) -> Span | None:
    """The text before the line's first box, else the nearest line above without boxes."""
    before = _label(page, lines[number][0], first.start)
    if before is not None:
        return before
    for above in range(number - 1, max(-1, number - 30), -1):
        if not per_line[above]:
            top = _wrapped_start(page.text, lines, per_line, above)
            return _label(page, lines[top][0], lines[above][1])
    return None


#: Fewest characters of a line a question wraps from (a heading or a field is shorter).
MIN_WRAPPED = 30
#: Most lines a question wraps over above its last line.
MAX_WRAPPED = 2
_ITEM_START = re.compile(r"^[ \t]*(?:\(?(?:\d{1,2}|[a-z])[.)]|[IVX]{1,5}[.)])[ \t]")


def _wrapped_start(text: str, lines: list[tuple[int, int]], per_line: list[list[_Mark]], last: int) -> int:
    """The first line of a question wrapped over lines ending at ``last`` ("g) This warrant
    also concerns the seizure and handing over of / property which may be required as
    evidence:" read from a scan as two lines): the long lines above without boxes that end
    with no stop, up to the one that opens the item."""
    top = last
    while top > 0 and last - top < MAX_WRAPPED and not _ITEM_START.match(text, lines[top][0]):
        line = text[lines[top - 1][0] : lines[top - 1][1]].rstrip()
        current = text[lines[top][0] : lines[top][1]].rstrip()
        if (
            per_line[top - 1]
            or len(line.strip()) < MIN_WRAPPED
            or line.endswith((".", ":", ";", "?", "!", "؟"))
            or ":" in line  # a field or a heading above, not the question's first part
            or ":" in current[:-1]  # the question's line is itself a field or a heading
        ):
            break
        top -= 1
    return top


def _label(page: PageText, start: int, end: int) -> Span | None:
    """The trimmed text of ``[start, end)``, ``None`` when nothing is left."""
    piece = page.text[start:end]
    stripped = piece.lstrip(_TRAILING)
    start += len(piece) - len(stripped)
    stripped = stripped.rstrip(_TRAILING)
    if not any(char.isalnum() for char in stripped):
        return None
    return _span(page, start, start + len(stripped))


def _state(match: re.Match[str]) -> BoxState:
    return BoxState.TICKED if match.groupdict().get("on") is not None else BoxState.UNTICKED


def _overlap(first: _Mark, second: _Mark) -> bool:
    return first.start < second.end and second.start < first.end


def _near(mark: _Mark, drawn: _Mark) -> bool:
    """A printed or misread mark right before (or at) a drawn box's word."""
    return mark.start <= drawn.start <= mark.end + 2


def _has_box(text: str) -> bool:
    return _STRICT.search(text) is not None


def _span(page: PageText, start: int, end: int) -> Span:
    return Span(page=page.number, start=start, end=end, text=page.text[start:end])
