"""A spec compiled once into typed operations, and the router that finds one from a request.

`Document` holds the loaded OpenAPI file, its one `$ref` resolver and its root extensions; each
operation becomes an `Operation`: its path template split into segments, its parameters, body and
responses as pointers into the document (validators are built from those, see `validation`), its
security, and its x-calspec-* extensions parsed. The lint, the fake, the contract hooks and the
generator read operations from here, so a path or a parameter is never restated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit

from calspec.core import extensions as ext
from calspec.core.pointer import join
from calspec.core.pointer import split as split_pointer
from calspec.core.specfile import load_spec

HTTP_METHODS = ext.HTTP_METHODS
_PARAMETER = re.compile(r"\{([^{}]+)\}")


class RefError(ValueError):
    """A `$ref` that doesn't resolve inside its document."""


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # path | query | header | cookie
    required: bool
    schema: Mapping[str, Any]  # resolved (one level of $ref followed)
    schema_pointer: str


@dataclass(frozen=True)
class Body:
    required: bool
    media_types: tuple[str, ...]
    json_pointer: str | None  # the application/json schema, when there is one


@dataclass
class Operation:
    provider: str
    operation_id: str
    method: str  # upper case
    path: str  # the spec's path template, `/users/{userId}/...`
    template: str  # the full template including the server's base path
    pointer: str  # of the operation object in the document
    segments: tuple[str | None, ...]  # literal segment, or None for a parameter
    param_names: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    body: Body | None
    responses: Mapping[str, str | None]  # status -> JSON schema pointer (None: no JSON body)
    security: tuple[Mapping[str, tuple[str, ...]], ...]
    definition: Mapping[str, Any] = field(repr=False)
    window: ext.Window | None = None
    pagination: ext.Pagination | None = None
    resource: ext.Resource | None = None
    removes: tuple[ext.Removal, ...] = ()
    rules: tuple[ext.Rule, ...] = ()
    retries: ext.Retries | None = None

    @property
    def key(self) -> str:
        """`provider:operationId`, unique across both specs."""
        return f"{self.provider}:{self.operation_id}"

    def parameter(self, name: str, location: str | None = None) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name and location in (None, p.location)), None)


class Document:
    """One provider's OpenAPI file, loaded once."""

    def __init__(self, provider: str, path: Path, raw: dict[str, Any] | None = None) -> None:
        self.provider = provider
        self.path = path
        self.raw: dict[str, Any] = load_spec(path) if raw is None else raw
        self.uri = f"urn:calspec:{provider}"

    # $refs -------------------------------------------------------------------------------------------

    def at(self, pointer: str) -> Any:
        node: Any = self.raw
        for token in split_pointer(pointer):
            try:
                node = node[int(token)] if isinstance(node, list) else node[token]
            except (KeyError, IndexError, ValueError, TypeError):
                raise RefError(f"{self.path.name}: #{pointer} names nothing") from None
        return node

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow local `$ref`s (parameters, responses, bodies, schemas): (target, its pointer)."""
        seen = 0
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if not ref.startswith("#"):
                raise RefError(f"{self.path.name}: only local $ref is supported: {ref}")
            seen += 1
            if seen > 32:
                raise RefError(f"{self.path.name}: $ref chain too long at {pointer}")
            pointer = ref[1:]
            node = self.at(pointer)
        return node, pointer

    # Root facts --------------------------------------------------------------------------------------

    @cached_property
    def base_path(self) -> str:
        """The path of the first server URL (`/v1.0`), where every operation's path starts."""
        servers = self.raw.get("servers") or [{"url": ""}]
        return urlsplit(str(servers[0]["url"])).path.rstrip("/")

    @cached_property
    def servers(self) -> tuple[str, ...]:
        return tuple(str(server["url"]) for server in self.raw.get("servers") or ())

    @cached_property
    def errors(self) -> ext.Errors:
        return ext.parse_errors(self.raw["x-calspec-errors"])

    @cached_property
    def rate_limit(self) -> ext.RateLimit | None:
        raw = self.raw.get("x-calspec-rate-limit")
        return None if raw is None else ext.parse_rate_limit(raw)

    @cached_property
    def retries(self) -> ext.Retries | None:
        raw = self.raw.get("x-calspec-retries")
        return None if raw is None else ext.parse_retries(raw)

    @cached_property
    def security_schemes(self) -> dict[str, Mapping[str, Any]]:
        return dict((self.raw.get("components") or {}).get("securitySchemes") or {})

    @cached_property
    def auth(self) -> ext.Auth:
        """The auth of the document's default security requirement (its first scheme)."""
        for requirement in self.raw.get("security") or ():
            for name in requirement:
                return self.scheme_auth(name)
        raise ValueError(f"{self.path.name}: no top-level security requirement")

    def scheme_auth(self, name: str) -> ext.Auth:
        scheme = self.security_schemes.get(name) or {}
        if "x-calspec-auth" not in scheme:
            raise ValueError(f"{self.path.name}: security scheme {name!r} has no x-calspec-auth")
        return ext.parse_auth(scheme["x-calspec-auth"])

    # Operations --------------------------------------------------------------------------------------

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(self._compile())

    @cached_property
    def by_id(self) -> dict[str, Operation]:
        return {op.operation_id: op for op in self.operations}

    def _compile(self) -> Iterable[Operation]:
        global_security = self.raw.get("security", [])
        for path, raw_item in (self.raw.get("paths") or {}).items():
            item, item_pointer = self.resolve(raw_item, join("paths", path))
            shared = [
                self.resolve(p, f"{item_pointer}/parameters/{i}")
                for i, p in enumerate(item.get("parameters", []))
            ]
            full = self.base_path + path
            segments: list[str | None] = []
            names: list[str] = []
            for segment in full.split("/")[1:]:
                match = _PARAMETER.fullmatch(segment)
                if match:
                    segments.append(None)
                    names.append(match.group(1))
                else:
                    segments.append(segment)
            for method in HTTP_METHODS:
                if not isinstance(item.get(method), Mapping):
                    continue
                yield self._operation(
                    item[method],
                    f"{item_pointer}/{method}",
                    method,
                    path,
                    full,
                    segments,
                    names,
                    shared,
                    global_security,
                )

    def _operation(
        self,
        op: Mapping[str, Any],
        op_pointer: str,
        method: str,
        path: str,
        full: str,
        segments: list[str | None],
        names: list[str],
        shared: list[tuple[Any, str]],
        global_security: Any,
    ) -> Operation:
        params: dict[tuple[str, str], tuple[Mapping[str, Any], str]] = {}
        own = [
            self.resolve(p, f"{op_pointer}/parameters/{i}") for i, p in enumerate(op.get("parameters", []))
        ]
        for p, pointer in shared + own:
            params[(p["name"], p["in"])] = (p, pointer)
        parameters = tuple(
            Parameter(
                name=p["name"],
                location=p["in"],
                required=bool(p.get("required", False)),
                schema=self.resolve(p.get("schema", {}), pointer + "/schema")[0],
                schema_pointer=pointer + "/schema",
            )
            for p, pointer in params.values()
        )
        body = None
        if "requestBody" in op:
            raw_body, body_pointer = self.resolve(op["requestBody"], op_pointer + "/requestBody")
            content = raw_body.get("content") or {}
            body = Body(
                required=bool(raw_body.get("required", False)),
                media_types=tuple(content),
                json_pointer=body_pointer + "/content/application~1json/schema"
                if "application/json" in content
                else None,
            )
        responses: dict[str, str | None] = {}
        for status, raw_response in (op.get("responses") or {}).items():
            response, pointer = self.resolve(raw_response, f"{op_pointer}/responses/{status}")
            has_json = "application/json" in (response.get("content") or {})
            responses[str(status)] = pointer + "/content/application~1json/schema" if has_json else None
        security = tuple(
            {name: tuple(scopes) for name, scopes in requirement.items()}
            for requirement in op.get("security", global_security)
        )
        return Operation(
            provider=self.provider,
            operation_id=op["operationId"],
            method=method.upper(),
            path=path,
            template=full,
            pointer=op_pointer,
            segments=tuple(segments),
            param_names=tuple(names),
            parameters=parameters,
            body=body,
            responses=responses,
            security=security,
            definition=op,
            window=_maybe(op, "x-calspec-window", ext.parse_window),
            pagination=_maybe(op, "x-calspec-pagination", ext.parse_pagination),
            resource=_maybe(op, "x-calspec-resource", ext.parse_resource),
            removes=ext.parse_removes(op["x-calspec-removes"]) if "x-calspec-removes" in op else (),
            rules=ext.parse_rules(op["x-calspec-rules"]) if "x-calspec-rules" in op else (),
            retries=_maybe(op, "x-calspec-retries", ext.parse_retries) or self.retries,
        )


def _maybe(op: Mapping[str, Any], key: str, parse: Any) -> Any:
    return parse(op[key]) if key in op else None


@dataclass(frozen=True)
class Match:
    operation: Operation | None  # None: the path exists but not with this method
    path_params: dict[str, str]
    allow: tuple[str, ...]


class Router:
    """Matches a raw (percent-encoded) path against the operations' templates.

    Segments are split on '/' before decoding, so `%2F` inside an id stays in that id. The most
    specific template wins: the one with the fewest parameters (so the literal `/calendars/*/events`
    beats `/calendars/{calendar-id}/...`). That template alone decides the method: a method it
    lacks gets 405 with exactly its methods in `Allow`.
    """

    def __init__(self, operations: Iterable[Operation]) -> None:
        by_template: dict[str, list[Operation]] = {}
        for op in operations:
            by_template.setdefault(op.template, []).append(op)
        ordered = sorted(
            by_template.values(),
            key=lambda ops: (len(ops[0].param_names), -len(ops[0].segments), ops[0].template),
        )
        self._templates: dict[int, list[list[Operation]]] = {}  # by segment count, in order
        for ops in ordered:
            self._templates.setdefault(len(ops[0].segments), []).append(ops)
        self._cached = lru_cache(maxsize=4096)(self._find)  # paths (ids) repeat: each is read once

    def match(self, method: str, raw_path: bytes) -> Match | None:
        found = self._cached(method, raw_path)
        if found is None:
            return None
        operation, params, allow = found
        return Match(operation, dict(params), allow)

    def _find(
        self, method: str, raw_path: bytes
    ) -> tuple[Operation | None, tuple[tuple[str, str], ...], tuple[str, ...]] | None:
        raw_segments = raw_path.split(b"/")
        if raw_segments[0] != b"":
            return None
        decoded: list[str] = []
        for raw in raw_segments[1:]:
            try:
                decoded.append((unquote_to_bytes(raw) if b"%" in raw else raw).decode("utf-8"))
            except UnicodeDecodeError:
                return None
        for ops in self._templates.get(len(decoded), ()):
            segments = ops[0].segments
            values: list[str] = []
            for expected, actual in zip(segments, decoded, strict=True):
                if expected is None:
                    if actual == "":
                        break
                    values.append(actual)
                elif expected != actual:
                    break
            else:
                params = tuple(zip(ops[0].param_names, values, strict=True))
                allow = tuple(op.method for op in ops)
                for op in ops:
                    if op.method == method:
                        return op, params, allow
                return None, params, allow
        return None
