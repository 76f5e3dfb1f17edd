"""JSON Schema validation of values against a spec's schemas, the same way wherever it runs.

Draft 2020-12 with the specs' own string formats (`formats.FORMAT_CHECKER`, the one checker of each
format) and a `uniqueItems` that runs in linear time (jsonschema compares unhashable items pairwise,
which a 15,000-item list turns into minutes). `$ref: "#/components/..."` resolves inside the same
document through one registry.

A `Checker` answers "valid?" with jsonschema_rs (compiled, microseconds: the fake asks this of every
request) and "why not?" with jsonschema (its errors carry the paths the fake's messages name). Both
read the same schema at the same pointer with the same format checks, so they agree; where they
didn't, `errors` would find nothing to report, and the caller treats the value as valid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import Any
from urllib.parse import quote

import jsonschema_rs
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from calspec.core.formats import FORMAT_CHECKER
from calspec.core.operations import Document


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
    if not unique or not validator.is_type(instance, "array"):
        return
    seen: set[Any] = set()
    for index, item in enumerate(instance):
        key = _canonical(item)
        if key in seen:
            yield ValidationError(f"item {index} repeats an earlier item", path=[index])
            return
        seen.add(key)


Validator = validators.extend(Draft202012Validator, {"uniqueItems": _unique_items})


def _format(name: str) -> Callable[[str], bool]:
    def conforms(value: str) -> bool:
        return bool(FORMAT_CHECKER.conforms(value, name))

    return conforms


# The formats the specs use, checked for jsonschema_rs by the same code as for jsonschema.
RS_FORMATS = {name: _format(name) for name in FORMAT_CHECKER.checkers}


class Checker:
    """One schema: `is_valid` fast (jsonschema_rs), `errors` with their paths (jsonschema, built lazily)."""

    def __init__(self, fast: Any, slow: Callable[[], Draft202012Validator]) -> None:
        self._fast = fast
        self._slow_factory = slow
        self._slow: Draft202012Validator | None = None

    def is_valid(self, value: Any) -> bool:
        valid: bool = self._fast.is_valid(value)
        return valid

    def errors(self, value: Any) -> Iterator[ValidationError]:
        if self._slow is None:
            self._slow = self._slow_factory()
        return iter(self._slow.iter_errors(value))


class Validators:
    """Checkers of one document's schemas, by JSON pointer."""

    def __init__(self, document: Document) -> None:
        self.document = document

    @cached_property
    def registry(self) -> Registry[Any]:
        resource: Resource[Any] = DRAFT202012.create_resource(self.document.raw)
        registry: Registry[Any] = Registry().with_resource(self.document.uri, resource)
        return registry

    @cached_property
    def rs_registry(self) -> Any:
        return jsonschema_rs.Registry([(self.document.uri, self.document.raw)])

    def at(self, pointer: str) -> Checker:
        """The checker of the schema at a JSON pointer of the document."""
        fast = jsonschema_rs.Draft202012Validator(
            {"$ref": f"{self.document.uri}#{quote(pointer, safe='/~')}"},
            registry=self.rs_registry,
            formats=RS_FORMATS,
            validate_formats=True,
        )

        def slow() -> Draft202012Validator:
            return Validator(
                {"$ref": f"{self.document.uri}#{pointer}"},
                registry=self.registry,
                format_checker=FORMAT_CHECKER,
            )

        return Checker(fast, slow)
