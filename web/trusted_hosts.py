"""Which Host names the app answers to, and whose forwarded headers it believes.

An ASGI middleware wrapped around the whole app (web/app.py). A request naming a Host
that is not one of the settings' ``host_names`` (localhost, 127.0.0.1, ::1, the host of
``public_url`` and ``allowed_hosts``) is refused with 400 before any route runs: a page
of another site whose name was made to resolve to this machine (DNS rebinding) can
neither sign in nor read anything. ``X-Forwarded-For`` and ``X-Forwarded-Proto`` are
believed only when the peer is one of ``trusted_proxies``; the client is then the
nearest address of the chain that is not a trusted proxy. From anyone else the headers
are ignored, so the address that the sign-in limits and the audit log see cannot be
forged. uvicorn's own handling of the headers is off (service/cli/service_commands.py).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
_SCHEMES = {"http": {"http": "http", "websocket": "ws"}, "https": {"http": "https", "websocket": "wss"}}


class TrustedHosts:
    """Refuse foreign Host names; take the client address from trusted proxies' headers only."""

    def __init__(self, app: ASGIApp, *, host_names: Iterable[str], proxies: Iterable[str]) -> None:
        self.app = app
        self.host_names = frozenset(name.lower() for name in host_names)
        self.proxies: tuple[Network, ...] = tuple(ipaddress.ip_network(net, strict=False) for net in proxies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        client = scope.get("client")
        if client and self._is_proxy(client[0]):
            scope = dict(scope)
            scope["client"] = (self._client_behind(client[0], headers.getlist("x-forwarded-for")), 0)
            scheme = headers.get("x-forwarded-proto", "").strip().lower()
            if scheme in _SCHEMES:
                scope["scheme"] = _SCHEMES[scheme][scope["type"]]
        if "*" not in self.host_names and host_name(headers.get("host", "")) not in self.host_names:
            refusal = JSONResponse(
                {"error": "bad_host", "detail": "this host name is not served here (see allowed_hosts)"},
                status_code=400,
            )
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _is_proxy(self, address: str) -> bool:
        try:
            parsed = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(parsed in network for network in self.proxies)

    def _client_behind(self, peer: str, forwarded: list[str]) -> str:
        """The nearest address of ``X-Forwarded-For`` (read from the right) that is no trusted proxy."""
        hops = [hop.strip() for header in forwarded for hop in header.split(",")]
        client = peer
        for hop in reversed(hops):
            try:
                ipaddress.ip_address(hop)
            except ValueError:
                break  # garbage in the chain: believe no address beyond the last good hop
            client = hop
            if not self._is_proxy(hop):
                break
        return client


def host_name(header: str) -> str:
    """The name of a Host header, lower case, without port or IPv6 brackets ("" if malformed)."""
    try:
        parts = urlsplit(f"//{header.strip()}")
        _ = parts.port  # raises ValueError for a port that is no number
    except ValueError:
        return ""
    return (parts.hostname or "").lower()
