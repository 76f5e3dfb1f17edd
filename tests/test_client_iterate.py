"""The generated iterators: any time range listed window by window, every page followed, each item once.

Against the fake on a loopback port, seeded through the API with the generated clients. The LINE WORKS
range runs across the end of daylight saving time in New York, so a window measured in wall-clock days
would be an hour too long and the fake would refuse it.
"""

from __future__ import annotations

import datetime
import importlib
import math
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import httpx
import pytest
from dooray_calendar import AuthenticatedClient as DoorayClient
from dooray_calendar import errors as dooray_errors
from dooray_calendar import times as dooray_times
from dooray_calendar.api.calendars import create_calendar as dooray_create_calendar
from dooray_calendar.api.calendars import list_calendars
from dooray_calendar.api.events import create_event as dooray_create_event
from dooray_calendar.api.events import list_events as dooray_list_events
from dooray_calendar.models import CreateEventRequest as DoorayCreateEventRequest
from dooray_calendar.models import (
    CreatePrivateCalendarRequest,
    CreatePrivateCalendarRequestMe,
    RecurrenceRuleInput,
    RecurrenceRuleInputFrequency,
)
from dooray_calendar.models import Event as DoorayEvent
from dooray_calendar.types import OffsetDate
from dooray_calendar.types import Unset as DoorayUnset
from lineworks_calendar import AuthenticatedClient as LineWorksClient
from lineworks_calendar import errors as lw_errors
from lineworks_calendar.api.calendars import create_calendar, list_calendar_personals
from lineworks_calendar.api.events import create_event, list_events
from lineworks_calendar.models import (
    CreateCalendarRequest,
    CreateEventRequest,
    EventComponents,
    EventRequest,
    EventTimeInput,
)
from lineworks_calendar.types import UNSET, Unset
from tiny_clients import tiny_client

from calspec.contract.loopback import serve
from calspec.fake.app import create_app
from calspec.fake.limits import UVICORN_OPTIONS

USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
NEW_YORK = ZoneInfo("America/New_York")
SEOUL = ZoneInfo("Asia/Seoul")
WINDOW = datetime.timedelta(days=31)  # LINE WORKS' x-calspec-window max-days, for the expectations

# 95 days from 15 September 2025 in New York: four windows, the third across the end of DST (2 November).
START = datetime.datetime(2025, 9, 15, tzinfo=NEW_YORK)
END = START + datetime.timedelta(days=95)  # 19 December, 00:00 EST


@pytest.fixture(scope="module")
def fake_url() -> Iterator[str]:
    with serve(create_app(db=None), **UVICORN_OPTIONS) as url:
        yield url


def recorder(log: list[httpx.Request]) -> dict[str, Any]:
    """httpx_args that note every request the (sync) client sends."""

    def note(request: httpx.Request) -> None:
        log.append(request)

    return {"event_hooks": {"request": [note]}}


def lw(url: str, log: list[httpx.Request] | None = None) -> LineWorksClient:
    args = recorder(log) if log is not None else {}
    return LineWorksClient(base_url=f"{url}/v1.0", token="lw-demo-token", httpx_args=args)


def dooray(
    url: str, log: list[httpx.Request] | None = None, token: str = "dooray-demo-token"
) -> DoorayClient:
    args = recorder(log) if log is not None else {}
    return DoorayClient(base_url=url, token=token, httpx_args=args)


def query(request: httpx.Request) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(str(request.url)).query).items()}


# --- LINE WORKS: a 95-day range -----------------------------------------------------------------------


def at(month: int, day: int, hour: int = 0, minute: int = 0, year: int = 2025) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=NEW_YORK)


def timed(summary: str, start: datetime.datetime, end: datetime.datetime, *rules: str) -> EventRequest:
    return EventRequest(
        summary=summary,
        start=EventTimeInput.from_datetime(start, "America/New_York"),
        end=EventTimeInput.from_datetime(end, "America/New_York"),
        recurrence=list(rules) if rules else UNSET,
    )


def all_day(summary: str, first: datetime.date, last: datetime.date) -> EventRequest:
    return EventRequest(
        summary=summary,
        start=EventTimeInput.from_date(first),
        end=EventTimeInput.from_date(last + datetime.timedelta(days=1)),
    )


# (event, the window it is first listed in: None when it is outside the range)
SEEDED: list[tuple[EventRequest, int | None]] = [
    (timed("ended at the start", at(9, 14, 22), at(9, 15)), None),
    (timed("under way at the start", at(9, 14, 20), at(9, 15, 2)), 0),
    (timed("weekly", at(9, 15, 9), at(9, 15, 9, 30), "RRULE:FREQ=WEEKLY;UNTIL=20251231T235959Z"), 0),
    (timed("single A", at(9, 17, 10), at(9, 17, 11)), 0),
    (all_day("all-day A", datetime.date(2025, 9, 20), datetime.date(2025, 9, 21)), 0),
    (timed("across the first boundary", at(10, 15, 20), at(10, 17, 10)), 0),
    (timed("single B", at(10, 20, 10), at(10, 20, 11)), 1),
    # A series begun last year, whose only occurrence in the range is in the third window.
    (timed("yearly", at(11, 25, 10, year=2024), at(11, 25, 11, year=2024), "RRULE:FREQ=YEARLY"), 2),
    (all_day("all-day B", datetime.date(2025, 11, 20), datetime.date(2025, 11, 20)), 2),
    (timed("single C", at(11, 21, 10), at(11, 21, 11)), 2),
    (timed("single D", at(12, 18, 10), at(12, 18, 11)), 3),
    (timed("before", at(9, 1, 10), at(9, 1, 11)), None),
    (timed("starts at the end", at(12, 19), at(12, 19, 1)), None),
    (timed("after", at(12, 20, 10), at(12, 20, 11)), None),
]


@pytest.fixture(scope="module")
def lw_calendar(fake_url: str) -> str:
    """A calendar of its own, seeded through the API (latest first, so creation order is no start order)."""
    client = lw(fake_url)
    calendar = create_calendar.sync(client=client, body=CreateCalendarRequest(calendar_name="Iterate"))
    for event, _ in reversed(SEEDED):
        body = CreateEventRequest(event_components=[event], send_notification=False)
        create_event.sync(USER, calendar.calendar_id, client=client, body=body)
    return calendar.calendar_id


def start_of(event: EventRequest | EventComponents) -> datetime.datetime:
    """The instant an event starts; an all-day start from midnight in New York (the range's zone)."""
    start = event.start if isinstance(event, EventRequest) else event.event_components[0].start
    moment = start.to_datetime()
    if isinstance(moment, datetime.datetime):
        return moment
    return datetime.datetime.combine(moment, datetime.time(), NEW_YORK)


def expected_order() -> list[str]:
    """The documented order: by the window an event is first listed in, then by start."""
    listed = [(window, start_of(event), str(event.summary)) for event, window in SEEDED if window is not None]
    return [summary for _, _, summary in sorted(listed)]


def summaries(found: list[EventComponents]) -> list[str]:
    return [str(entry.event_components[0].summary) for entry in found]


def test_lineworks_iterate_yields_each_event_once_in_the_documented_order(
    fake_url: str, lw_calendar: str
) -> None:
    log: list[httpx.Request] = []
    found = list(list_events.iterate(USER, lw_calendar, client=lw(fake_url, log), start=START, end=END))

    assert all(isinstance(entry, EventComponents) for entry in found)
    ids = [entry.event_components[0].event_id for entry in found]
    assert len(ids) == len(set(ids)), "an event came twice"
    assert summaries(found) == expected_order()
    # Everything that starts inside the range comes in start order; the series begun last year is the
    # one exception the order allows, at the head of the window it is first listed in.
    inside = [entry for entry in found if start_of(entry) >= START]
    assert [start_of(entry) for entry in inside] == sorted(start_of(entry) for entry in inside)
    assert summaries(found).index("yearly") == summaries(found).index("single B") + 1

    # Four calls, consecutive windows of at most 31 × 24 h from START to END, across the DST change.
    windows = [(query(r)["fromDateTime"], query(r)["untilDateTime"]) for r in log]
    bounds = [(datetime.datetime.fromisoformat(a), datetime.datetime.fromisoformat(b)) for a, b in windows]
    assert len(bounds) == 4
    assert bounds[0][0] == START and bounds[-1][1] == END
    assert all(low < high and high - low <= WINDOW for low, high in bounds)
    assert all(bounds[i][1] == bounds[i + 1][0] for i in range(len(bounds) - 1))
    assert [high - low for low, high in bounds[:3]] == [WINDOW] * 3  # absolute days, not wall-clock


@pytest.mark.anyio
async def test_lineworks_aiterate_yields_the_same(fake_url: str, lw_calendar: str) -> None:
    client = lw(fake_url)
    found = [
        entry async for entry in list_events.aiterate(USER, lw_calendar, client=client, start=START, end=END)
    ]
    assert summaries(found) == expected_order()
    assert len({entry.event_components[0].event_id for entry in found}) == len(found)


def test_lineworks_iterate_over_one_window_is_one_call(fake_url: str, lw_calendar: str) -> None:
    log: list[httpx.Request] = []
    short = list(
        list_events.iterate(USER, lw_calendar, client=lw(fake_url, log), start=at(10, 1), end=at(10, 31))
    )
    assert len(log) == 1
    assert summaries(short) == ["weekly", "across the first boundary", "single B"]
    assert list(list_events.iterate(USER, lw_calendar, client=lw(fake_url, log), start=END, end=END)) == []
    assert len(log) == 1, "an empty range calls nothing"


def test_lineworks_iterate_raises_api_errors(fake_url: str) -> None:
    with pytest.raises(lw_errors.NotFoundError):
        list(
            list_events.iterate(
                USER, "calendar-that-does-not-exist", client=lw(fake_url), start=START, end=END
            )
        )


@pytest.mark.anyio
async def test_lineworks_aiterate_raises_api_errors(fake_url: str) -> None:
    with pytest.raises(lw_errors.NotFoundError):
        async for _ in list_events.aiterate(USER, "calendar-gone", client=lw(fake_url), start=START, end=END):
            pass


def test_iterate_refuses_a_naive_or_reversed_range_before_calling(fake_url: str) -> None:
    log: list[httpx.Request] = []
    client = lw(fake_url, log)
    with pytest.raises(ValueError, match="start is an instant"):
        next(list_events.iterate(USER, "c", client=client, start=datetime.datetime(2025, 1, 1), end=END))
    with pytest.raises(ValueError, match="end is an instant"):
        next(list_events.iterate(USER, "c", client=client, start=START, end=datetime.datetime(2026, 1, 1)))
    with pytest.raises(ValueError, match="before start"):
        next(list_events.iterate(USER, "c", client=client, start=END, end=START))
    assert log == []


# --- Dooray: more than a year --------------------------------------------------------------------------

D_START = datetime.datetime(2024, 3, 1, tzinfo=SEOUL)
D_END = D_START + datetime.timedelta(days=400)  # two windows: 366 days, then 34
TUESDAY = datetime.datetime(2024, 3, 5, 10, tzinfo=SEOUL)
LAST_TUESDAY = datetime.datetime(2025, 4, 1, 10, tzinfo=SEOUL)


def dooray_event(
    subject: str, start: datetime.datetime | OffsetDate, end: datetime.datetime | OffsetDate
) -> Any:
    return DoorayCreateEventRequest(
        subject=subject, started_at=start, ended_at=end, whole_day_flag=isinstance(start, OffsetDate)
    )


@pytest.fixture(scope="module")
def dooray_seeded(fake_url: str) -> tuple[str, dict[str, str]]:
    """A private calendar with a weekly series over the whole range and single events; subject -> id."""
    client = dooray(fake_url)
    body = CreatePrivateCalendarRequest(
        name="Iterate", type_="private", me=CreatePrivateCalendarRequestMe(color="#336699")
    )
    created = dooray_create_calendar.sync(client=client, body=body).result
    assert not isinstance(created, DoorayUnset)
    calendar_id = created.id
    series = DoorayCreateEventRequest(
        subject="weekly",
        started_at=TUESDAY,
        ended_at=TUESDAY + datetime.timedelta(hours=1),
        recurrence_rule=RecurrenceRuleInput(
            frequency=RecurrenceRuleInputFrequency.WEEKLY,
            byday="TU",
            until=datetime.datetime(2025, 4, 1, 23, 59, 59, tzinfo=SEOUL),
            timezone_name="Asia/Seoul",
        ),
    )
    seoul_day = dooray_times.offset_date
    requests = [
        series,
        dooray_event(
            "across the boundary",
            datetime.datetime(2025, 3, 1, 20, tzinfo=SEOUL),
            datetime.datetime(2025, 3, 2, 10, tzinfo=SEOUL),
        ),
        dooray_event(
            "christmas",
            seoul_day(datetime.date(2024, 12, 25), SEOUL),
            seoul_day(datetime.date(2024, 12, 26), SEOUL),
        ),
        dooray_event(
            "late",
            datetime.datetime(2025, 4, 4, 10, tzinfo=SEOUL),
            datetime.datetime(2025, 4, 4, 11, tzinfo=SEOUL),
        ),
        dooray_event(
            "outside",
            datetime.datetime(2025, 4, 10, 10, tzinfo=SEOUL),
            datetime.datetime(2025, 4, 10, 11, tzinfo=SEOUL),
        ),
    ]
    ids: dict[str, str] = {}
    for request in requests:
        result = dooray_create_event.sync(calendar_id, client=client, body=request).result
        assert not isinstance(result, DoorayUnset)
        ids[str(request.subject)] = result.id
    return calendar_id, ids


def expected_dooray_ids(ids: dict[str, str]) -> set[str]:
    tuesdays = []
    day = TUESDAY
    while day <= LAST_TUESDAY:
        tuesdays.append(day)
        day += datetime.timedelta(days=7)
    occurrences = {f"{ids['weekly']}-{t.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}" for t in tuesdays}
    assert len(occurrences) == 57
    return occurrences | {ids["across the boundary"], ids["christmas"], ids["late"]}


def dooray_start(event: DoorayEvent) -> datetime.datetime:
    moment = dooray_times.to_datetime(event.started_at)
    if isinstance(moment, datetime.datetime):
        return moment
    assert isinstance(moment, OffsetDate)
    return datetime.datetime.combine(moment, datetime.time(), moment.tzinfo)


def test_dooray_iterate_over_more_than_a_year_yields_each_occurrence_once(
    fake_url: str, dooray_seeded: tuple[str, dict[str, str]]
) -> None:
    calendar_id, ids = dooray_seeded
    log: list[httpx.Request] = []
    found = list(
        dooray_list_events.iterate(
            client=dooray(fake_url, log), start=D_START, end=D_END, calendars=calendar_id
        )
    )
    assert all(isinstance(event, DoorayEvent) for event in found)
    found_ids = [event.id for event in found]
    assert len(found_ids) == len(set(found_ids)), "an occurrence came twice"
    assert set(found_ids) == expected_dooray_ids(ids)
    starts = [dooray_start(event) for event in found]
    assert starts == sorted(starts), "Dooray lists occurrences: every item starts in the range, in order"
    assert [(query(r)["timeMin"], query(r)["timeMax"]) for r in log] == [
        ("2024-03-01T00:00:00+09:00", "2025-03-02T00:00:00+09:00"),
        ("2025-03-02T00:00:00+09:00", "2025-04-05T00:00:00+09:00"),
    ]
    assert all(query(r)["calendars"] == calendar_id for r in log)


@pytest.mark.anyio
async def test_dooray_aiterate_yields_the_same(
    fake_url: str, dooray_seeded: tuple[str, dict[str, str]]
) -> None:
    calendar_id, ids = dooray_seeded
    client = dooray(fake_url)
    found = [
        e
        async for e in dooray_list_events.aiterate(
            client=client, start=D_START, end=D_END, calendars=calendar_id
        )
    ]
    assert sorted(e.id for e in found) == sorted(expected_dooray_ids(ids))


def test_dooray_iterate_raises_api_errors(fake_url: str) -> None:
    client = dooray(fake_url, token="not-a-token")
    with pytest.raises(dooray_errors.AuthenticationError):
        list(dooray_list_events.iterate(client=client, start=D_START, end=D_END))


# --- paging ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lw_personals(fake_url: str) -> list[str]:
    """Seven or more calendars in the user's list; their ids as one page of 50 lists them."""
    client = lw(fake_url)
    for index in range(5):
        create_calendar.sync(client=client, body=CreateCalendarRequest(calendar_name=f"Paged {index}"))
    whole = list_calendar_personals.sync(USER, client=client, count=50)
    assert not isinstance(whole.response_meta_data, Unset) and not whole.response_meta_data.next_cursor
    reference = [entry.calendar_id for entry in whole.calendar_personals or []]
    assert len(reference) >= 7
    return reference


def test_lineworks_iterate_follows_the_cursor_to_the_end(fake_url: str, lw_personals: list[str]) -> None:
    log: list[httpx.Request] = []
    paged = list(list_calendar_personals.iterate(USER, client=lw(fake_url, log), count=2))
    assert [entry.calendar_id for entry in paged] == lw_personals
    assert len(log) >= math.ceil(len(lw_personals) / 2)
    assert all(query(r)["count"] == "2" for r in log)
    assert "cursor" not in query(log[0]) and all("cursor" in query(r) for r in log[1:])


@pytest.mark.anyio
async def test_lineworks_aiterate_follows_the_cursor(fake_url: str, lw_personals: list[str]) -> None:
    client = lw(fake_url)
    paged = [
        entry.calendar_id async for entry in list_calendar_personals.aiterate(USER, client=client, count=2)
    ]
    assert paged == lw_personals


@pytest.fixture(scope="module")
def dooray_calendars(fake_url: str) -> list[str]:
    """Six or more calendars of the member; their ids as one page (no size) lists them."""
    client = dooray(fake_url)
    for index in range(5):
        body = CreatePrivateCalendarRequest(name=f"Paged {index}", type_="private")
        dooray_create_calendar.sync(client=client, body=body)
    reference = [calendar.id for calendar in list_calendars.sync(client=client).result]
    assert len(reference) >= 6
    return reference


def test_dooray_iterate_reads_every_page(fake_url: str, dooray_calendars: list[str]) -> None:
    log: list[httpx.Request] = []
    paged = list(list_calendars.iterate(client=dooray(fake_url, log), size=2))
    assert [calendar.id for calendar in paged] == dooray_calendars
    # Pages 0, 1, 2... and no more: the walk stops once it has read totalCount items.
    assert [query(r)["page"] for r in log] == [str(n) for n in range(math.ceil(len(dooray_calendars) / 2))]
    assert all(query(r)["size"] == "2" for r in log)


@pytest.mark.anyio
async def test_dooray_aiterate_reads_every_page(fake_url: str, dooray_calendars: list[str]) -> None:
    client = dooray(fake_url)
    paged = [calendar.id async for calendar in list_calendars.aiterate(client=client, size=2)]
    assert paged == dooray_calendars


def test_dooray_iterate_stops_when_a_server_ignores_the_page() -> None:
    """A server that answers page 0 whatever is asked, without a total: the walk ends, each item once."""
    calls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(query(request).get("page", ""))
        body = {
            "header": {"isSuccessful": True, "resultCode": 0, "resultMessage": ""},
            "result": [{"id": "1", "name": "a"}, {"id": "2", "name": "b"}],
        }
        return httpx.Response(200, json=body)

    client = DoorayClient(
        base_url="http://x", token="t", httpx_args={"transport": httpx.MockTransport(answer)}
    )
    assert [c.id for c in list_calendars.iterate(client=client, size=2)] == ["1", "2"]
    assert calls == ["0", "1"]


# --- from the extensions, whatever the operation ----------------------------------------------------

AGENDA_SPEC = """\
openapi: 3.1.0
info: {title: Agenda, version: "1.0"}
servers: [{url: "https://agenda.example.com", description: Agenda}]
x-calspec-errors: {code: /code, message: /message, codes: {"400": BAD}}
x-calspec-retries:
  policies: [{methods: [GET], statuses: [429], connection-errors: any}]
security: [{token: []}]
paths:
  /slots:
    get:
      operationId: findSlots
      tags: [slots]
      x-calspec-window:
        start: {parameter: after, inclusive: true}
        end: {parameter: before, inclusive: false}
        max-days: 2
        items: /data/slots
        item-id: /key
        item-start: /at
      parameters:
        - {name: after, in: query, required: true, schema: {type: string, format: date-time}}
        - {name: before, in: query, required: true, schema: {type: string, format: date-time}}
        - {name: room, in: query, schema: {type: string}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/SlotPage"}}}
  /rooms:
    get:
      operationId: browseRooms
      tags: [rooms]
      x-calspec-pagination: {type: cursor, cursor: from, size: limit, next-cursor: /more/token, items: /rooms}
      parameters:
        - {name: from, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/RoomPage"}}}
components:
  securitySchemes:
    token: {type: http, scheme: bearer, x-calspec-auth: {header: Authorization, prefix: Bearer}}
  schemas:
    SlotPage:
      type: object
      required: [data]
      properties:
        data:
          type: object
          required: [slots]
          properties:
            slots: {type: array, items: {$ref: "#/components/schemas/Slot"}}
    Slot:
      type: object
      required: [key]
      properties:
        key: {type: string}
        at: {type: string, format: date-time}
    RoomPage:
      type: object
      properties:
        rooms: {type: array, items: {$ref: "#/components/schemas/Room"}}
        more:
          type: object
          properties:
            token: {type: string}
    Room:
      type: object
      required: [name]
      properties:
        name: {type: string}
"""


@pytest.fixture(scope="module")
def agenda(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with tiny_client(AGENDA_SPEC, "agenda_client", tmp_path_factory.mktemp("agenda")) as package:
        yield package


def test_iterators_come_from_the_extensions_of_any_operation(agenda: ModuleType) -> None:
    """Names, pointers, the window length and the cursor all come from the spec: a 2-day window here,
    items at /data/slots, ids at /key, a cursor parameter `from` fed from /more/token."""
    find_slots = importlib.import_module("agenda_client.api.slots.find_slots")
    browse_rooms = importlib.import_module("agenda_client.api.rooms.browse_rooms")
    assert importlib.import_module("agenda_client._spec").WINDOWS["find_slots"].max_days == 2
    origin = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    slots = [("early", origin - datetime.timedelta(hours=6))]  # under way at the start: in every window
    slots += [(f"s{hour}", origin + datetime.timedelta(hours=hour)) for hour in range(0, 120, 10)][::-1]
    asked: list[dict[str, str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        params = query(request)
        asked.append(params)
        if request.url.path == "/rooms":
            page = int(params.get("from", "0"))
            rooms = [{"name": f"room {page * 2 + i}"} for i in range(2)]
            return httpx.Response(
                200, json={"rooms": rooms, "more": {"token": str(page + 1)} if page < 2 else {}}
            )
        low, high = (datetime.datetime.fromisoformat(params[key]) for key in ("after", "before"))
        found = [
            {"key": key, "at": at.isoformat()} for key, at in slots if key == "early" or low <= at < high
        ]
        return httpx.Response(200, json={"data": {"slots": found}})

    client = agenda.AuthenticatedClient(
        base_url="https://agenda.example.com",
        token="t",
        httpx_args={"transport": httpx.MockTransport(answer)},
    )
    found = list(
        find_slots.iterate(client=client, start=origin, end=origin + datetime.timedelta(days=5), room="7")
    )
    assert [slot.key for slot in found] == ["early"] + [f"s{hour}" for hour in range(0, 120, 10)]
    assert type(found[0]).__name__ == "Slot"
    assert [(a["after"][:10], a["before"][:10], a["room"]) for a in asked] == [
        ("2025-01-01", "2025-01-03", "7"),
        ("2025-01-03", "2025-01-05", "7"),
        ("2025-01-05", "2025-01-06", "7"),
    ]
    asked.clear()
    rooms = [room.name for room in browse_rooms.iterate(client=client, limit=2)]
    assert rooms == [f"room {n}" for n in range(6)]
    assert [a.get("from") for a in asked] == [None, "1", "2"] and all(a["limit"] == "2" for a in asked)
