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
from web.languages import N_, Translator

FIELD_NAMES: dict[str, str] = {
    "request_type": N_("Type of request"),
    "proceeding_type": N_("Proceedings"),
    "measures": N_("Assistance asked for"),
    "offences": N_("Offences"),
    "legal_basis": N_("Legal basis"),
}
_OPERATORS = {
    "any_of": N_("%(field)s include %(expected)s — found: %(found)s"),
    "all_of": N_("%(field)s are only %(expected)s — found: %(found)s"),
    "only": N_("%(field)s are only %(expected)s — found: %(found)s"),
}
_QUOTE = re.compile(r"\(page \d+: '.*?'\)")
# An id in running text: it has an underscore or is an article (``art15``); plain words stay.
_IDENTIFIER = re.compile(r"\b(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|art\d+)\b")
_WORD = re.compile(r"\b[a-z][a-z0-9_]*\b")
_LACKS = "the request lacks: "
# The status reason a review action writes (storage/review.py): "<action> by <actor>: <authority>".
_DECIDED = re.compile(r"^(confirm|reassign) by (.+): ([A-Za-z0-9_.-]+)$")
_QUOTE_LENGTH = 80


@dataclass(frozen=True, slots=True)
class CurrentDecision:
    """Who decides where the request stands now: the rules, or a reviewer (and why)."""

    by_reviewer: bool
    summary: str
    reason: str


def label(identifier: str, tr: Translator) -> str:
    """A taxonomy id or field id as its display name in the reader's language (else the id)."""
    name = FIELD_NAMES.get(identifier) or DISPLAY_NAMES.get(identifier)
    return tr.gettext(name) if name else identifier


def condition_sentence(condition: ConditionResult, tr: Translator) -> str:
    """One condition as a sentence: ``Proceedings include Civil — found: Civil``."""
    expected = ", ".join(label(value, tr) for value in condition.expected)
    found = ", ".join(label(value, tr) for value in condition.actual) or tr.gettext("nothing")
    field = label(condition.field, tr)
    if condition.operator in _OPERATORS:
        return tr.gettext(_OPERATORS[condition.operator], field=field, expected=expected, found=found)
    verb = condition.operator.replace("_", " ")
    return f"{field} {verb} {expected} — {found}"


def reasons_in_words(
    decision: RoutingDecision, authority_names: Mapping[str, str], tr: Translator
) -> list[str]:
    """The decision's reasons for a clerk: the fired rule's conditions in words, then the others."""
    fired = next((rule for rule in decision.rules if rule.held and rule.name == decision.rule), None)
    sentences: list[str] = []
    rest = list(decision.reasons)
    if fired is not None:
        for condition in fired.conditions:
            sentences.append(_held_condition(condition, tr))
        rest = rest[len(fired.conditions) :]
    sentences.extend(_replace_ids(reason, authority_names, tr) for reason in rest)
    return sentences


def threshold_sentence(threshold: float, tr: Translator) -> str:
    """What ``review_threshold`` means, with its value: above routes, at it (a tie) or below reviews."""
    return tr.gettext(
        "Routed automatically when the confidence is above %(share)s; at %(share)s or below the "
        "request waits for a reviewer (setting review_threshold = %(value)s).",
        share=tr.percent(threshold),
        value=f"{threshold:.2f}",
    )


def current_decision(
    decisions: list[ReviewAction], rule: str | None, authority_names: Mapping[str, str], tr: Translator
) -> CurrentDecision:
    """The decision in force: the latest reviewer's action if any, else the rules' proposal."""
    if decisions:
        latest = decisions[-1]
        name = authority_names.get(latest.authority, latest.authority)
        when = tr.when(latest.at)
        if latest.action == "reassign":
            before = authority_names.get(latest.previous_authority, latest.previous_authority)
            summary = tr.gettext(
                "Reassigned to %(name)s (was %(before)s) by %(actor)s, %(when)s",
                name=name,
                before=before,
                actor=latest.actor,
                when=when,
            )
        else:
            summary = tr.gettext(
                "Routing to %(name)s confirmed by %(actor)s, %(when)s",
                name=name,
                actor=latest.actor,
                when=when,
            )
        reason = latest.reason or tr.gettext("no reason given")
        return CurrentDecision(by_reviewer=True, summary=summary, reason=reason)
    if rule:
        return CurrentDecision(
            by_reviewer=False, summary=tr.gettext("Proposed by the rule “%(rule)s”", rule=rule), reason=""
        )
    summary = tr.gettext("No routing rule holds: sent to the fallback authority")
    return CurrentDecision(by_reviewer=False, summary=summary, reason="")


def _held_condition(condition: ConditionResult, tr: Translator) -> str:
    any_of = condition.operator == "any_of"
    found = [value for value in condition.actual if not any_of or value in condition.expected]
    names = ", ".join(label(value, tr) for value in found) or tr.gettext("nothing")
    words = f"{label(condition.field, tr)}: {names}"
    quotes = [
        tr.gettext(
            "page %(page)s: “%(text)s”", page=span.page, text=" ".join(span.text.split())[:_QUOTE_LENGTH]
        )
        for span in condition.evidence
    ]
    return f"{words} ({'; '.join(quotes)})" if quotes else words


def in_words(text: str, authority_names: Mapping[str, str], tr: Translator) -> str:
    """Any stored reason (a status reason, say) with its ids as names, document quotes kept;
    a review action's own status reason as a sentence of the reader's language."""
    decided = _DECIDED.match(text)
    if decided:
        action, actor, authority = decided.groups()
        name = authority_names.get(authority, authority)
        if action == "confirm":
            return tr.gettext("Routing to %(name)s confirmed by %(actor)s", name=name, actor=actor)
        return tr.gettext("Reassigned to %(name)s by %(actor)s", name=name, actor=actor)
    return _replace_ids(text, authority_names, tr)


def _replace_ids(reason: str, authority_names: Mapping[str, str], tr: Translator) -> str:
    """Ids outside the document's quotes replaced by names (authorities by their directory name)."""
    if reason.startswith(_LACKS):
        missing = reason[len(_LACKS) :].split(", ")
        names = ", ".join(label(element, tr) for element in missing)
        return tr.gettext("The request lacks: %(elements)s", elements=names)
    parts: list[str] = []
    last = 0
    for quote in _QUOTE.finditer(reason):
        parts.append(_words(reason[last : quote.start()], authority_names, tr))
        parts.append(quote.group(0))
        last = quote.end()
    parts.append(_words(reason[last:], authority_names, tr))
    return "".join(parts)


def _words(text: str, authority_names: Mapping[str, str], tr: Translator) -> str:
    def name(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in authority_names:
            return authority_names[word]
        return label(word, tr) if _IDENTIFIER.fullmatch(word) else word

    return _WORD.sub(name, text)
