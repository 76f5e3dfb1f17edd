"""Flattening closed `allOf`s: what the generator and schemathesis read must mean what the spec says."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from calspec.core.providers import PROVIDERS
from calspec.core.specfile import load_spec
from generator.closing import ClosingError, close_all_of


def _spec(schemas: dict[str, Any]) -> dict[str, Any]:
    return {"openapi": "3.1.0", "components": {"schemas": schemas}}


BASE: dict[str, Any] = {
    "type": "object",
    "description": "A time.",
    "required": ["at"],
    "not": {"required": ["at", "day"]},
    "properties": {
        "at": {"type": "string"},
        "day": {"type": "string"},
        "zone": {"$ref": "#/components/schemas/Zone"},
    },
}
ZONE: dict[str, Any] = {"type": "object", "properties": {"name": {"type": "string"}}}


def test_flattens_into_the_closed_object_it_means() -> None:
    schemas: dict[str, Any] = {
        "Time": BASE,
        "Zone": ZONE,
        "ZoneInput": {"allOf": [{"$ref": "#/components/schemas/Zone"}], "unevaluatedProperties": False},
        "TimeInput": {
            "allOf": [{"$ref": "#/components/schemas/Time"}, {"required": ["zone"]}],
            "properties": {"zone": {"$ref": "#/components/schemas/ZoneInput"}},
            "unevaluatedProperties": False,
        },
    }
    flat = close_all_of(_spec(schemas))["components"]["schemas"]
    assert flat["TimeInput"] == {
        "description": "A time.",
        "not": {"required": ["at", "day"]},
        "type": "object",
        "properties": {
            "at": {"type": "string"},
            "day": {"type": "string"},
            "zone": {"$ref": "#/components/schemas/ZoneInput"},
        },
        "required": ["at", "zone"],
        "additionalProperties": False,
    }
    assert flat["ZoneInput"]["additionalProperties"] is False
    assert flat["Time"] == BASE and "additionalProperties" not in flat["Time"], "open schemas stay open"
    assert "allOf" in schemas["TimeInput"], "the input is not modified"


@pytest.mark.parametrize(
    ("schemas", "message"),
    [
        (
            {
                "Time": BASE,
                "Zone": ZONE,
                "TimeInput": {
                    "allOf": [{"$ref": "#/components/schemas/Time"}],
                    "properties": {"at": {"type": "integer"}},
                    "unevaluatedProperties": False,
                },
            },
            "must equal the base's or be a closed allOf of it",
        ),
        (
            {"TimeInput": {"allOf": [{"$ref": "#/components/schemas/Gone"}], "unevaluatedProperties": False}},
            "does not resolve",
        ),
        (
            {
                "Text": {"type": "string"},
                "In": {"allOf": [{"$ref": "#/components/schemas/Text"}], "unevaluatedProperties": False},
            },
            "not an object schema",
        ),
        (
            {
                "Time": BASE,
                "Other": {"type": "object", "not": {"required": ["x"]}},
                "In": {
                    "allOf": [{"$ref": "#/components/schemas/Time"}, {"$ref": "#/components/schemas/Other"}],
                    "unevaluatedProperties": False,
                },
            },
            "`not` differs between allOf members",
        ),
    ],
)
def test_refuses_what_it_cannot_flatten_faithfully(schemas: dict[str, Any], message: str) -> None:
    with pytest.raises(ClosingError, match=message):
        close_all_of(_spec(schemas))


def _validator(doc: dict[str, Any], name: str) -> jsonschema.Draft202012Validator:
    registry: Registry[Any] = Registry().with_resource("urn:spec", DRAFT202012.create_resource(doc))
    return jsonschema.Draft202012Validator(
        {"$ref": f"urn:spec#/components/schemas/{name}"}, registry=registry
    )


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_real_specs_flatten_to_the_same_meaning(provider: str) -> None:
    """Each closed variant accepts and refuses the same instances before and after flattening."""
    doc = load_spec(PROVIDERS[provider].spec)
    flat = close_all_of(doc)
    closed = [
        name for name, schema in doc["components"]["schemas"].items() if "unevaluatedProperties" in schema
    ]
    if provider == "lineworks":
        assert {"EventTimeInput", "AttendeeInput", "ReminderInput", "EventReplacement"} <= set(closed)
    for name in closed:
        before, after = _validator(doc, name), _validator(flat, name)
        properties = flat["components"]["schemas"][name]["properties"]
        for instance in (
            {},
            {"unknown": 1},
            dict.fromkeys(properties, None),
            {next(iter(properties)): "x", "extra": 1},
        ):
            assert before.is_valid(instance) == after.is_valid(instance), (name, instance)
