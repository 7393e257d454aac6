"""The interface's language: which one a request is served in, its catalogue, its dates and numbers.

The pages, messages and labels are written in English in the code and translated with
gettext catalogues (``web/locale/<language>/LC_MESSAGES/messages.po``, compiled to
``.mo``; ``make translations`` extracts, updates and compiles them, see
docs/translations.md). The language of a request is the user's own setting, else the
browser's ``Accept-Language``, else the deployment's ``interface_language``. Dates and
numbers are formatted by Babel (CLDR) in that language, times in the deployment's
``time_zone`` with the zone shown. Runs in the web process; catalogues are read once
per process, at first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

CATALOGUES = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
# The languages of the interface (the eight of the taxonomy's LANGUAGES), as users see them.
INTERFACE_LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "pt": "Português",
    "ru": "Русский",
    "ar": "العربية",
    "de": "Deutsch",
    "it": "Italiano",
}
RIGHT_TO_LEFT = frozenset({"ar"})
SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "marked, translated later"
    """Mark ``message`` for extraction; it is translated where it is shown (``Translator.gettext``)."""
    return message


@dataclass(frozen=True)
class Translator:
    """The interface language of one request: its catalogue, direction and formats."""

    language: str
    translations: NullTranslations
    time_zone: ZoneInfo

    @property
    def direction(self) -> str:
        """``rtl`` for Arabic, else ``ltr`` (the ``dir`` of the page's ``<html>``)."""
        return "rtl" if self.language in RIGHT_TO_LEFT else "ltr"

    def gettext(self, message: str, **values: Any) -> str:
        """``message`` in this language, ``%(name)s`` placeholders filled from ``values``."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: Any) -> str:
        """The form of ``singular``/``plural`` for ``count`` (``%(num)s`` is the count)."""
        text = self.translations.ngettext(singular, plural, count)
        return text % {"num": self.number(count), **values}

    def when(self, value: datetime | date | None) -> str:
        """A time as the language writes it, in the deployment's zone with the zone shown
        (``2 déc. 2026, 17:40 +0100``, ``Dec 2, 2026, 4:40 PM UTC``); a date alone; ``""`` for none."""
        if value is None:
            return ""
        if not isinstance(value, datetime):
            return str(format_date(value, "medium", locale=self.language))
        moment = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(self.time_zone)
        shown = (
            _locale(self.language)
            .datetime_formats["medium"]
            .format(
                format_time(moment, "short", locale=self.language),
                format_date(moment.date(), "medium", locale=self.language),
            )
        )
        zone = format_datetime(moment, "z", tzinfo=self.time_zone, locale=self.language)
        return f"{shown} {zone}"

    def number(self, value: float, *, digits: int = 0) -> str:
        """A number with the language's separators (``1 234,5`` in French)."""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return str(format_decimal(value, format=pattern, locale=self.language))

    def percent(self, fraction: float) -> str:
        """``0.5`` -> ``50%`` (English), ``50 %`` (French), as the language writes it."""
        return str(format_percent(fraction, locale=self.language))

    def language_name(self, code: str) -> str | None:
        """The name of the language ``code`` in this language (CLDR), None when unknown."""
        name = _locale(self.language).languages.get(code)
        return str(name) if name else None

    def territory_name(self, code: str) -> str | None:
        """The name of the state ``code`` (ISO 3166 alpha-2) in this language, None when unknown."""
        name = _locale(self.language).territories.get(code.upper())
        return str(name) if name else None


def negotiate(preference: str | None, accept_language: str | None, default: str) -> str:
    """The language to serve: the user's setting, else the best of ``Accept-Language``, else ``default``.

    ``Accept-Language`` is read as RFC 9110 says: tags by descending ``q``, ``q=0`` refused,
    a regional tag (``pt-BR``) matching its language; ``*`` takes the default.
    """
    if preference in INTERFACE_LANGUAGES:
        return str(preference)
    for tag in _ranked_tags(accept_language or ""):
        primary = tag.split("-")[0]
        if primary in INTERFACE_LANGUAGES:
            return primary
        if primary == "*":
            break
    return default if default in INTERFACE_LANGUAGES else SOURCE_LANGUAGE


def translator(language: str, time_zone: str = "UTC") -> Translator:
    """The translator of ``language`` (one of ``INTERFACE_LANGUAGES``), times in ``time_zone``."""
    return Translator(language=language, translations=catalogue(language), time_zone=ZoneInfo(time_zone))


@lru_cache(maxsize=len(INTERFACE_LANGUAGES))
def catalogue(language: str) -> NullTranslations:
    """The compiled catalogue of ``language``; English is the source and needs none.

    Raises ``FileNotFoundError`` when a translated language's ``.mo`` is missing
    (run ``make translations``): a page half in English must not pass silently.
    """
    if language == SOURCE_LANGUAGE:
        return NullTranslations()
    compiled = CATALOGUES / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not compiled.is_file():
        raise FileNotFoundError(f"no compiled catalogue {compiled}: run `make translations`")
    with compiled.open("rb") as handle:
        return Translations(handle, domain=DOMAIN)


def _ranked_tags(header: str) -> list[str]:
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, parameters = part.strip().partition(";")
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag and quality > 0:
            ranked.append((-quality, position, tag.strip().lower()))
    return [tag for _, _, tag in sorted(ranked)]


@lru_cache(maxsize=len(INTERFACE_LANGUAGES))
def _locale(language: str) -> Locale:
    return Locale.parse(language)
