"""Dates in the text of a request, parsed to ISO 8601, with the role the text gives them.

Runs inside :func:`extract.entities.find_entities`. Recognises "1 May 2026",
"May 1, 2026", "1st of May 2026", "1er mai 2026", "1 de mayo de 2026", "1. Mai 2026", "1 мая 2026 г.",
"1 أبريل 2026" (Arabic-Indic digits too), "01.05.2026", "01/05/2026", "2026-05-01".
The role ("deadline", "hearing", "limitation", "detention", "birth", "decision") comes from
the cue words nearest before the date in the same sentence (``dates.<lang>.yaml``), or on
its own line when it is a field's value ("Date: 17 April 2026" under an empty "Execute
before:" is the form's date, its label decides); the
date of a warrant, a judgment or a detention order ("custody order of the judge of
1 March") is a "decision" date, not a limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extract.lexicons import read_lexicons, string_list
from rogatory.errors import ConfigurationError
from rogatory.folding import fold, fold_plain
from rogatory.phrases import phrases_pattern
from rogatory.records import Entity, EntityKind, Span

ROLES: tuple[str, ...] = ("deadline", "hearing", "limitation", "detention", "birth", "decision")
#: How far before a date (characters) its role cue may stand.
CUE_WINDOW = 90
#: A cue this close after the previous date ends a range ("from X until Y"): no role.
RANGE_GAP = 20
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n\s*\n|\f")


@dataclass(frozen=True)
class RoleCues:
    """The compiled cue words of one language: one pattern per role, the start words and the
    words that make a detention date the date of the order."""

    roles: tuple[tuple[str, re.Pattern[str]], ...]
    starts: re.Pattern[str] | None
    issued: re.Pattern[str] | None = None


@dataclass(frozen=True)
class DateRules:
    """Month names of every language and role cues per language, compiled once."""

    months: dict[str, int]
    textual: re.Pattern[str]
    month_first: re.Pattern[str]
    cues: dict[str, RoleCues]


def load_date_rules() -> DateRules:
    """Read ``dates.<lang>.yaml`` for every language and compile them.

    Raises ``ConfigurationError`` when a lexicon is malformed.
    """
    lexicons = read_lexicons("dates")
    months: dict[str, int] = {}
    cues: dict[str, RoleCues] = {}
    for language, data in lexicons.items():
        for name, number in (data.get("months") or {}).items():
            if not isinstance(number, int) or not 1 <= number <= 12:
                raise ConfigurationError(f"lexicon dates.{language}.yaml: bad month {name!r}")
            months[fold_plain(str(name))] = number
        cues[language] = _role_cues(data, source=f"dates.{language}.yaml")
    names = "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True))
    textual = re.compile(
        rf"(?<![\w.])(\d{{1,2}})(?:er|st|nd|rd|th|\.|º|°)?\s+(?:de\s+|of\s+)?({names})\.?,?\s+"
        rf"(?:de\s+|del\s+)?(\d{{4}})(?!\d)"
        r"(?:\s*г\.)?"
    )
    month_first = re.compile(rf"(?<!\w)({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")
    return DateRules(months=months, textual=textual, month_first=month_first, cues=cues)


def _role_cues(data: dict[str, object], *, source: str) -> RoleCues:
    roles_data = data.get("roles") or {}
    if not isinstance(roles_data, dict):
        raise ConfigurationError(f"lexicon {source}: roles must be a mapping")
    roles = []
    for role in ROLES:
        pattern = phrases_pattern(string_list(roles_data, role, source=source))
        if pattern is not None:
            roles.append((role, pattern))
    return RoleCues(
        roles=tuple(roles),
        starts=phrases_pattern(string_list(data, "starts", source=source)),
        issued=phrases_pattern(string_list(data, "issued", source=source)),
    )


_NUMERIC = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d./-]?\d)")
_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: date
    textual: bool


def find_dates(text: str, *, page: int, language: str | None, rules: DateRules) -> list[Entity]:
    """Every date on one page, as DATE entities with ``attributes["role"]`` when known.

    ``text`` is the page's text, ``page`` its number; spans are offsets into ``text``.
    Languages without cue words, and ``None``, use the cues of every language.
    Raises nothing: an impossible date (31 February) is not a date.
    """
    folded = fold(text)
    found = sorted(_scan(folded.text, rules), key=lambda item: item.start)
    cues = _cues_for(language, rules)
    entities = []
    previous_end = 0
    for item in found:
        role = _role(folded.text, item.start, previous_end, cues)
        previous_end = item.end
        start, end = folded.original_span(item.start, item.end)
        entities.append(
            Entity(
                kind=EntityKind.DATE,
                value=item.value.isoformat(),
                span=Span(page=page, start=start, end=end, text=text[start:end]),
                method="rule:date",
                confidence=0.95 if item.textual else 0.85,
                attributes={"role": role} if role else {},
            )
        )
    return entities


def _scan(folded: str, rules: DateRules) -> list[_Found]:
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, year: str, month: int, day: str, *, textual: bool) -> None:
        if any(start < right and left < end for left, right in taken):
            return
        try:
            value = date(int(year), month, int(day))
        except ValueError:
            return
        taken.append((start, end))
        found.append(_Found(start=start, end=end, value=value, textual=textual))

    for match in rules.textual.finditer(folded):
        add(match.start(), match.end(), match[3], rules.months[match[2]], match[1], textual=True)
    for match in rules.month_first.finditer(folded):
        add(match.start(), match.end(), match[3], rules.months[match[1]], match[2], textual=True)
    for match in _ISO.finditer(folded):
        add(match.start(), match.end(), match[1], int(match[2]), match[3], textual=False)
    for match in _NUMERIC.finditer(folded):
        add(match.start(), match.end(), match[4], int(match[3]), match[1], textual=False)
    return found


def _cues_for(language: str | None, rules: DateRules) -> list[RoleCues]:
    if language in rules.cues and rules.cues[language].roles:
        return [rules.cues[language]]
    return list(rules.cues.values())


def _role(folded: str, start: int, previous_end: int, cues: list[RoleCues]) -> str | None:
    """The role of the date at ``start``: the cue nearest before it in its sentence."""
    window_start = max(previous_end, start - CUE_WINDOW, 0)
    window = folded[window_start:start]
    ends = [match.end() for match in _SENTENCE_END.finditer(window)]
    if ends:
        window = window[ends[-1] :]
    line_start = window.rfind("\n") + 1
    if line_start and ":" in window[line_start:]:
        window = window[line_start:]
    best: tuple[int, int, str] | None = None
    best_cues: RoleCues | None = None
    for language_cues in cues:
        for role, pattern in language_cues.roles:
            for match in pattern.finditer(window):
                key = (match.end(), match.end() - match.start(), role)
                if best is None or key[:2] > best[:2]:
                    best, best_cues = key, language_cues
    if best is None or best_cues is None:
        return None
    cue_start = best[0] - best[1]
    if window_start == previous_end > 0 and cue_start < RANGE_GAP and len(window) == start - window_start:
        return None
    after_cue = window[best[0] :]
    if best[2] == "detention" and best_cues.issued is not None and best_cues.issued.search(after_cue):
        return "decision"
    starts_range = best_cues.starts is not None and best_cues.starts.search(after_cue)
    if best[2] not in ("birth", "decision") and starts_range:
        return None
    return best[2]
