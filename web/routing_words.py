"""The routing panel in words: the rule's conditions, the reasons and the threshold, without ids.

The pipeline's :class:`~rogatory.records.RoutingDecision` keeps the taxonomy's ids
(``proceeding_type``, ``any_of``, ``art15``, ``facts_summary``): they are the contract of
the API and the evaluation. A clerk reads names: this module turns the decision into
sentences at display time, from its structured parts (the fired rule's conditions and
their evidence) where it can, and by replacing the ids in the other reasons. Quotes from
the document are kept as they are. Runs in the web process.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rogatory.records import ConditionResult, RoutingDecision
from rogatory.review import ReviewAction
from rogatory.taxonomy import DISPLAY_NAMES

FIELD_NAMES: dict[str, str] = {
    "request_type": "Type of request",
    "proceeding_type": "Proceedings",
    "measures": "Assistance asked for",
    "offences": "Offences",
    "legal_basis": "Legal basis",
}
_OPERATORS = {"any_of": "include", "all_of": "are only", "only": "are only"}
_QUOTE = re.compile(r"\(page \d+: '.*?'\)")
# An id in running text: it has an underscore or is an article (``art15``); plain words stay.
_IDENTIFIER = re.compile(r"\b(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|art\d+)\b")
_WORD = re.compile(r"\b[a-z][a-z0-9_]*\b")
_LACKS = "the request lacks: "
_QUOTE_LENGTH = 80


@dataclass(frozen=True, slots=True)
class CurrentDecision:
    """Who decides where the request stands now: the rules, or a reviewer (and why)."""

    by_reviewer: bool
    summary: str
    reason: str


def label(identifier: str) -> str:
    """A taxonomy id or field id as its display name (else the id unchanged)."""
    return FIELD_NAMES.get(identifier) or DISPLAY_NAMES.get(identifier, identifier)


def condition_sentence(condition: ConditionResult) -> str:
    """One condition as a sentence: ``Proceedings include Civil — found: Civil``."""
    verb = _OPERATORS.get(condition.operator, condition.operator.replace("_", " "))
    expected = ", ".join(label(value) for value in condition.expected)
    found = ", ".join(label(value) for value in condition.actual) or "nothing"
    return f"{label(condition.field)} {verb} {expected} — found: {found}"


def reasons_in_words(decision: RoutingDecision, authority_names: Mapping[str, str]) -> list[str]:
    """The decision's reasons for a clerk: the fired rule's conditions in words, then the others."""
    fired = next((rule for rule in decision.rules if rule.held and rule.name == decision.rule), None)
    sentences: list[str] = []
    rest = list(decision.reasons)
    if fired is not None:
        for condition in fired.conditions:
            sentences.append(_held_condition(condition))
        rest = rest[len(fired.conditions) :]
    sentences.extend(_replace_ids(reason, authority_names) for reason in rest)
    return sentences


def threshold_sentence(threshold: float) -> str:
    """What ``review_threshold`` means, with its value: at or above routes, strictly below reviews."""
    percent = round(threshold * 100)
    return (
        f"Routed automatically when the confidence is {percent} % or more; below {percent} % "
        f"the request waits for a reviewer (setting review_threshold = {threshold:.2f})."
    )


def current_decision(
    decisions: list[ReviewAction], rule: str | None, authority_names: Mapping[str, str]
) -> CurrentDecision:
    """The decision in force: the latest reviewer's action if any, else the rules' proposal."""
    if decisions:
        latest = decisions[-1]
        name = authority_names.get(latest.authority, latest.authority)
        when = latest.at.strftime("%Y-%m-%d %H:%M UTC")
        if latest.action == "reassign":
            before = authority_names.get(latest.previous_authority, latest.previous_authority)
            summary = f"Reassigned to {name} (was {before}) by {latest.actor}, {when}"
        else:
            summary = f"Routing to {name} confirmed by {latest.actor}, {when}"
        return CurrentDecision(by_reviewer=True, summary=summary, reason=latest.reason or "no reason given")
    if rule:
        return CurrentDecision(by_reviewer=False, summary=f"Proposed by the rule “{rule}”", reason="")
    return CurrentDecision(
        by_reviewer=False, summary="No routing rule holds: sent to the fallback authority", reason=""
    )


def _held_condition(condition: ConditionResult) -> str:
    any_of = condition.operator == "any_of"
    found = [value for value in condition.actual if not any_of or value in condition.expected]
    words = f"{label(condition.field)}: {', '.join(label(value) for value in found) or 'nothing'}"
    quotes = [
        f"page {span.page}: “{' '.join(span.text.split())[:_QUOTE_LENGTH]}”" for span in condition.evidence
    ]
    return f"{words} ({'; '.join(quotes)})" if quotes else words


def in_words(text: str, authority_names: Mapping[str, str]) -> str:
    """Any stored reason (a status reason, say) with its ids as names, document quotes kept."""
    return _replace_ids(text, authority_names)


def _replace_ids(reason: str, authority_names: Mapping[str, str]) -> str:
    """Ids outside the document's quotes replaced by names (authorities by their directory name)."""
    if reason.startswith(_LACKS):
        missing = reason[len(_LACKS) :].split(", ")
        return "The request lacks: " + ", ".join(label(element).lower() for element in missing)
    parts: list[str] = []
    last = 0
    for quote in _QUOTE.finditer(reason):
        parts.append(_words(reason[last : quote.start()], authority_names))
        parts.append(quote.group(0))
        last = quote.end()
    parts.append(_words(reason[last:], authority_names))
    return "".join(parts)


def _words(text: str, authority_names: Mapping[str, str]) -> str:
    def name(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in authority_names:
            return authority_names[word]
        return label(word) if _IDENTIFIER.fullmatch(word) else word

    return _WORD.sub(name, text)
