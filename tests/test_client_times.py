"""Times that can't be mixed up: zoned LINE WORKS times read and built through zoneinfo, Dooray's aware
values read the same way, and naive/aware mistakes refused with a plain message before anything is sent.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from dooray_calendar import AuthenticatedClient as DoorayClient
from dooray_calendar import times as dooray_times
from dooray_calendar.api.events import create_event as dooray_create_event
from dooray_calendar.api.events import list_events as dooray_list_events
from dooray_calendar.models import CreateEventRequest as DoorayCreateEventRequest
from dooray_calendar.models import Event as DoorayEvent
from dooray_calendar.models import RecurrenceRuleInput, RecurrenceRuleInputFrequency, UpdateEventRequest
from dooray_calendar.types import OffsetDate
from lineworks_calendar import AuthenticatedClient as LineWorksClient
from lineworks_calendar import times as lw_times
from lineworks_calendar.api.events import create_event, get_event, list_events
from lineworks_calendar.models import (
    CreateEventRequest,
    EventRequest,
    EventTime,
    EventTimeInput,
    ZonedDateTime,
    ZonedDateTimeInput,
)
from tiny_clients import tiny_client

from calspec.contract.loopback import serve
from calspec.fake.app import create_app
from calspec.fake.limits import UVICORN_OPTIONS

USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
NEW_YORK = ZoneInfo("America/New_York")
UTC = datetime.UTC
NINE = datetime.timezone(datetime.timedelta(hours=9))

# 2025 in New York: clocks go forward at 02:00 on 9 March and back at 02:00 on 2 November.
BEFORE_SPRING = datetime.datetime(2025, 3, 9, 6, 30, tzinfo=UTC)  # 01:30 EST
AFTER_SPRING = datetime.datetime(2025, 3, 9, 7, 30, tzinfo=UTC)  # 03:30 EDT, one hour later
FIRST_ONE_THIRTY = datetime.datetime(2025, 11, 2, 5, 30, tzinfo=UTC)  # 01:30 EDT
SECOND_ONE_THIRTY = datetime.datetime(2025, 11, 2, 6, 30, tzinfo=UTC)  # 01:30 EST, the hour again


@pytest.fixture(scope="module")
def fake_url() -> Iterator[str]:
    with serve(create_app(db=None), **UVICORN_OPTIONS) as url:
        yield url


class Recorder:
    """A transport that notes each request and answers 200 with a fixed body: nothing leaves the process."""

    def __init__(self, body: Any) -> None:
        self.requests: list[httpx.Request] = []
        self.body = body

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json=self.body)

    def args(self) -> dict[str, Any]:
        return {"transport": httpx.MockTransport(self)}


# --- reading and building zoned LINE WORKS times --------------------------------------------------------


@pytest.mark.parametrize("instant", [BEFORE_SPRING, AFTER_SPRING, FIRST_ONE_THIRTY, SECOND_ONE_THIRTY])
def test_from_datetime_and_to_datetime_round_trip_across_dst(instant: datetime.datetime) -> None:
    built = EventTimeInput.from_datetime(instant, "America/New_York")
    assert built.time_zone == "America/New_York"
    assert isinstance(built.date_time, datetime.datetime) and built.date_time.tzinfo is None
    assert built.date_time == instant.astimezone(NEW_YORK).replace(tzinfo=None)
    back = built.to_datetime()
    assert isinstance(back, datetime.datetime) and back.tzinfo == NEW_YORK
    # In UTC: Python never finds a time of a repeated hour equal to one in another zone (PEP 495).
    assert back.astimezone(UTC) == instant
    assert back.utcoffset() == instant.astimezone(NEW_YORK).utcoffset()


def test_wall_clock_on_the_wire() -> None:
    assert EventTimeInput.from_datetime(AFTER_SPRING, NEW_YORK).to_dict() == {
        "dateTime": "2025-03-09T03:30:00",
        "timeZone": "America/New_York",
    }
    # Read back from the wire, the wall-clock time across the change is the right instant.
    before = EventTime.from_dict({"dateTime": "2025-03-09T01:30:00", "timeZone": "America/New_York"})
    after = EventTime.from_dict({"dateTime": "2025-03-09T03:30:00", "timeZone": "America/New_York"})
    start, end = before.to_datetime(), after.to_datetime()
    assert isinstance(start, datetime.datetime) and isinstance(end, datetime.datetime)
    assert end.astimezone(UTC) - start.astimezone(UTC) == datetime.timedelta(hours=1)
    assert (start.utcoffset(), end.utcoffset()) == (
        datetime.timedelta(hours=-5),
        datetime.timedelta(hours=-4),
    )


def test_all_day_values_give_a_date() -> None:
    read = EventTime.from_dict({"date": "2025-03-09"}).to_datetime()
    assert type(read) is datetime.date and read == datetime.date(2025, 3, 9)
    built = EventTimeInput.from_date(datetime.date(2025, 3, 9))
    assert built.to_dict() == {"date": "2025-03-09"}
    assert built.to_datetime() == datetime.date(2025, 3, 9)
    with pytest.raises(ValueError, match="from_date takes a date"):
        EventTimeInput.from_date(datetime.datetime(2025, 3, 9, 10, tzinfo=NEW_YORK))
    with pytest.raises(ValueError, match="neither a date nor a dateTime"):
        EventTime().to_datetime()


def test_zoned_date_time_reads_and_builds_the_same_way() -> None:
    trigger = ZonedDateTime.from_dict({"dateTime": "2025-11-02T01:30:00", "timeZone": "America/New_York"})
    # On the wire an hour the change repeats can't say which it is: it reads as the first.
    assert trigger.to_datetime().astimezone(UTC) == FIRST_ONE_THIRTY
    built = ZonedDateTimeInput.from_datetime(AFTER_SPRING, "America/New_York")
    assert built.to_dict() == {"dateTime": "2025-03-09T03:30:00", "timeZone": "America/New_York"}
    assert built.to_datetime() == AFTER_SPRING
    assert not hasattr(ZonedDateTimeInput, "from_date")  # no all-day form: no date builder
    with pytest.raises(ValueError, match="no timeZone"):
        ZonedDateTime.from_dict({"dateTime": "2025-03-09T01:30:00"}).to_datetime()
    with pytest.raises(ValueError, match="unknown IANA time zone"):
        EventTimeInput.from_datetime(AFTER_SPRING, "America/Gotham")


def test_lineworks_times_module_reads_like_doorays() -> None:
    start = EventTime.from_dict({"dateTime": "2025-03-09T03:30:00", "timeZone": "America/New_York"})
    assert lw_times.to_datetime(start) == start.to_datetime() == AFTER_SPRING
    assert lw_times.to_datetime(EventTime.from_dict({"date": "2025-03-09"})) == datetime.date(2025, 3, 9)
    assert lw_times.wall_clock(AFTER_SPRING, "America/New_York") == datetime.datetime(2025, 3, 9, 3, 30)


def test_an_event_built_across_dst_reads_back_through_the_fake(fake_url: str) -> None:
    client = LineWorksClient(base_url=f"{fake_url}/v1.0", token="lw-demo-token")
    body = CreateEventRequest(
        event_components=[
            EventRequest(
                summary="Across the spring change",
                start=EventTimeInput.from_datetime(BEFORE_SPRING, "America/New_York"),
                end=EventTimeInput.from_datetime(AFTER_SPRING, "America/New_York"),
            )
        ],
        send_notification=False,
    )
    event_id = create_event.sync(USER, CALENDAR, client=client, body=body).event_components[0].event_id
    stored = get_event.sync(USER, CALENDAR, event_id, client=client).event_components[0]
    assert stored.start.to_datetime() == BEFORE_SPRING
    assert lw_times.to_datetime(stored.end) == AFTER_SPRING
    # Listed by an hour's window in UTC: the one-hour event really is those instants to the server too.
    window = list_events.sync(
        USER, CALENDAR, client=client, from_date_time=BEFORE_SPRING, until_date_time=AFTER_SPRING
    )
    assert event_id in [entry.event_components[0].event_id for entry in window.events]


# --- Dooray: the same functions ----------------------------------------------------------------------


def test_dooray_times_read_aware_datetimes_and_offset_dates() -> None:
    event = DoorayEvent.from_dict(
        {"id": "1", "startedAt": "2025-03-09T03:30:00-04:00", "endedAt": "2025-03-10+09:00"}
    )
    start = dooray_times.to_datetime(event.started_at)
    assert start == AFTER_SPRING and isinstance(start, datetime.datetime)
    day = dooray_times.to_datetime(event.ended_at)
    assert isinstance(day, OffsetDate) and day == datetime.date(2025, 3, 10) and day.tzinfo == NINE
    with pytest.raises(ValueError, match="no time"):
        dooray_times.to_datetime(DoorayEvent.from_dict({"id": "2", "startedAt": None}).started_at)
    with pytest.raises(ValueError, match="no time"):
        dooray_times.to_datetime(DoorayEvent(id="3").started_at)
    with pytest.raises(ValueError, match="without a time zone"):
        dooray_times.to_datetime(datetime.datetime(2025, 3, 9, 3, 30))


def test_dooray_offset_date_takes_the_offset_of_the_day() -> None:
    before, after = datetime.date(2025, 3, 8), datetime.date(2025, 3, 10)
    assert dooray_times.offset_date(before, "America/New_York").isoformat() == "2025-03-08-05:00"
    assert dooray_times.offset_date(after, "America/New_York").isoformat() == "2025-03-10-04:00"
    assert dooray_times.in_zone(AFTER_SPRING, "Asia/Seoul").isoformat() == "2025-03-09T16:30:00+09:00"
    with pytest.raises(ValueError, match="takes a date"):
        dooray_times.offset_date(datetime.datetime(2025, 3, 8, tzinfo=UTC), "Asia/Seoul")


def test_dooray_all_day_event_built_with_offset_date_is_listed(fake_url: str) -> None:
    client = DoorayClient(base_url=fake_url, token="dooray-demo-token")
    start = dooray_times.offset_date(datetime.date(2025, 3, 9), "America/New_York")
    body = DoorayCreateEventRequest(
        subject="DST day", started_at=start, ended_at=start + datetime.timedelta(days=1), whole_day_flag=True
    )
    created = dooray_create_event.sync("1", client=client, body=body)
    assert created.header.is_successful
    found = [
        event
        for event in dooray_list_events.iterate(
            client=client,
            start=datetime.datetime(2025, 3, 8, tzinfo=NEW_YORK),
            end=datetime.datetime(2025, 3, 11, tzinfo=NEW_YORK),
        )
        if event.subject == "DST day"
    ]
    assert len(found) == 1
    assert dooray_times.to_datetime(found[0].started_at) == datetime.date(2025, 3, 9)
    assert getattr(found[0].started_at, "tzinfo", None) == datetime.timezone(datetime.timedelta(hours=-5))


# --- mistakes refused before anything is sent ---------------------------------------------------------


def test_a_wall_clock_field_refuses_an_aware_datetime() -> None:
    with pytest.raises(ValueError) as caught:
        EventTimeInput(date_time=AFTER_SPRING, time_zone="America/New_York")
    message = str(caught.value)
    assert "EventTimeInput.date_time (dateTime)" in message
    assert "naive datetime" in message and "EventTimeInput.from_datetime(value, time_zone)" in message
    built = EventTimeInput.from_datetime(AFTER_SPRING, "America/New_York")
    with pytest.raises(ValueError, match=r"EventTimeInput\.date_time \(dateTime\)"):
        built.date_time = AFTER_SPRING  # set later: checked the same
    with pytest.raises(ValueError, match=r"ZonedDateTimeInput\.date_time \(dateTime\)"):
        ZonedDateTimeInput(date_time=AFTER_SPRING, time_zone="America/New_York")
    with pytest.raises(ValueError, match=r"EventTimeInput\.date is a day.*value\.date\(\).*from_date\(day\)"):
        EventTimeInput(date=datetime.datetime(2025, 3, 9, 10))
    # Responses stay tolerant: an answer with an offset after all is kept, and reads as its instant.
    tolerant = EventTime(date_time=AFTER_SPRING, time_zone="Asia/Seoul")
    assert tolerant.to_datetime() == AFTER_SPRING


def test_lineworks_list_window_refuses_naive_datetimes_before_sending() -> None:
    recorder = Recorder({"events": []})
    client = LineWorksClient(base_url="http://lineworks.invalid/v1.0", token="t", httpx_args=recorder.args())
    naive = datetime.datetime(2025, 3, 1)
    with pytest.raises(ValueError) as caught:
        list_events.sync(USER, CALENDAR, client=client, from_date_time=naive, until_date_time=AFTER_SPRING)
    assert "list_events: from_date_time (fromDateTime)" in str(caught.value)
    assert "aware datetime" in str(caught.value)
    with pytest.raises(ValueError, match=r"until_date_time \(untilDateTime\)"):
        list_events.sync_detailed(
            USER, CALENDAR, client=client, from_date_time=AFTER_SPRING, until_date_time=naive
        )
    with pytest.raises(ValueError, match="start is an instant"):
        next(list_events.iterate(USER, CALENDAR, client=client, start=naive, end=AFTER_SPRING))
    assert recorder.requests == []
    # And the same call with aware values goes out: the transport sees it.
    list_events.sync(
        USER, CALENDAR, client=client, from_date_time=BEFORE_SPRING, until_date_time=AFTER_SPRING
    )
    assert len(recorder.requests) == 1


@pytest.mark.anyio
async def test_async_calls_refuse_naive_datetimes_before_sending() -> None:
    recorder = Recorder({"events": []})
    client = LineWorksClient(base_url="http://lineworks.invalid/v1.0", token="t", httpx_args=recorder.args())
    naive = datetime.datetime(2025, 3, 1)
    with pytest.raises(ValueError, match=r"from_date_time \(fromDateTime\)"):
        await list_events.asyncio(
            USER, CALENDAR, client=client, from_date_time=naive, until_date_time=AFTER_SPRING
        )
    with pytest.raises(ValueError, match="end is an instant"):
        async for _ in list_events.aiterate(USER, CALENDAR, client=client, start=AFTER_SPRING, end=naive):
            pass
    assert recorder.requests == []


def test_dooray_date_times_refuse_naive_values_before_sending() -> None:
    naive = datetime.datetime(2025, 3, 9, 10)
    aware = naive.replace(tzinfo=NINE)
    with pytest.raises(ValueError) as caught:
        DoorayCreateEventRequest(subject="x", started_at=naive, ended_at=aware)
    assert "CreateEventRequest.started_at (startedAt)" in str(caught.value)
    assert "aware datetime" in str(caught.value)
    with pytest.raises(ValueError, match=r"CreateEventRequest\.ended_at \(endedAt\)"):
        DoorayCreateEventRequest(subject="x", started_at=aware, ended_at=naive)
    with pytest.raises(ValueError, match=r"UpdateEventRequest\.started_at \(startedAt\)"):
        UpdateEventRequest(started_at=naive)
    with pytest.raises(ValueError, match=r"RecurrenceRuleInput\.until"):
        RecurrenceRuleInput(frequency=RecurrenceRuleInputFrequency.WEEKLY, until=naive)
    # An all-day value needs its offset: a bare date can't be written as `2025-03-09+09:00`.
    with pytest.raises(ValueError, match=r"UpdateEventRequest\.ended_at \(endedAt\).*offset_date"):
        UpdateEventRequest(ended_at=datetime.date(2025, 3, 9))
    update = UpdateEventRequest(started_at=aware)
    with pytest.raises(ValueError, match=r"UpdateEventRequest\.started_at \(startedAt\)"):
        update.started_at = naive
    assert update.to_dict() == {"startedAt": "2025-03-09T10:00:00+09:00"}
    # Responses stay tolerant: a naive value from a server is read, not refused.
    assert DoorayEvent.from_dict({"id": "1", "startedAt": "2025-03-09T10:00:00"}).started_at == naive

    recorder = Recorder(
        {"header": {"isSuccessful": True, "resultCode": 0, "resultMessage": ""}, "result": []}
    )
    client = DoorayClient(base_url="http://dooray.invalid", token="t", httpx_args=recorder.args())
    with pytest.raises(ValueError, match=r"list_events: time_min \(timeMin\)"):
        dooray_list_events.sync(client=client, time_min=naive, time_max=aware)
    with pytest.raises(ValueError, match=r"list_events: time_max \(timeMax\)"):
        dooray_list_events.sync(client=client, time_min=aware, time_max=naive)
    assert recorder.requests == []
    dooray_list_events.sync(client=client, time_min=aware, time_max=aware + datetime.timedelta(days=1))
    assert len(recorder.requests) == 1


# --- from the formats, whatever the names -------------------------------------------------------------

MOMENTS_SPEC = """\
openapi: 3.1.0
info: {title: Moments, version: "1.0"}
servers: [{url: "https://moments.example.com", description: Moments}]
x-calspec-errors: {code: /code, message: /message, codes: {"400": BAD}}
x-calspec-retries:
  policies: [{methods: [GET], statuses: [429], connection-errors: any}]
security: [{token: []}]
paths:
  /moments/{id}:
    get:
      operationId: getMoment
      tags: [moments]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: since, in: query, schema: {type: string, format: date-time}}
        - {name: wall, in: query, schema: {type: string, format: local-date-time}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/Moment"}}}
components:
  securitySchemes:
    token: {type: http, scheme: bearer, x-calspec-auth: {header: Authorization, prefix: Bearer}}
  schemas:
    Place:
      type: string
      format: iana-time-zone
    Moment:
      type: object
      properties:
        local: {type: string, format: local-date-time}
        place: {$ref: "#/components/schemas/Place"}
        day: {type: string, format: date}
        note: {type: string}
    MomentInput:
      allOf: [{$ref: "#/components/schemas/Moment"}]
      unevaluatedProperties: false
    Clock:
      type: object
      additionalProperties: false
      properties:
        local: {type: string, format: local-date-time}
        stamp: {type: string, format: date-time}
"""


@pytest.fixture(scope="module")
def moments(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with tiny_client(MOMENTS_SPEC, "moments_client", tmp_path_factory.mktemp("moments")) as package:
        yield package


def test_zoned_times_and_checks_come_from_the_formats(moments: ModuleType) -> None:
    """A model named nothing like EventTime, whose zone is a `$ref`, is a zoned time by its formats; a
    model with a wall-clock time but no zone is not. Closed models check, open ones don't."""
    models = importlib.import_module("moments_client.models")
    moment = models.Moment.from_dict(
        {"local": "2025-03-09T03:30:00", "place": "America/New_York", "note": "x"}
    )
    assert moment.to_datetime() == AFTER_SPRING
    assert models.Moment.from_dict({"day": "2025-03-09"}).to_datetime() == datetime.date(2025, 3, 9)
    built = models.MomentInput.from_datetime(AFTER_SPRING, "America/New_York")
    assert built.to_dict() == {"local": "2025-03-09T03:30:00", "place": "America/New_York"}
    assert models.MomentInput.from_date(datetime.date(2025, 3, 9)).to_dict() == {"day": "2025-03-09"}
    assert not hasattr(models.Clock, "to_datetime")
    with pytest.raises(ValueError, match=r"MomentInput\.local .*naive.*MomentInput\.from_datetime"):
        models.MomentInput(local=AFTER_SPRING)
    with pytest.raises(ValueError, match=r"Clock\.local .*naive"):
        models.Clock(local=AFTER_SPRING)
    with pytest.raises(ValueError, match=r"Clock\.stamp .*aware"):
        models.Clock(stamp=datetime.datetime(2025, 3, 9))
    models.Moment(local=AFTER_SPRING)  # a response model stays tolerant
    get_moment = importlib.import_module("moments_client.api.moments.get_moment")
    with pytest.raises(ValueError, match=r"get_moment: since .*aware"):
        get_moment._get_kwargs("1", since=datetime.datetime(2025, 3, 9))
    with pytest.raises(ValueError, match=r"get_moment: wall .*naive"):
        get_moment._get_kwargs("1", wall=AFTER_SPRING)
    assert get_moment._get_kwargs("1", since=AFTER_SPRING, wall=datetime.datetime(2025, 3, 9))["params"] == {
        "since": "2025-03-09T07:30:00+00:00",
        "wall": "2025-03-09T00:00:00",
    }
