"""The requesting authority and its officer, from the signature block of a request.

Runs inside :func:`extract.entities.find_entities`, once per document. Requests in
every language close the same way: the signatory's name alone on a line, the
signatory's title on the next one or two lines, then the office ("Musa Ochieng /
Director, Special Investigations / The Inspectorate of Government of Uganda"). The
office line must hold an office word of ``authorities.<lang>.yaml`` ("ministry",
"parquet", "fiscalía", "прокуратура", "النيابة", "Staatsanwaltschaft", ...). The last
such block of the document is the signature; its office is an AUTHORITY entity with
the officer and title as attributes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.lexicons import read_lexicons, string_list
from extract.persons import PersonRules, name_runs
from rogatory.folding import fold_plain
from rogatory.phrases import phrases_pattern
from rogatory.records import DocumentText, Entity, EntityKind, Span

#: Longest office line and title line (characters) of a signature block.
MAX_OFFICE, MAX_TITLE = 140, 90
_LINE = re.compile(r"[^\n]+")
#: A line that is only a page number: "- 2 -", "Page 2 of 3", "Seite 1 von 1", "الصفحة 2 من 2".
_PAGE_NUMBER = re.compile(
    r"[\W\d_]+|(?i:page|pagina|página|seite|страница|стр|الصفحة|صفحة|pag|p|s)\.?\s*\d+(?:\s+\w+\s+\d+)?"
)
_Line = tuple[int, str, re.Match[str]]


@dataclass(frozen=True)
class AuthorityRules:
    """Office words of every language, compiled once."""

    offices: re.Pattern[str] | None


def load_authority_rules() -> AuthorityRules:
    """Read ``authorities.<lang>.yaml`` of every language. Raises ``ConfigurationError``."""
    words: list[str] = []
    for language, data in read_lexicons("authorities").items():
        words.extend(string_list(data, "offices", source=f"authorities.{language}.yaml"))
    return AuthorityRules(offices=phrases_pattern(words))


def find_authority(text: DocumentText, *, rules: AuthorityRules, persons: PersonRules) -> list[Entity]:
    """The requesting authority of the last signature block, or nothing. Raises nothing.

    A block may run over a page break; page numbers ("- 1 -", "Page 2 of 3") are skipped.
    """
    offices = rules.offices
    if offices is None:
        return []
    lines = [
        (page.number, page.text, line)
        for page in text.pages
        for line in _LINE.finditer(page.text)
        if line.group().strip() and not _PAGE_NUMBER.fullmatch(line.group().strip())
    ]
    found: Entity | None = None
    for index, (_, page_text, line) in enumerate(lines):
        if _is_name_line(page_text, line, persons):
            found = _block(lines[index + 1 : index + 4], line.group().strip(), offices) or found
    return [found] if found is not None else []


def _is_name_line(text: str, line: re.Match[str], persons: PersonRules) -> bool:
    """Whether a line is nothing but a name of two to six words."""
    runs = name_runs(text, line.start(), line.end(), persons)
    if len(runs) != 1 or not 2 <= len(runs[0]) <= 6:
        return False
    return text[runs[0][0].start() : runs[0][-1].end()].strip() == line.group().strip()


def _block(following: list[_Line], officer: str, offices: re.Pattern[str]) -> Entity | None:
    """The AUTHORITY of a signature block whose name line precedes ``following``."""
    for count in (1, 2):
        if len(following) <= count:
            break
        titles = [line.group().strip() for _, _, line in following[:count]]
        page, _, office = following[count]
        value = office.group().strip()
        if any(len(title) > MAX_TITLE for title in titles):
            return None
        if len(value) > MAX_OFFICE or not offices.search(fold_plain(value)):
            continue
        start = office.start() + (len(office.group()) - len(office.group().lstrip()))
        return Entity(
            kind=EntityKind.AUTHORITY,
            value=value,
            span=Span(page=page, start=start, end=start + len(value), text=value),
            method="rule:signature",
            confidence=0.8,
            attributes={"officer": officer, "title": " ".join(titles)},
        )
    return None
