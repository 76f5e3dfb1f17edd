"""The ASGI app: LINE WORKS under `/v1.0/...`, Dooray under `/calendar/v1/...`.

Every request goes: route (404 / 405 + Allow) -> token (401) -> scope (403) -> path, query and body
validated against the spec (400) -> the operation's handler. Nothing is written before the
handler, and a handler writes in one transaction, so a refused request changes nothing.
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

from fake import dooray, lineworks
from fake.auth import authorize
from fake.context import Context, Handler, utc_now
from fake.errors import DOORAY, ApiError, error_body, provider_for_path
from fake.limits import MAX_BODY, MAX_PATH
from fake.spec import Operation, Router, SpecError, load_specs
from fake.store import Store
from fake.world import load_world, seed_store

log = logging.getLogger("fake")
HANDLERS: dict[str, Mapping[str, Handler]] = {"lineworks": lineworks.HANDLERS, DOORAY: dooray.HANDLERS}
_LINEWORKS_SPEC_CODES = {"missing": "MISSING_PARAMETER", "invalid": "INVALID_PARAMETER"}


class FakeApp:
    """Starlette-compatible ASGI application (use `create_app`)."""

    def __init__(
        self,
        db: str | None = None,
        fixtures_dir: Path | None = None,
        *,
        spec_dir: Path | None = None,
        check_responses: bool = False,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.specs = load_specs(spec_dir)
        self.router = Router(self.specs.values())
        self.world = load_world(fixtures_dir)
        self.store = Store(db)
        seed_store(self.store, self.world)
        self.now = now
        self.check_responses = check_responses
        self.violations: list[str] = []  # response/spec mismatches seen when check_responses is on
        for spec in self.specs.values():
            for op in spec.operations:
                if op.operation_id not in HANDLERS[spec.provider]:
                    log.warning("fake: no handler for %s %s; it answers 500", spec.provider, op.operation_id)

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
        provider = provider_for_path(scope.get("path", ""))
        op: Operation | None = None
        try:
            raw_path = _raw_path(scope)
            if len(raw_path) > MAX_PATH:
                raise ApiError(414, f"The URL path is longer than {MAX_PATH} bytes", "LIMIT_EXCEEDED")
            match = self.router.match(request.method, raw_path)
            if match is None:
                raise ApiError(404, "No such resource", "NOT_FOUND")
            if match.operation is None:
                allow = ", ".join(match.allow)
                raise ApiError(
                    405, f"Method not allowed; allowed: {allow}", "METHOD_NOT_ALLOWED", {"Allow": allow}
                )
            op = match.operation
            provider = op.provider
            status, body = await self._call(op, match.path_params, request)
            response = _json(status, body)
        except ApiError as error:
            status, body = error.status, error_body(provider, error.status, error.message, error.code)
            response = _json(status, body, error.headers)
        except Exception:
            log.exception(
                "fake: unexpected error in %s %s", request.method, op.template if op else "(no route)"
            )
            status, body = 500, error_body(provider, 500, "Internal server error", "INTERNAL_SERVER_ERROR")
            response = _json(status, body)
        if self.check_responses and op is not None:
            self._check(op, status, body)
        await response(scope, receive, send)

    async def _call(self, op: Operation, path_params: dict[str, str], request: Request) -> tuple[int, Any]:
        principal = self.world.tokens.authenticate(op.provider, request.headers.get("authorization"))
        authorize(principal, op.security)
        try:
            op.check_path(path_params)
            query = op.check_query(_query_pairs(request.scope.get("query_string", b"")))
            raw = await _read_body(request) if op.body_validator is not None else b""
            body = op.check_body(request.headers.get("content-type"), raw)
        except SpecError as error:
            raise _spec_error(op, error) from None
        handler = HANDLERS[op.provider].get(op.operation_id)
        if handler is None:
            raise ApiError(500, f"{op.operation_id} is not implemented by the fake")
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
        return handler(ctx)

    def _check(self, op: Operation, status: int, body: Any) -> None:
        key = str(status)
        if key not in op.responses:
            self.violations.append(f"{op.provider} {op.operation_id}: status {status} is not documented")
            return
        validator = op.responses[key]
        if validator is not None:
            for error in validator.iter_errors(body):
                where = "/".join(map(str, error.absolute_path))
                self.violations.append(
                    f"{op.provider} {op.operation_id} {status} at {where}: {error.message}"
                )


def create_app(
    db: str | None = None,
    fixtures_dir: Path | None = None,
    *,
    spec_dir: Path | None = None,
    check_responses: bool = False,
    now: Callable[[], datetime] = utc_now,
) -> FakeApp:
    """The fake. `db`: SQLite file (in memory when None); `fixtures_dir`: holds lineworks.json and
    dooray.json; `check_responses`: record every answer that breaks the spec in `app.violations`."""
    return FakeApp(db, fixtures_dir, spec_dir=spec_dir, check_responses=check_responses, now=now)


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
        return ApiError(415, error.message, "BAD_REQUEST")
    if op.provider == DOORAY:
        return ApiError(400, error.message)
    return ApiError(400, error.message, _LINEWORKS_SPEC_CODES.get(error.kind, "BAD_REQUEST"))
