"""The spec linter: the real specs are clean, and each kind of mistake is reported where it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from calspec.core.providers import PROVIDERS
from generator.layout import ROOT
from generator.lint import lint_spec
from generator.prepare import map_formats

BROKEN = """\
openapi: 3.1.0
info: {title: Broken, version: "1"}
security: [{token: []}]
paths:
  /events:
    get:
      summary: List events
      tags: [events]
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Event"}
              examples:
                bad: {$ref: "#/components/examples/BadEvent"}
        "404":
          description: missing
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Nope"}
    post:
      operationId: createEvent
      summary: Create an event
      tags: [events]
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Event"}
            example: {start: "2021-12-13T14:00:00", day: "2015-09-08+09:00"}
      responses:
        "201": {description: created}
components:
  securitySchemes:
    token: {type: http, scheme: bearer}
  examples:
    BadEvent:
      value: {start: "2021-12-13T14:00:00+09:00", day: "2015-09-08"}
  schemas:
    Event:
      type: object
      properties:
        start: {type: string, format: local-date-time}
        day: {type: string, format: offset-date}
"""


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_real_spec_is_clean(provider: str) -> None:
    assert lint_spec(PROVIDERS[provider].spec) == []


def test_cli_lint_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "lint"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture()
def broken_errors(tmp_path: Path) -> list[str]:
    spec = tmp_path / "broken.yaml"
    spec.write_text(BROKEN, encoding="utf-8")
    return lint_spec(spec)


def _has(errors: list[str], *fragments: str) -> bool:
    return any(all(f in line for f in fragments) for line in errors)


def test_missing_operation_id(broken_errors: list[str]) -> None:
    assert _has(broken_errors, ": /paths/~1events/get: operation has no operationId")


def test_missing_4xx(broken_errors: list[str]) -> None:
    assert _has(broken_errors, ": /paths/~1events/post: operation documents no 4xx error response")


def test_bad_ref(broken_errors: list[str]) -> None:
    assert _has(
        broken_errors,
        "/paths/~1events/get/responses/404/content/application~1json/schema/$ref",
        "$ref does not resolve: #/components/schemas/Nope",
    )


def test_example_violating_custom_formats(broken_errors: list[str]) -> None:
    where = "/paths/~1events/get/responses/200/content/application~1json/examples/bad"
    assert _has(broken_errors, where, "'BadEvent'", "at /start", "is not a 'local-date-time'")
    assert _has(broken_errors, where, "'BadEvent'", "at /day", "is not a 'offset-date'")


def test_valid_inline_example_passes(broken_errors: list[str]) -> None:
    assert not _has(broken_errors, "/paths/~1events/post/requestBody")


def test_error_lines_name_the_file(broken_errors: list[str]) -> None:
    assert broken_errors
    assert all(line.split(": ", 1)[0].endswith("broken.yaml") for line in broken_errors)
    assert all(line.split(": ", 2)[1].startswith("/") for line in broken_errors)


def test_unloadable_spec(tmp_path: Path) -> None:
    spec = tmp_path / "dup.yaml"
    spec.write_text("openapi: 3.1.0\nopenapi: 3.1.0\n", encoding="utf-8")
    errors = lint_spec(spec)
    assert len(errors) == 1 and "duplicate key 'openapi'" in errors[0]


def test_prepare_maps_only_custom_formats() -> None:
    doc = {
        "a": {"type": "string", "format": "local-date-time"},
        "b": [{"format": "offset-date"}, {"format": "date-time"}],
        "c": {"type": "string", "format": "iana-time-zone"},
        "properties": {"format": {"type": "string", "format": "email"}},
    }
    assert map_formats(doc) == {
        "a": {"type": "string", "format": "date-time", "x-calspec-format": "local-date-time"},
        "b": [{"format": "date", "x-calspec-format": "offset-date"}, {"format": "date-time"}],
        "c": {"type": "string", "x-calspec-format": "iana-time-zone"},
        "properties": {"format": {"type": "string", "format": "email"}},
    }


def test_open_object_in_a_request_body(broken_errors: list[str]) -> None:
    """`Event` is sent by the POST and takes unknown keys: requests must be strict at every depth."""
    assert _has(broken_errors, ": /components/schemas/Event: object in a request body takes unknown keys")


CLOSED_VARIANTS = """\
openapi: 3.1.0
info: {title: Closed, version: "1"}
x-calspec-errors: {code: /code, message: /message, codes: {"400": BAD}}
security: [{token: []}]
paths:
  /things:
    post:
      operationId: createThing
      summary: Create a thing
      tags: [things]
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/ThingInput"}
      responses:
        "400": {description: bad}
components:
  securitySchemes:
    token: {type: http, scheme: bearer, x-calspec-auth: {header: Authorization, prefix: Bearer}}
  schemas:
    Thing:
      type: object
      properties:
        name: {type: string}
        when: {$ref: "#/components/schemas/When"}
    When:
      type: object
      properties:
        at: {type: string}
    WhenInput:
      allOf: [{$ref: "#/components/schemas/When"}]
      unevaluatedProperties: false
    ThingInput:
      allOf: [{$ref: "#/components/schemas/Thing"}]
      properties:
        when: {$ref: "#/components/schemas/WhenInput"}
      unevaluatedProperties: false
"""


def test_closed_variants_at_every_depth_pass(tmp_path: Path) -> None:
    spec = tmp_path / "closed.yaml"
    spec.write_text(CLOSED_VARIANTS, encoding="utf-8")
    assert lint_spec(spec) == []


def test_closed_variant_that_keeps_an_open_child_fails(tmp_path: Path) -> None:
    spec = tmp_path / "half.yaml"
    spec.write_text(
        CLOSED_VARIANTS.replace(
            '      properties:\n        when: {$ref: "#/components/schemas/WhenInput"}\n', ""
        ),
        encoding="utf-8",
    )
    errors = lint_spec(spec)
    assert _has(errors, "/components/schemas/When: object in a request body takes unknown keys"), errors


def test_unevaluated_properties_elsewhere_fails(tmp_path: Path) -> None:
    spec = tmp_path / "inline.yaml"
    spec.write_text(
        CLOSED_VARIANTS.replace(
            "      properties:\n        at:",
            "      unevaluatedProperties: false\n      properties:\n        at:",
        ),
        encoding="utf-8",
    )
    errors = lint_spec(spec)
    assert _has(errors, "/components/schemas/When: `unevaluatedProperties` only as `false` beside `allOf`"), (
        errors
    )
