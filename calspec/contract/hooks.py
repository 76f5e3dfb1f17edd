"""Schemathesis hooks of the contract suite (loaded through the `hooks` setting of `config_dict`).

They keep positive cases inside rules JSON Schema cannot state, so `positive_data_acceptance` stays strict,
and they keep a run from destroying the demo data the rest of the run is steered to. Every change below
makes a positive case more valid, never less; negative cases keep their defects, and no check is removed.
The changes are made in `before_call`, the last moment before a request is sent, so they apply to every
phase (stateful too) and schemathesis records and checks the request as actually sent.

1. List windows. Both list operations take a time window whose limits JSON Schema cannot state: the end
   after the start, at most 31 days (LINE WORKS) or a year (Dooray). A schema-valid random window almost
   always breaks them and the server rightly answers 400. An out-of-limits window is narrowed to a week
   from its start, so fuzzing still reaches the list logic with odd dates and offsets. Windows that are
   too long or reversed are covered by the fake's own tests and the client end-to-end tests.
2. LINE WORKS event bodies. Every component of a PUT body carries the event's `eventId`; a random id
   names another event, so the path's `eventId` is put in every component. A `dateTime` is a pattern to
   JSON Schema, which admits days no calendar has (year 0000, 31 February); such a day becomes a real one.
   A `timeZone` must be an IANA name, which JSON Schema cannot list; any other string becomes Asia/Seoul.
3. LINE WORKS calendar-personals cursor. A cursor is opaque: only a `nextCursor` the server issued is
   valid. A cursor the server did not issue is replaced by one it did, or dropped.
4. Destroying data. Generated path ids are the demo ids half of the time (`Provider.demo_ids`), and
   schemathesis reuses ids it saw in responses, so a delete (or a PATCH that replaces a calendar's
   members) could hit the demo data and leave the rest of the run with 404s. Such a case is pointed at a
   resource this run created (recorded from the 2xx answers of the create operations) or, when there is
   none left, at an id that exists nowhere. Deletes still reach 2xx, on the run's own data. The stateful
   phase, which comes last, is left alone: its walks (create -> get -> replace -> delete -> get) target
   what they created, and schemathesis counts a parameter a hook changed as one taken from a link, so a
   redirected id would read as "created, then not found".
5. Removals schemathesis can't see. `ensure_resource_availability` counts a `DELETE` as removing what is
   below its own path, and nothing else. Three removals in these APIs take a resource away by another
   path: Dooray's `POST .../events/{id}/delete`; LINE WORKS' `DELETE /calendars/{calendarId}`, which takes
   the calendar's events (served under `/users/{userId}/calendars/{calendarId}/events/...`); and LINE
   WORKS' default-calendar twins (`/users/{userId}/calendar/events/{eventId}`), which name the same event
   as the calendar path. A later 404 for such a resource would be reported as "just created, not
   available". That one failure is dropped when the run saw such a removal succeed; a resource that 404s
   without one is still reported. (An event deleted through a default-calendar path matches that event id
   in any calendar: which calendar is the default is the server's knowledge, not the hook's.)

The record of created and deleted resources is per run: it is emptied whenever a schema is loaded.

Under `python -m contract` the hooks also append the operation and status of every response to a positive
case to the file that `STATUS_LOG_VARIABLE` names, so the runner can fail a run in which no request got past
authentication. Negative cases and request-shape probes are left out: a server may reject those before it
looks at the token, and a 400 or 405 there says nothing about whether the token works.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import threading
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import schemathesis

from calspec.contract.harness import PROVIDERS, STATUS_LOG_VARIABLE

# operation key -> (start parameter, end parameter, longest window)
WINDOWS: dict[str, tuple[str, str, datetime.timedelta]] = {
    "lineworks:listEvents": ("fromDateTime", "untilDateTime", datetime.timedelta(days=31)),
    "lineworks:listEventsInDefaultCalendar": ("fromDateTime", "untilDateTime", datetime.timedelta(days=31)),
    "dooray:listEvents": ("timeMin", "timeMax", datetime.timedelta(days=365)),
}
NARROWED = datetime.timedelta(days=7)
REPLACE_EVENT = {"lineworks:updateEvent", "lineworks:updateEventInDefaultCalendar"}
EVENT_BODIES = REPLACE_EVENT | {"lineworks:createEvent", "lineworks:createEventInDefaultCalendar"}
CURSOR_LIST = "lineworks:listCalendarPersonals"
# Operations on one Dooray event, which a `POST .../delete` takes away.
DOORAY_EVENT_ITEM = {"dooray:getEvent", "dooray:updateEvent", "dooray:deleteEvent"}
# Operations on one LINE WORKS event, on a calendar's path or the default calendar's.
LINEWORKS_EVENT_ITEM = {
    f"lineworks:{verb}{what}"
    for verb in ("getEvent", "updateEvent", "deleteEvent")
    for what in ("", "InDefaultCalendar")
}
# The calendar id recorded for events deleted through the default calendar's paths.
DEFAULT_CALENDAR = ""


@dataclass(frozen=True)
class Target:
    """What an operation destroys: the path parameter naming it, its kind, whether it is used up."""

    parameter: str
    kind: str
    consumes: bool = True


PROTECTED: dict[str, Target] = {
    "lineworks:deleteCalendar": Target("calendarId", "lineworks-calendar"),
    "lineworks:updateCalendar": Target("calendarId", "lineworks-calendar", consumes=False),
    "lineworks:deleteEvent": Target("eventId", "lineworks-event"),
    "lineworks:deleteEventInDefaultCalendar": Target("eventId", "lineworks-event"),
    "dooray:deleteCalendar": Target("calendar-id", "dooray-calendar"),
    "dooray:deleteEvent": Target("event-id", "dooray-event"),
}
# An id no server holds: what a protected case targets when the run has created nothing to use instead.
ABSENT_ID = "calspec-contract-absent"


@dataclass
class RunRecord:
    """What one run created, deleted and was issued."""

    # kind -> ids created by the run
    owned: dict[str, set[str]] = field(default_factory=dict)
    # operation key -> path parameters of resources it may target, oldest first
    targets: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    # (calendar-id, event-id) of Dooray events deleted with a 2xx, and their delete types
    dooray_deleted: dict[tuple[str, str], str] = field(default_factory=dict)
    # LINE WORKS calendars deleted with a 2xx, and (calendarId or DEFAULT_CALENDAR, eventId) of events
    lineworks_deleted_calendars: set[str] = field(default_factory=set)
    lineworks_deleted_events: set[tuple[str, str]] = field(default_factory=set)
    cursors: list[str] = field(default_factory=list)

    def add(self, kind: str, resource_id: str, targets: Mapping[str, dict[str, str]]) -> None:
        self.owned.setdefault(kind, set()).add(resource_id)
        for key, parameters in targets.items():
            self.targets.setdefault(key, []).append(parameters)


RUN = RunRecord()


def _parse(value: object) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def narrow_window(query: dict[str, Any], start_name: str, end_name: str, longest: datetime.timedelta) -> None:
    """Make `query`'s window valid in place when both ends parse and it breaks the limits."""
    start, end = _parse(query.get(start_name)), _parse(query.get(end_name))
    if start is None or end is None or datetime.timedelta(0) < end - start <= longest:
        return
    try:
        query[end_name] = (start + NARROWED).isoformat()
    except OverflowError:
        query[start_name] = (end - NARROWED).isoformat()


def align_event_ids(body: object, event_id: object) -> None:
    """Give every component of a LINE WORKS replace body the path's `eventId`, in place."""
    if not isinstance(body, dict) or not isinstance(event_id, str):
        return
    components = body.get("eventComponents")
    if isinstance(components, list):
        for component in components:
            if isinstance(component, dict):
                component["eventId"] = event_id


def repair_local_date_times(value: object) -> None:
    """Give every `dateTime` that names no real day (year 0000, 31 February) a real one, in place.

    LINE WORKS' `local-date-time` is a pattern to JSON Schema, which admits days no calendar has; the
    time of day and everything else are kept, so the end may still precede the start.
    """
    if isinstance(value, list):
        for item in value:
            repair_local_date_times(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "dateTime" and isinstance(item, str) and len(item) == 19 and item[10] == "T":
                try:
                    datetime.datetime.fromisoformat(item)
                except ValueError:
                    value[key] = "2000-01-01" + item[10:]
            else:
                repair_local_date_times(item)


def repair_time_zones(value: object) -> None:
    """Replace every `timeZone` that is no IANA zone name with `Asia/Seoul`, in place.

    JSON Schema can say "a non-empty string", not "a name in the IANA database".
    """
    if isinstance(value, list):
        for item in value:
            repair_time_zones(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "timeZone" and isinstance(item, str):
                if item not in _zones():
                    value[key] = "Asia/Seoul"
            else:
                repair_time_zones(item)


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def use_issued_cursor(query: dict[str, Any], issued: list[str]) -> None:
    """Replace a cursor the server did not issue with the latest one it did, or drop it, in place."""
    cursor = query.get("cursor")
    if cursor is None or cursor in issued:
        return
    if issued:
        query["cursor"] = issued[-1]
    else:
        del query["cursor"]


def owns(key: str, resource_id: object) -> bool:
    """Whether this run created what `resource_id` names (a Dooray occurrence is its series' master)."""
    target = PROTECTED[key]
    if not isinstance(resource_id, str):
        return False
    owned = RUN.owned.get(target.kind, set())
    if target.kind == "dooray-event":
        return resource_id.split("-", 1)[0] in owned
    return resource_id in owned


def redirect(key: str, path_parameters: dict[str, Any]) -> None:
    """Point a case at a resource this run created (or at nothing), in place."""
    target = PROTECTED[key]
    candidates = RUN.targets.get(key)
    if candidates:
        path_parameters.update(candidates.pop(0) if target.consumes else candidates[-1])
    else:
        path_parameters[target.parameter] = ABSENT_ID


def protect(key: str, path_parameters: dict[str, Any], positive: bool) -> None:
    """Keep a destroying case off data the run did not create (see the module docstring)."""
    target = PROTECTED[key]
    value = path_parameters.get(target.parameter)
    if owns(key, value):
        return
    provider = key.partition(":")[0]
    steered = value in PROVIDERS[provider].demo_ids.get(f"path.{target.parameter}", ())
    # A negative case may carry its defect in this very id; a demo id is valid, so the defect is elsewhere.
    if positive or steered:
        redirect(key, path_parameters)


def _first_event_id(body: Any) -> str | None:
    components = body.get("eventComponents") if isinstance(body, dict) else None
    if isinstance(components, list) and components and isinstance(components[0], dict):
        event_id = components[0].get("eventId")
        return event_id if isinstance(event_id, str) else None
    return None


def _dooray_id(body: Any) -> str | None:
    result = body.get("result") if isinstance(body, dict) else None
    value = result.get("id") if isinstance(result, dict) else None
    return value if isinstance(value, str) else None


def record(key: str, status: int, path: Mapping[str, Any], body: Any, sent: Any) -> None:
    """Remember what a successful call created, deleted or issued."""
    if not 200 <= status < 300:
        return
    if key in ("lineworks:createEvent", "lineworks:createEventInDefaultCalendar"):
        event_id = _first_event_id(body)
        if event_id is None:
            return
        targets = {"lineworks:deleteEventInDefaultCalendar": {"userId": path["userId"], "eventId": event_id}}
        if "calendarId" in path:
            targets = {
                "lineworks:deleteEvent": {
                    "userId": path["userId"],
                    "calendarId": path["calendarId"],
                    "eventId": event_id,
                }
            }
        RUN.add("lineworks-event", event_id, targets)
    elif key == "lineworks:createCalendar":
        calendar_id = body.get("calendarId") if isinstance(body, dict) else None
        if isinstance(calendar_id, str):
            targets = {
                "lineworks:deleteCalendar": {"calendarId": calendar_id},
                "lineworks:updateCalendar": {"calendarId": calendar_id},
            }
            RUN.add("lineworks-calendar", calendar_id, targets)
    elif key == CURSOR_LIST:
        meta = body.get("responseMetaData") if isinstance(body, dict) else None
        cursor = meta.get("nextCursor") if isinstance(meta, dict) else None
        if isinstance(cursor, str):
            RUN.cursors.append(cursor)
    elif key == "dooray:createCalendar":
        calendar_id = _dooray_id(body)
        if calendar_id is not None:
            RUN.add("dooray-calendar", calendar_id, {"dooray:deleteCalendar": {"calendar-id": calendar_id}})
    elif key == "dooray:createEvent":
        event_id = _dooray_id(body)
        if event_id is not None:
            targets = {"dooray:deleteEvent": {"calendar-id": path["calendar-id"], "event-id": event_id}}
            RUN.add("dooray-event", event_id, targets)
    elif key == "lineworks:deleteCalendar":
        RUN.lineworks_deleted_calendars.add(str(path.get("calendarId")))
    elif key in ("lineworks:deleteEvent", "lineworks:deleteEventInDefaultCalendar"):
        calendar_id = str(path.get("calendarId", DEFAULT_CALENDAR))
        RUN.lineworks_deleted_events.add((calendar_id, str(path.get("eventId"))))
    elif key == "dooray:deleteEvent":
        delete_type = sent.get("deleteType", "this") if isinstance(sent, dict) else "this"
        RUN.dooray_deleted[(str(path.get("calendar-id")), str(path.get("event-id")))] = str(delete_type)


def deleted_by_post(calendar_id: object, event_id: object) -> bool:
    """Whether a Dooray delete that succeeded in this run took this event (or its whole series) away."""
    if not isinstance(event_id, str):
        return False
    if (str(calendar_id), event_id) in RUN.dooray_deleted:
        return True
    master = event_id.split("-", 1)[0]
    return any(
        calendar == str(calendar_id) and deleted.split("-", 1)[0] == master and kind != "this"
        for (calendar, deleted), kind in RUN.dooray_deleted.items()
    )


def lineworks_removed(calendar_id: object, event_id: object) -> bool:
    """Whether a removal that succeeded in this run took this LINE WORKS event away (rule 5)."""
    if calendar_id is not None and str(calendar_id) in RUN.lineworks_deleted_calendars:
        return True
    calendar = DEFAULT_CALENDAR if calendar_id is None else str(calendar_id)
    # Same event id, and the same calendar, or a default-calendar path on either side.
    return any(
        deleted == str(event_id) and (where == calendar or DEFAULT_CALENDAR in (calendar, where))
        for where, deleted in RUN.lineworks_deleted_events
    )


def forget_run() -> None:
    """Start a new run with nothing recorded."""
    RUN.owned.clear()
    RUN.targets.clear()
    RUN.dooray_deleted.clear()
    RUN.lineworks_deleted_calendars.clear()
    RUN.lineworks_deleted_events.clear()
    RUN.cursors.clear()


def _key(case: Any) -> str:
    operation_id = case.operation.definition.raw.get("operationId", "")
    provider = "dooray" if case.operation.path.startswith("/calendar/") else "lineworks"
    return f"{provider}:{operation_id}"


def _is_positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    return meta is not None and bool(meta.generation.mode.is_positive)


def _phase(case: Any) -> str:
    meta = getattr(case, "meta", None)
    return str(meta.phase.name.value) if meta is not None else ""


@schemathesis.hook
def after_load_schema(context: Any, schema: Any) -> None:
    """A new run: what an earlier run (against another server, maybe) created is not ours."""
    forget_run()


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Apply rules 1-4 of the module docstring to the case about to be sent."""
    key = _key(case)
    positive = _is_positive(case)
    if key in PROTECTED and case.path_parameters and _phase(case) != "stateful":
        protect(key, case.path_parameters, positive)
    if not positive:
        return
    window = WINDOWS.get(key)
    if window is not None and case.query:
        narrow_window(case.query, *window)
    if key in REPLACE_EVENT and case.path_parameters:
        align_event_ids(case.body, case.path_parameters.get("eventId"))
    if key in EVENT_BODIES:
        repair_local_date_times(case.body)
        repair_time_zones(case.body)
    if key == CURSOR_LIST and case.query:
        use_issued_cursor(case.query, RUN.cursors)


_STATUS_LOG_LOCK = threading.Lock()
# Coverage scenarios malformed on purpose (schemathesis' request-shape probes).
REQUEST_SHAPE_PROBES = frozenset(
    {"unspecified_http_method", "malformed_content_type", "unsupported_content_type"}
)


def tells_auth(case: Any) -> bool:
    """Whether the answer to `case` shows if the token works: a positive, well-formed request, not a probe."""
    if not _is_positive(case) or str(case.method).upper() != str(case.operation.method).upper():
        return False
    scenario = getattr(getattr(case.meta.phase, "data", None), "scenario", None)
    return str(scenario) not in REQUEST_SHAPE_PROBES


def log_status(path: str, label: str, status: int) -> None:
    """Append one response's operation and status to the runner's status log, one JSON array a line."""
    line = json.dumps([label, status]) + "\n"
    with _STATUS_LOG_LOCK, open(path, "a", encoding="utf-8") as log:
        log.write(line)


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    """Log the status for the runner; record what the run creates, deletes and is issued, in every phase."""
    status_log = os.environ.get(STATUS_LOG_VARIABLE)
    if status_log and tells_auth(case):
        log_status(status_log, str(case.operation.label), int(response.status_code))
    if not 200 <= response.status_code < 300:
        return
    try:
        body = json.loads(response.content) if response.content else None
    except ValueError:
        body = None
    record(_key(case), response.status_code, case.path_parameters or {}, body, case.body)


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Drop rule 5's false positive only; keep every other failure."""
    if type(failure).__name__ != "EnsureResourceAvailability":
        return True
    key, path = _key(case), case.path_parameters or {}
    if key in DOORAY_EVENT_ITEM:
        return not deleted_by_post(path.get("calendar-id"), path.get("event-id"))
    if key in LINEWORKS_EVENT_ITEM:
        return not lineworks_removed(path.get("calendarId"), path.get("eventId"))
    return True
