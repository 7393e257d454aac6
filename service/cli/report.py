"""Plain-text rendering of a registered request for ``rogatory show``."""

from __future__ import annotations

from rogatory.records import Analysis, EntityKind
from rogatory.registration import RequestView
from rogatory.shown import shown


def format_request(view: RequestView) -> str:
    """The registration, status, language, entities, routing and missing elements."""
    registration = view.registration
    lines = [
        f"{registration.number}  {registration.status.value}",
        f"  received   {registration.received_at:%Y-%m-%d %H:%M:%S %Z} via {registration.source}",
        f"  file       {shown(registration.filename)} ({registration.media_type}, {registration.size} bytes)",
        f"  sha256     {registration.sha256}",
    ]
    if registration.status_reason:
        lines.append(f"  reason     {registration.status_reason}")
    if view.analysis is not None:
        lines += _analysis_lines(view.analysis)
        if view.decision is not None:
            lines.append(f"  decided    {view.decision} (review decision; it stands)")
            if view.decision != view.analysis.routing.route_to:
                lines.append(f"             the pipeline now proposes {view.analysis.routing.route_to}")
    return "\n".join(lines)


def _analysis_lines(analysis: Analysis) -> list[str]:
    text, classification, routing = analysis.text, analysis.classification, analysis.routing
    state = classification.requesting_state.value if classification.requesting_state else "?"
    lines = [
        f"  pages      {len(text.pages)} ({', '.join(sorted({page.source.value for page in text.pages}))})",
        f"  language   {text.language or '?'} ({text.language_confidence:.2f})",
        f"  type       {classification.request_type.value}, {classification.proceeding_type.value}",
        f"  from       {state}",
        f"  legal basis {', '.join(classification.values('legal_basis')) or '-'}",
        f"  measures   {', '.join(classification.values('measures')) or '-'}",
        f"  offences   {', '.join(classification.values('offences')) or '-'}",
        f"  urgent     {classification.urgent.value}"
        + (f", deadline {classification.deadline.isoformat()}" if classification.deadline else ""),
    ]
    for kind, title in ((EntityKind.PERSON, "persons"), (EntityKind.ACCOUNT, "accounts")):
        values = sorted({entity.value for entity in analysis.entities.of_kind(kind)})
        lines.append(f"  {title:<10} {'; '.join(values) or '-'}")
    lines.append(f"  missing    {', '.join(analysis.completeness.missing) or 'nothing'}")
    review = "  (needs review)" if routing.needs_review else ""
    lines.append(f"  proposal   {routing.route_to}{review}, confidence {routing.confidence:.2f}")
    lines.append(f"  rule       {routing.rule or 'no rule held: fallback'}")
    lines.append(f"  notify     {', '.join(routing.notify) or '-'}")
    lines += [f"    - {reason}" for reason in routing.reasons]
    return lines
