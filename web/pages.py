"""Server-rendered pages: the Jinja2 environment, the navigation, and how a page is rendered.

Autoescaping is on for every template, so text that came from a document (OCR can
produce anything, ``<script>`` included) is always shown as text. Pages are plain
HTML with a small script (``static/rogatory.js``) for uploads with progress bars and
live status updates; nothing is built. Runs in the web process.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup

from rogatory.shown import shown
from rogatory.users import User
from web.auth import CSRF_FIELD, Principal
from web.dependencies import directory_of
from web.error_words import REFUSAL_TEXTS, refusal
from web.languages import INTERFACE_LANGUAGES, N_, SOURCE_LANGUAGE, Translator, negotiate, translator
from web.service_state import state_notice
from web.words import label, language_name, role_name, state_name, template_words

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _neutral(value: Any) -> Any:
    """Every value a page shows, with bidirectional controls made visible (:mod:`rogatory.shown`)."""
    if isinstance(value, Markup):
        return Markup(shown(str(value)))  # noqa: S704 - already escaped; only bidi controls are replaced
    return shown(value) if isinstance(value, str) else value


@lru_cache(maxsize=len(INTERFACE_LANGUAGES))
def _environment(language: str) -> Environment:
    """The templates of one interface language (Jinja's i18n extension on its catalogue)."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_neutral,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_translations(translator(language).translations, newstyle=True)  # type: ignore[attr-defined]
    environment.filters.update(_FILTERS)
    environment.globals.update(template_words())
    return environment


def _tr(context: Context) -> Translator:
    found: Translator = context["tr"]
    return found


@pass_context
def _when(context: Context, value: datetime | date | None) -> str:
    """A time in the deployment's zone, the zone shown; a date alone."""
    return _tr(context).when(value)


@pass_context
def _duration(context: Context, hours: float | None) -> str:
    """A time span for people: seconds, minutes, hours or days."""
    tr = _tr(context)
    if hours is None:
        return "—"
    seconds = hours * 3600
    if seconds < 90:
        return tr.gettext("%(n)s s", n=tr.number(seconds))
    if seconds < 5400:
        return tr.gettext("%(n)s min", n=tr.number(seconds / 60))
    if hours < 48:
        return tr.gettext("%(n)s h", n=tr.number(hours, digits=1))
    return tr.gettext("%(n)s days", n=tr.number(hours / 24, digits=1))


@pass_context
def _label(context: Context, identifier: object) -> str:
    return label(identifier, _tr(context))


@pass_context
def _language_name(context: Context, code: str | None) -> str:
    return language_name(code, _tr(context))


@pass_context
def _state_name(context: Context, code: str | None) -> str:
    return state_name(code, _tr(context))


@pass_context
def _role_name(context: Context, role: object) -> str:
    return role_name(role, _tr(context))


@pass_context
def _number(context: Context, value: float, digits: int = 0) -> str:
    return _tr(context).number(value, digits=digits)


@pass_context
def _percent(context: Context, fraction: float) -> str:
    return _tr(context).percent(fraction)


@pass_context
def _refusal(context: Context, reason: str, code: str | None) -> tuple[str, str]:
    """(why a file was refused in the reader's language, the intake's English reason or "")."""
    return refusal(code, reason, _tr(context))


_FILTERS = {
    "when": _when,
    "when_zone": _when,
    "duration": _duration,
    "label": _label,
    "language_name": _language_name,
    "state_name": _state_name,
    "role_name": _role_name,
    "number": _number,
    "percent": _percent,
    "refusal": _refusal,
}


def navigation(user: User) -> list[tuple[str, str]]:
    """The menu of a user's role: (path, title)."""
    if not user.role.sees_registry:
        return [("/queue", N_("My queue")), ("/deadlines", N_("Deadlines")), ("/search", N_("Search"))]
    items = [("/", N_("Registry")), ("/upload", N_("Upload")), ("/review", N_("Review"))]
    items += [("/deadlines", N_("Deadlines")), ("/search", N_("Search")), ("/statistics", N_("Statistics"))]
    if user.role.registers:
        items.append(("/refused", N_("Refused files")))
    if user.role.administers:
        items.append(("/admin/users", N_("Administration")))
    elif user.role.reviews:
        items.append(("/admin/authorities", N_("Administration")))
    return items


def render(
    request: Request, template: str, principal: Principal | None, status: int = 200, **context: Any
) -> HTMLResponse:
    """Render ``template`` in the request's language with the signed-in user, the menu and the CSRF token."""
    directory = directory_of(request.app)
    tr = request_translator(request, principal)
    values = {
        "request": request,
        "tr": tr,
        "languages": INTERFACE_LANGUAGES,
        "user": principal.user if principal else None,
        "csrf_token": principal.csrf_token if principal else "",
        "csrf_field": CSRF_FIELD,
        "menu": navigation(principal.user) if principal else [],
        "path": request.url.path,
        "authority_names": {a.id: a.name for a in directory.authorities.values()} if directory else {},
        "service_state": _service_state(request, principal, tr),
        "script_words": script_words(tr),
        **context,
    }
    html = _environment(tr.language).get_template(template).render(values)
    headers = {
        "Cache-Control": "no-store",
        "Content-Language": tr.language,
        "Vary": "Accept-Language, Cookie",
    }
    return HTMLResponse(html, status_code=status, headers=headers)


_SCRIPT_WORDS = {
    "sending": N_("Sending {name}"),
    "waiting": N_("waiting…"),
    "too_large": N_("too large: not sent"),
    "too_large_named": N_("too large: not sent ({names})"),
    "with_annexes": N_("with {annexes} annexed file(s)"),
    "with_annexes_refused": N_("with {annexes} annexed file(s), {refused} refused"),
    "nothing_sent": N_("nothing was sent"),
    "upload_failed": N_("upload failed ({status})"),
    "registered_as": N_("Registered as"),
    "already_registered_as": N_("Already registered as"),
    "refused": N_("Refused: {reason}"),
    "unknown_reason": N_("unknown reason"),
    "network_error": N_("network error: not uploaded"),
}


def script_words(tr: Translator) -> dict[str, str]:
    """The words static/rogatory.js shows, in the page's language (``{name}`` filled by the script).

    Outside English, what each refusal code means (``refusal_<code>``), said before the
    intake's English reason as the refused files page says it; in English the reason alone.
    """
    words = {key: tr.gettext(message) for key, message in _SCRIPT_WORDS.items()}
    if tr.language != SOURCE_LANGUAGE:
        words |= {f"refusal_{code}": tr.gettext(text) for code, text in REFUSAL_TEXTS.items()}
    return words


def request_translator(request: Request, principal: Principal | None = None) -> Translator:
    """The request's language: the user's setting, else ``Accept-Language``, else the deployment's."""
    if principal is None:
        principal = getattr(request.state, "principal", None)
    context = getattr(getattr(request.app, "state", None), "context", None)
    default, zone = ("en", "UTC")
    if context is not None:
        default, zone = context.settings.interface_language, context.settings.time_zone
    preference = principal.user.language if principal else None
    language = negotiate(preference, request.headers.get("accept-language"), default)
    return translator(language, zone)


def _service_state(request: Request, principal: Principal | None, tr: Translator) -> str:
    """The service's state for the central authority's staff (web/service_state.py)."""
    context = getattr(getattr(request.app, "state", None), "context", None)
    if principal is None or context is None or not principal.user.role.sees_registry:
        return ""
    return state_notice(context.db, context.settings, tr)


def render_error(
    request: Request, status: int, title: str, detail: str, *, technical: str = ""
) -> HTMLResponse:
    """An error page (with the menu when the caller is signed in); ``title`` is a msgid."""
    principal: Principal | None = getattr(request.state, "principal", None)
    values = {"title": title, "detail": detail, "technical": technical}
    return render(request, "error.html", principal, status=status, **values)
