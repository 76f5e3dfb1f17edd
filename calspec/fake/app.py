"""The ASGI app: every provider of the registry, each under its spec's base path.

Every request goes: route (404 / 405 + Allow) -> injected fault (if any) -> token (401) -> scope (403)
-> rate limit (429, when on) -> path, query and body validated against the spec (400) -> the
operation's handler -> (the answer checked against the spec, when asked). Nothing is written before
the handler, and a handler writes in one transaction, so a refused request changes nothing. Errors
take each provider's format from its spec.

Outside the API paths: the token endpoint of an OAuth provider at its spec's `tokenUrl` path
(`oauth.py`), and the fake's own control endpoints under `/_calspec/` (faults, health).
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from calspec.core.operations import Operation, Router
from calspec.core.providers import PROVIDERS, Provider, provider_for_path
from calspec.core.validation import Validators
from calspec.fake.auth import authorize
from calspec.fake.context import Context, Handler, utc_now
from calspec.fake.errors import ApiError, error_body
from calspec.fake.faults import Fault, FaultError, Faults
from calspec.fake.jsontext import Raw, dumps
from calspec.fake.limits import MAX_BODY, MAX_PATH
from calspec.fake.oauth import Grants, OAuthError, load_grants, token_request
from calspec.fake.ratelimit import RateLimiter, limit_with
from calspec.fake.store import Store
from calspec.fake.validate import Checks, SpecError
from calspec.fake.world import fresh_store, handlers, load_world, seed_store

log = logging.getLogger("calspec.fake")
# What a request that breaks the spec answers, by the kind of SpecError (a documented error kind).
_SPEC_KINDS = {"missing": "missing-parameter", "invalid": "invalid-parameter"}
CONTROL = "/_calspec"
RateLimits = bool | Mapping[str, Mapping[str, float]]


class FakeApp:
    """Starlette-compatible ASGI application (use `create_app`)."""

    def __init__(
        self,
        db: str | None = None,
        fixtures_dir: Path | None = None,
        *,
        check_responses: bool = False,
        now: Callable[[], datetime] = utc_now,
        rate_limits: RateLimits = False,
        token_lifetime: int = 3600,
    ) -> None:
        self.providers: dict[str, Provider] = dict(PROVIDERS)
        # What the specs compile to is immutable: built once per process and shared by every app, so a
        # fresh app costs its state only (the world of people and tokens, the store, the faults).
        compiled = _compile(self.providers)
        self.router = compiled.router
        self.checks: dict[str, Checks] = dict(compiled.checks)  # the tables are the app's own, their
        self.handlers: dict[str, Handler] = dict(compiled.handlers)  # entries shared
        self.world = load_world(fixtures_dir)
        self.store = fresh_store(self.world) if Store.in_memory(db) else Store(db)
        if self.store.path is not None:
            seed_store(self.store, self.world)
        self.now = now
        self.check_responses = check_responses
        self.violations: list[str] = []  # response/spec mismatches seen when check_responses is on
        self.faults = Faults(compiled.fault_names)
        self.rate_limiters = _rate_limiters(self.providers, rate_limits)
        if isinstance(token_lifetime, bool) or not isinstance(token_lifetime, int) or token_lifetime < 1:
            raise ValueError("token_lifetime must be a positive number of seconds")
        self.token_endpoints: dict[str, Grants] = {}  # path -> the provider's OAuth state
        for name, provider in self.providers.items():
            path = _token_path(provider)
            if path is not None:
                data, users = self.world.fixtures[name], self.world.users[name]
                self.token_endpoints[path] = load_grants(name, data, users, token_lifetime)

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
        path = scope.get("path", "")
        if path == CONTROL or path.startswith(CONTROL + "/"):
            await (await self._control(request))(scope, receive, send)
            return
        if path in self.token_endpoints:
            await (await self._token(request, self.token_endpoints[path]))(scope, receive, send)
            return
        provider: Provider | None = None
        op: Operation | None = None
        fault: Fault | None = None
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
            fault = self.faults.take(op)
            if fault is not None and fault.delay:
                await asyncio.sleep(fault.delay)
            if fault is not None and fault.status is not None:
                response = _faulty(provider, fault)  # sent below, not checked against the spec
            else:
                status, body, headers = await self._call(op, provider, match.path_params, request)
                response = _json(status, body, headers)
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
        if self.check_responses and op is not None and (fault is None or fault.status is None):
            self._check(op, status, body)
        await response(scope, receive, send)

    async def _call(
        self, op: Operation, provider: Provider, path_params: dict[str, str], request: Request
    ) -> tuple[int, Any, dict[str, str]]:
        header = request.headers.get(provider.document.auth.header)
        principal = self.world.tokens.authenticate(op.provider, provider.document.auth, header, self.now())
        authorize(principal, op.security)
        headers: dict[str, str] = {}
        limiter = self.rate_limiters.get(op.provider)
        if limiter is not None:
            verdict = limiter.check(op.operation_id, header or "")
            headers = verdict.headers
            if not verdict.allowed:
                raise ApiError(429, "API rate limit exceeded", headers=headers)
        checks = self.checks[op.key]
        try:  # every answer from here on reports the rate limit
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
                now=self.now,
            )
            status, body = self.handlers[op.key](ctx)
        except ApiError as error:
            error.headers = {**headers, **error.headers}
            raise
        return status, body, headers

    async def _token(self, request: Request, grants: Grants) -> Response:
        """The token endpoint (oauth.py): a JSON token, or an RFC 6749 error."""
        if request.method != "POST":
            return _json(
                405, {"error": "invalid_request", "error_description": "use POST"}, {"Allow": "POST"}
            )
        try:
            raw = await _read_body(request)
            answer = token_request(grants, self.world.tokens, raw, self.now)
        except SpecError as error:
            return _json(400, {"error": "invalid_request", "error_description": error.message})
        except OAuthError as error:
            return _json(error.status, error.body())
        return _json(200, answer, {"Cache-Control": "no-store", "Pragma": "no-cache"})

    async def _control(self, request: Request) -> Response:
        """The fake's own endpoints: `GET /_calspec/health`, and `/_calspec/faults` (GET lists the
        pending faults, POST queues one or a list, DELETE clears them)."""
        path = request.url.path
        if path == CONTROL + "/health":
            return _json(200, {"status": "ok"})
        if path != CONTROL + "/faults":
            return _json(
                404, {"error": f"no such control endpoint; try {CONTROL}/faults or {CONTROL}/health"}
            )
        if request.method == "GET":
            return _json(200, {"faults": self.faults.pending()})
        if request.method == "DELETE":
            self.faults.clear()
            return _json(204, None)
        if request.method != "POST":
            return _json(405, {"error": "use GET, POST or DELETE"}, {"Allow": "GET, POST, DELETE"})
        try:
            data = json.loads(await _read_body(request) or b"{}")
            items = data if isinstance(data, list) else [data]
            if not all(isinstance(item, dict) for item in items):
                raise FaultError("send a fault object or a list of them")
            self.faults.inject_all(items)  # all checked before any is queued
        except (ValueError, SpecError) as error:
            return _json(400, {"error": str(error)})
        return _json(201, {"faults": self.faults.pending()})

    def _check(self, op: Operation, status: int, body: Any) -> None:
        key = str(status)
        responses = self.checks[op.key].responses
        if key not in responses:
            self.violations.append(f"{op.key}: status {status} is not documented")
            return
        checker = responses[key]
        if isinstance(body, Raw):
            body = body.value()
        if checker is not None and not checker.is_valid(body):
            for error in checker.errors(body):
                where = "/".join(map(str, error.absolute_path))
                self.violations.append(f"{op.key} {status} at {where}: {error.message}")


def create_app(
    db: str | None = None,
    fixtures_dir: Path | None = None,
    *,
    check_responses: bool = False,
    now: Callable[[], datetime] = utc_now,
    rate_limits: RateLimits = False,
    token_lifetime: int = 3600,
) -> FakeApp:
    """The fake. `db`: SQLite file (in memory when None); `fixtures_dir`: holds each provider's fixture
    file; `check_responses`: record every answer that breaks the spec in `app.violations`;
    `rate_limits`: True for each spec's documented limits, or per provider the numbers to use instead
    (`{"lineworks": {"limit": 5, "window-seconds": 1}}`); `token_lifetime`: seconds an access token
    from the token endpoint lives."""
    return FakeApp(
        db,
        fixtures_dir,
        check_responses=check_responses,
        now=now,
        rate_limits=rate_limits,
        token_lifetime=token_lifetime,
    )


@dataclass(frozen=True)
class _Compiled:
    """What the providers' specs compile to, shared by every app of the process."""

    router: Router
    checks: Mapping[str, Checks]  # operation key -> the request and response validators
    handlers: Mapping[str, Handler]  # operation key -> handler
    fault_names: frozenset[str]  # what a fault may name: each operationId and provider:operationId


_COMPILED: dict[tuple[tuple[str, int], ...], tuple[list[Provider], _Compiled]] = {}
_COMPILE_LOCK = threading.Lock()


def _compile(providers: Mapping[str, Provider]) -> _Compiled:
    key = tuple((name, id(provider.document)) for name, provider in providers.items())
    with _COMPILE_LOCK:
        if key in _COMPILED:
            return _COMPILED[key][1]
        operations = [op for p in providers.values() for op in p.document.operations]
        validators = {name: Validators(p.document) for name, p in providers.items()}
        table: dict[str, Handler] = {}
        for name in providers:
            for operation_id, handler in handlers(name).items():
                table[f"{name}:{operation_id}"] = handler
        missing = [op.key for op in operations if op.key not in table]
        if missing:
            raise RuntimeError(f"the fake has no handler for {', '.join(missing)}")
        compiled = _Compiled(
            router=Router(operations),
            checks=MappingProxyType({op.key: Checks.build(op, validators[op.provider]) for op in operations}),
            handlers=MappingProxyType(table),
            fault_names=frozenset([op.operation_id for op in operations] + [op.key for op in operations]),
        )
        # The providers are kept with it, so the ids in the key stay theirs.
        _COMPILED[key] = (list(providers.values()), compiled)
        return compiled


def _rate_limiters(providers: Mapping[str, Provider], setting: RateLimits) -> dict[str, RateLimiter]:
    if setting is False:
        return {}
    if setting is not True:
        if not isinstance(setting, Mapping):
            raise ValueError("rate_limits must be True, False or {provider: {setting: number}}")
        limited = {n for n, p in providers.items() if p.document.rate_limit is not None}
        unknown = sorted(str(name) for name in setting if name not in limited)
        if unknown:
            raise ValueError(f"rate_limits: no documented rate limit for {', '.join(unknown)}")
        for name, value in setting.items():
            if not isinstance(value, Mapping):
                raise ValueError(f"rate_limits[{name!r}] must map settings to numbers")
    limiters = {}
    for name, provider in providers.items():
        documented = provider.document.rate_limit
        if documented is None:
            continue
        overrides = None if setting is True else setting.get(name)
        if setting is not True and overrides is None:
            continue
        limiters[name] = RateLimiter(limit_with(documented, overrides))
    return limiters


def _token_path(provider: Provider) -> str | None:
    """The path of the provider's OAuth token URL (`/oauth2/v2.0/token`), when it has one."""
    for scheme in provider.document.security_schemes.values():
        for flow in (scheme.get("flows") or {}).values():
            if isinstance(flow, Mapping) and flow.get("tokenUrl"):
                return urlsplit(str(flow["tokenUrl"])).path
    return None


def _faulty(provider: Provider, fault: Fault) -> Response:
    """The answer an injected fault gives: its body as is, or an error in the provider's format."""
    headers = fault.response_headers()
    assert fault.status is not None
    if fault.body is not None:
        return Response(
            fault.body.encode("utf-8"),
            status_code=fault.status,
            headers=headers,
            media_type=fault.content_type,
        )
    if fault.status in (204, 304):  # HTTP gives these no body
        return Response(status_code=fault.status, headers=headers)
    message = f"Injected fault: {fault.status}"
    return _json(fault.status, error_body(provider.document.errors, fault.status, message), headers)


def _json(status: int, body: Any, headers: Mapping[str, str] | None = None) -> Response:
    if status == 204:  # No Content: no body and no Content-Type
        return Response(status_code=204, headers=dict(headers or {}))
    return Response(
        dumps(body), status_code=status, headers=dict(headers or {}), media_type="application/json"
    )


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
