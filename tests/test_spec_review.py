"""Fixes from a field-by-field review of the specs against the documents (issue 8, item 5).

Shapes are checked with a validator that ignores `format`, as OpenAPI 3.1 validators do by default:
the patterns alone must refuse what no calendar has.
"""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012
from starlette.testclient import TestClient

from calspec.core.providers import PROVIDERS

LW_EVENTS = "/v1.0/users/me/calendars/calendar-96b8-4c74-8277-7953e0b4604a/events"
LW_AUTH = {"Authorization": "Bearer lw-demo-token"}


def shape_validator(provider: str, pointer: str) -> Draft202012Validator:
    """A validator of the schema at `pointer` that checks no formats."""
    document = PROVIDERS[provider].document
    registry: Registry[Any] = Registry().with_resource(
        document.uri, DRAFT202012.create_resource(document.raw)
    )
    return Draft202012Validator({"$ref": f"{document.uri}#{pointer}"}, registry=registry)


def schema(provider: str, name: str) -> dict[str, Any]:
    value: dict[str, Any] = PROVIDERS[provider].document.raw["components"]["schemas"][name]
    return value


BAD_DATE_TIMES = [
    "garbage",
    "2021-12-13T14:00:00",  # no offset
    "0000-12-13T14:00:00+09:00",
    "2021-02-30T14:00:00+09:00",
    "2021-04-31T14:00:00+09:00",
    "2021-13-01T14:00:00+09:00",
    "2021-12-13T24:00:00+09:00",
    "2021-12-13 14:00:00+09:00",
]
GOOD_DATE_TIMES = ["2015-09-08T10:30:00+09:00", "2024-02-29T00:00:00Z", "2021-12-31T23:59:59.123-05:00"]
BAD_OFFSET_DATES = ["2015-09-08", "0000-09-08+09:00", "2015-02-30+09:00", "2015-06-31+09:00", "garbage"]


@pytest.mark.parametrize("value", BAD_DATE_TIMES + BAD_OFFSET_DATES)
def test_dooray_event_time_input_shape_refuses(value: str) -> None:
    assert not shape_validator("dooray", "/components/schemas/EventTimeInput").is_valid(value)


@pytest.mark.parametrize("value", GOOD_DATE_TIMES + ["2015-09-08+09:00", "2024-02-29Z"])
def test_dooray_event_time_input_shape_takes(value: str) -> None:
    assert shape_validator("dooray", "/components/schemas/EventTimeInput").is_valid(value)


@pytest.mark.parametrize("value", BAD_DATE_TIMES[:1] + BAD_DATE_TIMES[2:])
def test_dooray_event_time_response_shape_refuses(value: str) -> None:
    assert not shape_validator("dooray", "/components/schemas/EventTime").is_valid(value)


@pytest.mark.parametrize(
    "value", ["garbage", "0000-01-01", "2021-02-30", "2021-11-31", "2021-1-01", "20211201"]
)
def test_lineworks_event_date_shape_refuses(value: str) -> None:
    assert not shape_validator("lineworks", "/components/schemas/EventTime").is_valid({"date": value})


@pytest.mark.parametrize(
    "value",
    [
        "garbage",
        "2021-12-13T14:00:00+09:00",
        "0000-12-13T14:00:00",
        "2021-09-31T14:00:00",
        "2021-12-13T14:00",
    ],
)
def test_lineworks_local_date_time_shape_refuses(value: str) -> None:
    event_time = shape_validator("lineworks", "/components/schemas/EventTime")
    assert not event_time.is_valid({"dateTime": value, "timeZone": "Asia/Seoul"})


def test_lineworks_shapes_take_the_documents_values() -> None:
    event_time = shape_validator("lineworks", "/components/schemas/EventTime")
    assert event_time.is_valid({"dateTime": "2021-12-13T14:00:00", "timeZone": "Asia/Seoul"})
    assert event_time.is_valid({"date": "2021-12-13"})
    assert event_time.is_valid({"date": "2024-02-29"})


@pytest.mark.parametrize("value", ["-P", "-PT", "P", "PT", "-P1DT", "-PT1", "-P1H", "-PT1D", ""])
def test_reminder_trigger_refuses_empty_durations(value: str) -> None:
    assert not shape_validator("lineworks", "/components/schemas/Reminder").is_valid(
        {"method": "EMAIL", "trigger": value}
    )


@pytest.mark.parametrize(
    "value", ["-PT0S", "-PT15M", "-PT12H", "-P1D", "-P1W", "-P6DT12H", "PT1H30M", "+P2DT1M"]
)
def test_reminder_trigger_takes_the_documented_durations(value: str) -> None:
    assert shape_validator("lineworks", "/components/schemas/Reminder").is_valid(
        {"method": "EMAIL", "trigger": value}
    )


def test_created_and_updated_time_are_read_only() -> None:
    properties = schema("lineworks", "Event")["properties"]
    assert properties["createdTime"]["readOnly"] is True
    assert properties["updatedTime"]["readOnly"] is True
    assert "createdTime" not in schema("lineworks", "EventRequest")["properties"]


def test_calendar_personal_patch_documents_its_defaults() -> None:
    properties = schema("lineworks", "UpdateCalendarPersonalRequest")["properties"]
    assert properties["isShowOnLNBList"]["default"] is True
    assert properties["displayOrder"]["default"] == 9999
    assert properties["displayOrder"]["format"] == "int32"


@pytest.mark.parametrize(
    ("value", "valid"), [("#ffffff", True), ("ffffff", True), ("#fff", False), ("red", False)]
)
def test_dooray_color_takes_both_documented_forms(value: str, valid: bool) -> None:
    assert shape_validator("dooray", "/components/schemas/Color").is_valid(value) is valid


@pytest.mark.parametrize(
    ("start", "fragments"),
    [
        (
            {"dateTime": "2021-02-31T10:00:00", "timeZone": "Asia/Seoul"},
            ("start.dateTime", "'2021-02-31T10:00:00' is not a valid local-date-time", "day is out of range"),
        ),
        ({"date": "2021-02-29"}, ("start.date", "is not a valid date")),
        ({"dateTime": "2021-02-01T10:00:00", "timeZone": "Nope/Nope"}, ("start.timeZone", "iana-time-zone")),
    ],
)
def test_fake_names_the_real_problem_inside_a_closed_object(
    client: TestClient, start: dict[str, str], fragments: tuple[str, ...]
) -> None:
    response = client.post(
        LW_EVENTS, json={"eventComponents": [{"summary": "x", "start": start}]}, headers=LW_AUTH
    )
    assert response.status_code == 400
    description = response.json()["description"]
    assert "unknown property" not in description
    for fragment in fragments:
        assert fragment in description, description
