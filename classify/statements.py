"""What a request says, sentence by sentence: who asks, what the proceedings are about, the
facts and the purpose, found by their wording wherever they stand and whatever they are titled.

Pure; runs inside :func:`classify.completeness.check_completeness`, which asks these
finders when no headed section gives an element. Each finder returns the hits that show
the element (empty when the text does not say it). The cue words are the ``completeness``
phrases of the language's lexicon: ``institution`` (a body: "Office of the", "Fiscalía"),
``author`` (the words that make a body the author: "is conducting", "près le",
"Name of the authority"), ``self_reference`` ("this", "esta", "hiesige": a body that
names only itself), ``proceedings`` and ``concerning`` ("investigation ... against"), ``conducting`` (a verb
that names proceedings with their object: "is prosecuting", "is investigating"),
``decision`` (the warrant or judgment an extradition rests on), ``purpose`` ("the evidence
is needed for", "pour les besoins de"), ``purpose_link`` (a bare "so that", "с целью": a
purpose only in a sentence that asks, since the facts tell an offender's aims with the
same words), ``person_identity`` and ``translation`` (the
title of a translation: "TRADUCCIÓN", "Certified translation").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classify.document import FoldedDocument, Hit, Region, Stretch
from classify.phrases import PhraseTable
from rogatory.records import Entities, EntityKind

#: Fewest words of a sentence that narrates facts.
FACT_WORDS = 8
#: Most words of a line taken as a letterhead or signature line; a line in capitals (a
#: court's or a ministry's title) may hold up to CAPITAL_LINE_WORDS.
LINE_WORDS = 8
CAPITAL_LINE_WORDS = 16
#: Lines at the top of each page, and at the end of the document, read as letterhead
#: and signature block.
TOP_LINES = 12
BOTTOM_LINES = 8
#: A sentence ends at . ; ! ? before a space, at a blank line, or at a line break that is
#: not followed by a lower-case letter (a line wrapped inside a sentence continues in
#: lower case), unless the line before is a wrapped line of prose: of at least LINE_WORDS
#: words, ending in no stop or colon, and the next line no list item ("(a)", "2.", "-").
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n(?=\s*\n)")
#: A full stop after a word of one to three letters ("No.", "Az.", "ref.", "A.") is an
#: abbreviation's or an initial's, not a sentence's end.
_ABBREVIATION = re.compile(r"(?<!\w)(?:[^\W\d_]{1,3}|\d{1,2})\.$")
_LIST_ITEM = re.compile(r"\s*(?:[-–•*]|\(?[0-9ivxa-h]{1,4}[.)])\s")
_YEAR = re.compile(r"\d{4}")
#: A year that is no part of a case number ("between 2014 and 2016", not "No. 4636/2024").
#: Nor a convention's year in brackets ("(2002)") nor the end of a telephone number.
_NARRATED_YEAR = re.compile(r"(?<![\d/.\-(])(?<![\d(] )(?:19|20)\d\d(?![\d/\-)]|\.\d)")
#: Words of a sentence long enough to narrate with a year alone, and to narrate even when it
#: also gives a person's identity ("X, Egyptian, born 7 June 1969, director of ..., is accused of ...").
LONG_FACT_WORDS = 24
#: A case number: "5746/2024", or with a register's letters between ("219/ت/2025", "44/ab/2025").
_CASE_NUMBER = re.compile(r"(?<![\d/.])\d{1,6}/(?:[^\W\d_]{1,4}/)?\d{4}(?![\d/])")
#: Currencies by code and by word (folded: no accents, lower case), in the eight languages.
_CURRENCY = (
    r"(?:\b(?:eur|usd|gbp|chf|rub|aed|sar|egp|jod|kes|ngn|zar|mxn|brl|clp|cop|pen|ars|pkr|inr|xof|xaf"
    r"|iqd|mad|tnd|dzd|kzt|uzs|kgs|byn|uah|ghs|tzs|ugx|mzn|aoa|cve|php|idr|cny|jpy|try|qar|kwd|omr|bhd)\b"
    r"|[€$£]|euros?\b|dollars?\b|dolares\b|pesos\b|soles\b|reais\b|meticais\b|kwanzas?\b|escudos\b"
    r"|francs?\b|ariary\b|rand\b|naira\b|cedis?\b|rupees?\b|dinars?\b|dirhams?\b|shillings?\b"
    r"|rubl\w*|руб\w*|долл\w*|евро\b|сум\w*|тенге\b|сом\w*|франк\w*"
    r"|دولار|يورو|ريال|دينار|درهم|جنيه)"
)
#: A number's scale word: "22 million", "7,8 milliards", "1,2 млн", "22 مليون".
_SCALE = (
    r"(?:millions?|milliards?|billions?|bn|mn|millones|millon|mil millones|milhoes|milhao|mil|milioni"
    r"|milione|miliardi|millionen|milliarden|mio\.?|mrd\.?|млн\.?|млрд\.?|миллион\w*|миллиард\w*"
    r"|مليون|ملايين|مليار|مليارات)"
)
#: An amount of money: a currency before or after the number, or a number with a scale word
#: before a currency ("38 millones de pesos", "1,2 млн долларов", "22 مليون دولار").
_MONEY = re.compile(
    rf"{_CURRENCY}\s?\d[\d\s.,']*\d"
    rf"|\d[\d\s.,']*\d\s?{_CURRENCY}"
    rf"|\d(?:[\d\s.,']*\d)?\s{_SCALE}(?:\s(?:de|d'|of|di|von)\s?)?\s?{_CURRENCY}"
)
#: A year that dates a law, not an event: "Act 12 of 2004", "Ordinance, 1999", "loi du 2 mai
#: 2018", "Gesetz von 1998", "закон от 2003 года", "القانون رقم 10 لسنة 2011".
_INSTRUMENT_YEAR = re.compile(
    r"\b(?:act|ordinance|law|decree|code|statute|regulation|directive|convention|loi|decret|ordonnance"
    r"|ley|decreto|codigo|lei|gesetz\w*|verordnung|legge|закон\w*|кодекс\w*|указ\w*|постановлени\w*"
    r"|قانون|القانون|مرسوم|المرسوم)\b[^.;:\n]{0,30}$"
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Cues:
    """The ``completeness`` phrases of one language, one table per key."""

    table: PhraseTable

    def only(self, key: str) -> PhraseTable:
        """The phrases of one key."""
        return PhraseTable(tuple(phrase for phrase in self.table.phrases if phrase.key == key))


def sentences(document: FoldedDocument) -> list[Region]:
    """Every sentence of ``document`` as a one-stretch region, in order."""
    found: list[Region] = []
    for index, page in enumerate(document.pages):
        start = 0
        for cut in _cuts(page.text, page.original, page.origin):
            if page.text[start:cut].strip():
                found.append(Region((Stretch(index, start, cut),)))
            start = cut
    return found


def _cuts(folded: str, original: str, origin: tuple[int, ...]) -> list[int]:
    cuts = [
        match.end()
        for match in _SENTENCE_END.finditer(folded)
        if not _ABBREVIATION.search(folded, max(match.start() - 6, 0), match.start() + 1)
    ]
    line_start = 0
    for position, char in enumerate(folded):
        if char != "\n" or position + 1 >= len(folded):
            continue
        line, line_start = folded[line_start:position], position + 1
        following = original[origin[position + 1]] if position + 1 < len(origin) else ""
        if not following.islower() and not _wrapped(line, folded[position + 1 :]):
            cuts.append(position + 1)
    return [*sorted(set(cuts)), len(folded)]


def _wrapped(line: str, rest: str) -> bool:
    """A line of prose wrapped before a word in capitals: the sentence goes on."""
    return (
        len(_WORD.findall(line)) >= LINE_WORDS
        and not line.rstrip().endswith((".", ":", ";", "!", "?"))
        and bool(rest.strip())
        and not rest.startswith("\n")
        and _LIST_ITEM.match(rest) is None
    )


def text_of(document: FoldedDocument, region: Region) -> str:
    """The folded text of a region."""
    return " ".join(document.pages[s.index].text[s.start : s.end] for s in region.stretches)


def find_subject(document: FoldedDocument, cues: Cues, *, extradition: bool) -> list[Hit]:
    """Proceedings named with what they concern: "a criminal investigation (case No. 12/2024)
    against X concerning bribery"; else the warrant or judgment the request rests on (dated,
    unless the request is for extradition)."""
    proceedings, concerning = cues.only("proceedings"), cues.only("concerning")
    conducting = cues.only("conducting")
    found: list[Hit] = []
    for sentence in sentences(document):
        found += document.find(conducting, sentence)[:1]
        named = document.find(proceedings, sentence)
        if not named:
            continue
        after = Region((Stretch(named[0].index, named[0].start, sentence.stretches[0].end),))
        if document.find(concerning, after) or _CASE_NUMBER.search(text_of(document, sentence)):
            found.append(named[0])
    if not found:
        found = _subject_in_fields(document, cues)
    if not found:
        decision = cues.only("decision")
        found = [
            hit
            for sentence in sentences(document)
            if extradition or _YEAR.search(text_of(document, sentence))
            for hit in document.find(decision, sentence)
        ]
    return found


#: Lines apart of a proceedings field and the field naming the accused or the offences.
FIELD_BLOCK_LINES = 4
_FIELD = re.compile(r"^\s*(?:[0-9ivxa-h]{1,4}[.)]\s*)?(?P<label>[^:\n]{2,60}?)\s*:\s*(?P<value>\S.*)$")


def _subject_in_fields(document: FoldedDocument, cues: Cues) -> list[Hit]:
    """A form's or a cover's fields that name proceedings and what they concern: a field of
    ``proceedings`` ("Case No.:", "Ação penal:", "Carpeta de investigación:") with a value, and
    near it one of ``charged`` ("Accused:", "Réu:", "Delitos:", "Обвиняемый:") with a value."""
    proceedings, charged = cues.only("proceedings"), cues.only("charged")
    found: list[Hit] = []
    for index, page in enumerate(document.pages):
        fields = [
            (number, Region((Stretch(index, start + match.start("label"), start + match.end("label")),)))
            for number, (start, end) in enumerate(_line_spans(page.text))
            if (match := _FIELD.match(page.text[start:end])) and _WORD.search(match.group("value"))
        ]
        for number, label in fields:
            named = document.find(proceedings, label)
            if named and any(
                abs(other - number) <= FIELD_BLOCK_LINES and document.find(charged, region)
                for other, region in fields
                if other != number
            ):
                found.append(named[0])
    return found


def find_facts(
    document: FoldedDocument, cues: Cues, entities: Entities, asking: PhraseTable | None = None
) -> list[Hit]:
    """Sentences that narrate: of some length, not a person's identity line, holding an
    amount of money or a date that is no deadline, birth or decision date nor a field's value;
    a long sentence (:data:`LONG_FACT_WORDS`) narrates with a year alone, identity or not,
    unless it asks (``asking``: "requests the production of ... statements from 2019")."""
    identity = cues.only("person_identity")
    narrated = _narrated_dates(document, entities)
    found: list[Hit] = []
    for sentence in sentences(document):
        stretch = sentence.stretches[0]
        text = document.pages[stretch.index].text[stretch.start : stretch.end]
        words = len(_WORD.findall(text))
        if words < FACT_WORDS or (words < LONG_FACT_WORDS and document.find(identity, sentence)):
            continue
        money = _MONEY.search(text) or (
            words >= LONG_FACT_WORDS
            and _narrates_a_year(text)
            and not (asking is not None and document.find(asking, sentence))
        )
        dated = any(
            index == stretch.index and stretch.start <= start < stretch.end for index, start in narrated
        )
        if money or dated:
            found.append(document.hit("facts", "narrative", stretch.index, stretch.start, stretch.end))
    return found


def _narrates_a_year(text: str) -> bool:
    """A year of an event stands in ``text``: not a case number's, nor a law's ("Act 12 of 2004")."""
    return any(
        not _INSTRUMENT_YEAR.search(text, max(match.start() - 40, 0), match.start())
        for match in _NARRATED_YEAR.finditer(text)
    )


def _narrated_dates(document: FoldedDocument, entities: Entities) -> list[tuple[int, int]]:
    """(page index, folded offset) of the DATE entities with no role, not a field's value."""
    pages = {number: index for index, number in enumerate(document.numbers)}
    found: list[tuple[int, int]] = []
    for entity in entities.of_kind(EntityKind.DATE):
        index = pages.get(entity.span.page)
        if entity.attributes.get("role") or index is None:
            continue
        page = document.pages[index]
        before = page.original[max(entity.span.start - 3, 0) : entity.span.start]
        if ":" in before:
            continue
        found.append((index, _folded_offset(page.origin, entity.span.start)))
    return found


def _folded_offset(origin: tuple[int, ...], original: int) -> int:
    for position, value in enumerate(origin):
        if value >= original:
            return position
    return len(origin)


def find_purpose(document: FoldedDocument, cues: Cues, asking: PhraseTable) -> list[Hit]:
    """Wording that says what the evidence or action is for: a purpose phrase anywhere, or a
    bare link ("so that", "afin que") in a sentence that asks (``asking``: "we request")."""
    found = document.find(cues.only("purpose"))
    links = cues.only("purpose_link")
    for sentence in sentences(document):
        linked = document.find(links, sentence)
        if linked and document.find(asking, sentence):
            found.append(linked[0])
    found += [hit for hit in document.find(links) if _answered_by_ticked_option(document, hit)]
    return found


def _answered_by_ticked_option(document: FoldedDocument, hit: Hit) -> bool:
    """A form's question that a ticked option answers: "The order is issued with a view to:"
    above "☒ the subsequent confiscation of the property" (the options of its lines below)."""
    text = document.pages[hit.index].text
    end = text.find("\n", hit.end)
    while end != -1:
        start, end = end + 1, text.find("\n", end + 1)
        stop = len(text) if end == -1 else end
        if not document.in_option(hit.index, start, stop):
            return False
        if any(s.index == hit.index and s.start < stop and start < s.end for s in document.ticked):
            return True
    return False


def find_translation(document: FoldedDocument, titles: PhraseTable) -> list[Hit]:
    """Short lines that title a translation ("TRADUCCIÓN", "Traduction de l'original russe"),
    in the language of ``titles``; a sentence that mentions one does not count."""
    found: list[Hit] = []
    for index, page in enumerate(document.pages):
        for start, end in _line_spans(page.text):
            if len(_WORD.findall(page.text[start:end])) <= LINE_WORDS:
                found += document.find(titles, Region((Stretch(index, start, end),)))
    return found


def find_author(document: FoldedDocument, cues: Cues) -> list[Hit]:
    """A body named as the author: in a sentence that makes it the author ("X is conducting",
    "Senior Counsel of X", "Name of the authority: X"), or on a short line of a page's
    letterhead or of the signature block; never one in a mention of the requested state."""
    institution, author = cues.only("institution"), cues.only("author")
    requested, selves = cues.only("requested_state"), cues.only("self_reference")
    headers = _header_lines(document, requested)
    found: list[Hit] = []
    for sentence in [*headers, *sentences(document)]:
        if document.find(requested, sentence):
            continue
        if sentence in headers or document.find(author, sentence):
            found += [hit for hit in document.find(institution, sentence) if _named(document, hit, selves)]
    return found


def _header_lines(document: FoldedDocument, requested: PhraseTable) -> list[Region]:
    """The short lines at the top of each page and at the end of the document, but those of
    an addressee block (the requested state named on the line or the two after it)."""
    lines: list[Region] = []
    for index, page in enumerate(document.pages):
        spans = _line_spans(page.text)
        chosen = set(range(min(TOP_LINES, len(spans))))
        if index == len(document.pages) - 1:
            chosen |= set(range(max(len(spans) - BOTTOM_LINES, 0), len(spans)))
        for number in sorted(chosen):
            start, end = spans[number]
            line = page.text[start:end]
            block_end = spans[min(number + 2, len(spans) - 1)][1]
            words = len(_WORD.findall(line))
            first, last = page.original_span(start, end)
            written = page.original[first:last]
            most = CAPITAL_LINE_WORDS if written.isupper() else LINE_WORDS
            if (
                0 < words <= most
                and not line.rstrip().endswith((".", ":"))
                and not requested.find(page.text, start, block_end)
            ):
                lines.append(Region((Stretch(index, start, end),)))
    return lines


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _named(document: FoldedDocument, hit: Hit, selves: PhraseTable) -> bool:
    """A body with its name, not "this office" or "esta Fiscalía": not after a word of
    self-reference, and, in a script with capitals, written or preceded by a capital."""
    page = document.pages[hit.index]
    before = page.text[max(hit.start - 30, 0) : hit.start]
    words = _WORD.findall(before)
    if words and selves.find(" ".join(words[-2:])):
        return False
    original = page.original
    first = hit.span.text[:1]
    if not first.isalpha() or first.lower() == first.upper():
        return True
    previous = _WORD.findall(original[max(hit.span.start - 40, 0) : hit.span.start])
    return first.isupper() or bool(previous and previous[-1][:1].isupper())
