"""Codes shown as words on the pages: languages and states by name, times with their zone.

The registry keeps ISO codes (``fr``, ``GH``) and UTC times; a clerk reads "French",
"Ghana" and "2026-12-02 16:40 UTC". The code stays beside the name where it is the
thing a filter takes. Runs in the web process (Jinja filters of :mod:`web.pages`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache

import pycountry


def language_name(code: str | None) -> str:
    """``fr`` -> ``French`` (ISO 639-1, by pycountry); ``—`` for none, the code when unknown."""
    if not code:
        return "—"
    return _iso_language(code) or code


def state_name(code: str | None) -> str:
    """``GH`` -> ``Ghana`` (ISO 3166-1 alpha-2); ``—`` for none, the code when unknown."""
    if not code:
        return "—"
    return _iso_country(code.upper()) or code


def when_with_zone(value: datetime | date | None) -> str:
    """A time in UTC with its zone (``2026-12-02 16:40 UTC``); a date as ISO."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


@lru_cache(maxsize=512)
def _iso_language(code: str) -> str | None:
    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    return str(found.name) if found else None


@lru_cache(maxsize=512)
def _iso_country(code: str) -> str | None:
    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if found is None:
        return None
    return str(getattr(found, "common_name", None) or found.name)
