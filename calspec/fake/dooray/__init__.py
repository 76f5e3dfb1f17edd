"""Dooray! Calendar: one handler per operationId of spec/dooray/calendar.yaml.

Calendars are stored with their members and each member's own settings (`me`). Events are stored as
documents; a recurring series is one row (the master, with `recurrenceRule` and the starts it no
longer has, `exdates`), an occurrence edited on its own is one more row whose id is the occurrence
id `{masterId}-{YYYYMMDDTHHMMSSZ}`.

- `access`: members, roles, the calendars a member sees and may write or share;
- `calendars`, `events`: the handlers;
- `times`: how Dooray writes times; `series`: `recurrenceRule`, occurrences, what an event id names,
  delete types;
- `users`: who an event involves; `render`: what a member sees; `seed`: the fixture file;
- `common`: the provider name, the success envelope, refusals, ids and timestamps.
"""

from __future__ import annotations

from calspec.fake.context import Handler
from calspec.fake.dooray.access import check_grants
from calspec.fake.dooray.calendars import (
    create_calendar,
    delete_calendar,
    get_calendar,
    list_calendars,
    replace_calendar_members,
)
from calspec.fake.dooray.events import create_event, delete_event, get_event, list_events, update_event
from calspec.fake.dooray.seed import (
    CALENDAR_KEYS,
    EVENT_KEYS,
    USER_KEYS,
    complete_calendar,
    complete_event,
    complete_user,
    people,
    seed,
    seed_calendar,
    seed_event,
)

HANDLERS: dict[str, Handler] = {
    "listCalendars": list_calendars,
    "getCalendar": get_calendar,
    "createCalendar": create_calendar,
    "deleteCalendar": delete_calendar,
    "replaceCalendarMembers": replace_calendar_members,
    "listEvents": list_events,
    "getEvent": get_event,
    "createEvent": create_event,
    "updateEvent": update_event,
    "deleteEvent": delete_event,
}

__all__ = [
    "CALENDAR_KEYS",
    "EVENT_KEYS",
    "HANDLERS",
    "USER_KEYS",
    "check_grants",
    "complete_calendar",
    "complete_event",
    "complete_user",
    "people",
    "seed",
    "seed_calendar",
    "seed_event",
]
