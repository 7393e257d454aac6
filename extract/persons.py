"""Natural persons named in a request: suspects, accused, witnesses, account holders.

Runs inside :func:`extract.entities.find_entities`. Rules work in every language,
with words from ``persons.<lang>.yaml``:

- a name heading a line and followed by a role in brackets ("Achieng MWAKYUSA
  (suspect)", "АБЕНОВА Малика Рахимовна (подозреваемый)", "... (مدعى عليه)");
- a name after an honorific ("Mr", "Mme", "Sr.", "Herr", "г-н", "السيد");
- a name before a birth cue ("born on", "né le", "nacido el", "родился"), or before
  a role in prose ("as a witness", "als Zeuge", "в качестве свидетеля");
- a name after a role word or a word that introduces the persons concerned ("the
  accused, X", "against X", "à l'encontre de X", "в отношении лиц: X");
- a name written with an UPPER-CASE surname next to a capitalised given name, the
  way requests write suspects ("Carlos Eduardo CÁRDENAS SÁNCHEZ").

A statistical model (spaCy, English and French) adds names it tags as persons when
they occur at least twice. Names on the request's contact line, or standing alone
on a line (the signature), are the request's own officials and are left out.
Mentions of one person are merged by :mod:`extract.person_resolution`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from extract.countries import load_country_names
from extract.lexicons import read_lexicons, string_list
from rogatory.folding import FoldedText, fold, fold_plain
from rogatory.phrases import phrases_pattern

#: Lower-case words that may stand inside a name ("María de la Cruz", "bin Salman").
PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "dos", "das", "do", "du", "des", "la", "le", "van", "von", "der",
     "den", "bin", "binti", "ibn", "bint", "ould", "al", "el", "abu", "ben", "zu", "af"}
)  # fmt: skip
MAX_NAME_TOKENS = 6
#: Words that put a name into an address ("avenue Habib Bourguiba").
_STREET_WORDS = frozenset(
    {"rue", "avenue", "boulevard", "place", "quai", "street", "road", "calle", "avenida", "rua", "via",
     "piazza", "corso", "strasse", "platz", "allee", "of", "at", "du", "de", "des"}
)  # fmt: skip
#: Words that make the name before them a street's or a quarter's ("Annie Besant Road", "Anna
#: Salai", "Rajendra Nagar": Indian addresses write road, quarter and colony after the name).
_STREET_AFTER = frozenset(
    {"street", "road", "lane", "avenue", "drive", "marg", "salai", "nagar", "colony", "chowk", "bazar",
     "bazaar", "gasse", "weg", "allee"}
)  # fmt: skip


def _names_a_street(text: str, end: int) -> bool:
    """Whether a capitalised street word follows the name ending at ``end`` ("Annie Besant Road")."""
    after = re.match(r" ([A-ZÀ-Þ]\w+)", text[end : end + 30])
    return after is not None and after.group(1).lower() in _STREET_AFTER


#: Strength of each kind of evidence, as the entity's confidence.
CONFIDENCE = {
    "role": 0.95, "honorific": 0.85, "born": 0.85, "caps": 0.8,
    "role-word": 0.75, "role-after": 0.75, "name-cue": 0.7, "field": 0.8, "model": 0.6,
}  # fmt: skip

_VOWELS = frozenset("aeiouyаеёиоуыэюя")
_TOKEN = re.compile(r"(?<!\w)[^\W\d_]+(?:[-'’][^\W\d_]+)*(?!\w)")
_ROMAN = re.compile(r"[IVXLC]+")
#: What follows the last word of a form label ("Nome:", "Qualidade :"): that word is no name word.
_LABEL_END = re.compile(r"[ \t]?:")
#: Shapes of a name with an UPPER-CASE surname: given names then surnames, or one
#: surname then at least two given names (a patronymic, as Russian writes them).
_CAPS_SHAPES = re.compile(r"T{1,3}U{1,3}|UT{2,3}")
_MIRRORED = re.compile(r"\)([^()\n]*[\u0600-\u06ff][^()\n]*)\(")
#: A numbered Arabic list item as a text layer gives it in visual order:
#: "(1 NAME (ROLE." for "1. NAME (ROLE)".
_MIRRORED_ITEM = re.compile(r"(?m)^\((\d{1,2})([ \t][^()\n]*[\u0600-\u06ff][^()\n]*\([^()\n]+)\.[ \t]*$")
#: Where a role in brackets names two roles ("Zeuge/Zeugin"): a slash, a bar, or the
#: l, I or 1 OCR prints for a slash before a capital ("ZeugelZeugin").
_ROLE_SPLIT = re.compile(r"\s*[/|]\s*|(?<=[a-zß-ÿа-я])[lI1](?=[A-ZÀ-ÞА-Я])")
_ROLE_LINE = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[.)][ \t]*|\.?\d{1,2}[ \t]+|[-–•*][ \t]*|\([a-z]\)[ \t]*)?"
    r"(?P<name>[^\n()\d:;,]{3,100}?)[ \t]*\((?P<role>[^()\n]{2,70}(?:\([^()\n]{0,5}\))?)\)"
)


#: Where a model's person of one word (a surname alone, or initials in prose) is kept: nowhere
#: (""), inside a sentence ("inside": "die von B. ausgeübte", "Ciarlantini, Lunelli") or also
#: at the start of one ("anywhere": "Лужков заявил", as Russian news writes).
SingleWords = Literal["", "inside", "anywhere"]


@dataclass(frozen=True)
class PersonRules:
    """Person words of every language, compiled once (see the module docstring)."""

    roles: re.Pattern[str] | None
    honorifics: re.Pattern[str] | None
    born: re.Pattern[str] | None
    contact: re.Pattern[str] | None
    not_names: frozenset[str]
    role_after: re.Pattern[str] | None = None
    name_cues: re.Pattern[str] | None = None
    countries: frozenset[str] = frozenset()
    country_names: frozenset[str] = frozenset()
    titles: re.Pattern[str] | None = None
    """Words before a surname written alone in court text ("Richter", "Rechtsanwalt", "juiz")."""
    parties: re.Pattern[str] | None = None
    """Words before a party's initials ("der Angeklagte B.", "den Zeugen S."), inflected."""
    official_fields: re.Pattern[str] | None = None
    """Labels of a form's fields that name the request's own official or their post ("Name of
    its representative:", "Cargo:", "Должность:"): their values are no persons concerned."""
    name_fields: re.Pattern[str] | None = None
    """Labels of a form's fields whose value is a name or part of one ("Nombre:", "Surname:",
    "Фамилия:"): a model's person of one word there is kept."""
    posts: re.Pattern[str] | None = None
    """Posts of the officials who write or sign a request ("State Counsel", "substitut",
    "следователь"), read right after a name: that name is an official's."""


@dataclass(frozen=True)
class Mention:
    """One place where a person's name is written, and the evidence that it is one."""

    page: int
    start: int
    end: int
    text: str
    evidence: str
    role: str = ""
    setting: str = ""
    """Where a model's mention stands: "prose" (three lower-case words or more on its line
    besides it), "field" (the value after a label, "Nome: Maria Santos", another label or
    nothing after it), "cue" (right after an honorific, a role or a title: "Richter Hacker",
    "der Angeklagte B.", "Mr. S.P. Jain") or ""."""


def load_person_rules() -> PersonRules:
    """Read ``persons.<lang>.yaml`` of every language; their words are used together.

    Raises ``ConfigurationError`` when a lexicon is malformed.
    """
    keys: tuple[str, ...] = ("roles", "honorifics", "born", "contact", "not_names", "role_after")
    keys += ("name_cues", "headings", "places", "currencies", "titles", "parties", "official_fields", "posts")
    keys += ("name_fields",)
    words: dict[str, list[str]] = {key: [] for key in keys}
    countries = load_country_names()
    for language, data in read_lexicons("persons").items():
        for key, bucket in words.items():
            bucket.extend(string_list(data, key, source=f"persons.{language}.yaml"))
    return PersonRules(
        roles=phrases_pattern(words["roles"]),
        honorifics=phrases_pattern(words["honorifics"]),
        born=phrases_pattern(words["born"]),
        contact=phrases_pattern(words["contact"]),
        not_names=frozenset(
            fold_plain(word).rstrip(".")
            for key in ("not_names", "honorifics", "headings", "places", "currencies")
            for word in words[key]
        ),
        role_after=phrases_pattern(words["role_after"]),
        name_cues=phrases_pattern(words["name_cues"]),
        countries=frozenset(name for name in countries if " " not in name and name.isalpha()),
        country_names=countries,
        titles=phrases_pattern(words["titles"]),
        parties=phrases_pattern(words["parties"]),
        official_fields=phrases_pattern(words["official_fields"]),
        posts=phrases_pattern(words["posts"]),
        name_fields=phrases_pattern(words["name_fields"]),
    )


# --- tokens and runs of name words ------------------------------------------------


def _kind(word: str, rules: PersonRules) -> str:
    """ "upper", "title", "arabic", "particle" or "" (not a name word); remembered per word."""
    kinds = _KINDS.setdefault(id(rules.not_names), {})
    kind = kinds.get(word)
    if kind is None:
        if len(kinds) > _KINDS_LIMIT:
            kinds.clear()
        kind = kinds[word] = _word_kind(word, rules)
    return kind


#: Kinds of words already seen, per set of not-name words (one per process in practice).
_KINDS: dict[int, dict[str, str]] = {}
_KINDS_LIMIT = 200_000


def _word_kind(word: str, rules: PersonRules) -> str:
    if all("\u0600" <= char <= "\u06ff" for char in word):
        return "" if fold_plain(word) in rules.not_names else "arabic"
    if word.islower():
        return "particle" if word in PARTICLES else ""
    if len(word) < 2 or fold_plain(word) in rules.not_names or not word[0].isupper():
        return ""
    if word.isupper():
        abbreviation = len(word) >= 3 and not set(fold_plain(word)) & _VOWELS  # "NBD", "HSBC"
        country = fold_plain(word) in rules.countries  # "Nairobi KENYA"
        return "" if _ROMAN.fullmatch(word) or abbreviation or country else "upper"
    if any(sum(char.isupper() for char in part[1:]) > 1 for part in re.split(r"[-'’]", word)):
        return ""  # "MpHCBoeHHe": Cyrillic OCR'd as Latin, not a name ("McDonald" has one)
    return "title"


def name_runs(
    text: str, start: int, end: int, rules: PersonRules, *, labels: bool = True
) -> list[list[re.Match[str]]]:
    """Runs of name words in ``text[start:end]`` joined by spaces or one line break.

    A line break ends a run when the line before it has no lower-case letter (a
    heading). Particles never begin or end a run; with ``labels`` a word before a colon
    (a form label, "Qualidade:") is no name word (a model's person may stand before one:
    "Мустафа Джемилев: Да, ...").
    """
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    previous_end = start
    for token in _TOKEN.finditer(text, start, end):
        gap = text[previous_end : token.start()]
        joined = bool(current) and _joins(text, gap, previous_end)
        kind = "" if labels and _LABEL_END.match(text, token.end()) else _kind(token.group(), rules)
        if current and (kind == "arabic") != (_kind(current[-1].group(), rules) == "arabic"):
            joined = False
        if not joined or not kind:
            runs.append(current)
            current = []
        if kind and (current or kind != "particle"):
            current.append(token)
        previous_end = token.end()
    runs.append(current)
    return [_trim(run) for run in runs if _trim(run)]


def _joins(text: str, gap: str, gap_start: int) -> bool:
    if gap in (" ", "\t"):
        return True
    if gap.strip(" \t") != "\n":
        return False
    line_start = text.rfind("\n", 0, gap_start) + 1
    next_start = text.find("\n", gap_start) + 1
    next_end = text.find("\n", next_start)
    next_line = text[next_start : next_end if next_end >= 0 else len(text)]
    return _has_lower(text[line_start:gap_start]) and _has_lower(next_line)


def _has_lower(line: str) -> bool:
    """Whether a line has a lower-case letter (a line without one is a heading)."""
    return any(char.islower() for char in line) or any("\u0600" <= char <= "\u06ff" for char in line)


def _trim(run: list[re.Match[str]]) -> list[re.Match[str]]:
    while run and run[-1].group() in PARTICLES:
        run = run[:-1]
    return run


# --- finding mentions -------------------------------------------------------------


def find_person_mentions(text: str, *, page: int, rules: PersonRules) -> list[Mention]:
    """Mentions of persons on one page found by the rules; spans are offsets into ``text``."""
    text = unmirror_brackets(text)
    folded = fold(text)
    mentions = _role_mentions(text, folded, page, rules)
    mentions += _cue_mentions(text, folded, page, rules)
    mentions += _role_word_mentions(text, folded, page, rules)
    mentions += _caps_mentions(text, page, rules)
    mentions += _field_mentions(text, page, rules)
    return [mention for mention in mentions if not _is_official(text, folded, mention, rules)]


def unmirror_brackets(text: str) -> str:
    """``text`` with right-to-left brackets turned the logical way round, offsets kept.

    A text layer or OCR of an Arabic line may give its brackets in visual order:
    "سامي الدوري )مشتبه به(" for "سامي الدوري (مشتبه به)", or a numbered item as
    "(1 NAME (ROLE." for "1. NAME (ROLE)".
    """
    text = _MIRRORED.sub(lambda match: f"({match.group(1)})", text)
    return _MIRRORED_ITEM.sub(lambda match: f"{match.group(1)}.{match.group(2)})", text)


def _role_mentions(text: str, folded: FoldedText, page: int, rules: PersonRules) -> list[Mention]:
    if rules.roles is None:
        return []
    mentions = []
    for match in _ROLE_LINE.finditer(text):
        role = match.group("role")
        if not _is_bracket_role(role, rules):
            continue
        runs = name_runs(text, match.start("name"), match.end("name"), rules)
        if len(runs) != 1 or not 2 <= len(runs[0]) <= MAX_NAME_TOKENS:
            continue
        start, end = runs[0][0].start(), runs[0][-1].end()
        if text[end : match.end("name")].strip() or text[match.start("name") : start].strip():
            continue
        mentions.append(Mention(page, start, end, text[start:end], "role", " ".join(role.split())))
    return mentions


#: One field of a form's line: its label, a colon and its value, up to a semicolon or the line's end.
_FIELD = re.compile(r"(?P<label>[^\n:;]{2,60}?)[ \t]*:[ \t]*(?P<value>[^\n:;]*)")
#: What may stand before a field's label: a number ("E.1", "2.", "b)") or a bullet.
_FIELD_NUMBER = re.compile(
    r"[ \t\ufeff]*(?:(?:[A-Z]{0,2}\.?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-zA-Z][.)])[ \t]+|[-–•*][ \t]*)?"
)


def _field_mentions(text: str, page: int, rules: PersonRules) -> list[Mention]:
    """Full names given as the value of a name's field, in forms of every script ("Nome completo:
    João Paulo Ferreira", "الاسم الكامل: طارق إبراهيم النجار;  الصفة: شاهد", "اسم المشتبه به: ..."),
    with the role a field of the same line gives ("Qualité: mis en cause"). A name split over
    fields of their own ("Nombre: / Apellidos:") is left to the other rules."""
    mentions = []
    lines = text.split("\n")
    offset = 0
    for index, line in enumerate(lines):
        fields = list(_line_fields(line))
        names = [field for field in fields if _is_name_label(field.group("label"), rules)]
        neighbours = lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]
        split = any(
            _is_name_label(field.group("label"), rules) for near in neighbours for field in _line_fields(near)
        )
        if len(names) == 1 and not split:
            mention = _field_value(text, page, offset, names[0], rules)
            if mention is not None:
                roles = [f.group("value").strip(" \t.") for f in fields if _is_role(f.group("value"), rules)]
                roles = [_name_label_role(names[0].group("label"), rules) or "", *roles]
                role = next((role for role in roles if role), "")
                mention = replace(mention, evidence="role", role=role) if role else mention
                mentions.append(mention)
        offset += len(line) + 1
    return mentions


def _line_fields(line: str) -> list[re.Match[str]]:
    """The fields of one line: at its start (after a number) and after each semicolon."""
    fields = []
    for segment in re.finditer(r"[^;]+", line):
        number = _FIELD_NUMBER.match(line, segment.start())
        start = number.end() if number is not None else segment.start()
        field = _FIELD.match(line, start, segment.end())
        if field is not None:
            fields.append(field)
    return fields


def _is_name_label(label: str, rules: PersonRules) -> bool:
    return _name_label_role(label, rules) is not None


#: What joins the parts of a name in one field's label: a comma, a slash, "and" in the languages.
_LABEL_LIST = re.compile(r"\s*[,/]\s*|\s+(?:and|et|y|e|und|и)\s+")


def _name_label_role(label: str, rules: PersonRules) -> str | None:
    """None unless a label asks for a person's name: "" for a name ("Nome completo", "الاسم
    الكامل"), the role for a name and a role ("اسم المشتبه به": a name's word, then a role
    with or without "ال")."""
    if rules.name_fields is None:
        return None
    folded = fold_plain(" ".join(label.split()))
    if rules.name_fields.fullmatch(folded):
        return ""
    parts = _LABEL_LIST.split(folded)
    if len(parts) > 1 and all(rules.name_fields.fullmatch(part) for part in parts):
        return ""  # the name's parts in one field ("Фамилия, имя, отчество", "Nom et prénom")
    head = rules.name_fields.match(folded)
    if head is None or rules.roles is None:
        return None
    rest = folded[head.end() :].strip()
    roles = [words for words in (rest, re.sub(r"^ال", "", rest)) if words and rules.roles.fullmatch(words)]
    return " ".join(label.split())[head.end() :].strip() if roles else None


def _field_value(
    text: str, page: int, offset: int, field: re.Match[str], rules: PersonRules
) -> Mention | None:
    """The field's value as a mention when it is one full name: one run of two to six name
    words and nothing after it but a full stop."""
    start, end = offset + field.start("value"), offset + field.end("value")
    runs = name_runs(text, start, end, rules)
    if len(runs) != 1 or not 2 <= len(runs[0]) <= MAX_NAME_TOKENS:
        return None
    first, last = runs[0][0].start(), runs[0][-1].end()
    if text[start:first].strip() or text[last:end].strip(" \t.,"):
        return None
    mention = _mention(text, page, runs[0], "field")
    return None if _is_role(mention.text, rules) or _names_country(text, mention, rules) else mention


def _is_bracket_role(role: str, rules: PersonRules) -> bool:
    """Whether the words in brackets are a role, or roles joined by a slash ("Zeuge/Zeugin")."""
    roles = rules.roles
    if roles is None:
        return False
    if roles.fullmatch(fold_plain(role).strip()):
        return True
    parts = _ROLE_SPLIT.split(role.strip())
    return len(parts) > 1 and all(roles.fullmatch(fold_plain(part).strip()) for part in parts)


def _cue_mentions(text: str, folded: FoldedText, page: int, rules: PersonRules) -> list[Mention]:
    """Names right after an honorific, or right before a birth cue or a role ("als Zeuge")."""
    mentions = []
    if rules.honorifics is not None:
        for cue in rules.honorifics.finditer(folded.text):
            cue_end = folded.original_span(cue.start(), cue.end())[1]
            runs = name_runs(text, cue_end, min(len(text), cue_end + 120), rules)
            if runs and text[cue_end : runs[0][0].start()].strip(" .\t\n") == "":
                run = _leading_name(runs[0])
                if _names_a_street(text, run[-1].end()):
                    continue  # "Dr. Annie Besant Road"
                if len(run) >= 2 or run[0].group().isupper():
                    mentions.append(_mention(text, page, run, "honorific"))
                elif _surname_after_honorific(text, run[0]):
                    surname = _mention(text, page, run, "honorific")
                    if not _names_country(text, surname, rules):  # "Sri Lanka"
                        mentions.append(surname)
    for cues, evidence in ((rules.born, "born"), (rules.role_after, "role-after")):
        for cue in cues.finditer(folded.text) if cues is not None else ():
            mention = _name_before(text, folded.original_offset(cue.start()), page, rules, evidence)
            if mention is not None:
                mentions.append(mention)
    return mentions


def _surname_after_honorific(text: str, word: re.Match[str]) -> bool:
    """Whether one capitalised word after an honorific is a surname ("M. Gauvin battra", "Herr
    Weber sagte"): in prose (a lower-case word follows, or a comma or a full stop), not a
    form's label (no name word stands before a colon) nor an initial."""
    if len(word.group()) < 3 or not word.group()[:1].isupper() or word.group().isupper():
        return False
    return _PROSE_AFTER.match(text, word.end()) is not None


#: What follows a surname in prose: a comma, a full stop, a bracket or a lower-case word.
_PROSE_AFTER = re.compile(r"[ \t]*(?:[,;.)]|[ \t][^\W\d_A-ZÀ-ÞА-ЯЁ]{2,})")


def _name_before(text: str, cue: int, page: int, rules: PersonRules, evidence: str) -> Mention | None:
    """The name whose last word stands right before ``text[cue]``, or None.

    Before a birth cue the last ``MAX_NAME_TOKENS`` words of the run; before a role
    the whole run, of at most four words besides particles, in a script with case,
    and not after "of", "de", "at" (a company's or a place's name).
    """
    runs = name_runs(text, max(0, cue - 120), cue, rules)
    if not runs or text[runs[-1][-1].end() : cue].strip(" ,(\t\n") != "":
        return None
    run = runs[-1][-MAX_NAME_TOKENS:]
    if evidence == "role-after":
        before = re.search(r"(\w+)[ \t]*$", text[max(0, run[0].start() - 40) : run[0].start()])
        if text[runs[-1][-1].end() : cue].strip(" ,") or _kind_is_arabic(run[0].group()):
            return None
        if len([token for token in run if token.group() not in PARTICLES]) > 4 or len(runs[-1]) > len(run):
            return None
        if before is not None and before.group(1).lower() in _STREET_WORDS:  # "the director of Acme Telecom"
            return None
    if len(run) < 2 or _is_role(text[run[0].start() : run[-1].end()], rules):
        return None
    return _mention(text, page, run, evidence)


def _leading_name(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """The first words of a run that a name after a cue takes: four besides particles.

    ("María Fernanda López de la Cruz"; Arabic chains, "عبد الله بن محمد آل سعود", up to six).
    """
    limit = MAX_NAME_TOKENS if _kind_is_arabic(run[0].group()) else 4
    taken: list[re.Match[str]] = []
    for token in run:
        if len([word for word in taken if word.group() not in PARTICLES]) >= limit:
            break
        taken.append(token)
    return _trim(taken)


def _kind_is_arabic(word: str) -> bool:
    return all("\u0600" <= char <= "\u06ff" for char in word)


def _role_word_mentions(text: str, folded: FoldedText, page: int, rules: PersonRules) -> list[Mention]:
    """Names right after a role word in prose ("Свидетель Петрова Анна Викторовна", "the accused, X"),
    or after a word that introduces the persons concerned ("against X", "в отношении лиц: X")."""
    mentions: list[Mention] = []
    for cues, evidence in ((rules.roles, "role-word"), (rules.name_cues, "name-cue")):
        for cue in cues.finditer(folded.text) if cues is not None else ():
            cue_start, cue_end = folded.original_span(cue.start(), cue.end())
            runs = name_runs(text, cue_end, min(len(text), cue_end + 120), rules)
            if runs and text[cue_end : runs[0][0].start()] in (" ", ", ", ": "):
                if _kind_is_arabic(runs[0][0].group()):  # Arabic words carry no case
                    mentions += _arabic_names(text, page, runs[0], evidence)
                    continue
                run = _leading_name(runs[0])
                if len(run) < 2:
                    continue
                if evidence == "name-cue" and not _cue_in_prose(text, cue_start, run):
                    continue
                mention = _mention(text, page, run, evidence)
                glued = _inside_longer_name(text, mention, before=evidence != "name-cue")
                if not _is_role(mention.text, rules) and not glued:
                    mentions.append(mention)
    return mentions


def _arabic_names(text: str, page: int, run: list[re.Match[str]], evidence: str) -> list[Mention]:
    """The names a run of Arabic words after a cue begins with: Arabic has no capitals to end a
    name, so a name begins with a given name (no article "ال": "الشهود" is none) and ends at its
    family name (the first word with "ال" after two words) within four words, and a word
    joined to "and" (و) right after it begins the next ("ضد فاطمة علي الزعبي ويوسف حسين الشمري")."""
    names: list[Mention] = []
    words = list(run)
    while words:
        joined = 1 if names else 0  # the "و" of a second name
        if words[0].group()[joined:].startswith("ال"):
            break
        end = next((i for i, word in enumerate(words[:4]) if i >= 2 and word.group().startswith("ال")), None)
        if end is None:
            break
        name, words = words[: end + 1], words[end + 1 :]
        start = name[0].start() + joined
        names.append(Mention(page, start, name[-1].end(), text[start : name[-1].end()], evidence))
        if not words or not (words[0].group().startswith("و") and len(words[0].group()) > 3):
            break
    return names


def _cue_in_prose(text: str, cue: int, run: list[re.Match[str]]) -> bool:
    """Whether a cue stands in prose before a name: not in a title ("Convention against
    Transnational Organized Crime") nor before an upper-case heading ("В ОТНОШЕНИИ КОТОРЫХ")."""
    before = re.search(r"(\w+)[ \t]*$", text[max(0, cue - 40) : cue])
    if before is not None and before.group(1)[:1].isupper() and not before.group(1).isupper():
        return False
    return any(not token.group().isupper() for token in run)


def _is_role(words: str, rules: PersonRules) -> bool:
    """Whether ``words`` are a role ("مدعى عليه", "suspect"), not a name."""
    return rules.roles is not None and rules.roles.fullmatch(fold_plain(" ".join(words.split()))) is not None


def _caps_mentions(text: str, page: int, rules: PersonRules) -> list[Mention]:
    """Runs mixing an UPPER-CASE surname with a capitalised given name, in one script.

    Surname first with two given names after it (a patronymic) only in Cyrillic.
    """
    mentions = []
    for run in name_runs(text, 0, len(text), rules):
        shape = "".join(_caps_letter(token.group(), rules) for token in run)
        for match in re.finditer(r"[TUu]+", shape):
            words = run[match.start() : match.end()]
            if not _CAPS_SHAPES.fullmatch(match.group()) or len({_script(w.group()) for w in words}) > 1:
                continue
            if match.group().startswith("U") and _script(words[0].group()) != "cyrillic":
                continue
            if any(_is_acronym(text, word.group()) for word in words if word.group().isupper()):
                continue  # "Supremo Tribunal Federal ACO 2821", "Recursos DAIR"
            mentions.append(_mention(text, page, words, "caps"))
    return mentions


def _is_acronym(text: str, word: str) -> bool:
    """Whether an UPPER-CASE word is used as an acronym elsewhere in the text: alone in
    brackets ("(DAIR)") or before a number ("ACO 2821", "ACO 702/CE")."""
    escaped = re.escape(word)
    pattern = rf"\([ \t]*{escaped}[ \t]*\)|(?<!\w){escaped}[ \t]+\d"
    return re.search(pattern, text) is not None


def _caps_letter(word: str, rules: PersonRules) -> str:
    """ "U" for a plausible UPPER-CASE surname, "T" for a capitalised word, else "u" or "x".

    A surname has three letters or more ("WE" has not; an upper-case word without a
    vowel, OCR noise "SQS" or an abbreviation "NBD", is no name word at all); a shorter
    upper-case word ("u") spoils the run it stands in ("SOLICITUD DE ...").
    """
    kind = _kind(word, rules)
    if kind == "upper":
        return "U" if len(word) >= 3 else "u"
    return "T" if kind == "title" else "x"


def _script(word: str) -> str:
    """ "cyrillic" or "latin" (the scripts with letter case), from the first letter."""
    return "cyrillic" if "\u0400" <= word[:1] <= "\u04ff" else "latin"


def model_mentions(
    text: str, *, page: int, nlp: Any, rules: PersonRules, doc: Any = None, single_words: SingleWords = ""
) -> list[Mention]:
    """Names a spaCy pipeline tags as persons (PERSON or PER), each line of a mention apart:
    two name words or more; one name word or initials right after an honorific, a role or a
    title ("Richter Hacker", "the accused B."); with ``single_words`` (:data:`SingleWords`) also
    a surname alone or initials in prose, where no rule says it is no person's.

    ``doc`` is ``nlp(text)`` when the caller has run the pipeline already (in a batch).
    """
    folded = fold(text)
    parts = [
        part
        for entity in (doc if doc is not None else nlp(text)).ents
        if entity.label_ in {"PERSON", "PER"}
        for part in line_parts(text, entity.start_char, entity.end_char)
    ]
    check = _MentionCheck(text=text, folded=folded, page=page, rules=rules)
    mentions = [mention for part in parts if (mention := check.mention(part, single_words)) is not None]
    if single_words == "inside":
        # a surname the model tags alone inside a sentence is a name where it begins one too
        names = {mention.text for mention in mentions if _kind(mention.text, rules) in ("title", "upper")}
        again = [
            (start, end)
            for start, end in parts
            if text[start:end].strip() in names and not any(m.start < end and start < m.end for m in mentions)
        ]
        mentions += [mention for part in again if (mention := check.mention(part, "anywhere")) is not None]
    return mentions


@dataclass(frozen=True)
class _MentionCheck:
    """The page a model's persons are checked against (see :func:`model_mentions`)."""

    text: str
    folded: FoldedText
    page: int
    rules: PersonRules

    def mention(self, span: tuple[int, int], single_words: SingleWords) -> Mention | None:
        """One line of a model's person as a mention with its setting, unless it names a
        country, the request's own official, or is cut out of a longer name."""
        text, rules = self.text, self.rules
        mention = _model_mention(text, self.page, span[0], span[1], rules, single_words=single_words)
        if mention is None or _names_country(text, mention, rules):
            return None
        if _is_official(text, self.folded, mention, rules) or _inside_longer_name(text, mention, rules=rules):
            return None
        return replace(mention, setting=mention.setting or _setting(text, mention))


def _names_country(text: str, mention: Mention, rules: PersonRules) -> bool:
    """Whether the mention, alone or with the word before it, is a country ("Sri Lanka", "Lanka")."""
    previous = re.search(r"(\w+)[ \t]*\n?[ \t]*$", text[max(0, mention.start - 30) : mention.start])
    names = [mention.text] + ([f"{previous.group(1)} {mention.text}"] if previous else [])
    return any(fold_plain(" ".join(name.split())) in rules.country_names for name in names)


_INITIALS = re.compile(r"(?:[A-ZÀ-ÞА-ЯЁ]\.[ \t]?){1,3}")
#: A surname right after initials on their line ("K. Reiter").
_SURNAME_AFTER = re.compile(r"[ \t]?([^\W\d_]+(?:[-'’][^\W\d_]+)*)(?!\w)")
#: A name's particle written with a capital right before its surname ("Le Calloch", "De Souza").
_CAPITAL_PARTICLE = re.compile(r"(?<!\S)([A-Z][a-z]{1,3})[ \t]+$")
#: One capital letter standing for a party's name, as German court text writes it ("von A erbrachten").
_LETTER = re.compile(r"[A-ZÀ-ÞА-ЯЁ]")


def _model_mention(
    text: str, page: int, start: int, end: int, rules: PersonRules, *, single_words: SingleWords
) -> Mention | None:
    """The name inside one line of a model's person, or None (see :func:`model_mentions`)."""
    initials = _INITIALS.fullmatch(text, start, end + (text[end : end + 1] == "."))
    initials = initials or _LETTER.fullmatch(text, start, end)
    if initials is not None:
        return _initials_mention(text, page, initials, rules, single_words=single_words)
    runs = name_runs(text, start, end, rules, labels=False)
    if len(runs) > 1 and _PARTED.search(text, runs[0][-1].end(), runs[1][0].start()):
        end, runs = runs[0][-1].end(), runs[:1]  # "SANTOS 26 Conforme", "Вольфа (Joshua Wolf)"
    if len(runs) != 1 or len(runs[0]) > MAX_NAME_TOKENS:
        return None
    first = runs[0][0].start()
    particle = _CAPITAL_PARTICLE.search(text, start, first)
    if particle is not None and particle.group(1).lower() in PARTICLES:
        first = particle.start(1)  # a particle written with a capital opens the name ("M. Le Calloch")
    before = text[start:first]
    leading = _INITIALS.fullmatch(before.lstrip(" \t"))
    if before.strip() and _after_cue(text, first, rules):
        before, leading = "", None  # the model's person holds its honorific or title ("M. Deschamps")
    elif leading is not None:
        before = ""  # initials before the surname ("A.K. Chawla", "J. Ratayczak")
    if any(word[:1].isupper() for word in (before + text[runs[0][-1].end() : end]).split()):
        return None  # "Juzgado Central de ..."
    mention = Mention(page, first, runs[0][-1].end(), text[first : runs[0][-1].end()], "model")
    if leading is not None:
        prefix = text[start : runs[0][0].start()]
        first = start + len(prefix) - len(prefix.lstrip(" \t"))
        mention = Mention(page, first, mention.end, text[first : mention.end], "model")
    if _after_cue(text, mention.start, rules):
        return replace(mention, setting="cue")  # "Mr. S.P. Jain", "Richter Hacker"
    if len(runs[0]) >= 2 or leading is not None:
        return mention
    return _one_word_mention(text, mention, rules, single_words=single_words)


def _initials_mention(
    text: str, page: int, initials: re.Match[str], rules: PersonRules, *, single_words: SingleWords
) -> Mention | None:
    """A model's person written as initials alone ("B."): kept after a cue ("der Angeklagte
    B."), or with ``single_words`` between two lower-case words ("die von B. ausgeübte"). A name
    word after them on their line is the rest of the name ("Dr. K. Reiter"): the mention holds it."""
    start, stop = initials.start(), initials.end() - (initials.group().endswith((" ", "\t")))
    surname = _SURNAME_AFTER.match(text, stop)
    if surname is not None and _kind(surname.group(1), rules) in ("title", "upper"):
        stop = surname.end()
    mention = Mention(page, start, stop, text[start:stop], "model", setting="cue")
    if _after_cue(text, start, rules, initials=True):
        return mention
    return replace(mention, setting="prose") if single_words and _between_lower(text, start, stop) else None


def _one_word_mention(
    text: str, mention: Mention, rules: PersonRules, *, single_words: SingleWords
) -> Mention | None:
    """A model's person of one word with no cue before it: a name field's value, or with
    ``single_words`` a surname alone (:func:`_surname_alone`); never a form's label."""
    if _name_field_value(text, mention, rules):
        return replace(mention, setting="field")
    if _LABEL_END.match(text, mention.end):
        return None  # a form's label ("Surname:")
    if single_words and _surname_alone(text, mention, rules, anywhere=single_words == "anywhere"):
        return mention
    return None


#: What parts two runs of name words inside one model person into two names: a digit, a
#: bracket, a comma or a slash ("SANTOS 26 Conforme", "Вольфа (Joshua Wolf)").
_PARTED = re.compile(r"[\d(),;/|]")


def _between_lower(text: str, start: int, end: int) -> bool:
    """Whether a lower-case word stands right before and right after ``text[start:end]`` on
    its line, as initials naming a party in prose do ("die von B. ausgeübte Tätigkeit")."""
    before = re.search(r"(?<!\w)(\w+)[ \t]+$", text[max(0, start - 40) : start])
    after = re.match(r"[ \t]+(\w+)", text[end : end + 40])
    return all(match is not None and match.group(1).islower() for match in (before, after))


#: A field's label before its value, a number before it allowed ("E.1 Surname: ").
_NAME_LABEL = re.compile(r"[ \t\ufeff]*(?:[\w.]+[ \t]+)?([^\n:]+?)[ \t]*:[ \t]*")


def _name_field_value(text: str, mention: Mention, rules: PersonRules) -> bool:
    """Whether the mention is the whole value of a name's field ("Nombre: Pedro.", "Surname:
    OKAFOR"): its line holds the label, a colon, the mention and at most a full stop."""
    if rules.name_fields is None:
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    label = _NAME_LABEL.fullmatch(text[line_start : mention.start])
    rest = text[mention.end : line_end if line_end >= 0 else len(text)]
    if label is None or rest.strip(" \t.,;"):
        return False
    return rules.name_fields.fullmatch(fold_plain(" ".join(label.group(1).split()))) is not None


#: Russian participles and adjectives ("Запрашивающий орган", "Разыскиваемое лицо"): no surname.
_PARTICIPLE = re.compile(r"(?:ющ|ящ|ащ|вш|ем|им)(?:ий|ая|ее|ие|ый|ое|ого|ему|ую|ой)", re.IGNORECASE)


def _surname_alone(text: str, mention: Mention, rules: PersonRules, *, anywhere: bool) -> bool:
    """Whether a model's one name word, with no title before it, may be a person: a name
    word, no participle, not a field's value ("Место рождения: Худжанд") nor a place
    before its country ("Худжанд, Таджикистан"), no acronym, not cut from a name that runs
    on into the next line and, unless ``anywhere``, not at the start of a sentence or a line."""
    kind = _kind(mention.text, rules)
    if kind not in ("title", "upper", "arabic") or _PARTICIPLE.search(mention.text[-5:]):
        return False
    if kind == "arabic" and _heads_arabic_phrase(text, mention, rules):
        return False
    anywhere = anywhere or kind == "arabic"  # no capitals: a sentence's first word is no likelier a noun
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = text[line_start : mention.start]
    if _in_field_value(before):
        return False  # inside a field's value ("Место рождения: Худжанд", "Адрес: 89 Lane, Бишкек")
    if re.match(r",[ \t]*\d", text[mention.end : mention.end + 4]):
        return False  # a dateline's place ("Бишкек, 26 мая 2026 г.")
    if re.search(r"(?<!\w)г\.[ \t]*$", text[max(0, mention.start - 4) : mention.start]):
        return False  # a city ("г. Бишкек")
    if mention.text.isupper() and _is_acronym(text, mention.text):
        return False  # "MU40 COUP 4930", "NUIPC 824/24"
    # a form's label ("Процессуальное положение:"), a name run on into the next line
    if _starts_label(text, mention) or _RUNS_ON.match(text, mention.end, mention.end + 8):
        return False
    if re.match(r"\.[ \t]*\n?[ \t]*\d", text[mention.end : mention.end + 6]):
        return False  # an abbreviation before its number ("Cap. 329", "Art. 5")
    if not anywhere:
        if _starts_sentence(text, mention.start) and not _sentence_of_one_word(text, mention.end):
            return False  # any word is capitalised there ("Notifier à ...", "Tais condutas")
        previous = re.search(r"(?<!\S)(\S+) $", text[max(0, mention.start - 40) : mention.start])
        if (
            previous is not None
            and previous.group(1)[:1].isupper()
            and not _GENITIVE_NAME.match(text, mention.start)
        ):
            return False  # a noun after a noun, as German writes them ("einem Zeugen Geld für")
        if previous is not None and previous.group(1).lower() in _ARTICLES:
            return False  # a noun after its article ("de la Bundesbeschaffungsstelle")
    after = re.match(r",[ \t]*(\w[\w -]*?)[ \t]*(?:[,;.)\n]|$)", text[mention.end : mention.end + 60])
    return after is None or fold_plain(after.group(1)) not in rules.country_names


#: A name's genitive right after the noun it belongs to, where a noun's genitive would have its article
#: ("die Regierung Mussolinis nicht", "das Schreiben Bülows trotz"), a lower-case word or a sign after it.
_GENITIVE_NAME = re.compile(r"[^\W\d_]{3,}[^\Ws]s(?=[ \t]*(?:[,;.)]|[^\W\d_A-ZÀ-ÞА-ЯЁ]))")
#: A field's label before a value on its line: a colon, then at most four words and no sentence's end.
_FIELD_VALUE = re.compile(r":(?:[ \t]*[^\s.!?:;]+){0,4}[ \t]*$")


def _in_field_value(before: str) -> bool:
    """Whether ``before`` (a line up to a mention) ends inside a field's value: a label's colon
    a few words before the mention, no field after a semicolon in between ("Lieu de naissance:
    Abuja", "Адрес: 89 Lane, Бишкек"), where a colon far back in a paragraph is none."""
    return _FIELD_VALUE.search(before[before.rfind(";") + 1 :]) is not None


def _starts_sentence(text: str, start: int) -> bool:
    """Whether ``text[start]`` begins a line, a sentence or a field (:data:`_SENTENCE_START`); a
    full stop after an initial or a short capitalised abbreviation ends none ("c. Bernard", "MM .")."""
    window = max(0, start - 12)
    match = _SENTENCE_START.search(text[window:start])
    if match is None:
        return False
    stop = window + match.start()
    return not (text[stop : stop + 1] == "." and _ABBREVIATION.search(text[max(0, stop - 6) : stop]))


#: An initial or a short upper-case abbreviation before a full stop ("c.", "P", "MM "): no sentence's end.
_ABBREVIATION = re.compile(r"(?<![\w.])(?:[^\W\d_]|(?![IVXLC]+\b)[A-ZÀ-ÞА-ЯЁ]{2,3})[ \t]?$")
#: What begins the next sentence right after a word: a list's number, a letter's bracket or a word.
_NEXT_SENTENCE = re.compile(r"[ \t]*(?:$|\d{1,3}\.[ \t]|[a-z]\)|(?P<word>[A-ZÀ-ÞА-ЯЁ][^\W\d_]*)(?![\w.-]))")


def _sentence_of_one_word(text: str, end: int) -> bool:
    """Whether a capitalised word at a sentence's start is that sentence's only word, as a judge's
    surname under a decision is when its lines are run together ("... zurückzuweisen . Botur Mit
    Beschluss vom ...", "Schäfer" at the text's end): the text ends after it, or the next
    sentence begins (a list's number, or a word that the page writes in lower case elsewhere,
    an article or a pronoun: "Diese", "Mit", "Ob"). A noun or a name after it is no such start."""
    after = _NEXT_SENTENCE.match(text, end)
    if after is None:
        return False
    word = after.group("word")
    return word is None or word.lower() in _ARTICLES or _written_lower(text, word)


def _written_lower(text: str, word: str) -> bool:
    """Whether the page writes ``word`` in lower case too: a capital there only begins a sentence
    ("Mit", "Diese"), it is no name's nor a German noun's."""
    lower = word.lower()
    return lower != word and re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None


#: A capitalised word at the start of the next line: the name runs on ("Valletta\nMerchant Bank plc").
_RUNS_ON = re.compile(r"[ \t]*\n[ \t]*[A-ZÀ-ÞА-ЯЁ]")


def _heads_arabic_phrase(text: str, mention: Mention, rules: PersonRules) -> bool:
    """Whether a word that is never a name's follows the Arabic word: the mention is the first noun
    of a phrase ("سلامة التحقيق", the integrity of the investigation; "حسن تعاونكم")."""
    following = re.match(r"[ \t]*\n?[ \t]*([\u0600-\u06ff]+)", text[mention.end : mention.end + 40])
    return following is not None and fold_plain(following.group(1)) in rules.not_names


def _starts_label(text: str, mention: Mention) -> bool:
    """Whether the mention begins its line (after a list's number) and only lower-case words
    stand between it and a colon on that line: a form's label ("Лица, в отношении которых
    направлен запрос:", "Изложение оснований и краткое описание обстоятельств дела:")."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if _FIELD_NUMBER.fullmatch(text, line_start, mention.start) is None:
        return False
    line_end = text.find("\n", mention.end)
    rest = text[mention.end : line_end if line_end >= 0 else len(text)]
    label, colon, _ = rest.partition(":")
    words = re.findall(r"\w+", label)
    return bool(colon) and bool(words) and all(word.islower() for word in words)


#: The start of a line, a sentence or a field after a semicolon; a list's number, a bullet or a
#: tick box ("[✓] Veuillez") allowed before the word.
_SENTENCE_START = re.compile(
    r"(?:^|\n|[.!?…»\"“”;]\s)[ \t]*"
    r"(?:\(?(?:\d{1,3}|[a-zA-Z]|[ivx]{1,4})[.)][ \t]*|[•*–☐☑☒□■✓✔-][ \t]*"
    r"|\[[^\]\n]{0,3}\][ \t]*|\([^)\n]{0,3}\)[ \t]*)?$"
)
#: Definite articles of the service languages: the one word after one is a noun, not a surname.
_ARTICLES = frozenset(
    {"the", "le", "la", "les", "l'", "el", "los", "las", "o", "a", "os", "as", "il", "lo", "gli",
     "der", "die", "das", "den", "dem", "des"}
)  # fmt: skip


def _after_cue(text: str, start: int, rules: PersonRules, *, initials: bool = False) -> bool:
    """Whether an honorific, a role or a title (or, before ``initials``, a party's word) ends
    right before ``text[start]`` on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    before = fold_plain(text[max(line_start, start - 60) : start])
    for cues in (rules.honorifics, rules.roles, rules.titles, rules.parties if initials else None):
        ends = [cue.end() for cue in cues.finditer(before)] if cues is not None else []
        if ends and not before[ends[-1] :].strip(" \t.,:"):
            return True
    return False


def _setting(text: str, mention: Mention) -> str:
    """ "prose", "field" or "" for a model's mention (see :attr:`Mention.setting`)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    before, after = (
        text[line_start : mention.start],
        text[mention.end : line_end if line_end >= 0 else len(text)],
    )
    if len(_LOWER_WORD.findall(before + " " + after)) >= 3:
        return "prose"
    value = not after.strip(" \t.,;") or _NEXT_FIELD.match(after) is not None
    return "field" if _FIELD_LABEL.fullmatch(before) and value else ""


_FIELD_LABEL = re.compile(r"[ \t]*(?:[\w.]+[ \t]+){0,4}?[^\W\d_][\w.]*[ \t]*:[ \t]*")
#: Another field's label after a value on the same line ("Médico: X   NºCol: 28 28").
_NEXT_FIELD = re.compile(r"[ \t.,;]+[^\W\d_][\w.]*[ \t]*:")
_LOWER_WORD = re.compile(r"(?<!\w)[^\W\d_A-ZÀ-ÞА-Я]{2,}(?!\w)")


def line_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at its line ends, as spans: the models were trained on
    text without line breaks and run a name on into the next line ("Santos\nBanco")."""
    parts, offset = [], start
    for line in text[start:end].split("\n"):
        if line.strip():
            parts.append((offset, offset + len(line)))
        offset += len(line) + 1
    return parts


def _inside_longer_name(
    text: str, mention: Mention, *, before: bool = True, rules: PersonRules | None = None
) -> bool:
    """Whether a name word, a street word or a house number is glued to the mention.

    "Meridian Trust" in "Meridian Trust Bank Ltd", "Habib Bourguiba" in "avenue Habib
    Bourguiba": a model's name cut out of the name of a company or a street. A word after
    the name is glued when one space parts them and it is written in the name's own case
    ("Trust Bank", not "NÍDIA CORRÊA LIMA Relatora", "Anna Bujons Tur  NºCol"), and, with
    ``rules``, is a name word, not a form's label ("Correo:"), a street word ("Calle"), an
    abbreviation ("AGTE."), a title or post ("RELATOR") nor an acronym used elsewhere ("ACO 2821").
    A word before it is glued when it is a street word or a number ("rue", "12"), or a
    connector after one ("avenida de", not "em desfavor de"). With ``before=False`` only
    what follows counts (the cue before ends in "of", "de").
    """
    after = re.match(r"([ \t]*)(\w+)[ \t]?([:.]?)", text[mention.end : mention.end + 40])
    if after is not None and after.group(2)[:1].isupper():
        last = mention.text.split()[-1] if mention.text.split() else ""
        word = after.group(2)
        if rules is None or _names_a_street(text, mention.end):
            return True
        glued = (
            after.group(1) == " "
            and after.group(3) != ":"
            and not (after.group(3) == "." and len(word) <= 4)  # an abbreviation ("AGTE.", "Adv.")
            and word.isupper() == last.isupper()
            and word.lower() not in _STREET_WORDS
            and _kind(word, rules) in ("title", "upper")
            and not _is_cue_word(word, rules)
            and not (word.isupper() and _is_acronym(text, word))
            and not _written_lower(text, word)
        )
        if glued:
            return True
    if not before:
        return False
    preceding = re.search(r"(?:(\w+)[ \t]+)?(\w+)[ \t]*$", text[max(0, mention.start - 60) : mention.start])
    if preceding is None:
        return False
    word = preceding.group(2)
    if word.isdigit() or (word.lower() in _STREET_WORDS and word.lower() not in _CONNECTORS):
        return True
    if rules is None:
        return word.lower() in _STREET_WORDS
    street = preceding.group(1)
    return word.lower() in _CONNECTORS and street is not None and street.lower() in _STREET_WORDS


def _is_cue_word(word: str, rules: PersonRules) -> bool:
    """Whether ``word`` is a title, a post or a role ("RELATOR", "Richter"): it follows a
    name without being part of it ("RICARDO LEWANDOWSKI RELATOR")."""
    folded = fold_plain(word)
    cues = (rules.titles, rules.posts, rules.roles)
    return any(words is not None and words.fullmatch(folded) for words in cues)


#: Words between a street word and the name it gives ("avenida de", "rue du", "Bank of").
_CONNECTORS = frozenset({"of", "at", "du", "de", "des", "da", "do", "dos", "das", "del", "di", "della"})


def _mention(text: str, page: int, run: list[re.Match[str]], evidence: str) -> Mention:
    start, end = run[0].start(), run[-1].end()
    return Mention(page, start, end, text[start:end], evidence)


def _is_official(text: str, folded: FoldedText, mention: Mention, rules: PersonRules) -> bool:
    """Whether a mention is on the contact line, or alone on its line (a signature; a model's
    name may keep its honorific there).

    A name before a birth cue is never a signature, even alone on its line.
    """
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    if rules.contact is not None and rules.contact.match(folded.text, folded.folded_offset(line_start)):
        return True
    if _names_an_official(text, folded, mention, rules, line_start):
        return True
    # The name's own initials may stand between the honorific and it ("dott. M. Sabatini").
    after = text[mention.end : line_end if line_end >= 0 else len(text)]
    alone = not after.strip(" \t.,") and _honorific_or_initials(text[line_start : mention.start], rules)
    return mention.evidence not in ("role", "born") and alone


def _is_cue_alone(words: str, rules: PersonRules) -> bool:
    """Whether ``words`` (folded) are an honorific or a title and nothing else ("dr.", "richter")."""
    return any(cues is not None and cues.fullmatch(words) for cues in (rules.honorifics, rules.titles))


#: Words between a name and the post that follows it ("A. Murphy, Senior State Counsel").
_WORD_STARTS = re.compile(r"(?<![\w.])\w")


#: What may stand between an official's post and the name: the post's own words, the first in
#: lower case, up to a comma or colon ("per le indagini preliminari,", "responsable:", "de la
#: République,"; a capitalised word first is another name: "der Richter Merzbach , Dr.
#: Meiser"), or nothing but a comma.
_POST_WORD = r"[a-zß-ÿа-яё\u0600-\u06ff][\w'’-]*"
_POST_GAP = re.compile(
    rf"[ \t]*{_POST_WORD}(?:[ \t]+[^\W\d][\w'’-]*){{0,5}}?[ \t]*[,:،][ \t]*|[ \t]*[,:،]?[ \t]*"
)
#: The name's own initials at the end of that gap, in capitals ("S. V. ", "M. Y. ").
_CAPITAL_INITIALS = re.compile(r"(?:(?<![\w.])[A-ZÀ-ÞА-ЯЁ]\.[ \t]*)+$")
#: A capitalised abbreviation standing for an honorific ("Dra.", "Lic.", "Sr.").
_HONORIFIC_ABBREVIATION = re.compile(r"[A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё]{1,4}\.")
#: Up to three words before a post on a signature line ("Заместитель Генерального", "Il").
_POST_QUALIFIERS = re.compile(r"(?:[^\W\d][\w'’-]*[ \t]+){0,3}")


def _after_a_post(
    text: str, folded: FoldedText, mention: Mention, rules: PersonRules, line_start: int
) -> bool:
    """Whether the mention follows an official's post on its line, set apart by a comma or
    colon ("Il Giudice per le indagini preliminari, dott.ssa Anna Ferrante", "Fiscal
    responsable: Dra. Carmen Salas Ríos"), or with the post and the name the whole line (a
    signature: "Заместитель Генерального прокурора   С. В. Лукашевич"); an honorific and the
    name's initials may stand between. A post in prose keeps the person ("der Richter
    Merzbach", "recorded by Inspector Mwangi", "Prosecutor v. John DOE")."""
    if rules.posts is None:
        return False
    words = list(_WORD_STARTS.finditer(text, line_start, mention.start))
    for word in reversed(words[-9:]):
        found = rules.posts.match(folded.text, folded.folded_offset(word.start()))
        if found is None:
            continue
        gap = text[folded.original_offset(found.end()) : mention.start]
        head = _POST_GAP.match(gap)
        if head is None or not _honorific_or_initials(gap[head.end() :], rules):
            return False
        if re.search(r"[,:،]", head.group()):
            return True
        line_end = text.find("\n", mention.end)
        after = text[mention.end : line_end if line_end >= 0 else len(text)]
        return (
            not after.strip()
            and _POST_QUALIFIERS.fullmatch(text[line_start : word.start()].lstrip()) is not None
        )
    return False


def _honorific_or_initials(words: str, rules: PersonRules) -> bool:
    """Whether ``words`` are nothing, or an honorific and the name's capital initials."""
    rest = " ".join(_CAPITAL_INITIALS.sub("", words).split())
    return (
        not rest
        or _HONORIFIC_ABBREVIATION.fullmatch(rest) is not None
        or _is_cue_alone(fold_plain(rest), rules)
    )


def _names_an_official(
    text: str, folded: FoldedText, mention: Mention, rules: PersonRules, line_start: int
) -> bool:
    """Whether the mention is the request's own official: the value of a representative's or a
    post's field, or a name followed by its post
    ("I, A. Murphy, Senior State Counsel", "Е. П. Ковалева, Старший следователь", "M. Sarr /
    Premier substitut"). A party's role in brackets or a birth cue keeps the person."""
    if mention.evidence in ("role", "born"):
        return False
    fields = rules.official_fields
    if fields is not None:
        label = fields.match(folded.text, folded.folded_offset(line_start))
        if label is not None and folded.original_offset(label.end()) <= mention.start:
            return True
    if rules.posts is None:
        return False
    if _after_a_post(text, folded, mention, rules, line_start):
        return True
    after = re.match(r"[ \t]*(?:[,،]|\n)?[ \t]*", text[mention.end : mention.end + 80])
    tail_start = mention.end + (after.end() if after else 0)
    tail = text[tail_start : tail_start + 60].split("\n", maxsplit=1)[0]
    for index, word in enumerate(_WORD_STARTS.finditer(tail)):
        if index > 3:
            break
        position = folded.folded_offset(tail_start + word.start())
        if rules.posts.match(folded.text, position):
            return True
        if not word.group()[:1].isupper():
            break  # only capitalised words stand before a post ("Senior State Counsel")
    return False
