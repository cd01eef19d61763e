"""Where the service may connect: the guard on feed, article and webhook requests.

Feed URLs and webhook URLs come from key holders, and the links inside a feed come from
whoever writes the feed: untrusted. Without a guard, a feed item linking to
``http://169.254.169.254/...`` or ``http://localhost:5432/`` would have the service fetch an
internal address and store the answer as a report anyone can read (server-side request
forgery). Every outgoing request, redirects included, therefore passes :func:`check_request`:
only ``http``/``https`` on a host whose every resolved address is public. Operators whose feeds
or receivers live on their own network set ``GEOEVENTS_OUTBOUND_ALLOW_PRIVATE=true``.

The check resolves the name, then httpx resolves it again to connect; a DNS server that answers
differently the second time (DNS rebinding) is not stopped by this guard. Keep the service
behind an egress firewall where that matters (SECURITY.md).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import httpx

SCHEMES = frozenset({"http", "https"})
SETTING = "GEOEVENTS_OUTBOUND_ALLOW_PRIVATE"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


class OutboundRefused(httpx.RequestError):
    """A request the outbound policy does not allow (seen by callers as a failed request)."""


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def refusal(url: httpx.URL, resolver: Resolver = resolve) -> str | None:
    """Why a request to ``url`` is refused, or None when it may go."""
    if url.scheme not in SCHEMES:
        return f"scheme {url.scheme!r} is not http or https"
    host = url.host
    if not host:
        return "the URL has no host"
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = resolver(host, port)
        except OSError as exc:
            return f"{host} does not resolve ({exc})"
    for text in addresses:
        if not is_public(ipaddress.ip_address(text.split("%", 1)[0])):
            return (
                f"{host} is a private, loopback or reserved address ({text}); "
                f"set {SETTING}=true to allow it"
            )
    return None


def check_request(resolver: Resolver = resolve) -> Callable[[httpx.Request], None]:
    """An httpx request hook that raises :class:`OutboundRefused` for a refused request."""

    def hook(request: httpx.Request) -> None:
        reason = refusal(request.url, resolver)
        if reason is not None:
            raise OutboundRefused(f"refused: {reason}", request=request)

    return hook


def outbound_client(timeout: float, allow_private: bool = False) -> httpx.Client:
    """The HTTP client for feeds, articles and webhooks, guarded unless ``allow_private``."""
    hooks = {} if allow_private else {"request": [check_request()]}
    return httpx.Client(timeout=timeout, event_hooks=hooks)
