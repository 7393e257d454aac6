"""Delivery: tell the executing authority and each notified authority that a request is routed.

An e-mail through the SMTP settings (off while no ``smtp_host`` is set) and, when a
``webhook_url`` is set, a signed JSON POST. Each (authority, channel) is a row of the
deliveries table; one call of :func:`deliver_request` attempts every row not yet sent
or given up, and the Celery task retries while some are ``retrying`` (up to
``delivery_max_attempts``). The e-mail is in the authority's language (the directory's
``language``, else ``interface_language``), worded by the ``wording`` the worker's
bootstrap gives (the interface's catalogues). Runs in the workers; may raise ``TransientError``.
"""

from __future__ import annotations

import logging
import smtplib
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage

from classify.directory import Directory
from rogatory.errors import TransientError
from rogatory.review import Channel, Delivery, DeliveryStatus
from rogatory.settings import Settings
from storage.database import Database
from storage.deliveries import Target, list_deliveries, plan_deliveries, record_attempt
from storage.objects import ObjectStore
from storage.registry import get_request
from storage.review import current_routing
from workers.notice import (
    SIGNATURE_HEADER,
    Notice,
    NoticeWording,
    WordingFor,
    email_subject,
    email_text,
    notice_for,
    sign,
    webhook_body,
)

log = logging.getLogger(__name__)

Sender = Callable[[Delivery, Notice], None]
"""Sends one delivery; raises ``OSError``/``smtplib.SMTPException``/``DeliveryError`` on failure."""


class DeliveryError(Exception):
    """The receiver answered, but refused the notice (an HTTP error status)."""


def delivery_targets(
    route_to: str, notify: tuple[str, ...], directory: Directory, settings: Settings
) -> list[Target]:
    """Whom to tell over which channel: e-mail where the authority has an address, webhook if set."""
    targets: list[Target] = []
    roles = [(route_to, "execute")] + [(authority, "notify") for authority in notify if authority != route_to]
    for authority_id, role in roles:
        authority = directory.authorities.get(authority_id)
        if settings.email_enabled and authority is not None and authority.email:
            targets.append(Target(authority_id, role, Channel.EMAIL, authority.email))
        if settings.webhook_url:
            targets.append(Target(authority_id, role, Channel.WEBHOOK, settings.webhook_url))
    return targets


def deliver_request(
    number: str,
    *,
    db: Database,
    store: ObjectStore,
    directory: Directory,
    settings: Settings,
    wording: WordingFor,
) -> list[Delivery]:
    """Plan and attempt the deliveries of a routed request; nothing while it awaits review.

    Returns every delivery of the request after this round. Raises ``NotFoundError``.
    """
    routing = current_routing(db, number)
    view = get_request(db, number)
    if routing is None or view.analysis is None:
        return []
    route_to, needs_review = routing
    if needs_review:
        return list_deliveries(db, number=number)
    analysis = view.analysis
    plan_deliveries(db, number, delivery_targets(route_to, analysis.routing.notify, directory, settings))
    send = _sender(settings, store, view.registration.sha256, view.registration.media_type, wording)
    for delivery in list_deliveries(db, number=number):
        if delivery.status in (DeliveryStatus.SENT, DeliveryStatus.FAILED):
            continue
        authority = directory.authorities.get(delivery.authority)
        notice = notice_for(
            number,
            analysis,
            role=delivery.role,
            authority=delivery.authority,
            authority_name=authority.name if authority else delivery.authority,
            public_url=settings.public_url,
            language=(authority.language if authority else "") or settings.interface_language,
        )
        error: str | None = None
        try:
            send(delivery, notice)
        except (OSError, smtplib.SMTPException, DeliveryError) as failure:
            error = f"{type(failure).__name__}: {failure}"
            log.warning("delivery %d of %s failed: %s", delivery.id, number, error)
        record_attempt(db, delivery.id, error=error, max_attempts=settings.delivery_max_attempts)
    return list_deliveries(db, number=number)


def raise_if_retrying(deliveries: list[Delivery]) -> None:
    """Raises ``TransientError`` when some delivery is waiting for another attempt."""
    waiting = [d for d in deliveries if d.status in (DeliveryStatus.RETRYING, DeliveryStatus.PENDING)]
    if waiting:
        raise TransientError(
            f"{len(waiting)} deliveries to retry: " + "; ".join(f"{d.authority}/{d.channel}" for d in waiting)
        )


def _sender(
    settings: Settings, store: ObjectStore, sha256: str, media_type: str, wording: WordingFor
) -> Sender:
    def send(delivery: Delivery, notice: Notice) -> None:
        if delivery.channel == Channel.EMAIL:
            attachment = store.get(sha256) if settings.smtp_attach_original else None
            send_email(
                settings,
                delivery.target,
                notice,
                wording(notice.language),
                attachment=attachment,
                media_type=media_type,
            )
        else:
            post_webhook(
                delivery.target, notice, secret=settings.webhook_secret, timeout=settings.smtp_timeout_seconds
            )

    return send


def send_email(
    settings: Settings,
    to: str,
    notice: Notice,
    tr: NoticeWording,
    *,
    attachment: bytes | None = None,
    media_type: str = "",
) -> None:
    """Send the notice by SMTP, worded by ``tr``. Raises ``OSError`` or ``smtplib.SMTPException``."""
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = email_subject(notice, tr)
    message.set_content(email_text(notice, tr))
    message["Content-Language"] = notice.language  # after set_content, which clears Content-* headers
    if attachment is not None:
        maintype, _, subtype = (media_type or "application/octet-stream").partition("/")
        message.add_attachment(attachment, maintype=maintype, subtype=subtype, filename=f"{notice.number}")
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds) as smtp:
        smtp.send_message(message)


def post_webhook(url: str, notice: Notice, *, secret: str, timeout: float) -> None:
    """POST the signed JSON body. Raises ``OSError`` (unreachable) or ``DeliveryError`` (non-2xx)."""
    body = webhook_body(notice, sent_at=datetime.now(UTC).isoformat())
    headers = {"Content-Type": "application/json"}
    if secret:
        headers[SIGNATURE_HEADER] = sign(body, secret)
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as error:
        raise DeliveryError(f"webhook answered HTTP {error.code}") from error
    if not 200 <= status < 300:
        raise DeliveryError(f"webhook answered HTTP {status}")
