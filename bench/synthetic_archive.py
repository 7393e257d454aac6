"""A synthetic archive of registrations for the search benchmarks: rows, not documents.

Each registration has one page of ``page_words`` words in one of 8 languages drawn from
a Zipf-ranked vocabulary of 20,000 words per language, two persons with invented Latin,
Cyrillic or Arabic surnames, one organisation (an invented name and a legal form), one
account, and the labels the registry lists, filters and counts (requesting state,
offences, measures, legal basis, missing elements, executing authority, urgency,
deadline, status), received over ten years in order of id. A request sent to review has
its status audit line and a reviewer's decision, as the statistics page reads them.

Every registration is drawn from its own seeded generator, so the query sample
(:func:`sample`) is known without generating the whole archive again.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from itertools import accumulate

import numpy as np

from storage.names import compact_account, name_tokens, skeleton, skeleton_pairs
from storage.visibility import label_column

WORDS = {
    "en": "request assistance bank account records money laundering bribery witness hearing court order "
    "freezing assets company director transfer payment investigation prosecutor evidence seizure",
    "fr": "demande entraide compte bancaire blanchiment corruption témoin audition tribunal saisie avoirs "
    "société virement paiement enquête procureur preuve perquisition",
    "es": "solicitud asistencia cuenta bancaria blanqueo soborno testigo declaración tribunal embargo "
    "sociedad transferencia pago investigación fiscal prueba registro",
    "de": "ersuchen rechtshilfe konto bank geldwäsche bestechung zeuge vernehmung gericht beschlagnahme "
    "gesellschaft überweisung zahlung ermittlung staatsanwalt beweis durchsuchung",
    "it": "richiesta assistenza conto bancario riciclaggio corruzione testimone audizione tribunale "
    "sequestro società bonifico pagamento indagine procuratore prova perquisizione",
    "pt": "pedido auxílio conta bancária branqueamento suborno testemunha audição tribunal apreensão "
    "sociedade transferência pagamento investigação procurador prova busca",
    "ru": "запрос помощь счет банк отмывание взятка свидетель допрос суд арест имущество компания перевод "
    "платеж расследование прокурор доказательство обыск",
    "ar": "طلب مساعدة حساب مصرفي غسل رشوة شاهد استجواب محكمة تجميد أصول شركة تحويل دفع تحقيق نيابة دليل",
}
LANGUAGES = list(WORDS)
FIRST = ["Aleksandr", "Maria", "José", "Mohammed", "Anna", "Pierre", "Giovanni", "Olga", "Ahmed", "Carlos"]
SYLLABLES = {
    "latin": [
        "ma",
        "ri",
        "gon",
        "sal",
        "ve",
        "dor",
        "ta",
        "nel",
        "pe",
        "rez",
        "lu",
        "bi",
        "ans",
        "kor",
        "mi",
    ],
    "cyrillic": [
        "ва",
        "ло",
        "ин",
        "пет",
        "ров",
        "ко",
        "ми",
        "сер",
        "ге",
        "ев",
        "ан",
        "ту",
        "ни",
        "шин",
        "ка",
    ],
    "arabic": ["مح", "مد", "را", "شد", "حس", "ين", "عب", "دا", "لل", "ه", "كر", "يم", "سا", "مي", "نو"],
}
LEGAL_FORMS = ["Ltd", "LLC", "S.A.", "GmbH", "S.p.A.", "OOO", "Holding", "Trading", "Group", "B.V."]
STATES = [
    "ES",
    "FR",
    "IT",
    "DE",
    "PT",
    "RU",
    "UA",
    "KZ",
    "EG",
    "MA",
    "AE",
    "BR",
    "AR",
    "MX",
    "CO",
    "US",
    "GB",
    "NL",
    "BE",
    "CH",
    "TR",
    "GE",
    "AM",
    "NG",
    "KE",
    "ZA",
    "IN",
    "CN",
    "JP",
    "PL",
]
AUTHORITIES = [
    "prosecutor_general",
    "police",
    "courts",
    "fiu",
    "asset_recovery_office",
    "anti_corruption_agency",
    "civil_authority",
    "extradition_unit",
]
OFFENCES = [
    "art23",
    "art15",
    "art17",
    "art16",
    "other",
    "art21",
    "art22",
    "art19",
    "art18",
    "art20",
    "art24",
    "art25",
]
MEASURES = [
    "bank_records",
    "taking_evidence",
    "freezing",
    "documents_records",
    "search_and_seizure",
    "trace_proceeds",
    "service_of_documents",
    "locate_persons",
    "videoconference",
    "expert_evaluation",
    "confiscation",
    "asset_return",
]
LEGAL_BASES = ["uncac", "bilateral_treaty", "untoc", "regional", "reciprocity"]
MISSING = ["facts_summary", "person_identity", "purpose", "assistance_sought", "acceptable_language"]
VOCABULARY_SIZE = 20_000
FIRST_DAY = datetime(2017, 1, 1, tzinfo=UTC)
LAST_DAY = datetime(2026, 12, 1, tzinfo=UTC)
DISTINCT = 100_000  # registrations drawn; the rest of a larger archive copies them (a multiple of 8)
SAMPLE_EVERY = 500  # one registration in this many gives the queries (name, organisation, account)

Row = tuple[object, ...]

COLUMNS: dict[str, Sequence[str]] = {
    "registrations": [
        "id",
        "number",
        "year",
        "sequence",
        "sha256",
        "filename",
        "size",
        "media_type",
        "source",
        "received_at",
        "status",
        "updated_at",
        "analyses_wanted",
        "analyses_done",
    ],
    "analyses": [
        "registration_id",
        "analysis_json",
        "language",
        "request_type",
        "requesting_state",
        "route_to",
        "notify",
        "offences",
        "measures",
        "legal_basis",
        "missing",
        "urgent",
        "needs_review",
        "deadline",
        "saved_at",
    ],
    "pages": ("registration_id", "page", "text"),
    "party_terms": ("registration_id", "kind", "value", "term", "skeleton"),
    "party_pairs": ("registration_id", "kind", "value", "pair"),
    "audit_log": ("at", "actor", "action", "number", "detail"),
    "review_actions": (
        "registration_id",
        "action",
        "previous_authority",
        "authority",
        "reason",
        "actor",
        "at",
    ),
}
"""The columns loaded of each table, in the order of the rows' values (parents first)."""


@dataclass(frozen=True)
class Sample:
    """What the queries are drawn from: each language's vocabulary, and the sampled parties."""

    vocabulary: dict[str, list[str]]
    names: list[tuple[str, str]] = field(default_factory=list)  # (person named, registration number)
    organisations: list[tuple[str, str]] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Shape:
    """The size of an archive: how many registrations, words a page, the seed, and how many are drawn.

    The first ``distinct`` registrations are drawn, received over ten years in order of id.
    Each later one is a copy of registration ``(id - 1) % distinct + 1`` (:func:`content`),
    received at the same time, under its own id, number (its sequence plus a multiple of
    ``distinct``), digest and file name: its labels, page and parties are the same. The
    database makes the copies (:func:`copy_statements`). So a million is ten times the
    hundred thousand, and its first hundred thousand are the hundred thousand.
    """

    count: int
    page_words: int = 120
    seed: int = 7
    distinct: int = DISTINCT

    @property
    def drawn(self) -> int:
        return min(self.count, self.distinct)

    @property
    def step(self) -> timedelta:
        return (LAST_DAY - FIRST_DAY) / max(1, self.drawn)

    def content(self, ident: int) -> int:
        """The drawn registration whose content registration ``ident`` has."""
        return (ident - 1) % self.distinct + 1

    def received(self, ident: int) -> datetime:
        return FIRST_DAY + self.step * (self.content(ident) - 1)

    def number(self, ident: int) -> tuple[str, int, int]:
        """The registration number of ``ident`` with its year and sequence."""
        content = self.content(ident)
        year = self.received(content).year
        sequence = content - _first_of_year(self, year) + 1 + (ident - content)
        return f"RQ-{year}-{sequence:06d}", year, sequence


@cache
def _first_of_year(shape: Shape, year: int) -> int:
    """The first id ``shape`` receives in ``year``."""
    start = datetime(year, 1, 1, tzinfo=UTC)
    ident = max(1, int((start - FIRST_DAY) / shape.step) + 1)
    while ident > 1 and shape.received(ident - 1).year == year:
        ident -= 1
    while shape.received(ident).year < year:
        ident += 1
    return ident


@cache
def vocabulary(seed: int) -> dict[str, list[str]]:
    """Per language: its real words first, then pseudo-words in its script (a Zipf-ranked list)."""
    rng = random.Random(seed)
    found = {}
    for language, text in WORDS.items():
        words = text.split()
        letters = sorted({letter for word in words for letter in word})
        invented = {
            "".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(VOCABULARY_SIZE)
        }
        found[language] = words + sorted(invented - set(words))
    return found


def zipf(size: int) -> list[float]:
    return [1.0 / rank for rank in range(1, size + 1)]


@cache
def _cumulative(size: int) -> list[float]:
    return list(accumulate(zipf(size)))


def _pick(rng: random.Random, values: list[str]) -> str:
    return rng.choices(values, cum_weights=_cumulative(len(values)))[0]


def _surname(rng: random.Random) -> str:
    script = rng.choice(list(SYLLABLES))
    word = "".join(rng.choice(SYLLABLES[script]) for _ in range(rng.randint(2, 4)))
    return word.capitalize()


def _organisation(rng: random.Random) -> str:
    return f"{_surname(rng)}{rng.choice(['', 'ex', 'tek', 'com', 'invest'])} {rng.choice(LEGAL_FORMS)}"


def _iban(rng: random.Random) -> str:
    return f"DE{rng.randrange(10**20):020d}"


@dataclass(frozen=True)
class Registration:
    """One synthetic registration's rows, by table (a copy's: registration, analysis, review)."""

    rows: dict[str, list[Row]]
    number: str
    person: str
    organisation: str
    account: str


def registration(shape: Shape, ident: int, words: str = "") -> Registration:
    """The rows of registration ``ident`` (1-based), the same on every call for the same ``words``
    (its page's vocabulary words, drawn by :func:`batches`)."""
    rng = random.Random(f"{shape.seed}:{ident}")
    language = LANGUAGES[(ident - 1) % len(LANGUAGES)]
    number, year, sequence = shape.number(ident)
    received = shape.received(ident)
    saved = received + timedelta(hours=rng.uniform(0.05, 30))
    to_review = rng.random() < 0.08
    status = "routed" if not to_review or rng.random() < 0.8 else "needs_review"
    route_to = _pick(rng, AUTHORITIES)
    rows: dict[str, list[Row]] = {name: [] for name in COLUMNS}
    rows["registrations"].append(
        (
            ident,
            number,
            year,
            sequence,
            hashlib.sha256(f"{shape.seed}:{ident}".encode()).hexdigest(),
            f"{ident}.pdf",
            1,
            "application/pdf",
            "cli",
            received,
            status,
            saved,
            1,
            1,
        )
    )
    offences = {_pick(rng, OFFENCES) for _ in range(rng.randint(1, 2))}
    measures = {_pick(rng, MEASURES) for _ in range(rng.randint(1, 3))}
    missing = {rng.choice(MISSING)} if rng.random() < 0.2 else set()
    deadline = (received + timedelta(days=rng.randint(20, 120))).date() if rng.random() < 0.3 else None
    rows["analyses"].append(
        (
            ident,
            "{}",
            language,
            "extradition" if rng.random() < 0.05 else "mla",
            _pick(rng, STATES),
            route_to,
            " ",
            label_column(sorted(offences)),
            label_column(sorted(measures)),
            label_column([_pick(rng, LEGAL_BASES)]),
            label_column(sorted(missing)),
            rng.random() < 0.05,
            status == "needs_review",
            deadline,
            saved,
        )
    )
    people = [f"{rng.choice(FIRST)} {_surname(rng)}" for _ in range(2)]
    organisation = _organisation(rng)
    account = _iban(rng)
    rows["pages"].append((ident, 1, " ".join([*people, organisation, account, words])))
    for kind, name in [("person", people[0]), ("person", people[1]), ("organisation", organisation)]:
        tokens = list(dict.fromkeys(name_tokens(name)))
        for token in tokens:
            rows["party_terms"].append((ident, kind, name, token, skeleton(token)))
        for pair in skeleton_pairs([skeleton(token) for token in tokens]):
            rows["party_pairs"].append((ident, kind, name, pair))
    compact = compact_account(account)
    rows["party_terms"].append((ident, "account", account, compact, compact))
    if to_review:
        rows["audit_log"].append((saved, "system", "status", number, "processing -> needs_review"))
        if status == "routed":
            decided = saved + timedelta(hours=rng.uniform(1, 72))
            action = "confirm" if rng.random() < 0.7 else "reassign"
            authority = route_to if action == "confirm" else _pick(rng, AUTHORITIES)
            rows["review_actions"].append((ident, action, route_to, authority, "", "clerk", decided))
    return Registration(rows, number, people[0], organisation, account)


def batches(shape: Shape, size: int = 5000) -> Iterator[dict[str, list[Row]]]:
    """The rows of the drawn registrations, ``size`` registrations at a time.

    The page words of a batch are drawn at once (numpy, seeded by the batch), the rest of
    each registration by its own generator.
    """
    vocabularies = {
        language: np.array(words, dtype=object) for language, words in vocabulary(shape.seed).items()
    }
    cumulative = {language: np.cumsum(zipf(len(words))) for language, words in vocabularies.items()}
    for first in range(1, shape.drawn + 1, size):
        idents = range(first, min(shape.drawn, first + size - 1) + 1)
        generator = np.random.default_rng([shape.seed, first])
        rows: dict[str, list[Row]] = {name: [] for name in COLUMNS}
        for ident in idents:
            language = LANGUAGES[(ident - 1) % len(LANGUAGES)]
            words, weights = vocabularies[language], cumulative[language]
            indices = np.searchsorted(weights, generator.random(shape.page_words) * weights[-1])
            text = " ".join(words[np.minimum(indices, len(words) - 1)])
            for name, values in registration(shape, ident, text).rows.items():
                rows[name].extend(values)
        yield rows


def copy_statements(shape: Shape, *, postgresql: bool) -> list[str]:
    """SQL that makes the copies from the drawn registrations (after those are loaded), table by table.

    On PostgreSQL the page's search vector is copied too (a copy has its original's
    language), with the table's triggers disabled meanwhile.
    """
    copies = -(-shape.count // shape.distinct) - 1
    if copies <= 0:
        return []
    if shape.count % shape.distinct:
        raise ValueError(f"an archive larger than {shape.distinct} is a multiple of it")
    distinct, count = shape.distinct, shape.count
    series = f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {copies}) "  # noqa: S608
    # A copy's number: its original's year, and its sequence plus n * distinct (6 digits or more).
    year = "substr(t.number, 1, 8)"
    sequence = f"CAST(CAST(substr(t.number, 9) AS INTEGER) + k.n * {distinct} AS TEXT)"
    new_id = f"t.id + k.n * {distinct}"
    replaced = {
        "registrations": {
            "id": new_id,
            "number": f"{year} || {sequence}",
            "sequence": f"t.sequence + k.n * {distinct}",
            "sha256": "substr(t.sha256, 1, 56) || CAST(10000000 + k.n AS TEXT)",
            "filename": f"CAST({new_id} AS TEXT) || '.pdf'",
        },
        "audit_log": {"number": f"{year} || {sequence}"},
    }
    statements = []
    for table, loaded in COLUMNS.items():
        columns = list(loaded)
        if postgresql and table == "pages":
            columns.append("search_vector")
        own = replaced.get(table, {})
        if table == "audit_log":  # every line is of a drawn registration
            within, key = "t.number IS NOT NULL", "t.id"
        else:
            owner = "t.id" if table == "registrations" else "t.registration_id"
            within = f"{owner} <= {distinct} AND {owner} + k.n * {distinct} <= {count}"
            key = owner
            if table != "registrations":
                own = {**own, "registration_id": f"t.registration_id + k.n * {distinct}"}
        selected = ", ".join(own.get(column, f"t.{column}") for column in columns)
        statements.append(
            f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
            f"{series}SELECT {selected} FROM k CROSS JOIN {table} t WHERE {within} ORDER BY k.n, {key}"
        )
    if postgresql:
        statements = [
            "ALTER TABLE pages DISABLE TRIGGER USER",
            *statements,
            "ALTER TABLE pages ENABLE TRIGGER USER",
        ]
    return statements


def sample(shape: Shape) -> Sample:
    """The queries' sample: every :data:`SAMPLE_EVERY`-th registration's person, organisation, account."""
    found = Sample(vocabulary(shape.seed))
    for ident in range(1, shape.count + 1, SAMPLE_EVERY):
        drawn = registration(shape, shape.content(ident))
        number = shape.number(ident)[0]
        found.names.append((drawn.person, number))
        found.organisations.append((drawn.organisation, number))
        found.accounts.append(drawn.account)
    return found


def last_day() -> date:
    return LAST_DAY.date()
