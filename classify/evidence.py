"""Turning lexicon hits into decided :class:`~rogatory.records.Label` values.

Shared by the classify stages that decide a multi-valued label from phrases: overlapping
hits of different labels keep only the longest (so "sequestro preventivo" is freezing,
not also "sequestro"), and the hits of one label become one Label with their spans.
"""

from __future__ import annotations

from collections import defaultdict

from classify.document import Hit
from rogatory.records import Label

#: Evidence spans kept per label.
MAX_EVIDENCE = 3


def longest_hits(hits: list[Hit]) -> list[Hit]:
    """Drop every hit that lies inside a longer hit of another label on the same page."""
    kept: list[Hit] = []
    for hit in hits:
        covered = any(
            other.key != hit.key
            and other.index == hit.index
            and other.start <= hit.start
            and hit.end <= other.end
            and (other.end - other.start) > (hit.end - hit.start)
            for other in hits
        )
        if not covered:
            kept.append(hit)
    return kept


def labels_from_hits(hits: list[Hit], *, confidence: float, field: str) -> tuple[Label, ...]:
    """One Label per key of ``hits``, in order of first appearance, with their evidence."""
    grouped: dict[str, list[Hit]] = defaultdict(list)
    for hit in sorted(hits, key=lambda item: item.position):
        grouped[hit.key].append(hit)
    labels: list[Label] = []
    for key, group in grouped.items():
        phrases = ", ".join(dict.fromkeys(f"'{hit.phrase}'" for hit in group))
        labels.append(
            Label(
                value=key,
                confidence=confidence,
                evidence=tuple(hit.span for hit in group[:MAX_EVIDENCE]),
                rule=f"{field} lexicon: {phrases}",
            )
        )
    return tuple(labels)
