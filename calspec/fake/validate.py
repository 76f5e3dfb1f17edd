"""Requests checked against the spec: path, query and body, with messages that name the place.

Each operation's validators are built once, when the app starts (`Checks`), from the same spec
files the clients are generated from; nothing here restates a schema.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema.exceptions import WEAK_MATCHES, ValidationError, best_match, by_relevance

from calspec.core.operations import Operation
from calspec.core.validation import Checker, Validators
from calspec.fake.body import BodyError, decode


class SpecError(Exception):
    """A request doesn't match the spec. `kind` is missing | invalid | body | content_type."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class Checks:
    """One operation's request validators, built once."""

    operation: Operation
    parameters: Mapping[tuple[str, str], Checker]
    body: Checker | None
    responses: Mapping[str, Checker | None]

    @classmethod
    def build(cls, operation: Operation, validators: Validators) -> Checks:
        body = operation.body
        return cls(
            operation=operation,
            parameters={(p.name, p.location): validators.at(p.schema_pointer) for p in operation.parameters},
            body=validators.at(body.json_pointer) if body is not None and body.json_pointer else None,
            responses={
                status: None if pointer is None else validators.at(pointer)
                for status, pointer in operation.responses.items()
            },
        )

    def query(self, pairs: list[tuple[str, str]]) -> dict[str, Any]:
        """Coerce and validate query parameters by their schemas; unknown names are ignored."""
        seen: dict[str, list[str]] = {}
        for name, value in pairs:
            seen.setdefault(name, []).append(value)
        result: dict[str, Any] = {}
        for param in self.operation.parameters:
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
            _validate(self.parameters[(param.name, "query")], value, param.name)
            result[param.name] = value
        return result

    def path(self, values: Mapping[str, str]) -> None:
        for param in self.operation.parameters:
            if param.location == "path":
                _validate(self.parameters[(param.name, "path")], values[param.name], param.name)

    def content(self, content_type: str | None, raw: bytes) -> Any:
        """The JSON body, validated; None when the operation takes no body."""
        if self.body is None:
            return None
        required = self.operation.body is not None and self.operation.body.required
        if not raw and not required:
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
        _validate(self.body, body, "body")
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


def _validate(checker: Checker, value: Any, where: str) -> None:
    if checker.is_valid(value):
        return
    # The first error, not all of them: errors come in the schema's keyword order, so a list over its
    # maxItems is refused before its 15,000 items are validated. best_match still looks inside that
    # error's alternatives (allOf, oneOf) for the real fault.
    error = best_match(itertools.islice(checker.errors(value), 1), key=_RELEVANCE)
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
        cause = f" ({error.cause})" if error.cause is not None and str(error.cause) else ""
        message = f"{_shown(error.instance)} is not a valid {error.validator_value}{cause}"
    elif keyword == "type":
        message = f"must be of type {error.validator_value}"
    elif keyword == "pattern":
        message = f"{_shown(error.instance)} does not have the documented shape"
    elif keyword in ("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"):
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


def _shown(value: Any) -> str:
    """A value for a message: short, printable, never a dump."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
