"""`python -m generator diff OLD NEW`: every change between two revisions of a spec, breaking or not.

OLD and NEW are git revisions (the spec is read with `git show REV:spec/<provider>/calendar.yaml`),
spec files, or folders holding the specs (`spec` or `.`: the working tree). Both documents are read as
the generator reads them (closed `allOf`s flattened, generator/closing.py), `$ref`s are followed with
`calspec.core.operations.Document`, and they are compared the way oasdiff does: operations matched by
method and path, a schema referenced by name on both sides compared once, as that schema.

Each change gets a level, the semver bump it needs:

- major (BREAKING): code written against the old client, or a request it sends, may fail:
  an operation, parameter, request or response property, response status, schema (model) or server
  removed; a request parameter, body or property newly required, or a response property now optional;
  an operationId or first tag changed (the client's module moves); a type narrowed where the client
  sends it or widened where it receives it (a type or `anyOf`/`oneOf` member removed from a request,
  added to a response; string -> integer either way); a format added or changed (and removed from a
  response: the client's Python type changes); in requests, an enum value removed or an enum added,
  a constraint tightened (lower max*, higher min*, a new or changed pattern or multipleOf, uniqueItems),
  an object closed; security requirements that old credentials may not meet; anything not analysed.
- minor: an operation, optional parameter or property, response, server or schema added; a request
  widened (enum value added, constraint loosened); an enum value added to a response (the clients keep
  unknown values); deprecations, defaults, x-calspec-* extensions.
- patch: descriptions, summaries, titles and examples.

Constraints and enum narrowing in responses are never breaking: the clients don't validate responses.
"""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from calspec.core.operations import Document, RefError
from calspec.core.pointer import unescape
from calspec.core.providers import Provider
from calspec.core.specfile import SpecLoader, load_spec

from .closing import ClosingError, flatten, is_closed_all_of
from .extras import _constant as server_constant  # the name servers.py gives a server
from .layout import ROOT, display_path, output_dir
from .release import REGISTRY, VersionError, bump, committed_lock, git_show, parse_version

MAJOR, MINOR, PATCH = "major", "minor", "patch"
SEVERITY = {PATCH: 0, MINOR: 1, MAJOR: 2}
REQUEST, RESPONSE = "request", "response"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_PREFIX = "#/components/schemas/"

ANNOTATIONS = frozenset(
    {"title", "summary", "description", "example", "examples", "$comment", "externalDocs"}
)
UPPER = ("maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum")
LOWER = ("minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum")
EXACT = ("pattern", "multipleOf")
CLOSERS = ("additionalProperties", "unevaluatedProperties")
SCHEMA_HANDLED = frozenset(
    {"$ref", "type", "format", "enum", "const", "properties", "required", "items", "allOf", "anyOf", "oneOf"}
    | {"readOnly", "writeOnly", "uniqueItems", *UPPER, *LOWER, *EXACT, *CLOSERS}
)


class DiffError(ValueError):
    """A revision that can't be read, or a document that can't be compared."""


@dataclass(frozen=True)
class Change:
    group: str  # an operation (`GET /path` (operationId)), a schema (schema `Name`) or `document`
    where: str  # inside it: "query parameter `count`", "request body `eventComponents[].summary`"
    message: str
    level: str  # major (breaking), minor or patch

    @property
    def breaking(self) -> bool:
        return self.level == MAJOR

    def line(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class At:
    """Where a schema is compared: its group, what holds it, the direction it travels, the path inside."""

    group: str
    where: str
    direction: str  # request: the client sends it; response: the client receives it
    path: str = ""

    def child(self, step: str) -> At:
        path = self.path + step if step == "[]" or not self.path else f"{self.path}.{step}"
        return replace(self, path=path)

    def label(self) -> str:
        return " ".join(part for part in (self.where, f"`{self.path}`" if self.path else "") if part)


def _component(node: Any) -> str | None:
    """The name of the components/schemas entry `node` references, if that's what it is."""
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX) and "/" not in ref[len(SCHEMA_PREFIX) :]:
        return unescape(ref[len(SCHEMA_PREFIX) :])
    return None


def _types(schema: Mapping[str, Any]) -> frozenset[str] | None:
    """The schema's types (an integer is a number too); None: any."""
    raw = schema.get("type")
    if raw is None:
        return None
    types = {raw} if isinstance(raw, str) else set(raw)
    return frozenset(types | {"integer"} if "number" in types else types)


def _show(value: Any, missing: str = "none", limit: int = 48) -> str:
    """A value as JSON (a long one cut short), a type set as `string | null`, an absent one as `missing`."""
    if value is None:
        return missing
    if isinstance(value, frozenset):
        return " | ".join(sorted(value - {"integer"} if "number" in value else value))
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _level(at: At, *, narrower: bool, wider: bool, response_matters: bool = True) -> str:
    """A change that lets fewer values through (narrower) and/or more (wider) breaks what the client
    sends when narrower, and what it receives when wider (if the clients care: `response_matters`)."""
    if at.direction == REQUEST:
        return MAJOR if narrower else MINOR
    return MAJOR if wider and response_matters else MINOR


class Comparison:
    """One provider's two documents and the changes found between them."""

    def __init__(self, old: Document, new: Document) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self.reached: dict[str, set[str]] = {}  # schema name -> directions it travels in
        self._active: set[tuple[int, int, str]] = set()

    def run(self) -> list[Change]:
        self._document()
        self._operations()
        self._components()
        return merged(self.changes)

    def _note(self, group: str, where: str, message: str, level: str) -> None:
        self.changes.append(Change(group, where, message, level))

    def _at(self, at: At, message: str, level: str) -> None:
        self._note(at.group, at.label(), message, level)

    def _deref(self, document: Document, node: Any) -> Any:
        try:
            return document.resolve(node, "")[0]
        except RefError as exc:
            raise DiffError(str(exc)) from None

    # The rest of an object: what describes it, its extensions, and anything this module doesn't analyse.

    def _rest(self, at: At, old: Mapping[str, Any], new: Mapping[str, Any], handled: frozenset[str]) -> None:
        for key in _keys(old, new):
            if key in handled or old.get(key) == new.get(key):
                continue
            before, after = old.get(key), new.get(key)
            if key in ANNOTATIONS or key == "links":
                self._at(at, f"{key} changed", PATCH)
            elif key == "deprecated":
                self._at(at, "deprecated" if after else "no longer deprecated", MINOR)
            elif key == "default":
                self._at(at, f"default {_show(before)} → {_show(after)}", MINOR)
            elif key == "x-enum-varnames":  # the generated enum's member names
                kept = set(before or ()) <= set(after or ())
                self._at(at, f"enum member names {_show(before)} → {_show(after)}", MINOR if kept else MAJOR)
            elif key.startswith("x-"):
                self._at(at, f"`{key}` changed", MINOR)
            else:
                self._at(at, f"`{key}` changed (not analysed: counted as breaking)", MAJOR)

    # The document ----------------------------------------------------------------------------------

    def _document(self) -> None:
        group = "document"
        old, new = self.old.raw, self.new.raw
        at = At(group, "", REQUEST)
        old_info, new_info = old.get("info") or {}, new.get("info") or {}
        if old_info.get("version") != new_info.get("version"):
            self._note(group, "", f"API version {old_info.get('version')} → {new_info.get('version')}", PATCH)
        for key in _keys(old_info, new_info):
            if key != "version" and old_info.get(key) != new_info.get(key):
                self._note(group, "info", f"{key} changed", PATCH)
        old_servers = {s.get("url"): s for s in old.get("servers") or ()}
        new_servers = {s.get("url"): s for s in new.get("servers") or ()}
        for url in _keys(old_servers, new_servers):
            where = f"server `{url}`"
            if url not in new_servers:
                self._note(group, where, "removed", MAJOR)
            elif url not in old_servers:
                self._note(group, where, "added", MINOR)
            elif old_servers[url] != new_servers[url]:
                before, after = old_servers[url], new_servers[url]
                names = [server_constant(str(s.get("description") or url)) for s in (before, after)]
                if names[0] != names[1]:  # servers.py names each server after its description
                    self._note(group, where, f"constant {names[0]} → {names[1]} in servers.py", MAJOR)
                self._rest(replace(at, where=where), before, after, frozenset({"url"}))
        old_schemes = (old.get("components") or {}).get("securitySchemes") or {}
        new_schemes = (new.get("components") or {}).get("securitySchemes") or {}
        for name in _keys(old_schemes, new_schemes):
            where = f"security scheme `{name}`"
            if name not in new_schemes:
                self._note(group, where, "removed", MAJOR)
            elif name not in old_schemes:
                self._note(group, where, "added", MINOR)
            elif old_schemes[name] != new_schemes[name]:
                # How a client authenticates: any change but its description is breaking.
                self._rest(replace(at, where=where), old_schemes[name], new_schemes[name], frozenset())
        for key in _keys(old, new):
            if key.startswith("x-") and old.get(key) != new.get(key):
                self._note(group, "", f"`{key}` changed", MINOR)
            elif key in ("tags", "externalDocs") and old.get(key) != new.get(key):
                self._note(group, "", f"{key} changed", PATCH)

    # Operations ------------------------------------------------------------------------------------

    def _operations(self) -> None:
        old_ops, new_ops = dict(self._each_operation(self.old)), dict(self._each_operation(self.new))
        for key in _keys(new_ops, old_ops):
            if key not in old_ops:
                self._note(_op_group(new_ops[key]), "", "operation added", MINOR)
            elif key not in new_ops:
                self._note(_op_group(old_ops[key]), "", "operation removed", MAJOR)
            else:
                self._operation(old_ops[key], new_ops[key])

    def _each_operation(self, document: Document) -> Iterator[tuple[tuple[str, str], _Operation]]:
        root_security = document.raw.get("security", [])
        for path, raw_item in (document.raw.get("paths") or {}).items():
            item = self._deref(document, raw_item)
            shared = [self._deref(document, p) for p in item.get("parameters", ())]
            for method in METHODS:
                op = item.get(method)
                if not isinstance(op, Mapping):
                    continue
                parameters = {(p["in"], p["name"]): p for p in shared}
                for raw in op.get("parameters", ()):
                    p = self._deref(document, raw)
                    parameters[(p["in"], p["name"])] = p
                shape = "/".join("{}" if s.startswith("{") else s for s in path.split("/"))
                security = op.get("security", root_security)
                yield (method, shape), _Operation(method.upper(), path, op, parameters, security)

    def _operation(self, old: _Operation, new: _Operation) -> None:
        group = _op_group(new)
        old_id, new_id = old.definition.get("operationId"), new.definition.get("operationId")
        if old_id != new_id:
            self._note(
                group, "", f"operationId `{old_id}` → `{new_id}`: the client's module is renamed", MAJOR
            )
        old_tags, new_tags = old.definition.get("tags") or [], new.definition.get("tags") or []
        if old_tags[:1] != new_tags[:1]:
            self._note(
                group, "", f"tag {_show(old_tags[:1])} → {_show(new_tags[:1])}: the module moves", MAJOR
            )
        elif old_tags != new_tags:
            self._note(group, "", "tags changed", PATCH)
        if old.security != new.security:
            self._security(group, old.security, new.security)
        handled = frozenset({"operationId", "tags", "security", "parameters", "requestBody", "responses"})
        self._rest(At(group, "", REQUEST), old.definition, new.definition, handled)
        self._parameters(group, old.parameters, new.parameters)
        self._request_body(group, old.definition.get("requestBody"), new.definition.get("requestBody"))
        self._responses(group, old.definition.get("responses") or {}, new.definition.get("responses") or {})

    def _security(self, group: str, old: Any, new: Any) -> None:
        """Each requirement is a way to authenticate: breaking when an old way is gone."""

        def ways(requirements: Any) -> set[frozenset[tuple[str, frozenset[str]]]]:
            return {
                frozenset((name, frozenset(scopes)) for name, scopes in requirement.items())
                for requirement in requirements or [{}]
            }

        kept = ways(old) <= ways(new)
        self._note(group, "", f"security {_show(old)} → {_show(new)}", MINOR if kept else MAJOR)

    def _presence(self, group: str, where: str, old: Any, new: Any) -> bool:
        """A parameter or request body added, removed, newly required or optional; True when in both."""
        if old is None or new is None:
            if new is not None:
                required = bool(new.get("required"))
                added = f"added ({'required' if required else 'optional'})"
                self._note(group, where, added, MAJOR if required else MINOR)
            elif old is not None:
                self._note(group, where, "removed", MAJOR)
            return False
        before, after = bool(old.get("required")), bool(new.get("required"))
        if before != after:
            self._note(
                group, where, "became required" if after else "became optional", MAJOR if after else MINOR
            )
        return True

    def _parameters(
        self, group: str, old: dict[tuple[str, str], Any], new: dict[tuple[str, str], Any]
    ) -> None:
        for key in _keys(new, old):
            location, name = key
            at = At(group, f"{location} parameter `{name}`", REQUEST)
            if self._presence(group, at.where, old.get(key), new.get(key)):
                self._rest(at, old[key], new[key], frozenset({"name", "in", "required", "schema"}))
                self._schema(old[key].get("schema", {}), new[key].get("schema", {}), at)

    def _request_body(self, group: str, old_raw: Any, new_raw: Any) -> None:
        at = At(group, "request body", REQUEST)
        old = self._deref(self.old, old_raw) if old_raw is not None else None
        new = self._deref(self.new, new_raw) if new_raw is not None else None
        if self._presence(group, at.where, old, new) and old is not None and new is not None:
            self._rest(at, old, new, frozenset({"required", "content"}))
            self._content(at, old.get("content") or {}, new.get("content") or {})

    def _responses(self, group: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        for status in _keys(new, old):
            where = f"response {status}"
            if status not in old:
                self._note(group, where, "added", MINOR)
                continue
            if status not in new:
                success = str(status).startswith("2")
                self._note(group, where, "removed", MAJOR if success else MINOR)
                continue
            before, after = self._deref(self.old, old[status]), self._deref(self.new, new[status])
            at = At(group, where, RESPONSE)
            self._rest(at, before, after, frozenset({"content", "headers"}))
            self._headers(at, before.get("headers") or {}, after.get("headers") or {})
            self._content(at, before.get("content") or {}, after.get("content") or {})

    def _headers(self, at: At, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        old_by, new_by = {k.lower(): v for k, v in old.items()}, {k.lower(): v for k, v in new.items()}
        for name in _keys(new_by, old_by):
            header = replace(at, where=f"{at.where} header `{name}`")
            if name not in old_by:
                self._at(header, "added", MINOR)
            elif name not in new_by:
                self._at(header, "removed", MAJOR)
            else:
                before, after = self._deref(self.old, old_by[name]), self._deref(self.new, new_by[name])
                self._rest(header, before, after, frozenset({"schema", "required"}))
                self._schema(before.get("schema", {}), after.get("schema", {}), header)

    def _content(self, at: At, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        for media_type in _keys(new, old):
            here = at if media_type == "application/json" else replace(at, where=f"{at.where} ({media_type})")
            if media_type not in old:
                self._at(here, "added", MINOR)
            elif media_type not in new:
                self._at(here, "removed", MAJOR)
            else:
                before, after = old[media_type] or {}, new[media_type] or {}
                self._rest(here, before, after, frozenset({"schema", "encoding"}))
                self._schema(before.get("schema", {}), after.get("schema", {}), here)

    # Schemas ---------------------------------------------------------------------------------------

    def _schema(self, old_raw: Any, new_raw: Any, at: At) -> None:
        name = _component(old_raw)
        if name is not None and name == _component(new_raw):
            self.reached.setdefault(name, set()).add(at.direction)  # compared once, as `schema Name`
            self._rest(at, old_raw, new_raw, frozenset({"$ref", "readOnly", "writeOnly"}))
            return
        old, new = self._deref(self.old, old_raw), self._deref(self.new, new_raw)
        if not isinstance(old, Mapping) or not isinstance(new, Mapping):
            if old != new:
                self._at(at, f"schema {_show(old)} → {_show(new)}", MAJOR)
            return
        key = (id(old), id(new), at.direction)
        if key in self._active:  # a recursive schema: already being compared further up
            return
        self._active.add(key)
        try:
            self._compare(old, new, at)
        finally:
            self._active.discard(key)

    def _compare(self, old: Mapping[str, Any], new: Mapping[str, Any], at: At) -> None:
        if any(k in s for s in (old, new) for k in ("anyOf", "oneOf")):
            self._union(old, new, at)
            return
        self._type(old, new, at)
        self._format(old, new, at)
        self._values(old, new, at)
        self._constraints(old, new, at)
        self._properties(old, new, at)
        self._closed(old, new, at)
        if "items" in old or "items" in new:
            self._schema(old.get("items", {}), new.get("items", {}), at.child("[]"))
        old_all, new_all = old.get("allOf") or [], new.get("allOf") or []
        for index in range(max(len(old_all), len(new_all))):
            before = old_all[index] if index < len(old_all) else {}
            after = new_all[index] if index < len(new_all) else {}
            self._schema(before, after, at)
        self._rest(at, old, new, SCHEMA_HANDLED)

    def _union(self, old: Mapping[str, Any], new: Mapping[str, Any], at: At) -> None:
        """anyOf/oneOf members matched by what they are (a schema's name, or type and format); a
        schema that isn't a union is a union of one."""
        old_members, old_outer = _members(old)
        new_members, new_outer = _members(new)
        self._rest(at, old_outer, new_outer, frozenset())
        unmatched = list(new_members)
        for member in old_members:
            signature = self._signature(self.old, member)
            match = next((m for m in unmatched if self._signature(self.new, m) == signature), None)
            if match is None:
                level = _level(at, narrower=True, wider=False)
                self._at(at, f"{_describe(self.old, member)} removed from the union", level)
            else:
                unmatched.remove(match)
                self._schema(member, match, at)
        for member in unmatched:
            self._at(
                at,
                f"{_describe(self.new, member)} added to the union",
                _level(at, narrower=False, wider=True),
            )

    def _signature(self, document: Document, member: Any) -> tuple[Any, ...]:
        name = _component(member)
        if name is not None:
            return ("$ref", name)
        schema = self._deref(document, member)
        const = json.dumps(schema["const"]) if "const" in schema else None
        return ("schema", _types(schema), schema.get("format"), const)

    def _type(self, old: Mapping[str, Any], new: Mapping[str, Any], at: At) -> None:
        before, after = _types(old), _types(new)
        if before == after:
            return
        narrower = after is not None and (before is None or bool(before - after))
        wider = before is not None and (after is None or bool(after - before))
        shown = f"type {_show(before, 'any')} → {_show(after, 'any')}"
        self._at(at, shown, _level(at, narrower=narrower, wider=wider))

    def _format(self, old: Mapping[str, Any], new: Mapping[str, Any], at: At) -> None:
        """A format added or changed narrows what is sent and changes the Python type the client gives; one
        removed only widens a request."""
        before, after = old.get("format"), new.get("format")
        if before == after:
            return
        if after is None:
            self._at(at, f"format `{before}` removed", MINOR if at.direction == REQUEST else MAJOR)
        elif before is None:
            self._at(at, f"format `{after}` added", MAJOR)
        else:
            self._at(at, f"format `{before}` → `{after}`", MAJOR)

    def _values(self, old: Mapping[str, Any], new: Mapping[str, Any], at: At) -> None:
        """enum and const: a value removed narrows, one added widens (the clients keep unknown values they
        receive, so only requests break)."""
        before, after = _allowed(old), _allowed(new)
        if before == after:
            return
        if before is None or after is None:
            message = "any value allowed" if after is None else f"values restricted to {', '.join(after)}"
            self._at(
                at,
                message,
                _level(at, narrower=after is not None, wider=after is None, response_matters=False),
            )
            return
        for value in before:
            if value not in after:
                self._at(at, f"value {value} removed", _level(at, narrower=True, wider=False))
        for value in after:
            if value not in before:
                self._at(at, f"value {value} added", MINOR)

    def _constraints(self, old: Mapping[str, Any], new: Mapping[str, Any], at: At) -> None:
        """Bounds, patterns and uniqueness: tightening one breaks requests only."""
        for key in (*UPPER, *LOWER, *EXACT, "uniqueItems"):
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            if after is None or after is False:
                narrower = False
            elif before is None or before is False or key in EXACT or key == "uniqueItems":
                narrower = True
            elif not all(isinstance(v, int | float) for v in (before, after)):
                narrower = True
            else:
                narrower = after < before if key in UPPER else after > before
            message = f"{key} {_show(before)} → {_show(after)}"
            self._at(at, message, _level(at, narrower=narrower, wider=not narrower, response_matters=False))

    def _properties(self, old: Mapping[str, Any], new: Mapping[str, Any], at: At) -> None:
        before, after = self._visible(self.old, old, at.direction), self._visible(self.new, new, at.direction)
        old_required, new_required = set(old.get("required") or ()), set(new.get("required") or ())
        request = at.direction == REQUEST
        for name in _keys(after, before):
            if name not in after:
                self._at(at, f"property `{name}` removed", MAJOR)
            elif name not in before:
                required = name in new_required
                added = f"{'required' if required else 'optional'} property `{name}` added"
                self._at(at, added, MAJOR if required and request else MINOR)
            else:
                if name in new_required and name not in old_required:
                    self._at(at, f"property `{name}` became required", MAJOR if request else MINOR)
                elif name in old_required and name not in new_required:
                    self._at(at, f"property `{name}` became optional", MINOR if request else MAJOR)
                self._schema(before[name], after[name], at.child(name))

    def _visible(self, document: Document, schema: Mapping[str, Any], direction: str) -> dict[str, Any]:
        """The properties that travel one way: no readOnly ones in requests, no writeOnly in responses."""
        hidden = "readOnly" if direction == REQUEST else "writeOnly"
        properties = schema.get("properties") or {}
        visible = {}
        for name, value in properties.items():
            resolved = self._deref(document, value)
            if not any(isinstance(v, Mapping) and v.get(hidden) for v in (value, resolved)):
                visible[name] = value
        return visible

    def _closed(self, old: Mapping[str, Any], new: Mapping[str, Any], at: At) -> None:
        """additionalProperties / unevaluatedProperties: closing a request object breaks it; responses may
        gain or lose unknown keys (the clients keep them)."""
        for key in CLOSERS:
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            if isinstance(before, Mapping) and isinstance(after, Mapping):
                self._schema(before, after, at.child("*"))
            elif after is False:
                self._at(at, "closed: no other properties allowed", _level(at, narrower=True, wider=False))
            elif before is False:
                self._at(at, "opened: other properties allowed", MINOR)
            else:
                narrower = isinstance(after, Mapping)
                self._at(at, f"{key} changed", _level(at, narrower=narrower, wider=False))

    # Named schemas ---------------------------------------------------------------------------------

    def _components(self) -> None:
        old = (self.old.raw.get("components") or {}).get("schemas") or {}
        new = (self.new.raw.get("components") or {}).get("schemas") or {}
        for name in _keys(old, new):
            if name not in new:
                self._note(f"schema `{name}`", "", "removed (and its model from the client)", MAJOR)
            elif name not in old:
                self._note(f"schema `{name}`", "", "added", MINOR)
        done: set[tuple[str, str]] = set()
        while True:  # comparing a schema may reach more
            todo = [
                (name, direction)
                for name, directions in self.reached.items()
                for direction in sorted(directions)
                if (name, direction) not in done and name in old and name in new
            ]
            if not todo:
                break
            for name, direction in todo:
                done.add((name, direction))
                self._schema(old[name], new[name], At(f"schema `{name}`", "", direction))
        for name in _keys(old, new):  # used by no operation: compared both ways
            if name in old and name in new and name not in self.reached:
                for direction in (REQUEST, RESPONSE):
                    self._schema(old[name], new[name], At(f"schema `{name}`", "", direction))


@dataclass(frozen=True)
class _Operation:
    method: str
    path: str
    definition: Mapping[str, Any]
    parameters: dict[tuple[str, str], Any] = field(repr=False)
    security: Any = None


def _op_group(op: _Operation) -> str:
    return f"`{op.method} {op.path}` ({op.definition.get('operationId', '?')})"


def _keys(first: Mapping[Any, Any], second: Mapping[Any, Any]) -> list[Any]:
    """The keys of both, in the first's order then the second's."""
    return [*first, *(key for key in second if key not in first)]


def _members(schema: Mapping[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """A schema as union members and what is around them; one that isn't a union is its only member."""
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            return list(schema[keyword]), {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
    return [{k: v for k, v in schema.items() if k not in ANNOTATIONS}], {
        k: v for k, v in schema.items() if k in ANNOTATIONS
    }


def _describe(document: Document, member: Any) -> str:
    name = _component(member)
    if name is not None:
        return f"`{name}`"
    schema = document.resolve(member, "")[0]
    types = _types(schema)
    shown = _show(types, "any")
    return f"{shown} ({schema['format']})" if schema.get("format") else shown


def _allowed(schema: Mapping[str, Any]) -> list[str] | None:
    if "enum" in schema:
        return [json.dumps(value, ensure_ascii=False) for value in schema["enum"]]
    if "const" in schema:
        return [json.dumps(schema["const"], ensure_ascii=False)]
    return None


def merged(changes: list[Change]) -> list[Change]:
    """One change per place and message (a schema compared in both directions), at its highest level."""
    out: dict[tuple[str, str, str], Change] = {}
    for change in changes:
        key = (change.group, change.where, change.message)
        kept = out.get(key)
        if kept is None:
            out[key] = change
        elif SEVERITY[change.level] > SEVERITY[kept.level]:
            out[key] = replace(kept, level=change.level)
    return list(out.values())


def flattened(document: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a document whose named `allOf` schemas are each one object, as the generator reads them
    (generator/closing.py); an open `allOf` stays open. One that can't be flattened stays as it is (its
    members are then compared one by one)."""
    result = copy.deepcopy(dict(document))
    schemas = (result.get("components") or {}).get("schemas") or {}
    originals = copy.deepcopy(schemas)
    for name, schema in originals.items():
        if not isinstance(schema, dict) or "allOf" not in schema:
            continue
        try:
            flat = flatten(schema, originals, f"{SCHEMA_PREFIX}{name}")
        except ClosingError:
            continue
        if not is_closed_all_of(schema):
            flat.pop("additionalProperties")
            for key in CLOSERS:
                if key in schema:
                    flat[key] = schema[key]
        schemas[name] = flat
    return result


def compare_documents(old: Mapping[str, Any], new: Mapping[str, Any], name: str = "spec") -> list[Change]:
    """Every change from `old` to `new` (OpenAPI documents as loaded)."""
    before, after = (
        Document(name, Path(f"{label} {name}"), raw=flattened(raw))
        for label, raw in (("old", old), ("new", new))
    )
    return Comparison(before, after).run()


def level_of(changes: list[Change]) -> str | None:
    """The semver bump the changes need: major, minor, patch, or None for no change."""
    if not changes:
        return None
    return max((change.level for change in changes), key=SEVERITY.__getitem__)


# Revisions, the report and the changelog ----------------------------------------------------------


@dataclass(frozen=True)
class Revision:
    label: str
    document: dict[str, Any]
    git: bool  # read from a git revision (else from a file)


def spec_in_repo(provider: Provider, repo: Path) -> str:
    """The provider's spec file relative to the repository root (spec/<provider>/calendar.yaml)."""
    for root in (repo, ROOT):
        try:
            return provider.spec.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
    return f"spec/{provider.spec_file}"


def load_revision(revision: str, provider: Provider, repo: Path = ROOT) -> Revision:
    """The provider's spec at `revision`: a spec file, a folder holding the specs, or a git revision."""
    relative = spec_in_repo(provider, repo)
    path = Path(revision)
    if path.is_dir():
        for candidate in (path / relative, path / provider.spec_file):
            if candidate.is_file():
                path = candidate
                break
        else:
            raise DiffError(f"{revision}: holds no {relative}")
    if path.is_file():
        return Revision(display_path(path), load_spec(path), git=False)
    try:
        text = git_show(repo, revision, relative)
    except VersionError as exc:
        raise DiffError(f"{exc} (nor a spec file or folder)") from None
    if text is None:
        raise DiffError(f"{revision}:{relative} does not exist")
    document = yaml.load(text, Loader=SpecLoader)
    if not isinstance(document, dict):
        raise DiffError(f"{revision}:{relative}: not an OpenAPI document")
    return Revision(f"{revision}:{relative}", document, git=True)


@dataclass(frozen=True)
class ProviderDiff:
    provider: Provider
    old: Revision
    new: Revision
    changes: list[Change]
    released: str  # the client version the old revision was released as (else the registry's)

    @property
    def level(self) -> str | None:
        return level_of(self.changes)

    @property
    def breaking(self) -> bool:
        return self.level == MAJOR

    @property
    def api_version(self) -> str:
        return str((self.new.document.get("info") or {}).get("version", ""))

    @property
    def suggested(self) -> str:
        return bump(self.released, self.level) if self.level else self.released

    @property
    def version(self) -> str:
        """The version to release the change as: the registry's when already bumped, else the suggestion."""
        current = self.provider.client_version
        return current if parse_version(current) > parse_version(self.released) else self.suggested


def diff_provider(provider: Provider, old: str, new: str, repo: Path = ROOT) -> ProviderDiff:
    before, after = load_revision(old, provider, repo), load_revision(new, provider, repo)
    changes = compare_documents(before.document, after.document, provider.name)
    released = provider.client_version
    if before.git:
        lock = committed_lock(repo / output_dir(provider).relative_to(ROOT), old)
        if lock and "client_version" in lock:
            released = str(lock["client_version"])
    return ProviderDiff(provider, before, after, changes, released)


def report(result: ProviderDiff) -> str:
    """The changes grouped by operation and schema, each marked BREAKING or non-breaking."""
    p = result.provider
    lines = [f"{p.name}: {result.old.label} → {result.new.label}"]
    group = None
    for change in result.changes:
        if change.group != group:
            group = change.group
            lines.append(f"  {group}")
        lines.append(f"    {'BREAKING' if change.breaking else 'non-breaking':<13} {change.line()}")
    if not result.changes:
        lines.append("  no changes")
        return "\n".join(lines) + "\n"
    breaking = sum(change.breaking for change in result.changes)
    lines.append(
        f"  {len(result.changes)} changes, {breaking} breaking: a {result.level} release "
        f"({p.project_name} {result.released} → {result.suggested})"
    )
    current = p.client_version
    if parse_version(current) <= parse_version(result.released):
        lines.append(
            f"  set client_version={result.suggested!r} for {p.name!r} in {REGISTRY}, then make generate"
        )
    elif parse_version(current) < parse_version(result.suggested):
        lines.append(f"  client_version {current} is less than the {result.level} bump {result.suggested}")
    return "\n".join(lines) + "\n"


def changelog_entry(result: ProviderDiff, day: datetime.date) -> str:
    """A CHANGELOG.md section: the version, its date, the API version and the changes, breaking first."""
    lines = [
        f"## {result.version} ({day.isoformat()})",
        "",
        f"For API {result.api_version}. Spec changes from {result.old.label} to {result.new.label}: "
        f"a {result.level} release.",
    ]
    for title, breaking in (("Breaking changes", True), ("Other changes", False)):
        entries = [c for c in result.changes if c.breaking == breaking]
        if entries:
            lines += ["", f"### {title}", ""]
            lines += [f"- {c.group}: {c.line()}" for c in entries]
    return "\n".join(lines) + "\n"


def prepend_changelog(path: Path, project_name: str, entry: str) -> None:
    """Put `entry` at the top of the changelog (under its title), creating the file if needed."""
    head, rest = f"# Changelog of {project_name}", ""
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        if text.startswith("# "):
            head, _, rest = text.partition("\n")
        else:
            rest = text
    rest = rest.strip("\n")
    path.write_text(f"{head}\n\n{entry}" + (f"\n{rest}\n" if rest else ""), encoding="utf-8")
