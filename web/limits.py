"""Limits on one HTTP request: the size of its body and the time it may take.

An ASGI middleware in front of the whole app (outermost but the host check, see
:func:`web.app.create_app`). The upload limit used to be applied by the endpoint,
after Starlette's form parser had spooled the whole body to a temporary file: a
1 GiB upload was refused after 9.4 s and 1,025 MB written. Now:

* a body whose announced ``Content-Length`` is over the limit is refused (413) before
  a byte of it is read;
* a body without a length (chunked) or longer than it said is counted as it arrives,
  and the request is answered 413 as soon as it passes the limit: what the app has
  read so far is all that ever reaches it (the form parser sees the body end);
* a request that takes longer than ``request_timeout_seconds`` (an upload:
  ``upload_timeout_seconds``) is answered 503 (the work of a synchronous route may go
  on in its thread, but its client is freed).

Uploads (``POST /api/requests``) may be ``max_upload_bytes`` long, every other body
``max_form_bytes``: a form or a JSON body has no reason to be large.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger(__name__)

#: The routes that take files.
UPLOAD_PATHS = frozenset({"/api/requests"})


@dataclass(frozen=True)
class RequestLimits:
    """The limits of one request, from the settings."""

    max_upload_bytes: int
    max_form_bytes: int
    timeout_seconds: float
    upload_timeout_seconds: float

    def body_limit(self, method: str, path: str) -> int:
        return self.max_upload_bytes if _is_upload(method, path) else self.max_form_bytes

    def time_limit(self, method: str, path: str) -> float:
        return self.upload_timeout_seconds if _is_upload(method, path) else self.timeout_seconds


def _is_upload(method: str, path: str) -> bool:
    return method == "POST" and path.rstrip("/") in UPLOAD_PATHS


class BodyTooLargeError(Exception):
    """Raised to the app's ``receive`` when the body passed its limit."""


class LimitRequests:
    """The ASGI middleware applying :class:`RequestLimits` to every HTTP request."""

    def __init__(self, app: ASGIApp, *, limits: RequestLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.body_limit(scope["method"], scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            logger.info(
                "refused %s %s: announced %d bytes, limit %d", scope["method"], scope["path"], declared, limit
            )
            await _too_large(send, limit)
            return
        request = _Guarded(receive, send, limit)
        seconds = self.limits.time_limit(scope["method"], scope["path"])
        try:
            await asyncio.wait_for(self.app(scope, request.receive, request.send), seconds)
        except TimeoutError:
            logger.warning("%s %s took over %.0f s: answered 503", scope["method"], scope["path"], seconds)
            if not request.started:
                await _answer(send, 503, "timeout", "the request took too long; try again or narrow it")
            return
        except BodyTooLargeError:
            pass
        if request.exceeded and not request.started:
            await _too_large(send, limit)


class _Guarded:
    """``receive`` counting the body, ``send`` held back once the body passed its limit."""

    def __init__(self, receive: Receive, send: Send, limit: int) -> None:
        self._receive = receive
        self._send = send
        self.limit = limit
        self.received = 0
        self.exceeded = False
        self.started = False

    async def receive(self) -> Message:
        if self.exceeded:
            raise BodyTooLargeError
        message = await self._receive()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limit:
                self.exceeded = True
                logger.info(
                    "stopped reading a body at %d bytes, over its limit of %d", self.received, self.limit
                )
                raise BodyTooLargeError
        return message

    async def send(self, message: Message) -> None:
        if self.exceeded and not self.started:
            return  # the 413 is sent instead of whatever the app made of the cut body
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(send: Send, limit: int) -> None:
    await _answer(
        send,
        413,
        "too_large",
        f"the request is larger than {limit / 1_000_000:,.1f} MB; split the upload into several files",
    )


async def _answer(send: Send, status: int, code: str, detail: str) -> None:
    body = json.dumps({"error": code, "detail": detail}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
