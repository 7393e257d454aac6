"""Codes shown as words on the pages, in the reader's language: labels, languages, states, roles.

The registry keeps ISO codes (``fr``, ``GH``), taxonomy ids (``bank_records``) and UTC
times; a clerk reads "French" / "français", "Ghana" and "Relevés bancaires". Taxonomy
names are the English display names of :mod:`rogatory.taxonomy` translated by the
catalogues; language and state names come from CLDR (Babel) in the reader's language,
else pycountry's English name, else the code. Runs in the web process (Jinja filters of
:mod:`web.pages` and the sentences of :mod:`web.routing_words`).
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from rogatory.taxonomy import display_name
from web.languages import N_, Translator

ROLE_NAMES: dict[str, str] = {
    "admin": N_("Administrator"),
    "clerk": N_("Clerk"),
    "reviewer": N_("Reviewer"),
    "authority": N_("Executing authority"),
}
DELIVERY_STATES: dict[str, str] = {
    "all": N_("All"),
    "failed": N_("Failed"),
    "retrying": N_("Retrying"),
    "pending": N_("Pending"),
    "sent": N_("Sent"),
}
CHANNEL_NAMES: dict[str, str] = {"email": N_("e-mail"), "webhook": N_("webhook")}


def label(identifier: object, tr: Translator) -> str:
    """A taxonomy id or status as its display name in the reader's language, else the id."""
    return tr.gettext(display_name(identifier))


def role_name(role: object, tr: Translator) -> str:
    """``reviewer`` -> ``Reviewer`` / ``Réviseur``."""
    code = str(getattr(role, "value", role))
    return tr.gettext(ROLE_NAMES[code]) if code in ROLE_NAMES else code


def language_name(code: str | None, tr: Translator) -> str:
    """``fr`` -> ``French`` / ``français``; ``—`` for none, the code when unknown."""
    if not code:
        return "—"
    return tr.language_name(code) or _iso_language(code) or code


def state_name(code: str | None, tr: Translator) -> str:
    """``GH`` -> ``Ghana``; ``—`` for none, the code when unknown."""
    if not code:
        return "—"
    return tr.territory_name(code) or _iso_country(code.upper()) or code


@lru_cache(maxsize=512)
def _iso_language(code: str) -> str | None:
    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    return str(found.name) if found else None


@lru_cache(maxsize=512)
def _iso_country(code: str) -> str | None:
    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if found is None:
        return None
    return str(getattr(found, "common_name", None) or found.name)


DELIVERY_ROLES: dict[str, str] = {"execute": N_("executes"), "notify": N_("notified")}
TOKEN_STATES: dict[str, str] = {"valid": N_("valid"), "expired": N_("expired"), "revoked": N_("revoked")}
SOURCES: dict[str, str] = {
    "watcher": N_("the inbox folder"),
    "upload": N_("upload"),
    "cli": N_("the command line"),
}
# What ``attributes["role"]`` of a date says (extract/dates.py ROLES); persons' roles are quoted text.
ENTITY_ROLES: dict[str, str] = {
    "deadline": N_("deadline"),
    "hearing": N_("hearing"),
    "limitation": N_("limitation period"),
    "detention": N_("detention"),
    "birth": N_("birth"),
    "decision": N_("decision"),
}
# The audit log's actions (storage/, workers/, web/ write them) as a request's history and the
# audit log page show them; a code not listed is shown as it is.
HISTORY_ACTIONS: dict[str, str] = {
    "register": N_("Registered"),
    "upload": N_("Uploaded"),
    "duplicate": N_("Received again"),
    "reject": N_("Refused"),
    "analysis": N_("Analysed"),
    "analysis_failed": N_("Analysis failed"),
    "status": N_("Status changed"),
    "reprocess": N_("Analysed again"),
    "review_confirm": N_("Routing confirmed"),
    "review_reassign": N_("Reassigned"),
    "confirm": N_("Routing confirmed"),
    "reassign": N_("Reassigned"),
    "view": N_("Viewed"),
    "delivery": N_("Notice sent"),
    "download": N_("Downloaded"),
    "draft_edit": N_("Letter edited"),
    "restore": N_("Restored from a backup"),
    "mail": N_("Received by e-mail"),
    "reply": N_("Reply sent"),
    "sign_in": N_("Signed in"),
    "sign_out": N_("Signed out"),
    "sign_in_failed": N_("Sign-in failed"),
    "sign_in_locked": N_("Sign-in locked"),
    "sign_in_unlock": N_("Sign-in unlocked"),
    "user": N_("User changed"),
    "api_token": N_("API token issued"),
    "api_token_revoked": N_("API token revoked"),
    "access_revoked": N_("Access revoked"),
    "refused_retry": N_("Refused file put back in the inbox"),
    "refused_discard": N_("Refused file discarded"),
    "export_statistics": N_("Statistics exported"),
}


def template_words() -> dict[str, dict[str, str]]:
    """The tables the templates look codes up in (their values are msgids, translated there)."""
    return {
        "delivery_states": DELIVERY_STATES,
        "delivery_roles": DELIVERY_ROLES,
        "channel_names": CHANNEL_NAMES,
        "token_states": TOKEN_STATES,
        "sources": SOURCES,
        "entity_roles": ENTITY_ROLES,
        "history_actions": HISTORY_ACTIONS,
    }
