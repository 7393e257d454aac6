"""What the page says after a confirmation or a reassignment: the notices that will really go out.

A delivery exists only for an authority with an e-mail address while e-mail is on
(``smtp_host`` set) or for the webhook (``webhook_url``); the targets are the
worker's own (:func:`workers.delivery.delivery_targets`), so the page never promises a
notice that no one sends. Runs in the web process.
"""

from __future__ import annotations

from collections.abc import Mapping

from rogatory.directory import Directory
from rogatory.review import Channel
from rogatory.settings import Settings
from web.languages import N_, Translator
from workers.delivery import delivery_targets

_DONE = {"confirmed": N_("Routing confirmed."), "reassigned": N_("Request reassigned.")}


def delivery_plan(
    route_to: str, notify: tuple[str, ...], directory: Directory, settings: Settings
) -> list[tuple[str, str]]:
    """The notices a routed request gets: (authority id, ``"e-mail"`` or ``"webhook"``)."""
    return [
        (target.authority, N_("e-mail") if target.channel is Channel.EMAIL else N_("webhook"))
        for target in delivery_targets(route_to, notify, directory, settings)
    ]


def done_notice(
    done: str,
    plan: list[tuple[str, str]],
    settings: Settings,
    authority_names: Mapping[str, str],
    tr: Translator,
) -> str:
    """The sentence after an action: which notices are being sent, or that none is, and why."""
    if done == "letter":
        return tr.gettext("Letter saved.")
    head = tr.gettext(_DONE[done]) if done in _DONE else ""
    if not head:
        return ""
    if plan:
        sent = [
            tr.gettext(
                "%(authority)s by %(channel)s",
                authority=authority_names.get(authority, authority),
                channel=tr.gettext(channel),
            )
            for authority, channel in plan
        ]
        notices = tr.gettext(
            "Notices are being sent: %(sent)s (see Administration → Deliveries).", sent="; ".join(sent)
        )
        return f"{head} {notices}"
    why = (
        tr.gettext("No notice is sent: e-mail is off (no smtp_host is set) and no webhook_url is set.")
        if not settings.email_enabled
        else tr.gettext(
            "No notice is sent: the authorities have no e-mail address in the directory "
            "and no webhook_url is set."
        )
    )
    queue = tr.gettext("The authority sees the request in its queue in Rogatory.")
    return f"{head} {why} {queue}"


def deliveries_banner(settings: Settings, tr: Translator) -> str:
    """What the deliveries page says about the channels that are off (empty when both are on)."""
    if settings.email_enabled and settings.webhook_url:
        return ""
    if settings.email_enabled:
        return tr.gettext("No webhook is set (webhook_url): notices go by e-mail only.")
    if settings.webhook_url:
        return tr.gettext("E-mail is off (no smtp_host is set): notices go by webhook only, none by e-mail.")
    return tr.gettext(
        "E-mail is off (no smtp_host is set) and no webhook is set (webhook_url): no notice is "
        "sent to the authorities; they see their requests in their queue in Rogatory."
    )
