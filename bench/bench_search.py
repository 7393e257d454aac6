"""Archive search latency on synthetic documents, SQLite and PostgreSQL side by side.

Builds N synthetic registrations (one page of 120 words, or ``--words``, in one of 8 languages drawn
from a Zipf-ranked vocabulary of 20,000 words per language, two persons with invented
Latin, Cyrillic or Arabic surnames, one account each), bulk-loaded through the real schema (migrations,
triggers), then times queries: full-text (single words, two words, a phrase) with
``search``, person search with ``find_parties`` typed in Latin letters (the stored
name may be Cyrillic or Arabic), account search with the IBAN typed in groups of four. The baseline is what a
clerk would otherwise do: a case-insensitive substring scan of every page
(``LIKE``, as grep would), timed on a sample of the same queries. Person search also
prints how often the registration that named the person is among the first 20 matches.

    .venv/bin/python -m bench.bench_search [--docs 100000] [--queries 200] [--backend sqlite|postgresql|both]
        [--words 120] [--keep FOLDER]

``--keep`` keeps the built databases (the SQLite file in FOLDER, PostgreSQL as
``rogatory_bench_DOCSxWORDS`` on the test server) and reuses them on the next run; they are
upgraded to the newest revision on open, like any database.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path

import psycopg
from anyascii import anyascii
from sqlalchemy import func, insert, select

from storage.database import Database, open_database
from storage.models import AnalysisRow, PageRow, PartyTermRow, RegistrationRow
from storage.names import compact_account, name_tokens, skeleton
from storage.parties import find_parties
from storage.registry import search
from storage.search import search_like
from tests.postgres import fresh_database, server_url

WORDS = {
    "en": [
        "request",
        "assistance",
        "bank",
        "account",
        "records",
        "money",
        "laundering",
        "bribery",
        "witness",
        "hearing",
        "court",
        "order",
        "freezing",
        "assets",
        "company",
        "director",
        "transfer",
        "payment",
        "investigation",
        "prosecutor",
        "evidence",
        "seizure",
    ],
    "fr": [
        "demande",
        "entraide",
        "compte",
        "bancaire",
        "blanchiment",
        "corruption",
        "témoin",
        "audition",
        "tribunal",
        "saisie",
        "avoirs",
        "société",
        "virement",
        "paiement",
        "enquête",
        "procureur",
        "preuve",
        "perquisition",
    ],
    "es": [
        "solicitud",
        "asistencia",
        "cuenta",
        "bancaria",
        "blanqueo",
        "soborno",
        "testigo",
        "declaración",
        "tribunal",
        "embargo",
        "sociedad",
        "transferencia",
        "pago",
        "investigación",
        "fiscal",
        "prueba",
        "registro",
    ],
    "de": [
        "ersuchen",
        "rechtshilfe",
        "konto",
        "bank",
        "geldwäsche",
        "bestechung",
        "zeuge",
        "vernehmung",
        "gericht",
        "beschlagnahme",
        "gesellschaft",
        "überweisung",
        "zahlung",
        "ermittlung",
        "staatsanwalt",
        "beweis",
        "durchsuchung",
    ],
    "it": [
        "richiesta",
        "assistenza",
        "conto",
        "bancario",
        "riciclaggio",
        "corruzione",
        "testimone",
        "audizione",
        "tribunale",
        "sequestro",
        "società",
        "bonifico",
        "pagamento",
        "indagine",
        "procuratore",
        "prova",
        "perquisizione",
    ],
    "pt": [
        "pedido",
        "auxílio",
        "conta",
        "bancária",
        "branqueamento",
        "suborno",
        "testemunha",
        "audição",
        "tribunal",
        "apreensão",
        "sociedade",
        "transferência",
        "pagamento",
        "investigação",
        "procurador",
        "prova",
        "busca",
    ],
    "ru": [
        "запрос",
        "помощь",
        "счет",
        "банк",
        "отмывание",
        "взятка",
        "свидетель",
        "допрос",
        "суд",
        "арест",
        "имущество",
        "компания",
        "перевод",
        "платеж",
        "расследование",
        "прокурор",
        "доказательство",
        "обыск",
    ],
    "ar": [
        "طلب",
        "مساعدة",
        "حساب",
        "مصرفي",
        "غسل",
        "رشوة",
        "شاهد",
        "استجواب",
        "محكمة",
        "تجميد",
        "أصول",
        "شركة",
        "تحويل",
        "دفع",
        "تحقيق",
        "نيابة",
        "دليل",
    ],
}
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
VOCABULARY_SIZE = 20_000
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _surname(rng: random.Random) -> str:
    script = rng.choice(list(SYLLABLES))
    word = "".join(rng.choice(SYLLABLES[script]) for _ in range(rng.randint(2, 4)))
    return word.capitalize()


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {_surname(rng)}"


def _vocabulary(rng: random.Random) -> dict[str, list[str]]:
    """Per language: its real words first, then pseudo-words in its script (a Zipf-ranked list)."""
    vocabulary = {}
    for language, words in WORDS.items():
        letters = sorted({letter for word in words for letter in word})
        invented = {
            "".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(VOCABULARY_SIZE)
        }
        vocabulary[language] = words + sorted(invented - set(words))
    return vocabulary


def _iban(rng: random.Random) -> str:
    return "DE" + "".join(rng.choice("0123456789") for _ in range(20))


def _zipf(size: int) -> list[float]:
    return [1.0 / rank for rank in range(1, size + 1)]


@dataclass(frozen=True)
class Corpus:
    """What the queries are drawn from: each language's vocabulary, some names and accounts."""

    vocabulary: dict[str, list[str]]
    names: list[tuple[str, str]]  # a person named and the registration naming them
    accounts: list[str]


Batch = dict[type, list[dict[str, object]]]


def synthesize(count: int, page_words: int = 120, seed: int = 7) -> tuple[Corpus, Iterator[Batch]]:
    """The corpus of ``count`` synthetic registrations and their rows, in batches of 2,000.

    The corpus' names and accounts are complete once the batches are consumed.
    """
    rng = random.Random(seed)
    corpus = Corpus(_vocabulary(rng), [], [])
    return corpus, _batches(rng, corpus, count, page_words)


def _batches(rng: random.Random, corpus: Corpus, count: int, page_words: int) -> Iterator[Batch]:
    vocabulary = corpus.vocabulary
    weights = {language: list(accumulate(_zipf(len(words)))) for language, words in vocabulary.items()}
    batch = 2000
    for start in range(0, count, batch):
        rows: Batch = {RegistrationRow: [], AnalysisRow: [], PageRow: [], PartyTermRow: []}
        for index in range(start, min(count, start + batch)):
            ident = index + 1
            language = list(WORDS)[index % len(WORDS)]
            rows[RegistrationRow].append(
                {
                    "id": ident,
                    "number": f"RQ-2026-{ident:06d}",
                    "year": 2026,
                    "sequence": ident,
                    "sha256": hashlib.sha256(str(ident).encode()).hexdigest(),
                    "filename": f"{ident}.pdf",
                    "size": 1,
                    "media_type": "application/pdf",
                    "source": "cli",
                    "received_at": NOW,
                    "status": "routed",
                    "updated_at": NOW,
                }
            )
            rows[AnalysisRow].append(
                {
                    "registration_id": ident,
                    "analysis_json": "{}",
                    "language": language,
                    "request_type": "mla",
                    "route_to": "prosecutor_general",
                    "needs_review": False,
                    "saved_at": NOW,
                }
            )
            people = [_name(rng), _name(rng)]
            account = _iban(rng)
            if index % 500 == 0:
                corpus.accounts.append(account)
                corpus.names.append((people[0], f"RQ-2026-{ident:06d}"))
            words = rng.choices(vocabulary[language], cum_weights=weights[language], k=page_words)
            text = " ".join([*people, account, *words])
            rows[PageRow].append({"registration_id": ident, "page": 1, "text": text})
            for person in people:
                for token in name_tokens(person):
                    rows[PartyTermRow].append(
                        {
                            "registration_id": ident,
                            "kind": "person",
                            "value": person,
                            "term": token,
                            "skeleton": skeleton(token),
                        }
                    )
            compact = compact_account(account)
            rows[PartyTermRow].append(
                {
                    "registration_id": ident,
                    "kind": "account",
                    "value": account,
                    "term": compact,
                    "skeleton": compact,
                }
            )
        yield rows


def load(db: Database, count: int, page_words: int = 120) -> Corpus:
    """Insert ``count`` synthetic registrations through the real schema, or reuse them.

    A database already holding exactly ``count`` registrations (``--keep``) is not
    loaded again: the same seed gives the same corpus.
    """
    with db.session() as session:
        present = session.scalar(select(func.count()).select_from(RegistrationRow))
    corpus, batches = synthesize(count, page_words)
    for rows in batches:
        if present == count:
            continue
        with db.session(write=True) as session:
            for model, values in rows.items():
                session.execute(insert(model), values)
    if present != count:
        # What autovacuum does to an archive between bulk loads: statistics, hint bits, the
        # GIN index's pending list merged (without it the first queries pay for all three).
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql(
                "VACUUM ANALYZE" if connection.dialect.name == "postgresql" else "ANALYZE"
            )
    return corpus


def _load() -> str:
    """The load average: the machine is shared, so the figures are read beside it."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def _time(run: Callable[[str], object], queries: list[str]) -> tuple[float, float]:
    durations = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    return statistics.median(durations), durations[int(0.95 * (len(durations) - 1))]


def _like(db: Database) -> Callable[[str], object]:
    def run(query: str) -> object:
        with db.session() as session:
            return search_like(session, query.split(), 20)

    return run


@contextmanager
def _database(backend: str, docs: int, page_words: int, keep: Path | None) -> Iterator[Database]:
    """A database for the benchmark: fresh and dropped after, or kept (``--keep``) for the next run."""
    with _location(backend, f"{docs}x{page_words}", keep) as url:
        db = open_database(url)
        try:
            yield db
        finally:
            db.dispose()


@contextmanager
def _location(backend: str, shape: str, keep: Path | None) -> Iterator[str]:
    if backend == "postgresql" and keep is not None:
        name = f"rogatory_bench_{shape}"
        admin = server_url().replace("+psycopg", "") + "/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
                connection.execute(f'CREATE DATABASE "{name}"')
        yield f"{server_url()}/{name}"
    elif backend == "postgresql":
        with fresh_database() as url:
            yield url
    elif keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield f"sqlite:///{keep / f'bench-{shape}.db'}"
    else:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'bench.db'}"


def measure(backend: str, docs: int, count: int, keep: Path | None, page_words: int = 120) -> None:
    rng = random.Random(11)
    with _database(backend, docs, page_words, keep) as db:
        started = time.perf_counter()
        corpus = load(db, docs, page_words)
        vocabulary, names, accounts = corpus.vocabulary, corpus.names, corpus.accounts
        print(f"{backend}: {docs} documents ready in {time.perf_counter() - started:.0f} s, {_load()}")
        # Query words follow the documents' Zipf distribution (what is in the archive gets asked).
        asked = {
            language: rng.choices(words, _zipf(len(words)), k=count) for language, words in vocabulary.items()
        }
        languages = list(asked)

        def word(index: int) -> str:
            return asked[languages[index % len(languages)]][index]

        fulltext = [word(i) for i in range(count // 2)]
        fulltext += [f"{word(i)} {word(i + 1)}" for i in range(count // 4)]
        fulltext += [f'"{word(i)} {word(i + 3)}"' for i in range(count // 4)]
        persons = [anyascii(name).replace("-", " ") for name, _ in names]
        account_queries = [" ".join(a[i : i + 4] for i in range(0, len(a), 4)) for a in accounts] or ["DE00"]
        rows = [
            ("full-text search", _time(lambda q: search(db, q, limit=20), fulltext)),
            ("person search", _time(lambda q: find_parties(db, q, limit=20), persons)),
            ("account search (spaced)", _time(lambda q: find_parties(db, q, limit=20), account_queries)),
            ("baseline: LIKE scan of every page", _time(_like(db), fulltext[: max(5, count // 20)])),
        ]
        for label, (median, p95) in rows:
            print(f"  {label:<36} median {median:8.1f} ms   p95 {p95:8.1f} ms")
        print(f"  person search: the registration named among the first 20 for {_recall(db, names)}")


def _recall(db: Database, names: list[tuple[str, str]]) -> str:
    """How many Latin-letter queries list the registration that named the person (any script)."""
    found = sum(
        number in {match.number for match in find_parties(db, anyascii(name).replace("-", " "), limit=20)}
        for name, number in names
    )
    return f"{found} of {len(names)} names"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--words", type=int, default=120, help="words per page (real pages hold more)")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the databases (SQLite in FOLDER, PostgreSQL as rogatory_bench_DOCSxWORDS) and reuse them",
    )
    args = parser.parse_args()
    for backend in ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]:
        measure(backend, args.docs, args.queries, args.keep, args.words)
    print(_load())


if __name__ == "__main__":
    main()
