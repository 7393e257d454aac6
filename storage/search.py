"""Full-text search over the page texts of registered requests.

On SQLite an FTS5 index (``page_search``) mirrors the ``pages`` table: an
external-content table kept in sync by triggers, so whatever writes ``pages``
(:func:`storage.registry.save_analysis`) updates the index in the same
transaction. Its ``unicode61 remove_diacritics 2`` tokenizer folds case and
accents, so ``evaluation`` finds ``Évaluation``. On PostgreSQL a trigger keeps a
``tsvector`` per page, unaccented, stemmed in the document's language plus the plain
words (:mod:`storage.migrations.search_index`); a query matches in any of those
configurations, so ``declaraciones`` finds ``Declaración``. A query is words and
``"quoted phrases"``; every term is required. Both rank a bounded pool of the
matches (:data:`RANKED_POOL`), then make snippets for the rows kept. Other databases
fall back to a case-insensitive ``LIKE`` on every word.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from rogatory.errors import InputError
from rogatory.registration import SearchHit
from storage.migrations.search_index import POSTGRESQL_CONFIGS
from storage.models import PageRow, RegistrationRow

HIGHLIGHT_START = "["
HIGHLIGHT_END = "]"
_SNIPPET_TOKENS = 16
_FALLBACK_CONTEXT = 60
_WORD = re.compile(r"\w+")
_TERM = re.compile(r'"([^"]*)"|([^"\s]+)')
# At most this many matching pages are ranked (ts_rank reads each page's vector, bm25 each
# page's statistics): a word on half the archive otherwise takes seconds (decisions.md).
RANKED_POOL = 2000
_CONFIGS = ("simple", *sorted(set(POSTGRESQL_CONFIGS.values())))


def query_words(query: str) -> list[str]:
    """The words of a user's query (letters and digits; punctuation and operators dropped)."""
    return _WORD.findall(query)


def query_terms(query: str) -> list[list[str]]:
    """The terms of a query: each a list of words, several for a ``"quoted phrase"``.

    An unbalanced quote is ignored; a term without a letter or digit is dropped.
    """
    if query.count('"') % 2:
        query = query.replace('"', " ")
    terms = [query_words(phrase or word) for phrase, word in _TERM.findall(query)]
    return [term for term in terms if term]


def check_query(query: str, *, max_terms: int, max_term_chars: int) -> None:
    """Refuse a query whose work has no bound: more than ``max_terms`` words, or a longer word.

    Every term is one more posting list the index intersects (and, on PostgreSQL, one
    more match per configuration): a pasted paragraph of 166 words took 1.8 s.
    Raises ``InputError`` (``query_too_long``).
    """
    terms = query_terms(query)
    words = sum(len(term) for term in terms)  # a quoted phrase counts each of its words
    if words > max_terms:
        raise InputError(
            f"the search has {words} words; at most {max_terms} are searched. "
            "Search for the few words that matter (a name, a number, a place).",
            code="query_too_long",
        )
    longest = max((len(word) for term in terms for word in term), default=0)
    if longest > max_term_chars:
        raise InputError(
            f"a word of the search has {longest} characters; at most {max_term_chars} are searched.",
            code="query_too_long",
        )


def search_pages(session: Session, query: str, *, limit: int) -> list[SearchHit]:
    """Pages containing every term of ``query``, best first. No words: no hits."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return search_full_text(session, terms, limit)
    if dialect == "postgresql":
        return search_postgresql(session, terms, limit)
    return search_like(session, [word for term in terms for word in term], limit)


def search_full_text(session: Session, terms: list[list[str]], limit: int) -> list[SearchHit]:
    """Pages matching every term in the SQLite FTS5 index, best (lowest bm25) first.

    The ranking is over the newest :data:`RANKED_POOL` matches (the index reads them in
    rowid order).
    """
    match = " ".join('"' + " ".join(term).replace('"', '""') + '"' for term in terms)
    # Rank in the index first (bm25 only), then snippets for the rows kept: snippet() over
    # every match of a common word is what costs, and bm25 over all of them next
    # (a word on a third of 100,000 pages: 40 ms; over the pool: 2 ms; bench/bench_search.py).
    rows = session.execute(
        text(
            "SELECT r.number, p.page, "
            "snippet(page_search, 0, :start, :end, '…', :tokens) AS snippet, best.rank, p.document "
            "FROM (SELECT id, rank FROM (SELECT rowid AS id, bm25(page_search) AS rank FROM page_search "
            "WHERE page_search MATCH :match ORDER BY rowid DESC LIMIT :pool) "
            "ORDER BY rank, id LIMIT :limit) best "
            "JOIN page_search ON page_search.rowid = best.id AND page_search MATCH :match "
            "JOIN pages p ON p.id = best.id "
            "JOIN registrations r ON r.id = p.registration_id "
            "ORDER BY best.rank, r.id, p.document, p.page"
        ),
        {
            "start": HIGHLIGHT_START,
            "end": HIGHLIGHT_END,
            "tokens": _SNIPPET_TOKENS,
            "match": match,
            "limit": limit,
            "pool": max(limit, RANKED_POOL),
        },
    )
    return [
        SearchHit(number=number, page=page, snippet=snippet, score=-float(rank), document=document)
        for number, page, snippet, rank, document in rows
    ]


def search_postgresql(session: Session, terms: list[list[str]], limit: int) -> list[SearchHit]:
    """Pages whose search vector matches every term in some configuration, best (ts_rank) first.

    The ranking is over the first :data:`RANKED_POOL` matches the index returns.
    """
    query = postgresql_query(session, terms)
    if not query:
        return []
    params: dict[str, object] = {
        "query": query,
        "limit": limit,
        "pool": max(limit, RANKED_POOL),
        "start": HIGHLIGHT_START,
        "end": HIGHLIGHT_END,
    }
    plain = []
    for index, term in enumerate(terms):
        params[f"t{index}"] = " ".join(term)
        plain.append(f"{_function(term)}('simple', :t{index})")
    # The query is bound (its text was made by PostgreSQL itself, above), so the planner
    # sees its lexemes; only function names and placeholders are put in the text.
    # Rank first, then make snippets for the few rows kept (ts_headline is the costly part).
    statement = (
        "SELECT r.number, p.page, ts_headline('simple', p.text, "  # noqa: S608
        f"{' && '.join(plain)}, "
        "'StartSel=' || :start || ', StopSel=' || :end || ', MaxWords=16, MinWords=6') AS snippet, "
        "best.rank, p.document FROM ("
        "SELECT m.id, m.registration_id, ts_rank(m.search_vector, CAST(:query AS tsquery)) AS rank "
        "FROM (SELECT p.id, p.registration_id, p.search_vector FROM pages p "
        "WHERE p.search_vector @@ CAST(:query AS tsquery) LIMIT :pool) m "
        "ORDER BY rank DESC, m.registration_id, m.id LIMIT :limit) best "
        "JOIN pages p ON p.id = best.id "
        "JOIN registrations r ON r.id = best.registration_id "
        "ORDER BY best.rank DESC, r.id, p.document, p.page"
    )
    # A page's vector is stored out of line (TOAST), which the planner does not price: with
    # the LIMIT it chose a sequential scan that read every page's vector (seconds for a word
    # on 2 % of pages) over the GIN index that reads only the matches. For this statement only.
    session.execute(text("SET LOCAL enable_seqscan = off"))
    rows = session.execute(text(statement), params).all()
    session.execute(text("RESET enable_seqscan"))
    return [
        SearchHit(number=number, page=page, snippet=snippet, score=float(rank), document=document)
        for number, page, snippet, rank, document in rows
    ]


def postgresql_query(session: Session, terms: list[list[str]]) -> str:
    """The tsquery of ``terms`` as text: each term OR-ed over the distinct forms its configurations give.

    The ten configurations mostly agree ("tribunal" stems to "tribunal" in nine), and
    PostgreSQL estimates an OR of ten equal lexemes as ten times as common: it then
    scanned every page instead of reading the index. Empty when no term has a word left.
    """
    statement = text(
        "SELECT t.position, string_agg(DISTINCT '(' || q.form || ')', ' | ') "
        "FROM unnest(CAST(:terms AS text[]), CAST(:phrases AS boolean[])) WITH ORDINALITY "
        "AS t(words, phrase, position) "
        "CROSS JOIN unnest(CAST(:configs AS regconfig[])) AS c(config) "
        "CROSS JOIN LATERAL (SELECT CAST(CASE WHEN t.phrase "
        "THEN phraseto_tsquery(c.config, rogatory_unaccent(t.words)) "
        "ELSE plainto_tsquery(c.config, rogatory_unaccent(t.words)) END AS text) AS form) q "
        "WHERE q.form <> '' GROUP BY t.position ORDER BY t.position"
    )
    rows = session.execute(
        statement,
        {
            "terms": [" ".join(term) for term in terms],
            "phrases": [len(term) > 1 for term in terms],
            "configs": list(_CONFIGS),
        },
    )
    return " & ".join(f"({alternatives})" for _, alternatives in rows)


def _function(term: list[str]) -> str:
    return "phraseto_tsquery" if len(term) > 1 else "plainto_tsquery"


def search_like(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    """Pages containing every word, case-insensitively, in registration order (portable SQL)."""
    statement = select(RegistrationRow.number, PageRow.page, PageRow.text, PageRow.document).join(
        RegistrationRow, RegistrationRow.id == PageRow.registration_id
    )
    for word in words:
        pattern = "%" + _escape_like(word.lower()) + "%"
        statement = statement.where(func.lower(PageRow.text).like(pattern, escape="\\"))
    statement = statement.order_by(RegistrationRow.id, PageRow.document, PageRow.page).limit(limit)
    return [
        SearchHit(
            number=number, page=page, snippet=plain_snippet(page_text, words[0]), score=1.0, document=document
        )
        for number, page, page_text, document in session.execute(statement)
    ]


def plain_snippet(page_text: str, word: str) -> str:
    """Text around the first case-insensitive occurrence of ``word``, the word highlighted."""
    position = page_text.lower().find(word.lower())
    if position < 0:
        return page_text[: 2 * _FALLBACK_CONTEXT]
    start = max(0, position - _FALLBACK_CONTEXT)
    end = position + len(word)
    before = ("…" if start else "") + page_text[start:position]
    after = page_text[end : end + _FALLBACK_CONTEXT] + (
        "…" if end + _FALLBACK_CONTEXT < len(page_text) else ""
    )
    return f"{before}{HIGHLIGHT_START}{page_text[position:end]}{HIGHLIGHT_END}{after}"


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
