"""The generated clients against the fake over a real loopback socket (uvicorn in a thread).

This is what a user's integration test does: typed models in, HTTP over TCP, typed models out. Nothing here
goes beyond 127.0.0.1.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dooray_calendar import AuthenticatedClient as DoorayClient
from dooray_calendar.api.calendars import get_calendar, list_calendars
from dooray_calendar.api.events import get_event
from dooray_calendar.api.events import list_events as dooray_list_events
from dooray_calendar.models import (
    Body,
    CalendarListResponse,
    EventListResponse,
    EventResponse,
    EventUsers,
    RecurrenceType,
)
from dooray_calendar.models import Event as DoorayEvent
from dooray_calendar.types import UNSET as DOORAY_UNSET
from dooray_calendar.types import Unset as DoorayUnset
from lineworks_calendar import AuthenticatedClient as LineWorksClient
from lineworks_calendar.api.events import create_event
from lineworks_calendar.api.events import list_events as lw_list_events
from lineworks_calendar.models import (
    Attendee,
    AttendeePartstat,
    CreateEventRequest,
    Event,
    EventComponents,
    EventList,
    EventRequest,
    EventTime,
    Map,
    MapUrl,
    Reminder,
    ReminderMethod,
    Transparency,
    VideoMeeting,
    Visibility,
    ZonedDateTime,
)
from lineworks_calendar.types import UNSET, Unset

from contract.loopback import serve

LW_USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
LW_CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
SEOUL = ZoneInfo("Asia/Seoul")
# Fields the server fills or assigns; everything else must come back exactly as sent.
SERVER_FILLED = {"eventId", "createdTime", "updatedTime", "organizer", "viewUrl", "attachments"}


@pytest.fixture(scope="module")
def fake_url() -> Iterator[str]:
    from fake.app import create_app

    with serve(create_app(db=None)) as url:
        yield url


def lw_client(root: str, token: str) -> LineWorksClient:
    return LineWorksClient(base_url=f"{root}/v1.0", token=token, raise_on_unexpected_status=True)


def dooray_client(root: str, token: str) -> DoorayClient:
    return DoorayClient(base_url=root, token=token, prefix="dooray-api", raise_on_unexpected_status=True)


def local(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value)


def timed_series() -> CreateEventRequest:
    """A weekly series with attendees and reminders, one date excluded and one occurrence moved."""
    master = EventRequest(
        summary="Weekly sync 주간 회의",
        description="Agenda\nline two",
        location="4-5 회의실",
        map_=Map(type_="NAVER", geo="37.5;127.0"),
        map_url=MapUrl(map_url="https://map.example.com/x", image_id="img-1"),
        category_id="1",
        start=EventTime(date_time=local("2024-06-04T10:00:00"), time_zone="Asia/Seoul"),
        end=EventTime(date_time=local("2024-06-04T11:00:00"), time_zone="Asia/Seoul"),
        recurrence=[
            "RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20240625T010000Z",
            "EXDATE;TZID=Asia/Seoul:20240618T100000",
        ],
        transparency=Transparency.OPAQUE,
        visibility=Visibility.PRIVATE,
        sequence=0,
        attendees=[
            Attendee(
                email="a@example.com",
                display_name="A",
                partstat=AttendeePartstat.NEEDS_ACTION,
                is_resource=False,
                is_external_resource=False,
                is_optional=False,
            ),
            Attendee(
                email="b@example.com",
                display_name="B",
                partstat=AttendeePartstat.TENTATIVE,
                is_resource=False,
                is_external_resource=False,
                is_optional=True,
            ),
            Attendee(
                id="room-7",
                display_name="Room 7",
                partstat=AttendeePartstat.ACCEPTED,
                is_resource=True,
                is_external_resource=False,
                is_optional=False,
                resource_value="room-7@resource",
            ),
        ],
        video_meeting=VideoMeeting(url="https://works.do/abc", resource_id="abc"),
        reminders=[
            Reminder(method=ReminderMethod.DISPLAY, trigger="-PT10M"),
            Reminder(
                method=ReminderMethod.EMAIL,
                trigger_date_time=ZonedDateTime(
                    date_time=local("2024-06-04T09:00:00"), time_zone="Asia/Seoul"
                ),
            ),
        ],
        priority=1,
    )
    exception = EventRequest(
        summary="Weekly sync (moved)",
        start=EventTime(date_time=local("2024-06-11T15:00:00"), time_zone="Asia/Seoul"),
        end=EventTime(date_time=local("2024-06-11T16:00:00"), time_zone="Asia/Seoul"),
        recurring_event_id="TZID=Asia/Seoul:20240611T100000",
        transparency=Transparency.TRANSPARENT,
        visibility=Visibility.PUBLIC,
        sequence=1,
        priority=0,
    )
    return CreateEventRequest(event_components=[master, exception], send_notification=False)


def all_day_event() -> CreateEventRequest:
    return CreateEventRequest(
        event_components=[
            EventRequest(
                event_id="calspec-e2e-all-day",
                summary="Offsite",
                start=EventTime(date=datetime.date(2024, 6, 20)),
                end=EventTime(date=datetime.date(2024, 6, 22)),
                transparency=Transparency.TRANSPARENT,
                visibility=Visibility.PUBLIC,
                sequence=0,
                priority=0,
            )
        ],
        send_notification=False,
    )


def sent(component: EventRequest) -> dict[str, Any]:
    return {k: v for k, v in component.to_dict().items() if k not in SERVER_FILLED}


def stored(component: Event) -> dict[str, Any]:
    return {k: v for k, v in component.to_dict().items() if k not in SERVER_FILLED}


def create(root: str, body: CreateEventRequest, token: str = "lw-demo-token") -> EventComponents:
    response = create_event.sync_detailed(LW_USER, LW_CALENDAR, client=lw_client(root, token), body=body)
    assert response.status_code == 201, response.content
    assert isinstance(response.parsed, EventComponents)
    return response.parsed


def list_june(root: str, token: str = "lw-demo-token") -> EventList:
    response = lw_list_events.sync_detailed(
        LW_USER,
        LW_CALENDAR,
        client=lw_client(root, token),
        from_date_time=datetime.datetime(2024, 6, 1, tzinfo=SEOUL),
        until_date_time=datetime.datetime(2024, 7, 1, tzinfo=SEOUL),
    )
    assert response.status_code == 200, response.content
    assert isinstance(response.parsed, EventList)
    return response.parsed


def assert_same_components(request: CreateEventRequest, returned: EventComponents) -> str:
    """Every sent field comes back unchanged under one eventId, with the server fields filled; the id."""
    components = returned.event_components
    assert not isinstance(components, Unset) and len(components) == len(request.event_components)
    ids = {component.event_id for component in components}
    assert len(ids) == 1, ids
    event_id = ids.pop()
    for want, got in zip(request.event_components, components, strict=True):
        assert stored(got) == sent(want)
        if not isinstance(want.event_id, Unset):
            assert got.event_id == want.event_id
        assert got.created_time is not UNSET and got.updated_time is not UNSET
        assert got.organizer is not UNSET and got.view_url is not UNSET
    assert returned.organizer_calendar_id in (UNSET, LW_CALENDAR)
    return event_id


def test_lineworks_create_then_list_keeps_every_field(fake_url: str) -> None:
    series, all_day = timed_series(), all_day_event()
    series_id = assert_same_components(series, create(fake_url, series))
    all_day_id = assert_same_components(all_day, create(fake_url, all_day))
    assert all_day_id == "calspec-e2e-all-day" and series_id != all_day_id

    listed = list_june(fake_url).events
    assert not isinstance(listed, Unset)
    by_id: dict[str, list[EventComponents]] = {}
    for entry in listed:
        assert not isinstance(entry.event_components, Unset) and entry.event_components
        by_id.setdefault(entry.event_components[0].event_id, []).append(entry)
    # A series is listed once, as its master with the exception component.
    assert len(by_id.get(series_id, [])) == 1 and len(by_id.get(all_day_id, [])) == 1
    assert assert_same_components(series, by_id[series_id][0]) == series_id
    assert assert_same_components(all_day, by_id[all_day_id][0]) == all_day_id


def test_lineworks_read_only_token_may_list_but_not_create(fake_url: str) -> None:
    list_june(fake_url, token="lw-demo-readonly")
    response = create_event.sync_detailed(
        LW_USER, LW_CALENDAR, client=lw_client(fake_url, "lw-demo-readonly"), body=all_day_event()
    )
    assert response.status_code == 403, response.content


@pytest.mark.parametrize("operation", ["create", "list"])
def test_lineworks_other_user_is_refused(fake_url: str, operation: str) -> None:
    client = lw_client(fake_url, "lw-other-token")
    if operation == "create":
        response: Any = create_event.sync_detailed(LW_USER, LW_CALENDAR, client=client, body=all_day_event())
    else:
        response = lw_list_events.sync_detailed(
            LW_USER,
            LW_CALENDAR,
            client=client,
            from_date_time=datetime.datetime(2024, 6, 1, tzinfo=SEOUL),
            until_date_time=datetime.datetime(2024, 7, 1, tzinfo=SEOUL),
        )
    assert response.status_code in (403, 404), response.content


def test_lineworks_unknown_token_is_401(fake_url: str) -> None:
    response = lw_list_events.sync_detailed(
        LW_USER,
        LW_CALENDAR,
        client=lw_client(fake_url, "no-such-token"),
        from_date_time=datetime.datetime(2024, 6, 1, tzinfo=SEOUL),
        until_date_time=datetime.datetime(2024, 6, 2, tzinfo=SEOUL),
    )
    assert response.status_code == 401, response.content


OCCURRENCE_ID = re.compile(r"^(?P<master>.+)-(?P<start>[0-9]{8}T[0-9]{6}Z)$")
# The fixture series: weekly on Tuesdays 10:00 Asia/Seoul from 2020-08-04, the 18th moved to 14:00.
DOORAY_WINDOW = (
    datetime.datetime(2020, 8, 1, tzinfo=SEOUL),
    datetime.datetime(2020, 9, 1, tzinfo=SEOUL),
)


def test_dooray_calendars_then_events_then_occurrence_detail(fake_url: str) -> None:
    client = dooray_client(fake_url, "dooray-demo-token")
    calendars = list_calendars.sync_detailed(client=client)
    assert calendars.status_code == 200, calendars.content
    assert isinstance(calendars.parsed, CalendarListResponse)
    assert calendars.parsed.header.is_successful
    listed_calendars = calendars.parsed.result
    assert not isinstance(listed_calendars, DoorayUnset) and listed_calendars
    assert isinstance(calendars.parsed.total_count, int)
    assert calendars.parsed.total_count >= len(listed_calendars)
    calendar_ids = [calendar.id for calendar in listed_calendars]
    assert "1" in calendar_ids

    time_min, time_max = DOORAY_WINDOW
    events = dooray_list_events.sync_detailed(client=client, time_min=time_min, time_max=time_max)
    assert events.status_code == 200, events.content
    assert isinstance(events.parsed, EventListResponse)
    items = events.parsed.result
    assert not isinstance(items, DoorayUnset)
    occurrences: list[DoorayEvent] = []
    for item in items:
        assert item.body is DOORAY_UNSET, "list items carry no body"
        assert not isinstance(item.calendar, DoorayUnset) and item.calendar.id in calendar_ids
        match = OCCURRENCE_ID.match(item.id) if isinstance(item.id, str) else None
        if match:
            assert item.master_schedule_id == match["master"]
            assert item.recurrence_type in (RecurrenceType.UNMODIFIED, RecurrenceType.MODIFIED)
            occurrences.append(item)
    # Tuesdays 4, 11, 18 (moved), 25 August: four occurrences of one series.
    assert len(occurrences) >= 4, [item.id for item in items]
    assert any(item.recurrence_type == RecurrenceType.MODIFIED for item in occurrences)

    for occurrence in (
        occurrences[1],
        next(o for o in occurrences if o.recurrence_type == RecurrenceType.MODIFIED),
    ):
        assert isinstance(occurrence.id, str) and not isinstance(occurrence.calendar, DoorayUnset)
        assert isinstance(occurrence.calendar.id, str)
        detail = get_event.sync_detailed(occurrence.calendar.id, occurrence.id, client=client)
        assert detail.status_code == 200, detail.content
        assert isinstance(detail.parsed, EventResponse)
        event = detail.parsed.result
        assert not isinstance(event, DoorayUnset)
        assert event.id == occurrence.id and event.master_schedule_id == occurrence.master_schedule_id
        assert event.started_at == occurrence.started_at and event.ended_at == occurrence.ended_at
        assert event.subject == occurrence.subject
        assert isinstance(event.body, Body) and isinstance(event.body.content, str)
        assert isinstance(event.users, EventUsers) and not isinstance(event.users.from_, DoorayUnset)
        started = occurrence.started_at
        assert isinstance(started, datetime.datetime)
        utc = started.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        if occurrence.recurrence_type == RecurrenceType.UNMODIFIED:
            # An unmodified occurrence is named after its own start.
            assert occurrence.id.endswith("-" + utc)


def test_dooray_other_member_cannot_read_the_demo_calendar(fake_url: str) -> None:
    client = dooray_client(fake_url, "dooray-other-token")
    response = get_event.sync_detailed("2", "3", client=client)
    assert response.status_code in (403, 404), response.content
    response_calendar = get_calendar.sync_detailed("2", client=client)
    assert response_calendar.status_code in (403, 404), response_calendar.content


def test_dooray_without_prefix_is_401(fake_url: str) -> None:
    client = DoorayClient(base_url=fake_url, token="dooray-demo-token", prefix="Bearer")
    response = list_calendars.sync_detailed(client=client)
    assert response.status_code == 401, response.content
