"""LINE WORKS API 2.0 Calendar: one handler per operationId of spec/lineworks/calendar.yaml.

`access` decides who the user is and what they may do, `times` reads LINE WORKS times into the
shared `calspec.fake.timeline`, `events` and `calendars` hold the handlers, `seed` the fixtures.
`calspec.fake.world` uses `HANDLERS`, `people` and `seed`; `calspec.fake.handle` the rest of `seed`'s.
"""

from __future__ import annotations

from calspec.fake.context import Handler
from calspec.fake.lineworks import calendars, events
from calspec.fake.lineworks.seed import (
    CALENDAR_KEYS,
    CALENDAR_REQUEST_KEYS,
    EVENT_KEYS,
    USER_KEYS,
    complete_calendar,
    complete_user,
    people,
    seed,
    seed_calendar,
    seed_event,
)

HANDLERS: dict[str, Handler] = {
    "createEvent": events.create_event,
    "listEvents": events.list_events,
    "getEvent": events.get_event,
    "updateEvent": events.update_event,
    "deleteEvent": events.delete_event,
    "createEventInDefaultCalendar": events.create_event,
    "listEventsInDefaultCalendar": events.list_events,
    "getEventInDefaultCalendar": events.get_event,
    "updateEventInDefaultCalendar": events.update_event,
    "deleteEventInDefaultCalendar": events.delete_event,
    "createCalendar": calendars.create_calendar,
    "getCalendar": calendars.get_calendar,
    "updateCalendar": calendars.update_calendar,
    "deleteCalendar": calendars.delete_calendar,
    "getDefaultCalendar": calendars.get_default_calendar,
    "listCalendarPersonals": calendars.list_calendar_personals,
    "getCalendarPersonal": calendars.get_calendar_personal,
    "updateCalendarPersonal": calendars.update_calendar_personal,
    "removeCalendarFromList": calendars.leave_calendar,
}

__all__ = [
    "CALENDAR_KEYS",
    "CALENDAR_REQUEST_KEYS",
    "EVENT_KEYS",
    "HANDLERS",
    "USER_KEYS",
    "complete_calendar",
    "complete_user",
    "people",
    "seed",
    "seed_calendar",
    "seed_event",
]
