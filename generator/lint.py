"""Lint the specs: OpenAPI 3.1 validity, house rules, resolvable $refs and examples that match their schemas.

openapi-python-client and the fake server trust the specs, so mistakes are caught here, before generation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
import referencing
import referencing.exceptions
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator
from referencing.jsonschema import DRAFT202012

from calspec.core import extensions
from calspec.core.formats import FORMAT_CHECKER
from calspec.core.operations import HTTP_METHODS, Document, Operation, RefError
from calspec.core.pointer import join as pointer
from calspec.core.pointer import split
from calspec.core.specfile import load_spec

from .closing import SCHEMA_PREFIX, ClosingError, close_all_of, is_closed_all_of
from .layout import display_path

BASE_URI = "urn:calspec:spec"
_EXPRESSION = re.compile(r"^\$request\.(path|query)\.(.+)$")
# Keywords whose value is a subschema / a map of subschemas / a list of subschemas (JSON Schema 2020-12).
SCHEMA_KEYWORDS = (
    "additionalProperties",
    "items",
    "not",
    "contains",
    "if",
    "then",
    "else",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
)
SCHEMA_MAP_KEYWORDS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SCHEMA_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")


class Linter:
    """Collects every problem in one spec as `file: pointer: message` lines."""

    def __init__(self, path: Path, doc: dict[str, Any]) -> None:
        self.name = display_path(path)
        self.doc = doc
        self.document = Document(path.parent.name, path, raw=doc)
        self.errors: list[str] = []
        resource = DRAFT202012.create_resource(doc)
        self.registry: referencing.Registry[Any] = referencing.Registry().with_resource(BASE_URI, resource)
        self.resolver = self.registry.resolver(base_uri=BASE_URI)
        self.checker = FORMAT_CHECKER
        self.used_examples: set[str] = set()

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{self.name}: {where or '/'}: {message}")

    # --- $refs -------------------------------------------------------------------------------
    def resolve(self, ref: str) -> Any:
        return self.resolver.lookup(ref).contents

    def deref(self, node: Any) -> Any:
        """Follow $ref chains of reference objects (not schemas); None when unresolvable."""
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            seen += 1
            if seen > 20:
                return None
            try:
                node = self.resolve(node["$ref"])
            except referencing.exceptions.Unresolvable:
                return None
        return node

    def check_refs(self, node: Any, parts: tuple[str | int, ...] = ()) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    self.resolve(ref)
                except referencing.exceptions.Unresolvable:
                    self.error(pointer(*parts, "$ref"), f"$ref does not resolve: {ref}")
            for key, value in node.items():
                self.check_refs(value, (*parts, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                self.check_refs(item, (*parts, index))

    # --- OpenAPI validity ----------------------------------------------------------------------
    def check_openapi(self) -> None:
        if not str(self.doc.get("openapi", "")).startswith("3.1"):
            self.error("/openapi", f"expected OpenAPI 3.1.x, got {self.doc.get('openapi')!r}")
            return
        try:
            for err in OpenAPIV31SpecValidator(self.doc).iter_errors():
                where = pointer(*err.absolute_path) if getattr(err, "absolute_path", None) else "/"
                self.error(where, f"OpenAPI 3.1: {err.message}")
        except Exception as exc:  # the validator can raise instead of yielding on broken documents
            self.error("/", f"OpenAPI 3.1 validator failed: {exc}")

    # --- house rules ---------------------------------------------------------------------------
    def compiled(self) -> tuple[Operation, ...]:
        """The operations as every tool sees them (`calspec.core.operations`); none if they don't compile."""
        try:
            return self.document.operations
        except (RefError, KeyError, TypeError, ValueError) as exc:
            self.error("/paths", f"operations don't compile: {exc}")
            return ()

    def operations(self) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
        """Every operation: the compiled ones, or (when a $ref breaks compiling) each one as written."""
        try:
            compiled = self.document.operations
        except (RefError, KeyError, TypeError, ValueError):
            compiled = ()
        if compiled:
            for op in compiled:
                yield tuple(split(op.pointer)), dict(op.definition)
            return
        for path, item in (self.doc.get("paths") or {}).items():
            path_item = self.deref(item)
            for method in HTTP_METHODS:
                raw = path_item.get(method) if isinstance(path_item, dict) else None
                if isinstance(raw, dict):
                    yield ("paths", path, method), raw

    # --- x-calspec-* extensions ------------------------------------------------------------------
    def check_extensions(self) -> None:
        """Each extension is known, in its place and valid (spec/extensions.yaml), and names only
        parameters its operation has."""
        for where, message in extensions.check(self.doc):
            self.error(where, message)
        if "x-calspec-errors" not in self.doc:
            self.error("/", "no x-calspec-errors: the fake and the clients need the error format")
        schemes = (self.doc.get("components") or {}).get("securitySchemes") or {}
        for op in self.compiled():
            for requirement in op.security:
                for name in requirement:
                    if "x-calspec-auth" not in (schemes.get(name) or {}):
                        self.error(pointer("components", "securitySchemes", name), "no x-calspec-auth")
            self._check_extension_names(op)

    def _check_extension_names(self, op: Operation) -> None:
        where = op.pointer
        named: list[tuple[str, str]] = []
        if op.window is not None:
            named += [("query", op.window.start), ("query", op.window.end)]
        if op.pagination is not None:
            named += [
                ("query", name)
                for name in (op.pagination.size, op.pagination.cursor, op.pagination.page)
                if name
            ]
        keys = [dict(op.resource.key) if op.resource else {}] + [dict(r.key) for r in op.removes]
        for key in keys:
            for expression in key.values():
                match = _EXPRESSION.match(expression)
                if match:
                    named.append((match.group(1), match.group(2)))
        for location, name in named:
            if op.parameter(name, location) is None:
                self.error(
                    where, f"an x-calspec extension names {location} parameter {name!r}, which it lacks"
                )
        rule_names = [rule.name for rule in op.rules]
        if len(rule_names) != len(set(rule_names)):
            self.error(where + "/x-calspec-rules", "a rule is named twice")

    def check_house_rules(self) -> None:
        top_security = "security" in self.doc
        for parts, op in self.operations():
            where = pointer(*parts)
            if not op.get("operationId"):
                self.error(where, "operation has no operationId")
            if not op.get("summary"):
                self.error(where, "operation has no summary")
            if not op.get("tags"):
                self.error(where, "operation has no tags")
            if "security" not in op and not top_security:
                self.error(where, "operation has no security (and there is no top-level security)")
            codes = [str(code) for code in (op.get("responses") or {})]
            if not any(re.fullmatch(r"4(\d\d|XX)", code) for code in codes):
                self.error(where, "operation documents no 4xx error response")

    # --- strict requests -----------------------------------------------------------------------
    def check_closed_schemas(self) -> None:
        """Closed `allOf`s flatten (generator/closing.py), and request bodies are closed all the way down.

        An object schema with `properties` under a request body must not take other keys; a schema with
        no `properties` (a free-form map) may. Checked on the flattened copy the generator reads.
        """
        self._check_unevaluated(self.doc, ())
        try:
            flat = close_all_of(self.doc)
        except ClosingError as exc:
            self.error("", f"closed allOf: {exc}")
            return
        flat_schemas = (flat.get("components") or {}).get("schemas") or {}
        seen: set[str] = set()
        for parts, op in self.operations():
            body = self.deref(op.get("requestBody"))
            for media, content in ((body or {}).get("content") or {}).items():
                where = (*parts, "requestBody", "content", media, "schema")
                self._check_request_schema(content.get("schema"), where, flat_schemas, seen)

    def _check_unevaluated(self, node: Any, parts: tuple[str | int, ...]) -> None:
        if isinstance(node, dict):
            if "unevaluatedProperties" in node:
                top = len(parts) == 3 and parts[:2] == ("components", "schemas")
                if not (top and is_closed_all_of(node)):
                    self.error(
                        pointer(*parts),
                        "`unevaluatedProperties` only as `false` beside `allOf` in a components/schemas "
                        "entry (the generator flattens only those)",
                    )
            for key, value in node.items():
                if key not in ("example", "examples"):
                    self._check_unevaluated(value, (*parts, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                self._check_unevaluated(item, (*parts, index))

    def _check_request_schema(
        self, node: Any, parts: tuple[str | int, ...], schemas: dict[str, Any], seen: set[str]
    ) -> None:
        if isinstance(node, list):
            for index, item in enumerate(node):
                self._check_request_schema(item, (*parts, index), schemas, seen)
            return
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
            name = ref[len(SCHEMA_PREFIX) :]
            if name not in seen and name in schemas:
                seen.add(name)
                self._check_request_schema(schemas[name], ("components", "schemas", name), schemas, seen)
            return
        if "properties" in node and node.get("additionalProperties") is not False:
            self.error(
                pointer(*parts),
                "object in a request body takes unknown keys: add `additionalProperties: false`, or use "
                "a request variant (`allOf` of it with `unevaluatedProperties: false`)",
            )
        for key, value in node.items():
            if key not in ("example", "examples", "default", "const", "enum"):
                self._check_request_schema(value, (*parts, key), schemas, seen)

    # --- examples ------------------------------------------------------------------------------
    def validate_example(
        self, schema_parts: tuple[str | int, ...], value: Any, where: str, label: str
    ) -> None:
        ref = BASE_URI + "#" + quote(pointer(*schema_parts), safe="/~")
        validator = jsonschema.Draft202012Validator(
            {"$ref": ref}, registry=self.registry, format_checker=self.checker
        )
        try:
            errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        except referencing.exceptions.Unresolvable as exc:
            self.error(where, f"{label}: schema has an unresolvable $ref: {exc}")
            return
        for err in errors:
            at = "".join(f"/{p}" for p in err.absolute_path) or "(root)"
            self.error(where, f"{label} does not match its schema at {at}: {err.message}")

    def check_schema_examples(self, schema: Any, parts: tuple[str | int, ...]) -> None:
        """Validate `examples` (and 3.0-style `example`) of a schema and all its subschemas."""
        if not isinstance(schema, dict) or isinstance(schema.get("$ref"), str) and len(schema) == 1:
            return
        examples = schema.get("examples")
        if isinstance(examples, list):
            for index, value in enumerate(examples):
                self.validate_example(parts, value, pointer(*parts, "examples", index), "schema example")
        if "example" in schema:
            self.validate_example(parts, schema["example"], pointer(*parts, "example"), "schema example")
        for key in SCHEMA_KEYWORDS:
            if isinstance(schema.get(key), dict):
                self.check_schema_examples(schema[key], (*parts, key))
        for key in SCHEMA_MAP_KEYWORDS:
            if isinstance(schema.get(key), dict):
                for name, sub in schema[key].items():
                    self.check_schema_examples(sub, (*parts, key, name))
        for key in SCHEMA_LIST_KEYWORDS:
            if isinstance(schema.get(key), list):
                for index, sub in enumerate(schema[key]):
                    self.check_schema_examples(sub, (*parts, key, index))

    def check_holder_examples(self, holder: Any, parts: tuple[str | int, ...], skip_examples: bool) -> None:
        """A media type, parameter or header object: `example` / `examples` against its `schema`."""
        if not isinstance(holder, dict) or "$ref" in holder:
            return
        if not isinstance(holder.get("schema"), dict):
            if "example" in holder or "examples" in holder:
                if not skip_examples:
                    self.error(pointer(*parts), "has examples but no schema to check them against")
            return
        schema_parts = (*parts, "schema")
        self.check_schema_examples(holder["schema"], schema_parts)
        if skip_examples:
            return
        if "example" in holder:
            self.validate_example(schema_parts, holder["example"], pointer(*parts, "example"), "example")
        for name, example in (holder.get("examples") or {}).items():
            where = pointer(*parts, "examples", name)
            label = f"example {name!r}"
            if isinstance(example, dict) and isinstance(example.get("$ref"), str):
                self.used_examples.add(example["$ref"])
                label = f"example {example['$ref'].rsplit('/', 1)[-1]!r} (via {name!r})"
            target = self.deref(example)
            if not isinstance(target, dict):
                continue  # unresolvable $ref: reported by check_refs
            if "value" in target:
                self.validate_example(schema_parts, target["value"], where, label)

    def check_content(self, content: Any, parts: tuple[str | int, ...]) -> None:
        if not isinstance(content, dict):
            return
        for media_type, media in content.items():
            is_json = media_type.split(";")[0].strip().endswith(("/json", "+json"))
            self.check_holder_examples(media, (*parts, media_type), skip_examples=not is_json)

    def check_parameters(self, params: Any, parts: tuple[str | int, ...]) -> None:
        for index, param in enumerate(params or []):
            self.check_holder_examples(param, (*parts, index), skip_examples=False)
            if isinstance(param, dict) and "content" in param:
                self.check_content(param["content"], (*parts, index, "content"))

    def check_response(self, response: Any, parts: tuple[str | int, ...]) -> None:
        if not isinstance(response, dict) or "$ref" in response:
            return
        self.check_content(response.get("content"), (*parts, "content"))
        for name, header in (response.get("headers") or {}).items():
            self.check_holder_examples(header, (*parts, "headers", name), skip_examples=False)

    def check_examples(self) -> None:
        for path, item in (self.doc.get("paths") or {}).items():
            if not isinstance(item, dict):
                continue
            self.check_parameters(item.get("parameters"), ("paths", path, "parameters"))
            for method in HTTP_METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                base = ("paths", path, method)
                self.check_parameters(op.get("parameters"), (*base, "parameters"))
                body = op.get("requestBody")
                if isinstance(body, dict) and "$ref" not in body:
                    self.check_content(body.get("content"), (*base, "requestBody", "content"))
                for code, response in (op.get("responses") or {}).items():
                    self.check_response(response, (*base, "responses", str(code)))
        components = self.doc.get("components") or {}
        for name, schema in (components.get("schemas") or {}).items():
            self.check_schema_examples(schema, ("components", "schemas", name))
        for name, param in (components.get("parameters") or {}).items():
            self.check_holder_examples(param, ("components", "parameters", name), skip_examples=False)
        for name, header in (components.get("headers") or {}).items():
            self.check_holder_examples(header, ("components", "headers", name), skip_examples=False)
        for name, body in (components.get("requestBodies") or {}).items():
            if isinstance(body, dict):
                self.check_content(body.get("content"), ("components", "requestBodies", name, "content"))
        for name, response in (components.get("responses") or {}).items():
            self.check_response(response, ("components", "responses", name))
        for name in components.get("examples") or {}:
            if pointer("components", "examples", name) not in {ref.lstrip("#") for ref in self.used_examples}:
                self.error(
                    pointer("components", "examples", name),
                    "example is not referenced by any media type, parameter or header, "
                    "so it is never checked against a schema",
                )

    def run(self) -> list[str]:
        self.check_refs(self.doc)
        self.check_house_rules()
        self.check_extensions()
        self.check_closed_schemas()
        self.check_examples()
        self.check_openapi()
        return self.errors


def lint_spec(path: Path) -> list[str]:
    """All problems in one spec file, as `spec/...: <json pointer>: message` lines (empty when clean)."""
    name = display_path(path)
    try:
        doc = load_spec(path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        return [f"{name}: /: cannot load: {exc}"]
    return Linter(path, doc).run()
