"""Archive search latency on synthetic registrations, SQLite and PostgreSQL, sizes side by side.

Builds N synthetic registrations (:mod:`bench.synthetic_archive`: one page of 120 words, or
``--words``, in one of 8 languages, two persons with Latin, Cyrillic or Arabic surnames, an
organisation, an account, the registry's labels, ten years of receipts), bulk-loaded
through the real schema (migrations, triggers; :mod:`bench.bulk_load`), then times what
a clerk asks of the archive:

- full text (single words, two words, a phrase) with ``search``;
- person search with ``find_parties``, typed in Latin letters (the stored name may be
  Cyrillic or Arabic); organisation search the same way; account search with the IBAN
  typed in groups of four;
- facets: ``count_facets`` over the requests of a full-text search's 200 hits, as the
  search page counts them;
- the registry's listing (``list_registry``, one page of 50 with its total) under the
  filters and sorts of the registry page, for the central registry and for authority users;
- the statistics page's figures (``compute_statistics``): the whole archive and one year;
- the memory of the querying process (its peak RSS; the load runs in a child process).

The baseline is what a clerk would otherwise do: a case-insensitive substring scan of
every page (``LIKE``, as grep would), timed on a sample of the full-text queries. Person
and organisation search also print how often the registration that named the party is
among the first 20 matches.

    .venv/bin/python -m bench.bench_search [--docs 100000[,1000000]] [--queries 200]
        [--backend sqlite|postgresql|both] [--words 120] [--keep FOLDER] [--no-baseline]

``--docs`` takes several sizes; a table of every p95 by backend and size ends the run.
``--keep`` keeps the built databases (the SQLite file in FOLDER, PostgreSQL as
``rogatory_bench_DOCSxWORDS`` on the test server) and reuses them on the next run; they are
upgraded to the newest revision on open, like any database.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
from anyascii import anyascii
from sqlalchemy import func, select

from bench.bulk_load import timed_load
from bench.synthetic_archive import AUTHORITIES, DISTINCT, OFFENCES, STATES, Sample, Shape, sample, zipf
from rogatory.listing import Flag, RegistryFilter, SortKey
from rogatory.registration import Status
from rogatory.users import Role, User
from storage.database import Database, open_database
from storage.listing import count_facets, list_registry
from storage.models import RegistrationRow
from storage.parties import find_parties
from storage.registry import search
from storage.search import search_like
from storage.statistics import compute_statistics
from tests.postgres import fresh_database, server_url

FACET_HITS = 200  # what the search page counts facets over (web/search_pages.MAX_HITS)
LISTING_PAGE = 50
_CREATED = datetime(2026, 1, 1, tzinfo=UTC)
Figures = dict[str, tuple[float, float]]


def _load() -> str:
    """The load average: the machine is shared, so the figures are read beside it."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def _time(run: Callable[[object], object], queries: list[object]) -> tuple[float, float]:
    durations = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    return statistics.median(durations), durations[int(0.95 * (len(durations) - 1))]


def _user(role: Role, authority: str | None = None) -> User:
    name = authority or role.value
    return User(id=1, username=name, display_name=name, role=role, authority=authority, created_at=_CREATED)


def _like(db: Database) -> Callable[[object], object]:
    def run(query: object) -> object:
        with db.session() as session:
            return search_like(session, str(query).split(), 20)

    return run


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


def _fill(url: str, shape: Shape) -> None:
    """Load the archive (in a child process, so that the querying process' memory is its own).

    A larger archive kept beside its drawn one (``--keep``, ``--docs 100000,1000000``) starts
    as a clone of it (SQLite's backup, PostgreSQL's template) and gets only its copies.
    """
    db = open_database(url)
    present = _count(db)
    if present == shape.count:
        print(f"  reusing the {present:,} registrations of {url.rsplit('/', 1)[-1]}", flush=True)
        db.dispose()
        return
    if present:
        db.dispose()
        raise SystemExit(f"{url} holds {present} registrations, not {shape.count}: drop it first")
    drawn = url.replace(f"_{shape.count}x", f"_{shape.distinct}x").replace(
        f"-{shape.count}x", f"-{shape.distinct}x"
    )
    cloned = False
    if shape.count > shape.distinct and drawn != url:
        db.dispose()
        cloned = _clone(drawn, url, shape.distinct)
        db = open_database(url)
    try:
        seconds, phases = timed_load(db, shape, drawn_present=cloned)
        origin = f"copies of {drawn.rsplit('/', 1)[-1]} " if cloned else ""
        print(
            f"  loaded {shape.count:,} registrations {origin}in {seconds:.0f} s ({phases}), {_load()}",
            flush=True,
        )
    finally:
        db.dispose()


def _count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(RegistrationRow)) or 0)


def _clone(source: str, target: str, registrations: int) -> bool:
    """Make ``target`` a copy of ``source`` if that holds ``registrations``; whether it did."""
    try:
        db = open_database(source)
    except Exception:
        return False
    try:
        if _count(db) != registrations:
            return False
    finally:
        db.dispose()
    if source.startswith("sqlite"):
        with (
            closing(sqlite3.connect(source.removeprefix("sqlite:///"))) as origin,
            closing(sqlite3.connect(target.removeprefix("sqlite:///"))) as copy,
        ):
            origin.backup(copy)
        return True
    admin = server_url().replace("+psycopg", "") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE "{target.rsplit("/", 1)[-1]}"')
        connection.execute(
            f'CREATE DATABASE "{target.rsplit("/", 1)[-1]}" TEMPLATE "{source.rsplit("/", 1)[-1]}"'
        )
    return True


def _rss_mb() -> tuple[float, float]:
    """This process' resident memory now and at its peak, in MB (Linux /proc)."""
    fields = dict(
        line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def measure(backend: str, shape: Shape, count: int, keep: Path | None, *, baseline: bool = True) -> Figures:
    """Every query kind's (median, p95) in ms on ``backend`` at ``shape``, printed as it goes."""
    with _location(backend, f"{shape.count}x{shape.page_words}", keep) as url:
        child = multiprocessing.get_context("spawn").Process(target=_fill, args=(url, shape))
        child.start()
        child.join()
        if child.exitcode != 0:
            raise SystemExit(f"loading {backend} failed (exit {child.exitcode})")
        db = open_database(url)
        try:
            return _measure(db, backend, shape, count, baseline=baseline)
        finally:
            db.dispose()


def _measure(db: Database, backend: str, shape: Shape, count: int, *, baseline: bool) -> Figures:
    rng = random.Random(11)
    drawn = sample(shape)
    before, _ = _rss_mb()
    registry = _user(Role.CLERK)
    fulltext = _fulltext_queries(drawn, rng, count)
    persons: list[object] = [anyascii(name).replace("-", " ") for name, _ in drawn.names]
    organisations: list[object] = [anyascii(name) for name, _ in drawn.organisations]
    accounts: list[object] = [" ".join(a[i : i + 4] for i in range(0, len(a), 4)) for a in drawn.accounts]
    hit_sets: list[object] = [
        tuple(dict.fromkeys(hit.number for hit in search(db, str(q), limit=FACET_HITS)))
        for q in fulltext[: max(20, count // 4)]
    ]
    listings: list[object] = _listing_queries(rng, count, shape)
    figures: Figures = {}

    def row(label: str, run: Callable[[object], object], queries: list[object]) -> None:
        figures[label] = _time(run, queries)
        median, p95 = figures[label]
        print(f"  {label:<36} median {median:8.1f} ms   p95 {p95:8.1f} ms", flush=True)

    print(f"{backend}, {shape.count:,} registrations ({_load()}):")
    row("full-text search", lambda q: search(db, str(q), limit=20), fulltext)
    row("person search", lambda q: find_parties(db, str(q), limit=20), persons)
    row("organisation search", lambda q: find_parties(db, str(q), limit=20), organisations)
    row("account search (spaced)", lambda q: find_parties(db, str(q), limit=20), accounts)
    row(
        f"facets of a search's {FACET_HITS} hits",
        lambda numbers: count_facets(db, registry, RegistryFilter(numbers=numbers)),
        hit_sets,
    )
    row("registry listing (page and total)", lambda q: _list(db, q), listings)
    last_year = shape.received(shape.count).year
    yearly: list[object] = [(date(last_year, 1, 1), date(last_year, 12, 31))]
    row("statistics, the whole archive", lambda _: compute_statistics(db), [None])
    row("statistics, one year", lambda span: compute_statistics(db, since=span[0], until=span[1]), yearly)  # type: ignore[index]
    if baseline:
        row("baseline: LIKE scan of every page", _like(db), fulltext[: max(5, count // 20)])
    now, peak = _rss_mb()
    figures["memory (MB)"] = (now, peak)
    print(
        f"  querying process: RSS {before:.0f} MB before the queries, {now:.0f} MB after, peak {peak:.0f} MB"
    )
    for label, pairs in (("person", drawn.names), ("organisation", drawn.organisations)):
        print(f"  {label} search: the registration named among the first 20 for {_recall(db, pairs)}")
    return figures


def _fulltext_queries(drawn: Sample, rng: random.Random, count: int) -> list[object]:
    # Query words follow the documents' Zipf distribution (what is in the archive gets asked).
    asked = {
        language: rng.choices(words, zipf(len(words)), k=count)
        for language, words in drawn.vocabulary.items()
    }
    languages = list(asked)

    def word(index: int) -> str:
        return asked[languages[index % len(languages)]][index]

    queries: list[object] = [word(i) for i in range(count // 2)]
    queries += [f"{word(i)} {word(i + 1)}" for i in range(count // 4)]
    queries += [f'"{word(i)} {word(i + 3)}"' for i in range(count // 4)]
    return queries


def _listing_queries(rng: random.Random, count: int, shape: Shape) -> list[object]:
    """(viewer, filter, sort, offset) as the registry page asks them, central registry and authorities."""
    year = shape.received(shape.count).year
    registry = _user(Role.CLERK)
    choices: list[Callable[[], tuple[User, RegistryFilter, SortKey, int]]] = [
        lambda: (registry, RegistryFilter(), SortKey.RECEIVED, 0),
        lambda: (registry, RegistryFilter(), SortKey.RECEIVED, LISTING_PAGE * rng.randint(1, 40)),
        lambda: (registry, RegistryFilter(language=rng.choice(["fr", "es", "ru"])), SortKey.RECEIVED, 0),
        lambda: (registry, RegistryFilter(offence=rng.choice(OFFENCES)), SortKey.RECEIVED, 0),
        lambda: (registry, RegistryFilter(status=Status.NEEDS_REVIEW), SortKey.RECEIVED, 0),
        lambda: (registry, RegistryFilter(flag=Flag.URGENT), SortKey.DEADLINE, 0),
        lambda: (registry, RegistryFilter(route_to=rng.choice(AUTHORITIES)), SortKey.NUMBER, 0),
        lambda: (registry, RegistryFilter(requesting_state=rng.choice(STATES)), SortKey.STATE, 0),
        lambda: (
            registry,
            RegistryFilter(received_from=date(year, 3, 1), received_to=date(year, 3, 31)),
            SortKey.RECEIVED,
            0,
        ),
        lambda: (_user(Role.AUTHORITY, rng.choice(AUTHORITIES)), RegistryFilter(), SortKey.RECEIVED, 0),
        lambda: (
            _user(Role.AUTHORITY, rng.choice(AUTHORITIES)),
            RegistryFilter(offence=rng.choice(OFFENCES)),
            SortKey.DEADLINE,
            0,
        ),
    ]
    return [choices[index % len(choices)]() for index in range(count)]


def _list(db: Database, query: object) -> object:
    assert isinstance(query, tuple)
    viewer, filters, sort, offset = query
    return list_registry(db, viewer, filters, sort=sort, limit=LISTING_PAGE, offset=offset)


def _recall(db: Database, pairs: list[tuple[str, str]]) -> str:
    """How many Latin-letter queries list the registration that named the party (any script)."""
    found = sum(
        number in {match.number for match in find_parties(db, anyascii(name).replace("-", " "), limit=20)}
        for name, number in pairs
    )
    return f"{found} of {len(pairs)} names"


def _table(results: dict[tuple[str, int], Figures]) -> None:
    """Every p95 by backend and size, side by side (the growth is the point)."""
    columns = list(results)
    labels = list(next(iter(results.values())))
    header = "".join(f"{backend[:6]} {docs:>9,}".rjust(20) for backend, docs in columns)
    print(f"\np95 in ms (memory: RSS after / peak MB){' ' * 2}\n{'':<38}{header}")
    for label in labels:
        cells = []
        for column in columns:
            first, second = results[column][label]
            cells.append(f"{first:.0f} / {second:.0f}" if label.startswith("memory") else f"{second:.1f}")
        print(f"{label:<38}" + "".join(cell.rjust(20) for cell in cells))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", default="100000", help="sizes, comma-separated (100000,1000000)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--words", type=int, default=120, help="words per page (real pages hold more)")
    parser.add_argument(
        "--distinct", type=int, default=DISTINCT, help="registrations drawn; a larger archive copies them"
    )
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the databases (SQLite in FOLDER, PostgreSQL as rogatory_bench_DOCSxWORDS) and reuse them",
    )
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="skip the LIKE scan of every page (seconds a query at a million)",
    )
    args = parser.parse_args()
    results: dict[tuple[str, int], Figures] = {}
    for backend in ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]:
        for docs in (int(size.replace("_", "")) for size in args.docs.split(",")):
            results[(backend, docs)] = measure(
                backend,
                Shape(docs, args.words, distinct=args.distinct),
                args.queries,
                args.keep,
                baseline=not args.no_baseline,
            )
    _table(results)
    print(_load())


if __name__ == "__main__":
    main()
