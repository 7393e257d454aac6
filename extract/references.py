"""Case and file references: "Case No. RC.80/2024", "N/Réf. 2025/PJ/118", "Уголовное дело № 307/2023",
"رقم القضية: رقم 289 لسنة 2023".

A reference is what links a supplementary request, or a copy sent through another
channel, to the first one. It is read only after a word that introduces one (the
``cues`` of ``references.<lang>.yaml``, every language's on every page: a request
quotes the other side's reference in its words), then an optional number sign, and
must hold a digit. The value is normalised for matching
(:func:`rogatory.references.normalise_reference`). Pure; runs in the worker after
text extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.lexicons import read_lexicons
from rogatory.records import Entity, EntityKind, Span
from rogatory.references import is_reference, normalise_reference

_NUMBER_SIGN = r"(?:n\s*[°ºo.]+|nº|n\.º|no\.?|nr\.?|núm\.?|num\.?|№|#|رقم)?"
_REFERENCE = r"[A-Za-zА-Яа-яЁё0-9][A-Za-zА-Яа-яЁё0-9./\-_]*"


@dataclass(frozen=True)
class ReferenceRules:
    """The compiled cue pattern of every language."""

    pattern: re.Pattern[str]


def load_reference_rules() -> ReferenceRules:
    """Compile the cues of ``references.<lang>.yaml`` (once per process, with the other lexicons).

    Raises ``ConfigurationError`` for a bad file.
    """
    cues = sorted(
        {str(cue) for lexicon in read_lexicons("references").values() for cue in lexicon.get("cues", [])},
        key=len,
        reverse=True,
    )
    alternation = "|".join(re.escape(cue).replace(r"\ ", r"\s+") for cue in cues)
    pattern = re.compile(
        rf"(?<!\w)(?:{alternation})\.?\s*[:.]?\s*{_NUMBER_SIGN}\s*[:.]?\s*"
        rf"(?P<ref>(?:\d+\s+لسنة\s+\d{{4}})|{_REFERENCE})",
        re.IGNORECASE,
    )
    return ReferenceRules(pattern=pattern)


def find_references(text: str, *, page: int, rules: ReferenceRules) -> list[Entity]:
    """The case and file references of one page, each once (its first place)."""
    found: list[Entity] = []
    seen: set[str] = set()
    for match in rules.pattern.finditer(text):
        raw = match.group("ref").rstrip("./-_")
        value = normalise_reference(raw)
        if not is_reference(value) or value in seen:
            continue
        seen.add(value)
        start = match.start("ref")
        found.append(
            Entity(
                kind=EntityKind.CASE_REFERENCE,
                value=value,
                span=Span(page=page, start=start, end=start + len(raw), text=raw),
                method="rule:reference_cue",
                confidence=0.8,
                attributes={"cue": text[match.start() : start].strip()},
            )
        )
    return found
