"""The authority directory and routing policy of a deployment (authorities.yaml).

Loaded once at start (workers/pipeline.py ``load_engines``) and validated there, so that
a wrong file stops the service with a message naming the file, the rule and the
problem instead of misrouting requests later. Format: ../shared/reference/authorities.yaml.
The records it returns (:mod:`rogatory.directory`) are read by every layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from rogatory.directory import Authority, Condition, Directory, Rule
from rogatory.errors import ConfigurationError
from rogatory.taxonomy import LANGUAGES, ROUTING_FIELDS

# The records are rogatory's; they stay importable from here, where they are loaded.
__all__ = ["OPERATORS", "Authority", "Condition", "Directory", "Rule", "load_directory", "parse_directory"]

OPERATORS: tuple[str, ...] = ("any_of", "only")
_TOP_KEYS = {"country", "accepted_languages", "authorities", "fallback", "rules", "notify"}
_AUTHORITY_KEYS = {"id", "name", "role", "email", "language"}


def load_directory(path: Path) -> Directory:
    """Read and validate ``path``.

    Raises ``ConfigurationError`` naming the file, the rule and the problem: unreadable
    file, unknown key or field, unknown authority id or label value, malformed condition,
    duplicate ids or rule names, missing fallback.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"{path}: cannot read the authority directory: {error}") from error
    return parse_directory(data, source=str(path))


def parse_directory(data: object, *, source: str) -> Directory:
    """Validate already-parsed YAML ``data``. Raises ``ConfigurationError`` (see load_directory)."""
    if not isinstance(data, dict):
        raise ConfigurationError(f"{source}: the directory must be a mapping")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ConfigurationError(f"{source}: unknown key(s) {', '.join(map(repr, unknown))}")
    authorities = _authorities(data.get("authorities"), source)
    fallback = data.get("fallback")
    if not fallback:
        raise ConfigurationError(f"{source}: no fallback authority")
    if fallback not in authorities:
        raise ConfigurationError(f"{source}: fallback {fallback!r} is not an authority id")
    languages = data.get("accepted_languages", [])
    if not isinstance(languages, list) or not all(isinstance(code, str) for code in languages):
        raise ConfigurationError(f"{source}: accepted_languages must be a list of language codes")
    return Directory(
        country=str(data.get("country", "")),
        accepted_languages=tuple(languages),
        authorities=authorities,
        fallback=str(fallback),
        rules=_rules(data.get("rules", []), source, authorities, when="when", target="route_to"),
        notify_rules=_rules(data.get("notify", []), source, authorities, when="notify_when", target="notify"),
        source=source,
    )


def _authorities(entries: object, source: str) -> dict[str, Authority]:
    if not isinstance(entries, list) or not entries:
        raise ConfigurationError(f"{source}: authorities must be a non-empty list")
    found: dict[str, Authority] = {}
    for number, entry in enumerate(entries, start=1):
        where = f"{source}: authority #{number}"
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
            raise ConfigurationError(f"{where}: needs an id and a name")
        unknown = sorted(set(entry) - _AUTHORITY_KEYS)
        if unknown:
            raise ConfigurationError(
                f"{where} ({entry['id']}): unknown key(s) {', '.join(map(repr, unknown))}"
            )
        identifier = str(entry["id"])
        language = str(entry.get("language", ""))
        if language and language not in LANGUAGES:
            raise ConfigurationError(
                f"{where} ({identifier}): language {language!r} is not one of {', '.join(LANGUAGES)}"
            )
        if identifier in found:
            raise ConfigurationError(f"{source}: duplicate authority id {identifier!r}")
        found[identifier] = Authority(
            id=identifier,
            name=str(entry["name"]),
            role=str(entry.get("role", "")),
            email=str(entry.get("email", "")),
            language=language,
        )
    return found


def _rules(
    entries: object, source: str, authorities: Mapping[str, Authority], *, when: str, target: str
) -> tuple[Rule, ...]:
    if not isinstance(entries, list):
        raise ConfigurationError(f"{source}: {target} rules must be a list")
    rules: list[Rule] = []
    names: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise ConfigurationError(f"{source}: rule #{number} needs a name")
        name = str(entry["name"])
        where = f"{source}: rule {name!r}"
        if name in names:
            raise ConfigurationError(f"{where}: duplicate rule name")
        names.add(name)
        unknown = sorted(set(entry) - {"name", when, target})
        if unknown:
            raise ConfigurationError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}")
        authority = entry.get(target)
        if authority not in authorities:
            raise ConfigurationError(f"{where}: {target} {authority!r} is not an authority id")
        rules.append(
            Rule(name=name, conditions=_conditions(entry.get(when), where, when), authority=str(authority))
        )
    return tuple(rules)


def _conditions(spec: object, where: str, when: str) -> tuple[Condition, ...]:
    if not isinstance(spec, dict) or not spec:
        raise ConfigurationError(f"{where}: {when} must map label fields to conditions")
    conditions: list[Condition] = []
    for field, test in spec.items():
        if field not in ROUTING_FIELDS:
            raise ConfigurationError(f"{where}: unknown field {field!r} (known: {', '.join(ROUTING_FIELDS)})")
        if not isinstance(test, dict) or len(test) != 1:
            raise ConfigurationError(
                f"{where}: condition on {field!r} must be one of {{any_of: [...]}}, {{only: [...]}}"
            )
        ((operator, values),) = test.items()
        if operator not in OPERATORS:
            raise ConfigurationError(
                f"{where}: unknown operator {operator!r} on {field!r} (use any_of or only)"
            )
        if not isinstance(values, list) or not values:
            raise ConfigurationError(f"{where}: {field} {operator} must be a non-empty list")
        bad = [value for value in values if value not in ROUTING_FIELDS[field]]
        if bad:
            raise ConfigurationError(f"{where}: unknown {field} value(s) {', '.join(map(repr, bad))}")
        conditions.append(Condition(field=str(field), operator=operator, values=tuple(values)))
    return tuple(conditions)
