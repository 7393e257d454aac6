"""The request for additional information: a letter listing exactly what a request lacks.

Pure. One Jinja2 template per language (``classify/letters/letter.{lang}.txt``, data
files a deployment may edit), compiled and checked once per process at start by
:func:`load_letter_templates`. The letter is written in the language of the request
when the directory accepts that language and a template exists, in English otherwise
(the requesting authority wrote in a language we do not accept; UNCAC art. 46(14)).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
import jinja2.meta

from rogatory.errors import ConfigurationError
from rogatory.records import Completeness, Record
from rogatory.taxonomy import COMPLETENESS_ELEMENTS

TEMPLATES = Path(__file__).resolve().parent / "letters"
FALLBACK_LANGUAGE = "en"
#: The variables :func:`draft_letter` gives every template.
LETTER_FIELDS = frozenset(
    ("number", "received", "missing", "accepted", "sender", "addressee", "extradition", "their_reference")
)


class DraftLetter(Record):
    """A drafted letter: the language it is written in, its text and the elements it asks for."""

    language: str
    body: str
    missing: tuple[str, ...]


@dataclass(frozen=True)
class LetterTemplates:
    """The compiled letter template of each language, loaded once per process."""

    templates: Mapping[str, jinja2.Template]

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages with a template, sorted."""
        return tuple(sorted(self.templates))


def load_letter_templates(directory: Path = TEMPLATES) -> LetterTemplates:
    """Read and compile every ``letter.<lang>.txt`` of ``directory``. Runs once per process.

    Raises ``ConfigurationError`` naming the file and the problem when a template cannot
    be read, does not compile, or uses a variable the letter does not give; and when
    there is no English template (the fallback language).
    """
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        autoescape=False,  # noqa: S701 - plain-text letters, never HTML
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    templates = {
        path.name.split(".")[1]: _compile(environment, path)
        for path in sorted(directory.glob("letter.*.txt"))
    }
    if FALLBACK_LANGUAGE not in templates:
        raise ConfigurationError(f"no letter.{FALLBACK_LANGUAGE}.txt in {directory}: the fallback letter")
    return LetterTemplates(templates=templates)


def _compile(environment: jinja2.Environment, path: Path) -> jinja2.Template:
    try:
        source = path.read_text(encoding="utf-8")
        unknown = jinja2.meta.find_undeclared_variables(environment.parse(source)) - LETTER_FIELDS
        template = environment.get_template(path.name)
    except OSError as error:
        raise ConfigurationError(f"cannot read letter template {path}: {error}") from error
    except jinja2.TemplateSyntaxError as error:
        raise ConfigurationError(f"letter template {path}, line {error.lineno}: {error.message}") from error
    if unknown:
        raise ConfigurationError(f"letter template {path}: unknown variable(s) {', '.join(sorted(unknown))}")
    return template


def letter_language(
    request_language: str | None, accepted_languages: Sequence[str], templates: LetterTemplates
) -> str:
    """The language of the letter: the request's when accepted and templated, else English."""
    if (
        request_language is not None
        and request_language in accepted_languages
        and request_language in templates.templates
    ):
        return request_language
    return FALLBACK_LANGUAGE


def draft_letter(
    completeness: Completeness,
    *,
    templates: LetterTemplates,
    number: str,
    received: date,
    request_language: str | None,
    accepted_languages: Sequence[str],
    sender: str,
    addressee: str = "",
    extradition: bool = False,
    their_reference: str = "",
) -> DraftLetter:
    """Draft the letter for the missing elements of ``completeness`` from ``templates``.

    Raises ``ValueError`` when nothing is missing (there is nothing to ask for).
    """
    missing = tuple(element for element in COMPLETENESS_ELEMENTS if element in completeness.missing)
    if not missing:
        raise ValueError(f"{number}: the request lacks nothing; no letter to draft")
    language = letter_language(request_language, accepted_languages, templates)
    body = templates.templates[language].render(
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
