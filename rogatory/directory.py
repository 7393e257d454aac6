"""The records of a deployment's authority directory: authorities, routing rules, conditions.

Records only: frozen dataclasses, read by routing (``classify/routing.py``), the
delivery of notices and the web app. The YAML file is read and validated by
``classify/directory.py`` ``load_directory``, at the start of a process.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Authority:
    """A domestic authority that executes or is notified of requests."""

    id: str
    name: str
    role: str = ""
    email: str = ""
    # The language its notices are written in (one of the taxonomy's LANGUAGES); "" for
    # the deployment's interface_language.
    language: str = ""


@dataclass(frozen=True)
class Condition:
    """``field`` has ``any_of`` / ``only`` the ``values``."""

    field: str
    operator: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """A routing rule: when every condition holds, the request goes to ``authority``."""

    name: str
    conditions: tuple[Condition, ...]
    authority: str


@dataclass(frozen=True)
class Directory:
    """The validated directory: authorities by id, routing rules in order, notify rules."""

    country: str
    accepted_languages: tuple[str, ...]
    authorities: Mapping[str, Authority]
    fallback: str
    rules: tuple[Rule, ...]
    notify_rules: tuple[Rule, ...]
    source: str = ""
