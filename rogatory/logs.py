"""Logging for every process: the registration number on each line, text or JSON lines.

The number of the request being worked on is held in a context variable
(:func:`bind_number`), which the Celery task sets for the whole task; a handler
filter copies it onto every record (``-`` outside a request), so a line from any
library logged during that task carries it. Configured once at the entry point.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

_NUMBER: ContextVar[str | None] = ContextVar("rogatory_registration_number", default=None)
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(number)s]: %(message)s"


@contextmanager
def bind_number(number: str) -> Iterator[None]:
    """Within the block, every log line carries ``number``."""
    token = _NUMBER.set(number)
    try:
        yield
    finally:
        _NUMBER.reset(token)


def set_number(number: str | None) -> None:
    """Set (or clear, with ``None``) the number for what follows in this context."""
    _NUMBER.set(number)


class NumberFilter(logging.Filter):
    """Adds ``record.number``: the bound registration number, else ``-``."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "number"):
            record.number = _NUMBER.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, number, message (and exception)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "number": getattr(record, "number", None) or _NUMBER.get() or "-",
            "message": record.getMessage(),
            "process": record.process,
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(*, verbose: bool = False, json_lines: bool = False) -> None:
    """Log to stderr with the registration number on each line, like ``logging.basicConfig``:
    when the root logger already has handlers (an embedding program, pytest), they are
    kept and only given the number."""
    root = logging.getLogger()
    if root.handlers:
        for existing in root.handlers:
            existing.addFilter(NumberFilter())
        return
    handler = logging.StreamHandler()
    handler.addFilter(NumberFilter())
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter(TEXT_FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
