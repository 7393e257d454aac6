"""The request for additional information: a letter listing exactly what a request lacks.

Pure. One Jinja2 template per language (``classify/letters/letter.{lang}.txt``, data
files a deployment may edit). The letter is written in the language of the request
when the directory accepts that language and a template exists, in English otherwise
(the requesting authority wrote in a language we do not accept; UNCAC art. 46(14)).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

import jinja2

from rogatory.records import Completeness, Record
from rogatory.taxonomy import COMPLETENESS_ELEMENTS

TEMPLATES = Path(__file__).resolve().parent / "letters"
FALLBACK_LANGUAGE = "en"


class DraftLetter(Record):
    """A drafted letter: the language it is written in, its text and the elements it asks for."""

    language: str
    body: str
    missing: tuple[str, ...]


def letter_languages() -> tuple[str, ...]:
    """The languages with a template, sorted."""
    return tuple(sorted(path.name.split(".")[1] for path in TEMPLATES.glob("letter.*.txt")))


def letter_language(request_language: str | None, accepted_languages: Sequence[str]) -> str:
    """The language of the letter: the request's when accepted and templated, else English."""
    if request_language in accepted_languages and request_language in letter_languages():
        return request_language
    return FALLBACK_LANGUAGE


def draft_letter(
    completeness: Completeness,
    *,
    number: str,
    received: date,
    request_language: str | None,
    accepted_languages: Sequence[str],
    sender: str,
    addressee: str = "",
    extradition: bool = False,
    their_reference: str = "",
) -> DraftLetter:
    """Draft the letter for the missing elements of ``completeness``.

    Raises ``ValueError`` when nothing is missing (there is nothing to ask for).
    """
    missing = tuple(element for element in COMPLETENESS_ELEMENTS if element in completeness.missing)
    if not missing:
        raise ValueError(f"{number}: the request lacks nothing; no letter to draft")
    language = letter_language(request_language, accepted_languages)
    body = _template(language).render(
        number=number,
        received=received.isoformat(),
        missing=missing,
        accepted=", ".join(accepted_languages),
        sender=sender,
        addressee=addressee,
        extradition=extradition,
        their_reference=their_reference,
    )
    return DraftLetter(language=language, body=body.strip() + "\n", missing=missing)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # noqa: S701 - plain-text letters, never HTML
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _template(language: str) -> jinja2.Template:
    return _environment().get_template(f"letter.{language}.txt")
