"""Is an SQLite database file whole? Checked by :func:`~storage.database.open_database` before use.

A damaged file (a disk fault, a copy taken while it was written, a truncation) used
to give raw tracebacks in the command line and a web app that started and answered
500. ``PRAGMA quick_check`` reads every page of the file (not the index contents, as
``integrity_check`` would): a few milliseconds for a small registry, about a second
per gigabyte. Every entry point opens its database through ``open_database``, so every
command, the web app and the worker refuse a damaged file with the same message.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from rogatory.errors import ConfigurationError

#: How many of quick_check's complaints the message quotes.
_SHOWN = 3


class DatabaseDamagedError(ConfigurationError):
    """The SQLite database file is damaged; nothing may run on it until it is restored."""

    code = "database_damaged"


def check_sqlite_file(path: Path) -> None:
    """Raise :class:`DatabaseDamagedError` when ``path`` is not a whole SQLite database.

    A file that does not exist yet (or is empty) is fine: it is created. Opened read-only,
    so the check changes nothing.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "unable to open" in str(error):
            return  # not a damage: open_database reports what it finds
        raise DatabaseDamagedError(damaged_message(path, str(error))) from error
    except sqlite3.DatabaseError as error:
        raise DatabaseDamagedError(damaged_message(path, str(error))) from error
    problems = [str(row[0]) for row in rows if row and row[0] != "ok"]
    if problems:
        raise DatabaseDamagedError(damaged_message(path, "; ".join(problems[:_SHOWN])))


def damaged_message(path: Path | str, what: str) -> str:
    """What is wrong with the database file and what the operator does about it."""
    return (
        f"the database {path} is damaged ({what}). Nothing was changed. Stop every rogatory process, "
        "restore the file from the last backup (or try `sqlite3 FILE .recover`), "
        "then start again; see README.md, 'A damaged database'."
    )


_DAMAGE_WORDS = ("malformed", "not a database", "disk image", "corrupt")


def damage_in(error: BaseException) -> str | None:
    """The operator's message when ``error`` (SQLAlchemy's or sqlite3's) says the file is damaged.

    A file may be damaged after the check at start (a disk fault while running): the
    command line and the web app then say so instead of showing a traceback or a 500.
    """
    original = getattr(error, "orig", None) or error
    text = str(original)
    if isinstance(original, sqlite3.DatabaseError) and any(word in text for word in _DAMAGE_WORDS):
        return damaged_message("of this service", text)
    return None
