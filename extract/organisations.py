"""Organisations named in a request: companies, banks and public bodies.

Runs inside :func:`extract.entities.find_entities`, page by page. Rules, with words
from ``organisations.<lang>.yaml`` (used together, like the person words):

- capitalised words before a legal form ("Inversiones Costa Azul S.L.", "Meridian
  Trust Ltd", "Alpen Handels GmbH");
- a bank's or company's head word and the capitalised words after it ("Banco Bilbao
  Vizcaya Argentaria", "Banco do Brasil");
- a legal form before a quoted name ("ООО «Северный Путь»"), an Arabic head word and
  the two words after it ("شركة النور للتجارة");
- the value of a form field whose label names an organisation ("Name of the company:",
  "Dénomination :", "Наименование организации:", "اسم الشركة:"), with or without a legal
  form.

A statistical model adds what it tags ``ORG`` (names of two words or more, or in
Arabic script), each line apart, where no rule found one. Pure; raises nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extract.lexicons import read_lexicons, string_list
from extract.persons import line_parts
from rogatory.folding import fold_plain
from rogatory.phrases import phrases_pattern
from rogatory.records import Entity, EntityKind, Span

#: Lower-case words that may stand inside an organisation's name.
CONNECTORS = frozenset({"de", "del", "do", "da", "dos", "das", "di", "y", "e", "and", "&", "und", "of", "et"})
MAX_WORDS = 6
CONFIDENCE = {"suffix": 0.85, "head": 0.8, "quoted": 0.85, "field": 0.8, "model": 0.6}
#: A form field on its own line: a short label (maybe numbered: "3.", "b)", "E.1"), a colon,
#: its value up to the end of the line or the next cell (a bar, a tab, three spaces), or the
#: whole next line when nothing follows the colon.
_FIELD = re.compile(
    r"(?m)^[ \t]*(?:(?:[A-Za-z]\.?\d{0,2}|\d{1,2}(?:\.\d{1,2})*)[.)]?[ \t]+)?"
    r"([^\W\d_][^:：\n|]{0,58}?)[ \t]*[:：](?:[ \t]*\n)?[ \t]*([^\n|\t]+?)[ \t]*(?=$|\||\t| {3})"
)
#: Words a field's value has at most to be read as an organisation's name.
MAX_FIELD_WORDS = 10
#: Values that say a field has no organisation in it.
_EMPTY_VALUE = re.compile(
    r"[\W_]*|(?i:n/?a|none|unknown|néant|inconnu|ninguna?|desconocid[ao]|nessuna?|keine)"
)
#: A group of letters and digits as an IBAN prints it ("SG0K", "Y6Y3", "42OQ").
_CODE_GROUP = re.compile(r"(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{4}")
#: The last group of an IBAN before a name in a table row: up to three capitals ("X", "LYI").
_CODE_TAIL = re.compile(r"[A-Z0-9]{1,3}")
_WORD = re.compile(r"[\w&'’-]+\.?")
_ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")


@dataclass(frozen=True)
class OrganisationRules:
    """The organisation words of every language, compiled once."""

    suffixes: re.Pattern[str] | None = None
    heads: re.Pattern[str] | None = None
    quoted: re.Pattern[str] | None = None
    arabic: re.Pattern[str] | None = None
    #: Labels of a field that names an organisation, matched whole against the folded label.
    fields: re.Pattern[str] | None = None
    #: Words that may end an Arabic name after its two words ("العامة", "المحدودة").
    arabic_tails: frozenset[str] = frozenset()
    #: Capitalised words of a table's header or a label, never the first of a name ("Inhaber").
    labels: frozenset[str] = frozenset()


def _alternation(
    words: list[str], *, before: str = r"(?<![\w.])", after: str = r"(?![\w])"
) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = sorted({re.escape(word) for word in words}, key=len, reverse=True)
    return re.compile(before + "(?:" + "|".join(ordered) + ")" + after)


def load_organisation_rules() -> OrganisationRules:
    """Read ``organisations.<lang>.yaml`` of every language. Raises ``ConfigurationError``."""
    words: dict[str, list[str]] = {
        key: [] for key in ("suffixes", "heads", "quoted", "arabic", "fields", "arabic_tails", "labels")
    }
    for language, data in read_lexicons("organisations").items():
        for key, bucket in words.items():
            bucket.extend(string_list(data, key, source=f"organisations.{language}.yaml"))
    quoted = _alternation(words["quoted"], after="")
    return OrganisationRules(
        suffixes=_alternation(words["suffixes"], after=r"(?![\w])"),
        heads=_alternation(words["heads"], after=r"(?=[ \t])"),
        quoted=re.compile(quoted.pattern + r"[ \t]*[«\"“]([^»\"”\n]{1,60})[»\"”]") if quoted else None,
        arabic=_alternation(words["arabic"], before=r"(?<![\u0600-\u06ff])", after=r"(?=[ \t])"),
        fields=phrases_pattern(words["fields"], source="organisations fields"),
        arabic_tails=frozenset(words["arabic_tails"]),
        labels=frozenset(fold_plain(word) for word in words["labels"]),
    )


def find_organisations(text: str, *, page: int, rules: OrganisationRules, doc: Any = None) -> list[Entity]:
    """ORGANISATION entities on one page, spans offsets into ``text``; ``doc`` the model's reading."""
    found = _suffix_spans(text, rules) + _head_spans(text, rules) + _quoted_spans(text, rules)
    ruled = _without_overlaps(found)
    fields = [span for span in _field_spans(text, rules) if not any(_overlap(span, other) for other in ruled)]
    ruled = sorted(ruled + fields)
    model = [span for span in _model_spans(text, doc) if not any(_overlap(span, other) for other in ruled)]
    entities = [
        Entity(
            kind=EntityKind.ORGANISATION,
            value=" ".join(text[start:end].split()),
            span=Span(page=page, start=start, end=end, text=text[start:end]),
            method="model:spacy" if evidence == "model" else f"rule:{evidence}",
            confidence=CONFIDENCE[evidence],
        )
        for start, end, evidence in ruled + _without_overlaps(model)
    ]
    return sorted(entities, key=lambda entity: entity.span.start)


OrgSpan = tuple[int, int, str]


def _suffix_spans(text: str, rules: OrganisationRules) -> list[OrgSpan]:
    """Capitalised words right before a legal form, on its line or ending a wrapped line above it.

    A name wraps ("... held at Lindmark\nNational Bank in ...") when the line above is
    prose cut by the layout: at least ``WRAPPED_LINE`` characters, not ending a
    sentence or a label; its last capitalised words then open the name.
    """
    spans = []
    for form in rules.suffixes.finditer(text) if rules.suffixes is not None else ():
        line_start = text.rfind("\n", 0, form.start()) + 1
        above = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        wrapped = line_start > 0 and _is_wrapped(text[above : line_start - 1])
        words = list(_WORD.finditer(text, above if wrapped else line_start, form.start()))
        taken: list[re.Match[str]] = []
        stopped_by: re.Match[str] | None = None
        for word in reversed(words):
            gap = text[word.end() : (taken[0].start() if taken else form.start())]
            comma = not taken and gap == ", "  # "Construtora Atlântico, Lda."
            if (gap not in (" ", "\t", "", "\n") and not comma) or len(taken) >= MAX_WORDS:
                break
            if not _name_word(word.group()) or (taken and _is_form(word.group(), rules)):
                stopped_by = word  # another name's legal form ("... Bank Edilnord S.p.A."), a code
                break
            taken.insert(0, word)
        after_code = stopped_by is not None and _has_digit(stopped_by.group())
        if after_code and len(taken) > 1 and _CODE_TAIL.fullmatch(taken[0].group()):
            taken.pop(0)  # "... Y6Y3 X Lindmark National Bank": the IBAN's last group
        while taken and (taken[0].group() in CONNECTORS or fold_plain(taken[0].group()) in rules.labels):
            taken.pop(0)
        if taken:
            spans.append((taken[0].start(), form.end(), "suffix"))
    return spans


def _is_form(word: str, rules: OrganisationRules) -> bool:
    """Whether ``word`` is a legal form itself (the end of another name before this one)."""
    return rules.suffixes is not None and rules.suffixes.fullmatch(word) is not None


def _has_digit(word: str) -> bool:
    return any(char.isdigit() for char in word)


#: Fewest characters of a line that the layout wrapped in the middle of a sentence.
WRAPPED_LINE = 40


def _is_wrapped(line: str) -> bool:
    stripped = line.rstrip()
    return len(stripped) >= WRAPPED_LINE and stripped[-1:] not in (":", ".", ";", "!", "?", ")", "»", "|")


def _head_spans(text: str, rules: OrganisationRules) -> list[OrgSpan]:
    """A head word and the capitalised (or Arabic) words after it, on its line."""
    spans = []
    for pattern, arabic in ((rules.heads, False), (rules.arabic, True)):
        for head in pattern.finditer(text) if pattern is not None else ():
            if not arabic and _ends_a_name(text, head.start()):
                continue  # "Lindmark National Bank Blue Lagoon Ltd": the head ends one name
            line_end = text.find("\n", head.end())
            words = (_ARABIC_WORD if arabic else _WORD).finditer(
                text, head.end(), line_end if line_end >= 0 else len(text)
            )
            taken: list[re.Match[str]] = []
            for word in words:
                gap = text[(taken[-1].end() if taken else head.end()) : word.start()]
                limit = 2 if arabic else MAX_WORDS
                tail = arabic and len(taken) == limit and word.group() in rules.arabic_tails
                if gap not in (" ", "\t") or (len(taken) >= limit and not tail):
                    break
                if not (arabic or _name_word(word.group())) or fold_plain(word.group()) in rules.labels:
                    break  # "Bank Holder": a table's header
                taken.append(word)
                if _dot(word):  # the sentence ends
                    break
            while taken and taken[-1].group() in CONNECTORS:
                taken.pop()
            if taken:
                end = taken[-1].end() - (0 if arabic else _dot(taken[-1]))
                spans.append((head.start(), end, "head"))
    return spans


def _ends_a_name(text: str, start: int) -> bool:
    """Whether a capitalised word stands right before ``text[start]`` on its line (one space apart)."""
    before = re.search(r"([\w&'’-]+\.?) $", text[max(0, start - 40) : start])
    return before is not None and before.group(1)[:1].isupper() and _name_word(before.group(1))


def trim_to_accounts(organisations: list[Entity], accounts: list[Entity]) -> list[Entity]:
    """``organisations`` without the part of a name an account's span covers, on the same page.

    A table row gives "... 42OQ SG0K Y6Y3 X Lindmark National Bank": the IBAN ends at
    "X", and the name starts after it; a name wholly inside an account is dropped.
    """
    kept = []
    for organisation in organisations:
        span = organisation.span
        ends = [
            account.span.end
            for account in accounts
            if account.span.page == span.page
            and account.span.start < span.end
            and span.start < account.span.end
        ]
        if not ends:
            kept.append(organisation)
            continue
        offset = max(ends) - span.start
        if 0 < offset < len(span.text) and span.text[offset - 1 : offset + 1].isalnum():
            kept.append(organisation)  # an account read into a word of the name: the name stands
            continue
        words = [word for word in _WORD.finditer(span.text, offset) if word.group() not in CONNECTORS]
        if not words or max(ends) >= span.end:
            continue
        start = span.start + words[0].start()
        text = span.text[words[0].start() :]
        kept.append(
            organisation.model_copy(
                update={
                    "value": " ".join(text.split()),
                    "span": span.model_copy(update={"start": start, "text": text}),
                }
            )
        )
    return kept


def _quoted_spans(text: str, rules: OrganisationRules) -> list[OrgSpan]:
    return [
        (match.start(), match.end(), "quoted")
        for match in (rules.quoted.finditer(text) if rules.quoted else ())
    ]


def _field_spans(text: str, rules: OrganisationRules) -> list[OrgSpan]:
    """The values of the fields whose whole label is an organisation field's label.

    The value (on the label's line, or the next line when none follows the colon) is a
    name: it has no colon, starts with a capital letter, a digit or a letter of a
    script without case (Arabic), has at most ``MAX_FIELD_WORDS`` words and is not a
    number, a date or a word saying the field is empty ("N/A", "néant").
    """
    if rules.fields is None:
        return []
    spans = []
    for field in _FIELD.finditer(text):
        label, value = field.group(1), field.group(2).rstrip(" .;,")
        if rules.fields.fullmatch(fold_plain(label.strip())) is None or _EMPTY_VALUE.fullmatch(value):
            continue
        if ":" in value or "：" in value:
            continue  # another field ("Bank:\nAddress: ...")
        first = value[:1]
        if not (
            first.isupper() or first in '«"“' or (first.isalpha() and first == first.lower() == first.upper())
        ):
            continue
        if len(value.split()) > MAX_FIELD_WORDS or sum(char.isdigit() for char in value) > len(value) // 3:
            continue
        start = field.start(2)
        spans.append((start, start + len(value), "field"))
    return spans


def _name_word(word: str) -> bool:
    """A word that may stand in a name: capitalised, a connector, or a short number ("3M", "Studio 54").

    A run of more digits is an account, an amount or a date, never part of a name.
    """
    if word.rstrip(".").isdigit() and len(word.rstrip(".")) > 3:
        return False
    if _CODE_GROUP.fullmatch(word) or sum(char.isdigit() for char in word) > 3:
        return False  # a group of an IBAN ("SG0K"), an account ("5431-4360-30")
    return word in CONNECTORS or word[:1].isupper() or word[:1].isdigit()


def _model_spans(text: str, doc: Any) -> list[OrgSpan]:
    """The model's ORG mentions, each line apart, without lower-case words at either end."""
    spans: list[OrgSpan] = []
    for entity in doc.ents if doc is not None else ():
        if entity.label_ != "ORG":
            continue
        for start, end in line_parts(text, entity.start_char, entity.end_char):
            words = list(_WORD.finditer(text, start, end))
            while (
                words
                and not words[-1].group()[:1].isupper()
                and not _ARABIC_WORD.fullmatch(words[-1].group())
            ):
                words.pop()
            while (
                words and not words[0].group()[:1].isupper() and not _ARABIC_WORD.fullmatch(words[0].group())
            ):
                words.pop(0)
            arabic = bool(words) and all(_ARABIC_WORD.fullmatch(word.group()) for word in words)
            if (len(words) >= 2 or arabic) and not any(char.isdigit() for char in text[start:end]):
                spans.append((words[0].start(), words[-1].end() - _dot(words[-1]), "model"))
    return spans


def _dot(word: re.Match[str]) -> int:
    """1 for a full stop after the last word ("Deutsche Bank AG."), 0 for an abbreviation ("S.A.")."""
    return 1 if word.group().endswith(".") and "." not in word.group()[:-1] else 0


def _overlap(first: OrgSpan, second: OrgSpan) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _without_overlaps(spans: list[OrgSpan]) -> list[OrgSpan]:
    """The longest of overlapping spans (the first found among equals)."""
    kept: list[OrgSpan] = []
    for span in sorted(spans, key=lambda span: (-(span[1] - span[0]), span[0])):
        if not any(_overlap(span, other) for other in kept):
            kept.append(span)
    return sorted(kept)


def overlaps_any(start: int, end: int, entities: list[Entity]) -> bool:
    """Whether ``[start, end)`` overlaps the span of one of ``entities`` (same page)."""
    return any(start < entity.span.end and entity.span.start < end for entity in entities)
