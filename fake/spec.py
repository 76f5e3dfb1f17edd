"""Routes and validators compiled from the spec files: the fake restates nothing about a schema.

Each OpenAPI operation becomes an `Operation`: its path template split into segments (literal or
`{param}`), its parameters with their schemas, its request body schema and its security
requirements. Validation uses jsonschema (draft 2020-12) with a `referencing` registry, so
`$ref: "#/components/..."` resolves inside the same document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import WEAK_MATCHES, ValidationError, best_match, by_relevance
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from fake.body import BodyError, decode
from generator.formats import FORMAT_CHECKER
from generator.specfile import load_spec

SPEC_DIR = Path(__file__).resolve().parent.parent / "spec"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _canonical(value: Any) -> Any:
    """A hashable form in which two values are equal exactly when JSON Schema calls them equal
    (1 == 1.0, but true != 1; object key order doesn't matter)."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return ("object", frozenset((key, _canonical(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("array", tuple(_canonical(item) for item in value))
    return value


def _unique_items(validator: Any, unique: Any, instance: Any, schema: Any) -> Iterable[ValidationError]:
    """`uniqueItems` in linear time (jsonschema compares unhashable items pairwise)."""
    if not unique or not validator.is_type(instance, "array"):
        return
    seen: set[Any] = set()
    for index, item in enumerate(instance):
        key = _canonical(item)
        if key in seen:
            yield ValidationError(f"item {index} repeats an earlier item", path=[index])
            return
        seen.add(key)


# The draft 2020-12 validator, with a duplicate check that stays fast on long arrays.
Validator = validators.extend(Draft202012Validator, {"uniqueItems": _unique_items})


class SpecError(Exception):
    """A request doesn't match the spec. `kind` is missing | invalid | body | content_type."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    schema: dict[str, Any]
    validator: Draft202012Validator = field(repr=False)


@dataclass
class Operation:
    provider: str
    operation_id: str
    method: str  # upper case
    template: str  # full path template including the server's base path
    segments: tuple[str | None, ...]  # literal segment, or None for a parameter
    param_names: tuple[str, ...]
    parameters: list[Parameter]
    body_required: bool
    body_validator: Draft202012Validator | None
    security: list[dict[str, list[str]]]
    responses: dict[str, Draft202012Validator | None] = field(default_factory=dict)

    def check_query(self, pairs: list[tuple[str, str]]) -> dict[str, Any]:
        """Coerce and validate query parameters by their schemas; unknown names are ignored."""
        seen: dict[str, list[str]] = {}
        for name, value in pairs:
            seen.setdefault(name, []).append(value)
        result: dict[str, Any] = {}
        for param in self.parameters:
            if param.location != "query":
                continue
            values = seen.get(param.name)
            if not values:
                if param.required:
                    raise SpecError("missing", f"{param.name}: required query parameter is missing")
                if "default" in param.schema:
                    result[param.name] = param.schema["default"]
                continue
            if len(values) > 1:
                raise SpecError("invalid", f"{param.name}: given more than once")
            value = coerce(param.name, values[0], param.schema)
            _validate(param.validator, value, param.name)
            result[param.name] = value
        return result

    def check_path(self, values: Mapping[str, str]) -> None:
        for param in self.parameters:
            if param.location == "path":
                _validate(param.validator, values[param.name], param.name)

    def check_body(self, content_type: str | None, raw: bytes) -> Any:
        """The JSON body, validated; None when the operation takes no body."""
        if self.body_validator is None:
            return None
        if not raw and not self.body_required:
            return None
        media = (content_type or "").split(";", 1)[0].strip().lower()
        if media != "application/json" and not (media.startswith("application/") and media.endswith("+json")):
            raise SpecError("content_type", "Content-Type must be application/json")
        if not raw:
            raise SpecError("body", "request body is required")
        try:
            body = decode(raw)
        except BodyError as error:
            raise SpecError("body", str(error)) from None
        _validate(self.body_validator, body, "body")
        return body


_INTEGER = re.compile(r"^-?[0-9]+$")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")


def coerce(name: str, raw: str, schema: Mapping[str, Any]) -> Any:
    """A query value as the type its schema names (a string otherwise)."""
    types = schema.get("type")
    type_list = [types] if isinstance(types, str) else list(types or [])
    if "integer" in type_list:
        if not _INTEGER.match(raw):
            raise SpecError("invalid", f"{name}: must be an integer")
        return int(raw)
    if "number" in type_list:
        if not _NUMBER.match(raw):
            raise SpecError("invalid", f"{name}: must be a number")
        return float(raw)
    if "boolean" in type_list:
        if raw not in ("true", "false"):
            raise SpecError("invalid", f"{name}: must be true or false")
        return raw == "true"
    return raw


# When a branch of an `allOf` fails, its properties count as unevaluated, so a closed request variant
# reports `unevaluatedProperties` beside the real fault; the real fault is the better message.
_RELEVANCE = by_relevance(weak=WEAK_MATCHES | {"unevaluatedProperties"})


def _validate(validator: Draft202012Validator, value: Any, where: str) -> None:
    error = best_match(validator.iter_errors(value), key=_RELEVANCE)
    if error is not None:
        raise SpecError("invalid", describe(error, where))


def describe(error: ValidationError, where: str) -> str:
    """A short message naming the place and the broken rule, never a huge dump of the instance."""
    location = where + "".join(f"[{part!r}]" if isinstance(part, int) else f".{part}" for part in error.path)
    keyword = error.validator
    if keyword == "required":
        text = error.message.split(" is a required property")[0]
        message = f"{text} is required"
    elif keyword in ("additionalProperties", "unevaluatedProperties"):
        message = "unknown property"
        extra = re.search(r"\((.*) (were|was) unexpected\)", error.message)
        if extra:
            message = f"unknown property {extra.group(1)}"
    elif keyword == "format":
        message = f"must be a {error.validator_value}"
    elif keyword == "type":
        message = f"must be of type {error.validator_value}"
    elif keyword in ("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "pattern"):
        message = f"{keyword} {error.validator_value!r} not met"
    elif keyword in ("minProperties", "maxProperties"):
        message = f"{keyword} {error.validator_value!r} not met"
    elif (
        keyword == "not"
        and isinstance(error.validator_value, dict)
        and set(error.validator_value) == {"required"}
    ):
        message = f"must not have all of {', '.join(map(str, error.validator_value['required']))}"
    elif keyword == "uniqueItems":
        message = "repeats an earlier item (uniqueItems)"
    elif keyword in ("dependentRequired", "const"):
        message = error.message if len(error.message) <= 200 else f"fails {keyword}"
    elif keyword == "enum":
        message = f"must be one of {', '.join(map(str, error.validator_value))}"
    else:
        message = f"fails {keyword}"
    text = f"{location}: {message}"
    return text if len(text) <= 300 else text[:297] + "..."


class Spec:
    """One provider's OpenAPI document, compiled."""

    def __init__(self, provider: str, path: Path) -> None:
        self.provider = provider
        self.path = path
        self.document: dict[str, Any] = load_spec(path)
        uri = f"urn:calspec:{provider}"
        resource: Resource[Any] = DRAFT202012.create_resource(self.document)
        self._registry: Registry[Any] = Registry().with_resource(uri, resource)
        self._uri = uri
        servers = self.document.get("servers") or [{"url": ""}]
        self.base_path = urlsplit(servers[0]["url"]).path.rstrip("/")
        self.operations: list[Operation] = list(self._compile())

    def validator(self, pointer: str) -> Draft202012Validator:
        """Validator of the schema at a JSON pointer of the document; `#/components/...` resolves."""
        return Validator(
            {"$ref": f"{self._uri}#{pointer}"}, registry=self._registry, format_checker=FORMAT_CHECKER
        )

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow local `$ref`s (parameters, responses, request bodies): (target, its pointer)."""
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise ValueError(f"{self.path}: only local $ref is supported: {ref}")
            pointer = ref[1:]
            node = self.document
            for part in ref[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
        return node, pointer

    def _compile(self) -> Iterable[Operation]:
        global_security = self.document.get("security", [])
        for template, raw_item in (self.document.get("paths") or {}).items():
            item_pointer = "/paths/" + _escape(template)
            item, item_pointer = self.resolve(raw_item, item_pointer)
            shared = [
                self.resolve(p, f"{item_pointer}/parameters/{i}")
                for i, p in enumerate(item.get("parameters", []))
            ]
            full = self.base_path + template
            segments: list[str | None] = []
            names: list[str] = []
            for segment in full.split("/")[1:]:
                match = re.fullmatch(r"\{([^{}]+)\}", segment)
                if match:
                    segments.append(None)
                    names.append(match.group(1))
                else:
                    segments.append(segment)
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                op = item[method]
                op_pointer = f"{item_pointer}/{method}"
                params: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
                own = [
                    self.resolve(p, f"{op_pointer}/parameters/{i}")
                    for i, p in enumerate(op.get("parameters", []))
                ]
                for p, pointer in shared + own:
                    params[(p["name"], p["in"])] = (p, pointer)
                parameters = [
                    Parameter(
                        name=p["name"],
                        location=p["in"],
                        required=bool(p.get("required", False)),
                        schema=self.resolve(p.get("schema", {}), pointer + "/schema")[0],
                        validator=self.validator(pointer + "/schema"),
                    )
                    for p, pointer in params.values()
                ]
                body_validator = None
                body_required = False
                if "requestBody" in op:
                    body, body_pointer = self.resolve(op["requestBody"], op_pointer + "/requestBody")
                    body_required = bool(body.get("required", False))
                    if "application/json" in body.get("content", {}):
                        body_validator = self.validator(body_pointer + "/content/application~1json/schema")
                responses: dict[str, Draft202012Validator | None] = {}
                for status, raw_response in op.get("responses", {}).items():
                    response, pointer = self.resolve(raw_response, f"{op_pointer}/responses/{status}")
                    has_json = "application/json" in response.get("content", {})
                    responses[str(status)] = (
                        self.validator(pointer + "/content/application~1json/schema") if has_json else None
                    )
                yield Operation(
                    provider=self.provider,
                    operation_id=op["operationId"],
                    method=method.upper(),
                    template=full,
                    segments=tuple(segments),
                    param_names=tuple(names),
                    parameters=parameters,
                    body_required=body_required,
                    body_validator=body_validator,
                    security=op.get("security", global_security),
                    responses=responses,
                )

    def schema_validator(self, name: str) -> Draft202012Validator:
        """Validator of `#/components/schemas/<name>`."""
        return self.validator(f"/components/schemas/{_escape(name)}")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class Match:
    operation: Operation | None  # None: the path exists but not with this method
    path_params: dict[str, str]
    allow: tuple[str, ...]


class Router:
    """Matches a raw (percent-encoded) path against every spec's templates.

    Segments are split on '/' before decoding, so `%2F` inside an id stays in that id. The most
    specific template wins: the one with the fewest parameters (so the literal `/calendars/*/events`
    beats `/calendars/{calendar-id}/...`). That template alone decides the method: a method it
    lacks gets 405 with exactly its methods in `Allow`.
    """

    def __init__(self, specs: Iterable[Spec]) -> None:
        by_template: dict[str, list[Operation]] = {}
        for spec in specs:
            for op in spec.operations:
                by_template.setdefault(op.template, []).append(op)
        self._templates = sorted(
            by_template.values(),
            key=lambda ops: (len(ops[0].param_names), -len(ops[0].segments), ops[0].template),
        )

    def match(self, method: str, raw_path: bytes) -> Match | None:
        raw_segments = raw_path.split(b"/")
        if raw_segments[0] != b"":
            return None
        decoded: list[str] = []
        for raw in raw_segments[1:]:
            try:
                decoded.append(unquote_to_bytes(raw).decode("utf-8"))
            except UnicodeDecodeError:
                return None
        for ops in self._templates:
            segments = ops[0].segments
            if len(segments) != len(decoded):
                continue
            values: list[str] = []
            for expected, actual in zip(segments, decoded, strict=True):
                if expected is None:
                    if actual == "":
                        break
                    values.append(actual)
                elif expected != actual:
                    break
            else:
                params = dict(zip(ops[0].param_names, values, strict=True))
                allow = tuple(op.method for op in ops)
                for op in ops:
                    if op.method == method:
                        return Match(op, params, allow)
                return Match(None, params, allow)
        return None


def load_specs(spec_dir: Path | None = None) -> dict[str, Spec]:
    directory = spec_dir or SPEC_DIR
    return {
        "lineworks": Spec("lineworks", directory / "lineworks" / "calendar.yaml"),
        "dooray": Spec("dooray", directory / "dooray" / "calendar.yaml"),
    }
