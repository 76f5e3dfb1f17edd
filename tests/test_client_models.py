"""The generated models against real-shaped traffic: documented examples and the variants real services send.

Parsing must keep everything (unknown keys, unknown enum values, nulls) so that ``to_dict()`` gives back
exactly what arrived; building a request from typed models must give exactly the documented request.
"""

from __future__ import annotations

import copy
import datetime
from pathlib import Path
from typing import Any

import attrs
import dooray_calendar.models as dm
import httpx
import lineworks_calendar
import lineworks_calendar.models as lm
import pytest
import yaml
from dooray_calendar.api.events import list_events as dooray_list_events
from dooray_calendar.types import OffsetDate
from lineworks_calendar.api.events import list_events as lw_list_events
from lineworks_calendar.types import UNSET

from generator.closing import close_all_of

ROOT = Path(__file__).resolve().parent.parent


def spec_example(provider: str, name: str) -> dict[str, Any]:
    """The example as stored in the spec: the single source the tests compare against."""
    spec = yaml.safe_load((ROOT / "spec" / provider / "calendar.yaml").read_text(encoding="utf-8"))
    value: dict[str, Any] = spec["components"]["examples"][name]["value"]
    return value


LW_RESPONSES = [
    ("CreateEventResponseKo", lm.EventComponents),
    ("CreateEventResponseJa", lm.EventComponents),
    ("ListEventsResponseKo", lm.EventList),
]
DOORAY_RESPONSES = [
    ("ListCalendarsResponse", dm.CalendarListResponse),
    ("GetCalendarResponse", dm.CalendarResponse),
    ("ListEventsResponse", dm.EventListResponse),
    ("GetEventResponse", dm.EventResponse),
]


@pytest.mark.parametrize(("name", "model"), LW_RESPONSES)
def test_lineworks_documented_responses_round_trip(name: str, model: Any) -> None:
    example = spec_example("lineworks", name)
    assert model.from_dict(copy.deepcopy(example)).to_dict() == example


@pytest.mark.parametrize(("name", "model"), DOORAY_RESPONSES)
def test_dooray_documented_responses_round_trip(name: str, model: Any) -> None:
    example = spec_example("dooray", name)
    assert model.from_dict(copy.deepcopy(example)).to_dict() == example


def test_lineworks_times_are_python_types() -> None:
    parsed = lm.EventComponents.from_dict(spec_example("lineworks", "CreateEventResponseKo"))
    event = parsed.event_components[0] if parsed.event_components else None
    assert event is not None
    start = event.start.date_time
    assert isinstance(start, datetime.datetime)
    assert start == datetime.datetime(2021, 12, 13, 14, 0)
    assert start.tzinfo is None  # wall-clock time; the zone is a separate field
    assert event.start.time_zone == "Asia/Seoul"
    assert isinstance(event.created_time, lm.ZonedDateTime)
    assert event.created_time.date_time == datetime.datetime(2021, 12, 12, 22, 44, 59)


def lw_variant() -> dict[str, Any]:
    """An all-day series with an exception, with fields and enum values the documents don't list."""
    return {
        "events": [
            {
                "eventComponents": [
                    {
                        "eventId": "event-allday-1",
                        "summary": "Holiday",
                        "start": {"date": "2021-12-24"},
                        "end": {"date": "2021-12-26"},
                        "transparency": "TRANSPARENT",
                        "recurrence": ["RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24"],
                        "newTopLevelField": {"nested": [1, 2]},
                    },
                    {
                        "eventId": "event-allday-1",
                        "summary": "Holiday (moved)",
                        "start": {"date": "2022-12-23"},
                        "end": {"date": "2022-12-24"},
                        "recurringEventId": "VALUE=DATE:20221224",
                        "attendees": [
                            {"email": "a@example.com", "partstat": "DELEGATED", "role": "CHAIR"},
                        ],
                        "reminders": [{"method": "AUDIO", "trigger": "-PT5M"}],
                        "visibility": "CONFIDENTIAL",
                    },
                ],
                "organizerCalendarId": "calendar-96b8-4c74-8277-7953e0b4604a",
            },
            {"eventComponents": [{"eventId": "minimal", "summary": "", "start": {"date": "2021-12-01"}}]},
        ],
        "responseMetaData": {"nextCursor": None},
    }


def test_lineworks_variant_keeps_everything() -> None:
    data = lw_variant()
    parsed = lm.EventList.from_dict(copy.deepcopy(data))
    assert parsed.to_dict() == data

    assert parsed.events
    series = parsed.events[0].event_components
    assert series
    master, exception = series
    assert master.start.date == datetime.date(2021, 12, 24)
    assert not isinstance(master.start.date, datetime.datetime)
    assert master.start.date_time is UNSET
    assert master["newTopLevelField"] == {"nested": [1, 2]}
    assert exception.recurring_event_id == "VALUE=DATE:20221224"
    assert exception.attendees
    attendee = exception.attendees[0]
    assert attendee.partstat == "DELEGATED"  # an unknown enum value parses and keeps its text
    assert attendee.partstat not in list(lm.AttendeePartstat)
    assert attendee["role"] == "CHAIR"
    assert exception.visibility == "CONFIDENTIAL"
    assert parsed["responseMetaData"] == {"nextCursor": None}


def test_unknown_enum_value_is_tolerated_only_when_parsing() -> None:
    """Users building requests still get a ValueError for a value the documents don't list."""
    with pytest.raises(ValueError):
        lm.Transparency("SOMETIMES")
    assert lm.Transparency.from_wire("SOMETIMES").value == "SOMETIMES"
    assert lm.Transparency.from_wire("OPAQUE") is lm.Transparency.OPAQUE


def dooray_variant() -> dict[str, Any]:
    """What the real service sends beyond the page: all-day offset dates, nulls, numbers, unknown values."""
    return {
        "header": {"isSuccessful": True, "resultCode": 0, "resultMessage": ""},
        "result": [
            {
                "id": "3000000000000000001",
                "masterScheduleId": "3000000000000000001",
                "calendar": {"id": "1", "name": "내 캘린더"},
                "recurrenceId": None,
                "startedAt": "2015-09-08+09:00",
                "endedAt": "2015-09-09+09:00",
                "wholeDayFlag": True,
                "subject": "워크숍",
                "category": "general",
                "recurrenceType": "none",
                "location": None,
                "me": {"type": "member"},
                "dueDateClass": "evening",
            },
            {
                "id": "3000000000000000002-20150915T013000Z",
                "masterScheduleId": "3000000000000000002",
                "recurrenceId": "20150915T013000Z",
                "startedAt": "2015-09-15T10:30:00+09:00",
                "endedAt": "2015-09-15T11:30:00+09:00",
                "subject": "주간회의",
                "category": "meeting",
                "recurrenceType": "unmodified",
                "users": None,
                "tenant": {"id": "t1", "region": "kr"},
            },
        ],
        "totalCount": 2,
    }


def test_dooray_variant_keeps_everything_and_dates_stay_dates() -> None:
    data = dooray_variant()
    parsed = dm.EventListResponse.from_dict(copy.deepcopy(data))
    assert parsed.to_dict() == data

    assert parsed.result
    all_day, occurrence = parsed.result
    assert isinstance(all_day.started_at, OffsetDate)
    assert not isinstance(all_day.started_at, datetime.datetime)  # never silently a time of day
    assert all_day.started_at == datetime.date(2015, 9, 8)
    assert all_day.started_at.tzinfo == datetime.timezone(datetime.timedelta(hours=9))
    assert all_day.due_date_class == "evening"
    assert isinstance(occurrence.started_at, datetime.datetime)
    assert occurrence.started_at.utcoffset() == datetime.timedelta(hours=9)
    assert occurrence.category == "meeting"
    assert occurrence.users is None
    assert parsed.total_count == 2


def test_lineworks_request_from_models_matches_documented_request() -> None:
    documented = spec_example("lineworks", "CreateEventRequestKo")
    seoul = "Asia/Seoul"
    event = lm.EventRequest(
        event_id="eventr8123-wehuh324-qwejqw123",
        summary="Meeting",
        description="Memo",
        location="CUNY Graduate Center",
        map_=lm.MapInput(type_="google", geo="40.7486484;-73.98400699999999"),
        map_url=lm.MapUrlInput(map_url="https://mapUrl.googlemap.com", image_id="imageId123"),
        category_id="1",
        start=lm.EventTimeInput(date_time=datetime.datetime(2021, 12, 13, 14, 0), time_zone=seoul),
        end=lm.EventTimeInput(date_time=datetime.datetime(2021, 12, 13, 15, 0), time_zone=seoul),
        recurrence=["RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=SU", "EXDATE;TZID=Asia/Seoul:20211213T140000"],
        recurring_event_id="TZID=Asia/Seoul:20211213T140000",
        transparency=lm.Transparency.OPAQUE,
        visibility=lm.Visibility.PUBLIC,
        sequence=1,
        attendees=[
            lm.AttendeeInput(
                email="attendee1@example.com",
                display_name="user1",
                partstat=lm.AttendeePartstat.NEEDS_ACTION,
                is_optional=False,
                is_resource=False,
            ),
            lm.AttendeeInput(
                email="attendee2@example.com",
                display_name="user2",
                partstat=lm.AttendeePartstat.ACCEPTED,
                is_optional=True,
                is_resource=False,
            ),
            lm.AttendeeInput(
                id="10000355/10029600@97d9ddb4-ae93-4469-8471-110c573d13z1",
                partstat=lm.AttendeePartstat.ACCEPTED,
                resource_value="https://calendar.worksmobile.com/resources/resource/"
                "10000355/10029600@97d9ddb4-ae93-4469-8471-110c573d13z1",
                is_optional=False,
                is_resource=True,
            ),
            lm.AttendeeInput(
                email="attendee3@example.com",
                display_name="user3",
                partstat=lm.AttendeePartstat.DECLINED,
                is_optional=False,
                is_resource=False,
            ),
        ],
        video_meeting=lm.VideoMeetingInput(url="https://works.do/x4gOs1_call", resource_id="x4gOs1_call"),
        reminders=[
            lm.ReminderInput(method=lm.ReminderMethod.DISPLAY, trigger="-PT10M"),
            lm.ReminderInput(
                method=lm.ReminderMethod.EMAIL,
                trigger_date_time=lm.ZonedDateTimeInput(
                    date_time=datetime.datetime(2021, 12, 13, 10, 0), time_zone=seoul
                ),
            ),
        ],
        priority=0,
    )
    body = lm.CreateEventRequest(event_components=[event], send_notification=False)
    assert body.to_dict() == documented


def test_lineworks_request_model_needs_no_read_only_field() -> None:
    """The request model has no server-filled fields at all, and cannot carry unknown keys."""
    fields = {a.name for a in attrs.fields(lm.EventRequest)}
    for read_only in ("created_time", "updated_time", "attachments", "view_url"):
        assert read_only not in fields
    minimal = lm.EventRequest(summary="x", start=lm.EventTimeInput(date=datetime.date(2021, 12, 24)))
    assert minimal.to_dict() == {"summary": "x", "start": {"date": "2021-12-24"}}
    assert not hasattr(minimal, "additional_properties")


def test_lineworks_list_request_matches_documented_query() -> None:
    kst = datetime.timezone(datetime.timedelta(hours=9))
    kwargs = lw_list_events._get_kwargs(
        "userf7da-f82c-4284-13e7-030f3b4c756x",
        "calendar-96b8-4c74-8277-7953e0b4604a",
        from_date_time=datetime.datetime(2021, 6, 3, 10, 0, tzinfo=kst),
        until_date_time=datetime.datetime(2021, 6, 3, 11, 0, tzinfo=kst),
    )
    assert kwargs["url"] == (
        "/users/userf7da-f82c-4284-13e7-030f3b4c756x/calendars/calendar-96b8-4c74-8277-7953e0b4604a/events"
    )
    assert kwargs["params"] == {
        "fromDateTime": "2021-06-03T10:00:00+09:00",
        "untilDateTime": "2021-06-03T11:00:00+09:00",
    }
    url = str(
        httpx.Request("GET", "https://www.worksapis.com/v1.0" + kwargs["url"], params=kwargs["params"]).url
    )
    assert "fromDateTime=2021-06-03T10%3A00%3A00%2B09%3A00" in url  # the "+" must travel as %2B


def test_dooray_list_request_matches_documented_query() -> None:
    documented = {
        "calendars": "1,2,3",
        "timeMin": "2020-08-01T00:00:00+09:00",
        "timeMax": "2020-09-01T00:00:00+09:00",
    }
    kst = datetime.timezone(datetime.timedelta(hours=9))
    kwargs = dooray_list_events._get_kwargs(
        time_min=datetime.datetime(2020, 8, 1, tzinfo=kst),
        time_max=datetime.datetime(2020, 9, 1, tzinfo=kst),
        calendars="1,2,3",
    )
    assert kwargs["url"] == "/calendar/v1/calendars/*/events"
    assert kwargs["params"] == documented


def _request_schema_names(provider: str) -> set[str]:
    """Every components/schemas entry a request body reaches by `$ref`, in the spec the generator reads."""
    spec = close_all_of(
        yaml.safe_load((ROOT / "spec" / provider / "calendar.yaml").read_text(encoding="utf-8"))
    )
    schemas, bodies = spec["components"]["schemas"], spec["components"].get("requestBodies", {})
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/requestBodies/"):
                walk(bodies[ref.rsplit("/", 1)[1]])
            elif ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] not in names:
                names.add(ref.rsplit("/", 1)[1])
                walk(schemas[ref.rsplit("/", 1)[1]])
            for key, value in node.items():
                if key not in ("example", "examples"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                walk(operation["requestBody"])
    return names


@pytest.mark.parametrize(("provider", "models"), [("lineworks", lm), ("dooray", dm)])
def test_request_models_take_no_unknown_keys_at_any_depth(provider: str, models: Any) -> None:
    """What a user builds to send can't carry undocumented keys; the response twins keep them."""
    classes = [
        getattr(models, name) for name in sorted(_request_schema_names(provider)) if hasattr(models, name)
    ]
    objects = [cls for cls in classes if attrs.has(cls)]
    assert len(objects) >= 8, [cls.__name__ for cls in classes]
    open_ones = [cls.__name__ for cls in objects if "additional_properties" in attrs.fields_dict(cls)]
    assert open_ones == []
    if provider == "lineworks":
        for twin in (lm.EventTime, lm.Attendee, lm.Reminder, lm.ZonedDateTime, lm.CalendarMember):
            assert "additional_properties" in attrs.fields_dict(twin)
        sent = lm.AttendeeInput.from_dict({"email": "a@example.com", "bogus": 1}).to_dict()
        assert sent == {"email": "a@example.com"}
        assert lm.Attendee.from_dict({"email": "a@example.com", "bogus": 1}).to_dict()["bogus"] == 1


def test_parsing_keeps_unknown_keys_in_order_and_leaves_the_source_alone() -> None:
    """from_dict reads the received dict without copying it: nothing of it may change, and what the
    spec doesn't name is kept, in the order it came, beside the known fields."""
    source = {
        "zeta": 1,
        "email": "a@example.com",
        "alpha": [1, 2],
        "partstat": "ACCEPTED",
        "displayName": "A",
        "mid": {"x": None},
    }
    before = copy.deepcopy(source)
    attendee = lm.Attendee.from_dict(source)
    assert source == before and list(source) == list(before)
    assert attendee.additional_keys == ["zeta", "alpha", "mid"]
    assert attendee.email == "a@example.com" and attendee.partstat is lm.AttendeePartstat.ACCEPTED
    assert attendee.to_dict() == source
    known_only = lm.Attendee.from_dict({"email": "b@example.com"})
    assert known_only.additional_properties == {}
    known_only["later"] = True  # each parsed object has its own dict
    assert lm.Attendee.from_dict({"email": "c@example.com"}).additional_properties == {}


@pytest.mark.parametrize("value", [["ACCEPTED"], {"a": 1}, 7, "accepted"])
def test_from_wire_takes_anything_the_wire_may_hold(value: Any) -> None:
    """Unhashable and unlisted values become the UNKNOWN pseudo-member, as before the fast lookup."""
    member = lm.AttendeePartstat.from_wire(value)
    assert member.name == "UNKNOWN"
    assert member not in list(lm.AttendeePartstat)


def test_parse_response_reads_json_the_standard_library_also_reads() -> None:
    """The clients read answers with orjson; what only `json` takes (NaN) still parses, as with
    httpx's response.json()."""
    body = b'{"events": [], "extra": NaN}'
    response = httpx.Response(200, content=body, headers={"Content-Type": "application/json"})
    client = lineworks_calendar.Client(base_url="https://www.worksapis.com/v1.0")
    parsed = lw_list_events._parse_response(client=client, response=response)
    assert isinstance(parsed, lm.EventList)
    assert parsed.events == []
    assert parsed["extra"] != parsed["extra"]  # NaN
