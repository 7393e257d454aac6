"""Full-text search: accents and case folded, every word required, snippets highlighted."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from rogatory.sources import MediaType
from storage.database import Database
from storage.registry import register, save_analysis, search
from storage.search import plain_snippet, postgresql_query, query_terms, query_words, search_like
from tests.storage.sample_analysis import make_analysis

PAGES = {
    "fr": ["Demande d'entraide judiciaire", "Évaluation du préjudice et blanchiment d'argent"],
    "es": ["Comisión rogatoria internacional", "Declaración testimonial del señor"],
    "ru": ["Запрос о правовой помощи", "Отмывание денежных средств"],
    "de": ["Rechtshilfeersuchen", "Geldwäsche und Bestechung"],
}


@pytest.fixture
def numbers(db: Database) -> dict[str, str]:
    found = {}
    for language, pages in PAGES.items():
        sha256 = hashlib.sha256(language.encode()).hexdigest()
        now = datetime(2026, 2, 1, tzinfo=UTC)
        result = register(
            db, sha256=sha256, filename=language, size=1, media_type=MediaType.PDF, source="cli", now=now
        )
        save_analysis(db, result.registration.number, make_analysis(pages, language=language))
        found[language] = result.registration.number
    return found


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("évaluation", [("fr", 2)]),
        ("evaluation", [("fr", 2)]),
        ("EVALUATION", [("fr", 2)]),
        ("prejudice", [("fr", 2)]),
        ("comision", [("es", 1)]),
        ("Declaracion senor", [("es", 2)]),
        ("отмывание", [("ru", 2)]),
        ("ОТМЫВАНИЕ", [("ru", 2)]),
        ("geldwasche", [("de", 2)]),
        ("blanchiment evaluation", [("fr", 2)]),
        ("blanchiment comision", []),
        ("entraide", [("fr", 1)]),
        ("d'argent", [("fr", 2)]),
        ('"; DROP TABLE pages; --', []),
        ("NEAR(blanchiment) OR *", []),
        ("", []),
        ("   ", []),
    ],
)
def test_search(db: Database, numbers: dict[str, str], query: str, expected: list[tuple[str, int]]) -> None:
    hits = search(db, query)
    assert [(hit.number, hit.page) for hit in hits] == [(numbers[lang], page) for lang, page in expected]


def test_snippet_highlights_the_match(db: Database, numbers: dict[str, str]) -> None:
    (hit,) = search(db, "blanchiment")
    assert hit.snippet == "Évaluation du préjudice et [blanchiment] d'argent"
    assert hit.score > 0


def test_search_limit(db: Database, numbers: dict[str, str]) -> None:
    assert len(search(db, "d", limit=1)) == 1
    assert search(db, "d", limit=0) == []


def test_saving_again_does_not_duplicate_hits(db: Database, numbers: dict[str, str]) -> None:
    save_analysis(db, numbers["de"], make_analysis(PAGES["de"], language="de"))
    assert [(hit.number, hit.page) for hit in search(db, "Bestechung")] == [(numbers["de"], 2)]
    save_analysis(db, numbers["de"], make_analysis(["Auslieferung"], language="de"))
    assert search(db, "Bestechung") == []
    assert [(hit.number, hit.page) for hit in search(db, "auslieferung")] == [(numbers["de"], 1)]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("blanchiment d'argent", ["blanchiment", "d", "argent"]),
        ('"a" OR b*', ["a", "OR", "b"]),
        ("Отмывание-денег", ["Отмывание", "денег"]),
        ("IBAN FR76 3000", ["IBAN", "FR76", "3000"]),
        ("", []),
    ],
)
def test_query_words(query: str, words: list[str]) -> None:
    assert query_words(query) == words


def test_like_fallback_is_case_insensitive_and_requires_every_word(
    db: Database, numbers: dict[str, str]
) -> None:
    with db.session() as session:
        assert [(h.number, h.page) for h in search_like(session, ["GELDWÄSCHE"], 10)] == [(numbers["de"], 2)]
        assert [(h.number, h.page) for h in search_like(session, ["geldwäsche", "bestechung"], 10)] == [
            (numbers["de"], 2)
        ]
        assert search_like(session, ["geldwäsche", "entraide"], 10) == []
        assert search_like(session, ["100%"], 10) == []


@pytest.mark.parametrize(
    ("page_text", "word", "snippet"),
    [
        ("Geldwäsche und Bestechung", "bestechung", "Geldwäsche und [Bestechung]"),
        ("abc", "zzz", "abc"),
        ("x" * 70 + " fraud " + "y" * 70, "FRAUD", "…" + "x" * 59 + " [fraud] " + "y" * 59 + "…"),
    ],
)
def test_plain_snippet(page_text: str, word: str, snippet: str) -> None:
    assert plain_snippet(page_text, word) == snippet


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"préjudice et blanchiment"', [("fr", 2)]),
        ('"prejudice et blanchiment" evaluation', [("fr", 2)]),
        ('"blanchiment et préjudice"', []),
        ('"денежных средств"', [("ru", 2)]),
        ('"comision', [("es", 1)]),
    ],
)
def test_phrase_queries(
    db: Database, numbers: dict[str, str], query: str, expected: list[tuple[str, int]]
) -> None:
    hits = search(db, query)
    assert [(hit.number, hit.page) for hit in hits] == [(numbers[lang], page) for lang, page in expected]


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("declaraciones", [("es", 2)]),
        ("évaluations", [("fr", 2)]),
        ("денежные", [("ru", 2)]),
        ("Comisiones rogatorias", [("es", 1)]),
    ],
)
def test_postgresql_stems_in_the_document_language(
    db: Database, numbers: dict[str, str], query: str, expected: list[tuple[str, int]]
) -> None:
    if db.is_sqlite:
        pytest.skip("FTS5's unicode61 tokenizer does not stem: exact words only on SQLite")
    hits = search(db, query)
    assert [(hit.number, hit.page) for hit in hits] == [(numbers[lang], page) for lang, page in expected]


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ('"du préjudice" blanchiment', [["du", "préjudice"], ["blanchiment"]]),
        ('"a" OR b*', [["a"], ["OR"], ["b"]]),
        ('"open', [["open"]]),
        ('""  "" x', [["x"]]),
    ],
)
def test_query_terms(query: str, terms: list[list[str]]) -> None:
    assert query_terms(query) == terms


@pytest.mark.postgres
def test_postgresql_query_has_each_form_once(db: Database) -> None:
    """Ten configurations mostly stem a word alike; each distinct form is OR-ed once
    (ten equal lexemes made the planner expect ten times the matches and scan every page)."""
    if db.is_sqlite:
        pytest.skip("PostgreSQL text search configurations only")
    with db.session() as session:
        query = postgresql_query(session, [["Tribunal"], ["préjudice", "et"], ["_"]])
    single, phrase = query.split(" & ")
    assert sorted(single.strip("()").split(") | (")) == ["'tribun'", "'tribunal'"]
    forms = phrase.strip("()").split(") | (")
    assert len(forms) == len(set(forms)) >= 2
    assert "'prejudice' <-> 'et'" in forms


@pytest.mark.postgres
def test_postgresql_keeps_a_page_vector_in_its_row(db: Database, numbers: dict[str, str]) -> None:
    """Storage MAIN (revision 0004): ranking and phrase checks read the vector from the row."""
    if db.is_sqlite:
        pytest.skip("PostgreSQL storage only")
    with db.session() as session:
        storage = session.scalar(
            text(
                "SELECT attstorage FROM pg_attribute "
                "WHERE attrelid = 'pages'::regclass AND attname = 'search_vector'"
            )
        )
    assert storage == "m"
    assert [(hit.number, hit.page) for hit in search(db, '"денежных средств"')] == [(numbers["ru"], 2)]
