"""uvicorn's HTTP/1.1 protocol (h11) with time limits on slow clients.

uvicorn times out an idle keep-alive connection only after a response: a client that
connects and then sends its request head a byte at a time, or a body a byte every few
seconds, holds a connection (and a file descriptor, and the body's buffer) for as
long as it likes. :func:`timed_protocol` makes a protocol class that closes the
connection when

* the request head is not complete ``header_seconds`` after the connection was made
  (or, on a kept-alive connection, after its first byte), or
* a body that is under way sends nothing for ``idle_seconds`` (while the app itself
  is reading it; a pause of ours, uvicorn's flow control, does not count).

A request that is complete is the app's to answer (its time: :mod:`web.limits`).
Runs in the web process, on uvicorn's event loop.
"""

from __future__ import annotations

import asyncio
import logging

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

logger = logging.getLogger(__name__)


class TimedH11Protocol(H11Protocol):
    """:class:`H11Protocol` closing the connections of clients too slow to send their request."""

    header_seconds: float = 10.0
    idle_seconds: float = 30.0
    _head_timer: asyncio.TimerHandle | None = None
    _idle_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer = self.loop.call_later(self.header_seconds, self._too_slow, "its request head")

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._rearm()

    def on_response_complete(self) -> None:
        self._cancel()
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)

    def _rearm(self) -> None:
        state = self.conn.their_state
        if state is h11.SEND_BODY:  # the head is in, the body under way
            self._cancel_head()
            self._cancel_idle()
            self._idle_timer = self.loop.call_later(self.idle_seconds, self._idle)
        elif state is h11.IDLE and self.conn.trailing_data[0]:  # a head begun
            if self._head_timer is None:
                self._head_timer = self.loop.call_later(
                    self.header_seconds, self._too_slow, "its request head"
                )
        else:  # the request is whole (or the connection done): the app's to answer
            self._cancel()

    def _idle(self) -> None:
        self._idle_timer = None
        if self.flow.read_paused:  # we stopped reading, not the client
            self._idle_timer = self.loop.call_later(self.idle_seconds, self._idle)
            return
        self._too_slow(f"any of its body for {self.idle_seconds:.0f} s")

    def _too_slow(self, what: str) -> None:
        self._head_timer = None
        if self.transport.is_closing():
            return
        client = f"{self.client[0]}:{self.client[1]}" if self.client else "a client"
        logger.warning("closed the connection of %s: it did not send %s in time", client, what)
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        self.transport.close()

    def _cancel_head(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _cancel_idle(self) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None

    def _cancel(self) -> None:
        self._cancel_head()
        self._cancel_idle()


def timed_protocol(*, header_seconds: float, idle_seconds: float) -> type[TimedH11Protocol]:
    """A :class:`TimedH11Protocol` class with these limits, for ``uvicorn.Config(http=...)``."""
    return type(
        "ConfiguredH11Protocol",
        (TimedH11Protocol,),
        {"header_seconds": header_seconds, "idle_seconds": idle_seconds},
    )
