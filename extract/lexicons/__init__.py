"""Lexicons of entity extraction, kept as YAML data files per kind and language.

A deployment edits ``<kind>.<language>.yaml`` in this folder (offences, persons,
dates, accounts). :func:`read_lexicon` reads one file. Its phrases are written in
the syntax of :mod:`rogatory.phrases` and matched against text folded by
:mod:`rogatory.folding`, as classify's are.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from rogatory.errors import ConfigurationError
from rogatory.taxonomy import LANGUAGES


def read_lexicon(kind: str, language: str) -> dict[str, Any]:
    """The mapping in ``<kind>.<language>.yaml``; an empty one when there is no file.

    Raises ``ConfigurationError`` when the file is not valid YAML or not a mapping.
    """
    resource = resources.files(__package__).joinpath(f"{kind}.{language}.yaml")
    if not resource.is_file():
        return {}
    try:
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ConfigurationError(f"lexicon {kind}.{language}.yaml is not valid YAML: {error}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigurationError(f"lexicon {kind}.{language}.yaml must be a mapping")
    return data


def read_lexicons(kind: str) -> dict[str, dict[str, Any]]:
    """``read_lexicon(kind, language)`` for every service language, by language.

    Raises ``ConfigurationError`` like :func:`read_lexicon`.
    """
    return {language: read_lexicon(kind, language) for language in LANGUAGES}


def string_list(data: dict[str, Any], key: str, *, source: str) -> tuple[str, ...]:
    """The list of strings under ``key`` (empty when absent).

    Raises ``ConfigurationError`` when it is not a list of strings.
    """
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigurationError(f"lexicon {source}: {key} must be a list of strings")
    return tuple(value)
