"""Server-rendered pages: the Jinja2 environment, the navigation, and how a page is rendered.

Autoescaping is on for every template, so text that came from a document (OCR can
produce anything, ``<script>`` included) is always shown as text. Pages are plain
HTML with a small script (``static/rogatory.js``) for uploads with progress bars and
live status updates; nothing is built. Runs in the web process.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from rogatory.shown import shown
from rogatory.taxonomy import display_name
from rogatory.users import User
from web.auth import CSRF_FIELD, Principal
from web.dependencies import directory_of
from web.service_state import state_notice
from web.words import language_name, state_name, when_with_zone

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _neutral(value: Any) -> Any:
    """Every value a page shows, with bidirectional controls made visible (:mod:`rogatory.shown`)."""
    if isinstance(value, Markup):
        return Markup(shown(str(value)))  # noqa: S704 - already escaped; only bidi controls are replaced
    return shown(value) if isinstance(value, str) else value


_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=_neutral,
)


def _when(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _duration(hours: float | None) -> str:
    """A time span for people: seconds, minutes, hours or days."""
    if hours is None:
        return "—"
    seconds = hours * 3600
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"


_ENVIRONMENT.filters["when"] = _when
_ENVIRONMENT.filters["duration"] = _duration
_ENVIRONMENT.filters["label"] = display_name
_ENVIRONMENT.filters["when_zone"] = when_with_zone
_ENVIRONMENT.filters["language_name"] = language_name
_ENVIRONMENT.filters["state_name"] = state_name


def _identity(message: str, **values: object) -> str:
    return message % values if values else message


def _plural(singular: str, plural: str, count: int, **values: object) -> str:
    return _identity(singular if count == 1 else plural, count=count, **values)


# Until the message catalogues (i18n) are installed, `_` and `ngettext` give the English text;
# the catalogues replace these two globals (templates mark their strings as {{ _("...") }}).
_ENVIRONMENT.globals.setdefault("_", _identity)
_ENVIRONMENT.globals.setdefault("ngettext", _plural)


def navigation(user: User) -> list[tuple[str, str]]:
    """The menu of a user's role: (path, title)."""
    if not user.role.sees_registry:
        return [("/queue", "My queue"), ("/deadlines", "Deadlines"), ("/search", "Search")]
    items = [("/", "Registry"), ("/upload", "Upload"), ("/review", "Review"), ("/deadlines", "Deadlines")]
    items += [("/search", "Search"), ("/statistics", "Statistics")]
    if user.role.registers:
        items.append(("/refused", "Refused files"))
    if user.role.administers:
        items.append(("/admin/users", "Administration"))
    elif user.role.reviews:
        items.append(("/admin/authorities", "Administration"))
    return items


def render(
    request: Request, template: str, principal: Principal | None, status: int = 200, **context: Any
) -> HTMLResponse:
    """Render ``template`` with the signed-in user, the menu and the CSRF token."""
    directory = directory_of(request.app)
    values = {
        "request": request,
        "user": principal.user if principal else None,
        "csrf_token": principal.csrf_token if principal else "",
        "csrf_field": CSRF_FIELD,
        "menu": navigation(principal.user) if principal else [],
        "path": request.url.path,
        "authority_names": {a.id: a.name for a in directory.authorities.values()} if directory else {},
        "service_state": _service_state(request, principal),
        **context,
    }
    html = _ENVIRONMENT.get_template(template).render(values)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def _service_state(request: Request, principal: Principal | None) -> str:
    """The service's state for the central authority's staff (web/service_state.py)."""
    context = getattr(getattr(request.app, "state", None), "context", None)
    if principal is None or context is None or not principal.user.role.sees_registry:
        return ""
    return state_notice(context.db, context.settings)


def render_error(request: Request, status: int, title: str, detail: str) -> HTMLResponse:
    """An error page (with the menu when the caller is signed in)."""
    principal: Principal | None = getattr(request.state, "principal", None)
    return render(request, "error.html", principal, status=status, title=title, detail=detail)
