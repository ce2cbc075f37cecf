"""A careful HTTP client for article URLs.

Fetching a URL a user (or a feed) hands us must not become a way into the machine's
own network: every hop of a redirect chain is resolved with DNS and refused when any
address is loopback, private, link-local (cloud metadata lives there), multicast,
reserved or unspecified, unless the caller passes `allow_private=True`. The same check
runs again when the connection is opened, against the very address connected to, so a
host whose DNS answer changes between the check and the connection (DNS rebinding)
gains nothing. Redirects are followed by hand so each hop is checked; bodies are
streamed and cut at a size cap; timeouts are short. Every failure is an `IngestError`
with a one-line message.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import certifi
import httpcore
import httpx

from seasoncast.errors import UserError

MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
USER_AGENT = "seasoncast/0.1 (+https://github.com/seasoncast)"
_METADATA_HOSTS = {"metadata.google.internal", "metadata", "instance-data"}


class IngestError(UserError):
    """A document could not be fetched or read."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL after redirects
    status: int
    content_type: str
    body: bytes
    encoding: str | None


def _addresses(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as e:
        raise IngestError(f"cannot resolve host {host!r}: {e}") from None
    return sorted({info[4][0] for info in infos})


def _is_forbidden(addr: str) -> bool:
    ip = ipaddress.ip_address(addr.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
            or ip.is_reserved or ip.is_unspecified or not ip.is_global)


class PublicOnlyBackend(httpcore.SyncBackend):
    """Opens TCP connections only to public addresses: resolves the host itself, checks
    the address, and connects to that address (TLS still verifies the host name)."""

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable | None = None) -> httpcore.NetworkStream:
        try:
            addresses = _addresses(host, port)
        except IngestError as e:
            raise httpcore.ConnectError(str(e)) from None
        for addr in addresses:
            if _is_forbidden(addr):
                raise httpcore.ConnectError(f"refusing to connect to {host!r}: it now "
                                            f"resolves to non-public address {addr}")
        return super().connect_tcp(addresses[0], port, timeout, local_address,
                                   socket_options)


class PublicOnlyTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool on `PublicOnlyBackend`."""

    def __init__(self) -> None:
        super().__init__()
        context = ssl.create_default_context(cafile=certifi.where())
        self._pool = httpcore.ConnectionPool(ssl_context=context,
                                             network_backend=PublicOnlyBackend())


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise IngestError unless `url` is an http(s) URL whose host resolves only to
    public addresses (or `allow_private`)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise IngestError(f"only http and https URLs can be fetched, not {url!r}")
    host = parts.hostname
    if not host:
        raise IngestError(f"URL has no host: {url!r}")
    if parts.username or parts.password:
        raise IngestError("URLs with credentials are refused")
    if allow_private:
        return
    if host.lower().rstrip(".") in _METADATA_HOSTS or host.lower().endswith(".internal"):
        raise IngestError(f"refusing to fetch metadata host {host!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise IngestError(f"bad port in {url!r}") from None
    for addr in _addresses(host, port):
        if _is_forbidden(addr):
            raise IngestError(
                f"refusing to fetch {host!r}: it resolves to non-public address {addr} "
                "(private addresses are fetched only when explicitly allowed: --allow-private "
                "on the command line, SEASONCAST_ALLOW_PRIVATE_URLS=1 for the web app)")


def fetch(url: str, *, allow_private: bool = False, max_bytes: int = MAX_BYTES,
          client: httpx.Client | None = None) -> Fetched:
    """GET `url` with redirects followed by hand, each hop re-checked."""
    own = client is None
    client = client or httpx.Client(
        timeout=TIMEOUT, follow_redirects=False, headers={"User-Agent": USER_AGENT},
        transport=None if allow_private else PublicOnlyTransport())
    try:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, allow_private)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise IngestError(f"redirect without Location from {current}")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise IngestError(f"HTTP {resp.status_code} from {current}")
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise IngestError(f"{current} is larger than {max_bytes} bytes")
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise IngestError(f"{current} is larger than {max_bytes} bytes")
                        chunks.append(chunk)
                    return Fetched(str(resp.url), resp.status_code,
                                   resp.headers.get("content-type", ""), b"".join(chunks),
                                   resp.charset_encoding)
            except httpx.TimeoutException:
                raise IngestError(f"timed out fetching {current}") from None
            except httpx.HTTPError as e:
                raise IngestError(f"cannot fetch {current}: {e}") from None
        raise IngestError(f"too many redirects starting at {url}")
    finally:
        if own:
            client.close()
