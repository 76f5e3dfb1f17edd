"""The event handlers: list (one item per occurrence), get, create, update (an occurrence becomes a
row of its own) and delete (by delete type, see `series.delete`).

Every write checks everything before its first write, inside one transaction, so a refused request
changes nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from calspec.fake.context import Context
from calspec.fake.dooray.access import (
    OPAQUE_ROLE,
    calendar_for,
    role_of,
    visible_calendars,
    writable_calendar,
)
from calspec.fake.dooray.common import PROVIDER, bad, new_id, ok, stamp
from calspec.fake.dooray.render import render_event
from calspec.fake.dooray.series import (
    coarse_window,
    delete,
    edited_occurrences,
    find_event,
    occurrence_id,
    occurrences,
    series,
)
from calspec.fake.dooray.times import bounds, is_day
from calspec.fake.dooray.users import build_users, matches_post_type
from calspec.fake.recurrence import RuleError
from calspec.fake.timeline import check_window, overlaps, zone

# createEvent's result: the id, and every other event field present and null (as the SDKs see it).
CREATED_NULL_FIELDS = (
    "calendar",
    "category",
    "createdAt",
    "endedAt",
    "files",
    "location",
    "masterScheduleId",
    "recurrenceId",
    "recurrenceType",
    "startedAt",
    "subject",
    "tenant",
    "uid",
    "updatedAt",
    "wholeDayFlag",
)


def list_events(ctx: Context) -> tuple[int, Any]:
    """Events overlapping the window (`x-calspec-window`), a series once per occurrence, sorted by
    start; an occurrence edited on its own is listed as its own row."""
    window = ctx.operation.window
    assert window is not None, "listEvents declares x-calspec-window"
    span = check_window(window, ctx.query)
    lo, hi = span.lo, span.hi
    member_id = ctx.principal.user_id
    calendars = {c["id"]: c for c in visible_calendars(ctx.store, member_id)}
    if "calendars" in ctx.query:
        wanted = [part.strip() for part in ctx.query["calendars"].split(",")]
        calendars = {cid: calendars[cid] for cid in dict.fromkeys(wanted) if cid in calendars}
    post_type, category = ctx.query.get("postType"), ctx.query.get("category")
    items: list[tuple[int, str, dict[str, Any]]] = []
    for doc in ctx.store.events_between(PROVIDER, list(calendars), lo, hi):
        calendar = calendars[doc["calendarId"]]
        opaque = role_of(calendar, member_id) == OPAQUE_ROLE
        if category is not None and doc.get("category", "general") != category:
            continue
        if not matches_post_type(doc, member_id, post_type):
            continue
        start, end = bounds(doc)
        if not doc.get("recurrenceRule"):
            if overlaps(start, end, lo, hi):
                item = render_event(doc, calendar, member_id, detail=False, opaque=opaque)
                items.append((start, doc["id"], item))
            continue
        duration = end - start
        for occurrence in occurrences(doc, lo - max(duration, 0), hi):
            edited = occurrence_id(doc["id"], occurrence.start)
            if ctx.store.get_event(PROVIDER, doc["calendarId"], edited) is not None:
                continue  # edited on its own: its own row answers for it
            if overlaps(occurrence.start, occurrence.start + duration, lo, hi):
                item = render_event(
                    doc, calendar, member_id, detail=False, occurrence=occurrence, opaque=opaque
                )
                items.append((occurrence.start, item["id"], item))
    items.sort(key=lambda item: (item[0], item[1]))
    result = [item for _, _, item in items]
    return 200, ok(result, totalCount=len(result))


def get_event(ctx: Context) -> tuple[int, Any]:
    """An event, a series' master or one of its occurrences, with `body` and `users`."""
    calendar = calendar_for(ctx, ctx.path["calendar-id"])
    member_id = ctx.principal.user_id
    opaque = role_of(calendar, member_id) == OPAQUE_ROLE
    target = find_event(ctx.store, calendar, ctx.path["event-id"])
    if target.kind == "occurrence":
        assert target.master is not None and target.occurrence is not None
        event = render_event(
            target.master, calendar, member_id, detail=True, occurrence=target.occurrence, opaque=opaque
        )
    else:
        event = render_event(target.doc, calendar, member_id, detail=True, opaque=opaque)
    return 200, ok(event)


def check_times(doc: dict[str, Any]) -> None:
    """Rules the schema can't state (400): startedAt and endedAt both dates (all-day) or both times,
    matching `wholeDayFlag`; the end not before the start; a rule that reads (known timezoneName)."""
    whole_day = is_day(doc["startedAt"])
    if is_day(doc["endedAt"]) != whole_day:
        raise bad("endedAt: must be a date when startedAt is a date (all-day), a date-time otherwise")
    if bool(doc.get("wholeDayFlag", whole_day)) != whole_day:
        raise bad("wholeDayFlag: all-day events take dates (2015-09-08+09:00), others date-times")
    doc["wholeDayFlag"] = whole_day
    start, end = bounds(doc)
    if end < start:
        raise bad("endedAt: must not be before startedAt")
    rule = doc.get("recurrenceRule")
    if rule:
        if rule.get("timezoneName"):
            try:
                zone(rule["timezoneName"])
            except ValueError:
                raise bad("recurrenceRule.timezoneName: unknown time zone") from None
        try:
            series(doc)
        except RuleError as error:
            raise bad(f"recurrenceRule: {error}") from None
        except (ValueError, TypeError, OverflowError):
            raise bad("recurrenceRule: not a rule that produces dates") from None


def _content(body: Mapping[str, Any]) -> dict[str, Any]:
    return {"mimeType": body.get("mimeType", "text/html"), "content": body["content"]}


def create_event(ctx: Context) -> tuple[int, Any]:
    """200 (not 201); `result` is the id with every other event field null."""
    body = ctx.body
    member_id = ctx.principal.user_id
    with ctx.store.transaction():
        calendar = writable_calendar(ctx, ctx.path["calendar-id"])
        event_id = new_id()
        now = stamp(ctx)
        doc: dict[str, Any] = {
            "id": event_id,
            "calendarId": calendar["id"],
            "subject": body["subject"],
            "body": _content(body["body"]) if "body" in body else {"mimeType": "text/html", "content": ""},
            "startedAt": body["startedAt"],
            "endedAt": body["endedAt"],
            "location": body.get("location"),
            "createdAt": now,
            "updatedAt": now,
            "category": "general",
            "uid": f"{event_id}@dooray.com",
            "users": build_users(
                body.get("users") or {}, ctx.principal, ctx.world.users.get(PROVIDER, {}), None
            ),
        }
        if "wholeDayFlag" in body:
            doc["wholeDayFlag"] = body["wholeDayFlag"]
        if "recurrenceRule" in body:
            doc["recurrenceRule"] = dict(body["recurrenceRule"])
        if "personalSettings" in body:
            doc["personalSettings"] = {member_id: body["personalSettings"]}
        check_times(doc)
        lo, hi = coarse_window(doc)
        ctx.store.insert_event(PROVIDER, str(calendar["id"]), event_id, doc, lo, hi)
    return 200, ok({"id": event_id, **dict.fromkeys(CREATED_NULL_FIELDS)})


def update_event(ctx: Context) -> tuple[int, Any]:
    """Only the fields given change. An occurrence id makes that occurrence `modified`: a row of its
    own, the series' fields plus the change. Changing a series' `startedAt` or `recurrenceRule`
    redefines it: its deleted and edited occurrences are dropped."""
    body = ctx.body
    member_id = ctx.principal.user_id
    with ctx.store.transaction():
        calendar = writable_calendar(ctx, ctx.path["calendar-id"])
        target = find_event(ctx.store, calendar, ctx.path["event-id"])
        if "recurrenceRule" in body and target.kind in ("modified", "occurrence"):
            raise bad(
                "recurrenceRule: an occurrence has no rule of its own; update its series (masterScheduleId)"
            )
        doc = copy.deepcopy(target.doc)
        changes_kind = "wholeDayFlag" in body and bool(body["wholeDayFlag"]) != bool(doc.get("wholeDayFlag"))
        if changes_kind and not ("startedAt" in body and "endedAt" in body):
            raise bad("wholeDayFlag: send startedAt and endedAt with it")
        for key in ("subject", "startedAt", "endedAt", "wholeDayFlag", "location", "recurrenceRule"):
            if key in body:
                doc[key] = copy.deepcopy(body[key])
        if "wholeDayFlag" not in body and "startedAt" in body and "endedAt" in body:
            doc["wholeDayFlag"] = is_day(body["startedAt"])
        if "body" in body:
            doc["body"] = _content(body["body"])
        if "users" in body:
            members = ctx.world.users.get(PROVIDER, {})
            organizer = members.get(member_id, ctx.principal)
            doc["users"] = build_users(body["users"], organizer, members, doc.get("users"))
        if "personalSettings" in body:
            doc.setdefault("personalSettings", {})[member_id] = body["personalSettings"]
        check_times(doc)
        doc["updatedAt"] = stamp(ctx)
        calendar_id = str(calendar["id"])
        if target.kind == "master" and ("startedAt" in body or "recurrenceRule" in body):
            doc.pop("exdates", None)
            for row in edited_occurrences(ctx.store, calendar_id, str(doc["id"])):
                ctx.store.delete_event(PROVIDER, calendar_id, str(row["id"]))
        lo, hi = coarse_window(doc)
        if target.kind == "occurrence":
            ctx.store.insert_event(PROVIDER, calendar_id, str(doc["id"]), doc, lo, hi)
        else:
            ctx.store.replace_event(PROVIDER, calendar_id, str(doc["id"]), doc, lo, hi)
    return 200, ok(None)


def delete_event(ctx: Context) -> tuple[int, Any]:
    """`deleteType` `this` (also without a body), `wholeFromThis` or `whole`; see `series.delete`."""
    delete_type = (ctx.body or {}).get("deleteType", "this")
    with ctx.store.transaction():
        calendar = writable_calendar(ctx, ctx.path["calendar-id"])
        target = find_event(ctx.store, calendar, ctx.path["event-id"])
        delete(ctx.store, str(calendar["id"]), target, delete_type)
    return 200, ok(None)
