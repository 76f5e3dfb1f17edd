"""Flatten the specs' closed `allOf` schemas into the plain closed objects they mean.

A request variant of a shared object is written once in the spec as
`allOf: [$ref: Base]` plus `unevaluatedProperties: false` (and, optionally, `properties` that narrow
some of Base's to their own request variants). JSON Schema 2020-12 validators (the fake's, the lint's)
and schemathesis read that as it stands. openapi-python-client doesn't know `unevaluatedProperties`
and would give the model an open `additional_properties`, so it reads this flattened copy: Base's
properties, the local ones on top, `additionalProperties: false`. Nothing is restated in the spec.
"""

from __future__ import annotations

import copy
from typing import Any

SCHEMA_PREFIX = "#/components/schemas/"
# Keywords that only describe: the closed schema's own win, a base's fill the gaps.
ANNOTATIONS = ("title", "description", "example", "examples", "deprecated", "readOnly", "writeOnly")


class ClosingError(ValueError):
    """A closed `allOf` this module can't flatten without changing what it means."""


def is_closed_all_of(schema: object) -> bool:
    return isinstance(schema, dict) and "allOf" in schema and schema.get("unevaluatedProperties") is False


def _resolve(member: dict[str, Any], schemas: dict[str, Any], where: str) -> dict[str, Any]:
    ref = member.get("$ref")
    if ref is None:
        return member
    if not isinstance(ref, str) or not ref.startswith(SCHEMA_PREFIX) or len(member) != 1:
        raise ClosingError(f"{where}: allOf members must be plain `$ref`s to components/schemas or inline")
    name = ref[len(SCHEMA_PREFIX) :]
    if name not in schemas:
        raise ClosingError(f"{where}: {ref} does not resolve")
    target: dict[str, Any] = schemas[name]
    return target


def _narrows(local: object, base: object, schemas: dict[str, Any]) -> bool:
    """Whether `local` is `base` or a `$ref` to a closed `allOf` of it (so local alone means both)."""
    if local == base:
        return True
    if not (isinstance(local, dict) and isinstance(base, dict) and set(local) == {"$ref"} == set(base)):
        return False
    ref = local["$ref"]
    if not isinstance(ref, str) or not ref.startswith(SCHEMA_PREFIX):
        return False
    target = schemas.get(ref[len(SCHEMA_PREFIX) :])
    return isinstance(target, dict) and is_closed_all_of(target) and base in target["allOf"]


def flatten(schema: dict[str, Any], schemas: dict[str, Any], where: str) -> dict[str, Any]:
    """The closed object `schema` (a closed `allOf`) means, as one plain schema."""
    out: dict[str, Any] = {
        key: copy.deepcopy(value)
        for key, value in schema.items()
        if key not in ("allOf", "unevaluatedProperties", "properties", "required")
    }
    properties: dict[str, Any] = {}
    required: list[str] = []
    for index, raw in enumerate(schema["allOf"]):
        member = _resolve(raw, schemas, f"{where}/allOf/{index}")
        if "allOf" in member or "$ref" in member:
            raise ClosingError(f"{where}/allOf/{index}: nested allOf or $ref chains are not flattened")
        if member.get("type", "object") != "object":
            raise ClosingError(f"{where}/allOf/{index}: not an object schema")
        for key, value in member.items():
            if key == "properties":
                properties.update(copy.deepcopy(value))
            elif key == "required":
                required.extend(name for name in value if name not in required)
            elif key in ("additionalProperties", "type"):
                continue  # replaced by the closed object's own
            elif key in ANNOTATIONS:
                out.setdefault(key, copy.deepcopy(value))
            elif key in out and out[key] != value:
                raise ClosingError(f"{where}: `{key}` differs between allOf members")
            else:
                out[key] = copy.deepcopy(value)
    for name, local in schema.get("properties", {}).items():
        if name in properties and not _narrows(local, properties[name], schemas):
            raise ClosingError(
                f"{where}/properties/{name}: must equal the base's or be a closed allOf of it, "
                "or flattening would drop the base's constraint"
            )
        properties[name] = copy.deepcopy(local)
    required.extend(name for name in schema.get("required", []) if name not in required)
    out["type"] = "object"
    out["properties"] = properties
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    return out


def close_all_of(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of `spec` with every closed `allOf` in components/schemas flattened."""
    result = copy.deepcopy(spec)
    schemas: dict[str, Any] = result.get("components", {}).get("schemas", {})
    originals = copy.deepcopy(schemas)
    for name, schema in originals.items():
        if is_closed_all_of(schema):
            schemas[name] = flatten(schema, originals, f"{SCHEMA_PREFIX}{name}")
    return result
