"""Bank accounts and BIC codes in the text of a request.

Runs inside :func:`extract.entities.find_entities`. IBANs are found by shape and
checked by their check digits (python-stdnum); an IBAN whose check digits fail is
still reported, with ``attributes["valid"] = "false"``. Other account numbers are
taken only right after an account word of ``accounts.<lang>.yaml`` ("account No.",
"compte n°", "cuenta", "счёт", "الحساب رقم", "Konto", ...) or at the head of an item
of a list of accounts that names a bank. BIC/SWIFT codes need a BIC word before them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from extract.ibans import BbanShapes, at_word_start, iban_starts, load_bban_shapes, read_iban
from extract.lexicons import read_lexicons, string_list
from extract.national_accounts import check_national
from rogatory.folding import FoldedText, fold
from rogatory.phrases import phrases_pattern
from rogatory.records import Entity, EntityKind, Span

#: Leading characters two readings of one IBAN share (country, check digits, 8 of the BBAN).
SAME_ACCOUNT_PREFIX = 12
#: How far after an account (characters) a bank name is looked for.
BANK_WINDOW = 120

#: An account number: three or more groups of three digits or more joined by single
#: spaces ("30004 00001 12345678901"), maybe a last key of one or two digits ("... 85"), not
#: an amount ("123 456 789,00"); else digit groups joined by "-", "/" or ".".
_NUMBER = re.compile(
    r"(?>\d{4} \d{4} \d{2} \d{10})(?![\d.,]\d)(?!\d)"  # a Spanish CCC: bank, branch, keys, account
    r"|[A-Z][ -]?\d{5}[ -]?\d{5}[ -]?[0-9A-Z]{12}(?![0-9A-Za-z])"  # an Italian BBAN: CIN, ABI, CAB, account
    r"|(?>\d{3,}(?: \d{3,}){2,}(?: \d{1,2})?)(?![\d.,]\d)(?!\d)|\d+(?:[-/.:]\d+)*"
)
#: Lengths of the national numbers a check digit scheme covers (Russian and Spanish 20,
#: Portuguese 21, French and Italian 23): a number of such a length that OCR or a line
#: layout split in two ("408028104 08927963281") is read whole.
SPLIT_LENGTHS = frozenset({20, 21, 23})
#: The second part of a number split by one space ("... 08927963281").
_SPLIT_TAIL = re.compile(r"[ \t](\d{2,})(?![\d.,]\d)(?![\dA-Za-z])")
_NUMBER_LINK = re.compile(
    r"[\s:.,#№°º]{0,4}(?:(?:no|nr|nro|n|number|numero|número|num|núm|n\.º|n°|nº|№|رقم)[\s:.#°º]{0,3})?"
    r"(?=\d|[A-Z][ -]?\d{5}[ -]?\d{5})",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"(?m)^[ \t]*(?:[-–—•*]|\d{1,2}[.)])[ \t]+(\d[\d\-/.: ]{4,}\d)[ \t]+[-–—]")
#: An item of a list of accounts run on in a sentence: after its colon or a semicolon.
_RUN_ON_ITEM = re.compile(r"[:;][ \t\n]*(\d[\d\-/.:]{4,}\d)[ \t]+[-–—]")
#: The end of a sentence: a full stop before a capital, or a blank line.
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZÀ-ÝА-ЯЁ\u0600-\u06ff])|\n[ \t]*\n")
#: How far after an account word (characters) a run-on list of accounts is read.
RUN_ON_WINDOW = 600
#: A row of a table or a list heading with a number: the number first on its line, after
#: nothing but punctuation.
_ROW_START = re.compile(r"(?m)^(?:[^\w\n]|_){0,8}?(?=\d)")  # after a bullet or OCR's specks ("_ ° _`")
#: Words a field's label has at most ("Número de la cuenta bancaria:").
MAX_LABEL_WORDS = 5
#: Lines above a row where the account word of its table header or list lead-in may stand.
ROW_HEADER_LINES = 8
_BIC = re.compile(r"[\s:.,()]{0,4}([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)(?![A-Za-z0-9])")
_NAME_TOKEN = re.compile(r"[^\s,;:()\[\]«»\"“”]+")
#: Legal forms that may follow a bank's name ("Coastal Savings Bank Ltd").
_LEGAL_FORMS = frozenset(
    {
        "ltd",
        "limited",
        "plc",
        "ag",
        "sa",
        "s.a",
        "s.p.a",
        "spa",
        "nv",
        "n.v",
        "bv",
        "gmbh",
        "inc",
        "llc",
        "pjsc",
    }
    | {"pao", "ao", "oao", "ооо", "пао", "ао", "sarl", "sas", "lda", "sal", "psc", "kg", "ab", "asa", "as"}
)
_CONNECTORS = frozenset(
    {"de", "du", "des", "del", "di", "da", "do", "of", "and", "&", "et", "y", "e", "und", "la"}
)

#: Prepositions and articles that may open a sentence before a bank's name ("At X Bank").
_LEADING = frozenset(
    {"at", "in", "with", "by", "from", "the", "chez", "auprès", "dans", "bei", "presso", "nel"}
)
_LEADING |= frozenset({"junto", "em", "no", "na", "en", "el", "в", "во", "у", "при"})


@dataclass(frozen=True)
class AccountRules:
    """Account, bank and BIC words of every language and the IBAN registry's BBAN shapes, loaded once."""

    account: re.Pattern[str] | None
    bank: re.Pattern[str] | None
    bic: re.Pattern[str] | None
    bban_shapes: BbanShapes


def load_account_rules() -> AccountRules:
    """Read ``accounts.<lang>.yaml`` of every language (words of all are used together).

    Raises ``ConfigurationError`` when a lexicon is malformed.
    """
    words: dict[str, list[str]] = {"account": [], "bank": [], "bic": []}
    for language, data in read_lexicons("accounts").items():
        for key, bucket in words.items():
            bucket.extend(string_list(data, key, source=f"accounts.{language}.yaml"))
    return AccountRules(
        account=phrases_pattern(words["account"]),
        bank=phrases_pattern(words["bank"]),
        bic=phrases_pattern(words["bic"]),
        bban_shapes=load_bban_shapes(),
    )


def normalise_iban(text: str) -> str:
    """An IBAN in electronic form: no white space, upper case."""
    return re.sub(r"\s+", "", text).upper()


def find_accounts(text: str, *, page: int, rules: AccountRules, ocr: bool = False) -> list[Entity]:
    """ACCOUNT and BIC entities on one page; spans are offsets into ``text``. Raises nothing.

    ``ocr`` says the text was read by OCR: IBANs are then also read through the
    characters OCR confuses (:mod:`extract.ibans`).
    """
    folded = fold(text)
    entities = _find_ibans(text, page=page, shapes=rules.bban_shapes, ocr=ocr)
    taken = [(entity.span.start, entity.span.end) for entity in entities]
    cells = table_account_cells(text, rules)
    cells += [
        row for row in loose_table_rows(text, folded, rules) if not any(_overlap(row, cell) for cell in cells)
    ]
    in_cells = [(start, end) for start, end, _ in cells if _is_cell_number(text[start:end])]
    for start, end in _number_spans(text, folded, rules) + in_cells:
        if any(start < right and left < end for left, right in taken):
            continue
        taken.append((start, end))
        entities.append(_national_account(text, start, end, page=page, ocr=ocr))
    starts = sorted(entity.span.start for entity in entities)
    ends = sorted(entity.span.end for entity in entities)
    entities = [
        _with_cell_bank(entity, cells)
        or _with_field_bank(entity, text, rules, starts)
        or _with_bank(
            entity,
            text,
            folded,
            rules,
            next_account=next((s for s in starts if s > entity.span.start), None),
            previous_end=max((e for e in ends if e <= entity.span.start), default=0),
        )
        for entity in entities
    ]
    return sorted(entities + _find_bics(text, folded, page=page, rules=rules), key=lambda e: e.span.start)


def _national_account(text: str, start: int, end: int, *, page: int, ocr: bool) -> Entity:
    """The account number at ``text[start:end]``, checked by its national check digits where it has them.

    A number no check applies to is kept as written (``attributes["check"] = "none"``);
    one whose check fails and that no single reading repairs is kept as read, reported
    ``valid = "false"`` (:mod:`extract.national_accounts`).
    """
    written = text[start:end]
    check = check_national(written, text, end, ocr=ocr)
    if check is None:
        value, attributes, confidence = re.sub(r"\s+", "", written).replace(":", "-"), {"check": "none"}, 0.8
        if ":" in written:
            attributes["repaired"] = "true"  # a hyphen OCR read as a colon
    else:
        attributes = {"check": check.scheme, "valid": "true" if check.valid else "false"}
        if check.repaired:
            attributes["repaired"] = "true"
        value = check.value if check.repaired else re.sub(r"\s+", "", written)
        confidence = (0.9 if check.repaired else 0.95) if check.valid else 0.5
    return Entity(
        kind=EntityKind.ACCOUNT,
        value=value,
        span=Span(page=page, start=start, end=end, text=written),
        method="rule:account-number-ocr" if attributes.get("repaired") else "rule:account-number",
        confidence=confidence,
        attributes=attributes,
    )


def settle_repairs(entities: list[Entity]) -> list[Entity]:
    """``entities`` with OCR-repaired IBANs that conflict marked invalid, across a document.

    Two valid readings that share their first ``SAME_ACCOUNT_PREFIX`` characters but
    differ are one account read two ways: a repaired reading whose value is never
    read as written is then a chance hit of the check digits, reported invalid
    (``attributes["conflict"]``) instead of as an account.
    """
    groups: dict[str, set[str]] = {}
    written: set[str] = set()
    for entity in entities:
        if entity.kind == EntityKind.ACCOUNT and entity.attributes.get("valid") == "true":
            groups.setdefault(entity.value[:SAME_ACCOUNT_PREFIX], set()).add(entity.value)
            if "repaired" not in entity.attributes:
                written.add(entity.value)
    settled = []
    for entity in entities:
        values = groups.get(entity.value[:SAME_ACCOUNT_PREFIX], set())
        if "repaired" in entity.attributes and len(values) > 1 and entity.value not in written:
            attributes = {**entity.attributes, "valid": "false", "conflict": "true"}
            settled.append(entity.model_copy(update={"attributes": attributes, "confidence": 0.5}))
        else:
            settled.append(entity)
    return settled


def _find_ibans(text: str, *, page: int, shapes: BbanShapes, ocr: bool) -> list[Entity]:
    entities: list[Entity] = []
    taken_until = 0
    for start in iban_starts(text, shapes=shapes, ocr=ocr):
        specks = ocr and _after_specks(text, start)
        if start < taken_until or (start != taken_until and not at_word_start(text, start) and not specks):
            continue
        reading = read_iban(text, start, shapes=shapes, ocr=ocr)
        if reading is None or (specks and not at_word_start(text, start) and not reading.valid):
            continue
        taken_until = reading.end
        attributes = {"valid": "true" if reading.valid else "false"}
        if reading.repaired:
            attributes["repaired"] = "true"
        if reading.mod97_only:
            attributes["registry"] = "false"  # mod 97 holds; the registry length or BBAN check does not
        written = text[reading.start : reading.end]
        entities.append(
            Entity(
                kind=EntityKind.ACCOUNT,
                value=reading.value,
                span=Span(page=page, start=reading.start, end=reading.end, text=written),
                method="rule:iban-ocr" if reading.repaired else "rule:iban",
                confidence=(0.9 if reading.repaired or reading.mod97_only else 0.99)
                if reading.valid
                else 0.6,
                attributes=attributes,
            )
        )
    return entities


def _after_specks(text: str, start: int) -> bool:
    """Whether OCR glued one or two lower-case specks to the IBAN at ``text[start]`` ("ooLI56 …").

    Such a start counts only when its reading is valid.
    """
    head = re.search(r"(?<![A-Za-z0-9])[a-z]{1,2}$", text[max(0, start - 3) : start])
    return head is not None


def _number_spans(text: str, folded: FoldedText, rules: AccountRules) -> list[tuple[int, int]]:
    """Spans of account numbers after an account word, or heading a list item."""
    spans: list[tuple[int, int]] = []
    if rules.account is not None:
        for word in rules.account.finditer(folded.text):
            link = _NUMBER_LINK.match(text, folded.original_span(word.start(), word.end())[1])
            if link is None:
                continue
            number = _NUMBER.match(text, link.end())
            followed = text[number.end() : number.end() + 2] if number is not None else ""
            if number is None or re.fullmatch(r"[,.]\d", followed):
                continue
            if _is_account_number(number.group()):
                spans.append((number.start(), split_end(text, number.start(), number.end())))
    spans += _run_on_items(text, folded, rules)
    for item in _LIST_ITEM.finditer(text):
        line_end = text.find("\n", item.end())
        line = folded.text[
            folded.folded_offset(item.end()) : folded.folded_offset(line_end if line_end >= 0 else len(text))
        ]
        value = item.group(1).strip()
        if rules.bank is not None and rules.bank.search(line) and _is_account_number(value):
            spans.append((item.start(1), item.start(1) + len(value)))
    return spans + _row_spans(text, folded, rules)


def _run_on_items(text: str, folded: FoldedText, rules: AccountRules) -> list[tuple[int, int]]:
    """Numbers heading the items of a list of accounts run on in one sentence.

    "Las cuentas afectadas son: 404-817486-26 – Valmont Bank – Titular: X; 7432-5493-72 –
    Lindmark Bank – Titular: Y.": after an account word, up to the end of its sentence,
    each item opened by the colon or a semicolon whose number is followed by a dash and
    whose words up to the next semicolon name a bank.
    """
    if rules.account is None or rules.bank is None or _RUN_ON_ITEM.search(text) is None:
        return []
    spans = []
    for word in rules.account.finditer(folded.text):
        start = folded.original_span(word.start(), word.end())[1]
        window = text[start : start + RUN_ON_WINDOW]
        stop = _SENTENCE_END.search(window)
        window_end = start + (stop.start() if stop is not None else len(window))
        for item in _RUN_ON_ITEM.finditer(text, start, window_end):
            item_end = text.find(";", item.end(1), window_end)
            rest = folded.text[
                folded.folded_offset(item.end(1)) : folded.folded_offset(
                    item_end if item_end >= 0 else window_end
                )
            ]
            if rules.bank.search(rest) and _is_account_number(item.group(1)):
                spans.append((item.start(1), item.end(1)))
    return spans


def _row_spans(text: str, folded: FoldedText, rules: AccountRules) -> list[tuple[int, int]]:
    """Numbers heading a line that names a bank, under an account word.

    A table row ("7403-5595-81 Eastbridge Savings Bank Declan HARGREAVES" under "Account
    number Bank Holder") or an item of a list of accounts ("I conti interessati sono:" then
    "3617-8728-69 – Eastbridge Savings Bank – Intestatario: ..."): the account word stands
    on the line or on one of the ``ROW_HEADER_LINES`` lines above.
    """
    if rules.bank is None or rules.account is None:
        return []
    spans = []
    for row in _ROW_START.finditer(text):
        number = _NUMBER.match(text, row.end())
        if number is None or not _is_account_number(number.group()) or _continues_a_code(text, row.start()):
            continue
        end = split_end(text, number.start(), number.end())
        if text[end : end + 1] not in (" ", "\t", ""):
            continue
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if not rules.bank.search(folded.text, folded.folded_offset(end), folded.folded_offset(line_end)):
            continue
        header_start = row.start()
        for _ in range(ROW_HEADER_LINES):
            if header_start == 0:
                break
            header_start = text.rfind("\n", 0, header_start - 1) + 1
        if rules.account.search(
            folded.text, folded.folded_offset(header_start), folded.folded_offset(line_end)
        ):
            spans.append((number.start(), end))
    return spans


#: The groups of an IBAN ending a line ("... 6770 U9X6"): a number on the next line continues it.
_CODE_LINE_END = re.compile(
    r"(?<![A-Za-z0-9])(?=[A-Z0-9 ]*\d)(?=[A-Z0-9 ]*[A-Z])[A-Z0-9]{4}(?: [A-Z0-9]{4})+[ \t]*\n$"
)


def _continues_a_code(text: str, line_start: int) -> bool:
    """Whether the line above ``line_start`` ends with the groups of an IBAN the line continues."""
    return line_start > 0 and _CODE_LINE_END.search(text, max(0, line_start - 80), line_start) is not None


def split_end(text: str, start: int, end: int) -> int:
    """The end of the number at ``text[start:end]``, past a second part split from it.

    A run of digits followed by one space and a second run read whole when
    together they make one of the ``SPLIT_LENGTHS`` (and the first alone does not).
    """
    head = re.sub(r"\D", "", text[start:end])
    tail = _SPLIT_TAIL.match(text, end)
    if tail is None or not text[start:end].isdigit() or len(head) in SPLIT_LENGTHS:
        return end
    return tail.end() if len(head) + len(tail.group(1)) in SPLIT_LENGTHS else end


def _is_account_number(value: str) -> bool:
    """At least six digits, and not a date, an amount ("1.584.000"), a year range or a time.

    A colon stands in an account only beside hyphens, as OCR misreads one ("1548-1837:97").
    """
    if ":" in value and "-" not in value:
        return False
    digits = sum(char.isdigit() for char in value)
    if digits < 6 or re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", value):
        return False
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", value):
        return False
    return not re.fullmatch(r"\d{4}[-/]\d{2,4}", value)


def _find_bics(text: str, folded: FoldedText, *, page: int, rules: AccountRules) -> list[Entity]:
    if rules.bic is None:
        return []
    entities = []
    for word in rules.bic.finditer(folded.text):
        match = _BIC.match(text, folded.original_span(word.start(), word.end())[1])
        if match is None:
            continue
        entities.append(
            Entity(
                kind=EntityKind.BIC,
                value=match.group(1),
                span=Span(page=page, start=match.start(1), end=match.end(1), text=match.group(1)),
                method="rule:bic",
                confidence=0.9,
            )
        )
    return entities


def _with_bank(
    entity: Entity,
    text: str,
    folded: FoldedText,
    rules: AccountRules,
    *,
    next_account: int | None,
    previous_end: int = 0,
) -> Entity:
    """``entity`` with ``attributes["bank"]`` when a bank is named just after it, else before it.

    The bank is looked for up to the end of the sentence and never past the next
    account (``next_account``); for an account heading its line (a table row, a list
    item) on that line only. A bank word that labels a field ("Bank: ...", "Банк: ...")
    names the bank with the rest of its line. In prose, with no bank after it, the
    last bank named before it in its sentence when no other account stands there
    (``previous_end``): "В ПАО «Промбанк» открыт счёт № ...".
    """
    if rules.bank is None:
        return entity
    window_end = min(len(text), entity.span.end + BANK_WINDOW, next_account or len(text))
    sentence = re.search(r"[.;](?=\s)|\n\s*\n", text[entity.span.end : window_end])
    if sentence is not None:
        window_end = entity.span.end + sentence.start()
    line_start = text.rfind("\n", 0, entity.span.start) + 1
    row = re.fullmatch(r"[\s\-–—•*]*", text[line_start : entity.span.start]) is not None
    if row:
        line_end = text.find("\n", entity.span.end)
        window_end = min(window_end, len(text) if line_end < 0 else line_end)
    word = rules.bank.search(
        folded.text, folded.folded_offset(entity.span.end), folded.folded_offset(window_end)
    )
    compound = _COMPOUND_BANK.search(text, entity.span.end, window_end)
    if compound is not None and (word is None or compound.start() < folded.original_span(*word.span())[0]):
        return entity.model_copy(update={"attributes": {**entity.attributes, "bank": compound.group()}})
    if word is None:
        before = "" if row else _bank_before(entity, text, folded, rules, previous_end=previous_end)
        if before:
            return entity.model_copy(update={"attributes": {**entity.attributes, "bank": before}})
        return entity
    start, end = folded.original_span(word.start(), word.end())
    name = _field_value(text, start, end) or bank_name(text, start, end)
    if row and name:
        name = _row_cell(name, rules.bank)
    if not name:
        return entity
    return entity.model_copy(update={"attributes": {**entity.attributes, "bank": name}})


#: Where a sentence stops before an account: a full stop after a word longer than an
#: abbreviation ("No.", "Acc.") before a capital, another stop, a blank line, a colon ending a line.
_BEFORE_STOP = re.compile(r"(\w+)?\.\s+(?=[A-ZÀ-ÝА-ЯЁ\u0600-\u06ff])|[;!?](?=\s)|\n[ \t]*\n|:[ \t]*\n")
MAX_ABBREVIATION = 4
#: Words that name where money came from ("from X Bank"): that bank is not the account's.
_FROM = frozenset({"from", "depuis", "desde", "von", "aus", "da", "dal", "dalla", "из", "со", "с", "من"})


def _bank_before(
    entity: Entity, text: str, folded: FoldedText, rules: AccountRules, *, previous_end: int
) -> str:
    """The last bank named before ``entity`` in its sentence, or "".

    None is taken when another account ends (``previous_end``) in that sentence before it.
    """
    if rules.bank is None:
        return ""
    start = max(0, entity.span.start - BANK_WINDOW)
    stops = [
        stop.end()
        for stop in _BEFORE_STOP.finditer(text, start, entity.span.start)
        if stop.group(1) is None or len(stop.group(1)) > MAX_ABBREVIATION
    ]
    start = max(stops, default=start)
    if previous_end > start:
        return ""  # another account stands before it in the sentence: a bank there is that one's
    words = list(
        rules.bank.finditer(folded.text, folded.folded_offset(start), folded.folded_offset(entity.span.start))
    )
    compounds = list(_COMPOUND_BANK.finditer(text, start, entity.span.start))
    word = folded.original_span(*words[-1].span()) if words else None
    if compounds and (word is None or compounds[-1].end() >= word[1]):
        return compounds[-1].group()
    if word is None:
        return ""
    name = bank_name(text, *word)
    name_start = text.rfind(name.split()[0], start, word[1]) if name else -1
    preceding = re.search(r"(\w+)\W*$", text[start : max(name_start, start)])
    if preceding is not None and preceding.group(1).casefold() in _FROM:
        return ""  # "transferred from X Bank to account ...": the account is elsewhere
    return "" if name[:1].islower() else name  # "the bank ...": no bank's name


#: A bank whose name holds its bank word inside a compound or a quoted name: "Commerzbank",
#: "Промсвязьбанк", "ПАО «Промбанк»", "АО «Альфа-Банк»" (the legal form kept with the name).
_COMPOUND_BANK = re.compile(
    r"(?:\b(?:ПАО|ОАО|ЗАО|АО|АКБ|КБ|ООО)[ \t]+(?:(?:АКБ|КБ)[ \t]+)?)?«[^»\n]{0,40}[Бб]анк[^»\n]{0,40}»"
    r"|\b[A-ZÄÖÜ][a-zäöüß]{2,}bank\b|\b[А-ЯЁ][а-яё-]{2,}банк\b"
)
#: What separates the cells of a table row as text gives it: a bar, a tab or two spaces.
_CELL_SEPARATOR = re.compile(r"[ \t]*\|[ \t]*|\t[ \t]*| {2,}")


def table_account_cells(text: str, rules: AccountRules) -> list[tuple[int, int, str]]:
    """The cells of a table's account column, each with the bank named in its row ("" if none).

    A table's header is a line of two cells or more, one of them with an account word
    ("| Banco | Titular | Cuenta |", "Bank  Holder  Account number"); each following line
    with as many cells is a row, until a blank line. The bank is the cell under a bank
    word of the header, else the row's cell holding a bank word.
    """
    if rules.account is None or rules.bank is None:
        return []
    found: list[tuple[int, int, str]] = []
    header: list[str] | None = None
    column = bank_column = -1
    position = 0
    for line in text.split("\n"):
        cells = _cells(line, position)
        position += len(line) + 1
        if not line.strip() or (header is not None and len(cells) != len(header)):
            header = None
        if re.fullmatch(r"[\s|:+=-]*", line):  # a blank line or a rule under the header
            continue
        if header is not None:
            row = [text[start:end] for start, end in cells]
            bank = (
                row[bank_column]
                if bank_column >= 0
                else next((cell for cell in row if rules.bank.search(fold(cell).text)), "")
            )
            found.append((*cells[column], " ".join(bank.split())))
            continue
        if len(cells) < 2:
            continue
        names = [fold(text[start:end]).text for start, end in cells]
        accounts = [i for i, name in enumerate(names) if rules.account.search(name)]
        if len(accounts) == 1 and all(len(name.split()) <= MAX_LABEL_WORDS for name in names):
            header, column = names, accounts[0]
            bank_column = next(
                (i for i, name in enumerate(names) if i != column and rules.bank.search(name)), -1
            )
    return found


#: Words a table's header line has at most, and rows read under it at most.
MAX_HEADER_WORDS = 12
MAX_LOOSE_ROWS = 12
#: Fewest digits of an account number that does not head its row.
MIN_ROW_DIGITS = 8


def loose_table_rows(text: str, folded: FoldedText, rules: AccountRules) -> list[tuple[int, int, str]]:
    """Account numbers in the rows of a table whose cells OCR joined by single spaces, with each row's bank.

    A header is a short line without a number that holds an account word and a bank
    word ("Bank Account number Holder", "Номер счета Банк Владелец"); each following
    line, to a blank line, that names a bank is a row, and its account is the number
    of ``MIN_ROW_DIGITS`` digits or more on it (wherever its column stands: OCR of a
    right-to-left table gives the cells in any order). The bank is the name around the
    row's bank word. A line with no bank word (a wrapped cell) is passed over.
    """
    if rules.account is None or rules.bank is None:
        return []
    found: list[tuple[int, int, str]] = []
    lines, position = [], 0
    for line in text.split("\n"):
        lines.append((position, position + len(line)))
        position += len(line) + 1
    index = 0
    while index < len(lines):
        start, end = lines[index]
        index += 1
        words = folded.text[folded.folded_offset(start) : folded.folded_offset(end)]
        if (
            not words.strip()
            or len(words.split()) > MAX_HEADER_WORDS
            or re.search(r"\d{3}", words)
            or rules.account.search(words) is None
            or rules.bank.search(words) is None
        ):
            continue
        rows = 0
        while index < len(lines) and rows < MAX_LOOSE_ROWS and text[slice(*lines[index])].strip():
            rows += 1
            found += _loose_row(text, folded, rules.bank, *lines[index])
            index += 1
    return found


def _loose_row(
    text: str, folded: FoldedText, bank_words: re.Pattern[str], start: int, end: int
) -> list[tuple[int, int, str]]:
    """The account number of one loose table row with the row's bank, or nothing."""
    word = bank_words.search(folded.text, folded.folded_offset(start), folded.folded_offset(end))
    compound = _COMPOUND_BANK.search(text, start, end)
    if compound is not None:
        bank = compound.group()
    elif word is not None:
        bank_start, bank_end = folded.original_span(word.start(), word.end())
        bank = _row_cell(bank_name(text[start:end], bank_start - start, bank_end - start), bank_words)
    else:
        return []
    for number in _NUMBER.finditer(text, start, end):
        if not at_word_start(text, number.start()) or text[number.end() : number.end() + 1].isalnum():
            continue
        number_end = split_end(text, number.start(), number.end())
        value = text[number.start() : number_end]
        if sum(char.isdigit() for char in value) >= MIN_ROW_DIGITS and _is_account_number(value):
            return [(number.start(), number_end, bank)]
    return []


def _overlap(first: tuple[int, int, str], second: tuple[int, int, str]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """The (start, end) of each non-empty cell of ``line``, offsets shifted by ``offset``."""
    cells, start = [], 0
    for separator in [*_CELL_SEPARATOR.finditer(line), None]:
        end = separator.start() if separator is not None else len(line)
        if line[start:end].strip():
            cells.append((offset + start, offset + end))
        start = separator.end() if separator is not None else len(line)
    return cells


def _is_cell_number(cell: str) -> bool:
    value = cell.strip()
    number = _NUMBER.fullmatch(value) or _NUMBER.match(value)
    if number is None or split_end(value, 0, number.end()) != len(value):
        return False
    return _is_account_number(value)


def _with_cell_bank(entity: Entity, cells: list[tuple[int, int, str]]) -> Entity | None:
    """``entity`` with the bank of its table row when it stands in a table's account column, or None."""
    for start, end, bank in cells:
        if start <= entity.span.start and entity.span.end <= end:
            if not bank:
                return entity
            return entity.model_copy(update={"attributes": {**entity.attributes, "bank": bank}})
    return None


def _with_field_bank(entity: Entity, text: str, rules: AccountRules, starts: list[int]) -> Entity | None:
    """``entity`` with the bank of its group of form fields, or None when it is in no such group.

    An account in a field ("Account No.: ...", "Счёт №: ...") takes the bank field
    ("Bank: ...", "Банк получателя: ...") of its own record: the fields between blank
    lines are read in order, and when the first of them names a bank, each account's
    bank stands above it (after the previous account), else below it (before the next).
    None when the account is not in a field or its paragraph has no bank field.
    """
    if rules.bank is None or rules.account is None:
        return None
    if not _is_field_prefix(text[text.rfind("\n", 0, entity.span.start) + 1 : entity.span.start], rules):
        return None
    lines = _paragraph_lines(text, entity.span.start)
    items: list[tuple[int, str]] = []  # (line start, bank name or "" for an account's field)
    own = -1
    for start, end in lines:
        line = text[start:end]
        name = _bank_field(line, rules)
        if name:
            items.append((start, name))
        elif any(start <= s < end and _is_field_prefix(text[start:s], rules) for s in starts):
            if start <= entity.span.start < end:
                own = len(items)
            items.append((start, ""))
    if own < 0 or not any(name for _, name in items):
        return None
    step = -1 if items[0][1] else 1
    index = own + step
    if not (0 <= index < len(items) and items[index][1]):
        return entity  # the next field over is another account's: no bank said for this one
    return entity.model_copy(update={"attributes": {**entity.attributes, "bank": items[index][1]}})


def _paragraph_lines(text: str, offset: int) -> list[tuple[int, int]]:
    """The (start, end) of each line of the paragraph (between blank lines) holding ``offset``."""
    blank = re.compile(r"\n[ \t]*\n")
    before = [match.end() for match in blank.finditer(text, 0, offset)]
    after = blank.search(text, offset)
    start, stop = (before[-1] if before else 0), (after.start() if after else len(text))
    lines, position = [], start
    for line in text[start:stop].split("\n"):
        lines.append((position, position + len(line)))
        position += len(line) + 1
    return lines


def _is_field_prefix(prefix: str, rules: AccountRules) -> bool:
    """Whether the text before an account on its line is a field's label ("Account No.:", "Счёт №")."""
    if len(prefix.split()) > MAX_LABEL_WORDS or not re.search(r"(?:[:№#]|\bn[o°º.]?\.?)\s*$", prefix, re.I):
        return False
    return rules.account is not None and rules.account.search(fold(prefix).text) is not None


def _bank_field(line: str, rules: AccountRules) -> str:
    """The bank a field names ("Bank: X", "Банк получателя: X", "Name of the bank: X"), or ""."""
    label = re.match(r"[ \t]*([^:\n]{1,40}):[ \t]*([^\n;|–—]+)", line)
    if label is None or len(label.group(1).split()) > MAX_LABEL_WORDS or rules.bank is None:
        return ""
    words = fold(label.group(1)).text
    if rules.bank.search(words) is None or (rules.account is not None and rules.account.search(words)):
        return ""
    return " ".join(label.group(2).split())


def _row_cell(name: str, bank: re.Pattern[str]) -> str:
    """A bank's name in a table row, without the next cell ("Eastbridge Savings Bank Declan X").

    Ends at its last bank word, with the legal forms after it, when words stand before
    that word; a name that starts with its bank word ("Banque de ...") is kept whole.
    """
    tokens = name.split()
    last = max((i for i, token in enumerate(tokens) if bank.fullmatch(fold(token).text)), default=0)
    if last == 0:
        return name
    kept = itertools.takewhile(lambda token: token.strip(",.").casefold() in _LEGAL_FORMS, tokens[last + 1 :])
    return " ".join([*tokens[: last + 1], *kept])


def _field_value(text: str, start: int, end: int) -> str:
    """The value of a field labelled by the word at ``text[start:end]`` ("Bank: X"), or ""."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return ""
    value = re.match(r"[ \t]*:[ \t]*([^\n;|–—]+)", text[end:])
    return " ".join(value.group(1).split()) if value is not None else ""


def bank_name(text: str, start: int, end: int) -> str:
    """The name around a bank word at ``text[start:end]``: its run of capitalised words."""
    tokens = list(_NAME_TOKEN.finditer(text))
    index = next((i for i, token in enumerate(tokens) if token.start() <= start < token.end()), None)
    if index is None:
        return ""
    cased = (
        tokens[index].group()[:1].isupper() or tokens[index].group()[:1] != tokens[index].group()[:1].lower()
    )
    first = last = index
    if cased:
        while (
            first > 0 and _joins(text, tokens[first - 1], tokens[first]) and _is_name_word(tokens[first - 1])
        ):
            first -= 1
        while last + 1 < len(tokens) and _joins(text, tokens[last], tokens[last + 1]):
            if not _is_name_word(tokens[last + 1]):
                break
            last += 1
    else:
        while last + 1 < len(tokens) and last - index < 3 and _joins(text, tokens[last], tokens[last + 1]):
            last += 1
    while first < last and tokens[first].group().lower() in _CONNECTORS | _LEADING:
        first += 1
    while last > first and tokens[last].group().lower() in _CONNECTORS:
        last -= 1
    return " ".join(text[tokens[first].start() : tokens[last].end()].split())


def _joins(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Whether only white space stands between two tokens."""
    return text[left.end() : right.start()].isspace()


def _is_name_word(token: re.Match[str]) -> bool:
    word = token.group()
    return word[:1].isupper() or word.lower() in _CONNECTORS or word[:2].lower() in {"l'", "d'"}
