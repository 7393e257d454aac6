"""The document view: page images with the entities highlighted, text, classification,
completeness and the drafted letter, the routing with its evidence, related requests,
the actions (confirm, reassign, download) and the audit history.

Every route checks that the caller may see the request (:mod:`web.access`); the
actions need a reviewer. Runs in the web process.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from rogatory.errors import InputError
from rogatory.records import Analysis, Entity, EntityKind, PageText
from rogatory.registration import RequestView, Status
from rogatory.review import Suggestion
from rogatory.sources import MediaType
from storage.database import Database
from storage.drafts import get_draft, save_draft
from storage.mail import mail_of
from storage.parties import related_requests
from storage.registry import get_request
from storage.review import confirm_routing, current_routing, reassign_routing, review_history
from web.access import check_visible, only_visible, visible_request
from web.auth import Reviewer, SignedIn, signed_in
from web.context import ReviewContext
from web.dependencies import AppDb, AppDirectory, AppDrafter, AppSettings, AppStore, Deliver, Review
from web.highlights import legend, page_highlights, page_segments
from web.history import history_page
from web.languages import N_
from web.notices import delivery_plan, done_notice
from web.pages import render, request_translator
from web.routing_words import (
    condition_sentence,
    current_decision,
    in_words,
    reasons_in_words,
    threshold_sentence,
)
from workers.letters import Drafter
from workers.page_images import render_page

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])

_KIND_ORDER = (
    EntityKind.PERSON,
    EntityKind.ORGANISATION,
    EntityKind.ACCOUNT,
    EntityKind.BIC,
    EntityKind.OFFENCE,
    EntityKind.DATE,
    EntityKind.STATE,
    EntityKind.AUTHORITY,
    EntityKind.CASE_REFERENCE,
)
_KIND_TITLES = {
    EntityKind.PERSON: N_("Persons"),
    EntityKind.ORGANISATION: N_("Organisations"),
    EntityKind.ACCOUNT: N_("Bank accounts"),
    EntityKind.BIC: N_("BIC / SWIFT"),
    EntityKind.OFFENCE: N_("Offences"),
    EntityKind.DATE: N_("Dates"),
    EntityKind.STATE: N_("States"),
    EntityKind.AUTHORITY: N_("Requesting authority"),
    EntityKind.CASE_REFERENCE: N_("Case and file references"),
}

_ANNEX_ORIGINS = {
    "file": N_("file"),
    "mail_body": N_("message text"),
    "mail_attachment": N_("attachment"),
    "pdf_attachment": N_("attached inside a PDF"),
    "zip_member": N_("inside a ZIP"),
    "folder_member": N_("in the folder"),
}


@router.get("/requests/{number}")
def document(
    request: Request,
    *,
    db: AppDb,
    directory: AppDirectory,
    drafter: AppDrafter,
    review: Review,
    settings: AppSettings,
    principal: SignedIn,
    number: str,
    done: str = "",
    history: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """Everything about one request on one page (its history paged by ``history``)."""
    view = visible_request(db, principal, number)
    analysis = view.analysis
    routed = current_routing(db, number) if analysis else None
    central = principal.user.role.sees_registry
    names = {a.id: a.name for a in directory.authorities.values()}
    decisions = review_history(db, number)
    notify = analysis.routing.notify if analysis else ()
    plan = delivery_plan(routed[0], notify, directory, settings) if routed else []
    tr = request_translator(request, principal)
    return render(
        request,
        "document.html",
        principal,
        view=view,
        registration=view.registration,
        analysis=analysis,
        route_to=routed[0] if routed else None,
        needs_review=routed[1] if routed else False,
        pages=_pages(view) if analysis else [],
        entity_groups=_entity_groups(analysis) if analysis else [],
        legend=legend(entity.kind.value for entity in analysis.entities.items) if analysis else [],
        related=only_visible(db, principal, related_requests(db, number), lambda item: item.number),
        history=history_page(db, principal.user, number, history),
        decisions=decisions,
        current=current_decision(decisions, analysis.routing.rule, names, tr) if analysis else None,
        reasons=reasons_in_words(analysis.routing, names, tr) if analysis else [],
        threshold=threshold_sentence(settings.review_threshold, tr),
        condition_sentence=lambda condition: condition_sentence(condition, tr),
        status_reason=in_words(view.registration.status_reason or "", names, tr),
        letter=_letter(db, drafter, view) if central and analysis else None,
        authorities=list(directory.authorities.values()),
        can_review=principal.user.role.reviews and analysis is not None,
        suggestion=_suggestion(db, review, analysis)
        if analysis and routed and routed[1] and central
        else None,
        done=done_notice(done, plan, settings, names, tr),
        letter_saved=done == "letter",
        annex_readings={annex.position: annex for annex in analysis.annexes} if analysis else {},
        annex_origins=_ANNEX_ORIGINS,
        mail=mail_of(db, number),
        reply_sent=done == "reply",
    )


@router.get("/requests/{number}/pages/{page}.png")
def page_image(
    *, db: AppDb, settings: AppSettings, store: AppStore, principal: SignedIn, number: str, page: int
) -> Response:
    """One page of the original as the OCR saw it, for the screen (not audited: the view is)."""
    check_visible(db, principal, number)
    view = get_request(db, number)
    data = store.get(view.registration.sha256)
    pages = view.analysis.text.pages if view.analysis else ()
    rotation = next((text.rotation for text in pages if text.number == page), 0)
    png = render_page(
        data,
        view.registration.media_type,
        page,
        max_pages=settings.max_pages,
        max_image_pixels=settings.max_image_pixels,
        rotation=rotation,
    )
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=600"})


@router.post("/requests/{number}/confirm")
def confirm(
    db: AppDb,
    deliver: Deliver,
    principal: Reviewer,
    number: str,
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    check_visible(db, principal, number)
    confirm_routing(db, number, actor=principal.actor, reason=reason.strip())
    deliver(number)
    return RedirectResponse(f"/requests/{number}?done=confirmed", status_code=303)


@router.post("/requests/{number}/reassign")
def reassign(
    *,
    db: AppDb,
    directory: AppDirectory,
    deliver: Deliver,
    principal: Reviewer,
    number: str,
    authority: Annotated[str, Form(max_length=100)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    check_visible(db, principal, number)
    if not reason.strip():
        raise InputError(
            "give the reason for sending the request to another authority", code="reason_required"
        )
    known = directory.authorities.keys()
    reassign_routing(
        db, number, authority, actor=principal.actor, reason=reason.strip(), known_authorities=known
    )
    deliver(number)
    return RedirectResponse(f"/requests/{number}?done=reassigned", status_code=303)


@router.post("/requests/{number}/letter")
def save_letter(
    db: AppDb,
    principal: Reviewer,
    number: str,
    language: Annotated[str, Form(min_length=2, max_length=16)],
    body: Annotated[str, Form(max_length=100_000)],
) -> Response:
    check_visible(db, principal, number)
    save_draft(db, number, language=language, body=body, actor=principal.actor)
    return RedirectResponse(f"/requests/{number}?done=letter#letter", status_code=303)


def _pages(view: RequestView) -> list[dict[str, object]]:
    analysis = view.analysis
    if analysis is None:
        return []
    entities = analysis.entities.items
    viewable = str(view.registration.media_type) in {media.value for media in MediaType}
    # Every mention of one value answers to its first mention's index (one hover lights all).
    first: dict[tuple[str, str], int] = {}
    canonical = [first.setdefault((e.kind.value, e.value), index) for index, e in enumerate(entities)]
    return [
        {
            "page": page,
            "image": viewable and view.registration.status is not Status.FAILED,
            "highlights": [replace(h, index=canonical[h.index]) for h in page_highlights(page, entities)],
            "segments": [
                replace(seg, index=canonical[seg.index]) if seg.index is not None else seg
                for seg in page_segments(page, entities)
            ],
            "view_box": _view_box(page),
        }
        for page in analysis.text.pages
    ]


def _suggestion(db: Database, review: ReviewContext, analysis: Analysis) -> Suggestion | None:
    """What the model learnt from reviewers' decisions suggests (shown, never deciding)."""
    return review.suggester.suggest(db, analysis)


def _view_box(page: PageText) -> str:
    return f"0 0 {page.width} {page.height}" if page.width > 0 and page.height > 0 else ""


def _entity_groups(analysis: Analysis) -> list[tuple[str, list[tuple[int, Entity, list[int]]]]]:
    """Entities by kind, each value once (its first mention) with the pages it is on."""
    groups: list[tuple[str, list[tuple[int, Entity, list[int]]]]] = []
    for kind in _KIND_ORDER:
        first: dict[str, tuple[int, Entity, list[int]]] = {}
        for index, entity in enumerate(analysis.entities.items):
            if entity.kind != kind:
                continue
            _, _, pages = first.setdefault(entity.value, (index, entity, []))
            if entity.span.page not in pages:
                pages.append(entity.span.page)
        if first:
            groups.append((_KIND_TITLES[kind], list(first.values())))
    return groups


def _letter(db: Database, drafter: Drafter, view: RequestView) -> dict[str, object] | None:
    if view.analysis is None or not view.analysis.completeness.missing:
        return None
    drafted = drafter.draft_for_view(view)
    edited = get_draft(db, view.registration.number)
    return {
        "language": edited.language if edited else drafted.language,
        "body": edited.body if edited else drafted.body,
        "edited_by": edited.actor if edited else None,
    }
