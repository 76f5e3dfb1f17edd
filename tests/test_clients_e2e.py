"""The generated clients against the fake over a real loopback socket (uvicorn in a thread).

This is what a user's integration test does: typed models in, HTTP over TCP, typed models out. Nothing here
goes beyond 127.0.0.1.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from dooray_calendar import AuthenticatedClient as DoorayClient
from dooray_calendar.api.calendars import (
    create_calendar as dooray_create_calendar,
)
from dooray_calendar.api.calendars import (
    delete_calendar as dooray_delete_calendar,
)
from dooray_calendar.api.calendars import get_calendar, list_calendars, replace_calendar_members
from dooray_calendar.api.events import create_event as dooray_create_event
from dooray_calendar.api.events import delete_event as dooray_delete_event
from dooray_calendar.api.events import get_event
from dooray_calendar.api.events import list_events as dooray_list_events
from dooray_calendar.api.events import update_event as dooray_update_event
from dooray_calendar.models import (
    Body,
    BodyInput,
    BodyInputMimeType,
    CalendarListResponse,
    CalendarResponse,
    CalendarRole,
    CalendarType,
    CreatedResponse,
    CreatePrivateCalendarRequest,
    CreatePrivateCalendarRequestMe,
    CreateSubscriptionCalendarRequest,
    CreateSubscriptionCalendarRequestMe,
    DeleteEventRequest,
    DeleteEventRequestDeleteType,
    DistributionListGrant,
    DistributionListGrantDistributionList,
    EmptyResponse,
    EventListResponse,
    EventResponse,
    EventUsers,
    EventUsersInput,
    InputRole,
    MemberGrant,
    MemberGrantMember,
    MemberInvitee,
    MemberInviteeMember,
    RecurrenceRuleFrequency,
    RecurrenceRuleInput,
    RecurrenceRuleInputFrequency,
    RecurrenceType,
    ReplaceCalendarMembersRequest,
    UpdateEventRequest,
)
from dooray_calendar.models import CreateEventRequest as DoorayCreateEventRequest
from dooray_calendar.models import Event as DoorayEvent
from dooray_calendar.types import UNSET as DOORAY_UNSET
from dooray_calendar.types import Unset as DoorayUnset
from lineworks_calendar import AuthenticatedClient as LineWorksClient
from lineworks_calendar.api.calendars import (
    create_calendar,
    delete_calendar,
    get_calendar_personal,
    get_default_calendar,
    list_calendar_personals,
    remove_calendar_from_list,
    update_calendar,
    update_calendar_personal,
)
from lineworks_calendar.api.calendars import get_calendar as lw_get_calendar
from lineworks_calendar.api.events import (
    create_event,
    create_event_in_default_calendar,
    delete_event,
    delete_event_in_default_calendar,
    get_event_in_default_calendar,
    list_events_in_default_calendar,
    update_event,
    update_event_in_default_calendar,
)
from lineworks_calendar.api.events import get_event as lw_get_event
from lineworks_calendar.api.events import list_events as lw_list_events
from lineworks_calendar.models import (
    AttendeeInput,
    AttendeePartstat,
    Calendar,
    CalendarMemberInput,
    CalendarMemberRole,
    CalendarMemberType,
    CalendarPersonal,
    CalendarPersonalList,
    CreateCalendarRequest,
    CreateEventRequest,
    Event,
    EventComponents,
    EventList,
    EventReplacement,
    EventRequest,
    EventTimeInput,
    MapInput,
    MapUrlInput,
    ReminderInput,
    ReminderMethod,
    ReplaceEventRequest,
    Transparency,
    UpdateCalendarPersonalRequest,
    UpdateCalendarRequest,
    VideoMeetingInput,
    Visibility,
    ZonedDateTimeInput,
)
from lineworks_calendar.types import UNSET, Unset

from calspec.contract.loopback import serve

LW_USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
LW_CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
SEOUL = ZoneInfo("Asia/Seoul")
# Fields the server fills or assigns; everything else must come back exactly as sent.
SERVER_FILLED = {"eventId", "createdTime", "updatedTime", "organizer", "viewUrl", "attachments"}


@pytest.fixture(scope="module")
def fake_url() -> Iterator[str]:
    from calspec.fake.app import create_app

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
        map_=MapInput(type_="NAVER", geo="37.5;127.0"),
        map_url=MapUrlInput(map_url="https://map.example.com/x", image_id="img-1"),
        category_id="1",
        start=EventTimeInput(date_time=local("2024-06-04T10:00:00"), time_zone="Asia/Seoul"),
        end=EventTimeInput(date_time=local("2024-06-04T11:00:00"), time_zone="Asia/Seoul"),
        recurrence=[
            "RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20240625T010000Z",
            "EXDATE;TZID=Asia/Seoul:20240618T100000",
        ],
        transparency=Transparency.OPAQUE,
        visibility=Visibility.PRIVATE,
        sequence=0,
        attendees=[
            AttendeeInput(
                email="a@example.com",
                display_name="A",
                partstat=AttendeePartstat.NEEDS_ACTION,
                is_resource=False,
                is_external_resource=False,
                is_optional=False,
            ),
            AttendeeInput(
                email="b@example.com",
                display_name="B",
                partstat=AttendeePartstat.TENTATIVE,
                is_resource=False,
                is_external_resource=False,
                is_optional=True,
            ),
            AttendeeInput(
                id="room-7",
                display_name="Room 7",
                partstat=AttendeePartstat.ACCEPTED,
                is_resource=True,
                is_external_resource=False,
                is_optional=False,
                resource_value="room-7@resource",
            ),
        ],
        video_meeting=VideoMeetingInput(url="https://works.do/abc", resource_id="abc"),
        reminders=[
            ReminderInput(method=ReminderMethod.DISPLAY, trigger="-PT10M"),
            ReminderInput(
                method=ReminderMethod.EMAIL,
                trigger_date_time=ZonedDateTimeInput(
                    date_time=local("2024-06-04T09:00:00"), time_zone="Asia/Seoul"
                ),
            ),
        ],
        priority=1,
    )
    exception = EventRequest(
        summary="Weekly sync (moved)",
        start=EventTimeInput(date_time=local("2024-06-11T15:00:00"), time_zone="Asia/Seoul"),
        end=EventTimeInput(date_time=local("2024-06-11T16:00:00"), time_zone="Asia/Seoul"),
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
                start=EventTimeInput(date=datetime.date(2024, 6, 20)),
                end=EventTimeInput(date=datetime.date(2024, 6, 22)),
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


def assert_same_components(
    request: CreateEventRequest, returned: EventComponents, calendar_id: str = LW_CALENDAR
) -> str:
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
    assert returned.organizer_calendar_id in (UNSET, calendar_id)
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


# Every other operation: read, replace and delete events; calendars, the user's list, sharing.

LW_USER2 = "user2b3c-4d5e-46f7-8a9b-0c1d2e3f4a5x"
LW_TEAM_CALENDAR = "calendar-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
JULY = (datetime.datetime(2024, 7, 1, tzinfo=SEOUL), datetime.datetime(2024, 7, 31, tzinfo=SEOUL))
# Fields a PUT that leaves them out must not keep (the event had them all).
REMOVED_BY_REPLACE = (
    "description",
    "location",
    "map_",
    "map_url",
    "category_id",
    "recurrence",
    "recurring_event_id",
    "attendees",
    "video_meeting",
    "reminders",
)
T = TypeVar("T")


def parsed(response: Any, status: int, model: type[T]) -> T:
    """The typed body of `response`, which must have `status`."""
    assert response.status_code == status, (response.status_code, response.content)
    assert isinstance(response.parsed, model), response.content
    return response.parsed


def no_content(response: Any) -> None:
    assert response.status_code == 204, (response.status_code, response.content)


def status(response: Any, expected: int) -> None:
    assert response.status_code == expected, (response.status_code, response.content)


def seoul(value: str) -> EventTimeInput:
    return EventTimeInput(date_time=local(value), time_zone="Asia/Seoul")


def event_ids(events: EventList) -> list[str]:
    assert not isinstance(events.events, Unset)
    ids = []
    for entry in events.events:
        assert not isinstance(entry.event_components, Unset) and entry.event_components
        ids.append(entry.event_components[0].event_id)
    return ids


def list_window(client: LineWorksClient, user: str, calendar_id: str | None) -> list[str]:
    """Event ids of July 2024 in `calendar_id`, or in the user's default calendar when None."""
    start, end = JULY
    if calendar_id is None:
        response: Any = list_events_in_default_calendar.sync_detailed(
            user, client=client, from_date_time=start, until_date_time=end
        )
    else:
        response = lw_list_events.sync_detailed(
            user, calendar_id, client=client, from_date_time=start, until_date_time=end
        )
    return event_ids(parsed(response, 200, EventList))


def replacement(event_id: str, summary: str) -> ReplaceEventRequest:
    """A whole event with only the required fields and an end: everything else must be gone after the PUT."""
    return ReplaceEventRequest(
        event_components=[
            EventReplacement(
                event_id=event_id,
                summary=summary,
                start=seoul("2024-07-05T10:00:00"),
                end=seoul("2024-07-05T10:30:00"),
            )
        ],
        send_notification=False,
    )


def assert_replaced(returned: EventComponents, request: ReplaceEventRequest) -> None:
    """One component, as sent; fields left out are gone or back at their defaults."""
    components = returned.event_components
    assert not isinstance(components, Unset) and len(components) == 1, "the exception must be gone"
    [component], [want] = components, request.event_components
    assert component.event_id == want.event_id and component.summary == want.summary
    assert component.to_dict()["start"] == want.to_dict()["start"]
    assert component.to_dict()["end"] == want.to_dict()["end"]
    for name in REMOVED_BY_REPLACE:
        assert getattr(component, name) in (UNSET, []), (
            f"{name} survived the PUT: {getattr(component, name)!r}"
        )
    assert component.visibility in (UNSET, Visibility.PUBLIC)
    assert component.transparency in (UNSET, Transparency.OPAQUE)
    assert component.priority in (UNSET, 0)


def test_lineworks_get_replace_delete_event(fake_url: str) -> None:
    client = lw_client(fake_url, "lw-demo-token")
    request = timed_series()
    event_id = assert_same_components(request, create(fake_url, request))

    got = lw_get_event.sync_detailed(LW_USER, LW_CALENDAR, event_id, client=client)
    assert assert_same_components(request, parsed(got, 200, EventComponents)) == event_id

    body = replacement(event_id, "Weekly sync, replaced")
    put = update_event.sync_detailed(LW_USER, LW_CALENDAR, event_id, client=client, body=body)
    assert_replaced(parsed(put, 200, EventComponents), body)
    again = lw_get_event.sync_detailed(LW_USER, LW_CALENDAR, event_id, client=client)
    assert_replaced(parsed(again, 200, EventComponents), body)
    assert event_id in list_window(client, LW_USER, LW_CALENDAR), "the replaced event moved to July"
    assert event_id not in event_ids(list_june(fake_url)), "the June series is gone"

    no_content(
        delete_event.sync_detailed(LW_USER, LW_CALENDAR, event_id, client=client, send_notification=False)
    )
    status(lw_get_event.sync_detailed(LW_USER, LW_CALENDAR, event_id, client=client), 404)
    status(delete_event.sync_detailed(LW_USER, LW_CALENDAR, event_id, client=client), 404)
    status(update_event.sync_detailed(LW_USER, LW_CALENDAR, event_id, client=client, body=body), 404)
    assert event_id not in list_window(client, LW_USER, LW_CALENDAR)


def test_lineworks_default_calendar_variants(fake_url: str) -> None:
    client = lw_client(fake_url, "lw-demo-token")
    default = parsed(get_default_calendar.sync_detailed("me", client=client), 200, Calendar)
    assert default.calendar_id == LW_CALENDAR and default.members
    assert parsed(get_default_calendar.sync_detailed(LW_USER, client=client), 200, Calendar) == default

    request = CreateEventRequest(
        event_components=[
            EventRequest(
                summary="Dentist",
                description="Bring the card",
                location="Clinic",
                start=seoul("2024-07-10T09:00:00"),
                end=seoul("2024-07-10T10:00:00"),
                visibility=Visibility.PRIVATE,
                transparency=Transparency.OPAQUE,
                sequence=0,
                priority=2,
            )
        ],
        send_notification=False,
    )
    created = create_event_in_default_calendar.sync_detailed(LW_USER, client=client, body=request)
    event_id = assert_same_components(request, parsed(created, 201, EventComponents))
    assert event_id in list_window(client, LW_USER, None)
    assert event_id in list_window(client, "me", LW_CALENDAR), "the default calendar is LW_CALENDAR"

    got = get_event_in_default_calendar.sync_detailed(LW_USER, event_id, client=client)
    assert assert_same_components(request, parsed(got, 200, EventComponents)) == event_id
    via_calendar = lw_get_event.sync_detailed(LW_USER, LW_CALENDAR, event_id, client=client)
    assert assert_same_components(request, parsed(via_calendar, 200, EventComponents)) == event_id

    body = replacement(event_id, "Dentist, moved")
    put = update_event_in_default_calendar.sync_detailed(LW_USER, event_id, client=client, body=body)
    assert_replaced(parsed(put, 200, EventComponents), body)
    again = get_event_in_default_calendar.sync_detailed("me", event_id, client=client)
    assert_replaced(parsed(again, 200, EventComponents), body)

    no_content(delete_event_in_default_calendar.sync_detailed(LW_USER, event_id, client=client))
    status(get_event_in_default_calendar.sync_detailed(LW_USER, event_id, client=client), 404)
    status(lw_get_event.sync_detailed(LW_USER, LW_CALENDAR, event_id, client=client), 404)
    status(delete_event_in_default_calendar.sync_detailed(LW_USER, event_id, client=client), 404)
    assert event_id not in list_window(client, LW_USER, None)


def all_personals(client: LineWorksClient, user: str, count: int) -> list[CalendarPersonal]:
    """Every entry of the user's list, following `nextCursor` page by page."""
    entries: list[CalendarPersonal] = []
    cursor: str | Unset = UNSET
    for _ in range(100):
        response = list_calendar_personals.sync_detailed(user, client=client, count=count, cursor=cursor)
        page = parsed(response, 200, CalendarPersonalList)
        assert not isinstance(page.calendar_personals, Unset)
        assert len(page.calendar_personals) <= count
        entries.extend(page.calendar_personals)
        meta = page.response_meta_data
        next_cursor = None if isinstance(meta, Unset) else meta.next_cursor
        if not isinstance(next_cursor, str):
            return entries
        assert page.calendar_personals, "a page before the last one is empty"
        cursor = next_cursor
    raise AssertionError("the cursor never ends")


def personal_ids(client: LineWorksClient, user: str) -> list[str]:
    return [entry.calendar_id for entry in all_personals(client, user, 50)]


def test_lineworks_shared_calendar_lifecycle(fake_url: str) -> None:
    owner = lw_client(fake_url, "lw-demo-token")
    reader = CalendarMemberInput(
        id=LW_USER2, type_=CalendarMemberType.USER, role=CalendarMemberRole.EVENT_READ
    )
    request = CreateCalendarRequest(
        calendar_name="Project X", description="Launch plan", members=[reader], is_public=False
    )
    created = parsed(create_calendar.sync_detailed(client=owner, body=request), 201, Calendar)
    calendar_id = created.calendar_id
    assert calendar_id not in (LW_CALENDAR, LW_TEAM_CALENDAR)
    assert (created.calendar_name, created.description, created.is_public) == (
        "Project X",
        "Launch plan",
        False,
    )
    assert reader.to_dict() in [member.to_dict() for member in created.members]
    got = parsed(lw_get_calendar.sync_detailed(calendar_id, client=owner), 200, Calendar)
    assert got.to_dict() == created.to_dict()

    # PATCH changes the fields given and keeps the others.
    patch = UpdateCalendarRequest(calendar_name="Project Y")
    patched = parsed(update_calendar.sync_detailed(calendar_id, client=owner, body=patch), 200, Calendar)
    assert patched.calendar_name == "Project Y"
    assert (patched.description, patched.is_public, patched.members) == (
        "Launch plan",
        False,
        created.members,
    )
    got = parsed(lw_get_calendar.sync_detailed(calendar_id, client=owner), 200, Calendar)
    assert got.to_dict() == patched.to_dict()

    # One entry a page reaches every calendar of the list once, in the order of the one-page list.
    paged = all_personals(owner, LW_USER, 1)
    ids = [entry.calendar_id for entry in paged]
    assert len(paged) >= 3 and len(ids) == len(set(ids))
    assert {LW_CALENDAR, LW_TEAM_CALENDAR, calendar_id} <= set(ids)
    assert personal_ids(owner, LW_USER) == ids
    mine = next(entry for entry in paged if entry.calendar_id == calendar_id)
    assert mine.calendar_name == "Project Y"

    personal = get_calendar_personal.sync_detailed(LW_USER, calendar_id, client=owner)
    assert parsed(personal, 200, CalendarPersonal).to_dict() == mine.to_dict()
    order = UpdateCalendarPersonalRequest(display_order=7)
    changed = update_calendar_personal.sync_detailed(LW_USER, calendar_id, client=owner, body=order)
    reordered = parsed(changed, 200, CalendarPersonal)
    assert reordered.display_order == 7 and reordered.is_show_on_lnb_list == mine.is_show_on_lnb_list
    show = UpdateCalendarPersonalRequest(is_show_on_lnb_list=not mine.is_show_on_lnb_list)
    changed = update_calendar_personal.sync_detailed(LW_USER, calendar_id, client=owner, body=show)
    toggled = parsed(changed, 200, CalendarPersonal)
    assert (toggled.display_order, toggled.is_show_on_lnb_list) == (7, not mine.is_show_on_lnb_list)
    again = get_calendar_personal.sync_detailed("me", calendar_id, client=owner)
    assert parsed(again, 200, CalendarPersonal).to_dict() == toggled.to_dict()

    # An EVENT_READ member reads the calendar's events and may change nothing.
    member = lw_client(fake_url, "lw-other-token")
    event = CreateEventRequest(
        event_components=[
            EventRequest(
                summary="Launch review", start=seoul("2024-07-12T14:00:00"), end=seoul("2024-07-12T15:00:00")
            )
        ],
        send_notification=False,
    )
    made = create_event.sync_detailed(LW_USER, calendar_id, client=owner, body=event)
    event_id = assert_same_components(event, parsed(made, 201, EventComponents), calendar_id)
    read = lw_get_event.sync_detailed(LW_USER2, calendar_id, event_id, client=member)
    assert assert_same_components(event, parsed(read, 200, EventComponents), calendar_id) == event_id
    assert event_id in list_window(member, LW_USER2, calendar_id)
    assert calendar_id in personal_ids(member, LW_USER2)
    body = replacement(event_id, "Changed by a reader")
    status(create_event.sync_detailed(LW_USER2, calendar_id, client=member, body=event), 403)
    status(update_event.sync_detailed(LW_USER2, calendar_id, event_id, client=member, body=body), 403)
    status(delete_event.sync_detailed(LW_USER2, calendar_id, event_id, client=member), 403)
    status(update_calendar.sync_detailed(calendar_id, client=member, body=patch), 403)
    status(delete_calendar.sync_detailed(calendar_id, client=member), 403)
    unchanged = lw_get_event.sync_detailed(LW_USER, calendar_id, event_id, client=owner)
    assert assert_same_components(event, parsed(unchanged, 200, EventComponents), calendar_id) == event_id

    # The member takes the calendar out of their list; it stays, with its events, for the owner.
    no_content(remove_calendar_from_list.sync_detailed(LW_USER2, calendar_id, client=member))
    assert calendar_id not in personal_ids(member, LW_USER2)
    status(get_calendar_personal.sync_detailed(LW_USER2, calendar_id, client=member), 404)
    assert calendar_id in personal_ids(owner, LW_USER)
    assert parsed(lw_get_calendar.sync_detailed(calendar_id, client=owner), 200, Calendar).members
    status(lw_get_event.sync_detailed(LW_USER, calendar_id, event_id, client=owner), 200)

    # Deleting the calendar deletes its events.
    no_content(delete_calendar.sync_detailed(calendar_id, client=owner))
    status(lw_get_calendar.sync_detailed(calendar_id, client=owner), 404)
    status(lw_get_event.sync_detailed(LW_USER, calendar_id, event_id, client=owner), 404)
    status(delete_calendar.sync_detailed(calendar_id, client=owner), 404)
    assert calendar_id not in personal_ids(owner, LW_USER)


DOORAY_ME = "1"
DOORAY_OTHER = "2"
# June and July 2024: a weekly series on Tuesdays 10:00 Asia/Seoul has nine occurrences in it.
SUMMER = (datetime.datetime(2024, 6, 1, tzinfo=SEOUL), datetime.datetime(2024, 8, 1, tzinfo=SEOUL))
TUESDAYS = [
    "20240604",
    "20240611",
    "20240618",
    "20240625",
    "20240702",
    "20240709",
    "20240716",
    "20240723",
    "20240730",
]


def created_id(response: Any) -> str:
    body = parsed(response, 200, CreatedResponse)
    assert body.header.is_successful and not isinstance(body.result, DoorayUnset)
    return body.result.id


def done(response: Any) -> None:
    body = parsed(response, 200, EmptyResponse)
    assert body.header.is_successful and body.result in (None, DOORAY_UNSET)


def dooray_calendar(client: DoorayClient, calendar_id: str) -> Any:
    body = parsed(get_calendar.sync_detailed(calendar_id, client=client), 200, CalendarResponse)
    assert not isinstance(body.result, DoorayUnset) and body.result.id == calendar_id
    return body.result


def dooray_event(client: DoorayClient, calendar_id: str, event_id: str) -> DoorayEvent:
    body = parsed(get_event.sync_detailed(calendar_id, event_id, client=client), 200, EventResponse)
    assert not isinstance(body.result, DoorayUnset) and body.result.id == event_id
    return body.result


def dooray_listed(client: DoorayClient, calendar_id: str | None = None) -> list[DoorayEvent]:
    """The summer's events of every calendar of the member, or of `calendar_id` only."""
    time_min, time_max = SUMMER
    calendars: str | DoorayUnset = DOORAY_UNSET if calendar_id is None else calendar_id
    response = dooray_list_events.sync_detailed(
        client=client, time_min=time_min, time_max=time_max, calendars=calendars
    )
    body = parsed(response, 200, EventListResponse)
    assert not isinstance(body.result, DoorayUnset)
    return body.result


def in_calendar(events: list[DoorayEvent], calendar_id: str) -> list[DoorayEvent]:
    return [e for e in events if not isinstance(e.calendar, DoorayUnset) and e.calendar.id == calendar_id]


def roles(calendar: Any) -> dict[str, CalendarRole]:
    """Member id or distribution-list address -> role."""
    found: dict[str, CalendarRole] = {}
    assert not isinstance(calendar.calendar_member_list, DoorayUnset)
    for entry in calendar.calendar_member_list:
        assert not isinstance(entry.role, DoorayUnset)
        if not isinstance(entry.member, DoorayUnset) and isinstance(entry.member.organization_member_id, str):
            found[entry.member.organization_member_id] = entry.role
        elif not isinstance(entry.distribution_list, DoorayUnset):
            assert isinstance(entry.distribution_list.email_address, str)
            found[entry.distribution_list.email_address] = entry.role
    return found


def private_calendar(name: str, *grants: MemberGrant | DistributionListGrant) -> CreatePrivateCalendarRequest:
    return CreatePrivateCalendarRequest(
        name=name,
        type_="private",
        calendar_member_list=list(grants),
        me=CreatePrivateCalendarRequestMe(color="#ff8800"),
    )


def grant(member_id: str, role: InputRole) -> MemberGrant:
    return MemberGrant(type_="member", member=MemberGrantMember(organization_member_id=member_id), role=role)


def single_event(subject: str, start: str, end: str) -> DoorayCreateEventRequest:
    return DoorayCreateEventRequest(
        subject=subject,
        started_at=datetime.datetime.fromisoformat(start),
        ended_at=datetime.datetime.fromisoformat(end),
        body=BodyInput(content=f"<p>{subject}</p>", mime_type=BodyInputMimeType.TEXT_HTML),
    )


def test_dooray_calendars_create_share_and_delete(fake_url: str) -> None:
    me = dooray_client(fake_url, "dooray-demo-token")
    other = dooray_client(fake_url, "dooray-other-token")
    request = private_calendar("팀 프로젝트", grant(DOORAY_OTHER, InputRole.READ_WRITE))
    private_id = created_id(dooray_create_calendar.sync_detailed(client=me, body=request))
    subscription = CreateSubscriptionCalendarRequest(
        name="공휴일 피드",
        type_="subscription",
        calendar_url="https://calendar.example.com/holidays.ics",
        me=CreateSubscriptionCalendarRequestMe(color="#333333"),
    )
    subscription_id = created_id(dooray_create_calendar.sync_detailed(client=me, body=subscription))
    assert private_id != subscription_id

    private = dooray_calendar(me, private_id)
    assert (private.name, private.type_, private.owner_organization_member_id) == (
        "팀 프로젝트",
        CalendarType.PRIVATE,
        DOORAY_ME,
    )
    assert private.me.color == "#ff8800" and private.me.role == CalendarRole.OWNER
    assert roles(private).get(DOORAY_OTHER) == CalendarRole.READ_WRITE
    subscribed = dooray_calendar(me, subscription_id)
    assert (subscribed.name, subscribed.type_) == ("공휴일 피드", CalendarType.SUBSCRIPTION)
    listed = parsed(list_calendars.sync_detailed(client=me, size=100), 200, CalendarListResponse)
    assert not isinstance(listed.result, DoorayUnset)
    listed_ids = {calendar.id for calendar in listed.result}
    assert private_id in listed_ids and subscription_id not in listed_ids, "subscriptions are not listed"

    # The new list replaces the old one; the owner stays.
    members = ReplaceCalendarMembersRequest(
        calendar_member_list=[
            grant(DOORAY_OTHER, InputRole.VIEW),
            DistributionListGrant(
                type_="distributionList",
                distribution_list=DistributionListGrantDistributionList(email_address="dev-team@example.com"),
                role=InputRole.OPAQUE_VIEW,
            ),
        ]
    )
    done(replace_calendar_members.sync_detailed(private_id, client=me, body=members))
    assert roles(dooray_calendar(me, private_id)) == {
        DOORAY_ME: CalendarRole.OWNER,
        DOORAY_OTHER: CalendarRole.VIEW,
        "dev-team@example.com": CalendarRole.OPAQUE_VIEW,
    }

    # A `view` member reads and may change nothing.
    event = single_event("출시 리뷰", "2024-06-12T14:00:00+09:00", "2024-06-12T15:00:00+09:00")
    event_id = created_id(dooray_create_event.sync_detailed(private_id, client=me, body=event))
    assert dooray_event(other, private_id, event_id).subject == "출시 리뷰"
    change = UpdateEventRequest(subject="바뀐 제목")
    status(dooray_update_event.sync_detailed(private_id, event_id, client=other, body=change), 403)
    status(dooray_delete_event.sync_detailed(private_id, event_id, client=other), 403)
    status(dooray_create_event.sync_detailed(private_id, client=other, body=event), 403)
    status(replace_calendar_members.sync_detailed(private_id, client=other, body=members), 403)
    status(dooray_delete_calendar.sync_detailed(private_id, client=other), 403)
    assert dooray_event(me, private_id, event_id).subject == "출시 리뷰"

    # Deleting a calendar deletes its events.
    assert [e.id for e in in_calendar(dooray_listed(me), private_id)] == [event_id]
    done(dooray_delete_calendar.sync_detailed(private_id, client=me))
    status(get_calendar.sync_detailed(private_id, client=me), 404)
    status(get_event.sync_detailed(private_id, event_id, client=me), 404)
    assert in_calendar(dooray_listed(me), private_id) == []
    done(dooray_delete_calendar.sync_detailed(subscription_id, client=me))
    status(get_calendar.sync_detailed(subscription_id, client=me), 404)


def test_dooray_series_update_and_delete_occurrences(fake_url: str) -> None:
    me = dooray_client(fake_url, "dooray-demo-token")
    calendar_id = created_id(dooray_create_calendar.sync_detailed(client=me, body=private_calendar("반복")))
    series = DoorayCreateEventRequest(
        subject="주간 회의",
        started_at=datetime.datetime(2024, 6, 4, 10, tzinfo=SEOUL),
        ended_at=datetime.datetime(2024, 6, 4, 11, tzinfo=SEOUL),
        whole_day_flag=False,
        location="3층 회의실",
        body=BodyInput(content="<p>안건</p>", mime_type=BodyInputMimeType.TEXT_HTML),
        users=EventUsersInput(
            to=[
                MemberInvitee(type_="member", member=MemberInviteeMember(organization_member_id=DOORAY_OTHER))
            ]
        ),
        recurrence_rule=RecurrenceRuleInput(
            frequency=RecurrenceRuleInputFrequency.WEEKLY,
            interval=1,
            until=datetime.datetime(2024, 7, 31, 23, 59, 59, tzinfo=SEOUL),
            byday="TU",
            timezone_name="Asia/Seoul",
        ),
    )
    master_id = created_id(dooray_create_event.sync_detailed(calendar_id, client=me, body=series))
    single = single_event("회고", "2024-06-07T16:00:00+09:00", "2024-06-07T17:00:00+09:00")
    single_id = created_id(dooray_create_event.sync_detailed(calendar_id, client=me, body=single))

    master = dooray_event(me, calendar_id, master_id)
    assert (master.subject, master.location, master.started_at, master.ended_at) == (
        "주간 회의",
        "3층 회의실",
        series.started_at,
        series.ended_at,
    )
    assert isinstance(master.body, Body) and master.body.content == "<p>안건</p>"
    assert isinstance(master.users, EventUsers) and not isinstance(master.users.to, DoorayUnset)
    assert [
        u.member.organization_member_id for u in master.users.to if not isinstance(u.member, DoorayUnset)
    ] == [DOORAY_OTHER]
    assert not isinstance(master.recurrence_rule, DoorayUnset)
    assert master.recurrence_rule.frequency == RecurrenceRuleFrequency.WEEKLY
    assert master.recurrence_rule.byday == "TU"

    # Only the given field changes.
    done(
        dooray_update_event.sync_detailed(
            calendar_id, master_id, client=me, body=UpdateEventRequest(location="7층")
        )
    )
    updated = dooray_event(me, calendar_id, master_id)
    assert updated.location == "7층"
    for name in ("subject", "started_at", "ended_at", "whole_day_flag", "body", "users", "recurrence_rule"):
        assert getattr(updated, name) == getattr(master, name), name

    def occurrences() -> list[str]:
        items = in_calendar(dooray_listed(me, calendar_id), calendar_id)
        series_items = [item for item in items if item.master_schedule_id == master_id]
        assert all(item.location == "7층" for item in series_items), "the update applies to the series"
        assert {item.id for item in items} - {item.id for item in series_items} == {single_id}
        return sorted(str(item.id) for item in series_items)

    def occurrence(day: str) -> str:
        return f"{master_id}-{day}T010000Z"  # 10:00 in Seoul is 01:00 UTC

    assert occurrences() == [occurrence(day) for day in TUESDAYS]
    assert dooray_event(me, calendar_id, occurrence("20240618")).recurrence_type == RecurrenceType.UNMODIFIED

    def delete(day: str, kind: DeleteEventRequestDeleteType) -> None:
        body = DeleteEventRequest(delete_type=kind)
        done(dooray_delete_event.sync_detailed(calendar_id, occurrence(day), client=me, body=body))

    delete("20240611", DeleteEventRequestDeleteType.THIS)
    assert occurrences() == [occurrence(day) for day in TUESDAYS if day != "20240611"]
    status(get_event.sync_detailed(calendar_id, occurrence("20240611"), client=me), 404)
    delete("20240716", DeleteEventRequestDeleteType.WHOLE_FROM_THIS)
    assert occurrences() == [
        occurrence(day) for day in ("20240604", "20240618", "20240625", "20240702", "20240709")
    ]
    delete("20240625", DeleteEventRequestDeleteType.WHOLE)
    assert occurrences() == []
    status(get_event.sync_detailed(calendar_id, master_id, client=me), 404)
    assert dooray_event(me, calendar_id, single_id).subject == "회고", "other events stay"

    # Deleting the calendar deletes the events left in it.
    done(dooray_delete_calendar.sync_detailed(calendar_id, client=me))
    status(get_event.sync_detailed(calendar_id, single_id, client=me), 404)
    assert in_calendar(dooray_listed(me), calendar_id) == []
