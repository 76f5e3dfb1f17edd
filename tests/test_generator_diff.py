"""Client releases: the breaking-change report (`python -m generator diff`), the versions, the changelog,
and `generator check` failing on a spec change without a version bump.

The diff runs on hand-made spec pairs, one change each; the release rules on a tiny spec generated into a
git repository in tmp_path (the tiny-spec machinery of test_generated).
"""

from __future__ import annotations

import copy
import datetime
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_generated import TINY_SPEC, tiny_provider

from calspec.core.providers import PROVIDERS
from generator.__main__ import main
from generator.check import check
from generator.diff import (
    MAJOR,
    MINOR,
    PATCH,
    Change,
    ProviderDiff,
    Revision,
    changelog_entry,
    compare_documents,
    diff_provider,
    level_of,
    prepend_changelog,
    report,
)
from generator.generate import generate
from generator.layout import ROOT
from generator.release import VersionError, bump, parse_version, unbumped_change

BASE = yaml.safe_load("""\
openapi: 3.1.0
info: {title: Pair, version: "1.0"}
servers: [{url: "https://pair.example.com", description: Public}]
paths:
  /things:
    get:
      operationId: listThings
      tags: [things]
      parameters:
        - {name: limit, in: query, schema: {type: integer, maximum: 100}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/ThingList"}
        "404": {description: missing}
    post:
      operationId: createThing
      tags: [things]
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/ThingInput"}
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
  /things/{thingId}:
    delete:
      operationId: deleteThing
      tags: [things]
      parameters:
        - {name: thingId, in: path, required: true, schema: {type: string}}
      responses:
        "204": {description: gone}
components:
  schemas:
    Status: {type: string, enum: [OPEN, DONE]}
    Kind: {type: string, enum: [big, small]}
    Shared: {type: string, enum: [x, y]}
    Thing:
      type: object
      required: [id]
      properties:
        id: {type: string}
        name: {type: string, description: The name}
        kind: {$ref: "#/components/schemas/Kind"}
        shared: {$ref: "#/components/schemas/Shared"}
        when:
          anyOf:
            - {type: string, format: date-time}
            - {type: string, format: date}
    ThingList:
      type: object
      properties:
        items:
          type: array
          items: {$ref: "#/components/schemas/Thing"}
    ThingInput:
      type: object
      required: [name]
      properties:
        name: {type: string, minLength: 1, maxLength: 100}
        note: {type: string, example: a note}
        size: {type: integer, minimum: 0}
        status: {$ref: "#/components/schemas/Status"}
        shared: {$ref: "#/components/schemas/Shared"}
        when:
          anyOf:
            - {type: string, format: date-time}
            - {type: string, format: date}
""")


def node(document: dict[str, Any], path: str) -> Any:
    """The node at a slash-separated path (`components/schemas/Thing`); `~` stands for `/` in a key."""
    current: Any = document
    for part in path.split("/"):
        current = current[int(part)] if isinstance(current, list) else current[part.replace("~", "/")]
    return current


def schema(document: dict[str, Any], name: str) -> Any:
    return node(document, f"components/schemas/{name}")


Mutation = Callable[[dict[str, Any]], object]
OP_LIST, OP_CREATE, OP_DELETE = (
    "`GET /things` (listThings)",
    "`POST /things` (createThing)",
    "`DELETE /things/{thingId}` (deleteThing)",
)

# (id, mutation, group, where, message, level)
CASES: list[tuple[str, Mutation, str, str, str, str]] = [
    # Breaking -----------------------------------------------------------------------------------
    (
        "operation removed",
        lambda d: node(d, "paths/~things~{thingId}").pop("delete"),
        OP_DELETE,
        "",
        "operation removed",
        MAJOR,
    ),
    (
        "response property removed",
        lambda d: schema(d, "Thing")["properties"].pop("name"),
        "schema `Thing`",
        "",
        "property `name` removed",
        MAJOR,
    ),
    (
        "request property removed",
        lambda d: schema(d, "ThingInput")["properties"].pop("note"),
        "schema `ThingInput`",
        "",
        "property `note` removed",
        MAJOR,
    ),
    (
        "request parameter removed",
        lambda d: node(d, "paths/~things/get").pop("parameters"),
        OP_LIST,
        "query parameter `limit`",
        "removed",
        MAJOR,
    ),
    (
        "request type narrowed",
        lambda d: schema(d, "ThingInput")["properties"]["size"].update(type="string"),
        "schema `ThingInput`",
        "`size`",
        "type integer → string",
        MAJOR,
    ),
    (
        "response type changed",
        lambda d: schema(d, "Thing")["properties"]["id"].update(type="integer"),
        "schema `Thing`",
        "`id`",
        "type string → integer",
        MAJOR,
    ),
    (
        "response type widened",
        lambda d: schema(d, "Thing")["properties"]["id"].update(type=["string", "null"]),
        "schema `Thing`",
        "`id`",
        "type string → null | string",
        MAJOR,
    ),
    (
        "type removed from a request union",
        lambda d: schema(d, "ThingInput")["properties"]["when"]["anyOf"].pop(1),
        "schema `ThingInput`",
        "`when`",
        "string (date) removed from the union",
        MAJOR,
    ),
    (
        "type added to a response union",
        lambda d: schema(d, "Thing")["properties"]["when"]["anyOf"].append({"type": "null"}),
        "schema `Thing`",
        "`when`",
        "null added to the union",
        MAJOR,
    ),
    (
        "format added",
        lambda d: schema(d, "ThingInput")["properties"]["note"].update(format="email"),
        "schema `ThingInput`",
        "`note`",
        "format `email` added",
        MAJOR,
    ),
    (
        "request enum narrowed",
        lambda d: schema(d, "Status")["enum"].remove("DONE"),
        "schema `Status`",
        "",
        'value "DONE" removed',
        MAJOR,
    ),
    (
        "request parameter newly required",
        lambda d: node(d, "paths/~things/get/parameters/0").update(required=True),
        OP_LIST,
        "query parameter `limit`",
        "became required",
        MAJOR,
    ),
    (
        "required request parameter added",
        lambda d: node(d, "paths/~things/get/parameters").append(
            {"name": "cursor", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        OP_LIST,
        "query parameter `cursor`",
        "added (required)",
        MAJOR,
    ),
    (
        "request property newly required",
        lambda d: schema(d, "ThingInput")["required"].append("note"),
        "schema `ThingInput`",
        "",
        "property `note` became required",
        MAJOR,
    ),
    (
        "required request property added",
        lambda d: (
            schema(d, "ThingInput")["properties"].update(owner={"type": "string"}),
            schema(d, "ThingInput")["required"].append("owner"),
        ),
        "schema `ThingInput`",
        "",
        "required property `owner` added",
        MAJOR,
    ),
    (
        "request body newly required",
        lambda d: node(d, "paths/~things/post/requestBody").update(required=True),
        OP_CREATE,
        "request body",
        "became required",
        MAJOR,
    ),
    (
        "request maxLength lowered",
        lambda d: schema(d, "ThingInput")["properties"]["name"].update(maxLength=50),
        "schema `ThingInput`",
        "`name`",
        "maxLength 100 → 50",
        MAJOR,
    ),
    (
        "request minimum raised",
        lambda d: schema(d, "ThingInput")["properties"]["size"].update(minimum=1),
        "schema `ThingInput`",
        "`size`",
        "minimum 0 → 1",
        MAJOR,
    ),
    (
        "request pattern added",
        lambda d: schema(d, "ThingInput")["properties"]["note"].update(pattern="^[a-z]+$"),
        "schema `ThingInput`",
        "`note`",
        'pattern none → "^[a-z]+$"',
        MAJOR,
    ),
    (
        "parameter maximum lowered",
        lambda d: node(d, "paths/~things/get/parameters/0/schema").update(maximum=50),
        OP_LIST,
        "query parameter `limit`",
        "maximum 100 → 50",
        MAJOR,
    ),
    (
        "request object closed",
        lambda d: schema(d, "ThingInput").update(additionalProperties=False),
        "schema `ThingInput`",
        "",
        "closed: no other properties allowed",
        MAJOR,
    ),
    (
        "response property now optional",
        lambda d: schema(d, "Thing").pop("required"),
        "schema `Thing`",
        "",
        "property `id` became optional",
        MAJOR,
    ),
    (
        "success response removed",
        lambda d: node(d, "paths/~things/post/responses").pop("201"),
        OP_CREATE,
        "response 201",
        "removed",
        MAJOR,
    ),
    (
        "operationId renamed",
        lambda d: node(d, "paths/~things/get").update(operationId="findThings"),
        "`GET /things` (findThings)",
        "",
        "operationId `listThings` → `findThings`: the client's module is renamed",
        MAJOR,
    ),
    (
        "an enum in both directions: a value removed breaks its requests",
        lambda d: schema(d, "Shared")["enum"].remove("y"),
        "schema `Shared`",
        "",
        'value "y" removed',
        MAJOR,
    ),
    # Non-breaking -------------------------------------------------------------------------------
    (
        "operation added",
        lambda d: node(d, "paths/~things~{thingId}").update(
            get={"operationId": "getThing", "responses": {"200": {"description": "ok"}}}
        ),
        "`GET /things/{thingId}` (getThing)",
        "",
        "operation added",
        MINOR,
    ),
    (
        "optional parameter added",
        lambda d: node(d, "paths/~things/get/parameters").append(
            {"name": "cursor", "in": "query", "schema": {"type": "string"}}
        ),
        OP_LIST,
        "query parameter `cursor`",
        "added (optional)",
        MINOR,
    ),
    (
        "optional request property added",
        lambda d: schema(d, "ThingInput")["properties"].update(color={"type": "string"}),
        "schema `ThingInput`",
        "",
        "optional property `color` added",
        MINOR,
    ),
    (
        "request enum widened",
        lambda d: schema(d, "Status")["enum"].append("ARCHIVED"),
        "schema `Status`",
        "",
        'value "ARCHIVED" added',
        MINOR,
    ),
    (
        "response enum widened (the clients keep unknown values)",
        lambda d: schema(d, "Kind")["enum"].append("huge"),
        "schema `Kind`",
        "",
        'value "huge" added',
        MINOR,
    ),
    (
        "response enum narrowed",
        lambda d: schema(d, "Kind")["enum"].remove("small"),
        "schema `Kind`",
        "",
        'value "small" removed',
        MINOR,
    ),
    (
        "response property added",
        lambda d: schema(d, "Thing")["properties"].update(color={"type": "string"}),
        "schema `Thing`",
        "",
        "optional property `color` added",
        MINOR,
    ),
    (
        "request maxLength raised",
        lambda d: schema(d, "ThingInput")["properties"]["name"].update(maxLength=200),
        "schema `ThingInput`",
        "`name`",
        "maxLength 100 → 200",
        MINOR,
    ),
    (
        "request minimum removed",
        lambda d: schema(d, "ThingInput")["properties"]["size"].pop("minimum"),
        "schema `ThingInput`",
        "`size`",
        "minimum 0 → none",
        MINOR,
    ),
    (
        "response constraint tightened",
        lambda d: schema(d, "Thing")["properties"]["name"].update(maxLength=10),
        "schema `Thing`",
        "`name`",
        "maxLength none → 10",
        MINOR,
    ),
    (
        "request property now optional",
        lambda d: schema(d, "ThingInput").pop("required"),
        "schema `ThingInput`",
        "",
        "property `name` became optional",
        MINOR,
    ),
    (
        "response property now required",
        lambda d: schema(d, "Thing")["required"].append("name"),
        "schema `Thing`",
        "",
        "property `name` became required",
        MINOR,
    ),
    (
        "type added to a request union",
        lambda d: schema(d, "ThingInput")["properties"]["when"]["anyOf"].append({"type": "null"}),
        "schema `ThingInput`",
        "`when`",
        "null added to the union",
        MINOR,
    ),
    (
        "error response removed",
        lambda d: node(d, "paths/~things/get/responses").pop("404"),
        OP_LIST,
        "response 404",
        "removed",
        MINOR,
    ),
    (
        "schema added",
        lambda d: d["components"]["schemas"].update(Unused={"type": "string"}),
        "schema `Unused`",
        "",
        "added",
        MINOR,
    ),
    (
        "response added",
        lambda d: node(d, "paths/~things/get/responses").update({"400": {"description": "bad"}}),
        OP_LIST,
        "response 400",
        "added",
        MINOR,
    ),
    (
        "description changed",
        lambda d: schema(d, "Thing")["properties"]["name"].update(description="What it is called"),
        "schema `Thing`",
        "`name`",
        "description changed",
        PATCH,
    ),
    (
        "example changed",
        lambda d: schema(d, "ThingInput")["properties"]["note"].update(example="another note"),
        "schema `ThingInput`",
        "`note`",
        "example changed",
        PATCH,
    ),
    (
        "operation summary changed",
        lambda d: node(d, "paths/~things/get").update(summary="List the things"),
        OP_LIST,
        "",
        "summary changed",
        PATCH,
    ),
]


@pytest.mark.parametrize(
    ("mutate", "group", "where", "message", "level"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_each_kind_of_change(mutate: Mutation, group: str, where: str, message: str, level: str) -> None:
    new = copy.deepcopy(BASE)
    mutate(new)
    changes = compare_documents(BASE, new)
    assert changes == [Change(group, where, message, level)], report_of(changes)
    assert level_of(changes) == level


def report_of(changes: list[Change]) -> str:
    return "\n".join(f"{c.level}: {c.group}: {c.line()}" for c in changes)


def test_schema_removed_is_breaking() -> None:
    old = copy.deepcopy(BASE)
    old["components"]["schemas"]["Unused"] = {"type": "string"}
    assert compare_documents(old, BASE) == [
        Change("schema `Unused`", "", "removed (and its model from the client)", MAJOR)
    ]


def test_no_change_is_no_change() -> None:
    assert compare_documents(BASE, copy.deepcopy(BASE)) == []
    assert level_of([]) is None


def test_renamed_path_parameter_breaks_the_call() -> None:
    new = copy.deepcopy(BASE)
    item = new["paths"].pop("/things/{thingId}")
    item["delete"]["parameters"][0]["name"] = "id"
    new["paths"]["/things/{id}"] = item
    changes = compare_documents(BASE, new)
    assert [(c.where, c.message, c.level) for c in changes] == [
        ("path parameter `id`", "added (required)", MAJOR),
        ("path parameter `thingId`", "removed", MAJOR),
    ]
    assert {c.group for c in changes} == {"`DELETE /things/{id}` (deleteThing)"}


def test_read_only_properties_are_not_sent() -> None:
    """A property becoming readOnly leaves the requests (breaking) and stays in responses."""
    old, new = copy.deepcopy(BASE), copy.deepcopy(BASE)
    for document in (old, new):
        node(document, "paths/~things/post/requestBody/content/application~json")["schema"] = {
            "$ref": "#/components/schemas/Thing"
        }
    schema(new, "Thing")["properties"]["name"]["readOnly"] = True
    assert compare_documents(old, new) == [Change("schema `Thing`", "", "property `name` removed", MAJOR)]


def test_closed_all_of_is_compared_as_the_object_it_means() -> None:
    """The generator flattens `allOf` + `unevaluatedProperties: false`: so does the diff, so a property
    added to the base shows on the closed variant too."""
    old = copy.deepcopy(BASE)
    old["components"]["schemas"]["ThingInput"] = {
        "allOf": [{"$ref": "#/components/schemas/Thing"}],
        "unevaluatedProperties": False,
    }
    new = copy.deepcopy(old)
    schema(new, "Thing")["properties"]["color"] = {"type": "string"}
    changes = compare_documents(old, new)
    assert Change("schema `ThingInput`", "", "optional property `color` added", MINOR) in changes
    assert Change("schema `Thing`", "", "optional property `color` added", MINOR) in changes


def test_every_change_is_reported_at_once() -> None:
    new = copy.deepcopy(BASE)
    for _, mutate, *_ in CASES[:4]:
        mutate(new)
    changes = compare_documents(BASE, new)
    assert len(changes) == 4 and all(c.breaking for c in changes)


# Versions and the changelog ------------------------------------------------------------------------


def test_versions() -> None:
    assert parse_version("1.0.0") == (1, 0, 0)
    for bad in ("1.0", "v1.0.0", "01.0.0", "1.0.0rc1"):
        with pytest.raises(VersionError):
            parse_version(bad)
    assert [bump("1.4.2", level) for level in (MAJOR, MINOR, PATCH)] == ["2.0.0", "1.5.0", "1.4.3"]
    for provider in PROVIDERS.values():
        parse_version(provider.client_version)


def test_changelog_entries_go_on_top(tmp_path: Path) -> None:
    path = tmp_path / "CHANGELOG.md"
    prepend_changelog(path, "x-client", "## 1.0.0 (2026-01-01)\n\nFirst.\n")
    prepend_changelog(path, "x-client", "## 1.1.0 (2026-02-01)\n\nSecond.\n")
    assert path.read_text(encoding="utf-8") == (
        "# Changelog of x-client\n\n## 1.1.0 (2026-02-01)\n\nSecond.\n\n## 1.0.0 (2026-01-01)\n\nFirst.\n"
    )


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=calspec", "-c", "user.email=calspec@example.com", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_diff_of_two_git_revisions_with_a_changelog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`diff HEAD~1 HEAD --repo R`: the real LINE WORKS spec, then one operation removed and a property
    added; the report, exit 1, and an entry on top of the project's CHANGELOG.md."""
    provider = PROVIDERS["lineworks"]
    spec = tmp_path / "spec" / provider.spec_file
    spec.parent.mkdir(parents=True)
    shutil.copy(provider.spec, spec)
    changelog = tmp_path / "generated" / provider.project_name / "CHANGELOG.md"
    changelog.parent.mkdir(parents=True)
    changelog.write_text("# Changelog of lineworks-calendar-client\n\n## 1.0.0 (2026-01-01)\n\nFirst.\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "one")
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    document["paths"]["/users/{userId}/calendar"].pop("get")  # getDefaultCalendar
    document["components"]["schemas"]["Calendar"]["properties"]["color"] = {"type": "string"}
    spec.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "two")

    result = diff_provider(provider, "HEAD~1", "HEAD", tmp_path)
    assert [(c.group, c.message, c.level) for c in result.changes] == [
        ("`GET /users/{userId}/calendar` (getDefaultCalendar)", "operation removed", MAJOR),
        ("schema `Calendar`", "optional property `color` added", MINOR),
    ]
    assert result.level == MAJOR and result.suggested == bump(provider.client_version, MAJOR)
    text = report(result)
    assert (
        "BREAKING      operation removed" in text and "non-breaking  optional property `color` added" in text
    )

    monkeypatch.chdir(tmp_path)
    code = main(["diff", "HEAD~1", "HEAD", "--provider", "lineworks", "--repo", str(tmp_path), "--changelog"])
    assert code == 1
    out = capsys.readouterr().out
    assert "lineworks: HEAD~1:spec/lineworks/calendar.yaml → HEAD:spec/lineworks/calendar.yaml" in out
    entry = changelog.read_text(encoding="utf-8")
    version = result.suggested
    assert entry.startswith(f"# Changelog of lineworks-calendar-client\n\n## {version} (")
    assert f"For API {result.api_version}." in entry and "a major release" in entry
    assert (
        "### Breaking changes\n\n- `GET /users/{userId}/calendar` (getDefaultCalendar): operation removed"
        in entry
    )
    assert "### Other changes\n\n- schema `Calendar`: optional property `color` added" in entry
    assert entry.endswith("## 1.0.0 (2026-01-01)\n\nFirst.\n")

    assert main(["diff", "HEAD", "HEAD", "--repo", str(tmp_path), "--provider", "lineworks"]) == 0
    assert main(["diff", "no-such-revision", "HEAD", "--repo", str(tmp_path), "--provider", "lineworks"]) == 2


def test_changelog_entry_names_version_date_and_api() -> None:
    provider = PROVIDERS["dooray"]
    new = copy.deepcopy(BASE)
    schema(new, "Thing")["properties"]["name"]["description"] = "Changed"
    result = ProviderDiff(
        provider,
        Revision("a", BASE, git=False),
        Revision("b", new, git=False),
        compare_documents(BASE, new),
        "1.2.3",
    )
    entry = changelog_entry(result, datetime.date(2026, 3, 4))
    assert entry.splitlines()[:3] == [
        "## 1.2.4 (2026-03-04)",
        "",
        "For API 1.0. Spec changes from a to b: a patch release.",
    ]


def test_diff_on_this_repository_history() -> None:
    """f9309ec bounded request lists at 1000 items: a tightened request constraint, so breaking."""
    commit = "f9309ec"
    known = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"], check=False)
    if known.returncode != 0:
        pytest.skip(f"{commit} is not in this clone")
    result = diff_provider(PROVIDERS["dooray"], f"{commit}^", commit)
    breaking = [(c.group, c.line()) for c in result.changes if c.breaking]
    assert (
        "schema `ReplaceCalendarMembersRequest`",
        "`calendarMemberList`: maxItems none → 1000",
    ) in breaking


# generator check: a changed spec needs a new version -------------------------------------------------


def test_check_fails_on_a_spec_change_without_a_version_bump(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RELEASE_BASE", raising=False)  # the last release: HEAD of the repository in tmp_path
    spec = tmp_path / "spec.yaml"
    spec.write_text(TINY_SPEC, encoding="utf-8")
    target = tmp_path / "generated" / "tiny-calendar-client"
    generate(tiny_provider(spec, "1.0.0"), target)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "1.0.0")
    assert check(tiny_provider(spec, "1.0.0"), target)

    # A developer changes the spec and regenerates, but keeps the version: generate warns, check fails.
    spec.write_text(TINY_SPEC.replace("        wall: {", "        note: {type: string}\n        wall: {"))
    capsys.readouterr()
    generate(tiny_provider(spec, "1.0.0"), target)
    assert "warning: " in capsys.readouterr().err
    assert not check(tiny_provider(spec, "1.0.0"), target)
    assert (
        f"{spec} changed since tiny-calendar-client 1.0.0 was generated: bump its version in "
        "calspec/core/providers.py" in capsys.readouterr().out
    )

    # Committed like that, HEAD's own lock agrees with the spec: only the last release's revision shows it.
    git(tmp_path, "commit", "-q", "-am", "spec changed, version not")
    assert check(tiny_provider(spec, "1.0.0"), target)
    monkeypatch.setenv("RELEASE_BASE", "HEAD~1")
    assert not check(tiny_provider(spec, "1.0.0"), target)
    capsys.readouterr()

    # Bumping the version and regenerating makes it pass; the hand-kept CHANGELOG.md survives and check
    # ignores it.
    (target / "CHANGELOG.md").write_text("# Changelog of tiny-calendar-client\n", encoding="utf-8")
    generate(tiny_provider(spec, "1.1.0"), target)
    assert (target / "CHANGELOG.md").read_text(encoding="utf-8") == "# Changelog of tiny-calendar-client\n"
    assert check(tiny_provider(spec, "1.1.0"), target)
    assert '"client_version": "1.1.0"' in (target / "calspec.lock").read_text(encoding="utf-8")
    assert 'version = "1.1.0"' in (target / "pyproject.toml").read_text(encoding="utf-8")
    assert '__version__ = "1.1.0"' in (target / "tiny_calendar" / "__init__.py").read_text(encoding="utf-8")

    # Against the commit that released 1.0.0, a lower version is no bump either.
    assert "bump its version" in (unbumped_change(tiny_provider(spec, "0.9.0"), target) or "")
