"""JSON Schema validation of values against a spec's schemas, the same way wherever it runs.

Draft 2020-12 with the specs' own string formats (`formats.FORMAT_CHECKER`) and a `uniqueItems` that
runs in linear time (jsonschema compares unhashable items pairwise, which a 15,000-item list turns into
minutes). `$ref: "#/components/..."` resolves inside the same document through one registry.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Any

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


class Validators:
    """Validators of one document's schemas, by JSON pointer."""

    def __init__(self, document: Document) -> None:
        self.document = document

    @cached_property
    def registry(self) -> Registry[Any]:
        resource: Resource[Any] = DRAFT202012.create_resource(self.document.raw)
        registry: Registry[Any] = Registry().with_resource(self.document.uri, resource)
        return registry

    def at(self, pointer: str) -> Draft202012Validator:
        """Validator of the schema at a JSON pointer of the document."""
        return Validator(
            {"$ref": f"{self.document.uri}#{pointer}"}, registry=self.registry, format_checker=FORMAT_CHECKER
        )
