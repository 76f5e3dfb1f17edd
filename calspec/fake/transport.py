"""httpx transports that hand each request straight to an ASGI app (the fake): no socket, no thread,
no port, so a client bound to a fresh fake costs nothing to start.

`FakeTransport` serves an `httpx.AsyncClient` (httpx's own `ASGITransport` underneath) and a plain
`httpx.Client`, which httpx has no ASGI transport for: for that one it runs the app on an event loop
of its own in the calling thread (one per thread, closed by `close()`), or, when that thread is
already running a loop (sync code called from an async test), on a loop in a short-lived helper
thread.

Both keep the client's read timeout as a socket would: an answer that takes longer (an injected
`delay` fault) raises `httpx.ReadTimeout`, so timeout handling is tested in-process too.

Needs httpx (the generated clients bring it); calspec itself doesn't depend on it.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import httpx
from anyio.from_thread import start_blocking_portal

ASGIApp = Callable[[Any, Any, Any], Awaitable[None]]


def _read_timeout(request: httpx.Request) -> float | None:
    timeout = request.extensions.get("timeout") or {}
    value = timeout.get("read")
    return float(value) if value is not None else None


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Sends an `httpx.Client`'s or an `httpx.AsyncClient`'s requests into `app`, honouring the
    client's read timeout. One transport serves both, so a client given it works sync and async."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._asgi = httpx.ASGITransport(app=app)
        self._local = threading.local()
        self._loops: list[asyncio.AbstractEventLoop] = []
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _close_loops, self._loops, self._lock)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeout = _read_timeout(request)
        try:
            with anyio.fail_after(timeout):
                response = await self._asgi.handle_async_request(request)
                await response.aread()
        except TimeoutError:
            raise httpx.ReadTimeout(f"no answer within {timeout:g} s", request=request) from None
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()  # the body in memory: a stream both sync and async code can read
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return self._loop().run_until_complete(self._send(request))
        with start_blocking_portal() as portal:  # this thread runs a loop already: use another thread
            return portal.call(self._send, request)

    async def _send(self, request: httpx.Request) -> httpx.Response:
        response = await self.handle_async_request(request)
        return httpx.Response(
            response.status_code, headers=response.headers, content=response.content, request=request
        )

    def _loop(self) -> asyncio.AbstractEventLoop:
        loop: asyncio.AbstractEventLoop | None = getattr(self._local, "loop", None)
        if loop is None or loop.is_closed():
            loop = asyncio.new_event_loop()
            self._local.loop = loop
            with self._lock:
                self._loops.append(loop)
        return loop

    def close(self) -> None:
        """Close the event loops this transport made (a client's `close()` calls this)."""
        self._finalizer()

    async def aclose(self) -> None:
        pass  # the loops are the sync side's: an async client closing leaves them to close()


def _close_loops(loops: list[asyncio.AbstractEventLoop], lock: threading.Lock) -> None:
    with lock:
        for loop in loops:
            if not loop.is_running():
                loop.close()
        loops.clear()
