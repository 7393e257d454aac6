"""The interface's languages: which one a request gets, and catalogues with every string translated."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from web.languages import CATALOGUES, INTERFACE_LANGUAGES, SOURCE_LANGUAGE, catalogue, negotiate, translator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = sorted(set(INTERFACE_LANGUAGES) - {SOURCE_LANGUAGE})
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}")


@pytest.mark.parametrize(
    ("preference", "header", "default", "served"),
    [
        ("ar", "fr-FR,fr;q=0.9", "en", "ar"),  # the user's setting first
        (None, "fr-CH, fr;q=0.9, en;q=0.8", "en", "fr"),  # a regional tag matches its language
        (None, "ja, pt-BR;q=0.7, es;q=0.6", "en", "pt"),  # the best supported one, by q
        (None, "es;q=0.3, de;q=0.8", "en", "de"),  # q decides, not the order
        (None, "ru;q=0, it", "en", "it"),  # q=0 refuses a language
        (None, "ja, zh", "fr", "fr"),  # none supported: the deployment's default
        (None, "*", "es", "es"),
        (None, "", "de", "de"),
        (None, None, "en", "en"),
        ("xx", "ru", "en", "ru"),  # an unknown stored setting is ignored
        (None, "fr;q=abc, de", "en", "de"),  # a bad q counts as refused
        (None, "AR-eg", "en", "ar"),  # tags are case-insensitive
        (None, None, "xx", "en"),  # a bad default falls back to the source language
    ],
)
def test_negotiation(preference: str | None, header: str | None, default: str, served: str) -> None:
    assert negotiate(preference, header, default) == served


def _extracted() -> Catalog:
    """The strings marked in the code now (what `make translations` extracts)."""
    found = Catalog()
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True"}}
    for folder in ("web", "rogatory", "workers"):
        keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
        for _, _, message, _, _ in extract_from_dir(
            ROOT / folder, method_map, options_map=options, keywords=keywords
        ):
            found.add(message)
    return found


@pytest.fixture(scope="module")
def extracted() -> Catalog:
    return _extracted()


def _po(language: str) -> Catalog:
    with (CATALOGUES / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


def test_the_code_marks_the_strings_of_every_page(extracted: Catalog) -> None:
    ids = {message.id for message in extracted if message.id}
    for expected in ("Registry", "Confirm routing", "Bank records", "Money laundering (art. 23)", "Clerk"):
        assert expected in ids
    assert len(ids) > 300


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated(language: str, extracted: Catalog) -> None:
    """Fails when a string marked in the code has no translation in ``language`` (run `make translations`
    and translate it), or when a translation is fuzzy or empty."""
    po = _po(language)
    untranslated = []
    for message in extracted:
        if not message.id:
            continue
        found = po.get(message.id)
        strings = (found.string if isinstance(found.string, tuple) else (found.string,)) if found else ("",)
        if found is None or found.fuzzy or not all(strings):
            untranslated.append(message.id)
    assert untranslated == [], f"{language}: {len(untranslated)} untranslated: {untranslated[:10]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_their_placeholders(language: str) -> None:
    po = _po(language)
    assert po.num_plurals == len(next(m for m in po if isinstance(m.id, tuple)).string)
    for message in po:
        if not message.id:
            continue
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        wanted = set(PLACEHOLDER.findall(source)) - {"%(num)s"}
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) - {"%(num)s"} == wanted, (language, source, text)
    assert list(po.check()) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalogue_is_the_source(language: str) -> None:
    """The committed .mo says what the .po says (a .po edited without `make translations` fails)."""
    compiled = CATALOGUES / language / "LC_MESSAGES" / "messages.mo"
    with compiled.open("rb") as handle:
        mo = read_mo(handle)
    po = _po(language)
    as_po = {_key(m.id): _key(m.string) for m in po if m.id and not m.fuzzy}
    as_mo = {_key(m.id): _key(m.string) for m in mo if m.id}
    assert as_mo == as_po


def _key(value: object) -> object:
    return tuple(value) if isinstance(value, (list, tuple)) else value


def test_a_missing_catalogue_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("web.languages.CATALOGUES", tmp_path)
    catalogue.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="make translations"):
            catalogue("fr")
    finally:
        catalogue.cache_clear()


def test_pages_read_as_a_native_clerk_would() -> None:
    assert translator("fr").gettext("Bank records") == "Documents bancaires"
    assert translator("de").gettext("Mutual legal assistance") == "Rechtshilfe"
    assert (
        translator("es").gettext("Money laundering (art. 23)") == "Blanqueo del producto del delito (art. 23)"
    )
    assert translator("ar").gettext("Requesting state") == "الدولة الطالبة"
    assert translator("ar").direction == "rtl"
    assert translator("fr").direction == "ltr"


@pytest.mark.parametrize(
    ("language", "count", "text"),
    [
        ("ru", 1, "Найден 1 запрос"),
        ("ru", 3, "Найдено 3 запроса"),
        ("ru", 5, "Найдено 5 запросов"),
        ("ru", 21, "Найден 21 запрос"),
        ("ar", 2, "طلبان مطابقان"),
        ("ar", 7, "7 طلبات مطابقة"),
        ("ar", 15, "15 طلبًا مطابقًا"),
        ("fr", 0, "0 demande correspond"),
        ("de", 2, "2 Ersuchen entsprechen"),
    ],
)
def test_plural_forms_of_each_language(language: str, count: int, text: str) -> None:
    tr = translator(language)
    assert tr.ngettext("%(num)s request matches", "%(num)s requests match", count) == text


def test_dates_and_numbers_in_the_language_with_the_zone() -> None:
    moment = datetime(2026, 12, 2, 16, 40, tzinfo=UTC)
    assert translator("fr", "Europe/Paris").when(moment) == "2 déc. 2026, 17:40 +0100"
    assert translator("de", "Europe/Berlin").when(moment) == "02.12.2026, 17:40 MEZ"
    assert translator("en").when(moment) == "Dec 2, 2026, 4:40\u202fPM UTC"
    assert translator("ru").when(date(2026, 12, 2)) == "2 дек. 2026\u202fг."
    assert translator("fr").number(1234567.5, digits=1) == "1\u202f234\u202f567,5"
    assert translator("de").number(1234567) == "1.234.567"
    assert translator("en").percent(0.5) == "50%"
    assert translator("fr").percent(0.5) == "50\u00a0%"
    assert translator("fr").language_name("de") == "allemand"
    assert translator("ar").territory_name("GH") == "غانا"


def test_compiled_files_are_gettext_catalogues() -> None:
    """The compiled files are gettext .mo files (magic number 0x950412de, little-endian)."""
    for language in TRANSLATED:
        data = (CATALOGUES / language / "LC_MESSAGES" / "messages.mo").read_bytes()
        assert int.from_bytes(data[:4], "little") == 0x950412DE
