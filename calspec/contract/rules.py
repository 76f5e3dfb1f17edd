"""One checker per rule the specs name in `x-calspec-rules`: does a request break it?

A rule is something JSON Schema cannot state (an end not before its start, the same `eventId` in every
component); a schema-valid request that breaks one gets the documented 400. The contract hooks accept a
400 to a positive case only when `may_be_refused` says some rule of its operation is broken, or can't be
told from the request alone.

A checker reads the request as sent (`Request`: body, path and query parameters, and the operation, for
the extensions it needs) and answers True (broken), False (kept) or None (it depends on what the server
stores: an update that moves only `endedAt` of a stored event may or may not put it before the start).
Checkers are keyed by provider and rule name; `tests/test_contract_hooks.py` fails when the specs name a
rule no checker covers, or a checker covers no rule the specs name.

`KEEPERS` holds, for the one rule random data always breaks (a random `eventId` is never the path's),
what makes a generated request keep it; the hooks apply it where schemathesis generates (`map_case`).

Times are read here the way the spec describes them, not through the fake's code; for recurrences the
checkers reuse the fake's rule parser (`calspec.fake.recurrence.parse_lines`, `from_options`), which
raises `RuleError` for a rule that can't be expanded or never occurs, rather than a rule engine of
their own.
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from dateutil import rrule

from calspec.core.formats import is_time_zone, parse_date_time, parse_offset_date
from calspec.core.operations import Operation
from calspec.fake.recurrence import RuleError, from_options, parse_lines

EPOCH = datetime.datetime(1970, 1, 1)


@dataclass(frozen=True)
class Request:
    """What a checker reads: the operation and the request as sent."""

    operation: Operation
    body: Any = None
    path: Mapping[str, Any] = field(default_factory=dict)
    query: Mapping[str, Any] = field(default_factory=dict)


# True: broken; False: kept; None: can't be told from the request alone.
Verdict = bool | None
Checker = Callable[[Request], Verdict]


def _any(verdicts: Iterator[Verdict]) -> Verdict:
    """True when one is True; else None when one is None; else False."""
    unknown = False
    for verdict in verdicts:
        if verdict:
            return True
        unknown = unknown or verdict is None
    return None if unknown else False


def _wall_seconds(value: datetime.datetime) -> int:
    """Seconds from 1970-01-01 to a wall time, whole seconds (year 1 is fine)."""
    naive = value.replace(tzinfo=None, microsecond=0)
    return (naive - EPOCH) // datetime.timedelta(seconds=1)


def _epoch(value: datetime.datetime) -> int:
    """Epoch seconds of an aware time: its wall clock less its offset (no conversion that can overflow)."""
    offset = value.utcoffset() or datetime.timedelta(0)
    return _wall_seconds(value) - offset // datetime.timedelta(seconds=1)


# LINE WORKS: {"eventComponents": [{"eventId", "start", "end", "recurrence", "recurringEventId"...}]}
# A `start`/`end` is {"date": "YYYY-MM-DD"} (a floating all-day date) or {"dateTime", "timeZone"}.


def _components(request: Request) -> list[Mapping[str, Any]] | None:
    body = request.body
    components = body.get("eventComponents") if isinstance(body, Mapping) else None
    if not isinstance(components, list) or not all(isinstance(c, Mapping) for c in components):
        return None
    return components


def _times(component: Mapping[str, Any]) -> tuple[Mapping[str, Any], Mapping[str, Any]] | None:
    """A component's start and end, when it has both as objects."""
    start, end = component.get("start"), component.get("end")
    if isinstance(start, Mapping) and isinstance(end, Mapping):
        return start, end
    return None


def _lineworks_clock(time: Mapping[str, Any]) -> datetime.datetime | None:
    """A start or end as a rule reads it: naive midnight for a date, aware in its zone for a dateTime;
    None when it can't be read from the request (no time zone: the user's applies)."""
    try:
        if "date" in time:
            day = datetime.date.fromisoformat(str(time["date"]))
            return datetime.datetime(day.year, day.month, day.day)
        name = time.get("timeZone")
        if not isinstance(name, str) or not is_time_zone(name):
            return None
        return datetime.datetime.fromisoformat(str(time["dateTime"])).replace(tzinfo=zoneinfo.ZoneInfo(name))
    except (KeyError, ValueError):
        return None


def _lineworks_seconds(time: Mapping[str, Any]) -> int | None:
    """Epoch seconds of a dateTime; wall seconds of a floating date's midnight."""
    clock = _lineworks_clock(time)
    if clock is None:
        return None
    return _wall_seconds(clock) if clock.tzinfo is None else _epoch(clock)


def start_end_same_kind(request: Request) -> Verdict:
    """`start` and `end` of a component are both `date` or both `dateTime`."""
    components = _components(request)
    if components is None:
        return None
    return any(
        ("date" in times[0]) != ("date" in times[1]) for c in components if (times := _times(c)) is not None
    )


def lineworks_end_not_before_start(request: Request) -> Verdict:
    """A component's `end` is not before its `start` (mixed kinds are the rule above's)."""
    components = _components(request)
    if components is None:
        return None

    def verdicts() -> Iterator[Verdict]:
        for component in components:
            times = _times(component)
            if times is None or ("date" in times[0]) != ("date" in times[1]):
                continue
            start, end = _lineworks_seconds(times[0]), _lineworks_seconds(times[1])
            yield None if start is None or end is None else end < start

    return _any(verdicts())


def one_main_component(request: Request) -> Verdict:
    """At most one component is the event itself (a series' master counts; exceptions carry
    `recurringEventId`)."""
    components = _components(request)
    if components is None:
        return None
    mains = [c for c in components if c.get("recurrence") or not c.get("recurringEventId")]
    return len(mains) > 1


def same_event_id(request: Request) -> Verdict:
    """Every component that gives an `eventId` gives the same one."""
    components = _components(request)
    if components is None:
        return None
    return len({str(c["eventId"]) for c in components if "eventId" in c}) > 1


def recurrence_valid(request: Request) -> Verdict:
    """Every component's `recurrence` parses over its start and occurs (the fake's parser decides)."""
    components = _components(request)
    if components is None:
        return None

    def verdicts() -> Iterator[Verdict]:
        for component in components:
            lines = component.get("recurrence")
            if not lines:
                continue
            start = component.get("start")
            clock = _lineworks_clock(start) if isinstance(start, Mapping) else None
            if clock is None or not isinstance(lines, list):
                yield None
                continue
            try:
                parse_lines([str(line) for line in lines], clock)
            except RuleError:
                yield True
            except (ValueError, TypeError, OverflowError):  # the parser's own trouble: not the request's
                yield None
            else:
                yield False

    return _any(verdicts())


def path_event_id(request: Request) -> Verdict:
    """Every component's `eventId` is the path's `eventId` (a replacement keeps its id)."""
    components = _components(request)
    path_id = request.path.get("eventId")
    if components is None or path_id is None:
        return None
    return any("eventId" in c and str(c["eventId"]) != str(path_id) for c in components)


# Dooray: {"startedAt", "endedAt", "wholeDayFlag", "recurrenceRule": {...}}; a time is an RFC 3339
# date-time or an all-day `offset-date` (`2015-09-08+09:00`, midnight at that offset). An update sends
# only what changes: what it leaves out is the stored event's, which the request doesn't show.

FREQUENCIES: dict[str, int] = {
    "daily": rrule.DAILY,
    "weekly": rrule.WEEKLY,
    "monthly": rrule.MONTHLY,
    "yearly": rrule.YEARLY,
}
WEEKDAYS = {name: getattr(rrule, name) for name in ("MO", "TU", "WE", "TH", "FR", "SA", "SU")}
DAY_TOKEN = re.compile(r"^(-?[1-5])? ?(SU|MO|TU|WE|TH|FR|SA)$")


def _body(request: Request) -> Mapping[str, Any]:
    return request.body if isinstance(request.body, Mapping) else {}


def _is_day(value: str) -> bool:
    return "T" not in value and "t" not in value


@dataclass(frozen=True)
class _DoorayTime:
    seconds: int
    clock: datetime.datetime  # aware for a date-time; naive midnight for a day
    day: bool
    offset: int


def _dooray_time(value: object) -> _DoorayTime | None:
    if not isinstance(value, str):
        return None
    try:
        if _is_day(value):
            day, offset = parse_offset_date(value)
            midnight = datetime.datetime(day.year, day.month, day.day)
            return _DoorayTime(_wall_seconds(midnight) - offset, midnight, True, offset)
        clock = parse_date_time(value)
    except ValueError:
        return None
    east = clock.utcoffset() or datetime.timedelta(0)
    return _DoorayTime(_epoch(clock), clock, False, east // datetime.timedelta(seconds=1))


def times_same_kind(request: Request) -> Verdict:
    """`startedAt` and `endedAt` both dates or both date-times, and `wholeDayFlag`, when given, saying
    which. Given without the other, a time (or the flag) meets the stored event's: can't tell."""
    body = _body(request)
    start, end, flag = body.get("startedAt"), body.get("endedAt"), body.get("wholeDayFlag")
    if start is None and end is None and flag is None:
        return False
    if not (isinstance(start, str) and isinstance(end, str)):
        return None
    if _is_day(start) != _is_day(end):
        return True
    return flag is not None and bool(flag) != _is_day(start)


def dooray_end_not_before_start(request: Request) -> Verdict:
    """`endedAt` is not before `startedAt`; one of them alone meets the stored other: can't tell."""
    body = _body(request)
    if "startedAt" not in body and "endedAt" not in body:
        return False
    start, end = _dooray_time(body.get("startedAt")), _dooray_time(body.get("endedAt"))
    if start is None or end is None:
        return None
    return end.seconds < start.seconds


def _weekdays(text: str) -> list[Any]:
    days = []
    for token in text.split(","):
        match = DAY_TOKEN.match(token.strip())
        if match is None:
            raise ValueError(f"not a day: {token!r}")
        weekday = WEEKDAYS[match.group(2)]
        days.append(weekday(int(match.group(1))) if match.group(1) else weekday)
    return days


def _rule_options(rule: Mapping[str, Any], start: _DoorayTime) -> dict[str, Any]:
    """`recurrenceRule` as dateutil keyword arguments over the start, as the spec describes it."""
    options: dict[str, Any] = {"interval": int(rule.get("interval") or 1)}
    if rule.get("until"):
        until = parse_date_time(str(rule["until"]))
        if start.day:  # an all-day series runs on naive midnights: the until's wall time at the day's offset
            shift = datetime.timedelta(seconds=start.offset) - (until.utcoffset() or datetime.timedelta(0))
            until = until.replace(tzinfo=None) + shift
        options["until"] = until
    if rule.get("byday"):
        options["byweekday"] = _weekdays(str(rule["byday"]))
    for name in ("bymonth", "bymonthday"):
        if rule.get(name):
            options[name] = [int(part) for part in str(rule[name]).split(",")]
    return options


def _changes_stored(operation: Operation) -> bool:
    """Whether the operation changes a stored resource (its `x-calspec-resource` key is all the
    request's) rather than creating one (a part comes from the response)."""
    resource = operation.resource
    return resource is not None and all(not part.startswith("$response.") for part in resource.key.values())


def rule_occurs(request: Request) -> Verdict:
    """`recurrenceRule` names a known `timezoneName` and occurs at least once from `startedAt`. An
    update that moves `startedAt` under a stored rule, or sends a rule without `startedAt`: can't tell."""
    body = _body(request)
    rule = body.get("recurrenceRule")
    if not rule:
        return None if _changes_stored(request.operation) and "startedAt" in body else False
    start = _dooray_time(body.get("startedAt"))
    if start is None or not isinstance(rule, Mapping):
        return None
    name = rule.get("timezoneName")
    if name and not is_time_zone(str(name)):
        return True
    clock = start.clock
    try:
        if name and not start.day:  # a timed series is read on the wall clock of its zone
            clock = clock.astimezone(zoneinfo.ZoneInfo(str(name)))
        from_options(FREQUENCIES[str(rule["frequency"])], clock, **_rule_options(rule, start))
    except (RuleError, ValueError, TypeError, OverflowError, KeyError):
        return True
    return False


def whole_day_change_with_times(request: Request) -> Verdict:
    """A `wholeDayFlag` sent without both times changes the stored event's kind or not: can't tell."""
    body = _body(request)
    if "wholeDayFlag" in body and not ("startedAt" in body and "endedAt" in body):
        return None
    return False


def no_rule_on_occurrence(request: Request) -> Verdict:
    """A `recurrenceRule` sent to an occurrence of a series (its id matches the resource's `series-id`)."""
    resource = request.operation.resource
    if "recurrenceRule" not in _body(request):
        return False
    if resource is None or resource.series_id is None or resource.series_of is None:
        return None
    expression = resource.key.get(resource.series_of, "")
    name = expression.removeprefix("$request.path.")
    value = request.path.get(name)
    if value is None or name == expression:
        return None
    return re.match(resource.series_id, str(value)) is not None


def give_path_event_id(request: Request) -> None:
    """Keep `path-event-id`: every component that names an event names the path's."""
    components = _components(request)
    path_id = request.path.get("eventId")
    if components is None or path_id is None:
        return
    for component in components:
        if "eventId" in component and isinstance(component, dict):
            component["eventId"] = path_id


# provider -> rule name -> checker
CHECKERS: dict[str, dict[str, Checker]] = {
    "lineworks": {
        "start-end-same-kind": start_end_same_kind,
        "end-not-before-start": lineworks_end_not_before_start,
        "one-main-component": one_main_component,
        "same-event-id": same_event_id,
        "recurrence-valid": recurrence_valid,
        "path-event-id": path_event_id,
    },
    "dooray": {
        "times-same-kind": times_same_kind,
        "end-not-before-start": dooray_end_not_before_start,
        "rule-occurs": rule_occurs,
        "whole-day-change-with-times": whole_day_change_with_times,
        "no-rule-on-occurrence": no_rule_on_occurrence,
    },
}


# provider -> rule name -> what makes a generated request keep it, in place: for the rules random data
# breaks so often that the operation would never be reached (a random `eventId` is never the path's).
KEEPERS: dict[str, dict[str, Callable[[Request], None]]] = {
    "lineworks": {"path-event-id": give_path_event_id},
}


def keep(request: Request) -> None:
    """Make the request keep the rules of its operation that have a keeper, in place."""
    keepers = KEEPERS.get(request.operation.provider, {})
    for rule in request.operation.rules:
        keeper = keepers.get(rule.name)
        if keeper is not None:
            keeper(request)


def verdicts(request: Request) -> dict[str, Verdict]:
    """Each rule of the request's operation and whether the request breaks it."""
    checkers = CHECKERS.get(request.operation.provider, {})
    found: dict[str, Verdict] = {}
    for rule in request.operation.rules:
        checker = checkers.get(rule.name)
        # A rule nobody can check can't be ruled out (the test of CHECKERS keeps this from happening).
        found[rule.name] = None if checker is None else checker(request)
    return found


def may_be_refused(request: Request) -> bool:
    """Whether a 400 is a documented answer: some rule of the operation is broken or can't be told."""
    return any(verdict is not False for verdict in verdicts(request).values())
