"""Make the copy of a spec that openapi-python-client reads.

openapi-python-client only knows standard formats, so the custom ones become their closest standard
format; the generated code then parses them with the tolerant helpers in the package's types module.
It doesn't know `unevaluatedProperties` either, so closed `allOf`s are flattened (see closing.py).
Nor can a template follow a `$ref`: so each object schema and each operation is told, as
`x-calspec-times`, which time formats each of its properties or parameters may hold (see annotate_times).

A model template sees its schema's x- fields (`model.data.model_extra`); an endpoint template doesn't see
its operation's (openapi-python-client keeps no operation data on `Endpoint`). So the templates are
read from a copy that holds one more, `calspec_operations.jinja`: each operation's x-calspec-* fields by
its module name (see prepare_templates).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from openapi_python_client.strings import snake_case

from calspec.core.specfile import load_spec

from .closing import close_all_of

# Custom format -> the standard one the generated code parses it as (None: a plain string).
FORMAT_MAP: dict[str, str | None] = {
    "local-date-time": "date-time",
    "offset-date": "date",
    "iana-time-zone": None,
}


def map_formats(node: Any) -> Any:
    """A copy of node with custom `format` values replaced by their standard one; the original stays
    beside it as `x-calspec-format`, so a template can tell a wall-clock time from an RFC 3339 one."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "format" and isinstance(value, str) and value in FORMAT_MAP:
                mapped = FORMAT_MAP[value]
                if mapped is not None:
                    out[key] = mapped
                out["x-calspec-format"] = value
            else:
                out[key] = map_formats(value)
        return out
    if isinstance(node, list):
        return [map_formats(item) for item in node]
    return node


# The formats a time value can have, as the spec writes them.
TIME_FORMATS = ("date-time", "local-date-time", "date", "offset-date", "iana-time-zone")
SCHEMA_PREFIX = "#/components/schemas/"
PARAMETER_PREFIX = "#/components/parameters/"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _resolve(node: Any, components: dict[str, Any], prefix: str) -> Any:
    """node, or what its `$ref` into components names (followed to the end)."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith(prefix):
        ref = node["$ref"]
        if ref in seen:
            return {}
        seen.add(ref)
        node = components.get(ref[len(prefix) :], {})
    return node


def time_formats(schema: Any, schemas: dict[str, Any]) -> list[str]:
    """The time formats a value of `schema` may have (through `$ref`s, `anyOf`/`oneOf` members).

    The original format counts (`x-calspec-format`, kept by map_formats), so `local-date-time` (a
    wall-clock time: a naive datetime) stays apart from `date-time` (an instant: an aware one).
    """
    schema = _resolve(schema, schemas, SCHEMA_PREFIX)
    if not isinstance(schema, dict):
        return []
    found: list[str] = []
    own = schema.get("x-calspec-format", schema.get("format"))
    if own in TIME_FORMATS:
        found.append(own)
    for key in ("anyOf", "oneOf"):
        for member in schema.get(key) or ():
            found.extend(f for f in time_formats(member, schemas) if f not in found)
    return sorted(found, key=TIME_FORMATS.index)


def _annotate_objects(node: Any, schemas: dict[str, Any]) -> None:
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            times = {name: time_formats(schema, schemas) for name, schema in properties.items()}
            times = {name: formats for name, formats in times.items() if formats}
            if times:
                node["x-calspec-times"] = times
        for value in node.values():
            _annotate_objects(value, schemas)
    elif isinstance(node, list):
        for item in node:
            _annotate_objects(item, schemas)


def annotate_times(spec: dict[str, Any]) -> dict[str, Any]:
    """Mark, in place, every object schema and every operation with `x-calspec-times`: property (or
    parameter) name -> the time formats its value may have. Templates read it from `model.data` and
    `endpoint.data` to check naive and aware datetimes and to find zoned times."""
    components = spec.get("components") or {}
    schemas = components.get("schemas") or {}
    parameters = components.get("parameters") or {}
    _annotate_objects(spec, schemas)
    for item in (spec.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        shared = item.get("parameters") or []
        for method in METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            times: dict[str, list[str]] = {}
            for raw in [*shared, *(operation.get("parameters") or [])]:
                parameter = _resolve(raw, parameters, PARAMETER_PREFIX)
                if isinstance(parameter, dict) and "name" in parameter:
                    formats = time_formats(parameter.get("schema"), schemas)
                    if formats:
                        times[str(parameter["name"])] = formats
            if times:
                operation["x-calspec-times"] = times
    return spec


def operation_extensions(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each operation's x- fields, by module name (snake_case of its operationId, as the endpoint's)."""
    found: dict[str, dict[str, Any]] = {}
    for item in (spec.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            operation = item.get(method)
            if isinstance(operation, dict) and operation.get("operationId"):
                extensions = {key: value for key, value in operation.items() if key.startswith("x-")}
                found[snake_case(str(operation["operationId"]))] = extensions
    return found


def prepare_templates(templates: Path, prepared: Path, dest_dir: Path) -> Path:
    """A copy of the templates openapi-python-client reads, with `calspec_operations.jinja`: a Jinja
    module whose `operations` maps each endpoint's name to its operation's x- fields (from the prepared
    spec, so `x-calspec-times` is there too). Endpoint templates `{% import %}` it."""
    dest = dest_dir / "templates"
    shutil.copytree(templates, dest, ignore=shutil.ignore_patterns("runtime", "__pycache__"))
    spec = json.loads(prepared.read_text(encoding="utf-8"))
    # JSON values written as Python literals, which Jinja reads as they are (None, True, strings, lists).
    literal = repr(json.loads(json.dumps(operation_extensions(spec), sort_keys=True)))
    (dest / "calspec_operations.jinja").write_text(
        "{#- Generated by generator/prepare.py: each operation's x- fields, by module name. -#}\n"
        f"{{% set operations = {literal} %}}\n",
        encoding="utf-8",
    )
    return dest


def prepare_spec(spec: Path, dest_dir: Path) -> Path:
    """Write the transformed spec as JSON into dest_dir and return its path."""
    dest = dest_dir / "openapi.json"
    prepared = annotate_times(map_formats(close_all_of(load_spec(spec))))
    dest.write_text(json.dumps(prepared, indent=2, ensure_ascii=False), encoding="utf-8")
    return dest
