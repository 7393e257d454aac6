"""Routing: the first rule of the directory whose conditions hold names the executing authority.

Pure. ``any_of`` holds when the request has at least one of the values; ``only`` when it
has at least one value and every value it has is in the list. Every notify rule that
holds adds an authority to notify. No rule -> the fallback authority, for review. The
confidence is that of the labels the firing conditions relied on; below the review
threshold, or exactly at it (a tie between routing and review: two equally likely
candidates give 0.50), the decision keeps the proposed authority but asks for review. A request
most of whose pages could not be read (more than :data:`UNREADABLE_SHARE` of them:
OCR failed, no text, too large, damaged, ...; the page issues of
:data:`rogatory.records.UNREADABLE_PAGE_CODES`) goes to review whatever the rules
say, with a reason naming those pages and its confidence scaled by the share of pages
read: the rules saw only those.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from classify.directory import Condition, Directory, Rule
from rogatory.records import (
    Classification,
    Completeness,
    ConditionResult,
    DocumentText,
    Label,
    RoutingDecision,
    RuleResult,
)

#: Characters of evidence text quoted in a reason.
QUOTE = 40
#: A request more than this share of whose pages could not be read goes to review.
UNREADABLE_SHARE = 0.5


@dataclass(frozen=True)
class Evaluation:
    """A condition's result, the labels it relied on and their confidence."""

    result: ConditionResult
    used: tuple[Label, ...]
    confidence: float


def field_labels(classification: Classification, field: str) -> tuple[Label, ...]:
    """The labels of a routing field, single-valued fields as a one-tuple."""
    value: Label | tuple[Label, ...] = getattr(classification, field)
    return value if isinstance(value, tuple) else (value,)


def evaluate(condition: Condition, labels: tuple[Label, ...]) -> Evaluation:
    """Evaluate one condition on the labels of its field."""
    actual = tuple(sorted({label.value for label in labels}))
    expected = set(condition.values)
    if condition.operator == "any_of":
        used = tuple(label for label in labels if label.value in expected)
        held = bool(used)
        confidence = max((label.confidence for label in used), default=0.0)
    else:
        used = labels
        held = bool(actual) and set(actual) <= expected
        confidence = min((label.confidence for label in used), default=0.0)
    result = ConditionResult(
        field=condition.field,
        operator=condition.operator,
        expected=condition.values,
        actual=actual,
        held=held,
        evidence=tuple(span for label in used for span in label.evidence[:1]) if held else (),
    )
    return Evaluation(result=result, used=used, confidence=confidence if held else 0.0)


def route(
    classification: Classification,
    completeness: Completeness,
    directory: Directory,
    *,
    text: DocumentText,
    review_threshold: float,
) -> RoutingDecision:
    """Decide where the request goes and whom to notify, from its classification and its text's issues.

    Raises nothing on valid records.
    """
    results: list[RuleResult] = []
    fired: tuple[Rule, list[Evaluation]] | None = None
    for rule in directory.rules:
        evaluations = [evaluate(c, field_labels(classification, c.field)) for c in rule.conditions]
        held = all(e.result.held for e in evaluations)
        results.append(_rule_result(rule, evaluations, held))
        if held:
            fired = (rule, evaluations)
            break
    notify: list[str] = []
    for rule in directory.notify_rules:
        evaluations = [evaluate(c, field_labels(classification, c.field)) for c in rule.conditions]
        held = all(e.result.held for e in evaluations)
        results.append(_rule_result(rule, evaluations, held))
        if held and rule.authority not in notify:
            notify.append(rule.authority)
    unreadable = unreadable_reason(text)
    if fired is None:
        return RoutingDecision(
            route_to=directory.fallback,
            notify=tuple(notify),
            rule=None,
            confidence=0.0,
            needs_review=True,
            reasons=(
                f"no routing rule holds: sent to {directory.fallback} for review",
                *unreadable,
                *_missing(completeness),
            ),
            rules=tuple(results),
        )
    rule, evaluations = fired
    confidence = min(e.confidence for e in evaluations)
    reasons = [_reason(e) for e in evaluations]
    for field, label in _doubtful(classification, review_threshold):
        confidence = min(confidence, label.confidence)
        reasons.append(f"{field} '{label.value}' is in doubt ({label.confidence:.2f}): {label.rule}")
    needs_review = confidence < review_threshold or math.isclose(confidence, review_threshold)
    if needs_review and confidence < review_threshold:
        reasons.append(f"confidence {confidence:.2f} is below the review threshold {review_threshold:.2f}")
    elif needs_review:
        reasons.append(
            f"confidence {confidence:.2f} is at the review threshold {review_threshold:.2f}: "
            "a tie is reviewed"
        )
    if unreadable:
        confidence *= read_share(text)
        needs_review = True
    return RoutingDecision(
        route_to=rule.authority,
        notify=tuple(notify),
        rule=rule.name,
        confidence=confidence,
        needs_review=needs_review,
        reasons=(*reasons, *unreadable, *_missing(completeness)),
        rules=tuple(results),
    )


def _doubtful(classification: Classification, threshold: float) -> list[tuple[str, Label]]:
    """The labels of the request itself (its type, proceeding type, urgency) below the review
    threshold: their signals disagree (a ticked box against the wording, two proceeding
    types), so the request is reviewed whichever rule routed it."""
    labels = (
        ("request_type", classification.request_type),
        ("proceeding_type", classification.proceeding_type),
        ("urgent", classification.urgent),
    )
    return [(field, label) for field, label in labels if label.confidence < threshold]


def unreadable_reason(text: DocumentText) -> tuple[str, ...]:
    """The reason to review a request most of whose pages could not be read, as a one-tuple; else ``()``."""
    unreadable, total = text.unreadable_pages, len(text.pages)
    if len(unreadable) <= UNREADABLE_SHARE * total:
        return ()
    return (
        f"{len(unreadable)} of {total} pages could not be read (pages {page_ranges(unreadable)}): "
        f"the decision rests on the other {total - len(unreadable)}, sent for review",
    )


def read_share(text: DocumentText) -> float:
    """The share of the document's pages that were read (1.0 for a document without pages)."""
    total = len(text.pages)
    return (total - len(text.unreadable_pages)) / total if total else 1.0


def page_ranges(pages: tuple[int, ...]) -> str:
    """Page numbers in ascending order, runs as ranges: ``(2, 3, 4, 7)`` -> ``"2-4, 7"``."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


def _rule_result(rule: Rule, evaluations: list[Evaluation], held: bool) -> RuleResult:
    return RuleResult(
        name=rule.name,
        authority=rule.authority,
        held=held,
        conditions=tuple(e.result for e in evaluations),
    )


def _reason(evaluation: Evaluation) -> str:
    result = evaluation.result
    quoted = "; ".join(f"{label.value}{_quote(label)}" for label in evaluation.used)
    if result.operator == "any_of":
        return f"{result.field} include {quoted}"
    return f"{result.field} are only {', '.join(result.expected)}: {quoted}"


def _quote(label: Label) -> str:
    if not label.evidence:
        return ""
    span = label.evidence[0]
    text = " ".join(span.text.split())[:QUOTE]
    return f" (page {span.page}: '{text}')"


def _missing(completeness: Completeness) -> tuple[str, ...]:
    missing = completeness.missing
    return (f"the request lacks: {', '.join(missing)}",) if missing else ()
