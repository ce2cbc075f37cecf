"""Request-level protections and logging, as plain ASGI middleware.

- `BodyLimit`: request bodies over the limit get 413 before any handler reads them;
- `RequestLog`: one JSON line per request on stderr (method, path, status, ms, client);
- `SecurityHeaders`: a strict Content-Security-Policy (no scripts at all) and friends;
- `RateLimiter`: a sliding-window counter per client, for the ingest endpoints;
- `token_ok`: constant-time comparison of the configured write token.
"""

from __future__ import annotations

import hmac
import json
import sys
import threading
import time
from collections import deque
from datetime import UTC, datetime

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def _is_api(path: str) -> bool:
    return path.startswith("/api/")


async def _send_error(send, status: int, message: str, api: bool) -> None:
    if api:
        body = json.dumps({"error": message}).encode()
        ctype = b"application/json"
    else:
        from html import escape

        body = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                f"<title>{status}</title></head><body><main><h1>{status}</h1>"
                f"<p>{escape(message)}</p></main></body></html>").encode()
        ctype = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies larger than `max_bytes` with 413 (declared or streamed)."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        api = _is_api(scope["path"])
        too_big = f"request body larger than {self.max_bytes} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await _send_error(send, 400, "bad Content-Length", api)
                if declared > self.max_bytes:
                    return await _send_error(send, 413, too_big, api)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await _send_error(send, 413, too_big, api)
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)


class RequestLog:
    """One structured JSON line per request, to stderr."""

    def __init__(self, app, stream=None):
        self.app = app
        self.stream = stream

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start = time.perf_counter()
        status = [500]
        size = [0]

        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            elif message["type"] == "http.response.body":
                size[0] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            client = scope.get("client")
            line = json.dumps({
                "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
                "level": "info" if status[0] < 500 else "error",
                "event": "request", "method": scope["method"], "path": scope["path"],
                "query": scope.get("query_string", b"").decode("latin-1")[:300],
                "status": status[0], "bytes": size[0],
                "ms": round((time.perf_counter() - start) * 1000, 2),
                "client": client[0] if client else None,
            })
            stream = self.stream or sys.stderr
            try:
                stream.write(line + "\n")
                stream.flush()
            except (OSError, ValueError):
                pass


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        docs = scope["path"] in ("/docs", "/redoc")

        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                extra = [(b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"same-origin"),
                         (b"x-frame-options", b"DENY")]
                if not docs:
                    extra.append((b"content-security-policy", CSP.encode()))
                headers += [(k, v) for k, v in extra if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        return await self.app(scope, receive, send_wrapper)


class RateLimiter:
    """At most `limit` hits per `window` seconds per client key (in memory, per worker)."""

    def __init__(self, limit: int, window: float):
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> float | None:
        """Record a hit; None if allowed, else seconds until the next one is."""
        now = time.monotonic()
        with self._lock:
            q = self._hits.setdefault(key, deque())
            while q and now - q[0] >= self.window:
                q.popleft()
            if len(q) >= self.limit:
                return self.window - (now - q[0])
            q.append(now)
            if len(self._hits) > 10_000:  # forget idle clients
                for k in [k for k, v in self._hits.items()
                          if not v or now - v[-1] >= self.window]:
                    del self._hits[k]
            return None


def token_ok(configured: str | None, given: str | None) -> bool:
    if not configured or not given:
        return False
    return hmac.compare_digest(configured.encode(), given.encode())


def bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


class HeadAsGet:
    """Answer HEAD like GET without the body (monitors and feed readers use it)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def send_wrapper(message):
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        return await self.app({**scope, "method": "GET"}, receive, send_wrapper)
