"""The sections of a request: headings found by lexicon cues and the text under each.

Requests follow the order of UNCAC art. 46(15) with headings such as "Summary of the
facts", "MESURES SOLLICITÉES" or "5. Запрашиваемая помощь". A line is a heading when,
after its numbering ("5.", "V.", "(b)", "خامساً:"), a ``sections`` phrase of the lexicon
starts it and nothing but punctuation follows (or a colon and the section's text, for
headings written inline, whose line may then be of any length: "Rubrique 4 – Faits : M. ...").
A form's part word and number before the phrase ("Rubrique 4 –", "Casilla 3.", "Раздел 2")
are the lexicons' ``heading_prefixes``. A section runs to the next heading, across page breaks.
The label of a tick box is an option of the form, never a heading ("☒ taking statements
from witnesses or suspects" opens no section on suspects).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classify.document import FoldedDocument, Hit, Region, Stretch
from classify.lexicon import Lexicons
from classify.phrases import PhraseTable
from rogatory.folding import fold_plain

#: Longest line (characters) taken for a heading.
MAX_HEADING = 90
#: A form's item number, with a sub-item letter after it ("7. a)", Cyrillic "8. а)", Arabic "8. أ)").
_NUMBERING = re.compile(r"\s*(?:\(?(?:\d{1,2}|[ivxlc]{1,6}|[a-h])[.)]+\s*(?:[a-hа-гاأبجد]\)\s+)?|[-–•]\s+)?")
#: A form's instruction in brackets at the end of a line, left out of a heading's length.
_INSTRUCTION = re.compile(r"\s*\([^()\n]*\)\s*$")
#: What may follow a heading phrase: punctuation, OCR noise marks ("|", quotes, "*") and
#: one stray letter or mark at the end of a scanned line ("Arrest warrant |", "... i").
#: A form's optional plural after the last word ("Measure(s)", "Ermittlungsmaßnahme(n)") too,
#: and a form's instruction in brackets at the end ("(tick all that apply)", "(cocher les
#: cases utiles)", "(Zutreffendes ankreuzen)", "(отметить)").
_TRAILER = re.compile(
    r"(?:\(\w{1,2}\))?(?:\s*\([^()\n]{2,80}\))?[\s.:;,\-–|!'\"‘’«»*°~_]*(?:(?<=\s)\S[\s.:;,|!'\"‘’*]*)?$"
    r"|[\s.:;,\-–]*"
)


@dataclass(frozen=True)
class Section:
    """A heading, the kind of section it opens and the text under it."""

    kind: str
    heading: Hit
    body: Region


def find_sections(
    document: FoldedDocument,
    table: PhraseTable,
    prefixes: tuple[str, ...],
    words: PhraseTable | None = None,
) -> list[Section]:
    """The sections of ``document`` in order, found with the ``sections`` phrases.

    A short line that no phrase opens is still a heading when it holds one of the
    ``words`` (``heading_words``) anywhere: "Summary of the relevant facts".
    """
    ordinals = _ordinal_pattern(prefixes)
    headings: list[tuple[Hit, int]] = []
    for index, page in enumerate(document.pages):
        offset = 0
        for line in page.text.split("\n"):
            found = _heading(line, offset, table, ordinals)
            if found is None and words is not None:
                found = _worded_heading(line, offset, words)
            if found is not None and not document.in_option(index, found[2], found[3]):
                key, phrase, start, end, body_start = found
                headings.append((document.hit(key, phrase, index, start, end), body_start))
            offset += len(line) + 1
    sections: list[Section] = []
    for number, (heading, body_start) in enumerate(headings):
        following = headings[number + 1][0] if number + 1 < len(headings) else None
        body = _between(document, heading.index, body_start, following)
        sections.append(Section(kind=heading.key, heading=heading, body=body))
    return sections


def read_sections(document: FoldedDocument, lexicons: Lexicons) -> list[Section]:
    """The headed sections of ``document``, with the lexicons of its language."""
    language = document.language
    return find_sections(
        document,
        lexicons.table("sections", language),
        lexicons.heading_prefixes(language),
        lexicons.table("heading_words", language),
    )


def sections_of(sections: list[Section], kind: str) -> list[Section]:
    """The sections of one kind."""
    return [section for section in sections if section.kind == kind]


def _ordinal_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    if not prefixes:
        return None
    words = "|".join(re.escape(fold_plain(word)) for word in sorted(prefixes, key=len, reverse=True))
    # the part's number or letter, Latin or Cyrillic ("Раздел В", "Раздел 2")
    return re.compile(rf"\s*(?:{words})(?:\s+(?:\d{{1,2}}|[a-zа-я]|[ivx]{{1,4}})(?!\w))?\s*[:.\-–)]?\s*")


def _heading(
    line: str, offset: int, table: PhraseTable, ordinals: re.Pattern[str] | None
) -> tuple[str, str, int, int, int] | None:
    """(key, phrase, start, end, body start) in page offsets when ``line`` is a heading."""
    if not line.strip():
        return None
    inline_only = len(_INSTRUCTION.sub("", line).strip()) > MAX_HEADING
    if inline_only and ":" not in line[:MAX_HEADING]:
        return None
    position = _NUMBERING.match(line)
    start = position.end() if position else 0
    if ordinals is not None and (ordinal := ordinals.match(line, start)) is not None:
        start = ordinal.end()
    for match in table.find(line, start):
        if match.start != start:
            break
        rest = _TRAILER.match(line, match.end)
        tail = rest.end() if rest else match.end
        if tail == len(line) and not inline_only:
            return match.key, match.phrase, offset + match.start, offset + match.end, offset + len(line)
        if ":" in line[match.end : tail]:
            return match.key, match.phrase, offset + match.start, offset + match.end, offset + tail
    return None


#: Most words a line may have to be taken as a heading for its words alone, and when
#: it ends with a colon (longer, it is a sentence introducing a list: "the persons
#: concerned by this request are:").
MAX_HEADING_WORDS = 8
MAX_COLON_HEADING_WORDS = 5
_WORDS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.;,!?]\s*$")


def _worded_heading(line: str, offset: int, words: PhraseTable) -> tuple[str, str, int, int, int] | None:
    """A short line, not a sentence nor a name with its role in brackets, whose earliest
    heading word names its kind."""
    position = _NUMBERING.match(line)
    start = position.end() if position else 0
    content = line[start:].strip()
    count = len(_WORDS.findall(content))
    if (
        not content
        or count > MAX_HEADING_WORDS
        or (content.endswith(":") and count > MAX_COLON_HEADING_WORDS)
        or _SENTENCE_END.search(content)
        or "(" in content
    ):
        return None
    found = words.find(line, start)
    if not found:
        return None
    first = found[0]
    return first.key, first.phrase, offset + first.start, offset + first.end, offset + len(line)


def _between(document: FoldedDocument, index: int, start: int, following: Hit | None) -> Region:
    """The folded text from ``start`` on page ``index`` to the start of ``following``."""
    last_index = following.index if following else len(document.pages) - 1
    stretches: list[Stretch] = []
    for page in range(index, last_index + 1):
        begin = start if page == index else 0
        end = following.start if following and page == last_index else len(document.pages[page].text)
        if end > begin:
            stretches.append(Stretch(page, begin, end))
    return Region(tuple(stretches))
