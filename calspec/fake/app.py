"""The ASGI app: every provider of the registry, each under its spec's base path.

Every request goes: route (404 / 405 + Allow) -> token (401) -> scope (403) -> path, query and body
validated against the spec (400) -> the operation's handler -> (the answer checked against the spec,
when asked). Nothing is written before the handler, and a handler writes in one transaction, so a
refused request changes nothing. Errors take each provider's format from its spec.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from calspec.core.operations import Operation, Router
from calspec.core.providers import PROVIDERS, Provider, provider_for_path
from calspec.core.validation import Validators
from calspec.fake.auth import authorize
from calspec.fake.context import Context, Handler, utc_now
from calspec.fake.errors import ApiError, error_body
from calspec.fake.limits import MAX_BODY, MAX_PATH
from calspec.fake.store import Store
from calspec.fake.validate import Checks, SpecError
from calspec.fake.world import handlers, load_world, seed_store

log = logging.getLogger("calspec.fake")
# What a request that breaks the spec answers, by the kind of SpecError (a documented error kind).
_SPEC_KINDS = {"missing": "missing-parameter", "invalid": "invalid-parameter"}


class FakeApp:
    """Starlette-compatible ASGI application (use `create_app`)."""

    def __init__(
        self,
        db: str | None = None,
        fixtures_dir: Path | None = None,
        *,
        check_responses: bool = False,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.providers: dict[str, Provider] = dict(PROVIDERS)
        operations = [op for p in self.providers.values() for op in p.document.operations]
        self.router = Router(operations)
        validators = {name: Validators(p.document) for name, p in self.providers.items()}
        self.checks: dict[str, Checks] = {
            op.key: Checks.build(op, validators[op.provider]) for op in operations
        }
        self.handlers: dict[str, Handler] = {}
        for name in self.providers:
            for operation_id, handler in handlers(name).items():
                self.handlers[f"{name}:{operation_id}"] = handler
        missing = [op.key for op in operations if op.key not in self.handlers]
        if missing:
            raise RuntimeError(f"the fake has no handler for {', '.join(missing)}")
        self.world = load_world(fixtures_dir)
        self.store = Store(db)
        seed_store(self.store, self.world)
        self.now = now
        self.check_responses = check_responses
        self.violations: list[str] = []  # response/spec mismatches seen when check_responses is on

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        provider: Provider | None = None
        op: Operation | None = None
        try:
            raw_path = _raw_path(scope)
            if len(raw_path) > MAX_PATH:
                raise ApiError(414, f"The URL path is longer than {MAX_PATH} bytes", "limit-exceeded")
            match = self.router.match(request.method, raw_path)
            if match is None:
                raise ApiError(404, "No such resource")
            if match.operation is None:
                allow = ", ".join(match.allow)
                raise ApiError(405, f"Method not allowed; allowed: {allow}", headers={"Allow": allow})
            op = match.operation
            provider = self.providers[op.provider]
            status, body = await self._call(op, provider, match.path_params, request)
            response = _json(status, body)
        except ApiError as error:
            provider = provider or provider_for_path(scope.get("path", ""))
            status = error.status
            body = error_body(provider.document.errors, status, error.message, error.kind)
            response = _json(status, body, error.headers)
        except Exception:
            log.exception("unexpected error in %s %s", request.method, op.template if op else "(no route)")
            provider = provider or provider_for_path(scope.get("path", ""))
            status, body = 500, error_body(provider.document.errors, 500, "Internal server error")
            response = _json(status, body)
        if self.check_responses and op is not None:
            self._check(op, status, body)
        await response(scope, receive, send)

    async def _call(
        self, op: Operation, provider: Provider, path_params: dict[str, str], request: Request
    ) -> tuple[int, Any]:
        principal = self.world.tokens.authenticate(
            op.provider, provider.document.auth, request.headers.get(provider.document.auth.header)
        )
        authorize(principal, op.security)
        checks = self.checks[op.key]
        try:
            checks.path(path_params)
            query = checks.query(_query_pairs(request.scope.get("query_string", b"")))
            raw = await _read_body(request) if checks.body is not None else b""
            body = checks.content(request.headers.get("content-type"), raw)
        except SpecError as error:
            raise _spec_error(op, error) from None
        ctx = Context(
            operation=op,
            principal=principal,
            path=path_params,
            query=query,
            body=body,
            store=self.store,
            world=self.world,
            base_url=str(request.base_url).rstrip("/"),
            now=self.now,
        )
        return self.handlers[op.key](ctx)

    def _check(self, op: Operation, status: int, body: Any) -> None:
        key = str(status)
        responses = self.checks[op.key].responses
        if key not in responses:
            self.violations.append(f"{op.key}: status {status} is not documented")
            return
        validator = responses[key]
        if validator is not None:
            for error in validator.iter_errors(body):
                where = "/".join(map(str, error.absolute_path))
                self.violations.append(f"{op.key} {status} at {where}: {error.message}")


def create_app(
    db: str | None = None,
    fixtures_dir: Path | None = None,
    *,
    check_responses: bool = False,
    now: Callable[[], datetime] = utc_now,
) -> FakeApp:
    """The fake. `db`: SQLite file (in memory when None); `fixtures_dir`: holds each provider's fixture
    file; `check_responses`: record every answer that breaks the spec in `app.violations`."""
    return FakeApp(db, fixtures_dir, check_responses=check_responses, now=now)


def _json(status: int, body: Any, headers: Mapping[str, str] | None = None) -> Response:
    if status == 204:  # No Content: no body and no Content-Type
        return Response(status_code=204, headers=dict(headers or {}))
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(content, status_code=status, headers=dict(headers or {}), media_type="application/json")


def _raw_path(scope: Scope) -> bytes:
    raw = scope.get("raw_path")
    if not raw:
        raw = scope.get("path", "/").encode("utf-8")
    return bytes(raw).split(b"?", 1)[0]


def _query_pairs(query_string: bytes) -> list[tuple[str, str]]:
    pairs = []
    for part in query_string.split(b"&"):
        if not part:
            continue
        name, _, value = part.partition(b"=")
        try:
            pairs.append(
                (
                    unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8"),
                    unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8"),
                )
            )
        except UnicodeDecodeError:
            raise SpecError("invalid", "the query string is not valid UTF-8") from None
    return pairs


async def _read_body(request: Request) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise SpecError("body", f"request body is larger than {MAX_BODY // 1024 // 1024} MiB")
        chunks.append(chunk)
    return b"".join(chunks)


def _spec_error(op: Operation, error: SpecError) -> ApiError:
    if error.kind == "content_type" and "415" in op.responses:
        return ApiError(415, error.message)
    return ApiError(400, error.message, _SPEC_KINDS.get(error.kind))
