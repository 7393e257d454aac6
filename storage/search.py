"""Full-text search over the page texts of registered requests.

On SQLite an FTS5 index (``page_search``) mirrors the ``pages`` table: an
external-content table kept in sync by triggers, so whatever writes ``pages``
(:func:`storage.registry.save_analysis`) updates the index in the same
transaction. Its ``unicode61 remove_diacritics 2`` tokenizer folds case and
accents, so ``evaluation`` finds ``Évaluation``. Other databases fall back to a
case-insensitive ``LIKE`` on every word until a native index is added.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from rogatory.registration import SearchHit
from storage.models import PageRow, RegistrationRow

HIGHLIGHT_START = "["
HIGHLIGHT_END = "]"
_SNIPPET_TOKENS = 16
_FALLBACK_CONTEXT = 60
_WORD = re.compile(r"\w+")

_SQLITE_DDL = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS page_search USING fts5(
        text, content='pages', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS pages_search_insert AFTER INSERT ON pages BEGIN
        INSERT INTO page_search(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER IF NOT EXISTS pages_search_delete AFTER DELETE ON pages BEGIN
        INSERT INTO page_search(page_search, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER IF NOT EXISTS pages_search_update AFTER UPDATE ON pages BEGIN
        INSERT INTO page_search(page_search, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO page_search(rowid, text) VALUES (new.id, new.text); END""",
)


def create_search_index(connection: Connection) -> None:
    """Create the FTS5 index and its triggers if missing (SQLite only; else nothing).

    Raises ``sqlalchemy.exc.OperationalError`` if this SQLite lacks FTS5.
    """
    if connection.dialect.name != "sqlite":
        return
    for statement in _SQLITE_DDL:
        connection.exec_driver_sql(statement)


def query_words(query: str) -> list[str]:
    """The words of a user's query (letters and digits; punctuation and operators dropped)."""
    return _WORD.findall(query)


def search_pages(session: Session, query: str, *, limit: int) -> list[SearchHit]:
    """Pages containing every word of ``query``, best first. No words: no hits."""
    words = query_words(query)
    if not words or limit <= 0:
        return []
    if session.get_bind().dialect.name == "sqlite":
        return search_full_text(session, words, limit)
    return search_like(session, words, limit)


def search_full_text(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    """Pages matching every word in the SQLite FTS5 index, best (lowest bm25) first."""
    match = " ".join('"' + word.replace('"', '""') + '"' for word in words)
    rows = session.execute(
        text(
            "SELECT r.number, p.page, "
            "snippet(page_search, 0, :start, :end, '…', :tokens) AS snippet, "
            "bm25(page_search) AS rank "
            "FROM page_search JOIN pages p ON p.id = page_search.rowid "
            "JOIN registrations r ON r.id = p.registration_id "
            "WHERE page_search MATCH :match ORDER BY rank, r.id, p.page LIMIT :limit"
        ),
        {
            "start": HIGHLIGHT_START,
            "end": HIGHLIGHT_END,
            "tokens": _SNIPPET_TOKENS,
            "match": match,
            "limit": limit,
        },
    )
    return [
        SearchHit(number=number, page=page, snippet=snippet, score=-float(rank))
        for number, page, snippet, rank in rows
    ]


def search_like(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    """Pages containing every word, case-insensitively, in registration order (portable SQL)."""
    statement = select(RegistrationRow.number, PageRow.page, PageRow.text).join(
        RegistrationRow, RegistrationRow.id == PageRow.registration_id
    )
    for word in words:
        pattern = "%" + _escape_like(word.lower()) + "%"
        statement = statement.where(func.lower(PageRow.text).like(pattern, escape="\\"))
    statement = statement.order_by(RegistrationRow.id, PageRow.page).limit(limit)
    return [
        SearchHit(number=number, page=page, snippet=plain_snippet(page_text, words[0]), score=1.0)
        for number, page, page_text in session.execute(statement)
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
