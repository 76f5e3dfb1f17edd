"""Event handlers. Each serves both variants: `/users/{userId}/calendars/{calendarId}/events...` and
the default calendar's `/users/{userId}/calendar/events...` (see `access.event_target`).

Events are stored as the documents the API returns: `{"eventComponents": [...],
"organizerCalendarId": ...}`, one row per (calendar, eventId), with a coarse window the store
narrows a list by before `times.event_overlaps` decides.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import quote

from calspec.fake import timeline
from calspec.fake.auth import Principal
from calspec.fake.context import Context
from calspec.fake.errors import ApiError
from calspec.fake.jsontext import Raw, dumps, loads
from calspec.fake.lineworks.access import (
    FREE_BUSY_ROLE,
    PROVIDER,
    event_target,
    invalid,
    not_found,
    owner_of,
)
from calspec.fake.lineworks.times import (
    check_time_zones,
    coarse_window,
    event_overlaps,
    series,
    span,
    stamp,
)
from calspec.fake.store import Conflict, Store

# What an EVENT_READ_FREE_BUSY member sees of each component (plus a summary that says busy or free).
FREE_BUSY_FIELDS = ("eventId", "start", "end", "transparency", "recurrence", "recurringEventId")
VIEW_URL = "https://calendar.worksmobile.com/calendar/event?calendarId={calendar}&eventId={event}"


def event_view(doc: Mapping[str, Any], role: str) -> dict[str, Any]:
    """The event as a member with `role` sees it: EVENT_READ_FREE_BUSY sees only when (busy or free)."""
    if role != FREE_BUSY_ROLE:
        return dict(doc)
    components = []
    for component in doc["eventComponents"]:
        stripped = {key: component[key] for key in FREE_BUSY_FIELDS if key in component}
        stripped["summary"] = "Free" if component.get("transparency") == "TRANSPARENT" else "Busy"
        components.append(stripped)
    return {"eventComponents": components, "organizerCalendarId": doc["organizerCalendarId"]}


def _event_id(components: list[dict[str, Any]], path_id: str | None) -> str:
    """The one `eventId` of the event: the path's (a replacement), the one sent, or a new one."""
    if path_id is not None:
        for index, component in enumerate(components):
            if component.get("eventId", path_id) != path_id:
                raise invalid(f"eventComponents[{index}].eventId: must be the path's eventId {path_id!r}")
    ids = {c["eventId"] for c in components if "eventId" in c}
    if len(ids) > 1:
        raise invalid("eventComponents: every component must have the same eventId")
    mains = [c for c in components if c.get("recurrence") or not c.get("recurringEventId")]
    if len(mains) > 1:
        raise invalid(
            "eventComponents: only one component may be the event itself; the others need recurringEventId"
        )
    return ids.pop() if ids else path_id or f"event-{uuid.uuid4().hex}"


def _check_times(component: dict[str, Any], where: str, user: Principal) -> None:
    """What the schema can't say about a component's times: zones, kinds, order, recurrence."""
    check_time_zones(component, where)
    try:
        start, end = span(component, user.time_zone)
    except ApiError as error:
        raise invalid(f"{where}.{error.message}") from None
    if "end" in component:
        if start.floating != end.floating:
            raise invalid(f"{where}.end: must be a date when start is a date, a dateTime otherwise")
        if end.seconds < start.seconds:
            raise invalid(f"{where}.end: must not be before start")
    if component.get("recurrence"):
        try:
            series(component, start)
        except ApiError as error:
            raise invalid(f"{where}.{error.message}") from None


def prepare_components(
    components: list[dict[str, Any]],
    *,
    calendar: Mapping[str, Any],
    owner: Principal | None,
    user: Principal,
    now: datetime,
    event_id: str | None = None,
) -> list[dict[str, Any]]:
    """Check what the schema can't say and fill the read-only fields; the stored components.

    `event_id`: the path's event (a replacement); every component must carry exactly it.
    """
    event_id = _event_id(components, event_id)
    if calendar.get("default") and owner is not None:
        organizer = {"email": owner.email, "displayName": owner.name}
    else:
        organizer = {
            "email": str(calendar.get("calendarEmail", "")),
            "displayName": str(calendar["calendarName"]),
        }
    view_url = VIEW_URL.format(
        calendar=quote(str(calendar["calendarId"]), safe=""), event=quote(event_id, safe="")
    )
    stored: list[dict[str, Any]] = []
    for index, source in enumerate(components):
        component = dict(source)
        component["eventId"] = event_id
        for key in ("start", "end"):  # the spec requires timeZone; should it not, the user's applies
            if key in component and "dateTime" in component[key] and "timeZone" not in component[key]:
                component[key] = {**component[key], "timeZone": user.time_zone}
        _check_times(component, f"eventComponents[{index}]", user)
        created = stamp(now, component["start"].get("timeZone", user.time_zone))
        component["createdTime"] = created
        component["updatedTime"] = dict(created)
        component["organizer"] = dict(organizer)
        component["viewUrl"] = view_url
        stored.append(component)
    return stored


def store_event(store: Store, calendar_id: str, components: list[dict[str, Any]]) -> dict[str, Any]:
    """A new event; 409 already-exists when its `eventId` is taken in the calendar (the first kept)."""
    doc = {"eventComponents": components, "organizerCalendarId": calendar_id}
    lo, hi, exact = coarse_window(components)
    try:
        store.insert_event(PROVIDER, calendar_id, components[0]["eventId"], doc, lo, hi, exact=exact)
    except Conflict:
        raise ApiError(
            409, "An event with this eventId already exists in the calendar", "already-exists"
        ) from None
    return doc


def create_event(ctx: Context) -> tuple[int, Any]:
    with ctx.store.transaction():
        user, calendar, _ = event_target(ctx, write=True)
        components = prepare_components(
            ctx.body["eventComponents"],
            calendar=calendar,
            owner=owner_of(ctx, calendar),
            user=user,
            now=ctx.now(),
        )
        return 201, store_event(ctx.store, str(calendar["calendarId"]), components)


def list_events(ctx: Context) -> tuple[int, Any]:
    """Events overlapping the window the spec bounds (`x-calspec-window`), a series once.

    Answered as the stored text joined: a row whose window is exact is listed as stored; the others
    (series, all-day, several components) and every row a free/busy member sees are decoded first.
    """
    if ctx.operation.window is None:
        raise RuntimeError(f"{ctx.operation.key} has no x-calspec-window in the spec")
    window = timeline.check_window(ctx.operation.window, ctx.query)
    _, calendar, role = event_target(ctx, write=False)
    rows = ctx.store.event_texts_between(PROVIDER, [str(calendar["calendarId"])], window.lo, window.hi)
    listed = []
    for data, is_exact in rows:
        if is_exact and role != FREE_BUSY_ROLE:
            listed.append(data)
            continue
        doc = loads(data)
        if event_overlaps(doc, window):
            listed.append(dumps(event_view(doc, role)))
    return 200, Raw(b'{"events":[' + b",".join(listed) + b"]}")


def _stored_event(ctx: Context, calendar: Mapping[str, Any]) -> dict[str, Any]:
    doc = ctx.store.get_event(PROVIDER, str(calendar["calendarId"]), ctx.path["eventId"])
    if doc is None:
        raise not_found("Event")
    return doc


def get_event(ctx: Context) -> tuple[int, Any]:
    _, calendar, role = event_target(ctx, write=False)
    return 200, event_view(_stored_event(ctx, calendar), role)


def update_event(ctx: Context) -> tuple[int, Any]:
    """PUT: the components sent replace the stored ones whole; what they leave out is gone.

    Only `createdTime` survives (from the stored main component); `updatedTime` is now, and
    `organizer` and `viewUrl` are filled as on create. `sequence` is stored as sent (left out: reset).
    """
    with ctx.store.transaction():
        user, calendar, _ = event_target(ctx, write=True)
        calendar_id = str(calendar["calendarId"])
        stored = _stored_event(ctx, calendar)
        event_id = ctx.path["eventId"]
        components = prepare_components(
            ctx.body["eventComponents"],
            calendar=calendar,
            owner=owner_of(ctx, calendar),
            user=user,
            now=ctx.now(),
            event_id=event_id,
        )
        created = stored["eventComponents"][0].get("createdTime")
        if created is not None:
            for component in components:
                component["createdTime"] = dict(created)
        doc = {
            "eventComponents": components,
            "organizerCalendarId": stored.get("organizerCalendarId", calendar_id),
        }
        lo, hi, exact = coarse_window(components)
        ctx.store.replace_event(PROVIDER, calendar_id, event_id, doc, lo, hi, exact=exact)
        return 200, doc


def delete_event(ctx: Context) -> tuple[int, Any]:
    """The event with all its components. `sendNotification` is accepted and ignored."""
    with ctx.store.transaction():
        _, calendar, _ = event_target(ctx, write=True)
        _stored_event(ctx, calendar)
        ctx.store.delete_event(PROVIDER, str(calendar["calendarId"]), ctx.path["eventId"])
        return 204, None
