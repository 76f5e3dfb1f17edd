"""The x-calspec-* extensions: what an operation does at runtime, read from the spec as typed values.

spec/extensions.yaml holds their JSON Schemas and where each may appear; spec/EXTENSIONS.md says what
each means. `check` is what `generator lint` runs; the `parse_*` functions give the generator, the fake
and the contract hooks the same values, so none of them restates a window, a header or a prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from calspec.core.locations import SPEC_DIR
from calspec.core.pointer import escape, join
from calspec.core.specfile import load_spec

PREFIX = "x-calspec-"
SCHEMA_FILE = "extensions.yaml"


@cache
def schemas() -> dict[str, Any]:
    """The extensions' schema document (spec/extensions.yaml)."""
    return load_spec(SPEC_DIR / SCHEMA_FILE)


def places() -> dict[str, tuple[str, ...]]:
    """Extension name -> the kinds of object it may appear on (document, security-scheme, operation)."""
    raw = schemas()["x-places"]
    return {name: (where,) if isinstance(where, str) else tuple(where) for name, where in raw.items()}


@cache
def _validator(name: str) -> Draft202012Validator:
    document = schemas()
    return Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": document["$defs"]})


def _holders(spec: Mapping[str, Any]) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """(kind, pointer, object) of every object an extension may sit on."""
    yield "document", "", spec
    for name, scheme in ((spec.get("components") or {}).get("securitySchemes") or {}).items():
        if isinstance(scheme, Mapping):
            yield "security-scheme", join("components", "securitySchemes", name), scheme
    for path, item in (spec.get("paths") or {}).items():
        if not isinstance(item, Mapping):
            continue
        for method, operation in item.items():
            if method in HTTP_METHODS and isinstance(operation, Mapping):
                yield "operation", join("paths", path, method), operation


HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def check(spec: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(pointer, message) for every extension that is unknown, misplaced or breaks its schema, and for
    every parameter or operation an extension names that the operation doesn't have."""
    problems: list[tuple[str, str]] = []
    allowed = places()
    for kind, where, holder in _holders(spec):
        for key, value in holder.items():
            if not (isinstance(key, str) and key.startswith(PREFIX)):
                continue
            at = f"{where}/{key}"
            if key not in allowed:
                problems.append((at, f"unknown extension {key} (spec/extensions.yaml lists the known ones)"))
                continue
            if kind not in allowed[key]:
                problems.append((at, f"{key} belongs on: {', '.join(allowed[key])}, not on a {kind}"))
                continue
            for error in sorted(_validator(key).iter_errors(value), key=lambda e: list(e.absolute_path)):
                inner = "".join(f"/{part}" for part in error.absolute_path)
                problems.append((at + inner, f"{key}: {error.message}"))
    for pointer, value in _stray(spec, ""):
        problems.append((pointer, f"{value} is not on an object that can carry it"))
    return problems


def _stray(node: Any, where: str) -> Iterator[tuple[str, str]]:
    """x-calspec-* keys anywhere but the root, a security scheme or an operation."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            here = f"{where}/{escape(key)}"
            if isinstance(key, str) and key.startswith(PREFIX) and not _known_holder(where):
                yield here, key
            if key not in ("example", "examples") and not (isinstance(key, str) and key.startswith(PREFIX)):
                yield from _stray(value, here)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _stray(item, f"{where}/{index}")


_HOLDER = re.compile(
    r"^(|/components/securitySchemes/[^/]+|/paths/[^/]+/(get|put|post|delete|options|head|patch|trace))$"
)


def _known_holder(pointer: str) -> bool:
    return bool(_HOLDER.match(pointer))


# Typed values -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Auth:
    """`x-calspec-auth`: the header a token goes in, and the word before it."""

    header: str
    prefix: str

    def value(self, token: str) -> str:
        return f"{self.prefix} {token}"


@dataclass(frozen=True)
class Errors:
    """`x-calspec-errors`: where an error body keeps its code and message."""

    code: str
    message: str
    codes: Mapping[int, str | int]
    kinds: Mapping[str, str | int] = field(default_factory=dict)
    success: str | None = None
    fixed: Mapping[str, Any] = field(default_factory=dict)

    def code_for(self, status: int, kind: str | None = None) -> str | int:
        """The code of an error: its kind's documented code, else its status', else the 400 one."""
        if kind is not None and kind in self.kinds:
            return self.kinds[kind]
        return self.codes.get(status, self.codes.get(500 if status >= 500 else 400, status))


@dataclass(frozen=True)
class RateLimit:
    """`x-calspec-rate-limit`: a fixed window per operation (LINE WORKS) or a token bucket (Dooray)."""

    algorithm: str
    scope: str
    headers: Mapping[str, str]
    limit: int = 0  # fixed-window: requests per window
    window_seconds: int = 0
    burst: int = 0  # token-bucket: capacity and tokens per second
    rate: float = 0.0


@dataclass(frozen=True)
class RetryPolicy:
    methods: frozenset[str]
    statuses: tuple[int | str, ...]
    connection_errors: str  # any | unsent | none

    def retries_status(self, status: int) -> bool:
        return any(
            status == wanted if isinstance(wanted, int) else str(status)[0] == wanted[0]
            for wanted in self.statuses
        )


@dataclass(frozen=True)
class WaitHeader:
    name: str
    format: str  # seconds | seconds-or-http-date


@dataclass(frozen=True)
class Retries:
    """`x-calspec-retries`: the first policy whose methods hold the call's method applies."""

    policies: tuple[RetryPolicy, ...]
    wait_headers: tuple[WaitHeader, ...] = ()

    def policy(self, method: str) -> RetryPolicy | None:
        return next((p for p in self.policies if method.upper() in p.methods), None)


@dataclass(frozen=True)
class Window:
    """`x-calspec-window`: a list over a time window of at most `max_days`."""

    start: str
    end: str
    start_inclusive: bool
    end_inclusive: bool
    max_days: int
    items: str
    item_id: str
    item_start: str

    @property
    def max_seconds(self) -> int:
        return self.max_days * 86400


@dataclass(frozen=True)
class Pagination:
    """`x-calspec-pagination`: by cursor (`cursor`, `next_cursor`) or by page (`page`, `total`)."""

    type: str
    size: str
    items: str
    cursor: str | None = None
    next_cursor: str | None = None
    page: str | None = None
    first_page: int = 0
    total: str | None = None


@dataclass(frozen=True)
class Resource:
    """`x-calspec-resource`: the resource an operation addresses, as a kind and a key of expressions."""

    kind: str
    key: Mapping[str, str]
    series_of: str | None = None
    series_id: str | None = None


@dataclass(frozen=True)
class Removal:
    """One entry of `x-calspec-removes`."""

    kind: str
    key: Mapping[str, str]
    scope: str = "resource"
    when_value: str | None = None
    when_default: Any = None
    when_in: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One entry of `x-calspec-rules`: a rule JSON Schema can't state."""

    name: str
    description: str


def parse_auth(raw: Mapping[str, Any]) -> Auth:
    return Auth(header=raw["header"], prefix=raw["prefix"])


def parse_errors(raw: Mapping[str, Any]) -> Errors:
    return Errors(
        code=raw["code"],
        message=raw["message"],
        codes={int(status): code for status, code in raw["codes"].items()},
        kinds=dict(raw.get("kinds") or {}),
        success=raw.get("success"),
        fixed=dict(raw.get("fixed") or {}),
    )


def parse_rate_limit(raw: Mapping[str, Any]) -> RateLimit:
    return RateLimit(
        algorithm=raw["algorithm"],
        scope=raw["scope"],
        headers=dict(raw["headers"]),
        limit=int(raw.get("limit", 0)),
        window_seconds=int(raw.get("window-seconds", 0)),
        burst=int(raw.get("burst", 0)),
        rate=float(raw.get("rate", 0.0)),
    )


def parse_retries(raw: Mapping[str, Any]) -> Retries:
    return Retries(
        policies=tuple(
            RetryPolicy(
                methods=frozenset(policy["methods"]),
                statuses=tuple(policy["statuses"]),
                connection_errors=policy["connection-errors"],
            )
            for policy in raw["policies"]
        ),
        wait_headers=tuple(WaitHeader(h["name"], h["format"]) for h in raw.get("wait-headers") or ()),
    )


def parse_window(raw: Mapping[str, Any]) -> Window:
    return Window(
        start=raw["start"]["parameter"],
        end=raw["end"]["parameter"],
        start_inclusive=bool(raw["start"]["inclusive"]),
        end_inclusive=bool(raw["end"]["inclusive"]),
        max_days=int(raw["max-days"]),
        items=raw["items"],
        item_id=raw["item-id"],
        item_start=raw["item-start"],
    )


def parse_pagination(raw: Mapping[str, Any]) -> Pagination:
    return Pagination(
        type=raw["type"],
        size=raw["size"],
        items=raw["items"],
        cursor=raw.get("cursor"),
        next_cursor=raw.get("next-cursor"),
        page=raw.get("page"),
        first_page=int(raw.get("first-page", 0)),
        total=raw.get("total"),
    )


def parse_resource(raw: Mapping[str, Any]) -> Resource:
    return Resource(
        kind=raw["kind"], key=dict(raw["key"]), series_of=raw.get("series-of"), series_id=raw.get("series-id")
    )


def parse_removes(raw: list[Mapping[str, Any]]) -> tuple[Removal, ...]:
    removals = []
    for entry in raw:
        when = entry.get("when") or {}
        removals.append(
            Removal(
                kind=entry["kind"],
                key=dict(entry["key"]),
                scope=entry.get("scope", "resource"),
                when_value=when.get("value"),
                when_default=when.get("default"),
                when_in=tuple(when.get("in") or ()),
            )
        )
    return tuple(removals)


def parse_rules(raw: list[Mapping[str, Any]]) -> tuple[Rule, ...]:
    return tuple(Rule(name=rule["name"], description=rule["description"]) for rule in raw)
